//! The secretary's score grid, as a pure value.
//!
//! One team at a time: a row per juror, a column per criterion, then the
//! juror's handwritten total. Keys come in as `GridKey`s; a key that changes
//! the session returns the `Change` to save (carrying the value this
//! terminal saw). Nothing is shown as saved until `on_outcome` reports that
//! its journal line is on disk. A half-typed value lives here, so it
//! survives switching screens.

use std::collections::BTreeMap;

use super::NotSent;
use crate::app::SaveOutcome;
use crate::domain::scoring;
use crate::domain::{Change, CriterionId, Dec, Edit, JurorId, Session, Sheet, TeamId, TeamStatus};

mod cells;
mod marks;
mod moves;
mod status;

pub(super) use cells::check;
use cells::{cell_change, cells_of, saved_value, set_in};
pub use status::{Ask, Move, Status};

/// What a key means inside the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridKey {
    /// A digit, `.` or `,`.
    Char(char),
    Backspace,
    /// Commit the typed value and move on (or confirm a question).
    Enter,
    /// Discard the typed value, or answer no.
    Escape,
    /// Answer yes to a question.
    Yes,
    Up,
    Down,
    Left,
    Right,
    /// Clear the cell under the cursor.
    Delete,
    /// The juror under the cursor is absent for this team (again: present).
    Absent,
    /// The juror is absent for this team and every remaining one.
    AbsentForRest,
    /// The juror under the cursor is recused for this team (again: lifted).
    Recuse,
    /// Lock the team's grid, or (after asking) unlock it.
    Verify,
    PrevTeam,
    NextTeam,
    /// Show the team on stage.
    StageTeam,
    /// First cell of the row.
    RowStart,
    /// Last cell of the row (the handwritten total).
    RowEnd,
    /// A letter pressed while a value is half-typed: never a command.
    Letter,
}

impl GridKey {
    /// Whether the key only moves or discards (nothing to save).
    pub fn only_looks(self) -> bool {
        matches!(
            self,
            GridKey::Up
                | GridKey::Down
                | GridKey::Left
                | GridKey::Right
                | GridKey::RowStart
                | GridKey::RowEnd
                | GridKey::PrevTeam
                | GridKey::NextTeam
                | GridKey::StageTeam
                | GridKey::Escape
                | GridKey::Letter
        )
    }
}

/// A column of the grid.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Criterion(CriterionId),
    Handwritten,
}

/// One cell of one team's grid.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellKey {
    pub team: TeamId,
    pub juror: JurorId,
    pub column: Column,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    /// The team shown; `None` until the grid is first opened.
    pub team: Option<TeamId>,
    /// Juror index (session order).
    pub row: usize,
    /// Criterion index; `criteria.len()` is the handwritten total.
    pub col: usize,
    /// The half-typed value at the cursor.
    pub input: String,
    /// The input was refused: the next character starts afresh.
    pub input_refused: bool,
    /// The cell being typed over and the value it showed when typing
    /// started: what a commit claims to have seen.
    pub typed_over: Option<(CellKey, Option<Dec>)>,
    /// Changes sent to be saved, not yet on disk (cell → new value).
    pub pending: BTreeMap<CellKey, Option<Dec>>,
    /// The cell whose value was last refused (marked until changed).
    pub refused: Option<CellKey>,
    pub status: Option<Status>,
}

/// The team the grid opens on: the one on stage, else the first scheduled.
pub fn default_team(session: &Session) -> Option<TeamId> {
    session
        .stage
        .team
        .clone()
        .filter(|t| session.team(t).is_some())
        .or_else(|| scheduled(session).next().cloned())
}

/// Teams in schedule order, withdrawn ones left out.
fn scheduled(session: &Session) -> impl Iterator<Item = &TeamId> {
    session
        .teams_in_order()
        .filter(|t| t.status == TeamStatus::Scheduled)
        .map(|t| &t.id)
}

impl Grid {
    /// Open on the team on stage the first time; afterwards stay.
    pub fn open(&mut self, session: &Session) {
        if self.team.as_ref().is_none_or(|t| session.team(t).is_none()) {
            self.team = default_team(session);
            self.row = 0;
            self.col = 0;
            self.skip_to_expected(session);
        }
        self.clamp(session);
    }

    /// Show a team's grid (from the completeness board). A half-typed value
    /// belongs to a cell of the team shown, so it is kept only there.
    pub fn show_team(&mut self, session: &Session, team: &TeamId) {
        if self.team.as_ref() == Some(team) || session.team(team).is_none() {
            return;
        }
        self.team = Some(team.clone());
        self.drop_input();
        self.refused = None;
        self.status = None;
        self.row = 0;
        self.col = 0;
        self.skip_to_expected(session);
    }

    /// The team on stage when it is not the one shown.
    pub fn stage_moved_on<'a>(&self, session: &'a Session) -> Option<&'a TeamId> {
        session
            .stage
            .team
            .as_ref()
            .filter(|t| Some(*t) != self.team.as_ref())
    }

    pub fn is_asking(&self) -> bool {
        matches!(self.status, Some(Status::Ask(_)))
    }

    /// Something is typed and not yet committed.
    pub fn half_typed(&self) -> bool {
        !self.input.is_empty()
    }

    /// The column under the cursor.
    pub fn column(&self, session: &Session) -> Column {
        match session.criteria.get(self.col) {
            Some(c) => Column::Criterion(c.id.clone()),
            None => Column::Handwritten,
        }
    }

    /// The cell under the cursor.
    pub fn cursor(&self, session: &Session) -> Option<CellKey> {
        Some(CellKey {
            team: self.team.clone()?,
            juror: session.jurors.get(self.row)?.id.clone(),
            column: self.column(session),
        })
    }

    /// The value a cell shows: the one being saved, else the saved one.
    pub fn value(&self, session: &Session, key: &CellKey) -> Option<Dec> {
        match self.pending.get(key) {
            Some(v) => *v,
            None => saved_value(session, key),
        }
    }

    pub fn is_pending(&self, key: &CellKey) -> bool {
        self.pending.contains_key(key)
    }

    /// A juror's sheet as it will be once the pending changes are saved.
    pub fn sheet(&self, session: &Session, team: &TeamId, juror: &JurorId) -> Sheet {
        let mut sheet = session.sheet(team, juror).cloned().unwrap_or_default();
        for (key, value) in &self.pending {
            if key.team == *team && key.juror == *juror {
                set_in(&mut sheet, &key.column, *value);
            }
        }
        sheet
    }

    /// Handle one key; returns the change to save, if any.
    pub fn handle(&mut self, session: &Session, key: GridKey) -> Option<Change> {
        self.open(session);
        if let Some(Status::Ask(ask)) = &self.status {
            let ask = ask.clone();
            self.status = None;
            return match key {
                GridKey::Yes | GridKey::Enter => self.confirm(session, ask),
                // Any other key answers no; what was typed is still there.
                _ => None,
            };
        }
        match key {
            GridKey::Char(c) => {
                self.type_char(session, c);
                None
            }
            GridKey::Backspace => {
                self.input.pop();
                self.input_refused = false;
                if self.input.is_empty() {
                    self.typed_over = None;
                }
                None
            }
            GridKey::Escape => {
                self.drop_input();
                self.refused = None;
                self.status = None;
                None
            }
            // While a value is half-typed, a letter is never a command.
            GridKey::Letter
            | GridKey::Yes
            | GridKey::Absent
            | GridKey::AbsentForRest
            | GridKey::Recuse
            | GridKey::Verify
                if self.half_typed() =>
            {
                self.status = Some(Status::FinishEntry);
                None
            }
            GridKey::Yes | GridKey::Letter => None,
            GridKey::Enter => self.commit(session, Move::Next),
            GridKey::Up => self.commit(session, Move::Up),
            GridKey::Down => self.commit(session, Move::Down),
            GridKey::Left => self.commit(session, Move::Left),
            GridKey::Right => self.commit(session, Move::Right),
            // Leaving the team never saves a half-typed value in passing (as
            // opening another team from the board): finish it first.
            GridKey::PrevTeam | GridKey::NextTeam | GridKey::StageTeam if self.half_typed() => {
                self.status = Some(Status::FinishEntry);
                None
            }
            GridKey::PrevTeam => self.commit(session, Move::PrevTeam),
            GridKey::NextTeam => self.commit(session, Move::NextTeam),
            GridKey::StageTeam => self.commit(session, Move::StageTeam),
            GridKey::RowStart => self.commit(session, Move::RowStart),
            GridKey::RowEnd => self.commit(session, Move::RowEnd),
            GridKey::Delete => self.clear(session),
            GridKey::Absent => self.absent(session),
            GridKey::AbsentForRest => self.absent_for_rest(session),
            GridKey::Recuse => self.recuse(session),
            GridKey::Verify => self.verify(session),
        }
    }

    /// The save of `change` came back: its values are on disk, or it was
    /// refused (said on the grid's line) or not saved (a file error, said
    /// by the app); either way the cell is marked.
    pub fn on_outcome(&mut self, change: &Change, outcome: &SaveOutcome) {
        let mut keys = Vec::new();
        cells_of(change, &mut keys);
        for (key, value) in &keys {
            if self.pending.get(key) == Some(value) {
                self.pending.remove(key);
            }
        }
        let Some((key, _)) = keys.first() else {
            return;
        };
        match outcome {
            SaveOutcome::Saved(_) | SaveOutcome::SavedChanges(_) => {}
            SaveOutcome::Refused { refusal, .. } => {
                // Only a refusal of the grid's own cells is said on its line.
                self.refused = Some(key.clone());
                self.status = Some(Status::SaveRefused(refusal.clone()));
            }
            SaveOutcome::Failed(_) | SaveOutcome::Replaced(_) => self.refused = Some(key.clone()),
        }
    }

    /// Whether the grid says a refusal of `change` on its own line (it
    /// sets cells).
    pub fn says_refusal_of(change: &Change) -> bool {
        let mut keys = Vec::new();
        cells_of(change, &mut keys);
        !keys.is_empty()
    }

    /// Pasted text: one number fills the cell being typed; anything else
    /// is refused (never taken as keys).
    pub fn paste(&mut self, session: &Session, text: &str) {
        self.open(session);
        let number = text.trim();
        let one_number = !number.is_empty()
            && number.len() <= 12
            && number
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            && Dec::parse(number).is_ok();
        if self.is_asking() || !one_number {
            self.status = Some(Status::PasteRefused);
            return;
        }
        self.input.clear();
        self.input_refused = false;
        for c in number.chars() {
            self.type_char(session, c);
        }
    }

    fn type_char(&mut self, session: &Session, c: char) {
        if !(c.is_ascii_digit() || c == '.' || c == ',') {
            return;
        }
        if let Some(status) = self.not_enterable(session) {
            self.status = Some(status);
            return;
        }
        if self.input_refused {
            self.input.clear();
            self.input_refused = false;
        }
        if self.typed_over.is_none() {
            // What the cell shows now is what this entry claims to replace.
            self.typed_over = self.cursor(session).map(|key| {
                let shown = self.value(session, &key);
                (key, shown)
            });
        }
        if self.input.len() < 12 {
            self.input.push(c);
        }
        self.status = None;
    }

    /// Why the cursor's cell cannot take a value, if it cannot.
    fn not_enterable(&self, session: &Session) -> Option<Status> {
        let team = self.team.as_ref().and_then(|t| session.team(t))?;
        let juror = session.jurors.get(self.row)?;
        if session.verified.contains(&team.id) {
            return Some(Status::Locked);
        }
        NotSent::excused(session, team, juror).map(Status::NotSent)
    }

    /// Commit the typed value (if any), then move.
    fn commit(&mut self, session: &Session, then: Move) -> Option<Change> {
        let Some(key) = self.cursor(session) else {
            self.go(session, then);
            return None;
        };
        if self.input.is_empty() {
            self.go(session, then);
            return None;
        }
        if let Some(status) = self.not_enterable(session) {
            self.status = Some(status);
            return None;
        }
        let criterion = match &key.column {
            Column::Criterion(id) => session.criterion(id),
            Column::Handwritten => None,
        };
        let value = match NotSent::value(self.input.clone(), criterion) {
            Ok(value) => value,
            Err(not_sent) => return self.refuse(key, Status::NotSent(not_sent)),
        };
        let shown = self.value(session, &key);
        if shown == Some(value) {
            // Nothing to change: just move on.
            self.drop_input();
            self.refused = None;
            self.go(session, then);
            return None;
        }
        let seen = self.seen_while_typing(&key).unwrap_or(shown);
        if seen != shown {
            // The other terminal changed the cell while this one typed:
            // refuse, show both values; a second Enter replaces knowingly.
            self.typed_over = Some((key.clone(), shown));
            let typed = value;
            return self.refuse(
                key,
                Status::ChangedMeanwhile {
                    seen,
                    current: shown,
                    typed,
                },
            );
        }
        let change = cell_change(&key, seen, Some(value));
        if let Column::Criterion(_) = key.column {
            let mut sheet = self.sheet(session, &key.team, &key.juror);
            set_in(&mut sheet, &key.column, Some(value));
            if let Some(found) = scoring::disagreement(session, &key.team, &key.juror, &sheet) {
                self.status = Some(Status::Ask(Ask::Disagreement {
                    juror: key.juror.clone(),
                    found,
                    change,
                    then,
                }));
                return None;
            }
        }
        self.send(session, change, then)
    }

    /// The value `key` showed when typing over it started, if it is the
    /// cell being typed over.
    fn seen_while_typing(&self, key: &CellKey) -> Option<Option<Dec>> {
        self.typed_over
            .as_ref()
            .filter(|(k, _)| k == key)
            .map(|(_, seen)| *seen)
    }

    /// The cell typed over changed (the other terminal) since typing
    /// started: the cell, the value it showed then and the one it holds now.
    pub fn changed_meanwhile(
        &self,
        session: &Session,
    ) -> Option<(&CellKey, Option<Dec>, Option<Dec>)> {
        let (key, seen) = self.typed_over.as_ref()?;
        if self.input.is_empty() {
            return None;
        }
        let now = self.value(session, key);
        (now != *seen).then_some((key, *seen, now))
    }

    /// Forget what was typed.
    pub(super) fn drop_input(&mut self) {
        self.input.clear();
        self.input_refused = false;
        self.typed_over = None;
    }

    fn refuse(&mut self, key: CellKey, status: Status) -> Option<Change> {
        self.status = Some(status);
        self.refused = Some(key);
        self.input_refused = true;
        None
    }

    /// Mark a cell change as being saved, clear the input and move on.
    fn send(&mut self, session: &Session, change: Change, then: Move) -> Option<Change> {
        let mut keys = Vec::new();
        cells_of(&change, &mut keys);
        for (key, value) in keys {
            if self.refused.as_ref() == Some(&key) {
                self.refused = None;
            }
            self.pending.insert(key, value);
        }
        self.drop_input();
        self.status = self.mismatch_after(session, &change);
        self.go(session, then);
        Some(change)
    }

    /// The paper-total warning follows the sheet as it stands now: gone
    /// once the total agrees with the sum or is removed (an undo, the other
    /// terminal), its figures updated if they changed.
    pub fn follow(&mut self, session: &Session) {
        let (Some(Status::Mismatch { juror, .. }), Some(team)) = (&self.status, &self.team) else {
            return;
        };
        let juror = juror.clone();
        let sheet = self.sheet(session, team, &juror);
        let summary = scoring::summarize(&session.criteria, Some(&sheet));
        self.status = match sheet.handwritten {
            Some(handwritten) if summary.mismatch => Some(Status::Mismatch {
                juror,
                handwritten,
                sum: summary.plain_sum.unwrap_or_default(),
            }),
            _ => None,
        };
    }

    /// After a handwritten total is sent: flag it if it differs from the sum.
    fn mismatch_after(&self, session: &Session, change: &Change) -> Option<Status> {
        let Change::SetHandwritten {
            team,
            juror,
            edit: Edit {
                new: Some(handwritten),
                ..
            },
        } = change
        else {
            return None;
        };
        let sheet = self.sheet(session, team, juror);
        let summary = scoring::summarize(&session.criteria, Some(&sheet));
        summary.mismatch.then(|| Status::Mismatch {
            juror: juror.clone(),
            handwritten: *handwritten,
            sum: summary.plain_sum.unwrap_or_default(),
        })
    }

    fn confirm(&mut self, session: &Session, ask: Ask) -> Option<Change> {
        match ask {
            Ask::Disagreement { change, then, .. } => self.send(session, change, then),
            Ask::Absent { change, .. }
            | Ask::Recuse { change, .. }
            | Ask::AbsentForRest { change, .. } => {
                self.drop_input();
                Some(change)
            }
            Ask::Unverify { change } => {
                self.status = Some(Status::Unverified);
                Some(change)
            }
            Ask::VerifyIncomplete {
                not_counting,
                change,
            } => {
                self.status = Some(Status::Verified { not_counting });
                Some(change)
            }
        }
    }

    /// Delete: discard the typed value and clear the cell.
    fn clear(&mut self, session: &Session) -> Option<Change> {
        let key = self.cursor(session)?;
        // Typed over: what the cell showed then is what is cleared.
        let seen = self
            .seen_while_typing(&key)
            .unwrap_or_else(|| self.value(session, &key));
        self.drop_input();
        if self.refused.as_ref() == Some(&key) {
            self.refused = None;
        }
        seen?;
        if let Some(status) = self.not_enterable(session) {
            self.status = Some(status);
            return None;
        }
        self.status = None;
        self.send(session, cell_change(&key, seen, None), Move::Stay)
    }
}

#[cfg(test)]
mod conflict_tests;
#[cfg(test)]
mod tests;
