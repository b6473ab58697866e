//! The reports on the real binary: the results page, the minutes, the
//! score sheets, the archive, French CSV with a byte order mark,
//! `--anonymous`, `-o -`, owner-only files. On the demo forum (scored from
//! tests/fixtures/reports/demo-scores.csv) and on a forum with a cut-off
//! tie settled by a decision.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::cli::{command, output, stderr};
use podium::report::html::external_references;
use podium::storage::digest::line_digest;

const DEMO_SCORES: &str = include_str!("fixtures/reports/demo-scores.csv");
const JURORS: [&str; 10] = [
    "Martine Delcourt",
    "Alain Maréchal",
    "Sylvie Deschamps",
    "Patrick Verhaeghe",
    "Nadine Lecomte",
    "Frédéric Boulanger",
    "Valérie Chevalier",
    "Thierry Masson",
    "Corinne Lefort",
    "Djamel Saïdi",
];

/// `podium ARGS` in `dir`, data folder `dir/data`, in Paris time.
fn run(dir: &Path, args: &[&str]) -> Output {
    output(
        command(dir, args)
            .env("PODIUM_DATA_DIR", dir.join("data"))
            .env("TZ", "Europe/Paris"),
    )
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The demo forum, every sheet scored, then one value corrected.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["demo"]);
    let file = d.join("data/demo/forum.json");
    // The demo's day is today, starting soon: back to the forum's date.
    ok(
        d,
        &["settings", file.to_str().unwrap(), "--date", "2026-12-10"],
    );
    std::fs::write(d.join("scores.csv"), DEMO_SCORES).unwrap();
    std::fs::write(
        d.join("fix.csv"),
        "team;juror;criterion;value\nT02;J01;utilite;19\n",
    )
    .unwrap();
    for csv in ["scores.csv", "fix.csv"] {
        ok(d, &["scores", "import", file.to_str().unwrap(), csv]);
    }
    (dir, file)
}

/// Four teams, three jurors, two laureates: T3 first, T1 and T2 equal at
/// the cut-off, settled by an order decision; J2 absent for T3.
fn tie() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, text) in [
        (
            "teams.csv",
            "id,name,org\nT1,Cantine,somme\nT2,Finances,nord\nT3,Bâtiment,oise\nT4,Standard,somme\n",
        ),
        (
            "jurors.csv",
            "id,name,org\nJ1,Alice Martin,somme\nJ2,Bob Durand,nord\nJ3,Chloé Petit,oise\n",
        ),
        (
            "criteria.csv",
            "id,label,weight,max,step\nimpact,Impact,2,5,0.5\nfeas,Faisabilité,1,5,1\n",
        ),
        (
            "scores.csv",
            "team;juror;criterion;value\nT1;J1;impact;4\nT1;J1;feas;3\nT1;J2;impact;3,5\nT1;J2;feas;2\nT1;J3;impact;4\nT1;J3;feas;4\nT2;J1;impact;4\nT2;J1;feas;3\nT2;J2;impact;3,5\nT2;J2;feas;2\nT2;J3;impact;4\nT2;J3;feas;4\nT3;J1;impact;5\nT3;J1;feas;5\nT3;J2;;absent\nT3;J3;impact;5\nT3;J3;feas;4\nT4;J1;impact;1\nT4;J1;feas;1\nT4;J2;impact;1\nT4;J2;feas;1\nT4;J3;impact;1\nT4;J3;feas;1\n",
        ),
        ("fix.csv", "team;juror;criterion;value\nT4;J3;impact;2\n"),
    ] {
        std::fs::write(d.join(name), text).unwrap();
    }
    let new = [
        "new",
        "f.json",
        "--teams",
        "teams.csv",
        "--jurors",
        "jurors.csv",
    ];
    let mut args = new.to_vec();
    args.extend([
        "--criteria",
        "criteria.csv",
        "--laureates",
        "2",
        "--title",
        "Forum test",
    ]);
    args.extend(["--place", "Amiens", "--date", "2026-12-10"]);
    ok(d, &args);
    ok(d, &["scores", "import", "f.json", "scores.csv"]);
    ok(d, &["scores", "import", "f.json", "fix.csv"]);
    ok(
        d,
        &[
            "decide",
            "f.json",
            "--order",
            "T2,T1",
            "--by",
            "Alice Martin",
            "--reason",
            "voix prépondérante",
        ],
    );
    dir
}

/// The digest of the journal's last line, computed here.
fn digest_of(file: &Path) -> String {
    let journal = read(format!("{}.journal", file.display()));
    line_digest(journal.lines().last().unwrap().as_bytes())
}

#[test]
fn the_page_of_the_demo_forum() {
    let (dir, file) = demo();
    let f = file.to_str().unwrap();
    let page = ok(dir.path(), &["results", f, "--format", "html"]);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(page.contains("<h1>Forum interdépartemental de l&#39;innovation publique</h1>"));
    assert!(page.contains("Amiens, 10 décembre 2026"));
    assert!(page.contains("Méthode officielle : moyenne"));
    assert_eq!(
        page.matches("<tr class=\"laureate\">").count(),
        8 * 2,
        "ranking and means"
    );
    for team in ["Les Toqués du self", "Allô Solidarités", "Marchés malins"] {
        assert!(page.contains(team), "{team}");
    }
    assert!(page.contains("<svg viewBox") && page.contains("<desc id=\"chart-desc\">"));
    assert!(page.contains(&digest_of(&file)));
    assert!(!page.contains("RÉSULTATS PROVISOIRES"));
    assert_eq!(external_references(&page), Vec::<String>::new());
    let en = ok(
        dir.path(),
        &["results", f, "--format", "html", "--lang", "en"],
    );
    assert!(en.contains("<html lang=\"en\">") && en.contains("Official method: mean"));
    assert!(en.contains("Amiens, 10 December 2026"));
    // -o FILE and -o - write the same page.
    let out = dir.path().join("page.html");
    ok(
        dir.path(),
        &[
            "results",
            f,
            "--format",
            "html",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(read(&out), page);
    assert_eq!(
        ok(dir.path(), &["results", f, "--format", "html", "-o", "-"]),
        page
    );
}

#[test]
fn the_minutes_of_a_forum_with_a_decided_tie() {
    let dir = tie();
    let d = dir.path();
    let md = ok(d, &["minutes", "f.json"]);
    // The state file is only a checkpoint: the decision is read as any
    // reader sees it.
    let json = ok(d, &["results", "f.json", "--format", "json"]);
    let results: serde_json::Value = serde_json::from_str(&json).unwrap();
    let at: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(results["decisions"][0]["at"].clone()).unwrap();
    // December in Paris: UTC+1.
    let local = (at + chrono::TimeDelta::hours(1))
        .format("%Y-%m-%d %H:%M")
        .to_string();
    for expected in [
        "# Procès-verbal de délibération du jury",
        "Amiens, 10 décembre 2026",
        "| J2 | Bob Durand |  | nord | absent pour T3 | 0 |",
        "| impact | Impact | 2 | 0 à 5, pas de 0,5 |",
        "Méthode officielle : moyenne",
        "Lauréats : 2 (demandés : 2)",
        &format!("ordre T2, T1 — par Alice Martin (voix prépondérante) le {local}"),
        "Heures locales (UTC+01:00).",
        "T4 · J3 · impact : 1 → 2",
        &digest_of(&d.join("f.json")),
        "La présidence du jury",
        "Le secrétariat du jury",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    assert!(
        md.contains("2. T2 Finances (nord)"),
        "T2 is the second laureate:\n{md}"
    );
    let html = ok(
        d,
        &["minutes", "f.json", "--format", "html", "--lang", "en"],
    );
    assert!(html.contains("<h1>Minutes of the jury&#39;s deliberation</h1>"));
    assert!(html.contains("@page{size:A4"));
    assert_eq!(external_references(&html), Vec::<String>::new());
}

#[test]
fn sheets_one_per_juror_self_contained() {
    let (dir, file) = demo();
    let html = ok(dir.path(), &["sheets", file.to_str().unwrap()]);
    assert_eq!(html.matches("<section class=\"sheet\">").count(), 10);
    assert_eq!(external_references(&html), Vec::<String>::new());
    // Martine Delcourt (Somme) does not score the three Somme teams.
    let first = html.split("<section class=\"sheet\">").nth(1).unwrap();
    assert!(first.contains("Martine Delcourt (J01)"));
    assert_eq!(first.matches("<tr class=\"off\">").count(), 3);
}

#[test]
fn french_csv_starts_with_a_byte_order_mark_and_imports_again() {
    let dir = tie();
    let d = dir.path();
    let results = ok(d, &["results", "f.json", "--format", "csv"]);
    assert!(results.starts_with('\u{feff}'));
    ok(d, &["scores", "export", "f.json", "-o", "export.csv"]);
    let export = read(d.join("export.csv"));
    assert!(export.starts_with("\u{feff}team;juror;criterion;value\n"));
    assert_eq!(ok(d, &["scores", "export", "f.json", "-o", "-"]), export);
    let en = ok(d, &["scores", "export", "f.json", "--lang", "en"]);
    assert!(en.starts_with("team,juror,"));
    // The export imports into a fresh copy as it is (byte order mark included).
    let new = [
        "new",
        "g.json",
        "--teams",
        "teams.csv",
        "--jurors",
        "jurors.csv",
    ];
    let mut args = new.to_vec();
    args.extend(["--criteria", "criteria.csv"]);
    ok(d, &args);
    ok(d, &["scores", "import", "g.json", "export.csv"]);
    assert_eq!(ok(d, &["scores", "export", "g.json"]), export);
}

#[test]
fn anonymous_exports_name_no_juror() {
    let (dir, file) = demo();
    let (d, f) = (dir.path(), file.to_str().unwrap());
    let mut texts = vec![
        ok(d, &["scores", "export", f, "--anonymous"]),
        ok(d, &["minutes", f, "--anonymous"]),
        ok(d, &["minutes", f, "--anonymous", "--format", "html"]),
    ];
    for format in ["table", "json", "csv", "md", "html"] {
        texts.push(ok(d, &["results", f, "--anonymous", "--format", format]));
    }
    for text in &texts {
        for name in JURORS {
            assert!(!text.contains(name), "{name} in:\n{text}");
        }
        assert!(!text.contains("J01"), "no juror id either");
    }
    assert!(
        texts[0].contains("T01;J3;utilite;"),
        "J03 is the third juror: J3"
    );
    // Stable: the same labels every time.
    assert_eq!(ok(d, &["scores", "export", f, "--anonymous"]), texts[0]);
    let decided = tie();
    let md = ok(decided.path(), &["minutes", "f.json", "--anonymous"]);
    assert!(md.contains("par J1 (voix prépondérante)") && !md.contains("Alice"));
}

#[cfg(unix)]
#[test]
fn files_with_jurors_scores_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tie();
    let d = dir.path();
    let mode = |name: &str| {
        std::fs::metadata(d.join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    std::fs::write(d.join("old.csv"), "x").unwrap();
    std::fs::set_permissions(d.join("old.csv"), std::fs::Permissions::from_mode(0o644)).unwrap();
    ok(d, &["scores", "export", "f.json", "-o", "old.csv"]);
    ok(d, &["minutes", "f.json", "-o", "minutes.md"]);
    ok(d, &["archive", "f.json", "-o", "forum.zip"]);
    for name in ["old.csv", "minutes.md", "forum.zip"] {
        assert_eq!(mode(name), 0o600, "{name}");
    }
}

#[test]
fn the_archive_holds_everything_for_the_records() {
    let dir = tie();
    let d = dir.path();
    ok(d, &["archive", "f.json", "-o", "forum.zip"]);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(d.join("forum.zip")).unwrap()).unwrap();
    let mut names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    names.sort();
    let mut expected = vec![
        "MANIFEST.txt",
        "f.json",
        "f.json.journal",
        "minutes.html",
        "minutes.md",
        "results.html",
    ];
    let methods = ["borda", "majority", "mean", "normalized", "trimmed"];
    let results: Vec<String> = methods
        .iter()
        .flat_map(|m| [format!("results/{m}.csv"), format!("results/{m}.json")])
        .collect();
    expected.extend(results.iter().map(String::as_str));
    expected.sort();
    assert_eq!(names, expected);
    let mut text = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    assert_eq!(text("f.json"), read(d.join("f.json")));
    assert_eq!(text("f.json.journal"), read(d.join("f.json.journal")));
    let manifest = text("MANIFEST.txt");
    assert!(manifest.contains(&format!("journal digest: {}", digest_of(&d.join("f.json")))));
    assert!(manifest.contains(&format!(
        "{}  f.json\n",
        line_digest(read(d.join("f.json")).as_bytes())
    )));
    assert!(text("results/borda.json").contains("\"method\": \"borda\""));
    // Never over the session's own files.
    for target in ["f.json", "f.json.journal"] {
        let out = run(d, &["archive", "f.json", "-o", target]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("fichier de la session"));
        let out = run(d, &["minutes", "f.json", "-o", target]);
        assert_eq!(out.status.code(), Some(1));
    }
    assert_eq!(text("f.json.journal"), read(d.join("f.json.journal")));
    // -o - writes the zip itself to standard output.
    let out = run(d, &["archive", "f.json", "-o", "-"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"PK\x03\x04"));
}
