//! The history view: who changed what and when, from the journal, newest
//! last (`domain::history`, worded by `words::history`). Opened with `h` on
//! the Completeness board (the selected team's changes) or the Setup
//! screen (every change); `Esc` closes it. While open it takes the
//! screen's place and its keys.
//!
//! The journal is read by the event loop (`Effect::ReadHistory`, through
//! the store: never locked, never written) and comes back as
//! `Action::History`.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;

use super::{Reply, Screen};
use crate::app::App;
use crate::app::keys::{Binding, CommonHelp, Key, bind};
use crate::domain::fault::StoreError;
use crate::domain::history::{self, Filter};
use crate::domain::{Operation, TeamId};

/// A key of the history view (and the one that opens it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryKey {
    Open,
    Up,
    Down,
    PageUp,
    PageDown,
    /// The oldest change.
    Top,
    /// The newest change.
    Bottom,
    Close,
}

impl From<HistoryKey> for crate::app::Action {
    fn from(key: HistoryKey) -> crate::app::Action {
        crate::app::Action::Key(super::ScreenKey::History(key))
    }
}

/// The journal as read, or why it could not be.
pub type Read = Result<Rc<Vec<Operation>>, StoreError>;

/// The view's state.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryView {
    /// Only the changes of this team (from the board); none: every change.
    pub team: Option<TeamId>,
    /// `None` while the journal is being read.
    pub read: Option<Read>,
    /// The journal was asked for (`Effect::ReadHistory`).
    pub asked: bool,
    /// How many lines up from the newest the view is scrolled.
    pub from_end: usize,
}

impl HistoryView {
    pub fn filter(&self) -> Filter {
        Filter {
            team: self.team.clone(),
            juror: None,
        }
    }

    /// How far up it may scroll: one line per entry (the day lines of a
    /// long history are few).
    fn most(&self) -> usize {
        match &self.read {
            Some(Ok(ops)) => history::entries(ops, &self.filter()).len(),
            _ => 0,
        }
    }
}

const PAGE: usize = 10;

/// The key that opens the view from the board and the Setup screen.
pub fn open_bindings(_app: &App) -> Vec<Binding<HistoryKey>> {
    vec![bind(Key::Char('h'), HistoryKey::Open, HistoryHelp::Open)]
}

/// The words of the history's keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryHelp {
    Open,
    Scroll,
    Oldest,
    Newest,
    Close,
}

/// The view's keys.
pub fn bindings(_app: &App) -> Vec<Binding<HistoryKey>> {
    use HistoryHelp as H;
    vec![
        bind(Key::Code(KeyCode::Up), HistoryKey::Up, H::Scroll),
        bind(Key::Code(KeyCode::Down), HistoryKey::Down, H::Scroll),
        bind(Key::Code(KeyCode::PageUp), HistoryKey::PageUp, H::Scroll),
        bind(
            Key::Code(KeyCode::PageDown),
            HistoryKey::PageDown,
            H::Scroll,
        ),
        bind(Key::Code(KeyCode::Home), HistoryKey::Top, H::Oldest),
        bind(Key::Code(KeyCode::End), HistoryKey::Bottom, H::Newest),
        bind(Key::Code(KeyCode::Esc), HistoryKey::Close, H::Close).foot(CommonHelp::Close),
    ]
}

pub fn handle(app: &mut App, key: HistoryKey, _now: DateTime<Utc>) -> Reply {
    if key == HistoryKey::Open {
        let team = match app.screen {
            Screen::Completeness => app.board.selected(&app.session),
            _ => None,
        };
        app.history = Some(HistoryView {
            team,
            read: None,
            asked: false,
            from_end: 0,
        });
        return Reply::none();
    }
    let Some(view) = app.history.as_mut() else {
        return Reply::none();
    };
    let most = view.most();
    view.from_end = match key {
        HistoryKey::Up => view.from_end + 1,
        HistoryKey::Down => view.from_end.saturating_sub(1),
        HistoryKey::PageUp => view.from_end + PAGE,
        HistoryKey::PageDown => view.from_end.saturating_sub(PAGE),
        HistoryKey::Top => most,
        HistoryKey::Bottom | HistoryKey::Open => 0,
        HistoryKey::Close => {
            app.history = None;
            return Reply::none();
        }
    }
    .min(most);
    Reply::none()
}

/// Whether the view just opened and needs the journal read (once).
pub fn wants_journal(app: &mut App) -> bool {
    match app.history.as_mut() {
        Some(view) if view.read.is_none() && !view.asked => {
            view.asked = true;
            true
        }
        _ => false,
    }
}

/// The journal came back from the loop.
pub fn loaded(app: &mut App, read: Result<Vec<Operation>, StoreError>) {
    if let Some(view) = app.history.as_mut() {
        view.read = Some(read.map(Rc::new));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture::{self, at};
    use crate::app::{Action, Effect, update};
    use crate::domain::{Change, Dec, Edit};

    fn cell(minute: i64, v: i64) -> Operation {
        let change = Change::SetCell {
            team: "T2".into(),
            juror: "J1".into(),
            criterion: "impact".into(),
            edit: Edit::new(None, Some(Dec::int(v))),
        };
        Operation::new(change, "w", at(minute * 60))
    }

    #[test]
    fn h_on_the_board_reads_the_journal_for_the_selected_team_and_esc_closes() {
        let mut app = fixture::app();
        update(&mut app, Action::Show(Screen::Completeness), at(1));
        update(
            &mut app,
            Action::Key(super::super::ScreenKey::Completeness(
                super::super::completeness::BoardKey::Down,
            )),
            at(1),
        );
        let effects = update(&mut app, HistoryKey::Open.into(), at(2));
        assert_eq!(effects, [Effect::ReadHistory]);
        let view = app.history.clone().expect("open");
        assert_eq!(view.team.as_deref(), Some("T2"));
        assert_eq!(view.read, None, "being read");
        let ops: Vec<Operation> = (0..30).map(|i| cell(i, i % 5)).collect();
        update(&mut app, Action::History(Ok(ops)), at(3));
        for _ in 0..3 {
            update(&mut app, HistoryKey::PageUp.into(), at(4));
        }
        assert_eq!(
            app.history.as_ref().unwrap().from_end,
            30,
            "no further than the oldest"
        );
        update(&mut app, HistoryKey::Bottom.into(), at(4));
        update(&mut app, HistoryKey::Up.into(), at(4));
        assert_eq!(app.history.as_ref().unwrap().from_end, 1);
        update(&mut app, HistoryKey::Close.into(), at(5));
        assert!(app.history.is_none());
        assert_eq!(app.screen, Screen::Completeness);
    }

    #[test]
    fn on_setup_every_change_and_a_journal_that_cannot_be_read_is_said() {
        let mut app = fixture::app();
        update(&mut app, Action::Show(Screen::Setup), at(1));
        update(&mut app, HistoryKey::Open.into(), at(2));
        assert_eq!(app.history.as_ref().unwrap().team, None);
        let unreadable = StoreError::NotFound {
            path: "forum.json".into(),
        };
        update(&mut app, Action::History(Err(unreadable.clone())), at(3));
        assert_eq!(app.history.as_ref().unwrap().read, Some(Err(unreadable)));
    }
}
