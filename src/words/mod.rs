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

pub mod files;
pub mod minutes;
pub mod notice;
pub mod number;
pub mod output;
pub mod pair;
pub mod ranking;
pub mod refusal;
pub mod report;
pub mod session;
pub mod storage;
pub mod undo;
pub mod validate;

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
}
