//! Decisions of the jury on ties: recorded or withdrawn.

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
