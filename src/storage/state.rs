//! The state file: the whole session as JSON, replaced atomically.
//!
//! Reading checks the `format` number: a newer format is refused, an older
//! one goes through [`migrate`] (one step per format) before being read.
//! Writing goes to a temporary file in the same folder, synced, renamed
//! over the state file, then the folder is synced (where the platform can).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::{FORMAT, Session};

use super::error::{Action, StoreError, writing};
use super::faults::{self, Step};
use super::journal::Span;
use crate::words::files::{JsonKind, JsonProblem};

/// The permissions of every file holding session data (state, journal,
/// torn lines, temporary states): owner read and write only (Unix).
#[cfg(unix)]
pub const OWNER_ONLY: u32 = 0o600;

/// Options that create a file with [`OWNER_ONLY`] permissions (Unix; other
/// platforms keep their defaults).
pub fn owner_only(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, OWNER_ONLY);
    options
}

/// A state file read: the session at its revision, the digest of the
/// journal line at that revision (`None` in files written before the
/// journal was a hash chain), and where that line lies (`None` in files
/// written before Podium recorded it).
#[derive(Clone, Debug)]
pub struct Checkpoint {
    pub session: Session,
    pub digest: Option<String>,
    pub line: Option<Span>,
}

/// Read the state file; `None` when it does not exist. The session is
/// deserialised straight from the bytes (no general JSON tree first); a
/// big session's sheets are read by `fast_sheets` through a small buffer,
/// the file never held whole.
pub fn read(path: &Path) -> Result<Option<Checkpoint>, StoreError> {
    let file = match super::regular::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(path, Action::Read, e)),
    };
    let failed = |e| StoreError::io(path, Action::Read, e);
    crate::domain::id::sharing(|| {
        if let Some(fast) = super::fast_sheets::read(&file, FORMAT, MARKS_HEAD).map_err(failed)? {
            let (digest, line) = marks_in(&fast.first, &fast.rest);
            return Ok(Some(Checkpoint {
                digest,
                line,
                session: fast.session,
            }));
        }
        // Not in the shape the fast reader reads: the whole file, the
        // general way (which reports what is wrong with it).
        let len = file.metadata().map_or(0, |m| m.len());
        let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
        let mut file = &file;
        io::Seek::seek(&mut file, io::SeekFrom::Start(0))
            .and_then(|_| io::Read::read_to_end(&mut file, &mut bytes))
            .map_err(failed)?;
        let (digest, line) = marks_of(&bytes);
        Ok(Some(Checkpoint {
            digest,
            line,
            session: decode_general(path, &bytes)?,
        }))
    })
}

/// The state file's revision, read from its first bytes (where Podium
/// writes it); `None` when missing or not found there.
pub fn revision_of(path: &Path) -> Option<u64> {
    use std::io::Read;
    let mut head = [0u8; 512];
    let mut file = super::regular::open(path).ok()?;
    let mut len = 0;
    while len < head.len() {
        match file.read(&mut head[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(_) => return None,
        }
    }
    let text = String::from_utf8_lossy(&head[..len]);
    let rest = &text[text.find("\"revision\": ")? + 12..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The field holding the digest of the journal line at the state's revision.
const DIGEST_FIELD: &str = "journal_digest";
/// The field holding where that line lies ([`Span`]).
const LINE_FIELD: &str = "journal_line";

/// The first bytes of a state file, where Podium writes `journal_digest`
/// and `journal_line`.
const MARKS_HEAD: usize = 512;

/// `journal_digest` and `journal_line`, read from the first bytes where
/// Podium writes them, else by a pass that skips every other field without
/// keeping it.
fn marks_of(bytes: &[u8]) -> (Option<String>, Option<Span>) {
    marks_in(&bytes[..bytes.len().min(MARKS_HEAD)], bytes)
}

/// The marks from a state file's first [`MARKS_HEAD`] bytes, else from
/// `whole`: the file, or its bytes with any list standing for the one
/// there (the fields are top-level; every other one is skipped).
fn marks_in(head: &[u8], whole: &[u8]) -> (Option<String>, Option<Span>) {
    let text = String::from_utf8_lossy(head);
    let quoted = format!("\"{DIGEST_FIELD}\": \"");
    if let Some(at) = text.find(&quoted) {
        let rest = &text[at + quoted.len()..];
        let hex: String = rest.chars().take_while(char::is_ascii_hexdigit).collect();
        if hex.len() == 64 && rest[64..].starts_with('"') {
            return (Some(hex), line_in(&rest[64..]));
        }
    }
    #[derive(Deserialize)]
    struct MarksOnly {
        journal_digest: Option<String>,
        // Any value: one that is not a span is no record, and never costs
        // the digest.
        journal_line: Option<Value>,
    }
    serde_json::from_slice::<MarksOnly>(whole)
        .ok()
        .map_or((None, None), |m| {
            let line = m.journal_line.and_then(|v| serde_json::from_value(v).ok());
            (m.journal_digest, line)
        })
}

/// `journal_line` where Podium writes it, right after `journal_digest`
/// (`text` starts at the digest's closing quote).
fn line_in(text: &str) -> Option<Span> {
    let quoted = format!("\"{LINE_FIELD}\": ");
    let rest = text
        .strip_prefix("\",")?
        .trim_start()
        .strip_prefix(&quoted)?;
    let object = &rest[..=rest.find('}')?];
    serde_json::from_str(object).ok()
}

#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

/// A session from the bytes of a state file, its ids read as shared
/// strings (one allocation per distinct id), as [`read`] reads the file.
#[cfg(test)]
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Session, StoreError> {
    crate::domain::id::sharing(|| decode_shared(path, bytes))
}

#[cfg(test)]
fn decode_shared(path: &Path, bytes: &[u8]) -> Result<Session, StoreError> {
    // The sheets of a big session, read by a scanner of the shape Podium
    // writes (anything else is read the general way).
    match super::fast_sheets::decode(bytes, FORMAT) {
        Some(session) => Ok(session),
        None => decode_general(path, bytes),
    }
}

/// A session from the bytes of a state file, read by serde.
fn decode_general(path: &Path, bytes: &[u8]) -> Result<Session, StoreError> {
    let newer = |found| StoreError::NewerFormat {
        path: path.to_path_buf(),
        found,
        supported: FORMAT,
    };
    let bad = |e: serde_json::Error| StoreError::BadState {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        problem: JsonProblem::from_serde(&e),
    };
    let first = match serde_json::from_slice::<Session>(bytes) {
        Ok(session) if session.format == FORMAT => return Ok(session),
        Ok(session) if session.format > FORMAT => return Err(newer(session.format)),
        Ok(_) => None,
        Err(e) => Some(e),
    };
    // Not the current format (or not a session): look at `format` alone.
    let format = match serde_json::from_slice::<FormatOnly>(bytes) {
        Ok(f) => f.format,
        Err(e) => return Err(bad(first.unwrap_or(e))),
    };
    if format > FORMAT {
        return Err(newer(format));
    }
    if format == FORMAT {
        // The current format, but not a valid session.
        return Err(bad(
            first.expect("a current-format session that failed to parse")
        ));
    }
    let value: Value = serde_json::from_slice(bytes).map_err(bad)?;
    let migrated = migrate(value, format).map_err(|detail| StoreError::BadState {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        problem: JsonProblem {
            kind: JsonKind::Other,
            line: 1,
            column: 1,
            detail,
        },
    })?;
    serde_json::from_value::<Session>(migrated).map_err(bad)
}

/// One step of migration: rewrites a state of format `n` (its index + 1)
/// as format `n + 1`.
type Migration = fn(Value) -> Result<Value, String>;

/// The migrations, oldest first: `MIGRATIONS[0]` brings format 1 to 2, and
/// so on. Format 1 is the first, so there are none yet. When format 2
/// arrives, add `from_1_to_2` here (rewriting the JSON value and setting
/// `format`) and a test that reads a hand-written format-1 file.
const MIGRATIONS: &[Migration] = &[];

/// Bring a state written in an older `format` up to [`FORMAT`].
pub fn migrate(mut value: Value, format: u32) -> Result<Value, String> {
    for from in format..FORMAT {
        let step = from
            .checked_sub(1)
            .and_then(|i| MIGRATIONS.get(i as usize))
            .ok_or_else(|| format!("unknown format {from}"))?;
        value = step(value)?;
    }
    Ok(value)
}

/// What a state file holds: `journal_digest` and `journal_line` (when
/// known) first, then the session's own fields.
#[derive(Serialize)]
struct Written<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    journal_digest: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    journal_line: Option<Span>,
    #[serde(flatten)]
    session: &'a Session,
}

/// What a checkpoint records of the journal line at its revision: its
/// digest, and where it lies (readers then read only the lines after it).
#[derive(Clone, Copy, Debug, Default)]
pub struct Marks<'a> {
    pub digest: Option<&'a str>,
    pub line: Option<Span>,
}

impl<'a> Marks<'a> {
    pub fn new(digest: &'a str, line: Option<Span>) -> Marks<'a> {
        Marks {
            digest: Some(digest),
            line,
        }
    }
}

/// Write a state file's bytes to `out`: pretty JSON, human-readable.
fn encode_to(out: &mut impl Write, session: &Session, marks: Marks) -> io::Result<()> {
    let written = Written {
        journal_digest: marks.digest,
        journal_line: marks.line,
        session,
    };
    serde_json::to_writer_pretty(&mut *out, &written)?;
    out.write_all(b"\n")
}

/// The bytes of a state file.
#[cfg(test)]
pub fn encode(session: &Session, marks: Marks) -> Vec<u8> {
    let mut bytes = Vec::new();
    encode_to(&mut bytes, session, marks).expect("a session always serialises to JSON");
    bytes
}

/// The folder holding `path` ("." for a bare file name).
pub fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The prefix and suffix of temporary state files beside `path`.
pub fn temp_affixes(path: &Path) -> (String, &'static str) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (format!(".{name}."), ".tmp")
}

/// Sync a folder so a rename or a new file in it is durable (Unix only:
/// other platforms cannot open a folder for syncing).
pub fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
    }
    Ok(())
}

/// Replace the state file atomically (a checkpoint), with the digest of
/// the journal line at the session's revision and where it lies. The steps
/// `temp-written`, `temp-synced`, `renamed` and `folder-synced` are passed
/// to the test switches.
pub fn write(path: &Path, session: &Session, marks: Marks) -> Result<(), StoreError> {
    let temp = write_temp(path, session, marks)?;
    install(temp, path)
}

/// A checkpoint's first half: the state written to a temporary file in
/// the same folder and synced (steps `temp-written`, `temp-synced`).
/// Nothing is replaced yet; a writer may do this without the lock and
/// [`install`] the file under it.
pub fn write_temp(
    path: &Path,
    session: &Session,
    marks: Marks,
) -> Result<tempfile::NamedTempFile, StoreError> {
    let reached = faults::reached;
    let dir = folder(path);
    let (prefix, suffix) = temp_affixes(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(suffix);
    // Jury data: owner read and write only, like the journal.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(OWNER_ONLY));
    let mut temp = builder.tempfile_in(dir).map_err(writing(dir))?;
    let temp_path = temp.path().to_path_buf();
    {
        let mut out = io::BufWriter::with_capacity(1 << 16, temp.as_file_mut());
        encode_to(&mut out, session, marks)
            .and_then(|()| out.flush())
            .map_err(writing(&temp_path))?;
    }
    // A simulated crash leaves the temporary file behind, as a real one would.
    let keep = |temp: tempfile::NamedTempFile, e: StoreError| {
        let _ = temp.keep();
        e
    };
    if let Err(e) = reached(Step::TempWritten) {
        return Err(keep(temp, e));
    }
    temp.as_file().sync_all().map_err(writing(temp.path()))?;
    if let Err(e) = reached(Step::TempSynced) {
        return Err(keep(temp, e));
    }
    Ok(temp)
}

/// A checkpoint's second half, with the lock held: the synced temporary
/// file renamed over the state file, the folder synced (steps `renamed`,
/// `folder-synced`).
pub fn install(temp: tempfile::NamedTempFile, path: &Path) -> Result<(), StoreError> {
    temp.persist(path)
        .map_err(|e| StoreError::io(path, Action::Write, e.error))?;
    faults::reached(Step::Renamed)?;
    let dir = folder(path);
    sync_folder(dir).map_err(writing(dir))?;
    faults::reached(Step::FolderSynced)?;
    Ok(())
}

/// Remove temporary state files a crash left beside `path`. Only called
/// with the lock held: no other writer can be writing one then.
pub fn remove_stale_temps(path: &Path) {
    let (prefix, suffix) = temp_affixes(path);
    let Ok(entries) = fs::read_dir(folder(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(suffix) && name.len() > prefix.len() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
