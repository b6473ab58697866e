//! A fast reader for the `sheets` list of a state file, the bulk of a big
//! session (120,000 rows at 2,000 teams).
//!
//! It reads the exact shape Podium writes — rows of `team`, `juror`, then
//! `mark`, `values` and `handwritten` when present, in that order; strings
//! without escapes; numbers as plain decimals read straight into
//! millionths (`fast_rows`) — and gives up (`None`) on anything else, so
//! the caller reads the whole file the general way instead. Whatever it
//! accepts, it reads as serde would: the same sheets, the same shared ids,
//! the same exact values. A list serde would refuse (a sheet written
//! twice, …) is never accepted here, so serde's refusal is the one
//! reported.
//!
//! The file is read through a small buffer, reused as the reader moves on
//! (never held whole: fresh memory is what a big read costs most); the
//! bytes around the list are kept and read by serde with `[]` for it.
//!
//! It is read (`pread`), not mapped: Podium replaces a state file by
//! rename, so a reader keeps the file it opened, but another program may
//! truncate or rewrite it in place. Read, that gives short or mixed bytes,
//! which fail here and then in the general way, reported as a bad file;
//! mapped, it would kill the process (`SIGBUS`) or change bytes already
//! checked under the reader. Mapping would save only the kernel's copy
//! into the buffer (about 2% of `results` at 2,000 teams).

use std::collections::BTreeMap;
use std::io;

use super::fast_rows::Ids;
use super::fast_window::{Window, boundary};
use crate::domain::{Session, Sheet, SheetKey};

/// Bytes read at an offset: a file, or bytes held whole.
pub trait At {
    /// Like `pread`: up to `buf.len()` bytes from `offset`, 0 at the end.
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize>;
    /// The size now (it may change; readers read to the end anyway).
    fn size(&self) -> io::Result<u64>;
}

impl At for [u8] {
    fn size(&self) -> io::Result<u64> {
        Ok(self.len() as u64)
    }

    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        let start = usize::try_from(offset).map_or(self.len(), |o| o.min(self.len()));
        let len = buf.len().min(self.len() - start);
        buf[..len].copy_from_slice(&self[start..start + len]);
        Ok(len)
    }
}

/// A file read at offsets never moves its cursor on Unix; on Windows it
/// does, so a reader that reads it whole afterwards seeks first.
impl At for std::fs::File {
    fn size(&self) -> io::Result<u64> {
        Ok(self.metadata()?.len())
    }
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        #[cfg(unix)]
        return std::os::unix::fs::FileExt::read_at(self, buf, offset);
        #[cfg(windows)]
        return std::os::windows::fs::FileExt::seek_read(self, buf, offset);
        #[cfg(not(any(unix, windows)))]
        return Err(io::ErrorKind::Unsupported.into());
    }
}

/// The reading buffer's sizes (tests make them tiny).
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    /// Bytes read at once: the buffer, small enough to stay in the cache.
    pub chunk: usize,
    /// Bytes held past a row before reading it (a longer row is read
    /// again with more).
    pub ahead: usize,
}

const SIZES: Sizes = Sizes {
    chunk: 128 << 10,
    ahead: 8 << 10,
};

/// The least size of a list read in two halves at once (smaller ones are
/// read before a thread would start).
const HALVES: u64 = 1 << 20;

/// A state file read fast: its session, its first `first` bytes and the
/// bytes around its sheets list (with `[]` for it), for `journal_digest`.
pub struct Fast {
    pub session: Session,
    pub first: Vec<u8>,
    pub rest: Vec<u8>,
    /// Where the list was cut in two halves read at once, if it was (the
    /// tests look).
    #[cfg_attr(not(test), allow(dead_code))]
    pub cut: Option<u64>,
}

/// The session of state file bytes of the current format, read as
/// [`read`] does.
#[cfg(test)]
pub fn decode(bytes: &[u8], format: u32) -> Option<Session> {
    let fast = read(bytes, format, 0).ok()??;
    Some(fast.session)
}

/// The session of a state file of the current format read with its sheets
/// taken by the fast reader and the rest by serde; `None` when the sheets
/// are not in the shape it reads or the rest does not read as a session
/// of `format` (the caller then reads the file the general way, and
/// reports its errors). Its first `first` bytes are kept as they are.
///
/// A big list is read in two halves at once, cut at a row near its middle;
/// each half's ids are shared within it (the second half's through its
/// thread's own table), so an id has at most two strings.
pub fn read<S: At + Sync + ?Sized>(
    source: &S,
    format: u32,
    first: usize,
) -> io::Result<Option<Fast>> {
    let size = source.size()?;
    read_with(source, format, first, SIZES, |start| {
        let list = size.saturating_sub(start);
        (list >= HALVES).then_some(start + list / 2)
    })
}

/// [`read`] through a buffer of `sizes`, the list cut near `guess(its
/// offset)` if that is some.
pub fn read_with<S: At + Sync + ?Sized>(
    source: &S,
    format: u32,
    first: usize,
    sizes: Sizes,
    guess: impl FnOnce(u64) -> Option<u64>,
) -> io::Result<Option<Fast>> {
    let mut window = Window::new(source, 0, sizes);
    let Some(start) = window.head()? else {
        return Ok(None);
    };
    let first = window.held()[..first.min(window.len)].to_vec();
    let mut rest = window.detach(start);
    rest.extend_from_slice(b"[]");
    let cut = match guess(window.offset) {
        Some(guess) => boundary(source, guess)?,
        None => None,
    };
    let found = match cut {
        Some(cut) => halves(window, cut, &mut rest)?,
        None => whole(window, &mut rest)?.map(|part| (part, None)),
    };
    let Some((part, cut)) = found else {
        return Ok(None);
    };
    let Some(sheets) = part.into_map() else {
        return Ok(None);
    };
    let Ok(mut session) = serde_json::from_slice::<Session>(&rest) else {
        return Ok(None);
    };
    if session.format != format {
        return Ok(None);
    }
    session.sheets = sheets;
    Ok(Some(Fast {
        session,
        first,
        rest,
        cut,
    }))
}

type Row = (SheetKey, Sheet);

/// The rows of a list (or of a part of it) in the order read.
#[derive(Default)]
struct Part {
    rows: Vec<Row>,
    /// Whether each row's key is greater than the one before.
    sorted: bool,
}

impl Part {
    /// Add the rows of the part that follows.
    fn append(&mut self, mut next: Part) {
        let joined = match (self.rows.last(), next.rows.first()) {
            (Some(last), Some(first)) => last.0 < first.0,
            _ => true,
        };
        self.sorted = self.sorted && next.sorted && joined;
        self.rows.append(&mut next.rows);
    }

    /// As a map: `None` for a sheet written twice.
    fn into_map(mut self) -> Option<BTreeMap<SheetKey, Sheet>> {
        if !self.sorted {
            self.rows.sort_by(|a, b| a.0.cmp(&b.0));
            if self.rows.windows(2).any(|w| w[0].0 == w[1].0) {
                return None;
            }
        }
        Some(self.rows.into_iter().collect())
    }
}

/// The list read by one reader from the window's start; the bytes after
/// it added to `rest`.
fn whole<S: At + ?Sized>(
    mut window: Window<'_, S>,
    rest: &mut Vec<u8>,
) -> io::Result<Option<Part>> {
    let mut at = 0;
    let mut part = Part {
        rows: Vec::new(),
        sorted: true,
    };
    if open(&mut window, &mut at, &mut part, None)?.is_none() {
        return Ok(None);
    }
    window.rest_into(at, rest)?;
    Ok(Some(part))
}

/// The list read in two halves at once, the second from `cut` on by
/// another thread; the bytes after it added to `rest`. When the first
/// half's reader does not stop exactly at `cut` (a guess), it reads on to
/// the end alone and the other half is dropped.
fn halves<S: At + Sync + ?Sized>(
    mut window: Window<'_, S>,
    cut: u64,
    rest: &mut Vec<u8>,
) -> io::Result<Option<(Part, Option<u64>)>> {
    let sizes = window.sizes;
    let source = window.source;
    std::thread::scope(|scope| {
        let second = scope.spawn(move || {
            crate::domain::id::sharing(|| -> io::Result<Option<(Part, Vec<u8>)>> {
                let mut window = Window::new(source, cut, sizes);
                let (mut at, mut part, mut tail) = (0, Part::default(), Vec::new());
                part.sorted = true;
                let ids = &mut Ids::default();
                if rows(&mut window, &mut at, ids, &mut part, None)?.is_none() {
                    return Ok(None);
                }
                window.rest_into(at, &mut tail)?;
                Ok(Some((part, tail)))
            })
        });
        let mut at = 0;
        let mut part = Part {
            rows: Vec::new(),
            sorted: true,
        };
        let Some(ended) = open(&mut window, &mut at, &mut part, Some(cut))? else {
            return Ok(None);
        };
        if ended == Ended::Closed {
            window.rest_into(at, rest)?;
            return Ok(Some((part, None)));
        }
        let second = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        let Some((next, tail)) = second else {
            return Ok(None);
        };
        part.append(next);
        rest.extend_from_slice(&tail);
        Ok(Some((part, Some(cut))))
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ended {
    /// At the list's `]`.
    Closed,
    /// At the offset to stop at.
    Stopped,
}

/// `[row, …]` from `at` into `part`, until its end or `stop` (see
/// [`rows`]); `None` when not in the shape read here.
fn open<S: At + ?Sized>(
    window: &mut Window<'_, S>,
    at: &mut usize,
    part: &mut Part,
    stop: Option<u64>,
) -> io::Result<Option<Ended>> {
    let empty = window.unit(at, |c| {
        c.expect(b'[')?;
        c.skip_space();
        let close = c.peek()? == b']';
        c.at += usize::from(close);
        Some(close)
    })?;
    match empty {
        None => Ok(None),
        Some(true) => Ok(Some(Ended::Closed)),
        Some(false) => rows(window, at, &mut Ids::default(), part, stop),
    }
}

/// Rows from `at` into `part`, each followed by `,` or the list's `]`,
/// until that `]` or until `stop`, the offset just past a row's `,`.
fn rows<S: At + ?Sized>(
    window: &mut Window<'_, S>,
    at: &mut usize,
    ids: &mut Ids,
    part: &mut Part,
    stop: Option<u64>,
) -> io::Result<Option<Ended>> {
    loop {
        let previous = part.rows.last().map(|(key, _)| key);
        let row = window.unit(at, |c| {
            let (key, sheet, rank) = c.row(ids, previous)?;
            match c.next()? {
                b',' => Some((key, sheet, rank, true)),
                b']' => Some((key, sheet, rank, false)),
                _ => None,
            }
        })?;
        let Some((key, sheet, rank, more)) = row else {
            return Ok(None);
        };
        ids.rank = rank;
        if let Some((previous, _)) = part.rows.last() {
            part.sorted = part.sorted && in_order(previous, &key);
        }
        part.rows.push((key, sheet));
        if !more {
            return Ok(Some(Ended::Closed));
        }
        if stop == Some(window.offset + *at as u64) {
            return Ok(Some(Ended::Stopped));
        }
    }
}

/// Whether `a < b`, comparing the ids' bytes in place (a few each).
fn in_order(a: &SheetKey, b: &SheetKey) -> bool {
    let order = |x: &str, y: &str| {
        let (x, y) = (x.as_bytes(), y.as_bytes());
        match x.iter().zip(y).find(|(p, q)| p != q) {
            Some((p, q)) => p.cmp(q),
            None => x.len().cmp(&y.len()),
        }
    };
    let team = if a.team.shares(&b.team) {
        std::cmp::Ordering::Equal
    } else {
        order(&a.team, &b.team)
    };
    team.then_with(|| order(&a.juror, &b.juror)).is_lt()
}

#[cfg(test)]
#[path = "fast_sheets_tests.rs"]
mod tests;
