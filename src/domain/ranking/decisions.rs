//! Jury decisions: which group each one settles, which match no group.
//!
//! Groups are formed first; a decision applies to the group whose teams are
//! exactly its teams (the latest such decision wins). Only groups of teams
//! with enough sheets can be settled (the others are never laureates).

use std::collections::HashMap;

use crate::domain::session::{Decision, Method, Session, TeamId};
use crate::domain::validate::{is_too_long, is_unsafe_text};

use super::order::Group;
use super::sheets::Board;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settled {
    /// For each group, the index of the decision that settles it.
    pub per_group: Vec<Option<usize>>,
    /// Indices of the decisions that match no group (a decision replaced by
    /// a later one on the same teams is neither settling nor stale).
    pub stale: Vec<usize>,
}

/// The teams of a decision as a sorted set, or `None` if a team is named twice.
fn team_set(decision: &Decision) -> Option<Vec<&str>> {
    let mut ids: Vec<&str> = decision.teams.iter().map(TeamId::as_str).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    (ids.len() == before && !ids.is_empty()).then_some(ids)
}

pub fn settle(groups: &[Group], board: &Board, decisions: &[Decision]) -> Settled {
    let mut by_set: HashMap<Vec<&str>, usize> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        let mut ids: Vec<&str> = group
            .members
            .iter()
            .map(|&t| board.teams[t].id.as_str())
            .collect();
        ids.sort_unstable();
        by_set.insert(ids, g);
    }
    let mut settled = Settled {
        per_group: vec![None; groups.len()],
        stale: Vec::new(),
    };
    // A later decision on the same teams replaces an earlier one: only the
    // latest decision per set of teams settles a group or can be stale.
    let sets: Vec<Option<Vec<&str>>> = decisions.iter().map(team_set).collect();
    for (i, set) in sets.iter().enumerate() {
        let replaced = set.is_some() && sets[i + 1..].iter().any(|later| later == set);
        if replaced {
            continue;
        }
        match set.as_ref().and_then(|set| by_set.get(set)) {
            Some(&g) => settled.per_group[g] = Some(i),
            None => settled.stale.push(i),
        }
    }
    settled
}

/// Whether `teams` are exactly one group of equal teams straddling the
/// cut-off in this ranking: what `decide` requires.
pub fn names_cutoff_group(ranking: &super::Ranking, teams: &[TeamId]) -> bool {
    let mut wanted: Vec<&str> = teams.iter().map(TeamId::as_str).collect();
    wanted.sort_unstable();
    let before = wanted.len();
    wanted.dedup();
    if wanted.len() != before {
        return false;
    }
    ranking.cutoff_groups().into_iter().any(|mut group| {
        group.sort_unstable();
        group == wanted
    })
}

/// Why a decision cannot be recorded: what `podium decide` and the results
/// screen both check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecisionProblem {
    /// Nobody is named as having decided.
    NoBy,
    /// No reason is given.
    NoReason,
    /// `by` or `reason` is too long or holds an unsafe character.
    BadText(DecisionField, TextFault),
    UnknownTeam(TeamId),
    /// The teams are not exactly a group of equal teams straddling the
    /// cut-off under the official method.
    NotACutoffGroup {
        listed: Vec<TeamId>,
        /// The groups at the cut-off, each as its team ids.
        groups: Vec<Vec<TeamId>>,
        /// The official method.
        method: Method,
    },
}

/// The longest `by` or `reason` of a decision, in characters.
pub const DECISION_TEXT_MAX: usize = 500;

/// A free-text field of a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionField {
    By,
    Reason,
}

/// What is wrong with a decision's `by` or `reason`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFault {
    /// More than [`DECISION_TEXT_MAX`] characters.
    TooLong,
    /// A control or direction character
    /// ([`crate::domain::validate::is_unsafe_char`]).
    Unsafe,
}

/// Every reason to refuse `decision` on `session`: empty, too long or
/// unsafe `by` or `reason`, unknown teams, and (when those are fine) teams that are not exactly a
/// group straddling the cut-off under the official method.
pub fn problems(session: &Session, decision: &Decision) -> Vec<DecisionProblem> {
    let mut out = Vec::new();
    if decision.by.trim().is_empty() {
        out.push(DecisionProblem::NoBy);
    }
    if decision.reason.trim().is_empty() {
        out.push(DecisionProblem::NoReason);
    }
    for (field, text) in [
        (DecisionField::By, &decision.by),
        (DecisionField::Reason, &decision.reason),
    ] {
        if is_too_long(text, DECISION_TEXT_MAX) {
            out.push(DecisionProblem::BadText(field, TextFault::TooLong));
        }
        if is_unsafe_text(text) {
            out.push(DecisionProblem::BadText(field, TextFault::Unsafe));
        }
    }
    for team in &decision.teams {
        if session.team(team).is_none() {
            out.push(DecisionProblem::UnknownTeam(team.clone()));
        }
    }
    if out.is_empty() {
        let official = super::rank(session, session.settings.method);
        if !names_cutoff_group(&official, &decision.teams) {
            out.push(DecisionProblem::NotACutoffGroup {
                listed: decision.teams.clone(),
                groups: official
                    .cutoff_groups()
                    .iter()
                    .map(|g| g.iter().map(|t| TeamId::from(t.to_string())).collect())
                    .collect(),
                method: session.settings.method,
            });
        }
    }
    out
}
