//! Messages say system and JSON errors in the user's language: no bare
//! "No such file or directory (os error 2)" or "expected value at line 1
//! column 1" in a French message.

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::{command, output, stderr};

fn podium(dir: &Path, args: &[&str]) -> Output {
    output(
        command(dir, args)
            .env("PODIUM_DATA_DIR", dir.join("data"))
            .env("LANG", "C"),
    )
}

/// English system text that must not reach a French message.
fn no_system_english(err: &str) {
    for bare in ["os error", "No such file", "expected value", " at line "] {
        assert!(!err.contains(bare), "{bare:?} in: {err}");
    }
}

#[test]
fn a_missing_or_unwritable_file_is_said_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = podium(d, &["new", "s.json", "--teams", "nope.csv", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(
        err,
        "podium: nope.csv: lecture impossible (fichier ou dossier introuvable)\n"
    );
    let out = podium(d, &["new", "s.json", "--teams", "nope.csv", "--lang", "en"]);
    assert_eq!(
        stderr(&out),
        "podium: nope.csv: cannot read (no such file or folder)\n"
    );

    assert!(podium(d, &["new", "s.json"]).status.success());
    let out = podium(d, &["scores", "export", "s.json", "-o", "absent/x.csv"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("absent/x.csv: écriture impossible (fichier ou dossier introuvable)"),
        "{err}"
    );
    no_system_english(&err);
}

#[test]
fn an_unreadable_session_file_says_where_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("b.json"), "\n\n  oops").unwrap();
    let out = podium(d, &["check", "b.json", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("podium: b.json:3:3: fichier de session illisible : JSON invalide à la ligne 3, colonne 3"),
        "{err}"
    );
    // The reader's own detail only after a French lead.
    let detail = err.find("expected value").map(|at| &err[..at]);
    assert!(
        detail.is_none_or(|before| before.ends_with("détail : ")),
        "{err}"
    );
    no_system_english(&err.replace("(détail : expected value)", ""));
    let out = podium(d, &["check", "b.json", "--lang", "en"]);
    assert!(
        stderr(&out).contains("invalid JSON at line 3, column 3"),
        "{}",
        stderr(&out)
    );

    // A journal line: its column, in words.
    let line = "{\"session\":\"x\",\"rev\":1}\n";
    std::fs::write(d.join("c.json.journal"), format!("{line}{line}")).unwrap();
    let out = podium(d, &["check", "c.json", "--lang", "fr"]);
    let err = stderr(&out);
    assert!(
        err.contains("c.json.journal:1: ligne illisible : contenu inattendu à la colonne"),
        "{err}"
    );
}
