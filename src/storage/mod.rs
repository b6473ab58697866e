//! The only file I/O: the lock file, the journal, atomic state writes.
//!
//! A session `FILE` lives in three files side by side:
//!
//! - `FILE`: the state, the whole session as JSON (a checkpoint);
//! - `FILE.journal`: every operation, one JSON line each, appended and
//!   synced before anything else — a change is *saved* once its line is;
//! - `FILE.lock`: locked (never renamed or deleted) while a writer changes
//!   the session.
//!
//! Writers ([`create`], [`open`], [`commit`]) take the lock for a bounded
//! time; readers ([`load`], [`stamp`], [`inspect`]) never lock and never
//! write, and open `FILE` by path on every read.

use std::ffi::OsString;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};

use crate::domain::{Change, FORMAT, Lang, Operation, Refusal, Session, validate};

mod commit;
pub mod csv;
pub mod digest;
mod error;
mod fast_rows;
mod fast_sheets;
mod fast_window;
pub mod faults;
mod forward;
mod inspect;
pub mod install;
mod journal;
mod live;
mod lock;
mod notice;
pub mod output;
mod recovery;
pub mod regular;
mod repair;
mod replace;
mod state;
pub mod verify;

pub use crate::words::files::{JsonKind, JsonProblem, io_words};
pub use commit::{
    CHECKPOINT_BYTES, CHECKPOINT_LINES, Committed, checkpoint, commit, commit_expecting,
};
pub use error::{Action, LineProblem, StoreError};
pub use faults::Step;
pub use inspect::{Finding, Note, Report, inspect};
pub use journal::Line;
pub use live::{Checkpointed, IDLE_CHECKPOINT, Live, Snapshot};
pub use notice::Notice;
pub use repair::{Repaired, repair};
pub use replace::{BACKUP_PREFIX, Expect, Replaced, backup_of, replace};

/// How long the command line waits for the lock.
pub const CLI_WAIT: Duration = Duration::from_secs(10);
/// How long the live interface waits for the lock before retrying later.
pub const TUI_WAIT: Duration = Duration::from_millis(100);

/// The files of one session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Files {
    pub state: PathBuf,
    pub journal: PathBuf,
    pub lock: PathBuf,
    /// Where torn journal lines are moved.
    pub torn: PathBuf,
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
}

impl Files {
    /// The files of the session at `path`, through its symbolic links:
    /// a session reached by a link is read and written at its target (the
    /// link stays a link), its journal and lock beside the target.
    pub fn new(path: &Path) -> Files {
        let path = &regular::follow(path);
        Files {
            state: path.to_path_buf(),
            journal: with_suffix(path, ".journal"),
            lock: with_suffix(path, ".lock"),
            torn: with_suffix(path, ".journal.torn"),
        }
    }
}

/// A session opened by a writer.
#[derive(Clone, Debug)]
pub struct Opened {
    pub session: Session,
    /// What recovery did or found (say it to the user).
    pub notices: Vec<Notice>,
}

/// Create a new session: refuses if `FILE` or `FILE.journal` exists.
/// Writes journal line 1 (the creation), then the state; returns the
/// session at revision 1.
pub fn create(
    path: &Path,
    session: &Session,
    writer: &str,
    at: DateTime<Utc>,
) -> Result<Session, StoreError> {
    let files = Files::new(path);
    let exists = |p: &Path| {
        if p.symlink_metadata().is_ok() {
            Err(StoreError::Exists {
                path: p.to_path_buf(),
            })
        } else {
            Ok(())
        }
    };
    exists(&files.state)?;
    exists(&files.journal)?;
    let problems = validate::problems(session);
    if !problems.is_empty() {
        return Err(StoreError::Refused(Refusal::Inconsistent(problems)));
    }
    let dir = state::folder(path);
    if !dir.is_dir() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        return Err(StoreError::io(dir, Action::Create, missing));
    }
    let lock = lock::Lock::acquire(&files.lock, CLI_WAIT)?;
    exists(&files.state)?;
    let created = create_locked(&files, session, writer, at)?;
    lock.release();
    Ok(created)
}

/// With the lock held and neither file there: journal line 1 (the
/// creation), then the state; the session at revision 1.
fn create_locked(
    files: &Files,
    session: &Session,
    writer: &str,
    at: DateTime<Utc>,
) -> Result<Session, StoreError> {
    let mut created = session.clone();
    created.format = FORMAT;
    created.revision = 0;
    start_journal(files, &created, 1, None, (writer, at))?;
    created.revision = 1;
    Ok(created)
}

/// With the lock held and no journal: write a journal whose first line,
/// at `rev` and chained to `prev`, records `session` (a creation), then
/// the state file at `rev` as its checkpoint.
fn start_journal(
    files: &Files,
    session: &Session,
    rev: u64,
    prev: Option<String>,
    by: (&str, DateTime<Utc>),
) -> Result<(), StoreError> {
    let change = Change::Create {
        session: Box::new(session.clone()),
    };
    let line = Line {
        session: session.id.clone(),
        rev,
        prev,
        op: Operation::new(change, by.0, by.1),
    };
    let bytes = journal::encode(&line);
    commit::write_new_journal(&files.journal, &bytes)?;
    let digest = digest::line_digest(&bytes[..bytes.len() - 1]);
    let mut checkpoint = session.clone();
    checkpoint.revision = rev;
    let line = journal::Span {
        start: 0,
        end: bytes.len() as u64,
    };
    state::write(
        &files.state,
        &checkpoint,
        state::Marks::new(&digest, Some(line)),
    )
}

/// A writer's open: lock (waiting at most 10 s), read the state and the
/// journal lines past it (checking they chain to it), recover (torn line
/// moved aside, a missing state rebuilt, stale temporary files removed;
/// a state newer than its journal refused), checkpoint if due, unlock.
pub fn open(path: &Path) -> Result<Opened, StoreError> {
    let (live, notices) = Live::open(path)?;
    Ok(Opened {
        session: live.into_session(),
        notices,
    })
}

/// A reader's view of the session: the state plus the journal lines past
/// its revision (read from the end of the journal; a torn last line is
/// ignored). Never locks, never writes.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    let files = Files::new(path);
    Ok(recovery::current(&files, recovery::Depth::Tail)?.session)
}

/// A reader's view for a report: the session as [`load`] reads it, and the
/// digest of the journal's last whole line (the one the minutes and the
/// results page print; `None` without a line). A journal that ends at the
/// checkpoint's revision gives the checkpoint's `journal_digest` (its
/// last line, however long, is not read again: `podium check` is what
/// compares them); lines past it give the last one's, read anyway.
pub fn load_with_digest(path: &Path) -> Result<(Session, Option<String>), StoreError> {
    let files = Files::new(path);
    let current = recovery::current(&files, recovery::Depth::Tail)?;
    let digest = current.last_digest(&files)?;
    Ok((current.session, digest))
}

/// What a file looked like when last checked (size, time, identity).
#[derive(Clone, Debug, PartialEq, Eq)]
struct FileStamp {
    len: u64,
    modified: Option<SystemTime>,
    identity: u64,
}

fn file_stamp(path: &Path) -> Result<Option<FileStamp>, StoreError> {
    match std::fs::metadata(path) {
        Ok(m) => {
            #[cfg(unix)]
            let identity = std::os::unix::fs::MetadataExt::ino(&m);
            #[cfg(not(unix))]
            let identity = 0;
            Ok(Some(FileStamp {
                len: m.len(),
                modified: m.modified().ok(),
                identity,
            }))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(path, Action::Read, e)),
    }
}

/// A cheap "did FILE change?" check: compare two stamps. Every commit grows
/// the journal and replaces the state file, so either changes the stamp.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    state: Option<FileStamp>,
    journal: Option<FileStamp>,
}

pub fn stamp(path: &Path) -> Result<Stamp, StoreError> {
    let files = Files::new(path);
    Ok(Stamp {
        state: file_stamp(&files.state)?,
        journal: file_stamp(&files.journal)?,
    })
}

/// `name`, then `name-2`, `name-3`… (for a dated file or folder that
/// may be taken).
pub(crate) fn numbered(name: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(name.to_string()).chain((2..1000).map(move |n| format!("{name}-{n}")))
}

/// A random id for a session or a writer (terminal): 16 hex digits.
pub fn new_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    // std's RandomState is seeded from the operating system's randomness.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(nanos);
    hasher.write_u32(std::process::id());
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    format!("{:016x}", hasher.finish())
}

/// The revision of the checkpoint in the state file (read from its first
/// bytes), when there is one.
pub fn checkpoint_revision(path: &Path) -> Option<u64> {
    state::revision_of(path)
}

/// The language a session's errors should be shown in, when known.
pub fn lang_of(path: &Path) -> Option<Lang> {
    load(path).ok().map(|s| s.settings.lang)
}
