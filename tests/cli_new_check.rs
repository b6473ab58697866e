//! `podium new` (settings flags) and `podium check` on the real binary.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::cli::{command, files, no_panic, output, stderr, stdout};
use podium::domain::{Lang, Method, Session};

fn podium(dir: &Path, args: &[&str]) -> Output {
    output(
        command(dir, args)
            .env("RUST_BACKTRACE", "1")
            .env("PODIUM_DATA_DIR", dir.join("data"))
            .env_remove("PODIUM_TEST_CRASH_AFTER"),
    )
}

fn read(path: &Path) -> Session {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn new_with_settings_flags() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = podium(
        d,
        &[
            "new",
            "forum.json",
            "--title",
            "Forum 2027",
            "--pitch",
            "2m30s",
            "--qa",
            "0:45",
            "--changeover",
            "90s",
            "--start",
            "09:30",
            "--laureates",
            "5",
            "--method",
            "borda",
            "--min-sheets",
            "2",
            "--recuse-same-org",
            "--lang",
            "en",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    no_panic(&out);
    assert!(
        stdout(&out).contains("forum.json created"),
        "{}",
        stdout(&out)
    );
    let s = read(&d.join("forum.json"));
    assert_eq!(s.revision, 1);
    assert_eq!(s.event.title, "Forum 2027");
    let st = &s.settings;
    assert_eq!(
        (st.pitch_secs, st.qa_secs, st.changeover_secs),
        (150, 45, 90)
    );
    assert_eq!(st.start_time.unwrap().format("%H:%M").to_string(), "09:30");
    assert_eq!((st.laureates, st.min_sheets), (5, 2));
    assert_eq!(st.method, Method::Borda);
    assert!(st.recuse_same_org);
    assert_eq!(
        st.lang,
        Lang::En,
        "--lang on new sets the session's language"
    );
    let journal = std::fs::read_to_string(d.join("forum.json.journal")).unwrap();
    assert_eq!(journal.lines().count(), 1);
    assert!(journal.contains(r#""kind":"create""#));
    // And `check` finds it clean, speaking the session's language.
    let out = podium(d, &["check", "forum.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Its first line says the state in words, never a bare revision.
    let first = stdout(&out).lines().next().unwrap_or_default().to_string();
    assert!(
        first.starts_with("forum.json: no problem found — results final"),
        "{first}"
    );
    assert!(first.contains("1 change saved"), "{first}");
    assert!(!first.contains("revision"), "{first}");
}

#[test]
fn new_defaults_to_french_and_three_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let out = podium(dir.path(), &["new", "s.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let s = read(&dir.path().join("s.json"));
    assert_eq!((s.settings.pitch_secs, s.settings.laureates), (180, 8));
    assert_eq!(s.settings.method, Method::Mean);
    let out = podium(dir.path(), &["check", "s.json"]);
    assert!(
        stdout(&out).contains("s.json: aucun problème — résultats définitifs · 0 équipe"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn new_reports_every_bad_flag_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = podium(
        d,
        &[
            "--lang",
            "en",
            "new",
            "s.json",
            "--pitch",
            "3 minutes",
            "--qa",
            "2:75",
            "--start",
            "25:00",
            "--tie-break",
            "impact",
            "--laureates",
            "0",
            "--min-sheets",
            "0",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    no_panic(&out);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 6, "{err}");
    assert!(
        lines.iter().all(|l| l.starts_with("podium: s.json: ")),
        "{err}"
    );
    for word in [
        "--pitch",
        "--qa",
        "--start",
        "impact",
        "--laureates",
        "--min-sheets",
    ] {
        assert!(err.contains(word), "{word}: {err}");
    }
    assert!(files(d).is_empty(), "{:?}", files(d).keys());
    // A zero pitch is refused, zero questions allowed.
    let out = podium(d, &["new", "s.json", "--pitch", "0s", "--qa", "0"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(podium(d, &["new", "s.json", "--qa", "0"]).status.success());
}

#[test]
fn an_unknown_method_is_a_bad_argument_listing_the_valid_ones() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = podium(d, &["new", "s.json", "--method", "average"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    no_panic(&out);
    let err = stderr(&out);
    assert!(err.contains("average"), "{err}");
    for known in ["mean", "normalized", "trimmed", "borda", "majority"] {
        assert!(err.contains(known), "{known}: {err}");
    }
    assert!(files(d).is_empty(), "{:?}", files(d).keys());
    // Every method is accepted and recorded.
    for (i, method) in ["mean", "normalized", "trimmed", "borda", "majority"]
        .into_iter()
        .enumerate()
    {
        let name = format!("s{i}.json");
        let out = podium(d, &["new", &name, "--method", method]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(read(&d.join(&name)).settings.method.id(), method);
    }
}

#[test]
fn new_refuses_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(podium(d, &["new", "s.json"]).status.success());
    let before = files(d);
    let out = podium(d, &["--lang", "en", "new", "s.json"]);
    assert_eq!(out.status.code(), Some(1));
    no_panic(&out);
    assert_eq!(
        stderr(&out),
        "podium: s.json: already exists; nothing was written\n"
    );
    assert_eq!(files(d), before);
}

#[test]
fn bad_arguments_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["new"][..],
        &["new", "s.json", "--laureates", "abc"],
        &["new", "s.json", "--frobnicate"],
        &["check"],
        &["check", "a.json", "b.json"],
        &["--lang", "de", "check", "a.json"],
    ] {
        let out = podium(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        no_panic(&out);
    }
    assert!(files(dir.path()).is_empty());
}

/// A copy of a storage fixture in a fresh folder.
fn fixture(name: &str) -> tempfile::TempDir {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/storage")
        .join(name);
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    dir
}

/// `check` on a fixture: its exit code and output; it never writes.
fn check(dir: &Path) -> Output {
    let before = files(dir);
    let out = podium(dir, &["--lang", "en", "check", "forum.json"]);
    no_panic(&out);
    assert_eq!(files(dir), before, "check wrote something");
    out
}

#[test]
fn check_reports_journal_problems_with_their_line() {
    for (name, line) in [
        ("bad_line_in_history", 2),
        ("bad_line_in_tail", 3),
        ("other_session_line", 3),
        ("gap", 3),
        ("second_create", 3),
    ] {
        let dir = fixture(name);
        let out = check(dir.path());
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert!(
            err.starts_with(&format!("podium: forum.json.journal:{line}: ")),
            "{name}: {err}"
        );
    }
}

#[test]
fn check_refuses_a_newer_format_and_an_unreadable_file() {
    let dir = fixture("newer_format");
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1);
    assert!(
        stderr(&out).starts_with("podium: forum.json: written by a newer Podium (format 99"),
        "{}",
        stderr(&out)
    );
    let dir = fixture("unreadable_state");
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("podium: forum.json:"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("unreadable session file"),
        "{}",
        stderr(&out)
    );
    let empty = tempfile::tempdir().unwrap();
    let out = check(empty.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("podium: forum.json: no such session"),
        "{}",
        stderr(&out)
    );
    assert!(files(empty.path()).is_empty());
}

#[test]
fn check_reports_a_state_newer_than_its_journal() {
    let dir = fixture("state_newer");
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("newer than its journal"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn repair_restarts_a_journal_that_lags_its_state_then_check_passes() {
    let dir = fixture("state_newer");
    let d = dir.path();
    // A writer refuses, and says what to do.
    let refused = podium(
        d,
        &[
            "--lang",
            "en",
            "decide",
            "forum.json",
            "--admit",
            "T1",
            "--by",
            "x",
            "--reason",
            "y",
        ],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("podium repair"),
        "{}",
        stderr(&refused)
    );
    let out = podium(d, &["--lang", "en", "repair", "forum.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("new journal started at revision 4; the old one is kept in"),
        "{}",
        stdout(&out)
    );
    let out = check(d);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("journal restarted by `podium repair` at revision 4"),
        "{}",
        stdout(&out)
    );
    let again = podium(d, &["repair", "forum.json"]);
    assert!(again.status.success());
    assert!(
        stdout(&again).contains("rien à réparer"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn check_notes_what_the_next_save_will_repair_and_says_ok() {
    for (name, note) in [
        (
            "torn_no_newline",
            "forum.json.journal:5: incomplete last line",
        ),
        ("state_missing", "file missing"),
        // A journal older than the hash chain (every fixture here).
        ("base", "journal written before the digest chain"),
    ] {
        let dir = fixture(name);
        let out = check(dir.path());
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert!(stdout(&out).contains(note), "{name}: {}", stdout(&out));
        assert!(
            stdout(&out).contains("forum.json: no problem found — results"),
            "{name}: {}",
            stdout(&out)
        );
    }
}

#[test]
fn a_state_behind_its_journal_is_a_checkpoint_check_is_silent_about() {
    let dir = fixture("state_behind");
    let out = check(dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stdout(&out).contains("2 changes saved"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("· 4 changes saved"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn check_reports_every_problem_of_a_hand_edited_state() {
    let dir = fixture("base");
    let path = dir.path().join("forum.json");
    let mut s = read(&path);
    s.teams[0].org = "aisne".into();
    s.settings.laureates = 0;
    s.settings.tie_break = vec!["speed".into()];
    std::fs::write(&path, serde_json::to_vec_pretty(&s).unwrap()).unwrap();
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // The fixture's journal predates the hash chain: a note on it.
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| !l.contains("before the digest chain"))
        .collect();
    assert!(
        lines.iter().all(|l| l.starts_with("podium: forum.json: ")),
        "{err}"
    );
    for what in ["differs from its journal", "aisne", "laureates", "speed"] {
        assert!(err.contains(what), "{what}: {err}");
    }
    assert_eq!(lines.len(), 4, "{err}");
}

#[test]
fn a_session_is_french_by_default_whatever_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["new", "s.json"])
        .current_dir(dir.path())
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .expect("podium runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read(&dir.path().join("s.json")).settings.lang, Lang::Fr);
    let out = podium(dir.path(), &["new", "e.json", "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read(&dir.path().join("e.json")).settings.lang, Lang::En);
}

#[test]
fn run_and_display_without_a_terminal_say_so_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    assert!(podium(dir.path(), &["new", "s.json"]).status.success());
    let before = files(dir.path());
    for verb in ["run", "display"] {
        let out = podium(dir.path(), &[verb, "s.json"]);
        no_panic(&out);
        assert_eq!(out.status.code(), Some(1), "{verb}: {}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{verb}: {err}");
        assert!(err.contains("terminal"), "{verb}: {err}");
        // Nothing drawn on standard output, no escape sequence left behind.
        assert!(out.stdout.is_empty(), "{verb}: {:?}", stdout(&out));
    }
    assert_eq!(files(dir.path()), before);
}
