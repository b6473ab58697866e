//! How many cells of a terminal a text takes (`unicode-width`): none for a
//! combining accent, two for a CJK character or an emoji. The one count
//! the UI's text kit (`ui::text`) and the reports (their terminal table,
//! the chart's labels) share, with `cut`; nothing that lines text up
//! counts bytes or characters.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How many terminal cells a text takes.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Cut a text to `cells` terminal cells, ending with `…` when cut.
pub fn cut(text: &str, cells: usize) -> String {
    if width(text) <= cells {
        text.to_string()
    } else if cells == 0 {
        String::new()
    } else {
        let (kept, _) = split_at_width(text, cells - 1);
        format!("{kept}…")
    }
}

/// The longest start of `text` that fits `cells` (never half a wide
/// character), and the rest.
pub fn split_at_width(text: &str, cells: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > cells {
            return text.split_at(i);
        }
        used += w;
    }
    (text, "")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// `text` filled with spaces to `cells` cells, on the right (`Left`) or
/// on the left (`Right`); a wider text is left as it is.
pub fn pad(text: &str, cells: usize, align: Align) -> String {
    let fill = " ".repeat(cells.saturating_sub(width(text)));
    match align {
        Align::Left => format!("{text}{fill}"),
        Align::Right => format!("{fill}{text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_cjk_and_emoji_take_their_cells() {
        assert_eq!(width("Cafe\u{301}"), 4);
        assert_eq!(width("東京"), 4);
        assert_eq!(width("🚀"), 2);
        assert_eq!(pad("東京", 6, Align::Left), "東京  ");
        assert_eq!(pad("e\u{301}", 3, Align::Right), "  e\u{301}");
        assert_eq!(pad("wide", 2, Align::Left), "wide");
    }
}
