//! `podium settings` and `podium roster` on the real binary: print,
//! change as one operation, refuse with every problem and nothing written.

mod common;

use std::path::Path;

use common::cli::{assert_ok, files, no_panic, podium, stderr, stdout};

fn forum(dir: &Path) {
    std::fs::write(
        dir.join("teams.csv"),
        "id;name;org;project\nT1;Les Toqués;somme;Zéro gaspi\nT2;Archives;nord;\nT3;Guichet;oise;\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("jurors.csv"),
        "id,name,org,role\nJ1,Ann,somme,élue\nJ2,Bob,nord,\n",
    )
    .unwrap();
    std::fs::write(dir.join("criteria.csv"), "id,label,max\nimpact,Impact,5\n").unwrap();
    let out = podium(
        dir,
        &[
            "new",
            "s.json",
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

fn session(dir: &Path) -> podium::domain::Session {
    podium::storage::load(&dir.join("s.json")).expect("loads")
}

#[test]
fn settings_prints_changes_in_one_operation_and_refuses_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    forum(d);
    let out = podium(d, &["--lang", "en", "settings", "s.json"]);
    assert_ok(&out);
    let text = stdout(&out);
    for line in [
        "pitch duration            : 3:00",
        "warning threshold         : 1:00",
        "alarm threshold           : 0:30",
        "start time                : (none)",
        "laureates                 : 8",
        "minimum sheets            : 1",
        "tie-break                 : (none)",
        "official method           : mean",
        "bell                      : on",
        "language                  : fr",
    ] {
        let line = line.replace("  : ", ": ").replace("   ", "");
        let (name, value) = line.split_once(':').unwrap();
        assert!(
            text.lines()
                .any(|l| l.starts_with(name.trim()) && l.ends_with(value.trim())),
            "{name}: {value} in\n{text}"
        );
    }
    let journal = || common::journal_lines(&d.join("s.json")).len();
    let before = journal();
    let out = podium(
        d,
        &[
            "--lang",
            "en",
            "settings",
            "s.json",
            "--pitch",
            "2m30s",
            "--start",
            "14:30",
            "--bell",
            "off",
            "--laureates",
            "10",
            "--warning",
            "45s",
            "--alarm",
            "15s",
            "--changeover",
            "0",
            "--place",
            "Amiens",
        ],
    );
    assert_ok(&out);
    assert!(
        stdout(&out).contains("pitch duration: 3:00 → 2:30"),
        "{}",
        stdout(&out)
    );
    assert_eq!(journal(), before + 1, "one operation");
    let s = session(d);
    assert_eq!(
        (s.settings.pitch_secs, s.settings.laureates, s.settings.bell),
        (150, 10, false)
    );
    assert_eq!(
        (
            s.settings.warning_secs,
            s.settings.alarm_secs,
            s.settings.changeover_secs
        ),
        (45, 15, 0)
    );
    assert_eq!(s.settings.start_time.unwrap().to_string(), "14:30:00");
    assert_eq!(s.event.place, "Amiens");

    // Refused: every problem, one line each, exit 1, nothing written.
    let all = files(d);
    let out = podium(
        d,
        &[
            "--lang",
            "en",
            "settings",
            "s.json",
            "--laureates",
            "0",
            "--tie-break",
            "charisma",
            "--pitch",
            "3x",
            "--title",
            "New",
        ],
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(
        err.contains("podium: s.json: --pitch 3x: unreadable duration"),
        "{err}"
    );
    assert!(
        err.contains("podium: s.json: tie-break: unknown criterion charisma"),
        "{err}"
    );
    assert!(
        err.contains("podium: s.json: the number of laureates must be at least 1"),
        "{err}"
    );
    assert_eq!(files(d), all, "files byte for byte unchanged");

    // The method is locked once a score is entered.
    std::fs::write(
        d.join("scores.csv"),
        "team,juror,criterion,value\nT2,J1,impact,4\n",
    )
    .unwrap();
    assert_ok(&podium(d, &["scores", "import", "s.json", "scores.csv"]));
    let all = files(d);
    let out = podium(
        d,
        &["--lang", "en", "settings", "s.json", "--method", "borda"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "podium: s.json: --method: the official method cannot change, scoring has started\n"
    );
    assert_eq!(files(d), all);
}

#[test]
fn roster_renames_adds_lists_the_missing_and_dry_runs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    forum(d);
    std::fs::write(
        d.join("teams2.csv"),
        "id,name,org,project\nT1,Les Toqués bis,somme,Zéro gaspi\nT2,Archives,nord,\nT4,Tardifs,aisne,Bus\n",
    )
    .unwrap();
    let all = files(d);
    let out = podium(
        d,
        &[
            "--lang",
            "en",
            "roster",
            "s.json",
            "--teams",
            "teams2.csv",
            "--dry-run",
        ],
    );
    assert_ok(&out);
    let text = stdout(&out);
    for line in [
        "organisation aisne added",
        "team T1 updated: name",
        "team T4 added at the end of the schedule",
        "team T3 not in the file: left in place",
        "s.json: dry run, nothing written",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
    assert_eq!(files(d), all, "a dry run writes nothing");

    let before = common::journal_lines(&d.join("s.json")).len();
    let out = podium(
        d,
        &["--lang", "en", "roster", "s.json", "--teams", "teams2.csv"],
    );
    assert_ok(&out);
    assert_eq!(common::journal_lines(&d.join("s.json")).len(), before + 1);
    let s = session(d);
    assert_eq!(s.team(&"T1".into()).unwrap().name, "Les Toqués bis");
    assert!(s.team(&"T3".into()).is_some(), "the missing team stays");
    let last = s.schedule.last().and_then(|slot| slot.team()).unwrap();
    assert_eq!(last.as_str(), "T4");
    // Again: nothing to change.
    let out = podium(
        d,
        &["--lang", "en", "roster", "s.json", "--teams", "teams2.csv"],
    );
    assert_ok(&out);
    assert!(stdout(&out).contains("nothing to change"));
}

#[test]
fn roster_refuses_every_bad_line_naming_file_and_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    forum(d);
    std::fs::write(
        d.join("bad.csv"),
        "id,name,org\nT1,,somme\nT5,\"Evil\u{1b}[31m\",nord\nT6,\"\u{202e}kcab\",nord\n",
    )
    .unwrap();
    std::fs::write(d.join("jurors2.csv"), "id,name\nJ1,Ann\n").unwrap();
    let all = files(d);
    let out = podium(
        d,
        &[
            "--lang",
            "en",
            "roster",
            "s.json",
            "--teams",
            "bad.csv",
            "--jurors",
            "jurors2.csv",
        ],
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("podium: bad.csv:2: column \"name\" is empty"),
        "{err}"
    );
    assert!(err.contains("jurors2.csv"), "{err}");
    assert_eq!(files(d), all, "nothing written");
    // Names that would drive the terminal: refused, nothing written.
    std::fs::write(
        d.join("bad.csv"),
        "id,name,org\nT5,\"Evil\u{1b}[31m\",nord\nT6,\"\u{202e}kcab\",nord\n",
    )
    .unwrap();
    let all = files(d);
    let out = podium(
        d,
        &["--lang", "en", "roster", "s.json", "--teams", "bad.csv"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // Each one named in its file and line, for the organiser to fix.
    let said = "column \"name\": control character (tab, line break…) or direction override \
                refused";
    assert_eq!(
        err,
        format!("podium: bad.csv:2: {said}\npodium: bad.csv:3: {said}\n")
    );
    assert_eq!(files(d), all, "nothing written");
}

#[test]
fn a_changed_organisation_recuses_and_lists_the_values_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    forum(d);
    std::fs::write(
        d.join("scores.csv"),
        "team,juror,criterion,value\nT2,J1,impact,4\n",
    )
    .unwrap();
    assert_ok(&podium(d, &["scores", "import", "s.json", "scores.csv"]));
    // T2 joins the Somme, J1's organisation: J1 no longer scores it.
    std::fs::write(
        d.join("teams2.csv"),
        "id,name,org\nT1,Les Toqués,somme\nT2,Archives,somme\nT3,Guichet,oise\n",
    )
    .unwrap();
    let out = podium(
        d,
        &["--lang", "en", "roster", "s.json", "--teams", "teams2.csv"],
    );
    assert_ok(&out);
    assert!(
        stdout(&out).contains("J1 becomes recused for T2 (same organisation)"),
        "{}",
        stdout(&out)
    );
    let s = session(d);
    assert_eq!(s.value(&"T2".into(), &"J1".into(), &"impact".into()), None);
    // The operation keeps the values it cleared (undo restores them).
    let last = common::journal_lines(&d.join("s.json")).pop().unwrap();
    assert!(last.contains("\"label\":\"roster\""), "{last}");
    assert!(last.contains("\"impact\":4"), "{last}");
}
