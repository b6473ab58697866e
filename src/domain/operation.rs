//! Operations: every change to a session is one small value.
//!
//! An operation carries what it changes, as an [`Edit`] (the value its
//! author saw before and the new value), the time and the writer (terminal)
//! that made it. It is what the journal records, what undo reverses (by its
//! inverse, which swaps every edit) and what two terminals merge: a change
//! whose `seen` value is no longer current is refused, never applied over
//! the other terminal's work.
//!
//! The JSON of an operation is fixed by the journal format: an edit's two
//! fields sit flat beside the change's other fields, and a batch's label is
//! a string (`tests/operations_json.rs` checks the bytes).

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::decimal::Dec;
use super::id::WriterId;
use super::reveal::Reveal;
use super::session::{
    Criterion, CriterionId, Decision, Event, Juror, JurorId, Message, OrgId, Organisation,
    Question, Session, Settings, Sheet, Slot, Speaker, Team, TeamId, TeamStatus,
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

/// A value as the author saw it and the value it sets. The inverse of an
/// edit swaps the two.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit<T> {
    pub seen: T,
    pub new: T,
}

impl<T> Edit<T> {
    pub fn new(seen: T, new: T) -> Edit<T> {
        Edit { seen, new }
    }

    /// The edit that undoes this one.
    pub fn swap(&mut self) {
        std::mem::swap(&mut self.seen, &mut self.new);
    }
}

/// One cell as both entries hold it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entries {
    pub first: Option<Dec>,
    pub second: Option<Dec>,
}

/// What an operation changes. Every `edit` holds the value the author saw
/// and the value it sets.
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
        #[serde(flatten)]
        edit: Edit<Option<Dec>>,
    },
    /// Set or clear a sheet's handwritten total.
    SetHandwritten {
        team: TeamId,
        juror: JurorId,
        #[serde(flatten)]
        edit: Edit<Option<Dec>>,
    },
    /// Replace a whole sheet: marking absent or recused (which clears the
    /// values), lifting the mark, or restoring values on undo.
    SetSheet {
        team: TeamId,
        juror: JurorId,
        #[serde(flatten)]
        edit: Edit<Sheet>,
    },
    /// Set or clear one cell of the blind second entry (the first entry,
    /// which scores, is untouched).
    SetSecondCell {
        team: TeamId,
        juror: JurorId,
        criterion: CriterionId,
        #[serde(flatten)]
        edit: Edit<Option<Dec>>,
    },
    /// Settle a cell where the two entries differ: both take one value
    /// (the first's, the second's or a third).
    ResolveCell {
        team: TeamId,
        juror: JurorId,
        criterion: CriterionId,
        #[serde(flatten)]
        edit: Edit<Entries>,
    },
    /// Lock (verified) or unlock a team's grid.
    SetVerified {
        team: TeamId,
        #[serde(flatten)]
        edit: Edit<bool>,
    },
    SetEvent {
        #[serde(flatten)]
        edit: Edit<Event>,
    },
    SetSettings {
        #[serde(flatten)]
        edit: Edit<Box<Settings>>,
    },
    /// Add (`seen` none), edit or remove (`new` none) an organisation.
    SetOrganisation {
        id: OrgId,
        /// Where the item stands in its list (a removal) or goes (an
        /// addition; none = at the end), so undo puts it back in place.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
        #[serde(flatten)]
        edit: Edit<Option<Organisation>>,
    },
    /// Add, edit or remove a team (a removed team must be out of the schedule).
    SetTeam {
        id: TeamId,
        /// As for an organisation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
        #[serde(flatten)]
        edit: Edit<Option<Box<Team>>>,
    },
    /// Withdraw or restore a team.
    SetTeamStatus {
        team: TeamId,
        #[serde(flatten)]
        edit: Edit<TeamStatus>,
    },
    /// Add, edit (a substitution, a corrected name) or remove a juror.
    SetJuror {
        id: JurorId,
        /// As for an organisation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
        #[serde(flatten)]
        edit: Edit<Option<Juror>>,
    },
    /// Add, edit or remove a criterion; refused once scoring has started.
    SetCriterion {
        id: CriterionId,
        /// As for an organisation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
        #[serde(flatten)]
        edit: Edit<Option<Criterion>>,
    },
    /// The running order: a team moved, a break inserted or removed.
    SetSchedule {
        #[serde(flatten)]
        edit: Edit<Vec<Slot>>,
    },
    AddDecision {
        decision: Decision,
    },
    RemoveDecision {
        decision: Decision,
    },
    /// Start, pause, resume, adjust, restart, next phase or team.
    SetStage {
        #[serde(flatten)]
        edit: Edit<Box<Stage>>,
    },
    /// Jurors waiting to ask a question.
    SetQueue {
        #[serde(flatten)]
        edit: Edit<Vec<Speaker>>,
    },
    /// Show (`new` some) or clear (`new` none) the message to the speaker.
    SetMessage {
        #[serde(flatten)]
        edit: Edit<Option<Message>>,
    },
    /// Begin (`new` some, nothing shown yet) or end (`new` none) the
    /// laureates' reveal on the stage display.
    SetReveal {
        #[serde(flatten)]
        edit: Edit<Option<Reveal>>,
    },
    /// A step of the reveal under way: how far it has gone
    /// (`Reveal::shown`).
    SetRevealed {
        #[serde(flatten)]
        edit: Edit<usize>,
    },
    /// A question asked, logged when the juror has finished.
    AddQuestion {
        question: Question,
    },
    RemoveQuestion {
        question: Question,
    },
    /// Seal the results: no output shows the ranking until unsealed
    /// (refused when they are sealed already).
    Seal,
    /// Unseal the results (refused when they are not sealed).
    Unseal,
    /// Several changes applied together or not at all (an import, a juror
    /// absent for every remaining team, a question done and the next one).
    Batch {
        label: BatchLabel,
        changes: Vec<Change>,
    },
}

impl Change {
    /// The change that reverses this one; `None` for the creation.
    pub fn inverse(&self) -> Option<Change> {
        use Change::*;
        let mut change = self.clone();
        match &mut change {
            Create { .. } => return None,
            SetCell { edit, .. } | SetHandwritten { edit, .. } => edit.swap(),
            SetSecondCell { edit, .. } => edit.swap(),
            ResolveCell { edit, .. } => edit.swap(),
            SetSheet { edit, .. } => edit.swap(),
            SetVerified { edit, .. } => edit.swap(),
            SetEvent { edit } => edit.swap(),
            SetSettings { edit } => edit.swap(),
            SetOrganisation { edit, .. } => edit.swap(),
            SetTeam { edit, .. } => edit.swap(),
            SetTeamStatus { edit, .. } => edit.swap(),
            SetJuror { edit, .. } => edit.swap(),
            SetCriterion { edit, .. } => edit.swap(),
            SetSchedule { edit } => edit.swap(),
            SetStage { edit } => edit.swap(),
            SetQueue { edit } => edit.swap(),
            SetMessage { edit } => edit.swap(),
            SetReveal { edit } => edit.swap(),
            SetRevealed { edit } => edit.swap(),
            AddDecision { decision } => {
                return Some(RemoveDecision {
                    decision: decision.clone(),
                });
            }
            RemoveDecision { decision } => {
                return Some(AddDecision {
                    decision: decision.clone(),
                });
            }
            Seal => return Some(Unseal),
            Unseal => return Some(Seal),
            AddQuestion { question } => {
                return Some(RemoveQuestion {
                    question: question.clone(),
                });
            }
            RemoveQuestion { question } => {
                return Some(AddQuestion {
                    question: question.clone(),
                });
            }
            Batch { changes, .. } => {
                *changes = changes
                    .iter()
                    .rev()
                    .map(Change::inverse)
                    .collect::<Option<Vec<_>>>()?;
            }
        }
        Some(change)
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
            | Change::SetSettings { .. }
            // Its text is checked like a name (no control character).
            | Change::SetMessage { .. } => true,
            Change::Batch { changes, .. } => changes.iter().any(Change::is_structural),
            Change::SetCell { .. }
            | Change::SetHandwritten { .. }
            | Change::SetSecondCell { .. }
            | Change::ResolveCell { .. }
            | Change::SetSheet { .. }
            | Change::SetVerified { .. }
            | Change::SetEvent { .. }
            | Change::SetTeamStatus { .. }
            | Change::AddDecision { .. }
            | Change::RemoveDecision { .. }
            | Change::SetStage { .. }
            | Change::SetQueue { .. }
            // Its teams are checked when it applies.
            | Change::SetReveal { .. }
            | Change::SetRevealed { .. }
            | Change::AddQuestion { .. }
            | Change::RemoveQuestion { .. }
            | Change::Seal
            | Change::Unseal => false,
        }
    }
}

/// What a batch of changes is: written in the journal as a short text
/// (`stage`, `question_done`, `absent J1 from T02`, `import scores.csv`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BatchLabel {
    /// The stage moved on and the question queue with it.
    Stage,
    /// A question done and the next juror speaking.
    QuestionDone,
    /// A juror absent for every remaining team, from this one on.
    AbsentFromRest { juror: JurorId, from: TeamId },
    /// Scores imported from a file.
    Import { file: String },
    /// One field of a team, a juror or the settings edited, with the
    /// values of the pairs it makes recused cleared.
    Edit { id: String },
    /// A team added late, at the end of the schedule.
    LateTeam { team: TeamId },
    /// A juror who left replaced by a newcomer.
    Replace { left: JurorId, by: JurorId },
    /// The teams and jurors re-read from the organisers' spreadsheets.
    Roster,
    /// A label this version does not know, kept as it was written.
    Other(String),
}

impl BatchLabel {
    /// Read back from the journal's text.
    pub fn parse(text: &str) -> BatchLabel {
        match text {
            "stage" => return BatchLabel::Stage,
            "question_done" => return BatchLabel::QuestionDone,
            "roster" => return BatchLabel::Roster,
            _ => {}
        }
        if let Some((left, by)) = text
            .strip_prefix("replace ")
            .and_then(|rest| rest.split_once(" by "))
        {
            return BatchLabel::Replace {
                left: left.into(),
                by: by.into(),
            };
        }
        if let Some(team) = text.strip_prefix("late ") {
            return BatchLabel::LateTeam { team: team.into() };
        }
        if let Some(id) = text.strip_prefix("edit ") {
            return BatchLabel::Edit { id: id.into() };
        }
        if let Some((juror, from)) = text
            .strip_prefix("absent ")
            .and_then(|rest| rest.split_once(" from "))
        {
            return BatchLabel::AbsentFromRest {
                juror: juror.into(),
                from: from.into(),
            };
        }
        match text.strip_prefix("import ") {
            Some(file) => BatchLabel::Import { file: file.into() },
            None => BatchLabel::Other(text.into()),
        }
    }
}

/// The journal's text of the label.
impl fmt::Display for BatchLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchLabel::Stage => f.write_str("stage"),
            BatchLabel::QuestionDone => f.write_str("question_done"),
            BatchLabel::AbsentFromRest { juror, from } => write!(f, "absent {juror} from {from}"),
            BatchLabel::Import { file } => write!(f, "import {file}"),
            BatchLabel::Edit { id } => write!(f, "edit {id}"),
            BatchLabel::LateTeam { team } => write!(f, "late {team}"),
            BatchLabel::Replace { left, by } => write!(f, "replace {left} by {by}"),
            BatchLabel::Roster => f.write_str("roster"),
            BatchLabel::Other(text) => f.write_str(text),
        }
    }
}

impl Serialize for BatchLabel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for BatchLabel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(BatchLabel::parse(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_label_reads_back_as_written() {
        let labels = [
            BatchLabel::Stage,
            BatchLabel::QuestionDone,
            BatchLabel::AbsentFromRest {
                juror: "J1".into(),
                from: "T02".into(),
            },
            BatchLabel::Import {
                file: "notes du jury.csv".into(),
            },
            BatchLabel::Edit { id: "T03".into() },
            BatchLabel::LateTeam { team: "T16".into() },
            BatchLabel::Replace {
                left: "J3".into(),
                by: "J6".into(),
            },
            BatchLabel::Roster,
            BatchLabel::Other(String::new()),
            BatchLabel::Other("absent J1".into()),
        ];
        for label in labels {
            assert_eq!(BatchLabel::parse(&label.to_string()), label);
        }
        // Text the parse splits differently still writes back the same.
        for text in ["absent a from b from c", "import ", "stage "] {
            assert_eq!(BatchLabel::parse(text).to_string(), text);
        }
    }

    #[test]
    fn an_inverse_swaps_every_edit_and_reverses_a_batch() {
        let cell = |seen: i64, new: i64| Change::SetCell {
            team: "T1".into(),
            juror: "J1".into(),
            criterion: "c".into(),
            edit: Edit::new(Some(Dec::int(seen)), Some(Dec::int(new))),
        };
        let batch = Change::Batch {
            label: BatchLabel::Stage,
            changes: vec![cell(1, 2), cell(2, 3)],
        };
        assert_eq!(
            batch.inverse(),
            Some(Change::Batch {
                label: BatchLabel::Stage,
                changes: vec![cell(3, 2), cell(2, 1)],
            })
        );
    }
}
