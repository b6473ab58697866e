//! `podium new --teams --jurors --criteria` on the real binary.

mod common;

use common::cli::{assert_ok, podium};
use std::path::Path;
use std::process::Output;

const SHEETS: &[&str] = &[
    "--teams",
    "teams.csv",
    "--jurors",
    "jurors.csv",
    "--criteria",
    "criteria.csv",
];

fn write(dir: &Path, teams: &str, jurors: &str, criteria: &str) {
    std::fs::write(dir.join("teams.csv"), teams).unwrap();
    std::fs::write(dir.join("jurors.csv"), jurors).unwrap();
    std::fs::write(dir.join("criteria.csv"), criteria).unwrap();
}

fn new(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["new", "s.json"];
    args.extend_from_slice(SHEETS);
    args.extend_from_slice(extra);
    podium(dir, &args)
}

#[test]
fn a_session_from_french_spreadsheets() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "\u{feff}membres ; Nom ; Identifiant ; Organisation ; projet\n\
         \"Ann ; la cheffe\" | Bob ; Les Toqués ; T1 ; Somme ; Zéro gaspi\n\
         ; Archives ; T2 ; Val-d'Oise ;\n",
        "id,name,org,role\nJ1,Ann,Somme,\"Vice-présidente, élue\"\nJ2,Bob,Région,\n",
        "identifiant;libellé;poids;max;pas\nimpact;Impact;1,5;20;0,5\nclarte;Clarté;;5;\n",
    );
    let out = new(d, &["--tie-break", "clarte"]);
    assert_ok(&out);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("s.json")).unwrap()).unwrap();
    assert_eq!(v["teams"][0]["members"][0], "Ann ; la cheffe");
    assert_eq!(v["teams"][0]["members"][1], "Bob");
    assert_eq!(v["teams"][0]["project"], "Zéro gaspi");
    assert_eq!(v["teams"][1]["org"], "Val-d'Oise");
    assert_eq!(v["jurors"][0]["role"], "Vice-présidente, élue");
    assert_eq!(v["criteria"][0]["weight"], 1.5);
    assert_eq!(v["criteria"][0]["step"], 0.5);
    assert_eq!(v["criteria"][1]["step"], 1);
    let orgs: Vec<&str> = v["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(orgs, ["Somme", "Val-d'Oise", "Région"]);
    let schedule: Vec<&str> = v["schedule"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["team"].as_str().unwrap())
        .collect();
    assert_eq!(schedule, ["T1", "T2"]);
}

#[test]
fn every_problem_of_every_spreadsheet_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "id;name;org\nT1;A;Somme\nT1;B;Nord\n",
        "id;name\nJ1;Ann\n",
        "id,label,max\na,A,x\n",
    );
    let out = new(d, &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert_eq!(
        lines[0],
        "podium: teams.csv:3: id \"T1\" already used on line 2"
    );
    assert!(
        lines[1].starts_with("podium: jurors.csv:1: missing column(s): org"),
        "{err}"
    );
    assert_eq!(
        lines[2],
        "podium: criteria.csv:2: max: \"x\" is not a number"
    );
    assert!(!d.join("s.json").exists());
    assert!(!d.join("s.json.journal").exists());
}

#[test]
fn refuses_existing_files_and_unknown_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "id;name;org\nT1;A;Somme\n",
        "id;name;org\nJ1;Ann;Nord\n",
        "id;label;max\nimpact;Impact;5\n",
    );
    let out = new(d, &["--tie-break", "impact,speed", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"speed\" is not in criteria.csv"), "{err}");
    let out = new(d, &["--method", "average", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2), "a bad argument");
    assert!(String::from_utf8_lossy(&out.stderr).contains("average"));
    assert!(!d.join("s.json").exists());

    assert!(new(d, &[]).status.success());
    let before = std::fs::read(d.join("s.json")).unwrap();
    assert_eq!(new(d, &[]).status.code(), Some(1));
    assert_eq!(std::fs::read(d.join("s.json")).unwrap(), before);
    std::fs::remove_file(d.join("s.json")).unwrap();
    let out = new(d, &["--lang", "en"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the journal alone is enough to refuse"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("s.json.journal"));
    assert!(!d.join("s.json").exists());
}

#[test]
fn a_maximum_the_step_never_reaches_is_refused_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "id;name;org\nT1;A;Somme\n",
        "id;name;org\nJ1;Ann;Nord\n",
        "id;label;min;max;step\nclarte;Clarté;0;5;1\nimpact;Impact;0;5;0,3\n",
    );
    let out = new(d, &["--lang", "fr"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("podium: criteria.csv:3: le maximum (5) n'est pas atteignable"),
        "{err}"
    );
    assert!(err.contains("4,8 ou 5,1"), "{err}");
    assert!(!d.join("s.json").exists());
    let out = new(d, &["--lang", "en"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("podium: criteria.csv:3: the maximum (5) cannot be reached"),
        "{err}"
    );
    assert!(err.contains("4.8 or 5.1"), "{err}");
    // A maximum on the step is fine.
    write(
        d,
        "id;name;org\nT1;A;Somme\n",
        "id;name;org\nJ1;Ann;Nord\n",
        "id;label;min;max;step\nimpact;Impact;1;5,5;1,5\n",
    );
    assert!(new(d, &[]).status.success());
}
