//! `podium decide FILE (--order T3,T7 | --admit T3,T7) --by "..." --reason "..."`:
//! record the jury's decision on teams tied at the laureate cut-off, as one
//! operation. Allowed only when the teams are exactly a group of equal teams
//! straddling the cut-off under the official method.

use chrono::Utc;

use crate::cli::DecideArgs;
use crate::domain::ranking::{self, decisions::problems};
use crate::domain::{Change, Decision, DecisionKind, Lang, Operation, Session, TeamId};
use crate::storage;
use crate::words::decision as words;

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
    super::say(lang, &format!("{file}: {}", words::saved(&decision, lang)))?;
    if let Some(earlier) = &replaced {
        super::say(lang, &format!("{file}: {}", words::replaces(earlier, lang)))?;
    }
    super::say(lang, &words::laureates(&after.laureate_ids(), lang))?;
    Ok(())
}

/// The decision the official ranking applies to the group of `teams` now.
fn in_force(session: &Session, teams: &[TeamId]) -> Option<Decision> {
    let ranking = ranking::rank(session, session.settings.method);
    let first = teams.first()?;
    let index = ranking.row(first)?.decision?;
    ranking.decisions.get(index).cloned()
}

/// Every reason to refuse the decision, one line each (the check is the
/// results screen's too: `ranking::decisions::problems`).
pub fn check(session: &Session, decision: &Decision, lang: Lang) -> Result<(), Vec<String>> {
    let lines: Vec<String> = problems(session, decision)
        .iter()
        .map(|p| words::problem(p, lang))
        .collect();
    if lines.is_empty() { Ok(()) } else { Err(lines) }
}
