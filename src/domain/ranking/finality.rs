//! Whether the official results are final, and if not, what keeps them
//! provisional: sheets missing, partial or mismatched, a tie at the
//! cut-off waiting for the jury, a decision a changed score made stale.

use std::collections::HashSet;

use super::sheets::Board;
use super::{Ranking, WarningCode};
use crate::domain::session::{Session, SheetKey, TeamId};
use crate::domain::{Change, apply};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Finality {
    pub missing: usize,
    pub partial: usize,
    pub mismatched: usize,
    /// Ties at the laureate cut-off with no decision.
    pub ties_waiting: usize,
    pub stale_decisions: usize,
}

impl Finality {
    /// The official ranking's state.
    pub fn of(ranking: &Ranking) -> Finality {
        let count = |code| ranking.warnings.iter().filter(|w| w.code == code).count();
        let ties_waiting = ranking
            .cutoff_groups()
            .iter()
            .filter(|g| g.first().is_none_or(|t| ranking.decision_for(t).is_none()))
            .count();
        Finality {
            missing: count(WarningCode::MissingSheet),
            partial: count(WarningCode::PartialSheet),
            mismatched: count(WarningCode::ChecksumMismatch),
            ties_waiting,
            stale_decisions: count(WarningCode::StaleDecision),
        }
    }

    /// Every expected sheet counts, no tie waits, no decision is stale.
    pub fn is_final(&self) -> bool {
        *self == Finality::default()
    }
}

/// Whether a change can move a score (what the score grid saves).
fn moves_scores(change: &Change) -> bool {
    match change {
        Change::SetCell { .. }
        | Change::SetHandwritten { .. }
        | Change::SetSheet { .. }
        | Change::SetTeamStatus { .. } => true,
        Change::Batch { changes, .. } => changes.iter().any(moves_scores),
        _ => false,
    }
}

/// The decisions of the jury in force on `session` that `changes` would
/// make stale (a score changed, the tie is no longer the same): the teams
/// of each, to warn at the key that does it. Only when a decision exists
/// and a change can move a score; a change of sheets only (a grid's key)
/// is applied to a copy of those sheets and read again on one board,
/// anything else to a copy of the session ranked again.
pub fn voided_by(session: &Session, changes: &[Change]) -> Vec<Vec<TeamId>> {
    if session.decisions.is_empty() || !changes.iter().any(moves_scores) {
        return Vec::new();
    }
    let mut keys = HashSet::new();
    if !sheet_keys(changes, &mut keys) || keys.len() > SHEETS_READ_AGAIN {
        return voided_on_a_copy(session, changes);
    }
    let mut after = session.with_only_sheets(&keys);
    for change in changes {
        if apply(&mut after, change).is_err() {
            return Vec::new();
        }
    }
    let teams: HashSet<&TeamId> = keys.iter().map(|k| &k.team).collect();
    let mut board = Board::build(session);
    let before = in_force(&super::place(session, &board, session.settings.method));
    board.reread(
        session,
        |team| teams.contains(&team.id),
        |team, juror| {
            let key = SheetKey::new(team.id.clone(), juror.id.clone());
            match keys.contains(&key) {
                true => after.sheets.get(&key),
                false => session.sheets.get(&key),
            }
        },
    );
    let still = in_force(&super::place(session, &board, session.settings.method));
    voided(session, before, &still)
}

/// Beyond this many sheets changed (an import), the session is copied.
const SHEETS_READ_AGAIN: usize = 1_000;

/// The sheets `changes` touch, if they change nothing but sheets' values,
/// handwritten totals and marks.
fn sheet_keys(changes: &[Change], keys: &mut HashSet<SheetKey>) -> bool {
    changes.iter().all(|change| match change {
        Change::SetCell { team, juror, .. }
        | Change::SetHandwritten { team, juror, .. }
        | Change::SetSheet { team, juror, .. } => {
            keys.insert(SheetKey::new(team.clone(), juror.clone()));
            true
        }
        Change::Batch { changes, .. } => sheet_keys(changes, keys),
        _ => false,
    })
}

/// The decisions applied to some group of `placement`, sorted.
fn in_force(placement: &super::Placement) -> Vec<usize> {
    let mut used: Vec<usize> = placement.places.iter().filter_map(|p| p.decision).collect();
    used.sort_unstable();
    used.dedup();
    used
}

/// The teams of the decisions in force `before` and not `still`.
fn voided(session: &Session, before: Vec<usize>, still: &[usize]) -> Vec<Vec<TeamId>> {
    before
        .into_iter()
        .filter(|i| !still.contains(i))
        .filter_map(|i| session.decisions.get(i).map(|d| d.teams.clone()))
        .collect()
}

/// [`voided_by`] the plain way: the changes applied to a copy of the
/// session, both ranked from scratch.
pub fn voided_on_a_copy(session: &Session, changes: &[Change]) -> Vec<Vec<TeamId>> {
    if session.decisions.is_empty() || !changes.iter().any(moves_scores) {
        return Vec::new();
    }
    let mut after = session.clone();
    for change in changes {
        if apply(&mut after, change).is_err() {
            return Vec::new();
        }
    }
    let method = session.settings.method;
    let in_force_of = |s: &Session| {
        let board = Board::build(s);
        in_force(&super::place(s, &board, method))
    };
    let still = in_force_of(&after);
    voided(session, in_force_of(session), &still)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ranking::{Method, rank};

    #[test]
    fn a_session_without_sheets_is_provisional_and_says_why() {
        let s = crate::domain::fixture::session();
        let f = Finality::of(&rank(&s, Method::Mean));
        assert!(!f.is_final());
        assert!(f.missing > 0, "{f:?}");
        assert_eq!((f.partial, f.mismatched, f.stale_decisions), (0, 0, 0));
        assert!(Finality::default().is_final());
    }

    #[test]
    fn a_score_that_breaks_a_decided_tie_voids_the_decision() {
        use crate::domain::fixture::session;
        use crate::domain::session::{Decision, DecisionKind, SheetKey};
        use crate::domain::{Dec, Edit};
        let mut s = session();
        s.settings.laureates = 1;
        // T01 and T02 tied at the cut-off with one sheet each (J3's); the jury
        // admitted both.
        for team in ["T01", "T02"] {
            let sheet = s
                .sheets
                .entry(SheetKey::new(team.into(), "J3".into()))
                .or_default();
            for c in s.criteria.iter().map(|c| c.id.clone()).collect::<Vec<_>>() {
                sheet.values.insert(c, Dec::int(5));
            }
        }
        s.settings.min_sheets = 1;
        s.decisions.push(Decision {
            kind: DecisionKind::Admit,
            teams: vec!["T01".into(), "T02".into()],
            by: "Présidente".into(),
            reason: "vote".into(),
            at: chrono::DateTime::UNIX_EPOCH,
        });
        let criterion = s.criteria[0].id.clone();
        let cell = |new: i64| Change::SetCell {
            team: "T02".into(),
            juror: "J3".into(),
            criterion: criterion.clone(),
            edit: Edit::new(Some(Dec::int(5)), Some(Dec::int(new))),
        };
        assert_eq!(
            voided_by(&s, &[cell(4)]),
            vec![vec![TeamId::from("T01"), TeamId::from("T02")]]
        );
        // The same value again: nothing voided.
        assert!(voided_by(&s, &[cell(5)]).is_empty());
        // No decision: nothing ranked, nothing said.
        s.decisions.clear();
        assert!(voided_by(&s, &[cell(4)]).is_empty());
    }
}
