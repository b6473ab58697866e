//! End to end through a real pseudo-terminal: the blind double entry of
//! `podium run`. A first terminal (80×24, French) re-types a team's sheets
//! from the Completeness board and is killed mid-way; a second one (200×60,
//! English) finds every value it saved, finishes, settles each difference
//! and sees the team verified twice; the scores on disk are the settled ones.

mod common;

use std::path::Path;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use common::cli::assert_ok;
use common::pty::{BIN, Term, line, one_at_a_time, podium_command};
use podium::domain::SheetKey;

const DEADLINE: Duration = Duration::from_secs(20);

/// `podium run FILE --lang LANG` in a `rows`×`cols` terminal, no colours.
fn run(file: &Path, data: &Path, lang: &str, rows: u16, cols: u16) -> Term {
    let mut cmd = podium_command();
    cmd.arg("run");
    cmd.arg(file);
    cmd.args(["--lang", lang]);
    cmd.env("NO_COLOR", "1");
    cmd.env("PODIUM_DATA_DIR", data);
    Term::spawn(cmd, rows, cols, DEADLINE)
}

/// Three teams, two jurors, one laureate. First entry: T1 J1 (7, 12.5),
/// J2 (8, 14); T2 (6, 10) twice. T1 is first, so nearest the cut-off.
fn session(file: &Path) {
    let mut s = common::session("blind-e2e", 3, 2);
    s.settings.laureates = 1;
    for (team, juror, c1, c2) in [
        ("T1", "J1", "7", "12.5"),
        ("T1", "J2", "8", "14"),
        ("T2", "J1", "6", "10"),
        ("T2", "J2", "6", "10"),
    ] {
        let sheet = s
            .sheets
            .entry(SheetKey::new(team.into(), juror.into()))
            .or_default();
        sheet.values.insert("c1".into(), common::dec(c1));
        sheet.values.insert("c2".into(), common::dec(c2));
    }
    podium::storage::create(file, &s, "tester", common::at(0)).expect("create");
}

/// No value of the blind table still being saved.
fn settled(screen: &str) -> bool {
    !screen
        .lines()
        .any(|l| l.trim_start_matches(['›', ' ']).starts_with("J") && l.contains('…'))
}

#[test]
fn a_second_entry_survives_a_crash_and_every_difference_is_settled() {
    let _one = one_at_a_time();
    let (dir, file) = common::folder();
    session(&file);

    // The first terminal: from the board, the team nearest the cut-off.
    let mut term = run(&file, dir.path(), "fr", 24, 80);
    term.wait_until("the live screen", |s| s.contains("Scène"));
    term.tab_to("Complétude");
    term.wait_text("Double saisie b/B, près du seuil d'abord : T1 · T2 · T3");
    term.type_keys("B");
    term.wait_text("Double saisie à l'aveugle · T1 · Team 1");
    // J1 as on paper; J2's first value typed 9 (the first entry has 8).
    term.type_keys("7\n12,5\n9\n");
    let screen = term.wait_until("three values saved", |s| {
        s.contains("2e saisie 3/4")
            && settled(s)
            && line(s, "J2 Juror 2").is_some_and(|l| l.contains(" 9 "))
    });
    let j1 = line(&screen, "J1 Juror 1").expect("J1's row");
    assert!(j1.contains(" 7 ") && j1.contains("12,5"), "{j1}");
    let j2 = line(&screen, "J2 Juror 2").expect("J2's row");
    assert!(!j2.contains("14"), "the first entry stays hidden: {j2}");
    insta::assert_snapshot!("blind_e2e_typing_80x24_fr", without_path(&screen));
    term.kill9();

    // Saved as operations, the first entry untouched.
    let journal = std::fs::read_to_string(common::journal(&file)).expect("journal");
    assert_eq!(journal.matches("\"kind\":\"set_second_cell\"").count(), 3);
    assert!(!journal.contains("\"kind\":\"set_cell\""));

    // A second terminal takes over: the grid's `b`.
    let mut term = run(&file, dir.path(), "en", 60, 200);
    term.wait_until("the live screen", |s| s.contains("Stage"));
    term.tab_to("Scores");
    term.wait_until("the grid", |s| line(s, "Juror").is_some());
    term.type_keys("b");
    term.wait_text("2nd entry 3/4");
    term.send("\x1b[B"); // Down
    term.send("\x1b[C"); // Right: J2's second criterion
    term.type_keys("13\n");
    // Both entries of J2's second criterion in view: 14 and the 13 typed.
    let screen = term.wait_until("the differences", |s| {
        s.contains("2 differences to settle")
            && line(s, " J2 Juror 2").is_some_and(|l| l.contains("13"))
    });
    let first = line(&screen, "›J2 Juror 2").expect("the first difference");
    assert!(first.contains("Impact") && first.contains(" 8 ") && first.contains(" 9"));
    let second = line(&screen, " J2 Juror 2").expect("the second difference");
    assert!(second.contains("Feasibility") && second.contains("14") && second.contains("13"));
    insta::assert_snapshot!("blind_e2e_settling_200x60_en", without_path(&screen));

    // Keep the first entry's 8; a third value, 13.5, for the other.
    term.send("\x1b[D"); // Left: keep the first
    term.wait_text("1 difference to settle");
    term.type_keys("13.5\n");
    let screen = term.wait_text("Both entries agree: the team is verified twice.");
    assert!(line(&screen, "Blind double entry · T1").is_some_and(|l| l.contains("verified twice")));
    insta::assert_snapshot!("blind_e2e_verified_200x60_en", without_path(&screen));
    term.send("\x1b");
    term.wait_text("First entry hidden");
    term.send("\x1b");
    let screen = term.wait_text("VERIFIED TWICE");
    assert!(line(&screen, "J2 Juror 2").is_some_and(|l| l.contains(" 8 ") && l.contains("13.5")));
    term.type_keys("q");
    let end = Instant::now() + DEADLINE;
    while term.child.try_wait().expect("wait").is_none() {
        assert!(Instant::now() < end, "podium did not quit");
        thread::sleep(Duration::from_millis(20));
    }

    // The scores on disk are the settled ones.
    let out = Command::new(BIN)
        .args(["scores", "export"])
        .arg(&file)
        .args(["--lang", "en"])
        .env("PODIUM_DATA_DIR", dir.path())
        .output()
        .expect("podium scores export");
    assert_ok(&out);
    let csv = String::from_utf8(out.stdout).expect("utf-8");
    for row in ["T1,J2,c1,8", "T1,J2,c2,13.5", "T1,J1,c2,12.5"] {
        assert!(csv.lines().any(|l| l.trim() == row), "{row}:\n{csv}");
    }
}

/// The screen with the session file's path (a temporary folder, named in
/// the header) replaced by a fixed word of the same width.
fn without_path(screen: &str) -> String {
    screen
        .lines()
        .map(
            |l| match l.split_whitespace().find(|w| w.ends_with("forum.json")) {
                Some(path) => {
                    let width = path.chars().count();
                    l.replacen(path, &format!("{:<width$}", "[session]"), 1)
                }
                None => l.to_string(),
            },
        )
        .collect::<Vec<_>>()
        .join("\n")
}
