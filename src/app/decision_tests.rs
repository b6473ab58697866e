//! Issue 11, item 7 in the live session: the grid warns at the key that
//! makes a decision of the jury stale, naming every team of it (not while
//! the results are sealed).

#![cfg(test)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::fixture::{self, at, options};
use super::results_fixture::forum_decided;
use super::{App, Screen, action_for, update};
use crate::domain::{DecisionKind, Lang, Session};

/// The forum whose tie T2, T3, T4 the jury ordered, on the score grid of T2.
fn decided(lang: Lang) -> (App, Session) {
    let mut s = forum_decided(DecisionKind::Admit);
    let mut app = App::new(s.clone(), options(lang), at(0));
    app.screen = Screen::Scores;
    press(&mut app, &mut s, KeyCode::PageDown);
    assert_eq!(app.grid.team.as_deref(), Some("T2"));
    (app, s)
}

/// One key through the keymap; saves are committed to `disk` at once.
fn press(app: &mut App, disk: &mut Session, code: KeyCode) {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let Some(action) = action_for(&event, app) else {
        return;
    };
    let mut effects = update(app, action, at(2));
    while let Some(effect) = effects.pop() {
        if let Some(fed) = fixture::outcome(disk, &effect) {
            effects.extend(update(app, fed, at(2)));
        }
    }
}

#[test]
fn the_key_that_voids_a_decision_says_so_naming_its_teams() {
    for (lang, words) in [
        (
            Lang::Fr,
            "Attention : cette note rend caduque la décision sur T3, T2, T4 (Résultats, d).",
        ),
        (
            Lang::En,
            "Warning: this score voids the jury's decision on T3, T2, T4 (Results, d).",
        ),
    ] {
        let (mut app, mut disk) = decided(lang);
        // T2's J1 impact was 4: 5 lifts T2 out of the tie.
        press(&mut app, &mut disk, KeyCode::Char('5'));
        assert_eq!(app.status, None, "nothing saved yet, nothing said");
        press(&mut app, &mut disk, KeyCode::Enter);
        assert_eq!(
            disk.value(&"T2".into(), &"J1".into(), &"impact".into()),
            Some(crate::domain::Dec::int(5))
        );
        let said = app.said().expect("a warning");
        assert_eq!(said.text, words);
        assert!(said.error, "shown as a warning");
    }
}

#[test]
fn a_value_that_keeps_the_tie_says_nothing_of_the_decision() {
    let (mut app, mut disk) = decided(Lang::En);
    // T2's J1 impact stays 4: typed again, the tie is the same.
    press(&mut app, &mut disk, KeyCode::Char('4'));
    press(&mut app, &mut disk, KeyCode::Enter);
    assert!(
        app.said().is_none_or(|s| !s.text.contains("voids")),
        "{:?}",
        app.said()
    );
}

#[test]
fn sealed_the_grid_does_not_name_the_teams_of_a_voided_decision() {
    let (mut app, mut disk) = decided(Lang::En);
    for s in [&mut app.session_mut(), &mut disk] {
        crate::domain::apply(s, &crate::domain::Change::Seal).unwrap();
    }
    // The same key that voids the decision unsealed (above).
    press(&mut app, &mut disk, KeyCode::Char('5'));
    press(&mut app, &mut disk, KeyCode::Enter);
    assert_eq!(
        disk.value(&"T2".into(), &"J1".into(), &"impact".into()),
        Some(crate::domain::Dec::int(5)),
        "saved while sealed"
    );
    assert!(
        app.said().is_none_or(|s| !s.text.contains("T3")),
        "{:?}",
        app.said()
    );
}
