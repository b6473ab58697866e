//! The results page (`podium results --format html`): one self-contained,
//! accessible HTML file to publish or print — the event, the method in
//! plain words, the laureates, the whole ranking, a bar chart with its text
//! equivalent, the means per criterion, decisions, warnings and the
//! journal digest.

use crate::domain::ranking::Ranking;
use crate::words::report::{self as words, Column, Text};

use super::doc::{Block, Table, isolated};
use super::{Context, chart, decision_lines, figure, heading, html, human_cells, status};

/// The page's title: the event's, else "Results".
pub fn title(cx: &Context) -> String {
    let title = cx.session.event.title.trim();
    if title.is_empty() {
        Text::Results.get(cx.lang).to_string()
    } else {
        title.to_string()
    }
}

/// The opening blocks shared with the minutes: title, place and date, the
/// provisional and cut-off banners.
pub fn opening(ranking: &Ranking, cx: &Context, title: String) -> Vec<Block> {
    let event = &cx.session.event;
    let mut blocks = vec![Block::Heading(1, title)];
    let when = words::where_and_when(&event.place, event.date, cx.lang);
    if !when.is_empty() {
        blocks.push(Block::Paragraph(when));
    }
    if ranking.provisional {
        blocks.push(Block::Banner(Text::Provisional.get(cx.lang).into()));
    }
    if ranking.cutoff_tie {
        blocks.push(Block::Banner(Text::CutoffTie.get(cx.lang).into()));
    }
    blocks
}

/// The method, the laureates asked for and the tie-break rules in words.
pub fn method_blocks(ranking: &Ranking, cx: &Context) -> Vec<Block> {
    let session = cx.session;
    let labels: Vec<String> = session
        .settings
        .tie_break
        .iter()
        .map(|id| {
            session
                .criterion(id)
                .map_or(id.to_string(), |c| c.label.clone())
        })
        .collect();
    // The method line and the laureates line are the table's heading lines.
    let lines = heading(ranking, session, cx.lang);
    let skip = usize::from(!session.event.title.is_empty());
    let mut blocks = vec![Block::Heading(2, Text::Method.get(cx.lang).into())];
    for line in lines.into_iter().skip(skip).take(2) {
        blocks.push(Block::Paragraph(line));
    }
    blocks.push(Block::Paragraph(
        words::method_explained(ranking.method, cx.lang).into(),
    ));
    blocks.push(Block::Paragraph(words::tie_break_line(&labels, cx.lang)));
    blocks
}

/// The ranking as a table, laureates highlighted (and said in words).
pub fn ranking_table(ranking: &Ranking, cx: &Context) -> Table {
    let lang = cx.lang;
    let mut head = super::human_columns(lang);
    head.push(Column::Status.label(lang).into());
    let numeric = vec![true, false, false, false, true, true, true, false];
    let mut table = Table::new(Text::Ranking.get(lang), head, numeric);
    // On a phone: rank, team, name, score and status.
    table.optional = vec![false, false, false, true, false, true, true, false];
    for row in &ranking.ranking {
        let mut cells = human_cells(row, lang);
        cells.push(status(ranking, row, lang));
        table.push(cells, row.laureate);
    }
    table
}

/// The mean of each criterion per team, over the sheets that count.
fn means_table(ranking: &Ranking, cx: &Context) -> Table {
    let (lang, criteria) = (cx.lang, &cx.session.criteria);
    let mut head = vec![Column::Team.label(lang).to_string()];
    head.extend(criteria.iter().map(|c| c.label.clone()));
    let mut numeric = vec![false];
    numeric.extend(criteria.iter().map(|_| true));
    let mut table = Table::new(Text::CriterionMeans.get(lang), head, numeric);
    for row in &ranking.ranking {
        let mut cells = vec![format!("{} {}", row.team, isolated(&row.name))];
        cells.extend(
            criteria
                .iter()
                .map(|c| figure(row.criteria.get(&c.id), lang, "—")),
        );
        table.push(cells, row.laureate);
    }
    table
}

/// The margin at the cut-off and the laureates under the other methods.
pub fn robustness_blocks(ranking: &Ranking, cx: &Context) -> Vec<Block> {
    let Some(r) = super::robustness(ranking, cx.session, cx.lang) else {
        return Vec::new();
    };
    let mut blocks = vec![Block::Heading(2, Text::OtherMethods.get(cx.lang).into())];
    blocks.extend(r.margin.map(Block::Paragraph));
    blocks.push(Block::List(r.methods));
    blocks
}

/// Decisions (local times), warnings, the digest.
pub fn closing_blocks(ranking: &Ranking, cx: &Context) -> Vec<Block> {
    let lang = cx.lang;
    let mut blocks = Vec::new();
    let decisions = decision_lines(ranking, cx);
    if !decisions.is_empty() {
        blocks.push(Block::Heading(2, Text::Decisions.get(lang).into()));
        blocks.push(Block::List(decisions));
        blocks.push(Block::Paragraph(cx.zone_line()));
    }
    if !ranking.warnings.is_empty() {
        blocks.push(Block::Heading(2, Text::Warnings.get(lang).into()));
        blocks.push(Block::List(
            ranking
                .warnings
                .iter()
                .map(|w| w.describe_in(cx.session, lang))
                .collect(),
        ));
    }
    blocks.push(Block::Heading(2, Text::Digest.get(lang).into()));
    blocks.push(Block::Paragraph(words::revision(cx.session.revision, lang)));
    blocks.push(Block::Code(cx.digest_text()));
    blocks
}

/// The laureates, in rank order, with their project and organisation.
pub fn laureates(ranking: &Ranking, cx: &Context) -> Block {
    let items: Vec<(usize, String)> = ranking
        .ranking
        .iter()
        .filter(|r| r.laureate)
        .map(|r| {
            let project = cx
                .session
                .team(&r.team)
                .map(|t| t.project.trim().to_string())
                .filter(|p| !p.is_empty())
                .map_or_else(String::new, |p| format!(" — {}", isolated(&p)));
            let (name, org) = (isolated(&r.name), isolated(r.org.as_str()));
            (r.rank, format!("{} {name}{project} ({org})", r.team))
        })
        .collect();
    if items.is_empty() {
        Block::Paragraph(Text::NoLaureate.get(cx.lang).into())
    } else {
        Block::Numbered(items)
    }
}

/// The whole page.
pub fn render(ranking: &Ranking, cx: &Context) -> String {
    let lang = cx.lang;
    let title = title(cx);
    let mut blocks = opening(ranking, cx, title.clone());
    blocks.extend(method_blocks(ranking, cx));
    blocks.push(Block::Heading(2, Text::Laureates.get(lang).into()));
    blocks.push(laureates(ranking, cx));
    blocks.push(Block::Heading(2, Text::Ranking.get(lang).into()));
    blocks.push(Block::Table(ranking_table(ranking, cx)));
    let chart = chart::render(ranking, lang);
    if !chart.is_empty() {
        blocks.push(Block::Heading(2, Text::Chart.get(lang).into()));
        blocks.push(Block::Raw(chart));
    }
    if !cx.session.criteria.is_empty() {
        blocks.push(Block::Heading(2, Text::CriterionMeans.get(lang).into()));
        blocks.push(Block::Table(means_table(ranking, cx)));
    }
    blocks.extend(robustness_blocks(ranking, cx));
    blocks.extend(closing_blocks(ranking, cx));
    html::document(lang, &title, "", &super::doc::html(&blocks))
}
