//! `podium new --warning/--alarm`: the session's own thresholds, and their
//! defaults (a third and a sixth of a pitch shorter than three minutes).

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::{command, files, no_panic, output, stderr};
use podium::domain::Session;

fn podium(dir: &Path, args: &[&str]) -> Output {
    output(command(dir, args).env("PODIUM_DATA_DIR", dir.join("data")))
}

fn thresholds(dir: &Path, args: &[&str]) -> (u32, u32) {
    let out = podium(dir, args);
    assert!(out.status.success(), "{}", stderr(&out));
    let s: Session = serde_json::from_slice(&std::fs::read(dir.join(args[1])).unwrap()).unwrap();
    (s.settings.warning_secs, s.settings.alarm_secs)
}

#[test]
fn thresholds_are_the_sessions_own() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(thresholds(d, &["new", "a.json"]), (60, 30));
    assert_eq!(
        thresholds(d, &["new", "b.json", "--warning", "45s", "--alarm", "15s"]),
        (45, 15)
    );
    // A 20-second pitch is not red from the start: 0:06 and 0:03.
    assert_eq!(thresholds(d, &["new", "c.json", "--pitch", "20s"]), (6, 3));
    assert_eq!(thresholds(d, &["new", "d.json", "--pitch", "2m"]), (40, 20));
    // One given, the other defaults.
    assert_eq!(
        thresholds(d, &["new", "e.json", "--pitch", "1m", "--alarm", "5s"]),
        (20, 5)
    );
}

#[test]
fn bad_thresholds_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = podium(
        d,
        &[
            "--lang",
            "en",
            "new",
            "s.json",
            "--warning",
            "soon",
            "--alarm",
            "1m",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    no_panic(&out);
    assert!(stderr(&out).contains("--warning soon"), "{}", stderr(&out));
    assert!(files(d).is_empty());
    // The alarm after the warning.
    let out = podium(d, &["new", "s.json", "--warning", "20s", "--alarm", "40s"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("seuil d'alarme"), "{}", stderr(&out));
    assert!(files(d).is_empty());
}
