//! Markdown: a heading, the ranking as a table, warnings and decisions.

use crate::domain::ranking::Ranking;
use crate::words::report::{Column, Text};

use super::{Context, decision_lines, figure, heading, human_cells, human_columns, status};

/// Escape the characters that would break a table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

pub fn render(ranking: &Ranking, cx: &Context) -> String {
    let (session, lang) = (cx.session, cx.lang);
    let mut out = String::new();
    let mut lines = heading(ranking, session, lang).into_iter();
    let title = if session.event.title.is_empty() {
        Text::Results.get(lang).to_string()
    } else {
        lines.next().unwrap_or_default()
    };
    out.push_str(&format!("# {}\n\n", cell(&title)));
    for line in lines {
        out.push_str(&format!("{}\n\n", cell(&line)));
    }
    let mut header = human_columns(lang);
    header.extend(session.criteria.iter().map(|c| cell(&c.label)));
    header.push(Column::Status.label(lang).to_string());
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    let aligns: Vec<&str> = (0..header.len())
        .map(|i| match i {
            0 | 4 | 5 | 6 => "---:",
            i if i > 6 && i + 1 < header.len() => "---:",
            _ => "---",
        })
        .collect();
    out.push_str(&format!("| {} |\n", aligns.join(" | ")));
    for row in &ranking.ranking {
        let team = if row.laureate {
            format!("**{}**", cell(&row.team))
        } else {
            cell(&row.team)
        };
        let mut cells: Vec<String> = human_cells(row, lang).iter().map(|c| cell(c)).collect();
        cells[1] = team;
        cells.extend(
            session
                .criteria
                .iter()
                .map(|c| figure(row.criteria.get(&c.id), lang, "—")),
        );
        cells.push(cell(&status(ranking, row, lang)));
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    if !ranking.warnings.is_empty() {
        out.push_str(&format!("\n## {}\n\n", Text::Warnings.get(lang)));
        for w in &ranking.warnings {
            out.push_str(&format!("- {}\n", cell(&w.describe_in(session, lang))));
        }
    }
    let decisions = decision_lines(ranking, cx);
    if !decisions.is_empty() {
        out.push_str(&format!("\n## {}\n\n", Text::Decisions.get(lang)));
        for d in decisions {
            out.push_str(&format!("- {}\n", cell(&d)));
        }
        out.push_str(&format!("\n{}\n", cx.zone_line()));
    }
    out
}
