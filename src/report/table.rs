//! The terminal table: laureates, ex aequo, too-few-sheets teams, the
//! cut-off line, then warnings and decisions in the chosen language.

use crate::domain::ranking::{Ranking, analysis};
use crate::domain::{Lang, Session};
use crate::words::report::{self as words, Column, Text};

use super::{Context, decision_lines, heading, human_cells, human_columns, status};

pub fn render(ranking: &Ranking, cx: &Context) -> String {
    let (session, lang) = (cx.session, cx.lang);
    let mut out = String::new();
    for line in heading(ranking, session, lang) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    let mut header = human_columns(lang);
    header.push(Column::Status.label(lang).to_string());
    let rows: Vec<Vec<String>> = ranking
        .ranking
        .iter()
        .map(|row| {
            let mut cells = human_cells(row, lang);
            cells.push(status(ranking, row, lang));
            cells
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    // Numbers are right-aligned: rank, score, sheets, spread.
    let right = [true, false, false, false, true, true, true, false];
    let line = |cells: &[String]| -> String {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            if i > 0 {
                text.push_str("  ");
            }
            if right[i] {
                text.push_str(&" ".repeat(pad));
                text.push_str(cell);
            } else {
                text.push_str(cell);
                if i + 1 < cells.len() {
                    text.push_str(&" ".repeat(pad));
                }
            }
        }
        text.trim_end().to_string() + "\n"
    };
    out.push_str(&line(&header));
    let total: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
    out.push_str(&"─".repeat(total));
    out.push('\n');
    let mut shown_cutoff = false;
    for (i, row) in ranking.ranking.iter().enumerate() {
        if !shown_cutoff && i > 0 && ranking.ranking[i - 1].laureate && !row.laureate {
            shown_cutoff = true;
            let label = match lang {
                Lang::Fr => format!(" limite des lauréats ({}) ", ranking.laureates),
                Lang::En => format!(" laureate cut-off ({}) ", ranking.laureates),
            };
            let side = total.saturating_sub(label.chars().count()) / 2;
            out.push_str(&"┄".repeat(side));
            out.push_str(&label);
            out.push_str(&"┄".repeat(side));
            out.push('\n');
        }
        out.push_str(&line(&rows[i]));
    }
    if !ranking.warnings.is_empty() {
        out.push('\n');
        out.push_str(&match lang {
            Lang::Fr => format!("Avertissements ({}) :\n", ranking.warnings.len()),
            Lang::En => format!("Warnings ({}):\n", ranking.warnings.len()),
        });
        for w in &ranking.warnings {
            out.push_str("  - ");
            out.push_str(&w.describe_in(session, lang));
            out.push('\n');
        }
    }
    out.push_str(&robustness(ranking, session, lang));
    let decisions = decision_lines(ranking, cx);
    if !decisions.is_empty() {
        out.push('\n');
        out.push_str(&words::colon(Text::Decisions.get(lang), lang));
        out.push('\n');
        for d in decisions {
            out.push_str("  - ");
            out.push_str(&d);
            out.push('\n');
        }
        out.push_str(&format!("  {}\n", cx.zone_line()));
    }
    out
}

/// The margin at the cut-off and how the laureates change under the other
/// methods (official ranking only).
fn robustness(ranking: &Ranking, session: &Session, lang: Lang) -> String {
    if !ranking.official || ranking.laureates == 0 {
        return String::new();
    }
    let mut out = String::from("\n");
    if let Some(m) = analysis::margin(ranking) {
        let n = ranking.laureates;
        let gap = m.difference.two_decimals(super::separator(lang));
        out.push_str(&words::margin_line(n, &m.above, &m.below, &gap, lang));
        out.push('\n');
    }
    out.push_str(lang.t(
        "Lauréats sous les autres méthodes (comparaison) :\n",
        "Laureates under the other methods (comparison):\n",
    ));
    for c in analysis::compare_methods(session) {
        let name = super::method_name(c.method, lang);
        let text = if c.changes() {
            let joining = c.joining.join(", ");
            let leaving = c.leaving.join(", ");
            match lang {
                Lang::Fr => format!("entrent : {joining} ; sortent : {leaving}"),
                Lang::En => format!("in: {joining}; out: {leaving}"),
            }
        } else {
            lang.t("mêmes lauréats", "same laureates").to_string()
        };
        let tie = if c.cutoff_tie {
            lang.t(" (égalité à la limite)", " (tie at the cut-off)")
        } else {
            ""
        };
        out.push_str(&match lang {
            Lang::Fr => format!("  - {name} : {text}{tie}\n"),
            Lang::En => format!("  - {name}: {text}{tie}\n"),
        });
    }
    out
}
