//! Tamper evidence (issue 15, item 1): `podium check` names the first
//! journal line altered, removed, inserted or reordered after it was
//! saved, and a hand-edited state file, exits 1 each time, and prints the
//! digest of the last line — the same one the minutes, the results page
//! and the archive manifest carry.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::cli::{files, no_panic, podium, stderr, stdout};
use common::{at, dec, journal, op, session, set_cell};

const WAIT: Duration = Duration::from_secs(5);

/// A chained session of 19 journal lines (the creation, then 18 values),
/// its state file a checkpoint at revision 12.
fn forum() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = common::folder();
    podium::storage::create(&path, &session("chain", 3, 3), "w", at(0)).unwrap();
    let mut n = 0;
    for criterion in ["c1", "c2"] {
        for t in 1..=3 {
            for j in 1..=3 {
                n += 1;
                let value = dec(&(n % 10).to_string());
                let cell = set_cell(
                    &format!("T{t}"),
                    &format!("J{j}"),
                    criterion,
                    None,
                    Some(value),
                );
                podium::storage::commit(&path, &op(cell), WAIT).unwrap();
                if n == 11 {
                    assert!(podium::storage::checkpoint(&path, WAIT).unwrap());
                }
            }
        }
    }
    assert_eq!(podium::storage::checkpoint_revision(&path), Some(12));
    (dir, path)
}

fn lines(path: &Path) -> Vec<String> {
    common::journal_lines(path)
}

fn write_lines(path: &Path, lines: &[String]) {
    let mut text = lines.join("\n");
    text.push('\n');
    std::fs::write(journal(path), text).unwrap();
}

/// `check` in `lang`: exit 1, and the first problem it states.
fn refused(dir: &Path, lang: &str) -> String {
    let out = podium(dir, &["--lang", lang, "check", "forum.json"]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let err = stderr(&out);
    err.lines().next().unwrap_or_default().to_string()
}

#[test]
fn an_intact_session_prints_the_digest_of_its_last_line() {
    let (dir, path) = forum();
    let before = files(dir.path());
    let out = podium(dir.path(), &["--lang", "en", "check", "forum.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let last = podium::storage::digest::last_digest(&journal(&path))
        .unwrap()
        .unwrap();
    let expected = format!(
        "forum.json.journal: digest chain verified (19 lines); digest of the last line (SHA-256): {last}"
    );
    assert!(
        stdout(&out).lines().any(|l| l == expected),
        "{}",
        stdout(&out)
    );
    let out = podium(dir.path(), &["check", "forum.json"]);
    assert!(
        stdout(&out).contains(&format!("chaîne d'empreintes vérifiée (19 lignes) ; empreinte de la dernière ligne (SHA-256) : {last}")),
        "{}",
        stdout(&out)
    );
    // `--final`: the recount agrees and the results are final.
    let out = podium(
        dir.path(),
        &["--lang", "en", "check", "--final", "forum.json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("forum.json: recounted independently: agrees\n"),
        "{said}"
    );
    assert!(said.contains("forum.json: results final"), "{said}");
    assert_eq!(files(dir.path()), before, "check wrote something");
}

#[test]
fn one_byte_altered_names_its_line() {
    let (dir, path) = forum();
    let mut all = lines(&path);
    // A second in the time the change was made: 08:00:00 becomes 08:00:01.
    all[9] = all[9].replacen("08:00:00", "08:00:01", 1);
    assert_ne!(all[9], lines(&path)[9]);
    write_lines(&path, &all);
    assert_eq!(
        refused(dir.path(), "en"),
        "podium: forum.json.journal:10: altered after it was saved"
    );
    assert_eq!(
        refused(dir.path(), "fr"),
        "podium: forum.json.journal:10: modifiée après son enregistrement"
    );
}

#[test]
fn one_value_altered_past_the_checkpoint_names_its_line() {
    let (dir, path) = forum();
    let mut all = lines(&path);
    // Line 17 sets T3/J1 c2 to 6: make it 9.
    assert!(all[16].contains("\"new\":6"), "{}", all[16]);
    all[16] = all[16].replace("\"new\":6", "\"new\":9");
    write_lines(&path, &all);
    assert_eq!(
        refused(dir.path(), "en"),
        "podium: forum.json.journal:17: altered after it was saved"
    );
}

#[test]
fn an_unreadable_altered_line_is_named_once_as_altered() {
    let (dir, path) = forum();
    let mut all = lines(&path);
    all[4].replace_range(0..1, "[");
    write_lines(&path, &all);
    let out = podium(dir.path(), &["--lang", "en", "check", "forum.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let first: Vec<&str> = err.lines().take(2).collect();
    assert_eq!(
        first[0],
        "podium: forum.json.journal:5: altered after it was saved"
    );
    assert!(
        first[1].starts_with("podium: forum.json.journal:5: unreadable line"),
        "{err}"
    );
}

#[test]
fn a_removed_line_is_named_where_it_was() {
    let (dir, path) = forum();
    let mut all = lines(&path);
    all.remove(9);
    write_lines(&path, &all);
    assert_eq!(
        refused(dir.path(), "en"),
        "podium: forum.json.journal:10: the line of revision 10 was removed here after it was saved"
    );
    let mut all = lines(&path);
    all.drain(13..16);
    write_lines(&path, &all);
    assert_eq!(
        refused(dir.path(), "fr"),
        "podium: forum.json.journal:10: la ligne de la révision 10 a été supprimée ici après son enregistrement"
    );
}

#[test]
fn several_removed_lines_past_the_checkpoint() {
    let (dir, path) = forum();
    let mut all = lines(&path);
    all.drain(13..16);
    write_lines(&path, &all);
    assert_eq!(
        refused(dir.path(), "en"),
        "podium: forum.json.journal:14: the lines of revisions 14 to 16 were removed here after they were saved"
    );
}

#[test]
fn an_inserted_line_is_named_whether_or_not_it_chains() {
    let (dir, path) = forum();
    let original = lines(&path);
    // A copy of line 6 put after it.
    let mut all = original.clone();
    all.insert(6, original[5].clone());
    write_lines(&path, &all);
    assert_eq!(
        refused(dir.path(), "en"),
        "podium: forum.json.journal:7: inserted after the journal was saved"
    );
    // A forged line chained to line 14 by whoever wrote it, with the
    // next revision.
    let mut forged: serde_json::Value = serde_json::from_str(&original[14]).unwrap();
    forged["prev"] = podium::storage::digest::line_digest(original[13].as_bytes()).into();
    forged["op"]["change"]["new"] = 10.into();
    let mut all = original.clone();
    all.insert(14, serde_json::to_string(&forged).unwrap());
    write_lines(&path, &all);
    assert_eq!(
        refused(dir.path(), "fr"),
        "podium: forum.json.journal:15: insérée après l'enregistrement du journal"
    );
}

#[test]
fn two_swapped_lines_are_named() {
    let (dir, path) = forum();
    let mut all = lines(&path);
    all.swap(14, 15);
    write_lines(&path, &all);
    assert_eq!(
        refused(dir.path(), "en"),
        "podium: forum.json.journal:15: reordered after it was saved (it follows line 16)"
    );
}

#[test]
fn a_hand_edited_state_file_is_named_with_its_field() {
    let (dir, path) = forum();
    let state = std::fs::read_to_string(&path).unwrap();
    assert!(state.contains("\"Team 2\""));
    std::fs::write(&path, state.replace("\"Team 2\"", "\"Team Two\"")).unwrap();
    assert_eq!(
        refused(dir.path(), "en"),
        "podium: forum.json: edited by hand: differs from its journal replayed to revision 12 \
         (field teams.T2.name)"
    );
    // A value: the scores are read again from the journal.
    std::fs::write(&path, state.replacen("\"c1\": 3", "\"c1\": 4", 1)).unwrap();
    let said = refused(dir.path(), "fr");
    assert!(
        said.starts_with(
            "podium: forum.json: modifié à la main : diffère de son journal rejoué jusqu'à la révision 12 (champ sheets"
        ),
        "{said}"
    );
}

#[test]
fn the_digest_is_stable_across_reopening_and_checkpoints() {
    let (dir, path) = forum();
    let digest = || {
        podium::storage::digest::last_digest(&journal(&path))
            .unwrap()
            .unwrap()
    };
    let printed = || {
        let out = podium(dir.path(), &["--lang", "en", "check", "forum.json"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        text.lines()
            .find_map(|l| l.split("(SHA-256): ").nth(1).map(str::to_string))
            .unwrap()
    };
    let first = digest();
    assert_eq!(printed(), first);
    // Reopened by a writer (and closed with a checkpoint), nothing changes.
    let (mut live, _) = podium::storage::Live::open(&path).unwrap();
    live.checkpoint(WAIT).unwrap();
    drop(live);
    assert_eq!(podium::storage::checkpoint_revision(&path), Some(19));
    assert_eq!(printed(), first);
    podium::storage::open(&path).unwrap();
    assert!(!podium::storage::checkpoint(&path, WAIT).unwrap());
    assert_eq!(printed(), first);
    // The minutes, the page and the archive manifest carry the same one.
    for args in [
        vec!["minutes", "forum.json", "-o", "-"],
        vec!["results", "forum.json", "--format", "html", "-o", "-"],
    ] {
        let out = podium(dir.path(), &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).contains(&first), "{args:?} lacks the digest");
    }
    let out = podium(dir.path(), &["archive", "forum.json", "-o", "a.zip"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let zip = std::fs::read(dir.path().join("a.zip")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("MANIFEST.txt").unwrap(), &mut text)
        .unwrap();
    assert!(text.contains(&format!("journal digest: {first}")), "{text}");
    // One more change: a new digest, chained to the old one.
    let cell = set_cell("T1", "J1", "c1", Some(dec("1")), Some(dec("2")));
    podium::storage::commit(&path, &op(cell), WAIT).unwrap();
    assert_ne!(printed(), first);
    assert!(lines(&path).last().unwrap().contains(&first));
}
