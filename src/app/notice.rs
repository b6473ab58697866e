//! What the status line says, as a typed value with its data. The words
//! are in `crate::words::notice`.

use crate::domain::ranking::decisions::DecisionProblem;
use crate::domain::stage::Phase;
use crate::domain::{Change, DecisionKind, Refusal, TeamId};

/// A line above the footer, until the next key.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    // Opening.
    /// What opening the session found (already worded by the storage).
    Opened(Vec<String>),

    // The timer.
    /// The team called was withdrawn meanwhile: the next one is called.
    WithdrawnCalled {
        gone: TeamId,
        next: Option<TeamId>,
    },
    NoTeamToCall,
    NothingToDoYet,
    /// A second `n` less than a second after the first: taken as a stray
    /// press, nothing done.
    NextIgnored,
    /// `n` ended a phase before its time was up.
    EndedEarly {
        team: TeamId,
        phase: Phase,
        left_secs: i64,
    },
    /// `r`: the phase starts again from its full time.
    Restarted {
        team: TeamId,
        phase: Phase,
        secs: i64,
    },
    /// Leaving the questions dropped jurors still waiting in the queue.
    QueueDropped(usize),
    /// The stage's and schedule's own lines (breaks, calling a team now,
    /// the start time, the message to the speaker).
    Live(LiveNotice),
    /// The laureates' reveal (`words::reveal`).
    Reveal(RevealNotice),

    // The schedule.
    /// Only teams still to come move.
    PitchedStays(TeamId),
    OnStageStays(TeamId),
    /// The team on stage cannot be withdrawn.
    OnStageNotWithdrawn(TeamId),
    /// `w` withdrew a team, or put it back in the schedule.
    Withdrawn(TeamId),
    Restored(TeamId),
    SelectTeam,
    SelectBreak,
    /// A break is inserted only before a team still to come.
    BreakBeforeComingOnly,

    // The setup.
    /// The official method and the criteria are locked: scoring started.
    SetupLocked,
    /// The text typed is not a value of the field.
    SetupUnreadable(crate::domain::setup::Field),
    SetupNameEmpty,
    /// The text field holds its most characters: the rest was not taken.
    SetupTooLong {
        max: usize,
    },
    SelectJuror,

    // The questions.
    NoTeamOnStage,
    /// The juror (by name) is already in the queue.
    AlreadyQueued(String),
    QueueEmpty,

    // The results.
    ProjectorDecisionAbandoned,
    ProjectorResultsHidden,
    DecisionOfficialOnly,
    NoTieAtCutoff,
    DecisionAbandoned,
    DecisionRefused(Vec<DecisionProblem>),
    DecisionSent {
        kind: DecisionKind,
        teams: Vec<TeamId>,
    },
    /// A grid key changed a score that makes these decisions of the jury
    /// stale (their teams): the jury must decide again.
    DecisionVoided(Vec<Vec<TeamId>>),
    /// `d` withdrew decisions a changed score made stale (their teams):
    /// no tie is left at the cut-off.
    StaleDecisionWithdrawn(Vec<Vec<TeamId>>),
    /// Sealing (`sealed` true) or unsealing the results was sent to be saved.
    SealSent {
        sealed: bool,
    },

    // Everywhere.
    ProjectorOn,
    ProjectorOff,
    /// Nothing of the screen's kind to undo.
    NothingToUndo(crate::app::undo::UndoKind),
    Undone(Box<Change>),
    /// The other terminal is saving; the save waits its turn.
    Busy,
    Refused(Refusal),
    /// Not saved, and why.
    NotSaved(crate::app::action::SaveFailure),
    /// Not saved: the session was replaced on disk.
    Replaced(crate::app::Replacement),
    /// The session was replaced on disk: the key was refused.
    ReplacedRefused,
}

impl Notice {
    /// Whether the line is a warning (shown in red).
    pub fn is_warning(&self) -> bool {
        use Notice::*;
        match self {
            PitchedStays(_)
            | OnStageStays(_)
            | OnStageNotWithdrawn(_)
            | BreakBeforeComingOnly
            | ProjectorDecisionAbandoned
            | ProjectorResultsHidden
            | DecisionOfficialOnly
            | NoTieAtCutoff
            | DecisionRefused(_)
            | DecisionVoided(_)
            | Refused(_)
            | NotSaved(_)
            | Replaced(_)
            | SetupLocked
            | SetupUnreadable(_)
            | SetupNameEmpty
            | SetupTooLong { .. }
            | ReplacedRefused => true,
            Live(live) => live.is_warning(),
            Reveal(reveal) => matches!(reveal, RevealNotice::Refused(_)),
            Opened(_)
            | WithdrawnCalled { .. }
            | NoTeamToCall
            | NothingToDoYet
            | NextIgnored
            | StaleDecisionWithdrawn(_)
            | EndedEarly { .. }
            | Restarted { .. }
            | QueueDropped(_)
            | Withdrawn(_)
            | Restored(_)
            | SelectTeam
            | SelectBreak
            | SelectJuror
            | NoTeamOnStage
            | AlreadyQueued(_)
            | QueueEmpty
            | DecisionAbandoned
            | DecisionSent { .. }
            | SealSent { .. }
            | ProjectorOn
            | ProjectorOff
            | NothingToUndo(_)
            | Undone(_)
            | Busy => false,
        }
    }
}

/// What the laureates' reveal says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevealNotice {
    /// Begun, with how many laureates.
    Begun(usize),
    /// It cannot begin, and why.
    Refused(crate::domain::reveal::RevealProblem),
    /// A second press less than a second after the one that moved it.
    Ignored,
    /// The whole list is shown: nothing further.
    AllShown,
    Ended,
}

/// What the stage and schedule say about breaks, calling a team now, the
/// start time and the message to the speaker (worded in `words::stage`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiveNotice {
    /// `n` ended a break before its time was up.
    BreakEndedEarly {
        left_secs: i64,
    },
    /// A team called to the stage now; the one that was due goes last.
    CalledNow {
        team: TeamId,
        last: Option<TeamId>,
    },
    /// A team pitches or answers: its phase ends first (`n`).
    FinishFirst(TeamId),
    /// The team has already been on stage.
    AlreadyPassed(TeamId),
    /// A withdrawn team is not called.
    WithdrawnNotCalled(TeamId),
    /// The planned start is now (local time).
    StartNow(chrono::NaiveTime),
    /// The start time stays once the day has begun.
    DayBegun,
    MessageShown,
    MessageCleared,
    NoMessage,
}

impl LiveNotice {
    fn is_warning(&self) -> bool {
        use LiveNotice::*;
        match self {
            FinishFirst(_) | AlreadyPassed(_) | WithdrawnNotCalled(_) | DayBegun => true,
            BreakEndedEarly { .. }
            | CalledNow { .. }
            | StartNow(_)
            | MessageShown
            | MessageCleared
            | NoMessage => false,
        }
    }
}
