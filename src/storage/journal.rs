//! The write-ahead journal: `FILE.journal`, JSON Lines, append-only.
//!
//! Each line is `{"session":…,"rev":…,"prev":null,"op":…}` followed by a
//! newline; `rev` counts up from 1 (the session's creation). A last line
//! without its newline, or that does not parse, is *torn* (a crash in the
//! middle of an append): readers ignore it, writers move it aside.
//!
//! Readers only need the lines past the state's revision, so [`read_tail`]
//! reads the file backwards from its end and stops at the first line the
//! state already includes: the history is never parsed.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::Operation;

use super::error::{Action, LineProblem, StoreError, writing};

/// One journal line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// The session's id (a line of another session is refused).
    pub session: String,
    /// 1 for the creation, then one more per operation.
    pub rev: u64,
    /// Reserved for the hash chain (the previous line's digest).
    pub prev: Option<String>,
    pub op: Operation,
}

/// The first fields of a line, enough to know where it belongs.
#[derive(Deserialize)]
struct Head {
    session: String,
    rev: u64,
}

/// A line and where it is: its 1-based line number (when known) and the
/// byte offset of its start.
#[derive(Clone, Debug)]
pub struct Placed {
    pub offset: u64,
    pub line: Option<usize>,
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
    pub torn: Option<Torn>,
}

/// The whole journal, every line parsed.
#[derive(Debug, Default)]
pub struct Full {
    pub lines: Vec<Placed>,
    /// Lines that are not journal lines (not the torn last one): number, why.
    pub bad: Vec<(usize, u64, LineProblem)>,
    pub torn: Option<Torn>,
}

/// The bytes of one line, newline included.
pub fn encode(line: &Line) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(line).expect("a journal line always serialises");
    bytes.push(b'\n');
    bytes
}

fn parse(bytes: &[u8]) -> Result<Line, LineProblem> {
    serde_json::from_slice(bytes).map_err(|e| LineProblem::Unreadable(e.to_string()))
}

/// The head of a line, read from its first bytes when it was written by
/// Podium (fields in order), otherwise by parsing the line.
fn head(bytes: &[u8]) -> Option<(String, u64)> {
    fast_head(bytes).or_else(|| {
        serde_json::from_slice::<Head>(bytes)
            .ok()
            .map(|h| (h.session, h.rev))
    })
}

fn fast_head(bytes: &[u8]) -> Option<(String, u64)> {
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
    match File::open(path) {
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
/// parsing anything before it. A missing journal is an empty one.
pub fn read_tail(path: &Path, after: u64) -> Result<Tail, StoreError> {
    let Some(mut file) = open_read(path)? else {
        return Ok(Tail::default());
    };
    let read_err = |e| StoreError::io(path, Action::Read, e);
    let len = file.metadata().map_err(read_err)?.len();
    let mut window = Window {
        buf: Vec::new(),
        start: len,
        chunk: 1 << 16,
    };
    let mut tail = Tail::default();
    let mut found: Vec<Placed> = Vec::new();
    // The line being looked at ends (exclusive, newline included) at `end`.
    let mut end = len;
    let mut last_line = true;
    while end > 0 {
        if window.start >= end {
            window.load_more(&mut file).map_err(read_err)?;
        }
        let has_newline = window.byte(end - 1) == b'\n';
        let content_end = if has_newline { end - 1 } else { end };
        // Its start: the byte after the previous newline (loading more of
        // the file backwards until one is found or the file starts).
        let line_start = loop {
            if let Some(i) = window.last_newline_before(content_end) {
                break i + 1;
            }
            if window.start == 0 {
                break 0;
            }
            window.load_more(&mut file).map_err(read_err)?;
        };
        let bytes = window.slice(line_start, content_end);
        let torn = || Torn {
            offset: line_start,
            bytes: window.slice(line_start, end).to_vec(),
        };
        let head = head(bytes);
        if last_line && (!has_newline || head.is_none()) {
            // A torn last line: no newline, or not even a readable head.
            tail.torn = Some(torn());
            last_line = false;
            end = line_start;
            continue;
        }
        let Some((session, rev)) = head else {
            return Err(bad_line(
                path,
                line_start,
                LineProblem::Unreadable("no session or rev".into()),
            ));
        };
        if rev <= after {
            tail.last.get_or_insert((session, rev));
            break;
        }
        match parse(bytes) {
            Ok(content) => {
                tail.last.get_or_insert((session, rev));
                found.push(Placed {
                    offset: line_start,
                    line: None,
                    content,
                });
            }
            // A last line that ends well but does not parse is torn too.
            Err(_) if last_line => tail.torn = Some(torn()),
            Err(problem) => return Err(bad_line(path, line_start, problem)),
        }
        last_line = false;
        end = line_start;
    }
    found.reverse();
    tail.lines = found;
    Ok(tail)
}

/// The part of a file read so far, from `start` to its end.
struct Window {
    buf: Vec<u8>,
    start: u64,
    chunk: u64,
}

impl Window {
    /// Read the next chunk backwards (doubling each time: linear overall).
    fn load_more(&mut self, file: &mut File) -> io::Result<()> {
        let from = self.start.saturating_sub(self.chunk);
        let mut more = vec![0u8; (self.start - from) as usize];
        file.seek(SeekFrom::Start(from))?;
        file.read_exact(&mut more)?;
        more.extend_from_slice(&self.buf);
        self.buf = more;
        self.start = from;
        self.chunk = self.chunk.saturating_mul(2);
        Ok(())
    }

    fn byte(&self, at: u64) -> u8 {
        self.buf[(at - self.start) as usize]
    }

    fn slice(&self, from: u64, to: u64) -> &[u8] {
        &self.buf[(from - self.start) as usize..(to - self.start) as usize]
    }

    /// The position of the last newline before `before`, within the window.
    fn last_newline_before(&self, before: u64) -> Option<u64> {
        self.slice(self.start, before)
            .iter()
            .rposition(|&b| b == b'\n')
            .map(|i| self.start + i as u64)
    }
}

/// Every line of the journal, parsed (for a writer's open and `check`).
pub fn read_all(path: &Path) -> Result<Option<Full>, StoreError> {
    let Some(mut file) = open_read(path)? else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| StoreError::io(path, Action::Read, e))?;
    let mut full = Full::default();
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
        let torn = || Torn {
            offset: offset as u64,
            bytes: bytes[offset..next].to_vec(),
        };
        if !has_newline {
            full.torn = Some(torn());
        } else {
            match parse(&bytes[offset..content_end]) {
                Ok(content) => full.lines.push(Placed {
                    offset: offset as u64,
                    line: Some(number),
                    content,
                }),
                Err(_) if is_last => full.torn = Some(torn()),
                Err(problem) => full.bad.push((number, offset as u64, problem)),
            }
        }
        offset = next;
    }
    Ok(Some(full))
}

/// Open the journal for appending (created if missing).
pub fn open_append(path: &Path) -> Result<File, StoreError> {
    OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .map_err(|e| StoreError::io(path, Action::Write, e))
}

/// Move a torn last line to `torn_path` (appended there, then synced),
/// then cut the journal back to its last whole line.
pub fn move_torn(path: &Path, torn_path: &Path, torn: &Torn) -> Result<(), StoreError> {
    let mut aside = OpenOptions::new()
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
