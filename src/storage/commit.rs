//! One change, saved: the commit sequence, and checkpoints.
//!
//! lock → read the state and replay the journal past it → check the
//! operation → append its line (chained to the one before) to the journal
//! and sync it (from here the change is *saved*) → unlock. The state file
//! is a checkpoint, rewritten (temporary file in the same folder, sync,
//! rename over the state, sync the folder) only when the journal has grown
//! 1 MB or 500 lines past it, or when asked ([`checkpoint`]: a terminal
//! idle for 2 s, or quitting). A crash between the journal sync and a
//! checkpoint loses nothing: the next reader replays a longer tail.

use std::fs::OpenOptions;
use std::io::{BufWriter, ErrorKind, Write};

use serde::Serialize;
use std::path::Path;
use std::thread;
use std::time::Duration;

use crate::domain::{Operation, Session, apply};

use super::digest::LineHasher;
use super::error::{Action, StoreError};
use super::faults::{self, Step};
use super::journal::{self, Span};
use super::lock::Lock;
use super::recovery::{self, Depth};
use super::replace::Expect;
use super::{Files, Notice, state};

/// A checkpoint is due when the journal has grown this many lines past
/// the state file...
pub const CHECKPOINT_LINES: u64 = 500;
/// ...or this many bytes.
pub const CHECKPOINT_BYTES: u64 = 1 << 20;

/// Whether the journal has grown enough past the state file (`lines`
/// and `bytes` past it) for a checkpoint.
pub(crate) fn due(lines: u64, bytes: u64) -> bool {
    lines >= CHECKPOINT_LINES || bytes >= CHECKPOINT_BYTES
}

/// A change that was saved.
#[derive(Clone, Debug)]
pub struct Committed {
    /// The fresh session, the operation applied (its revision is the
    /// operation's journal line).
    pub session: Session,
    /// What recovery did on the way, or a checkpoint that failed.
    pub notices: Vec<Notice>,
}

/// Commit one operation to the session in `path`, waiting at most `wait`
/// for the lock (100 ms from the live interface, 10 s from the command line).
///
/// Errors: [`StoreError::Busy`] when the lock could not be had in time;
/// [`StoreError::Refused`] when the operation does not apply to the fresh
/// session (e.g. a cell another terminal changed: both values are in the
/// refusal); [`StoreError::StateNewer`] when the state holds revisions the
/// journal lacks; file errors naming the file. Nothing is saved on error.
///
/// A commit reads the state file and only the journal lines past its
/// revision (so it stays fast on a long journal).
pub fn commit(path: &Path, op: &Operation, wait: Duration) -> Result<Committed, StoreError> {
    commit_inner(path, op, wait, None)
}

/// [`commit`] for an operation built on `expect`'s session at its revision
/// or later. If the file now holds another session (it was replaced, e.g.
/// by `podium demo --reset`) or an older revision (an older copy put
/// back), nothing is written: [`StoreError::Replaced`].
pub fn commit_expecting(
    path: &Path,
    op: &Operation,
    wait: Duration,
    expect: &Expect,
) -> Result<Committed, StoreError> {
    commit_inner(path, op, wait, Some(expect))
}

fn commit_inner(
    path: &Path,
    op: &Operation,
    wait: Duration,
    expect: Option<&Expect>,
) -> Result<Committed, StoreError> {
    let files = Files::new(path);
    let lock = Lock::acquire(&files.lock, wait)?;
    faults::reached(Step::Locked)?;
    if let Some(hold) = faults::hold_lock() {
        thread::sleep(hold);
    }
    let current = recovery::current(&files, Depth::Tail)?;
    if let Some(expect) = expect {
        expect.check(path, &current.session)?;
    }
    let mut notices = recovery::settle(&files, &current, false)?;
    faults::reached(Step::Read)?;
    let prev = current.last_digest(&files)?;
    let mut session = current.session;
    apply(&mut session, &op.change).map_err(StoreError::Refused)?;
    faults::reached(Step::Checked)?;
    let (digest, line) = append_op(&files, &mut session, op, prev)?;
    let lines = session.revision - current.state_rev.unwrap_or(0);
    let bytes = current.end + (line.end - line.start) - current.tail_start;
    if current.state_rev.is_none() || due(lines, bytes) {
        let marks = state::Marks::new(&digest, Some(line));
        checkpoint_now(&files, &session, marks, &mut notices)?;
    }
    lock.release();
    faults::reached(Step::Unlocked)?;
    Ok(Committed { session, notices })
}

/// With the lock held and `op` applied to `session`: number it, chain it
/// to `prev`, append its line and sync. Returns the line's digest and
/// where it lies.
pub(crate) fn append_op(
    files: &Files,
    session: &mut Session,
    op: &Operation,
    prev: Option<String>,
) -> Result<(String, Span), StoreError> {
    session.revision += 1;
    let line = LineRef {
        session: &session.id,
        rev: session.revision,
        prev: prev.as_deref(),
        op,
    };
    append(&files.journal, &line)
}

/// A journal line to write, borrowing its operation (an import's is large:
/// it is serialised straight into the journal, never copied).
#[derive(Serialize)]
struct LineRef<'a> {
    session: &'a str,
    rev: u64,
    prev: Option<&'a str>,
    op: &'a Operation,
}

/// With the lock held: write the checkpoint. The change is saved already,
/// so a failure (other than a simulated crash) is only a notice: the next
/// checkpoint writes it.
pub(crate) fn checkpoint_now(
    files: &Files,
    session: &Session,
    marks: state::Marks,
    notices: &mut Vec<Notice>,
) -> Result<(), StoreError> {
    match state::write(&files.state, session, marks) {
        Ok(()) => Ok(()),
        Err(e @ StoreError::Crashed { .. }) => Err(e),
        Err(e) => {
            notices.push(Notice::StateNotWritten {
                path: files.state.clone(),
                reason: Box::new(e),
            });
            Ok(())
        }
    }
}

/// Write the state file of `path` as a checkpoint of its journal, if it
/// is behind it (or lacks its digest), under the lock (waiting at most
/// `wait`). Returns whether a checkpoint was written.
pub fn checkpoint(path: &Path, wait: Duration) -> Result<bool, StoreError> {
    let files = Files::new(path);
    let lock = Lock::acquire(&files.lock, wait)?;
    faults::reached(Step::CheckpointLocked)?;
    let current = recovery::current(&files, Depth::Tail)?;
    recovery::settle(&files, &current, false)?;
    faults::reached(Step::CheckpointRead)?;
    let behind = current
        .state_rev
        .is_none_or(|r| r < current.session.revision)
        || current.state_digest.is_none();
    let digest = current.last_digest(&files)?;
    let written = match (&digest, behind) {
        (Some(digest), true) => {
            let marks = state::Marks::new(digest, current.line);
            state::write(&files.state, &current.session, marks)?;
            true
        }
        _ => false,
    };
    lock.release();
    faults::reached(Step::CheckpointUnlocked)?;
    Ok(written)
}

/// Append a line and sync it (steps `appended`, `journal-synced`): the
/// JSON is written through a buffer and hashed on the way. Returns the
/// line's digest and where it lies (from the journal's length before it:
/// the lock is held, so nothing else appends).
fn append(path: &Path, line: &LineRef) -> Result<(String, Span), StoreError> {
    let fresh = !journal::exists(path);
    let mut file = journal::open_append(path)?;
    let write_err = |e| StoreError::io(path, Action::Write, e);
    let start = file.metadata().map_err(write_err)?.len();
    if faults::wants(Step::Torn) {
        let bytes = serde_json::to_vec(line).map_err(|e| write_err(e.into()))?;
        file.write_all(&bytes[..bytes.len() / 2])
            .map_err(write_err)?;
        faults::reached(Step::Torn)?;
    }
    let mut out = LineHasher::new(BufWriter::with_capacity(1 << 20, &mut file));
    serde_json::to_writer(&mut out, line).map_err(|e| write_err(e.into()))?;
    let (digest, len, mut buffer) = out.finish();
    buffer
        .write_all(b"\n")
        .and_then(|()| buffer.flush())
        .map_err(write_err)?;
    drop(buffer);
    faults::reached(Step::Appended)?;
    file.sync_data().map_err(write_err)?;
    if fresh {
        let dir = state::folder(path);
        state::sync_folder(dir).map_err(|e| StoreError::io(dir, Action::Write, e))?;
    }
    faults::reached(Step::JournalSynced)?;
    let end = start + len + 1;
    Ok((digest, Span { start, end }))
}

/// Write a new journal's first line (refusing if the journal exists),
/// sync it and its folder.
pub(crate) fn write_new_journal(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut file = state::owner_only(&mut OpenOptions::new())
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == ErrorKind::AlreadyExists {
                StoreError::Exists {
                    path: path.to_path_buf(),
                }
            } else {
                StoreError::io(path, Action::Create, e)
            }
        })?;
    let write_err = |e| StoreError::io(path, Action::Write, e);
    file.write_all(bytes).map_err(write_err)?;
    file.sync_all().map_err(write_err)?;
    let dir = state::folder(path);
    state::sync_folder(dir).map_err(|e| StoreError::io(dir, Action::Write, e))?;
    Ok(())
}
