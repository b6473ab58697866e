//! Operations: every change to a session is one small value.
//!
//! An operation carries what it changes, the value its author saw before,
//! the new value, the time and the writer (terminal) that made it. It is
//! what the journal records, what undo reverses (by its inverse) and what
//! two terminals merge: a change whose `seen` value is no longer current is
//! refused, never applied over the other terminal's work.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::decimal::Dec;
use super::id::WriterId;
use super::session::{
    Criterion, CriterionId, Decision, Event, Juror, JurorId, OrgId, Organisation, Question,
    Session, Settings, Sheet, Slot, Speaker, Team, TeamId, TeamStatus,
};
use super::stage::Stage;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    pub at: DateTime<Utc>,
    /// Which terminal (or command) made it.
    pub writer: WriterId,
    pub change: Change,
}

impl Operation {
    pub fn new(change: Change, writer: impl Into<WriterId>, at: DateTime<Utc>) -> Operation {
        Operation {
            at,
            writer: writer.into(),
            change,
        }
    }

    /// The operation that undoes this one, made by `writer` at `at`.
    pub fn inverse(&self, writer: impl Into<WriterId>, at: DateTime<Utc>) -> Option<Operation> {
        self.change
            .inverse()
            .map(|change| Operation::new(change, writer, at))
    }
}

/// What an operation changes. Every `seen` is the value the author saw;
/// `new` the value it sets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// The session's creation: journal line 1.
    Create {
        session: Box<Session>,
    },
    /// Set or clear one cell.
    SetCell {
        team: TeamId,
        juror: JurorId,
        criterion: CriterionId,
        seen: Option<Dec>,
        new: Option<Dec>,
    },
    /// Set or clear a sheet's handwritten total.
    SetHandwritten {
        team: TeamId,
        juror: JurorId,
        seen: Option<Dec>,
        new: Option<Dec>,
    },
    /// Replace a whole sheet: marking absent or recused (which clears the
    /// values), lifting the mark, or restoring values on undo.
    SetSheet {
        team: TeamId,
        juror: JurorId,
        seen: Sheet,
        new: Sheet,
    },
    /// Lock (verified) or unlock a team's grid.
    SetVerified {
        team: TeamId,
        seen: bool,
        new: bool,
    },
    SetEvent {
        seen: Event,
        new: Event,
    },
    SetSettings {
        seen: Box<Settings>,
        new: Box<Settings>,
    },
    /// Add (`seen` none), edit or remove (`new` none) an organisation.
    SetOrganisation {
        id: OrgId,
        /// Where the item stands in its list (a removal) or goes (an
        /// addition; none = at the end), so undo puts it back in place.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
        seen: Option<Organisation>,
        new: Option<Organisation>,
    },
    /// Add, edit or remove a team (a removed team must be out of the schedule).
    SetTeam {
        id: TeamId,
        /// Where the item stands in its list (a removal) or goes (an
        /// addition; none = at the end), so undo puts it back in place.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
        seen: Option<Box<Team>>,
        new: Option<Box<Team>>,
    },
    /// Withdraw or restore a team.
    SetTeamStatus {
        team: TeamId,
        seen: TeamStatus,
        new: TeamStatus,
    },
    /// Add, edit (a substitution, a corrected name) or remove a juror.
    SetJuror {
        id: JurorId,
        /// Where the item stands in its list (a removal) or goes (an
        /// addition; none = at the end), so undo puts it back in place.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
        seen: Option<Juror>,
        new: Option<Juror>,
    },
    /// Add, edit or remove a criterion; refused once scoring has started.
    SetCriterion {
        id: CriterionId,
        /// Where the item stands in its list (a removal) or goes (an
        /// addition; none = at the end), so undo puts it back in place.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
        seen: Option<Criterion>,
        new: Option<Criterion>,
    },
    /// The running order: a team moved, a break inserted or removed.
    SetSchedule {
        seen: Vec<Slot>,
        new: Vec<Slot>,
    },
    AddDecision {
        decision: Decision,
    },
    RemoveDecision {
        decision: Decision,
    },
    /// Start, pause, resume, adjust, restart, next phase or team.
    SetStage {
        seen: Box<Stage>,
        new: Box<Stage>,
    },
    /// Jurors waiting to ask a question.
    SetQueue {
        seen: Vec<Speaker>,
        new: Vec<Speaker>,
    },
    /// A question asked, logged when the juror has finished.
    AddQuestion {
        question: Question,
    },
    RemoveQuestion {
        question: Question,
    },
    /// Several changes applied together or not at all (an import, a juror
    /// absent for every remaining team, a question done and the next one).
    Batch {
        label: String,
        changes: Vec<Change>,
    },
}

impl Change {
    /// The change that reverses this one; `None` for the creation.
    pub fn inverse(&self) -> Option<Change> {
        use Change::*;
        Some(match self.clone() {
            Create { .. } => return None,
            SetCell {
                team,
                juror,
                criterion,
                seen,
                new,
            } => SetCell {
                team,
                juror,
                criterion,
                seen: new,
                new: seen,
            },
            SetHandwritten {
                team,
                juror,
                seen,
                new,
            } => SetHandwritten {
                team,
                juror,
                seen: new,
                new: seen,
            },
            SetSheet {
                team,
                juror,
                seen,
                new,
            } => SetSheet {
                team,
                juror,
                seen: new,
                new: seen,
            },
            SetVerified { team, seen, new } => SetVerified {
                team,
                seen: new,
                new: seen,
            },
            SetEvent { seen, new } => SetEvent {
                seen: new,
                new: seen,
            },
            SetSettings { seen, new } => SetSettings {
                seen: new,
                new: seen,
            },
            SetOrganisation {
                id,
                position,
                seen,
                new,
            } => SetOrganisation {
                id,
                position,
                seen: new,
                new: seen,
            },
            SetTeam {
                id,
                position,
                seen,
                new,
            } => SetTeam {
                id,
                position,
                seen: new,
                new: seen,
            },
            SetTeamStatus { team, seen, new } => SetTeamStatus {
                team,
                seen: new,
                new: seen,
            },
            SetJuror {
                id,
                position,
                seen,
                new,
            } => SetJuror {
                id,
                position,
                seen: new,
                new: seen,
            },
            SetCriterion {
                id,
                position,
                seen,
                new,
            } => SetCriterion {
                id,
                position,
                seen: new,
                new: seen,
            },
            SetSchedule { seen, new } => SetSchedule {
                seen: new,
                new: seen,
            },
            AddDecision { decision } => RemoveDecision { decision },
            RemoveDecision { decision } => AddDecision { decision },
            SetStage { seen, new } => SetStage {
                seen: new,
                new: seen,
            },
            SetQueue { seen, new } => SetQueue {
                seen: new,
                new: seen,
            },
            AddQuestion { question } => RemoveQuestion { question },
            RemoveQuestion { question } => AddQuestion { question },
            Batch { label, changes } => Batch {
                label,
                changes: changes
                    .iter()
                    .rev()
                    .map(Change::inverse)
                    .collect::<Option<Vec<_>>>()?,
            },
        })
    }

    /// Whether this change can alter the session's structure (ids, schedule),
    /// so the whole session's consistency is checked after it.
    pub fn is_structural(&self) -> bool {
        match self {
            Change::Create { .. }
            | Change::SetOrganisation { .. }
            | Change::SetTeam { .. }
            | Change::SetJuror { .. }
            | Change::SetCriterion { .. }
            | Change::SetSchedule { .. }
            | Change::SetSettings { .. } => true,
            Change::Batch { changes, .. } => changes.iter().any(Change::is_structural),
            _ => false,
        }
    }
}
