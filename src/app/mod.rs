//! The live session's state machine: `update(&mut App, Action, now)` returns
//! effects for the event loop to perform. No terminal, no files, no clock,
//! no sentences (a notice is a typed value; `crate::words` words it).
//!
//! Each screen is a room in `screens/` (its state, keys, table, handler);
//! adding one is described there and in ARCHITECTURE.md.

use std::collections::VecDeque;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, Timelike, Utc};

use crate::domain::stage::Phase;
use crate::domain::{Lang, Operation, Session, TeamId, apply, questions};

pub mod action;
pub mod keymap;
pub mod keys;
pub mod notice;
pub mod screens;
pub mod undo;
pub mod update;

// Test-only modules: each file begins with `#![cfg(test)]`.
mod decision_tests;
mod delta_tests;
pub mod fixture;
mod live_tests;
mod replaced_tests;
pub mod results_fixture;
mod reveal_tests;
mod stage_keys_tests;
mod update_tests;

pub use action::{Action, Effect, Replacement, SaveOutcome};
pub use keymap::action_for;
pub use notice::Notice;
pub use screens::Screen;
pub use update::update;

/// A window over the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// "A timer is running: quit anyway? y/n"
    ConfirmQuit,
    /// "Jurors are still waiting to ask: end the questions anyway? y/n"
    ConfirmDropQueue,
    /// "Seal (`seal`) or unseal the results? y/n": what was asked, kept
    /// whatever the other terminal does meanwhile.
    ConfirmSeal {
        seal: bool,
    },
}

/// What this terminal may do with the session file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Moderator and secretary: every change is saved.
    Live,
    /// The stage display (`podium display`): the stage only, nothing
    /// changes, no score ever shown.
    Display,
    /// The session file now holds another session (see
    /// `Action::Replaced`): nothing more is saved; the banner says so
    /// until quitting, with where the previous copy went if the store
    /// said.
    Replaced(Option<Replacement>),
}

/// Where this terminal's changes stand, as the status line words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything this terminal did is on disk.
    Saved,
    /// Changes are on their way to the disk.
    Saving,
    /// The last save failed, or nothing can be saved any more (the
    /// session was replaced on disk).
    NotSaved,
}

/// An operation sent to be saved, not yet on disk.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub op: Operation,
    /// An undo is not itself undone by the next `u`.
    pub is_undo: bool,
    /// The kind of the screen that sent it (what `u` there undoes).
    pub kind: undo::UndoKind,
}

/// How the app starts.
#[derive(Clone, Debug)]
pub struct Options {
    /// This terminal's writer id.
    pub writer: String,
    pub lang: Lang,
    /// The event's offset from UTC, for planned times.
    pub offset: FixedOffset,
}

#[derive(Clone, Debug)]
pub struct App {
    /// The session as last saved or read: what the screens show. Shared,
    /// so a handler reads a large session without copying it (a change
    /// applied in place copies it only while a handler still holds it).
    pub session: Arc<Session>,
    pub writer: String,
    pub lang: Lang,
    pub offset: FixedOffset,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    /// Projector mode: every score and result hidden.
    pub projector: bool,
    /// The line above the footer.
    pub status: Option<Notice>,
    /// Operations sent to the loop, oldest first, not yet saved.
    pub pending: VecDeque<Pending>,
    /// This terminal's saved operations, newest last (what `u` reverses,
    /// by kind).
    pub undo: Vec<undo::Undoable>,
    /// The phase run the bell has rung for.
    pub bell_rung: Option<(Option<TeamId>, Phase, Option<DateTime<Utc>>)>,
    /// When `n` last moved the stage (a second press within a second is
    /// ignored).
    pub last_next: Option<DateTime<Utc>>,
    /// The stage screen: the message to the speaker being typed.
    pub stage: screens::stage::StageState,
    /// The schedule's selected row.
    pub schedule: screens::schedule::Schedule,
    /// The question queue's selected entry.
    pub questions: screens::questions::Questions,
    /// The score grid: its team, cursor and half-typed value (kept while
    /// other screens are shown).
    pub grid: screens::scores::grid::Grid,
    /// The grid's blind double entry (off unless a team is re-typed).
    pub blind: screens::scores::blind::Blind,
    /// The history view, while open (on the board or the Setup screen).
    pub history: Option<screens::history::HistoryView>,
    /// The completeness board's selected team.
    pub board: screens::completeness::Board,
    /// The results screen: method shown, selection, decision form.
    pub results: screens::results::Results,
    /// The laureates' reveal driven from this terminal.
    pub reveal: screens::reveal::RevealState,
    /// The Setup screen: its selected row and text field.
    pub setup: screens::setup::SetupState,
    pub mode: Mode,
    /// The session file, as the header and the `?` overlay name it (none
    /// in tests).
    pub file: Option<std::path::PathBuf>,
    /// The last save this terminal tried failed (until one succeeds).
    pub save_failed: bool,
    /// `q` was answered: the loop leaves once the pending saves are done.
    pub leaving: bool,
}

impl App {
    pub fn new(session: Session, options: Options, now: DateTime<Utc>) -> App {
        // A session reopened in overtime does not ring again.
        let bell_rung = session
            .stage
            .time_is_up(&session.settings, now)
            .then(|| session.stage.phase_key());
        App {
            session: Arc::new(session),
            writer: options.writer,
            lang: options.lang,
            offset: options.offset,
            screen: Screen::Stage,
            overlay: None,
            projector: false,
            status: None,
            pending: VecDeque::new(),
            undo: Vec::new(),
            bell_rung,
            last_next: None,
            stage: Default::default(),
            schedule: Default::default(),
            questions: Default::default(),
            grid: Default::default(),
            blind: Default::default(),
            history: None,
            board: Default::default(),
            results: Default::default(),
            reveal: Default::default(),
            setup: Default::default(),
            mode: Mode::Live,
            file: None,
            save_failed: false,
            leaving: false,
        }
    }

    /// The session held, to change in a test (copied first when shared).
    #[cfg(test)]
    pub fn session_mut(&mut self) -> &mut Session {
        Arc::make_mut(&mut self.session)
    }

    /// The state new operations are built on: the saved session with the
    /// operations still being saved applied.
    pub fn basis(&self) -> Arc<Session> {
        if self.pending.is_empty() {
            return Arc::clone(&self.session);
        }
        let mut s = Session::clone(&self.session);
        for p in &self.pending {
            // One refused later will be reported then; build on the rest.
            let _ = apply(&mut s, &p.op.change);
        }
        Arc::new(s)
    }

    /// Whether quitting asks first.
    pub fn quit_needs_confirmation(&self) -> bool {
        // Once replaced nothing here can be saved: there is nothing to keep.
        match self.mode {
            Mode::Live => self.basis().stage.is_running() || self.half_typed(),
            Mode::Display => self.half_typed(),
            Mode::Replaced(_) => false,
        }
    }

    /// Whether a value is half-typed in the score grid (or its blind
    /// double entry).
    pub fn half_typed(&self) -> bool {
        self.grid.half_typed() || self.blind.half_typed()
    }

    /// Whether a text field has the keyboard (every printable key is text).
    pub fn text_field_active(&self) -> bool {
        self.screen.typing(self)
    }

    /// The next instant something shown changes by itself: the countdown's
    /// next second or flash edge, the speaker's next second, the next minute
    /// (schedule times). The loop sleeps until then.
    pub fn next_visible_change(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let s = &self.session;
        let timer = s.stage.next_visible_change(&s.settings, now);
        let speaker = questions::next_visible_change(&s.queue, now);
        let minute = (self.screen == Screen::Schedule).then(|| next_minute(now));
        [timer, speaker, minute].into_iter().flatten().min()
    }

    /// Whether changes made here are saved.
    /// Where this terminal's changes stand.
    pub fn save_state(&self) -> SaveState {
        if matches!(self.mode, Mode::Replaced(_)) || self.save_failed {
            SaveState::NotSaved
        } else if self.pending.is_empty() {
            SaveState::Saved
        } else {
            SaveState::Saving
        }
    }

    pub fn saves(&self) -> bool {
        self.mode == Mode::Live
    }

    pub(crate) fn next_screen(&mut self, by: isize) {
        self.show(self.screen.step(by));
    }

    /// Bring a screen into view (nothing happens if it is already shown).
    pub(crate) fn show(&mut self, screen: Screen) {
        if self.screen != screen {
            self.screen = screen;
            self.screen.on_enter(self);
        }
    }
}

fn next_minute(now: DateTime<Utc>) -> DateTime<Utc> {
    let into = chrono::TimeDelta::seconds(i64::from(now.second()))
        + chrono::TimeDelta::nanoseconds(i64::from(now.nanosecond()));
    now - into + chrono::TimeDelta::minutes(1)
}
