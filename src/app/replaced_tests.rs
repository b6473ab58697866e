//! A terminal whose session file was replaced: read-only in practice.

#![cfg(test)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::app::SaveOutcome;
use crate::app::fixture::{self, at};
use crate::app::screens::questions::QuestionsKey;
use crate::app::screens::schedule::ScheduleKey;
use crate::app::screens::scores::grid::GridKey;
use crate::app::screens::stage::StageKey;
use crate::app::{Action, App, Effect, Mode, Overlay, Replacement, Screen, action_for, update};

/// Where the previous copy went.
fn replacement() -> Replacement {
    Replacement {
        backup: Some("/x/backup-1".into()),
    }
}

fn press(app: &mut App, code: KeyCode, secs: i64) -> Vec<Effect> {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    match action_for(&event, app) {
        Some(action) => update(app, action, at(secs)),
        None => Vec::new(),
    }
}

fn replaced_app() -> App {
    let mut app = fixture::app();
    update(&mut app, Action::Replaced(replacement()), at(1));
    app
}

fn refused_said(app: &App) -> bool {
    app.said()
        .as_ref()
        .is_some_and(|s| s.error && s.text.starts_with("Refusé") && s.text.chars().count() < 80)
}

#[test]
fn typing_in_the_grid_is_refused_at_once_and_nothing_is_sent() {
    let mut app = replaced_app();
    app.screen = Screen::Scores;
    crate::app::screens::scores::on_enter(&mut app);
    let effects = press(&mut app, KeyCode::Char('4'), 2);
    assert!(effects.is_empty());
    assert_eq!(app.grid.input, "", "nothing typed");
    assert!(refused_said(&app), "{:?}", app.status);
    for code in [KeyCode::Delete, KeyCode::Char('a'), KeyCode::Char('v')] {
        app.status = None;
        assert!(press(&mut app, code, 3).is_empty(), "{code:?}");
        assert!(refused_said(&app), "{code:?}: {:?}", app.status);
    }
    // Moving around still works.
    press(&mut app, KeyCode::Down, 4);
    assert_eq!(app.grid.row, 1);
    assert!(!app.saves(), "the grid no longer says saved");
}

#[test]
fn a_value_typed_before_the_replacement_is_never_sent_by_an_arrow() {
    let mut app = fixture::app();
    app.screen = Screen::Scores;
    crate::app::screens::scores::on_enter(&mut app);
    press(&mut app, KeyCode::Char('4'), 1);
    update(&mut app, Action::Replaced(replacement()), at(2));
    let effects = press(&mut app, KeyCode::Right, 3);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(app.pending.is_empty());
    assert!(refused_said(&app));
}

#[test]
fn timer_schedule_undo_and_decision_keys_are_refused() {
    let mut app = replaced_app();
    for action in [
        Action::from(StageKey::StartPause),
        Action::from(StageKey::NextPhase),
        Action::Undo,
        Action::from(ScheduleKey::ToggleWithdrawn),
        Action::from(ScheduleKey::InsertBreak),
        Action::from(QuestionsKey::QuestionDone),
        Action::from(GridKey::Char('3')),
        Action::from(crate::app::screens::results::ResultsKey::Decide),
    ] {
        app.status = None;
        let effects = update(&mut app, action.clone(), at(5));
        assert!(effects.is_empty(), "{action:?}");
        assert!(refused_said(&app), "{action:?}: {:?}", app.status);
    }
    assert!(app.pending.is_empty());
    // Switching screens is no change: it runs, and says nothing.
    update(&mut app, Action::NextScreen, at(6));
    assert_eq!(app.screen, Screen::Schedule);
    assert_eq!(app.status, None);
    assert_eq!(
        app.mode,
        Mode::Replaced(Some(replacement())),
        "the banner stays"
    );
}

#[test]
fn q_quits_without_asking_about_a_running_timer() {
    let mut app = fixture::app();
    let effects = update(&mut app, Action::from(StageKey::StartPause), at(0));
    assert!(!effects.is_empty());
    // Pretend it was saved: the timer runs.
    if let Some(Effect::Save(op)) = effects.first() {
        let mut s = (*app.session).clone();
        crate::domain::apply(&mut s, &op.change).unwrap();
        update(
            &mut app,
            Action::Settled(SaveOutcome::Saved(std::sync::Arc::new(s))),
            at(0),
        );
    }
    assert!(app.session.stage.is_running());
    update(&mut app, Action::Replaced(replacement()), at(1));
    let effects = press(&mut app, KeyCode::Char('q'), 2);
    assert_eq!(app.overlay, None::<Overlay>);
    assert!(app.leaving);
    assert!(effects.is_empty());
}
