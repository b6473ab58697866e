//! Hostile and careless input (issue 16): names that carry terminal
//! escapes, outputs that cannot be written, on the real binary.

mod common;

use std::path::Path;
use std::time::Duration;

use common::cli::{no_panic, podium, stderr};
use common::pty::{Term, one_at_a_time, podium_command};

const JURORS: &str = "id,name,org\nJ1,Alice,somme\n";
const CRITERIA: &str = "id,label,weight,max,step\nimpact,Impact,2,5,0.5\n";
/// A name that would set the window title, ring, return to the line's
/// start and reverse what follows.
const HOSTILE: &str = "Can\u{1b}]0;pwned\u{7}tine\r\u{202e}xet";

fn lists(dir: &Path, team_name: &str) {
    let teams = format!("id,name,org\nT1,{team_name},somme\nT2,Finances,nord\n");
    std::fs::write(dir.join("teams.csv"), teams).unwrap();
    std::fs::write(dir.join("jurors.csv"), JURORS).unwrap();
    std::fs::write(dir.join("criteria.csv"), CRITERIA).unwrap();
}

fn new(dir: &Path) -> std::process::Output {
    let args = [
        "new",
        "f.json",
        "--teams",
        "teams.csv",
        "--jurors",
        "jurors.csv",
        "--criteria",
        "criteria.csv",
    ];
    podium(dir, &args)
}

/// A session whose team T1 is named [`HOSTILE`], as a file written by hand
/// (or before names were checked) would hold it.
fn hostile_session() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    lists(dir.path(), "Cantine");
    assert!(new(dir.path()).status.success());
    let state = dir.path().join("f.json");
    let text = std::fs::read_to_string(&state).unwrap();
    let escaped = serde_json::to_string(HOSTILE).unwrap();
    let text = text.replace("\"Cantine\"", &escaped);
    std::fs::write(&state, text).unwrap();
    dir
}

#[test]
fn new_refuses_control_characters_and_direction_overrides_in_names_and_ids() {
    for name in [
        "Can\u{1b}[2Jtine",
        "Can\u{7}tine",
        "Can\u{202e}tine",
        "Can\u{2067}tine",
    ] {
        let dir = tempfile::tempdir().unwrap();
        lists(dir.path(), name);
        let out = new(dir.path());
        no_panic(&out);
        assert_eq!(out.status.code(), Some(1), "{name:?} accepted");
        let err = stderr(&out);
        assert!(
            err.contains("équipe « T1 » : caractère de contrôle"),
            "{err}"
        );
        let unsafe_char = podium::domain::validate::is_unsafe_char;
        assert!(!err.chars().any(|c| c != '\n' && unsafe_char(c)), "{err:?}");
        assert!(!dir.path().join("f.json").exists());
    }
    let dir = tempfile::tempdir().unwrap();
    lists(dir.path(), "Cantine");
    let ids = "id,name,org\nT\u{1b}1,Cantine,somme\n";
    std::fs::write(dir.path().join("teams.csv"), ids).unwrap();
    let out = new(dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("« T\\u{1b}1 »"), "{}", stderr(&out));
}

#[test]
fn results_to_a_terminal_never_carry_a_name_raw() {
    let _serial = one_at_a_time();
    let dir = hostile_session();
    for format in ["table", "md", "csv"] {
        let mut cmd = podium_command();
        cmd.cwd(dir.path());
        cmd.args(["results", "f.json", "--format", format]);
        let mut term = Term::spawn(cmd, 40, 200, Duration::from_secs(20));
        let status = term.child.wait().unwrap();
        assert!(status.success(), "{format}");
        let text = term.wait_until("the output", |s| s.contains("T2"));
        let raw = term.raw();
        let raw_text = String::from_utf8_lossy(&raw);
        for bad in ["\u{1b}]0;", "\u{7}", "\u{202e}"] {
            assert!(
                !raw_text.contains(bad),
                "{format}: {bad:?} raw in {raw_text:?}"
            );
        }
        assert!(
            text.contains("Can\\u{1b}]0;pwned\\u{7}tine\\u{d}\\u{202e}xet"),
            "{format}: {text}"
        );
    }
}

#[test]
fn results_through_a_pipe_keep_the_names_as_they_are() {
    let dir = hostile_session();
    let out = podium(dir.path(), &["results", "f.json", "--format", "csv"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(HOSTILE));
}

#[test]
fn an_error_naming_a_hostile_file_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let out = podium(dir.path(), &["results", "no\u{1b}]0;x\u{7}.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("no\\u{1b}]0;x\\u{7}.json"), "{err}");
}

#[test]
fn a_full_disk_behind_the_output_is_an_error() {
    let dir = hostile_session();
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = common::cli::output(
        common::cli::command(dir.path(), &["results", "f.json"])
            .env("PODIUM_DATA_DIR", dir.path().join("data"))
            .stdout(full),
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "podium: sortie standard : écriture impossible (plus de place sur le disque)\n"
    );
}

#[test]
fn a_reader_that_stops_early_is_a_quiet_end() {
    let dir = hostile_session();
    let mut child = common::cli::command(dir.path(), &["scores", "export", "f.json"])
        .env("PODIUM_DATA_DIR", dir.path().join("data"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before reading anything (`| head -0`).
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

/// Ids and names that a spreadsheet would run as formulas, and a score
/// below zero that must stay a number.
fn formulas(dir: &Path, file: &str) {
    let teams = "id,name,org\n=T1,\"=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\",somme\n\
                 +T2,@SUM(A1),nord\n";
    std::fs::write(dir.join("teams.csv"), teams).unwrap();
    std::fs::write(dir.join("jurors.csv"), "id,name,org\n-J1,Alice,oise\n").unwrap();
    let criteria = "id,label,min,max,step\n@c,Impact,-5,5,1\n";
    std::fs::write(dir.join("criteria.csv"), criteria).unwrap();
    let args = [
        "new",
        file,
        "--teams",
        "teams.csv",
        "--jurors",
        "jurors.csv",
        "--criteria",
        "criteria.csv",
    ];
    let out = podium(dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn csv_outputs_make_formula_cells_text_and_an_export_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    formulas(d, "f.json");
    formulas(d, "copy.json");
    std::fs::write(
        d.join("scores.csv"),
        "team;juror;criterion;value\n=T1;-J1;@c;-1\n+T2;-J1;@c;4\n",
    )
    .unwrap();
    let out = podium(d, &["scores", "import", "f.json", "scores.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let export = podium(d, &["scores", "export", "f.json"]);
    assert!(export.status.success());
    let text = String::from_utf8(export.stdout).unwrap();
    assert_eq!(
        text,
        "\u{feff}team;juror;criterion;value\n'=T1;'-J1;'@c;-1\n'+T2;'-J1;'@c;4\n"
    );
    std::fs::write(d.join("export.csv"), &text).unwrap();
    let out = podium(d, &["scores", "import", "copy.json", "export.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = podium(d, &["scores", "export", "copy.json"]);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), text);

    let results = podium(d, &["results", "f.json", "--format", "csv"]);
    let csv = String::from_utf8(results.stdout).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(";'@c;resultats"), "{header}");
    assert!(
        csv.contains(";'=T1;\"'=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\";somme;"),
        "{csv}"
    );
    assert!(csv.contains(";'+T2;'@SUM(A1);nord;"), "{csv}");
    for line in csv.lines() {
        for cell in line.split(';') {
            assert!(!cell.starts_with(['=', '+', '@']), "{cell} in {line}");
        }
    }
}
