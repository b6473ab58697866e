//! `podium check` reports a criterion whose maximum the step never reaches
//! (a session made before `new` refused it).

mod common;

use std::process::Command;

use common::*;
use podium::storage;

#[test]
fn check_reports_a_maximum_off_the_step() {
    let (dir, path) = folder();
    let mut s = session("s", 2, 2);
    s.criteria[0].step = dec("0.3");
    s.criteria[0].max = dec("5");
    storage::create(&path, &s, "w", at(0)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["check", path.to_str().unwrap(), "--lang", "fr"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(
            "forum.json: critère c1 : le maximum (5) n'est pas atteignable depuis le minimum (0) par pas de 0,3"
        ),
        "{err}"
    );
    // c2 (0–20 step 0.5) is fine, and so is c1 on a reachable maximum.
    let (_dir2, ok_path) = folder();
    storage::create(&ok_path, &session("t", 2, 2), "w", at(0)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["check", ok_path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
}
