//! The grid and the board inside the app: keys from the keymap, saving,
//! undo, screen switches, the stage moving on.

use chrono::{DateTime, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::app::fixture::{self, at};
use crate::app::screens::scores::grid::{CellKey, Column};
use crate::app::{Action, App, Effect, Overlay, Screen, action_for, update};
use crate::domain::{Change, Dec, Session};

/// The app and the session file, saving as the loop would, or holding the
/// saves back (`hold`) to look at the screen in between.
struct Sim {
    app: App,
    disk: Session,
    held: Vec<Effect>,
    hold: bool,
}

impl Sim {
    fn new() -> Sim {
        let app = fixture::app();
        Sim {
            disk: (*app.session).clone(),
            app,
            held: Vec::new(),
            hold: false,
        }
    }

    fn run(&mut self, action: Action, now: DateTime<Utc>) {
        let effects = update(&mut self.app, action, now);
        self.perform(effects, now);
    }

    fn perform(&mut self, mut effects: Vec<Effect>, now: DateTime<Utc>) {
        while let Some(effect) = effects.pop() {
            if self.hold {
                self.held.push(effect);
                continue;
            }
            if let Some(fed) = fixture::outcome(&mut self.disk, &effect) {
                effects.extend(update(&mut self.app, fed, now));
            }
        }
    }

    /// Let the held saves through, oldest first.
    fn release(&mut self, now: DateTime<Utc>) {
        self.hold = false;
        let held: Vec<Effect> = self.held.drain(..).rev().collect();
        self.perform(held, now);
    }

    /// Press keys as the terminal sends them (through the keymap).
    fn keys(&mut self, keys: &str, now: DateTime<Utc>) {
        for c in keys.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\t' => KeyCode::Tab,
                '\u{7f}' => KeyCode::Delete,
                c => KeyCode::Char(c),
            };
            self.key(code, now);
        }
    }

    fn key(&mut self, code: KeyCode, now: DateTime<Utc>) {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        if let Some(action) = action_for(&event, &self.app) {
            self.run(action, now);
        }
    }

    fn go_to(&mut self, screen: Screen) {
        for _ in 0..Screen::ALL.len() {
            if self.app.screen == screen {
                return;
            }
            self.keys("\t", at(0));
        }
        panic!("{screen:?} not reached with Tab");
    }
}

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
        Some("Annulé : T1 J1 faisabilite 3 → vide")
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

#[test]
fn the_first_digit_typed_on_a_locked_grid_says_it_is_locked_and_how_to_unlock() {
    let mut sim = Sim::new();
    sim.go_to(Screen::Scores);
    sim.keys("v", at(1));
    sim.keys("y", at(1));
    assert!(sim.disk.verified.contains("T1"));
    sim.keys("4", at(2));
    assert_eq!(sim.app.grid.input, "");
    assert_eq!(
        sim.app.grid.status,
        Some(crate::app::screens::scores::grid::Status::Locked)
    );
    let t = crate::ui::screens::scores::GridView {
        session: &sim.app.session,
        grid: &sim.app.grid,
        lang: sim.app.lang,
        projector: false,
        saves: true,
        color: false,
    };
    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 80, 20));
    ratatui::widgets::Widget::render(t, buf.area, &mut buf);
    let screen: String = (0..20)
        .map(|y| {
            (0..80)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                + "\n"
        })
        .collect();
    assert!(screen.contains("v pour la déverrouiller"), "{screen}");
}

#[test]
fn r_recuses_the_juror_explicitly_asking_first_over_values_and_again_lifts_it() {
    use crate::domain::{Mark, PairState};
    let mut sim = Sim::new();
    sim.go_to(Screen::Scores);
    assert!(
        crate::app::keymap::bindings(&sim.app)
            .iter()
            .any(|b| b.key == crate::app::keys::Key::Char('R')),
        "in the one keymap table (footer and ?)"
    );
    sim.keys("4\n", at(1));
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(4))
    );
    sim.keys("R", at(2));
    assert!(sim.app.grid.is_asking(), "values would go: it asks first");
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(4))
    );
    sim.keys("y", at(2));
    let pair = |sim: &Sim| {
        let team = sim.disk.team("T1").unwrap();
        sim.disk.excuse(team, &sim.disk.jurors[0])
    };
    assert_eq!(pair(&sim), Some(PairState::Recused));
    assert_eq!(
        sim.disk
            .sheet(&"T1".into(), &"J1".into())
            .and_then(|s| s.mark),
        Some(Mark::Recused)
    );
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        None
    );
    // Again: lifted, without asking (nothing to lose).
    sim.keys("R", at(3));
    assert_eq!(pair(&sim), None);
    // Undo puts the recusal back; undo again, the values.
    sim.keys("u", at(4));
    assert_eq!(pair(&sim), Some(PairState::Recused));
    sim.keys("u", at(5));
    assert_eq!(pair(&sim), None);
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(4))
    );
    // A recused juror's cells take no value.
    sim.keys("R", at(6));
    sim.keys("y", at(6));
    sim.key(KeyCode::Home, at(7));
    sim.keys("3", at(7));
    assert_eq!(sim.app.grid.input, "");
}

#[test]
fn undo_on_each_screen_takes_only_its_own_kind() {
    use crate::app::Notice;
    use crate::app::undo::UndoKind;
    let mut sim = Sim::new();
    sim.keys(" ", at(0)); // T1's pitch starts, from the stage
    assert!(sim.disk.stage.is_running());
    sim.go_to(Screen::Scores);
    sim.keys("4\n", at(2));
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(4))
    );
    // The grid's `u` takes the value back, never the timer.
    sim.keys("u", at(3));
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        None
    );
    assert!(matches!(sim.app.status, Some(Notice::Undone(_))));
    sim.keys("u", at(4));
    assert_eq!(sim.app.status, Some(Notice::NothingToUndo(UndoKind::Grid)));
    assert!(sim.disk.stage.is_running(), "the pitch still runs");
    // The results have no decision of this terminal to undo.
    sim.go_to(Screen::Results);
    sim.keys("u", at(5));
    assert_eq!(
        sim.app.status,
        Some(Notice::NothingToUndo(UndoKind::Decisions))
    );
    assert!(sim.disk.stage.is_running());
    // The stage's `u` takes back its own: the start of the pitch.
    sim.go_to(Screen::Stage);
    sim.keys("u", at(6));
    assert!(
        !sim.disk.stage.is_running(),
        "the start is undone on the stage"
    );
}

#[test]
fn a_grid_change_made_after_a_timer_change_leaves_the_timer_to_the_stage() {
    use crate::app::undo::UndoKind;
    let mut sim = Sim::new();
    sim.go_to(Screen::Scores);
    sim.keys("4\n", at(1));
    sim.go_to(Screen::Stage);
    sim.keys(" ", at(2)); // the pitch starts after the value
    // From the stage, `u` skips the value and takes the timer back.
    sim.keys("u", at(3));
    assert!(!sim.disk.stage.is_running());
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(4))
    );
    let kinds: Vec<UndoKind> = sim.app.undo.iter().map(|u| u.kind).collect();
    assert_eq!(
        kinds,
        [UndoKind::Grid],
        "the value stays undoable on the grid"
    );
}

#[test]
fn while_a_value_is_half_typed_no_letter_is_a_command() {
    use crate::app::screens::scores::grid::Status;
    let mut sim = Sim::new();
    sim.go_to(Screen::Scores);
    sim.keys("4\n", at(1));
    // `u`, `a`, `v`, `p`, `x`: the 2 stays typed, nothing is sent.
    sim.keys("2uavpx", at(2));
    assert_eq!(sim.app.grid.input, "2");
    assert_eq!(sim.app.grid.status, Some(Status::FinishEntry));
    assert!(!sim.app.projector);
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(4))
    );
    assert!(sim.disk.verified.is_empty());
    assert_eq!(sim.app.undo.len(), 1, "nothing more sent");
    sim.keys("\n", at(3));
    assert_eq!(
        sim.disk
            .value(&"T1".into(), &"J1".into(), &"faisabilite".into()),
        Some(Dec::int(2))
    );
}

#[test]
fn a_paste_fills_the_cell_with_one_number_and_is_refused_otherwise() {
    use crate::app::screens::scores::grid::Status;
    let mut sim = Sim::new();
    sim.run(Action::Paste("Ayvyqy".into()), at(0));
    assert_eq!(sim.app.screen, Screen::Stage, "ignored on the stage");
    assert!(!sim.app.leaving && sim.app.overlay.is_none());
    sim.go_to(Screen::Scores);
    sim.run(Action::Paste("Ayvyqy".into()), at(1));
    assert_eq!(sim.app.grid.status, Some(Status::PasteRefused));
    assert!(sim.app.pending.is_empty() && sim.app.undo.is_empty());
    assert!(!sim.app.leaving);
    sim.run(Action::Paste(" 3\n".into()), at(2));
    assert_eq!(sim.app.grid.input, "3");
    sim.keys("\n", at(3));
    assert_eq!(
        sim.disk.value(&"T1".into(), &"J1".into(), &"impact".into()),
        Some(Dec::int(3))
    );
    // The French top row types digits.
    sim.keys("'\n", at(4));
    assert_eq!(
        sim.disk
            .value(&"T1".into(), &"J1".into(), &"faisabilite".into()),
        Some(Dec::int(4))
    );
}

#[test]
fn the_paper_total_warning_follows_the_sheet_through_undo() {
    use crate::app::screens::scores::grid::Status;
    let mut sim = Sim::new();
    sim.go_to(Screen::Scores);
    // J1: 4 and 3, then a handwritten total of 9 (the sum is 7).
    sim.keys("4\n3\n9\n", at(2));
    assert!(
        matches!(&sim.app.grid.status, Some(Status::Mismatch { handwritten, .. }) if *handwritten == Dec::int(9)),
        "{:?}",
        sim.app.grid.status
    );
    // `u` takes the handwritten total back: nothing left to compare.
    sim.keys("u", at(3));
    assert_eq!(
        sim.disk
            .sheet(&"T1".into(), &"J1".into())
            .and_then(|s| s.handwritten),
        None
    );
    assert_eq!(sim.app.grid.status, None, "no stale paper-total warning");
    // Undo again: the warning does not come back with the values alone.
    sim.keys("u", at(4));
    assert_eq!(sim.app.grid.status, None);
}
