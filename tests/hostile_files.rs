//! Hostile and careless input files (issue 16), on the real binary:
//! huge and repeated rows, a 1 MB field, an unclosed quote, the encodings
//! spreadsheets really save, a FIFO or a symbolic link where a file is
//! expected, a read-only folder, a `note` column.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::cli::{assert_ok, bytes, command, no_panic, podium, stderr, stdout};

const TEAMS: &str = "id;name;org\nT1;Cantine;Somme\nT2;Archives;Nord\nT3;Routes;Oise\n";
const JURORS: &str = "id;name;org\nJ1;Ann;Somme\nJ2;Bob;Nord\nJ3;Cy;Aisne\n";
const CRITERIA: &str = "id;label;max;step\nimpact;Impact;20;0,5\ntransfer;Transfert;5;1\n";

/// A new session `s.json` in a fresh folder (T1..T3, J1..J3, no recusal).
fn session() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    let d = dir.path();
    for (name, text) in [
        ("teams.csv", TEAMS),
        ("jurors.csv", JURORS),
        ("criteria.csv", CRITERIA),
    ] {
        std::fs::write(d.join(name), text).unwrap();
    }
    let args = [
        "new",
        "s.json",
        "--teams",
        "teams.csv",
        "--jurors",
        "jurors.csv",
        "--criteria",
        "criteria.csv",
        "--lang",
        "en",
    ];
    assert_ok(&podium(d, &args));
    dir
}

fn import(dir: &Path, csv: &str) -> Output {
    let out = podium(dir, &["scores", "import", "s.json", csv]);
    no_panic(&out);
    out
}

/// Run with a deadline: a command that hangs fails the test instead.
fn within(mut cmd: Command, deadline: Duration) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("podium runs");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > deadline {
            child.kill().unwrap();
            panic!("podium still running after {deadline:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Run a command and measure its own peak resident memory, in MB: the
/// kernel's figure for that one process (`wait4`), not the test's nor
/// its other children's.
#[cfg(unix)]
#[allow(clippy::zombie_processes)] // reaped by `wait4`, which std does not see
fn peak_mb(mut cmd: Command) -> (Output, f64) {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("podium runs");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        out.read_to_end(&mut bytes).unwrap();
        bytes
    });
    let mut stderr = Vec::new();
    err.read_to_end(&mut stderr).unwrap();
    let stdout = reader.join().unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: wait4 writes only the status and the struct it is given;
    // the child is ours and not waited for elsewhere.
    let usage = unsafe {
        assert_eq!(libc::wait4(pid, &mut status, 0, usage.as_mut_ptr()), pid);
        usage.assume_init()
    };
    let output = Output {
        status: std::process::ExitStatus::from_raw(status),
        stdout,
        stderr,
    };
    (output, usage.ru_maxrss as f64 / 1024.0)
}

/// The problem lines of a refused import: at most 20 then a count, each
/// short, and the session left byte for byte as it was.
fn refused(dir: &Path, csv: &str) -> Vec<String> {
    let (state, journal) = (bytes(dir.join("s.json")), bytes(dir.join("s.json.journal")));
    let out = import(dir, csv);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(bytes(dir.join("s.json")), state);
    assert_eq!(bytes(dir.join("s.json.journal")), journal);
    let lines: Vec<String> = stderr(&out).lines().map(String::from).collect();
    assert!(lines.len() <= 21, "{lines:#?}");
    for line in &lines {
        let chars = line.trim_start_matches("podium: ").chars().count();
        assert!(chars <= 200, "{chars} characters: {line}");
    }
    lines
}

#[test]
fn twenty_thousand_copies_of_a_row_are_twenty_lines_and_a_count() {
    let dir = session();
    let d = dir.path();
    let mut text = String::from("team;juror;criterion;value\n");
    text.push_str(&"T1;J1;impact;12\n".repeat(20_000));
    std::fs::write(d.join("scores.csv"), text).unwrap();
    let lines = refused(d, "scores.csv");
    assert_eq!(lines.len(), 21);
    assert_eq!(
        lines[0],
        "podium: scores.csv:2: T1/J1/impact is given more than once (lines 2 and 3)"
    );
    assert_eq!(
        lines[1],
        "podium: scores.csv:3: T1/J1/impact is given more than once (lines 2 and 3)"
    );
    assert_eq!(
        lines[2],
        "podium: scores.csv:4: T1/J1/impact is given more than once (lines 2 and 4)"
    );
    assert_eq!(lines[20], "podium: … and 19,980 more problems");
}

#[cfg(unix)]
#[test]
fn two_hundred_thousand_rows_are_read_in_bounded_memory() {
    let dir = session();
    let d = dir.path();
    // Every row names an unknown team (all reported, 20 shown), then the
    // same file with every row repeated ten times.
    let mut bad = String::from("team,juror,criterion,value\n");
    let mut repeated = bad.clone();
    for i in 0..200_000 {
        bad.push_str(&format!("X{i},J2,impact,1\n"));
        let row = format!("T{},J{},impact,{}\n", 1 + i % 3, 1 + i % 3, i % 20);
        repeated.push_str(&row);
    }
    std::fs::write(d.join("bad.csv"), bad).unwrap();
    std::fs::write(d.join("repeated.csv"), repeated).unwrap();
    let lines = refused(d, "bad.csv");
    assert_eq!(lines[0], "podium: bad.csv:2: unknown team: X0");
    assert_eq!(lines[20], "podium: … and 199,980 more problems");
    let lines = refused(d, "repeated.csv");
    assert!(lines[0].starts_with("podium: repeated.csv:2: T1/J1/impact is given more"));
    assert!(lines[20].starts_with("podium: … and "), "{lines:#?}");
    // Each import's own peak: about 14 MB here (the issue saw 24 GB).
    for csv in ["bad.csv", "repeated.csv"] {
        let args = ["scores", "import", "s.json", csv, "--lang", "en"];
        let (out, peak) = peak_mb(command(d, &args));
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains("more problems"), "{}", stderr(&out));
        assert!(peak > 1.0 && peak < 50.0, "{csv}: peak memory {peak:.1} MB");
    }
}

#[test]
fn a_one_megabyte_field_is_never_echoed_whole() {
    let dir = session();
    let d = dir.path();
    let huge = "A".repeat(1_000_000);
    let text = format!("team,juror,criterion,value\n{huge},J1,impact,{huge}\nT1,J1,{huge},1\n");
    std::fs::write(d.join("scores.csv"), text).unwrap();
    let lines = refused(d, "scores.csv");
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(lines[0].starts_with("podium: scores.csv:2: unknown team: AAAA"));
    assert!(lines[0].ends_with("A…"), "{}", lines[0]);
    assert!(lines[1].starts_with("podium: scores.csv:2: \"AAAA"));
    assert!(lines[2].starts_with("podium: scores.csv:3: unknown criterion: AAA"));
}

#[test]
fn an_unclosed_quote_is_one_line_naming_file_and_line() {
    let dir = session();
    let d = dir.path();
    let text = "team;juror;criterion;value\nT1;J1;impact;12\nT1;\"J2;impact;12\nT2;J1;impact;3\n";
    std::fs::write(d.join("scores.csv"), text).unwrap();
    let lines = refused(d, "scores.csv");
    assert_eq!(
        lines,
        vec!["podium: scores.csv:3: a quote opened here is never closed (reading stops here)"]
    );
}

/// What `scores export --lang en` says of the session.
fn exported(dir: &Path) -> String {
    let out = podium(dir, &["scores", "export", "s.json", "--lang", "en"]);
    assert_ok(&out);
    stdout(&out)
}

#[test]
fn windows_1252_and_utf16_files_are_read() {
    let dir = session();
    let d = dir.path();
    // What Excel's French "CSV (séparateur : point-virgule)" saves: `é` is
    // one byte, the decimal mark a comma.
    let cp1252 = b"\xe9quipe;jur\xe9;crit\xe8re;note\r\nT1;J1;impact;12,5\r\nT2;J1;;absent\r\n";
    std::fs::write(d.join("excel.csv"), cp1252).unwrap();
    let out = import(d, "excel.csv");
    assert_ok(&out);
    assert_eq!(
        stderr(&out),
        "podium: excel.csv: not UTF-8, read as Windows-1252 (what Excel's \"CSV\" saves); \
         check the accents\n"
    );
    for (name, le) in [("le.csv", true), ("be.csv", false)] {
        let text = "team;juror;criterion;value\r\nT3;J2;transfer;4\r\n";
        let mut raw: Vec<u8> = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in text.encode_utf16() {
            let pair = if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            raw.extend_from_slice(&pair);
        }
        std::fs::write(d.join(name), raw).unwrap();
        let out = import(d, name);
        assert_ok(&out);
        assert!(out.stderr.is_empty(), "{}", stderr(&out));
    }
    assert_eq!(
        exported(d),
        "team,juror,criterion,value\nT1,J1,impact,12.5\nT2,J1,,absent\nT3,J2,transfer,4\n"
    );
    // A workbook saved as such is not text.
    std::fs::write(d.join("book.csv"), b"PK\x03\x04\x14\x00\x06\x00").unwrap();
    let lines = refused(d, "book.csv");
    assert_eq!(
        lines,
        vec![
            "podium: book.csv: not a text file (an Excel workbook?); in the spreadsheet, \
             save as \"CSV UTF-8\""
        ]
    );
}

#[test]
fn note_is_the_value_unless_a_value_column_is_there() {
    let dir = session();
    let d = dir.path();
    std::fs::write(
        d.join("a.csv"),
        "équipe;juré;critère;note\nT1;J1;impact;12\n",
    )
    .unwrap();
    assert_ok(&import(d, "a.csv"));
    assert_eq!(exported(d), "team,juror,criterion,value\nT1,J1,impact,12\n");
    // With a value column, `note` is the organiser's own remark.
    std::fs::write(
        d.join("b.csv"),
        "team;juror;criterion;value;note\nT1;J1;impact;14;à revoir\n",
    )
    .unwrap();
    assert_ok(&import(d, "b.csv"));
    assert_eq!(exported(d), "team,juror,criterion,value\nT1,J1,impact,14\n");
    // Two columns that could each be the value: which one is not guessed.
    std::fs::write(
        d.join("c.csv"),
        "team;juror;criterion;note;score\nT1;J1;impact;15;16\n",
    )
    .unwrap();
    assert_eq!(
        refused(d, "c.csv"),
        vec!["podium: c.csv:1: columns \"note\" and \"score\": which one is \"value\"?"]
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_an_input_or_the_session_is_refused_at_once() {
    let dir = session();
    let d = dir.path();
    let made = Command::new("mkfifo").arg(d.join("pipe.csv")).status();
    assert!(made.unwrap().success());
    let quick = Duration::from_secs(5);
    let cmd = command(
        d,
        &["scores", "import", "s.json", "pipe.csv", "--lang", "en"],
    );
    let out = within(cmd, quick);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "podium: pipe.csv: cannot read (it is a named pipe (FIFO), not a regular file: refused)\n"
    );
    let cmd = command(d, &["new", "n.json", "--teams", "pipe.csv", "--lang", "en"]);
    let out = within(cmd, quick);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("pipe.csv: cannot read (it is a named pipe"));
    // The session file itself: every reader and writer refuses at once.
    std::fs::rename(d.join("s.json"), d.join("kept.json")).unwrap();
    let made = Command::new("mkfifo").arg(d.join("s.json")).status();
    assert!(made.unwrap().success());
    std::fs::write(d.join("scores.csv"), "team,juror,criterion,value\n").unwrap();
    for args in [
        &["results", "s.json", "--lang", "en"][..],
        &["check", "s.json", "--lang", "en"],
        &["scores", "import", "s.json", "scores.csv", "--lang", "en"],
    ] {
        let out = within(command(d, args), quick);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("s.json: cannot read (it is a named pipe (FIFO), not a regular file"),
            "{args:?}: {err}"
        );
    }
    // The journal: `check` reads it twice (the chain's evidence too).
    std::fs::remove_file(d.join("s.json")).unwrap();
    std::fs::rename(d.join("kept.json"), d.join("s.json")).unwrap();
    std::fs::rename(d.join("s.json.journal"), d.join("kept.journal")).unwrap();
    let made = Command::new("mkfifo")
        .arg(d.join("s.json.journal"))
        .status();
    assert!(made.unwrap().success());
    for args in [
        &["check", "s.json", "--lang", "en"][..],
        &["results", "s.json", "--lang", "en"],
        &["history", "s.json", "--lang", "en"],
    ] {
        let out = within(command(d, args), quick);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("s.json.journal: cannot read (it is a named pipe (FIFO)"),
            "{args:?}: {err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_session_reached_by_a_symbolic_link_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // 200 teams × 30 jurors × 2 criteria: importing every cell grows the
    // journal past a checkpoint (1 MB), so the state file is rewritten.
    let mut teams = String::from("id,name,org\n");
    let mut jurors = String::from("id,name,org\n");
    let mut scores = String::from("team,juror,criterion,value\n");
    for t in 1..=200 {
        teams.push_str(&format!("T{t},Team {t},o{t}\n"));
        for j in 1..=30 {
            scores.push_str(&format!(
                "T{t},J{j},impact,{}\nT{t},J{j},transfer,3\n",
                j % 20
            ));
        }
    }
    for j in 1..=30 {
        jurors.push_str(&format!("J{j},Juror {j},jury\n"));
    }
    std::fs::write(d.join("teams.csv"), teams).unwrap();
    std::fs::write(d.join("jurors.csv"), jurors).unwrap();
    std::fs::write(d.join("criteria.csv"), CRITERIA).unwrap();
    std::fs::write(d.join("scores.csv"), scores).unwrap();
    std::fs::create_dir(d.join("real")).unwrap();
    let args = [
        "new",
        "real/s.json",
        "--teams",
        "teams.csv",
        "--jurors",
        "jurors.csv",
        "--criteria",
        "criteria.csv",
    ];
    assert_ok(&podium(d, &args));
    std::os::unix::fs::symlink("real/s.json", d.join("s.json")).unwrap();
    let before = bytes(d.join("real/s.json"));
    assert_ok(&import(d, "scores.csv"));
    let link = std::fs::symlink_metadata(d.join("s.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert!(
        !d.join("s.json.journal").exists(),
        "a second journal beside the link"
    );
    let after = bytes(d.join("real/s.json"));
    assert_ne!(after, before, "the checkpoint went to the target");
    let out = podium(d, &["scores", "export", "s.json", "--lang", "en"]);
    assert_eq!(stdout(&out).lines().count(), 1 + 200 * 30 * 2);
}
