//! The completeness board: teams × jurors, which sheets are in. Its state
//! is the selected team (schedule order); `Enter` opens the team's grid.

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;

use super::{Reply, Screen};
use crate::app::App;
use crate::app::keys::{Binding, CommonHelp, Key, bind};
use crate::domain::{Session, TeamId};

/// A key of the completeness board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoardKey {
    Up,
    Down,
    /// Open the selected team's score grid.
    Open,
}

impl From<BoardKey> for crate::app::Action {
    fn from(key: BoardKey) -> crate::app::Action {
        crate::app::Action::Key(super::ScreenKey::Completeness(key))
    }
}

/// The words of the board's own keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoardHelp {
    Open,
    OpenShort,
}

pub fn bindings(_app: &App) -> Vec<Binding<BoardKey>> {
    vec![
        bind(
            Key::Code(KeyCode::Up),
            BoardKey::Up,
            CommonHelp::PreviousTeam,
        ),
        bind(
            Key::Code(KeyCode::Down),
            BoardKey::Down,
            CommonHelp::NextTeam,
        ),
        bind(Key::Code(KeyCode::Enter), BoardKey::Open, BoardHelp::Open).foot(BoardHelp::OpenShort),
    ]
}

/// The screen comes into view: on the grid's team.
pub fn on_enter(app: &mut App) {
    app.grid.open(&app.session);
    if let Some(team) = app.grid.team.clone() {
        app.board.select(&app.session, &team);
    }
}

pub fn handle(app: &mut App, key: BoardKey, _now: DateTime<Utc>) -> Reply {
    match key {
        BoardKey::Up => app.board.up(),
        BoardKey::Down => app.board.down(&app.session),
        BoardKey::Open => {
            if let Some(team) = app.board.selected(&app.session) {
                if app.grid.half_typed() && app.grid.team.as_ref() != Some(&team) {
                    // Never lose a typed value: back to it, to finish it first.
                    app.grid.status = Some(super::scores::grid::Status::FinishEntry);
                } else {
                    app.grid.show_team(&app.session, &team);
                }
                app.screen = Screen::Scores;
            }
        }
    }
    Reply::none()
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Board {
    /// Row of the selected team, in schedule order (withdrawn teams included).
    pub row: usize,
}

impl Board {
    pub fn up(&mut self) {
        self.row = self.row.saturating_sub(1);
    }

    pub fn down(&mut self, session: &Session) {
        let last = session.teams_in_order().count().saturating_sub(1);
        self.row = (self.row + 1).min(last);
    }

    /// The selected team, if the session has any.
    pub fn selected(&self, session: &Session) -> Option<TeamId> {
        let teams: Vec<&TeamId> = session.teams_in_order().map(|t| &t.id).collect();
        teams
            .get(self.row.min(teams.len().saturating_sub(1)))
            .map(|t| (*t).clone())
    }

    /// Select a team (when the board opens on the grid's team).
    pub fn select(&mut self, session: &Session, team: &str) {
        if let Some(i) = session.teams_in_order().position(|t| t.id == team) {
            self.row = i;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::session;

    #[test]
    fn moves_within_the_schedule_and_selects() {
        let s = session();
        let mut b = Board::default();
        b.up();
        assert_eq!(b.selected(&s).as_deref(), Some("T01"));
        for _ in 0..10 {
            b.down(&s);
        }
        assert_eq!(b.row, 3);
        assert_eq!(b.selected(&s).as_deref(), Some("T04"));
        b.select(&s, "T02");
        assert_eq!(b.selected(&s).as_deref(), Some("T02"));
        b.select(&s, "nope");
        assert_eq!(b.row, 1);
    }
}
