//! `podium decide FILE (--order T3,T7 | --admit T3,T7) --by "..." --reason "..."`:
//! record the jury's decision on teams tied at the laureate cut-off, as one
//! operation. Allowed only when the teams are exactly a group of equal teams
//! straddling the cut-off under the official method.

use chrono::Utc;

use crate::cli::DecideArgs;
use crate::domain::ranking::{
    self,
    decisions::{DecisionProblem, problems},
};
use crate::domain::{Change, Decision, DecisionKind, Lang, Operation, Session, TeamId};
use crate::storage;

use super::{Failure, Outcome};

pub fn run(flag: Option<Lang>, args: &DecideArgs) -> Outcome {
    let file = args.file.display().to_string();
    // The journal past the checkpoint is checked first: a damaged one is
    // never written to.
    let (mut live, lang) = super::open_writer(flag, &args.file)?;
    let session = live.session();
    // A tie is decided on the ranking, which a sealed session hides (and
    // what `decide` says would show it).
    if session.is_sealed() {
        return Err(Failure::one(lang, crate::words::seal::refused(&file, lang)));
    }
    let (kind, teams) = if args.admit.is_empty() {
        (DecisionKind::Order, args.order.clone())
    } else {
        (DecisionKind::Admit, args.admit.clone())
    };
    let teams: Vec<TeamId> = teams.iter().map(|t| t.trim().into()).collect();
    let decision = Decision {
        kind,
        teams,
        by: args.by.trim().to_string(),
        reason: args.reason.trim().to_string(),
        at: Utc::now(),
    };
    check(session, &decision, lang).map_err(|lines| {
        Failure::new(
            lang,
            lines.into_iter().map(|l| format!("{file}: {l}")).collect(),
        )
    })?;
    // The decision now in force on this very tie, which this one replaces.
    let replaced = in_force(session, &decision.teams);
    let op = Operation::new(
        Change::AddDecision {
            decision: decision.clone(),
        },
        storage::new_id(),
        decision.at,
    );
    super::commit_change(&mut live, &op, &file, lang)?;
    // The laureates as saved.
    let after = ranking::rank(live.session(), live.session().settings.method);
    let teams = decision.teams.join(", ");
    super::say(
        lang,
        &match (kind, lang) {
            (DecisionKind::Order, Lang::Fr) => format!(
                "{file}: décision enregistrée — ordre {teams} (par {}, {})",
                decision.by, decision.reason
            ),
            (DecisionKind::Order, Lang::En) => format!(
                "{file}: decision saved — order {teams} (by {}, {})",
                decision.by, decision.reason
            ),
            (DecisionKind::Admit, Lang::Fr) => format!(
                "{file}: décision enregistrée — {teams} admises (par {}, {})",
                decision.by, decision.reason
            ),
            (DecisionKind::Admit, Lang::En) => format!(
                "{file}: decision saved — {teams} admitted (by {}, {})",
                decision.by, decision.reason
            ),
        },
    )?;
    if let Some(earlier) = &replaced {
        super::say(lang, &format!("{file}: {}", replaces(earlier, lang)))?;
    }
    let laureates = after.laureate_ids().join(", ");
    super::say(
        lang,
        &match lang {
            Lang::Fr => format!("lauréats : {laureates}"),
            Lang::En => format!("laureates: {laureates}"),
        },
    )?;
    Ok(())
}

/// The decision the official ranking applies to the group of `teams` now.
fn in_force(session: &Session, teams: &[TeamId]) -> Option<Decision> {
    let ranking = ranking::rank(session, session.settings.method);
    let first = teams.first()?;
    let index = ranking.row(first)?.decision?;
    ranking.decisions.get(index).cloned()
}

/// `decide` replacing the decision in force on the same tie says so.
fn replaces(earlier: &Decision, lang: Lang) -> String {
    let (teams, by, reason) = (earlier.teams.join(", "), &earlier.by, &earlier.reason);
    match (earlier.kind, lang) {
        (DecisionKind::Order, Lang::Fr) => format!(
            "remplace la décision précédente sur cette égalité — ordre {teams} (par {by}, {reason})"
        ),
        (DecisionKind::Order, Lang::En) => {
            format!("replaces the earlier decision on this tie — order {teams} (by {by}, {reason})")
        }
        (DecisionKind::Admit, Lang::Fr) => format!(
            "remplace la décision précédente sur cette égalité — {teams} admises (par {by}, {reason})"
        ),
        (DecisionKind::Admit, Lang::En) => format!(
            "replaces the earlier decision on this tie — {teams} admitted (by {by}, {reason})"
        ),
    }
}

/// Every reason to refuse the decision, one line each (the check is the
/// results screen's too: `ranking::decisions::problems`).
pub fn check(session: &Session, decision: &Decision, lang: Lang) -> Result<(), Vec<String>> {
    let lines: Vec<String> = problems(session, decision)
        .iter()
        .map(|p| match p {
            DecisionProblem::NoBy => lang
                .t(
                    "--by est vide : qui a décidé ?",
                    "--by is empty: who decided?",
                )
                .to_string(),
            DecisionProblem::NoReason => lang
                .t("--reason est vide : pourquoi ?", "--reason is empty: why?")
                .to_string(),
            other => other.describe(lang),
        })
        .collect();
    if lines.is_empty() { Ok(()) } else { Err(lines) }
}
