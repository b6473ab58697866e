//! The journal's tail read forward from the checkpoint's own line.
//!
//! A state file records where the journal line at its revision lies
//! (`journal_line`). Readers then read only that line's head (its session
//! and rev, a few hundred bytes) and its last 4 KB, and the lines after it:
//! never the rest of its body, which may be a 60 MB import (a line of up
//! to 64 KB is read whole and its digest checked). Anything that
//! does not match — a journal shorter than the line's end, no newline
//! there, another head, lines past it that do not follow on from it or do
//! not chain to it — gives `None`, and the journal is read backwards from
//! its end as without the record (`journal::read_tail`), so every recovery
//! rule and error stays as it was.
//!
//! Accepted, the result is the one the backward reading gives: the lines
//! past the checkpoint's line follow on from its revision and the first
//! chains to its digest, so reading backwards would take exactly them and
//! stop at that line (or at the first of them, by the chain).
//!
//! What is taken on trust, as reading backwards takes the head of the
//! checkpoint's line on trust: that a line over 64 KB holds no newline
//! between its first 512 bytes and its last 4 KB. Only a journal replaced
//! by another copy of the same session whose lines end exactly where the
//! checkpoint's did, with none past it, could make that false; `check`
//! compares every line with its digest.

use std::fs::File;
use std::io;

use super::digest::line_digest;
use super::journal::{self, Hint, Placed, Tail, Torn};

/// A checkpoint's line up to this long is read whole and its digest
/// checked (a terminal's checkpoint: a fraction of a millisecond)...
const WHOLE_BYTES: u64 = 64 << 10;
/// ...a longer one (an import) only in its first bytes and these last
/// ones, checked to hold no other newline.
const END_BYTES: u64 = 4096;

/// The checkpoint the tail follows: its revision, its `journal_digest`,
/// and where it says its line lies.
pub struct Checkpoint<'a> {
    pub rev: u64,
    pub digest: &'a str,
    pub hint: Hint<'a>,
}

/// The journal's tail past `checkpoint`, read forward from the end of its
/// line; `None` when the journal does not match the hint. `len` is the
/// journal's length.
pub fn read(file: &mut File, len: u64, checkpoint: &Checkpoint) -> io::Result<Option<Tail>> {
    let line = checkpoint.hint.line;
    if line.start >= line.end || line.end > len || !line_at(file, checkpoint)? {
        return Ok(None);
    }
    let bytes = journal::range(file, line.end, len)?;
    let full = journal::split(&bytes, line.end, false);
    if !full.bad.is_empty() || !follows(&full.lines, checkpoint) {
        return Ok(None);
    }
    if let Some(torn) = &full.torn
        && !torn_when_read_backwards(torn, checkpoint.rev)
    {
        return Ok(None);
    }
    let last = match full.lines.last() {
        Some(placed) => (placed.content.session.to_string(), placed.content.rev),
        None => (checkpoint.hint.session.to_string(), checkpoint.rev),
    };
    Ok(Some(Tail {
        last_at: full.lines.is_empty().then_some((line.start, line.end - 1)),
        last: Some(last),
        end: full.end,
        torn: full.torn,
        lines: full.lines,
    }))
}

/// Whether the hinted bytes are the checkpoint's line: a newline (or the
/// file's start) before them, its session and rev first, a newline at
/// their end; a line of up to [`WHOLE_BYTES`] is read whole and must have
/// the checkpoint's digest, a longer one must hold no other newline in
/// its first and last bytes.
fn line_at(file: &mut File, checkpoint: &Checkpoint) -> io::Result<bool> {
    let line = checkpoint.hint.line;
    let from = line.start.saturating_sub(1);
    let first = journal::range(file, from, line.end.min(line.start + journal::HEAD_BYTES))?;
    let (before, first) = first.split_at((line.start - from) as usize);
    if before.first().is_some_and(|&b| b != b'\n') {
        return Ok(false);
    }
    let head = journal::fast_head(first);
    if head.as_ref().map(|(s, rev)| (s.as_str(), *rev))
        != Some((checkpoint.hint.session, checkpoint.rev))
    {
        return Ok(false);
    }
    if line.end - line.start <= WHOLE_BYTES {
        let whole = journal::range(file, line.start, line.end)?;
        let content = whole.strip_suffix(b"\n");
        return Ok(content.is_some_and(|c| line_digest(c) == checkpoint.digest));
    }
    let last = journal::range(file, line.end - END_BYTES, line.end)?;
    let one_line = |bytes: &[u8]| !bytes.contains(&b'\n');
    Ok(last.last() == Some(&b'\n') && one_line(&last[..last.len() - 1]) && one_line(first))
}

/// Whether the lines past the checkpoint's line follow on from its
/// revision, the first chained to its digest.
fn follows(lines: &[Placed], checkpoint: &Checkpoint) -> bool {
    let chained = lines
        .first()
        .is_none_or(|p| p.content.prev.as_deref() == Some(checkpoint.digest));
    chained
        && lines
            .iter()
            .zip(checkpoint.rev + 1..)
            .all(|(p, rev)| p.content.rev == rev)
}

/// Whether reading backwards would also call `torn` torn: a line without
/// its newline always is; one with it only when its head is unreadable or
/// past the checkpoint (one at or before it would be where that reading
/// stops).
fn torn_when_read_backwards(torn: &Torn, after: u64) -> bool {
    match torn.bytes.strip_suffix(b"\n") {
        None => true,
        Some(content) => journal::head(content).is_none_or(|(_, rev)| rev > after),
    }
}

#[cfg(test)]
#[path = "forward_tests.rs"]
mod tests;
