//! What can go wrong with a session's files, as typed values: the store's
//! error ([`StoreError`], built by `storage`), the system's cause of a
//! failed read or write ([`IoCause`]), a JSON text or a journal line that
//! cannot be used. Data only, so an error flows from the store to the
//! screen (`app::action::SaveOutcome::Failed`) without a sentence;
//! `words::storage` and `words::files` word them, in either language.

use std::io;
use std::path::PathBuf;

use super::Refusal;

/// Why a session's files could not be read, written or changed.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// Neither the state file nor its journal exists.
    NotFound { path: PathBuf },
    /// `create` found the state file or its journal already there.
    Exists { path: PathBuf },
    /// The operating system refused a read or a write.
    Io {
        path: PathBuf,
        action: FileAction,
        cause: IoCause,
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

impl StoreError {
    /// The refusal, when the operation itself was refused.
    pub fn refusal(&self) -> Option<&Refusal> {
        match self {
            StoreError::Refused(refusal) => Some(refusal),
            _ => None,
        }
    }
}

/// What was being done when the operating system said no.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileAction {
    Read,
    Write,
    Lock,
    Create,
}

/// Why the operating system refused: its kind of error, what was found
/// instead of a regular file, and its own text (English, kept for the
/// kinds Podium has no words of its own for).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IoCause {
    pub kind: io::ErrorKind,
    pub not_regular: Option<NotRegular>,
    pub system: String,
}

impl IoCause {
    pub fn of(err: &io::Error) -> IoCause {
        IoCause {
            kind: err.kind(),
            not_regular: err
                .get_ref()
                .and_then(|e| e.downcast_ref::<NotRegular>())
                .copied(),
            system: err.to_string(),
        }
    }
}

/// What is found in place of a file (the payload of the error
/// `storage::regular` gives for it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRegular {
    Folder,
    Fifo,
    Device,
    Socket,
    Other,
}

/// What kind of JSON problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    /// Not JSON (a stray character, a missing comma…).
    Syntax,
    /// The text stops in the middle (a cut file).
    Eof,
    /// JSON, but not what was expected (a missing field, a wrong type).
    Data,
    /// Anything else (e.g. a migration that failed).
    Other,
}

/// A JSON text that could not be read: where, what kind, and the reader's
/// own detail (English) kept for the curious.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonProblem {
    pub kind: JsonKind,
    pub line: usize,
    pub column: usize,
    /// The reader's detail, without its position.
    pub detail: String,
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

/// The steps of a commit and of a checkpoint, in order (`storage::faults`
/// crashes a test's commit at one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Locked,
    Read,
    Checked,
    /// Only half the journal line was written (a torn line).
    Torn,
    Appended,
    JournalSynced,
    Unlocked,
    CheckpointLocked,
    CheckpointRead,
    TempWritten,
    TempSynced,
    Renamed,
    FolderSynced,
    CheckpointUnlocked,
}

impl Step {
    /// Every step of a commit, in order (`Torn` excluded: it replaces
    /// `Appended`).
    pub const SEQUENCE: [Step; 6] = [
        Step::Locked,
        Step::Read,
        Step::Checked,
        Step::Appended,
        Step::JournalSynced,
        Step::Unlocked,
    ];

    /// Every step of a checkpoint, in order.
    pub const CHECKPOINT: [Step; 7] = [
        Step::CheckpointLocked,
        Step::CheckpointRead,
        Step::TempWritten,
        Step::TempSynced,
        Step::Renamed,
        Step::FolderSynced,
        Step::CheckpointUnlocked,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Step::Locked => "locked",
            Step::Read => "read",
            Step::Checked => "checked",
            Step::Torn => "torn",
            Step::Appended => "appended",
            Step::JournalSynced => "journal-synced",
            Step::Unlocked => "unlocked",
            Step::CheckpointLocked => "checkpoint-locked",
            Step::CheckpointRead => "checkpoint-read",
            Step::TempWritten => "temp-written",
            Step::TempSynced => "temp-synced",
            Step::Renamed => "renamed",
            Step::FolderSynced => "folder-synced",
            Step::CheckpointUnlocked => "checkpoint-unlocked",
        }
    }

    pub fn parse(text: &str) -> Option<Step> {
        Step::SEQUENCE
            .into_iter()
            .chain(Step::CHECKPOINT)
            .chain([Step::Torn])
            .find(|s| s.name() == text.trim())
    }

    /// Whether a commit stopped right after this step has saved its change
    /// (its journal line is complete and synced). A checkpoint's steps
    /// come after a commit's journal sync.
    pub fn saved(self) -> bool {
        !matches!(
            self,
            Step::Locked | Step::Read | Step::Checked | Step::Torn | Step::Appended
        )
    }
}
