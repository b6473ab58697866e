//! The schedule screen: teams in order with status, planned and actual
//! start, time used and overtime; the running delay, the projected end and
//! what each remaining slot must give up. The provisional score column is
//! hidden in projector mode and while the results are sealed.

use chrono::{DateTime, FixedOffset, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Widget};

use crate::domain::schedule::{Plan, SlotStatus, plan};
use crate::domain::stage::clock_text;
use crate::domain::{Lang, Slot, TeamId, scoring};
use crate::ui::text::cut;
use crate::ui::{View, org_name};
use crate::words::schedule::{self as words, Column};

pub struct ScheduleScreen<'a>(pub &'a View<'a>);

/// What projector mode (and the seal) shows instead of a score.
pub const HIDDEN: &str = "•••";

fn hhmm(at: DateTime<Utc>, offset: FixedOffset) -> String {
    at.with_timezone(&offset).format("%H:%M").to_string()
}

fn minutes(ms: i64) -> String {
    clock_text(ms / 1000)
}

/// A team's provisional score under the official method with its rank, as
/// `update` ranked it (blank for a team without a counting sheet).
fn score(view: &View, team: &TeamId, lang: Lang) -> String {
    view.app
        .schedule
        .ranked
        .by_team
        .get(team)
        .map(|(score, rank)| format!("{} ({rank})", crate::report::figure(Some(score), lang, "")))
        .unwrap_or_default()
}

impl Widget for &ScheduleScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let view = self.0;
        let s = view.session();
        let lang = view.lang();
        let t = view.theme;
        let p = plan(s, view.app.offset, view.now);
        let [summary, _, table] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(area);
        render_summary(view, &p, summary, buf);

        let wide = area.width >= 110;
        let hidden = view.app.projector || s.is_sealed();
        let header: Vec<&str> = [
            Column::Planned,
            Column::Team,
            Column::Organisation,
            Column::Status,
            Column::Began,
            Column::Used,
            Column::Over,
            Column::Sheets,
            Column::Score,
        ]
        .into_iter()
        .filter(|c| wide || *c != Column::Organisation)
        .map(|c| words::heading(c, lang))
        .collect();
        // The name takes what the other columns leave (see `widths`).
        let fixed: u16 = if wide { 5 + 14 } else { 5 } + 11 + 5 + 7 + 6 + 6 + 10;
        let columns = if wide { 9 } else { 8 };
        let name_w = usize::from(table.width.saturating_sub(fixed + columns - 1).max(18));
        // Keep the selected row in view; only the rows on screen are built
        // (a forum of thousands of teams is drawn every second).
        let visible = table.height.saturating_sub(1) as usize;
        let skip = view
            .app
            .schedule
            .row
            .saturating_sub(visible.saturating_sub(1));
        let mut rows = Vec::new();
        for row in p.rows.iter().skip(skip).take(visible) {
            let slot = &s.schedule[row.index];
            let (name, org) = match slot {
                Slot::Team { team } => match s.team(team) {
                    Some(tm) => (
                        format!("{} {}", tm.id, tm.name),
                        org_name(s, &tm.org).to_string(),
                    ),
                    None => (team.to_string(), String::new()),
                },
                Slot::Break { label, minutes, .. } => {
                    (words::break_row(label, *minutes, lang), String::new())
                }
            };
            let (sheets, score) = match slot.team().and_then(|id| s.team(id)) {
                Some(tm) if row.status != SlotStatus::Withdrawn => {
                    let c = scoring::team_counts(s, tm);
                    let score = if hidden {
                        HIDDEN.to_string()
                    } else {
                        score(view, &tm.id, lang)
                    };
                    (format!("{}/{}", c.done(), c.expected()), score)
                }
                _ => (String::new(), String::new()),
            };
            let used = row.used_ms.map(minutes).unwrap_or_default();
            let over = if row.overtime_ms > 0 {
                format!("+{}", minutes(row.overtime_ms))
            } else {
                String::new()
            };
            let mut cells = vec![
                Cell::from(hhmm(row.planned_start, view.app.offset)),
                Cell::from(cut(&name, name_w)),
            ];
            if wide {
                cells.push(Cell::from(cut(&org, 14)));
            }
            cells.extend([
                Cell::from(words::status(row.status, lang)).style(status_style(view, row.status)),
                Cell::from(
                    row.actual_start
                        .map(|a| hhmm(a, view.app.offset))
                        .unwrap_or_default(),
                ),
                Cell::from(used),
                Cell::from(over).style(t.late(true)),
                Cell::from(sheets),
                Cell::from(score),
            ]);
            let mut r = Row::new(cells);
            if row.index == view.app.schedule.row {
                r = r.style(t.selected());
            }
            rows.push(r);
        }
        let mut widths = vec![Constraint::Length(5), Constraint::Min(18)];
        if wide {
            widths.push(Constraint::Length(14));
        }
        widths.extend([
            Constraint::Length(11),
            Constraint::Length(5),
            Constraint::Length(7),
            Constraint::Length(6),
            Constraint::Length(6),
            Constraint::Length(10),
        ]);
        let table_widget = Table::new(rows, widths)
            .header(Row::new(header).style(t.title()))
            .column_spacing(1);
        Widget::render(table_widget, table, buf);
    }
}

fn status_style(view: &View, status: SlotStatus) -> Style {
    use crate::domain::stage::Phase;
    let t = view.theme;
    match status {
        SlotStatus::Pitching => t.phase(Phase::Pitch),
        SlotStatus::Questions => t.phase(Phase::Questions),
        SlotStatus::Scoring => t.phase(Phase::Scoring),
        SlotStatus::OnBreak => t.phase(Phase::Break),
        SlotStatus::Done | SlotStatus::Withdrawn | SlotStatus::Break | SlotStatus::BreakTaken => {
            t.dim()
        }
        SlotStatus::Waiting | SlotStatus::Called => Style::new(),
    }
}

fn render_summary(view: &View, p: &Plan, area: Rect, buf: &mut Buffer) {
    let lang = view.lang();
    let t = view.theme;
    let offset = view.app.offset;
    let late = p.delay_ms > 0;
    let first = Line::from(vec![
        Span::styled(words::delay(p.delay_ms, lang), t.late(late)),
        Span::raw(words::ends(
            &hhmm(p.planned_end, offset),
            &hhmm(p.projected_end, offset),
            lang,
        )),
    ]);
    let second = words::outlook(p, lang);
    let second = cut(&second, area.width as usize);
    Paragraph::new(vec![first, Line::styled(second, t.late(late))]).render(area, buf);
}
