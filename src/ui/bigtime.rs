//! Big digits (tui-big-text) in the largest size that fits the area,
//! scaled up beyond the font's full size on a large projector terminal.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// Pixel sizes from the largest glyph to the smallest.
const SIZES: [PixelSize; 5] = [
    PixelSize::Full,
    PixelSize::HalfHeight,
    PixelSize::Quadrant,
    PixelSize::Sextant,
    PixelSize::Octant,
];

/// Cells one glyph takes at a pixel size.
fn glyph(size: PixelSize) -> (u16, u16) {
    match size {
        PixelSize::Full => (8, 8),
        PixelSize::HalfHeight => (8, 4),
        PixelSize::HalfWidth => (4, 8),
        PixelSize::Quadrant => (4, 4),
        PixelSize::ThirdHeight => (8, 3),
        PixelSize::Sextant => (4, 3),
        PixelSize::QuarterHeight => (8, 2),
        _ => (4, 2), // Octant
    }
}

/// How a text is drawn big in an area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fit {
    pub size: PixelSize,
    /// Each cell of the full-size glyph drawn as `scale`×`scale` cells.
    pub scale: u16,
    pub width: u16,
    pub height: u16,
}

/// The largest rendering of `chars` characters that fits `width`×`height`.
pub fn fit(chars: u16, width: u16, height: u16) -> Option<Fit> {
    let (w, h) = glyph(PixelSize::Full);
    let scale = (width / (chars * w).max(1)).min(height / h);
    if scale >= 2 {
        return Some(Fit {
            size: PixelSize::Full,
            scale,
            width: chars * w * scale,
            height: h * scale,
        });
    }
    SIZES.iter().find_map(|size| {
        let (w, h) = glyph(*size);
        (chars * w <= width && h <= height).then_some(Fit {
            size: *size,
            scale: 1,
            width: chars * w,
            height: h,
        })
    })
}

/// Draw `text` big, centred in `area`. Returns the rows used, or `None`
/// when even the smallest size does not fit.
pub fn render(text: &str, style: Style, area: Rect, buf: &mut Buffer) -> Option<Rect> {
    let chars = text.chars().count() as u16;
    let fit = fit(chars, area.width, area.height)?;
    let x = area.x + (area.width - fit.width) / 2;
    let y = area.y + (area.height - fit.height) / 2;
    let target = Rect::new(x, y, fit.width, fit.height);
    let big = BigText::builder()
        .pixel_size(fit.size)
        .style(style)
        .lines(vec![Line::from(text.to_string())])
        .build();
    if fit.scale == 1 {
        big.render(target, buf);
        return Some(target);
    }
    let small = Rect::new(0, 0, fit.width / fit.scale, fit.height / fit.scale);
    let mut scratch = Buffer::empty(small);
    big.render(small, &mut scratch);
    for sy in 0..small.height {
        for sx in 0..small.width {
            let cell = scratch[(sx, sy)].clone();
            for dy in 0..fit.scale {
                for dx in 0..fit.scale {
                    let (tx, ty) = (x + sx * fit.scale + dx, y + sy * fit.scale + dy);
                    buf[(tx, ty)] = cell.clone();
                }
            }
        }
    }
    Some(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_size_that_fits() {
        // "3:00" at 80×12: full size, 32×8.
        let f = fit(4, 80, 12).unwrap();
        assert_eq!(
            (f.size, f.scale, f.width, f.height),
            (PixelSize::Full, 1, 32, 8)
        );
        // A projector terminal: scaled up.
        let f = fit(4, 200, 30).unwrap();
        assert_eq!((f.scale, f.width, f.height), (3, 96, 24));
        // Short of height: half height.
        assert_eq!(fit(4, 80, 5).unwrap().size, PixelSize::HalfHeight);
        // Short of width: quadrants.
        assert_eq!(fit(6, 30, 8).unwrap().size, PixelSize::Quadrant);
        assert_eq!(fit(6, 3, 1), None);
    }

    #[test]
    fn scaled_digits_fill_their_cells() {
        let area = Rect::new(0, 0, 100, 20);
        let mut buf = Buffer::empty(area);
        let used = render("1", Style::new(), area, &mut buf).unwrap();
        assert_eq!((used.width, used.height), (16, 16));
        let filled = (0..20)
            .flat_map(|y| (0..100).map(move |x| (x, y)))
            .filter(|p| buf[*p].symbol() == "█")
            .count();
        assert!(
            filled > 0 && filled % 4 == 0,
            "{filled} cells, in 2×2 blocks"
        );
    }
}
