//! What `check` needs to know about a session's files, read-only.
//!
//! Unlike [`super::load`], this reads the whole journal, checks every line,
//! replays it from line 1 and compares the result with the state file.

use std::path::Path;

use crate::domain::{Change, Lang, Session};
use crate::words::storage as words;

use super::error::{LineProblem, StoreError};
use super::journal::{self, Placed};
use super::recovery;
use super::{Files, state};

/// One thing `check` found in the files.
#[derive(Debug)]
pub enum Finding {
    /// The files cannot be used at all (unreadable state, newer format…).
    Fatal(StoreError),
    /// A journal line that would stop the session from opening.
    Line {
        path: std::path::PathBuf,
        line: usize,
        problem: LineProblem,
    },
    /// The state file differs from the journal replayed to its revision.
    StateDiffers {
        path: std::path::PathBuf,
        revision: u64,
    },
    /// The state is newer than the journal (history missing).
    StateNewer {
        path: std::path::PathBuf,
        state: u64,
        journal: Option<u64>,
    },
    /// The state's `journal_digest` is not the digest of the journal line
    /// at its revision.
    DigestDiffers {
        path: std::path::PathBuf,
        revision: u64,
    },
    /// The journal lacks revisions the state holds (history missing).
    HistoryMissing {
        path: std::path::PathBuf,
        from: u64,
        to: u64,
    },
}

/// Notes: normal after a crash (fixed by the next writer) or after a
/// migration or a repair. A state behind its journal is normal (a
/// checkpoint): not a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A torn last line, ignored; the next writer moves it aside.
    Torn {
        path: std::path::PathBuf,
        line: usize,
    },
    /// No state file: the next writer rebuilds it from the journal.
    StateMissing { path: std::path::PathBuf },
    /// The journal is a hash chain from this line on (a session older than
    /// the chain, migrated); 0: not chained yet.
    ChainStarts {
        path: std::path::PathBuf,
        line: usize,
    },
    /// `repair` restarted the journal at this revision; `previous`: the old
    /// journal's last digest.
    Repaired {
        path: std::path::PathBuf,
        revision: u64,
        previous: Option<String>,
    },
}

/// Everything found, and the session when one could be read.
#[derive(Debug, Default)]
pub struct Report {
    pub session: Option<Session>,
    pub findings: Vec<Finding>,
    pub notes: Vec<Note>,
    /// The state file was compared with the journal replayed to its
    /// revision, and they are the same (`verify` need not replay again).
    pub state_agrees: bool,
}

impl Finding {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Finding::Fatal(e) => e.message(lang),
            Finding::Line {
                path,
                line,
                problem,
            } => format!("{}:{line}: {}", path.display(), problem.message(lang)),
            Finding::StateDiffers { path, revision } => words::state_differs(lang, path, *revision),
            Finding::StateNewer {
                path,
                state,
                journal,
            } => words::state_newer_found(lang, path, *state, *journal),
            Finding::DigestDiffers { path, revision } => {
                words::digest_differs(lang, path, *revision)
            }
            Finding::HistoryMissing { path, from, to } => {
                words::history_missing(lang, path, *from, *to)
            }
        }
    }
}

impl Note {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Note::Torn { path, line }, _) => words::torn_ignored(lang, path, *line),
            (Note::StateMissing { path }, _) => words::state_missing(lang, path),
            (Note::ChainStarts { path, line }, _) => words::chain_starts(lang, path, *line),
            (
                Note::Repaired {
                    path,
                    revision,
                    previous,
                },
                _,
            ) => words::repaired_note(lang, path, *revision, previous.as_deref()),
        }
    }
}

/// Read everything about the session in `path`; never locks, never writes.
pub fn inspect(path: &Path) -> Report {
    let files = Files::new(path);
    let mut report = Report::default();
    let (state, full) = match (state::read(&files.state), journal::read_all(&files.journal)) {
        (Ok(state), Ok(full)) => (state, full),
        (Err(e), _) | (_, Err(e)) => {
            report.findings.push(Finding::Fatal(e));
            return report;
        }
    };
    let state_digest = state.as_ref().and_then(|c| c.digest.clone());
    let state = state.map(|c| c.session);
    let Some(full) = full else {
        match state {
            None => report.findings.push(Finding::Fatal(StoreError::NotFound {
                path: files.state.clone(),
            })),
            Some(s) => {
                report.findings.push(Finding::StateNewer {
                    path: files.state.clone(),
                    state: s.revision,
                    journal: None,
                });
                report.session = Some(s);
            }
        }
        return report;
    };
    let line = |line: usize, problem: LineProblem| Finding::Line {
        path: files.journal.clone(),
        line,
        problem,
    };
    for (n, _, problem) in &full.bad {
        report.findings.push(line(*n, problem.clone()));
    }
    if full.torn.is_some() {
        report.notes.push(Note::Torn {
            path: files.journal.clone(),
            line: full.lines.len() + full.bad.len() + 1,
        });
    }
    let ids = state.as_ref().map(|s| (s.id.as_str(), s.revision));
    for (n, problem) in recovery::sequence_problems(&full.lines, ids) {
        report.findings.push(line(n, problem));
    }
    if !report.findings.is_empty() {
        report.session = state;
        return report;
    }
    chain(&files, &full.lines, &mut report);
    if let Some(s) = &state {
        state_against_journal(&files, s, state_digest.as_deref(), &full.lines, &mut report);
    }
    replay_all(&files, state, &full.lines, &mut report);
    report
}

/// The hash chain, line by line: where it starts (a journal chained since
/// it was migrated, or restarted by `repair`), and every broken link.
fn chain(files: &Files, lines: &[Placed], report: &mut Report) {
    if let Some(first) = lines.first()
        && first.content.rev > 1
        && matches!(first.content.op.change, Change::Create { .. })
    {
        report.notes.push(Note::Repaired {
            path: files.journal.clone(),
            revision: first.content.rev,
            previous: first.content.prev.clone(),
        });
    }
    // The first line carrying `prev`: the chain covers the line before it.
    let start = lines.iter().position(|p| p.content.prev.is_some());
    match start {
        Some(i) if i > 1 => report.notes.push(Note::ChainStarts {
            path: files.journal.clone(),
            line: lines[i - 1].line.unwrap_or(i),
        }),
        None if lines.len() > 1 => report.notes.push(Note::ChainStarts {
            path: files.journal.clone(),
            line: 0,
        }),
        _ => {}
    }
    let mut anchor = recovery::Anchor::default();
    for placed in lines {
        if let Err(e) = anchor.follow(&files.journal, placed) {
            report.findings.push(as_finding(e));
            anchor = recovery::Anchor {
                digest: Some(placed.digest.clone()),
                chained: true,
            };
        }
    }
}

/// The state file against the journal: newer than it, history missing,
/// its `journal_digest` not the line's at its revision.
fn state_against_journal(
    files: &Files,
    s: &Session,
    digest: Option<&str>,
    lines: &[Placed],
    report: &mut Report,
) {
    let journal_last = lines.last().map(|p| p.content.rev);
    if journal_last.is_none_or(|last| last < s.revision) {
        report.findings.push(Finding::StateNewer {
            path: files.state.clone(),
            state: s.revision,
            journal: journal_last,
        });
    }
    // A jump in rev that the state covers: history missing.
    let mut previous = lines.first().map_or(0, |p| p.content.rev - 1);
    for p in lines {
        if p.content.rev > previous + 1 {
            report.findings.push(Finding::HistoryMissing {
                path: files.journal.clone(),
                from: previous + 1,
                to: p.content.rev - 1,
            });
        }
        previous = p.content.rev;
    }
    let at_revision = lines.iter().find(|p| p.content.rev == s.revision);
    if let (Some(digest), Some(line)) = (digest, at_revision)
        && line.digest != digest
    {
        report.findings.push(Finding::DigestDiffers {
            path: files.state.clone(),
            revision: s.revision,
        });
    }
}

/// Replay the whole journal from its first line, compare with the state
/// at its revision, then go on to the journal's end.
fn replay_all(files: &Files, state: Option<Session>, lines: &[Placed], report: &mut Report) {
    let state_rev = state.as_ref().map(|s| s.revision);
    let mut session = None;
    if lines
        .first()
        .is_some_and(|p| p.content.rev == 1 || p.content.prev.is_some())
    {
        // The lines are in revision order (`sequence_problems` found no gap).
        let upto = lines.partition_point(|p| state_rev.is_none_or(|r| p.content.rev <= r));
        match recovery::rebuild(&files.journal, &lines[..upto]) {
            Ok((rebuilt, _)) => {
                if let Some(s) = &state
                    && rebuilt.revision == s.revision
                {
                    if rebuilt == *s {
                        report.state_agrees = true;
                    } else {
                        report.findings.push(Finding::StateDiffers {
                            path: files.state.clone(),
                            revision: s.revision,
                        });
                    }
                }
                session = Some(rebuilt);
            }
            Err(e) => report.findings.push(as_finding(e)),
        }
    }
    // The state (or the rebuilt session) brought to the journal's end.
    let mut current = match state {
        Some(s) => s,
        None => match session {
            Some(s) => {
                report.notes.push(Note::StateMissing {
                    path: files.state.clone(),
                });
                s
            }
            None => return,
        },
    };
    let mut anchor = recovery::Anchor::default();
    if let Err(e) = recovery::replay(&files.journal, &mut current, lines, &mut anchor) {
        report.findings.push(as_finding(e));
    }
    report.session = Some(current);
}

fn as_finding(e: StoreError) -> Finding {
    match e {
        StoreError::BadLine {
            path,
            line,
            problem,
        } => Finding::Line {
            path,
            line,
            problem,
        },
        other => Finding::Fatal(other),
    }
}
