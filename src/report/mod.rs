//! Rendering a ranking for people and programs: a terminal table, CSV,
//! Markdown and JSON (exactly design.md's). Pure text: no files here.

mod csv;
mod markdown;
mod table;

use crate::domain::ranking::{Figure, Ranking, Row};
use crate::domain::{DecisionKind, Lang, Method, Session};

pub use self::csv::render as csv;
pub use markdown::render as markdown;
pub use table::render as table;

/// The JSON of `podium results --format json`, ending with a newline.
pub fn json(ranking: &Ranking) -> String {
    let mut text = serde_json::to_string_pretty(ranking).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

/// The method's name in words.
pub fn method_name(method: Method, lang: Lang) -> &'static str {
    method.name(lang)
}

/// The decimal separator of human formats.
pub fn separator(lang: Lang) -> char {
    lang.decimal_separator()
}

/// A figure rounded to two decimals, or `missing` when there is none.
pub fn figure(f: Option<&Figure>, lang: Lang, missing: &str) -> String {
    f.map_or_else(|| missing.to_string(), |f| f.two_decimals(separator(lang)))
}

/// The first columns of the human reports (table, Markdown), before the
/// criteria and the status.
pub fn human_columns(lang: Lang) -> Vec<String> {
    [
        lang.t("Rang", "Rank"),
        lang.t("Équipe", "Team"),
        lang.t("Nom", "Name"),
        lang.t("Org.", "Org"),
        lang.t("Score", "Score"),
        lang.t("Feuilles", "Sheets"),
        lang.t("Écart", "Spread"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// The heading lines: event, method (official or for comparison),
/// laureates, provisional results, a tie at the cut-off.
pub fn heading(ranking: &Ranking, session: &Session, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if !session.event.title.is_empty() {
        lines.push(session.event.title.clone());
    }
    let name = method_name(ranking.method, lang);
    lines.push(if ranking.official {
        match lang {
            Lang::Fr => format!("Méthode officielle : {name}"),
            Lang::En => format!("Official method: {name}"),
        }
    } else {
        match lang {
            Lang::Fr => format!(
                "Méthode : {name} — pour comparaison, PAS le classement officiel ({})",
                method_name(session.settings.method, lang)
            ),
            Lang::En => format!(
                "Method: {name} — for comparison, NOT the official ranking ({})",
                method_name(session.settings.method, lang)
            ),
        }
    });
    let laureates = ranking.ranking.iter().filter(|r| r.laureate).count();
    lines.push(match lang {
        Lang::Fr => format!(
            "Lauréats : {laureates} (demandés : {}) · minimum de feuilles : {}",
            ranking.laureates, ranking.min_sheets
        ),
        Lang::En => format!(
            "Laureates: {laureates} (asked for: {}) · minimum sheets: {}",
            ranking.laureates, ranking.min_sheets
        ),
    });
    if ranking.provisional {
        lines.push(
            lang.t(
                "RÉSULTATS PROVISOIRES : des feuilles attendues ne comptent pas encore.",
                "PROVISIONAL RESULTS: some expected sheets do not count yet.",
            )
            .into(),
        );
    }
    if ranking.cutoff_tie {
        lines.push(
            lang.t(
                "Égalité à la limite des lauréats : une décision du jury est requise (podium decide).",
                "Tie at the laureate cut-off: the jury must decide (podium decide).",
            )
            .into(),
        );
    }
    lines
}

/// What a row's status column says.
pub fn status(ranking: &Ranking, row: &Row, lang: Lang) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if row.laureate {
        parts.push(lang.t("lauréat", "laureate"));
    }
    if row.tied {
        parts.push(lang.t("ex aequo", "tied"));
    }
    if row.at_cutoff {
        match row
            .decision
            .and_then(|i| ranking.decisions.get(i))
            .map(|d| d.kind)
        {
            Some(DecisionKind::Order) => parts.push(lang.t("ordre décidé", "order decided")),
            Some(DecisionKind::Admit) => {
                parts.push(lang.t("admis par décision", "admitted by decision"))
            }
            None => parts.push(lang.t("à départager", "to be decided")),
        }
    }
    if row.too_few_sheets {
        parts.push(if row.sheets == 0 {
            lang.t("aucune feuille", "no sheet")
        } else {
            lang.t("trop peu de feuilles", "too few sheets")
        });
    }
    parts.join(", ")
}

/// A rank as shown: "2" or "2=" when shared.
pub fn rank_label(row: &Row) -> String {
    if row.tied {
        format!("{}=", row.rank)
    } else {
        row.rank.to_string()
    }
}

/// The decisions, one line each, oldest first.
pub fn decision_lines(ranking: &Ranking, lang: Lang) -> Vec<String> {
    ranking
        .decisions
        .iter()
        .map(|d| {
            let teams = d.teams.join(", ");
            let when = d.at.format("%Y-%m-%d %H:%M UTC");
            match (d.kind, lang) {
                (DecisionKind::Order, Lang::Fr) => {
                    format!("ordre {teams} — par {} ({}) le {when}", d.by, d.reason)
                }
                (DecisionKind::Order, Lang::En) => {
                    format!("order {teams} — by {} ({}) on {when}", d.by, d.reason)
                }
                (DecisionKind::Admit, Lang::Fr) => format!(
                    "admission de {teams} — par {} ({}) le {when}",
                    d.by, d.reason
                ),
                (DecisionKind::Admit, Lang::En) => {
                    format!("admit {teams} — by {} ({}) on {when}", d.by, d.reason)
                }
            }
        })
        .collect()
}
