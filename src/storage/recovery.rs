//! The current session from the state file and the journal, and the
//! recovery rules.
//!
//! - The state file is a checkpoint; journal lines with `rev` above its
//!   `revision` are replayed (they must follow on without a gap, and chain:
//!   the first to the state's `journal_digest`, each next one to it).
//! - A torn last line is ignored here; writers move it aside (`settle`).
//! - Any other bad line, a line of another session or a gap: an error
//!   naming the journal and the line; nothing is written.
//! - No state file but a journal: the session is rebuilt from line 1.
//! - A state newer than the journal is used as it is by readers; writers
//!   refuse to append after it (`podium repair` restarts the journal).
//! - A state file that cannot be read is an error, never overwritten.

use std::path::Path;

use crate::domain::{Change, FORMAT, Session, apply};

use super::error::{LineProblem, StoreError};
use super::journal::{self, Hint, Placed, Span, Torn};
use super::state;
use super::{Files, Notice};

/// How much of the journal to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// Only the lines past the state's revision (readers, commits).
    Tail,
    /// Every line, each checked (a writer's open).
    Full,
}

/// The session as the files say it is, before anything is written.
#[derive(Debug)]
pub struct Current {
    pub session: Session,
    /// The state file's revision (`None`: no state file).
    pub state_rev: Option<u64>,
    /// The state file's `journal_digest`.
    pub state_digest: Option<String>,
    /// The rev of the journal's last whole line (`None`: no line).
    pub journal_last: Option<u64>,
    /// The digest of the journal's last whole line.
    pub last: Last,
    /// Where the journal's last whole line lies (what a checkpoint at its
    /// revision records).
    pub line: Option<Span>,
    /// Where the journal lines past the state file start.
    pub tail_start: u64,
    /// The end of the journal's last whole line.
    pub end: u64,
    pub torn: Option<Torn>,
}

/// The digest of the journal's last whole line: known, or to read from
/// these bytes of the journal (a line the state already holds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Last {
    None,
    Known(String),
    At((u64, u64)),
}

impl Current {
    /// Whether the state file holds revisions the journal does not (the
    /// journal lost lines, or an older copy was put back): writers refuse.
    pub fn state_newer(&self) -> bool {
        self.state_rev
            .is_some_and(|rev| self.journal_last.is_none_or(|last| last < rev))
    }

    /// The digest the next journal line carries as `prev`.
    pub fn last_digest(&self, files: &Files) -> Result<Option<String>, StoreError> {
        match &self.last {
            Last::None => Ok(None),
            Last::Known(digest) => Ok(Some(digest.clone())),
            Last::At((from, to)) => journal::digest_at(&files.journal, *from, *to).map(Some),
        }
    }
}

/// The 1-based line number of a placed line.
fn number(path: &Path, placed: &Placed) -> Result<usize, StoreError> {
    match placed.line {
        Some(n) => Ok(n),
        None => journal::line_number(path, placed.offset),
    }
}

fn bad(path: &Path, placed: &Placed, problem: LineProblem) -> StoreError {
    match number(path, placed) {
        Ok(line) => StoreError::BadLine {
            path: path.to_path_buf(),
            line,
            problem,
        },
        Err(e) => e,
    }
}

/// Whether a run of lines is well formed: one session, line 1 (and only
/// it) the creation, `rev` following on. With a state (`id`, `revision`),
/// the lines must be that session's, and the journal may skip revisions
/// the state already holds (it may start, or jump, to `revision + 1`).
pub fn sequence_problems(
    lines: &[Placed],
    state: Option<(&str, u64)>,
) -> Vec<(usize, LineProblem)> {
    let mut out = Vec::new();
    let expected_id = state
        .map(|(id, _)| id.to_string())
        .or_else(|| lines.first().map(|p| p.content.session.clone()));
    let covered = state.map_or(0, |(_, rev)| rev);
    let mut previous: Option<u64> = None;
    for placed in lines {
        let n = placed.line.unwrap_or(0);
        let line = &placed.content;
        if let Some(expected) = &expected_id
            && line.session != *expected
        {
            out.push((
                n,
                LineProblem::OtherSession {
                    expected: expected.clone(),
                    found: line.session.clone(),
                },
            ));
        }
        let restart = previous.is_none() && matches!(line.op.change, Change::Create { .. });
        let follows = match previous {
            // A journal `repair` restarted begins with a creation at the
            // state's revision.
            None => restart || line.rev == 1 || (line.rev >= 1 && line.rev <= covered + 1),
            // A jump over revisions the state already holds is allowed.
            Some(p) => line.rev == p + 1 || (line.rev > p && line.rev <= covered + 1),
        };
        if !follows {
            out.push((
                n,
                LineProblem::Gap {
                    expected: previous.map_or(1, |p| p + 1),
                    found: line.rev,
                },
            ));
        }
        match &line.op.change {
            Change::Create { session } => {
                if !restart {
                    out.push((n, LineProblem::Create { expected: false }));
                } else if session.id != line.session {
                    out.push((
                        n,
                        LineProblem::OtherSession {
                            expected: line.session.clone(),
                            found: session.id.clone(),
                        },
                    ));
                } else if session.format > FORMAT {
                    out.push((
                        n,
                        LineProblem::NewerFormat {
                            found: session.format,
                            supported: FORMAT,
                        },
                    ));
                }
            }
            _ if line.rev == 1 => out.push((n, LineProblem::Create { expected: true })),
            _ => {}
        }
        previous = Some(line.rev);
    }
    out
}

/// The digest the next line of a journal must carry as `prev` (the last
/// line read), and whether the journal is chained yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Anchor {
    /// The digest of the last line seen (`None`: none seen, or unknown).
    pub digest: Option<String>,
    /// Whether a line seen so far carried `prev` (then every later one must).
    pub chained: bool,
}

impl Anchor {
    /// Check that `placed` chains to what was seen before it, then move
    /// past it.
    pub fn follow(&mut self, path: &Path, placed: &Placed) -> Result<(), StoreError> {
        let prev = &placed.content.prev;
        let broken = match (prev, &self.digest) {
            (Some(p), Some(d)) => p != d,
            (None, _) => self.chained,
            (Some(_), None) => false,
        };
        if broken {
            let problem = LineProblem::Chain {
                expected: self.digest.clone(),
                found: prev.clone(),
            };
            return Err(bad(path, placed, problem));
        }
        self.chained |= prev.is_some();
        self.digest = Some(placed.digest.clone());
        Ok(())
    }
}

/// Apply, in order, the lines past the session's revision, checking that
/// each chains to the one before it (the first to `anchor`, the digest of
/// the line at the session's revision when known).
pub fn replay(
    path: &Path,
    session: &mut Session,
    lines: &[Placed],
    anchor: &mut Anchor,
) -> Result<(), StoreError> {
    for placed in lines {
        let line = &placed.content;
        if line.rev <= session.revision {
            anchor.chained |= line.prev.is_some();
            anchor.digest = Some(placed.digest.clone());
            continue;
        }
        if line.session != session.id {
            let problem = LineProblem::OtherSession {
                expected: session.id.clone(),
                found: line.session.clone(),
            };
            return Err(bad(path, placed, problem));
        }
        if line.rev != session.revision + 1 {
            let problem = LineProblem::Gap {
                expected: session.revision + 1,
                found: line.rev,
            };
            return Err(bad(path, placed, problem));
        }
        if let Change::Create { .. } = line.op.change {
            return Err(bad(path, placed, LineProblem::Create { expected: false }));
        }
        anchor.follow(path, placed)?;
        apply(session, &line.op.change)
            .map_err(|refusal| bad(path, placed, LineProblem::Refused(Box::new(refusal))))?;
        session.revision = line.rev;
    }
    Ok(())
}

/// The session from the journal's first line (the creation, or the
/// restart `repair` wrote) and the lines after it.
pub fn rebuild(path: &Path, lines: &[Placed]) -> Result<(Session, Anchor), StoreError> {
    let Some(first) = lines.first() else {
        return Err(StoreError::BadLine {
            path: path.to_path_buf(),
            line: 1,
            problem: LineProblem::Create { expected: true },
        });
    };
    let Change::Create { session } = &first.content.op.change else {
        return Err(bad(path, first, LineProblem::Create { expected: true }));
    };
    let mut session = (**session).clone();
    session.revision = first.content.rev;
    let mut anchor = Anchor {
        digest: Some(first.digest.clone()),
        chained: first.content.prev.is_some(),
    };
    replay(path, &mut session, &lines[1..], &mut anchor)?;
    Ok((session, anchor))
}

/// Read the current session; writes nothing. Its ids, the state's and the
/// journal lines' alike, share one string per distinct id.
pub fn current(files: &Files, depth: Depth) -> Result<Current, StoreError> {
    crate::domain::id::sharing(|| read_current(files, depth))
}

fn read_current(files: &Files, depth: Depth) -> Result<Current, StoreError> {
    let state = state::read(&files.state)?;
    match (state, depth) {
        (Some(checkpoint), Depth::Tail) => from_tail(files, checkpoint),
        (state, _) => from_whole(files, state),
    }
}

/// The state file, then the journal lines past its revision.
fn from_tail(files: &Files, checkpoint: state::Checkpoint) -> Result<Current, StoreError> {
    let mut session = checkpoint.session;
    let state_rev = session.revision;
    let hint = checkpoint.line.map(|line| Hint {
        session: &session.id,
        line,
    });
    let digest = checkpoint.digest.as_deref();
    let tail = journal::read_tail(&files.journal, state_rev, digest, hint)?;
    if let Some((id, _)) = &tail.last
        && *id != session.id
    {
        // Read the whole journal to name the first line that is
        // another session's (rare: only on this error).
        return current(files, Depth::Full);
    }
    let mut anchor = Anchor {
        digest: checkpoint.digest.clone(),
        chained: false,
    };
    replay(&files.journal, &mut session, &tail.lines, &mut anchor)?;
    let journal_last = tail.last.as_ref().map(|(_, rev)| *rev);
    let line = match (tail.lines.last(), tail.last_at) {
        (Some(placed), _) => Some(placed.offset),
        (None, at) => at.map(|(start, _)| start),
    }
    .map(|start| Span {
        start,
        end: tail.end,
    });
    let last = match (tail.lines.last(), tail.last_at) {
        (Some(placed), _) => Last::Known(placed.digest.clone()),
        _ if journal_last == Some(state_rev) && checkpoint.digest.is_some() => {
            Last::Known(checkpoint.digest.clone().unwrap_or_default())
        }
        (None, Some(at)) => Last::At(at),
        (None, None) => Last::None,
    };
    Ok(Current {
        session,
        state_rev: Some(state_rev),
        state_digest: checkpoint.digest,
        journal_last,
        last,
        line,
        tail_start: tail.start(),
        end: tail.end,
        torn: tail.torn,
    })
}

/// Every line of the journal (no state file, or an error to name).
fn from_whole(files: &Files, state: Option<state::Checkpoint>) -> Result<Current, StoreError> {
    let state_digest = state.as_ref().and_then(|c| c.digest.clone());
    let state = state.map(|c| c.session);
    let state_rev = state.as_ref().map(|s| s.revision);
    let Some(full) = journal::read_all(&files.journal)? else {
        return match state {
            Some(session) => Ok(Current {
                session,
                state_rev,
                state_digest,
                journal_last: None,
                last: Last::None,
                line: None,
                tail_start: 0,
                end: 0,
                torn: None,
            }),
            None => Err(StoreError::NotFound {
                path: files.state.clone(),
            }),
        };
    };
    if let Some((line, _, problem)) = full.bad.first() {
        return Err(StoreError::BadLine {
            path: files.journal.clone(),
            line: *line,
            problem: problem.clone(),
        });
    }
    if let (Some(s), Some(first)) = (&state, full.lines.first())
        && first.content.session != s.id
    {
        return Err(other_session(files, &s.id, &first.content.session));
    }
    let ids = state.as_ref().map(|s| (s.id.as_str(), s.revision));
    if let Some((line, problem)) = sequence_problems(&full.lines, ids).into_iter().next() {
        return Err(StoreError::BadLine {
            path: files.journal.clone(),
            line,
            problem,
        });
    }
    let journal_last = full.lines.last().map(|p| p.content.rev);
    let session = match state {
        Some(mut session) => {
            replay(
                &files.journal,
                &mut session,
                &full.lines,
                &mut Anchor::default(),
            )?;
            session
        }
        None => rebuild(&files.journal, &full.lines)?.0,
    };
    let tail_start = full
        .lines
        .iter()
        .find(|p| state_rev.is_some_and(|r| p.content.rev > r))
        .map_or(full.end, |p| p.offset);
    Ok(Current {
        session,
        state_rev,
        state_digest,
        journal_last,
        last: full
            .lines
            .last()
            .map_or(Last::None, |p| Last::Known(p.digest.clone())),
        line: full.lines.last().map(|p| Span {
            start: p.offset,
            end: full.end,
        }),
        tail_start,
        end: full.end,
        torn: full.torn,
    })
}

fn other_session(files: &Files, state_id: &str, journal_id: &str) -> StoreError {
    StoreError::OtherSession {
        path: files.state.clone(),
        journal: files.journal.clone(),
        state_id: state_id.to_string(),
        journal_id: journal_id.to_string(),
    }
}

/// A writer's part of recovery: refuse a state newer than its journal
/// (`podium repair` is for that), move a torn last line aside, and (when
/// `rebuild`) write the state file if it is missing. Returns what was
/// done, for the user.
pub fn settle(files: &Files, current: &Current, rebuild: bool) -> Result<Vec<Notice>, StoreError> {
    if current.state_newer() {
        return Err(StoreError::StateNewer {
            path: files.state.clone(),
            state: current.session.revision,
            journal: current.journal_last,
        });
    }
    let mut notices = Vec::new();
    if let Some(torn) = &current.torn {
        let line = journal::line_number(&files.journal, torn.offset)?;
        journal::move_torn(&files.journal, &files.torn, torn)?;
        notices.push(Notice::TornLineMoved {
            journal: files.journal.clone(),
            torn: files.torn.clone(),
            line,
        });
    }
    if rebuild && current.state_rev.is_none() {
        let digest = current.last_digest(files)?;
        let marks = state::Marks {
            digest: digest.as_deref(),
            line: current.line,
        };
        state::write(&files.state, &current.session, marks)?;
        notices.push(Notice::StateRebuilt {
            path: files.state.clone(),
            revision: current.session.revision,
        });
    }
    Ok(notices)
}
