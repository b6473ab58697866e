//! `normalized`: each juror's totals as z-scores, then their mean.
//!
//! For juror j with n sheets, S1 = Σx and S2 = Σx² (exact), μ = S1/n and
//! σ² = (n·S2 − S1²)/n². Then z = (x − μ)/σ = (n·x − S1)/√(n·S2 − S1²):
//! the numerator and the radicand are exact integers converted to f64, and
//! only the square root and the division are floating point. z = 0 when
//! σ² = 0 or n < 2.

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use super::Score;
use super::sheets::Board;

/// One juror's exact moments over the sheets that count.
struct Moments {
    n: i128,
    s1: BigInt,
    /// n·S2 − S1² (zero exactly when σ² is zero).
    radicand: BigInt,
}

fn moments(board: &Board) -> Vec<Moments> {
    let width = board.juror_count();
    let mut n = vec![0i128; width];
    let mut s1 = vec![BigInt::zero(); width];
    let mut s2 = vec![BigInt::zero(); width];
    for team in &board.sheets {
        for &(j, total) in &team.counting {
            let x = BigInt::from(total);
            n[j] += 1;
            s2[j] += &x * &x;
            s1[j] += x;
        }
    }
    n.into_iter()
        .zip(s1)
        .zip(s2)
        .map(|((n, s1), s2)| {
            let radicand = BigInt::from(n) * s2 - &s1 * &s1;
            Moments { n, s1, radicand }
        })
        .collect()
}

/// Every ranked team's z-score for each juror that has a sheet for it
/// (juror index, z), in juror order.
pub fn z_scores(board: &Board) -> Vec<Vec<(usize, f64)>> {
    let moments = moments(board);
    let sigma: Vec<Option<f64>> = moments
        .iter()
        .map(|m| {
            (m.n >= 2 && !m.radicand.is_zero())
                .then(|| m.radicand.to_f64().unwrap_or(f64::INFINITY).sqrt())
        })
        .collect();
    board
        .sheets
        .iter()
        .map(|team| {
            team.counting
                .iter()
                .map(|&(j, total)| {
                    let z = match sigma[j] {
                        Some(sigma) => {
                            let m = &moments[j];
                            let numer = BigInt::from(m.n) * BigInt::from(total) - &m.s1;
                            numer.to_f64().unwrap_or(0.0) / sigma
                        }
                        None => 0.0,
                    };
                    (j, z)
                })
                .collect()
        })
        .collect()
}

pub fn scores(board: &Board) -> Vec<Option<Score>> {
    z_scores(board)
        .into_iter()
        .map(|zs| {
            (!zs.is_empty()).then(|| {
                let sum: f64 = zs.iter().map(|&(_, z)| z).sum();
                Score::Float(sum / zs.len() as f64)
            })
        })
        .collect()
}
