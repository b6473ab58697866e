//! The laureates' reveal in words: the places ("8e lauréat", "8th
//! laureate"), the titles the stage display shows, the moderator's panel,
//! why a reveal cannot begin, and its steps as the history, the minutes
//! and `u` say them.

use crate::app::notice::RevealNotice;
use crate::app::screens::reveal::RevealHelp;
use crate::domain::ranking::finality::Finality;
use crate::domain::reveal::{Reveal, RevealProblem, Showing};
use crate::domain::{Lang, Refusal};

use super::number::count;

/// A place: "1er lauréat", "8e lauréat ex aequo"; "1st laureate", "8th
/// laureate (tied)".
pub fn place(rank: usize, tied: bool, lang: Lang) -> String {
    match (lang, tied) {
        (Lang::Fr, false) => format!("{} lauréat", ordinal(rank, lang)),
        (Lang::Fr, true) => format!("{} lauréat ex aequo", ordinal(rank, lang)),
        (Lang::En, false) => format!("{} laureate", ordinal(rank, lang)),
        (Lang::En, true) => format!("{} laureate (tied)", ordinal(rank, lang)),
    }
}

/// "1er", "2e"; "1st", "2nd", "3rd", "11th", "21st".
pub fn ordinal(n: usize, lang: Lang) -> String {
    let suffix = match lang {
        Lang::Fr if n == 1 => "er",
        Lang::Fr => "e",
        Lang::En if (11..=13).contains(&(n % 100)) => "th",
        Lang::En => match n % 10 {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        },
    };
    format!("{n}{suffix}")
}

/// The opening card, before the first place.
pub fn opening(lang: Lang) -> &'static str {
    lang.t("Palmarès", "Laureates")
}

/// Under the opening card: how many laureates are to come.
pub fn opening_count(teams: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => count(teams, lang, "lauréat", "lauréats"),
        Lang::En => count(teams, lang, "laureate", "laureates"),
    }
}

/// The whole list's title.
pub fn list_title(teams: usize, lang: Lang) -> String {
    match (teams, lang) {
        (1, _) => lang.t("Le lauréat", "The laureate").to_string(),
        (n, Lang::Fr) => format!("Les {n} lauréats"),
        (n, Lang::En) => format!("The {n} laureates"),
    }
}

/// Above the places revealed before the one shown.
pub fn before(lang: Lang) -> &'static str {
    lang.t("Déjà annoncés", "Announced so far")
}

/// "+ 3 autres" when the list does not fit.
pub fn more(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("+ {}", count(n, lang, "autre", "autres")),
        Lang::En => format!("+ {n} more"),
    }
}

/// The moderator's panel.
pub mod panel {
    use crate::domain::Lang;

    pub fn title(lang: Lang) -> &'static str {
        lang.t(
            "Proclamation des lauréats sur l'écran de scène",
            "Reveal of the laureates on the stage display",
        )
    }

    pub fn on_screen(lang: Lang) -> &'static str {
        lang.t("À l'écran :", "On screen:")
    }

    pub fn next(lang: Lang) -> &'static str {
        lang.t("Ensuite :", "Next:")
    }

    /// What the opening card is, as the moderator reads it.
    pub fn opening(lang: Lang) -> &'static str {
        lang.t("l'annonce « Palmarès »", "the \"Laureates\" card")
    }

    pub fn list(lang: Lang) -> &'static str {
        lang.t(
            "la liste entière des lauréats",
            "the whole list of laureates",
        )
    }

    pub fn all_shown(lang: Lang) -> &'static str {
        lang.t(
            "tout est affiché ; x termine la proclamation",
            "everything is shown; x ends the reveal",
        )
    }

    /// The official ranking no longer gives the reveal's laureates.
    pub fn outdated(lang: Lang) -> &'static str {
        lang.t(
            "Le classement a changé depuis le début : x puis v pour recommencer.",
            "The ranking changed since it began: x then v to start again.",
        )
    }

    /// While the results are sealed, the display shows the stage.
    pub fn sealed(lang: Lang) -> &'static str {
        lang.t(
            "le chrono (résultats scellés : la proclamation est suspendue)",
            "the timer (results sealed: the reveal is on hold)",
        )
    }

    pub fn hidden(lang: Lang) -> &'static str {
        lang.t("masqué en mode projecteur", "hidden in projector mode")
    }

    /// What comes next, while the results are sealed.
    pub fn hidden_sealed(lang: Lang) -> &'static str {
        lang.t("masqué (résultats scellés)", "hidden (results sealed)")
    }

    /// Above the places, in the moderator's list.
    pub fn places(lang: Lang) -> &'static str {
        lang.t(
            "Lauréats (figés au début de la proclamation)",
            "Laureates (fixed when the reveal began)",
        )
    }

    /// A place on the audience's screen now, already announced, or
    /// still to come.
    pub fn mark(current: bool, shown: bool, lang: Lang) -> &'static str {
        match (current, shown) {
            (true, _) => lang.t("▶ à l'écran", "▶ on screen"),
            (false, true) => lang.t("✓ annoncé", "✓ shown"),
            (false, false) => lang.t("· à venir", "· to come"),
        }
    }
}

/// Why a reveal cannot begin (short: the status line of 80 columns).
pub fn problem(problem: RevealProblem, lang: Lang) -> String {
    let say = |fr: &str, en: &str| lang.t(fr, en).to_string();
    match problem {
        RevealProblem::Sealed => say(
            "Pas de proclamation : les résultats sont scellés (podium unseal les descelle).",
            "Cannot reveal: the results are sealed (podium unseal unseals them).",
        ),
        RevealProblem::AlreadyRevealing => say(
            "La proclamation est déjà en cours.",
            "The reveal is already under way.",
        ),
        RevealProblem::TieWaiting => say(
            "Pas de proclamation : égalité à la limite, le jury doit décider (Résultats, d).",
            "Cannot reveal: a tie at the cut-off waits for the jury (Results, d).",
        ),
        RevealProblem::StaleDecision => say(
            "Pas de proclamation : une décision du jury ne correspond plus aux notes.",
            "Cannot reveal: a decision of the jury no longer fits the scores.",
        ),
        RevealProblem::Provisional(finality) => provisional(finality, lang),
        RevealProblem::NoLaureate => say(
            "Pas de proclamation : aucune équipe n'a de feuille qui compte.",
            "Cannot reveal: no team has a sheet that counts.",
        ),
    }
}

/// The sheets that keep the results provisional.
fn provisional(f: Finality, lang: Lang) -> String {
    let missing = f.missing + f.partial + f.mismatched;
    match lang {
        Lang::Fr => format!(
            "Pas de proclamation : {} ne {} pas encore.",
            count(missing, lang, "feuille attendue", "feuilles attendues"),
            if missing == 1 { "compte" } else { "comptent" }
        ),
        Lang::En => format!(
            "Cannot reveal: {} {} not count yet.",
            count(missing, lang, "expected sheet", "expected sheets"),
            if missing == 1 { "does" } else { "do" }
        ),
    }
}

/// What the reveal's keys do (the `?` overlay), or their footer's words.
pub fn key_help(help: RevealHelp, lang: Lang) -> &'static str {
    match help {
        RevealHelp::Begin => lang.t(
            "proclamer les lauréats sur l'écran de scène",
            "reveal the laureates on the stage display",
        ),
        RevealHelp::BeginShort => lang.t("proclamer", "reveal"),
        RevealHelp::Next => lang.t(
            "place suivante (de N à 1), puis la liste entière",
            "next place (from N down to 1), then the whole list",
        ),
        RevealHelp::NextShort => lang.t("suivant", "next"),
        RevealHelp::End => lang.t(
            "terminer la proclamation (retour au chrono)",
            "end the reveal (back to the timer)",
        ),
        RevealHelp::EndShort => lang.t("terminer", "end"),
    }
}

/// A refused change of the reveal.
pub fn refusal(refusal: &Refusal, lang: Lang) -> String {
    match (refusal, lang) {
        (Refusal::NoSuchRevealStep { step, last }, Lang::Fr) => {
            format!("la proclamation n'a pas d'étape {step} (la dernière est {last})")
        }
        (Refusal::NoSuchRevealStep { step, last }, Lang::En) => {
            format!("the reveal has no step {step} (the last is {last})")
        }
        _ => lang
            .t(
                "les résultats sont scellés : pas de proclamation",
                "the results are sealed: no reveal",
            )
            .into(),
    }
}

/// The status line's sentences.
pub fn notice(notice: &RevealNotice, lang: Lang) -> String {
    let say = |fr: &str, en: &str| lang.t(fr, en).to_string();
    match notice {
        RevealNotice::Begun(teams) => match lang {
            Lang::Fr => format!(
                "Proclamation commencée ({}) : → montre la place suivante.",
                opening_count(*teams, lang)
            ),
            Lang::En => format!(
                "Reveal begun ({}): → shows the next place.",
                opening_count(*teams, lang)
            ),
        },
        RevealNotice::Refused(problem) => self::problem(*problem, lang),
        RevealNotice::Ignored => say(
            "Deuxième appui en moins d'une seconde : ignoré.",
            "Second press within a second: ignored.",
        ),
        RevealNotice::AllShown => say(
            "La liste entière est affichée : x termine la proclamation.",
            "The whole list is shown: x ends the reveal.",
        ),
        RevealNotice::Ended => say(
            "Proclamation terminée : l'écran de scène revient au chrono.",
            "Reveal ended: the stage display is back to the timer.",
        ),
    }
}

/// A change of the reveal, as the history and `u` say it: a step by what
/// it showed when the reveal is known (`reveal`: "annonce du 8e lauréat"),
/// else by its number.
pub fn step(
    begun: Option<usize>,
    ended: bool,
    (shown, reveal): (usize, Option<&Reveal>),
    lang: Lang,
) -> String {
    if let (None, false, Some(reveal)) = (begun, ended, reveal) {
        let what = match reveal.at(shown) {
            Showing::Place { place: p, .. } => {
                let place = place(p.rank, p.tied(), lang);
                return match lang {
                    Lang::Fr => format!("annonce du {place}"),
                    Lang::En => format!("announcement of the {place}"),
                };
            }
            Showing::Opening => opening(lang).to_string(),
            Showing::List(places) => list_title(places.iter().map(|p| p.teams.len()).sum(), lang),
        };
        return match lang {
            Lang::Fr => format!("proclamation des lauréats : {what}"),
            Lang::En => format!("reveal of the laureates: {what}"),
        };
    }
    match (begun, ended, lang) {
        (Some(teams), _, Lang::Fr) => format!(
            "début de la proclamation des lauréats ({})",
            opening_count(teams, lang)
        ),
        (Some(teams), _, Lang::En) => format!(
            "start of the reveal of the laureates ({})",
            opening_count(teams, lang)
        ),
        (None, true, _) => lang
            .t(
                "fin de la proclamation des lauréats",
                "end of the reveal of the laureates",
            )
            .to_string(),
        (None, false, Lang::Fr) => format!("proclamation des lauréats : étape {shown}"),
        (None, false, Lang::En) => format!("reveal of the laureates: step {shown}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_ordinals_in_both_languages() {
        assert_eq!(place(1, false, Lang::Fr), "1er lauréat");
        assert_eq!(place(8, false, Lang::Fr), "8e lauréat");
        assert_eq!(place(3, true, Lang::Fr), "3e lauréat ex aequo");
        assert_eq!(place(8, false, Lang::En), "8th laureate");
        assert_eq!(place(3, true, Lang::En), "3rd laureate (tied)");
        let en: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111]
            .iter()
            .map(|n| ordinal(*n, Lang::En))
            .collect();
        assert_eq!(
            en,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd",
                "101st", "111th"
            ]
        );
    }

    #[test]
    fn a_provisional_refusal_counts_the_sheets() {
        let f = Finality {
            missing: 1,
            partial: 1,
            ..Finality::default()
        };
        assert_eq!(
            problem(RevealProblem::Provisional(f), Lang::En),
            "Cannot reveal: 2 expected sheets do not count yet."
        );
        assert_eq!(
            problem(
                RevealProblem::Provisional(Finality { missing: 1, ..f }),
                Lang::Fr
            ),
            "Pas de proclamation : 2 feuilles attendues ne comptent pas encore."
        );
    }

    #[test]
    fn the_history_and_undo_word_each_change_of_the_reveal() {
        use crate::domain::reveal::{Place, Reveal};
        use crate::domain::{Change, Edit};
        let session = crate::domain::fixture::session();
        let reveal = Reveal::new(vec![Place {
            rank: 1,
            teams: vec!["T01".into()],
        }]);
        let begin = Change::SetReveal {
            edit: Edit::new(None, Some(reveal.clone())),
        };
        let step = Change::SetRevealed {
            edit: Edit::new(1, 2),
        };
        let end = Change::SetReveal {
            edit: Edit::new(Some(reveal), None),
        };
        let what = |c: &Change, lang| crate::words::history::what(c, &session, lang);
        assert_eq!(
            what(&begin, Lang::En),
            "start of the reveal of the laureates (1 laureate)"
        );
        assert_eq!(what(&step, Lang::Fr), "proclamation des lauréats : étape 2");
        assert_eq!(what(&end, Lang::En), "end of the reveal of the laureates");
        assert_eq!(
            crate::words::undo::undone(&step, Lang::En),
            "Undone: reveal of the laureates: step 2"
        );
    }
}
