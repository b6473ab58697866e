//! The archive (`podium archive`): the session, its journal, the results
//! under every method, the page, the minutes and a manifest with the
//! journal digest and every file's SHA-256, in one zip built in memory.

use std::io::{Cursor, Write};

use chrono::{Datelike, NaiveDateTime, Timelike};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::Context;

/// One file of the archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Entry {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Entry {
        Entry {
            name: name.into(),
            bytes: bytes.into(),
        }
    }
}

/// The manifest: what the archive is, the journal digest, each file's
/// SHA-256 (`sha256` gives it, lowercase hex).
pub fn manifest(
    cx: &Context,
    entries: &[Entry],
    made: &str,
    sha256: fn(&[u8]) -> String,
) -> String {
    let session = cx.session;
    let mut out = String::new();
    out.push_str(&format!("podium archive\ntitle: {}\n", session.event.title));
    out.push_str(&format!(
        "session: {}\nrevision: {}\n",
        session.id, session.revision
    ));
    out.push_str(&format!("journal digest: {}\n", cx.digest.unwrap_or("-")));
    out.push_str(&format!(
        "made: {made} (UTC{})\n\nsha256  file\n",
        cx.offset
    ));
    for e in entries {
        out.push_str(&format!("{}  {}\n", sha256(&e.bytes), e.name));
    }
    out
}

/// The zip's bytes: every entry deflated, dated `at` (local time), readable
/// by the owner only once unpacked.
pub fn zip(entries: &[Entry], at: NaiveDateTime) -> zip::result::ZipResult<Vec<u8>> {
    let stamp = DateTime::from_date_and_time(
        u16::try_from(at.year()).unwrap_or(1980),
        at.month() as u8,
        at.day() as u8,
        at.hour() as u8,
        at.minute() as u8,
        at.second() as u8,
    )
    .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o600);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for e in entries {
        writer.start_file(e.name.as_str(), options)?;
        writer.write_all(&e.bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}
