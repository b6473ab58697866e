//! A session's size in words, as `new` and `check` print it.

use super::number::count;
use crate::domain::{Lang, Session};

/// "4 équipes, 5 jurés, 3 critères" / "4 teams, 5 jurors, 3 criteria".
pub fn sizes(s: &Session, lang: Lang) -> String {
    let (t, j, c) = (s.teams.len(), s.jurors.len(), s.criteria.len());
    match lang {
        Lang::Fr => format!(
            "{}, {}, {}",
            count(t, lang, "équipe", "équipes"),
            count(j, lang, "juré", "jurés"),
            count(c, lang, "critère", "critères")
        ),
        Lang::En => format!(
            "{}, {}, {}",
            count(t, lang, "team", "teams"),
            count(j, lang, "juror", "jurors"),
            count(c, lang, "criterion", "criteria")
        ),
    }
}

/// The number of values entered: "12 notes" / "12 values".
pub fn values(s: &Session, lang: Lang) -> String {
    let n = s.sheets.values().map(|sheet| sheet.values.len()).sum();
    count(n, lang, lang.t("note", "value"), lang.t("notes", "values"))
}
