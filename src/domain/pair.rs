//! How a (team, juror) pair stands: one state for the grid, the
//! completeness board and the ranking.
//!
//! First whether a sheet is expected at all (the team withdrawn, the juror
//! absent or recused, by a mark or by the same-organisation rule), then how
//! far the expected sheet is filled and whether it counts.

use super::scoring::{Fill, summarize};
use super::session::{Juror, Mark, Session, Team, TeamStatus};

/// How a (team, juror) pair stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PairState {
    /// Expected, and no value entered (a handwritten total alone does not
    /// make a sheet).
    Empty,
    /// Some criteria have a value, not all.
    Partial,
    /// Complete, no mismatch: the sheet counts.
    Entered,
    /// Complete, but the handwritten total differs from the plain sum.
    Mismatch,
    /// Counts, and the team's grid is verified.
    Verified,
    /// The juror left the room: no sheet for this team.
    Absent,
    /// Explicit recusal.
    Recused,
    /// Same organisation, with the session's recusal rule on.
    AutoRecused,
    /// The team is withdrawn: nothing is expected.
    Withdrawn,
}

impl PairState {
    /// The state of an expected sheet from how much of it is filled.
    pub fn of_sheet(fill: Fill, mismatch: bool, verified: bool) -> PairState {
        match fill {
            Fill::Empty => PairState::Empty,
            Fill::Partial => PairState::Partial,
            Fill::Complete if mismatch => PairState::Mismatch,
            Fill::Complete if verified => PairState::Verified,
            Fill::Complete => PairState::Entered,
        }
    }

    /// A sheet is expected (neither absent, recused nor withdrawn).
    pub fn is_expected(self) -> bool {
        match self {
            PairState::Empty
            | PairState::Partial
            | PairState::Entered
            | PairState::Mismatch
            | PairState::Verified => true,
            PairState::Absent
            | PairState::Recused
            | PairState::AutoRecused
            | PairState::Withdrawn => false,
        }
    }

    /// The sheet counts.
    pub fn counts(self) -> bool {
        matches!(self, PairState::Entered | PairState::Verified)
    }
}

impl Session {
    /// Why no sheet is expected from this pair (`Withdrawn`, `Absent`,
    /// `Recused` or `AutoRecused`); `None` when one is expected.
    pub fn excuse(&self, team: &Team, juror: &Juror) -> Option<PairState> {
        let mark = self.sheet(&team.id, &juror.id).and_then(|s| s.mark);
        self.excuse_with_mark(team, juror, mark)
    }

    /// [`Session::excuse`], the mark on the pair's sheet already read.
    pub fn excuse_with_mark(
        &self,
        team: &Team,
        juror: &Juror,
        mark: Option<Mark>,
    ) -> Option<PairState> {
        if team.status == TeamStatus::Withdrawn {
            return Some(PairState::Withdrawn);
        }
        match mark {
            Some(Mark::Recused) => Some(PairState::Recused),
            Some(Mark::Absent) => Some(PairState::Absent),
            None if self.auto_recused(team, juror) => Some(PairState::AutoRecused),
            None => None,
        }
    }

    /// How the pair stands now.
    pub fn pair_state(&self, team: &Team, juror: &Juror) -> PairState {
        let sheet = self.sheet(&team.id, &juror.id);
        if let Some(excuse) = self.excuse_with_mark(team, juror, sheet.and_then(|s| s.mark)) {
            return excuse;
        }
        let summary = summarize(&self.criteria, sheet);
        PairState::of_sheet(
            summary.fill,
            summary.mismatch,
            self.verified.contains(&team.id),
        )
    }

    /// Whether a sheet is expected from this pair (cheaper than the whole
    /// [`Session::pair_state`]: the sheet's values are not read).
    pub fn expects(&self, team: &Team, juror: &Juror) -> bool {
        self.excuse(team, juror).is_none()
    }
}
