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
mod tests {
    use super::*;
    use crate::domain::{Event, Lang, Settings};

    fn session() -> Session {
        Session::new("s", Event::default(), Settings::default())
    }

    fn with_format(format: serde_json::Value) -> Vec<u8> {
        let mut value = serde_json::to_value(session()).unwrap();
        value["format"] = format;
        serde_json::to_vec(&value).unwrap()
    }

    #[test]
    fn the_current_format_reads_back() {
        let s = session();
        let none = Marks::default();
        assert_eq!(decode(Path::new("f.json"), &encode(&s, none)).unwrap(), s);
        let digest = "ab".repeat(32);
        let bytes = encode(&s, Marks::new(&digest, None));
        assert_eq!(decode(Path::new("f.json"), &bytes).unwrap(), s);
        assert_eq!(marks_of(&bytes), (Some(digest.clone()), None));
        // Another writer's field order: still found.
        let mut value = serde_json::to_value(&s).unwrap();
        value["journal_digest"] = digest.clone().into();
        assert_eq!(
            marks_of(&serde_json::to_vec(&value).unwrap()),
            (Some(digest.clone()), None)
        );
        assert_eq!(marks_of(&encode(&s, none)), (None, None));
        // Where the line lies, beside the digest.
        let line = Span {
            start: 12,
            end: 66_034_539,
        };
        let bytes = encode(&s, Marks::new(&digest, Some(line)));
        assert_eq!(decode(Path::new("f.json"), &bytes).unwrap(), s);
        assert_eq!(marks_of(&bytes), (Some(digest.clone()), Some(line)));
        let text = String::from_utf8_lossy(&bytes);
        let top = format!(
            "{{\n  \"journal_digest\": \"{digest}\",\n  \"journal_line\": {{\n    \"start\": 12,\n    \"end\": 66034539\n  }},\n  \"format\": 1,"
        );
        assert!(text.starts_with(&top), "{text}");
        value["journal_line"] = serde_json::json!({"end": 9, "start": 3});
        assert_eq!(
            marks_of(&serde_json::to_vec(&value).unwrap()),
            (Some(digest.clone()), Some(Span { start: 3, end: 9 }))
        );
        for junk in [
            serde_json::json!("3-9"),
            serde_json::json!({"start": -1, "end": 9}),
        ] {
            value["journal_line"] = junk;
            let bytes = serde_json::to_vec(&value).unwrap();
            assert_eq!(marks_of(&bytes), (Some(digest.clone()), None));
        }
        // A revision still read from the first bytes.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.json");
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(revision_of(&path), Some(s.revision));
        let read = read(&path).unwrap().unwrap();
        assert_eq!((read.digest, read.line), (Some(digest), Some(line)));
    }

    #[test]
    fn a_newer_format_is_refused_even_when_it_parses() {
        for bytes in [
            with_format(99.into()),
            br#"{"format": 2, "new": true}"#.to_vec(),
        ] {
            let err = decode(Path::new("f.json"), &bytes).unwrap_err();
            assert!(
                matches!(
                    err,
                    StoreError::NewerFormat {
                        supported: FORMAT,
                        ..
                    }
                ),
                "{err:?}"
            );
        }
    }

    #[test]
    fn an_unknown_older_format_says_so() {
        let err = decode(Path::new("f.json"), &with_format(0.into())).unwrap_err();
        assert!(err.message(Lang::En).contains("unknown format 0"), "{err}");
    }

    #[test]
    fn not_a_session_names_the_position() {
        let err = decode(Path::new("f.json"), b"{\n  \"format\": 1,\n  \"id\": 3\n}").unwrap_err();
        match err {
            StoreError::BadState { line, .. } => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
        let err = decode(Path::new("f.json"), b"[1, 2").unwrap_err();
        assert!(err.message(Lang::Fr).starts_with("f.json:1:"), "{err}");
    }

    #[test]
    fn migrations_run_in_order_up_to_the_current_format() {
        let value = serde_json::to_value(session()).unwrap();
        assert_eq!(migrate(value.clone(), FORMAT).unwrap(), value);
        assert!(migrate(value, 0).is_err());
    }

    /// The fixture forum with values, a mark and a paper total.
    fn scored() -> Session {
        use crate::domain::fixture::{mark, put, put3};
        let mut s = crate::domain::fixture::session();
        put3(&mut s, "T02", "J1", "4", "2.5", "3");
        put3(&mut s, "T01", "J2", "1", "0", "5");
        put(&mut s, "T03", "J1", &[("impact", "2")]);
        mark(&mut s, "T04", "J3", crate::domain::Mark::Absent);
        let paper = s.sheets.values_mut().next().unwrap();
        paper.handwritten = Some(crate::domain::Dec::int(12));
        s
    }

    #[test]
    fn a_state_file_reads_back_and_writes_the_same_bytes() {
        let shipped = crate::commands::demo::STATE.as_bytes();
        let session = decode(Path::new("f.json"), shipped).unwrap();
        let (digest, line) = marks_of(shipped);
        let marks = Marks {
            digest: digest.as_deref(),
            line,
        };
        assert_eq!(encode(&session, marks), shipped);
        // Values, marks and paper totals.
        let scored = scored();
        let bytes = encode(&scored, marks);
        let text = String::from_utf8_lossy(&bytes);
        let sheet = "\"team\": \"T02\",\n      \"juror\": \"J1\",\n      \"values\": {\n        \"equipe\": 3,\n        \"faisabilite\": 2.5,\n        \"impact\": 4\n      }\n";
        assert!(text.contains(sheet), "{text}");
        let back = decode(Path::new("f.json"), &bytes).unwrap();
        assert_eq!(back, scored);
        assert_eq!(encode(&back, marks), bytes);
    }

    #[test]
    fn a_state_file_gives_serde_s_session_or_serde_s_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("forum.json");
        assert!(read(&path).unwrap().is_none());
        let digest = "cd".repeat(32);
        let line = Span { start: 7, end: 99 };
        let good = encode(&scored(), Marks::new(&digest, Some(line)));
        fs::write(&path, &good).unwrap();
        let checkpoint = read(&path).unwrap().unwrap();
        assert_eq!(checkpoint.session, scored());
        assert_eq!(
            (checkpoint.digest, checkpoint.line),
            (Some(digest), Some(line))
        );
        // A value spoilt in the sheets: serde's refusal, at its place.
        let text = String::from_utf8(good).unwrap();
        let bad = text.replacen("\"equipe\": 3", "\"equipe\": 3x", 1);
        assert_ne!(bad, text);
        fs::write(&path, &bad).unwrap();
        let serde = serde_json::from_str::<Session>(&bad).unwrap_err();
        match read(&path) {
            Err(StoreError::BadState { line, column, .. }) => {
                assert_eq!((line, column), (serde.line(), serde.column()));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn ids_read_from_a_state_file_share_one_string_each() {
        let session = decode(Path::new("f.json"), &encode(&scored(), Marks::default())).unwrap();
        let team = |id: &str| &session.teams.iter().find(|t| t.id == id).unwrap().id;
        let juror = |id: &str| &session.jurors.iter().find(|j| j.id == id).unwrap().id;
        let criterion = |id: &str| &session.criteria.iter().find(|c| c.id == id).unwrap().id;
        let mut values = 0;
        for (key, sheet) in &session.sheets {
            assert!(key.team.shares(team(&key.team)), "{key:?}");
            assert!(key.juror.shares(juror(&key.juror)), "{key:?}");
            for (c, _) in &sheet.values {
                assert!(c.shares(criterion(c)), "{c}");
                values += 1;
            }
        }
        assert!(values > 0);
        for slot in &session.schedule {
            if let Some(id) = slot.team() {
                assert!(id.shares(team(id)));
            }
        }
    }
}
