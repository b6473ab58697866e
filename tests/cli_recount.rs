//! `podium check` recounts every method independently and says it agrees.

mod common;

use std::path::Path;

use common::cli::{files, no_panic, podium, stderr, stdout};

/// A copy of the scored storage fixture in a fresh folder.
fn scored() -> tempfile::TempDir {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/storage/base");
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    dir
}

#[test]
fn check_says_the_independent_recount_agrees_in_both_languages() {
    let dir = scored();
    let before = files(dir.path());
    for (lang, line) in [
        ("en", "forum.json: recounted independently: agrees"),
        ("fr", "forum.json: recompté indépendamment : concorde"),
    ] {
        let out = podium(dir.path(), &["--lang", lang, "check", "forum.json"]);
        no_panic(&out);
        assert!(out.status.success(), "{lang}: {}", stderr(&out));
        assert!(
            stdout(&out).lines().any(|l| l == line),
            "{lang}: {}",
            stdout(&out)
        );
    }
    assert_eq!(files(dir.path()), before, "check wrote something");
}
