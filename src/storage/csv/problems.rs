//! The problems found in one input file, kept bounded: a file of 200,000
//! bad rows costs the same memory as one of 21. The first
//! [`MAX_LINES`] problems in line order are kept as text, the others only
//! counted; each kept line is made safe for a terminal and cut to
//! [`MAX_CHARS`] characters, and every field a message quotes is cut to
//! [`FIELD_CHARS`] first, so a 1 MB field is never echoed whole.

use std::borrow::Cow;

use crate::domain::Lang;
use crate::words::rows::RowProblem;

/// How many problem lines are kept (then a count of the rest).
pub const MAX_LINES: usize = 20;
/// The longest problem line, in characters.
pub const MAX_CHARS: usize = 200;
/// The longest field quoted in a message, in characters.
pub const FIELD_CHARS: usize = 60;

/// `text` cut to at most `max` characters, the cut marked with `…`.
pub fn cut(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let end = text
                .char_indices()
                .nth(max.saturating_sub(1))
                .map_or(text.len(), |(i, _)| i);
            Cow::Owned(format!("{}…", &text[..end]))
        }
    }
}

/// A field as a message quotes it: cut to [`FIELD_CHARS`].
pub fn shown(field: &str) -> Cow<'_, str> {
    cut(field, FIELD_CHARS)
}

/// What a rejected file says: the first problem lines (at most
/// [`MAX_LINES`]) and how many more there were.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rejected {
    pub lines: Vec<String>,
    pub more: u64,
}

impl Rejected {
    /// A file refused for one reason (it cannot be opened, it is a FIFO…).
    pub fn one(line: String) -> Rejected {
        Rejected {
            lines: vec![line],
            more: 0,
        }
    }

    /// Several files' problems together.
    pub fn extend(&mut self, other: Rejected) {
        self.lines.extend(other.lines);
        self.more += other.more;
    }
}

/// Every problem found in one file, each tied to a line (0: the file
/// itself), printed `file:line: what`.
#[derive(Clone, Debug)]
pub struct Problems {
    pub file: String,
    pub lang: Lang,
    /// The first problems in (line, arrival) order, at most `MAX_LINES`.
    kept: Vec<(u64, u64, String)>,
    total: u64,
}

impl Problems {
    pub fn new(file: impl Into<String>, lang: Lang) -> Problems {
        Problems {
            file: file.into(),
            lang,
            kept: Vec::new(),
            total: 0,
        }
    }

    /// Record a problem on `line` (0 for the whole file).
    pub fn at(&mut self, line: u64, what: impl Into<String>) {
        let key = (line, self.total);
        self.total += 1;
        if self.kept.len() == MAX_LINES && self.kept.last().is_some_and(|k| (k.0, k.1) < key) {
            return;
        }
        let place = self.kept.partition_point(|k| (k.0, k.1) < key);
        self.kept.insert(place, (line, key.1, what.into()));
        self.kept.truncate(MAX_LINES);
    }

    /// Record a row's problem, in the file's language.
    pub fn say(&mut self, line: u64, problem: RowProblem) {
        let what = crate::words::rows::row_problem(&problem, self.lang);
        self.at(line, what);
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// How many problems were found (kept or not).
    pub fn count(&self) -> u64 {
        self.total
    }

    /// The kept messages in line order, safe for a terminal and cut to
    /// [`MAX_CHARS`], and the count of the others.
    pub fn rejected(self) -> Rejected {
        let file = crate::words::for_terminal(&self.file).into_owned();
        let lines: Vec<String> = self
            .kept
            .into_iter()
            .map(|(line, _, what)| {
                let what = crate::words::for_terminal(&what);
                let text = match line {
                    0 => format!("{file}: {what}"),
                    n => format!("{file}:{n}: {what}"),
                };
                cut(&text, MAX_CHARS).into_owned()
            })
            .collect();
        let more = self.total - lines.len() as u64;
        Rejected { lines, more }
    }

    /// The kept messages only (tests and callers that know there are few).
    pub fn lines(self) -> Vec<String> {
        self.rejected().lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_marks_the_cut_and_counts_characters() {
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "ab…");
        assert_eq!(cut("éééé", 3), "éé…");
        assert_eq!(shown(&"x".repeat(1_000_000)).chars().count(), FIELD_CHARS);
    }

    #[test]
    fn only_the_first_twenty_in_line_order_are_kept_then_counted() {
        let mut p = Problems::new("f.csv", Lang::En);
        for line in (1..=200_000u64).rev() {
            p.at(line, format!("bad {line}"));
        }
        p.at(0, "the file");
        assert_eq!(p.count(), 200_001);
        let r = p.rejected();
        assert_eq!(r.lines.len(), MAX_LINES);
        assert_eq!(r.lines[0], "f.csv: the file");
        assert_eq!(r.lines[1], "f.csv:1: bad 1");
        assert_eq!(r.lines[19], "f.csv:19: bad 19");
        assert_eq!(r.more, 200_001 - 20);
    }

    #[test]
    fn problems_of_one_line_keep_their_order_and_lines_are_short_and_safe() {
        let mut p = Problems::new("f\u{1b}.csv", Lang::En);
        p.at(3, "second");
        p.at(2, "first");
        p.at(3, format!("third {}", "y".repeat(1000)));
        let lines = p.lines();
        assert_eq!(lines[0], "f\\u{1b}.csv:2: first");
        assert_eq!(lines[1], "f\\u{1b}.csv:3: second");
        assert!(lines[2].starts_with("f\\u{1b}.csv:3: third yyy"));
        assert_eq!(lines[2].chars().count(), MAX_CHARS);
        assert!(lines[2].ends_with('…'));
    }
}
