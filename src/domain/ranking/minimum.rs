//! Minimum sheets: which teams are ranked among the others, after them, or
//! last of all; and the per-team figures shown beside the score.

use num_bigint::BigInt;

use crate::domain::decimal::SCALE;
use crate::domain::session::Criterion;

use super::figure::{Figure, Moments, ratio};
use super::output::CriterionMeans;
use super::sheets::{Board, TOTAL_SCALE, TeamSheets};

/// Team indices (schedule order) split by how many sheets count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Partition {
    /// At least the minimum (which is at least 1).
    pub enough: Vec<usize>,
    /// Some sheets, fewer than the minimum.
    pub few: Vec<usize>,
    /// No sheet that counts.
    pub none: Vec<usize>,
}

pub fn partition(board: &Board, min_sheets: u32) -> Partition {
    let minimum = (min_sheets as usize).max(1);
    let mut out = Partition::default();
    for (t, sheets) in board.sheets.iter().enumerate() {
        match sheets.counting.len() {
            0 => out.none.push(t),
            n if n < minimum => out.few.push(t),
            _ => out.enough.push(t),
        }
    }
    out
}

/// Population standard deviation of the totals of the sheets that count
/// (the same sheets as the score): √(n·S2 − S1²) / (n · scale), the
/// radicand exact.
pub fn spread(sheets: &TeamSheets) -> Option<Figure> {
    let n = sheets.counting.len();
    if n == 0 {
        return None;
    }
    let totals = sheets.counting.iter().map(|&(_, total)| total);
    // As `Moments::root`: the radicand converted once, then rooted.
    let root = match Moments::small(totals.clone()) {
        Some((_, radicand)) => (radicand as f64).sqrt(),
        None => Moments::of(&totals.collect::<Vec<_>>()).root(),
    };
    Some(Figure::Float(root / (n as f64 * TOTAL_SCALE as f64)))
}

/// Mean value per criterion over the sheets that count (the tie-break
/// means); empty without one.
pub fn criterion_means(sheets: &TeamSheets, criteria: &[Criterion]) -> CriterionMeans {
    let n = sheets.counting.len();
    if n == 0 {
        return CriterionMeans::default();
    }
    CriterionMeans(
        criteria
            .iter()
            .zip(&sheets.counting_sums)
            .map(|(c, &sum)| {
                let mean = match (n as i128).checked_mul(i128::from(SCALE)) {
                    Some(denom) => Figure::Exact(ratio(sum, denom)),
                    None => Figure::ratio(sum, BigInt::from(n) * BigInt::from(SCALE)),
                };
                (c.id.clone(), mean)
            })
            .collect(),
    )
}
