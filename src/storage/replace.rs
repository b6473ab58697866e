//! Start a session over without destroying the old one (`podium demo
//! --reset`), and what a writer expects of the session it commits to.
//!
//! [`replace`] takes the lock like any writer, moves the state, the journal
//! and a torn-line file into a dated backup folder beside them, then
//! creates the new session (a new id) in their place. A terminal still
//! open on the old session finds another session id (or a lower revision)
//! and must stop saving: [`super::commit_expecting`] refuses its
//! operations with [`StoreError::Replaced`], and [`backup_of`] says where
//! its data went.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, Utc};

use crate::domain::Session;

use super::error::{Action, StoreError};
use super::lock::Lock;
use super::{CLI_WAIT, Files, state};

/// What a writer has seen of the session it commits to: the operation was
/// built on this session (id), at this revision or later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expect {
    pub session: String,
    pub revision: u64,
}

impl Expect {
    pub fn of(session: &Session) -> Expect {
        Expect {
            session: session.id.clone(),
            revision: session.revision,
        }
    }

    /// The error when the session on disk is not (or no longer) this one.
    pub(crate) fn check(&self, path: &Path, found: &Session) -> Result<(), StoreError> {
        if found.id == self.session && found.revision >= self.revision {
            return Ok(());
        }
        Err(StoreError::Replaced {
            path: path.to_path_buf(),
            expected: self.session.clone(),
            seen: self.revision,
            found: found.id.clone(),
            found_revision: found.revision,
        })
    }
}

/// A session started over.
#[derive(Clone, Debug)]
pub struct Replaced {
    /// The new session, at revision 1.
    pub session: Session,
    /// Where the old files went (`None`: there were none).
    pub backup: Option<PathBuf>,
}

/// The prefix of backup folders beside a session file.
pub const BACKUP_PREFIX: &str = "backup-";

/// Under the lock (waiting up to 10 s): move `FILE`, `FILE.journal` and
/// `FILE.journal.torn` into a new folder `backup-<local date and time>`
/// beside `FILE`, then create `session` in their place (journal line 1,
/// then the state). Nothing is deleted.
pub fn replace(
    path: &Path,
    session: &Session,
    writer: &str,
    at: DateTime<Utc>,
) -> Result<Replaced, StoreError> {
    let files = Files::new(path);
    let lock = Lock::acquire(&files.lock, CLI_WAIT)?;
    let old: Vec<&PathBuf> = [&files.state, &files.journal, &files.torn]
        .into_iter()
        .filter(|p| p.symlink_metadata().is_ok())
        .collect();
    let dir = state::folder(path);
    let backup = if old.is_empty() {
        None
    } else {
        let backup = new_backup_folder(dir, at)?;
        for from in old {
            let Some(name) = from.file_name() else {
                continue;
            };
            let to = backup.join(name);
            fs::rename(from, &to).map_err(|e| StoreError::io(from, Action::Write, e))?;
        }
        state::sync_folder(&backup).map_err(|e| StoreError::io(&backup, Action::Write, e))?;
        state::sync_folder(dir).map_err(|e| StoreError::io(dir, Action::Write, e))?;
        Some(backup)
    };
    state::remove_stale_temps(path);
    let session = super::create_locked(&files, session, writer, at)?;
    lock.release();
    Ok(Replaced { session, backup })
}

/// A new, empty folder `backup-YYYY-MM-DD-HHMMSS` (`-2`, `-3`… if taken).
fn new_backup_folder(dir: &Path, at: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let stamp = at.with_timezone(&Local).format("%Y-%m-%d-%H%M%S");
    for name in super::numbered(&format!("{BACKUP_PREFIX}{stamp}")) {
        let candidate = dir.join(name);
        match fs::create_dir(&candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(StoreError::io(&candidate, Action::Create, e)),
        }
    }
    let taken = std::io::Error::from(ErrorKind::AlreadyExists);
    Err(StoreError::io(dir, Action::Create, taken))
}

/// The backup folder beside `path` holding session `id` (the newest if
/// several do), as [`replace`] left it. A reader: never writes.
pub fn backup_of(path: &Path, id: &str) -> Option<PathBuf> {
    let name = path.file_name()?;
    let mut found: Vec<PathBuf> = fs::read_dir(state::folder(path))
        .ok()?
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(BACKUP_PREFIX))
        .map(|e| e.path())
        .filter(|dir| {
            let old = dir.join(name);
            super::load(&old)
                .map(|s| s.id == id)
                .or_else(|_| state::read(&old).map(|s| s.is_some_and(|s| s.session.id == id)))
                .unwrap_or(false)
        })
        .collect();
    found.sort();
    found.pop()
}
