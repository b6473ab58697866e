//! Sorting teams by score, forming groups of equal teams, breaking ties.

use std::cmp::Ordering;

use num_bigint::BigInt;

use super::Score;
use super::majority;
use super::sheets::Board;
use crate::domain::session::CriterionId;

/// Why a row stands below the one before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Separation {
    /// The first row of the ranking.
    First,
    /// A lower score (or majority values).
    Score,
    /// Equal scores, separated by this tie-break criterion (its id).
    TieBreak(CriterionId),
    /// Equal, ordered by the jury's decision.
    Decision,
    /// Equal: shares the rank of the row before.
    Equal,
    /// The first team with too few sheets (below every team with enough).
    TooFewSheets,
    /// The first team with no sheet that counts (last of all).
    NoSheet,
}

/// Teams that are equal: they share a rank unless a decision orders them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Team indices (into `Board::teams`), in schedule order.
    pub members: Vec<usize>,
    pub separated_by: Separation,
}

/// Two `normalized` scores are equal within 1e-9 relative.
pub fn floats_equal(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * 1f64.max(a.abs()).max(b.abs())
}

/// `Greater` when `a` comes first (higher score).
pub fn compare(a: &Score, b: &Score) -> Ordering {
    match (a, b) {
        // Correctly rounded floats are monotone: different floats order
        // the exact values; equal floats need the exact comparison.
        (Score::Exact(a, fa), Score::Exact(b, fb)) => match fa.partial_cmp(fb) {
            Some(Ordering::Equal) | None => a.cmp(b),
            Some(order) => order,
        },
        (Score::Float(a), Score::Float(b)) => a.total_cmp(b),
        (Score::Majority(a), Score::Majority(b)) => majority::compare(a, b),
        // One method gives one kind of score; never mixed.
        _ => Ordering::Equal,
    }
}

/// Whether `b` joins the group whose first member scored `leader`.
fn joins(leader: &Score, b: &Score) -> bool {
    match (leader, b) {
        (Score::Float(a), Score::Float(b)) => floats_equal(*a, *b),
        _ => compare(leader, b) == Ordering::Equal,
    }
}

/// Sort `members` (team indices with a score, in schedule order) and split
/// them into groups of equal teams, tie-break list applied.
pub fn groups(
    members: &[usize],
    scores: &[Option<Score>],
    board: &Board,
    tie_break: &[(CriterionId, usize)],
) -> Vec<Group> {
    let mut sorted: Vec<(usize, &Score)> = members
        .iter()
        .filter_map(|&t| scores[t].as_ref().map(|s| (t, s)))
        .collect();
    // Stable: exactly equal scores stay in schedule order.
    sorted.sort_by(|a, b| compare(b.1, a.1));
    let mut out: Vec<Group> = Vec::new();
    let mut start = 0;
    while start < sorted.len() {
        let leader = sorted[start].1;
        let mut end = start + 1;
        while end < sorted.len() && joins(leader, sorted[end].1) {
            end += 1;
        }
        let mut equal: Vec<usize> = sorted[start..end].iter().map(|&(t, _)| t).collect();
        equal.sort_unstable(); // schedule order
        let first = if out.is_empty() {
            Separation::First
        } else {
            Separation::Score
        };
        out.extend(break_ties(equal, first, board, tie_break));
        start = end;
    }
    out
}

/// Split a group of equal scores by the tie-break list.
fn break_ties(
    equal: Vec<usize>,
    first: Separation,
    board: &Board,
    tie_break: &[(CriterionId, usize)],
) -> Vec<Group> {
    if equal.len() < 2 || tie_break.is_empty() {
        return vec![Group {
            members: equal,
            separated_by: first,
        }];
    }
    let mut sorted = equal;
    // Lexicographic on the tie-break means, higher first; stable.
    sorted.sort_by(|&a, &b| {
        tie_break
            .iter()
            .map(|&(_, c)| compare_means(board, b, a, c))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    });
    let mut out: Vec<Group> = Vec::new();
    let mut members = vec![sorted[0]];
    let mut separated_by = first;
    for pair in sorted.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        match tie_break
            .iter()
            .find(|&&(_, c)| compare_means(board, a, b, c).is_ne())
        {
            None => members.push(b),
            Some((id, _)) => {
                out.push(Group {
                    members: std::mem::replace(&mut members, vec![b]),
                    separated_by: std::mem::replace(
                        &mut separated_by,
                        Separation::TieBreak(id.clone()),
                    ),
                });
            }
        }
    }
    out.push(Group {
        members,
        separated_by,
    });
    out
}

/// Compare team `a`'s and team `b`'s exact mean value on criterion `c`
/// over their sheets that count (`Greater` when `a`'s is higher).
pub fn compare_means(board: &Board, a: usize, b: usize, c: usize) -> Ordering {
    let (sa, na) = (
        board.sheets[a].counting_sums[c],
        board.sheets[a].counting.len() as i128,
    );
    let (sb, nb) = (
        board.sheets[b].counting_sums[c],
        board.sheets[b].counting.len() as i128,
    );
    match (sa.checked_mul(nb), sb.checked_mul(na)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => (BigInt::from(sa) * BigInt::from(nb)).cmp(&(BigInt::from(sb) * BigInt::from(na))),
    }
}
