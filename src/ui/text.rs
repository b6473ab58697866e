//! The text kit: how a text is cut, wrapped and put into a buffer, and how
//! a line stands out. Every width is counted in terminal cells
//! (`unicode-width`), never in bytes or characters.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use unicode_width::UnicodeWidthChar;

/// How a line or a cell should stand out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Dim,
    Good,
    Warn,
    Bad,
    Strong,
}

pub fn style(tone: Tone, color: bool) -> Style {
    let s = Style::default();
    match (tone, color) {
        (Tone::Plain, _) => s,
        (Tone::Strong, _) => s.add_modifier(Modifier::BOLD),
        (Tone::Dim, true) => s.fg(Color::DarkGray),
        (Tone::Dim, false) => s.add_modifier(Modifier::DIM),
        (Tone::Good, true) => s.fg(Color::Green),
        (Tone::Warn, true) => s.fg(Color::Yellow).add_modifier(Modifier::BOLD),
        (Tone::Bad, true) => s.fg(Color::Red).add_modifier(Modifier::BOLD),
        (Tone::Good, false) => s,
        (Tone::Warn | Tone::Bad, false) => s.add_modifier(Modifier::BOLD),
    }
}

/// Write `text` on line `y` of `area`, from its left edge, cut to it.
pub fn put_line(buf: &mut Buffer, area: Rect, y: u16, text: &str, st: Style) {
    put(buf, area, area.x, y, text, area.width, st);
}

/// Write `lines` on the last lines of `area`.
pub fn put_bottom(buf: &mut Buffer, area: Rect, lines: &[String], st: Style) {
    let first = area.bottom().saturating_sub(lines.len() as u16);
    for (i, line) in lines.iter().enumerate() {
        put_line(buf, area, first + i as u16, line, st);
    }
}

/// Write `text` at (x, y), cut to `width` cells and to the buffer's area.
pub fn put(buf: &mut Buffer, area: Rect, x: u16, y: u16, text: &str, width: u16, st: Style) {
    if y >= area.bottom() || x >= area.right() {
        return;
    }
    let width = width.min(area.right() - x);
    // A text too long for its room ends with `…` (its trailing blanks are
    // padding, not text).
    let kept = text.trim_end();
    if self::width(kept) > usize::from(width) {
        buf.set_stringn(x, y, cut(kept, usize::from(width)), usize::from(width), st);
    } else {
        buf.set_stringn(x, y, text, usize::from(width), st);
    }
}

use crate::words::width::{Align, pad, split_at_width};
pub use crate::words::width::{cut, width};

/// A person's name in `cells`: in full if it fits, else with the first
/// name cut to its initial (`M. Delcourt`, `J.-P. Roux`), else cut.
/// `prefix` (an id, a marker) stays in front.
pub fn person(prefix: &str, name: &str, cells: usize) -> String {
    let full = format!("{prefix}{name}");
    if width(&full) <= cells {
        return full;
    }
    let name = name.trim();
    let short = match name.split_once(char::is_whitespace) {
        Some((first, last)) => format!("{} {}", initials(first), last.trim_start()),
        None => name.to_string(),
    };
    cut(&format!("{prefix}{short}"), cells)
}

/// `Martine` → `M.`, `Jean-Pierre` → `J.-P.`.
fn initials(first: &str) -> String {
    first
        .split('-')
        .filter_map(|part| part.chars().next())
        .map(|c| format!("{c}."))
        .collect::<Vec<_>>()
        .join("-")
}

/// Cut a text to `cells` cells at a word boundary, ending with `…` when
/// cut (a single word too long for the room is cut inside it).
pub fn cut_words(text: &str, cells: usize) -> String {
    if width(text) <= cells {
        return text.to_string();
    }
    let (head, rest) = split_at_width(text, cells.saturating_sub(1));
    // The head ends on a whole word when the rest starts a new one.
    let whole = if rest.starts_with(' ') {
        head.len()
    } else {
        head.rfind(' ').unwrap_or(0)
    };
    match head[..whole].trim_end() {
        "" => cut(text, cells),
        kept => format!("{kept}…"),
    }
}

/// Cut a text from its start to `cells` cells, beginning with `…` when
/// cut: the end of a long text stays in view.
pub fn cut_start(text: &str, cells: usize) -> String {
    if width(text) <= cells {
        return text.to_string();
    }
    if cells == 0 {
        return String::new();
    }
    let tail = right(text, cells - 1);
    format!("…{}", tail.trim_start_matches(' '))
}

/// Right-align `text` in `cells` cells (cut from the left if too long).
pub fn right(text: &str, cells: usize) -> String {
    let w = width(text);
    if w <= cells {
        return pad(text, cells, Align::Right);
    }
    let mut skip = w - cells;
    let mut start = text.len();
    for (i, c) in text.char_indices() {
        if skip == 0 {
            start = i;
            break;
        }
        skip = skip.saturating_sub(c.width().unwrap_or(0));
    }
    text[start..].to_string()
}

/// Word-wrap a text to `cells` columns, at most `max` lines (the last one
/// cut with an ellipsis); a word longer than a line is split.
pub fn wrap(text: &str, cells: usize, max: usize) -> Vec<String> {
    let cells = cells.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word;
        loop {
            let used = width(&line);
            let gap = usize::from(used > 0);
            if used + gap + width(word) <= cells {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            let (head, rest) = split_at_width(word, cells);
            // A character wider than the line still goes somewhere.
            let (head, rest) = if head.is_empty() {
                word.split_at(word.chars().next().map_or(word.len(), char::len_utf8))
            } else {
                (head, rest)
            };
            lines.push(head.to_string());
            word = rest;
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.push('…');
            *last = cut(last, cells);
        }
    }
    lines
}

/// A line broken at spaces to fit `cells`; continuation lines are
/// indented one step (four cells) deeper than the line itself. A line
/// that fits, or a column narrower than 16 cells, stays whole.
pub fn wrap_indented(text: &str, cells: usize) -> Vec<String> {
    if width(text) <= cells || cells < 16 {
        return vec![text.to_string()];
    }
    let lead = text.chars().take_while(|c| *c == ' ').count();
    let mut out: Vec<String> = Vec::new();
    let mut line = " ".repeat(lead);
    let mut first = true;
    for word in text.trim_start_matches(' ').split(' ') {
        if !first && width(&line) + 1 + width(word) > cells {
            out.push(std::mem::replace(&mut line, " ".repeat(lead + 4)));
            first = true;
        }
        if !first {
            line.push(' ');
        }
        line.push_str(word);
        first = false;
    }
    out.push(line);
    out
}

/// `text` on one line if it fits `cells`, else on two, broken at the last
/// space that fits (the second line cut if still too long).
pub fn two_lines(text: &str, cells: usize) -> Vec<String> {
    if width(text) <= cells {
        return vec![text.to_string()];
    }
    // The break: the last space within the first `cells + 1` cells.
    let (head, _) = split_at_width(text, cells + 1);
    let at = head
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i)
        .next_back()
        .filter(|&i| i > 0)
        .unwrap_or_else(|| split_at_width(text, cells).0.len());
    let (first, rest) = text.split_at(at);
    vec![first.trim_end().to_string(), cut(rest.trim_start(), cells)]
}

/// `items` side by side on at most `lines` lines of `width`, the first
/// after `heading`, separated by " · "; the last line ends with `more(n)`
/// for the `n` that did not fit ("… et 8 de plus").
pub fn packed(
    heading: &str,
    items: &[String],
    (width, lines): (usize, usize),
    more: impl Fn(usize) -> String,
) -> Vec<String> {
    let mut out: Vec<String> = vec![heading.to_string()];
    let mut shown = 0;
    for item in items {
        let left = items.len() - shown - 1;
        // The last line keeps room for what did not fit.
        let tail = if out.len() == lines && left > 0 {
            3 + self::width(&more(left))
        } else {
            0
        };
        let last = out.last_mut().expect("one line");
        let sep = if last.trim().is_empty() || last.ends_with(':') {
            1
        } else {
            3
        };
        if self::width(last) + sep + self::width(item) + tail <= width {
            last.push_str(if sep == 1 { " " } else { " · " });
            last.push_str(item);
            shown += 1;
        } else if out.len() < lines {
            out.push(format!("  {item}"));
            shown += 1;
        } else {
            break;
        }
    }
    if shown < items.len() {
        let last = out.last_mut().expect("one line");
        let sep = if last.ends_with(':') { " " } else { " · " };
        last.push_str(sep);
        last.push_str(&more(items.len() - shown));
    }
    out.into_iter().map(|l| cut(&l, width)).collect()
}

/// Items laid out on lines of at most `cells`, separated by " · ".
pub fn join_wrapped(items: &[String], cells: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for item in items {
        let line = lines.last_mut().expect("one line");
        let used = width(line);
        if used > 0 && used + 3 + width(item) > cells {
            lines.push(item.clone());
        } else {
            if used > 0 {
                line.push_str(" · ");
            }
            line.push_str(item);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_too_long_loses_its_first_name_before_its_surname() {
        assert_eq!(person("J1 ", "Martine Delcourt", 20), "J1 Martine Delcourt");
        assert_eq!(person("J1 ", "Martine Delcourt", 15), "J1 M. Delcourt");
        assert_eq!(person("", "Jean-Pierre Roux", 10), "J.-P. Roux");
        assert_eq!(person("", "Éloïse de La Tour", 14), "É. de La Tour");
        // Only then is the surname cut.
        assert_eq!(person("J1 ", "Martine Delcourt", 10), "J1 M. Del…");
        assert_eq!(person("", "Madonna", 5), "Mado…");
    }

    #[test]
    fn widths_count_cells_not_characters() {
        assert_eq!(cut("Équipe", 10), "Équipe");
        assert_eq!(cut("Équipe du jour", 7), "Équipe…");
        assert_eq!(cut("日本語です", 5), "日本…");
        assert_eq!(cut("abc", 0), "");
        assert_eq!(right("12,5", 6), "  12,5");
        assert_eq!(right("123456", 4), "3456");
        assert_eq!(right("日本", 2), "本");
        assert_eq!(cut_start("Jury de sélection", 9), "…élection");
        assert_eq!(cut_start("court", 8), "court");
        assert_eq!(
            cut_words("retirer / rétablir l'équipe", 20),
            "retirer / rétablir…"
        );
        assert_eq!(cut_words("mode projecteur", 12), "mode…");
        assert_eq!(
            cut_words("mode projecteur (masque)", 17),
            "mode projecteur…"
        );
        assert_eq!(cut_words("anticonstitutionnel", 8), "anticon…");
        assert_eq!(cut_words("court", 8), "court");
    }

    #[test]
    fn wrapping_splits_words_and_marks_the_cut() {
        assert_eq!(wrap("un deux trois", 8, 3), ["un deux", "trois"]);
        assert_eq!(wrap("abcdefghij", 4, 5), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a b c d e f", 3, 2), ["a b", "c …"]);
        assert_eq!(wrap("日本語", 4, 3), ["日本", "語"]);
    }

    #[test]
    fn the_other_layouts_break_at_spaces() {
        let long = "  un deux trois quatre cinq six";
        assert_eq!(
            wrap_indented(long, 16),
            ["  un deux trois", "      quatre", "      cinq six"]
        );
        assert_eq!(wrap_indented(long, 12), [long], "too narrow: whole");
        assert_eq!(two_lines("un deux trois", 8), ["un deux", "trois"]);
        assert_eq!(
            two_lines("un deux trois quatre", 8),
            ["un deux", "trois q…"]
        );
        assert_eq!(two_lines("abcdefghij", 4), ["abcd", "efg…"]);
        let items = ["a 1".to_string(), "b 2".to_string(), "c 3".to_string()];
        assert_eq!(join_wrapped(&items, 10), ["a 1 · b 2", "c 3"]);
    }
}
