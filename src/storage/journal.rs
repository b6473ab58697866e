//! The write-ahead journal: `FILE.journal`, JSON Lines, append-only.
//!
//! Each line is `{"session":…,"rev":…,"prev":null,"op":…}` followed by a
//! newline; `rev` counts up from 1 (the session's creation). A last line
//! without its newline, or that does not parse, is *torn* (a crash in the
//! middle of an append): readers ignore it, writers move it aside.
//!
//! Readers only need the lines past the state's revision. A checkpoint
//! records where its own line lies ([`Span`]): [`read_tail`] reads that
//! line's first and last bytes and the lines after it, forward
//! (`forward.rs`), never the rest of its body (an import may be 60 MB). Without that record, or when it
//! does not match the journal, it reads the file backwards from its end and
//! stops at the first line the state already includes: the history is
//! never parsed.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::Operation;

use super::digest::line_digest;
use super::error::{Action, LineProblem, StoreError, writing};

/// One journal line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// The session's id (a line of another session is refused).
    pub session: String,
    /// 1 for the creation, then one more per operation.
    pub rev: u64,
    /// The hash chain: the SHA-256 (lowercase hex) of the previous line's
    /// bytes without its newline; `None` on line 1 and on the lines a
    /// journal held before it was chained (older sessions).
    pub prev: Option<String>,
    pub op: Operation,
}

/// The first fields of a line, enough to know where it belongs.
#[derive(Deserialize)]
struct Head {
    session: String,
    rev: u64,
}

/// Where one journal line lies: the byte offsets of its start and of its
/// end (newline included). A state file records its own line's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: u64,
    pub end: u64,
}

/// What a checkpoint says of its own journal line (the line at its
/// revision): its session's id and where the line lies.
#[derive(Clone, Copy, Debug)]
pub struct Hint<'a> {
    pub session: &'a str,
    pub line: Span,
}

/// A line and where it is: its 1-based line number (when known) and the
/// byte offset of its start.
#[derive(Clone, Debug)]
pub struct Placed {
    pub offset: u64,
    pub line: Option<usize>,
    /// The digest of the line's bytes (without its newline).
    pub digest: String,
    pub content: Line,
}

/// A torn last line: where it starts and its bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Torn {
    pub offset: u64,
    pub bytes: Vec<u8>,
}

/// The end of a journal, past a given revision.
#[derive(Debug, Default)]
pub struct Tail {
    /// Whole lines with `rev` above the revision asked for, oldest first.
    pub lines: Vec<Placed>,
    /// The session and rev of the last whole line, if any.
    pub last: Option<(String, u64)>,
    /// Where the last whole line starts, when it is not in `lines` (it
    /// was at or before the revision asked for): its digest is read on
    /// demand with [`digest_at`].
    pub last_at: Option<(u64, u64)>,
    /// The end of the last whole line (where the next line goes).
    pub end: u64,
    pub torn: Option<Torn>,
}

impl Tail {
    /// Where the tail's lines start (the end of the lines before them).
    pub fn start(&self) -> u64 {
        self.lines.first().map_or(self.end, |p| p.offset)
    }
}

/// The whole journal, every line parsed.
#[derive(Debug, Default)]
pub struct Full {
    pub lines: Vec<Placed>,
    /// Lines that are not journal lines (not the torn last one): number, why.
    pub bad: Vec<(usize, u64, LineProblem)>,
    pub torn: Option<Torn>,
    /// The end of the last whole line.
    pub end: u64,
}

/// The bytes of one line, newline included.
pub fn encode(line: &Line) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(line).expect("a journal line always serialises");
    bytes.push(b'\n');
    bytes
}

pub(super) fn parse(bytes: &[u8]) -> Result<Line, LineProblem> {
    serde_json::from_slice(bytes)
        .map_err(|e| LineProblem::Unreadable(crate::words::files::JsonProblem::from_serde(&e)))
}

/// The head of a line, read from its first bytes when it was written by
/// Podium (fields in order), otherwise by parsing the line.
pub(super) fn head(bytes: &[u8]) -> Option<(String, u64)> {
    fast_head(bytes).or_else(|| {
        serde_json::from_slice::<Head>(bytes)
            .ok()
            .map(|h| (h.session, h.rev))
    })
}

pub(super) fn fast_head(bytes: &[u8]) -> Option<(String, u64)> {
    let rest = bytes.strip_prefix(b"{\"session\":\"")?;
    let end = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
    if rest[end] != b'"' {
        return None;
    }
    let session = std::str::from_utf8(&rest[..end]).ok()?.to_string();
    let rest = rest[end..].strip_prefix(b"\",\"rev\":")?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || rest.get(digits) != Some(&b',') {
        return None;
    }
    let rev = std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()?;
    Some((session, rev))
}

fn open_read(path: &Path) -> Result<Option<File>, StoreError> {
    match super::regular::open(path) {
        Ok(f) => Ok(Some(f)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(path, Action::Read, e)),
    }
}

/// Whether the journal exists.
pub fn exists(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// The 1-based number of the line starting at `offset` (reads the file up
/// to there; used only to name a line in an error).
pub fn line_number(path: &Path, offset: u64) -> Result<usize, StoreError> {
    let mut file = File::open(path).map_err(|e| StoreError::io(path, Action::Read, e))?;
    let mut remaining = offset;
    let mut count = 1;
    let mut buf = vec![0u8; 1 << 16];
    while remaining > 0 {
        let want = buf.len().min(remaining as usize);
        let n = file
            .read(&mut buf[..want])
            .map_err(|e| StoreError::io(path, Action::Read, e))?;
        if n == 0 {
            break;
        }
        count += buf[..n].iter().filter(|&&b| b == b'\n').count();
        remaining -= n as u64;
    }
    Ok(count)
}

fn bad_line(path: &Path, offset: u64, problem: LineProblem) -> StoreError {
    match line_number(path, offset) {
        Ok(line) => StoreError::BadLine {
            path: path.to_path_buf(),
            line,
            problem,
        },
        Err(e) => e,
    }
}

/// The whole lines with `rev > after`, read backwards from the end of the
/// file; stops at the first line whose `rev` is `after` or less, without
/// parsing anything before it (and reading only the first bytes of that
/// line, however long it is). A missing journal is an empty one.
///
/// With `chained_to` (the digest of the line at `after`), it stops as soon
/// as it has the line at `after + 1` carrying that digest as `prev`: the
/// line before is then the one at `after` by the hash chain, and is not
/// read at all (a checkpoint's line may be an import of many megabytes).
///
/// With a `hint` (where the checkpoint's line lies) and `chained_to`, the
/// lines after that line are read forward instead, and only the first and
/// last bytes of the line itself (`forward.rs`); the result is the same,
/// and whatever does not match the hint is read backwards as above.
pub fn read_tail(
    path: &Path,
    after: u64,
    chained_to: Option<&str>,
    hint: Option<Hint>,
) -> Result<Tail, StoreError> {
    let Some(file) = open_read(path)? else {
        return Ok(Tail::default());
    };
    let read_err = |e| StoreError::io(path, Action::Read, e);
    let mut file = Backwards { file };
    let len = file.file.metadata().map_err(read_err)?.len();
    if let (Some(hint), Some(digest)) = (hint, chained_to) {
        let checkpoint = super::forward::Checkpoint {
            rev: after,
            digest,
            hint,
        };
        // A read error on the way is met again, and reported, below.
        if let Ok(Some(tail)) = super::forward::read(&mut file.file, len, &checkpoint) {
            return Ok(tail);
        }
    }
    let mut tail = Tail::default();
    let mut found: Vec<Placed> = Vec::new();
    // The line being looked at ends (exclusive, newline included) at `end`.
    let mut end = len;
    let mut last_line = true;
    while end > 0 {
        let has_newline = file.range(end - 1, end).map_err(read_err)? == b"\n";
        let content_end = if has_newline { end - 1 } else { end };
        let start = file.line_start(content_end).map_err(read_err)?;
        let torn = |file: &mut Backwards| -> Result<Torn, StoreError> {
            Ok(Torn {
                offset: start,
                bytes: file.range(start, end).map_err(read_err)?,
            })
        };
        let first = file
            .range(start, content_end.min(start + HEAD_BYTES))
            .map_err(read_err)?;
        let head = match fast_head(&first) {
            Some(head) => Some(head),
            // Not in Podium's field order: parse the whole line's head.
            None => head(&file.range(start, content_end).map_err(read_err)?),
        };
        if last_line && (!has_newline || head.is_none()) {
            // A torn last line: no newline, or not even a readable head.
            tail.torn = Some(torn(&mut file)?);
            last_line = false;
            end = start;
            continue;
        }
        let Some((session, rev)) = head else {
            let problem = LineProblem::Unreadable(crate::words::files::JsonProblem {
                kind: crate::words::files::JsonKind::Data,
                line: 0,
                column: 0,
                detail: "no session or rev".into(),
            });
            return Err(bad_line(path, start, problem));
        };
        if tail.last.is_none() {
            tail.end = end;
        }
        if rev <= after {
            if tail.last.is_none() {
                tail.last_at = Some((start, content_end));
            }
            tail.last.get_or_insert((session, rev));
            break;
        }
        let bytes = file.range(start, content_end).map_err(read_err)?;
        match parse(&bytes) {
            Ok(content) => {
                tail.last.get_or_insert((session, rev));
                let follows_checkpoint = rev == after + 1
                    && chained_to.is_some()
                    && content.prev.as_deref() == chained_to;
                found.push(Placed {
                    offset: start,
                    line: None,
                    digest: line_digest(&bytes),
                    content,
                });
                if follows_checkpoint {
                    break;
                }
            }
            // A last line that ends well but does not parse is torn too.
            Err(_) if last_line => {
                tail.torn = Some(torn(&mut file)?);
                tail.end = start;
            }
            Err(problem) => return Err(bad_line(path, start, problem)),
        }
        last_line = false;
        end = start;
    }
    found.reverse();
    tail.lines = found;
    Ok(tail)
}

/// How many bytes of a line hold its head (`session` and `rev`).
pub(super) const HEAD_BYTES: u64 = 512;

/// The bytes [from, to) of `file`.
pub(super) fn range(file: &mut File, from: u64, to: u64) -> io::Result<Vec<u8>> {
    let mut bytes = vec![0u8; (to - from) as usize];
    read_at(file, from, &mut bytes)?;
    Ok(bytes)
}

/// Fill `buffer` with the bytes of `file` from `from`: every read of
/// [`read_tail`] goes through here (the tests count them).
fn read_at(file: &mut File, from: u64, buffer: &mut [u8]) -> io::Result<()> {
    file.seek(SeekFrom::Start(from))?;
    file.read_exact(buffer)?;
    #[cfg(test)]
    BYTES_READ.with(|n| n.set(n.get() + buffer.len() as u64));
    Ok(())
}

#[cfg(test)]
thread_local! {
    /// How many bytes [`read_at`] read on this thread.
    pub(super) static BYTES_READ: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Reading a file from its end.
struct Backwards {
    file: File,
}

impl Backwards {
    /// The bytes [from, to).
    fn range(&mut self, from: u64, to: u64) -> io::Result<Vec<u8>> {
        range(&mut self.file, from, to)
    }

    /// Where the line holding the byte before `before` starts: just after
    /// the previous newline, or at 0. Scans backwards chunk by chunk into
    /// one buffer, keeping nothing (a line of an import may be 60 MB).
    fn line_start(&mut self, before: u64) -> io::Result<u64> {
        const FIRST: u64 = 1 << 12;
        const MOST: u64 = 1 << 20;
        let mut buffer = Vec::new();
        let mut size = FIRST;
        let mut to = before;
        while to > 0 {
            let from = to.saturating_sub(size);
            buffer.resize((to - from) as usize, 0);
            read_at(&mut self.file, from, &mut buffer)?;
            if let Some(i) = memchr::memrchr(b'\n', &buffer) {
                return Ok(from + i as u64 + 1);
            }
            to = from;
            size = (size * 4).min(MOST);
        }
        Ok(0)
    }
}

/// Every line of the journal, parsed (for `check`).
pub fn read_all(path: &Path) -> Result<Option<Full>, StoreError> {
    let Some(mut file) = open_read(path)? else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| StoreError::io(path, Action::Read, e))?;
    Ok(Some(split(&bytes, 0, true)))
}

/// The lines from byte `offset` to the end of the journal (a terminal
/// reading only what is new). `None` when the journal is shorter than
/// `offset` (it was cut or replaced). Line numbers are not known.
pub fn read_after(path: &Path, offset: u64) -> Result<Option<Full>, StoreError> {
    let read_err = |e| StoreError::io(path, Action::Read, e);
    let Some(mut file) = open_read(path)? else {
        return Ok(None);
    };
    let len = file.metadata().map_err(read_err)?.len();
    if len < offset {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity((len - offset) as usize);
    file.seek(SeekFrom::Start(offset)).map_err(read_err)?;
    file.read_to_end(&mut bytes).map_err(read_err)?;
    Ok(Some(split(&bytes, offset, false)))
}

/// Split journal bytes that start at `base` into lines, parsing each.
pub(super) fn split(bytes: &[u8], base: u64, numbered: bool) -> Full {
    let mut full = Full {
        end: base,
        ..Full::default()
    };
    let mut offset = 0usize;
    let mut number = 0usize;
    while offset < bytes.len() {
        number += 1;
        let (content_end, next, has_newline) =
            match bytes[offset..].iter().position(|&b| b == b'\n') {
                Some(i) => (offset + i, offset + i + 1, true),
                None => (bytes.len(), bytes.len(), false),
            };
        let is_last = next == bytes.len();
        let at = base + offset as u64;
        let torn = || Torn {
            offset: at,
            bytes: bytes[offset..next].to_vec(),
        };
        if !has_newline {
            full.torn = Some(torn());
        } else {
            match parse(&bytes[offset..content_end]) {
                Ok(content) => {
                    full.lines.push(Placed {
                        offset: at,
                        line: numbered.then_some(number),
                        digest: line_digest(&bytes[offset..content_end]),
                        content,
                    });
                    full.end = base + next as u64;
                }
                Err(_) if is_last => full.torn = Some(torn()),
                Err(problem) => {
                    full.bad.push((number, at, problem));
                    full.end = base + next as u64;
                }
            }
        }
        offset = next;
    }
    full
}

/// The digest of the bytes [from, to) of the journal (one line, without
/// its newline).
pub fn digest_at(path: &Path, from: u64, to: u64) -> Result<String, StoreError> {
    let read_err = |e| StoreError::io(path, Action::Read, e);
    let file = File::open(path).map_err(read_err)?;
    let bytes = Backwards { file }.range(from, to).map_err(read_err)?;
    Ok(line_digest(&bytes))
}

/// Open the journal for appending (created if missing).
pub fn open_append(path: &Path) -> Result<File, StoreError> {
    super::state::owner_only(&mut OpenOptions::new())
        .append(true)
        .create(true)
        .open(path)
        .map_err(|e| StoreError::io(path, Action::Write, e))
}

/// Move a torn last line to `torn_path` (appended there, then synced),
/// then cut the journal back to its last whole line.
pub fn move_torn(path: &Path, torn_path: &Path, torn: &Torn) -> Result<(), StoreError> {
    let mut aside = super::state::owner_only(&mut OpenOptions::new())
        .append(true)
        .create(true)
        .open(torn_path)
        .map_err(writing(torn_path))?;
    let mut bytes = torn.bytes.clone();
    if bytes.last() != Some(&b'\n') {
        bytes.push(b'\n');
    }
    aside.write_all(&bytes).map_err(writing(torn_path))?;
    aside.sync_all().map_err(writing(torn_path))?;
    let journal = OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(writing(path))?;
    journal.set_len(torn.offset).map_err(writing(path))?;
    journal.sync_all().map_err(writing(path))?;
    Ok(())
}

#[cfg(test)]
#[path = "journal_tests.rs"]
pub(super) mod tests;
