//! What the grid's status line says, and the one-key questions it asks.

use super::super::NotSent;
use crate::domain::scoring::Disagreement;
use crate::domain::{Change, Dec, JurorId, Refusal, TeamId};

/// What the status line says.
// One value per grid, never in a hot collection: its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// A typed value was not sent (refused, not a number), or the cell
    /// cannot be entered (recused, absent, withdrawn).
    NotSent(NotSent),
    /// The team's grid is verified: unlock it first.
    Locked,
    /// The cell typed over was changed by the other terminal meanwhile:
    /// nothing sent; Enter again replaces `current` with `typed`.
    ChangedMeanwhile {
        seen: Option<Dec>,
        current: Option<Dec>,
        typed: Dec,
    },
    /// The save was refused (the other terminal changed it, the lock...).
    SaveRefused(Refusal),
    /// The handwritten total differs from the plain sum of the values.
    Mismatch {
        juror: JurorId,
        handwritten: Dec,
        sum: Dec,
    },
    Verified {
        not_counting: usize,
    },
    Unverified,
    /// The juror has no remaining team to mark absent (`locked`: verified
    /// teams left out).
    NothingToMark {
        locked: Vec<TeamId>,
    },
    /// Commit (Enter) or discard (Esc) the typed value first.
    FinishEntry,
    /// Pasted text that is not one number: nothing was taken.
    PasteRefused,
    /// A question waits for `y` (or Enter); anything else answers no.
    Ask(Ask),
}

/// A one-key question. What was typed stays in the input meanwhile.
#[derive(Clone, Debug, PartialEq)]
pub enum Ask {
    /// The sheet total stands far from the other jurors'.
    Disagreement {
        juror: JurorId,
        found: Disagreement,
        change: Change,
        then: Move,
    },
    /// Marking absent clears values already entered.
    Absent {
        juror: JurorId,
        change: Change,
    },
    /// Recusing the juror clears values already entered.
    Recuse {
        juror: JurorId,
        change: Change,
    },
    /// Absent for this team and every remaining one (`teams` in order).
    AbsentForRest {
        juror: JurorId,
        teams: Vec<TeamId>,
        /// Verified (locked) teams left out.
        locked: Vec<TeamId>,
        /// Later teams this juror already scored, left out.
        scored: Vec<TeamId>,
        change: Change,
    },
    Unverify {
        change: Change,
    },
    /// Lock a grid where `not_counting` expected sheets do not count yet.
    VerifyIncomplete {
        not_counting: usize,
        change: Change,
    },
}

/// Where the cursor goes after a commit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Stay on the cell (Delete).
    Stay,
    /// Right, then the next expected juror's row.
    Next,
    Up,
    Down,
    Left,
    Right,
    PrevTeam,
    NextTeam,
    StageTeam,
    RowStart,
    RowEnd,
}
