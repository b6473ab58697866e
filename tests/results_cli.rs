//! `podium results` and `podium decide` on the real binary, on sessions
//! built with `new` and `scores import`.

mod common;

use common::cli::{podium, stderr, stdout};
use std::path::Path;
use std::process::Output;

use serde_json::{Value, json};

const TEAMS: &str =
    "id,name,org\nT1,Cantine,somme\nT2,Finances,nord\nT3,Bâtiment,oise\nT4,Standard,somme\n";
const JURORS: &str = "id,name,org\nJ1,Alice,somme\nJ2,Bob,nord\nJ3,Chloé,oise\n";
const CRITERIA: &str = "id,label,weight,max,step\nimpact,Impact,2,5,0.5\nfeas,Faisabilité,1,5,1\n";
/// T1 and T2 equal (32/3 each); T3 has one sheet that counts (J2 absent,
/// J3's handwritten total wrong); T4 one partial sheet.
const SCORES: &str = "team;juror;criterion;value
T1;J1;impact;4
T1;J1;feas;3
T1;J2;impact;3,5
T1;J2;feas;2
T1;J3;impact;4
T1;J3;feas;4
T2;J1;impact;4
T2;J1;feas;3
T2;J2;impact;3,5
T2;J2;feas;2
T2;J3;impact;4
T2;J3;feas;4
T3;J1;impact;5
T3;J1;feas;5
T3;J2;;absent
T3;J3;impact;5
T3;J3;feas;4
T3;J3;;13
T4;J1;impact;1
";

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// `f.json` with 2 laureates: T3 first, T1 and T2 tied across the cut-off.
fn forum() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("teams.csv", TEAMS),
        ("jurors.csv", JURORS),
        ("criteria.csv", CRITERIA),
        ("scores.csv", SCORES),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let d = dir.path();
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
            "--title",
            "Forum",
        ],
    ));
    ok(&podium(d, &["scores", "import", "f.json", "scores.csv"]));
    dir
}

fn results_json(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["results", "f.json", "--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&ok(&podium(dir, &args))).unwrap()
}

#[test]
fn json_has_every_field_of_design_md() {
    let dir = forum();
    let r = results_json(dir.path(), &[]);
    assert_eq!(r["method"], "mean");
    assert_eq!(r["official"], true);
    assert_eq!(r["laureates"], 2);
    assert_eq!(r["min_sheets"], 1);
    assert_eq!(r["provisional"], true);
    assert_eq!(r["cutoff_tie"], true);
    assert_eq!(r["decisions"], json!([]));
    assert_eq!(
        r["warnings"],
        json!([
            { "code": "checksum_mismatch", "team": "T3", "juror": "J3" },
            { "code": "partial_sheet", "team": "T4", "juror": "J1" },
            { "code": "missing_sheet", "team": "T4", "juror": "J2" },
            { "code": "missing_sheet", "team": "T4", "juror": "J3" },
            { "code": "too_few_sheets", "team": "T4", "juror": null },
        ])
    );
    let rows = r["ranking"].as_array().unwrap();
    let teams: Vec<&str> = rows.iter().map(|r| r["team"].as_str().unwrap()).collect();
    assert_eq!(teams, ["T3", "T1", "T2", "T4"]);
    assert_eq!(
        rows[1],
        json!({ "rank": 2, "team": "T1", "name": "Cantine", "org": "somme",
                "score": 32.0 / 3.0, "sheets": 3, "too_few_sheets": false,
                "laureate": false, "tied": true, "at_cutoff": true,
                "spread": rows[1]["spread"].clone(),
                "criteria": { "impact": 23.0 / 6.0, "feas": 3.0 } })
    );
    // Totals 11, 9, 12: population standard deviation √(14/9).
    let spread = rows[1]["spread"].as_f64().unwrap();
    assert!((spread - (14.0f64 / 9.0).sqrt()).abs() < 1e-12);
    assert_eq!(rows[0]["score"], 15.0);
    assert_eq!(rows[0]["laureate"], true);
    assert_eq!(rows[3]["score"], Value::Null);
    assert_eq!(rows[3]["spread"], Value::Null);
    assert_eq!(rows[3]["criteria"], json!({}));
    assert_eq!(rows[3]["rank"], 4);
}

#[test]
fn another_method_is_marked_as_not_official() {
    let dir = forum();
    for method in ["normalized", "trimmed", "borda", "majority"] {
        let r = results_json(dir.path(), &["--method", method]);
        assert_eq!(r["method"], method);
        assert_eq!(r["official"], false);
        assert_eq!(r["ranking"].as_array().unwrap().len(), 4);
    }
    let out = podium(dir.path(), &["results", "f.json", "--method", "median"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a bad argument, like --format xml"
    );
    assert!(stderr(&out).contains("median"), "{}", stderr(&out));
    for known in ["mean", "normalized", "trimmed", "borda", "majority"] {
        assert!(stderr(&out).contains(known), "{known}: {}", stderr(&out));
    }
}

#[test]
fn the_table_marks_laureates_ties_and_missing_sheets_in_both_languages() {
    let dir = forum();
    let fr = ok(&podium(dir.path(), &["results", "f.json"]));
    assert!(fr.contains("RÉSULTATS PROVISOIRES"), "{fr}");
    assert!(fr.contains("lauréat"), "{fr}");
    assert!(fr.contains("2=  T1"), "{fr}");
    assert!(fr.contains("ex aequo, à départager"), "{fr}");
    assert!(fr.contains("aucune feuille"), "{fr}");
    assert!(fr.contains("10,67"), "{fr}");
    assert!(
        fr.contains("T4 Standard : feuille manquante du juré Bob (J2)"),
        "{fr}"
    );
    let en = ok(&podium(dir.path(), &["results", "f.json", "--lang", "en"]));
    assert!(en.contains("PROVISIONAL RESULTS"), "{en}");
    assert!(en.contains("tied, to be decided"), "{en}");
    assert!(en.contains("10.67"), "{en}");
    assert!(
        en.contains("T3 Bâtiment: the handwritten total of juror Chloé (J3) differs"),
        "{en}"
    );
    let other = ok(&podium(
        dir.path(),
        &["results", "f.json", "--method", "borda", "--lang", "en"],
    ));
    assert!(other.contains("NOT the official ranking"), "{other}");
}

#[test]
fn csv_follows_the_language_conventions() {
    let dir = forum();
    let fr = ok(&podium(
        dir.path(),
        &["results", "f.json", "--format", "csv"],
    ));
    let lines: Vec<&str> = fr.lines().collect();
    // A byte order mark first, so that Excel reads the accents.
    assert_eq!(
        lines[0],
        "\u{feff}rang;equipe;nom;org;score;feuilles;laureat;ex_aequo;a_la_limite;trop_peu_de_feuilles;ecart;impact;feas;resultats"
    );
    assert_eq!(
        lines[2],
        "2;T1;Cantine;somme;10,67;3;non;oui;oui;non;1,25;3,83;3,00;provisoires"
    );
    assert_eq!(
        lines[4],
        "4;T4;Standard;somme;;0;non;non;non;oui;;;;provisoires"
    );
    let en = ok(&podium(
        dir.path(),
        &["results", "f.json", "--format", "csv", "--lang", "en"],
    ));
    let lines: Vec<&str> = en.lines().collect();
    assert!(
        lines[0].starts_with("rank,team,"),
        "no byte order mark in English"
    );
    // J3's sheet for T3 has a wrong handwritten total: it counts neither for
    // the score nor for the spread and the means beside it.
    assert_eq!(
        lines[1],
        "1,T3,Bâtiment,oise,15.00,1,yes,no,no,no,0.00,5.00,5.00,provisional"
    );
}

#[test]
fn markdown_has_a_table_and_the_warnings() {
    let dir = forum();
    let md = ok(&podium(
        dir.path(),
        &["results", "f.json", "--format", "md", "--lang", "en"],
    ));
    assert!(md.starts_with("# Forum\n"), "{md}");
    assert!(md.contains("| Rank | Team | Name |"), "{md}");
    assert!(
        md.contains("| 1 | **T3** | Bâtiment | oise | 15.00 |"),
        "{md}"
    );
    assert!(md.contains("## Warnings"), "{md}");
}

#[test]
fn output_goes_to_a_file_never_over_the_session() {
    let dir = forum();
    let d = dir.path();
    ok(&podium(
        d,
        &["results", "f.json", "--format", "json", "-o", "out.json"],
    ));
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("out.json")).unwrap()).unwrap();
    assert_eq!(written["method"], "mean");
    let before = std::fs::read(d.join("f.json")).unwrap();
    let out = podium(d, &["results", "f.json", "-o", "f.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(d.join("f.json")).unwrap(), before);
}

#[test]
fn results_never_writes_the_session() {
    let dir = forum();
    let d = dir.path();
    let state = std::fs::read(d.join("f.json")).unwrap();
    let journal = std::fs::read(d.join("f.json.journal")).unwrap();
    for format in ["table", "json", "csv", "md"] {
        ok(&podium(d, &["results", "f.json", "--format", format]));
    }
    assert_eq!(std::fs::read(d.join("f.json")).unwrap(), state);
    assert_eq!(std::fs::read(d.join("f.json.journal")).unwrap(), journal);
    let out = podium(d, &["results", "missing.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("podium: missing.json"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn decide_refuses_anything_but_the_group_at_the_cut_off() {
    let dir = forum();
    let d = dir.path();
    let journal = std::fs::read(d.join("f.json.journal")).unwrap();
    for teams in ["T1,T3", "T1", "T1,T2,T4", "T1,T1", "T9,T1"] {
        let out = podium(
            d,
            &[
                "decide", "f.json", "--order", teams, "--by", "jury", "--reason", "vote", "--lang",
                "en",
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{teams}");
        assert!(
            stderr(&out).starts_with("podium: f.json: "),
            "{}",
            stderr(&out)
        );
    }
    let out = podium(
        d,
        &[
            "decide", "f.json", "--order", "T3,T1", "--by", "jury", "--reason", "vote", "--lang",
            "en",
        ],
    );
    assert!(
        stderr(&out).contains("group at the cut-off: T1, T2"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(d.join("f.json.journal")).unwrap(), journal);
    let out = podium(
        d,
        &[
            "decide", "f.json", "--admit", "T1,T2", "--by", " ", "--reason", "vote",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let out = podium(d, &["decide", "f.json", "--by", "jury", "--reason", "vote"]);
    assert_eq!(out.status.code(), Some(2), "neither --order nor --admit");
}

#[test]
fn an_order_then_an_admit_decision() {
    let dir = forum();
    let d = dir.path();
    let said = ok(&podium(
        d,
        &[
            "decide",
            "f.json",
            "--order",
            "T2,T1",
            "--by",
            "la présidente",
            "--reason",
            "voix prépondérante",
        ],
    ));
    assert!(said.contains("T3, T2"), "{said}");
    assert!(!said.contains("remplace"), "nothing to replace yet: {said}");
    let r = results_json(d, &[]);
    assert_eq!(r["cutoff_tie"], false);
    let rows = r["ranking"].as_array().unwrap();
    let flags = |i: usize| {
        let row = &rows[i];
        (
            row["team"].as_str().unwrap().to_string(),
            row["rank"].as_u64().unwrap(),
            row["laureate"].as_bool().unwrap(),
            row["tied"].as_bool().unwrap(),
            row["at_cutoff"].as_bool().unwrap(),
        )
    };
    assert_eq!(flags(1), ("T2".into(), 2, true, false, true));
    assert_eq!(flags(2), ("T1".into(), 3, false, false, true));
    assert_eq!(r["decisions"][0]["kind"], "order");
    assert_eq!(r["decisions"][0]["teams"], json!(["T2", "T1"]));
    assert_eq!(r["decisions"][0]["by"], "la présidente");
    assert_eq!(r["decisions"][0]["reason"], "voix prépondérante");
    assert!(r["decisions"][0]["at"].as_str().unwrap().starts_with("20"));
    // The decision applies under the other methods too (they also tie).
    let borda = results_json(d, &["--method", "borda"]);
    assert_eq!(borda["ranking"][1]["team"], "T2");
    // The group still straddles the cut-off: a later admit decision wins,
    // and says which one it replaces.
    let out = podium(
        d,
        &[
            "decide", "f.json", "--admit", "T1,T2", "--by", "jury", "--reason", "both", "--lang",
            "en",
        ],
    );
    ok(&out);
    assert!(
        stdout(&out).contains(
            "f.json: replaces the earlier decision on this tie — order T2, T1 (by la présidente, voix prépondérante)"
        ),
        "{}",
        stdout(&out)
    );
    let r = results_json(d, &[]);
    let rows = r["ranking"].as_array().unwrap();
    for i in [1, 2] {
        assert_eq!(rows[i]["rank"], 2);
        assert_eq!(rows[i]["laureate"], true);
        assert_eq!(rows[i]["tied"], true);
        assert_eq!(rows[i]["at_cutoff"], true);
    }
    assert_eq!(r["decisions"].as_array().unwrap().len(), 2);
    assert_eq!(
        r["warnings"].as_array().unwrap().len(),
        5,
        "no stale decision"
    );
}
