//! The current session from the state file and the journal, and the
//! recovery rules.
//!
//! - The state file is a checkpoint; journal lines with `rev` above its
//!   `revision` are replayed (they must follow on without a gap).
//! - A torn last line is ignored here; writers move it aside (`settle`).
//! - Any other bad line, a line of another session or a gap: an error
//!   naming the journal and the line; nothing is written.
//! - No state file but a journal: the session is rebuilt from line 1.
//! - A state newer than the journal is used as it is.
//! - A state file that cannot be read is an error, never overwritten.

use std::path::Path;

use crate::domain::{Change, FORMAT, Session, apply};

use super::error::{LineProblem, StoreError};
use super::journal::{self, Placed, Torn};
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
    /// The rev of the journal's last whole line (`None`: no line).
    pub journal_last: Option<u64>,
    pub torn: Option<Torn>,
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
        let follows = match previous {
            None => line.rev == 1 || (line.rev >= 1 && line.rev <= covered + 1),
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
                if line.rev != 1 {
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

/// Apply, in order, the lines past the session's revision.
pub fn replay(path: &Path, session: &mut Session, lines: &[Placed]) -> Result<(), StoreError> {
    for placed in lines {
        let line = &placed.content;
        if line.rev <= session.revision {
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
        apply(session, &line.op.change)
            .map_err(|refusal| bad(path, placed, LineProblem::Refused(Box::new(refusal))))?;
        session.revision = line.rev;
    }
    Ok(())
}

/// The session from line 1 (the creation) and the lines after it.
pub fn rebuild(path: &Path, lines: &[Placed]) -> Result<Session, StoreError> {
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
    if first.content.rev != 1 {
        let problem = LineProblem::Gap {
            expected: 1,
            found: first.content.rev,
        };
        return Err(bad(path, first, problem));
    }
    let mut session = (**session).clone();
    session.revision = 1;
    replay(path, &mut session, &lines[1..])?;
    Ok(session)
}

/// Read the current session; writes nothing.
pub fn current(files: &Files, depth: Depth) -> Result<Current, StoreError> {
    let state = state::read(&files.state)?;
    let state_rev = state.as_ref().map(|s| s.revision);
    let state = match (state, depth) {
        (Some(mut session), Depth::Tail) => {
            let tail = journal::read_tail(&files.journal, session.revision)?;
            if let Some((id, _)) = &tail.last
                && *id != session.id
            {
                // Read the whole journal to name the first line that is
                // another session's (rare: only on this error).
                return current(files, Depth::Full);
            }
            replay(&files.journal, &mut session, &tail.lines)?;
            return Ok(Current {
                session,
                state_rev,
                journal_last: tail.last.map(|(_, rev)| rev),
                torn: tail.torn,
            });
        }
        (state, _) => state,
    };
    let Some(full) = journal::read_all(&files.journal)? else {
        return match state {
            Some(session) => Ok(Current {
                session,
                state_rev,
                journal_last: None,
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
            replay(&files.journal, &mut session, &full.lines)?;
            session
        }
        None => rebuild(&files.journal, &full.lines)?,
    };
    Ok(Current {
        session,
        state_rev,
        journal_last,
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

/// A writer's part of recovery: move a torn last line aside, and (when
/// `complete`) write the state if it is missing or behind the journal.
/// Returns what was done, for the user.
pub fn settle(files: &Files, current: &Current, complete: bool) -> Result<Vec<Notice>, StoreError> {
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
    let revision = current.session.revision;
    if current.journal_last.is_none_or(|last| last < revision) && current.state_rev.is_some() {
        notices.push(Notice::StateNewerThanJournal {
            path: files.state.clone(),
            state: revision,
            journal: current.journal_last,
        });
    }
    if complete {
        match current.state_rev {
            None => {
                state::write(&files.state, &current.session, false)?;
                notices.push(Notice::StateRebuilt {
                    path: files.state.clone(),
                    revision,
                });
            }
            Some(from) if from < revision => {
                state::write(&files.state, &current.session, false)?;
                notices.push(Notice::StateCompleted {
                    path: files.state.clone(),
                    from,
                    to: revision,
                });
            }
            Some(_) => {}
        }
    }
    Ok(notices)
}
