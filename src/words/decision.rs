//! The `decide` command's lines: the decision saved, the one it replaces,
//! the laureates after it, and its refusals named by the command's options.

use crate::domain::ranking::decisions::{DecisionField, DecisionProblem};
use crate::domain::{Decision, DecisionKind, Lang};

/// "décision enregistrée — ordre T3, T7 (par Jury, motif)".
pub fn saved(decision: &Decision, lang: Lang) -> String {
    let head = lang.t("décision enregistrée", "decision saved");
    format!("{head} — {}", what(decision, lang))
}

/// "remplace la décision précédente sur cette égalité — ordre T3, T7 (…)".
pub fn replaces(earlier: &Decision, lang: Lang) -> String {
    let head = lang.t(
        "remplace la décision précédente sur cette égalité",
        "replaces the earlier decision on this tie",
    );
    format!("{head} — {}", what(earlier, lang))
}

/// What a decision decided, by whom and why: "ordre T3, T7 (par X, Y)".
fn what(decision: &Decision, lang: Lang) -> String {
    let (teams, by, reason) = (decision.teams.join(", "), &decision.by, &decision.reason);
    match (decision.kind, lang) {
        (DecisionKind::Order, Lang::Fr) => format!("ordre {teams} (par {by}, {reason})"),
        (DecisionKind::Order, Lang::En) => format!("order {teams} (by {by}, {reason})"),
        (DecisionKind::Admit, Lang::Fr) => format!("{teams} admises (par {by}, {reason})"),
        (DecisionKind::Admit, Lang::En) => format!("{teams} admitted (by {by}, {reason})"),
    }
}

/// "lauréats : T1, T2".
pub fn laureates(teams: &[&str], lang: Lang) -> String {
    let teams = teams.join(", ");
    format!("{}{teams}", lang.t("lauréats : ", "laureates: "))
}

/// A refusal, the empty fields named by the command's options.
pub fn problem(problem: &DecisionProblem, lang: Lang) -> String {
    match problem {
        DecisionProblem::NoBy => lang
            .t(
                "--by est vide : qui a décidé ?",
                "--by is empty: who decided?",
            )
            .to_string(),
        DecisionProblem::NoReason => lang
            .t("--reason est vide : pourquoi ?", "--reason is empty: why?")
            .to_string(),
        DecisionProblem::BadText(field, fault) => {
            let option = match field {
                DecisionField::By => "--by",
                DecisionField::Reason => "--reason",
            };
            super::ranking::text_problem(*fault, option, lang)
        }
        other => other.describe(lang),
    }
}
