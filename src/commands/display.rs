//! `podium display FILE`: the read-only stage display for the projector.
//!
//! The stage screen only (big timer, team, next team, question queue, a
//! break and its resuming time, the message to the speaker) on the whole
//! window, with nothing of the program's own (no key line, no revision),
//! following the session `run` writes: it rereads the file by path at least
//! twice a second and derives the remaining time from the saved timer state
//! itself. The jury's scoring and a break never flash or turn red here. It
//! never locks, never writes, never shows a score.

use std::path::Path;

use crate::app::{App, Options};
use crate::domain::Lang;
use crate::i18n;
use crate::storage;
use crate::tui::{self, Clock};
use crate::ui::Theme;

use super::run::ReaderStore;
use super::{Failure, Outcome};

pub fn run(flag: Option<Lang>, file: &Path) -> Outcome {
    let early = i18n::resolve(flag, None);
    if !tui::has_terminal() {
        return Err(Failure::one(
            early,
            crate::words::notice::no_terminal(early),
        ));
    }
    let live = storage::Live::read(file).map_err(|e| Failure::one(early, e.message(early)))?;
    let session = live.session().clone();
    let lang = i18n::resolve(flag, Some(session.settings.lang));
    let clock = Clock::start();
    let options = Options {
        writer: String::new(),
        lang,
        offset: *chrono::Local::now().offset(),
    };
    let mut app = App::new(session, options, clock.now());
    app.mode = crate::app::Mode::Display;
    let store = ReaderStore::new(file, lang, live);
    tui::run(store, app, clock, Theme::new(tui::colour_wanted()))
        .map_err(|e| Failure::one(lang, format!("terminal: {}", storage::io_words(&e, lang))))
}
