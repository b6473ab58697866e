//! The live session's state machine: `update(&mut App, Action, now)` returns
//! effects for the event loop to perform. No terminal, no files, no clock.
//!
//! Adding a screen: a `Screen` variant (and its place in `Screen::ALL`), its
//! table in `keymap.rs`, its actions in a module here (like `stage.rs`),
//! its drawing in `src/ui/<screen>.rs`.

use std::borrow::Cow;
use std::collections::VecDeque;

use chrono::{DateTime, FixedOffset, Timelike, Utc};

use crate::domain::stage::Phase;
use crate::domain::{Lang, Operation, Session, TeamId, apply, questions, stage};

pub mod action;
pub mod board;
pub mod grid;
pub mod keymap;
pub mod questions_screen;
pub mod replaced;
pub mod results;
pub mod results_cache;
pub mod schedule_screen;
pub mod scores_screen;
pub mod stage_screen;
pub mod undo_text;
pub mod update;

#[cfg(test)]
pub mod fixture;
#[cfg(test)]
mod replaced_tests;
#[cfg(test)]
pub mod results_fixture;
#[cfg(test)]
mod update_tests;

pub use action::{Action, Effect};
pub use keymap::action_for;
pub use update::update;

/// The screens, in `Tab` order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    Stage,
    Schedule,
    Questions,
    /// The secretary's score grid.
    Scores,
    /// Teams × jurors: which sheets are in.
    Completeness,
    /// The ranking, ties at the cut-off, the jury's decisions.
    Results,
}

impl Screen {
    pub const ALL: &'static [Screen] = &[
        Screen::Stage,
        Screen::Schedule,
        Screen::Questions,
        Screen::Scores,
        Screen::Completeness,
        Screen::Results,
    ];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Screen::Stage => lang.t("Scène", "Stage"),
            Screen::Schedule => lang.t("Programme", "Schedule"),
            Screen::Questions => lang.t("Questions", "Questions"),
            Screen::Scores => lang.t("Notes", "Scores"),
            Screen::Completeness => lang.t("Complétude", "Completeness"),
            Screen::Results => lang.t("Résultats", "Results"),
        }
    }

    fn step(self, by: isize) -> Screen {
        let all = Screen::ALL;
        let i = all.iter().position(|s| *s == self).unwrap_or(0) as isize;
        all[(i + by).rem_euclid(all.len() as isize) as usize]
    }
}

/// A window over the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// "A timer is running: quit anyway? y/n"
    ConfirmQuit,
}

/// The line above the footer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// An operation sent to be saved, not yet on disk.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub op: Operation,
    /// An undo is not itself undone by the next `u`.
    pub is_undo: bool,
}

/// Where the cursor is on each screen (not saved).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cursors {
    /// Row of the schedule.
    pub schedule: usize,
    /// Entry of the question queue.
    pub queue: usize,
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
    /// The session as last saved or read: what the screens show.
    pub session: Session,
    pub writer: String,
    pub lang: Lang,
    pub offset: FixedOffset,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    /// Projector mode: every score and result hidden.
    pub projector: bool,
    pub status: Option<Status>,
    /// Operations sent to the loop, oldest first, not yet saved.
    pub pending: VecDeque<Pending>,
    /// This terminal's saved operations, newest last (what `u` reverses).
    pub undo: Vec<Operation>,
    /// The phase run the bell has rung for.
    pub bell_rung: Option<(Option<TeamId>, Phase, Option<DateTime<Utc>>)>,
    pub cursors: Cursors,
    /// The score grid: its team, cursor and half-typed value (kept while
    /// other screens are shown).
    pub grid: grid::Grid,
    /// The completeness board's selected team.
    pub board: board::Board,
    /// The results screen: method shown, selection, decision form.
    pub results: results::Results,
    pub quit: bool,
    /// The stage display (`podium display`): the stage only, nothing
    /// changes, no score ever shown.
    pub read_only: bool,
    /// The session file was replaced under this terminal (see
    /// `Action::Replaced`): the message, shown until quitting.
    pub replaced: Option<String>,
}

impl App {
    pub fn new(session: Session, options: Options, now: DateTime<Utc>) -> App {
        // A session reopened in overtime does not ring again.
        let bell_rung = session
            .stage
            .time_is_up(&session.settings, now)
            .then(|| session.stage.phase_key());
        App {
            session,
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
            cursors: Cursors::default(),
            grid: grid::Grid::default(),
            board: board::Board::default(),
            results: results::Results::default(),
            quit: false,
            read_only: false,
            replaced: None,
        }
    }

    /// The state new operations are built on: the saved session with the
    /// operations still being saved applied.
    pub fn basis(&self) -> Cow<'_, Session> {
        if self.pending.is_empty() {
            return Cow::Borrowed(&self.session);
        }
        let mut s = self.session.clone();
        for p in &self.pending {
            // One refused later will be reported then; build on the rest.
            let _ = apply(&mut s, &p.op.change);
        }
        Cow::Owned(s)
    }

    /// Whether quitting asks first.
    pub fn quit_needs_confirmation(&self) -> bool {
        // Once replaced nothing here can be saved: there is nothing to keep.
        self.replaced.is_none()
            && (!self.read_only && self.basis().stage.is_running() || self.half_typed())
    }

    /// Whether a value is half-typed in the score grid.
    pub fn half_typed(&self) -> bool {
        self.grid.half_typed()
    }

    /// Whether a text field has the keyboard (every printable key is text).
    pub fn text_field_active(&self) -> bool {
        self.screen == Screen::Results && self.results.typing() && !self.projector
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

    pub(crate) fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub(crate) fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    pub(crate) fn next_screen(&mut self, by: isize) {
        self.screen = self.screen.step(by);
        scores_screen::on_enter(self);
    }
}

fn next_minute(now: DateTime<Utc>) -> DateTime<Utc> {
    let into = chrono::TimeDelta::seconds(i64::from(now.second()))
        + chrono::TimeDelta::nanoseconds(i64::from(now.nanosecond()));
    now - into + chrono::TimeDelta::minutes(1)
}

/// The countdown text as shown, for the plain-text line and tests.
pub fn countdown_text(session: &Session, now: DateTime<Utc>) -> String {
    session.stage.countdown(&session.settings, now).text()
}

/// Re-exported for the UI.
pub use stage::{Countdown, Level};
