//! `podium repair FILE`: restart a journal that lags its state.
//!
//! When the state file holds revisions its journal lacks (the journal lost
//! lines, or was restored from an older copy), writers refuse to append.
//! Repair keeps the old journal beside it (`FILE.journal.before-repair-
//! DATE`) and starts a new one whose line 1 records the state (a creation
//! at the state's revision) chained to the old journal's last digest, then
//! checkpoints the state on it.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, Utc};

use super::error::{Action, StoreError};
use super::journal;
use super::lock::Lock;
use super::recovery::{self, Depth};
use super::{CLI_WAIT, Files, state};

/// What `repair` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repaired {
    /// Where the old journal was kept (`None`: there was none).
    pub kept: Option<PathBuf>,
    /// The state's revision: the new journal's first line.
    pub revision: u64,
    /// The old journal's last digest, chained from the new line 1.
    pub previous: Option<String>,
}

/// Under the lock (waiting up to 10 s): when the state is newer than its
/// journal, keep the old journal aside and start a new one from the state.
/// `Ok(None)`: nothing to repair (the journal is not behind).
pub fn repair(
    path: &Path,
    writer: &str,
    at: DateTime<Utc>,
) -> Result<Option<Repaired>, StoreError> {
    let files = Files::new(path);
    let lock = Lock::acquire(&files.lock, CLI_WAIT)?;
    let current = recovery::current(&files, Depth::Tail)?;
    if !current.state_newer() {
        lock.release();
        return Ok(None);
    }
    let previous = current.last_digest(&files)?;
    let dir = state::folder(path);
    let kept = if journal::exists(&files.journal) {
        let kept = free_name(&files.journal, at)?;
        fs::rename(&files.journal, &kept).map_err(|e| StoreError::io(&kept, Action::Write, e))?;
        state::sync_folder(dir).map_err(|e| StoreError::io(dir, Action::Write, e))?;
        Some(kept)
    } else {
        None
    };
    let session = current.session;
    let by = (writer, at);
    super::start_journal(&files, &session, session.revision, previous.clone(), by)?;
    lock.release();
    Ok(Some(Repaired {
        kept,
        revision: session.revision,
        previous,
    }))
}

/// `FILE.journal.before-repair-YYYY-MM-DD-HHMMSS` (`-2`, `-3`… if taken).
fn free_name(journal: &Path, at: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let stamp = at.with_timezone(&Local).format("%Y-%m-%d-%H%M%S");
    for suffix in super::numbered(&format!(".before-repair-{stamp}")) {
        let candidate = super::with_suffix(journal, &suffix);
        match candidate.symlink_metadata() {
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(candidate),
            _ => continue,
        }
    }
    let taken = std::io::Error::from(ErrorKind::AlreadyExists);
    Err(StoreError::io(journal, Action::Create, taken))
}
