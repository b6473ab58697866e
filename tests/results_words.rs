//! Human outputs of `results` and `decide` name methods, teams and jurors
//! in words (the JSON keeps ids, as design.md says).

mod common;

use common::cli::{assert_ok, podium};
use std::path::Path;
use std::process::Output;

use serde_json::Value;

const TEAMS: &str =
    "id,name,org\nT1,Cantine,somme\nT2,Finances,nord\nT3,Bâtiment,oise\nT4,Standard,somme\n";
const JURORS: &str = "id,name,org\nJ1,Alice,somme\nJ2,Bob,nord\nJ3,Chloé,oise\n";
const CRITERIA: &str = "id,label,max\nimpact,Impact,5\n";
/// T1 and T2 tied at the cut-off (2 laureates, T3 first); J3's handwritten
/// total for T3 is wrong; T4 has one sheet of three.
const SCORES: &str = "team;juror;criterion;value
T1;J1;impact;4
T1;J2;impact;3
T1;J3;impact;4
T2;J1;impact;4
T2;J2;impact;3
T2;J3;impact;4
T3;J1;impact;5
T3;J2;impact;5
T3;J3;impact;5
T3;J3;;4
T4;J1;impact;1
";

fn ok(out: &Output) -> String {
    assert_ok(out);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn forum(method: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, text) in [
        ("teams.csv", TEAMS),
        ("jurors.csv", JURORS),
        ("criteria.csv", CRITERIA),
        ("scores.csv", SCORES),
    ] {
        std::fs::write(d.join(name), text).unwrap();
    }
    ok(&podium(
        d,
        &[
            "new",
            "f.json",
            "--teams",
            "teams.csv",
            "--jurors",
            "jurors.csv",
            "--criteria",
            "criteria.csv",
            "--laureates",
            "2",
            "--method",
            method,
        ],
    ));
    ok(&podium(d, &["scores", "import", "f.json", "scores.csv"]));
    dir
}

fn decide(d: &Path, teams: &str, lang: &str) -> String {
    let out = podium(
        d,
        &[
            "decide", "f.json", "--order", teams, "--by", "jury", "--reason", "vote", "--lang",
            lang,
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn decide_names_the_official_method_in_words_with_agreement() {
    let dir = forum("mean");
    let d = dir.path();
    let err = decide(d, "T3,T1", "fr");
    assert!(
        err.contains("T3, T1 ne forment pas exactement un groupe d'ex aequo"),
        "{err}"
    );
    assert!(err.contains("(méthode officielle : moyenne)"), "{err}");
    let err = decide(d, "T1", "fr");
    assert!(
        err.contains("T1 ne forme pas exactement un groupe"),
        "{err}"
    );
    let err = decide(d, "T3,T1", "en");
    assert!(err.contains("T3, T1 are not exactly a group"), "{err}");
    assert!(err.contains("(official method: mean)"), "{err}");
    let err = decide(d, "T1", "en");
    assert!(err.contains("T1 is not exactly a group"), "{err}");

    let dir = forum("normalized");
    let err = decide(dir.path(), "T3,T1", "fr");
    assert!(
        err.contains("(méthode officielle : moyenne normalisée (z))"),
        "{err}"
    );
    assert!(!err.contains("normalized"), "{err}");
}

#[test]
fn human_results_name_the_method_in_words_and_json_keeps_the_id() {
    let dir = forum("trimmed");
    let d = dir.path();
    let table = ok(&podium(d, &["results", "f.json"]));
    assert!(
        table.contains("Méthode officielle : moyenne tronquée"),
        "{table}"
    );
    assert!(!table.contains("trimmed"), "{table}");
    let md = ok(&podium(
        d,
        &["results", "f.json", "--format", "md", "--method", "borda"],
    ));
    assert!(md.contains("Borda"), "{md}");
    assert!(md.contains("moyenne tronquée"), "{md}");
    assert!(!md.contains("trimmed"), "{md}");
    let en = ok(&podium(d, &["results", "f.json", "--lang", "en"]));
    assert!(en.contains("Official method: trimmed mean"), "{en}");
    let json: Value =
        serde_json::from_str(&ok(&podium(d, &["results", "f.json", "--format", "json"]))).unwrap();
    assert_eq!(json["method"], "trimmed");
}

#[test]
fn warnings_name_the_juror_and_the_team_in_human_formats_only() {
    let dir = forum("mean");
    let d = dir.path();
    let table = ok(&podium(d, &["results", "f.json"]));
    assert!(
        table.contains("T4 Standard : feuille manquante du juré Bob (J2)"),
        "{table}"
    );
    assert!(
        table.contains("T3 Bâtiment : le total manuscrit du juré Chloé (J3) diffère"),
        "{table}"
    );
    let md = ok(&podium(
        d,
        &["results", "f.json", "--format", "md", "--lang", "en"],
    ));
    assert!(
        md.contains("- T4 Standard: missing sheet of juror Bob (J2)"),
        "{md}"
    );
    assert!(
        md.contains("- T3 Bâtiment: the handwritten total of juror Chloé (J3) differs"),
        "{md}"
    );
    let json: Value =
        serde_json::from_str(&ok(&podium(d, &["results", "f.json", "--format", "json"]))).unwrap();
    let missing = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "missing_sheet" && w["juror"] == "J2")
        .expect("T4's missing sheet of J2");
    assert_eq!(missing["team"], "T4");
    assert_eq!(missing.as_object().unwrap().len(), 3, "{missing}");
}
