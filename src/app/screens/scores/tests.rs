//! The grid and the board inside the app: keys from the keymap, saving,
//! undo, screen switches, the stage moving on.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::app::fixture::{Sim, at};
use crate::app::screens::scores::grid::{CellKey, Column};
use crate::app::{Action, Overlay, Screen, action_for};
use crate::domain::{Change, Dec, Session};

fn cell(team: &str, juror: &str, criterion: &str) -> CellKey {
    CellKey {
        team: team.into(),
        juror: juror.into(),
        column: Column::Criterion(criterion.into()),
    }
}

#[test]
fn tab_reaches_the_grid_on_the_team_on_stage_and_the_board_after_it() {
    let mut sim = Sim::new();
    sim.keys(" ", at(0)); // T1's pitch starts
    assert_eq!(sim.disk.stage.team.as_deref(), Some("T1"));
    sim.go_to(Screen::Scores);
    assert_eq!(sim.app.grid.team.as_deref(), Some("T1"));
    sim.keys("\t", at(1));
    assert_eq!(sim.app.screen, Screen::Completeness);
    sim.keys("\t", at(1));
    assert_eq!(sim.app.screen, Screen::Results);
    sim.keys("\t", at(1));
    assert_eq!(sim.app.screen, Screen::Setup);
    sim.keys("\t", at(1));
    assert_eq!(sim.app.screen, Screen::Stage, "Tab wraps around");
}

#[test]
fn typing_saving_and_undo_through_the_keymap() {
    let mut sim = Sim::new();
    sim.go_to(Screen::Scores);
    // J1 is from the Somme like T1, but this session does not recuse.
    sim.hold = true;
    sim.keys("4\n", at(2));
    let k = cell("T1", "J1", "impact");
    assert!(sim.app.grid.is_pending(&k), "shown as being saved");
    assert_eq!(
        sim.app
            .session
            .value(&"T1".into(), &"J1".into(), &"impact".into()),
        None
    );
    // The next value builds on the one still being saved.
    sim.keys("3\n", at(2));
    assert_eq!(sim.app.pending.len(), 2);
    sim.release(at(3));
    assert!(sim.app.grid.pending.is_empty(), "saved: no longer pending");
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(4))
    );
    assert_eq!(
        sim.disk
            .value(&"T1".into(), &"J1".into(), &"faisabilite".into()),
        Some(Dec::int(3))
    );
    assert_eq!(sim.app.undo.len(), 2);
    // `u` keeps its global meaning in the grid: the last value goes.
    sim.keys("u", at(4));
    assert_eq!(
        sim.app.said().as_ref().map(|s| s.text.as_str()),
        Some("Annulé : T1 J1 Faisabilité 3 → vide")
    );
    assert_eq!(
        sim.disk
            .value(&"T1".into(), &"J1".into(), &"faisabilite".into()),
        None
    );
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(4))
    );
    sim.keys("u", at(5));
    assert_eq!(sim.disk.sheet(&"T1".into(), &"J1".into()), None);
}

#[test]
fn a_half_typed_value_survives_switching_screens_and_quitting_asks() {
    let mut sim = Sim::new();
    sim.go_to(Screen::Scores);
    sim.keys("4,", at(1));
    sim.go_to(Screen::Stage);
    assert!(sim.app.half_typed());
    sim.keys("q", at(2));
    assert_eq!(sim.app.overlay, Some(Overlay::ConfirmQuit));
    assert!(!sim.app.leaving);
    sim.key(KeyCode::Esc, at(2)); // stay
    assert_eq!(sim.app.overlay, None);
    sim.go_to(Screen::Scores);
    assert_eq!(sim.app.grid.input, "4,");
    sim.keys("5\n", at(3)); // 4.5 is off the step of 1: refused, kept
    assert_eq!(sim.app.grid.input, "4,5");
    assert!(sim.app.pending.is_empty(), "nothing sent");
    sim.key(KeyCode::Backspace, at(3));
    sim.key(KeyCode::Backspace, at(3));
    sim.keys("\n", at(3));
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(4))
    );
    assert!(!sim.app.half_typed());
    sim.keys("q", at(4));
    assert!(sim.app.leaving, "nothing half-typed any more");
}

#[test]
fn global_keys_keep_their_meaning_in_the_grid() {
    let mut sim = Sim::new();
    sim.go_to(Screen::Scores);
    let press = |c: KeyCode| Event::Key(KeyEvent::new(c, KeyModifiers::NONE));
    let app = &sim.app;
    assert_eq!(
        action_for(&press(KeyCode::Char('q')), app),
        Some(Action::Quit)
    );
    assert_eq!(
        action_for(&press(KeyCode::Char('u')), app),
        Some(Action::Undo)
    );
    assert_eq!(
        action_for(&press(KeyCode::Tab), app),
        Some(Action::NextScreen)
    );
    assert_eq!(
        action_for(&press(KeyCode::Char('?')), app),
        Some(Action::Help)
    );
    assert_eq!(
        action_for(&press(KeyCode::Char('p')), app),
        Some(Action::ToggleProjector)
    );
    // The timer keys are the stage's, not the grid's.
    assert_eq!(action_for(&press(KeyCode::Char(' ')), app), None);
    assert_eq!(action_for(&press(KeyCode::Char('n')), app), None);
}

#[test]
fn the_stage_moves_on_while_the_grid_stays() {
    let mut sim = Sim::new();
    sim.keys(" ", at(0)); // T1 pitching
    sim.go_to(Screen::Scores);
    sim.keys("4", at(10));
    sim.go_to(Screen::Stage);
    // Pitch → questions → scoring → T2.
    for t in 20..30 {
        sim.keys("n", at(t));
        if sim.disk.stage.team.as_deref() == Some("T2") {
            break;
        }
    }
    assert_eq!(sim.disk.stage.team.as_deref(), Some("T2"));
    sim.go_to(Screen::Scores);
    assert_eq!(sim.app.grid.team.as_deref(), Some("T1"));
    assert_eq!(
        sim.app
            .grid
            .stage_moved_on(&sim.app.session)
            .map(crate::domain::TeamId::as_str),
        Some("T2")
    );
    assert_eq!(sim.app.grid.input, "4", "still typed");
    sim.keys("\n", at(31));
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(4))
    );
    sim.key(KeyCode::PageDown, at(32));
    assert_eq!(sim.app.grid.team.as_deref(), Some("T2"));
    assert_eq!(sim.app.grid.stage_moved_on(&sim.app.session), None);
    // `s` goes to the team on stage from anywhere; End and Home along the row.
    sim.key(KeyCode::PageUp, at(33));
    assert_eq!(sim.app.grid.team.as_deref(), Some("T1"));
    sim.keys("s", at(34));
    assert_eq!(sim.app.grid.team.as_deref(), Some("T2"));
    sim.key(KeyCode::End, at(35));
    assert_eq!(sim.app.grid.col, sim.app.session.criteria.len());
    sim.key(KeyCode::Home, at(35));
    assert_eq!(sim.app.grid.col, 0);
}

/// The other terminal sets T1 J1's impact on disk.
fn other_terminal_sets(disk: &mut Session, value: Dec) {
    let key = crate::domain::SheetKey::new("T1".into(), "J1".into());
    let sheet = disk.sheets.entry(key).or_default();
    sheet.values.insert("impact".into(), value);
}

#[test]
fn a_save_refused_by_the_file_marks_the_cell() {
    let mut sim = Sim::new();
    sim.go_to(Screen::Scores);
    // The other terminal set the same cell meanwhile.
    other_terminal_sets(&mut sim.disk, Dec::int(2));
    sim.keys("4\n", at(1));
    assert_eq!(sim.app.grid.refused, Some(cell("T1", "J1", "impact")));
    assert!(sim.app.grid.pending.is_empty());
    assert_eq!(
        sim.app
            .session
            .value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(2))
    );
    // Said once: on the grid's line, not again on the app's status line.
    assert!(matches!(
        sim.app.grid.status,
        Some(crate::app::screens::scores::grid::Status::SaveRefused(_))
    ));
    assert_eq!(sim.app.status, None);
    // Elsewhere the app's status line says it.
    sim.go_to(Screen::Stage);
    sim.go_to(Screen::Scores);
    other_terminal_sets(&mut sim.disk, Dec::int(3));
    sim.hold = true;
    sim.key(KeyCode::Left, at(2));
    sim.keys("1\n", at(2));
    sim.go_to(Screen::Stage);
    sim.release(at(3));
    assert!(sim.app.said().as_ref().is_some_and(|s| s.error));
}

#[test]
fn the_board_opens_any_team_grid() {
    let mut sim = Sim::new();
    sim.go_to(Screen::Completeness);
    assert_eq!(
        sim.app.board.selected(&sim.app.session).as_deref(),
        Some("T1")
    );
    sim.key(KeyCode::Down, at(1));
    sim.key(KeyCode::Down, at(1));
    sim.keys("\n", at(1));
    assert_eq!(sim.app.screen, Screen::Scores);
    assert_eq!(sim.app.grid.team.as_deref(), Some("T3"));
    // Back on the board, the grid's team is selected.
    sim.keys("\t", at(2));
    assert_eq!(
        sim.app.board.selected(&sim.app.session).as_deref(),
        Some("T3")
    );
}

#[test]
fn verification_and_absence_go_through_the_file() {
    let mut sim = Sim::new();
    sim.go_to(Screen::Scores);
    sim.keys("a", at(1));
    assert!(
        sim.disk
            .sheet(&"T1".into(), &"J1".into())
            .is_some_and(|s| s.mark.is_some())
    );
    sim.keys("v", at(2));
    assert!(
        !sim.disk.verified.contains("T1"),
        "sheets still missing: it asks first"
    );
    sim.keys("y", at(2));
    assert!(sim.disk.verified.contains("T1"));
    sim.keys("v", at(3));
    assert!(sim.disk.verified.contains("T1"), "unlocking asks first");
    sim.keys("y", at(3));
    assert!(!sim.disk.verified.contains("T1"));
    let ops: Vec<&Change> = sim.app.undo.iter().map(|u| &u.op.change).collect();
    assert!(matches!(
        ops[..],
        [
            Change::SetSheet { .. },
            Change::SetVerified { .. },
            Change::SetVerified { .. }
        ]
    ));
}

#[test]
fn opening_another_team_from_the_board_never_loses_a_typed_value() {
    let mut sim = Sim::new();
    sim.go_to(Screen::Scores);
    sim.keys("4", at(1));
    sim.go_to(Screen::Completeness);
    sim.key(KeyCode::Down, at(2));
    sim.keys("\n", at(2));
    assert_eq!(sim.app.screen, Screen::Scores);
    assert_eq!(
        sim.app.grid.team.as_deref(),
        Some("T1"),
        "back to the typed value"
    );
    assert_eq!(sim.app.grid.input, "4");
    assert_eq!(
        sim.app.grid.status,
        Some(crate::app::screens::scores::grid::Status::FinishEntry)
    );
    sim.keys("\n", at(3));
    sim.go_to(Screen::Completeness);
    sim.key(KeyCode::Down, at(4)); // the board opens on the grid's team
    sim.keys("\n", at(4));
    assert_eq!(sim.app.grid.team.as_deref(), Some("T2"));
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(4))
    );
}

#[test]
fn a_cell_the_other_terminal_saves_while_this_one_types_is_never_overwritten_silently() {
    let mut sim = Sim::new();
    sim.go_to(Screen::Scores);
    sim.keys("4", at(1)); // typed, not committed
    // The other terminal saves 2 in the same cell; this one reloads.
    other_terminal_sets(&mut sim.disk, Dec::int(2));
    sim.disk.revision += 1;
    sim.run(Action::Reloaded(Box::new(sim.disk.clone())), at(2));
    let revision = sim.disk.revision;
    sim.keys("\n", at(3));
    assert_eq!(sim.disk.revision, revision, "nothing saved");
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(2))
    );
    assert_eq!(sim.app.grid.input, "4", "what was typed is kept");
    // A second Enter replaces 2, knowingly, claiming to have seen it.
    sim.keys("\n", at(4));
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(4))
    );
    let last = sim.app.undo.last().map(|u| &u.op.change);
    assert!(matches!(
        last,
        Some(Change::SetCell { edit: crate::domain::Edit { seen: Some(s), new: Some(n) }, .. }) if *s == Dec::int(2) && *n == Dec::int(4)
    ));
}
