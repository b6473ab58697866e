//! The state, the journal, the torn-line file and the temporary state files
//! all get the same permissions: owner read and write only (jury data).
#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use common::cli::assert_ok;
use common::*;
use podium::storage;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn podium(dir: &Path, args: &[&str]) {
    let out = common::cli::podium(dir, args);
    assert_ok(&out);
}

#[test]
fn a_new_session_and_the_demo_are_owner_only_before_and_after_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("teams.csv"), "id;name;org\nT1;A;Somme\n").unwrap();
    std::fs::write(d.join("jurors.csv"), "id;name;org\nJ1;Ann;Nord\n").unwrap();
    std::fs::write(d.join("criteria.csv"), "id;label;max\nc;C;5\n").unwrap();
    std::fs::write(d.join("s.csv"), "team;juror;criterion;value\nT1;J1;c;3\n").unwrap();
    podium(
        d,
        &[
            "new",
            "s.json",
            "--teams",
            "teams.csv",
            "--jurors",
            "jurors.csv",
            "--criteria",
            "criteria.csv",
        ],
    );
    assert_eq!(mode(&d.join("s.json")), 0o600);
    assert_eq!(mode(&d.join("s.json.journal")), 0o600);
    podium(d, &["scores", "import", "s.json", "s.csv"]);
    assert_eq!(mode(&d.join("s.json")), 0o600, "after the first save");
    assert_eq!(mode(&d.join("s.json.journal")), 0o600);

    podium(d, &["demo"]);
    let demo = d.join("data/demo/forum.json");
    std::fs::write(
        d.join("demo.csv"),
        "team;juror;criterion;value\nT01;J03;utilite;15\n",
    )
    .unwrap();
    podium(d, &["scores", "import", demo.to_str().unwrap(), "demo.csv"]);
    assert_eq!(mode(&demo), 0o600, "after the first save");
    assert_eq!(mode(&d.join("data/demo/forum.json.journal")), 0o600);
}

#[test]
fn a_torn_line_moved_aside_and_a_state_left_by_a_crash_are_owner_only() {
    let (_dir, path) = folder();
    storage::create(&path, &session("s", 2, 1), "w", at(0)).unwrap();
    let journal = journal(&path);
    let mut bytes = std::fs::read(&journal).unwrap();
    bytes.extend_from_slice(b"{\"session\":\"s\",\"rev\":2,");
    std::fs::write(&journal, bytes).unwrap();
    let change = set_cell("T1", "J1", "c1", None, Some(dec("3")));
    storage::commit(&path, &op(change), Duration::from_secs(5)).unwrap();
    let files = storage::Files::new(&path);
    assert!(files.torn.exists());
    assert_eq!(mode(&files.torn), 0o600);
    // A temporary state file left by a checkpoint crashed after writing it.
    let change = set_cell("T2", "J1", "c1", None, Some(dec("3")));
    storage::commit(&path, &op(change), Duration::from_secs(5)).unwrap();
    storage::faults::crash_at(Some(storage::Step::TempWritten));
    let crashed = storage::checkpoint(&path, Duration::from_secs(5));
    storage::faults::crash_at(None);
    assert!(matches!(crashed, Err(storage::StoreError::Crashed { .. })));
    let temps: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert_eq!(temps.len(), 1);
    assert_eq!(mode(&temps[0].path()), 0o600);
}
