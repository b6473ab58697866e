//! The history of a session: who changed what and when, from the journal's
//! operations, oldest first, optionally only what concerns one team or one
//! juror. Pure: the operations come in, the entries go out; the words are
//! in `crate::words::history`.
//!
//! A batch is listed part by part (a juror absent for the rest: one entry
//! per team), except an import, which is one entry. The creation of the
//! session is not a change and is left out.

use chrono::{DateTime, Utc};

use super::operation::{BatchLabel, Change, Operation};
use super::session::{JurorId, TeamId};

/// One listed change.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'a> {
    pub at: DateTime<Utc>,
    pub writer: &'a str,
    /// Which terminal wrote it: 1 for the first writer of the journal, 2
    /// for the next one, and so on.
    pub terminal: usize,
    pub change: &'a Change,
}

/// What to keep: every change, or those concerning a team, a juror, or
/// both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub team: Option<TeamId>,
    pub juror: Option<JurorId>,
}

impl Filter {
    fn keeps(&self, change: &Change) -> bool {
        let team = self.team.as_ref().is_none_or(|t| concerns_team(change, t));
        let juror = self
            .juror
            .as_ref()
            .is_none_or(|j| concerns_juror(change, j));
        team && juror
    }
}

/// The entries of `operations` that `filter` keeps, oldest first.
pub fn entries<'a>(operations: &'a [Operation], filter: &Filter) -> Vec<Entry<'a>> {
    let mut writers: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for op in operations {
        let terminal = match writers.iter().position(|w| *w == op.writer.as_str()) {
            Some(i) => i + 1,
            None => {
                writers.push(&op.writer);
                writers.len()
            }
        };
        let mut parts = Vec::new();
        parts_of(&op.change, &mut parts);
        out.extend(
            parts
                .into_iter()
                .filter(|change| filter.keeps(change))
                .map(|change| Entry {
                    at: op.at,
                    writer: &op.writer,
                    terminal,
                    change,
                }),
        );
    }
    out
}

/// A change as listed: a batch by its parts (an import whole).
fn parts_of<'a>(change: &'a Change, out: &mut Vec<&'a Change>) {
    match change {
        Change::Create { .. } => {}
        Change::Batch {
            label: BatchLabel::Import { .. },
            ..
        } => out.push(change),
        Change::Batch { changes, .. } => {
            for part in changes {
                parts_of(part, out);
            }
        }
        other => out.push(other),
    }
}

/// Whether a change concerns a team.
pub fn concerns_team(change: &Change, team: &str) -> bool {
    match change {
        Change::SetCell { team: t, .. }
        | Change::SetHandwritten { team: t, .. }
        | Change::SetSheet { team: t, .. }
        | Change::SetVerified { team: t, .. }
        | Change::SetSecondCell { team: t, .. }
        | Change::ResolveCell { team: t, .. }
        | Change::SetTeamStatus { team: t, .. }
        | Change::SetTeam { id: t, .. } => t == team,
        Change::AddDecision { decision } | Change::RemoveDecision { decision } => {
            decision.teams.iter().any(|t| t == team)
        }
        Change::AddQuestion { question } | Change::RemoveQuestion { question } => {
            question.team == team
        }
        Change::SetQueue { edit } => edit.seen.iter().chain(&edit.new).any(|s| s.team == team),
        Change::SetStage { edit } => [&edit.seen.team, &edit.new.team]
            .into_iter()
            .any(|t| t.as_deref() == Some(team)),
        Change::Batch { changes, .. } => changes.iter().any(|c| concerns_team(c, team)),
        Change::Create { .. }
        | Change::SetEvent { .. }
        | Change::SetSettings { .. }
        | Change::SetOrganisation { .. }
        | Change::SetJuror { .. }
        | Change::SetCriterion { .. }
        | Change::SetSchedule { .. }
        | Change::SetMessage { .. }
        | Change::Seal
        | Change::Unseal
        | Change::SetRevealed { .. } => false,
        Change::SetReveal { edit } => [&edit.seen, &edit.new]
            .into_iter()
            .flatten()
            .flat_map(|r| &r.places)
            .any(|p| p.teams.iter().any(|t| t == team)),
    }
}

/// Whether a change concerns a juror.
pub fn concerns_juror(change: &Change, juror: &str) -> bool {
    match change {
        Change::SetCell { juror: j, .. }
        | Change::SetHandwritten { juror: j, .. }
        | Change::SetSheet { juror: j, .. }
        | Change::SetSecondCell { juror: j, .. }
        | Change::ResolveCell { juror: j, .. }
        | Change::SetJuror { id: j, .. } => j == juror,
        Change::AddQuestion { question } | Change::RemoveQuestion { question } => {
            question.juror == juror
        }
        Change::SetQueue { edit } => edit.seen.iter().chain(&edit.new).any(|s| s.juror == juror),
        Change::Batch { changes, .. } => changes.iter().any(|c| concerns_juror(c, juror)),
        Change::Create { .. }
        | Change::SetVerified { .. }
        | Change::SetTeamStatus { .. }
        | Change::SetTeam { .. }
        | Change::AddDecision { .. }
        | Change::RemoveDecision { .. }
        | Change::SetStage { .. }
        | Change::SetEvent { .. }
        | Change::SetSettings { .. }
        | Change::SetOrganisation { .. }
        | Change::SetCriterion { .. }
        | Change::SetSchedule { .. }
        | Change::SetMessage { .. }
        | Change::SetReveal { .. }
        | Change::SetRevealed { .. }
        | Change::Seal
        | Change::Unseal => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Dec, Edit};
    use chrono::TimeZone;

    fn cell(team: &str, juror: &str, v: i64) -> Change {
        Change::SetCell {
            team: team.into(),
            juror: juror.into(),
            criterion: "impact".into(),
            edit: Edit::new(None, Some(Dec::int(v))),
        }
    }

    fn op(writer: &str, minute: u32, change: Change) -> Operation {
        let at = Utc.with_ymd_and_hms(2026, 3, 12, 13, minute, 0).unwrap();
        Operation::new(change, writer, at)
    }

    fn absent(team: &str) -> Change {
        crate::domain::fixture::absent(team, "J2")
    }

    fn journal() -> Vec<Operation> {
        let session = crate::domain::fixture::session();
        vec![
            op(
                "a",
                0,
                Change::Create {
                    session: Box::new(session),
                },
            ),
            op("b", 1, cell("T01", "J1", 4)),
            op("a", 2, cell("T02", "J2", 3)),
            op(
                "b",
                3,
                Change::Batch {
                    label: BatchLabel::AbsentFromRest {
                        juror: "J2".into(),
                        from: "T03".into(),
                    },
                    changes: vec![absent("T03"), absent("T04")],
                },
            ),
            op(
                "c",
                4,
                Change::Batch {
                    label: BatchLabel::Import {
                        file: "notes.csv".into(),
                    },
                    changes: vec![cell("T01", "J3", 2), cell("T04", "J1", 1)],
                },
            ),
        ]
    }

    #[test]
    fn every_change_oldest_first_batches_by_part_an_import_whole() {
        let ops = journal();
        let all = entries(&ops, &Filter::default());
        let listed: Vec<(u32, &str, usize)> = all
            .iter()
            .map(|e| (chrono::Timelike::minute(&e.at), e.writer, e.terminal))
            .collect();
        assert_eq!(
            listed,
            [
                (1, "b", 2),
                (2, "a", 1),
                (3, "b", 2),
                (3, "b", 2),
                (4, "c", 3)
            ]
        );
        assert!(matches!(all[4].change, Change::Batch { .. }));
    }

    #[test]
    fn filters_by_team_by_juror_or_both() {
        let ops = journal();
        let team = |t: &str| Filter {
            team: Some(t.into()),
            juror: None,
        };
        assert_eq!(entries(&ops, &team("T01")).len(), 2, "a cell, the import");
        assert_eq!(entries(&ops, &team("T03")).len(), 1);
        let j2 = Filter {
            team: None,
            juror: Some("J2".into()),
        };
        assert_eq!(entries(&ops, &j2).len(), 3);
        let both = Filter {
            team: Some("T04".into()),
            juror: Some("J2".into()),
        };
        let kept = entries(&ops, &both);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].change, &absent("T04"));
        let none = Filter {
            team: Some("T09".into()),
            juror: None,
        };
        assert!(entries(&ops, &none).is_empty());
    }
}
