//! Figures shown for a team: exact rationals where the rules say so,
//! floating point only where they have no exact value.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};
use serde::{Serialize, Serializer};

/// A number shown in the results.
#[derive(Clone, Debug, PartialEq)]
pub enum Figure {
    Exact(BigRational),
    /// `normalized` scores and spreads (square roots).
    Float(f64),
}

impl Figure {
    /// An exact figure `numer / denom` (denom > 0).
    pub fn ratio(numer: impl Into<BigInt>, denom: impl Into<BigInt>) -> Figure {
        Figure::Exact(BigRational::new(numer.into(), denom.into()))
    }

    /// The nearest 64-bit float (exact figures are rounded correctly).
    pub fn to_f64(&self) -> f64 {
        match self {
            Figure::Exact(r) => r.to_f64().unwrap_or(f64::NAN),
            Figure::Float(f) => *f,
        }
    }

    /// The value in hundredths, rounded half away from zero from the exact
    /// value (for a float, from the float's own exact value).
    pub fn hundredths(&self) -> Option<BigInt> {
        let exact = match self {
            Figure::Exact(r) => r.clone(),
            Figure::Float(f) => BigRational::from_f64(*f)?,
        };
        Some(round_half_away(
            &(exact * BigRational::from_integer(100.into())),
        ))
    }

    /// Two decimals, half away from zero, with the given decimal separator.
    pub fn two_decimals(&self, separator: char) -> String {
        match self.hundredths() {
            Some(h) => format_hundredths(&h, separator),
            None => "—".to_string(),
        }
    }
}

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let f = self.to_f64();
        if f.is_finite() {
            serializer.serialize_f64(f)
        } else {
            serializer.serialize_none()
        }
    }
}

/// Round a rational to the nearest integer, halves away from zero.
pub fn round_half_away(r: &BigRational) -> BigInt {
    let numer = r.numer().abs();
    let denom = r.denom().abs();
    // floor((2|n| + d) / 2d)
    let two: BigInt = 2.into();
    let q = (&numer * &two + &denom).div_floor(&(&denom * &two));
    if r.is_negative() { -q } else { q }
}

/// "17,25" from 1725 hundredths.
pub fn format_hundredths(h: &BigInt, separator: char) -> String {
    let negative = h.is_negative() && !h.is_zero();
    let abs = h.abs();
    let hundred: BigInt = 100.into();
    let (int, frac) = abs.div_rem(&hundred);
    let frac = frac.to_u32().unwrap_or(0);
    format!(
        "{}{int}{separator}{frac:02}",
        if negative { "-" } else { "" }
    )
}

/// Σ of i128 values, exact even past i128's range.
pub fn exact_sum(values: impl IntoIterator<Item = i128>) -> BigInt {
    let mut small: i128 = 0;
    let mut big = BigInt::zero();
    for v in values {
        match small.checked_add(v) {
            Some(s) => small = s,
            None => {
                big += BigInt::from(small);
                small = v;
            }
        }
    }
    big + BigInt::from(small)
}

/// Exact moments of some totals: n, S1 = Σx and n·S2 − S1² (which is n²
/// times the population variance: zero exactly when the variance is).
#[derive(Clone, Debug, PartialEq)]
pub struct Moments {
    pub n: i128,
    pub s1: BigInt,
    pub radicand: BigInt,
    /// The same in i128 when nothing overflowed (the usual, fast case).
    pub small: Option<(i128, i128)>,
}

impl Moments {
    /// (S1, n·S2 − S1²) in i128, when nothing overflows.
    pub fn small(xs: impl ExactSizeIterator<Item = i128>) -> Option<(i128, i128)> {
        let n = xs.len() as i128;
        let mut s1: i128 = 0;
        let mut s2: i128 = 0;
        for x in xs {
            s1 = s1.checked_add(x)?;
            s2 = s2.checked_add(x.checked_mul(x)?)?;
        }
        let radicand = n.checked_mul(s2)?.checked_sub(s1.checked_mul(s1)?)?;
        Some((s1, radicand))
    }

    pub fn of(xs: &[i128]) -> Moments {
        let n = xs.len() as i128;
        let small = Moments::small(xs.iter().copied());
        match small {
            Some((s1, radicand)) => Moments {
                n,
                s1: BigInt::from(s1),
                radicand: BigInt::from(radicand),
                small,
            },
            None => {
                let s1 = exact_sum(xs.iter().copied());
                let s2: BigInt = xs.iter().map(|&x| BigInt::from(x) * BigInt::from(x)).sum();
                let radicand = BigInt::from(n) * s2 - &s1 * &s1;
                Moments {
                    n,
                    s1,
                    radicand,
                    small: None,
                }
            }
        }
    }

    /// √(n·S2 − S1²) as a float (the radicand converted once, then rooted).
    pub fn root(&self) -> f64 {
        let r = match self.small {
            Some((_, r)) => r as f64,
            None => self.radicand.to_f64().unwrap_or(f64::INFINITY),
        };
        r.sqrt()
    }

    /// n·x − S1, exact, converted to a float.
    pub fn deviation(&self, x: i128) -> f64 {
        if let Some((s1, _)) = self.small
            && let Some(d) = self.n.checked_mul(x).and_then(|v| v.checked_sub(s1))
        {
            return d as f64;
        }
        (BigInt::from(self.n) * BigInt::from(x) - &self.s1)
            .to_f64()
            .unwrap_or(0.0)
    }
}

/// The exact mean of sheet totals, in units (totals are scaled 10^12).
pub fn mean_of_totals(totals: impl IntoIterator<Item = i128>) -> Option<BigRational> {
    let mut count = 0u64;
    let mut small: Option<i128> = Some(0);
    let sum = exact_sum(totals.into_iter().inspect(|&x| {
        count += 1;
        small = small.and_then(|s| s.checked_add(x));
    }));
    if count == 0 {
        return None;
    }
    let scale = super::sheets::TOTAL_SCALE;
    if let (Some(sum), Some(denom)) = (small, i128::from(count).checked_mul(scale)) {
        return Some(ratio(sum, denom));
    }
    Some(BigRational::new(
        sum,
        BigInt::from(count) * BigInt::from(scale),
    ))
}

/// `numer / denom` reduced, exactly as `BigRational::new` gives it, with
/// the common divisor found in machine integers (the usual, fast case).
pub fn ratio(numer: i128, denom: i128) -> BigRational {
    if denom <= 0 {
        return BigRational::new(BigInt::from(numer), BigInt::from(denom));
    }
    // 0 < g <= denom <= i128::MAX: the casts and divisions are exact.
    let g = numer.unsigned_abs().gcd(&denom.unsigned_abs()) as i128;
    BigRational::new_raw(BigInt::from(numer / g), BigInt::from(denom / g))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i64, d: i64) -> Figure {
        Figure::ratio(n, d)
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(r(1725, 100).two_decimals(','), "17,25");
        assert_eq!(r(47, 3).two_decimals('.'), "15.67");
        assert_eq!(r(1, 200).two_decimals('.'), "0.01");
        assert_eq!(r(-1, 200).two_decimals('.'), "-0.01");
        assert_eq!(r(-1, 1000).two_decimals('.'), "0.00");
        assert_eq!(r(12345, 1000).two_decimals('.'), "12.35");
        assert_eq!(r(-12345, 1000).two_decimals('.'), "-12.35");
        assert_eq!(Figure::Float(0.408248).two_decimals('.'), "0.41");
    }

    #[test]
    fn exact_sum_past_i128() {
        let s = exact_sum([i128::MAX, i128::MAX, -5]);
        assert_eq!(s, BigInt::from(i128::MAX) * 2 - 5);
    }

    #[test]
    fn moments_past_i128_agree_with_the_fast_path() {
        let small = Moments::of(&[6, 10]);
        assert_eq!(small.radicand, BigInt::from(16)); // 2·136 − 16²
        assert_eq!(small.root(), 4.0);
        assert_eq!(small.deviation(10), 4.0);
        let big = Moments::of(&[i128::MAX / 2, i128::MAX / 2]);
        assert!(big.small.is_none());
        assert_eq!(big.radicand, BigInt::from(0));
        assert_eq!(big.deviation(i128::MAX / 2), 0.0);
    }

    #[test]
    fn ratio_is_reduced_as_the_big_one() {
        let cases = [
            (0, 7),
            (7, 7),
            (-7, 7),
            (6, 4),
            (-6, 4),
            (5, -10),
            (i128::MIN, 2),
            (i128::MIN, i128::MAX),
            (i128::MAX, i128::MAX),
            (123_456_789_000_000, 60_000_000_000_000),
        ];
        for (n, d) in cases {
            let big = BigRational::new(BigInt::from(n), BigInt::from(d));
            let fast = ratio(n, d);
            assert_eq!((fast.numer(), fast.denom()), (big.numer(), big.denom()));
        }
    }

    #[test]
    fn nearest_float() {
        assert_eq!(r(47, 3).to_f64(), 47.0 / 3.0);
        assert_eq!(Figure::ratio(74, 10).to_f64(), 7.4);
    }
}
