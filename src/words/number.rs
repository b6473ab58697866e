//! Numbers as people read them: decimals with the language's separator
//! ([`Lang::decimal_separator`]), and nouns that agree with their count
//! (never "équipe(s)").

use std::fmt;

use crate::domain::decimal::{DIGITS, DecError};
use crate::domain::ranking::Figure;
use crate::domain::scoring::Total;
use crate::domain::{Dec, Lang};

/// A decimal the language's way: `12,5` in French, `12.5` in English.
pub fn dec(value: Dec, lang: Lang) -> String {
    value.format_with(lang.decimal_separator())
}

/// A sheet total rounded to two decimals, the language's way.
pub fn total(value: Total, lang: Lang) -> String {
    value.format_with(lang.decimal_separator(), 2)
}

/// A figure rounded to two decimals, the language's way, or `missing`
/// when there is none.
pub fn figure(f: Option<&Figure>, lang: Lang, missing: &str) -> String {
    f.map_or_else(
        || missing.to_string(),
        |f| f.two_decimals(lang.decimal_separator()),
    )
}

/// The form of a noun that agrees with `n`: French takes the singular for
/// 0 and 1, English for 1 only.
pub fn agree<'a>(n: usize, lang: Lang, one: &'a str, many: &'a str) -> &'a str {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    if singular { one } else { many }
}

/// `n` and its noun: `1 équipe`, `3 équipes`, `0 teams`.
pub fn count(n: usize, lang: Lang, one: &str, many: &str) -> String {
    format!("{n} {}", agree(n, lang, one, many))
}

/// A count and its noun in both languages, singular and plural:
/// `(n, (fr_one, fr_many), (en_one, en_many))`.
pub type Counted<'a> = (usize, (&'a str, &'a str), (&'a str, &'a str));

/// The counts that are not zero, each worded in `lang` ([`count`]).
pub fn nonzero(items: &[Counted<'_>], lang: Lang) -> Vec<String> {
    items
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|&(n, fr, en)| {
            let (one, many) = if lang == Lang::Fr { fr } else { en };
            count(n, lang, one, many)
        })
        .collect()
}

/// A count with its thousands grouped, the language's way: `19 980` in
/// French (a plain space, safe in any terminal), `19,980` in English.
pub fn grouped(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Fr => ' ',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// In English: what a file's reader says of a number it cannot read.
impl fmt::Display for DecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecError::NotANumber => f.write_str("not a number"),
            DecError::TooPrecise => write!(f, "too many decimals (at most {DIGITS})"),
            DecError::TooLarge => f.write_str("number too large"),
        }
    }
}

impl std::error::Error for DecError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_take_the_language_separator() {
        let v: Dec = "12.5".parse().unwrap();
        assert_eq!(dec(v, Lang::Fr), "12,5");
        assert_eq!(dec(v, Lang::En), "12.5");
        assert_eq!(total(Total::from_dec(v), Lang::Fr), "12,5");
    }

    #[test]
    fn counts_group_their_thousands() {
        assert_eq!(grouped(0, Lang::Fr), "0");
        assert_eq!(grouped(999, Lang::En), "999");
        assert_eq!(grouped(19_980, Lang::Fr), "19 980");
        assert_eq!(grouped(1_234_567, Lang::En), "1,234,567");
    }

    #[test]
    fn nouns_agree_with_their_count() {
        assert_eq!(count(0, Lang::Fr, "équipe", "équipes"), "0 équipe");
        assert_eq!(count(1, Lang::Fr, "équipe", "équipes"), "1 équipe");
        assert_eq!(count(2, Lang::Fr, "équipe", "équipes"), "2 équipes");
        assert_eq!(count(0, Lang::En, "team", "teams"), "0 teams");
        assert_eq!(count(1, Lang::En, "team", "teams"), "1 team");
        assert_eq!(count(2, Lang::En, "team", "teams"), "2 teams");
    }
}
