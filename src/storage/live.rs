//! A session kept in memory by a terminal (`podium run`, `podium display`).
//!
//! [`Live`] holds the session and where it stopped reading the journal, so
//! a terminal reads only the lines that are new ([`Live::refresh`]), a
//! change costs one journal line whatever the session's size
//! ([`Live::commit`]), and the state file is rewritten only as a
//! checkpoint: when the journal has grown 1 MB or 500 lines past it, after
//! [`IDLE_CHECKPOINT`] without a change ([`Live::checkpoint_if_due`]), and
//! on quit ([`Live::checkpoint`]).

use std::borrow::Cow;
use std::collections::VecDeque;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::domain::{Change, Operation, Session, apply};

use super::commit;
use super::error::{Action, StoreError};
use super::faults::{self, Step};
use super::journal::{self, Span};
use super::lock::Lock;
use super::recovery::{self, Anchor, Current, Depth};
use super::{CLI_WAIT, Files, Notice, state};

/// A terminal writes a checkpoint once it has been this long without a
/// change of its own.
pub const IDLE_CHECKPOINT: Duration = Duration::from_secs(2);

/// A session in memory, and how far its journal has been read.
#[derive(Debug)]
pub struct Live {
    files: Files,
    session: Session,
    /// The digest of the last journal line read.
    anchor: Anchor,
    /// Where that line lies (what a checkpoint at its revision records).
    line: Option<Span>,
    /// The end of the last whole journal line read, and the journal's
    /// identity then (a journal replaced or cut is read again from the
    /// state file).
    end: u64,
    identity: Option<u64>,
    /// The state file's revision as last known, and where the journal
    /// lines past it start.
    checkpoint_rev: u64,
    checkpoint_end: u64,
    /// When this terminal last changed the session and has not
    /// checkpointed since.
    changed_at: Option<Instant>,
    /// The session this terminal opened and the highest revision it has
    /// seen: operations are never saved into another session put in its
    /// place, nor onto an older copy.
    seen: super::Expect,
    /// The changes applied lately, with the revision each made: what a
    /// copy of the session held elsewhere (the screen's) needs to catch up
    /// without a copy of the whole session ([`Live::changes_since`]).
    log: VecDeque<(u64, Change)>,
    /// The revision before the first change of `log`.
    log_floor: u64,
    /// Whether a commit writes the checkpoint it makes due itself (true),
    /// or leaves it to [`Live::snapshot`] off the key path.
    inline_checkpoints: bool,
}

/// At most this many changes are kept for [`Live::changes_since`].
const LOG_LIMIT: usize = 4096;

/// A batch of more parts than this (an import) is not kept for
/// [`Live::changes_since`]: a copy older than it is then replaced whole,
/// which costs about what keeping a copy of the batch would, and a command
/// line import does not hold its operation twice.
const LOG_PARTS: usize = 10_000;

/// How many parts `change` has (a batch: its changes).
fn parts(change: &Change) -> usize {
    match change {
        Change::Batch { changes, .. } => changes.len(),
        _ => 1,
    }
}

fn identity(path: &Path) -> Result<Option<u64>, StoreError> {
    match std::fs::metadata(path) {
        #[cfg(unix)]
        Ok(m) => Ok(Some(std::os::unix::fs::MetadataExt::ino(&m))),
        #[cfg(not(unix))]
        Ok(_) => Ok(Some(0)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(path, Action::Read, e)),
    }
}

impl Live {
    fn from_current(files: Files, current: Current) -> Result<Live, StoreError> {
        let digest = current.last_digest(&files)?;
        let revision = current.session.revision;
        Ok(Live {
            identity: identity(&files.journal)?,
            seen: super::Expect::of(&current.session),
            session: current.session,
            anchor: Anchor {
                digest,
                chained: false,
            },
            line: current.line,
            end: current.end,
            checkpoint_rev: current.state_rev.unwrap_or(0),
            checkpoint_end: current.tail_start,
            changed_at: None,
            log: VecDeque::new(),
            log_floor: revision,
            inline_checkpoints: true,
            files,
        })
    }

    /// A writer's open: lock (waiting at most 10 s), read the state and
    /// the journal past it, recover (torn line moved aside, a missing state
    /// rebuilt, stale temporary files removed; a state newer than its
    /// journal refused), checkpoint if due, unlock.
    pub fn open(path: &Path) -> Result<(Live, Vec<Notice>), StoreError> {
        let files = Files::new(path);
        let lock = Lock::acquire(&files.lock, CLI_WAIT)?;
        let current = recovery::current(&files, Depth::Tail)?;
        let mut notices = recovery::settle(&files, &current, true)?;
        let rebuilt = current.state_rev.is_none();
        state::remove_stale_temps(&files.state);
        let mut live = Live::from_current(files, current)?;
        if rebuilt {
            live.checkpoint_rev = live.session.revision;
            live.checkpoint_end = live.end;
        }
        if live.due() {
            live.write_checkpoint(&mut notices)?;
        }
        lock.release();
        Ok((live, notices))
    }

    /// A reader's open: the state and the journal lines past it. Never
    /// locks, never writes.
    pub fn read(path: &Path) -> Result<Live, StoreError> {
        let files = Files::new(path);
        let current = recovery::current(&files, Depth::Tail)?;
        Live::from_current(files, current)
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn into_session(self) -> Session {
        self.session
    }

    /// Leave the checkpoints a commit makes due to [`Live::snapshot`]
    /// (written off the key path) instead of writing them in the commit.
    pub fn defer_checkpoints(&mut self) {
        self.inline_checkpoints = false;
    }

    fn logged(&mut self, rev: u64, change: Cow<Change>) {
        if parts(&change) > LOG_PARTS {
            // Every copy older than this revision is now replaced whole.
            self.log.clear();
            self.log_floor = rev;
            return;
        }
        self.log.push_back((rev, change.into_owned()));
        while self.log.len() > LOG_LIMIT {
            if let Some((rev, _)) = self.log.pop_front() {
                self.log_floor = rev;
            }
        }
    }

    /// The changes that bring a copy of this session at `revision` up to
    /// date, each with the revision it makes, oldest first; `None` when
    /// they are no longer known (the files were read again, or the copy is
    /// too old): the copy must then be replaced whole.
    pub fn changes_since(&self, revision: u64) -> Option<Vec<(u64, Change)>> {
        if revision < self.log_floor || revision > self.session.revision {
            return None;
        }
        let changes: Vec<(u64, Change)> = self
            .log
            .iter()
            .filter(|(rev, _)| *rev > revision)
            .cloned()
            .collect();
        let complete = changes.first().is_none_or(|(rev, _)| *rev == revision + 1)
            && changes.len() as u64 == self.session.revision - revision;
        complete.then_some(changes)
    }

    /// Forget the changes up to `revision` (every copy has them).
    pub fn forget_until(&mut self, revision: u64) {
        while self.log.front().is_some_and(|(rev, _)| *rev <= revision) {
            self.log.pop_front();
        }
        self.log_floor = self.log_floor.max(revision.min(self.session.revision));
    }

    /// Whether the journal has grown enough past the state file.
    fn due(&self) -> bool {
        let lines = self.session.revision.saturating_sub(self.checkpoint_rev);
        commit::due(lines, self.end.saturating_sub(self.checkpoint_end))
    }

    /// Read the journal lines written since the last read (by another
    /// terminal). Never locks, never writes. Returns whether the session
    /// changed. A journal replaced or cut (another session put in place,
    /// an older copy) is read again from the state file.
    pub fn refresh(&mut self) -> Result<bool, StoreError> {
        Ok(self.read_new()?.0)
    }

    /// [`Live::refresh`], also returning a torn last line (for a writer
    /// to move aside).
    fn read_new(&mut self) -> Result<(bool, Option<journal::Torn>), StoreError> {
        let same = identity(&self.files.journal)? == self.identity;
        let read = if same {
            journal::read_after(&self.files.journal, self.end)?
        } else {
            None
        };
        let Some(new) = read else {
            return self.reload();
        };
        if let Some((_, offset, problem)) = new.bad.into_iter().next() {
            let line = journal::line_number(&self.files.journal, offset)?;
            return Err(StoreError::BadLine {
                path: self.files.journal.clone(),
                line,
                problem,
            });
        }
        let before = self.session.revision;
        recovery::replay(
            &self.files.journal,
            &mut self.session,
            &new.lines,
            &mut self.anchor,
        )?;
        if let Some(last) = new.lines.last() {
            self.line = Some(Span {
                start: last.offset,
                end: new.end,
            });
        }
        self.end = new.end;
        self.saw();
        for placed in new.lines {
            if placed.content.rev > before {
                self.logged(placed.content.rev, Cow::Owned(placed.content.op.change));
            }
        }
        Ok((self.session.revision != before, new.torn))
    }

    /// Read everything again from the files.
    fn reload(&mut self) -> Result<(bool, Option<journal::Torn>), StoreError> {
        let current = recovery::current(&self.files, Depth::Tail)?;
        let torn = current.torn.clone();
        let fresh = Live::from_current(self.files.clone(), current)?;
        let changed =
            fresh.session.id != self.session.id || fresh.session.revision != self.session.revision;
        *self = Live {
            changed_at: self.changed_at,
            seen: self.seen.clone(),
            inline_checkpoints: self.inline_checkpoints,
            ..fresh
        };
        self.saw();
        Ok((changed, torn))
    }

    /// Remember the highest revision seen of this terminal's session.
    fn saw(&mut self) {
        if self.session.id == self.seen.session {
            self.seen.revision = self.seen.revision.max(self.session.revision);
        }
    }

    /// Under the lock: bring the session up to date (moving a torn last
    /// line aside), refusing a state newer than its journal.
    fn catch_up(&mut self, notices: &mut Vec<Notice>) -> Result<(), StoreError> {
        let (_, torn) = self.read_new()?;
        if let Some(torn) = torn {
            let line = journal::line_number(&self.files.journal, torn.offset)?;
            journal::move_torn(&self.files.journal, &self.files.torn, &torn)?;
            self.end = torn.offset;
            notices.push(Notice::TornLineMoved {
                journal: self.files.journal.clone(),
                torn: self.files.torn.clone(),
                line,
            });
        }
        let state = state::revision_of(&self.files.state);
        if state.is_some_and(|rev| rev > self.session.revision) {
            return Err(StoreError::StateNewer {
                path: self.files.state.clone(),
                state: state.unwrap_or_default(),
                journal: Some(self.session.revision),
            });
        }
        Ok(())
    }

    /// Commit one operation (see [`super::commit`]): lock (waiting at most
    /// `wait`), read the new journal lines, apply, append and sync the
    /// line, checkpoint if due, unlock. If the files now hold another
    /// session, or an older revision than this terminal has seen, nothing
    /// is written: [`StoreError::Replaced`]. The fresh session is
    /// [`Live::session`] (not copied); returns what recovery did.
    pub fn commit(
        &mut self,
        op: &Operation,
        wait: Duration,
        now: Instant,
    ) -> Result<Vec<Notice>, StoreError> {
        let lock = Lock::acquire(&self.files.lock, wait)?;
        faults::reached(Step::Locked)?;
        if let Some(hold) = faults::hold_lock() {
            std::thread::sleep(hold);
        }
        let mut notices = Vec::new();
        self.catch_up(&mut notices)?;
        self.seen.check(&self.files.state, &self.session)?;
        faults::reached(Step::Read)?;
        apply(&mut self.session, &op.change).map_err(StoreError::Refused)?;
        let appended = faults::reached(Step::Checked).and_then(|()| {
            let prev = self.anchor.digest.clone();
            commit::append_op(&self.files, &mut self.session, op, prev)
        });
        let (digest, line) = match appended {
            Ok(done) => done,
            Err(e) => {
                // The change is in memory only: read the files again.
                self.reload()?;
                return Err(e);
            }
        };
        self.anchor.digest = Some(digest);
        self.anchor.chained = true;
        self.line = Some(line);
        self.end += line.end - line.start;
        self.saw();
        self.changed_at = Some(now);
        self.logged(self.session.revision, Cow::Borrowed(&op.change));
        if self.inline_checkpoints && self.due() {
            self.write_checkpoint(&mut notices)?;
        }
        lock.release();
        faults::reached(Step::Unlocked)?;
        Ok(notices)
    }

    /// With the lock held: write the state file as a checkpoint at the
    /// session's revision.
    fn write_checkpoint(&mut self, notices: &mut Vec<Notice>) -> Result<(), StoreError> {
        let Some(digest) = self.anchor.digest.clone() else {
            return Ok(());
        };
        let before = notices.len();
        let marks = state::Marks::new(&digest, self.line);
        commit::checkpoint_now(&self.files, &self.session, marks, notices)?;
        if notices.len() == before {
            self.checkpoint_rev = self.session.revision;
            self.checkpoint_end = self.end;
            self.changed_at = None;
        }
        Ok(())
    }

    /// Write a checkpoint now if the state file is behind the session
    /// (lock waited at most `wait`). Returns whether one was written.
    pub fn checkpoint(&mut self, wait: Duration) -> Result<bool, StoreError> {
        let lock = Lock::acquire(&self.files.lock, wait)?;
        faults::reached(Step::CheckpointLocked)?;
        let mut notices = Vec::new();
        self.catch_up(&mut notices)?;
        faults::reached(Step::CheckpointRead)?;
        let on_disk = state::revision_of(&self.files.state);
        let written = if on_disk.is_some_and(|rev| rev >= self.session.revision) {
            // Another terminal checkpointed already.
            self.checkpoint_rev = self.session.revision;
            self.checkpoint_end = self.end;
            self.changed_at = None;
            false
        } else {
            self.write_checkpoint(&mut notices)?;
            notices.is_empty()
        };
        lock.release();
        faults::reached(Step::CheckpointUnlocked)?;
        Ok(written)
    }

    /// A checkpoint after [`IDLE_CHECKPOINT`] without a change of this
    /// terminal's: `Ok(false)` when none is due yet.
    pub fn checkpoint_if_due(&mut self, now: Instant, wait: Duration) -> Result<bool, StoreError> {
        match self.changed_at {
            Some(at) if now.saturating_duration_since(at) >= IDLE_CHECKPOINT => {
                self.checkpoint(wait)
            }
            _ => Ok(false),
        }
    }

    /// Whether this terminal wants a checkpoint now: the journal has grown
    /// enough past the state file, or [`IDLE_CHECKPOINT`] passed since its
    /// last change.
    pub fn checkpoint_wanted(&self, now: Instant) -> bool {
        let idle = self
            .changed_at
            .is_some_and(|at| now.saturating_duration_since(at) >= IDLE_CHECKPOINT);
        self.session.revision > self.checkpoint_rev && (idle || self.due())
    }

    /// A checkpoint to write off the key path: a copy of the session at its
    /// revision with the digest of that journal line, consistent by
    /// construction. `None` when the digest is unknown.
    pub fn snapshot(&self) -> Option<Snapshot> {
        Some(Snapshot {
            files: self.files.clone(),
            digest: self.anchor.digest.clone()?,
            line: self.line,
            session: self.session.clone(),
            end: self.end,
            identity: self.identity,
        })
    }

    /// A [`Snapshot`] was written (or found not needed: the state file
    /// was as new): the state file is at `at`.
    pub fn checkpointed(&mut self, at: Checkpointed) {
        if at.revision > self.checkpoint_rev && at.revision <= self.session.revision {
            self.checkpoint_rev = at.revision;
            self.checkpoint_end = at.end;
        }
        if at.revision == self.session.revision {
            self.changed_at = None;
        }
    }
}

/// The session at one revision, to be written as the state file without
/// holding the terminal's session or the lock while it is serialised.
#[derive(Debug)]
pub struct Snapshot {
    files: Files,
    session: Session,
    digest: String,
    /// Where the journal line at the snapshot's revision lies.
    line: Option<Span>,
    /// The end of the journal line at the snapshot's revision, and the
    /// journal's identity then.
    end: u64,
    identity: Option<u64>,
}

/// Where the state file stands after a [`Snapshot`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Checkpointed {
    pub revision: u64,
    pub end: u64,
}

impl Snapshot {
    pub fn revision(&self) -> u64 {
        self.session.revision
    }

    /// Write it: the temporary file written and synced without the lock
    /// (steps `temp-written`, `temp-synced`), then, under the lock (waited
    /// at most `wait`; steps `checkpoint-locked`, `checkpoint-read`),
    /// renamed over the state file (`renamed`, `folder-synced`) only if
    /// the journal is still the one the snapshot was read from and the
    /// state file is older; unlocked (`checkpoint-unlocked`). Returns
    /// where the state file stands, `None` when the journal changed hands
    /// (the temporary file is removed).
    pub fn write(self, wait: Duration) -> Result<Option<Checkpointed>, StoreError> {
        let Snapshot {
            files,
            session,
            digest,
            line,
            end,
            identity: journal,
        } = self;
        let revision = session.revision;
        let temp = state::write_temp(&files.state, &session, state::Marks::new(&digest, line))?;
        drop(session);
        let lock = Lock::acquire(&files.lock, wait)?;
        faults::reached(Step::CheckpointLocked)?;
        let same_journal = identity(&files.journal)? == journal
            && std::fs::metadata(&files.journal).is_ok_and(|m| m.len() >= end);
        let on_disk = state::revision_of(&files.state);
        faults::reached(Step::CheckpointRead)?;
        let done = Checkpointed { revision, end };
        let result = if !same_journal {
            None
        } else if on_disk.is_some_and(|rev| rev >= revision) {
            // Another writer checkpointed as far already.
            Some(done)
        } else {
            state::install(temp, &files.state)?;
            Some(done)
        };
        lock.release();
        faults::reached(Step::CheckpointUnlocked)?;
        Ok(result)
    }
}
