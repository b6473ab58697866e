//! Why an operation was refused: a typed value with its data. The
//! sentences are in `crate::words::refusal` (`Refusal::message`, and
//! `Display` in English).

use super::decimal::Dec;
use super::pair::PairState;
use super::session::{CriterionId, JurorId, OrgId, TeamId};
use super::setup::{Field, Value};
use super::validate::Problem;

/// What a refused change was about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// One juror's sheet for one team (its handwritten total, or all of it).
    Sheet {
        team: TeamId,
        juror: JurorId,
    },
    /// A team (its verification or withdrawal).
    Team(TeamId),
    /// An organisation, team, juror or criterion of the roster, by id.
    Item(String),
    Event,
    Settings,
    /// The official ranking method.
    Method,
    Schedule,
    Stage,
    Queue,
    /// The message to the speaker.
    Message,
    /// The laureates' reveal.
    Reveal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    UnknownTeam(TeamId),
    UnknownJuror(JurorId),
    UnknownCriterion(CriterionId),
    UnknownOrganisation(OrgId),
    OutOfRange {
        criterion: CriterionId,
        /// The criterion's label, as people name it.
        label: String,
        value: Dec,
        min: Dec,
        max: Dec,
    },
    OffStep {
        criterion: CriterionId,
        label: String,
        value: Dec,
        min: Dec,
        step: Dec,
    },
    /// The pair is recused, absent or the team withdrawn.
    NotScored {
        team: TeamId,
        juror: JurorId,
        status: PairState,
    },
    /// The team's grid is verified (locked).
    Verified {
        team: TeamId,
    },
    /// A cell changed since this terminal saw it: both values shown.
    StaleCell {
        team: TeamId,
        juror: JurorId,
        criterion: CriterionId,
        seen: Option<Dec>,
        current: Option<Dec>,
    },
    /// A cell of the blind second entry changed since this terminal saw it.
    StaleSecondCell {
        team: TeamId,
        juror: JurorId,
        criterion: CriterionId,
        seen: Option<Dec>,
        current: Option<Dec>,
    },
    /// Something else changed since this terminal saw it.
    Stale {
        what: Subject,
    },
    /// A field the author changed was changed by the other terminal
    /// meanwhile: what the author saw and what it holds now.
    StaleField {
        /// The team or juror, if the field is one of theirs.
        item: Option<String>,
        field: Field,
        seen: Value,
        current: Value,
    },
    /// Criteria and the official method are fixed once scoring started.
    ScoringStarted {
        what: Subject,
    },
    /// The session would be inconsistent: every problem.
    Inconsistent(Vec<Problem>),
    /// The creation of a session cannot be applied to a session.
    AlreadyCreated,
    /// The decision to remove is not recorded.
    NoSuchDecision,
    NoSuchQuestion,
    /// The results are sealed already.
    AlreadySealed,
    /// The results are not sealed.
    NotSealed,
    /// A step past the end of the reveal (the whole list is the last).
    NoSuchRevealStep {
        step: usize,
        last: usize,
    },
    /// The reveal begins or moves on only while the results are not
    /// sealed.
    RevealWhileSealed,
}
