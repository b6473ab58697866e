//! The recovery rules, each on its own fixture (tests/fixtures/storage/*;
//! each folder's README says what is special about it).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::*;
use podium::domain::{Lang, Session};
use podium::storage::{self, Finding, LineProblem, Note, Notice, StoreError};

/// A copy of a fixture folder; returns the folder and its `forum.json`.
fn fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/storage")
        .join(name);
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&src).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let path = dir.path().join("forum.json");
    (dir, path)
}

/// Every file in the folder and its bytes (to prove nothing was written).
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn expected(dir: &Path) -> Session {
    serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap()).unwrap()
}

fn base() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/storage/base/forum.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn a_commit() -> podium::domain::Operation {
    op(set_cell("T2", "J2", "c1", None, Some(dec("5"))))
}

const WAIT: Duration = Duration::from_secs(2);

/// Every way in (open, check, and when the line is past the state's
/// revision also load and commit) refuses, names `line` of the journal, and
/// writes nothing (apart from the lock file a writer creates).
fn refused_everywhere(name: &str, line: usize, past_state: bool) -> Vec<StoreError> {
    let (dir, path) = fixture(name);
    let before = snapshot(dir.path());
    let mut errors = vec![storage::open(&path).unwrap_err()];
    if past_state {
        errors.push(storage::commit(&path, &a_commit(), WAIT).unwrap_err());
        errors.push(storage::load(&path).unwrap_err());
    }
    let journal = journal(&path);
    for e in &errors {
        let text = e.message(Lang::En);
        assert!(
            text.starts_with(&format!("{}:{line}: ", journal.display())),
            "{name}: {text}"
        );
        assert!(text.contains("nothing was written"), "{text}");
        let fr = e.message(Lang::Fr);
        assert!(fr.contains("rien n'a été écrit"), "{fr}");
    }
    let mut after = snapshot(dir.path());
    after.remove("forum.json.lock");
    assert_eq!(after, before, "{name}: files changed");
    let report = storage::inspect(&path);
    assert!(
        report
            .findings
            .iter()
            .any(|f| matches!(f, Finding::Line { line: l, .. } if *l == line)),
        "{name}: check does not report line {line}: {:?}",
        report.findings
    );
    errors
}

#[test]
fn torn_last_line_without_newline() {
    let (dir, path) = fixture("torn_no_newline");
    let torn_bytes = {
        let all = std::fs::read(journal(&path)).unwrap();
        let cut = all.iter().rposition(|&b| b == b'\n').unwrap() + 1;
        all[cut..].to_vec()
    };
    // Readers ignore it and write nothing.
    let before = snapshot(dir.path());
    assert_eq!(storage::load(&path).unwrap(), base());
    assert!(matches!(
        storage::inspect(&path).notes[..],
        [
            Note::Torn { line: 5, .. },
            Note::ChainStarts { line: 0, .. }
        ]
    ));
    assert_eq!(snapshot(dir.path()), before);
    // A writer moves it aside, cuts the journal back and says so.
    let opened = storage::open(&path).unwrap();
    assert_eq!(opened.session, base());
    assert!(
        matches!(&opened.notices[..], [Notice::TornLineMoved { line: 5, .. }]),
        "{:?}",
        opened.notices
    );
    assert_eq!(journal_lines(&path).len(), 4);
    assert!(std::fs::read(journal(&path)).unwrap().ends_with(b"}\n"));
    let mut aside = torn_bytes.clone();
    aside.push(b'\n');
    assert_eq!(
        std::fs::read(dir.path().join("forum.json.journal.torn")).unwrap(),
        aside
    );
    let text = opened.notices[0].message(Lang::En);
    assert!(
        text.contains("forum.json.journal:5:") && text.contains(".torn"),
        "{text}"
    );
    // And the session goes on.
    let done = storage::commit(&path, &a_commit(), WAIT).unwrap();
    assert_eq!(done.session.revision, 5);
    assert!(storage::inspect(&path).findings.is_empty());
}

#[test]
fn torn_last_line_that_does_not_parse() {
    let (dir, path) = fixture("torn_unparseable");
    assert_eq!(storage::load(&path).unwrap(), base());
    // A commit is a writer too: it moves the line aside before appending.
    let done = storage::commit(&path, &a_commit(), WAIT).unwrap();
    assert!(matches!(
        &done.notices[..],
        [Notice::TornLineMoved { line: 5, .. }]
    ));
    assert_eq!(done.session.revision, 5);
    let lines = journal_lines(&path);
    assert_eq!(lines.len(), 5);
    assert!(lines[4].contains(r#""rev":5"#) && lines[4].contains(r#""juror":"J2""#));
    assert!(
        std::fs::read(dir.path().join("forum.json.journal.torn"))
            .unwrap()
            .ends_with(b"garbage\n")
    );
    // The fixture predates the hash chain: it is chained from its last
    // line before the new one on (a migration), and check says so.
    let report = storage::inspect(&path);
    assert!(
        report.findings.is_empty()
            && matches!(report.notes[..], [Note::ChainStarts { line: 4, .. }]),
        "{report:?}"
    );
    let lines = journal_lines(&path);
    let prev = podium::storage::digest::line_digest(lines[3].as_bytes());
    assert!(
        lines[4].contains(&format!(r#""prev":"{prev}""#)),
        "{}",
        lines[4]
    );
    let text = report.notes[0].message(Lang::En);
    assert!(text.contains("from line 4"), "{text}");
}

#[test]
fn a_bad_line_past_the_state_refuses_to_open() {
    let errors = refused_everywhere("bad_line_in_tail", 3, true);
    assert!(matches!(
        errors[0],
        StoreError::BadLine {
            problem: LineProblem::Unreadable(_),
            ..
        }
    ));
}

#[test]
fn a_bad_line_in_the_history_is_reported_by_check_but_never_parsed() {
    // Readers, writers' opens and commits read only the lines past the
    // state's revision: the history the state already holds is never
    // parsed. `check` reads everything and names the line.
    let (_dir, path) = fixture("bad_line_in_history");
    let report = storage::inspect(&path);
    assert!(
        report
            .findings
            .iter()
            .any(|f| matches!(f, Finding::Line { line: 2, .. })),
        "{:?}",
        report.findings
    );
    assert_eq!(storage::load(&path).unwrap(), base());
    assert_eq!(storage::open(&path).unwrap().session, base());
    assert_eq!(
        storage::commit(&path, &a_commit(), WAIT)
            .unwrap()
            .session
            .revision,
        5
    );
}

#[test]
fn a_line_of_another_session_refuses_to_open() {
    let errors = refused_everywhere("other_session_line", 3, true);
    assert!(matches!(
        &errors[0],
        StoreError::BadLine { problem: LineProblem::OtherSession { found, .. }, .. } if found == "intruder"
    ));
}

#[test]
fn a_gap_refuses_to_open() {
    let errors = refused_everywhere("gap", 3, true);
    assert!(matches!(
        errors[0],
        StoreError::BadLine {
            problem: LineProblem::Gap {
                expected: 3,
                found: 4
            },
            ..
        }
    ));
}

#[test]
fn a_second_creation_refuses_to_open() {
    let errors = refused_everywhere("second_create", 3, true);
    assert!(matches!(
        errors[0],
        StoreError::BadLine {
            problem: LineProblem::Create { expected: false },
            ..
        }
    ));
}

#[test]
fn a_missing_state_is_rebuilt_from_line_one() {
    let (dir, path) = fixture("state_missing");
    let want = expected(dir.path());
    // A reader rebuilds it in memory, writing nothing.
    assert_eq!(storage::load(&path).unwrap(), want);
    assert!(!path.exists());
    assert!(matches!(
        storage::inspect(&path).notes[..],
        [Note::ChainStarts { line: 0, .. }, Note::StateMissing { .. }]
    ));
    // A writer writes it, with the digest of the journal's line 4.
    let opened = storage::open(&path).unwrap();
    assert_eq!(opened.session, want);
    assert!(matches!(
        opened.notices[..],
        [Notice::StateRebuilt { revision: 4, .. }]
    ));
    let on_disk: Session = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(on_disk, want);
    let digest = podium::storage::digest::line_digest(journal_lines(&path)[3].as_bytes());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with(&format!("{{\n  \"journal_digest\": \"{digest}\",\n")),
        "{}",
        &text[..100]
    );
    assert!(storage::inspect(&path).findings.is_empty());
}

#[test]
fn a_state_behind_the_journal_is_a_checkpoint() {
    let (dir, path) = fixture("state_behind");
    let want = expected(dir.path());
    let before = snapshot(dir.path());
    assert_eq!(storage::load(&path).unwrap(), want);
    let report = storage::inspect(&path);
    assert!(report.findings.is_empty(), "{report:?}");
    assert_eq!(snapshot(dir.path()), before);
    // Normal: a writer's open reads the tail and writes nothing (2 lines
    // past the state: no checkpoint due).
    let opened = storage::open(&path).unwrap();
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    assert_eq!(opened.session, want);
    let mut after = snapshot(dir.path());
    after.remove("forum.json.lock");
    assert_eq!(after, before);
    // A checkpoint brings the state file to the journal's end.
    assert!(storage::checkpoint(&path, WAIT).unwrap());
    assert!(!storage::checkpoint(&path, WAIT).unwrap(), "nothing to do");
    let on_disk: Session = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(on_disk, want);
    assert!(storage::inspect(&path).findings.is_empty());
}

#[test]
fn a_state_newer_than_the_journal_is_read_then_repaired() {
    let (dir, path) = fixture("state_newer");
    let before = snapshot(dir.path());
    // Readers show it as it is.
    assert_eq!(storage::load(&path).unwrap(), base());
    // Writers refuse to append after it, and say what to do.
    for e in [
        storage::open(&path).unwrap_err(),
        storage::commit(&path, &a_commit(), WAIT).unwrap_err(),
    ] {
        assert!(
            matches!(
                e,
                StoreError::StateNewer {
                    state: 4,
                    journal: Some(2),
                    ..
                }
            ),
            "{e:?}"
        );
        assert!(e.message(Lang::En).contains("podium repair"), "{e}");
        assert!(e.message(Lang::Fr).contains("rien n'a été écrit"), "{e}");
    }
    let mut after = snapshot(dir.path());
    after.remove("forum.json.lock");
    assert_eq!(after, before);
    // check reports it.
    let report = storage::inspect(&path);
    assert!(
        report.findings.iter().any(|f| matches!(
            f,
            Finding::StateNewer {
                state: 4,
                journal: Some(2),
                ..
            }
        )),
        "{:?}",
        report.findings
    );
    // repair keeps the old journal and starts a new one from the state,
    // chained to the old journal's last line.
    let old = std::fs::read(journal(&path)).unwrap();
    let old_last = journal_lines(&path)[1].clone();
    let done = storage::repair(&path, "w", at(60)).unwrap().unwrap();
    assert_eq!(done.revision, 4);
    let kept = done.kept.unwrap();
    assert!(
        kept.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("forum.json.journal.before-repair-"),
        "{kept:?}"
    );
    assert_eq!(std::fs::read(&kept).unwrap(), old);
    let lines = journal_lines(&path);
    assert_eq!(lines.len(), 1);
    let digest = podium::storage::digest::line_digest(old_last.as_bytes());
    assert!(lines[0].contains(r#""rev":4"#), "{}", lines[0]);
    assert!(lines[0].contains(&format!(r#""prev":"{digest}""#)));
    assert_eq!(done.previous, Some(digest));
    // check passes and reports the repair; nothing more to repair.
    let report = storage::inspect(&path);
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(
        matches!(report.notes[..], [Note::Repaired { revision: 4, .. }]),
        "{:?}",
        report.notes
    );
    assert!(storage::repair(&path, "w", at(61)).unwrap().is_none());
    // Work goes on at revision 5, and every reader agrees.
    let done = storage::commit(&path, &a_commit(), WAIT).unwrap();
    assert_eq!(done.session.revision, 5);
    assert_eq!(storage::open(&path).unwrap().session, done.session);
    assert_eq!(storage::load(&path).unwrap(), done.session);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        storage::load(&path).unwrap(),
        done.session,
        "rebuilt from the new journal"
    );
    assert!(storage::inspect(&path).findings.is_empty());
}

#[test]
fn an_unreadable_state_is_never_overwritten() {
    let (dir, path) = fixture("unreadable_state");
    let before = snapshot(dir.path());
    let errors = [
        storage::load(&path).unwrap_err(),
        storage::open(&path).unwrap_err(),
        storage::commit(&path, &a_commit(), WAIT).unwrap_err(),
    ];
    for e in &errors {
        assert!(matches!(e, StoreError::BadState { .. }), "{e:?}");
        let text = e.message(Lang::En);
        let prefix = format!("{}:", path.display());
        assert!(text.starts_with(&prefix), "{text}");
        // file:line:column
        let position = &text[prefix.len()..];
        let mut parts = position.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{text}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{text}");
        assert!(text.contains("left untouched"), "{text}");
    }
    let mut after = snapshot(dir.path());
    after.remove("forum.json.lock");
    assert_eq!(after, before);
}

#[test]
fn a_newer_format_is_refused_with_a_clear_message() {
    let (dir, path) = fixture("newer_format");
    let before = snapshot(dir.path());
    for e in [
        storage::load(&path).unwrap_err(),
        storage::open(&path).unwrap_err(),
    ] {
        assert!(
            matches!(
                e,
                StoreError::NewerFormat {
                    found: 99,
                    supported: 1,
                    ..
                }
            ),
            "{e:?}"
        );
        let text = e.message(Lang::En);
        assert!(
            text.contains("newer Podium") && text.contains("format 99"),
            "{text}"
        );
        assert!(e.message(Lang::Fr).contains("plus récente"));
    }
    let mut after = snapshot(dir.path());
    after.remove("forum.json.lock");
    assert_eq!(after, before);
}

#[test]
fn a_journal_of_another_session_is_refused() {
    let (dir, path) = fixture("journal_of_another_session");
    let before = snapshot(dir.path());
    for e in [
        storage::load(&path).unwrap_err(),
        storage::open(&path).unwrap_err(),
        storage::commit(&path, &a_commit(), WAIT).unwrap_err(),
    ] {
        assert!(matches!(e, StoreError::OtherSession { .. }), "{e:?}");
        let text = e.message(Lang::En);
        assert!(text.contains("fixture") && text.contains("other"), "{text}");
    }
    let mut after = snapshot(dir.path());
    after.remove("forum.json.lock");
    assert_eq!(after, before);
}

#[test]
fn the_base_fixture_is_clean() {
    let (_dir, path) = fixture("base");
    let report = storage::inspect(&path);
    assert!(
        report.findings.is_empty()
            && matches!(report.notes[..], [Note::ChainStarts { line: 0, .. }]),
        "{report:?}"
    );
    assert_eq!(report.session.unwrap(), base());
}
