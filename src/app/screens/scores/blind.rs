//! Blind double entry, a mode of the score grid: a team's values typed a
//! second time without the first entry in view, then every difference
//! settled one by one (`domain::double_entry`).
//!
//! Two steps: *typing* (a cursor over the jurors × criteria; only the
//! second entry's own values are shown) and *settling* (the list of
//! differences: `←` keeps the first entry, `→` the second, digits and
//! `Enter` a third value). Each value typed is one `SetSecondCell`
//! operation, saved as it is typed, so a second terminal's entry counts
//! and a crash loses nothing; each settlement one `ResolveCell`.
//!
//! Entered with `b` on the grid (its team) or on the Completeness board
//! (the selected team; `B`: the next team nearest the laureate cut-off not
//! yet verified twice); `Esc` leaves it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::super::{Reply, Screen};
use super::NotSent;
use crate::app::{App, SaveOutcome};
use crate::domain::double_entry::{self, Difference, Resolution};
use crate::domain::ranking;
use crate::domain::{Change, CriterionId, Dec, JurorId, Session, TeamId};

mod cutoff;
mod keys;

pub use cutoff::Cutoff;
pub use keys::{BlindHelp, bindings, board_bindings, grid_bindings};

/// A key of the blind mode (and the keys that enter it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlindKey {
    /// On the grid: re-type its team blind.
    StartHere,
    /// On the Completeness board: re-type the selected team.
    StartSelected,
    /// On the Completeness board: the next team nearest the cut-off that
    /// is not verified twice.
    StartNext,
    Char(char),
    Backspace,
    /// Commit the typed value and move on (settling: a third value).
    Enter,
    /// Drop the typed value; with nothing typed, back (settling → typing
    /// → the grid).
    Escape,
    Up,
    Down,
    Left,
    Right,
    /// Clear the second entry's cell.
    Delete,
    /// Compare: list the differences to settle.
    Compare,
    KeepFirst,
    KeepSecond,
    /// A letter while a value is half-typed: never a command.
    Letter,
}

impl BlindKey {
    /// Whether the key only moves or discards (nothing to save).
    pub fn only_looks(self) -> bool {
        matches!(
            self,
            BlindKey::StartHere
                | BlindKey::StartSelected
                | BlindKey::StartNext
                | BlindKey::Escape
                | BlindKey::Compare
                | BlindKey::Letter
        )
    }
}

impl From<BlindKey> for crate::app::Action {
    fn from(key: BlindKey) -> crate::app::Action {
        crate::app::Action::Key(super::super::ScreenKey::Blind(key))
    }
}

/// What the blind mode's status line says.
#[derive(Clone, Debug, PartialEq)]
pub enum BlindStatus {
    /// The typed value was not sent (it does not fit the criterion, is not
    /// a number), or the juror does not score this team.
    NotSent(NotSent),
    /// Commit (Enter) or discard (Esc) the typed value first.
    FinishEntry,
    /// Settling: every difference is settled, the team verified twice.
    VerifiedTwice,
    /// `B`: every team is already verified twice.
    AllVerifiedTwice,
}

/// The blind mode's state (kept while other screens are shown).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Blind {
    /// The team re-typed; `None`: the mode is off.
    pub team: Option<TeamId>,
    /// Juror index (session order) and criterion index of the cursor.
    pub row: usize,
    pub col: usize,
    /// The half-typed value (at the cursor, or the third value).
    pub input: String,
    /// Settling the differences, rather than typing.
    pub settling: bool,
    /// The difference selected while settling.
    pub selected: usize,
    /// Second-entry cells sent, not yet saved (what they will hold).
    pub pending: BTreeMap<(JurorId, CriterionId), Option<Dec>>,
    pub status: Option<BlindStatus>,
    /// The teams nearest the cut-off, kept fresh by `update`.
    pub cutoff: Cutoff,
}

impl Blind {
    pub fn active(&self) -> bool {
        self.team.is_some()
    }

    pub fn half_typed(&self) -> bool {
        self.active() && !self.input.is_empty()
    }

    /// Start re-typing `team` (at its first expected cell).
    pub fn start(&mut self, session: &Session, team: TeamId) {
        if self.team.as_ref() != Some(&team) {
            self.input.clear();
            self.pending.clear();
            self.row = 0;
            self.col = 0;
            self.selected = 0;
        }
        self.team = Some(team);
        self.settling = false;
        self.status = None;
        if let Some(row) = self.next_row(session, self.row) {
            self.row = row;
        }
    }

    fn leave(&mut self) {
        self.team = None;
        self.input.clear();
        self.settling = false;
        self.status = None;
    }

    /// The value a second-entry cell shows: the one being saved, else the
    /// saved one.
    pub fn value(
        &self,
        session: &Session,
        juror: &JurorId,
        criterion: &CriterionId,
    ) -> Option<Dec> {
        let team = self.team.as_ref()?;
        match self.pending.get(&(juror.clone(), criterion.clone())) {
            Some(v) => *v,
            None => session.second_value(team, juror, criterion),
        }
    }

    pub fn is_pending(&self, juror: &JurorId, criterion: &CriterionId) -> bool {
        self.pending
            .contains_key(&(juror.clone(), criterion.clone()))
    }

    /// The differences to settle, as the session stands.
    pub fn differences(&self, session: &Session) -> Vec<Difference> {
        self.team
            .as_ref()
            .map(|t| double_entry::compare(session, t).differences)
            .unwrap_or_default()
    }

    /// The first row at or after `from` whose juror scores the team.
    fn next_row(&self, session: &Session, from: usize) -> Option<usize> {
        let team = session.team(self.team.as_ref()?)?;
        (from..session.jurors.len()).find(|&i| session.expects(team, &session.jurors[i]))
    }

    fn handle(&mut self, session: &Session, key: BlindKey) -> Option<Change> {
        if self.half_typed()
            && matches!(
                key,
                BlindKey::Letter | BlindKey::Compare | BlindKey::KeepFirst | BlindKey::KeepSecond
            )
        {
            self.status = Some(BlindStatus::FinishEntry);
            return None;
        }
        self.status = None;
        match key {
            BlindKey::StartHere
            | BlindKey::StartSelected
            | BlindKey::StartNext
            | BlindKey::Letter => None,
            BlindKey::Char(c) => {
                if self.input.len() < 12 && (c.is_ascii_digit() || c == '.' || c == ',') {
                    self.input.push(c);
                }
                None
            }
            BlindKey::Backspace => {
                self.input.pop();
                None
            }
            BlindKey::Escape => {
                if !self.input.is_empty() {
                    self.input.clear();
                } else if self.settling {
                    self.settling = false;
                } else {
                    self.leave();
                }
                None
            }
            BlindKey::Compare => {
                self.settling = true;
                self.selected = 0;
                None
            }
            _ if self.settling => self.settle(session, key),
            _ => self.type_key(session, key),
        }
    }

    /// A key while typing the second entry.
    fn type_key(&mut self, session: &Session, key: BlindKey) -> Option<Change> {
        let last_col = session.criteria.len().saturating_sub(1);
        let last_row = session.jurors.len().saturating_sub(1);
        let (change, moved) = match key {
            BlindKey::Delete => {
                self.input.clear();
                return self.send_cell(session, None);
            }
            BlindKey::Enter | BlindKey::Up | BlindKey::Down | BlindKey::Left | BlindKey::Right => {
                let change = self.commit(session)?;
                (change, true)
            }
            _ => return None,
        };
        if !moved {
            return change;
        }
        match key {
            BlindKey::Enter => {
                if self.col < last_col {
                    self.col += 1;
                } else if let Some(row) = self.next_row(session, self.row + 1) {
                    self.row = row;
                    self.col = 0;
                } else {
                    // Past the last cell: on to the differences.
                    self.settling = true;
                    self.selected = 0;
                }
            }
            BlindKey::Up => self.row = self.row.saturating_sub(1),
            BlindKey::Down => self.row = (self.row + 1).min(last_row),
            BlindKey::Left => self.col = self.col.saturating_sub(1),
            BlindKey::Right => self.col = (self.col + 1).min(last_col),
            _ => {}
        }
        change
    }

    /// The typed value, checked: `Some(change)` to move on (a change or
    /// none), `None` to stay (refused, said on the status line).
    fn commit(&mut self, session: &Session) -> Option<Option<Change>> {
        if self.input.is_empty() {
            return Some(None);
        }
        let text = std::mem::take(&mut self.input);
        let value = match NotSent::value(text, session.criteria.get(self.col)) {
            Ok(value) => value,
            Err(not_sent) => {
                self.status = Some(BlindStatus::NotSent(not_sent));
                return None;
            }
        };
        let change = self.send_cell(session, Some(value));
        if self.status.is_some() {
            return None;
        }
        Some(change)
    }

    /// Set the cursor's second-entry cell (if its juror scores the team).
    fn send_cell(&mut self, session: &Session, value: Option<Dec>) -> Option<Change> {
        let team = session.team(self.team.as_ref()?)?;
        let juror = session.jurors.get(self.row)?;
        let criterion = session.criteria.get(self.col)?;
        if let Some(not_sent) = NotSent::excused(session, team, juror) {
            self.status = Some(BlindStatus::NotSent(not_sent));
            return None;
        }
        let shown = self.value(session, &juror.id, &criterion.id);
        if shown == value {
            return None;
        }
        self.pending
            .insert((juror.id.clone(), criterion.id.clone()), value);
        Some(Change::SetSecondCell {
            team: team.id.clone(),
            juror: juror.id.clone(),
            criterion: criterion.id.clone(),
            edit: crate::domain::Edit::new(shown, value),
        })
    }

    /// A key while settling the differences.
    fn settle(&mut self, session: &Session, key: BlindKey) -> Option<Change> {
        let differences = self.differences(session);
        self.selected = self.selected.min(differences.len().saturating_sub(1));
        let resolution = match key {
            BlindKey::Up => {
                self.selected = self.selected.saturating_sub(1);
                return None;
            }
            BlindKey::Down => {
                self.selected = (self.selected + 1).min(differences.len().saturating_sub(1));
                return None;
            }
            BlindKey::KeepFirst | BlindKey::Left => Resolution::KeepFirst,
            BlindKey::KeepSecond | BlindKey::Right => Resolution::KeepSecond,
            BlindKey::Enter if self.input.is_empty() => return None,
            BlindKey::Enter => {
                let text = std::mem::take(&mut self.input);
                let criterion = differences
                    .get(self.selected)
                    .and_then(|d| session.criterion(&d.criterion));
                match NotSent::value(text, criterion) {
                    Ok(value) => Resolution::Third(value),
                    Err(not_sent) => {
                        self.status = Some(BlindStatus::NotSent(not_sent));
                        return None;
                    }
                }
            }
            _ => return None,
        };
        let difference = differences.get(self.selected)?;
        if differences.len() == 1 {
            self.status = Some(BlindStatus::VerifiedTwice);
        }
        Some(double_entry::resolve(difference, resolution))
    }

    /// The save of `change` came back: its cell is no longer pending.
    pub fn on_outcome(&mut self, change: &Change, outcome: &SaveOutcome) {
        if let Change::SetSecondCell {
            team,
            juror,
            criterion,
            edit,
        } = change
            && self.team.as_ref() == Some(team)
        {
            let key = (juror.clone(), criterion.clone());
            if self.pending.get(&key) == Some(&edit.new) {
                self.pending.remove(&key);
            }
        }
        if let (Change::ResolveCell { .. }, SaveOutcome::Refused { .. }) = (change, outcome)
            && self.status == Some(BlindStatus::VerifiedTwice)
        {
            self.status = None;
        }
    }
}

/// A key of the blind mode: the change it makes, if any, is sent.
pub fn handle(app: &mut App, key: BlindKey, _now: DateTime<Utc>) -> Reply {
    let basis = app.basis();
    let start = |app: &mut App, team: Option<TeamId>| {
        if let Some(team) = team {
            app.blind.start(&basis, team);
            app.screen = Screen::Scores;
        }
    };
    match key {
        BlindKey::StartHere => {
            app.grid.open(&basis);
            start(app, app.grid.team.clone());
            Reply::none()
        }
        BlindKey::StartSelected => {
            start(app, app.board.selected(&basis));
            Reply::none()
        }
        BlindKey::StartNext => {
            let next = app.blind.cutoff.next_to_check(&basis);
            if next.is_none() {
                app.blind.status = Some(BlindStatus::AllVerifiedTwice);
            }
            start(app, next);
            Reply::none()
        }
        _ => Reply::sending(app.blind.handle(&basis, key)),
    }
}

/// Keep the teams nearest the cut-off fresh (the Completeness board shows
/// them).
pub fn refresh(app: &mut App) {
    app.blind.cutoff.refresh(&app.session);
}

/// The official ranking's teams, nearest the cut-off first; in schedule
/// order while the results are sealed (the order would tell which teams
/// are near the cut-off).
fn cutoff_order(session: &Session) -> Vec<TeamId> {
    if session.is_sealed() {
        return session
            .teams_in_order()
            .filter(|t| t.status == crate::domain::TeamStatus::Scheduled)
            .map(|t| t.id.clone())
            .collect();
    }
    double_entry::by_distance_to_cutoff(&ranking::rank(session, session.settings.method))
}

#[cfg(test)]
mod tests;
