//! What is wrong with a session ([`Problem`]), in words: what `check`
//! prints and what a refused structural change says.

use super::number::dec;
use crate::domain::validate::{Kind, Problem, Text};
use crate::domain::{CriterionId, Dec, JurorId, Lang, TeamId};

impl Kind {
    /// The kind of item, as a noun.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Kind::Organisation => lang.t("organisation", "organisation"),
            Kind::Team => lang.t("équipe", "team"),
            Kind::Juror => lang.t("juré", "juror"),
            Kind::Criterion => lang.t("critère", "criterion"),
            Kind::Break => lang.t("pause", "break"),
            Kind::Message => lang.t("message", "message"),
            Kind::Event => lang.t("événement", "event"),
        }
    }
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        let fr = lang == Lang::Fr;
        let t = |fr: &str, en: &str| lang.t(fr, en).to_string();
        match self {
            DuplicateId { kind, id } if fr => {
                format!("{} « {id} » définie deux fois", kind.name(lang))
            }
            DuplicateId { kind, id } => format!("{} \"{id}\" defined twice", kind.name(lang)),
            EmptyId { kind } if fr => format!("{} sans identifiant", kind.name(lang)),
            EmptyId { kind } => format!("{} without an id", kind.name(lang)),
            UnknownOrganisation { kind, id, org } if fr => {
                format!("{} {id} : organisation inconnue {org}", kind.name(lang))
            }
            UnknownOrganisation { kind, id, org } => {
                format!("{} {id}: unknown organisation {org}", kind.name(lang))
            }
            NotScheduled { team } if fr => format!("l'équipe {team} n'est pas au programme"),
            NotScheduled { team } => format!("team {team} is not in the schedule"),
            ScheduledTwice { team } if fr => format!("l'équipe {team} est deux fois au programme"),
            ScheduledTwice { team } => format!("team {team} is twice in the schedule"),
            ScheduleUnknownTeam { team } => unknown_team_in(team, lang, "programme", "schedule"),
            WeightNotPositive { criterion } => on_criterion(
                criterion,
                lang,
                "le poids doit être positif",
                "the weight must be above zero",
            ),
            MinNotBelowMax { criterion } => on_criterion(
                criterion,
                lang,
                "le minimum doit être inférieur au maximum",
                "the minimum must be below the maximum",
            ),
            StepNotPositive { criterion } => on_criterion(
                criterion,
                lang,
                "le pas doit être positif",
                "the step must be above zero",
            ),
            SheetUnknownTeam { team, juror } => {
                on_sheet(team, juror, lang, &t("équipe inconnue", "unknown team"))
            }
            SheetUnknownJuror { team, juror } => {
                on_sheet(team, juror, lang, &t("juré inconnu", "unknown juror"))
            }
            SheetUnknownCriterion {
                team,
                juror,
                criterion,
            } => on_sheet(team, juror, lang, &unknown_criterion(criterion, lang)),
            ValueRejected {
                team,
                juror,
                criterion,
                value,
            } => on_sheet(team, juror, lang, &rejected(*value, criterion, lang)),
            MarkedSheetHasValues { team, juror } => on_sheet(
                team,
                juror,
                lang,
                lang.t(
                    "absent ou récusé mais avec des notes",
                    "absent or recused but has values",
                ),
            ),
            RecusedPairHasValues { team, juror } => on_sheet(
                team,
                juror,
                lang,
                lang.t(
                    "même organisation (récusé) mais avec des notes",
                    "same organisation (recused) but has values",
                ),
            ),
            VerifiedUnknownTeam { team } => unknown_team_in(team, lang, "vérifiée", "verified"),
            DecisionUnknownTeam { team } => unknown_team_in(team, lang, "décision", "decision"),
            TieBreakUnknownCriterion { criterion } if fr => {
                format!("départage : critère inconnu {criterion}")
            }
            TieBreakUnknownCriterion { criterion } => {
                format!("tie-break: unknown criterion {criterion}")
            }
            LaureatesZero => t(
                "le nombre de lauréats doit être d'au moins 1",
                "the number of laureates must be at least 1",
            ),
            MinSheetsZero => t(
                "le minimum de feuilles doit être d'au moins 1",
                "the minimum number of sheets must be at least 1",
            ),
            AlarmAfterWarning => t(
                "le seuil d'alarme doit être inférieur ou égal au seuil d'avertissement",
                "the alarm threshold must not exceed the warning one",
            ),
            StageUnknownTeam { team } => unknown_team_in(team, lang, "scène", "stage"),
            QuestionUnknown { team, juror } if fr => {
                format!("question : équipe {team} ou juré {juror} inconnu")
            }
            QuestionUnknown { team, juror } => {
                format!("question: unknown team {team} or juror {juror}")
            }
            UnsafeText { kind, id } => unsafe_text(*kind, id, lang),
            TooLong {
                kind,
                id,
                text,
                max,
            } => too_long(*kind, id, *text, *max, lang),
        }
    }
}

/// `critère c : …` / `criterion c: …`
fn on_criterion(criterion: &CriterionId, lang: Lang, fr: &str, en: &str) -> String {
    match lang {
        Lang::Fr => format!("critère {criterion} : {fr}"),
        Lang::En => format!("criterion {criterion}: {en}"),
    }
}

/// `feuille T/J : …` / `sheet T/J: …`
fn on_sheet(team: &TeamId, juror: &JurorId, lang: Lang, what: &str) -> String {
    match lang {
        Lang::Fr => format!("feuille {team}/{juror} : {what}"),
        Lang::En => format!("sheet {team}/{juror}: {what}"),
    }
}

/// `programme : équipe inconnue T` / `schedule: unknown team T`
fn unknown_team_in(team: &TeamId, lang: Lang, fr_where: &str, en_where: &str) -> String {
    match lang {
        Lang::Fr => format!("{fr_where} : équipe inconnue {team}"),
        Lang::En => format!("{en_where}: unknown team {team}"),
    }
}

/// A sheet's value for an unknown criterion.
fn unknown_criterion(criterion: &CriterionId, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("critère inconnu {criterion}"),
        Lang::En => format!("unknown criterion {criterion}"),
    }
}

/// A value off the criterion's range or step.
fn rejected(value: Dec, criterion: &CriterionId, lang: Lang) -> String {
    let value = dec(value, lang);
    match lang {
        Lang::Fr => format!("{value} refusé pour {criterion} (hors limites ou hors pas)"),
        Lang::En => format!("{value} not accepted for {criterion} (out of range or off step)"),
    }
}

/// A name or id carrying a control or direction-override character.
fn unsafe_text(kind: Kind, id: &str, lang: Lang) -> String {
    let (kind, id) = (kind.name(lang), super::for_terminal(id));
    match lang {
        Lang::Fr => {
            format!("{kind} « {id} » : caractère de contrôle ou d'inversion de sens refusé")
        }
        Lang::En => format!("{kind} \"{id}\": control or direction-override character refused"),
    }
}

impl Text {
    /// The text, as a noun (`le nom` / `the name`).
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Text::Id => lang.t("l'identifiant", "the id"),
            Text::Name => lang.t("le nom", "the name"),
            Text::Title => lang.t("le titre", "the title"),
            Text::Place => lang.t("le lieu", "the place"),
            Text::Project => lang.t("le projet", "the project"),
            Text::Summary => lang.t("le résumé", "the summary"),
            Text::Member => lang.t("un membre", "a member"),
            Text::Role => lang.t("le rôle", "the role"),
            Text::Label => lang.t("le libellé", "the label"),
        }
    }
}

/// `équipe « T03 » : le nom dépasse 200 caractères` (an id itself too long
/// is cut).
fn too_long(kind: Kind, id: &str, text: Text, max: usize, lang: Lang) -> String {
    let what = kind.name(lang);
    let id = super::width::cut(id, 40);
    let id = super::for_terminal(&id);
    let whose = match (id.is_empty(), lang) {
        (true, _) => what.to_string(),
        (false, Lang::Fr) => format!("{what} « {id} »"),
        (false, Lang::En) => format!("{what} \"{id}\""),
    };
    let text = text.name(lang);
    match lang {
        Lang::Fr => format!("{whose} : {text} dépasse {max} caractères"),
        Lang::En => format!("{whose}: {text} is over {max} characters"),
    }
}
