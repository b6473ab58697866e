//! Spreadsheets in and out: teams, jurors and criteria for `new`, scores
//! for `scores import` and `scores export`.
//!
//! Every problem is one line naming the file and the line
//! (`teams.csv:7: column "org" is empty`), in the language asked for.

pub mod export;
pub mod reader;
pub mod roster;
pub mod scores;

use std::path::Path;

use crate::domain::{Change, Criterion, Juror, Lang, Session, Team};

pub use reader::Problems;
pub use scores::Summary;

/// How a file is named in messages: as the user wrote its path.
pub fn name(path: &Path) -> String {
    path.display().to_string()
}

/// The bytes of a file, or the one line saying why it cannot be read.
pub fn read_bytes(path: &Path, lang: Lang) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|err| match lang {
        Lang::Fr => format!(
            "{}: lecture impossible ({})",
            name(path),
            super::io_words(&err, lang)
        ),
        Lang::En => format!(
            "{}: cannot read ({})",
            name(path),
            super::io_words(&err, lang)
        ),
    })
}

/// Read a spreadsheet with one of the `roster` readers.
fn read_with<T>(
    path: &Path,
    lang: Lang,
    parse: fn(&[u8], &mut Problems) -> Option<T>,
) -> Result<T, Vec<String>> {
    let bytes = read_bytes(path, lang).map_err(|line| vec![line])?;
    let mut problems = Problems::new(name(path), lang);
    match parse(&bytes, &mut problems) {
        Some(found) if problems.is_empty() => Ok(found),
        _ => Err(problems.lines()),
    }
}

pub fn read_teams(path: &Path, lang: Lang) -> Result<Vec<Team>, Vec<String>> {
    read_with(path, lang, roster::teams)
}

pub fn read_jurors(path: &Path, lang: Lang) -> Result<Vec<Juror>, Vec<String>> {
    read_with(path, lang, roster::jurors)
}

pub fn read_criteria(path: &Path, lang: Lang) -> Result<Vec<Criterion>, Vec<String>> {
    read_with(path, lang, roster::criteria)
}

/// scores.csv as one change to `session` (`None` if nothing would change),
/// or every problem found.
pub fn import_scores(
    session: &Session,
    path: &Path,
    lang: Lang,
) -> Result<(Option<Change>, Summary), Vec<String>> {
    let bytes = read_bytes(path, lang).map_err(|line| vec![line])?;
    scores::import(session, &name(path), &bytes, lang)
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
mod tests;
