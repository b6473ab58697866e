//! The terminal table: laureates, ex aequo, too-few-sheets teams, the
//! cut-off line, then warnings and decisions in the chosen language.

use crate::domain::ranking::Ranking;
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
            let label = words::cutoff_label(ranking.laureates, lang);
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
        let heading = format!("{} ({})", Text::Warnings.get(lang), ranking.warnings.len());
        out.push_str(&words::colon(&heading, lang));
        out.push('\n');
        for w in &ranking.warnings {
            out.push_str("  - ");
            out.push_str(&w.describe_in(session, lang));
            out.push('\n');
        }
    }
    if let Some(r) = super::robustness(ranking, session, lang) {
        out.push('\n');
        if let Some(margin) = r.margin {
            out.push_str(&margin);
            out.push('\n');
        }
        out.push_str(&words::colon(Text::OtherMethods.get(lang), lang));
        out.push('\n');
        for line in r.methods {
            out.push_str("  - ");
            out.push_str(&line);
            out.push('\n');
        }
    }
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
