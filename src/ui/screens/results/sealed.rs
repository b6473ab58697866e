//! What the results screen shows while the results are sealed: a box
//! saying so, that entry goes on, and the key that unseals. No rank, no
//! total, no cut-off line: nothing of the ranking is drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, Borders, Widget};

use crate::app::screens::results::seal_key;
use crate::domain::Lang;
use crate::ui::text::{Tone, put, style, width, wrap};

/// The sealed box, centred in `area`.
pub fn panel(area: Rect, buf: &mut Buffer, lang: Lang, color: bool) {
    let key = crate::words::keys::key(seal_key(true).key, lang);
    let title = crate::words::seal::panel_title(lang);
    let lines = crate::words::seal::panel_lines(&key, lang);
    let inner_width = area.width.saturating_sub(4).min(76);
    let wrapped: Vec<Vec<String>> = lines
        .iter()
        .map(|l| wrap(l, usize::from(inner_width), 3))
        .collect();
    // The text, a blank line between its parts, and the borders.
    let text_lines: u16 = wrapped.iter().map(|w| w.len() as u16).sum();
    let height = (text_lines + wrapped.len() as u16 + 1 + 2).min(area.height);
    let box_width = (inner_width + 4).min(area.width);
    let x = area.x + area.width.saturating_sub(box_width) / 2;
    let y = area.y + area.height.saturating_sub(height) / 2;
    let outer = Rect::new(x, y, box_width, height);
    let warn = style(Tone::Warn, color);
    Block::default()
        .borders(Borders::ALL)
        .border_style(warn)
        .title(format!(" {title} "))
        .title_style(warn.add_modifier(Modifier::REVERSED))
        .render(outer, buf);
    let inner = Rect::new(
        x + 2,
        y + 1,
        box_width.saturating_sub(4),
        height.saturating_sub(2),
    );
    let mut row = inner.y + 1;
    for (i, part) in wrapped.iter().enumerate() {
        let st = match i {
            0 => style(Tone::Strong, color),
            1 => style(Tone::Plain, color),
            _ => style(Tone::Warn, color),
        };
        for line in part {
            let x = inner.x + inner.width.saturating_sub(width(line) as u16) / 2;
            put(buf, inner, x, row, line, inner.width, st);
            row += 1;
        }
        row += 1;
    }
}
