//! The questions screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::View;

pub struct QuestionsScreen<'a>(pub &'a View<'a>);

impl Widget for &QuestionsScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Line::from(self.0.app.screen.title(self.0.lang())).render(area, buf);
    }
}
