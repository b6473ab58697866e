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
    if std::env::var_os("PODIUM_CHILD_SNAPSHOT").is_some() {
        // As `podium run` does: the commit leaves the checkpoint to a
        // snapshot written off the key path.
        use std::io::Write;
        let (mut live, _) = storage::Live::open(Path::new(&file)).unwrap();
        live.defer_checkpoints();
        live.commit(&op, WAIT, Instant::now()).unwrap();
        println!("CHILD SAVED rev {}", live.session().revision);
        std::io::stdout().flush().unwrap();
        let snapshot = live.snapshot().unwrap();
        assert!(snapshot.write(WAIT).unwrap().is_some());
        println!("CHILD CHECKPOINTED");
        return;
    }
    let done = storage::commit(Path::new(&file), &op, WAIT).unwrap();
    println!("CHILD SAVED rev {}", done.session.revision);
    if std::env::var_os("PODIUM_CHILD_CHECKPOINT").is_some() {
        use std::io::Write;
        std::io::stdout().flush().unwrap();
        storage::checkpoint(Path::new(&file), WAIT).unwrap();
        println!("CHILD CHECKPOINTED");
    }
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
    .env_remove("PODIUM_CHILD_CHECKPOINT")
    .env_remove("PODIUM_CHILD_SNAPSHOT")
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
            opened
                .session
                .value(&(*t).into(), &(*j).into(), &"c1".into()),
            Some(*v),
            "{step:?}: lost {t}/{j}"
        );
    }
    let crashed = opened
        .session
        .value(&"T2".into(), &"J3".into(), &"c1".into());
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

/// A process killed right after `step` of a checkpoint that follows its
/// commit: the commit is saved; readers see every change before and after
/// recovery; the state file is the old checkpoint or the new one, never
/// half of one; the next writer removes what the crash left.
fn crash_in_checkpoint(step: Step, how: &str) {
    let (_dir, path) = folder();
    storage::create(&path, &session("ckpt", 2, 3), "w", at(0)).unwrap();
    for (t, j, v) in [("T1", "J1", "1"), ("T1", "J2", "2")] {
        storage::commit(&path, &cell(t, j, v), WAIT).unwrap();
    }
    let state_before = std::fs::read(&path).unwrap();
    let out = run_child(
        &path,
        &cell("T2", "J3", "9"),
        &[
            ("PODIUM_TEST_CRASH_AFTER", step.name().into()),
            (how, "1".into()),
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{step:?}: no crash: {stdout}");
    assert!(stdout.contains("CHILD SAVED rev 4"), "{step:?}: {stdout}");
    assert!(!stdout.contains("CHECKPOINTED"), "{step:?}: {stdout}");
    let state_after = std::fs::read(&path).unwrap();
    let renamed = matches!(
        step,
        Step::Renamed | Step::FolderSynced | Step::CheckpointUnlocked
    );
    assert_eq!(state_after == state_before, !renamed, "{step:?}");
    let on_disk: podium::domain::Session = serde_json::from_slice(&state_after).unwrap();
    assert_eq!(on_disk.revision, if renamed { 4 } else { 1 }, "{step:?}");
    // Old or new, the checkpoint records its own journal line, and readers
    // read the lines after it.
    assert_checkpoint_line(&path);
    // A reader sees every saved change, checkpoint or not.
    let want = [("T1", "J1", "1"), ("T1", "J2", "2"), ("T2", "J3", "9")];
    let loaded = storage::load(&path).unwrap();
    for (t, j, v) in want {
        assert_eq!(
            loaded.value(&t.into(), &j.into(), &"c1".into()),
            Some(dec(v)),
            "{step:?}: {t}/{j}"
        );
    }
    assert!(podium_check(&path).status.success(), "{step:?}");
    let opened = storage::open(&path).unwrap();
    assert_eq!(opened.session, loaded, "{step:?}");
    let leftovers = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().ends_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0, "{step:?}");
    let next = storage::commit(&path, &cell("T1", "J3", "4"), WAIT).unwrap();
    assert_eq!(next.session.revision, 5);
    assert!(storage::checkpoint(&path, WAIT).unwrap());
    assert_checkpoint_line(&path);
    assert_eq!(storage::load(&path).unwrap(), next.session);
    assert!(podium_check(&path).status.success());
}

#[test]
fn a_crash_after_each_step_of_a_checkpoint() {
    for step in Step::CHECKPOINT {
        crash_in_checkpoint(step, "PODIUM_CHILD_CHECKPOINT");
    }
}

/// The same for the checkpoint `podium run` writes off the key path (a
/// snapshot serialised without the lock, renamed under it).
#[test]
fn a_crash_after_each_step_of_a_snapshot_checkpoint() {
    for step in Step::CHECKPOINT {
        crash_in_checkpoint(step, "PODIUM_CHILD_SNAPSHOT");
    }
}

/// Two writers: one writes a checkpoint from its snapshot while the other
/// appends; then an older snapshot arrives after a newer checkpoint. No
/// saved change is lost and the state file never goes back.
#[test]
fn a_snapshot_written_while_another_writer_appends_loses_nothing() {
    let (_dir, path) = folder();
    storage::create(&path, &session("two", 2, 3), "w", at(0)).unwrap();
    let (mut mine, _) = storage::Live::open(&path).unwrap();
    mine.defer_checkpoints();
    mine.commit(&cell("T1", "J1", "1"), WAIT, Instant::now())
        .unwrap();
    let older = mine.snapshot().unwrap();
    mine.commit(&cell("T1", "J2", "2"), WAIT, Instant::now())
        .unwrap();
    let newer = mine.snapshot().unwrap();
    assert_eq!((older.revision(), newer.revision()), (2, 3));
    // The other writer appends after both snapshots were taken.
    storage::commit(&path, &cell("T2", "J3", "9"), WAIT).unwrap();
    let at = newer.write(WAIT).unwrap().expect("the same journal");
    assert_eq!(at.revision, 3);
    assert_eq!(storage::checkpoint_revision(&path), Some(3));
    // The older snapshot does not take the state file back.
    assert_eq!(older.write(WAIT).unwrap().map(|a| a.revision), Some(2));
    assert_eq!(storage::checkpoint_revision(&path), Some(3));
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded.revision, 4);
    for (t, j, v) in [("T1", "J1", "1"), ("T1", "J2", "2"), ("T2", "J3", "9")] {
        assert_eq!(
            loaded.value(&t.into(), &j.into(), &"c1".into()),
            Some(dec(v)),
            "{t}/{j}"
        );
    }
    mine.checkpointed(at);
    assert!(mine.refresh().unwrap());
    assert_eq!(mine.session(), &loaded);
    assert!(podium_check(&path).status.success());
}

/// A commit that finds the journal 500 lines past the state writes the
/// checkpoint itself, within its lock: killed at each step of that
/// checkpoint, it has saved its change all the same.
#[test]
fn a_crash_in_the_checkpoint_a_commit_makes() {
    let (_dir, path) = folder();
    storage::create(&path, &session("due", 2, 3), "w", at(0)).unwrap();
    for n in 0..(storage::CHECKPOINT_LINES - 1) {
        let value = (n % 10).to_string();
        let seen = (n > 0).then(|| dec(&((n - 1) % 10).to_string()));
        let change = set_cell("T1", "J1", "c1", seen, Some(dec(&value)));
        storage::commit(&path, &op(change), WAIT).unwrap();
    }
    // The state at revision 1, the journal at 500: the next commit is due.
    let revision = storage::CHECKPOINT_LINES;
    for step in [
        Step::TempWritten,
        Step::TempSynced,
        Step::Renamed,
        Step::FolderSynced,
    ] {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("forum.json");
        for name in ["forum.json", "forum.json.journal"] {
            std::fs::copy(path.with_file_name(name), dir.path().join(name)).unwrap();
        }
        let out = run_child(
            &copy,
            &cell("T2", "J3", "9"),
            &[("PODIUM_TEST_CRASH_AFTER", step.name().into())],
        );
        assert!(!out.status.success(), "{step:?}");
        let on_disk: podium::domain::Session =
            serde_json::from_slice(&std::fs::read(&copy).unwrap()).unwrap();
        let renamed = matches!(step, Step::Renamed | Step::FolderSynced);
        assert_eq!(
            on_disk.revision,
            if renamed { revision + 1 } else { 1 },
            "{step:?}"
        );
        assert_checkpoint_line(&copy);
        let loaded = storage::load(&copy).unwrap();
        assert_eq!(loaded.revision, revision + 1, "{step:?}");
        assert_eq!(
            loaded.value(&"T2".into(), &"J3".into(), &"c1".into()),
            Some(dec("9")),
            "{step:?}"
        );
        assert!(podium_check(&copy).status.success(), "{step:?}");
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
        storage::load(&path)
            .unwrap()
            .value(&"T1".into(), &"J1".into(), &"c1".into()),
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
    assert_eq!(
        on_disk.value(&"T1".into(), &"J1".into(), &"c1".into()),
        Some(dec("7"))
    );
    assert_eq!(
        on_disk.value(&"T1".into(), &"J2".into(), &"c1".into()),
        Some(dec("5"))
    );
    assert!(podium_check(&path).status.success());
}
