//! `borda`: each juror's sheets as a ranking, scored as shares in [0, 1].
//!
//! For a juror with n ≥ 2 sheets, a team earns (lower + ½·equal) / (n − 1),
//! i.e. (2·lower + equal) / (2(n − 1)); the team's score is the exact mean of
//! what it earned. A team with sheets, none from such jurors, scores ½.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Zero};

use super::Score;
use super::figure::ratio;
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
    let counts: Vec<u64> = {
        let mut c = count.clone();
        c.sort_unstable();
        c.dedup();
        c
    };
    let common = Common::of(&denominators, &counts);
    board
        .sheets
        .iter()
        .zip(earned.into_iter().zip(count))
        .map(|(team, (earned, count))| {
            if team.counting.is_empty() {
                return None;
            }
            if count == 0 {
                return Some(Score::exact(ratio(1, 2)));
            }
            let earned: Vec<(usize, u64)> = earned
                .into_iter()
                .map(|(denom, numer)| (denominators.binary_search(&denom).unwrap_or(0), numer))
                .collect();
            Some(Score::exact(common.mean(&earned, count)))
        })
        .collect()
}

/// The common denominator and each juror denominator's factor, in machine
/// integers when they fit, else in big ones with the primes that divide
/// them (jurors with different numbers of sheets: the usual case on a
/// large forum, where the common denominator has hundreds of bits).
enum Common {
    Small {
        common: i128,
        factors: Vec<i128>,
    },
    Big {
        common: BigUint,
        factors: Vec<BigUint>,
        /// Every prime dividing `common` or a count of shares.
        primes: Vec<u64>,
    },
}

impl Common {
    fn of(denominators: &[u64], counts: &[u64]) -> Common {
        let small = denominators.iter().try_fold(1i128, |acc, &d| {
            let d = i128::from(d);
            (acc / acc.gcd(&d)).checked_mul(d)
        });
        if let Some(common) = small {
            return Common::Small {
                common,
                factors: denominators
                    .iter()
                    .map(|&d| common / i128::from(d))
                    .collect(),
            };
        }
        let common = denominators
            .iter()
            .fold(BigUint::one(), |acc, &d| acc.lcm(&BigUint::from(d)));
        let mut primes: Vec<u64> = denominators
            .iter()
            .chain(counts)
            .flat_map(|&n| prime_factors(n))
            .collect();
        primes.sort_unstable();
        primes.dedup();
        Common::Big {
            factors: denominators
                .iter()
                .map(|&d| &common / BigUint::from(d))
                .collect(),
            common,
            primes,
        }
    }

    /// The exact mean of a team's `count` shares, `earned` as (index of
    /// the juror denominator, sum of numerators).
    fn mean(&self, earned: &[(usize, u64)], count: u64) -> BigRational {
        match self {
            Common::Small { common, factors } => {
                let sum = earned.iter().try_fold(0i128, |acc, &(d, numer)| {
                    acc.checked_add(factors[d].checked_mul(i128::from(numer))?)
                });
                match (sum, common.checked_mul(i128::from(count))) {
                    (Some(sum), Some(denom)) => ratio(sum, denom),
                    _ => {
                        let sum: BigInt = earned
                            .iter()
                            .map(|&(d, numer)| BigInt::from(factors[d]) * BigInt::from(numer))
                            .sum();
                        BigRational::new(sum, BigInt::from(*common) * BigInt::from(count))
                    }
                }
            }
            Common::Big {
                common,
                factors,
                primes,
            } => {
                let mut sum = BigUint::zero();
                for &(d, numer) in earned {
                    sum += &factors[d] * numer;
                }
                reduced(sum, common * count, primes)
            }
        }
    }
}

/// `numer / denom` in lowest terms, as `BigRational::new` gives it, when
/// every prime factor of `denom` is in `primes`: dividing out small primes
/// costs far less than a gcd of numbers of hundreds of bits.
fn reduced(mut numer: BigUint, mut denom: BigUint, primes: &[u64]) -> BigRational {
    if numer.is_zero() {
        return BigRational::new_raw(BigInt::zero(), BigInt::one());
    }
    for &p in primes {
        while remainder(&denom, p) == 0 && remainder(&numer, p) == 0 {
            numer /= p;
            denom /= p;
        }
    }
    BigRational::new_raw(BigInt::from(numer), BigInt::from(denom))
}

/// `x mod p`, without allocating.
fn remainder(x: &BigUint, p: u64) -> u64 {
    let p = u128::from(p);
    x.iter_u64_digits()
        .rev()
        .fold(0u128, |r, digit| ((r << 64) | u128::from(digit)) % p) as u64
}

/// The distinct prime factors of `n`, by trial division (n is at most
/// twice a number of sheets).
fn prime_factors(mut n: u64) -> Vec<u64> {
    let mut out = Vec::new();
    let mut p = 2;
    while p * p <= n {
        if n.is_multiple_of(p) {
            out.push(p);
            while n.is_multiple_of(p) {
                n /= p;
            }
        }
        p += 1;
    }
    if n > 1 {
        out.push(n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_fast_mean_is_the_plain_exact_mean(
            denominators in proptest::collection::btree_set(1u64..5_000, 1..40),
            picks in proptest::collection::vec((any::<prop::sample::Index>(), 0u64..10_000), 1..60),
        ) {
            let denominators: Vec<u64> = denominators.into_iter().map(|d| 2 * d).collect();
            let earned: Vec<(usize, u64)> = picks
                .iter()
                .map(|(i, numer)| (i.index(denominators.len()), *numer))
                .collect();
            let count = earned.len() as u64;
            // The plain definition: Σ numer / denom over the shares, / count.
            let plain = earned
                .iter()
                .map(|&(d, numer)| BigRational::new(numer.into(), denominators[d].into()))
                .fold(BigRational::zero(), |acc, x| acc + x)
                / BigRational::from_integer(count.into());
            let fast = Common::of(&denominators, &[count]).mean(&earned, count);
            prop_assert_eq!((fast.numer(), fast.denom()), (plain.numer(), plain.denom()));
        }
    }

    #[test]
    fn big_common_denominators_reduce_fully() {
        let denominators: Vec<u64> = (3_960..4_000).map(|n| 2 * (n - 1)).collect();
        let common = Common::of(&denominators, &[7]);
        assert!(matches!(common, Common::Big { .. }));
        let earned = [(0, 3), (4, 10), (9, 7_000)];
        let plain = earned
            .iter()
            .map(|&(d, numer)| BigRational::new(numer.into(), denominators[d].into()))
            .fold(BigRational::zero(), |acc, x| acc + x)
            / BigRational::from_integer(7.into());
        let fast = common.mean(&earned, 7);
        assert_eq!((fast.numer(), fast.denom()), (plain.numer(), plain.denom()));
        assert_eq!(common.mean(&[(2, 0)], 7), BigRational::zero());
    }
}
