//! The storage API: create, commit, load, open, stamp, refusals.

mod common;

use std::time::Duration;

use common::*;
use podium::domain::{FORMAT, Refusal};
use podium::storage::{self, StoreError};

const WAIT: Duration = Duration::from_secs(5);

#[test]
fn create_writes_line_one_and_the_state() {
    let (_dir, path) = folder();
    let created = storage::create(&path, &session("s1", 3, 2), "w", at(0)).unwrap();
    assert_eq!(created.revision, 1);
    assert_eq!(created.format, FORMAT);
    let lines = journal_lines(&path);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with(r#"{"session":"s1","rev":1,"prev":null,"op":{"#));
    assert!(lines[0].contains(r#""kind":"create""#));
    assert!(std::fs::read(journal(&path)).unwrap().ends_with(b"\n"));
    assert_eq!(storage::load(&path).unwrap(), created);
    assert!(storage::Files::new(&path).lock.exists());
}

#[test]
fn create_refuses_an_existing_file_or_journal() {
    let (_dir, path) = folder();
    storage::create(&path, &session("s1", 1, 1), "w", at(0)).unwrap();
    let err = storage::create(&path, &session("s2", 1, 1), "w", at(0)).unwrap_err();
    assert!(matches!(err, StoreError::Exists { .. }), "{err:?}");
    std::fs::remove_file(&path).unwrap();
    let err = storage::create(&path, &session("s2", 1, 1), "w", at(0)).unwrap_err();
    match err {
        StoreError::Exists { path: p } => assert_eq!(p, journal(&path)),
        other => panic!("{other:?}"),
    }
    // Nothing was overwritten: the journal is still session s1's.
    assert!(journal_lines(&path)[0].contains(r#""session":"s1""#));
}

#[test]
fn commit_appends_one_chained_line_and_leaves_the_checkpoint() {
    let (_dir, path) = folder();
    storage::create(&path, &session("s1", 2, 2), "w", at(0)).unwrap();
    let done = storage::commit(
        &path,
        &op(set_cell("T1", "J1", "c1", None, Some(dec("7")))),
        WAIT,
    )
    .unwrap();
    assert_eq!(done.session.revision, 2);
    assert_eq!(
        done.session.value(&"T1".into(), &"J1".into(), &"c1".into()),
        Some(dec("7"))
    );
    assert!(done.notices.is_empty());
    let lines = journal_lines(&path);
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with(r#"{"session":"s1","rev":1,"prev":null,"op":"#));
    let prev = storage::digest::line_digest(lines[0].as_bytes());
    assert!(
        lines[1].starts_with(&format!(
            r#"{{"session":"s1","rev":2,"prev":"{prev}","op":"#
        )),
        "{}",
        lines[1]
    );
    // The state file is a checkpoint: still at revision 1, with line 1's
    // digest; readers replay the line past it.
    let state = std::fs::read_to_string(&path).unwrap();
    assert!(state.contains(&format!(r#""journal_digest": "{prev}""#)));
    assert!(state.contains(r#""revision": 1,"#), "{state}");
    assert_eq!(storage::load(&path).unwrap(), done.session);
    assert_eq!(storage::open(&path).unwrap().session, done.session);
    assert!(storage::inspect(&path).findings.is_empty());
    assert!(storage::inspect(&path).notes.is_empty());
}

#[test]
fn a_report_reads_the_digest_of_the_last_line_without_the_history() {
    let (_dir, path) = folder();
    storage::create(&path, &session("s1", 2, 2), "w", at(0)).unwrap();
    let last = || storage::digest::last_digest(&journal(&path)).unwrap();
    let both = |why: &str| {
        let (session, digest) = storage::load_with_digest(&path).unwrap();
        assert_eq!(session, storage::load(&path).unwrap(), "{why}");
        assert_eq!(digest, last(), "{why}");
        assert!(digest.is_some(), "{why}");
    };
    both("the journal ends at the checkpoint");
    for (n, value) in ["7", "8"].into_iter().enumerate() {
        let seen = (n > 0).then(|| dec("7"));
        let cell = set_cell("T1", "J1", "c1", seen, Some(dec(value)));
        storage::commit(&path, &op(cell), WAIT).unwrap();
        both("lines past the checkpoint");
    }
    assert!(storage::checkpoint(&path, WAIT).unwrap());
    both("a checkpoint at the last line");
    let mut bytes = std::fs::read(journal(&path)).unwrap();
    bytes.extend_from_slice(br#"{"session":"s1","rev":4,"#);
    std::fs::write(journal(&path), bytes).unwrap();
    both("a torn last line");
}

#[test]
fn a_refused_operation_writes_nothing() {
    let (_dir, path) = folder();
    storage::create(&path, &session("s1", 2, 2), "w", at(0)).unwrap();
    let before = std::fs::read(journal(&path)).unwrap();
    let err = storage::commit(
        &path,
        &op(set_cell("T1", "J1", "c1", None, Some(dec("11")))),
        WAIT,
    )
    .unwrap_err();
    assert!(
        matches!(err, StoreError::Refused(Refusal::OutOfRange { .. })),
        "{err:?}"
    );
    assert_eq!(std::fs::read(journal(&path)).unwrap(), before);
    assert_eq!(storage::load(&path).unwrap().revision, 1);
}

#[test]
fn a_stale_cell_is_refused_with_both_values() {
    let (_dir, path) = folder();
    storage::create(&path, &session("s1", 2, 2), "w", at(0)).unwrap();
    storage::commit(
        &path,
        &op(set_cell("T1", "J1", "c1", None, Some(dec("7")))),
        WAIT,
    )
    .unwrap();
    let err = storage::commit(
        &path,
        &op(set_cell("T1", "J1", "c1", None, Some(dec("3")))),
        WAIT,
    )
    .unwrap_err();
    match err.refusal() {
        Some(Refusal::StaleCell { seen, current, .. }) => {
            assert_eq!(*seen, None);
            assert_eq!(*current, Some(dec("7")));
        }
        other => panic!("{other:?}"),
    }
    let text = err.message(podium::domain::Lang::En);
    assert!(text.contains("seen (empty), now 7"), "{text}");
}

#[test]
fn busy_when_the_lock_is_held() {
    let (_dir, path) = folder();
    storage::create(&path, &session("s1", 1, 1), "w", at(0)).unwrap();
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(storage::Files::new(&path).lock)
        .unwrap();
    lock.lock().unwrap();
    let err = storage::commit(
        &path,
        &op(set_cell("T1", "J1", "c1", None, Some(dec("1")))),
        Duration::from_millis(30),
    )
    .unwrap_err();
    assert!(matches!(err, StoreError::Busy { .. }), "{err:?}");
    // Readers never wait for the lock.
    assert_eq!(storage::load(&path).unwrap().revision, 1);
    lock.unlock().unwrap();
    storage::commit(
        &path,
        &op(set_cell("T1", "J1", "c1", None, Some(dec("1")))),
        WAIT,
    )
    .unwrap();
}

#[test]
fn stamp_changes_with_every_commit() {
    let (_dir, path) = folder();
    storage::create(&path, &session("s1", 1, 1), "w", at(0)).unwrap();
    let first = storage::stamp(&path).unwrap();
    assert_eq!(storage::stamp(&path).unwrap(), first);
    storage::commit(
        &path,
        &op(set_cell("T1", "J1", "c1", None, Some(dec("1")))),
        WAIT,
    )
    .unwrap();
    assert_ne!(storage::stamp(&path).unwrap(), first);
}

#[test]
fn new_ids_differ() {
    let ids: std::collections::BTreeSet<_> = (0..1000).map(|_| storage::new_id()).collect();
    assert_eq!(ids.len(), 1000);
    assert!(ids.iter().all(|id| id.len() == 16));
}

#[test]
fn a_missing_session_names_the_file() {
    let (_dir, path) = folder();
    let err = storage::load(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }));
    assert!(
        err.message(podium::domain::Lang::En)
            .starts_with(&path.display().to_string())
    );
}

#[test]
fn create_in_a_missing_folder_names_the_folder() {
    let (dir, _) = folder();
    let path = dir.path().join("nowhere").join("forum.json");
    let err = storage::create(&path, &session("s1", 1, 1), "w", at(0)).unwrap_err();
    let text = err.message(podium::domain::Lang::En);
    assert!(
        text.starts_with(&format!(
            "{}: cannot create",
            dir.path().join("nowhere").display()
        )),
        "{text}"
    );
    assert!(!dir.path().join("nowhere").exists());
}

#[test]
fn a_terminal_checkpoints_after_two_idle_seconds_and_reads_only_new_lines() {
    use std::time::Instant;
    let (_dir, path) = folder();
    storage::create(&path, &session("s1", 2, 2), "w", at(0)).unwrap();
    let (mut mine, notices) = storage::Live::open(&path).unwrap();
    assert!(notices.is_empty());
    let mut display = storage::Live::read(&path).unwrap();
    let t0 = Instant::now();
    let change = set_cell("T1", "J1", "c1", None, Some(dec("7")));
    mine.commit(&op(change), WAIT, t0).unwrap();
    let done = mine.session().clone();
    assert_eq!(done.revision, 2);
    let state_rev = || storage::checkpoint_revision(&path);
    assert_eq!(state_rev(), Some(1), "no checkpoint per keystroke");
    // Not idle long enough yet; then due.
    assert!(
        !mine
            .checkpoint_if_due(t0 + Duration::from_millis(1999), WAIT)
            .unwrap()
    );
    assert_eq!(state_rev(), Some(1));
    assert!(
        mine.checkpoint_if_due(t0 + storage::IDLE_CHECKPOINT, WAIT)
            .unwrap()
    );
    assert_eq!(state_rev(), Some(2));
    assert!(
        !mine
            .checkpoint_if_due(t0 + Duration::from_secs(9), WAIT)
            .unwrap()
    );
    // The display reads the new line, then nothing more: a checkpoint is
    // not a change.
    assert!(display.refresh().unwrap());
    assert_eq!(display.session(), &done);
    assert!(!display.refresh().unwrap());
    // Another writer's change reaches both terminals.
    let change = set_cell("T2", "J1", "c1", None, Some(dec("3")));
    let other = storage::commit(&path, &op(change), WAIT).unwrap();
    assert!(display.refresh().unwrap());
    assert!(mine.refresh().unwrap());
    assert_eq!(display.session(), &other.session);
    assert_eq!(mine.session(), &other.session);
}

/// A terminal tells the screen's copy what changed: its own changes and
/// the other writer's, in journal order, applied to a copy at the older
/// revision, give the same session; forgotten changes are no longer
/// offered (the copy is then replaced whole). A snapshot checkpoint made
/// off the key path is the session at its revision.
#[test]
fn a_terminal_hands_out_the_changes_since_a_revision() {
    use std::time::Instant;
    let (_dir, path) = folder();
    storage::create(&path, &session("s1", 2, 2), "w", at(0)).unwrap();
    let (mut mine, _) = storage::Live::open(&path).unwrap();
    mine.defer_checkpoints();
    let copy = mine.session().clone();
    let first = set_cell("T1", "J1", "c1", None, Some(dec("7")));
    mine.commit(&op(first), WAIT, Instant::now()).unwrap();
    let theirs = set_cell("T2", "J1", "c1", None, Some(dec("3")));
    storage::commit(&path, &op(theirs), WAIT).unwrap();
    let again = set_cell("T1", "J1", "c1", Some(dec("7")), Some(dec("8")));
    mine.commit(&op(again), WAIT, Instant::now()).unwrap();
    assert_eq!(mine.session().revision, 4);
    assert_eq!(storage::checkpoint_revision(&path), Some(1));
    let changes = mine.changes_since(1).expect("every change since 1");
    let revs: Vec<u64> = changes.iter().map(|(rev, _)| *rev).collect();
    assert_eq!(revs, [2, 3, 4]);
    let mut caught_up = copy;
    for (rev, change) in &changes {
        podium::domain::apply(&mut caught_up, change).unwrap();
        caught_up.revision = *rev;
    }
    assert_eq!(&caught_up, mine.session());
    assert_eq!(mine.changes_since(4).map(|c| c.len()), Some(0));
    mine.forget_until(3);
    assert!(mine.changes_since(2).is_none());
    assert_eq!(mine.changes_since(3).map(|c| c.len()), Some(1));
    // Written off the key path: the state file then holds revision 4.
    assert!(mine.checkpoint_wanted(Instant::now() + storage::IDLE_CHECKPOINT));
    let snapshot = mine.snapshot().unwrap();
    let at = snapshot.write(WAIT).unwrap().expect("the same journal");
    mine.checkpointed(at);
    assert_eq!(storage::checkpoint_revision(&path), Some(4));
    assert!(!mine.checkpoint_wanted(Instant::now() + storage::IDLE_CHECKPOINT));
    assert_eq!(&storage::load(&path).unwrap(), mine.session());
}

/// A terminal does not keep a batch as large as an import for the
/// screen's copy (a command line import would hold it twice): a copy older
/// than it is replaced whole, and the changes after it are handed out as
/// before.
#[test]
fn a_terminal_does_not_keep_an_import_for_the_copies() {
    use podium::domain::{BatchLabel, Change};
    use std::time::Instant;
    let (_dir, path) = folder();
    storage::create(&path, &session("s1", 52, 100), "w", at(0)).unwrap();
    let (mut mine, _) = storage::Live::open(&path).unwrap();
    let small = set_cell("T1", "J1", "c1", None, Some(dec("1")));
    mine.commit(&op(small), WAIT, Instant::now()).unwrap();
    let mut changes = Vec::new();
    for t in 2..=52 {
        for j in 1..=100 {
            for c in ["c1", "c2"] {
                let (t, j) = (format!("T{t}"), format!("J{j}"));
                changes.push(set_cell(&t, &j, c, None, Some(dec("2"))));
            }
        }
    }
    assert!(changes.len() > 10_000);
    let label = BatchLabel::Import {
        file: "a.csv".into(),
    };
    let import = Change::Batch { label, changes };
    mine.commit(&op(import), WAIT, Instant::now()).unwrap();
    let after = set_cell("T1", "J1", "c1", Some(dec("1")), Some(dec("3")));
    mine.commit(&op(after.clone()), WAIT, Instant::now())
        .unwrap();
    assert_eq!(mine.session().revision, 4);
    assert!(mine.changes_since(1).is_none());
    assert!(mine.changes_since(2).is_none());
    assert_eq!(mine.changes_since(3), Some(vec![(4, after)]));
    assert_eq!(&storage::load(&path).unwrap(), mine.session());
}
