//! The laureates' reveal through the real binaries: `podium run` presses
//! `v` then `→`, and `podium display`, in a second pseudo-terminal
//! following the same file, shows the places from N down to 1, then the
//! whole list, then the stage again after `x`. Polls the screens with
//! deadlines; never sleeps for the clock.

mod common;

use std::path::Path;
use std::time::Duration;

use chrono::Utc;
use common::cli::{assert_ok, podium};
use common::pty::{Term, current_screen, line, one_at_a_time, spawn_in};
use podium::domain::{Change, Dec, Edit, Operation};

/// (id, name, project): T1 scores best, then T2, T3, T4; three laureates.
const TEAMS: [(&str, &str, &str); 4] = [
    ("T1", "Les Toqués", "Cantine sans déchet"),
    ("T2", "Archives vivantes", "Mémoire en ligne"),
    ("T3", "Routes sûres", "Covoiturage des agents"),
    ("T4", "PMI mobile", "Bus de santé"),
];

/// Every sheet in, no tie: the results are final.
fn scored_session(d: &Path) {
    let mut teams = String::from("id,name,project,org\n");
    for (id, name, project) in TEAMS {
        teams.push_str(&format!("{id},{name},{project},somme\n"));
    }
    std::fs::write(d.join("teams.csv"), teams).unwrap();
    std::fs::write(d.join("jurors.csv"), "id,name,org\nJ1,Ann,nord\n").unwrap();
    std::fs::write(d.join("criteria.csv"), "id,label,max\nimpact,Impact,10\n").unwrap();
    assert_ok(&podium(
        d,
        &[
            "new",
            "s.json",
            "--teams",
            "teams.csv",
            "--jurors",
            "jurors.csv",
            "--criteria",
            "criteria.csv",
            "--laureates",
            "3",
        ],
    ));
    let path = d.join("s.json");
    let s = podium::storage::load(&path).unwrap();
    for (i, (team, _, _)) in TEAMS.iter().enumerate() {
        for c in &s.criteria {
            let value = Dec::from_raw(c.max.raw() - c.step.raw() * i as i64);
            let change = Change::SetCell {
                team: (*team).into(),
                juror: "J1".into(),
                criterion: c.id.clone(),
                edit: Edit::new(None, Some(value)),
            };
            let op = Operation::new(change, "setup", Utc::now());
            podium::storage::commit(&path, &op, Duration::from_secs(10)).unwrap();
        }
    }
}

/// Press `→` on the moderator's stage until it says `expected`: a press
/// less than a second after the previous step is ignored (and said so),
/// then the status line is cleared (Tab and back) and the key pressed
/// again.
fn step(run: &mut Term, expected: &str) {
    // Each round waits for a screen: far more than a second in all.
    for _ in 0..200 {
        run.send("\x1b[C");
        let screen = run.wait_until(expected, |s| s.contains(expected) || s.contains("ignoré"));
        if screen.contains(expected) {
            return;
        }
        run.send("\t");
        run.wait_until("another screen", |s| {
            current_screen(s).is_some_and(|c| c != "Scène")
        });
        run.send("\x1b[Z");
        run.wait_until("the stage, its line clear", |s| {
            current_screen(s).as_deref() == Some("Scène") && !s.contains("ignoré")
        });
    }
    panic!("{expected} never shown:\n{}", run.screen());
}

#[test]
fn the_display_reveals_the_laureates_from_n_down_to_1_then_the_list() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    scored_session(d);
    let mut run = spawn_in(d, &["run", "s.json", "--lang", "fr"], 24, 80);
    let display = spawn_in(d, &["display", "s.json", "--lang", "fr"], 24, 80);
    run.wait_text("Scène");
    display.wait_text("Les Toqués");

    // v: the opening card; the moderator sees what comes next.
    run.send("v");
    let panel = run.wait_text("Proclamation des lauréats sur l'écran de scène");
    let next = line(&panel, "Ensuite :").unwrap_or_default();
    assert!(next.contains("3e lauréat — Routes sûres (T3)"), "{panel}");
    let shown = display.wait_text("3 lauréats");
    assert!(!shown.contains("Cantine sans déchet"), "{shown}");

    // → place 3, then 2, then 1, each with the places before it.
    step(&mut run, "À l'écran : 3e lauréat — Routes sûres (T3)");
    let shown = display.wait_text("Covoiturage des agents");
    for later in ["Mémoire en ligne", "Cantine sans déchet"] {
        assert!(!shown.contains(later), "{later} too soon:\n{shown}");
    }
    step(&mut run, "À l'écran : 2e lauréat — Archives vivantes (T2)");
    let shown = display.wait_text("Mémoire en ligne");
    let before = line(&shown, "3e lauréat").unwrap_or_default();
    assert!(
        before.contains("Routes sûres — Covoiturage des agents"),
        "{shown}"
    );
    assert!(!shown.contains("Cantine sans déchet"), "{shown}");
    step(&mut run, "À l'écran : 1er lauréat — Les Toqués (T1)");
    let shown = display.wait_text("Cantine sans déchet");
    assert!(shown.contains("Déjà annoncés"), "{shown}");
    assert!(line(&shown, "2e lauréat").is_some_and(|l| l.contains("Archives vivantes")));

    // → the whole list, best first.
    step(&mut run, "À l'écran : la liste entière des lauréats");
    let shown = display.wait_until("the whole list", |s| {
        line(s, "1er lauréat").is_some_and(|l| l.contains("Les Toqués — Cantine sans déchet"))
    });
    let at = |team: &str| shown.find(team).unwrap_or(usize::MAX);
    assert!(at("Les Toqués") < at("Archives vivantes"), "{shown}");
    assert!(at("Archives vivantes") < at("Routes sûres"), "{shown}");
    assert!(!shown.contains("PMI mobile"), "not a laureate:\n{shown}");
    // The audience never sees the program's keys.
    for chrome in ["PODIUM", "rév.", "quitter", "suivant", "terminer"] {
        assert!(!shown.contains(chrome), "{chrome} on the display:\n{shown}");
    }

    // x: the stage again, on both.
    run.send("x");
    run.wait_text("Proclamation terminée");
    display.wait_until("the stage again", |s| {
        s.contains("Équipe suivante") && !s.contains("lauréat")
    });
}
