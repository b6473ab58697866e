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
            err.contains("teams.csv:2: colonne « name » : caractère de contrôle"),
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
    assert!(
        stderr(&out).contains("teams.csv:2: colonne « id » : caractère de contrôle"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn new_refuses_a_name_of_a_megabyte_on_its_line_and_a_title_too_long() {
    let dir = tempfile::tempdir().unwrap();
    lists(dir.path(), &"Cantine ".repeat(128 * 1024));
    let out = new(dir.path());
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(
        err.trim_end(),
        "podium: teams.csv:2: colonne « name » : plus de 200 caractères",
        "one short line"
    );
    assert!(!dir.path().join("f.json").exists());
    // In English, and a title given on the command line.
    lists(dir.path(), "Cantine");
    let title = "T".repeat(201);
    let mut args = vec!["new", "f.json", "--teams", "teams.csv", "--jurors"];
    args.extend(["jurors.csv", "--criteria", "criteria.csv", "--lang", "en"]);
    args.extend(["--title", &title]);
    let out = podium(dir.path(), &args);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("event: the title is over 200 characters"),
        "{err}"
    );
    assert!(!dir.path().join("f.json").exists());
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

/// A session of 200 teams, 30 jurors and two criteria, every cell scored:
/// its export (12,000 rows) is far more than a pipe holds.
fn big_session(dir: &Path) {
    let mut teams = String::from("id,name,org\n");
    let mut jurors = String::from("id,name,org\n");
    let mut scores = String::from("team,juror,criterion,value\n");
    for t in 1..=200 {
        teams.push_str(&format!("T{t},Team {t},o{t}\n"));
        for j in 1..=30 {
            let v = (t + j) % 10;
            scores.push_str(&format!("T{t},J{j},impact,{v}\nT{t},J{j},c2,{v}\n"));
        }
    }
    for j in 1..=30 {
        jurors.push_str(&format!("J{j},Juror {j},jury\n"));
    }
    std::fs::write(dir.join("teams.csv"), teams).unwrap();
    std::fs::write(dir.join("jurors.csv"), jurors).unwrap();
    let criteria = "id,label,max\nimpact,Impact,10\nc2,Clarté,10\n";
    std::fs::write(dir.join("criteria.csv"), criteria).unwrap();
    std::fs::write(dir.join("scores.csv"), scores).unwrap();
    assert!(new(dir).status.success());
    let out = podium(dir, &["scores", "import", "f.json", "scores.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn an_export_piped_into_head_ends_quietly_and_one_to_a_full_disk_fails() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    big_session(d);
    // What an organiser types: `podium scores export f.json | head -1`,
    // podium's own exit status and standard error kept aside.
    let script = r#""$0" scores export f.json 2>err.txt | head -1 >first.txt
        echo "${PIPESTATUS[0]}" >status.txt"#;
    let ran = std::process::Command::new("bash")
        .args(["-c", script, env!("CARGO_BIN_EXE_podium")])
        .current_dir(d)
        .env("PODIUM_DATA_DIR", d.join("data"))
        .status()
        .unwrap();
    assert!(ran.success());
    let read = |name: &str| std::fs::read_to_string(d.join(name)).unwrap();
    assert_eq!(read("first.txt"), "\u{feff}team;juror;criterion;value\n");
    assert_eq!(read("err.txt"), "", "a closed pipe is a quiet end");
    assert_eq!(read("status.txt"), "0\n");
    // The same export into a full disk: an error, said, exit 1.
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = common::cli::output(
        common::cli::command(d, &["scores", "export", "f.json", "--lang", "en"])
            .env("PODIUM_DATA_DIR", d.join("data"))
            .stdout(full),
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "podium: standard output: cannot write (no space left on the disk)\n"
    );
}

#[test]
fn a_long_import_shows_its_progress_on_a_terminal_only() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    big_session(d);
    // The line waits a second before showing: here it shows at once.
    let args = ["scores", "import", "f.json", "scores.csv", "--lang", "en"];
    let mut cmd = podium_command();
    cmd.cwd(d);
    cmd.args(args);
    cmd.env("PODIUM_DATA_DIR", d.join("data"));
    cmd.env("PODIUM_TEST_PROGRESS_AFTER_MS", "0");
    let mut term = Term::spawn(cmd, 24, 120, Duration::from_secs(20));
    assert!(term.child.wait().unwrap().success());
    let screen = term.wait_until("the summary", |s| s.contains("nothing to change"));
    let raw = String::from_utf8_lossy(&term.raw()).into_owned();
    // Drawn over itself (a carriage return, the rest of the line cleared),
    // then cleared before the summary: the screen keeps only the summary.
    assert!(
        raw.contains("\rscores.csv: reading… ") && raw.contains("(line 4,096)\u{1b}[K"),
        "{raw:?}"
    );
    assert!(
        raw.contains("\r\u{1b}[Kscores.csv: nothing to change"),
        "{raw:?}"
    );
    assert!(!screen.contains("reading"), "{screen}");
    // Standard error into a file or a pipe: no progress line at all.
    let out = common::cli::output(
        common::cli::command(d, &args)
            .env("PODIUM_DATA_DIR", d.join("data"))
            .env("PODIUM_TEST_PROGRESS_AFTER_MS", "0"),
    );
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
    assert!(common::cli::stdout(&out).starts_with("scores.csv: nothing to change"));
}
