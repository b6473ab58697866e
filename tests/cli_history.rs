//! `podium history FILE [--team T] [--juror J]`: who changed what and
//! when, in words, newest last; filters; hostile names escaped.

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::{assert_ok, no_panic, stderr, stdout};
use common::{at, dec, set_cell};
use podium::domain::double_entry::{self, Difference, Resolution};
use podium::domain::{Change, Edit, Operation, Sheet};
use podium::storage;

/// The command with the machine's zone fixed to UTC (times are local).
fn history(dir: &Path, args: &[&str]) -> Output {
    let out = common::cli::command(dir, &[&["history", "forum.json"][..], args].concat())
        .env("TZ", "UTC")
        .output()
        .expect("podium history");
    no_panic(&out);
    out
}

fn commit(path: &Path, writer: &str, secs: i64, change: Change) {
    let op = Operation::new(change, writer, at(secs));
    storage::commit(path, &op, storage::CLI_WAIT).expect("commit");
}

/// T1 "Équipe 4" scored by J1 "M. Delcourt" (7, then 8) from a second
/// terminal, J2 absent for T2, a second entry settled, a timer start.
fn forum(team_name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = common::folder();
    let mut s = common::session("history", 3, 2);
    s.teams[0].name = team_name.into();
    s.jurors[0].name = "M. Delcourt".into();
    storage::create(&path, &s, "tester", at(0)).expect("create");
    let sec = "secretary-terminal";
    commit(
        &path,
        sec,
        60,
        set_cell("T1", "J1", "c1", None, Some(dec("7"))),
    );
    commit(
        &path,
        sec,
        120,
        set_cell("T1", "J1", "c1", Some(dec("7")), Some(dec("8"))),
    );
    let absent = Sheet {
        mark: Some(podium::domain::Mark::Absent),
        ..Sheet::default()
    };
    let mark = Change::SetSheet {
        team: "T2".into(),
        juror: "J2".into(),
        edit: Edit::new(Sheet::default(), absent),
    };
    commit(&path, sec, 180, mark);
    let loaded = storage::load(&path).expect("load");
    let second = double_entry::set_second(
        &loaded,
        &"T1".into(),
        &"J1".into(),
        &"c1".into(),
        Some(dec("9")),
    );
    commit(&path, "checker", 240, second);
    let difference = Difference {
        team: "T1".into(),
        juror: "J1".into(),
        criterion: "c1".into(),
        first: Some(dec("8")),
        second: Some(dec("9")),
    };
    commit(
        &path,
        "checker",
        300,
        double_entry::resolve(&difference, Resolution::KeepFirst),
    );
    (dir, path)
}

#[test]
fn every_change_in_words_newest_last_in_french_by_default() {
    let (dir, _) = forum("Équipe 4");
    let out = history(dir.path(), &[]);
    assert_ok(&out);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "08:01 secrétaire (terminal 2) : Équipe 4 · M. Delcourt · Impact vide → 7",
            "08:02 secrétaire (terminal 2) : Équipe 4 · M. Delcourt · Impact 7 → 8",
            "08:03 secrétaire (terminal 2) : Juror 2 absent pour Team 2",
            "08:04 secrétaire (terminal 3) : Équipe 4 · M. Delcourt · Impact (2e saisie) vide → 9",
            "08:05 secrétaire (terminal 3) : Équipe 4 · M. Delcourt · Impact : écart réglé à 8 (1re saisie 8, 2e 9)",
        ]
    );
}

#[test]
fn in_english_with_lang_en() {
    let (dir, _) = forum("Équipe 4");
    let out = history(dir.path(), &["--lang", "en"]);
    assert_ok(&out);
    let text = stdout(&out);
    assert!(
        text.contains("08:02 secretary (terminal 2): Équipe 4 · M. Delcourt · Impact 7 → 8\n"),
        "{text}"
    );
    assert!(text.contains("Juror 2 absent for Team 2"));
    assert!(text.contains("difference settled at 8 (first entry 8, second 9)"));
}

#[test]
fn filters_by_team_juror_or_both_by_id_or_name() {
    let (dir, _) = forum("Équipe 4");
    let count = |args: &[&str]| {
        let out = history(dir.path(), args);
        assert_ok(&out);
        stdout(&out).lines().count()
    };
    assert_eq!(count(&["--team", "T1"]), 4);
    assert_eq!(count(&["--team", "équipe 4"]), 4, "by name, any case");
    assert_eq!(count(&["--team", "T2"]), 1);
    assert_eq!(count(&["--juror", "J2"]), 1);
    assert_eq!(count(&["--juror", "M. Delcourt"]), 4);
    assert_eq!(
        count(&["--team", "T2", "--juror", "J1"]),
        1,
        "one line: none"
    );
    let out = history(dir.path(), &["--team", "T3"]);
    assert_ok(&out);
    assert_eq!(
        stdout(&out).trim(),
        "Aucun changement ne concerne cette équipe ou ce juré."
    );
    let out = history(dir.path(), &["--team", "T9", "--juror", "Nobody"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("podium: équipe inconnue : T9"), "{err}");
    assert!(err.contains("podium: juré inconnu : Nobody"), "{err}");
}

#[test]
fn hostile_text_is_escaped_one_line_each() {
    // Names are refused with control characters; what a journal may still
    // carry is free text: who decided and why, an imported file's name.
    let (dir, path) = forum("=HYPERLINK(\"x\") Équipe 4");
    let decision = podium::domain::Decision {
        kind: podium::domain::DecisionKind::Admit,
        teams: vec!["T1".into(), "T2".into()],
        by: "Evil\u{1b}[2J\u{7}".into(),
        reason: "line\nbreak\u{202e}".into(),
        at: at(400),
    };
    commit(&path, "jury", 400, Change::AddDecision { decision });
    let import = Change::Batch {
        label: podium::domain::BatchLabel::Import {
            file: "notes\u{1b}]0;pwned\u{7}.csv".into(),
        },
        changes: vec![set_cell("T2", "J1", "c2", None, Some(dec("4")))],
    };
    commit(&path, "importer", 460, import);
    let out = history(dir.path(), &["--team", "T2"]);
    assert_ok(&out);
    for raw in [0x1b_u8, 0x07] {
        assert!(!out.stdout.contains(&raw), "raw control byte {raw:#x}");
    }
    let text = stdout(&out);
    assert!(!text.contains('\u{202e}'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        3,
        "a line break stays inside its line:\n{text}"
    );
    assert!(lines[1].starts_with("08:06 jury (terminal 4) : "), "{text}");
    assert!(lines[1].contains("Evil\\u{1b}[2J\\u{7}"), "{text}");
    assert!(lines[1].contains("line\\u{a}break\\u{202e}"), "{text}");
    assert!(
        lines[2].contains("import de notes\\u{1b}]0;pwned\\u{7}.csv (1 changement)"),
        "{text}"
    );
    // A name that looks like a formula is only text here.
    let out = history(dir.path(), &["--team", "T1"]);
    assert!(stdout(&out).contains("=HYPERLINK(\"x\") Équipe 4 · M. Delcourt"));
}

#[test]
fn a_missing_or_unreadable_file_is_an_error() {
    let (dir, path) = forum("Équipe 4");
    std::fs::write(common::journal(&path), "{not json\n{\"either\": 1}\n").expect("spoil");
    let before = std::fs::read(&path).expect("state");
    let out = history(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("podium: ") && err.contains("forum.json.journal"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).expect("state"),
        before,
        "never written"
    );
}
