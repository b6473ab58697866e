//! What `check` needs to know about a session's files, read-only.
//!
//! Unlike [`super::load`], this reads the whole journal, checks every line,
//! replays it from line 1 and compares the result with the state file.

use std::path::Path;

use crate::domain::{Lang, Session};

use super::error::{LineProblem, StoreError};
use super::journal;
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
    /// The journal lacks revisions the state holds (history missing).
    HistoryMissing {
        path: std::path::PathBuf,
        from: u64,
        to: u64,
    },
}

/// Notes: normal after a crash, fixed by the next writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A torn last line, ignored; the next writer moves it aside.
    Torn {
        path: std::path::PathBuf,
        line: usize,
    },
    /// The state is behind the journal; the next writer completes it.
    StateBehind {
        path: std::path::PathBuf,
        state: u64,
        journal: u64,
    },
    /// No state file: the next writer rebuilds it from the journal.
    StateMissing { path: std::path::PathBuf },
}

/// Everything found, and the session when one could be read.
#[derive(Debug, Default)]
pub struct Report {
    pub session: Option<Session>,
    pub findings: Vec<Finding>,
    pub notes: Vec<Note>,
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
            Finding::StateDiffers { path, revision } => match lang {
                Lang::Fr => format!(
                    "{}: le fichier diffère de son journal rejoué jusqu'à la révision {revision} \
                     (modifié à la main ?)",
                    path.display()
                ),
                Lang::En => format!(
                    "{}: the file differs from its journal replayed to revision {revision} \
                     (edited by hand?)",
                    path.display()
                ),
            },
            Finding::StateNewer {
                path,
                state,
                journal,
            } => {
                let journal = journal.unwrap_or(0);
                match lang {
                    Lang::Fr => format!(
                        "{}: le fichier (révision {state}) est plus récent que son journal \
                         (révision {journal}) : l'historique manque",
                        path.display()
                    ),
                    Lang::En => format!(
                        "{}: the file (revision {state}) is newer than its journal \
                         (revision {journal}): history is missing",
                        path.display()
                    ),
                }
            }
            Finding::HistoryMissing { path, from, to } => match lang {
                Lang::Fr => format!(
                    "{}: les révisions {from} à {to} manquent au journal (le fichier les contient)",
                    path.display()
                ),
                Lang::En => format!(
                    "{}: revisions {from} to {to} are missing from the journal (the file holds them)",
                    path.display()
                ),
            },
        }
    }
}

impl Note {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Note::Torn { path, line }, Lang::Fr) => format!(
                "{}:{line}: dernière ligne incomplète (écriture interrompue), ignorée ; \
                 le prochain enregistrement la mettra de côté",
                path.display()
            ),
            (Note::Torn { path, line }, Lang::En) => format!(
                "{}:{line}: incomplete last line (interrupted write), ignored; \
                 the next save moves it aside",
                path.display()
            ),
            (
                Note::StateBehind {
                    path,
                    state,
                    journal,
                },
                Lang::Fr,
            ) => format!(
                "{}: révision {state}, le journal va jusqu'à {journal} ; \
                 le prochain enregistrement complétera le fichier",
                path.display()
            ),
            (
                Note::StateBehind {
                    path,
                    state,
                    journal,
                },
                Lang::En,
            ) => format!(
                "{}: revision {state}, the journal goes to {journal}; \
                 the next save completes the file",
                path.display()
            ),
            (Note::StateMissing { path }, Lang::Fr) => format!(
                "{}: fichier absent, il sera reconstruit depuis le journal",
                path.display()
            ),
            (Note::StateMissing { path }, Lang::En) => format!(
                "{}: file missing, it will be rebuilt from the journal",
                path.display()
            ),
        }
    }
}

/// Read everything about the session in `path`; never locks, never writes.
pub fn inspect(path: &Path) -> Report {
    let files = Files::new(path);
    let mut report = Report::default();
    let state = match state::read(&files.state) {
        Ok(s) => s,
        Err(e) => {
            report.findings.push(Finding::Fatal(e));
            return report;
        }
    };
    let full = match journal::read_all(&files.journal) {
        Ok(full) => full,
        Err(e) => {
            report.findings.push(Finding::Fatal(e));
            return report;
        }
    };
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
    if let Some(torn) = &full.torn {
        let n = full.lines.len() + full.bad.len() + 1;
        let _ = torn;
        report.notes.push(Note::Torn {
            path: files.journal.clone(),
            line: n,
        });
    }
    let ids = state.as_ref().map(|s| (s.id.as_str(), s.revision));
    for (n, problem) in recovery::sequence_problems(&full.lines, ids) {
        report.findings.push(line(n, problem));
    }
    let journal_last = full.lines.last().map(|p| p.content.rev);
    if !report.findings.is_empty() {
        report.session = state;
        return report;
    }
    // Replay the whole journal from line 1 (when it starts there), compare
    // with the state at its revision, then go on to the journal's end.
    let starts_at_creation = full.lines.first().is_some_and(|p| p.content.rev == 1);
    let state_rev = state.as_ref().map(|s| s.revision);
    if let Some(s) = &state {
        if journal_last.is_none_or(|last| last < s.revision) {
            report.findings.push(Finding::StateNewer {
                path: files.state.clone(),
                state: s.revision,
                journal: journal_last,
            });
        }
        // A jump in rev that the state covers: history missing.
        let mut previous = 0;
        for p in &full.lines {
            if p.content.rev > previous + 1 {
                report.findings.push(Finding::HistoryMissing {
                    path: files.journal.clone(),
                    from: previous + 1,
                    to: p.content.rev - 1,
                });
            }
            previous = p.content.rev;
        }
    }
    let mut session = None;
    if starts_at_creation {
        let upto: Vec<_> = full
            .lines
            .iter()
            .filter(|p| state_rev.is_none_or(|r| p.content.rev <= r))
            .cloned()
            .collect();
        match recovery::rebuild(&files.journal, &upto) {
            Ok(rebuilt) => {
                if let Some(s) = &state
                    && rebuilt.revision == s.revision
                    && rebuilt != *s
                {
                    report.findings.push(Finding::StateDiffers {
                        path: files.state.clone(),
                        revision: s.revision,
                    });
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
            None => return report,
        },
    };
    if let Some(last) = journal_last
        && last > current.revision
        && state_rev.is_some()
    {
        report.notes.push(Note::StateBehind {
            path: files.state.clone(),
            state: current.revision,
            journal: last,
        });
    }
    if let Err(e) = recovery::replay(&files.journal, &mut current, &full.lines) {
        report.findings.push(as_finding(e));
    }
    report.session = Some(current);
    report
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
