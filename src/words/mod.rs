//! Every sentence Podium says, in French and in English, in one place.
//!
//! The domain and the app state hold typed values (a refusal, a notice, with
//! their data); the UI, the reports and the command line turn them into
//! words here. Each area has its own submodule; one exhaustive `match` per
//! message keeps both languages complete.
//!
//! The domain's typed values get their sentences as methods written here
//! (`Refusal::message`, `Problem::message`, `Warning::describe`,
//! `DecisionProblem::describe`, `Method::name`), so every caller, the
//! storage's errors included, says them the same way. Numbers go through
//! [`number`]: the language's decimal separator and nouns that agree with
//! their count.

pub mod chrome;
pub mod cli;
pub mod completeness;
pub mod decision;
pub mod demo;
pub mod double_entry;
pub mod files;
pub mod grid;
pub mod history;
pub mod import;
pub mod keys;
pub mod minutes;
pub mod notice;
pub mod number;
pub mod output;
pub mod pair;
pub mod questions;
pub mod ranking;
pub mod recount;
pub mod refusal;
pub mod report;
pub mod results;
pub mod reveal;
pub mod rows;
pub mod schedule;
pub mod screens;
pub mod seal;
pub mod session;
pub mod setup;
pub mod stage;
pub mod storage;
pub mod tamper;
pub mod undo;
pub mod validate;
pub mod width;

/// A text made safe for a terminal: every character of
/// [`crate::domain::validate::is_unsafe_char`] (ESC, BEL, CR, bidirectional
/// overrides…) written visibly as `\u{1b}`, except the line breaks and tabs
/// of a multi-line output. The one function every output to a terminal
/// goes through (errors, notices, reports written to a terminal).
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    use crate::domain::validate::is_unsafe_char;
    let kept = |c: char| c == '\n' || c == '\t' || !is_unsafe_char(c);
    if text.chars().all(kept) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if kept(c) {
            out.push(c);
        } else {
            out.push_str(&c.escape_unicode().to_string());
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The characters that make a spreadsheet read a cell as a formula (or
/// that hide one), per OWASP's "CSV injection" advice.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell of a CSV output made inert for a spreadsheet: one that
/// starts with `= + - @`, a tab or a carriage return gets a leading `'`
/// (OWASP's advice; Excel and LibreOffice show the text and hide the `'`).
/// Only text cells (ids, names, labels) go through it: figures (`-1`,
/// `3,5`) are written as they are, so a spreadsheet still reads numbers.
pub fn for_spreadsheet(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A cell read from a spreadsheet with [`for_spreadsheet`]'s `'` taken
/// off again, so an export imports back to the same ids.
pub fn from_spreadsheet(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::for_terminal;

    #[test]
    fn terminal_text_never_holds_a_control_or_override_character() {
        let hostile = "A\u{1b}]0;pwned\u{7}B\rC\u{202E}D\u{2066}E\u{9b}F\u{7f}";
        let safe = for_terminal(hostile);
        assert_eq!(
            safe,
            "A\\u{1b}]0;pwned\\u{7}B\\u{d}C\\u{202e}D\\u{2066}E\\u{9b}F\\u{7f}"
        );
        assert!(!safe.chars().any(crate::domain::validate::is_unsafe_char));
        assert_eq!(for_terminal("Chloé\tx\n"), "Chloé\tx\n");
    }

    #[test]
    fn spreadsheet_cells_that_start_a_formula_are_made_text_and_read_back() {
        use super::{for_spreadsheet, from_spreadsheet};
        for cell in [
            "=HYPERLINK(\"x\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\tx",
        ] {
            let guarded = for_spreadsheet(cell);
            assert_eq!(guarded, format!("'{cell}"));
            assert_eq!(from_spreadsheet(&guarded), cell);
        }
        for cell in ["T1", "Chloé", "'quoted", "a=b", ""] {
            assert_eq!(for_spreadsheet(cell), cell);
            assert_eq!(from_spreadsheet(cell), cell);
        }
    }
}
