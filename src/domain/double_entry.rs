//! Blind double entry: a second person (or the secretary again) re-types a
//! team's values without seeing the first entry; the two are compared cell
//! by cell, every difference is settled one by one (keep the first, keep
//! the second, or a third value), and the team is *verified twice* once
//! they agree.
//!
//! The second entry lives in `Session::second_entry` and never scores; it
//! changes by `Change::SetSecondCell`, a difference is settled by
//! `Change::ResolveCell` (both entries take one value together).
//!
//! Only the cells of expected sheets compare (a recused or absent juror,
//! a withdrawn team: nothing to check). A cell the first entry holds and
//! the second has not re-typed is *untyped*: listed among the differences
//! to settle (the paper may really be empty there), but not counted as
//! typed.

use super::decimal::Dec;
use super::operation::{Change, Edit, Entries};
use super::ranking::Ranking;
use super::session::{CriterionId, JurorId, Session, TeamId, TeamStatus};

/// A cell where the two entries differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub team: TeamId,
    pub juror: JurorId,
    pub criterion: CriterionId,
    pub first: Option<Dec>,
    pub second: Option<Dec>,
}

impl Difference {
    /// The second entry has not typed this cell (the first has a value).
    pub fn untyped(&self) -> bool {
        self.second.is_none()
    }
}

/// How a difference is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    KeepFirst,
    KeepSecond,
    /// Neither: a third value, into both entries.
    Third(Dec),
}

/// The two entries of one team, compared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Cells of expected sheets the second entry has a value for.
    pub typed: usize,
    /// Cells of expected sheets either entry has a value for.
    pub cells: usize,
    /// Cells where both entries hold the same value.
    pub agreeing: usize,
    /// Every cell where they differ (untyped ones included), in juror then
    /// criterion order.
    pub differences: Vec<Difference>,
}

impl Comparison {
    /// The second entry has begun.
    pub fn started(&self) -> bool {
        self.typed > 0
    }

    /// Both entries agree on every cell, and there is something to agree on.
    pub fn verified_twice(&self) -> bool {
        self.agreeing > 0 && self.differences.is_empty()
    }
}

/// Where a team stands in the double entry (what Completeness shows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Nothing re-typed yet.
    NotStarted,
    /// Re-typing under way: cells typed out of cells to check.
    Typing {
        typed: usize,
        cells: usize,
    },
    /// Every cell typed; this many differences to settle.
    Differs(usize),
    VerifiedTwice,
}

impl Comparison {
    pub fn standing(&self) -> Standing {
        if self.verified_twice() {
            Standing::VerifiedTwice
        } else if !self.started() {
            Standing::NotStarted
        } else if self.typed < self.cells {
            Standing::Typing {
                typed: self.typed,
                cells: self.cells,
            }
        } else {
            Standing::Differs(self.differences.len())
        }
    }
}

impl Session {
    /// A cell of the second entry.
    pub fn second_value(
        &self,
        team: &TeamId,
        juror: &JurorId,
        criterion: &CriterionId,
    ) -> Option<Dec> {
        self.second_entry
            .get(team)
            .and_then(|jurors| jurors.get(juror))
            .and_then(|cells| cells.get(criterion))
            .copied()
    }
}

/// Compare the two entries of a team (a team unknown or withdrawn: nothing).
pub fn compare(session: &Session, team: &TeamId) -> Comparison {
    let mut out = Comparison::default();
    let Some(t) = session
        .team(team)
        .filter(|t| t.status == TeamStatus::Scheduled)
    else {
        return out;
    };
    for juror in &session.jurors {
        if session.excuse(t, juror).is_some() {
            continue;
        }
        for criterion in &session.criteria {
            let first = session.value(&t.id, &juror.id, &criterion.id);
            let second = session.second_value(&t.id, &juror.id, &criterion.id);
            if first.is_none() && second.is_none() {
                continue;
            }
            out.cells += 1;
            out.typed += usize::from(second.is_some());
            if first == second {
                out.agreeing += 1;
            } else {
                out.differences.push(Difference {
                    team: t.id.clone(),
                    juror: juror.id.clone(),
                    criterion: criterion.id.clone(),
                    first,
                    second,
                });
            }
        }
    }
    out
}

/// Whether a team is verified twice.
pub fn verified_twice(session: &Session, team: &TeamId) -> bool {
    compare(session, team).verified_twice()
}

/// The change that sets one cell of the second entry (`seen`: what it
/// holds as this terminal sees it).
pub fn set_second(
    session: &Session,
    team: &TeamId,
    juror: &JurorId,
    criterion: &CriterionId,
    new: Option<Dec>,
) -> Change {
    Change::SetSecondCell {
        team: team.clone(),
        juror: juror.clone(),
        criterion: criterion.clone(),
        edit: Edit::new(session.second_value(team, juror, criterion), new),
    }
}

/// The change that settles a difference: both entries take the value kept.
pub fn resolve(difference: &Difference, resolution: Resolution) -> Change {
    let value = match resolution {
        Resolution::KeepFirst => difference.first,
        Resolution::KeepSecond => difference.second,
        Resolution::Third(v) => Some(v),
    };
    Change::ResolveCell {
        team: difference.team.clone(),
        juror: difference.juror.clone(),
        criterion: difference.criterion.clone(),
        edit: Edit::new(
            Entries {
                first: difference.first,
                second: difference.second,
            },
            Entries {
                first: value,
                second: value,
            },
        ),
    }
}

/// The ranked teams, those nearest the laureate cut-off first (places N
/// and N + 1, then N − 1 and N + 2, …): where a typing error would change
/// who is a laureate, so where a second entry matters most. Equally near:
/// the one above the cut-off first. Teams with no sheet that counts come
/// last, in ranking (schedule) order.
pub fn by_distance_to_cutoff(ranking: &Ranking) -> Vec<TeamId> {
    let n = ranking.laureates as usize;
    let mut teams: Vec<(bool, usize, usize, &TeamId)> = ranking
        .ranking
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let distance = if i < n {
                2 * (n - 1 - i)
            } else {
                2 * (i - n) + 1
            };
            (row.score.is_none(), distance, i, &row.team)
        })
        .collect();
    teams.sort_by_key(|&(unscored, distance, i, _)| {
        (unscored, if unscored { i } else { distance }, i)
    });
    teams.into_iter().map(|(.., t)| t.clone()).collect()
}

#[cfg(test)]
mod tests;
