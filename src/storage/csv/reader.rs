//! Reading a spreadsheet as organisers really have it: UTF-8 with or
//! without a byte order mark, `,` or `;` (detected from the header), quoted
//! fields, a header row with columns in any order, surrounding spaces
//! trimmed, blank rows skipped, unknown columns ignored.

use crate::domain::Lang;

/// A column the reader looks for: its name, other accepted header names
/// (French spreadsheets often say `nom`, `équipe`...), and whether the file
/// must have it.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
}

impl Column {
    pub const fn required(name: &'static str, aliases: &'static [&'static str]) -> Column {
        Column {
            name,
            aliases,
            required: true,
        }
    }

    pub const fn optional(name: &'static str, aliases: &'static [&'static str]) -> Column {
        Column {
            name,
            aliases,
            required: false,
        }
    }

    fn matches(&self, header: &str) -> bool {
        let header = header.to_lowercase();
        self.name == header || self.aliases.contains(&header.as_str())
    }
}

/// Every problem found in one file, each tied to a line (0: the file
/// itself), printed `file:line: what`.
#[derive(Clone, Debug)]
pub struct Problems {
    pub file: String,
    pub lang: Lang,
    found: Vec<(u64, String)>,
}

impl Problems {
    pub fn new(file: impl Into<String>, lang: Lang) -> Problems {
        Problems {
            file: file.into(),
            lang,
            found: Vec::new(),
        }
    }

    /// Record a problem on `line` (0 for the whole file).
    pub fn at(&mut self, line: u64, what: impl Into<String>) {
        self.found.push((line, what.into()));
    }

    /// Record a problem, choosing the text for the language.
    pub fn say(&mut self, line: u64, fr: impl Into<String>, en: impl Into<String>) {
        let what = match self.lang {
            Lang::Fr => fr.into(),
            Lang::En => en.into(),
        };
        self.at(line, what);
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The messages, in line order (stable among one line's problems).
    pub fn lines(mut self) -> Vec<String> {
        self.found.sort_by_key(|(line, _)| *line);
        self.found
            .into_iter()
            .map(|(line, what)| match line {
                0 => format!("{}: {what}", self.file),
                n => format!("{}:{n}: {what}", self.file),
            })
            .collect()
    }
}

/// One data row: its line in the file and its fields by column name.
#[derive(Clone, Debug, Default)]
pub struct Row {
    pub line: u64,
    fields: Vec<(&'static str, String)>,
}

impl Row {
    /// The field of a column (empty when the column or the field is missing).
    pub fn get(&self, column: &str) -> &str {
        self.fields
            .iter()
            .find(|(name, _)| *name == column)
            .map_or("", |(_, value)| value.as_str())
    }
}

/// A spreadsheet read: the separator it used and its data rows.
#[derive(Clone, Debug)]
pub struct Table {
    pub delimiter: u8,
    pub rows: Vec<Row>,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A field as given, less the `'` our CSV outputs put before a text that
/// starts like a formula (`words::for_spreadsheet`).
fn cell(field: &str) -> String {
    crate::words::from_spreadsheet(field).to_string()
}

/// The separator of a file: `;` when its header line has more semicolons
/// than commas outside quotes, `,` otherwise.
pub fn detect_delimiter(text: &str) -> u8 {
    let (mut semicolons, mut commas, mut quoted) = (0, 0, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            '\n' | '\r' if !quoted && semicolons + commas > 0 => break,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// Read a spreadsheet. Problems (not UTF-8, no header, a missing or
/// repeated column) go to `problems`; `None` when no row can be read.
pub fn read(bytes: &[u8], columns: &[Column], problems: &mut Problems) -> Option<Table> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let good = &bytes[..err.valid_up_to()];
            let line = 1 + good.iter().filter(|&&b| b == b'\n').count() as u64;
            problems.say(
                line,
                "le fichier n'est pas en UTF-8 (dans le tableur, enregistrer sous « CSV UTF-8 »)",
                "the file is not UTF-8 (in the spreadsheet, save as \"CSV UTF-8\")",
            );
            return None;
        }
    };
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    // Where each known column sits, once the header is read.
    let mut places: Option<Vec<(usize, &'static str)>> = None;
    let mut width = 0;
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(text);
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map_or(0, |p| lines.line_at(p.byte()));
                let (fr, en) = csv_words(&err);
                problems.say(
                    line,
                    format!("ligne illisible ({fr})"),
                    format!("unreadable line ({en})"),
                );
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if record.iter().all(str::is_empty) {
            continue;
        }
        match &places {
            None => {
                places = Some(header(&record, line, columns, problems)?);
                width = record.len();
            }
            Some(places) => {
                if record.iter().skip(width).any(|f| !f.is_empty()) {
                    // `T1,J3,impact,12,5`: a decimal comma in a comma-separated
                    // file would silently read 12; refuse the row instead.
                    problems.say(
                        line,
                        format!(
                            "{} champs pour {width} colonnes d'en-tête (une virgule décimale \
                             dans un fichier séparé par des virgules ? mettre la valeur \
                             entre guillemets ou séparer par des points-virgules)",
                            record.len()
                        ),
                        format!(
                            "{} fields for {width} header columns (a decimal comma in a \
                             comma-separated file? quote the value or separate with semicolons)",
                            record.len()
                        ),
                    );
                    continue;
                }
                let fields = places
                    .iter()
                    .map(|&(i, name)| (name, cell(record.get(i).unwrap_or(""))))
                    .collect();
                rows.push(Row { line, fields });
            }
        }
    }
    if places.is_none() {
        problems.say(
            0,
            "fichier vide : il faut une ligne d'en-tête",
            "empty file: a header line is needed",
        );
        return None;
    }
    Some(Table { delimiter, rows })
}

/// Line numbers from byte offsets, for offsets met in increasing order.
/// (The csv crate places a record after the blank lines before it, so its
/// own line count can point at a blank line.)
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> LineCounter<'a> {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line where the record found at `byte` really starts.
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start >= self.offset {
            let newlines = self.text[self.offset..start]
                .iter()
                .filter(|&&b| b == b'\n');
            self.line += newlines.count() as u64;
            self.offset = start;
        }
        self.line
    }
}

/// Match the header's cells to the columns looked for.
fn header(
    record: &csv::StringRecord,
    line: u64,
    columns: &[Column],
    problems: &mut Problems,
) -> Option<Vec<(usize, &'static str)>> {
    let mut places: Vec<(usize, &'static str)> = Vec::new();
    let mut ok = true;
    for (i, cell) in record.iter().enumerate() {
        let Some(column) = columns.iter().find(|c| c.matches(cell)) else {
            continue; // an organiser's own column (e-mail, notes...): ignored
        };
        if places.iter().any(|&(_, name)| name == column.name) {
            problems.say(
                line,
                format!("colonne « {} » présente deux fois", column.name),
                format!("column \"{}\" appears twice", column.name),
            );
            ok = false;
        } else {
            places.push((i, column.name));
        }
    }
    let missing: Vec<&str> = columns
        .iter()
        .filter(|c| c.required && !places.iter().any(|&(_, name)| name == c.name))
        .map(|c| c.name)
        .collect();
    if !missing.is_empty() {
        let expected: Vec<&str> = columns.iter().map(|c| c.name).collect();
        problems.say(
            line,
            format!(
                "colonne(s) manquante(s) : {} (en-tête attendu : {})",
                missing.join(", "),
                expected.join(", ")
            ),
            format!(
                "missing column(s): {} (expected header: {})",
                missing.join(", "),
                expected.join(", ")
            ),
        );
        ok = false;
    }
    ok.then_some(places)
}

/// A CSV reading error in words (French, English).
fn csv_words(err: &csv::Error) -> (String, String) {
    use crate::domain::Lang;
    match err.kind() {
        csv::ErrorKind::Utf8 { .. } => (
            "texte non UTF-8 : enregistrez le fichier en UTF-8".into(),
            "not UTF-8 text: save the file as UTF-8".into(),
        ),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => (
            format!("{len} colonne(s) au lieu de {expected_len}"),
            format!("{len} column(s) instead of {expected_len}"),
        ),
        csv::ErrorKind::Io(io) => (
            crate::storage::io_words(io, Lang::Fr),
            crate::storage::io_words(io, Lang::En),
        ),
        _ => (format!("erreur CSV : {err}"), err.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[Column] = &[
        Column::required("id", &["identifiant"]),
        Column::required("name", &["nom"]),
        Column::optional("note", &[]),
    ];

    fn read_ok(text: &str) -> Table {
        let mut problems = Problems::new("t.csv", Lang::En);
        let table = read(text.as_bytes(), COLUMNS, &mut problems);
        assert!(problems.is_empty(), "{:?}", problems.lines());
        table.expect("a table")
    }

    #[test]
    fn semicolons_quotes_bom_and_spaces() {
        let table = read_ok("\u{feff}Nom ; ID;note\n\" A; B \" ; 1 ; x\n\n;;\nC;2\n");
        assert_eq!(table.delimiter, b';');
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].get("name"), "A; B");
        assert_eq!(table.rows[0].get("id"), "1");
        assert_eq!(table.rows[0].line, 2);
        assert_eq!(table.rows[1].get("note"), "");
        assert_eq!(table.rows[1].line, 5);
    }

    #[test]
    fn commas_with_quoted_decimal_comma() {
        let table = read_ok("id,name,note\r\n1,\"Ann, Bob\",\"12,5\"\r\n");
        assert_eq!(table.delimiter, b',');
        assert_eq!(table.rows[0].get("name"), "Ann, Bob");
        assert_eq!(table.rows[0].get("note"), "12,5");
    }

    #[test]
    fn more_fields_than_the_header_is_refused() {
        let mut problems = Problems::new("t.csv", Lang::En);
        let table = read(b"id,name\n1,12,5\n2,b,,\n", COLUMNS, &mut problems).unwrap();
        let lines = problems.lines();
        assert_eq!(lines.len(), 1);
        assert!(lines[0].starts_with("t.csv:2: 3 fields for 2 header columns"));
        assert_eq!(table.rows.len(), 1, "trailing empty fields are fine");
        assert_eq!(table.rows[0].get("id"), "2");
    }

    #[test]
    fn missing_and_repeated_columns() {
        let mut problems = Problems::new("t.csv", Lang::En);
        assert!(read(b"\n\nid;id;x\n1;2;3\n", COLUMNS, &mut problems).is_none());
        let lines = problems.lines();
        assert_eq!(lines.len(), 2);
        assert!(
            lines[0].starts_with("t.csv:3: column \"id\" appears twice"),
            "{lines:?}"
        );
        assert!(lines[1].starts_with("t.csv:3: missing column(s): name"));
    }

    #[test]
    fn not_utf8_names_the_line() {
        let mut problems = Problems::new("t.csv", Lang::Fr);
        assert!(read(b"id;name\n1;Ren\xe9\n", COLUMNS, &mut problems).is_none());
        let lines = problems.lines();
        assert!(lines[0].starts_with("t.csv:2: le fichier n'est pas en UTF-8"));
    }

    #[test]
    fn empty_file() {
        let mut problems = Problems::new("t.csv", Lang::En);
        assert!(read(b"\xEF\xBB\xBF\n", COLUMNS, &mut problems).is_none());
        assert_eq!(
            problems.lines(),
            vec!["t.csv: empty file: a header line is needed"]
        );
    }

    #[test]
    fn blank_lines_are_counted() {
        let table = read_ok("\n\nid;name\r\n\r\n\r\n1;a\n\n2;b\n");
        assert_eq!(table.rows[0].line, 6);
        assert_eq!(table.rows[1].line, 8);
    }

    #[test]
    fn quoted_newline_keeps_line_numbers_right() {
        let table = read_ok("id;name\n1;\"two\nlines\"\n2;b\n");
        assert_eq!(table.rows[0].line, 2);
        assert_eq!(table.rows[1].line, 4);
    }
}
