//! A session's size in words, as `new` and `check` print it.

use super::number::count;
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
    let parts: Vec<String> = [
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
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, fr, en)| {
        let (one, many) = if lang == Lang::Fr { fr } else { en };
        count(n, lang, one, many)
    })
    .collect();
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
