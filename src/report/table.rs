//! The terminal table: laureates, ex aequo, too-few-sheets teams, the
//! cut-off line, then warnings and decisions in the chosen language.

use crate::domain::ranking::Ranking;
use crate::words::for_terminal;
use crate::words::report::{self as words, Column, Text};
use crate::words::width::{Align, cut, pad, width};

use super::{Context, decision_lines, heading, human_cells, human_columns, status};

/// The widest a text column (id, name, organisation) grows: a longer text
/// is cut with `…` (a name of 100,000 characters would make every line
/// that long; the other formats keep it whole).
pub const TEXT_CELLS: usize = 60;

/// The table, lined up in terminal cells and escaped for a terminal (a
/// name's ESC or BEL is shown, never run, and its escape counted in the
/// widths); a table is for people, on a terminal or in a file alike.
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
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let c = for_terminal(c);
                    if (1..=3).contains(&i) {
                        cut(&c, TEXT_CELLS)
                    } else {
                        c.into_owned()
                    }
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    // Numbers are right-aligned: rank, score, sheets, spread.
    let right = [true, false, false, false, true, true, true, false];
    let line = |cells: &[String]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let align = if right[i] { Align::Right } else { Align::Left };
                pad(cell, widths[i], align)
            })
            .collect();
        padded.join("  ").trim_end().to_string() + "\n"
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
            let side = total.saturating_sub(width(&label)) / 2;
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
    for_terminal(&out).into_owned()
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
