//! A break of the schedule runs as a phase on `podium run` and on
//! `podium display`: `n` after the team before it starts it, both show
//! `Pause — reprise à HH:MM` with its countdown, and calling the next team
//! from the schedule ends it on both. Polls the screens with deadlines;
//! never sleeps for the clock (the countdown is checked by content).

mod common;

use std::path::Path;
use std::time::Duration;

use chrono::Utc;
use common::cli::{assert_ok, podium};
use common::pty::{one_at_a_time, spawn_in};
use podium::domain::stage::{Clock, Phase, Stage};
use podium::domain::{BatchLabel, Change, Edit, Operation, Slot};

/// Two teams with a ten-minute break between them; T1 in its scoring
/// phase since now (the jury's minute after its questions).
fn session_in_scoring(d: &Path) {
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
    let path = d.join("s.json");
    let s = podium::storage::load(&path).unwrap();
    let mut schedule = s.schedule.clone();
    schedule.insert(
        1,
        Slot::Break {
            id: "B1".into(),
            label: "Pause".into(),
            minutes: 10,
        },
    );
    let now = Utc::now();
    let scoring = Stage {
        team: Some("T1".into()),
        phase: Phase::Scoring,
        phase_started: Some(now),
        clock: Clock::started(now),
        ..Stage::default()
    };
    let change = Change::Batch {
        label: BatchLabel::Stage,
        changes: vec![
            Change::SetSchedule {
                edit: Edit::new(s.schedule.clone(), schedule),
            },
            Change::SetStage {
                edit: Edit::new(Box::new(s.stage.clone()), Box::new(scoring)),
            },
        ],
    };
    let op = Operation::new(change, "setup", now);
    podium::storage::commit(&path, &op, Duration::from_secs(10)).unwrap();
}

/// `Pause — reprise à HH:MM` and a countdown from 10:00 down, on a screen.
fn shows_the_break(screen: &str) -> bool {
    screen.contains("Pause — reprise à ")
        && (screen.contains("Reprise dans 10:00") || screen.contains("Reprise dans 9:5"))
}

#[test]
fn a_break_runs_on_the_stage_and_on_the_display() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    session_in_scoring(d);
    let mut run = spawn_in(d, &["run", "s.json", "--lang", "fr"], 24, 80);
    let display = spawn_in(d, &["display", "s.json", "--lang", "fr"], 24, 80);
    run.wait_text("NOTATION");
    display.wait_text("NOTATION");

    // n after T1: the break, not T2.
    run.send("n");
    let stage = run.wait_until("the break on stage", shows_the_break);
    assert!(stage.contains("◷ PAUSE"), "{stage}");
    assert!(stage.contains("Équipe suivante : T2"), "{stage}");
    let shown = display.wait_until("the break on the display", shows_the_break);
    assert!(shown.contains("◷ PAUSE"), "{shown}");
    assert!(shown.contains("Équipe suivante : T2"), "{shown}");
    // The display is for the audience: nothing of the program's own.
    for chrome in ["PODIUM", "rév.", "aide", "quitter", "Espace"] {
        assert!(!shown.contains(chrome), "{chrome} on the display:\n{shown}");
    }
    // The schedule counts the break as running, with no advance.
    run.tab_to("Programme");
    let schedule = run.wait_text("◷ en pause");
    assert!(!schedule.contains("Avance"), "{schedule}");

    // T2 called now from the schedule ends the break on both.
    run.send("\x1b[B");
    run.send("\x1b[B");
    run.wait_until("T2 selected", |s| {
        s.lines()
            .any(|l| l.contains("T2 Archives vivantes") && l.contains("à venir"))
    });
    run.send("\r");
    run.wait_text("T2 est appelée sur scène");
    display.wait_until("T2 called on the display", |s| {
        s.contains("Archives vivantes") && s.contains("Pitch de") && !s.contains("PAUSE")
    });
}
