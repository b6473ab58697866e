//! Tamper evidence for `podium check`: a reader of its own, apart from the
//! loading path, that walks the journal's hash chain over the raw bytes of
//! every line and says *what* broke it — the first line altered, removed,
//! inserted or reordered after it was saved — and replays the journal to
//! the state file's revision to name the first field of a hand-edited
//! state file.
//!
//! Each line's `prev` is the digest of the line before it
//! ([`super::digest`]), so a changed byte changes the digest the next line
//! carries; a line taken out leaves a gap in `rev` and a `prev` nobody
//! has; a line put in carries a `prev` of a line before it (or makes the
//! next one point past it); lines swapped point at a line further down.
//! The last line can be altered or taken away without breaking the chain:
//! that is what the digest printed on the signed minutes and page is for.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::domain::{Change, Lang, Session, apply};
use crate::words::tamper as words;

use super::error::{Action, StoreError};
use super::journal::Line;
use super::{Files, digest, state};

/// At most this many breaks are named (the rest follow from the first).
const MOST: usize = 10;

/// How the journal was changed after it was saved. `line`: 1-based.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tamper {
    /// The line's bytes are not those the next line chains to.
    Altered { line: usize },
    /// Revisions `from..=to` were taken out just before this line.
    Removed { line: usize, from: u64, to: u64 },
    /// The line was put in: the chain goes around it.
    Inserted { line: usize },
    /// The line is out of place: it chains to line `after`, further down.
    Reordered { line: usize, after: usize },
}

/// The state file differs from the journal replayed to its revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateEdit {
    pub revision: u64,
    /// The first field that differs (`teams.T1.name`), empty when the
    /// difference is not in a field (should not happen).
    pub field: String,
}

/// What the verification found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verified {
    pub journal: PathBuf,
    pub state: PathBuf,
    /// Whole lines in the journal.
    pub lines: usize,
    /// The digest of the last whole line.
    pub last: Option<String>,
    /// Whether any line carries `prev` (journals older than the chain
    /// carry none).
    pub chained: bool,
    pub tampered: Vec<Tamper>,
    pub state_edit: Option<StateEdit>,
}

impl Tamper {
    /// The 1-based line this names.
    pub fn line(&self) -> usize {
        match self {
            Tamper::Altered { line }
            | Tamper::Removed { line, .. }
            | Tamper::Inserted { line }
            | Tamper::Reordered { line, .. } => *line,
        }
    }

    /// `forum.json.journal:17: altered after it was saved`.
    pub fn message(&self, lang: Lang, journal: &Path) -> String {
        let change = match *self {
            Tamper::Altered { .. } => words::Change::Altered,
            Tamper::Removed { from, to, .. } => words::Change::Removed { from, to },
            Tamper::Inserted { .. } => words::Change::Inserted,
            Tamper::Reordered { after, .. } => words::Change::Reordered { after },
        };
        words::line(lang, journal, self.line(), change)
    }
}

impl Verified {
    /// Every finding, one line each: the journal's, then the state's.
    pub fn messages(&self, lang: Lang) -> Vec<String> {
        let mut out: Vec<String> = self
            .tampered
            .iter()
            .map(|t| t.message(lang, &self.journal))
            .collect();
        if let Some(edit) = &self.state_edit {
            out.push(words::state_edited(
                lang,
                &self.state,
                edit.revision,
                &edit.field,
            ));
        }
        out
    }

    /// The digest of the last line, said (`None`: no line yet).
    pub fn digest_line(&self, lang: Lang) -> Option<String> {
        let digest = self.last.as_deref()?;
        let verified = self.chained && self.intact();
        Some(words::last_digest(
            lang,
            &self.journal,
            self.lines,
            digest,
            verified,
        ))
    }

    /// Nothing altered, removed, inserted or reordered, state as replayed.
    pub fn intact(&self) -> bool {
        self.tampered.is_empty() && self.state_edit.is_none()
    }
}

/// One whole journal line as read: its digest and, when it parses as a
/// journal line, its place in the chain (its operation is not kept, so
/// the walk costs a few bytes a line, however long the lines are).
struct Seen {
    digest: String,
    line: Option<Link>,
}

/// Where a line that parses says it sits.
struct Link {
    rev: u64,
    prev: Option<String>,
}

impl Seen {
    fn prev(&self) -> Option<&str> {
        self.line.as_ref().and_then(|l| l.prev.as_deref())
    }

    fn rev(&self) -> Option<u64> {
        self.line.as_ref().map(|l| l.rev)
    }
}

/// Verify the session in `path`: never locks, never writes.
pub fn verify(path: &Path) -> Result<Verified, StoreError> {
    verify_with(path, true)
}

/// Verify the session in `path`; the journal is replayed to name the
/// first field of a hand-edited state only when `replay_state` (a caller
/// that already found the state equal to the replay, as `inspect` does,
/// skips this second replay of the whole journal).
pub fn verify_with(path: &Path, replay_state: bool) -> Result<Verified, StoreError> {
    let files = Files::new(path);
    let read_err = |e| StoreError::io(&files.journal, Action::Read, e);
    let seen = match open(&files.journal).map_err(read_err)? {
        Some(journal) => whole_lines(journal).map_err(read_err)?,
        None => Vec::new(),
    };
    let mut out = Verified {
        journal: files.journal.clone(),
        state: files.state.clone(),
        lines: seen.len(),
        last: seen.last().map(|s| s.digest.clone()),
        chained: seen.iter().any(|s| s.prev().is_some()),
        tampered: walk(&seen),
        state_edit: None,
    };
    if out.tampered.is_empty()
        && replay_state
        && let Some(checkpoint) = state::read(&files.state)?
    {
        // Read again, a line at a time, to replay it (appends meanwhile
        // come after the state's revision: the replay stops before them).
        let journal = open(&files.journal).map_err(read_err)?;
        out.state_edit = journal.and_then(|j| state_edit(&checkpoint.session, j));
    }
    Ok(out)
}

/// The journal opened for reading as a regular file only (a FIFO put in
/// its place is refused, never waited on); `None` when there is none.
fn open(journal: &Path) -> std::io::Result<Option<BufReader<File>>> {
    match super::regular::open(journal) {
        Ok(file) => Ok(Some(BufReader::new(file))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Each whole line in turn (a torn last one, without its newline, is left
/// out), its newline taken off; `false` from `each` stops the reading.
fn each_line(mut input: impl BufRead, mut each: impl FnMut(&[u8]) -> bool) -> std::io::Result<()> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        input.read_until(b'\n', &mut buf)?;
        // After the last newline: a torn line, or nothing.
        if buf.pop() != Some(b'\n') || !each(&buf) {
            return Ok(());
        }
    }
}

/// The whole lines, as the walk needs them.
fn whole_lines(input: impl BufRead) -> std::io::Result<Vec<Seen>> {
    let mut out = Vec::new();
    each_line(input, |part| {
        out.push(Seen {
            digest: digest::line_digest(part),
            line: serde_json::from_slice::<Line>(part).ok().map(|l| Link {
                rev: l.rev,
                prev: l.prev,
            }),
        });
        true
    })?;
    Ok(out)
}

/// Whether line `b` follows line `a`: its `prev` is `a`'s digest (once the
/// chain has started) and its `rev` the next one (when both parse).
fn follows(seen: &[Seen], a: usize, b: usize, chained: bool) -> bool {
    let linked = match seen[b].prev() {
        Some(prev) => prev == seen[a].digest,
        None => !chained || seen[b].line.is_none(),
    };
    let next = match (seen[a].rev(), seen[b].rev()) {
        (Some(ra), Some(rb)) => rb == ra + 1,
        _ => true,
    };
    linked && next
}

/// The chain from line 1 to the end: every break, named, the chain
/// picked up again after each (reading stops at a reordering, after
/// which every link is off).
fn walk(seen: &[Seen]) -> Vec<Tamper> {
    let mut out: Vec<Tamper> = Vec::new();
    let mut chained = seen.first().is_some_and(|s| s.prev().is_some());
    // The line the next one must follow.
    let mut anchor = 0;
    let mut i = 1;
    while i < seen.len() && out.len() < MOST {
        chained |= seen[i].prev().is_some();
        if follows(seen, anchor, i, chained) {
            anchor = i;
            i += 1;
            continue;
        }
        let tamper = classify(seen, anchor, i);
        let stop = matches!(tamper, Tamper::Reordered { .. });
        let skip = tamper == Tamper::Inserted { line: i + 1 };
        if out.last() != Some(&tamper) {
            out.push(tamper);
        }
        if stop {
            break;
        }
        if !skip {
            anchor = i;
        }
        i += 1;
    }
    out
}

/// Why line `i` does not follow line `anchor` (indices are 0-based).
fn classify(seen: &[Seen], anchor: usize, i: usize) -> Tamper {
    let prev = seen[i].prev();
    let digest_of = |j: usize| Some(seen[j].digest.as_str());
    // It chains to a line further down: the two were swapped or moved.
    if let Some(p) = prev
        && let Some(j) = (i + 1..seen.len()).find(|&j| seen[j].digest == p)
    {
        return Tamper::Reordered {
            line: i + 1,
            after: j + 1,
        };
    }
    // Its link is whole but its `rev` is not the next: its `rev` changed.
    if prev.is_some() && prev == digest_of(anchor) {
        return Tamper::Altered { line: i + 1 };
    }
    // The next line chains around it: it was put in.
    if i + 1 < seen.len() && seen[i + 1].prev().is_some() && seen[i + 1].prev() == digest_of(anchor)
    {
        return Tamper::Inserted { line: i + 1 };
    }
    // It chains to the line before the anchor: the anchor was put in
    // (chained by whoever wrote it).
    if anchor >= 1 && prev.is_some() && prev == digest_of(anchor - 1) {
        return Tamper::Inserted { line: anchor + 1 };
    }
    if let (Some(ra), Some(ri)) = (seen[anchor].rev(), seen[i].rev())
        && ri > ra + 1
    {
        return Tamper::Removed {
            line: i + 1,
            from: ra + 1,
            to: ri - 1,
        };
    }
    Tamper::Altered { line: anchor + 1 }
}

/// The journal replayed from its creation to the state's revision, against
/// the state: the first field that differs. `None` when they agree, or
/// when the journal cannot be replayed that far (other findings say why).
fn state_edit(state: &Session, journal: impl BufRead) -> Option<StateEdit> {
    let mut replayed: Option<Session> = None;
    let mut broken = false;
    each_line(journal, |part| {
        let line = serde_json::from_slice::<Line>(part).ok();
        let replayed_now = match (line, replayed.as_mut()) {
            (Some(line), None) => match line.op.change {
                Change::Create { session } => {
                    let mut session = *session;
                    session.revision = line.rev;
                    replayed = Some(session);
                    true
                }
                _ => false,
            },
            (Some(line), Some(session)) => {
                let applied = apply(session, &line.op.change).is_ok();
                session.revision = line.rev;
                applied
            }
            (None, _) => false,
        };
        broken = !replayed_now;
        !broken
            && replayed
                .as_ref()
                .is_some_and(|r| r.revision < state.revision)
    })
    .ok()?;
    let replayed = replayed.filter(|_| !broken)?;
    if replayed.revision != state.revision || replayed == *state {
        return None;
    }
    let (a, b) = (
        serde_json::to_value(state).ok()?,
        serde_json::to_value(&replayed).ok()?,
    );
    Some(StateEdit {
        revision: state.revision,
        field: first_difference(&a, &b, String::new()).unwrap_or_default(),
    })
}

/// The path of the first place two JSON values differ: object keys, and
/// in arrays the element's `id` when it has one, else its index.
fn first_difference(a: &Value, b: &Value, at: String) -> Option<String> {
    let join = |key: &str| {
        if at.is_empty() {
            key.to_string()
        } else {
            format!("{at}.{key}")
        }
    };
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys = x.keys().chain(y.keys().filter(|k| !x.contains_key(*k)));
            for key in keys {
                match (x.get(key), y.get(key)) {
                    (Some(va), Some(vb)) => {
                        if let Some(found) = first_difference(va, vb, join(key)) {
                            return Some(found);
                        }
                    }
                    _ => return Some(join(key)),
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            for (n, (va, vb)) in x.iter().zip(y).enumerate() {
                let name = match va.get("id").and_then(Value::as_str) {
                    Some(id) => id.to_string(),
                    None => n.to_string(),
                };
                if let Some(found) = first_difference(va, vb, join(&name)) {
                    return Some(found);
                }
            }
            (x.len() != y.len()).then_some(at)
        }
        _ => (a != b).then_some(at),
    }
}

#[cfg(test)]
mod tests;
