//! Big digits (tui-big-text) in the largest size that fits the area,
//! scaled up beyond the font's full size on a large projector terminal.

use font8x8::UnicodeFonts;
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

/// The largest rendering of `chars` characters that fits `width`×`height`
/// (counted wide enough that no text overflows the count).
pub fn fit(chars: u16, width: u16, height: u16) -> Option<Fit> {
    let (chars, width, height) = (u32::from(chars), u32::from(width), u32::from(height));
    let cells = |w: u16| chars * u32::from(w);
    let made = |size, scale: u32, w: u32, h: u32| {
        Some(Fit {
            size,
            scale: u16::try_from(scale).ok()?,
            width: u16::try_from(w).ok()?,
            height: u16::try_from(h).ok()?,
        })
    };
    let (w, h) = glyph(PixelSize::Full);
    let scale = (width / cells(w).max(1)).min(height / u32::from(h));
    if scale >= 2 {
        return made(
            PixelSize::Full,
            scale,
            cells(w) * scale,
            u32::from(h) * scale,
        );
    }
    SIZES.iter().find_map(|&size| {
        let (w, h) = glyph(size);
        let h = u32::from(h);
        (cells(w) <= width && h <= height)
            .then(|| made(size, 1, cells(w), h))
            .flatten()
    })
}

/// The fonts the big text draws from (those of `tui-big-text`).
const FONTS: [&dyn UnicodeFonts; 8] = [
    &font8x8::BASIC_FONTS,
    &font8x8::LATIN_FONTS,
    &font8x8::HIRAGANA_FONTS,
    &font8x8::GREEK_FONTS,
    &font8x8::BLOCK_FONTS,
    &font8x8::BOX_FONTS,
    &font8x8::MISC_FONTS,
    &font8x8::SGA_FONTS,
];

/// Whether every character of `text` has a big glyph. A name in Chinese,
/// Hebrew or with an emoji has none (it would be drawn blank), and an
/// accent typed as a combining mark would be dropped (`é` as `e`).
pub fn drawable(text: &str) -> bool {
    text.chars()
        .all(|c| FONTS.iter().any(|font| font.get(c).is_some()))
}

/// Draw `text` big, centred in `area`. Returns the rows used, or `None`
/// when even the smallest size does not fit, or when a character has no
/// big glyph (the caller then writes the text plainly).
pub fn render(text: &str, style: Style, area: Rect, buf: &mut Buffer) -> Option<Rect> {
    if !drawable(text) {
        return None;
    }
    let chars = u16::try_from(text.chars().count()).ok()?;
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
        // Far too long: none, never an overflow.
        assert_eq!(fit(34_464, 200, 60), None);
        assert_eq!(fit(u16::MAX, u16::MAX, u16::MAX), None);
        assert!(fit(16_000, u16::MAX, 8).is_some());
        let area = Rect::new(0, 0, 200, 60);
        let mut buf = Buffer::empty(area);
        let huge = "W".repeat(100_000);
        assert_eq!(render(&huge, Style::new(), area, &mut buf), None);
    }

    #[test]
    fn only_a_text_the_font_has_is_drawn_big() {
        for ok in ["3:00", "Café Noël", "Ωmega", "À l'écoute !"] {
            assert!(drawable(ok), "{ok}");
        }
        for blank in ["東京", "שלום", "Go 🚀", "Cafe\u{301}", "a\u{200d}b"] {
            assert!(!drawable(blank), "{blank}");
            let area = Rect::new(0, 0, 120, 20);
            let mut buf = Buffer::empty(area);
            assert_eq!(render(blank, Style::new(), area, &mut buf), None);
            assert_eq!(buf, Buffer::empty(area), "{blank}: nothing drawn");
        }
    }

    /// The accented letters French needs have glyphs of their own in the
    /// big font (font8x8's Latin-1 table, through tui-big-text): each is
    /// drawn, and drawn unlike its bare letter (the accent is there).
    #[test]
    fn french_accented_letters_are_drawn_with_their_accent() {
        let drawn = |c: char| {
            let area = Rect::new(0, 0, 8, 8);
            let mut buf = Buffer::empty(area);
            render(&c.to_string(), Style::new(), area, &mut buf).expect("drawn big");
            buf
        };
        let letters = "ÉÈÊËÀÂÇÔÎÏÛÙÜéèêëàâçôîïûùü";
        let bare = "EEEEAACOIIUUUeeeeaacoiiuuu";
        for (accented, plain) in letters.chars().zip(bare.chars()) {
            assert!(drawable(&accented.to_string()), "{accented}");
            assert_ne!(drawn(accented), drawn(plain), "{accented} drawn as {plain}");
        }
        assert!(drawable("Palmarès") && drawable("8e lauréat"));
        // The accent sits above the letter: Palmarès' è differs from e on
        // its top rows only.
        let (e, e_grave) = (drawn('e'), drawn('è'));
        let row = |b: &Buffer, y: u16| {
            (0..8)
                .map(|x| b[(x, y)].symbol().to_string())
                .collect::<String>()
        };
        assert_ne!(row(&e, 0), row(&e_grave, 0));
        assert!((2..8).all(|y| row(&e, y) == row(&e_grave, y)));
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
