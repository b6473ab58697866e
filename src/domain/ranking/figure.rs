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

/// The exact mean of sheet totals, in units (totals are scaled 10^12).
pub fn mean_of_totals(totals: impl IntoIterator<Item = i128>) -> Option<BigRational> {
    let mut count = 0u64;
    let sum = exact_sum(totals.into_iter().inspect(|_| count += 1));
    (count > 0).then(|| {
        BigRational::new(
            sum,
            BigInt::from(count) * BigInt::from(super::sheets::TOTAL_SCALE),
        )
    })
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
    fn nearest_float() {
        assert_eq!(r(47, 3).to_f64(), 47.0 / 3.0);
        assert_eq!(Figure::ratio(74, 10).to_f64(), 7.4);
    }
}
