//! A fast reader for the `sheets` list of a state file, the bulk of a big
//! session (120,000 rows at 2,000 teams).
//!
//! It reads the exact shape Podium writes — rows of `team`, `juror`, then
//! `mark`, `values` and `handwritten` when present, in that order; strings
//! without escapes; numbers as plain decimals read straight into
//! millionths — and gives up (`None`) on anything else, so the caller
//! reads the whole file the general way instead. Whatever it accepts, it
//! reads as serde would: the same sheets, the same shared ids, the same
//! exact values. A list serde would refuse (a sheet written twice, …) is
//! never accepted here, so serde's refusal is the one reported.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::domain::decimal::SCALE;
use crate::domain::{CriterionId, Dec, JurorId, Mark, Session, Sheet, SheetKey, TeamId, Values};

/// The session of a state file of the current format read with its sheets
/// taken by the fast reader and the rest by serde; `None` when the sheets
/// are not in the shape it reads or the rest does not read as a session
/// of `format` (the caller then reads the file the general way, and
/// reports its errors).
pub fn decode(bytes: &[u8], format: u32) -> Option<Session> {
    let (span, sheets) = split(bytes)?;
    let mut rest = Vec::with_capacity(bytes.len() - span.len() + 2);
    rest.extend_from_slice(&bytes[..span.start]);
    rest.extend_from_slice(b"[]");
    rest.extend_from_slice(&bytes[span.end..]);
    let mut session = serde_json::from_slice::<Session>(&rest).ok()?;
    if session.format != format {
        return None;
    }
    session.sheets = sheets;
    Some(session)
}

/// Where the top-level `sheets` list lies in `bytes`, and its sheets.
pub fn split(bytes: &[u8]) -> Option<(Range<usize>, BTreeMap<SheetKey, Sheet>)> {
    let start = find_sheets(bytes)?;
    let mut cursor = Cursor { bytes, at: start };
    let sheets = cursor.list()?;
    Some((start..cursor.at, sheets))
}

/// The index of the `[` opening the value of the `sheets` key of the
/// top-level object: a string-aware scan keeping the nesting depth.
fn find_sheets(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.checked_sub(1)?,
            b'"' => {
                let end = string_end(bytes, at + 1)?;
                if depth == 1 && &bytes[at + 1..end] == b"sheets" {
                    let mut cursor = Cursor { bytes, at: end + 1 };
                    if cursor.next() == Some(b':') {
                        cursor.skip_space();
                        return (cursor.peek() == Some(b'[')).then_some(cursor.at);
                    }
                }
                at = end;
            }
            _ => {}
        }
        at += 1;
    }
    None
}

/// The index of the quote closing the string whose text starts at `from`.
fn string_end(bytes: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let quote = from + memchr::memchr(b'"', &bytes[from..])?;
        let backslashes = bytes[from..quote]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if backslashes % 2 == 0 {
            return Some(quote);
        }
        from = quote + 1;
    }
}

/// Integer digits a number with a fraction may have: below 10^9 the `f64`
/// serde reads it through gives back the decimal exactly
/// (`Dec::from_f64_exact`).
const FRACTION_INT_DIGITS: usize = 9;
/// Digits of an integer read here (its millionths fit an `i64`).
const INT_DIGITS: usize = 12;
/// Decimals of a `Dec`.
const DECIMALS: usize = 6;

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// The next byte that is not white space, consumed.
    fn next(&mut self) -> Option<u8> {
        self.skip_space();
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    /// A string without escapes or control characters, valid UTF-8.
    fn string(&mut self) -> Option<&'a str> {
        self.expect(b'"')?;
        let rest = &self.bytes[self.at..];
        let len = memchr::memchr(b'"', rest)?;
        let text = &rest[..len];
        if text.iter().any(|&b| b == b'\\' || b < 0x20) {
            return None;
        }
        self.at += len + 1;
        std::str::from_utf8(text).ok()
    }

    /// `"key":`
    fn key(&mut self) -> Option<&'a str> {
        let key = self.string()?;
        self.expect(b':')?;
        Some(key)
    }

    /// A JSON number without exponent, exactly, as serde reads it into a
    /// `Dec` (within the digits where its `f64` way is exact).
    fn number(&mut self) -> Option<Dec> {
        self.skip_space();
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let (int, int_digits) = self.digits()?;
        // JSON has no leading zeros ("01").
        if int_digits > 1 && self.bytes[self.at - int_digits] == b'0' {
            return None;
        }
        let raw = if self.peek() == Some(b'.') {
            self.at += 1;
            let (frac, frac_digits) = self.digits()?;
            if int_digits > FRACTION_INT_DIGITS || frac_digits > DECIMALS {
                return None;
            }
            int * SCALE + frac * 10_i64.pow((DECIMALS - frac_digits) as u32)
        } else {
            if int_digits > INT_DIGITS {
                return None;
            }
            int * SCALE
        };
        if let Some(b'e' | b'E') = self.peek() {
            return None;
        }
        Some(Dec::from_raw(if negative { -raw } else { raw }))
    }

    /// At least one digit, at most 18 (the caller bounds them further):
    /// their value and count.
    fn digits(&mut self) -> Option<(i64, usize)> {
        let start = self.at;
        let mut value: i64 = 0;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            if self.at - start == 18 {
                return None;
            }
            value = value * 10 + i64::from(b - b'0');
            self.at += 1;
        }
        (self.at > start).then_some((value, self.at - start))
    }

    fn mark(&mut self) -> Option<Mark> {
        match self.string()? {
            "absent" => Some(Mark::Absent),
            "recused" => Some(Mark::Recused),
            _ => None,
        }
    }

    /// `{"criterion": value, …}`
    fn values(&mut self) -> Option<Values> {
        self.expect(b'{')?;
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some(Values::new());
        }
        let mut pairs = Vec::with_capacity(8);
        loop {
            let criterion = CriterionId::read(self.key()?);
            pairs.push((criterion, self.number()?));
            match self.next()? {
                b',' => {}
                b'}' => return Some(pairs.into_iter().collect()),
                _ => return None,
            }
        }
    }

    /// One row: `{"team": …, "juror": …[, "mark": …][, "values": {…}]
    /// [, "handwritten": …]}`.
    fn row(&mut self) -> Option<(SheetKey, Sheet)> {
        self.expect(b'{')?;
        (self.key()? == "team").then_some(())?;
        let team = TeamId::read(self.string()?);
        self.expect(b',')?;
        (self.key()? == "juror").then_some(())?;
        let juror = JurorId::read(self.string()?);
        let mut sheet = Sheet::default();
        // The optional fields, each at most once and in the written order.
        let mut next_field = 0;
        loop {
            match self.next()? {
                b'}' => return Some((SheetKey::new(team, juror), sheet)),
                b',' => {}
                _ => return None,
            }
            let field = match self.key()? {
                "mark" => 1,
                "values" => 2,
                "handwritten" => 3,
                _ => return None,
            };
            if field <= next_field {
                return None;
            }
            next_field = field;
            match field {
                1 => sheet.mark = Some(self.mark()?),
                2 => sheet.values = self.values()?,
                _ => sheet.handwritten = Some(self.number()?),
            }
        }
    }

    /// `[row, …]`, as a map: `None` for a sheet written twice.
    fn list(&mut self) -> Option<BTreeMap<SheetKey, Sheet>> {
        self.expect(b'[')?;
        self.skip_space();
        let mut rows = Vec::new();
        if self.peek() == Some(b']') {
            self.at += 1;
        } else {
            loop {
                rows.push(self.row()?);
                match self.next()? {
                    b',' => {}
                    b']' => break,
                    _ => return None,
                }
            }
        }
        if !rows.is_sorted_by(|a, b| a.0 < b.0) {
            rows.sort_by(|a, b| a.0.cmp(&b.0));
            if rows.windows(2).any(|w| w[0].0 == w[1].0) {
                return None;
            }
        }
        Some(rows.into_iter().collect())
    }
}

#[cfg(test)]
#[path = "fast_sheets_tests.rs"]
mod tests;
