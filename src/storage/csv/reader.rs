//! Reading a spreadsheet as organisers really have it, one row at a time
//! (memory bounded by a row, never by the file): `,` or `;` (detected
//! from the header), quoted fields (a quoted field may hold the separator,
//! `""` and line breaks), a header row with columns in any order,
//! surrounding spaces trimmed, blank rows skipped, unknown columns
//! ignored. The text comes decoded already ([`super::decode`]); a byte
//! order mark left at its start is skipped.
//!
//! Line numbers are the file's own (a quoted line break counts), so every
//! problem names the line an organiser sees in an editor.

use std::io::BufRead;

use crate::words::import::{Reading, reading};

pub use super::problems::Problems;
use super::problems::shown;

/// The longest row read (a longer one is refused, and a quote still open
/// after this many bytes ends the reading).
pub const MAX_ROW: usize = 4 << 20;

/// A column the reader looks for: its name, other accepted header names
/// (French spreadsheets often say `nom`, `équipe`...), names taken only
/// when no other column is this one (`fallback`), and whether the file
/// must have it.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub fallback: &'static [&'static str],
    pub required: bool,
}

impl Column {
    pub const fn required(name: &'static str, aliases: &'static [&'static str]) -> Column {
        Column {
            name,
            aliases,
            fallback: &[],
            required: true,
        }
    }

    pub const fn optional(name: &'static str, aliases: &'static [&'static str]) -> Column {
        Column {
            name,
            aliases,
            fallback: &[],
            required: false,
        }
    }

    /// Header names taken for this column only when the header has no
    /// column of its name or aliases (`note` is the value of scores.csv
    /// only when no `value` column is there).
    pub const fn or_else(self, fallback: &'static [&'static str]) -> Column {
        Column { fallback, ..self }
    }

    fn matches(&self, header: &str) -> bool {
        self.name == header || self.aliases.contains(&header)
    }
}

/// One data row: its line in the file and its fields (the last row read;
/// the reader reuses it).
#[derive(Clone, Debug, Default)]
pub struct Row {
    pub line: u64,
    /// The fields' text, one after the other.
    text: String,
    /// Where each field of the record is in `text`.
    spans: Vec<(usize, usize)>,
    /// Where each known column is among the fields.
    places: Vec<(&'static str, usize)>,
}

impl Row {
    /// The field of a column, trimmed, less the `'` our CSV outputs put
    /// before a text that starts like a formula (`words::for_spreadsheet`);
    /// empty when the column or the field is missing.
    pub fn get(&self, column: &str) -> &str {
        self.places
            .iter()
            .find(|(name, _)| *name == column)
            .map_or("", |&(_, i)| self.field(i))
    }

    fn field(&self, i: usize) -> &str {
        self.spans.get(i).map_or("", |&(a, b)| {
            crate::words::from_spreadsheet(self.text[a..b].trim())
        })
    }

    fn is_blank(&self) -> bool {
        (0..self.spans.len()).all(|i| self.field(i).is_empty())
    }
}

/// The separator of a header line: `;` when it has more semicolons than
/// commas outside quotes, `,` otherwise.
pub fn detect_delimiter(line: &[u8]) -> u8 {
    let (mut semicolons, mut commas, mut quoted) = (0, 0, false);
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b';' if !quoted => semicolons += 1,
            b',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// Where the parser is within a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// At a field's start (spaces may come before an opening quote).
    Start,
    Unquoted,
    Quoted,
    /// After a closing quote (anything more is kept, as the csv crate does).
    AfterQuote,
}

/// How a record's reading ended.
#[derive(Debug, PartialEq, Eq)]
enum Record {
    Read,
    /// Longer than [`MAX_ROW`] (the rest of its line was skipped);
    /// `quoted`: cut inside a quoted field, so where the next row starts
    /// cannot be known.
    TooLong {
        quoted: bool,
    },
    /// A quote opened on `row.line` and never closed.
    Unclosed,
    End,
}

/// The lines of the text, a record at a time.
struct Lines<R> {
    input: R,
    /// The number of the last line read.
    line: u64,
    buf: Vec<u8>,
}

impl<R: BufRead> Lines<R> {
    /// The next line into `buf` (without its line break), at most `cap`
    /// bytes kept; `None` at the end. `Some(false)`: cut at `cap`.
    fn next(&mut self, cap: usize) -> std::io::Result<Option<bool>> {
        self.buf.clear();
        let mut any = false;
        let mut whole = true;
        loop {
            let available = self.input.fill_buf()?;
            if available.is_empty() {
                break;
            }
            any = true;
            let (part, found) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (&available[..i], true),
                None => (available, false),
            };
            let room = cap.saturating_sub(self.buf.len());
            if part.len() > room {
                whole = false;
            }
            self.buf.extend_from_slice(&part[..part.len().min(room)]);
            let used = part.len() + usize::from(found);
            self.input.consume(used);
            if found {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.line += 1;
        if self.line == 1 && self.buf.starts_with(b"\xEF\xBB\xBF") {
            self.buf.drain(..3);
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        Ok(Some(whole))
    }

    /// Read the next record into `row` (its fields split on `delimiter`).
    fn record(&mut self, delimiter: u8, row: &mut Row) -> std::io::Result<Record> {
        let mut bytes: Vec<u8> = Vec::new();
        row.spans.clear();
        let mut state = State::Start;
        let mut field_start = 0;
        let mut first = true;
        loop {
            let cap = MAX_ROW.saturating_sub(bytes.len());
            let Some(whole) = self.next(cap)? else {
                return Ok(if first { Record::End } else { Record::Unclosed });
            };
            if first {
                row.line = self.line;
                first = false;
            } else {
                bytes.push(b'\n');
            }
            let line = std::mem::take(&mut self.buf);
            let mut i = 0;
            while i < line.len() {
                let b = line[i];
                match (state, b) {
                    (State::Quoted, b'"') if line.get(i + 1) == Some(&b'"') => {
                        bytes.push(b'"');
                        i += 1;
                    }
                    (State::Quoted, b'"') => state = State::AfterQuote,
                    (State::Quoted, _) => bytes.push(b),
                    (State::Start, b'"') => {
                        bytes.truncate(field_start);
                        state = State::Quoted;
                    }
                    (_, b) if b == delimiter => {
                        row.spans.push((field_start, bytes.len()));
                        field_start = bytes.len();
                        state = State::Start;
                    }
                    (State::Start, b' ' | b'\t') => bytes.push(b),
                    (State::Start, _) => {
                        bytes.push(b);
                        state = State::Unquoted;
                    }
                    (_, _) => bytes.push(b),
                }
                i += 1;
            }
            self.buf = line;
            if !whole {
                let quoted = state == State::Quoted;
                return Ok(Record::TooLong { quoted });
            }
            if state != State::Quoted {
                row.spans.push((field_start, bytes.len()));
                break;
            }
        }
        // The text came decoded as UTF-8 and is split only at ASCII bytes.
        row.text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        Ok(Record::Read)
    }
}

/// Read a spreadsheet from its decoded text, handing each data row to
/// `each` in file order. Problems (no header, a missing or repeated
/// column, a row with too many fields, an unclosed quote) go to
/// `problems`; returns `false` when no row could be read (no header, or
/// a missing column).
pub fn each_row<R: BufRead>(
    input: R,
    columns: &[Column],
    problems: &mut Problems,
    mut each: impl FnMut(&Row, &mut Problems),
) -> bool {
    let mut lines = Lines {
        input,
        line: 0,
        buf: Vec::new(),
    };
    let mut row = Row::default();
    let mut delimiter = None;
    let mut width = 0;
    loop {
        let sep = match delimiter {
            Some(sep) => sep,
            None => {
                // The header's separator, from its first line.
                match peek_header(&mut lines, problems) {
                    Some(sep) => sep,
                    None => break,
                }
            }
        };
        let read = match lines.record(sep, &mut row) {
            Ok(read) => read,
            Err(err) => {
                let line = lines.line + 1;
                say(problems, line, Reading::CannotRead(&err));
                return false;
            }
        };
        match read {
            Record::End => break,
            Record::TooLong { quoted: false } => {
                say(problems, row.line, Reading::TooLong { mib: MAX_ROW >> 20 });
                continue;
            }
            Record::TooLong { quoted: true } => {
                say(
                    problems,
                    row.line,
                    Reading::QuoteTooLong { mib: MAX_ROW >> 20 },
                );
                return delimiter.is_some();
            }
            Record::Unclosed => {
                say(problems, row.line, Reading::Unclosed);
                return delimiter.is_some();
            }
            Record::Read => {}
        }
        if row.is_blank() {
            continue;
        }
        if delimiter.is_none() {
            let Some(places) = header(&row, columns, problems) else {
                return false;
            };
            row.places = places;
            width = row.spans.len();
            delimiter = Some(sep);
            continue;
        }
        if (width..row.spans.len()).any(|i| !row.field(i).is_empty()) {
            // `T1,J3,impact,12,5`: a decimal comma in a comma-separated
            // file would silently read 12; refuse the row instead.
            let (fields, width) = (row.spans.len(), width);
            say(problems, row.line, Reading::TooManyFields { fields, width });
            continue;
        }
        each(&row, problems);
    }
    if delimiter.is_none() {
        say(problems, 0, Reading::Empty);
        return false;
    }
    true
}

/// Record a reading problem on `line`, in the file's language.
pub fn say(problems: &mut Problems, line: u64, problem: Reading) {
    let what = reading(&problem, problems.lang);
    problems.at(line, what);
}

/// Skip blank lines before the header and guess its separator from its
/// first line, which stays to be read again as a record.
fn peek_header<R: BufRead>(lines: &mut Lines<R>, problems: &mut Problems) -> Option<u8> {
    loop {
        let buffered = match lines.input.fill_buf() {
            Ok(b) => b,
            Err(err) => {
                say(problems, 1, Reading::CannotRead(&err));
                return None;
            }
        };
        if buffered.is_empty() {
            return None;
        }
        let end = buffered.iter().position(|&b| b == b'\n');
        let first = &buffered[..end.unwrap_or(buffered.len())];
        let first = first.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(first);
        if first.iter().all(|b| b.is_ascii_whitespace()) && end.is_some() {
            // A blank line: skip it, counting it.
            let used = end.map_or(buffered.len(), |e| e + 1);
            lines.input.consume(used);
            lines.line += 1;
            continue;
        }
        return Some(detect_delimiter(first));
    }
}

/// Match the header's cells to the columns looked for: where each known
/// column is among the fields.
fn header(
    row: &Row,
    columns: &[Column],
    problems: &mut Problems,
) -> Option<Vec<(&'static str, usize)>> {
    let mut places: Vec<(&'static str, usize)> = Vec::new();
    let mut ok = true;
    let cells: Vec<String> = (0..row.spans.len())
        .map(|i| row.field(i).to_lowercase())
        .collect();
    for (i, cell) in cells.iter().enumerate() {
        let Some(column) = columns.iter().find(|c| c.matches(cell)) else {
            continue; // an organiser's own column (e-mail, notes...): ignored
        };
        if places.iter().any(|&(name, _)| name == column.name) {
            say(problems, row.line, Reading::ColumnTwice(column.name));
            ok = false;
        } else {
            places.push((column.name, i));
        }
    }
    // A fallback name only where its column is not there under its own.
    for column in columns {
        if places.iter().any(|&(name, _)| name == column.name) {
            continue;
        }
        let mut found = cells
            .iter()
            .enumerate()
            .filter(|(_, cell)| column.fallback.contains(&cell.as_str()));
        if let Some((i, cell)) = found.next() {
            places.push((column.name, i));
            if let Some((_, other)) = found.next() {
                let column = column.name;
                say(
                    problems,
                    row.line,
                    Reading::WhichColumn {
                        cell,
                        other,
                        column,
                    },
                );
                ok = false;
            }
        }
    }
    let missing: Vec<&str> = columns
        .iter()
        .filter(|c| c.required && !places.iter().any(|&(name, _)| name == c.name))
        .map(|c| c.name)
        .collect();
    if !missing.is_empty() {
        let expected: Vec<&str> = columns.iter().map(|c| c.name).collect();
        let found: Vec<String> = cells.iter().map(|c| shown(c).into_owned()).collect();
        let found = shown(&found.join(", ")).into_owned();
        let (missing, expected) = (missing.join(", "), expected.join(", "));
        let (missing, expected, found) = (&*missing, &*expected, &*found);
        say(
            problems,
            row.line,
            Reading::Missing {
                missing,
                expected,
                found,
            },
        );
        ok = false;
    }
    ok.then_some(places)
}

#[cfg(test)]
#[path = "reader_tests.rs"]
mod tests;
