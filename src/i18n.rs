//! Which language to speak: `--lang`, then the session's, then the locale.
//!
//! The sentences themselves live in `src/words/`, both languages side by
//! side in one exhaustive `match` per message, so none can be forgotten.

pub use crate::domain::Lang;

/// The language given by a locale string such as `en_GB.UTF-8`, if any.
pub fn from_locale(locale: &str) -> Option<Lang> {
    let lower = locale.to_ascii_lowercase();
    if lower.starts_with("fr") {
        Some(Lang::Fr)
    } else if lower.starts_with("en") {
        Some(Lang::En)
    } else {
        None
    }
}

/// The locale's language from the usual environment variables (first set wins).
pub fn locale_lang() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| from_locale(&v))
}

/// `--lang` first, then the session's language, then the locale, then French.
pub fn resolve(flag: Option<Lang>, session: Option<Lang>) -> Lang {
    flag.or(session).or_else(locale_lang).unwrap_or(Lang::Fr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_strings() {
        assert_eq!(from_locale("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(from_locale("fr_FR.UTF-8"), Some(Lang::Fr));
        assert_eq!(from_locale("C"), None);
        assert_eq!(from_locale("POSIX"), None);
    }

    #[test]
    fn flag_beats_session() {
        assert_eq!(resolve(Some(Lang::En), Some(Lang::Fr)), Lang::En);
        assert_eq!(resolve(None, Some(Lang::En)), Lang::En);
    }
}
