//! Why an operation was refused, in words a jury secretary understands.

use super::decimal::Dec;
use super::pair::PairState;
use super::session::{CriterionId, JurorId, Lang, OrgId, TeamId};
use super::validate::Problem;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum Refusal {
    UnknownTeam(TeamId),
    UnknownJuror(JurorId),
    UnknownCriterion(CriterionId),
    UnknownOrganisation(OrgId),
    OutOfRange {
        criterion: CriterionId,
        value: Dec,
        min: Dec,
        max: Dec,
    },
    OffStep {
        criterion: CriterionId,
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
    /// Something else changed since this terminal saw it.
    Stale {
        what: String,
    },
    /// Criteria and the official method are fixed once scoring started.
    ScoringStarted {
        what: String,
    },
    /// The session would be inconsistent: every problem.
    Inconsistent(Vec<Problem>),
    /// The creation of a session cannot be applied to a session.
    AlreadyCreated,
    /// The decision to remove is not recorded.
    NoSuchDecision,
    NoSuchQuestion,
}

fn opt(value: Option<Dec>, lang: Lang) -> String {
    match value {
        Some(v) => v.format_with(if lang == Lang::Fr { ',' } else { '.' }),
        None => lang.t("(vide)", "(empty)").to_string(),
    }
}

impl Refusal {
    pub fn message(&self, lang: Lang) -> String {
        let sep = if lang == Lang::Fr { ',' } else { '.' };
        let d = |v: &Dec| v.format_with(sep);
        match (self, lang) {
            (Refusal::UnknownTeam(id), Lang::Fr) => format!("équipe inconnue : {id}"),
            (Refusal::UnknownTeam(id), Lang::En) => format!("unknown team: {id}"),
            (Refusal::UnknownJuror(id), Lang::Fr) => format!("juré inconnu : {id}"),
            (Refusal::UnknownJuror(id), Lang::En) => format!("unknown juror: {id}"),
            (Refusal::UnknownCriterion(id), Lang::Fr) => format!("critère inconnu : {id}"),
            (Refusal::UnknownCriterion(id), Lang::En) => format!("unknown criterion: {id}"),
            (Refusal::UnknownOrganisation(id), Lang::Fr) => {
                format!("organisation inconnue : {id}")
            }
            (Refusal::UnknownOrganisation(id), Lang::En) => format!("unknown organisation: {id}"),
            (
                Refusal::OutOfRange {
                    criterion,
                    value,
                    min,
                    max,
                },
                Lang::Fr,
            ) => format!(
                "{} hors limites pour {criterion} (de {} à {})",
                d(value),
                d(min),
                d(max)
            ),
            (
                Refusal::OutOfRange {
                    criterion,
                    value,
                    min,
                    max,
                },
                Lang::En,
            ) => format!(
                "{} out of range for {criterion} ({} to {})",
                d(value),
                d(min),
                d(max)
            ),
            (
                Refusal::OffStep {
                    criterion,
                    value,
                    step,
                    ..
                },
                Lang::Fr,
            ) => format!(
                "{} n'est pas un multiple du pas {} pour {criterion}",
                d(value),
                d(step)
            ),
            (
                Refusal::OffStep {
                    criterion,
                    value,
                    step,
                    ..
                },
                Lang::En,
            ) => format!(
                "{} is off the step of {} for {criterion}",
                d(value),
                d(step)
            ),
            (
                Refusal::NotScored {
                    team,
                    juror,
                    status,
                },
                _,
            ) => {
                let why = match status {
                    PairState::AutoRecused | PairState::Recused => lang.t("récusé", "recused"),
                    PairState::Absent => lang.t("absent", "absent"),
                    PairState::Withdrawn => lang.t("équipe retirée", "team withdrawn"),
                    PairState::Empty
                    | PairState::Partial
                    | PairState::Entered
                    | PairState::Mismatch
                    | PairState::Verified => lang.t("attendu", "expected"),
                };
                match lang {
                    Lang::Fr => format!("{juror} ne note pas {team} ({why})"),
                    Lang::En => format!("{juror} does not score {team} ({why})"),
                }
            }
            (Refusal::Verified { team }, Lang::Fr) => {
                format!("la grille de {team} est vérifiée (verrouillée)")
            }
            (Refusal::Verified { team }, Lang::En) => {
                format!("the grid of {team} is verified (locked)")
            }
            (
                Refusal::StaleCell {
                    team,
                    juror,
                    criterion,
                    seen,
                    current,
                },
                Lang::Fr,
            ) => format!(
                "{team}/{juror}/{criterion} a été modifié par un autre poste : vu {}, maintenant {}",
                opt(*seen, lang),
                opt(*current, lang)
            ),
            (
                Refusal::StaleCell {
                    team,
                    juror,
                    criterion,
                    seen,
                    current,
                },
                Lang::En,
            ) => format!(
                "{team}/{juror}/{criterion} was changed by another terminal: seen {}, now {}",
                opt(*seen, lang),
                opt(*current, lang)
            ),
            (Refusal::Stale { what }, Lang::Fr) => {
                format!("{what} a été modifié par un autre poste entre-temps")
            }
            (Refusal::Stale { what }, Lang::En) => {
                format!("{what} was changed by another terminal meanwhile")
            }
            (Refusal::ScoringStarted { what }, Lang::Fr) => {
                format!("{what} ne peut plus changer : la notation a commencé")
            }
            (Refusal::ScoringStarted { what }, Lang::En) => {
                format!("{what} cannot change: scoring has started")
            }
            (Refusal::Inconsistent(problems), _) => problems
                .iter()
                .map(|p| p.message(lang))
                .collect::<Vec<_>>()
                .join("; "),
            (Refusal::AlreadyCreated, Lang::Fr) => "la session existe déjà".to_string(),
            (Refusal::AlreadyCreated, Lang::En) => "the session already exists".to_string(),
            (Refusal::NoSuchDecision, Lang::Fr) => "cette décision n'est pas enregistrée".into(),
            (Refusal::NoSuchDecision, Lang::En) => "no such decision is recorded".into(),
            (Refusal::NoSuchQuestion, Lang::Fr) => "cette question n'est pas enregistrée".into(),
            (Refusal::NoSuchQuestion, Lang::En) => "no such question is recorded".into(),
        }
    }
}
