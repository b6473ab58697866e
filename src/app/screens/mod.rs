//! The screens, one room each. A room (`stage.rs`, `schedule.rs`, …) holds
//! its state, its key enum, its table of bindings and its handler; its
//! drawing is the module of the same name in `src/ui/screens/`.
//!
//! Every handler has the same shape, `handle(&mut App, Key, now) -> Reply`:
//! it moves its own state and says what it wants done (changes to save, a
//! notice, a long job); only `update` turns that into effects.
//!
//! A new screen touches four places, each pointed out by the compiler:
//! its room here (a new module), a `Screen`, a `ScreenKey` and a `Help`
//! variant below (the exhaustive matches of this file follow), its drawing
//! in `src/ui/screens/` (the exhaustive `draw` match there) and its words;
//! and, only if it needs them, an `UndoKind` and notices of its own
//! (ARCHITECTURE.md's recipe).

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;

use super::action::Job;
use super::keys::{Binding, CommonHelp, Key, Rank, bind};
use super::notice::Notice;
use super::undo::UndoKind;
use super::{Action, App};
use crate::domain::Change;

pub mod completeness;
pub mod history;
pub mod questions;
pub mod results;
pub mod reveal;
pub mod schedule;
pub mod scores;
pub mod setup;
pub mod stage;

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
    /// The event, settings, teams and jurors, editable.
    Setup,
}

/// A key of one screen, in that screen's own words.
#[derive(Clone, Debug, PartialEq)]
pub enum ScreenKey {
    Stage(stage::StageKey),
    Schedule(schedule::ScheduleKey),
    Questions(questions::QuestionsKey),
    Scores(scores::GridKey),
    /// The grid's blind double entry, and the keys that start it.
    Blind(scores::blind::BlindKey),
    /// The history view (on the board and the Setup screen).
    History(history::HistoryKey),
    Completeness(completeness::BoardKey),
    Results(results::ResultsKey),
    /// The laureates' reveal (a mode of the stage), and the key that
    /// begins it.
    Reveal(reveal::RevealKey),
    Setup(setup::SetupKey),
}

/// What a handler wants done: changes to send to be saved (in order), a
/// line to show, work to run off the key handler.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reply {
    pub changes: Vec<Change>,
    pub notice: Option<Notice>,
    pub job: Option<Job>,
}

impl Reply {
    pub fn none() -> Reply {
        Reply::default()
    }

    pub fn send(change: Change) -> Reply {
        Reply {
            changes: vec![change],
            ..Reply::default()
        }
    }

    pub fn say(notice: Notice) -> Reply {
        Reply {
            notice: Some(notice),
            ..Reply::default()
        }
    }

    /// A change, if any, with nothing to say.
    pub fn sending(change: Option<Change>) -> Reply {
        Reply {
            changes: change.into_iter().collect(),
            ..Reply::default()
        }
    }
}

/// What a binding does, as a typed id its words are found by
/// (`words::keys::help`): the words several tables share, the overlays',
/// the keys that hold everywhere, and each room's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Help {
    Common(CommonHelp),
    Overlay(super::keymap::OverlayHelp),
    Global(GlobalHelp),
    Stage(stage::StageHelp),
    Schedule(schedule::ScheduleHelp),
    Questions(questions::QuestionsHelp),
    Scores(scores::GridHelp),
    Blind(scores::blind::BlindHelp),
    History(history::HistoryHelp),
    Completeness(completeness::BoardHelp),
    Results(results::ResultsHelp),
    Reveal(reveal::RevealHelp),
    Setup(setup::SetupHelp),
}

/// `bind(key, action, StageHelp::…)`: each room's help id is a [`Help`].
macro_rules! help_from {
    ($($room:ty => $variant:ident),* $(,)?) => {$(
        impl From<$room> for Help {
            fn from(help: $room) -> Help {
                Help::$variant(help)
            }
        }
    )*};
}

help_from! {
    CommonHelp => Common,
    super::keymap::OverlayHelp => Overlay,
    GlobalHelp => Global,
    stage::StageHelp => Stage,
    schedule::ScheduleHelp => Schedule,
    questions::QuestionsHelp => Questions,
    scores::GridHelp => Scores,
    scores::blind::BlindHelp => Blind,
    history::HistoryHelp => History,
    completeness::BoardHelp => Completeness,
    results::ResultsHelp => Results,
    reveal::RevealHelp => Reveal,
    setup::SetupHelp => Setup,
}

/// The words of the keys that hold everywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlobalHelp {
    Help,
    /// `Tab` and `Shift-Tab`.
    OtherScreen,
    /// The footer's `Tab`.
    NextScreen,
    Undo,
    /// The footer's `u`.
    UndoShort,
    Projector,
    /// `F1`–`F7`.
    GoToScreen,
}

/// Keys that hold on every screen (outside text fields and overlays).
pub fn global() -> Vec<Binding<Action>> {
    use Action::{Help, NextScreen, PrevScreen, Quit, ToggleProjector, Undo};
    use GlobalHelp as H;
    let mut all = vec![
        bind(Key::Char('?'), Help, H::Help)
            .foot(H::Help)
            .rank(Rank::Always),
        bind(Key::Char('q'), Quit, CommonHelp::Quit)
            .or(Key::Ctrl('c'))
            .foot(CommonHelp::Quit)
            .rank(Rank::Always),
        bind(Key::Code(KeyCode::Tab), NextScreen, H::OtherScreen)
            .foot(H::NextScreen)
            .rank(Rank::Always),
        bind(Key::Code(KeyCode::BackTab), PrevScreen, H::OtherScreen),
        bind(Key::Char('u'), Undo, H::Undo)
            .foot(H::UndoShort)
            .rank(Rank::Extra),
        bind(Key::Char('p'), ToggleProjector, H::Projector),
    ];
    // F1–F7: straight to a screen, in tab order (digits stay values).
    all.extend(Screen::ALL.iter().zip(1..).map(|(screen, n)| {
        bind(
            Key::Code(KeyCode::F(n)),
            Action::Show(*screen),
            H::GoToScreen,
        )
    }));
    all
}

/// How many screens there are: checked while compiling against the order
/// [`Screen::after`] gives (a screen added there and not counted here, or
/// counted and not placed, stops the build).
const COUNT: usize = 7;

/// Every screen in `Tab` order, followed from [`Screen::Stage`] through
/// [`Screen::after`].
const ALL: [Screen; COUNT] = {
    let mut all = [Screen::Stage; COUNT];
    let (mut i, mut screen) = (1, Screen::Stage);
    while let Some(next) = screen.after() {
        assert!(i < COUNT, "a screen more than COUNT: raise COUNT");
        all[i] = next;
        screen = next;
        i += 1;
    }
    assert!(i == COUNT, "fewer screens than COUNT: lower COUNT");
    all
};

impl Screen {
    /// Every screen, in `Tab` order.
    pub const ALL: &'static [Screen] = &ALL;

    /// The screen after this one in `Tab` order (none after the last):
    /// the order as a match, so a new screen is placed where the compiler
    /// says.
    const fn after(self) -> Option<Screen> {
        match self {
            Screen::Stage => Some(Screen::Schedule),
            Screen::Schedule => Some(Screen::Questions),
            Screen::Questions => Some(Screen::Scores),
            Screen::Scores => Some(Screen::Completeness),
            Screen::Completeness => Some(Screen::Results),
            Screen::Results => Some(Screen::Setup),
            Screen::Setup => None,
        }
    }

    /// What `u` undoes on this screen: the changes of its kind.
    pub fn undo_kind(self) -> UndoKind {
        match self {
            Screen::Stage | Screen::Schedule | Screen::Questions => UndoKind::Live,
            Screen::Scores | Screen::Completeness => UndoKind::Grid,
            Screen::Results => UndoKind::Decisions,
            Screen::Setup => UndoKind::Setup,
        }
    }

    /// Whether a text field of the screen has the keyboard (every printable
    /// key is then text; only `Ctrl-C` still quits).
    pub(crate) fn typing(self, app: &App) -> bool {
        match self {
            Screen::Results => app.results.typing() && !app.projector,
            Screen::Setup => app.setup.typing(),
            Screen::Stage => app.stage.typing(),
            Screen::Schedule | Screen::Questions | Screen::Scores | Screen::Completeness => false,
        }
    }

    /// A bracketed paste on this screen (never taken as keys): the grid
    /// takes one number, the Setup screen's open text field fills with it;
    /// elsewhere it is ignored.
    pub(crate) fn paste(self, app: &mut App, text: String, now: DateTime<Utc>) -> Reply {
        match self {
            Screen::Scores if !app.projector => scores::paste(app, &text),
            Screen::Setup if app.setup.typing() => {
                setup::handle(app, setup::SetupKey::Paste(text), now)
            }
            Screen::Stage if app.stage.typing() => stage::paste(app, &text),
            Screen::Stage
            | Screen::Schedule
            | Screen::Questions
            | Screen::Scores
            | Screen::Completeness
            | Screen::Results
            | Screen::Setup => Reply::none(),
        }
    }

    pub(crate) fn step(self, by: isize) -> Screen {
        let all = Screen::ALL;
        let i = all.iter().position(|s| *s == self).unwrap_or(0) as isize;
        all[(i + by).rem_euclid(all.len() as isize) as usize]
    }

    /// The screen's own bindings in its state now (no key that holds
    /// everywhere), as the app's actions.
    pub fn bindings(self, app: &App) -> Vec<Binding<Action>> {
        fn wrap<K>(table: Vec<Binding<K>>, f: fn(K) -> ScreenKey) -> Vec<Binding<Action>> {
            table
                .into_iter()
                .map(|b| b.map(|k| Action::Key(f(k))))
                .collect()
        }
        match self {
            Screen::Stage if app.stage.typing() => wrap(stage::bindings(app), ScreenKey::Stage),
            Screen::Stage if reveal::active(app) => wrap(reveal::bindings(app), ScreenKey::Reveal),
            Screen::Stage => {
                let mut all = wrap(stage::bindings(app), ScreenKey::Stage);
                all.extend(wrap(reveal::open_bindings(app), ScreenKey::Reveal));
                all
            }
            Screen::Schedule => wrap(schedule::bindings(app), ScreenKey::Schedule),
            Screen::Questions => wrap(questions::bindings(app), ScreenKey::Questions),
            Screen::Scores if app.blind.active() => {
                wrap(scores::blind::bindings(app), ScreenKey::Blind)
            }
            Screen::Scores => {
                let mut all = wrap(scores::bindings(app), ScreenKey::Scores);
                all.extend(wrap(scores::blind::grid_bindings(app), ScreenKey::Blind));
                all
            }
            Screen::Completeness | Screen::Setup if app.history.is_some() => {
                wrap(history::bindings(app), ScreenKey::History)
            }
            Screen::Completeness => {
                let mut all = wrap(completeness::bindings(app), ScreenKey::Completeness);
                all.extend(wrap(scores::blind::board_bindings(app), ScreenKey::Blind));
                all.extend(wrap(history::open_bindings(app), ScreenKey::History));
                all
            }
            Screen::Setup if !app.setup.typing() => {
                let mut all = wrap(setup::bindings(app), ScreenKey::Setup);
                all.extend(wrap(history::open_bindings(app), ScreenKey::History));
                all
            }
            Screen::Results if app.results.form.is_some() || app.text_field_active() => {
                wrap(results::bindings(app), ScreenKey::Results)
            }
            Screen::Results => {
                let mut all = wrap(results::bindings(app), ScreenKey::Results);
                all.extend(wrap(reveal::open_bindings(app), ScreenKey::Reveal));
                all
            }
            Screen::Setup => wrap(setup::bindings(app), ScreenKey::Setup),
        }
    }

    /// The screen comes into view.
    pub(crate) fn on_enter(self, app: &mut App) {
        app.history = None;
        match self {
            Screen::Scores => scores::on_enter(app),
            Screen::Completeness => completeness::on_enter(app),
            Screen::Stage
            | Screen::Schedule
            | Screen::Questions
            | Screen::Results
            | Screen::Setup => {}
        }
    }
}

impl ScreenKey {
    /// The screen's handler.
    pub(crate) fn handle(self, app: &mut App, now: DateTime<Utc>) -> Reply {
        match self {
            ScreenKey::Stage(k) => stage::handle(app, k, now),
            ScreenKey::Schedule(k) => schedule::handle(app, k, now),
            ScreenKey::Questions(k) => questions::handle(app, k, now),
            ScreenKey::Scores(k) => scores::handle(app, k, now),
            ScreenKey::Blind(k) => scores::blind::handle(app, k, now),
            ScreenKey::History(k) => history::handle(app, k, now),
            ScreenKey::Completeness(k) => completeness::handle(app, k, now),
            ScreenKey::Results(k) => results::handle(app, k, now),
            ScreenKey::Reveal(k) => reveal::handle(app, k, now),
            ScreenKey::Setup(k) => setup::handle(app, k, now),
        }
    }

    /// Whether the key only looks around (moves, opens, closes): what
    /// still works once nothing can be saved.
    pub fn only_looks(&self) -> bool {
        match self {
            ScreenKey::Stage(_) => false,
            ScreenKey::Schedule(k) => k.only_looks(),
            ScreenKey::Questions(k) => k.only_looks(),
            ScreenKey::Scores(k) => k.only_looks(),
            ScreenKey::Blind(k) => k.only_looks(),
            ScreenKey::History(_) => true,
            ScreenKey::Completeness(_) => true,
            ScreenKey::Results(k) => k.only_looks(),
            ScreenKey::Reveal(_) => false,
            ScreenKey::Setup(k) => k.only_looks(),
        }
    }

    /// The key with the character typed (a text field's binding).
    pub(crate) fn typed(self, c: char) -> ScreenKey {
        match self {
            ScreenKey::Results(k) => ScreenKey::Results(k.typed(c)),
            ScreenKey::Setup(k) => ScreenKey::Setup(k.typed(c)),
            ScreenKey::Stage(k) => ScreenKey::Stage(k.typed(c)),
            other => other,
        }
    }
}
