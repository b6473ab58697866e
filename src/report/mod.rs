//! Rendering a ranking and a session for people and programs: a terminal
//! table, CSV, Markdown, JSON (exactly design.md's), the results page, the
//! minutes, the score sheets and the archive. Pure: no files, no clock
//! (times and the journal digest are parameters). Sentences come from
//! `crate::words::report`.

pub mod anonymous;
pub mod archive;
mod chart;
mod csv;
pub mod doc;
pub mod html;
mod markdown;
pub mod minutes;
mod page;
pub mod sheets;
mod table;

#[cfg(test)]
mod tests;

use chrono::{DateTime, FixedOffset, Utc};

use crate::domain::ranking::sheets::Board;
use crate::domain::ranking::{Ranking, Row, analysis};
use crate::domain::{DecisionKind, Lang, Method, Session};
use crate::words::report::{self as words, Column, Text};

pub use self::csv::{BOM, render as csv};
pub use markdown::render as markdown;
pub use page::render as page;
pub use table::render as table;

/// What every report is rendered with besides the ranking.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub session: &'a Session,
    pub lang: Lang,
    /// The event's offset from UTC: times are shown local.
    pub offset: FixedOffset,
    /// The journal's last digest (see `storage::digest::last_digest`).
    pub digest: Option<&'a str>,
}

impl Context<'_> {
    /// A time as the event's local "YYYY-MM-DD HH:MM".
    pub fn local(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.offset)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// A time as the event's local "YYYY-MM-DD HH:MM:SS".
    pub fn local_seconds(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.offset)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string()
    }

    /// A time as the event's local "HH:MM".
    pub fn hhmm(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.offset).format("%H:%M").to_string()
    }

    /// "Heures locales (UTC+01:00)."
    pub fn zone_line(&self) -> String {
        words::local_times(&self.offset.to_string(), self.lang)
    }

    /// The digest line's text.
    pub fn digest_text(&self) -> String {
        self.digest
            .map_or_else(|| Text::NoDigest.get(self.lang).to_string(), str::to_string)
    }
}

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

pub use crate::words::number::figure;

/// The first columns of the human reports (table, Markdown, page), before
/// the criteria and the status.
pub const HUMAN_COLUMNS: [Column; 7] = [
    Column::Rank,
    Column::Team,
    Column::Name,
    Column::Org,
    Column::Score,
    Column::Sheets,
    Column::Spread,
];

/// [`HUMAN_COLUMNS`] in words.
pub fn human_columns(lang: Lang) -> Vec<String> {
    HUMAN_COLUMNS
        .iter()
        .map(|c| c.label(lang).to_string())
        .collect()
}

/// A row's figures in [`HUMAN_COLUMNS`] order.
pub fn human_cells(row: &Row, lang: Lang) -> Vec<String> {
    vec![
        rank_label(row),
        row.team.to_string(),
        row.name.clone(),
        row.org.to_string(),
        figure(row.score.as_ref(), lang, "—"),
        row.sheets.to_string(),
        figure(row.spread.as_ref(), lang, "—"),
    ]
}

/// The heading lines: event, method (official or for comparison),
/// laureates, provisional results, a tie at the cut-off.
pub fn heading(ranking: &Ranking, session: &Session, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if !session.event.title.is_empty() {
        lines.push(session.event.title.clone());
    }
    lines.push(words::method_line(
        ranking.method,
        session.settings.method,
        lang,
    ));
    let laureates = ranking.ranking.iter().filter(|r| r.laureate).count();
    lines.push(words::laureates_line(
        laureates,
        ranking.laureates,
        ranking.min_sheets,
        lang,
    ));
    if ranking.provisional {
        lines.push(Text::Provisional.get(lang).into());
    }
    if ranking.cutoff_tie {
        lines.push(Text::CutoffTie.get(lang).into());
    }
    lines
}

/// What a row's status column says.
pub fn status(ranking: &Ranking, row: &Row, lang: Lang) -> String {
    let mut parts: Vec<Text> = Vec::new();
    if row.laureate {
        parts.push(Text::Laureate);
    }
    if row.tied {
        parts.push(Text::Tied);
    }
    if row.at_cutoff {
        parts.push(
            match row
                .decision
                .and_then(|i| ranking.decisions.get(i))
                .map(|d| d.kind)
            {
                Some(DecisionKind::Order) => Text::OrderDecided,
                Some(DecisionKind::Admit) => Text::Admitted,
                None => Text::ToBeDecided,
            },
        );
    }
    if row.too_few_sheets {
        parts.push(if row.sheets == 0 {
            Text::NoSheet
        } else {
            Text::TooFewSheets
        });
    }
    parts
        .iter()
        .map(|t| t.get(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A rank as shown: "2" or "2=" when shared.
pub fn rank_label(row: &Row) -> String {
    if row.tied {
        format!("{}=", row.rank)
    } else {
        row.rank.to_string()
    }
}

/// The decisions, one line each, oldest first, at the event's local time.
pub fn decision_lines(ranking: &Ranking, cx: &Context) -> Vec<String> {
    ranking
        .decisions
        .iter()
        .map(|d| {
            words::decision_line(
                d.kind,
                &d.teams.join(", "),
                &d.by,
                &d.reason,
                &cx.local(d.at),
                cx.lang,
            )
        })
        .collect()
}

/// How robust the cut-off is: the margin between places N and N+1, and how
/// the laureates change under each other method (official ranking only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Robustness {
    pub margin: Option<String>,
    /// One line per other method.
    pub methods: Vec<String>,
}

pub fn robustness(ranking: &Ranking, session: &Session, lang: Lang) -> Option<Robustness> {
    if !ranking.official || ranking.laureates == 0 {
        return None;
    }
    let margin = analysis::margin(ranking).map(|m| {
        let gap = m.difference.two_decimals(separator(lang));
        words::margin_line(ranking.laureates, &m.above, &m.below, &gap, lang)
    });
    // The ranking is the official one: only the other methods are placed.
    let board = Board::build(session);
    let methods = analysis::compare_with(session, &board, &ranking.laureate_ids())
        .into_iter()
        .map(|c| {
            let mut text = if c.changes() {
                words::in_and_out(&c.joining.join(", "), &c.leaving.join(", "), lang)
            } else {
                Text::SameLaureates.get(lang).to_string()
            };
            if c.cutoff_tie {
                text.push_str(&format!(" ({})", Text::TieAtCutoff.get(lang)));
            }
            format!("{} {text}", words::colon(c.method.name(lang), lang))
        })
        .collect();
    Some(Robustness { margin, methods })
}
