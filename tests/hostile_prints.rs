//! Nothing raw reaches a terminal (issue 16): every command's report and
//! notice escapes the names, ids and file names it repeats, which may
//! carry ESC, BEL, CR or a direction override. On the real binary.

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::{no_panic, podium, stderr, stdout};

/// Sets the window title, rings, returns to the line's start and reverses
/// what follows.
const HOSTILE: &str = "A\u{1b}]0;pwned\u{7}B\rC\u{202e}D";
const ESCAPED: &str = "A\\u{1b}]0;pwned\\u{7}B\\u{d}C\\u{202e}D";
/// A session file named with the same characters.
const FILE: &str = "f\u{1b}[2J\u{7}.json";
const FILE_ESCAPED: &str = "f\\u{1b}[2J\\u{7}.json";

/// Neither output holds a character a terminal would act on.
#[track_caller]
fn clean(out: &Output) {
    no_panic(out);
    let unsafe_char = podium::domain::validate::is_unsafe_char;
    for (what, text) in [("stdout", stdout(out)), ("stderr", stderr(out))] {
        assert!(
            !text.chars().any(|c| c != '\n' && unsafe_char(c)),
            "{what} carries a raw control: {text:?}"
        );
    }
}

/// [`FILE`]: teams T1–T3, one juror, one criterion, two laureates; the
/// event's title and T1's name made [`HOSTILE`] by hand (as a file edited
/// outside Podium, or written before names were checked, would hold them).
fn forum(dir: &Path) {
    std::fs::write(
        dir.join("teams.csv"),
        "id,name,org\nT1,Cantine,somme\nT2,Archives,nord\nT3,Guichet,nord\n",
    )
    .unwrap();
    std::fs::write(dir.join("jurors.csv"), "id,name,org\nJ1,Alice,oise\n").unwrap();
    std::fs::write(dir.join("criteria.csv"), "id,label,max\nimpact,Impact,5\n").unwrap();
    let args = [
        "new",
        FILE,
        "--title",
        "Forum",
        "--laureates",
        "2",
        "--teams",
        "teams.csv",
        "--jurors",
        "jurors.csv",
        "--criteria",
        "criteria.csv",
    ];
    let out = podium(dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    clean(&out);
    assert!(stdout(&out).starts_with(FILE_ESCAPED), "{}", stdout(&out));
    let state = dir.join(FILE);
    let text = std::fs::read_to_string(&state).unwrap();
    let hostile = serde_json::to_string(HOSTILE).unwrap();
    let text = text
        .replace("\"Cantine\"", &hostile)
        .replace("\"Forum\"", &hostile);
    std::fs::write(&state, text).unwrap();
}

/// T1's name back to a plain one (the title stays [`HOSTILE`]): a session
/// that takes changes.
fn plain_team_name(dir: &Path) {
    let state = dir.join(FILE);
    let text = std::fs::read_to_string(&state).unwrap();
    let hostile = serde_json::to_string(HOSTILE).unwrap();
    let text = text.replacen(&format!("\"name\": {hostile}"), "\"name\": \"Cantine\"", 1);
    std::fs::write(&state, text).unwrap();
}

#[test]
fn new_check_and_settings_escape_names_and_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    forum(d);
    // check finds the hand edit (exit 1) and says so, escaped.
    let out = podium(d, &["check", FILE]);
    clean(&out);
    assert!(stderr(&out).contains(FILE_ESCAPED), "{}", stderr(&out));

    let out = podium(d, &["settings", FILE]);
    clean(&out);
    assert!(stdout(&out).contains(ESCAPED), "{}", stdout(&out));

    // The title's old value is said when it changes.
    plain_team_name(d);
    let out = podium(d, &["settings", FILE, "--title", "Forum 2026"]);
    assert!(out.status.success(), "{}", stderr(&out));
    clean(&out);
    assert!(stdout(&out).contains(ESCAPED), "{}", stdout(&out));
}

#[test]
fn scores_import_decide_and_repair_escape_what_they_repeat() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    forum(d);
    let csv = "s\u{1b}]0;x\u{7}.csv";
    let scores = "team,juror,criterion,value\nT3,J1,impact,5\nT1,J1,impact,3\nT2,J1,impact,3\n";
    std::fs::write(d.join(csv), scores).unwrap();
    let out = podium(d, &["scores", "import", FILE, csv]);
    assert!(out.status.success(), "{}", stderr(&out));
    clean(&out);
    assert!(
        stdout(&out).contains("s\\u{1b}]0;x\\u{7}.csv"),
        "{}",
        stdout(&out)
    );
    let out = podium(d, &["scores", "import", FILE, csv]);
    clean(&out);

    let args = [
        "decide", FILE, "--order", "T1,T2", "--by", HOSTILE, "--reason", HOSTILE,
    ];
    // A decision's by and reason may not carry a control character: refused,
    // each field named, the file escaped, nothing saved.
    let journal = std::fs::read(d.join(format!("{FILE}.journal"))).unwrap();
    let out = podium(d, &args);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    clean(&out);
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{FILE_ESCAPED}: --by contient un caractère de contrôle"
        )),
        "{err}"
    );
    assert!(
        err.contains("--reason contient un caractère de contrôle"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(d.join(format!("{FILE}.journal"))).unwrap(),
        journal
    );
    // The team ids it repeats are escaped all the same.
    let args = [
        "decide",
        FILE,
        "--order",
        "T1,T\u{1b}[2J9",
        "--by",
        "Jury",
        "--reason",
        "Vote",
    ];
    let out = podium(d, &args);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    clean(&out);
    assert!(stderr(&out).contains("T\\u{1b}[2J9"), "{}", stderr(&out));

    let out = podium(d, &["repair", FILE]);
    clean(&out);
    assert!(stdout(&out).contains(FILE_ESCAPED), "{}", stdout(&out));
}

#[test]
fn roster_escapes_the_ids_and_the_file_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    forum(d);
    // T1's id made hostile by hand: the spreadsheet no longer lists it.
    let state = d.join(FILE);
    let text = std::fs::read_to_string(&state).unwrap();
    let id = serde_json::to_string("T\u{1b}[2J1").unwrap();
    std::fs::write(&state, text.replace("\"T1\"", &id)).unwrap();
    for extra in [&["--dry-run"][..], &[]] {
        let mut args = vec!["roster", FILE, "--teams", "teams.csv"];
        args.extend_from_slice(extra);
        let out = podium(d, &args);
        clean(&out);
        let said = format!("{}{}", stdout(&out), stderr(&out));
        assert!(
            said.contains("T\\u{1b}[2J1") || said.contains(FILE_ESCAPED),
            "{said}"
        );
    }
}

#[test]
fn the_help_and_a_usage_error_naming_a_hostile_value_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let out = podium(dir.path(), &["results", FILE, "--method", HOSTILE]);
    assert_eq!(out.status.code(), Some(2));
    clean(&out);
    assert!(stderr(&out).contains(ESCAPED), "{}", stderr(&out));
}

#[test]
fn a_report_to_a_closed_pipe_ends_quietly_and_to_a_full_disk_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    forum(d);
    plain_team_name(d);
    let mut child = common::cli::command(d, &["settings", FILE])
        .env("PODIUM_DATA_DIR", d.join("data"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");

    let full = std::fs::File::create("/dev/full").unwrap();
    let out = common::cli::output(
        common::cli::command(d, &["settings", FILE])
            .env("PODIUM_DATA_DIR", d.join("data"))
            .stdout(full),
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "podium: sortie standard : écriture impossible (plus de place sur le disque)\n"
    );
}
