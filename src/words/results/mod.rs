//! The results screen's words: the heading's lines (the method, what is
//! missing, the tie at the cut-off and how it was settled, a stale
//! decision), the table's columns, its cut-off line and legend, and what
//! projector mode shows instead. The panel beside the table is
//! [`panel`]'s, the decision form [`form`]'s.

pub mod form;
pub mod panel;

use crate::domain::{Decision, DecisionKind, Lang, Method, TeamId};
use crate::words::number::count;
pub use crate::words::report::Column;

/// A column's heading in the ranking's table on screen: the reports'
/// label ([`Column::label`]), shorter where the screen's column is narrow.
pub fn heading(column: Column, lang: Lang) -> &'static str {
    match column {
        Column::Team => lang.t("Éq.", "Team"),
        Column::Org => lang.t("Département", "Organisation"),
        Column::Sheets => lang.t("Feuil.", "Sheets"),
        other => other.label(lang),
    }
}

/// The official ranking's first heading line: its method, how many
/// laureates of how many places, the sheets a team needs.
pub fn official(method: Method, laureates: (usize, u32), min_sheets: u32, lang: Lang) -> String {
    let (name, (found, places)) = (method.name(lang), laureates);
    let min = min_sheets as usize;
    match lang {
        Lang::Fr => format!(
            "Classement officiel — {name} · lauréats {found} / {places} · minimum {}",
            count(min, lang, "feuille", "feuilles")
        ),
        Lang::En => format!(
            "Official ranking — {name} · laureates {found} / {places} · minimum {}",
            count(min, lang, "sheet", "sheets")
        ),
    }
}

/// Another method's ranking shown: not the official one.
pub fn comparison(method: Method, official: Method, lang: Lang) -> String {
    let (name, official) = (method.name(lang), official.name(lang));
    match lang {
        Lang::Fr => format!(
            "COMPARAISON — {name} : PAS le classement officiel ({official}) · m : méthode suivante"
        ),
        Lang::En => {
            format!("COMPARISON — {name}: NOT the official ranking ({official}) · m: next method")
        }
    }
}

/// What keeps the ranking provisional, for the results' heading: the
/// counts that are not zero, each before its words ("PROVISOIRE — 53
/// feuilles manquantes · 1 incomplète"), items apart by " · " so the
/// screen breaks a line between them, never between a count and its words.
pub fn provisional(missing: usize, partial: usize, mismatched: usize, lang: Lang) -> String {
    let items = super::number::nonzero(
        &[
            (
                missing,
                ("feuille manquante", "feuilles manquantes"),
                ("missing sheet", "missing sheets"),
            ),
            (
                partial,
                ("incomplète", "incomplètes"),
                ("partial", "partial"),
            ),
            (
                mismatched,
                ("total papier différent", "totaux papier différents"),
                ("paper total mismatch", "paper total mismatches"),
            ),
        ],
        lang,
    );
    let head = lang.t("PROVISOIRE", "PROVISIONAL");
    match items.is_empty() {
        true => head.to_string(),
        false => format!("{head} — {}", items.join(" · ")),
    }
}

/// Nothing keeps the ranking provisional.
pub fn every_sheet_counts(lang: Lang) -> &'static str {
    lang.t(
        "Toutes les feuilles attendues comptent.",
        "Every expected sheet counts.",
    )
}

/// A decision a changed score made stale, in the heading: every team it
/// named, and what `d` does (decide again while a tie is left at the
/// cut-off, else withdraw it).
pub fn stale_decision(teams: &[TeamId], tie_left: bool, lang: Lang) -> String {
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

/// The tie at the laureate cut-off among `teams` (joined), under the
/// method shown.
#[derive(Clone, Copy, Debug)]
pub enum Cutoff<'a> {
    /// Under a method that is not the official one: not decided there.
    NotOfficial,
    /// Waiting for the jury.
    Waiting,
    /// Settled by the jury (who decided and why, when known).
    Decided(DecisionKind, Option<&'a Decision>),
}

/// The heading's line about the tie at the cut-off.
pub fn cutoff(teams: &str, tie: Cutoff, lang: Lang) -> String {
    match (tie, lang) {
        (Cutoff::NotOfficial, Lang::Fr) => format!(
            "Égalité à la limite sous cette méthode : {teams} (seule la méthode officielle se décide)"
        ),
        (Cutoff::NotOfficial, Lang::En) => format!(
            "Tie at the cut-off under this method: {teams} (only the official method is decided)"
        ),
        (Cutoff::Waiting, Lang::Fr) => {
            format!("ÉGALITÉ À LA LIMITE : {teams} — décision du jury attendue (d pour la saisir)")
        }
        (Cutoff::Waiting, Lang::En) => format!(
            "TIE AT THE CUT-OFF: {teams} — waiting for the jury's decision (d to record it)"
        ),
        (Cutoff::Decided(kind, decision), _) => {
            // Who decided and why, after the decision itself.
            let who = decision
                .map(|d| match lang {
                    Lang::Fr => format!(" — {}, «\u{a0}{}\u{a0}»", d.by, d.reason),
                    Lang::En => format!(" — {}, \"{}\"", d.by, d.reason),
                })
                .unwrap_or_default();
            let what = match (kind, lang) {
                (DecisionKind::Order, Lang::Fr) => {
                    format!("Égalité à la limite départagée par le jury : ordre {teams}")
                }
                (DecisionKind::Order, Lang::En) => {
                    format!("Tie at the cut-off settled by the jury: order {teams}")
                }
                (DecisionKind::Admit, Lang::Fr) => {
                    format!("Égalité à la limite : {teams} admises par décision du jury")
                }
                (DecisionKind::Admit, Lang::En) => {
                    format!("Tie at the cut-off: {teams} admitted by the jury's decision")
                }
            };
            format!("{what}{who}")
        }
    }
}

/// The label in the middle of the table's cut-off line.
pub fn cutoff_label(laureates: u32, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(" limite des lauréats ({laureates}) "),
        Lang::En => format!(" laureate cut-off ({laureates}) "),
    }
}

/// The marks of the table's rows, items separated by ` · `.
pub fn legend(lang: Lang) -> &'static str {
    lang.t(
        "★ lauréat · = ex aequo · ? à départager · ! décidé · ▽ trop peu de feuilles · ∅ aucune",
        "★ laureate · = tied · ? to be decided · ! decided · ▽ too few sheets · ∅ none",
    )
}

/// What projector mode shows instead of any score or result: two lines.
pub fn projector_hidden(lang: Lang) -> [&'static str; 2] {
    [
        lang.t(
            "Résultats masqués (mode projecteur)",
            "Results hidden (projector mode)",
        ),
        lang.t("p pour les montrer", "p to show them"),
    ]
}
