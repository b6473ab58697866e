//! The secretary's score grid: a row per juror, a column per criterion, the
//! live sheet total and the juror's handwritten total. Drawing only.
//!
//! Text alone tells every state apart (NO_COLOR, snapshots): the cursor
//! cell is in brackets, a value being saved ends with `…`, a refused one
//! with `!`; the last column names the sheet's state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;

use crate::app::screens::scores::grid::{CellKey, Column, Grid, default_team};
use crate::domain::scoring::{self, Fill};
use crate::domain::{Juror, Lang, Session, Team};

use crate::ui::text::{Tone, cut, person, put, put_bottom, put_line, right, style, two_lines};
use crate::words::grid::{self as words, Label, SaveMark};
use crate::words::number::dec;

pub mod blind;
pub mod status;
use status::{state_word, status_text, weighted};

/// Everything the grid needs to draw one frame.
pub struct GridView<'a> {
    pub session: &'a Session,
    pub grid: &'a Grid,
    pub lang: Lang,
    /// Projector mode: no score is drawn.
    pub projector: bool,
    /// Whether values typed here are saved (not once the session file
    /// holds another session).
    pub saves: bool,
    /// Colours allowed (off with NO_COLOR and in snapshots).
    pub color: bool,
}

/// Column headers that tell criteria apart in `width` characters: the
/// labels, each cut to the longest prefix that fits, if no two are then
/// alike; else the ids (cut likewise); else the column numbers.
fn headers(criteria: &[crate::domain::Criterion], width: usize) -> Vec<String> {
    let distinct = |v: &[String]| {
        let mut seen = std::collections::HashSet::new();
        v.iter().all(|h| seen.insert(h.as_str()))
    };
    let labels: Vec<String> = criteria.iter().map(|c| cut(&c.label, width)).collect();
    if distinct(&labels) {
        return labels;
    }
    let ids: Vec<String> = criteria.iter().map(|c| cut(&c.id, width)).collect();
    if distinct(&ids) {
        return ids;
    }
    (1..=criteria.len()).map(|i| format!("#{i}")).collect()
}

const TOTAL_W: u16 = 7;
const PAPER_W: u16 = 7;
const STATE_W: u16 = 10;

/// The column layout for one frame.
struct Layout {
    name_w: u16,
    crit_w: u16,
    /// First criterion shown and how many.
    first: usize,
    shown: usize,
}

fn layout(width: u16, criteria: usize, cursor_col: usize, labels: usize) -> Layout {
    let fixed = TOTAL_W + PAPER_W + STATE_W + 3;
    let min_name = 14;
    let min_crit: u16 = 7;
    let room = width.saturating_sub(fixed + min_name);
    let shown = usize::from(room / min_crit)
        .clamp(1, criteria.max(1))
        .min(criteria);
    // Widen criterion columns up to their labels (17 at most) when there is room.
    // Names come first: columns grow only past a 22-character name column.
    let spare = width.saturating_sub(fixed + 22 + min_crit * shown as u16);
    let grow = if shown == 0 {
        0
    } else {
        (spare / shown as u16).min((labels as u16 + 2).saturating_sub(min_crit).min(10))
    };
    let crit_w = min_crit + grow;
    let name_w = width
        .saturating_sub(fixed + crit_w * shown as u16)
        .clamp(min_name.min(width), 28);
    let first = if cursor_col < shown {
        0
    } else if cursor_col >= criteria {
        criteria - shown
    } else {
        cursor_col + 1 - shown
    };
    Layout {
        name_w,
        crit_w,
        first,
        shown,
    }
}

impl Widget for GridView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 6 || area.width < 40 {
            return;
        }
        let lang = self.lang;
        let s = self.session;
        let color = self.color;
        let team_id = self.grid.team.clone().or_else(|| default_team(s));
        let Some(team) = team_id.as_ref().and_then(|t| s.team(t)) else {
            let text = words::label(Label::NoTeam, lang);
            put_line(buf, area, area.y, text, style(Tone::Dim, color));
            return;
        };
        self.title(buf, area, team);
        let y = area.y + 1;
        if self.projector {
            let text = words::label(Label::ScoresHidden, lang);
            put_line(buf, area, y + 1, text, style(Tone::Warn, color));
            return;
        }
        self.notice(buf, area, y, team);
        // A status too long for one line (a question) takes two, the table
        // one row less.
        let (text, tone) = status_text(s, self.grid, team, lang);
        let lines = two_lines(&text, usize::from(area.width));
        let table_area = Rect {
            height: area.height - (lines.len() as u16 - 1),
            ..area
        };
        self.table(buf, table_area, y + 1, team);
        put_bottom(buf, area, &lines, style(tone, color));
    }
}

impl GridView<'_> {
    /// Team, project, organisation; verified and saving marks on the right.
    fn title(&self, buf: &mut Buffer, area: Rect, team: &Team) {
        let lang = self.lang;
        let org = self
            .session
            .organisation(&team.org)
            .map_or(team.org.as_str(), |o| o.name.as_str());
        let mut text = format!("{} · {}", team.id, team.name);
        if !team.project.is_empty() {
            text.push_str(" — ");
            text.push_str(&team.project);
        }
        text.push_str(&format!(" ({org})"));
        let mut marks = Vec::new();
        if self.session.verified.contains(&team.id) {
            let mark = words::label(Label::Verified, lang);
            marks.push((mark.to_string(), Tone::Good));
        }
        if crate::domain::double_entry::verified_twice(self.session, &team.id) {
            let mark = crate::words::double_entry::header_mark(lang);
            marks.push((mark.to_string(), Tone::Good));
        }
        let saving = self.grid.pending.len();
        let save = if !self.saves {
            Some((SaveMark::NothingSaved, Tone::Warn))
        } else if self.projector {
            None
        } else if saving > 0 {
            Some((SaveMark::Saving(saving), Tone::Warn))
        } else {
            Some((SaveMark::Saved, Tone::Dim))
        };
        if let Some((mark, tone)) = save {
            marks.push((words::save_mark(mark, lang), tone));
        }
        let right_text = marks
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>()
            .join("  ");
        let right_w = crate::ui::text::width(&right_text) as u16;
        let left_w = area.width.saturating_sub(right_w + 2);
        put(
            buf,
            area,
            area.x,
            area.y,
            &text,
            left_w,
            style(Tone::Strong, self.color),
        );
        let mut x = area.right().saturating_sub(right_w);
        for (t, tone) in marks {
            put(
                buf,
                area,
                x,
                area.y,
                &t,
                area.width,
                style(tone, self.color),
            );
            x += crate::ui::text::width(&t) as u16 + 2;
        }
    }

    /// The stage has moved on, or the criterion under the cursor.
    fn notice(&self, buf: &mut Buffer, area: Rect, y: u16, team: &Team) {
        let lang = self.lang;
        let s = self.session;
        if let Some(on_stage) = self.grid.stage_moved_on(s) {
            let name = s.team(on_stage).map_or("", |t| t.name.as_str());
            let text = words::stage_moved_on(on_stage, name, &team.id, lang);
            put_line(buf, area, y, &text, style(Tone::Warn, self.color));
            return;
        }
        let text = match s.criteria.get(self.grid.col) {
            Some(c) => words::criterion(c, lang),
            None => words::label(Label::PaperTotal, lang).to_string(),
        };
        // Weighted criteria: the Total column is not what the paper total
        // is checked against; say so when there is room.
        let hint = words::label(Label::PaperIsPlainSum, lang);
        let text = if self.grid.col < s.criteria.len()
            && weighted(s)
            && (crate::ui::text::width(&text) + crate::ui::text::width(hint))
                <= usize::from(area.width)
        {
            format!("{text}{hint}")
        } else {
            text
        };
        put_line(buf, area, y, &text, style(Tone::Dim, self.color));
    }

    fn table(&self, buf: &mut Buffer, area: Rect, y: u16, team: &Team) {
        let lang = self.lang;
        let s = self.session;
        let grid = self.grid;
        let color = self.color;
        let labels = s
            .criteria
            .iter()
            .map(|c| crate::ui::text::width(&c.label))
            .max()
            .unwrap_or(0);
        let lay = layout(area.width, s.criteria.len(), grid.col, labels);
        let head = style(Tone::Strong, color);
        let mut x = area.x;
        put(
            buf,
            area,
            x,
            y,
            words::label(Label::JurorHead, lang),
            lay.name_w,
            head,
        );
        x += lay.name_w + 1;
        let crit_x = x;
        let heads = headers(&s.criteria, usize::from(lay.crit_w - 2));
        for label in heads.iter().skip(lay.first).take(lay.shown) {
            put(
                buf,
                area,
                x,
                y,
                &right(label, usize::from(lay.crit_w - 2)),
                lay.crit_w,
                head,
            );
            x += lay.crit_w;
        }
        if lay.first > 0 {
            put(buf, area, crit_x - 1, y, "‹", 1, head);
        }
        if lay.first + lay.shown < s.criteria.len() {
            put(buf, area, x - 1, y, "›", 1, head);
        }
        let tot_x = x;
        put(
            buf,
            area,
            tot_x,
            y,
            &right("Σ", usize::from(TOTAL_W)),
            TOTAL_W,
            head,
        );
        let paper_x = tot_x + TOTAL_W + 1;
        put(
            buf,
            area,
            paper_x,
            y,
            &right(
                words::label(Label::PaperHead, lang),
                usize::from(PAPER_W - 1),
            ),
            PAPER_W,
            head,
        );
        let state_x = paper_x + PAPER_W + 1;
        put(
            buf,
            area,
            state_x,
            y,
            words::label(Label::StateHead, lang),
            STATE_W,
            head,
        );

        // Rows: keep the cursor's row in view.
        let top = y + 1;
        let rows = area.bottom().saturating_sub(top + 1); // the status line below
        let offset = (grid.row + 1).saturating_sub(usize::from(rows));
        for (i, juror) in s
            .jurors
            .iter()
            .enumerate()
            .skip(offset)
            .take(usize::from(rows))
        {
            let y = top + (i - offset) as u16;
            let xs = (crit_x, tot_x, paper_x, state_x);
            self.juror_row(buf, area, (y, xs), &lay, team, (i, juror));
        }
    }

    /// A juror's row: name, a cell per criterion shown, the total, the
    /// paper total and the sheet's state.
    fn juror_row(
        &self,
        buf: &mut Buffer,
        area: Rect,
        (y, (crit_x, tot_x, paper_x, state_x)): (u16, (u16, u16, u16, u16)),
        lay: &Layout,
        team: &Team,
        (i, juror): (usize, &Juror),
    ) {
        let (lang, s, grid, color) = (self.lang, self.session, self.grid, self.color);
        let excuse = s.excuse(team, juror);
        let here = i == grid.row;
        let name = person(
            &format!("{} ", juror.id),
            &juror.name,
            usize::from(lay.name_w.saturating_sub(1)),
        );
        let name_tone = if here { Tone::Strong } else { Tone::Plain };
        let marker = if here { "›" } else { " " };
        put(buf, area, area.x, y, marker, 1, style(name_tone, color));
        put(
            buf,
            area,
            area.x + 1,
            y,
            &name,
            lay.name_w - 1,
            style(name_tone, color),
        );
        let scored = excuse.is_none();
        let sheet = grid.sheet(s, &team.id, &juror.id);
        let mut x = crit_x;
        for (ci, c) in s
            .criteria
            .iter()
            .enumerate()
            .skip(lay.first)
            .take(lay.shown)
        {
            let key = CellKey {
                team: team.id.clone(),
                juror: juror.id.clone(),
                column: Column::Criterion(c.id.clone()),
            };
            self.cell(
                buf,
                area,
                x,
                y,
                lay.crit_w - 1,
                &key,
                scored,
                here && grid.col == ci,
            );
            x += lay.crit_w;
        }
        let summary = scoring::summarize(&s.criteria, Some(&sheet));
        if scored && summary.fill != Fill::Empty {
            let tone = if summary.fill == Fill::Complete {
                Tone::Strong
            } else {
                Tone::Dim
            };
            // The plain sum, what the paper total is compared with (the
            // weighted total is the results' business).
            let sum = summary.plain_sum.map(|v| dec(v, lang)).unwrap_or_default();
            let text = right(&sum, usize::from(TOTAL_W));
            put(buf, area, tot_x, y, &text, TOTAL_W, style(tone, color));
        }
        let key = CellKey {
            team: team.id.clone(),
            juror: juror.id.clone(),
            column: Column::Handwritten,
        };
        let on_paper = here && grid.col >= s.criteria.len();
        self.cell(
            buf,
            area,
            paper_x - 1,
            y,
            PAPER_W + 1,
            &key,
            scored,
            on_paper,
        );
        let disagrees = scored
            && summary.fill == Fill::Complete
            && scoring::disagreement(s, &team.id, &juror.id, &sheet).is_some();
        let (word, tone) = state_word(excuse, &summary, disagrees, lang);
        put(buf, area, state_x, y, word, STATE_W, style(tone, color));
    }

    /// One value cell of `width` columns: the value right-aligned between
    /// two spaces, or between brackets under the cursor.
    #[allow(clippy::too_many_arguments)]
    fn cell(
        &self,
        buf: &mut Buffer,
        area: Rect,
        x: u16,
        y: u16,
        width: u16,
        key: &CellKey,
        scored: bool,
        cursor: bool,
    ) {
        let lang = self.lang;
        let grid = self.grid;
        // (text, mark after it, tone): the mark takes the closing space.
        let (text, mark, tone) = if !scored {
            ("—".to_string(), " ", Tone::Dim)
        } else if cursor && !grid.input.is_empty() {
            if grid.input_refused {
                (grid.input.clone(), "!", Tone::Bad)
            } else {
                (grid.input.clone(), "_", Tone::Strong)
            }
        } else if grid.refused.as_ref() == Some(key) {
            let v = grid.value(self.session, key).map(|v| dec(v, lang));
            (v.unwrap_or_default(), "!", Tone::Bad)
        } else {
            match grid.value(self.session, key) {
                Some(v) if grid.is_pending(key) => (dec(v, lang), "…", Tone::Warn),
                Some(v) => (dec(v, lang), " ", Tone::Plain),
                None => ("·".to_string(), " ", Tone::Dim),
            }
        };
        let inner = width.saturating_sub(2);
        let shown = if cursor {
            let mark = if mark == " " { "" } else { mark };
            format!("[{}]", right(&format!("{text}{mark}"), usize::from(inner)))
        } else {
            format!(" {}{mark}", right(&text, usize::from(inner)))
        };
        let mut st = style(tone, self.color);
        if cursor {
            st = st.add_modifier(Modifier::REVERSED);
        }
        put(buf, area, x, y, &shown, width, st);
    }
}

#[cfg(test)]
mod screen_tests;
#[cfg(test)]
mod tests;
