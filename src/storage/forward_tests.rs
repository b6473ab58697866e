use std::path::{Path, PathBuf};

use crate::storage::digest::line_digest;
use crate::storage::journal::{BYTES_READ, Hint, Line, Span, Tail, encode, read_tail};

fn line(rev: u64, label_len: usize, prev: Option<String>) -> Line {
    Line {
        prev,
        ..crate::storage::journal::tests::line(rev, label_len)
    }
}

/// The digest of a line's bytes as written.
fn digest(bytes: &[u8]) -> String {
    line_digest(bytes.strip_suffix(b"\n").unwrap_or(bytes))
}

/// A chained journal of lines with these label lengths; its bytes per line.
fn chained(labels: &[usize]) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    for (i, &len) in labels.iter().enumerate() {
        let prev = out.last().map(|b| digest(b));
        out.push(encode(&line(i as u64 + 1, len, prev)));
    }
    out
}

fn write(dir: &Path, parts: &[Vec<u8>], extra: &[u8]) -> PathBuf {
    let path = dir.join("f.json.journal");
    let mut bytes = parts.concat();
    bytes.extend_from_slice(extra);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Where line `rev` (1-based) of `parts` lies.
fn span(parts: &[Vec<u8>], rev: usize) -> Span {
    let start = parts[..rev - 1].iter().map(|p| p.len() as u64).sum();
    Span {
        start,
        end: start + parts[rev - 1].len() as u64,
    }
}

fn hint(line: Span) -> Option<Hint<'static>> {
    Some(Hint { session: "s", line })
}

/// What a tail says, comparable: each line (offset, rev, digest), then
/// the last line's head, where it lies, the end and a torn line.
type Summary = (
    Vec<(u64, u64, String)>,
    Option<(String, u64)>,
    Option<(u64, u64)>,
    u64,
    Option<(u64, Vec<u8>)>,
);

fn summary(tail: &Tail) -> Summary {
    (
        tail.lines
            .iter()
            .map(|p| (p.offset, p.content.rev, p.digest.clone()))
            .collect(),
        tail.last.clone(),
        tail.last_at,
        tail.end,
        tail.torn.as_ref().map(|t| (t.offset, t.bytes.clone())),
    )
}

/// A tail read (or its error), and how many bytes the reading read.
type Read = (Result<Summary, String>, u64);

/// The tail read with `hint` and without it, and the bytes each read.
fn both(path: &Path, after: u64, chained_to: Option<&str>, hint: Option<Hint>) -> (Read, Read) {
    let read = |hint| {
        BYTES_READ.with(|n| n.set(0));
        let tail = read_tail(path, after, chained_to, hint)
            .map(|t| summary(&t))
            .map_err(|e| format!("{e:?}"));
        (tail, BYTES_READ.with(|n| n.get()))
    };
    (read(hint), read(None))
}

#[test]
fn the_body_of_the_checkpoints_line_is_never_read() {
    let dir = tempfile::tempdir().unwrap();
    // Line 2, the checkpoint's, is a 2 MB import.
    let mut parts = chained(&[10, 2_000_000]);
    let path = write(dir.path(), &parts, b"");
    let d2 = digest(&parts[1]);
    let ((hinted, hinted_bytes), (backwards, backwards_bytes)) =
        both(&path, 2, Some(&d2), hint(span(&parts, 2)));
    assert_eq!(hinted, backwards);
    let (lines, last, last_at, end, torn) = hinted.unwrap();
    assert!(lines.is_empty() && torn.is_none());
    assert_eq!(last, Some(("s".into(), 2)));
    let at = span(&parts, 2);
    assert_eq!((last_at, end), (Some((at.start, at.end - 1)), at.end));
    assert!(hinted_bytes < 5_000, "{hinted_bytes} bytes read");
    assert!(backwards_bytes > 2_000_000, "{backwards_bytes} bytes read");
    // Lines past it (and a torn one): read forward, as backwards.
    parts.extend(chained(&[10, 2_000_000, 5, 7]).into_iter().skip(2));
    let path = write(dir.path(), &parts, b"{\"session\":\"s\",\"rev\":5,");
    let ((hinted, hinted_bytes), (backwards, _)) = both(&path, 2, Some(&d2), hint(span(&parts, 2)));
    assert_eq!(hinted, backwards);
    let (lines, last, last_at, end, torn) = hinted.unwrap();
    let revs: Vec<u64> = lines.iter().map(|l| l.1).collect();
    assert_eq!(revs, vec![3, 4]);
    assert_eq!(
        (last, last_at, end),
        (Some(("s".into(), 4)), None, span(&parts, 4).end)
    );
    assert_eq!(torn.unwrap().0, span(&parts, 4).end);
    assert!(hinted_bytes < 6_000, "{hinted_bytes} bytes read");
}

#[test]
fn a_newline_hidden_in_the_body_is_not_seen() {
    // Reading backwards sees the end of line 2 as a line of its own (a
    // torn one); with its span known, the body is not looked at.
    let dir = tempfile::tempdir().unwrap();
    let parts = chained(&[10, 100_000]);
    let mut body = parts[1].clone();
    body[50_000] = b'\n';
    let checkpoint = vec![parts[0].clone(), body];
    let path = write(dir.path(), &checkpoint, b"");
    let d2 = digest(&parts[1]);
    let ((hinted, _), (backwards, _)) = both(&path, 2, Some(&d2), hint(span(&parts, 2)));
    let (lines, last, _, end, torn) = hinted.unwrap();
    assert!(lines.is_empty() && torn.is_none());
    assert_eq!((last, end), (Some(("s".into(), 2)), span(&parts, 2).end));
    assert!(backwards.unwrap().4.is_some());
}

/// Offsets around each line boundary of `parts`.
fn near_boundaries(parts: &[Vec<u8>], extra: usize) -> Vec<u64> {
    let mut at = 0u64;
    let mut out = vec![0, 1, 2];
    for p in parts {
        at += p.len() as u64;
        out.extend([at.saturating_sub(2), at.saturating_sub(1), at, at + 1]);
    }
    out.push(at + extra as u64);
    out.push(at + extra as u64 + 1);
    out.sort_unstable();
    out.dedup();
    out
}

/// Whatever the hint says, the tail is the one read without it.
fn same_whatever_the_hint(parts: &[Vec<u8>], extra: &[u8], after: u64, chained_to: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), parts, extra);
    let offsets = near_boundaries(parts, extra.len());
    for &start in &offsets {
        for &end in &offsets {
            for session in ["s", "t"] {
                let hint = Some(Hint {
                    session,
                    line: Span { start, end },
                });
                let ((hinted, _), (backwards, _)) = both(&path, after, Some(chained_to), hint);
                assert_eq!(hinted, backwards, "{session} {start}..{end} after {after}");
            }
        }
    }
}

#[test]
fn a_hint_that_does_not_match_gives_what_reading_backwards_gives() {
    let parts = chained(&[10, 600, 5_000, 7, 3]);
    let d = |rev: usize| digest(&parts[rev - 1]);
    // The checkpoint at each revision, the journal whole.
    for after in 1..=5 {
        same_whatever_the_hint(&parts, b"", after as u64, &d(after));
    }
    // A torn last line, without its newline or unreadable, or one whose
    // head is at the checkpoint's revision (where reading backwards stops).
    for extra in [
        &b"{\"session\":\"s\",\"rev\":6,"[..],
        b"garbage\n",
        b"{\"session\":\"s\",\"rev\":6,\"prev\":null}\n",
        b"{\"session\":\"s\",\"rev\":2,\"prev\":null}\n",
    ] {
        same_whatever_the_hint(&parts, extra, 2, &d(2));
    }
    // A hint inside a line, where what follows looks like a line's head.
    let dir = tempfile::tempdir().unwrap();
    let mut inside = parts[..2].to_vec();
    inside[1].splice(0..0, b"junk".iter().copied());
    let path = write(dir.path(), &inside, b"");
    let line = Span {
        start: parts[0].len() as u64 + 4,
        end: (parts[0].len() + inside[1].len()) as u64,
    };
    let ((hinted, _), (backwards, _)) = both(&path, 2, Some(&d(2)), hint(line));
    assert_eq!(hinted, backwards);
    assert!(hinted.unwrap().4.is_some(), "torn");
    // A short line then a long last one; lines over 64 KB (not read whole).
    for labels in [&[10, 5, 6_000][..], &[10, 5, 70_000], &[10, 70_000, 100, 3]] {
        let parts = chained(labels);
        for after in 2..=3 {
            same_whatever_the_hint(&parts, b"", after, &digest(&parts[after as usize - 1]));
        }
    }
    // Cut short (an older copy), or another digest than the checkpoint's.
    same_whatever_the_hint(&parts[..3], b"", 3, &d(3));
    same_whatever_the_hint(&parts[..3], b"", 2, &d(2));
    same_whatever_the_hint(&parts[..2], b"", 3, &d(3));
    same_whatever_the_hint(&parts, b"", 2, &"0".repeat(64));
}

#[test]
fn lines_past_that_do_not_follow_on_give_what_reading_backwards_gives() {
    let parts = chained(&[10, 600, 5, 7]);
    let d2 = digest(&parts[1]);
    let mut variants: Vec<Vec<Vec<u8>>> = Vec::new();
    // Not chained to the checkpoint, a gap, a line again at its revision,
    // a line that is not a journal line, a line of another session.
    variants.push(vec![
        parts[0].clone(),
        parts[1].clone(),
        encode(&line(3, 5, None)),
    ]);
    variants.push(vec![
        parts[0].clone(),
        parts[1].clone(),
        encode(&line(4, 5, Some(d2.clone()))),
    ]);
    let mut again = parts.clone();
    again.push(encode(&line(2, 1, Some(digest(&parts[3])))));
    variants.push(again);
    let mut bad = parts.clone();
    bad.insert(3, b"not a line\n".to_vec());
    variants.push(bad);
    let mut other = line(3, 5, Some(d2.clone()));
    other.session = "t".into();
    variants.push(vec![parts[0].clone(), parts[1].clone(), encode(&other)]);
    for variant in &variants {
        same_whatever_the_hint(variant, b"", 2, &d2);
    }
    // A line past the checkpoint's that does not chain to it: its line is
    // found backwards, as without the hint (read through).
    let dir = tempfile::tempdir().unwrap();
    let long = chained(&[10, 200_000]);
    let unchained = [long[0].clone(), long[1].clone(), encode(&line(3, 5, None))];
    let path = write(dir.path(), &unchained, b"");
    let ((hinted, hinted_bytes), (backwards, _)) =
        both(&path, 2, Some(&digest(&long[1])), hint(span(&unchained, 2)));
    assert_eq!(hinted, backwards);
    assert!(hinted_bytes > 200_000, "{hinted_bytes}");
}
