//! The blind double entry inside the app: entered from the grid and the
//! board, typed with the first entry hidden, saved as operations, the
//! differences settled one by one, undo.

use chrono::{DateTime, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::BlindStatus;
use crate::app::fixture::{self, at};
use crate::app::screens::scores::NotSent;
use crate::app::{Action, App, Effect, Screen, action_for, update};
use crate::domain::double_entry::{self, Standing};
use crate::domain::{Change, Dec, Session};

/// The app and the session file, saving as the loop would.
struct Sim {
    app: App,
    disk: Session,
}

impl Sim {
    /// T1 entered by the first entry: J1 (4, 3), J2 (5, 2).
    fn new() -> Sim {
        let mut s = fixture::session();
        crate::domain::fixture::put(&mut s, "T1", "J1", &[("impact", "4"), ("faisabilite", "3")]);
        crate::domain::fixture::put(&mut s, "T1", "J2", &[("impact", "5"), ("faisabilite", "2")]);
        s.jurors.truncate(2);
        let app = App::new(s.clone(), fixture::options(crate::domain::Lang::Fr), at(0));
        Sim { app, disk: s }
    }

    fn run(&mut self, action: Action, now: DateTime<Utc>) {
        let mut effects: Vec<Effect> = update(&mut self.app, action, now);
        while let Some(effect) = effects.pop() {
            if let Some(fed) = fixture::outcome(&mut self.disk, &effect) {
                effects.extend(update(&mut self.app, fed, now));
            }
        }
    }

    fn key(&mut self, code: KeyCode) {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        if let Some(action) = action_for(&event, &self.app) {
            self.run(action, at(5));
        }
    }

    /// Characters as typed; `\n` is Enter, `\u{1b}` Esc.
    fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.key(match c {
                '\n' => KeyCode::Enter,
                '\u{1b}' => KeyCode::Esc,
                '\t' => KeyCode::Tab,
                c => KeyCode::Char(c),
            });
        }
    }

    fn go_to_grid(&mut self) {
        while self.app.screen != Screen::Scores {
            self.keys("\t");
        }
    }
}

fn d(v: i64) -> Option<Dec> {
    Some(Dec::int(v))
}

#[test]
fn b_on_the_grid_retypes_its_team_blind_and_each_value_is_saved() {
    let mut sim = Sim::new();
    sim.go_to_grid();
    sim.keys("b");
    assert_eq!(sim.app.blind.team.as_deref(), Some("T1"));
    // Typed as on paper: J1 4 and 3, J2 5 and 1 (a typing slip on one side).
    sim.keys("4\n3\n5\n1\n");
    assert_eq!(
        sim.disk
            .second_value(&"T1".into(), &"J1".into(), &"impact".into()),
        d(4)
    );
    assert_eq!(
        sim.disk
            .second_value(&"T1".into(), &"J2".into(), &"faisabilite".into()),
        d(1)
    );
    // The first entry is untouched, and nothing is left pending.
    assert_eq!(
        sim.disk
            .value(&"T1".into(), &"J2".into(), &"faisabilite".into()),
        d(2)
    );
    assert!(sim.app.blind.pending.is_empty());
    // Past the last cell: the differences, one of them.
    assert!(sim.app.blind.settling);
    let differences = sim.app.blind.differences(&sim.app.session);
    assert_eq!(differences.len(), 1);
    assert_eq!(differences[0].juror, "J2");
    assert_eq!((differences[0].first, differences[0].second), (d(2), d(1)));
    assert_eq!(
        double_entry::compare(&sim.disk, &"T1".into()).standing(),
        Standing::Differs(1)
    );
}

#[test]
fn each_difference_settles_with_one_key_and_the_team_is_verified_twice() {
    for (keys, kept) in [("←", 2), ("→", 1), ("4\n", 4)] {
        let mut sim = Sim::new();
        sim.go_to_grid();
        sim.keys("b4\n3\n5\n1\n");
        match keys {
            "←" => sim.key(KeyCode::Left),
            "→" => sim.key(KeyCode::Right),
            typed => sim.keys(typed),
        }
        assert_eq!(
            sim.disk
                .value(&"T1".into(), &"J2".into(), &"faisabilite".into()),
            d(kept),
            "{keys}"
        );
        assert_eq!(
            sim.disk
                .second_value(&"T1".into(), &"J2".into(), &"faisabilite".into()),
            d(kept)
        );
        assert!(double_entry::verified_twice(&sim.disk, &"T1".into()));
        assert_eq!(sim.app.blind.status, Some(BlindStatus::VerifiedTwice));
        // `u` undoes the settlement (a grid change), not the typing.
        sim.keys("u");
        assert_eq!(
            sim.disk
                .value(&"T1".into(), &"J2".into(), &"faisabilite".into()),
            d(2)
        );
        assert_eq!(
            sim.disk
                .second_value(&"T1".into(), &"J2".into(), &"faisabilite".into()),
            d(1)
        );
    }
}

#[test]
fn a_value_off_the_criterion_is_refused_before_anything_is_sent() {
    let mut sim = Sim::new();
    sim.go_to_grid();
    let revision = sim.disk.revision;
    sim.keys("b9\n");
    assert!(matches!(
        sim.app.blind.status,
        Some(BlindStatus::NotSent(NotSent::Refused { .. }))
    ));
    assert_eq!(sim.disk.revision, revision);
    assert_eq!((sim.app.blind.row, sim.app.blind.col), (0, 0), "stays");
    // A letter while typing is never a command.
    sim.keys("4c");
    assert_eq!(sim.app.blind.status, Some(BlindStatus::FinishEntry));
    assert!(!sim.app.blind.settling);
    assert!(sim.app.half_typed(), "quitting would ask first");
}

#[test]
fn the_board_starts_the_team_selected_or_the_one_nearest_the_cutoff() {
    let mut sim = Sim::new();
    sim.app.session_mut().settings.laureates = 1;
    sim.disk.settings.laureates = 1;
    crate::domain::fixture::put(
        &mut sim.disk,
        "T2",
        "J1",
        &[("impact", "1"), ("faisabilite", "0")],
    );
    crate::domain::fixture::put(
        &mut sim.disk,
        "T3",
        "J1",
        &[("impact", "5"), ("faisabilite", "0")],
    );
    sim.app.session = std::sync::Arc::new(sim.disk.clone());
    sim.go_to_grid();
    sim.keys("\t");
    assert_eq!(sim.app.screen, Screen::Completeness);
    // Mean totals: T1 7, T3 5, T2 1. The cut-off is below the first:
    // T1 then T3 are nearest.
    assert_eq!(
        sim.app.blind.cutoff.order(&sim.app.session),
        ["T1", "T3", "T2", "T4", "T5", "T6"]
    );
    sim.keys("B");
    assert_eq!(sim.app.screen, Screen::Scores);
    assert_eq!(sim.app.blind.team.as_deref(), Some("T1"));
    // Verified twice, T1 is passed over for the next.
    sim.keys("4\n3\n5\n2\n");
    assert!(double_entry::verified_twice(&sim.disk, &"T1".into()));
    sim.keys("\u{1b}\u{1b}");
    assert!(!sim.app.blind.active(), "Esc twice: back to the grid");
    sim.keys("\t");
    sim.keys("B");
    assert_eq!(sim.app.blind.team.as_deref(), Some("T3"));
    // `b` on the board: the selected team.
    sim.keys("\u{1b}\u{1b}\t");
    sim.key(KeyCode::Down);
    sim.keys("b");
    assert_eq!(sim.app.blind.team.as_deref(), Some("T2"));
}

#[test]
fn another_terminals_second_entry_shows_and_a_stale_one_is_refused() {
    let mut sim = Sim::new();
    sim.go_to_grid();
    sim.keys("b");
    // The other terminal typed J1's impact meanwhile.
    let other = double_entry::set_second(
        &sim.disk,
        &"T1".into(),
        &"J1".into(),
        &"impact".into(),
        d(4),
    );
    crate::domain::apply(&mut sim.disk, &other).unwrap();
    sim.disk.revision += 1;
    sim.run(Action::Reloaded(Box::new(sim.disk.clone())), at(3));
    assert_eq!(
        sim.app
            .blind
            .value(&sim.app.session, &"J1".into(), &"impact".into()),
        d(4)
    );
    // This one typed 5 over it, having seen 4: saved.
    sim.keys("5\n");
    assert_eq!(
        sim.disk
            .second_value(&"T1".into(), &"J1".into(), &"impact".into()),
        d(5)
    );
    let change = Change::SetSecondCell {
        team: "T1".into(),
        juror: "J1".into(),
        criterion: "impact".into(),
        edit: crate::domain::Edit::new(None, d(3)),
    };
    assert!(crate::domain::apply(&mut sim.disk.clone(), &change).is_err());
}
