//! The fuzz corpus, replayed: every committed seed (`fuzz/corpus/*/seed-*`)
//! and every input that once made a target fail (`fuzz/regressions/*/*`)
//! goes through the same harness as `cargo fuzz` (`podium::fuzzing`).
//! `scripts/fuzz.sh` runs the targets themselves, outside CI.

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

type Harness = fn(&[u8]);

const TARGETS: [(&str, Harness); 3] = [
    ("session_files", |d| {
        podium::fuzzing::session_files(d);
    }),
    ("spreadsheets", |d| {
        podium::fuzzing::spreadsheets(d);
    }),
    ("keys", |d| {
        podium::fuzzing::keys(d);
    }),
];

/// The files of `dir` whose name starts with `prefix`, sorted.
fn inputs(dir: &Path, prefix: &str) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(prefix) && !n.starts_with('.'))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// Run every input of `folder` (seeds or regressions) through its target;
/// returns how many ran. Panics naming each input that failed.
fn replay(folder: &str, prefix: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(folder);
    let mut ran = 0;
    let mut failed = Vec::new();
    for (target, harness) in TARGETS {
        for input in inputs(&root.join(target), prefix) {
            let bytes = fs::read(&input).unwrap();
            if catch_unwind(AssertUnwindSafe(|| harness(&bytes))).is_err() {
                failed.push(input.display().to_string());
            }
            ran += 1;
        }
    }
    assert!(
        failed.is_empty(),
        "inputs that fail:\n{}",
        failed.join("\n")
    );
    ran
}

#[test]
fn the_seed_corpus_passes_every_target() {
    let ran = replay("corpus", "seed-");
    assert!(ran >= 20, "only {ran} seeds found");
}

#[test]
fn every_input_that_once_failed_passes_now() {
    replay("regressions", "");
}

fn seed(target: &str, name: &str) -> Vec<u8> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    fs::read(root.join(target).join(format!("seed-{name}"))).unwrap()
}

#[test]
fn the_seeds_reach_the_code_they_are_for() {
    // A harness that read nothing would pass every input: the seeds open a
    // session, read each spreadsheet, and save values typed in the grid.
    for name in ["demo", "base", "state_missing", "state_behind"] {
        assert!(
            podium::fuzzing::session_files(&seed("session_files", name)),
            "{name}"
        );
    }
    for name in ["gap", "other_session_line", "second_create"] {
        assert!(
            !podium::fuzzing::session_files(&seed("session_files", name)),
            "{name}"
        );
    }
    for name in ["teams", "jurors", "criteria", "scores", "scores-marks-en"] {
        assert!(
            podium::fuzzing::spreadsheets(&seed("spreadsheets", name)),
            "{name}"
        );
    }
    assert!(podium::fuzzing::keys(&seed("keys", "grid")) >= 4);
    // The same keys, saves answered with the changes rather than the session.
    assert_eq!(
        podium::fuzzing::keys(&seed("keys", "grid-deltas")),
        podium::fuzzing::keys(&seed("keys", "grid"))
    );
    assert!(podium::fuzzing::keys(&seed("keys", "held-deltas")) >= 3);
    assert!(podium::fuzzing::keys(&seed("keys", "paste")) >= 2);
    assert!(podium::fuzzing::keys(&seed("keys", "stage")) >= 5);
}
