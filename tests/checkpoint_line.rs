//! The state file records where its own journal line lies
//! (`journal_line`): every writer of a checkpoint fills it, and readers
//! read the journal after it; a journal that does not match it reads
//! exactly as it did without it.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;
use podium::domain::{Dec, Operation};
use podium::storage;

const WAIT: Duration = Duration::from_secs(5);

fn cell(team: &str, juror: &str, value: i64) -> Operation {
    op(set_cell(team, juror, "c1", None, Some(Dec::int(value))))
}

#[test]
fn every_writer_of_a_checkpoint_records_its_line() {
    let (_dir, path) = folder();
    // `new` (and `demo --reset`, `repair`: a journal started from a state).
    storage::create(&path, &session("w", 2, 3), "w", at(0)).unwrap();
    assert_checkpoint_line(&path);
    // A command-line commit with no state to read: it checkpoints.
    std::fs::remove_file(&path).unwrap();
    storage::commit(&path, &cell("T1", "J1", 1), WAIT).unwrap();
    assert_checkpoint_line(&path);
    // `checkpoint`, after a commit that did not write one.
    storage::commit(&path, &cell("T1", "J2", 2), WAIT).unwrap();
    assert_eq!(storage::checkpoint_revision(&path), Some(2));
    assert!(storage::checkpoint(&path, WAIT).unwrap());
    assert_checkpoint_line(&path);
    // A writer's open that rebuilds a missing state.
    std::fs::remove_file(&path).unwrap();
    let (mut live, _) = storage::Live::open(&path).unwrap();
    assert_checkpoint_line(&path);
    // A terminal's checkpoint, after its own change and another writer's.
    live.commit(&cell("T1", "J3", 3), WAIT, Instant::now())
        .unwrap();
    storage::commit(&path, &cell("T2", "J1", 4), WAIT).unwrap();
    assert!(live.checkpoint(WAIT).unwrap());
    assert_eq!(storage::checkpoint_revision(&path), Some(5));
    assert_checkpoint_line(&path);
    // A snapshot written off the key path.
    live.defer_checkpoints();
    live.commit(&cell("T2", "J2", 5), WAIT, Instant::now())
        .unwrap();
    let written = live.snapshot().unwrap().write(WAIT).unwrap().unwrap();
    assert_eq!(written.revision, 6);
    assert_checkpoint_line(&path);
    // Lines past the checkpoint are read after its line.
    storage::commit(&path, &cell("T2", "J3", 6), WAIT).unwrap();
    assert_eq!(storage::load(&path).unwrap().revision, 7);
    // `repair` after the journal lost lines: a new journal, its line 1.
    std::fs::write(journal(&path), journal_lines(&path)[0].clone() + "\n").unwrap();
    storage::checkpoint(&path, WAIT).unwrap_err();
    storage::repair(&path, "w", at(60)).unwrap().unwrap();
    assert_checkpoint_line(&path);
    assert!(storage::inspect(&path).findings.is_empty());
}

/// Half a line left at the journal's end by a writer that crashed.
fn tear(path: &Path, rev: u64) {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(journal(path))
        .unwrap();
    let half = format!("{{\"session\":\"t\",\"rev\":{rev},\"prev\":\"ab");
    file.write_all(half.as_bytes()).unwrap();
}

#[test]
fn writers_record_their_line_after_a_torn_line_is_cut_away() {
    let (_dir, path) = folder();
    storage::create(&path, &session("t", 3, 3), "w", at(0)).unwrap();
    // A command-line commit moves the torn line aside, then appends and
    // checkpoints (no state to read).
    tear(&path, 2);
    std::fs::remove_file(&path).unwrap();
    storage::commit(&path, &cell("T1", "J1", 1), WAIT).unwrap();
    assert_checkpoint_line(&path);
    // `checkpoint` with a torn line after the line it records.
    storage::commit(&path, &cell("T1", "J2", 2), WAIT).unwrap();
    tear(&path, 4);
    assert!(storage::checkpoint(&path, WAIT).unwrap());
    assert_checkpoint_line(&path);
    // A writer's open that moves a torn line aside and rebuilds the state.
    storage::commit(&path, &cell("T1", "J3", 3), WAIT).unwrap();
    tear(&path, 5);
    std::fs::remove_file(&path).unwrap();
    let (mut live, _) = storage::Live::open(&path).unwrap();
    assert_checkpoint_line(&path);
    // A terminal that read a torn line another writer left, then commits
    // (the torn line cut away first) and checkpoints.
    tear(&path, 5);
    live.refresh().unwrap();
    live.commit(&cell("T2", "J1", 4), WAIT, Instant::now())
        .unwrap();
    assert!(live.checkpoint(WAIT).unwrap());
    assert_checkpoint_line(&path);
    // A snapshot taken, then another writer cuts a torn line away and
    // appends before the snapshot is written: it still records its line.
    live.defer_checkpoints();
    live.commit(&cell("T2", "J2", 5), WAIT, Instant::now())
        .unwrap();
    let snapshot = live.snapshot().unwrap();
    tear(&path, 7);
    storage::commit(&path, &cell("T2", "J3", 6), WAIT).unwrap();
    let written = snapshot.write(WAIT).unwrap().unwrap();
    assert_eq!(written.revision, 6);
    assert_eq!(storage::checkpoint_revision(&path), Some(6));
    assert_checkpoint_line(&path);
    assert_eq!(storage::load(&path).unwrap().revision, 7);
    // The terminal reads the other writer's line, tears are cut by the
    // next commit, and its checkpoint records the line it wrote.
    live.refresh().unwrap();
    tear(&path, 8);
    live.commit(&cell("T3", "J1", 7), WAIT, Instant::now())
        .unwrap();
    assert!(live.checkpoint(WAIT).unwrap());
    assert_checkpoint_line(&path);
    assert_eq!(storage::load(&path).unwrap().revision, 8);
    assert!(storage::inspect(&path).findings.is_empty());
    // Every torn line was cut away (and kept aside).
    let torn = std::fs::read_to_string(storage::Files::new(&path).torn).unwrap();
    assert_eq!(torn.lines().count(), 6);
}

/// What readers and a writer make of the files as they are: the session
/// read, the digest a report prints, a commit's outcome, then `check`.
fn outcome(path: &Path) -> String {
    let loaded = storage::load(path);
    let digest = storage::load_with_digest(path).map(|(_, d)| d);
    let committed = storage::commit(path, &cell("T2", "J3", 9), WAIT).map(|c| c.session);
    let after = storage::load(path);
    let report = storage::inspect(path);
    format!("{loaded:?}\n{digest:?}\n{committed:?}\n{after:?}\n{report:?}")
}

/// The state's text without `journal_line`, as Podium wrote it before.
fn without_line(state: &str) -> String {
    let from = state.find("  \"journal_line\"").expect("a recorded line");
    let to = from + state[from..].find("},\n").unwrap() + 3;
    format!("{}{}", &state[..from], &state[to..])
}

/// The state's text with `journal_line` set to `start..end`.
fn with_line(state: &str, start: u64, end: u64) -> String {
    let from = state.find("  \"journal_line\"").expect("a recorded line");
    let to = from + state[from..].find("},\n").unwrap() + 3;
    let line =
        format!("  \"journal_line\": {{\n    \"start\": {start},\n    \"end\": {end}\n  }},\n");
    format!("{}{line}{}", &state[..from], &state[to..])
}

/// Each way the journal may not match the state's record: the outcome is
/// the one the same files give without the record.
#[test]
fn a_journal_that_does_not_match_the_record_reads_as_without_it() {
    let (_dir, path) = folder();
    storage::create(&path, &session("m", 2, 3), "w", at(0)).unwrap();
    for (j, v) in [("J1", 1), ("J2", 2)] {
        storage::commit(&path, &cell("T1", j, v), WAIT).unwrap();
    }
    let older = std::fs::read(journal(&path)).unwrap();
    for (j, v) in [("J3", 3), ("J1", 4)] {
        storage::commit(&path, &cell("T2", j, v), WAIT).unwrap();
    }
    assert!(storage::checkpoint(&path, WAIT).unwrap());
    let state = std::fs::read_to_string(&path).unwrap();
    let intact = std::fs::read(journal(&path)).unwrap();
    let lines = journal_lines(&path);
    let last_start = (intact.len() - lines[4].len() - 1) as u64;
    let end = intact.len() as u64;
    let with = |extra: &[u8]| [intact.as_slice(), extra].concat();
    let fork = String::from_utf8(intact.clone()).unwrap();
    let cut = fork.rfind("4").unwrap();
    let mut forked = fork.into_bytes();
    forked[cut] = b'5';
    let other = lines[0].replacen("\"m\"", "\"x\"", 1);
    let journals: Vec<(&str, Vec<u8>)> = vec![
        ("intact", intact.clone()),
        ("torn", with(b"{\"session\":\"m\",\"rev\":6")),
        ("an older copy", older.clone()),
        (
            "cut in the checkpoint's line",
            intact[..intact.len() - 10].to_vec(),
        ),
        ("a fork of the same length", forked),
        ("another session", format!("{other}\n").into_bytes()),
        ("a line past that does not chain", with(lines[4].as_bytes())),
    ];
    let states = [
        ("recorded", state.clone()),
        ("one byte late", with_line(&state, last_start + 1, end)),
        ("ending early", with_line(&state, last_start, end - 1)),
        (
            "two lines",
            with_line(&state, last_start - lines[3].len() as u64 - 1, end),
        ),
        ("past the end", with_line(&state, last_start, end + 100)),
    ];
    for (name, bytes) in &journals {
        for (kind, state) in &states {
            let run = |state: &str| {
                std::fs::write(&path, state).unwrap();
                std::fs::write(journal(&path), bytes).unwrap();
                let _ = std::fs::remove_file(storage::Files::new(&path).torn);
                outcome(&path)
            };
            let recorded = run(state);
            let before = run(&without_line(state));
            assert_eq!(recorded, before, "{name}, {kind}");
        }
    }
    // The intact journal, read after the record: all four changes.
    std::fs::write(&path, &state).unwrap();
    std::fs::write(journal(&path), &intact).unwrap();
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded.revision, 5);
    assert_eq!(
        loaded.value(&"T2".into(), &"J1".into(), &"c1".into()),
        Some(Dec::int(4))
    );
}
