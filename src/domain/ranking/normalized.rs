//! `normalized`: each juror's totals as z-scores, then their mean.
//!
//! For juror j with n sheets, S1 = Σx and S2 = Σx² (exact), μ = S1/n and
//! σ² = (n·S2 − S1²)/n². Then z = (x − μ)/σ = (n·x − S1)/√(n·S2 − S1²):
//! the numerator and the radicand are exact integers converted to f64, and
//! only the square root and the division are floating point. z = 0 when
//! σ² = 0 or n < 2.

use super::Score;
use super::figure::Moments;
use super::sheets::Board;

/// Every ranked team's z-score for each juror that has a sheet for it
/// (juror index, z), in juror order.
pub fn z_scores(board: &Board) -> Vec<Vec<(usize, f64)>> {
    let mut by_juror: Vec<Vec<i128>> = vec![Vec::new(); board.juror_count()];
    for team in &board.sheets {
        for &(j, total) in &team.counting {
            by_juror[j].push(total);
        }
    }
    let moments: Vec<Moments> = by_juror.iter().map(|xs| Moments::of(xs)).collect();
    let sigma: Vec<Option<f64>> = moments
        .iter()
        .map(|m| (m.n >= 2 && m.radicand.sign() != num_bigint::Sign::NoSign).then(|| m.root()))
        .collect();
    board
        .sheets
        .iter()
        .map(|team| {
            team.counting
                .iter()
                .map(|&(j, total)| {
                    let z = sigma[j].map_or(0.0, |sigma| moments[j].deviation(total) / sigma);
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
