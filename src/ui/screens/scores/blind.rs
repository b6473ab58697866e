//! The grid's blind double entry: the second entry typed with the first
//! hidden, then the differences to settle. Drawing only.
//!
//! Text alone tells every state apart: the cursor cell is in brackets, a
//! value being saved ends with `…`, a cell whose juror does not score the
//! team shows `—`, the selected difference starts with `›`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;

use crate::app::screens::scores::blind::Blind;
use crate::domain::double_entry::{self, Comparison, Standing};
use crate::domain::{CriterionId, JurorId, Lang, Session, Team, TeamId};
use crate::ui::text::{Tone, cut, put, put_bottom, put_line, right, style, two_lines, width};
use crate::words::double_entry as words;
use crate::words::grid::{self, Label};
use crate::words::number::dec;

/// Everything the blind mode needs to draw one frame.
pub struct BlindView<'a> {
    pub session: &'a Session,
    pub blind: &'a Blind,
    pub lang: Lang,
    /// Projector mode: no value is drawn.
    pub projector: bool,
    pub color: bool,
}

impl Widget for BlindView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 6 || area.width < 40 {
            return;
        }
        let s = self.session;
        let Some(team) = self.blind.team.as_ref().and_then(|t| s.team(t)) else {
            return;
        };
        let comparison = double_entry::compare(s, &team.id);
        self.title(buf, area, team, &comparison);
        if self.projector {
            let text = grid::label(Label::ScoresHidden, self.lang);
            put_line(buf, area, area.y + 2, text, style(Tone::Warn, self.color));
            return;
        }
        let bottom = self.bottom_lines(area);
        let body = Rect {
            height: area.height.saturating_sub(bottom.len() as u16),
            ..area
        };
        if self.blind.settling {
            self.differences(buf, body, &comparison);
        } else {
            put_line(
                buf,
                body,
                body.y + 1,
                words::typing_help(self.lang),
                style(Tone::Dim, self.color),
            );
            self.table(buf, body, team);
        }
        let tone = if self.blind.status.is_some() {
            Tone::Warn
        } else {
            Tone::Plain
        };
        put_bottom(buf, area, &bottom, style(tone, self.color));
    }
}

impl BlindView<'_> {
    /// The mode, the team, and where its double entry stands.
    fn title(&self, buf: &mut Buffer, area: Rect, team: &Team, comparison: &Comparison) {
        let lang = self.lang;
        let left = format!("{} · {} · {}", words::title(lang), team.id, team.name);
        let standing = words::standing(comparison.standing(), lang);
        let right_w = width(&standing) as u16;
        let tone = if comparison.verified_twice() {
            Tone::Good
        } else {
            Tone::Plain
        };
        put(
            buf,
            area,
            area.x,
            area.y,
            &left,
            area.width.saturating_sub(right_w + 2),
            style(Tone::Strong, self.color),
        );
        let x = area.right().saturating_sub(right_w);
        put(
            buf,
            area,
            x,
            area.y,
            &standing,
            right_w,
            style(tone, self.color),
        );
    }

    /// The status, or the third value being typed (one or two lines).
    fn bottom_lines(&self, area: Rect) -> Vec<String> {
        let lang = self.lang;
        let text = match (&self.blind.status, self.blind.settling) {
            (Some(status), _) => words::status(status, lang),
            (None, true) if !self.blind.input.is_empty() => words::third(&self.blind.input, lang),
            (None, _) => String::new(),
        };
        two_lines(&text, usize::from(area.width))
    }

    /// Jurors × criteria: only the second entry's own values.
    fn table(&self, buf: &mut Buffer, area: Rect, team: &Team) {
        let s = self.session;
        let (lang, color) = (self.lang, self.color);
        let head = style(Tone::Strong, color);
        let criteria = s.criteria.len().max(1) as u16;
        let name_w = (area.width / 3).clamp(12, 28);
        let cell_w = (area.width.saturating_sub(name_w) / criteria).clamp(6, 16);
        let y = area.y + 3;
        put(
            buf,
            area,
            area.x,
            y,
            grid::label(Label::JurorHead, lang),
            name_w,
            head,
        );
        for (i, c) in s.criteria.iter().enumerate() {
            let x = area.x + name_w + i as u16 * cell_w;
            let label = right(&cut(&c.label, usize::from(cell_w - 1)), usize::from(cell_w));
            put(buf, area, x, y, &label, cell_w, head);
        }
        let rows = usize::from(area.bottom().saturating_sub(y + 1));
        let offset = (self.blind.row + 1).saturating_sub(rows);
        for (i, juror) in s.jurors.iter().enumerate().skip(offset).take(rows) {
            let y = y + 1 + (i - offset) as u16;
            let here = i == self.blind.row;
            let expected = s.expects(team, juror);
            let tone = if expected { Tone::Plain } else { Tone::Dim };
            let marker = if here { "›" } else { " " };
            let name = format!("{marker}{} {}", juror.id, juror.name);
            put(buf, area, area.x, y, &name, name_w - 1, style(tone, color));
            for (j, c) in s.criteria.iter().enumerate() {
                let cursor = here && j == self.blind.col;
                let text = self.cell_text(&juror.id, &c.id, expected, cursor);
                let mut st = style(tone, color);
                if cursor {
                    st = st.add_modifier(Modifier::REVERSED);
                }
                let x = area.x + name_w + j as u16 * cell_w;
                put(
                    buf,
                    area,
                    x,
                    y,
                    &right(&text, usize::from(cell_w)),
                    cell_w,
                    st,
                );
            }
        }
    }

    /// One cell: brackets at the cursor, `…` while saving, `—` not scored.
    fn cell_text(
        &self,
        juror: &JurorId,
        criterion: &CriterionId,
        expected: bool,
        cursor: bool,
    ) -> String {
        let blind = self.blind;
        let shown = if !expected {
            "—".to_string()
        } else if cursor && !blind.input.is_empty() {
            format!("{}_", blind.input)
        } else {
            match blind.value(self.session, juror, criterion) {
                Some(v) if blind.is_pending(juror, criterion) => format!("{}…", dec(v, self.lang)),
                Some(v) => dec(v, self.lang),
                None => "·".to_string(),
            }
        };
        if cursor {
            format!("[{shown}]")
        } else {
            format!("{shown} ")
        }
    }

    /// The differences to settle, one per line, the selected one marked.
    fn differences(&self, buf: &mut Buffer, area: Rect, comparison: &Comparison) {
        let s = self.session;
        let (lang, color) = (self.lang, self.color);
        let list = &comparison.differences;
        if list.is_empty() {
            let text = words::nothing_differs(comparison.verified_twice(), lang);
            let tone = if comparison.verified_twice() {
                Tone::Good
            } else {
                Tone::Dim
            };
            put_line(buf, area, area.y + 2, text, style(tone, color));
            return;
        }
        let help = words::settling_help(list.len(), lang);
        for (i, line) in two_lines(&help, usize::from(area.width)).iter().enumerate() {
            put_line(
                buf,
                area,
                area.y + 1 + i as u16,
                line,
                style(Tone::Dim, color),
            );
        }
        let y = area.y + 3;
        let juror_w = (area.width / 3).clamp(12, 30);
        let crit_w = (area.width / 4).clamp(10, 24);
        let value_w = 12;
        let xs = [
            area.x,
            area.x + juror_w,
            area.x + juror_w + crit_w,
            area.x + juror_w + crit_w + value_w,
        ];
        let head = style(Tone::Strong, color);
        let [a, b, c, d] = words::columns(lang);
        put(buf, area, xs[0] + 1, y, a, juror_w, head);
        put(buf, area, xs[1], y, b, crit_w, head);
        put(
            buf,
            area,
            xs[2],
            y,
            &right(c, usize::from(value_w) - 1),
            value_w,
            head,
        );
        put(
            buf,
            area,
            xs[3],
            y,
            &right(d, usize::from(value_w) - 1),
            value_w,
            head,
        );
        let rows = usize::from(area.bottom().saturating_sub(y + 1));
        let selected = self.blind.selected.min(list.len() - 1);
        let offset = (selected + 1).saturating_sub(rows);
        for (i, diff) in list.iter().enumerate().skip(offset).take(rows) {
            let y = y + 1 + (i - offset) as u16;
            let here = i == selected;
            let mut st = style(Tone::Plain, color);
            if here {
                st = st.add_modifier(Modifier::REVERSED);
            }
            let juror = s
                .juror(&diff.juror)
                .map_or(diff.juror.to_string(), |j| format!("{} {}", j.id, j.name));
            let criterion = s
                .criterion(&diff.criterion)
                .map_or(diff.criterion.as_str(), |c| &c.label);
            let marker = if here { "›" } else { " " };
            let first = words::value(diff.first, lang);
            let second = words::second(diff, lang);
            put(
                buf,
                area,
                xs[0],
                y,
                &format!("{marker}{juror}"),
                juror_w - 1,
                st,
            );
            put(buf, area, xs[1], y, criterion, crit_w - 1, st);
            let w = usize::from(value_w) - 1;
            put(buf, area, xs[2], y, &right(&first, w), value_w, st);
            put(buf, area, xs[3], y, &right(&second, w), value_w, st);
        }
    }
}

/// The Completeness board's line: the teams nearest the cut-off first,
/// each with where its double entry stands.
pub fn board_line(session: &Session, blind: &Blind, lang: Lang) -> String {
    let teams: Vec<String> = blind
        .cutoff
        .order(session)
        .iter()
        .take(12)
        .map(|team| {
            let standing = double_entry::compare(session, team).standing();
            match words::standing(standing, lang) {
                text if text.is_empty() => team.to_string(),
                _ if standing == Standing::VerifiedTwice => format!("{team} {}", words::TWICE),
                text => format!("{team} ({text})"),
            }
        })
        .collect();
    words::board_line(&teams, session.is_sealed(), lang)
}

/// A team's name on the Completeness board, `2×` before it once verified
/// twice.
pub fn board_name(session: &Session, team: &TeamId, marker: &str, name: &str) -> String {
    if double_entry::verified_twice(session, team) {
        format!("{marker}{} {name}", words::TWICE)
    } else {
        format!("{marker}{name}")
    }
}

#[cfg(test)]
mod tests;
