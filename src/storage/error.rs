//! What can go wrong with a session's files, in words that name the file.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::domain::{Lang, Refusal};

use super::faults::Step;
use crate::words::files::{JsonProblem, io_words};
use crate::words::storage as words;

/// Why a session's files could not be read, written or changed.
#[derive(Debug)]
pub enum StoreError {
    /// Neither the state file nor its journal exists.
    NotFound { path: PathBuf },
    /// `create` found the state file or its journal already there.
    Exists { path: PathBuf },
    /// The operating system refused a read or a write.
    Io {
        path: PathBuf,
        action: Action,
        source: io::Error,
    },
    /// The state file is not a session (the position says where it breaks).
    BadState {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: JsonProblem,
    },
    /// The file was written by a newer Podium.
    NewerFormat {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    /// A line of the journal that cannot be used (not the torn last line).
    BadLine {
        path: PathBuf,
        line: usize,
        problem: LineProblem,
    },
    /// The state file and the journal belong to different sessions.
    OtherSession {
        path: PathBuf,
        journal: PathBuf,
        state_id: String,
        journal_id: String,
    },
    /// The file now holds another session than the writer's (it was
    /// replaced), or an older revision than the writer has seen.
    Replaced {
        path: PathBuf,
        expected: String,
        seen: u64,
        found: String,
        found_revision: u64,
    },
    /// Another terminal held the lock longer than we could wait.
    Busy { path: PathBuf },
    /// The operation does not apply to the current session (nothing saved).
    Refused(Refusal),
    /// The state file holds revisions its journal lacks: writers refuse to
    /// append after it (`podium repair FILE`).
    StateNewer {
        path: PathBuf,
        state: u64,
        journal: Option<u64>,
    },
    /// Test only: the in-process crash hook stopped the commit here.
    Crashed { step: Step },
}

/// What was being done when the operating system said no.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Read,
    Write,
    Lock,
    Create,
}

/// What is wrong with one journal line.
#[derive(Clone, Debug, PartialEq)]
pub enum LineProblem {
    /// Not a journal line (bad JSON, missing field).
    Unreadable(JsonProblem),
    /// The line belongs to another session.
    OtherSession { expected: String, found: String },
    /// `rev` does not follow on from the line (or state) before it.
    Gap { expected: u64, found: u64 },
    /// Line 1 must be the session's creation (and only line 1).
    Create { expected: bool },
    /// The operation does not apply to the session at that point.
    Refused(Box<Refusal>),
    /// The line's session was written by a newer Podium.
    NewerFormat { found: u32, supported: u32 },
    /// The line's `prev` is not the digest of the line before it (or of
    /// the state's `journal_digest`): the hash chain is broken.
    Chain {
        expected: Option<String>,
        found: Option<String>,
    },
}

impl LineProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LineProblem::Unreadable(why) => words::unreadable_line(lang, &why.words(lang, false)),
            LineProblem::OtherSession { expected, found } => {
                words::line_of_other_session(lang, expected, found)
            }
            LineProblem::Gap { expected, found } => words::lines_missing(lang, *expected, *found),
            LineProblem::Create { expected } => words::creation_line(lang, *expected),
            LineProblem::Refused(r) => words::not_replayable(lang, &r.message(lang)),
            LineProblem::NewerFormat { found, supported } => {
                words::newer_format(lang, *found, *supported)
            }
            LineProblem::Chain { expected, found } => {
                words::chain_broken(lang, expected.as_deref(), found.as_deref())
            }
        }
    }
}

fn show(path: &Path) -> String {
    path.display().to_string()
}

impl StoreError {
    pub(crate) fn io(path: &Path, action: Action, source: io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    }

    /// One line naming the file (and the line or position), in `lang`.
    /// A refusal is about the operation, not a file: its message is the
    /// refusal's alone (prefix the file where the user needs it).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::NotFound { path } => words::not_found(lang, path),
            StoreError::Exists { path } => words::exists(lang, path),
            StoreError::Io {
                path,
                action,
                source,
            } => {
                let what = match action {
                    Action::Read => lang.t("lecture impossible", "cannot read"),
                    Action::Write => lang.t("écriture impossible", "cannot write"),
                    Action::Lock => lang.t("verrouillage impossible", "cannot lock"),
                    Action::Create => lang.t("création impossible", "cannot create"),
                };
                format!("{}: {what} ({})", show(path), io_words(source, lang))
            }
            StoreError::BadState {
                path,
                line,
                column,
                problem,
            } => words::bad_state(lang, path, (*line, *column), &problem.words(lang, true)),
            StoreError::NewerFormat {
                path,
                found,
                supported,
            } => format!(
                "{}: {}",
                show(path),
                words::newer_format(lang, *found, *supported)
            ),
            StoreError::BadLine {
                path,
                line,
                problem,
            } => words::bad_line(lang, path, *line, &problem.message(lang)),
            StoreError::OtherSession {
                path,
                journal,
                state_id,
                journal_id,
            } => words::journal_of_other_session(lang, (path, journal), state_id, journal_id),
            StoreError::Replaced {
                path,
                expected,
                seen,
                found,
                found_revision,
            } => words::replaced(lang, path, (expected, *seen), (found, *found_revision)),
            StoreError::Busy { path } => words::busy(lang, path),
            StoreError::Refused(refusal) => refusal.message(lang),
            StoreError::StateNewer {
                path,
                state,
                journal,
            } => words::state_newer_refused(lang, path, *state, *journal),
            StoreError::Crashed { step } => format!("simulated crash after {}", step.name()),
        }
    }

    /// The refusal, when the operation itself was refused.
    pub fn refusal(&self) -> Option<&Refusal> {
        match self {
            StoreError::Refused(refusal) => Some(refusal),
            _ => None,
        }
    }
}

/// The error for a failed write to `path`.
pub(crate) fn writing(path: &Path) -> impl Fn(io::Error) -> StoreError + '_ {
    move |e| StoreError::io(path, Action::Write, e)
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
