//! Decisions of the jury on ties: recorded or withdrawn; the results
//! sealed or unsealed.

use super::super::refusal::Refusal;
use super::super::session::{Decision, Session};

pub(super) fn add(s: &mut Session, decision: &Decision) -> Result<(), Refusal> {
    for team in &decision.teams {
        if s.team(team).is_none() {
            return Err(Refusal::UnknownTeam(team.clone()));
        }
    }
    s.decisions.push(decision.clone());
    Ok(())
}

pub(super) fn remove(s: &mut Session, decision: &Decision) -> Result<(), Refusal> {
    let index = s
        .decisions
        .iter()
        .rposition(|d| d == decision)
        .ok_or(Refusal::NoSuchDecision)?;
    s.decisions.remove(index);
    Ok(())
}

/// Seal (`sealed` true) or unseal the results; sealing what is sealed, or
/// unsealing what is not, is refused (never a silent change).
pub(super) fn seal(s: &mut Session, sealed: bool) -> Result<(), Refusal> {
    match (s.sealed, sealed) {
        (true, true) => Err(Refusal::AlreadySealed),
        (false, false) => Err(Refusal::NotSealed),
        _ => {
            s.sealed = sealed;
            Ok(())
        }
    }
}
