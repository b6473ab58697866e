//! What can happen to the app (actions) and what the app asks the event
//! loop to do (effects).

use super::grid::GridKey;
use super::results::ResultsKey;
use crate::domain::{JurorId, Operation, Refusal, Session};

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    // Everywhere.
    NextScreen,
    PrevScreen,
    Help,
    /// `Esc`: close the overlay.
    Close,
    /// `q`: quit, asking first if a timer runs or an entry is half-typed.
    Quit,
    /// `y` in the quit question.
    ConfirmQuit,
    /// Undo this terminal's last operation.
    Undo,
    /// Hide (or show again) every score and result.
    ToggleProjector,

    // The timer (stage, schedule, questions).
    /// Start, pause or resume.
    StartPause,
    /// Pitch → questions → scoring → next team.
    NextPhase,
    AddTime,
    RemoveTime,
    RestartPhase,

    // Lists.
    Up,
    Down,

    // Schedule.
    MoveUp,
    MoveDown,
    ToggleWithdrawn,
    InsertBreak,
    LongerBreak,
    ShorterBreak,
    RemoveBreak,

    // Questions.
    /// A juror's hotkey: queue them for the team on stage.
    Ask(JurorId),
    /// The head of the queue has finished; the next one speaks.
    QuestionDone,
    /// Drop the selected juror from the queue.
    RemoveSpeaker,

    // The score grid and the completeness board.
    /// A key of the score grid.
    Grid(GridKey),
    /// On the completeness board: open the selected team's grid.
    OpenTeam,

    /// A key of the results screen (its decision form included).
    Results(ResultsKey),

    // From the event loop.
    /// Time passed (a visible change is due).
    Tick,
    /// The oldest operation sent is saved; the fresh state after it.
    Saved(Box<Session>),
    /// The oldest operation sent was refused; the fresh state if known.
    Refused {
        refusal: Refusal,
        fresh: Option<Box<Session>>,
    },
    /// The oldest operation sent could not be saved (a file error).
    SaveFailed(String),
    /// The other terminal holds the lock; saving goes on in the background.
    Busy,
    /// The session file changed (the other terminal's work).
    Reloaded(Box<Session>),
    /// The session file now holds another session (or an older copy):
    /// this terminal saves nothing more; the message says why and where
    /// the old data went.
    Replaced(String),
}

/// What `update` asks the event loop to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Commit the operation to the session file (journal first).
    Save(Box<Operation>),
    /// Ring the terminal bell.
    Bell,
    /// Leave (after the pending saves are done).
    Quit,
}
