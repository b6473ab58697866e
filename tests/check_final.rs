//! `podium check` says whether the results are provisional, with the
//! counts; `--final` exits 1 unless they are final.

mod common;

use std::path::Path;

use common::cli::{podium, stderr, stdout};

#[test]
fn check_says_the_results_are_provisional_and_final_refuses() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    for f in ["forum.json", "forum.json.journal"] {
        std::fs::copy(root.join(f), dir.path().join(f)).expect("copy");
    }
    let file = dir.path().join("forum.json");
    let file = file.to_str().expect("utf-8 path");
    let out = podium(dir.path(), &["check", file, "--lang", "fr"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("résultats PROVISOIRES : 120 feuilles manquantes"),
        "{said}"
    );
    let out = podium(dir.path(), &["check", file, "--final", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("results PROVISIONAL: 120 missing sheets"),
        "{}",
        stderr(&out)
    );
}
