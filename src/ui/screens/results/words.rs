//! The results screen's words: what separates two neighbours, a warning
//! with names, the smallest change that alters the laureates, short method
//! names. Text only.

use ratatui::style::Style;

use crate::app::screens::results::Sensitivity;
use crate::domain::ranking::robustness::Search;
use crate::domain::ranking::{Figure, Ranking, Row, Separation, Warning, WarningCode};
use crate::domain::{Lang, Method, Session};
use crate::report::{figure, separator};
use crate::ui::text::{Tone, style};

/// The smallest change to one cell that alters the laureates, once
/// searched (`s`) on this state of the session.
pub(super) fn sensitivity_line(
    session: &Session,
    search: Option<&Sensitivity>,
    lang: Lang,
    color: bool,
) -> (String, Style) {
    let text = match search.map(|s| (s.found.as_ref(), s.budget)) {
        Some((None, budget)) => {
            // Still running: say so, and how far it may go.
            return (
                match lang {
                    Lang::Fr => format!(
                        "s : recherche du plus petit changement qui modifie les lauréats… (au plus {budget} classements)"
                    ),
                    Lang::En => format!(
                        "s: looking for the smallest change that alters the laureates… (at most {budget} rankings)"
                    ),
                },
                style(Tone::Dim, color),
            );
        }
        None => {
            return (
                lang.t(
                    "s : plus petit changement d'une case qui modifie les lauréats",
                    "s: smallest change to one cell that alters the laureates",
                )
                .into(),
                style(Tone::Dim, color),
            );
        }
        Some((Some(Search::Found(c)), _)) => {
            let juror = session
                .juror(&c.juror)
                .map_or(c.juror.to_string(), |j| format!("{} ({})", j.name, c.juror));
            let criterion = session
                .criterion(&c.criterion)
                .map_or(c.criterion.as_str(), |x| x.label.as_str());
            let sep = separator(lang);
            let (from, to) = (c.from.format_with(sep), c.to.format_with(sep));
            let steps = c.steps;
            match lang {
                Lang::Fr => format!(
                    "Plus petit changement qui modifie les lauréats : {} · {juror} · {criterion} {from} → {to} ({steps:+} pas)",
                    c.team
                ),
                Lang::En => format!(
                    "Smallest change that alters the laureates: {} · {juror} · {criterion} {from} → {to} ({steps:+} {})",
                    c.team,
                    if steps.abs() == 1 { "step" } else { "steps" }
                ),
            }
        }
        Some((Some(Search::None), _)) => lang
            .t(
                "Aucun changement d'une seule case ne modifie les lauréats.",
                "No change to a single cell alters the laureates.",
            )
            .into(),
        Some((Some(Search::Stopped { steps }), _)) => match lang {
            Lang::Fr => format!(
                "Aucun changement d'une case jusqu'à {steps} pas ne modifie les lauréats (recherche arrêtée)."
            ),
            Lang::En => format!(
                "No change to one cell up to {steps} steps alters the laureates (search stopped)."
            ),
        },
    };
    (text, style(Tone::Warn, color))
}

/// A method's name in a few letters.
pub(super) fn short_method_name(method: Method, lang: Lang) -> &'static str {
    match method {
        Method::Mean => lang.t("moyenne", "mean"),
        Method::Normalized => lang.t("normalisée", "normalized"),
        Method::Trimmed => lang.t("tronquée", "trimmed"),
        Method::Borda => "Borda",
        Method::Majority => lang.t("majoritaire", "majority"),
    }
}

/// One line per pair of neighbours (with the lower row's index).
pub fn explanations(session: &Session, ranking: &Ranking, lang: Lang) -> Vec<(usize, String)> {
    let rows = &ranking.ranking;
    (1..rows.len())
        .map(|i| {
            let (a, b) = (&rows[i - 1], &rows[i]);
            let sign = if b.separated_by == Separation::Equal {
                "="
            } else {
                ">"
            };
            let why = match &b.separated_by {
                Separation::Score => score_words(ranking, a, b, lang),
                other => separation_words(session, other, lang),
            };
            (
                i,
                format!("{} {sign} {}{}{why}", a.team, b.team, colon(lang)),
            )
        })
        .collect()
}

pub(super) fn colon(lang: Lang) -> &'static str {
    lang.t(" : ", ": ")
}

pub(super) fn score_words(ranking: &Ranking, a: &Row, b: &Row, lang: Lang) -> String {
    let fa = figure(a.score.as_ref(), lang, "—");
    let fb = figure(b.score.as_ref(), lang, "—");
    if ranking.method == Method::Majority && fa == fb {
        return lang
            .t(
                "même note médiane, départagées par les valeurs majoritaires suivantes",
                "same median grade, separated by the next majority values",
            )
            .into();
    }
    if fa == fb {
        // Different below the second decimal.
        let diff = match (&a.score, &b.score) {
            (Some(Figure::Exact(x)), Some(Figure::Exact(y))) => Figure::Exact(x - y).to_f64(),
            (Some(x), Some(y)) => x.to_f64() - y.to_f64(),
            _ => 0.0,
        };
        return match lang {
            Lang::Fr => format!("score {fa} contre {fb} (écart {diff:.2e})"),
            Lang::En => format!("score {fa} against {fb} (gap {diff:.2e})"),
        };
    }
    match lang {
        Lang::Fr => format!("score {fa} contre {fb}"),
        Lang::En => format!("score {fa} against {fb}"),
    }
}

pub(super) fn separation_words(session: &Session, separated_by: &Separation, lang: Lang) -> String {
    match separated_by {
        Separation::First | Separation::Score => lang.t("score", "score").into(),
        Separation::TieBreak(c) => {
            let label = session
                .criterion(c)
                .map_or(c.as_str(), |c| c.label.as_str());
            match lang {
                Lang::Fr => format!("même score, départage par le critère « {label} »"),
                Lang::En => format!("same score, tie-break on criterion \"{label}\""),
            }
        }
        Separation::Decision => lang
            .t(
                "même score, ordre décidé par le jury",
                "same score, order decided by the jury",
            )
            .into(),
        Separation::Equal => lang.t("ex aequo", "tied").into(),
        Separation::TooFewSheets => lang
            .t(
                "trop peu de feuilles : classée après les autres",
                "too few sheets: ranked after the others",
            )
            .into(),
        Separation::NoSheet => lang
            .t("aucune feuille qui compte", "no sheet that counts")
            .into(),
    }
}

/// A warning in words, with the team's and the juror's names.
pub fn warning_words(session: &Session, w: &Warning, lang: Lang) -> String {
    let team = w.team.as_deref().unwrap_or("?");
    let team_text = match session.team(team) {
        Some(t) => format!("{team} {}", t.name),
        None => team.to_string(),
    };
    let juror = w.juror.as_deref().map(|j| match session.juror(j) {
        Some(x) => format!("{} ({j})", x.name),
        None => j.to_string(),
    });
    let juror = juror.unwrap_or_default();
    match (w.code, lang) {
        (WarningCode::MissingSheet, Lang::Fr) => {
            format!("{team_text} : feuille manquante de {juror}")
        }
        (WarningCode::MissingSheet, Lang::En) => format!("{team_text}: missing sheet of {juror}"),
        (WarningCode::PartialSheet, Lang::Fr) => {
            format!("{team_text} : feuille incomplète de {juror}")
        }
        (WarningCode::PartialSheet, Lang::En) => {
            format!("{team_text}: incomplete sheet of {juror}")
        }
        (WarningCode::ChecksumMismatch, Lang::Fr) => {
            format!("{team_text} : total manuscrit de {juror} différent de la somme")
        }
        (WarningCode::ChecksumMismatch, Lang::En) => {
            format!("{team_text}: {juror}'s handwritten total differs from the sum")
        }
        _ => w.describe(lang),
    }
}

/// A warning in a few words, team and juror first, for a narrow list:
/// "T01 · J05 Nadine Lecomte · manquante".
pub fn warning_short(session: &Session, w: &Warning, lang: Lang) -> String {
    let (Some(team), Some(juror)) = (w.team.as_deref(), w.juror.as_deref()) else {
        return warning_words(session, w, lang);
    };
    let what = match w.code {
        WarningCode::MissingSheet => lang.t("manquante", "missing"),
        WarningCode::PartialSheet => lang.t("incomplète", "partial"),
        WarningCode::ChecksumMismatch => lang.t("total manuscrit ≠ somme", "handwritten ≠ sum"),
        _ => return warning_words(session, w, lang),
    };
    let name = session
        .juror(juror)
        .map_or(String::new(), |j| format!(" {}", j.name));
    format!("{team} · {juror}{name} · {what}")
}

/// "… et 8 de plus".
pub fn more_words(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("… et {n} de plus"),
        Lang::En => format!("… and {n} more"),
    }
}

/// A missing sheet in a few cells, to list many side by side: `T3/J2
/// manquante`.
pub fn warning_tiny(w: &Warning, lang: Lang) -> String {
    let what = match w.code {
        WarningCode::MissingSheet => lang.t("manquante", "missing"),
        WarningCode::PartialSheet => lang.t("incomplète", "partial"),
        WarningCode::ChecksumMismatch => lang.t("total ≠ somme", "total ≠ sum"),
        WarningCode::TooFewSheets => lang.t("trop peu de feuilles", "too few sheets"),
        WarningCode::StaleDecision => lang.t("décision caduque", "stale decision"),
    };
    let who = [w.team.as_deref(), w.juror.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("/");
    format!("{who} {what}").trim().to_string()
}

/// A decision a changed score made stale, in the heading: every team it
/// named, and what `d` does (decide again while a tie is left at the
/// cut-off, else withdraw it).
pub(super) fn stale_decision_line(
    teams: &[crate::domain::TeamId],
    tie_left: bool,
    lang: Lang,
) -> String {
    let teams = teams
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    match (lang, tie_left) {
        (Lang::Fr, true) => format!(
            "PROVISOIRE — décision caduque sur {teams} : une note a changé depuis, le jury doit redécider (d)"
        ),
        (Lang::En, true) => format!(
            "PROVISIONAL — stale decision on {teams}: a score changed since, the jury must decide again (d)"
        ),
        (Lang::Fr, false) => format!(
            "PROVISOIRE — décision caduque sur {teams} : plus d'égalité à la limite, elle n'est plus nécessaire (d la retire)"
        ),
        (Lang::En, false) => format!(
            "PROVISIONAL — stale decision on {teams}: no tie at the cut-off any more, it is no longer needed (d withdraws it)"
        ),
    }
}
