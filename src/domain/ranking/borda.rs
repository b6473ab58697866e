//! `borda`: each juror's sheets as a ranking, scored as shares in [0, 1].
//!
//! For a juror with n ≥ 2 sheets, a team earns (lower + ½·equal) / (n − 1),
//! i.e. (2·lower + equal) / (2(n − 1)); the team's score is the exact mean of
//! what it earned. A team with sheets, none from such jurors, scores ½.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Zero};

use super::Score;
use super::sheets::Board;

pub fn scores(board: &Board) -> Vec<Option<Score>> {
    let mut by_juror: Vec<Vec<(i128, usize)>> = vec![Vec::new(); board.juror_count()];
    for (t, team) in board.sheets.iter().enumerate() {
        for &(j, total) in &team.counting {
            by_juror[j].push((total, t));
        }
    }
    // Per team: (denominator, sum of numerators) for each distinct
    // denominator, and how many shares were earned.
    let mut earned: Vec<Vec<(u64, u64)>> = vec![Vec::new(); board.teams.len()];
    let mut count = vec![0u64; board.teams.len()];
    for mut sheets in by_juror {
        let n = sheets.len();
        if n < 2 {
            continue;
        }
        sheets.sort_unstable();
        let denom = 2 * (n as u64 - 1);
        let mut start = 0;
        while start < n {
            let mut end = start;
            while end < n && sheets[end].0 == sheets[start].0 {
                end += 1;
            }
            // `start` totals are lower; `end - start - 1` others are equal.
            let numer = (2 * start + (end - start - 1)) as u64;
            for &(_, t) in &sheets[start..end] {
                count[t] += 1;
                match earned[t].iter_mut().find(|(d, _)| *d == denom) {
                    Some((_, sum)) => *sum += numer,
                    None => earned[t].push((denom, numer)),
                }
            }
            start = end;
        }
    }
    // One common denominator for every share: D = lcm of the jurors'
    // denominators, so a team's sum is Σ numerator × D/d, without a gcd
    // per addition.
    let mut denominators: Vec<u64> = earned.iter().flatten().map(|&(d, _)| d).collect();
    denominators.sort_unstable();
    denominators.dedup();
    let common = denominators
        .iter()
        .fold(BigInt::one(), |acc, &d| acc.lcm(&BigInt::from(d)));
    let factors: Vec<BigInt> = denominators
        .iter()
        .map(|&d| &common / BigInt::from(d))
        .collect();
    board
        .sheets
        .iter()
        .zip(earned.into_iter().zip(count))
        .map(|(team, (earned, count))| {
            if team.counting.is_empty() {
                return None;
            }
            if count == 0 {
                return Some(Score::exact(BigRational::new(1.into(), 2.into())));
            }
            let mut sum = BigInt::zero();
            for (denom, numer) in earned {
                let i = denominators.binary_search(&denom).unwrap_or(0);
                sum += &factors[i] * BigInt::from(numer);
            }
            Some(Score::exact(BigRational::new(
                sum,
                &common * BigInt::from(count),
            )))
        })
        .collect()
}
