//! Writing what the reports make (exports, pages, minutes, archives), and
//! reading a session's raw files for the archive. Readers: never the lock,
//! never a session file.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::Path;

use super::{Files, journal};
use crate::domain::Operation;

use super::error::{Action, StoreError};

/// Who may read an output file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Privacy {
    /// A page or a ranking to share: the platform's default permissions.
    Shared,
    /// Per-juror scores, the session itself: owner read and write only
    /// (Unix), like the session's own files, even when the file existed.
    OwnerOnly,
}

/// Write `bytes` to `path`, replacing it.
pub fn write(path: &Path, bytes: &[u8], privacy: Privacy) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    if privacy == Privacy::OwnerOnly {
        super::state::owner_only(&mut options);
    }
    let mut file = options.open(path)?;
    #[cfg(unix)]
    if privacy == Privacy::OwnerOnly {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(super::state::OWNER_ONLY))?;
    }
    file.write_all(bytes)?;
    file.sync_all()
}

/// The session's state file and journal as they are on disk, for the
/// archive (the journal is empty when there is none).
pub fn raw_files(path: &Path) -> Result<(Vec<u8>, Vec<u8>), StoreError> {
    let files = Files::new(path);
    let state =
        std::fs::read(&files.state).map_err(|e| StoreError::io(&files.state, Action::Read, e))?;
    let journal = match std::fs::read(&files.journal) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(StoreError::io(&files.journal, Action::Read, e)),
    };
    Ok((state, journal))
}

/// Every operation of the journal, oldest first (the creation included),
/// for the minutes' list of changes. A torn last line is left out; a bad
/// line elsewhere is an error naming it.
pub fn operations(path: &Path) -> Result<Vec<Operation>, StoreError> {
    let files = Files::new(path);
    let Some(full) = journal::read_all(&files.journal)? else {
        return Ok(Vec::new());
    };
    if let Some((line, _, problem)) = full.bad.into_iter().next() {
        return Err(StoreError::BadLine {
            path: files.journal,
            line,
            problem,
        });
    }
    Ok(full.lines.into_iter().map(|p| p.content.op).collect())
}
