//! The ranking in words: the methods' names, the warnings, and why a
//! decision on a tie is refused.

use super::number::agree;
use crate::domain::Lang;
use crate::domain::Method;
use crate::domain::Session;
use crate::domain::ranking::decisions::{
    DECISION_TEXT_MAX, DecisionField, DecisionProblem, TextFault,
};
use crate::domain::ranking::{Warning, WarningCode};

impl Method {
    /// The method's name in words, for people (JSON keeps [`Method::id`]).
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Method::Mean => lang.t("moyenne", "mean"),
            Method::Normalized => lang.t("moyenne normalisée (z)", "normalized (z-scores)"),
            Method::Trimmed => lang.t("moyenne tronquée", "trimmed mean"),
            Method::Borda => lang.t("Borda", "Borda"),
            Method::Majority => lang.t("jugement majoritaire", "majority judgment"),
        }
    }
}

impl Warning {
    /// One line for people, in their language, with the ids.
    pub fn describe(&self, lang: Lang) -> String {
        let team = self.team.as_deref().unwrap_or("?");
        let juror = self.juror.as_deref().unwrap_or("?");
        warning(self.code, team, juror, lang)
    }

    /// [`Warning::describe`] with names for people: the team's name after
    /// its id, the juror's name before theirs (`T4 Standard : feuille
    /// manquante du juré Bob (J2)`). Ids unknown to `session` stay as they are.
    pub fn describe_in(&self, session: &Session, lang: Lang) -> String {
        let team = self
            .team
            .as_ref()
            .map_or("?".into(), |id| match session.team(id) {
                Some(t) if !t.name.is_empty() => format!("{id} {}", t.name),
                _ => id.to_string(),
            });
        let juror = self
            .juror
            .as_ref()
            .map_or("?".into(), |id| match session.juror(id) {
                // An anonymous juror's name is its id: said once.
                Some(j) if !j.name.is_empty() && j.name != **id => format!("{} ({id})", j.name),
                _ => id.to_string(),
            });
        warning(self.code, &team, &juror, lang)
    }
}

fn warning(code: WarningCode, team: &str, juror: &str, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    match code {
        WarningCode::MissingSheet if fr => format!("{team} : feuille manquante du juré {juror}"),
        WarningCode::MissingSheet => format!("{team}: missing sheet of juror {juror}"),
        WarningCode::PartialSheet if fr => format!("{team} : feuille incomplète du juré {juror}"),
        WarningCode::PartialSheet => format!("{team}: incomplete sheet of juror {juror}"),
        WarningCode::ChecksumMismatch if fr => {
            format!("{team} : le total manuscrit du juré {juror} diffère de la somme des notes")
        }
        WarningCode::ChecksumMismatch => format!(
            "{team}: the handwritten total of juror {juror} differs from the sum of the values"
        ),
        WarningCode::TooFewSheets if fr => {
            format!("{team} : trop peu de feuilles, classée après les autres")
        }
        WarningCode::TooFewSheets => format!("{team}: too few sheets, ranked after the others"),
        WarningCode::StaleDecision if fr => {
            format!("décision sur {team} : ne correspond plus à aucun groupe d'ex aequo")
        }
        WarningCode::StaleDecision => {
            format!("decision on {team}: no longer matches a group of tied teams")
        }
    }
}

/// A decision's free-text field as the results screen's form calls it.
fn field_name(field: DecisionField, lang: Lang) -> &'static str {
    match field {
        DecisionField::By => lang.t("« par »", "\"by\""),
        DecisionField::Reason => lang.t("« motif »", "\"reason\""),
    }
}

/// A too long or unsafe `by` or `reason`, the field called `name`.
pub(crate) fn text_problem(fault: TextFault, name: &str, lang: Lang) -> String {
    match (fault, lang) {
        (TextFault::TooLong, Lang::Fr) => {
            format!("{name} : plus de {DECISION_TEXT_MAX} caractères")
        }
        (TextFault::TooLong, Lang::En) => format!("{name}: over {DECISION_TEXT_MAX} characters"),
        (TextFault::Unsafe, Lang::Fr) => format!("{name} contient un caractère de contrôle"),
        (TextFault::Unsafe, Lang::En) => format!("{name} holds a control character"),
    }
}

impl DecisionProblem {
    /// The refusal in words (the empty fields are worded by the caller,
    /// who knows what the field is called).
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            DecisionProblem::NoBy => lang
                .t(
                    "« par » est vide : qui a décidé ?",
                    "\"by\" is empty: who decided?",
                )
                .into(),
            DecisionProblem::NoReason => lang
                .t(
                    "« motif » est vide : pourquoi ?",
                    "\"reason\" is empty: why?",
                )
                .into(),
            DecisionProblem::BadText(field, fault) => {
                text_problem(*fault, field_name(*field, lang), lang)
            }
            DecisionProblem::UnknownTeam(team) => match lang {
                Lang::Fr => format!("équipe inconnue {team}"),
                Lang::En => format!("unknown team {team}"),
            },
            DecisionProblem::NotACutoffGroup {
                listed,
                groups,
                method,
            } => {
                let groups: Vec<String> = groups.iter().map(|g| g.join(", ")).collect();
                not_a_cutoff_group(&listed.join(", "), listed.len(), &groups, *method, lang)
            }
        }
    }
}

/// "refusé : T1, T2 ne forment pas un groupe d'ex aequo à la limite…"
fn not_a_cutoff_group(
    listed: &str,
    count: usize,
    groups: &[String],
    method: Method,
    lang: Lang,
) -> String {
    let method = method.name(lang);
    let n = groups.len();
    match lang {
        Lang::Fr => {
            let verb = if count > 1 {
                "ne forment pas"
            } else {
                "ne forme pas"
            };
            let head = format!("refusé : {listed} {verb}");
            let tail = format!("à la limite des lauréats (méthode officielle : {method})");
            if groups.is_empty() {
                format!("{head} un groupe d'ex aequo {tail} ; il n'y en a aucun")
            } else {
                let those = agree(n, lang, "groupe à la limite", "groupes à la limite");
                let groups = groups.join(" ; ");
                format!("{head} exactement un groupe d'ex aequo {tail} ; {those} : {groups}")
            }
        }
        Lang::En => {
            let verb = if count > 1 { "are not" } else { "is not" };
            let head = format!("refused: {listed} {verb}");
            let tail = format!("at the laureate cut-off (official method: {method})");
            if groups.is_empty() {
                format!("{head} a group of teams tied {tail}; there is none")
            } else {
                let those = agree(n, lang, "group at the cut-off", "groups at the cut-off");
                let groups = groups.join("; ");
                format!("{head} exactly a group of teams tied {tail}; {those}: {groups}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_by_or_reason_is_worded_with_the_field_as_the_command_or_the_form_calls_it() {
        let by = DecisionProblem::BadText(DecisionField::By, TextFault::TooLong);
        let reason = DecisionProblem::BadText(DecisionField::Reason, TextFault::Unsafe);
        let worded = |p: &DecisionProblem, lang| crate::words::decision::problem(p, lang);
        assert_eq!(worded(&by, Lang::Fr), "--by : plus de 500 caractères");
        assert_eq!(
            worded(&reason, Lang::En),
            "--reason holds a control character"
        );
        assert_eq!(by.describe(Lang::Fr), "« par » : plus de 500 caractères");
        assert_eq!(by.describe(Lang::En), "\"by\": over 500 characters");
        assert_eq!(
            reason.describe(Lang::Fr),
            "« motif » contient un caractère de contrôle"
        );
    }

    #[test]
    fn a_refused_decision_names_the_groups_at_the_cut_off_agreeing_in_number() {
        let problem = |groups: Vec<Vec<&str>>| DecisionProblem::NotACutoffGroup {
            listed: vec!["T3".into()],
            groups: groups
                .into_iter()
                .map(|g| g.into_iter().map(Into::into).collect())
                .collect(),
            method: Method::Mean,
        };
        let one = problem(vec![vec!["T1", "T2"]]).describe(Lang::En);
        assert!(one.ends_with("; group at the cut-off: T1, T2"), "{one}");
        let two = problem(vec![vec!["T1", "T2"], vec!["T4", "T5"]]).describe(Lang::Fr);
        assert!(
            two.ends_with(" ; groupes à la limite : T1, T2 ; T4, T5"),
            "{two}"
        );
        assert!(
            two.starts_with("refusé : T3 ne forme pas exactement"),
            "{two}"
        );
        let none = problem(vec![]).describe(Lang::En);
        assert!(
            none.ends_with("(official method: mean); there is none"),
            "{none}"
        );
    }
}
