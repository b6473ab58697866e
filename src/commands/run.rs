//! `podium run FILE`: the live session (moderator and secretary).
//!
//! Opens the session as a writer (recovering it if needed), then hands it
//! to the event loop with the session file behind the loop's `Store`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::app::{App, Options};
use crate::domain::{Lang, Operation, Session};
use crate::i18n;
use crate::storage::{self, StoreError};
use crate::tui::{self, Clock, SaveError, Store};
use crate::ui::Theme;

use super::{Failure, Outcome};

pub fn run(flag: Option<Lang>, file: &Path) -> Outcome {
    let early = i18n::resolve(flag, storage::lang_of(file));
    if !tui::has_terminal() {
        return Err(Failure::one(early, tui::no_terminal_message(early)));
    }
    let opened = storage::open(file).map_err(|e| Failure::one(early, e.message(early)))?;
    let lang = i18n::resolve(flag, Some(opened.session.settings.lang));
    let clock = Clock::start();
    let options = Options {
        writer: storage::new_id(),
        lang,
        offset: *chrono::Local::now().offset(),
    };
    let mut app = App::new(opened.session, options, clock.now());
    let notices: Vec<String> = opened.notices.iter().map(|n| n.message(lang)).collect();
    if !notices.is_empty() {
        app.status = Some(crate::app::Status {
            text: notices.join(" · "),
            error: false,
        });
    }
    let store = FileStore {
        path: file.to_path_buf(),
        lang,
    };
    tui::run(store, app, clock, Theme::new(tui::colour_wanted()))
        .map_err(|e| Failure::one(lang, format!("terminal: {e}")))
}

/// The session file behind the event loop.
#[derive(Clone, Debug)]
pub struct FileStore {
    pub path: PathBuf,
    pub lang: Lang,
}

impl Store for FileStore {
    type Stamp = storage::Stamp;

    fn commit(&self, op: &Operation, wait: Duration) -> Result<Session, SaveError> {
        match storage::commit(&self.path, op, wait) {
            Ok(committed) => Ok(committed.session),
            Err(StoreError::Busy { .. }) => Err(SaveError::Busy),
            Err(StoreError::Refused(refusal)) => Err(SaveError::Refused(refusal)),
            Err(other) => Err(SaveError::Failed(other.message(self.lang))),
        }
    }

    fn stamp(&self) -> Option<storage::Stamp> {
        storage::stamp(&self.path).ok()
    }

    fn load(&self) -> Option<Session> {
        storage::load(&self.path).ok()
    }
}

/// The session file read only (`podium display`): never locks, never writes.
#[derive(Clone, Debug)]
pub struct ReaderStore {
    pub path: PathBuf,
    pub lang: Lang,
}

impl Store for ReaderStore {
    type Stamp = storage::Stamp;

    fn commit(&self, _op: &Operation, _wait: Duration) -> Result<Session, SaveError> {
        Err(SaveError::Failed(
            self.lang
                .t("affichage en lecture seule", "read-only display")
                .to_string(),
        ))
    }

    fn stamp(&self) -> Option<storage::Stamp> {
        storage::stamp(&self.path).ok()
    }

    fn load(&self) -> Option<Session> {
        storage::load(&self.path).ok()
    }
}
