//! The built-in demo forum: `podium` and `podium demo [--reset]` copy it to
//! the data folder (kept if there), it passes `check`, and the shipped
//! session is exactly what `podium new` makes from the shipped spreadsheets.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo")
}

fn podium(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .current_dir(dir)
        .env("PODIUM_DATA_DIR", dir.join("data"))
        .output()
        .expect("podium runs")
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

/// A session's JSON without what differs from one creation to the next.
fn comparable(mut v: Value) -> Value {
    v.as_object_mut().expect("an object").remove("id");
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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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

#[test]
fn demo_copies_once_and_reset_restores() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let copy = d.join("data/demo/forum.json");
    let out = podium(d, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&copy.display().to_string()), "{text}");
    assert!(text.contains("14:00  T01"), "{text}");
    assert!(text.contains("Forum interdépartemental"), "{text}");
    let shipped = std::fs::read(assets().join("forum.json")).unwrap();
    assert_eq!(std::fs::read(&copy).unwrap(), shipped);
    assert_eq!(
        std::fs::read(d.join("data/demo/forum.json.journal")).unwrap(),
        std::fs::read(assets().join("forum.json.journal")).unwrap()
    );
    assert!(d.join("data/demo/teams.csv").exists());

    // The user's copy is kept...
    std::fs::write(
        d.join("mine.csv"),
        "team;juror;criterion;value\nT01;J03;utilite;15,5\n",
    )
    .unwrap();
    let path = copy.to_str().unwrap();
    let imported = podium(d, &["scores", "import", path, "mine.csv"]);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let changed = std::fs::read(&copy).unwrap();
    assert_ne!(changed, shipped);
    assert!(podium(d, &["demo", "--lang", "en"]).status.success());
    assert_eq!(std::fs::read(&copy).unwrap(), changed);
    // ...until --reset.
    let out = podium(d, &["demo", "--reset", "--lang", "en"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Schedule"));
    assert_eq!(std::fs::read(&copy).unwrap(), shipped);
    let export = podium(d, &["scores", "export", path]);
    assert_eq!(
        String::from_utf8_lossy(&export.stdout),
        "team;juror;criterion;value\n"
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
