//! The minutes' list of changes: every journal operation after the one that
//! entered the first score, except a first value typed in an empty cell
//! (counted) and the running of the timer and the question queue; and the
//! results sealed or unsealed, wherever they were.

use chrono::{DateTime, Utc};

use crate::domain::{Change, JurorId, Operation, TeamId};
use crate::report::anonymous::Aliases;
use crate::words::minutes::{Naming, What};

/// One listed change.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'a> {
    pub at: DateTime<Utc>,
    pub writer: &'a str,
    pub what: What<'a>,
}

/// The listed changes and how many first entries were not listed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes<'a> {
    pub entries: Vec<Entry<'a>>,
    pub first_entries: usize,
}

/// Whether a change enters a value (the first score starts the list).
fn enters_a_value(change: &Change) -> bool {
    match change {
        Change::SetCell { edit, .. } => edit.new.is_some(),
        Change::SetSheet { edit, .. } => !edit.new.values.is_empty(),
        Change::Batch { changes, .. } => changes.iter().any(enters_a_value),
        _ => false,
    }
}

/// The changes after the first score and every seal, oldest first.
pub fn after_first_score<'a>(history: &'a [Operation], aliases: Option<&Aliases>) -> Changes<'a> {
    let mut out = Changes::default();
    let first = history.iter().position(|op| enters_a_value(&op.change));
    for (i, op) in history.iter().enumerate() {
        let after = first.is_some_and(|first| i > first);
        // The seal is listed wherever it stands: the results were hidden
        // (or shown) from then on.
        if !after && !matches!(op.change, Change::Seal | Change::Unseal) {
            continue;
        }
        let mut whats = Vec::new();
        describe(&op.change, aliases, &mut whats, &mut out.first_entries);
        out.entries.extend(whats.into_iter().map(|what| Entry {
            at: op.at,
            writer: &op.writer,
            what,
        }));
    }
    out
}

/// What `change` did, one entry per listed part (a batch gives its parts).
fn describe<'a>(
    change: &'a Change,
    aliases: Option<&Aliases>,
    out: &mut Vec<What<'a>>,
    first_entries: &mut usize,
) {
    let juror = |id: &JurorId| aliases.map_or_else(|| id.to_string(), |a| a.juror(id));
    let text = |t: &str| aliases.map_or_else(|| t.to_string(), |a| a.text(t));
    let naming = Naming {
        team: &|t: &TeamId| t.to_string(),
        juror: &juror,
        text: &text,
    };
    let what = match change {
        Change::SetCell { edit, .. } | Change::SetHandwritten { edit, .. }
            if edit.seen.is_none() && edit.new.is_some() =>
        {
            *first_entries += 1;
            return;
        }
        // The blind second entry checks the scores without changing them;
        // a resolution that changes the first entry is listed as a value.
        Change::ResolveCell {
            team,
            juror: j,
            criterion,
            edit,
        } if edit.seen.first != edit.new.first => What::Cell {
            team,
            juror: juror(j),
            criterion,
            seen: edit.seen.first,
            new: edit.new.first,
        },
        Change::Create { .. }
        | Change::SetSecondCell { .. }
        | Change::ResolveCell { .. }
        | Change::SetStage { .. }
        | Change::SetQueue { .. }
        | Change::SetMessage { .. }
        | Change::SetRevealed { .. }
        | Change::AddQuestion { .. }
        | Change::RemoveQuestion { .. } => return,
        Change::SetReveal { edit } => What::Reveal {
            laureates: edit.new.as_ref().map(|r| r.teams()),
        },
        Change::Batch { changes, .. } => {
            for c in changes {
                describe(c, aliases, out, first_entries);
            }
            return;
        }
        Change::SetCell {
            team,
            juror: j,
            criterion,
            edit,
        } => What::Cell {
            team,
            juror: juror(j),
            criterion,
            seen: edit.seen,
            new: edit.new,
        },
        Change::SetHandwritten {
            team,
            juror: j,
            edit,
        } => What::Handwritten {
            team,
            juror: juror(j),
            seen: edit.seen,
            new: edit.new,
        },
        Change::SetSheet {
            team,
            juror: j,
            edit,
        } => What::Sheet {
            team,
            juror: juror(j),
            new: &edit.new,
        },
        Change::SetVerified { team, edit } => What::Verified {
            team,
            new: edit.new,
        },
        Change::SetTeamStatus { team, edit } => What::Status {
            team,
            new: edit.new,
        },
        record => match What::of_record(record, &naming) {
            Some(what) => what,
            None => return,
        },
    };
    out.push(what);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::{absent, d};
    use crate::domain::operation::{BatchLabel, Edit};
    use crate::domain::{Event, Lang};

    fn op(change: Change, minute: i64) -> Operation {
        Operation::new(
            change,
            "abcdef0123456789",
            DateTime::UNIX_EPOCH + chrono::TimeDelta::minutes(minute),
        )
    }

    fn cell(juror: &str, seen: Option<&str>, new: Option<&str>) -> Change {
        Change::SetCell {
            team: "T01".into(),
            juror: juror.into(),
            criterion: "impact".into(),
            edit: Edit::new(seen.map(d), new.map(d)),
        }
    }

    #[test]
    fn after_the_first_score_corrections_are_listed_first_entries_counted() {
        let history = vec![
            op(
                Change::SetEvent {
                    edit: Edit::new(Event::default(), Event::default()),
                },
                0,
            ),
            op(cell("J1", None, Some("3")), 1),
            op(cell("J2", None, Some("4")), 2),
            op(cell("J1", Some("3"), Some("5")), 3),
            op(
                Change::Batch {
                    label: BatchLabel::Other("x".into()),
                    changes: vec![cell("J3", None, Some("1")), absent("T02", "J2")],
                },
                4,
            ),
        ];
        let changes = after_first_score(&history, None);
        assert_eq!(changes.first_entries, 2);
        let said: Vec<String> = changes
            .entries
            .iter()
            .map(|e| e.what.say(Lang::Fr))
            .collect();
        assert_eq!(said, ["T01 · J1 · impact : 3 → 5", "J2 absent pour T02"]);
        assert_eq!(changes.entries[1].at, history[4].at);
    }

    #[test]
    fn nothing_before_the_first_score() {
        let history = vec![op(
            Change::SetEvent {
                edit: Edit::new(Event::default(), Event::default()),
            },
            0,
        )];
        assert_eq!(after_first_score(&history, None), Changes::default());
    }

    #[test]
    fn the_seal_is_listed_before_the_first_score_too() {
        let history = vec![
            op(Change::Seal, 0),
            op(cell("J1", None, Some("3")), 1),
            op(Change::Unseal, 2),
        ];
        let changes = after_first_score(&history, None);
        let said: Vec<(DateTime<Utc>, String)> = changes
            .entries
            .iter()
            .map(|e| (e.at, e.what.say(Lang::Fr)))
            .collect();
        assert_eq!(
            said,
            [
                (history[0].at, "résultats scellés".to_string()),
                (history[2].at, "résultats descellés".to_string())
            ]
        );
        assert_eq!(changes.entries[1].what.say(Lang::En), "results unsealed");
    }

    #[test]
    fn the_reveal_is_listed_begun_and_ended_not_step_by_step() {
        use crate::domain::reveal::{Place, Reveal};
        let reveal = Reveal::new(vec![Place {
            rank: 1,
            teams: vec!["T01".into(), "T02".into()],
        }]);
        let step = |seen, new| Change::SetRevealed {
            edit: Edit::new(seen, new),
        };
        let history = vec![
            op(cell("J1", None, Some("3")), 0),
            op(
                Change::SetReveal {
                    edit: Edit::new(None, Some(reveal.clone())),
                },
                1,
            ),
            op(step(0, 1), 2),
            op(step(1, 2), 3),
            op(
                Change::SetReveal {
                    edit: Edit::new(Some(Reveal { shown: 2, ..reveal }), None),
                },
                4,
            ),
        ];
        let said: Vec<String> = after_first_score(&history, None)
            .entries
            .iter()
            .map(|e| e.what.say(Lang::Fr))
            .collect();
        assert_eq!(
            said,
            [
                "début de la proclamation des lauréats (2 lauréats)",
                "fin de la proclamation des lauréats"
            ]
        );
    }
}
