//! Exact decimal numbers for values, weights and bounds.
//!
//! A `Dec` is a scaled integer (millionths). Parsing accepts a decimal point
//! or a decimal comma, as French spreadsheets write numbers. In JSON a `Dec`
//! is a plain number written with the shortest digits that read back exactly.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Number of decimal digits kept.
pub const DIGITS: u32 = 6;
/// 10^DIGITS.
pub const SCALE: i64 = 1_000_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dec(i64);

/// Why a text is not a decimal (worded in `crate::words::number`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecError {
    NotANumber,
    /// More than [`DIGITS`] decimals.
    TooPrecise,
    TooLarge,
}

impl Dec {
    pub const ZERO: Dec = Dec(0);

    /// From a whole number.
    pub const fn int(n: i64) -> Dec {
        Dec(n * SCALE)
    }

    /// From a raw scaled integer (millionths).
    pub const fn from_raw(raw: i64) -> Dec {
        Dec(raw)
    }

    /// The scaled integer (millionths).
    pub const fn raw(self) -> i64 {
        self.0
    }

    pub fn to_f64(self) -> f64 {
        self.0 as f64 / SCALE as f64
    }

    pub fn checked_add(self, other: Dec) -> Option<Dec> {
        self.0.checked_add(other.0).map(Dec)
    }

    pub fn checked_sub(self, other: Dec) -> Option<Dec> {
        self.0.checked_sub(other.0).map(Dec)
    }

    /// True when `self - base` is a whole multiple of `step` (step > 0).
    pub fn is_on_step(self, base: Dec, step: Dec) -> bool {
        step.0 > 0 && (self.0 - base.0).rem_euclid(step.0) == 0
    }

    /// The decimal of at most [`DIGITS`] decimals a JSON number was
    /// written from, without going through text: below 10^9 two such
    /// decimals never read as the same `f64`, and `v × 10^6` is within a
    /// quarter of its integer, so the nearest integer is the one when it
    /// reads back as `v` exactly. `None` (take the text's way) otherwise.
    fn from_f64_exact(v: f64) -> Option<Dec> {
        if v.is_nan() || v.abs() >= 1e9 {
            return None;
        }
        let raw = (v * SCALE as f64).round();
        let dec = Dec(raw as i64);
        (dec.to_f64() == v).then_some(dec)
    }

    /// Parse "12", "12.5", "12,5", "-0,25", with surrounding spaces.
    pub fn parse(text: &str) -> Result<Dec, DecError> {
        let s = text.trim();
        let (neg, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let (int_part, frac_part) = match digits.find(['.', ',']) {
            // "5," is a value cut at its comma, not 5.
            Some(i) if i + 1 == digits.len() => return Err(DecError::NotANumber),
            Some(i) => (&digits[..i], &digits[i + 1..]),
            None => (digits, ""),
        };
        if (int_part.is_empty() && frac_part.is_empty())
            || !int_part.bytes().all(|b| b.is_ascii_digit())
            || !frac_part.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(DecError::NotANumber);
        }
        let frac_trimmed = frac_part.trim_end_matches('0');
        if frac_trimmed.len() > DIGITS as usize {
            return Err(DecError::TooPrecise);
        }
        let mut raw: i64 = 0;
        for b in int_part.bytes() {
            raw = raw
                .checked_mul(10)
                .and_then(|r| r.checked_add(i64::from(b - b'0')))
                .ok_or(DecError::TooLarge)?;
        }
        raw = raw.checked_mul(SCALE).ok_or(DecError::TooLarge)?;
        let mut frac: i64 = 0;
        for b in frac_trimmed.bytes() {
            frac = frac * 10 + i64::from(b - b'0');
        }
        frac *= 10_i64.pow(DIGITS - frac_trimmed.len() as u32);
        raw = raw.checked_add(frac).ok_or(DecError::TooLarge)?;
        Ok(Dec(if neg { -raw } else { raw }))
    }

    /// Text with the given decimal separator and no trailing zeros.
    pub fn format_with(self, separator: char) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let int = abs / SCALE as u64;
        let frac = abs % SCALE as u64;
        if frac == 0 {
            format!("{sign}{int}")
        } else {
            let digits = format!("{frac:0width$}", width = DIGITS as usize);
            format!("{sign}{int}{separator}{}", digits.trim_end_matches('0'))
        }
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_with('.'))
    }
}

impl FromStr for Dec {
    type Err = DecError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Dec::parse(s)
    }
}

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 % SCALE == 0 {
            serializer.serialize_i64(self.0 / SCALE)
        } else {
            serializer.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Dec;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal number")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Dec, E> {
                v.checked_mul(SCALE)
                    .map(Dec)
                    .ok_or_else(|| E::custom("number too large"))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Dec, E> {
                i64::try_from(v)
                    .ok()
                    .and_then(|v| v.checked_mul(SCALE))
                    .map(Dec)
                    .ok_or_else(|| E::custom("number too large"))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Dec, E> {
                if let Some(dec) = Dec::from_f64_exact(v) {
                    return Ok(dec);
                }
                // The shortest text that reads back as `v` is the decimal that
                // was written (Rust's Display never uses an exponent).
                Dec::parse(&format!("{v}")).map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Dec, E> {
                Dec::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_point_and_comma() {
        assert_eq!(Dec::parse("12").unwrap(), Dec::int(12));
        assert_eq!(Dec::parse(" 12,5 ").unwrap(), Dec::from_raw(12_500_000));
        assert_eq!(Dec::parse("0.2").unwrap(), Dec::from_raw(200_000));
        assert_eq!(Dec::parse("-0,25").unwrap(), Dec::from_raw(-250_000));
        for cut in ["5,", "5.", " 12, ", "-3,"] {
            assert_eq!(Dec::parse(cut), Err(DecError::NotANumber), "{cut}");
        }
        assert_eq!(Dec::parse(".5").unwrap(), Dec::from_raw(500_000));
        assert_eq!(Dec::parse("1.5000000").unwrap(), Dec::from_raw(1_500_000));
    }

    #[test]
    fn rejects_garbage() {
        for bad in ["", "abc", "1.2.3", "1e3", "--1", "1,2,3", " , ", "12 5"] {
            assert!(Dec::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(Dec::parse("0.1234567"), Err(DecError::TooPrecise));
        assert_eq!(Dec::parse("99999999999999999999"), Err(DecError::TooLarge));
    }

    #[test]
    fn formats_without_trailing_zeros() {
        assert_eq!(Dec::parse("12.50").unwrap().format_with(','), "12,5");
        assert_eq!(Dec::int(3).to_string(), "3");
        assert_eq!(Dec::parse("-0.05").unwrap().to_string(), "-0.05");
    }

    #[test]
    fn steps() {
        let half = Dec::parse("0.5").unwrap();
        assert!(Dec::parse("7.5").unwrap().is_on_step(Dec::ZERO, half));
        assert!(!Dec::parse("7.25").unwrap().is_on_step(Dec::ZERO, half));
        assert!(Dec::int(3).is_on_step(Dec::int(1), Dec::int(2)));
        assert!(!Dec::int(3).is_on_step(Dec::ZERO, Dec::ZERO));
    }

    #[test]
    fn json_round_trip_is_exact() {
        for text in ["0.2", "0.7", "0.3", "7.4", "12", "19.999999", "-3.5"] {
            let d = Dec::parse(text).unwrap();
            let json = serde_json::to_string(&d).unwrap();
            assert_eq!(json, text);
            let back: Dec = serde_json::from_str(&json).unwrap();
            assert_eq!(back, d);
        }
        // Every decimal of six digits reads back through the fast way as
        // through the text.
        for raw in (-3_000_000..3_000_000)
            .step_by(997)
            .chain([1, -1, 999_999_999_999_999])
        {
            let d = Dec::from_raw(raw);
            let json = serde_json::to_string(&d).unwrap();
            let back: Dec = serde_json::from_str(&json).unwrap();
            assert_eq!(back, d, "{json}");
        }
        let too_precise = serde_json::from_str::<Dec>("0.1234567");
        assert!(too_precise.is_err());
        let from_string: Dec = serde_json::from_str("\"2,5\"").unwrap();
        assert_eq!(from_string, Dec::from_raw(2_500_000));
    }
}
