use super::*;
use crate::domain::Lang;

const COLUMNS: &[Column] = &[
    Column::required("id", &["identifiant"]),
    Column::required("name", &["nom"]),
    Column::optional("note", &[]),
];

/// Each row read: its line and its fields by column.
type Read = Vec<(u64, Vec<String>)>;

fn read_all(text: &[u8], columns: &[Column], lang: Lang) -> (bool, Read, Vec<String>) {
    let mut problems = Problems::new("t.csv", lang);
    let mut rows = Vec::new();
    let ok = each_row(text, columns, &mut problems, |row, _| {
        let fields = columns
            .iter()
            .map(|c| row.get(c.name).to_string())
            .collect();
        rows.push((row.line, fields));
    });
    (ok, rows, problems.lines())
}

fn read_ok(text: &str) -> Read {
    let (ok, rows, problems) = read_all(text.as_bytes(), COLUMNS, Lang::En);
    assert!(ok && problems.is_empty(), "{problems:?}");
    rows
}

#[test]
fn semicolons_quotes_bom_and_spaces() {
    let rows = read_ok("\u{feff}Nom ; ID;note\n\" A; B \" ; 1 ; x\n\n;;\nC;2\n");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0], (2, vec!["1".into(), "A; B".into(), "x".into()]));
    assert_eq!(rows[1], (5, vec!["2".into(), "C".into(), String::new()]));
}

#[test]
fn commas_with_quoted_decimal_comma_and_doubled_quotes() {
    let rows = read_ok("id,name,note\r\n1,\"Ann, \"\"Bob\"\"\",\"12,5\"\r\n");
    assert_eq!(rows[0].1, vec!["1", "Ann, \"Bob\"", "12,5"]);
}

#[test]
fn more_fields_than_the_header_is_refused() {
    let (ok, rows, lines) = read_all(b"id,name\n1,12,5\n2,b,,\n", COLUMNS, Lang::En);
    assert!(ok);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("t.csv:2: 3 fields for 2 header columns"));
    assert_eq!(rows.len(), 1, "trailing empty fields are fine");
    assert_eq!(rows[0].1[0], "2");
}

#[test]
fn missing_and_repeated_columns() {
    let (ok, _, lines) = read_all(b"\n\nid;id;x\n1;2;3\n", COLUMNS, Lang::En);
    assert!(!ok);
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with("t.csv:3: column \"id\" appears twice"),
        "{lines:?}"
    );
    assert!(lines[1].starts_with("t.csv:3: missing column(s): name"));
    assert!(lines[1].ends_with("found: id, id, x)"), "{lines:?}");
}

#[test]
fn empty_file() {
    let (ok, _, lines) = read_all(b"\xEF\xBB\xBF\n", COLUMNS, Lang::En);
    assert!(!ok);
    assert_eq!(lines, vec!["t.csv: empty file: a header line is needed"]);
    assert!(!read_all(b"", COLUMNS, Lang::En).0);
}

#[test]
fn blank_lines_are_counted() {
    let rows = read_ok("\n\nid;name\r\n\r\n\r\n1;a\n\n2;b");
    assert_eq!(rows[0].0, 6);
    assert_eq!(rows[1].0, 8);
}

#[test]
fn quoted_newline_keeps_line_numbers_right() {
    let rows = read_ok("id;name\n1;\"two\r\nlines\"\n2;b\n");
    assert_eq!(
        rows[0],
        (2, vec!["1".into(), "two\nlines".into(), String::new()])
    );
    assert_eq!(rows[1].0, 4);
}

#[test]
fn an_unclosed_quote_is_one_line_naming_where_it_opens() {
    let text = "id;name\n1;a\n2;\"b\n3;c\n4;d\n";
    let (ok, rows, lines) = read_all(text.as_bytes(), COLUMNS, Lang::Fr);
    assert!(ok);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        lines,
        vec!["t.csv:3: guillemet ouvert jamais fermé (la lecture s'arrête ici)"]
    );
}

#[test]
fn a_row_over_the_limit_is_refused_and_the_next_one_read() {
    let long = "x".repeat(MAX_ROW + 10);
    let text = format!("id;name\n1;{long}\n2;b\n");
    let (_, rows, lines) = read_all(text.as_bytes(), COLUMNS, Lang::En);
    assert_eq!(lines, vec!["t.csv:2: line over 4 MiB: refused"]);
    assert_eq!(rows, vec![(3, vec!["2".into(), "b".into(), String::new()])]);
    // A quote still open after the limit ends the reading there.
    let text = format!("id;name\n1;\"{long}\n2;b\n");
    let (_, rows, lines) = read_all(text.as_bytes(), COLUMNS, Lang::En);
    assert!(rows.is_empty());
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("t.csv:2: a quote opened here is not closed within 4 MiB"));
}

#[test]
fn a_fallback_name_only_when_the_column_is_not_there() {
    let columns = &[
        Column::required("id", &[]),
        Column::required("value", &["valeur"]).or_else(&["note"]),
    ];
    let (_, rows, lines) = read_all(b"id;note\n1;12\n", columns, Lang::En);
    assert!(lines.is_empty());
    assert_eq!(rows[0].1, vec!["1", "12"]);
    let (_, rows, lines) = read_all(b"id;Note;Valeur\n1;bien;12\n", columns, Lang::En);
    assert!(lines.is_empty());
    assert_eq!(rows[0].1, vec!["1", "12"]);
}

#[test]
fn a_formula_guard_is_taken_off_again() {
    let rows = read_ok("id;name\n'=1;'+x\n");
    assert_eq!(rows[0].1, vec!["=1", "+x", ""]);
}
