//! Places, shared ranks, the cut-off, laureates and decisions applied.

use crate::domain::session::{Decision, DecisionKind, TeamId};

use super::decisions::Settled;
use super::order::{Group, Separation};

/// One placed team, before the row's figures are filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub team: usize,
    pub rank: usize,
    pub tied: bool,
    pub laureate: bool,
    pub at_cutoff: bool,
    pub too_few_sheets: bool,
    pub separated_by: Separation,
    pub decision: Option<usize>,
}

/// The three parts of the ranking, in order.
pub struct Parts<'a> {
    /// Groups of teams with enough sheets.
    pub enough: &'a [Group],
    /// Groups of teams with some sheets, fewer than the minimum.
    pub few: &'a [Group],
    /// Teams with no sheet that counts, in schedule order.
    pub none: &'a [usize],
}

/// Place every team; returns the places in row order and `cutoff_tie`.
pub fn place(
    parts: &Parts,
    settled: &Settled,
    laureates: usize,
    decisions: &[Decision],
    team_id: impl Fn(usize) -> TeamId,
) -> (Vec<Place>, bool) {
    let mut places = Vec::new();
    let mut cutoff_tie = false;
    let mut position = 1;
    for (g, group) in parts.enough.iter().enumerate() {
        let len = group.members.len();
        let (p, q) = (position, position + len - 1);
        let straddles = p <= laureates && laureates < q;
        let decision = settled.per_group[g];
        let first = group.separated_by.clone();
        match decision.map(|i| (i, &decisions[i])) {
            Some((i, d)) if d.kind == DecisionKind::Order => {
                // The decision names exactly this group's teams.
                let ordered: Vec<usize> = d
                    .teams
                    .iter()
                    .filter_map(|id| group.members.iter().copied().find(|&t| team_id(t) == *id))
                    .collect();
                for (k, &team) in ordered.iter().enumerate() {
                    places.push(Place {
                        team,
                        rank: p + k,
                        tied: false,
                        laureate: p + k <= laureates,
                        at_cutoff: straddles,
                        too_few_sheets: false,
                        separated_by: if k == 0 {
                            first.clone()
                        } else {
                            Separation::Decision
                        },
                        decision: Some(i),
                    });
                }
            }
            other => {
                let admitted = other.is_some();
                if straddles && !admitted {
                    cutoff_tie = true;
                }
                for (k, &team) in group.members.iter().enumerate() {
                    places.push(Place {
                        team,
                        rank: p,
                        tied: len >= 2,
                        laureate: admitted || (!straddles && q <= laureates),
                        at_cutoff: straddles,
                        too_few_sheets: false,
                        separated_by: if k == 0 {
                            first.clone()
                        } else {
                            Separation::Equal
                        },
                        decision: other.map(|(i, _)| i),
                    });
                }
            }
        }
        position += len;
    }
    let mut behind = |members: &[usize], first: Separation, places: &mut Vec<Place>| {
        let p = position;
        for (k, &team) in members.iter().enumerate() {
            places.push(Place {
                team,
                rank: p,
                tied: members.len() >= 2,
                laureate: false,
                at_cutoff: false,
                too_few_sheets: true,
                separated_by: match k {
                    0 if p == 1 => Separation::First,
                    0 => first.clone(),
                    _ => Separation::Equal,
                },
                decision: None,
            });
        }
        position += members.len();
    };
    for (g, group) in parts.few.iter().enumerate() {
        let first = if g == 0 {
            Separation::TooFewSheets
        } else {
            group.separated_by.clone()
        };
        behind(&group.members, first, &mut places);
    }
    if !parts.none.is_empty() {
        behind(parts.none, Separation::NoSheet, &mut places);
    }
    (places, cutoff_tie)
}
