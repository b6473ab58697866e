//! Spreadsheets in and out: teams, jurors and criteria for `new` and
//! `roster`, scores for `scores import` and `scores export`.
//!
//! Every problem is one line naming the file and the line
//! (`teams.csv:7: column "org" is empty`), in the language asked for; at
//! most 20 lines, then a count. Inputs are read a row at a time, in any
//! encoding [`decode`] knows, from regular files only.

pub mod decode;
pub mod export;
pub mod problems;
pub mod reader;
pub mod roster;
pub mod scores;

use std::cell::Cell;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::rc::Rc;

use encoding_rs::{Encoding, WINDOWS_1252};

use crate::domain::{Change, Criterion, Juror, Lang, Session, Team};
use crate::words::import as words;

pub use crate::words::import::Counts;
pub use problems::{Problems, Rejected};

/// How a file is named in messages: as the user wrote its path.
pub fn name(path: &Path) -> String {
    path.display().to_string()
}

/// An input spreadsheet, open: its text decoded as it is read.
pub struct Input {
    pub name: String,
    pub encoding: &'static Encoding,
    /// The file's size in bytes.
    pub len: u64,
    text: BufReader<decode::Decoded<File>>,
    /// How many of the file's bytes have been read.
    read: Rc<Cell<u64>>,
}

impl Input {
    /// Open a spreadsheet: a regular file only (a FIFO is refused at
    /// once), its encoding found ([`decode::sniff`]).
    pub fn open(path: &Path, lang: Lang) -> Result<Input, Rejected> {
        let name = name(path);
        let refuse = |err: std::io::Error| Rejected::one(words::cannot_read(&name, &err, lang));
        let mut file = crate::storage::regular::open(path).map_err(refuse)?;
        let len = file.metadata().map_err(refuse)?.len();
        let encoding = match decode::sniff(&mut file).map_err(refuse)? {
            decode::Sniffed::Text(encoding) => encoding,
            decode::Sniffed::Binary => return Err(Rejected::one(words::not_text(&name, lang))),
        };
        let read = Rc::new(Cell::new(0));
        let decoded = decode::Decoded::new(file, encoding, read.clone());
        Ok(Input {
            name,
            encoding,
            len,
            text: BufReader::with_capacity(1 << 16, decoded),
            read,
        })
    }

    /// What to say on standard error about the file's encoding: a file
    /// that was not UTF-8 and was read as Windows-1252.
    pub fn notice(&self, lang: Lang) -> Option<String> {
        (self.encoding == WINDOWS_1252).then(|| words::windows_1252(&self.name, lang))
    }
}

/// Read a spreadsheet with one of the `roster` readers; the encoding
/// notice, if any, is said on standard error.
fn read_with<T>(
    path: &Path,
    lang: Lang,
    parse: fn(&mut dyn std::io::BufRead, &mut Problems) -> Option<T>,
) -> Result<T, Rejected> {
    let mut input = Input::open(path, lang)?;
    say_notice(&input, lang);
    let mut problems = Problems::new(input.name.clone(), lang);
    match parse(&mut input.text, &mut problems) {
        Some(found) if problems.is_empty() => Ok(found),
        _ => Err(problems.rejected()),
    }
}

/// The encoding notice of an input on standard error (one line).
pub fn say_notice(input: &Input, lang: Lang) {
    if let Some(notice) = input.notice(lang) {
        eprintln!("podium: {}", crate::words::for_terminal(&notice));
    }
}

pub fn read_teams(path: &Path, lang: Lang) -> Result<Vec<Team>, Rejected> {
    read_with(path, lang, |text, p| roster::teams(text, p))
}

pub fn read_jurors(path: &Path, lang: Lang) -> Result<Vec<Juror>, Rejected> {
    read_with(path, lang, |text, p| roster::jurors(text, p))
}

pub fn read_criteria(path: &Path, lang: Lang) -> Result<Vec<Criterion>, Rejected> {
    read_with(path, lang, |text, p| roster::criteria(text, p))
}

/// scores.csv, open, as one change to `session` (`None` if nothing would
/// change), or its problems. `progress` is told, every few thousand
/// rows, the line reached and the share of the file read.
pub fn import_scores(
    session: &Session,
    input: &mut Input,
    lang: Lang,
    progress: &mut dyn FnMut(u64, u8),
) -> Result<(Option<Change>, Counts), Rejected> {
    let (read, len) = (input.read.clone(), input.len.max(1));
    let mut tell = |line: u64| {
        if line.is_multiple_of(4096) {
            let share = read.get().saturating_mul(100) / len;
            progress(line, share.min(100) as u8);
        }
    };
    scores::import(session, &input.name, &mut input.text, lang, &mut tell)
}

/// Whether `out` is one of the files of the session `session` (an export
/// must never overwrite them).
pub fn is_session_file(session: &Path, out: &Path) -> bool {
    let Ok(out) = out.canonicalize() else {
        return false;
    };
    let files = super::Files::new(session);
    [files.state, files.journal, files.lock, files.torn]
        .iter()
        .any(|p| p.canonicalize().ok().as_ref() == Some(&out))
}

#[cfg(test)]
pub(crate) mod tests;
