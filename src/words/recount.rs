//! The independent recount in words: where it differs from the engine, or
//! that it agrees.

use num_traits::One;

use super::number::agree;
use crate::domain::Lang;
use crate::domain::ranking::Figure;
use crate::domain::recount::{Difference, Flag};

/// What `podium check` says when every method's recount agrees.
pub fn agrees(lang: Lang) -> &'static str {
    lang.t(
        "recompté indépendamment : concorde",
        "recounted independently: agrees",
    )
}

/// The results screen's line when the recount of the method shown
/// differs: how many differences (`podium check` lists them), the first
/// in words.
pub fn differs(lang: Lang, count: usize, first: &str) -> String {
    match (lang, count) {
        (Lang::Fr, 1) => format!("RECOMPTAGE INDÉPENDANT DIFFÉRENT — ne pas publier : {first}"),
        (Lang::Fr, n) => {
            format!("RECOMPTAGE INDÉPENDANT DIFFÉRENT ({n} écarts) — ne pas publier : {first}")
        }
        (Lang::En, 1) => format!("INDEPENDENT RECOUNT DIFFERS — do not publish: {first}"),
        (Lang::En, n) => {
            format!("INDEPENDENT RECOUNT DIFFERS ({n} differences) — do not publish: {first}")
        }
    }
}

impl Flag {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Flag::Laureate => lang.t("lauréate", "laureate"),
            Flag::Tied => lang.t("ex aequo", "tied"),
            Flag::AtCutoff => lang.t("à la limite des lauréats", "at the cut-off"),
            Flag::TooFewSheets => lang.t("avec trop peu de feuilles", "with too few sheets"),
        }
    }
}

/// A score written exactly: an integer, a fraction, or the float in full.
fn score(figure: &Option<Figure>, lang: Lang) -> String {
    match figure {
        None => lang.t("aucune", "none").to_string(),
        Some(Figure::Exact(r)) if r.denom().is_one() => r.numer().to_string(),
        Some(Figure::Exact(r)) => format!("{}/{}", r.numer(), r.denom()),
        Some(Figure::Float(f)) => f
            .to_string()
            .replace('.', &lang.decimal_separator().to_string()),
    }
}

impl Difference {
    /// One line: the method, what the engine says and what the recount says.
    pub fn message(&self, lang: Lang) -> String {
        let head = lang.t("recomptage", "recount");
        match self {
            Difference::Length {
                method,
                engine,
                recount,
            } => {
                let m = method.name(lang);
                let teams = agree(
                    *engine,
                    lang,
                    lang.t("équipe", "team"),
                    lang.t("équipes", "teams"),
                );
                match lang {
                    Lang::Fr => format!(
                        "{head} ({m}) : le classement a {engine} {teams}, le recomptage {recount}"
                    ),
                    Lang::En => format!(
                        "{head} ({m}): the ranking has {engine} {teams}, the recount {recount}"
                    ),
                }
            }
            Difference::Order {
                method,
                row,
                engine,
                recount,
            } => {
                let m = method.name(lang);
                match lang {
                    Lang::Fr => format!(
                        "{head} ({m}) : ligne {row}, le classement place {engine}, le recomptage {recount}"
                    ),
                    Lang::En => format!(
                        "{head} ({m}): row {row}, the ranking has {engine}, the recount {recount}"
                    ),
                }
            }
            Difference::Rank {
                method,
                team,
                engine,
                recount,
            } => {
                let m = method.name(lang);
                match lang {
                    Lang::Fr => format!(
                        "{head} ({m}) : {team} est au rang {engine} dans le classement, {recount} au recomptage"
                    ),
                    Lang::En => format!(
                        "{head} ({m}): {team} has rank {engine} in the ranking, {recount} in the recount"
                    ),
                }
            }
            Difference::Score {
                method,
                team,
                engine,
                recount,
            } => {
                let (m, e, r) = (method.name(lang), score(engine, lang), score(recount, lang));
                match lang {
                    Lang::Fr => format!(
                        "{head} ({m}) : {team} a le score {e} dans le classement, {r} au recomptage"
                    ),
                    Lang::En => format!(
                        "{head} ({m}): {team} scores {e} in the ranking, {r} in the recount"
                    ),
                }
            }
            Difference::Sheets {
                method,
                team,
                engine,
                recount,
            } => {
                let m = method.name(lang);
                let sheets = agree(
                    *engine,
                    lang,
                    lang.t("feuille", "sheet"),
                    lang.t("feuilles", "sheets"),
                );
                match lang {
                    Lang::Fr => format!(
                        "{head} ({m}) : {team} a {engine} {sheets} qui comptent dans le classement, {recount} au recomptage"
                    ),
                    Lang::En => format!(
                        "{head} ({m}): {team} has {engine} {sheets} that count in the ranking, {recount} in the recount"
                    ),
                }
            }
            Difference::Flag {
                method,
                team,
                flag,
                engine,
            } => {
                let (m, f) = (method.name(lang), flag.name(lang));
                match (lang, engine) {
                    (Lang::Fr, true) => format!(
                        "{head} ({m}) : {team} est {f} dans le classement, pas au recomptage"
                    ),
                    (Lang::Fr, false) => format!(
                        "{head} ({m}) : {team} est {f} au recomptage, pas dans le classement"
                    ),
                    (Lang::En, true) => {
                        format!("{head} ({m}): {team} is {f} in the ranking, not in the recount")
                    }
                    (Lang::En, false) => {
                        format!("{head} ({m}): {team} is {f} in the recount, not in the ranking")
                    }
                }
            }
            Difference::CutoffTie { method, engine } => {
                let m = method.name(lang);
                match (lang, engine) {
                    (Lang::Fr, true) => format!(
                        "{head} ({m}) : égalité à la limite dans le classement, pas au recomptage"
                    ),
                    (Lang::Fr, false) => format!(
                        "{head} ({m}) : égalité à la limite au recomptage, pas dans le classement"
                    ),
                    (Lang::En, true) => format!(
                        "{head} ({m}): a tie at the cut-off in the ranking, not in the recount"
                    ),
                    (Lang::En, false) => format!(
                        "{head} ({m}): a tie at the cut-off in the recount, not in the ranking"
                    ),
                }
            }
        }
    }
}
