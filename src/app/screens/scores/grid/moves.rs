//! Where the cursor goes: along the row, between jurors, between teams,
//! back to a cell undone.

use super::{Grid, Move, scheduled};
use crate::domain::{Change, Session, TeamId};

impl Grid {
    pub(super) fn go(&mut self, session: &Session, then: Move) {
        let last_col = session.criteria.len();
        let last_row = session.jurors.len().saturating_sub(1);
        match then {
            Move::Stay => {}
            Move::Next => {
                if self.col < last_col {
                    self.col += 1;
                } else if let Some(row) = self.next_expected_row(session, self.row + 1) {
                    self.row = row;
                    self.col = 0;
                }
            }
            Move::Up => self.row = self.row.saturating_sub(1),
            Move::Down => self.row = (self.row + 1).min(last_row),
            Move::Left => self.col = self.col.saturating_sub(1),
            Move::Right => self.col = (self.col + 1).min(last_col),
            Move::RowStart => self.col = 0,
            Move::RowEnd => self.col = last_col,
            Move::StageTeam => {
                if let Some(team) = self.stage_moved_on(session).cloned() {
                    self.go_to_team(session, team);
                }
            }
            Move::PrevTeam | Move::NextTeam => {
                let order: Vec<&TeamId> = scheduled(session).collect();
                let here = self
                    .team
                    .as_ref()
                    .and_then(|t| order.iter().position(|o| *o == t));
                let target = match (then, here) {
                    (Move::PrevTeam, Some(i)) => i.checked_sub(1),
                    (Move::NextTeam, Some(i)) => Some(i + 1),
                    (_, None) => Some(0),
                    _ => None,
                };
                if let Some(team) = target.and_then(|i| order.get(i)) {
                    let team = (*team).clone();
                    self.go_to_team(session, team);
                }
            }
        }
    }

    /// Show `team`'s grid from its first expected cell.
    fn go_to_team(&mut self, session: &Session, team: TeamId) {
        self.team = Some(team);
        self.row = 0;
        self.col = 0;
        self.refused = None;
        self.skip_to_expected(session);
    }

    /// The first row at or after `from` whose juror scores the team.
    pub(super) fn next_expected_row(&self, session: &Session, from: usize) -> Option<usize> {
        let team = session.team(self.team.as_ref()?)?;
        (from..session.jurors.len()).find(|&i| session.expects(team, &session.jurors[i]))
    }

    pub(super) fn skip_to_expected(&mut self, session: &Session) {
        if let Some(row) = self.next_expected_row(session, self.row) {
            self.row = row;
        }
    }

    /// Keep the cursor inside the grid when jurors or criteria change.
    pub(super) fn clamp(&mut self, session: &Session) {
        self.row = self.row.min(session.jurors.len().saturating_sub(1));
        self.col = self.col.min(session.criteria.len());
    }

    /// Back on a cell `u` just undid, so the value typed again goes where
    /// the undone one was (not into the cell the cursor moved on to): its
    /// team shown, its juror's row, its column (a mark: the row only).
    pub fn point_at(&mut self, session: &Session, undone: &Change) {
        let (team, juror, col) = match undone {
            Change::SetCell {
                team,
                juror,
                criterion,
                ..
            } => {
                let col = session.criteria.iter().position(|c| &c.id == criterion);
                (team, juror, col)
            }
            Change::SetHandwritten { team, juror, .. } => {
                (team, juror, Some(session.criteria.len()))
            }
            Change::SetSheet { team, juror, .. } => (team, juror, None),
            _ => return,
        };
        let Some(row) = session.jurors.iter().position(|j| &j.id == juror) else {
            return;
        };
        self.show_team(session, team);
        if self.team.as_ref() == Some(team) {
            self.row = row;
            self.col = col.unwrap_or(self.col);
        }
    }
}
