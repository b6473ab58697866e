//! `podium scores export` on the real binary: both styles, a file output,
//! and importing an export into an empty copy gives the same cells.

mod common;

use common::cli::{assert_ok, podium};
use std::path::Path;

const TEAMS: &str = "id,name,org\nT1,Cantine,Somme\nT2,Archives,Nord\nT3,Routes,Oise\n";
const JURORS: &str = "id,name,org\nJ1,Ann,Somme\nJ2,Bob,Nord\nJ3,Cy,Aisne\n";
const CRITERIA: &str = "id,label,max,step\nimpact,Impact,20,0.5\ntransfer,Transfert,5,1\n";

fn new(dir: &Path, file: &str) {
    let out = podium(
        dir,
        &[
            "new",
            file,
            "--teams",
            "teams.csv",
            "--jurors",
            "jurors.csv",
            "--criteria",
            "criteria.csv",
            "--recuse-same-org",
        ],
    );
    assert_ok(&out);
}

fn sessions() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    let d = dir.path();
    std::fs::write(d.join("teams.csv"), TEAMS).unwrap();
    std::fs::write(d.join("jurors.csv"), JURORS).unwrap();
    std::fs::write(d.join("criteria.csv"), CRITERIA).unwrap();
    new(d, "full.json");
    new(d, "empty.json");
    std::fs::write(
        d.join("scores.csv"),
        "team;juror;criterion;value\nT1;J2;impact;12,5\nT1;J2;transfer;3\nT1;J2;;15\n\
         T1;J3;impact;7\nT2;J1;;absent\nT2;J3;;recused\nT3;J1;transfer;5\n",
    )
    .unwrap();
    let out = podium(d, &["scores", "import", "full.json", "scores.csv"]);
    assert_ok(&out);
    dir
}

#[test]
fn french_by_default_english_on_request() {
    let dir = sessions();
    let d = dir.path();
    let fr = podium(d, &["scores", "export", "full.json"]);
    assert!(fr.status.success());
    // A byte order mark first in French, so that Excel reads the accents.
    assert_eq!(
        String::from_utf8_lossy(&fr.stdout),
        "\u{feff}team;juror;criterion;value\nT1;J2;impact;12,5\nT1;J2;transfer;3\nT1;J2;;15\n\
         T1;J3;impact;7\nT2;J1;;absent\nT2;J3;;recused\nT3;J1;transfer;5\n"
    );
    let en = podium(
        d,
        &[
            "scores",
            "export",
            "full.json",
            "--lang",
            "en",
            "-o",
            "out.csv",
        ],
    );
    assert!(en.status.success());
    assert!(en.stdout.is_empty());
    let text = std::fs::read_to_string(d.join("out.csv")).unwrap();
    assert!(
        text.starts_with("team,juror,criterion,value\nT1,J2,impact,12.5\n"),
        "{text}"
    );
}

#[test]
fn export_then_import_into_an_empty_copy_gives_the_same_cells() {
    let dir = sessions();
    let d = dir.path();
    for lang in ["fr", "en"] {
        let copy = format!("copy-{lang}.json");
        new(d, &copy);
        let out = format!("export-{lang}.csv");
        assert!(
            podium(
                d,
                &["scores", "export", "full.json", "--lang", lang, "-o", &out]
            )
            .status
            .success()
        );
        let imported = podium(d, &["scores", "import", &copy, &out]);
        assert_ok(&imported);
        // As every reader sees it: the checkpoint and the journal past it.
        let sheets = |file: &str| podium::storage::load(&d.join(file)).unwrap().sheets;
        assert_eq!(sheets(&copy), sheets("full.json"), "{lang}");
        assert_ne!(sheets("empty.json"), sheets("full.json"));
    }
}

#[test]
fn export_never_overwrites_the_session() {
    let dir = sessions();
    let d = dir.path();
    let before = std::fs::read(d.join("full.json")).unwrap();
    for target in ["full.json", "full.json.journal", "./full.json"] {
        let out = podium(d, &["scores", "export", "full.json", "-o", target]);
        assert_eq!(out.status.code(), Some(1), "{target}");
    }
    assert_eq!(std::fs::read(d.join("full.json")).unwrap(), before);
}

#[test]
fn export_of_a_missing_session_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let out = podium(dir.path(), &["scores", "export", "nope.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("podium: ") && err.contains("nope.json"),
        "{err}"
    );
}
