//! The words of the blind double entry: the grid's blind mode, its
//! settling of differences, and where each team stands (Completeness, the
//! grid's header).

use super::number::{count, dec};
use crate::app::screens::scores::NotSent;
use crate::app::screens::scores::blind::BlindStatus;
use crate::domain::double_entry::{Difference, Standing};
use crate::domain::{Change, Dec, Edit, Lang};

/// The mode's title, before the team.
pub fn title(lang: Lang) -> &'static str {
    lang.t("Double saisie à l'aveugle", "Blind double entry")
}

/// Where a team stands, short (Completeness, the mode's title); empty when
/// nothing is re-typed.
pub fn standing(standing: Standing, lang: Lang) -> String {
    match standing {
        Standing::NotStarted => String::new(),
        Standing::Typing { typed, cells } => match lang {
            Lang::Fr => format!("2e saisie {typed}/{cells}"),
            Lang::En => format!("2nd entry {typed}/{cells}"),
        },
        Standing::Differs(n) => match lang {
            Lang::Fr => count(n, lang, "écart", "écarts"),
            Lang::En => count(n, lang, "difference", "differences"),
        },
        Standing::VerifiedTwice => verified_twice(lang).to_string(),
    }
}

/// A team whose two entries agree.
pub fn verified_twice(lang: Lang) -> &'static str {
    lang.t("vérifiée deux fois", "verified twice")
}

/// The mark of a team verified twice (Completeness rows, its legend).
pub const TWICE: &str = "2×";

/// The grid's header mark.
pub fn header_mark(lang: Lang) -> &'static str {
    lang.t("VÉRIFIÉE 2×", "VERIFIED TWICE")
}

/// The line under the title while typing.
pub fn typing_help(lang: Lang) -> &'static str {
    lang.t(
        "1re saisie masquée : retapez les fiches papier ; c : comparer, Échap : sortir.",
        "First entry hidden: type the paper sheets again; c: compare, Esc: leave.",
    )
}

/// The line under the title while settling.
pub fn settling_help(differences: usize, lang: Lang) -> String {
    if differences == 0 {
        return String::new();
    }
    match lang {
        Lang::Fr => format!(
            "{} à régler : ← garder la 1re saisie, → la 2e, ou tapez une 3e valeur puis Entrée.",
            count(differences, lang, "écart", "écarts")
        ),
        Lang::En => format!(
            "{} to settle: ← keep the first entry, → the second, or type a third value then Enter.",
            count(differences, lang, "difference", "differences")
        ),
    }
}

/// The settling list when nothing differs.
pub fn nothing_differs(verified: bool, lang: Lang) -> &'static str {
    if verified {
        lang.t(
            "Les deux saisies concordent : équipe vérifiée deux fois.",
            "Both entries agree: the team is verified twice.",
        )
    } else {
        lang.t(
            "Rien à comparer : aucune note n'est saisie.",
            "Nothing to compare: no value is entered.",
        )
    }
}

/// The settling list's column titles: juror, criterion, first, second.
pub fn columns(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Fr => ["Juré", "Critère", "1re saisie", "2e saisie"],
        Lang::En => ["Juror", "Criterion", "1st entry", "2nd entry"],
    }
}

/// One entry's value in the settling list.
pub fn value(value: Option<Dec>, lang: Lang) -> String {
    match value {
        Some(v) => dec(v, lang),
        None => lang.t("vide", "empty").to_string(),
    }
}

/// The second entry's side of a difference.
pub fn second(difference: &Difference, lang: Lang) -> String {
    if difference.untyped() {
        lang.t("non retapée", "not typed").to_string()
    } else {
        value(difference.second, lang)
    }
}

/// The third value being typed.
pub fn third(input: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("3e valeur : {input}_ (Entrée pour la mettre dans les deux saisies)"),
        Lang::En => format!("Third value: {input}_ (Enter puts it into both entries)"),
    }
}

/// The Completeness board's line: the teams nearest the cut-off first.
/// While the results are sealed (`sealed`), the teams are in schedule
/// order: which are near the cut-off would say something of the ranking.
pub fn board_line(teams: &[String], sealed: bool, lang: Lang) -> String {
    let list = teams.join(" · ");
    match (sealed, lang) {
        (false, Lang::Fr) => format!("Double saisie b/B, près du seuil d'abord : {list}"),
        (false, Lang::En) => format!("Double entry b/B, nearest the cut-off first: {list}"),
        (true, Lang::Fr) => {
            format!("Double saisie b/B, dans l'ordre du programme (résultats scellés) : {list}")
        }
        (true, Lang::En) => {
            format!("Double entry b/B, in schedule order (results sealed): {list}")
        }
    }
}

/// What the blind mode's status line says.
pub fn status(status: &BlindStatus, lang: Lang) -> String {
    match status {
        BlindStatus::NotSent(NotSent::Refused { text, refusal }) => match lang {
            Lang::Fr => format!("« {text} » refusé : {}", refusal.message(lang)),
            Lang::En => format!("“{text}” refused: {}", refusal.message(lang)),
        },
        BlindStatus::NotSent(NotSent::NotANumber { text }) => match lang {
            Lang::Fr => format!("« {text} » n'est pas un nombre"),
            Lang::En => format!("“{text}” is not a number"),
        },
        BlindStatus::NotSent(NotSent::NotScored { juror, status }) => {
            let why = super::pair::reason(*status, lang);
            match lang {
                Lang::Fr => format!("{juror} ne note pas cette équipe ({why})"),
                Lang::En => format!("{juror} does not score this team ({why})"),
            }
        }
        BlindStatus::FinishEntry => lang
            .t(
                "Valider (Entrée) ou abandonner (Échap) la valeur tapée d'abord",
                "Commit (Enter) or discard (Esc) the typed value first",
            )
            .to_string(),
        BlindStatus::VerifiedTwice => lang
            .t(
                "Dernier écart réglé : équipe vérifiée deux fois.",
                "Last difference settled: the team is verified twice.",
            )
            .to_string(),
        BlindStatus::AllVerifiedTwice => lang
            .t(
                "Toutes les équipes classées sont vérifiées deux fois.",
                "Every ranked team is verified twice.",
            )
            .to_string(),
    }
}

/// What `u` says it undid, for the double entry's changes (`None` for
/// any other change). A second-entry cell says what comes back.
pub fn undone(done: &Change, lang: Lang) -> Option<String> {
    Some(match done {
        Change::SetSecondCell {
            team,
            juror,
            criterion,
            edit: Edit { seen, new },
        } => format!(
            "{} {team} {juror} {criterion} {} → {}",
            lang.t("2e saisie", "second entry"),
            value(*new, lang),
            value(*seen, lang)
        ),
        Change::ResolveCell {
            team,
            juror,
            criterion,
            edit: Edit { seen, .. },
        } => {
            let (first, second) = (value(seen.first, lang), value(seen.second, lang));
            match lang {
                Lang::Fr => format!(
                    "écart réglé {team} {juror} {criterion} (1re saisie {first}, 2e {second})"
                ),
                Lang::En => format!(
                    "settled difference {team} {juror} {criterion} (first entry {first}, second {second})"
                ),
            }
        }
        _ => return None,
    })
}
