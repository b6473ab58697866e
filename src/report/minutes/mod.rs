//! The minutes (procès-verbal de délibération), in Markdown or HTML: the
//! event, the jury (present, absent, replaced), the recusals, the criteria,
//! the method and tie-break rules, how the session ran, the ranking and
//! the laureates, the decisions (local time), the warnings, every change
//! after the first score, the journal digest and the lines to sign.

mod changes;

use chrono::{DateTime, Utc};

use crate::domain::ranking::Ranking;
use crate::domain::schedule::{self, SlotStatus};
use crate::domain::{Lang, Operation, PairState, Session, Slot, TeamStatus};
use crate::words::minutes as said;
use crate::words::report::{self as words, Column, Text};

use super::anonymous::Aliases;
use super::doc::{self, Block, Table};
use super::{Context, html, page};

pub use changes::{Changes, after_first_score};

/// What the minutes are made from besides the context.
#[derive(Clone, Copy, Debug)]
pub struct Minutes<'a> {
    /// The official ranking.
    pub ranking: &'a Ranking,
    /// Every journal operation, oldest first.
    pub history: &'a [Operation],
    /// Set with `--anonymous`: the original juror ids' labels.
    pub aliases: Option<&'a Aliases>,
    /// When the minutes are made (the run of a session still going).
    pub now: DateTime<Utc>,
}

/// Teams a juror does not score, by reason.
fn teams_with(session: &Session, juror: usize, excuse: PairState) -> Vec<String> {
    let j = &session.jurors[juror];
    session
        .teams_in_order()
        .filter(|t| session.excuse(t, j) == Some(excuse))
        .map(|t| t.id.to_string())
        .collect()
}

/// Present, absent, or absent for some teams: from a team on (a juror who
/// left, replaced by another), until a team (a newcomer), or a list.
fn presence(session: &Session, juror: usize, scheduled: &[String], lang: Lang) -> String {
    let absent = teams_with(session, juror, PairState::Absent);
    let from = scheduled.len() - absent.len();
    if absent.is_empty() {
        Text::Present.get(lang).to_string()
    } else if absent.len() >= scheduled.len() {
        Text::Absent.get(lang).to_string()
    } else if scheduled[from..] == absent[..] {
        said::absent_from(&absent[0], lang)
    } else if scheduled[..absent.len()] == absent[..] {
        said::present_from(&scheduled[absent.len()], lang)
    } else {
        said::absent_for(&absent.join(", "), lang)
    }
}

fn jury(cx: &Context) -> Vec<Block> {
    let (session, lang) = (cx.session, cx.lang);
    let scheduled: Vec<String> = session
        .teams_in_order()
        .filter(|t| t.status != TeamStatus::Withdrawn)
        .map(|t| t.id.to_string())
        .collect();
    let head = [
        Column::Juror,
        Column::Name,
        Column::Role,
        Column::Org,
        Column::Presence,
        Column::Questions,
    ];
    let mut table = Table::new(
        said::jurors(session.jurors.len(), lang),
        head.iter().map(|c| c.label(lang).to_string()).collect(),
        vec![false, false, false, false, false, true],
    );
    for (i, juror) in session.jurors.iter().enumerate() {
        let presence = presence(session, i, &scheduled, lang);
        let asked = session
            .questions
            .iter()
            .filter(|q| q.juror == juror.id)
            .count();
        let org = session
            .organisation(&juror.org)
            .map_or(juror.org.to_string(), |o| o.name.clone());
        table.push(
            vec![
                juror.id.to_string(),
                juror.name.clone(),
                juror.role.clone(),
                org,
                presence,
                asked.to_string(),
            ],
            false,
        );
    }
    vec![
        Block::Heading(2, Text::Jury.get(lang).into()),
        Block::Table(table),
    ]
}

fn recusals(cx: &Context) -> Vec<Block> {
    let (session, lang) = (cx.session, cx.lang);
    let mut lines = Vec::new();
    for (i, juror) in session.jurors.iter().enumerate() {
        let mut parts = Vec::new();
        for (status, why) in [
            (PairState::AutoRecused, Text::SameOrg),
            (PairState::Recused, Text::Recused),
        ] {
            let teams = teams_with(session, i, status);
            if !teams.is_empty() {
                parts.push(format!("{} ({})", teams.join(", "), why.get(lang)));
            }
        }
        if !parts.is_empty() {
            let who = if juror.name == juror.id.as_str() {
                juror.id.to_string()
            } else {
                format!("{} {}", juror.id, juror.name)
            };
            lines.push(format!(
                "{} {}",
                words::colon(&who, lang),
                parts.join(" ; ")
            ));
        }
    }
    let body = if lines.is_empty() {
        Block::Paragraph(Text::NoRecusal.get(lang).into())
    } else {
        Block::List(lines)
    };
    vec![Block::Heading(2, Text::Recusals.get(lang).into()), body]
}

fn criteria(cx: &Context) -> Vec<Block> {
    let lang = cx.lang;
    let sep = super::separator(lang);
    let head = [
        Column::Criterion,
        Column::Name,
        Column::Weight,
        Column::Scale,
    ];
    let mut table = Table::new(
        "",
        head.iter().map(|c| c.label(lang).to_string()).collect(),
        vec![false, false, true, false],
    );
    for c in &cx.session.criteria {
        let scale = words::scale(
            &c.min.format_with(sep),
            &c.max.format_with(sep),
            &c.step.format_with(sep),
            lang,
        );
        table.push(
            vec![
                c.id.to_string(),
                c.label.clone(),
                c.weight.format_with(sep),
                scale,
            ],
            false,
        );
    }
    vec![
        Block::Heading(2, Text::Criteria.get(lang).into()),
        Block::Table(table),
    ]
}

/// "3:05", "+0:12".
fn duration(ms: i64) -> String {
    let secs = ms.max(0) / 1000;
    format!("{}:{:02}", secs / 60, secs % 60)
}

fn run(cx: &Context, now: DateTime<Utc>) -> Vec<Block> {
    let (session, lang) = (cx.session, cx.lang);
    let plan = schedule::plan(session, cx.offset, now);
    let head = [
        Column::Team,
        Column::PlannedStart,
        Column::ActualStart,
        Column::TimeUsed,
        Column::Overtime,
        Column::Questions,
    ];
    let mut table = Table::new(
        cx.zone_line(),
        head.iter().map(|c| c.label(lang).to_string()).collect(),
        vec![false, true, true, true, true, true],
    );
    for row in &plan.rows {
        let label = match (&row.team, session.schedule.get(row.index)) {
            (Some(id), _) => session
                .team(id)
                .map_or(id.to_string(), |t| format!("{id} {}", t.name)),
            (None, Some(Slot::Break { label, .. })) if !label.is_empty() => label.clone(),
            _ => Text::Break.get(lang).into(),
        };
        let actual = match (row.actual_start, row.status) {
            (Some(at), _) => cx.hhmm(at),
            (None, SlotStatus::Withdrawn) => Text::Withdrawn.get(lang).into(),
            (None, SlotStatus::Break) => String::new(),
            (None, _) => Text::NotStarted.get(lang).into(),
        };
        let questions = row
            .team
            .as_ref()
            .map(|t| {
                session
                    .questions
                    .iter()
                    .filter(|q| &q.team == t)
                    .count()
                    .to_string()
            })
            .unwrap_or_default();
        table.push(
            vec![
                label,
                cx.hhmm(row.planned_start),
                actual,
                row.used_ms.map(duration).unwrap_or_default(),
                if row.overtime_ms > 0 {
                    format!("+{}", duration(row.overtime_ms))
                } else {
                    String::new()
                },
                questions,
            ],
            false,
        );
    }
    vec![
        Block::Heading(2, Text::Run.get(lang).into()),
        Block::Table(table),
    ]
}

fn change_list(cx: &Context, m: &Minutes) -> Vec<Block> {
    let lang = cx.lang;
    let changes = after_first_score(m.history, m.aliases);
    let mut blocks = vec![
        Block::Heading(2, Text::Changes.get(lang).into()),
        Block::Paragraph(Text::ChangesNote.get(lang).into()),
    ];
    if changes.entries.is_empty() {
        blocks.push(Block::Paragraph(Text::NoChange.get(lang).into()));
    } else {
        let head = [Column::When, Column::Who, Column::What];
        let mut table = Table::new(
            cx.zone_line(),
            head.iter().map(|c| c.label(lang).to_string()).collect(),
            vec![false, false, false],
        );
        for e in &changes.entries {
            table.push(
                vec![
                    cx.local_seconds(e.at),
                    said::terminal(e.writer, lang),
                    e.what.say(lang),
                ],
                false,
            );
        }
        blocks.push(Block::Table(table));
    }
    if changes.first_entries > 0 {
        blocks.push(Block::Paragraph(said::first_entries(
            changes.first_entries,
            lang,
        )));
    }
    blocks
}

/// The minutes as blocks.
pub fn blocks(cx: &Context, m: &Minutes) -> Vec<Block> {
    let (lang, ranking) = (cx.lang, m.ranking);
    let mut blocks = page::opening(ranking, cx, Text::MinutesTitle.get(lang).into());
    if !cx.session.event.title.is_empty() {
        blocks.insert(1, Block::Paragraph(cx.session.event.title.clone()));
    }
    blocks.extend(jury(cx));
    blocks.extend(recusals(cx));
    blocks.extend(criteria(cx));
    blocks.extend(page::method_blocks(ranking, cx));
    blocks.extend(run(cx, m.now));
    blocks.push(Block::Heading(2, Text::Ranking.get(lang).into()));
    blocks.push(Block::Table(page::ranking_table(ranking, cx)));
    blocks.push(Block::Heading(3, Text::Laureates.get(lang).into()));
    blocks.push(page::laureates(ranking, cx));
    blocks.extend(page::robustness_blocks(ranking, cx));
    let mut closing = page::closing_blocks(ranking, cx);
    // The digest comes last before the signatures, after the changes.
    let digest = closing.split_off(closing.len().saturating_sub(3));
    blocks.extend(closing);
    blocks.extend(change_list(cx, m));
    blocks.extend(digest);
    blocks.push(Block::Heading(2, Text::SignaturesHeading.get(lang).into()));
    blocks.push(Block::Paragraph(said::done_at(
        &cx.session.event.place,
        lang,
    )));
    blocks.push(Block::Signatures(vec![
        Text::President.get(lang).into(),
        Text::Secretary.get(lang).into(),
    ]));
    blocks
}

pub fn markdown(cx: &Context, m: &Minutes) -> String {
    doc::markdown(&blocks(cx, m))
}

pub fn html(cx: &Context, m: &Minutes) -> String {
    let title = match cx.session.event.title.trim() {
        "" => Text::MinutesTitle.get(cx.lang).to_string(),
        t => format!("{} — {t}", Text::MinutesTitle.get(cx.lang)),
    };
    html::document(cx.lang, &title, "", &doc::html(&blocks(cx, m)))
}
