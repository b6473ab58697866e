//! `podium seal` / `podium unseal` on the real binary: while sealed every
//! output of the ranking refuses (exit 1, one line naming the file, in
//! French and English) and writes nothing, entry and the other commands go
//! on; sealing twice is an error; unsealed, the results come back.

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::{assert_ok, files, no_panic, podium, stderr, stdout};

const TEAMS: &str = "id,name,org\nT1,Cantine,somme\nT2,Finances,nord\nT3,Bâtiment,oise\n";
const JURORS: &str = "id,name,org\nJ1,Alice,somme\nJ2,Bob,nord\n";
const CRITERIA: &str = "id,label,max\nimpact,Impact,10\n";
const SCORES: &str =
    "team;juror;criterion;value\nT1;J1;impact;9\nT1;J2;impact;8\nT2;J1;impact;4\nT2;J2;impact;5\n";
const MORE: &str = "team;juror;criterion;value\nT3;J1;impact;7\nT3;J2;impact;6\n";

/// `f.json`: three teams, T1 first, T3 not scored yet; one laureate.
fn forum() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("teams.csv", TEAMS),
        ("jurors.csv", JURORS),
        ("criteria.csv", CRITERIA),
        ("scores.csv", SCORES),
        ("more.csv", MORE),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let d = dir.path();
    assert_ok(&podium(
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
            "1",
            "--title",
            "Forum",
        ],
    ));
    assert_ok(&podium(d, &["scores", "import", "f.json", "scores.csv"]));
    dir
}

fn with_lang<'a>(lang: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut all = args.to_vec();
    all.extend(["--lang", lang]);
    all
}

/// Exit 1 with exactly one line: the refusal naming the file.
#[track_caller]
fn refused_sealed(out: &Output, lang: &str) {
    no_panic(out);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    let expected = match lang {
        "fr" => "podium: f.json: les résultats sont scellés (podium unseal pour les montrer)\n",
        _ => "podium: f.json: results are sealed (podium unseal shows them)\n",
    };
    assert_eq!(stderr(out), expected);
    assert_eq!(stdout(out), "", "nothing of the ranking on standard output");
}

#[test]
fn seal_says_what_it_did_and_every_output_of_the_ranking_refuses() {
    let dir = forum();
    let d = dir.path();
    let sealed = podium(d, &["seal", "f.json"]);
    assert_ok(&sealed);
    assert!(
        stdout(&sealed).starts_with("f.json: résultats scellés — "),
        "{}",
        stdout(&sealed)
    );
    let before = files(d);
    for lang in ["fr", "en"] {
        for format in ["table", "json", "csv", "md", "html"] {
            let out = podium(
                d,
                &with_lang(lang, &["results", "f.json", "--format", format]),
            );
            refused_sealed(&out, lang);
        }
        let out = podium(
            d,
            &with_lang(
                lang,
                &["results", "f.json", "--method", "borda", "--anonymous"],
            ),
        );
        refused_sealed(&out, lang);
        let out = podium(
            d,
            &with_lang(
                lang,
                &["results", "f.json", "-o", "page.html", "--format", "html"],
            ),
        );
        refused_sealed(&out, lang);
        for format in ["md", "html"] {
            let out = podium(
                d,
                &with_lang(lang, &["minutes", "f.json", "--format", format]),
            );
            refused_sealed(&out, lang);
        }
        let out = podium(
            d,
            &with_lang(lang, &["archive", "f.json", "-o", "forum.zip"]),
        );
        refused_sealed(&out, lang);
        let out = podium(
            d,
            &with_lang(
                lang,
                &[
                    "decide", "f.json", "--order", "T2,T3", "--by", "P", "--reason", "r",
                ],
            ),
        );
        refused_sealed(&out, lang);
    }
    assert_eq!(files(d), before, "no refusal wrote anything");
}

#[test]
fn entry_and_the_other_commands_go_on_while_sealed() {
    let dir = forum();
    let d = dir.path();
    assert_ok(&podium(d, &["seal", "f.json"]));
    assert_ok(&podium(d, &["scores", "import", "f.json", "more.csv"]));
    let export = podium(d, &["scores", "export", "f.json", "-o", "-"]);
    assert_ok(&export);
    assert!(
        stdout(&export).contains("T3;J2;impact;6"),
        "{}",
        stdout(&export)
    );

    // `check` says it is sealed, and shows no rank.
    for (lang, line) in [
        (
            "fr",
            "f.json: résultats scellés — le classement n'est pas montré",
        ),
        ("en", "f.json: results sealed — the ranking is not shown"),
    ] {
        let check = podium(d, &with_lang(lang, &["check", "f.json"]));
        assert_ok(&check);
        let said = stdout(&check);
        assert!(said.lines().any(|l| l == line), "{said}");
        for rank in ["lauréat", "laureate:", "T1", "T2"] {
            assert!(!said.contains(rank), "{rank} in {said}");
        }
    }

    let history = podium(d, &["history", "f.json", "--lang", "en"]);
    assert_ok(&history);
    assert!(
        stdout(&history).contains("jury (terminal "),
        "{}",
        stdout(&history)
    );
    assert!(
        stdout(&history).contains(": results sealed"),
        "{}",
        stdout(&history)
    );
}

#[test]
fn sealing_twice_or_unsealing_what_is_not_sealed_is_an_error() {
    let dir = forum();
    let d = dir.path();
    for (lang, expected) in [
        ("fr", "podium: f.json: les résultats ne sont pas scellés\n"),
        ("en", "podium: f.json: the results are not sealed\n"),
    ] {
        let out = podium(d, &with_lang(lang, &["unseal", "f.json"]));
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(stderr(&out), expected);
    }
    assert_ok(&podium(d, &["seal", "f.json"]));
    let journal = std::fs::read(d.join("f.json.journal")).unwrap();
    for (lang, expected) in [
        ("fr", "podium: f.json: les résultats sont déjà scellés\n"),
        ("en", "podium: f.json: the results are already sealed\n"),
    ] {
        let out = podium(d, &with_lang(lang, &["seal", "f.json"]));
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(stderr(&out), expected);
    }
    assert_eq!(
        std::fs::read(d.join("f.json.journal")).unwrap(),
        journal,
        "a refused seal writes nothing"
    );
}

#[test]
fn unsealed_the_results_and_the_minutes_come_back_with_the_seal_in_their_log() {
    let dir = forum();
    let d = dir.path();
    assert_ok(&podium(d, &["seal", "f.json"]));
    let unsealed = podium(d, &["unseal", "f.json", "--lang", "en"]);
    assert_ok(&unsealed);
    assert_eq!(
        stdout(&unsealed),
        "f.json: results unsealed — the ranking can be shown again\n"
    );
    let results = podium(d, &["results", "f.json", "--format", "csv"]);
    assert_ok(&results);
    assert!(stdout(&results).contains("T1"), "{}", stdout(&results));
    let minutes = podium(d, &["minutes", "f.json", "--lang", "en"]);
    assert_ok(&minutes);
    let text = stdout(&minutes);
    assert!(text.contains("results sealed"), "{text}");
    assert!(text.contains("results unsealed"), "{text}");
    assert_ok(&podium(d, &["archive", "f.json", "-o", "forum.zip"]));
    assert!(Path::new(&d.join("forum.zip")).exists());
}

#[test]
fn seal_and_unseal_have_their_help_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let fr = podium(dir.path(), &["seal", "--help"]);
    assert_ok(&fr);
    assert!(
        stdout(&fr).contains("Sceller les résultats"),
        "{}",
        stdout(&fr)
    );
    let en = podium(dir.path(), &["unseal", "--help", "--lang", "en"]);
    assert_ok(&en);
    assert!(
        stdout(&en).contains("Unseal the results"),
        "{}",
        stdout(&en)
    );
}
