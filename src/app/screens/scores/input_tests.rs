//! Input guards of the scores room inside the app: a locked grid, the
//! recusal question, undo by kind, letters while a value is half typed,
//! pastes and the paper total's warning.

use crossterm::event::KeyCode;

use crate::app::fixture::Sim;
use crate::app::fixture::at;
use crate::app::{Action, Screen};
use crate::domain::Dec;

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
        let team = sim.disk.team(&"T1".into()).unwrap();
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

/// The secretary types a row, sees the last value was wrong, presses `u`
/// and types it again: it goes back where it was, never into the paper
/// total the cursor had moved on to; undone on another team, the grid
/// shows that team's cell.
#[test]
fn a_value_typed_again_after_u_goes_where_the_undone_one_was() {
    let mut sim = Sim::new();
    sim.go_to(Screen::Scores);
    sim.keys("4\n3\n", at(1));
    let criteria = sim.app.session.criteria.len();
    assert_eq!(sim.app.grid.col, criteria, "on the paper total");
    sim.keys("u", at(2));
    assert_eq!((sim.app.grid.row, sim.app.grid.col), (0, 1));
    sim.keys("5\n", at(3));
    let (t1, j1) = ("T1".into(), "J1".into());
    assert_eq!(
        sim.disk.value(&t1, &j1, &"faisabilite".into()),
        Some(Dec::int(5))
    );
    assert_eq!(sim.disk.sheet(&t1, &j1).and_then(|s| s.handwritten), None);
    // The next team, then `u`: T1's cell comes back into view.
    sim.key(KeyCode::PageDown, at(4));
    assert_eq!(sim.app.grid.team.as_deref(), Some("T2"));
    sim.keys("u", at(5));
    assert_eq!(sim.app.grid.team.as_deref(), Some("T1"));
    assert_eq!((sim.app.grid.row, sim.app.grid.col), (0, 1));
    assert_eq!(sim.disk.value(&t1, &j1, &"faisabilite".into()), None);
}
