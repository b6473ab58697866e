//! The history view: who changed what and when, newest last, scrolled from
//! the end. Drawing only; the lines come from `words::history`, already
//! made safe for a terminal.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::screens::history::HistoryView;
use crate::domain::history;
use crate::ui::View;
use crate::ui::text::{Tone, put_line, style, wrap_indented};
use crate::words::history as words;

pub struct HistoryScreen<'a> {
    pub view: &'a View<'a>,
    pub history: &'a HistoryView,
}

impl Widget for HistoryScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 3 {
            return;
        }
        let app = self.view.app;
        let (lang, color) = (self.view.lang(), self.view.theme.color);
        let team = self.history.team.as_ref().map(|t| {
            let name = app.session.team(t).map_or("", |t| t.name.as_str());
            format!("{t} {name}")
        });
        let title = crate::words::for_terminal(&words::title(team.as_deref(), lang)).into_owned();
        put_line(buf, area, area.y, &title, style(Tone::Strong, color));
        let body = Rect {
            y: area.y + 2,
            height: area.height - 2,
            ..area
        };
        let lines = match &self.history.read {
            None => vec![words::reading(lang).to_string()],
            Some(Err(error)) => vec![crate::words::for_terminal(&error.message(lang)).into_owned()],
            Some(Ok(ops)) => {
                let entries = history::entries(ops, &self.history.filter());
                let filtered = self.history.team.is_some();
                words::lines(&entries, &app.session, app.offset, filtered, lang)
            }
        };
        // A long line goes on, indented, on the next rows.
        let width = usize::from(body.width);
        let wrapped: Vec<Vec<String>> = lines.iter().map(|l| wrap_indented(l, width)).collect();
        let rows = shown(&wrapped, self.history.from_end, usize::from(body.height));
        for (i, row) in rows.iter().enumerate() {
            put_line(buf, body, body.y + i as u16, row, style(Tone::Plain, color));
        }
    }
}

/// The rows shown: the lines ending `from_end` lines before the newest,
/// as many as fit; room left (scrolled to the top) takes the lines after.
fn shown(lines: &[Vec<String>], from_end: usize, rows: usize) -> Vec<&String> {
    let end = lines.len().saturating_sub(from_end);
    let mut used = 0;
    let mut before: Vec<&Vec<String>> = Vec::new();
    for line in lines[..end].iter().rev() {
        if used + line.len() > rows {
            break;
        }
        used += line.len();
        before.push(line);
    }
    before.reverse();
    for line in &lines[end..] {
        if used + line.len() > rows {
            break;
        }
        used += line.len();
        before.push(line);
    }
    before.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests;
