//! Starting a session over never destroys the old one, and an operation
//! made on one session is never saved into another put in its place.

mod common;

use std::time::Duration;

use common::*;
use podium::storage::{self, Expect, StoreError};

const WAIT: Duration = Duration::from_secs(5);

fn scored(path: &std::path::Path, n: u32) -> podium::domain::Session {
    let mut last = None;
    for i in 1..=n {
        let change = set_cell(&format!("T{i}"), "J1", "c1", None, Some(dec("5")));
        last = Some(storage::commit(path, &op(change), WAIT).unwrap().session);
    }
    last.unwrap()
}

#[test]
fn replace_moves_the_old_files_into_a_backup_folder_and_creates_the_new_session() {
    let (dir, path) = folder();
    storage::create(&path, &session("old", 3, 2), "w", at(0)).unwrap();
    let before = scored(&path, 3);
    assert_eq!(before.revision, 4);
    let files = storage::Files::new(&path);
    std::fs::write(&files.torn, b"{\"half a line\n").unwrap();
    let state = std::fs::read(&path).unwrap();
    let journal_bytes = std::fs::read(&files.journal).unwrap();

    let replaced = storage::replace(&path, &session("new", 3, 2), "w", at(10)).unwrap();
    assert_eq!(replaced.session.id, "new");
    assert_eq!(replaced.session.revision, 1);
    let backup = replaced.backup.expect("a backup folder");
    assert_eq!(backup.parent(), Some(dir.path()));
    let name = backup.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(storage::BACKUP_PREFIX), "{name}");
    // The old files, byte for byte, in the backup folder.
    assert_eq!(std::fs::read(backup.join("forum.json")).unwrap(), state);
    assert_eq!(
        std::fs::read(backup.join("forum.json.journal")).unwrap(),
        journal_bytes
    );
    assert!(backup.join("forum.json.journal.torn").exists());
    assert!(!files.torn.exists());
    assert_eq!(storage::load(&backup.join("forum.json")).unwrap(), before);
    // The new session in place, one journal line.
    assert_eq!(storage::load(&path).unwrap(), replaced.session);
    assert_eq!(journal_lines(&path).len(), 1);
    assert_eq!(storage::backup_of(&path, "old"), Some(backup.clone()));
    assert_eq!(storage::backup_of(&path, "new"), None);

    // A second replace on the same second gets its own folder.
    let again = storage::replace(&path, &session("third", 1, 1), "w", at(10)).unwrap();
    let second = again.backup.unwrap();
    assert_ne!(second, backup);
    assert_eq!(storage::load(&second.join("forum.json")).unwrap().id, "new");
    assert_eq!(storage::load(&backup.join("forum.json")).unwrap(), before);
}

#[test]
fn replace_without_a_session_creates_it_and_backs_up_nothing() {
    let (_dir, path) = folder();
    let replaced = storage::replace(&path, &session("s", 1, 1), "w", at(0)).unwrap();
    assert_eq!(replaced.backup, None);
    assert_eq!(storage::load(&path).unwrap().id, "s");
}

#[test]
fn an_operation_made_on_a_replaced_session_is_never_saved_into_the_new_one() {
    let (_dir, path) = folder();
    storage::create(&path, &session("old", 3, 2), "w", at(0)).unwrap();
    let seen = scored(&path, 2);
    let expect = Expect::of(&seen);
    storage::replace(&path, &session("new", 3, 2), "w", at(10)).unwrap();
    let files = storage::Files::new(&path);
    let (state, journal_bytes) = (
        std::fs::read(&path).unwrap(),
        std::fs::read(&files.journal).unwrap(),
    );
    // T3's cell is empty in the new session too: without the expectation,
    // the operation would apply there.
    let change = set_cell("T3", "J1", "c1", None, Some(dec("7")));
    let err = storage::commit_expecting(&path, &op(change.clone()), WAIT, &expect).unwrap_err();
    match &err {
        StoreError::Replaced {
            expected, found, ..
        } => {
            assert_eq!(expected, "old");
            assert_eq!(found, "new");
        }
        other => panic!("{other:?}"),
    }
    let message = err.message(podium::domain::Lang::Fr);
    assert!(message.contains("remplacée"), "{message}");
    assert!(message.contains("forum.json"), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), state);
    assert_eq!(std::fs::read(&files.journal).unwrap(), journal_bytes);
    // With the new session's expectation, it goes in.
    let fresh = storage::load(&path).unwrap();
    let ok = storage::commit_expecting(&path, &op(change), WAIT, &Expect::of(&fresh)).unwrap();
    assert_eq!(ok.session.revision, 2);
}

#[test]
fn an_older_copy_put_back_is_refused_too() {
    let (dir, path) = folder();
    storage::create(&path, &session("s", 3, 2), "w", at(0)).unwrap();
    let files = storage::Files::new(&path);
    let keep = dir.path().join("older");
    std::fs::create_dir(&keep).unwrap();
    std::fs::copy(&path, keep.join("s.json")).unwrap();
    std::fs::copy(&files.journal, keep.join("s.journal")).unwrap();
    let seen = scored(&path, 3);
    // Someone copies the revision-1 files back over the session.
    std::fs::copy(keep.join("s.json"), &path).unwrap();
    std::fs::copy(keep.join("s.journal"), &files.journal).unwrap();
    let change = set_cell("T1", "J2", "c1", None, Some(dec("1")));
    let err = storage::commit_expecting(&path, &op(change), WAIT, &Expect::of(&seen)).unwrap_err();
    match err {
        StoreError::Replaced {
            seen: 4,
            found_revision: 1,
            ..
        } => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(journal_lines(&path).len(), 1);
}
