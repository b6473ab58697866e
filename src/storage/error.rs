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
        match (self, lang) {
            (LineProblem::Unreadable(why), Lang::Fr) => {
                format!("ligne illisible : {}", why.words(lang, false))
            }
            (LineProblem::Unreadable(why), Lang::En) => {
                format!("unreadable line: {}", why.words(lang, false))
            }
            (LineProblem::OtherSession { expected, found }, Lang::Fr) => {
                format!("ligne d'une autre session ({found} au lieu de {expected})")
            }
            (LineProblem::OtherSession { expected, found }, Lang::En) => {
                format!("line of another session ({found} instead of {expected})")
            }
            (LineProblem::Gap { expected, found }, Lang::Fr) => {
                format!("révision {found} au lieu de {expected} (lignes manquantes)")
            }
            (LineProblem::Gap { expected, found }, Lang::En) => {
                format!("revision {found} instead of {expected} (lines missing)")
            }
            (LineProblem::Create { expected: true }, Lang::Fr) => {
                "la première ligne doit être la création de la session".into()
            }
            (LineProblem::Create { expected: true }, Lang::En) => {
                "the first line must be the session's creation".into()
            }
            (LineProblem::Create { expected: false }, Lang::Fr) => {
                "une seconde création de session".into()
            }
            (LineProblem::Create { expected: false }, Lang::En) => {
                "a second creation of the session".into()
            }
            (LineProblem::Refused(r), Lang::Fr) => {
                format!("opération impossible à rejouer : {}", r.message(lang))
            }
            (LineProblem::Refused(r), Lang::En) => {
                format!("operation cannot be replayed: {}", r.message(lang))
            }
            (LineProblem::NewerFormat { found, supported }, _) => newer(*found, *supported, lang),
            (LineProblem::Chain { expected, found }, _) => {
                words::chain_broken(lang, expected.as_deref(), found.as_deref())
            }
        }
    }
}

fn newer(found: u32, supported: u32, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "écrit par une version plus récente de Podium (format {found}, \
             cette version lit jusqu'au format {supported}) : mettez Podium à jour"
        ),
        Lang::En => format!(
            "written by a newer Podium (format {found}, this version reads up to \
             format {supported}): update Podium"
        ),
    }
}

/// The session was replaced on disk while this terminal held it.
fn replaced(
    path: &Path,
    expected: &str,
    seen: u64,
    found: &str,
    found_revision: u64,
    lang: Lang,
) -> String {
    let what = match (expected == found, lang) {
        (false, Lang::Fr) => format!("session {found} au lieu de {expected}"),
        (false, Lang::En) => format!("session {found} instead of {expected}"),
        (true, Lang::Fr) => format!("révision {found_revision} après {seen}"),
        (true, Lang::En) => format!("revision {found_revision} after {seen}"),
    };
    match lang {
        Lang::Fr => format!(
            "{}: la session a été remplacée sur le disque ({what}) ; rien n'a été enregistré",
            show(path)
        ),
        Lang::En => format!(
            "{}: the session was replaced on disk ({what}); nothing was saved",
            show(path)
        ),
    }
}

fn show(path: &Path) -> String {
    path.display().to_string()
}

impl StoreError {
    pub(crate) fn io(path: &Path, action: Action, source: io::Error) -> StoreError {
        StoreError::Io {
            // A folder named by its real path, never `.`.
            path: super::regular::shown(path),
            action,
            source,
        }
    }

    /// One line naming the file (and the line or position), in `lang`.
    /// A refusal is about the operation, not a file: its message is the
    /// refusal's alone (prefix the file where the user needs it).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::NotFound { path } => format!(
                "{}: {}",
                show(path),
                lang.t(
                    "session introuvable (ni le fichier ni son journal n'existent)",
                    "no such session (neither the file nor its journal exists)"
                )
            ),
            StoreError::Exists { path } => format!(
                "{}: {}",
                show(path),
                lang.t(
                    "existe déjà ; rien n'a été écrit",
                    "already exists; nothing was written"
                )
            ),
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
            } => match lang {
                Lang::Fr => format!(
                    "{}:{line}:{column}: fichier de session illisible : {} ; \
                     il n'a pas été modifié",
                    show(path),
                    problem.words(lang, true)
                ),
                Lang::En => format!(
                    "{}:{line}:{column}: unreadable session file: {}; \
                     it was left untouched",
                    show(path),
                    problem.words(lang, true)
                ),
            },
            StoreError::NewerFormat {
                path,
                found,
                supported,
            } => format!("{}: {}", show(path), newer(*found, *supported, lang)),
            StoreError::BadLine {
                path,
                line,
                problem,
            } => {
                let tail = lang.t(
                    "la session n'a pas été ouverte, rien n'a été écrit",
                    "the session was not opened, nothing was written",
                );
                format!("{}:{line}: {}; {tail}", show(path), problem.message(lang))
            }
            StoreError::OtherSession {
                path,
                journal,
                state_id,
                journal_id,
            } => match lang {
                Lang::Fr => format!(
                    "{}: session {state_id}, mais son journal {} est celui de la session {journal_id}",
                    show(path),
                    show(journal)
                ),
                Lang::En => format!(
                    "{}: session {state_id}, but its journal {} belongs to session {journal_id}",
                    show(path),
                    show(journal)
                ),
            },
            StoreError::Replaced {
                path,
                expected,
                seen,
                found,
                found_revision,
            } => replaced(path, expected, *seen, found, *found_revision, lang),
            StoreError::Busy { path } => format!(
                "{}: {}",
                show(path),
                lang.t(
                    "un autre poste est en train d'enregistrer ; réessayez",
                    "another terminal is saving; try again"
                )
            ),
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
