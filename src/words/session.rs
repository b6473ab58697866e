//! A session's size in words, as `new` and `check` print it.

use super::number::{count, dec};
use crate::domain::{Lang, Session};

/// "4 équipes, 5 jurés, 3 critères" / "4 teams, 5 jurors, 3 criteria".
pub fn sizes(s: &Session, lang: Lang) -> String {
    let (t, j, c) = (s.teams.len(), s.jurors.len(), s.criteria.len());
    match lang {
        Lang::Fr => format!(
            "{}, {}, {}",
            count(t, lang, "équipe", "équipes"),
            count(j, lang, "juré", "jurés"),
            count(c, lang, "critère", "critères")
        ),
        Lang::En => format!(
            "{}, {}, {}",
            count(t, lang, "team", "teams"),
            count(j, lang, "juror", "jurors"),
            count(c, lang, "criterion", "criteria")
        ),
    }
}

/// The number of values entered: "12 notes" / "12 values".
pub fn values(s: &Session, lang: Lang) -> String {
    let n = s.sheets.values().map(|sheet| sheet.values.len()).sum();
    count(n, lang, lang.t("note", "value"), lang.t("notes", "values"))
}

/// Whether the results are final, and if not why: "résultats provisoires :
/// 103 feuilles manquantes, 1 décision caduque".
pub fn finality(f: &crate::domain::ranking::finality::Finality, lang: Lang) -> String {
    if f.is_final() {
        return lang
            .t(
                "résultats définitifs (toutes les feuilles attendues comptent, aucune égalité en attente, aucune décision caduque)",
                "results final (every expected sheet counts, no tie waiting, no stale decision)",
            )
            .to_string();
    }
    let parts = super::number::nonzero(
        &[
            (
                f.missing,
                ("feuille manquante", "feuilles manquantes"),
                ("missing sheet", "missing sheets"),
            ),
            (
                f.partial,
                ("feuille incomplète", "feuilles incomplètes"),
                ("partial sheet", "partial sheets"),
            ),
            (
                f.mismatched,
                ("total papier différent", "totaux papier différents"),
                ("paper total mismatch", "paper total mismatches"),
            ),
            (
                f.ties_waiting,
                ("égalité en attente du jury", "égalités en attente du jury"),
                ("tie waiting for the jury", "ties waiting for the jury"),
            ),
            (
                f.stale_decisions,
                ("décision caduque", "décisions caduques"),
                ("stale decision", "stale decisions"),
            ),
        ],
        lang,
    );
    format!(
        "{} {}",
        lang.t("résultats PROVISOIRES :", "results PROVISIONAL:"),
        parts.join(", ")
    )
}

/// `check`'s first line, once nothing is wrong: the state of the results
/// in words, the session's size and how many changes it holds ("aucun
/// problème — résultats PROVISOIRES : 3 feuilles manquantes · 15 équipes,
/// 10 jurés, 5 critères, 12 notes · 4 changements enregistrés").
pub fn check_summary(
    s: &Session,
    finality: &crate::domain::ranking::finality::Finality,
    lang: Lang,
) -> String {
    let changes = count(
        usize::try_from(s.revision).unwrap_or(usize::MAX),
        lang,
        lang.t("changement enregistré", "change saved"),
        lang.t("changements enregistrés", "changes saved"),
    );
    format!(
        "{} — {} · {}, {} · {changes}",
        lang.t("aucun problème", "no problem found"),
        finality_short(finality, lang),
        sizes(s, lang),
        values(s, lang),
    )
}

/// Whether results are final, without the reasons' details when final.
fn finality_short(f: &crate::domain::ranking::finality::Finality, lang: Lang) -> String {
    if f.is_final() {
        lang.t("résultats définitifs", "results final").to_string()
    } else {
        finality(f, lang)
    }
}

/// What `new` says once the session is created: the file and its size.
pub fn created(path: &std::path::Path, s: &Session, lang: Lang) -> String {
    let (path, sizes) = (path.display(), sizes(s, lang));
    match lang {
        Lang::Fr => format!("{path} créé : {sizes}"),
        Lang::En => format!("{path} created: {sizes}"),
    }
}

/// A setting flag `new` cannot use, with what was given.
#[derive(Clone, Copy, Debug)]
pub enum FlagProblem<'a> {
    /// `--start` is not a time of day.
    UnreadableTime(&'a str),
    /// `--laureates 0`.
    NoLaureate,
    /// `--min-sheets 0`.
    NoSheet,
    /// `--tie-break` names a criterion not in the criteria's `file` (or
    /// unknown, with no file).
    UnknownCriterion {
        criterion: &'a str,
        file: Option<&'a str>,
    },
    /// A duration flag (`--pitch`…) that must be above zero.
    ZeroDuration { flag: &'a str, text: &'a str },
    /// A duration flag that is not a duration.
    UnreadableDuration { flag: &'a str, text: &'a str },
    /// `--date` is not a date.
    UnreadableDate(&'a str),
}

impl FlagProblem<'_> {
    pub fn message(&self, lang: Lang) -> String {
        match (*self, lang) {
            (FlagProblem::UnreadableTime(start), Lang::Fr) => {
                format!("--start {start} : heure illisible (exemple : 09:30)")
            }
            (FlagProblem::UnreadableTime(start), Lang::En) => {
                format!("--start {start}: unreadable time (example: 09:30)")
            }
            (FlagProblem::NoLaureate, _) => lang
                .t(
                    "--laureates 0 : il faut au moins 1 lauréat",
                    "--laureates 0: there must be at least 1 laureate",
                )
                .into(),
            (FlagProblem::NoSheet, _) => lang
                .t(
                    "--min-sheets 0 : il faut au moins 1 feuille",
                    "--min-sheets 0: at least 1 sheet is needed",
                )
                .into(),
            (FlagProblem::UnknownCriterion { criterion: c, file }, _) => match (lang, file) {
                (Lang::Fr, Some(f)) => format!("--tie-break : critère « {c} » absent de {f}"),
                (Lang::En, Some(f)) => format!("--tie-break: criterion \"{c}\" is not in {f}"),
                (Lang::Fr, None) => format!("--tie-break : critère inconnu « {c} »"),
                (Lang::En, None) => format!("--tie-break: unknown criterion \"{c}\""),
            },
            (FlagProblem::ZeroDuration { flag, text }, Lang::Fr) => {
                format!("--{flag} {text} : la durée doit être positive")
            }
            (FlagProblem::ZeroDuration { flag, text }, Lang::En) => {
                format!("--{flag} {text}: the duration must be above zero")
            }
            (FlagProblem::UnreadableDuration { flag, text }, Lang::Fr) => {
                format!("--{flag} {text} : durée illisible (exemples : 3m, 180s, 2m30s, 3:00)")
            }
            (FlagProblem::UnreadableDuration { flag, text }, Lang::En) => {
                format!("--{flag} {text}: unreadable duration (examples: 3m, 180s, 2m30s, 3:00)")
            }
            (FlagProblem::UnreadableDate(text), Lang::Fr) => {
                format!("--date {text} : date illisible (exemple : 2026-12-10)")
            }
            (FlagProblem::UnreadableDate(text), Lang::En) => {
                format!("--date {text}: unreadable date (example: 2026-12-10)")
            }
        }
    }
}

/// What `check` finds wrong in a session's settings.
#[derive(Clone, Copy, Debug)]
pub enum SettingProblem<'a> {
    /// The top of a criterion's scale can never be given.
    MaxUnreachable(&'a crate::domain::Criterion),
    /// The pitch lasts no time.
    NoPitch,
}

impl SettingProblem<'_> {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SettingProblem::MaxUnreachable(c) => {
                let (max, min, step) = (dec(c.max, lang), dec(c.min, lang), dec(c.step, lang));
                match lang {
                    Lang::Fr => format!(
                        "critère {} : le maximum ({max}) n'est pas atteignable depuis le minimum \
                         ({min}) par pas de {step}",
                        c.id
                    ),
                    Lang::En => format!(
                        "criterion {}: the maximum ({max}) cannot be reached from the minimum \
                         ({min}) in steps of {step}",
                        c.id
                    ),
                }
            }
            SettingProblem::NoPitch => lang
                .t(
                    "la durée du pitch doit être positive",
                    "the pitch duration must be above zero",
                )
                .into(),
        }
    }
}
