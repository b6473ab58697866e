//! Why an operation was refused ([`Refusal`]), in words a jury secretary
//! understands. The refusal's `message` is written here so that every
//! caller (the screens, the command line, the storage's errors) says it the
//! same way.

use std::fmt;

use super::number::dec;
use super::pair::reason;
use crate::domain::{Dec, Lang, Refusal, Subject};

/// A cell's value, or "(vide)" / "(empty)".
fn value(value: Option<Dec>, lang: Lang) -> String {
    match value {
        Some(v) => dec(v, lang),
        None => lang.t("(vide)", "(empty)").to_string(),
    }
}

/// A cell the other terminal changed: both values.
fn stale_cell(cell: &str, seen: Option<Dec>, current: Option<Dec>, lang: Lang) -> String {
    let (seen, now) = (value(seen, lang), value(current, lang));
    match lang {
        Lang::Fr => {
            format!("{cell} a été modifié par un autre poste : vu {seen}, maintenant {now}")
        }
        Lang::En => format!("{cell} was changed by another terminal: seen {seen}, now {now}"),
    }
}

/// "7,5 hors limites pour Impact (de 0 à 5)" (the criterion by its label).
fn out_of_range(label: &str, value: String, (min, max): (String, String), lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{value} hors limites pour {label} (de {min} à {max})"),
        Lang::En => format!("{value} out of range for {label} ({min} to {max})"),
    }
}

/// "0,3 n'est pas un multiple du pas 0,5 pour impact".
fn off_step(label: &str, value: String, step: String, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{value} n'est pas un multiple du pas {step} pour {label}"),
        Lang::En => format!("{value} is off the step of {step} for {label}"),
    }
}

impl Refusal {
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let d = |v: &Dec| dec(*v, lang);
        match self {
            Refusal::UnknownTeam(id) if fr => format!("équipe inconnue : {id}"),
            Refusal::UnknownTeam(id) => format!("unknown team: {id}"),
            Refusal::UnknownJuror(id) if fr => format!("juré inconnu : {id}"),
            Refusal::UnknownJuror(id) => format!("unknown juror: {id}"),
            Refusal::UnknownCriterion(id) if fr => format!("critère inconnu : {id}"),
            Refusal::UnknownCriterion(id) => format!("unknown criterion: {id}"),
            Refusal::UnknownOrganisation(id) if fr => format!("organisation inconnue : {id}"),
            Refusal::UnknownOrganisation(id) => format!("unknown organisation: {id}"),
            Refusal::OutOfRange {
                label,
                value,
                min,
                max,
                ..
            } => out_of_range(label, d(value), (d(min), d(max)), lang),
            Refusal::OffStep {
                label, value, step, ..
            } => off_step(label, d(value), d(step), lang),
            Refusal::NotScored {
                team,
                juror,
                status,
            } => {
                let why = reason(*status, lang);
                match lang {
                    Lang::Fr => format!("{juror} ne note pas {team} ({why})"),
                    Lang::En => format!("{juror} does not score {team} ({why})"),
                }
            }
            Refusal::Verified { team } if fr => {
                format!("la grille de {team} est vérifiée (verrouillée)")
            }
            Refusal::Verified { team } => format!("the grid of {team} is verified (locked)"),
            Refusal::StaleCell {
                team,
                juror,
                criterion,
                seen,
                current,
            } => stale_cell(
                &format!("{team}/{juror}/{criterion}"),
                *seen,
                *current,
                lang,
            ),
            Refusal::StaleSecondCell {
                team,
                juror,
                criterion,
                seen,
                current,
            } => {
                let cell = format!(
                    "{team}/{juror}/{criterion} {}",
                    lang.t("(2e saisie)", "(second entry)")
                );
                stale_cell(&cell, *seen, *current, lang)
            }
            Refusal::Stale { what } if fr => {
                format!("{what} a été modifié par un autre poste entre-temps")
            }
            Refusal::Stale { what } => format!("{what} was changed by another terminal meanwhile"),
            Refusal::StaleField {
                item,
                field,
                seen,
                current,
            } => super::setup::stale_field(lang, item.as_deref(), *field, seen, current),
            Refusal::ScoringStarted { what } if fr => {
                format!("{what} ne peut plus changer : la notation a commencé")
            }
            Refusal::ScoringStarted { what } => {
                format!("{what} cannot change: scoring has started")
            }
            Refusal::Inconsistent(problems) => problems
                .iter()
                .map(|p| p.message(lang))
                .collect::<Vec<_>>()
                .join("; "),
            Refusal::AlreadyCreated => lang
                .t("la session existe déjà", "the session already exists")
                .into(),
            Refusal::NoSuchDecision => lang
                .t(
                    "cette décision n'est pas enregistrée",
                    "no such decision is recorded",
                )
                .into(),
            Refusal::NoSuchQuestion => lang
                .t(
                    "cette question n'est pas enregistrée",
                    "no such question is recorded",
                )
                .into(),
            Refusal::AlreadySealed => super::seal::refusal(true, lang).into(),
            Refusal::NotSealed => super::seal::refusal(false, lang).into(),
            Refusal::NoSuchRevealStep { .. } | Refusal::RevealWhileSealed => {
                super::reveal::refusal(self, lang)
            }
        }
    }
}

/// What a refused change was about, as the refusal names it (the
/// journal's words: `event`, `settings`, an id, `T01/J2`).
impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Sheet { team, juror } => write!(f, "{team}/{juror}"),
            Subject::Team(id) => f.write_str(id),
            Subject::Item(id) => f.write_str(id),
            Subject::Event => f.write_str("event"),
            Subject::Settings => f.write_str("settings"),
            Subject::Method => f.write_str("method"),
            Subject::Schedule => f.write_str("schedule"),
            Subject::Stage => f.write_str("stage"),
            Subject::Queue => f.write_str("queue"),
            Subject::Message => f.write_str("message"),
            Subject::Reveal => f.write_str("reveal"),
        }
    }
}

/// In English, for logs and `{}` in errors.
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Refusal {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_change_names_what_it_was_about() {
        let stale = |what| Refusal::Stale { what };
        let sheet = Subject::Sheet {
            team: "T1".into(),
            juror: "J2".into(),
        };
        assert_eq!(
            stale(sheet).message(Lang::Fr),
            "T1/J2 a été modifié par un autre poste entre-temps"
        );
        assert_eq!(
            stale(Subject::Schedule).message(Lang::En),
            "schedule was changed by another terminal meanwhile"
        );
        let started = Refusal::ScoringStarted {
            what: Subject::Method,
        };
        assert_eq!(
            started.to_string(),
            "method cannot change: scoring has started"
        );
    }
}
