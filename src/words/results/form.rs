//! The decision form's words: its title, the choice, the fields, the hint
//! of each step, and the warning while the results are provisional.

use crate::app::screens::results::Step;
use crate::domain::Lang;
use crate::words::number::count;

/// The form's fixed texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    Title,
    /// The choice `o`.
    Order,
    /// The choice `a`.
    Admit,
    /// The field of who decided.
    By,
    /// The field of why.
    Reason,
}

impl Label {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Label::Title => lang.t(
                "Décision du jury — égalité à la limite",
                "Jury decision — tie at the cut-off",
            ),
            Label::Order => lang.t("o : ordre décidé", "o: order decided"),
            Label::Admit => lang.t("a : toutes admises", "a: all admitted"),
            Label::By => lang.t("Par : ", "By: "),
            Label::Reason => lang.t("Motif : ", "Reason: "),
        }
    }
}

/// What the keys do at this step, under the form.
pub fn hint(step: Step, lang: Lang) -> &'static str {
    match step {
        Step::Choice => lang.t(
            "↑↓ choisir · K/J déplacer · Entrée : continuer · Échap : abandonner",
            "↑↓ select · K/J move · Enter: go on · Esc: abandon",
        ),
        Step::By => lang.t(
            "Qui a décidé ? Entrée : continuer · Échap : abandonner",
            "Who decided? Enter: go on · Esc: abandon",
        ),
        Step::Reason => lang.t(
            "Pourquoi ? Entrée : enregistrer · Échap : abandonner",
            "Why? Enter: record · Esc: abandon",
        ),
    }
}

/// While `sheets` sheets are missing, partial or mismatched: the decision
/// may not hold (a score still to come can change the tie).
pub fn provisional(sheets: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Résultats PROVISOIRES ({} à compléter) : une note à venir peut rendre cette décision caduque.",
            count(sheets, lang, "feuille", "feuilles")
        ),
        Lang::En => format!(
            "Results PROVISIONAL ({} to complete): a score still to come can make this decision stale.",
            count(sheets, lang, "sheet", "sheets")
        ),
    }
}
