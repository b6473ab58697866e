//! One change, saved: the commit sequence.
//!
//! lock → read the state and replay the journal past it → check the
//! operation → append its line to the journal and sync (from here the
//! change is *saved*) → write the new state to a temporary file in the
//! same folder, sync it, rename it over the state, sync the folder →
//! unlock. A step after the journal sync that fails (or a crash) is
//! completed by the next change or the next open.

use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::path::Path;
use std::thread;
use std::time::Duration;

use crate::domain::{Operation, Session, apply};

use super::error::{Action, StoreError};
use super::faults::{self, Step};
use super::journal::{self, Line};
use super::lock::Lock;
use super::recovery::{self, Depth};
use super::replace::Expect;
use super::{Files, Notice, state};

/// A change that was saved.
#[derive(Clone, Debug)]
pub struct Committed {
    /// The fresh session, the operation applied (its revision is the
    /// operation's journal line).
    pub session: Session,
    /// What recovery did on the way, or a state file left to complete.
    pub notices: Vec<Notice>,
}

/// Commit one operation to the session in `path`, waiting at most `wait`
/// for the lock (100 ms from the live interface, 10 s from the command line).
///
/// Errors: [`StoreError::Busy`] when the lock could not be had in time;
/// [`StoreError::Refused`] when the operation does not apply to the fresh
/// session (e.g. a cell another terminal changed: both values are in the
/// refusal); file errors naming the file. Nothing is saved on error.
///
/// Like a reader, a commit reads only the journal lines past the state's
/// revision (so it stays fast on a long journal); [`super::open`] is what
/// checks every line.
pub fn commit(path: &Path, op: &Operation, wait: Duration) -> Result<Committed, StoreError> {
    commit_inner(path, op, wait, None)
}

/// [`commit`] for a writer that keeps the session open (the live
/// interface): the operation was built on `expect`'s session at its
/// revision or later. If the file now holds another session (it was
/// replaced, e.g. by `podium demo --reset`) or an older revision (an older
/// copy put back), nothing is written: [`StoreError::Replaced`].
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
    let state_rev = current.state_rev;
    let mut session = current.session;
    let before = session.revision;
    if let Err(refusal) = apply(&mut session, &op.change) {
        // Refused: still complete an earlier interrupted commit.
        if state_rev.is_none_or(|r| r < before) {
            state::write(&files.state, &session, false)?;
        }
        return Err(StoreError::Refused(refusal));
    }
    faults::reached(Step::Checked)?;
    session.revision = before + 1;
    let line = Line {
        session: session.id.clone(),
        rev: session.revision,
        prev: None,
        op: op.clone(),
    };
    append(&files.journal, &journal::encode(&line))?;
    match state::write(&files.state, &session, true) {
        Ok(()) => {}
        Err(e @ StoreError::Crashed { .. }) => return Err(e),
        // Saved already: the next change or open writes the state.
        Err(e) => notices.push(Notice::StateNotWritten {
            path: files.state.clone(),
            reason: (
                e.message(crate::domain::Lang::Fr),
                e.message(crate::domain::Lang::En),
            ),
        }),
    }
    lock.release();
    faults::reached(Step::Unlocked)?;
    Ok(Committed { session, notices })
}

/// Append a line and sync it (steps `appended`, `journal-synced`).
fn append(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let fresh = !journal::exists(path);
    let mut file = journal::open_append(path)?;
    let write_err = |e| StoreError::io(path, Action::Write, e);
    if faults::wants(Step::Torn) {
        file.write_all(&bytes[..bytes.len() / 2])
            .map_err(write_err)?;
        faults::reached(Step::Torn)?;
    }
    file.write_all(bytes).map_err(write_err)?;
    faults::reached(Step::Appended)?;
    file.sync_data().map_err(write_err)?;
    if fresh {
        let dir = state::folder(path);
        state::sync_folder(dir).map_err(|e| StoreError::io(dir, Action::Write, e))?;
    }
    faults::reached(Step::JournalSynced)?;
    Ok(())
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
