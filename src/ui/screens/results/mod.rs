//! The results screen: the ranking under the method shown (the official
//! one unless another is asked for, then marked as a comparison), what is
//! missing, the tie at the cut-off, and beside the ranking a bar per team.
//! The panel (analysis, team detail) and the decision form are drawn in
//! `panel.rs` and `form.rs`; every word of the screen is
//! `words::results`'. Drawing only; projector mode hides everything, and
//! so does the seal (`sealed.rs` draws what shows instead).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use self::{form as results_form, panel as results_panel};
use crate::app::screens::results::view::Computed;
use crate::domain::ranking::{Ranking, Row, WarningCode};
use crate::domain::recount::Difference;
use crate::domain::{Lang, Session};
use crate::report::{figure, rank_label};
use crate::ui::text::cut;
use crate::ui::text::{Tone, put, put_bottom, put_line, style, wrap_indented};
use crate::ui::{View, org_name};
use crate::words::results::{self as words, Column, Cutoff};

mod form;
mod panel;
mod sealed;

pub struct ResultsScreen<'a, 'v>(pub &'a View<'v>);

impl Widget for ResultsScreen<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let view = self.0;
        let app = view.app;
        let lang = view.lang();
        let color = view.theme.color;
        if area.height < 3 {
            return;
        }
        let session = view.session();
        if session.is_sealed() {
            sealed::panel(area, buf, lang, color);
            return;
        }
        if app.projector {
            projector_notice(area, buf, lang, color);
            return;
        }
        let computed = app.results.computed(session);
        let ranking = &computed.ranking;
        let mut y = area.y;
        // Heading lines wrap, two screen lines at most each.
        // Below 20 lines the agreeing recount gives way to the ranking (a
        // difference is always shown).
        let roomy = area.height >= 20;
        for (text, st) in heading(&computed, session, lang, color, roomy) {
            for part in heading_lines(&text, usize::from(area.width))
                .into_iter()
                .take(2)
            {
                put_line(buf, area, y, &part, st);
                y += 1;
            }
        }
        let rest = Rect {
            y,
            height: area.bottom().saturating_sub(y),
            ..area
        };
        let (table, panel) = if area.width >= 110 {
            let side = area.width.saturating_sub(80).clamp(40, 80);
            let [t, _, p] = Layout::horizontal([
                Constraint::Min(0),
                Constraint::Length(1),
                Constraint::Length(side),
            ])
            .areas(rest);
            (t, p)
        } else {
            // The table as tall as its rows (head, cut-off line, legend),
            // leaving the panel three lines (the rows matter more).
            let needed =
                ranking.ranking.len() as u16 + 2 + legend_lines(lang, rest.width).len() as u16;
            // With the detail open, the table shrinks to a few rows around
            // the selection.
            let table = if app.results.detail {
                needed.min(7)
            } else {
                needed
                    .min(rest.height.saturating_sub(3))
                    .max(rest.height / 2)
            };
            let [t, p] =
                Layout::vertical([Constraint::Length(table), Constraint::Min(0)]).areas(rest);
            (t, p)
        };
        let table_view = TableView {
            session,
            ranking,
            bars: computed.bars,
            selected: app.results.row,
            lang,
            color,
        };
        table_view.render(table, buf);
        results_panel::panel(view, &computed, panel, buf);
        results_form::form(view, ranking, area, buf);
    }
}

/// What projector mode shows instead of any score or result.
pub fn projector_notice(area: Rect, buf: &mut Buffer, lang: Lang, color: bool) {
    let lines = words::projector_hidden(lang);
    let y = area.y + area.height / 2 - 1;
    for (i, text) in lines.iter().enumerate() {
        let w = crate::ui::text::width(text) as u16;
        let x = area.x + area.width.saturating_sub(w) / 2;
        let st = if i == 0 {
            style(Tone::Warn, color).add_modifier(Modifier::REVERSED)
        } else {
            style(Tone::Dim, color)
        };
        put(buf, area, x, y + i as u16, text, area.width, st);
    }
}

/// A heading line on lines of `cells`: broken between its " · " items
/// (a count stays with its words), within one only when an item alone is
/// wider than the line.
pub(crate) fn heading_lines(text: &str, cells: usize) -> Vec<String> {
    if crate::ui::text::width(text) <= cells {
        return vec![text.to_string()];
    }
    let items: Vec<String> = text.split(" · ").map(String::from).collect();
    let lines = crate::ui::text::join_wrapped(&items, cells.saturating_sub(4));
    if lines
        .iter()
        .any(|l| crate::ui::text::width(l) > cells.saturating_sub(4))
    {
        return wrap_indented(text, cells);
    }
    let indent = |(i, line): (usize, String)| if i == 0 { line } else { format!("    {line}") };
    lines.into_iter().enumerate().map(indent).collect()
}

/// The lines above the table: method, what is missing, the independent
/// recount, the cut-off tie.
fn heading(
    computed: &Computed,
    session: &Session,
    lang: Lang,
    color: bool,
    roomy: bool,
) -> Vec<(String, Style)> {
    let ranking = &computed.ranking;
    let mut lines = Vec::new();
    let laureates = ranking.ranking.iter().filter(|r| r.laureate).count();
    lines.push(if ranking.official {
        (
            words::official(
                ranking.method,
                (laureates, ranking.laureates),
                ranking.min_sheets,
                lang,
            ),
            style(Tone::Strong, color),
        )
    } else {
        (
            words::comparison(ranking.method, session.settings.method, lang),
            style(Tone::Warn, color).add_modifier(Modifier::REVERSED),
        )
    });
    let count = |code: WarningCode| ranking.warnings.iter().filter(|w| w.code == code).count();
    if ranking.provisional {
        lines.push((
            words::provisional(
                count(WarningCode::MissingSheet),
                count(WarningCode::PartialSheet),
                count(WarningCode::ChecksumMismatch),
                lang,
            ),
            style(Tone::Warn, color),
        ));
    } else if !ranking.ranking.is_empty() {
        lines.push((
            words::every_sheet_counts(lang).to_string(),
            style(Tone::Good, color),
        ));
    }
    let differs = computed.recount.as_ref().is_some_and(|d| !d.is_empty());
    if !ranking.ranking.is_empty() && (roomy || differs) {
        lines.push(recount_line(computed.recount.as_deref(), lang, color));
    }
    // What `d` does about it: decide the tie again, or withdraw the
    // decision when no tie is left at the cut-off.
    let tie_left = !ranking.cutoff_groups().is_empty();
    for decision in ranking.stale_decisions(&session.decisions) {
        lines.push((
            words::stale_decision(&decision.teams, tie_left, lang),
            style(Tone::Warn, color).add_modifier(Modifier::REVERSED),
        ));
    }
    if let Some(group) = ranking.cutoff_groups().first() {
        lines.push(cutoff_line(ranking, group, lang, color));
    }
    lines
}

/// The independent recount of the ranking shown: it agrees, or the first
/// difference (`podium check` lists them all).
fn recount_line(differences: Option<&[Difference]>, lang: Lang, color: bool) -> (String, Style) {
    let Some(differences) = differences else {
        return (
            crate::words::recount::left_to_check(lang).to_string(),
            style(Tone::Dim, color),
        );
    };
    match differences.first() {
        None => {
            let agrees = crate::words::recount::agrees(lang);
            let mut text = agrees.to_string();
            // A heading line starts with a capital.
            if let Some(first) = agrees.chars().next() {
                text.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
            }
            (text, style(Tone::Good, color))
        }
        Some(first) => (
            crate::words::recount::differs(lang, differences.len(), &first.message(lang)),
            style(Tone::Bad, color).add_modifier(Modifier::REVERSED),
        ),
    }
}

/// The tie at the laureate cut-off: waiting for the jury, or how the
/// jury settled it (who decided and why).
fn cutoff_line(ranking: &Ranking, group: &[&str], lang: Lang, color: bool) -> (String, Style) {
    let teams = group.join(", ");
    let decided = group.first().and_then(|t| ranking.decision_for(t));
    let (tie, tone) = match decided {
        None if !ranking.official => (Cutoff::NotOfficial, Tone::Warn),
        None => (Cutoff::Waiting, Tone::Bad),
        Some(kind) => {
            let decision = group
                .first()
                .and_then(|t| ranking.row(t))
                .and_then(|r| r.decision)
                .and_then(|i| ranking.decisions.get(i));
            (Cutoff::Decided(kind, decision), Tone::Good)
        }
    };
    (words::cutoff(&teams, tie, lang), style(tone, color))
}

/// The laureate mark, in its own colour.
pub fn laureate_style(color: bool) -> Style {
    if color {
        Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

/// A row's marks: laureate, to be decided or decided at the cut-off, too
/// few sheets, no sheet.
pub fn marks(ranking: &Ranking, row: &Row) -> String {
    let mut s = String::new();
    if row.laureate {
        s.push('★');
    }
    if row.at_cutoff {
        s.push(match ranking.decision_for(&row.team) {
            None => '?',
            Some(_) => '!',
        });
    }
    if row.too_few_sheets {
        s.push(if row.sheets == 0 { '∅' } else { '▽' });
    }
    s
}

/// Where the cut-off line goes: before this row index.
pub fn cut_index(ranking: &Ranking) -> Option<usize> {
    let n = ranking.laureates as usize;
    let rows = &ranking.ranking;
    let index = if ranking.cutoff_tie {
        n
    } else {
        rows.iter().position(|r| !r.laureate)?
    };
    (index > 0 && index < rows.len()).then_some(index)
}

struct TableView<'a> {
    session: &'a Session,
    ranking: &'a Ranking,
    /// The bars' range (`Computed::bars`).
    bars: (f64, f64),
    selected: usize,
    lang: Lang,
    color: bool,
}

/// Eighths of a block, for the bars.
const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

fn bar(fraction: f64, width: u16) -> String {
    let eighths = (fraction.clamp(0.0, 1.0) * f64::from(width) * 8.0).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    s.push_str(EIGHTHS[eighths % 8]);
    s
}

impl TableView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 3 || area.width < 30 {
            return;
        }
        let lang = self.lang;
        let color = self.color;
        let ranking = self.ranking;
        let rows = &ranking.ranking;
        let head = style(Tone::Strong, color);
        // Columns: rank, marks, team, name, Département, score, sheets, bar.
        let id_w = rows
            .iter()
            .map(|r| crate::ui::text::width(&r.team))
            .max()
            .unwrap_or(3)
            .clamp(4, 8) as u16;
        let (rank_w, mark_w, score_w, sheets_w) = (4u16, 3u16, 7u16, 6u16);
        let fixed = rank_w + mark_w + id_w + score_w + sheets_w + 6;
        let flexible = area.width.saturating_sub(fixed);
        let bar_w = if flexible >= 50 {
            (flexible / 3).min(40)
        } else {
            flexible.saturating_sub(30).min(12)
        };
        let text_w = flexible.saturating_sub(bar_w + 1);
        let org_w = (text_w * 2 / 5).clamp(6, 16);
        let name_w = text_w.saturating_sub(org_w + 1);
        let columns = [
            (rank_w, words::heading(Column::Rank, lang), true),
            (mark_w, "", false),
            (id_w, words::heading(Column::Team, lang), false),
            (name_w, words::heading(Column::Name, lang), false),
            (org_w, words::heading(Column::Org, lang), false),
            (score_w, words::heading(Column::Score, lang), true),
            (sheets_w, words::heading(Column::Sheets, lang), true),
            (bar_w, "", false),
        ];
        let cells = |cells: [String; 8], y: u16, buf: &mut Buffer, st: [Style; 8]| {
            let mut x = area.x;
            for (i, ((w, _, right), text)) in columns.iter().zip(cells).enumerate() {
                let text = if *right {
                    format!("{text:>width$}", width = usize::from(*w))
                } else {
                    cut(&text, usize::from(*w))
                };
                put(buf, area, x, y, &text, *w, st[i]);
                x += w + 1;
            }
        };
        cells(
            columns.map(|(_, h, _)| h.to_string()),
            area.y,
            buf,
            [head; 8],
        );
        // Lines: the rows, the cut-off line between places N and N+1.
        let cut_at = cut_index(ranking);
        let mut lines: Vec<Option<usize>> = Vec::new();
        for i in 0..rows.len() {
            if cut_at == Some(i) {
                lines.push(None);
            }
            lines.push(Some(i));
        }
        // The legend on two lines only when every row still shows; else
        // on one line, cut (the rows matter more).
        let mut legend: Vec<String> = legend_lines(lang, area.width);
        if legend.len() > 1 && usize::from(area.height) < lines.len() + 1 + legend.len() {
            let whole: Vec<&str> = legend.iter().map(|l| l.trim_start()).collect();
            legend = vec![cut(&whole.join(" "), usize::from(area.width))];
        }
        let height = usize::from(area.height.saturating_sub(1 + legend.len() as u16));
        let selected = self.selected.min(rows.len().saturating_sub(1));
        let sel_line = lines.iter().position(|l| *l == Some(selected)).unwrap_or(0);
        let offset = sel_line
            .saturating_sub(height / 2)
            .min(lines.len().saturating_sub(height));
        let (lo, hi) = self.bars;
        for (k, line) in lines.iter().skip(offset).take(height).enumerate() {
            let y = area.y + 1 + k as u16;
            let Some(i) = *line else {
                let label = words::cutoff_label(ranking.laureates, lang);
                let side =
                    usize::from(area.width).saturating_sub(crate::ui::text::width(&label)) / 2;
                let text = format!("{}{label}{}", "┄".repeat(side), "┄".repeat(side));
                put_line(buf, area, y, &text, style(Tone::Warn, color));
                continue;
            };
            let (texts, st) = self.row(&rows[i], i == selected, bar_w, (lo, hi));
            cells(texts, y, buf, st);
        }
        if lines.len() > height {
            let text = format!("{}/{}", selected + 1, rows.len());
            let w = crate::ui::text::width(&text) as u16;
            put(
                buf,
                area,
                area.right().saturating_sub(w),
                area.y,
                &text,
                w,
                style(Tone::Dim, color),
            );
        }
        put_bottom(buf, area, &legend, style(Tone::Dim, color));
    }

    /// A row's eight cells and their styles.
    fn row(
        &self,
        row: &Row,
        selected: bool,
        bar_w: u16,
        (lo, hi): (f64, f64),
    ) -> ([String; 8], [Style; 8]) {
        let fraction = row
            .score
            .as_ref()
            .map(|s| (s.to_f64() - lo) / (hi - lo))
            .filter(|f| f.is_finite())
            .unwrap_or(if row.score.is_some() { 1.0 } else { 0.0 });
        let texts = [
            rank_label(row),
            marks(self.ranking, row),
            row.team.to_string(),
            row.name.clone(),
            org_name(self.session, &row.org).to_string(),
            figure(row.score.as_ref(), self.lang, "—"),
            row.sheets.to_string(),
            bar(fraction, bar_w),
        ];
        let base = if selected {
            Style::new().add_modifier(Modifier::REVERSED)
        } else if row.too_few_sheets {
            style(Tone::Dim, self.color)
        } else {
            Style::new()
        };
        let mut st = [base; 8];
        if row.laureate {
            st[1] = base.patch(laureate_style(self.color));
            st[2] = st[1];
        } else if row.at_cutoff {
            st[1] = base.patch(style(Tone::Bad, self.color));
        }
        st[7] = if self.color && row.laureate {
            base.fg(Color::Green)
        } else {
            base
        };
        (texts, st)
    }
}

/// The legend under the table, wrapped between its items (no-break spaces
/// inside each) rather than cut: two lines at most.
fn legend_lines(lang: Lang, width: u16) -> Vec<String> {
    let legend = words::legend(lang)
        .split(" · ")
        .map(|item| item.replace(' ', "\u{a0}"))
        .collect::<Vec<_>>()
        .join(" · ");
    let mut lines = wrap_indented(&legend, usize::from(width));
    lines.truncate(2);
    lines
}
