//! The completeness board: teams × jurors, each pair's state as one mark,
//! with counts per team and per juror. Drawing only.
//!
//! Every state has its own character, so the board reads without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use crate::app::screens::completeness::Board;
use crate::app::screens::scores::blind::Blind;
use crate::domain::PairState;
use crate::domain::scoring::{self, Counts};
use crate::domain::{Lang, Session};

use crate::ui::text::{Tone, join_wrapped, put, put_line, style};
use crate::words::completeness::{self as words, Label};
use crate::words::grid::sheets_count;

pub struct BoardView<'a> {
    pub session: &'a Session,
    pub board: &'a Board,
    /// The blind double entry (the teams nearest the cut-off).
    pub blind: &'a Blind,
    pub lang: Lang,
    pub color: bool,
}

/// The mark of a state, and how it stands out.
pub fn mark(state: PairState) -> (&'static str, Tone) {
    match state {
        PairState::Empty => ("·", Tone::Dim),
        PairState::Partial => ("½", Tone::Warn),
        PairState::Entered => ("✓", Tone::Good),
        PairState::Mismatch => ("≠", Tone::Bad),
        PairState::Verified => ("V", Tone::Good),
        PairState::Absent => ("A", Tone::Dim),
        PairState::Recused | PairState::AutoRecused => ("R", Tone::Dim),
        PairState::Withdrawn => ("-", Tone::Dim),
    }
}

/// The legend, each mark with its meaning and its count over the board.
fn legend(c: &Counts, lang: Lang) -> Vec<String> {
    let items: [(PairState, usize); 7] = [
        (PairState::Empty, c.empty),
        (PairState::Partial, c.partial),
        (PairState::Entered, c.entered),
        (PairState::Mismatch, c.mismatch),
        (PairState::Verified, c.verified),
        (PairState::Absent, c.absent),
        (PairState::Recused, c.recused),
    ];
    let mut all: Vec<String> = items
        .iter()
        .map(|(s, n)| format!("{} {} {n}", mark(*s).0, words::legend(*s, lang)))
        .collect();
    let twice = crate::words::double_entry::verified_twice(lang);
    all.push(format!("{} {twice}", crate::words::double_entry::TWICE));
    all
}

const CELL_W: u16 = 3;
const COUNT_W: u16 = 7;
const MISSING_W: u16 = 7;

/// Where the board's columns go: the team, one cell per juror (as many as
/// fit), the counts.
#[derive(Clone, Copy)]
struct Columns {
    team_w: u16,
    cells_x: u16,
    cell_w: u16,
    /// Jurors shown, and left out.
    fit: u16,
    hidden: u16,
    count_x: u16,
    missing_x: u16,
}

impl Columns {
    fn of(board: &scoring::Board, area: Rect) -> Columns {
        let id_len = board
            .jurors
            .iter()
            .map(|j| crate::ui::text::width(j))
            .max()
            .unwrap_or(2);
        let mut cell_w = (id_len as u16 + 1).clamp(CELL_W, 5);
        let jurors = board.jurors.len() as u16;
        let team_min: u16 = 18;
        let fixed = COUNT_W + MISSING_W + 2;
        let mut fit = (area.width.saturating_sub(team_min + fixed) / cell_w).min(jurors);
        if fit < jurors {
            // Room for the "+N" of the jurors left out.
            fit = (area.width.saturating_sub(team_min + fixed + 5) / cell_w).min(jurors);
        }
        let hidden = jurors - fit;
        if hidden == 0 && jurors > 0 {
            // Wide screens: wider cells, up to 6.
            let room = area.width.saturating_sub(28 + fixed) / jurors;
            cell_w = room.clamp(cell_w, 6);
        }
        let team_w = area
            .width
            .saturating_sub(fixed + fit * cell_w + if hidden > 0 { 5 } else { 0 })
            .min(32);
        let cells_x = area.x + team_w;
        let count_x = cells_x + fit * cell_w + if hidden > 0 { 5 } else { 0 } + 1;
        Columns {
            team_w,
            cells_x,
            cell_w,
            fit,
            hidden,
            count_x,
            missing_x: count_x + COUNT_W + 1,
        }
    }

    /// One text per juror shown, right-aligned in its cell.
    fn cells(&self, buf: &mut Buffer, area: Rect, y: u16, texts: &[(String, Style)]) {
        for (j, (text, st)) in texts.iter().take(usize::from(self.fit)).enumerate() {
            let x = self.cells_x + j as u16 * self.cell_w;
            let text = format!("{text:>width$}", width = usize::from(self.cell_w));
            put(buf, area, x, y, &text, self.cell_w, *st);
        }
    }

    /// The two counts, right-aligned.
    fn counts(
        &self,
        buf: &mut Buffer,
        area: Rect,
        y: u16,
        (done, missing): (&str, &str),
        st: (Style, Style),
    ) {
        let done = format!("{done:>7}");
        put(buf, area, self.count_x, y, &done, COUNT_W, st.0);
        let missing = format!("{missing:>7}");
        put(buf, area, self.missing_x, y, &missing, MISSING_W, st.1);
    }
}

impl Widget for BoardView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 8 || area.width < 40 {
            return;
        }
        let lang = self.lang;
        let color = self.color;
        let board = scoring::board(self.session);
        let head = style(Tone::Strong, color);

        let title = format!(
            "{} — {}",
            crate::words::screens::title(crate::app::Screen::Completeness, lang),
            sheets_count(board.total.done(), board.total.expected(), lang)
        );
        put_line(buf, area, area.y, &title, head);
        let line = super::scores::blind::board_line(self.session, self.blind, lang);
        put_line(buf, area, area.y + 1, &line, style(Tone::Dim, color));

        let cols = Columns::of(&board, area);
        let y = area.y + 2;
        put(
            buf,
            area,
            area.x,
            y,
            words::label(Label::Team, lang),
            cols.team_w,
            head,
        );
        let ids: Vec<(String, Style)> =
            board.jurors.iter().map(|j| (j.to_string(), head)).collect();
        cols.cells(buf, area, y, &ids);
        if cols.hidden > 0 {
            let x = cols.cells_x + cols.fit * cols.cell_w + 1;
            put(buf, area, x, y, &format!("+{}", cols.hidden), 4, head);
        }
        let titles = (
            words::label(Label::Sheets, lang),
            words::label(Label::Missing, lang),
        );
        cols.counts(buf, area, y, titles, (head, head));

        // Rows below: per-juror counts, then the legend with its counts.
        let top = y + 1;
        let key = join_wrapped(&legend(&board.total, lang), usize::from(area.width));
        let rows = area.bottom().saturating_sub(top + 1 + key.len() as u16);
        let selected = self.board.row.min(board.rows.len().saturating_sub(1));
        let offset = (selected + 1).saturating_sub(usize::from(rows));
        let mut y = top;
        for (i, row) in board
            .rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(usize::from(rows))
        {
            self.team_row(buf, area, &cols, y, row, i == selected);
            y += 1;
        }

        // Per juror: sheets still missing.
        let label = words::label(Label::MissingByJuror, lang);
        put(buf, area, area.x, y, label, cols.team_w, head);
        let missing: Vec<(String, Style)> = board
            .juror_counts
            .iter()
            .map(|c| match c.missing() {
                0 => ("✓".to_string(), head),
                n => (n.to_string(), head),
            })
            .collect();
        cols.cells(buf, area, y, &missing);
        let t = &board.total;
        let done = format!("{}/{}", t.done(), t.expected());
        cols.counts(
            buf,
            area,
            y,
            (&done, &t.missing().to_string()),
            (head, head),
        );
        for (i, line) in key.iter().enumerate() {
            let st = style(Tone::Dim, color);
            put_line(buf, area, y + 1 + i as u16, line, st);
        }
    }
}

impl BoardView<'_> {
    /// A team's row: its name, a mark per juror, its counts.
    fn team_row(
        &self,
        buf: &mut Buffer,
        area: Rect,
        cols: &Columns,
        y: u16,
        row: &scoring::BoardRow,
        here: bool,
    ) {
        let (lang, color) = (self.lang, self.color);
        let team = self.session.team(&row.team);
        let name = team.map_or(String::new(), |t| format!("{} {}", t.id, t.name));
        let tone = if row.withdrawn {
            Tone::Dim
        } else {
            Tone::Plain
        };
        let mut st = style(tone, color);
        if here {
            st = st.add_modifier(Modifier::REVERSED);
        }
        let marker = if here { "›" } else { " " };
        let name = super::scores::blind::board_name(self.session, &row.team, marker, &name);
        put(
            buf,
            area,
            area.x,
            y,
            &name,
            cols.team_w.saturating_sub(1),
            st,
        );
        let marks: Vec<(String, Style)> = row
            .cells
            .iter()
            .map(|state| {
                let (m, tone) = mark(*state);
                (m.to_string(), style(tone, color))
            })
            .collect();
        cols.cells(buf, area, y, &marks);
        let c = &row.counts;
        if row.withdrawn {
            let text = format!("{:>15}", words::label(Label::Withdrawn, lang));
            let w = COUNT_W + 1 + MISSING_W;
            put(
                buf,
                area,
                cols.count_x,
                y,
                &text,
                w,
                style(Tone::Dim, color),
            );
        } else {
            let done = format!("{}/{}", c.done(), c.expected());
            let tone = if c.missing() == 0 {
                Tone::Good
            } else {
                Tone::Plain
            };
            // The count, verified or not (the cells already say "V").
            let st = (style(tone, color), style(Tone::Plain, color));
            cols.counts(buf, area, y, (&done, &c.missing().to_string()), st);
        }
    }
}

#[cfg(test)]
#[path = "completeness_tests.rs"]
mod tests;
