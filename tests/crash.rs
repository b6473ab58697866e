//! Fault injection in real child processes, and two processes sharing the
//! lock. The child is this test binary itself, re-run on the ignored test
//! `child_commit` with the test switches set in its environment.

mod common;

use std::fs::{File, TryLockError};
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::cli::assert_ok;
use common::*;
use podium::domain::{Dec, Operation};
use podium::storage::{self, Notice, Step, StoreError};

const WAIT: Duration = Duration::from_secs(10);

/// Run in a child process only: commit the operation given in the
/// environment, then say so on standard output.
#[test]
#[ignore = "child process of the tests below"]
fn child_commit() {
    let (Ok(file), Ok(op)) = (
        std::env::var("PODIUM_CHILD_FILE"),
        std::env::var("PODIUM_CHILD_OP"),
    ) else {
        return;
    };
    let op: Operation = serde_json::from_str(&op).unwrap();
    let done = storage::commit(Path::new(&file), &op, WAIT).unwrap();
    println!("CHILD SAVED rev {}", done.session.revision);
}

fn spawn_child(path: &Path, op: &Operation, envs: &[(&str, String)]) -> std::process::Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "child_commit",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("PODIUM_CHILD_FILE", path)
    .env("PODIUM_CHILD_OP", serde_json::to_string(op).unwrap())
    .env_remove("PODIUM_TEST_CRASH_AFTER")
    .env_remove("PODIUM_TEST_HOLD_LOCK_MS")
    .stdout(std::process::Stdio::piped())
    .stderr(std::process::Stdio::piped());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.spawn().unwrap()
}

fn run_child(path: &Path, op: &Operation, envs: &[(&str, String)]) -> Output {
    spawn_child(path, op, envs).wait_with_output().unwrap()
}

fn podium_check(path: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["--lang", "en", "check"])
        .arg(path)
        .output()
        .unwrap()
}

fn cell(team: &str, juror: &str, value: &str) -> Operation {
    op(set_cell(team, juror, "c1", None, Some(dec(value))))
}

/// After a crash right after `step`: every change reported saved is there,
/// the crashed one is there exactly when its line reached the journal, and
/// `check` is clean.
fn crash_after(step: Step) {
    let (_dir, path) = folder();
    storage::create(&path, &session("crash", 2, 3), "w", at(0)).unwrap();
    let mut saved: Vec<(&str, &str, Dec)> = Vec::new();
    for (t, j, v) in [("T1", "J1", "1"), ("T1", "J2", "2"), ("T2", "J1", "3")] {
        storage::commit(&path, &cell(t, j, v), WAIT).unwrap();
        saved.push((t, j, dec(v)));
    }
    let out = run_child(
        &path,
        &cell("T2", "J3", "9"),
        &[("PODIUM_TEST_CRASH_AFTER", step.name().into())],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !out.status.success(),
        "{step:?}: the child did not crash: {stdout}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            out.status.signal(),
            Some(6),
            "{step:?}: not an abort: {:?}",
            out.status
        );
    }
    assert!(!stdout.contains("CHILD SAVED"), "{step:?}: {stdout}");
    let reached_journal =
        journal_lines(&path).len() == 5 && journal_lines(&path)[4].contains(r#""juror":"J3""#);
    let expect_reached = step.saved() || step == Step::Appended;
    assert_eq!(reached_journal, expect_reached, "{step:?}");

    let opened = storage::open(&path).unwrap();
    for (t, j, v) in &saved {
        assert_eq!(
            opened.session.value(t, j, "c1"),
            Some(*v),
            "{step:?}: lost {t}/{j}"
        );
    }
    let crashed = opened.session.value("T2", "J3", "c1");
    assert_eq!(crashed.is_some(), expect_reached, "{step:?}");
    assert_eq!(opened.session.revision, if expect_reached { 5 } else { 4 });
    if step == Step::Torn {
        assert!(
            matches!(opened.notices[..], [Notice::TornLineMoved { line: 5, .. }]),
            "{:?}",
            opened.notices
        );
    }
    // A temporary state file the crash left behind is gone.
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".forum.json."))
        .collect();
    assert!(leftovers.is_empty(), "{step:?}: {leftovers:?}");
    let check = podium_check(&path);
    assert!(
        check.status.success(),
        "{step:?}: check: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    // The state file on disk is complete, and the session goes on.
    assert_eq!(storage::load(&path).unwrap(), opened.session);
    let next = storage::commit(&path, &cell("T1", "J3", "4"), WAIT).unwrap();
    assert_eq!(next.session.revision, opened.session.revision + 1);
    assert!(podium_check(&path).status.success());
}

#[test]
fn a_crash_after_each_step_of_a_commit() {
    for step in Step::SEQUENCE.into_iter().chain([Step::Torn]) {
        crash_after(step);
    }
}

#[test]
fn without_a_switch_the_child_saves() {
    let (_dir, path) = folder();
    storage::create(&path, &session("plain", 1, 1), "w", at(0)).unwrap();
    let out = run_child(&path, &cell("T1", "J1", "6"), &[]);
    assert_ok(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("CHILD SAVED rev 2"));
    assert_eq!(
        storage::load(&path).unwrap().value("T1", "J1", "c1"),
        Some(dec("6"))
    );
}

/// Whether another process holds the lock on `lock` right now.
fn held(lock: &Path) -> bool {
    let file = File::options().write(true).open(lock).unwrap();
    match file.try_lock() {
        Ok(()) => {
            file.unlock().unwrap();
            false
        }
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(e)) => panic!("{e}"),
    }
}

#[test]
fn a_writer_waits_for_the_other_process_then_both_changes_are_saved() {
    let (_dir, path) = folder();
    storage::create(&path, &session("two", 1, 2), "w", at(0)).unwrap();
    let lock = storage::Files::new(&path).lock;
    let child = spawn_child(
        &path,
        &cell("T1", "J1", "7"),
        &[("PODIUM_TEST_HOLD_LOCK_MS", "2000".into())],
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while !held(&lock) {
        assert!(Instant::now() < deadline, "the child never took the lock");
        std::thread::sleep(Duration::from_millis(2));
    }
    // While the child holds the lock, a short wait gives up...
    let busy = storage::commit(&path, &cell("T1", "J2", "5"), Duration::from_millis(20));
    assert!(matches!(busy, Err(StoreError::Busy { .. })), "{busy:?}");
    // ...and a long one waits, then saves after the child.
    let mine = storage::commit(&path, &cell("T1", "J2", "5"), WAIT).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_ok(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("CHILD SAVED rev 2"));
    assert_eq!(mine.session.revision, 3);
    let on_disk = storage::load(&path).unwrap();
    assert_eq!(on_disk.value("T1", "J1", "c1"), Some(dec("7")));
    assert_eq!(on_disk.value("T1", "J2", "c1"), Some(dec("5")));
    assert!(podium_check(&path).status.success());
}
