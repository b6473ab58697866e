//! The Setup screen end to end: a team renamed on one `podium run` shows
//! on the stage of a second `podium run` and on `podium display` within
//! 2 s. Polls the screens with deadlines; never sleeps for the clock.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::cli::{assert_ok, podium};
use common::pty::{Term, one_at_a_time, podium_command};

fn spawn(dir: &Path, args: &[&str]) -> Term {
    let mut cmd = podium_command();
    cmd.args(args);
    cmd.env("PODIUM_DATA_DIR", dir.join("data"));
    cmd.env("NO_COLOR", "1");
    cmd.cwd(dir);
    Term::spawn(cmd, 30, 100, Duration::from_secs(20))
}

/// Poll until `term` shows `text`, failing after `end`.
fn shows_by(term: &Term, text: &str, end: Instant) {
    loop {
        let screen = term.screen();
        if screen.contains(text) {
            return;
        }
        assert!(
            Instant::now() < end,
            "{text:?} not shown in time:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_team_renamed_on_setup_shows_on_the_other_stage_and_the_display() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("teams.csv"),
        "id,name,org\nT1,Les Toqués,somme\nT2,Archives vivantes,nord\n",
    )
    .unwrap();
    std::fs::write(d.join("jurors.csv"), "id,name,org\nJ1,Ann,somme\n").unwrap();
    assert_ok(&podium(
        d,
        &[
            "new",
            "s.json",
            "--teams",
            "teams.csv",
            "--jurors",
            "jurors.csv",
        ],
    ));
    let mut editor = spawn(d, &["run", "s.json", "--lang", "fr"]);
    let stage = spawn(d, &["run", "s.json", "--lang", "fr"]);
    let display = spawn(d, &["display", "s.json", "--lang", "fr"]);
    stage.wait_text("Les Toqués");
    display.wait_text("Les Toqués");

    editor.tab_to("Réglages");
    let screen = editor.wait_text("T1 · nom");
    // Down to T1's name: the rows above it are the event's and settings'.
    let above = screen
        .lines()
        .skip(3)
        .take_while(|l| !l.contains("T1 · nom"))
        .count();
    for _ in 0..above {
        editor.send("\x1b[B");
    }
    editor.wait_until("T1's name selected", |s| {
        s.lines().any(|l| l.starts_with("▶ T1 · nom"))
    });
    editor.send("\r");
    editor.wait_text("Les Toqués▏");
    for _ in "Toqués".chars() {
        editor.send("\x7f");
    }
    editor.type_keys("Affamés\n");
    // Saved on this terminal first, then seen by the others within 2 s.
    editor.wait_until("the new name saved", |s| {
        s.lines()
            .any(|l| l.contains("T1 · nom") && l.contains("Les Affamés") && !l.contains('▏'))
    });
    let by = Instant::now() + Duration::from_secs(2);
    shows_by(&stage, "Les Affamés", by);
    shows_by(&display, "Les Affamés", by);
    assert!(
        !display.screen().contains("Réglages"),
        "the display has no chrome"
    );

    // Undo on the Setup screen puts the old name back everywhere.
    editor.send("u");
    shows_by(
        &stage,
        "Les Toqués",
        Instant::now() + Duration::from_secs(2),
    );
}
