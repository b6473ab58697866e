//! Command-line writers (`scores import`, `decide`) check the whole journal
//! before changing anything: a damaged line in the history is refused,
//! naming the file and the line, and nothing is written.

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::{bytes, command, output};
use common::*;
use podium::storage;

fn podium(dir: &Path, args: &[&str]) -> Output {
    output(
        command(dir, args)
            .env("RUST_BACKTRACE", "1")
            .env_remove("PODIUM_TEST_CRASH_AFTER"),
    )
}

/// A session at revision 3 whose journal line 2 is damaged.
fn damaged() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = folder();
    storage::create(&path, &session("s1", 2, 2), "tester", at(0)).unwrap();
    for (juror, value) in [("J1", "4"), ("J2", "5")] {
        let change = set_cell("T1", juror, "c1", None, Some(dec(value)));
        storage::commit(&path, &op(change), storage::CLI_WAIT).unwrap();
    }
    let journal = journal(&path);
    let text = std::fs::read_to_string(&journal).unwrap();
    let damaged = text.replacen("\"rev\":2", "\"rev\":2,,", 1);
    assert_ne!(text, damaged, "the fixture damages line 2");
    std::fs::write(&journal, damaged).unwrap();
    (dir, path)
}

fn assert_refused_untouched(dir: &Path, path: &Path, args: &[&str]) {
    let journal = journal(path);
    let (state_before, journal_before) = (bytes(path), bytes(&journal));
    let out = podium(dir, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.contains("forum.json.journal:2"), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(bytes(path), state_before, "{args:?} wrote the state");
    assert_eq!(
        bytes(&journal),
        journal_before,
        "{args:?} wrote the journal"
    );
}

#[test]
fn import_refuses_a_session_with_a_damaged_journal() {
    let (dir, path) = damaged();
    std::fs::write(
        dir.path().join("x.csv"),
        "team,juror,criterion,value\nT2,J1,c1,3\n",
    )
    .unwrap();
    assert_refused_untouched(
        dir.path(),
        &path,
        &["scores", "import", "forum.json", "x.csv"],
    );
}

#[test]
fn decide_refuses_a_session_with_a_damaged_journal() {
    let (dir, path) = damaged();
    assert_refused_untouched(
        dir.path(),
        &path,
        &[
            "decide",
            "forum.json",
            "--admit",
            "T1,T2",
            "--by",
            "jury",
            "--reason",
            "x",
        ],
    );
}

#[test]
fn a_line_of_another_session_is_named_with_its_line_number() {
    let (dir, path) = folder();
    storage::create(&path, &session("s1", 2, 2), "tester", at(0)).unwrap();
    let change = set_cell("T1", "J1", "c1", None, Some(dec("4")));
    storage::commit(&path, &op(change), storage::CLI_WAIT).unwrap();
    let journal = journal(&path);
    let mut text = std::fs::read_to_string(&journal).unwrap();
    let last = text.lines().last().unwrap().to_string();
    text.push_str(
        &last
            .replacen("\"session\":\"s1\"", "\"session\":\"other\"", 1)
            .replacen("\"rev\":2", "\"rev\":3", 1),
    );
    text.push('\n');
    std::fs::write(&journal, text).unwrap();
    for args in [
        &["results", "forum.json"][..],
        &["scores", "export", "forum.json"][..],
    ] {
        let out = podium(dir.path(), args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("forum.json.journal:3"), "{args:?}: {err}");
    }
}
