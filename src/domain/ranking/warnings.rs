//! Warnings, in schedule order then juror order (team-level ones after the
//! team's sheet warnings).

use crate::domain::pair::PairState;
use crate::domain::session::Decision;

use super::minimum::Partition;
use super::output::{Warning, WarningCode};
use super::sheets::Board;

pub fn collect(
    board: &Board,
    parts: &Partition,
    stale: &[usize],
    decisions: &[Decision],
) -> Vec<Warning> {
    // (team position, juror position or past the last juror, warning)
    let mut keyed: Vec<(usize, usize, Warning)> = Vec::new();
    let after_jurors = board.juror_count();
    for gap in &board.gaps {
        let code = match gap.state {
            PairState::Empty => WarningCode::MissingSheet,
            PairState::Partial => WarningCode::PartialSheet,
            PairState::Mismatch => WarningCode::ChecksumMismatch,
            PairState::Entered
            | PairState::Verified
            | PairState::Absent
            | PairState::Recused
            | PairState::AutoRecused
            | PairState::Withdrawn => continue,
        };
        keyed.push((
            gap.team,
            gap.juror,
            Warning {
                code,
                team: Some(board.teams[gap.team].id.clone()),
                juror: Some(board.jurors[gap.juror].id.clone()),
            },
        ));
    }
    for &t in parts.few.iter().chain(&parts.none) {
        keyed.push((
            t,
            after_jurors,
            Warning {
                code: WarningCode::TooFewSheets,
                team: Some(board.teams[t].id.clone()),
                juror: None,
            },
        ));
    }
    for &i in stale {
        // A stale decision is reported on its first team.
        let team = decisions[i].teams.first().cloned();
        let position = team
            .as_deref()
            .and_then(|id| board.teams.iter().position(|t| t.id == id))
            .unwrap_or(usize::MAX);
        keyed.push((
            position,
            after_jurors + 1,
            Warning {
                code: WarningCode::StaleDecision,
                team,
                juror: None,
            },
        ));
    }
    keyed.sort_by_key(|(t, j, _)| (*t, *j));
    keyed.into_iter().map(|(_, _, w)| w).collect()
}
