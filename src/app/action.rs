//! What can happen to the app (actions) and what the app asks the event
//! loop to do (effects).

use super::screens::ScreenKey;
use crate::domain::ranking::robustness::{self, Search};
use crate::domain::{Operation, Refusal, Session};

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    // Everywhere.
    NextScreen,
    PrevScreen,
    /// `F1`–`F7`: straight to a screen.
    Show(super::screens::Screen),
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

    /// A key of one screen (see `screens`).
    Key(ScreenKey),
    /// Text pasted in the terminal (bracketed paste): never taken as keys.
    Paste(String),

    // From the event loop.
    /// Time passed (a visible change is due).
    Tick,
    /// The oldest operation sent is settled: saved, refused or not.
    Settled(SaveOutcome),
    /// The other terminal holds the lock; saving goes on in the background.
    Busy,
    /// The session file changed (the other terminal's work).
    Reloaded(Box<Session>),
    /// The session file now holds another session (or an older copy):
    /// this terminal saves nothing more; the message says why and where
    /// the old data went.
    Replaced(String),
    /// A search for the smallest change that alters the laureates ended
    /// (on the session's id and revision it was started on).
    Searched {
        session: String,
        revision: u64,
        found: Search,
    },
}

/// Work too long for a key press: the loop runs it on a worker thread
/// and feeds its result back as an action.
#[derive(Clone, Debug, PartialEq)]
pub enum Job {
    /// The results' `s`: the smallest change to one cell that alters the
    /// laureates, trying at most `budget` rankings.
    Sensitivity {
        session: Box<Session>,
        budget: usize,
    },
}

impl Job {
    /// Do the work (pure, possibly long): the action that reports it.
    pub fn run(self) -> Action {
        match self {
            Job::Sensitivity { session, budget } => Action::Searched {
                session: session.id.clone(),
                revision: session.revision,
                found: robustness::search(&session, budget),
            },
        }
    }
}

/// How committing one operation ended: what the store says, what the
/// saving thread passes on, what `update` and the screens hear.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveOutcome {
    /// On disk; the fresh state after it.
    Saved(Box<Session>),
    /// Refused (nothing written); the fresh state if known.
    Refused {
        refusal: Refusal,
        fresh: Option<Box<Session>>,
    },
    /// A file error (in the user's language): not saved.
    Failed(String),
    /// The file holds another session (the message says where the old
    /// data went): not saved, and nothing more will be.
    Replaced(String),
}

/// What `update` asks the event loop to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Commit the operation to the session file (journal first).
    Save(Box<Operation>),
    /// Ring the terminal bell.
    Bell,
    /// Run the job off the loop's thread.
    Run(Job),
}
