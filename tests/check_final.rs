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
    // The first line says the state in words, not a bare revision number.
    let first = said.lines().next().unwrap_or_default();
    assert!(
        first.contains("aucun problème — résultats PROVISOIRES : 120 feuilles manquantes"),
        "{first}"
    );
    assert!(first.contains("1 changement enregistré"), "{first}");
    assert!(!first.contains("révision"), "{first}");
    let out = podium(dir.path(), &["check", file, "--final", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("results PROVISIONAL: 120 missing sheets"),
        "{}",
        stderr(&out)
    );
}

/// Every row of `results --format csv` carries the provisional state in
/// its last column; the file stays one header line and rows.
#[test]
fn the_results_csv_says_provisional_or_final_on_every_row() {
    use common::{at, dec, op, session, set_cell};
    let (dir, path) = common::folder();
    podium::storage::create(&path, &session("s", 2, 1), "w", at(0)).unwrap();
    let csv = |lang: &str| {
        let out = podium(
            dir.path(),
            &["results", "forum.json", "--format", "csv", "--lang", lang],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let text = csv("en");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].ends_with(",c1,c2,results"), "{text}");
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[1..].iter().all(|l| l.ends_with(",provisional")),
        "{text}"
    );
    for (i, (team, value)) in [("T1", "7"), ("T2", "5")].into_iter().enumerate() {
        for (criterion, v) in [("c1", value), ("c2", "10")] {
            let change = set_cell(team, "J1", criterion, None, Some(dec(v)));
            let mut o = op(change);
            o.at = at(i as i64 + 1);
            podium::storage::commit(&path, &o, std::time::Duration::from_secs(5)).unwrap();
        }
    }
    let text = csv("fr");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].ends_with(";c1;c2;resultats"), "{text}");
    assert!(
        lines[1..].iter().all(|l| l.ends_with(";définitifs")),
        "{text}"
    );
    assert!(lines[1].starts_with("1;T1;"), "{text}");
}
