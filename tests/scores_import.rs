//! `podium scores import` on the real binary: every kind of bad row, in
//! `,`/`.` and `;`/`,` files, with and without a byte order mark. A rejected
//! file exits 1, names the file and each bad line, and leaves the session
//! and its journal byte for byte as they were.

mod common;

use common::cli::{assert_ok, bytes, podium};

const TEAMS: &str = "id;name;org\nT1;Cantine;Somme\nT2;Archives;Nord\nT3;Routes;Oise\n";
const JURORS: &str = "id;name;org;role\nJ1;Ann;Somme;élue\nJ2;Bob;Nord;DGS\nJ3;Cy;Aisne;agent\n";
const CRITERIA: &str = "id;label;max;step;weight\nimpact;Impact;20;0,5;2\ntransfer;Transfert;5;;\n";

/// A new session `s.json` in a fresh folder: T1..T3, J1..J3 (J1 and J2
/// share their team's organisation), recusal on.
fn session() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (name, text) in [
        ("teams.csv", TEAMS),
        ("jurors.csv", JURORS),
        ("criteria.csv", CRITERIA),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = podium(
        dir.path(),
        &[
            "new",
            "s.json",
            "--teams",
            "teams.csv",
            "--jurors",
            "jurors.csv",
            "--criteria",
            "criteria.csv",
            "--recuse-same-org",
            "--lang",
            "en",
        ],
    );
    assert_ok(&out);
    dir
}

/// How a file is written: separator, decimal mark, byte order mark.
#[derive(Clone, Copy, Debug)]
struct Style {
    sep: char,
    decimal: char,
    bom: bool,
}

const STYLES: [Style; 4] = [
    Style {
        sep: ',',
        decimal: '.',
        bom: false,
    },
    Style {
        sep: ',',
        decimal: '.',
        bom: true,
    },
    Style {
        sep: ';',
        decimal: ',',
        bom: false,
    },
    Style {
        sep: ';',
        decimal: ',',
        bom: true,
    },
];

impl Style {
    /// A file from rows written with `|` between fields and `.` decimals.
    fn file(self, rows: &[&str]) -> Vec<u8> {
        let mut text = String::new();
        if self.bom {
            text.push('\u{feff}');
        }
        let header = ["team", "juror", "criterion", "value"].join(&self.sep.to_string());
        text.push_str(&header);
        text.push('\n');
        for row in rows {
            let fields: Vec<String> = row
                .split('|')
                .map(|f| {
                    let f = f.replace('.', &self.decimal.to_string());
                    if f.contains(self.sep) {
                        format!("\"{f}\"")
                    } else {
                        f
                    }
                })
                .collect();
            text.push_str(&fields.join(&self.sep.to_string()));
            text.push('\n');
        }
        text.into_bytes()
    }
}

/// Each kind of bad file: its rows (line 2 onwards) and the lines that must
/// be reported with a word of the message.
/// (kind, rows, [(line, words of the message)])
type Case = (
    &'static str,
    &'static [&'static str],
    &'static [(usize, &'static str)],
);

const BAD: &[Case] = &[
    (
        "unknown team",
        &["T1|J3|impact|10", "T9|J3|impact|10"],
        &[(3, "unknown team: T9")],
    ),
    (
        "unknown juror",
        &["J9|J3|impact|1", "T1|J9|impact|10"],
        &[(2, "unknown team: J9"), (3, "unknown juror: J9")],
    ),
    (
        "unknown criterion",
        &["T1|J3|speed|10"],
        &[(2, "unknown criterion: speed")],
    ),
    (
        "out of range",
        &["T1|J3|impact|20.5", "T2|J3|transfer|-1"],
        &[(2, "out of range"), (3, "out of range")],
    ),
    (
        "off step",
        &["T1|J3|impact|12.25", "T1|J3|transfer|2.5"],
        &[(2, "off the step"), (3, "off the step")],
    ),
    (
        "recused pair",
        &["T1|J3|impact|10", "T1|J1|impact|10", "T2|J2||12.5"],
        &[(3, "recused"), (4, "recused")],
    ),
    (
        "a key twice",
        &["T1|J3|impact|10", "T2|J3|impact|10", "T1|J3|impact|10.5"],
        &[(2, "more than once"), (4, "more than once")],
    ),
    (
        "a pair row twice",
        &["T3|J1||absent", "T3|J1||12"],
        &[(2, "more than once"), (3, "more than once")],
    ),
    (
        "values and absent",
        &["T3|J2|impact|10", "T3|J1|impact|10", "T3|J2||absent"],
        &[(2, "both absent or recused"), (4, "both absent or recused")],
    ),
    (
        "values and recused",
        &["T3|J2||recused", "T3|J2|transfer|3"],
        &[(2, "both absent or recused"), (3, "both absent or recused")],
    ),
    (
        "not a number",
        &["T1|J3|impact|douze", "T1|J3||n/a", "T2|J3|impact|"],
        &[
            (2, "is not a number"),
            (3, "expected absent, recused or a number"),
            (4, "value missing"),
        ],
    ),
];

#[test]
fn every_bad_row_is_reported_and_nothing_changes() {
    for style in STYLES {
        let dir = session();
        let d = dir.path();
        let (state, journal) = (bytes(d.join("s.json")), bytes(d.join("s.json.journal")));
        for (kind, rows, expected) in BAD {
            std::fs::write(d.join("scores.csv"), style.file(rows)).unwrap();
            let out = podium(d, &["scores", "import", "s.json", "scores.csv"]);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{kind} {style:?}: {err}");
            let lines: Vec<&str> = err.lines().collect();
            assert_eq!(lines.len(), expected.len(), "{kind} {style:?}: {err}");
            for (line, (number, what)) in lines.iter().zip(expected.iter()) {
                let prefix = format!("podium: scores.csv:{number}: ");
                assert!(
                    line.starts_with(&prefix) && line.contains(what),
                    "{kind} {style:?}: {line:?} should start {prefix:?} and say {what:?}"
                );
            }
            assert_eq!(bytes(d.join("s.json")), state, "{kind} {style:?}");
            assert_eq!(bytes(d.join("s.json.journal")), journal, "{kind} {style:?}");
            assert!(out.stdout.is_empty(), "{kind} {style:?}");
        }
    }
}

#[test]
fn a_good_file_is_one_operation_in_either_style() {
    for style in STYLES {
        let dir = session();
        let d = dir.path();
        let rows = [
            "T1|J3|impact|12.5",
            "T1|J3|transfer|4",
            "T1|J3||29.5",
            "T2|J1||absent",
            "T3|J3||recused",
        ];
        std::fs::write(d.join("scores.csv"), style.file(&rows)).unwrap();
        let lines_before = String::from_utf8(bytes(d.join("s.json.journal")))
            .unwrap()
            .lines()
            .count();
        let out = podium(d, &["scores", "import", "s.json", "scores.csv"]);
        assert!(
            out.status.success(),
            "{style:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let journal = String::from_utf8(bytes(d.join("s.json.journal"))).unwrap();
        assert_eq!(journal.lines().count(), lines_before + 1, "{style:?}");
        let export = podium(d, &["scores", "export", "s.json", "--lang", "en"]);
        assert_eq!(
            String::from_utf8_lossy(&export.stdout),
            "team,juror,criterion,value\nT1,J3,impact,12.5\nT1,J3,transfer,4\nT1,J3,,29.5\n\
             T2,J1,,absent\nT3,J3,,recused\n",
            "{style:?}"
        );
    }
}

#[test]
fn an_import_replaces_values_and_records_what_it_replaced() {
    let dir = session();
    let d = dir.path();
    std::fs::write(
        d.join("a.csv"),
        "team,juror,criterion,value\nT1,J3,impact,10\n",
    )
    .unwrap();
    std::fs::write(
        d.join("b.csv"),
        "team;juror;criterion;value\nT1;J3;impact;11,5\n",
    )
    .unwrap();
    assert!(
        podium(d, &["scores", "import", "s.json", "a.csv"])
            .status
            .success()
    );
    assert!(
        podium(d, &["scores", "import", "s.json", "b.csv"])
            .status
            .success()
    );
    let journal = String::from_utf8(bytes(d.join("s.json.journal"))).unwrap();
    let last: serde_json::Value = serde_json::from_str(journal.lines().last().unwrap()).unwrap();
    let change = &last["op"]["change"]["changes"][0];
    assert_eq!(change["kind"], "set_cell");
    assert_eq!(change["seen"], 10);
    assert_eq!(change["new"], 11.5);
}

#[test]
fn a_decimal_comma_in_a_comma_file_is_never_read_as_a_whole_number() {
    let dir = session();
    let d = dir.path();
    let text = "team,juror,criterion,value\nT1,J3,impact,12,5\nT1,J3,transfer,\"3,0\"\n";
    std::fs::write(d.join("scores.csv"), text).unwrap();
    let state = bytes(d.join("s.json"));
    let out = podium(d, &["scores", "import", "s.json", "scores.csv"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("podium: scores.csv:2: 5 fields for 4 header columns"),
        "{err}"
    );
    assert_eq!(bytes(d.join("s.json")), state);
}

#[test]
fn twenty_problems_then_a_count() {
    let dir = session();
    let d = dir.path();
    let rows: Vec<String> = (0..25).map(|i| format!("T{i}9,J3,impact,1")).collect();
    let text = format!("team,juror,criterion,value\n{}\n", rows.join("\n"));
    std::fs::write(d.join("scores.csv"), text).unwrap();
    let out = podium(
        d,
        &["scores", "import", "s.json", "scores.csv", "--lang", "fr"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 21, "{err}");
    assert_eq!(lines[0], "podium: scores.csv:2: équipe inconnue : T09");
    assert_eq!(lines[19], "podium: scores.csv:21: équipe inconnue : T199");
    assert_eq!(lines[20], "podium: … et 5 autres problèmes");
}

#[test]
fn a_file_that_is_not_a_score_sheet() {
    let dir = session();
    let d = dir.path();
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "team;juror;value\nT1;J3;4\n",
            b"",
            "scores.csv:1: missing column(s): criterion",
        ),
        (
            "",
            b"team;juror;criterion;value\nT1;J3;impact;1\xe9\n",
            "scores.csv: not UTF-8, read as Windows-1252",
        ),
        ("", b"", "scores.csv: empty file"),
    ];
    for (text, raw, what) in cases {
        let content = if text.is_empty() {
            raw.to_vec()
        } else {
            text.as_bytes().to_vec()
        };
        std::fs::write(d.join("scores.csv"), content).unwrap();
        let out = podium(d, &["scores", "import", "s.json", "scores.csv"]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with(&format!("podium: {what}")), "{err}");
    }
    let out = podium(d, &["scores", "import", "s.json", "missing.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("podium: missing.csv: cannot read"));
}
