//! The rows of a `sheets` list in the shape Podium writes, read from bytes
//! (see `fast_sheets`, which feeds them and gives up on `None`).
//!
//! A big list names the same few ids over and over, in the same places:
//! rows sorted by team then juror (each team's jurors in the same order),
//! each sheet's values sorted by criterion. So an id is first compared, by
//! its raw bytes, with the one read at the same place before (the previous
//! row's team, the juror at the same rank in the previous team, the
//! criterion at the same rank in the previous sheet) and that id is reused:
//! no hashing, no table, no UTF-8 check. Only an id seen nowhere nearby is
//! checked and taken from `id::sharing`'s table.

use crate::domain::decimal::SCALE;
use crate::domain::{CriterionId, Dec, JurorId, Mark, Sheet, SheetKey, TeamId, Values};

/// Integer digits a number with a fraction may have: below 10^9 the `f64`
/// serde reads it through gives back the decimal exactly
/// (`Dec::from_f64_exact`).
const FRACTION_INT_DIGITS: usize = 9;
/// Digits of an integer read here (its millionths fit an `i64`).
const INT_DIGITS: usize = 12;
/// Decimals of a `Dec`.
const DECIMALS: usize = 6;
/// Ranks remembered: jurors within a team, criteria within a sheet (past
/// them, ids are taken from the table each time).
const RANKS: usize = 1024;

/// The ids read so far in one list, by where they were read.
#[derive(Default)]
pub(super) struct Ids {
    /// The jurors of the rows read, by their rank within their team's rows.
    jurors: Vec<JurorId>,
    /// The criteria of the sheets read, by rank within the sheet.
    criteria: Vec<CriterionId>,
    /// How many of `criteria`, from the first, are known to be in strictly
    /// increasing order.
    sorted: usize,
    /// The rank of the latest row read within its team's rows.
    pub rank: usize,
    /// A sheet's values as read, before their one exact allocation.
    scratch: Vec<(CriterionId, Dec)>,
}

/// The text of a string read raw: `None` with an escape or a control
/// character (only the general way reads those), or not UTF-8.
fn text(raw: &[u8]) -> Option<&str> {
    if raw.iter().any(|&b| b == b'\\' || b < 0x20) {
        return None;
    }
    std::str::from_utf8(raw).ok()
}

/// `known`, when it is the id of `raw`: comparing the bytes with a text
/// read before also checks them (no escape, UTF-8).
fn same<'k, I: AsRef<str>>(known: Option<&'k I>, raw: &[u8]) -> Option<&'k I> {
    known.filter(|id| equal(id.as_ref().as_bytes(), raw))
}

/// `a == b` for the few bytes of an id: two overlapping loads of each
/// instead of a call to `memcmp`.
fn equal(a: &[u8], b: &[u8]) -> bool {
    fn word<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
        let mut word = [0; N];
        word.copy_from_slice(&bytes[at..at + N]);
        word
    }
    let len = a.len();
    if len != b.len() {
        return false;
    }
    match len {
        0..4 => a.iter().zip(b).all(|(x, y)| x == y),
        4..=8 => {
            word::<4>(a, 0) == word::<4>(b, 0) && word::<4>(a, len - 4) == word::<4>(b, len - 4)
        }
        9..=16 => {
            word::<8>(a, 0) == word::<8>(b, 0) && word::<8>(a, len - 8) == word::<8>(b, len - 8)
        }
        _ => a == b,
    }
}

impl Ids {
    /// The juror of `raw` for a row of rank `rank` within its team.
    fn juror(&mut self, raw: &[u8], rank: usize) -> Option<JurorId> {
        if let Some(known) = same(self.jurors.get(rank), raw) {
            return Some(known.clone());
        }
        let juror = JurorId::read(text(raw)?);
        remember(&mut self.jurors, rank, &juror);
        Some(juror)
    }

    /// The criterion of `raw` at rank `rank` in its sheet.
    fn criterion(&mut self, raw: &[u8], rank: usize) -> Option<CriterionId> {
        if let Some(known) = same(self.criteria.get(rank), raw) {
            return Some(known.clone());
        }
        let criterion = CriterionId::read(text(raw)?);
        if remember(&mut self.criteria, rank, &criterion) {
            self.sorted = self.sorted.min(rank);
        }
        Some(criterion)
    }

    /// The values read into `scratch`, in one allocation of their size.
    fn values(&mut self) -> Values {
        let count = self.scratch.len();
        let known_sorted = count <= self.sorted;
        let pairs: Vec<(CriterionId, Dec)> = self.scratch.drain(..).collect();
        if known_sorted {
            return Values::from_sorted(pairs);
        }
        // `criteria[..count]` are now this sheet's.
        if pairs.is_sorted_by(|a, b| a.0 < b.0) {
            self.sorted = count.min(self.criteria.len());
            Values::from_sorted(pairs)
        } else {
            self.sorted = 0;
            pairs.into_iter().collect()
        }
    }
}

/// Keep `id` as the one at `rank` (ranks are read in order from 0, so
/// `rank` is at most one past the end); whether it was kept.
fn remember<I: Clone>(ids: &mut Vec<I>, rank: usize, id: &I) -> bool {
    if let Some(slot) = ids.get_mut(rank) {
        *slot = id.clone();
    } else if rank == ids.len() && rank < RANKS {
        ids.push(id.clone());
    } else {
        return false;
    }
    true
}

pub(super) struct Cursor<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl<'a> Cursor<'a> {
    pub fn skip_space(&mut self) {
        loop {
            // Eight spaces at a time: the indentation of a pretty file.
            while let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
                let Ok(word) = <[u8; 8]>::try_from(chunk) else {
                    break;
                };
                let other = u64::from_le_bytes(word) ^ u64::from_le_bytes([b' '; 8]);
                if other != 0 {
                    self.at += (other.trailing_zeros() / 8) as usize;
                    break;
                }
                self.at += 8;
            }
            match self.bytes.get(self.at) {
                Some(b' ' | b'\n' | b'\r' | b'\t') => self.at += 1,
                _ => return,
            }
        }
    }

    pub fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// The next byte that is not white space, consumed.
    pub fn next(&mut self) -> Option<u8> {
        self.skip_space();
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    pub fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    /// `"key":`, the key written without escapes.
    fn key(&mut self, quoted: &[u8]) -> Option<()> {
        self.took(quoted).then_some(())?;
        self.expect(b':')
    }

    /// Whether `"key"` came next (white space skipped), then consumed.
    pub fn took(&mut self, quoted: &[u8]) -> bool {
        self.skip_space();
        let found = (self.bytes.get(self.at..self.at + quoted.len()))
            .is_some_and(|bytes| equal(bytes, quoted));
        if found {
            self.at += quoted.len();
        }
        found
    }

    /// A string's bytes between its quotes, unchecked (see [`text`]).
    fn raw(&mut self) -> Option<&'a [u8]> {
        self.expect(b'"')?;
        let rest = &self.bytes[self.at..];
        let len = memchr::memchr(b'"', rest)?;
        self.at += len + 1;
        Some(&rest[..len])
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
        match self.raw()? {
            b"absent" => Some(Mark::Absent),
            b"recused" => Some(Mark::Recused),
            _ => None,
        }
    }

    /// `{"criterion": value, …}`
    fn values(&mut self, ids: &mut Ids) -> Option<Values> {
        self.expect(b'{')?;
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some(Values::new());
        }
        ids.scratch.clear();
        loop {
            let criterion = ids.criterion(self.raw()?, ids.scratch.len())?;
            self.expect(b':')?;
            ids.scratch.push((criterion, self.number()?));
            match self.next()? {
                b',' => {}
                b'}' => return Some(ids.values()),
                _ => return None,
            }
        }
    }

    /// One row: `{"team": …, "juror": …[, "mark": …][, "values": {…}]
    /// [, "handwritten": …]}`, read after the row `previous` (whose rank
    /// in its team is `ids.rank`); the row and its own rank.
    pub fn row(
        &mut self,
        ids: &mut Ids,
        previous: Option<&SheetKey>,
    ) -> Option<(SheetKey, Sheet, usize)> {
        self.expect(b'{')?;
        self.key(b"\"team\"")?;
        let raw = self.raw()?;
        let (team, rank) = match same(previous.map(|p| &p.team), raw) {
            Some(team) => (team.clone(), ids.rank + 1),
            None => (TeamId::read(text(raw)?), 0),
        };
        self.expect(b',')?;
        self.key(b"\"juror\"")?;
        let juror = ids.juror(self.raw()?, rank)?;
        let mut sheet = Sheet::default();
        // The optional fields, each at most once and in the written order.
        let mut next_field = 0;
        loop {
            match self.next()? {
                b'}' => return Some((SheetKey::new(team, juror), sheet, rank)),
                b',' => {}
                _ => return None,
            }
            let field = if self.took(b"\"mark\"") {
                1
            } else if self.took(b"\"values\"") {
                2
            } else if self.took(b"\"handwritten\"") {
                3
            } else {
                return None;
            };
            if field <= next_field {
                return None;
            }
            next_field = field;
            self.expect(b':')?;
            match field {
                1 => sheet.mark = Some(self.mark()?),
                2 => sheet.values = self.values(ids)?,
                _ => sheet.handwritten = Some(self.number()?),
            }
        }
    }
}
