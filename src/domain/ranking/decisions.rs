//! Jury decisions: which group each one settles, which match no group.
//!
//! Groups are formed first; a decision applies to the group whose teams are
//! exactly its teams (the latest such decision wins). Only groups of teams
//! with enough sheets can be settled (the others are never laureates).

use std::collections::HashMap;

use crate::domain::session::Decision;

use super::order::Group;
use super::sheets::Board;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settled {
    /// For each group, the index of the decision that settles it.
    pub per_group: Vec<Option<usize>>,
    /// Indices of the decisions that match no group.
    pub stale: Vec<usize>,
}

/// The teams of a decision as a sorted set, or `None` if a team is named twice.
fn team_set(decision: &Decision) -> Option<Vec<&str>> {
    let mut ids: Vec<&str> = decision.teams.iter().map(String::as_str).collect();
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
    for (i, decision) in decisions.iter().enumerate() {
        match team_set(decision).and_then(|set| by_set.get(&set)) {
            Some(&g) => settled.per_group[g] = Some(i),
            None => settled.stale.push(i),
        }
    }
    settled
}

/// Whether `teams` are exactly one group of equal teams straddling the
/// cut-off in this ranking: what `decide` requires.
pub fn names_cutoff_group(ranking: &super::Ranking, teams: &[String]) -> bool {
    let mut wanted: Vec<&str> = teams.iter().map(String::as_str).collect();
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
