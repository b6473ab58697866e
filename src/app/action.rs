//! What can happen to the app (actions) and what the app asks the event
//! loop to do (effects).

use std::sync::Arc;

use super::screens::ScreenKey;
use crate::domain::ranking::robustness::{self, Search};
use crate::domain::{Change, Operation, Refusal, Session, apply};

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
    /// The session file changed: the changes that bring the session held
    /// up to date (no copy of the whole session).
    Followed(Delta),
    /// The session file now holds another session (or an older copy):
    /// this terminal saves nothing more.
    Replaced(Replacement),
    /// A search for the smallest change that alters the laureates ended
    /// (on the session's id and revision it was started on).
    Searched {
        session: String,
        revision: u64,
        found: Search,
    },
    /// The journal read for the history view (or why it could not be).
    History(Result<Vec<crate::domain::Operation>, crate::domain::fault::StoreError>),
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
    Saved(Arc<Session>),
    /// On disk; the fresh state is the session held with these changes
    /// applied (the other terminal's read on the way, then this one).
    SavedChanges(Delta),
    /// Refused (nothing written); the fresh state if known.
    Refused {
        refusal: Refusal,
        fresh: Option<Box<Session>>,
    },
    /// Not saved, and why (typed, worded by `words::notice`).
    Failed(SaveFailure),
    /// The file holds another session: not saved, and nothing more will
    /// be.
    Replaced(Replacement),
}

/// Why a change was not saved.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveFailure {
    /// `podium display` follows the session and saves nothing.
    ReadOnly,
    /// The session's files said no (the store's own error).
    Store(Box<crate::domain::fault::StoreError>),
}

impl SaveFailure {
    /// The disk under `path` is full (what the tests and the fuzzer
    /// simulate).
    pub fn disk_full(path: &str) -> SaveFailure {
        use crate::domain::fault::{FileAction, IoCause, StoreError};
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        SaveFailure::Store(Box::new(StoreError::Io {
            path: path.into(),
            action: FileAction::Write,
            cause: IoCause::of(&full),
        }))
    }
}

/// The session file was replaced under this terminal (another session, or
/// an older copy of it): where this terminal's copy went, if kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replacement {
    /// The previous copy's folder.
    pub backup: Option<std::path::PathBuf>,
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
    /// Read the journal for the history view (`Action::History` back).
    ReadHistory,
    /// Read the whole session again: changes came that do not fit the
    /// session held (the loop answers with `Action::Reloaded`).
    Resync,
}

/// The changes that bring a copy of session `session` at revision `from`
/// up to revision `to`, each with the revision it makes, oldest first: how
/// the store tells the screen's copy what changed, at the cost of the
/// change rather than of the session.
#[derive(Clone, Debug, PartialEq)]
pub struct Delta {
    pub session: String,
    pub from: u64,
    pub to: u64,
    pub changes: Vec<(u64, Change)>,
}

impl Delta {
    /// Bring `held` up to date (changes it holds already are skipped).
    /// `false` when it cannot be (another session, a revision the changes
    /// do not start from, a change that does not apply): `held` is then
    /// consistent but behind, and must be replaced whole.
    pub fn apply_to(&self, held: &mut Session) -> bool {
        if held.id != self.session || held.revision < self.from {
            return false;
        }
        for (rev, change) in &self.changes {
            if *rev <= held.revision {
                continue;
            }
            if *rev != held.revision + 1 || apply(held, change).is_err() {
                return false;
            }
            held.revision = *rev;
        }
        held.revision >= self.to
    }
}
