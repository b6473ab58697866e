//! The Setup screen: one line per field (what it is, its value), the
//! selected one highlighted; the text field open on it, or a prompt for a
//! late team's or a juror's name on the first line. Drawing only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::screens::setup::{Purpose, Row, locked, rows, value};
use crate::domain::TeamStatus;
use crate::domain::setup::{Field, Target};
use crate::ui::View;
use crate::ui::text::{Tone, cut, cut_start, put, put_line, style, width};
use crate::words::setup as words;

pub struct SetupScreen<'a>(pub &'a View<'a>);

impl Widget for SetupScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let view = self.0;
        let (app, lang, color) = (view.app, view.lang(), view.theme.color);
        let s = &app.session;
        let all = rows(s);
        let state = &app.setup;
        let selected = state.row.min(all.len().saturating_sub(1));
        // The first line: the text field's prompt, or what the screen is.
        let prompt = match state.editing.as_ref().map(|e| &e.purpose) {
            Some(Purpose::Set(..)) => words::editing_hint(lang),
            Some(Purpose::LateTeam) => words::late_team_prompt(lang),
            Some(Purpose::AddJuror) => words::add_juror_prompt(lang),
            Some(Purpose::Replace(id)) => words::replace_prompt(id, lang),
            None => words::setup_hint(lang),
        };
        let typing_new = matches!(
            state.editing.as_ref().map(|e| &e.purpose),
            Some(Purpose::LateTeam | Purpose::AddJuror | Purpose::Replace(_))
        );
        // A text being typed keeps its end (where the cursor is) in view.
        let first = match (&state.editing, typing_new) {
            (Some(e), true) => {
                let room = usize::from(area.width).saturating_sub(width(&prompt) + 1);
                format!("{prompt} {}", cut_start(&format!("{}▏", e.text), room))
            }
            _ => prompt,
        };
        put_line(buf, area, area.y, &first, style(Tone::Strong, color));
        let list = Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(2),
            ..area
        };
        let visible = usize::from(list.height).max(1);
        let offset = selected.saturating_sub(visible - 1);
        let label_w = (usize::from(area.width) / 3).clamp(12, 36);
        for (i, row) in all.iter().enumerate().skip(offset).take(visible) {
            let y = list.y + (i - offset) as u16;
            let is_selected = i == selected;
            let label = words::row_label(row, lang);
            let (text, tone) = match (row, &state.editing) {
                (_, Some(e)) if is_selected && !typing_new => (format!("{}▏", e.text), Tone::Warn),
                (Row::Criteria, _) => (words::criteria_text(s, lang), Tone::Dim),
                (Row::Field(Target::Settings, Field::TieBreak), _) => {
                    (words::tie_break_text(s, lang), Tone::Plain)
                }
                (Row::Field(target, field), _) => {
                    let v = value(s, target, *field)
                        .map(|v| words::value(&v, lang))
                        .unwrap_or_default();
                    let withdrawn = matches!(target, Target::Team(id)
                        if s.team(id).is_some_and(|t| t.status == TeamStatus::Withdrawn));
                    let v = if withdrawn {
                        format!("{v}  {}", words::withdrawn(lang))
                    } else {
                        v
                    };
                    (v, Tone::Plain)
                }
            };
            let text = if locked(s, row) {
                format!("{text}  🔒 {}", words::locked_why(lang))
            } else {
                text
            };
            let marker = if is_selected { "▶ " } else { "  " };
            let head = format!("{marker}{}", cut(&label, label_w));
            let st = if is_selected {
                view.theme.selected()
            } else {
                style(Tone::Plain, color)
            };
            put(buf, list, list.x, y, &head, list.width, st);
            let x = list.x + (label_w + 3).min(usize::from(list.width)) as u16;
            let room = list.right().saturating_sub(x);
            let typed = is_selected && state.editing.is_some() && !typing_new;
            let text = if typed {
                cut_start(&text, usize::from(room))
            } else {
                cut(&text, usize::from(room))
            };
            let st = if is_selected { st } else { style(tone, color) };
            put(buf, list, x, y, &text, room, st);
        }
    }
}

#[cfg(test)]
#[path = "setup_tests.rs"]
mod tests;
