//! The independent recount in words: where it differs from the engine, or
//! that it agrees.

use num_traits::One;

use super::number::agree;
use crate::domain::ranking::Figure;
use crate::domain::recount::{Difference, Flag};
use crate::domain::{Lang, TeamId};

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

/// The results screen on a forum too large to recount there.
pub fn left_to_check(lang: Lang) -> &'static str {
    lang.t(
        "Recomptage indépendant : podium check (trop de notes pour le refaire ici)",
        "Independent recount: podium check (too many values to redo it here)",
    )
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
        let (method, body) = match self {
            Difference::Length {
                method,
                engine,
                recount,
            } => (method, length(*engine, *recount, lang)),
            Difference::Order {
                method,
                row,
                engine,
                recount,
            } => (method, order(*row, engine, recount, lang)),
            Difference::Rank {
                method,
                team,
                engine,
                recount,
            } => (method, counted(team, Said::Rank, (*engine, *recount), lang)),
            Difference::Score {
                method,
                team,
                engine,
                recount,
            } => {
                let (e, r) = (score(engine, lang), score(recount, lang));
                (method, on_team(team, Said::Score, (&e, &r), lang))
            }
            Difference::Sheets {
                method,
                team,
                engine,
                recount,
            } => {
                let said = Said::Sheets(*engine);
                (method, counted(team, said, (*engine, *recount), lang))
            }
            Difference::Flag {
                method,
                team,
                flag,
                engine,
            } => {
                let what = match lang {
                    Lang::Fr => format!("{team} est {}", flag.name(lang)),
                    Lang::En => format!("{team} is {}", flag.name(lang)),
                };
                (method, one_side(&what, *engine, lang))
            }
            Difference::CutoffTie { method, engine } => {
                let what = lang.t("égalité à la limite", "a tie at the cut-off");
                (method, one_side(what, *engine, lang))
            }
        };
        let m = method.name(lang);
        format!("{head} ({m}){}{body}", lang.t(" : ", ": "))
    }
}

/// What the engine and the recount say of a team.
enum Said {
    Rank,
    Score,
    /// The sheets that count (the engine's number, for the noun).
    Sheets(usize),
}

fn length(engine: usize, recount: usize, lang: Lang) -> String {
    let teams = agree(
        engine,
        lang,
        lang.t("équipe", "team"),
        lang.t("équipes", "teams"),
    );
    match lang {
        Lang::Fr => format!("le classement a {engine} {teams}, le recomptage {recount}"),
        Lang::En => format!("the ranking has {engine} {teams}, the recount {recount}"),
    }
}

fn order(row: usize, engine: &TeamId, recount: &TeamId, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("ligne {row}, le classement place {engine}, le recomptage {recount}"),
        Lang::En => format!("row {row}, the ranking has {engine}, the recount {recount}"),
    }
}

/// A count both sides give of a team (its rank, its sheets).
fn counted(team: &TeamId, said: Said, (e, r): (usize, usize), lang: Lang) -> String {
    on_team(team, said, (&e.to_string(), &r.to_string()), lang)
}

/// `T a le score 3 dans le classement, 4 au recomptage`.
fn on_team(team: &TeamId, said: Said, (e, r): (&str, &str), lang: Lang) -> String {
    let what = match (said, lang) {
        (Said::Rank, Lang::Fr) => format!("est au rang {e}"),
        (Said::Rank, Lang::En) => format!("has rank {e}"),
        (Said::Score, Lang::Fr) => format!("a le score {e}"),
        (Said::Score, Lang::En) => format!("scores {e}"),
        (Said::Sheets(n), _) => {
            let sheets = match lang {
                Lang::Fr => agree(n, lang, "feuille qui compte", "feuilles qui comptent"),
                Lang::En => agree(n, lang, "sheet that counts", "sheets that count"),
            };
            match lang {
                Lang::Fr => format!("a {e} {sheets}"),
                Lang::En => format!("has {e} {sheets}"),
            }
        }
    };
    match lang {
        Lang::Fr => format!("{team} {what} dans le classement, {r} au recomptage"),
        Lang::En => format!("{team} {what} in the ranking, {r} in the recount"),
    }
}

/// Something only one side says: the engine's (`engine`) or the recount's.
fn one_side(what: &str, engine: bool, lang: Lang) -> String {
    let (ranking, recount) = match lang {
        Lang::Fr => ("dans le classement", "au recomptage"),
        Lang::En => ("in the ranking", "in the recount"),
    };
    let (yes, no) = if engine {
        (ranking, recount)
    } else {
        (recount, ranking)
    };
    match lang {
        Lang::Fr => format!("{what} {yes}, pas {no}"),
        Lang::En => format!("{what} {yes}, not {no}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Method;

    fn both(d: Difference) -> (String, String) {
        (d.message(Lang::Fr), d.message(Lang::En))
    }

    #[test]
    fn each_difference_names_the_method_and_both_sides() {
        let m = Method::Mean;
        let t = TeamId::from("T1");
        assert_eq!(
            both(Difference::Length {
                method: m,
                engine: 3,
                recount: 2
            }),
            (
                "recomptage (moyenne) : le classement a 3 équipes, le recomptage 2".into(),
                "recount (mean): the ranking has 3 teams, the recount 2".into()
            )
        );
        assert_eq!(
            both(Difference::Order {
                method: m,
                row: 2,
                engine: t.clone(),
                recount: TeamId::from("T2")
            }),
            (
                "recomptage (moyenne) : ligne 2, le classement place T1, le recomptage T2".into(),
                "recount (mean): row 2, the ranking has T1, the recount T2".into()
            )
        );
        assert_eq!(
            both(Difference::Rank {
                method: m,
                team: t.clone(),
                engine: 1,
                recount: 2
            }),
            (
                "recomptage (moyenne) : T1 est au rang 1 dans le classement, 2 au recomptage"
                    .into(),
                "recount (mean): T1 has rank 1 in the ranking, 2 in the recount".into()
            )
        );
        assert_eq!(
            both(Difference::Score {
                method: m,
                team: t.clone(),
                engine: None,
                recount: Some(Figure::Float(1.5))
            }),
            (
                "recomptage (moyenne) : T1 a le score aucune dans le classement, 1,5 au recomptage"
                    .into(),
                "recount (mean): T1 scores none in the ranking, 1.5 in the recount".into()
            )
        );
        assert_eq!(
            both(Difference::Sheets {
                method: m,
                team: t.clone(),
                engine: 1,
                recount: 2
            }),
            (
                "recomptage (moyenne) : T1 a 1 feuille qui compte dans le classement, 2 au recomptage"
                    .into(),
                "recount (mean): T1 has 1 sheet that counts in the ranking, 2 in the recount".into()
            )
        );
        assert_eq!(
            both(Difference::Flag {
                method: m,
                team: t,
                flag: Flag::Laureate,
                engine: false
            }),
            (
                "recomptage (moyenne) : T1 est lauréate au recomptage, pas dans le classement"
                    .into(),
                "recount (mean): T1 is laureate in the recount, not in the ranking".into()
            )
        );
        assert_eq!(
            both(Difference::CutoffTie {
                method: m,
                engine: true
            }),
            (
                "recomptage (moyenne) : égalité à la limite dans le classement, pas au recomptage"
                    .into(),
                "recount (mean): a tie at the cut-off in the ranking, not in the recount".into()
            )
        );
    }
}
