//! The screen's copy of the session kept up to date by changes (a
//! [`Delta`]) rather than by whole copies.

#![cfg(test)]

use super::action::Delta;
use super::fixture::{self, at};
use super::*;
use crate::app::SaveOutcome;
use crate::app::screens::stage::StageKey;
use crate::domain::{Change, apply};

/// The stage change the first Space sends.
fn first_change(app: &mut App) -> Change {
    let effects = update(app, Action::from(StageKey::StartPause), at(0));
    match effects.as_slice() {
        [Effect::Save(op)] => op.change.clone(),
        other => panic!("one save expected: {other:?}"),
    }
}

fn delta(session: &Session, from: u64, changes: Vec<(u64, Change)>) -> Delta {
    Delta {
        session: session.id.clone(),
        from,
        to: changes.last().map_or(from, |(rev, _)| *rev),
        changes,
    }
}

#[test]
fn a_save_settled_as_changes_gives_the_same_session_as_a_whole_copy() {
    let mut by_copy = fixture::app();
    let mut by_changes = fixture::app();
    let change = first_change(&mut by_copy);
    assert_eq!(first_change(&mut by_changes), change);
    let mut saved = (*by_copy.session).clone();
    apply(&mut saved, &change).unwrap();
    saved.revision += 1;
    let rev = saved.revision;
    update(
        &mut by_copy,
        Action::Settled(SaveOutcome::Saved(std::sync::Arc::new(saved))),
        at(0),
    );
    let changes = delta(&by_changes.session, rev - 1, vec![(rev, change)]);
    let effects = update(
        &mut by_changes,
        Action::Settled(SaveOutcome::SavedChanges(changes)),
        at(0),
    );
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(by_changes.session, by_copy.session);
    assert!(by_changes.session.stage.is_running());
    assert!(by_changes.pending.is_empty());
    assert_eq!(by_changes.undo.len(), 1);
}

#[test]
fn changes_already_held_are_skipped_and_a_gap_asks_for_the_whole_session() {
    let mut app = fixture::app();
    let mut other = fixture::app();
    let change = first_change(&mut other);
    let rev = app.session.revision + 1;
    let changes = delta(&app.session, rev - 1, vec![(rev, change.clone())]);
    update(&mut app, Action::Followed(changes.clone()), at(0));
    assert_eq!(app.session.revision, rev);
    assert!(app.session.stage.is_running());
    // The same changes again (a save that came back late): nothing moves.
    let before = (*app.session).clone();
    let effects = update(&mut app, Action::Followed(changes), at(0));
    assert!(!effects.contains(&Effect::Resync));
    assert_eq!(*app.session, before);
    // Changes that start past the revision held: the whole session is
    // asked for, and the session held stays as it was.
    let gap = delta(&app.session, rev + 1, vec![(rev + 2, change)]);
    let effects = update(&mut app, Action::Followed(gap), at(0));
    assert!(effects.contains(&Effect::Resync), "{effects:?}");
    assert_eq!(*app.session, before);
}

#[test]
fn changes_of_another_session_are_not_applied() {
    let mut app = fixture::app();
    let mut other = fixture::app();
    let change = first_change(&mut other);
    let mut changes = delta(&app.session, app.session.revision, vec![]);
    changes.session = "another".into();
    changes.changes = vec![(app.session.revision + 1, change)];
    changes.to = app.session.revision + 1;
    let before = (*app.session).clone();
    update(&mut app, Action::Followed(changes), at(0));
    assert_eq!(*app.session, before);
    assert!(matches!(app.mode, Mode::Replaced(_)));
}

#[test]
fn keys_and_saved_changes_work_on_the_session_held_without_copying_it() {
    let mut app = fixture::app();
    let held = Arc::as_ptr(&app.session);
    // Nothing waiting to be saved: what a key builds on is the session held.
    assert!(Arc::ptr_eq(&app.basis(), &app.session));
    let change = first_change(&mut app);
    // A change on the way: its basis is a new state, the held one untouched.
    assert!(!Arc::ptr_eq(&app.basis(), &app.session));
    assert!(!app.session.stage.is_running());
    let rev = app.session.revision + 1;
    let changes = delta(&app.session, rev - 1, vec![(rev, change)]);
    update(
        &mut app,
        Action::Settled(SaveOutcome::SavedChanges(changes)),
        at(0),
    );
    // Applied in place: the same allocation, now running, held once.
    assert!(app.session.stage.is_running());
    assert_eq!(Arc::as_ptr(&app.session), held);
    assert_eq!(Arc::strong_count(&app.session), 1);
}
