//! The completeness board's cursor: which team is selected (schedule order).

use crate::domain::{Session, TeamId};

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
