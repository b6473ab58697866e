//! The built-in demo forum: `podium` and `podium demo [--reset]` copy it to
//! the data folder (kept if there), it passes `check`, and the shipped
//! session is exactly what `podium new` makes from the shipped spreadsheets.

mod common;

use common::cli::{assert_ok, podium};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo")
}

/// The `podium new` arguments the shipped session was made with
/// (assets/demo/README.md says the same).
const NEW_ARGS: &[&str] = &[
    "--title",
    "Forum interdépartemental de l'innovation publique",
    "--place",
    "Amiens",
    "--date",
    "2026-12-10",
    "--teams",
    "teams.csv",
    "--jurors",
    "jurors.csv",
    "--criteria",
    "criteria.csv",
    "--pitch",
    "3m",
    "--qa",
    "2m",
    "--changeover",
    "1m",
    "--start",
    "14:00",
    "--laureates",
    "8",
    "--method",
    "mean",
    "--recuse-same-org",
    "--tie-break",
    "utilite,transfert",
    "--lang",
    "fr",
];

/// A session's JSON without what differs from one creation to the next
/// (its id, so the digest of its journal's line 1 and that line's length).
fn comparable(mut v: Value) -> Value {
    let object = v.as_object_mut().expect("an object");
    object.remove("id");
    object.remove("journal_digest");
    object.remove("journal_line");
    v
}

#[test]
fn the_shipped_session_is_what_new_makes_from_the_spreadsheets() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in ["teams.csv", "jurors.csv", "criteria.csv"] {
        std::fs::copy(assets().join(name), d.join(name)).unwrap();
    }
    let mut args = vec!["new", "forum.json"];
    args.extend_from_slice(NEW_ARGS);
    let out = podium(d, &args);
    assert_ok(&out);
    let read = |path: PathBuf| -> Value {
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let made = read(d.join("forum.json"));
    let shipped = read(assets().join("forum.json"));
    assert_eq!(comparable(made), comparable(shipped.clone()));
    // The journal's creation line holds the same session.
    let journal = |path: PathBuf| -> Value {
        let text = std::fs::read_to_string(path).unwrap();
        assert_eq!(text.lines().count(), 1, "only the creation");
        serde_json::from_str(text.lines().next().unwrap()).unwrap()
    };
    let (j_made, j_shipped) = (
        journal(d.join("forum.json.journal")),
        journal(assets().join("forum.json.journal")),
    );
    assert_eq!(j_shipped["session"], shipped["id"]);
    assert_eq!(
        comparable(j_made["op"]["change"]["session"].clone()),
        comparable(j_shipped["op"]["change"]["session"].clone())
    );
}

#[test]
fn the_demo_is_the_forum_it_describes() {
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(assets().join("forum.json")).unwrap())
            .unwrap();
    assert_eq!(v["organisations"].as_array().unwrap().len(), 5);
    assert_eq!(v["teams"].as_array().unwrap().len(), 15);
    let jurors = v["jurors"].as_array().unwrap();
    assert!((9..=12).contains(&jurors.len()));
    for org in ["Somme", "Nord", "Pas-de-Calais", "Oise", "Val-d'Oise"] {
        let teams = v["teams"].as_array().unwrap();
        assert_eq!(teams.iter().filter(|t| t["org"] == org).count(), 3, "{org}");
        assert!(jurors.iter().any(|j| j["org"] == org), "{org}");
    }
    for team in v["teams"].as_array().unwrap() {
        for field in ["name", "project", "summary"] {
            assert!(!team[field].as_str().unwrap().is_empty(), "{team}");
        }
        assert!(!team["members"].as_array().unwrap().is_empty(), "{team}");
    }
    let criteria = v["criteria"].as_array().unwrap();
    assert!((4..=5).contains(&criteria.len()));
    assert!(criteria.iter().any(|c| c["id"] == "transfert"));
    let s = &v["settings"];
    assert_eq!(s["pitch_secs"], 180);
    assert_eq!(s["qa_secs"], 120);
    assert_eq!(s["laureates"], 8);
    assert_eq!(s["recuse_same_org"], true);
    assert!(v["sheets"].as_array().is_none_or(|s| s.is_empty()));
}

#[test]
fn the_demo_passes_check() {
    let out = podium(
        &assets(),
        &["check", assets().join("forum.json").to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The demo copy's planned start (local): the next quarter hour after
/// `before`, and not later than a quarter hour after `after`.
fn starts_at_the_next_quarter_hour(
    copy: &Path,
    before: chrono::NaiveDateTime,
    after: chrono::NaiveDateTime,
) -> chrono::NaiveTime {
    use chrono::Timelike;
    let s = podium::storage::load(copy).unwrap();
    let time = s.settings.start_time.expect("a start time");
    let start = s.event.date.expect("a date").and_time(time);
    assert_eq!((time.minute() % 15, time.second()), (0, 0), "{start}");
    let quarter = chrono::TimeDelta::minutes(15);
    assert!(
        start >= before && start <= after + quarter,
        "{before} {start} {after}"
    );
    // Minutes before the start, the day is not late.
    let p = podium::domain::schedule::plan(&s, *chrono::Local::now().offset(), chrono::Utc::now());
    assert!(p.delay_ms <= 0, "{}", p.delay_ms);
    time
}

fn local_now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

#[test]
fn demo_copies_once_and_reset_restores() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let copy = d.join("data/demo/forum.json");
    let before = local_now();
    let out = podium(d, &[]);
    assert_ok(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&copy.display().to_string()), "{text}");
    let start = starts_at_the_next_quarter_hour(&copy, before, local_now());
    assert!(
        text.contains(&format!("{}  T01", start.format("%H:%M"))),
        "{text}"
    );
    assert!(text.contains("Forum interdépartemental"), "{text}");
    // The shipped copy, and one journal line moving its day to start soon.
    let shipped = std::fs::read(assets().join("forum.json")).unwrap();
    assert_eq!(std::fs::read(&copy).unwrap(), shipped);
    let installed = std::fs::read_to_string(d.join("data/demo/forum.json.journal")).unwrap();
    let shipped_journal = std::fs::read_to_string(assets().join("forum.json.journal")).unwrap();
    assert!(installed.starts_with(&shipped_journal));
    assert_eq!(installed.lines().count(), 2);
    assert!(d.join("data/demo/teams.csv").exists());

    // The user's copy is kept...
    std::fs::write(
        d.join("mine.csv"),
        "team;juror;criterion;value\nT01;J03;utilite;15,5\n",
    )
    .unwrap();
    let path = copy.to_str().unwrap();
    let imported = podium(d, &["scores", "import", path, "mine.csv"]);
    assert_ok(&imported);
    // The change is in the journal (the state file is a checkpoint).
    let journal = d.join("data/demo/forum.json.journal");
    let changed = std::fs::read(&journal).unwrap();
    assert_eq!(String::from_utf8_lossy(&changed).lines().count(), 3);
    assert!(podium(d, &["demo", "--lang", "en"]).status.success());
    assert_eq!(std::fs::read(&journal).unwrap(), changed);
    // ...until --reset, which starts the day at the next quarter hour too.
    let before = local_now();
    let out = podium(d, &["demo", "--reset", "--lang", "en"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Schedule"));
    starts_at_the_next_quarter_hour(&copy, before, local_now());
    let json = |bytes: Vec<u8>| -> Value { serde_json::from_slice(&bytes).unwrap() };
    let without_day = |mut v: Value| {
        v["event"]["date"] = Value::Null;
        v["settings"]["start_time"] = Value::Null;
        comparable(v)
    };
    assert_eq!(
        without_day(json(std::fs::read(&copy).unwrap())),
        without_day(json(shipped.clone()))
    );
    let export = podium(d, &["scores", "export", path]);
    // French CSV starts with a byte order mark (Excel then reads UTF-8).
    assert_eq!(
        String::from_utf8_lossy(&export.stdout),
        "\u{feff}team;juror;criterion;value\n"
    );
}

/// The backup folder `--reset` printed.
fn backup_named(stdout: &[u8]) -> PathBuf {
    let text = String::from_utf8_lossy(stdout);
    let line = text
        .lines()
        .find(|l| l.contains("backup-"))
        .unwrap_or_else(|| panic!("no backup folder named:\n{text}"));
    let at = line.find(": ").expect("a path after the colon") + 2;
    PathBuf::from(line[at..].trim())
}

/// The demo installed in `d/data` with one score imported into it (T01,
/// J03, utilite: 15,5); the copy's session file.
fn demo_with_one_score(d: &Path) -> PathBuf {
    assert!(podium(d, &["demo"]).status.success());
    let copy = d.join("data/demo/forum.json");
    std::fs::write(
        d.join("mine.csv"),
        "team;juror;criterion;value\nT01;J03;utilite;15,5\n",
    )
    .unwrap();
    assert!(
        podium(d, &["scores", "import", copy.to_str().unwrap(), "mine.csv"])
            .status
            .success()
    );
    copy
}

#[test]
fn reset_keeps_the_previous_copy_and_starts_a_new_session() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let copy = demo_with_one_score(d);
    let path = copy.to_str().unwrap();
    std::fs::write(d.join("data/demo/teams.csv"), "id;name;org\nX;Mine;Somme\n").unwrap();
    let scored = std::fs::read(&copy).unwrap();
    let journal = std::fs::read(d.join("data/demo/forum.json.journal")).unwrap();
    let old_id = serde_json::from_slice::<Value>(&scored).unwrap()["id"].clone();

    let out = podium(d, &["demo", "--reset"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("mise de côté"), "{text}");
    let backup = backup_named(&out.stdout);
    assert_eq!(
        backup.parent(),
        Some(d.join("data/demo").as_path()),
        "{text}"
    );
    // Nothing lost: the scored copy and its journal, byte for byte, and the
    // spreadsheet the user changed.
    assert_eq!(std::fs::read(backup.join("forum.json")).unwrap(), scored);
    assert_eq!(
        std::fs::read(backup.join("forum.json.journal")).unwrap(),
        journal
    );
    assert!(
        std::fs::read_to_string(backup.join("teams.csv"))
            .unwrap()
            .contains("Mine")
    );
    assert_eq!(
        std::fs::read_to_string(d.join("data/demo/teams.csv")).unwrap(),
        std::fs::read_to_string(assets().join("teams.csv")).unwrap()
    );
    // The fresh copy is a new session (another id), at revision 1.
    let fresh: Value = serde_json::from_slice(&std::fs::read(&copy).unwrap()).unwrap();
    assert_ne!(fresh["id"], old_id);
    assert_eq!(fresh["revision"], 1);
    let lines = std::fs::read_to_string(d.join("data/demo/forum.json.journal")).unwrap();
    assert_eq!(lines.lines().count(), 1);
    assert!(lines.contains(fresh["id"].as_str().unwrap()));
    assert!(podium(d, &["check", path]).status.success());
    let old = backup.join("forum.json");
    let check = podium(d, &["check", old.to_str().unwrap()]);
    assert_ok(&check);
}

#[test]
fn reset_waits_for_a_writer_holding_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(podium(d, &["demo"]).status.success());
    let state = std::fs::read(d.join("data/demo/forum.json")).unwrap();
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(d.join("data/demo/forum.json.lock"))
        .unwrap();
    lock.lock().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["demo", "--reset"])
        .current_dir(d)
        .env("PODIUM_DATA_DIR", d.join("data"))
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        child.try_wait().unwrap().is_none(),
        "reset waits for the lock"
    );
    assert_eq!(
        std::fs::read(d.join("data/demo/forum.json")).unwrap(),
        state
    );
    lock.unlock().unwrap();
    assert!(child.wait().unwrap().success());
    assert_ne!(
        std::fs::read(d.join("data/demo/forum.json")).unwrap(),
        state
    );
}

#[test]
fn a_broken_copy_says_how_to_restore_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(podium(d, &["demo"]).status.success());
    std::fs::write(d.join("data/demo/forum.json"), "{ not json").unwrap();
    let out = podium(d, &["demo", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("forum.json"), "{err}");
    assert!(err.contains("podium demo --reset"), "{err}");
    assert!(podium(d, &["demo", "--reset"]).status.success());
}

#[test]
fn a_copy_whose_state_file_is_gone_keeps_its_journal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let copy = demo_with_one_score(d);
    let path = copy.to_str().unwrap();
    let journal = std::fs::read(d.join("data/demo/forum.json.journal")).unwrap();
    std::fs::remove_file(&copy).unwrap();
    let out = podium(d, &["demo"]);
    assert_ok(&out);
    assert_eq!(
        std::fs::read(d.join("data/demo/forum.json.journal")).unwrap(),
        journal,
        "the journal is the user's copy: not overwritten"
    );
    let export = podium(d, &["scores", "export", path]);
    assert!(
        String::from_utf8_lossy(&export.stdout).contains("T01;J03;utilite;15,5"),
        "{}",
        String::from_utf8_lossy(&export.stdout)
    );
}
