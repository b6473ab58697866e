//! The laureates' reveal driven from the moderator's stage: begun with
//! `v` once the laureates are known for sure, stepped with `→` from place
//! N down to 1 then the whole list, ended with `x`, each step saved.

#![cfg(test)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::fixture::{Sim, at, at_ms};
use super::update_tests::said;
use super::*;
use crate::domain::reveal::Showing;

fn press(sim: &mut Sim, code: KeyCode, now: DateTime<Utc>) {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let action = action_for(&event, &sim.app).expect("the key does something");
    sim.run(action, now);
}

fn with(session: crate::domain::Session) -> Sim {
    let mut sim = Sim::new();
    sim.app.session = std::sync::Arc::new(session.clone());
    sim.disk = session;
    sim
}

fn tied() -> Sim {
    with(super::results_fixture::complete())
}

fn decided() -> Sim {
    with(super::results_fixture::decided())
}

fn shown(sim: &Sim) -> Option<usize> {
    sim.disk.reveal.as_ref().map(|r| r.shown)
}

#[test]
fn a_tie_waiting_for_the_jury_refuses_the_reveal_in_words() {
    let mut sim = tied();
    press(&mut sim, KeyCode::Char('v'), at(0));
    assert_eq!(sim.disk.reveal, None, "nothing saved");
    assert!(sim.app.pending.is_empty());
    let line = sim.app.said().expect("it says why");
    assert!(line.error, "a warning");
    assert!(
        line.text
            .contains("égalité à la limite, le jury doit décider"),
        "{}",
        line.text
    );
}

#[test]
fn the_moderator_reveals_from_place_n_down_to_1_then_the_list_then_ends() {
    let mut sim = decided();
    press(&mut sim, KeyCode::Char('v'), at(0));
    assert_eq!(shown(&sim), Some(0));
    assert!(
        said(&sim).contains("Proclamation commencée (3 lauréats)"),
        "{}",
        said(&sim)
    );
    // The stage's table is the reveal's: the footer and `?` list it.
    let table = keymap::screen_bindings(&sim.app);
    let next = table
        .iter()
        .find(|b| b.keys().any(|k| k == keys::Key::Code(KeyCode::Right)))
        .expect("→ is bound");
    assert_eq!(
        crate::words::keys::help(next.help, Lang::Fr),
        "place suivante (de N à 1), puis la liste entière"
    );
    assert!(next.footer.is_some(), "on the footer");
    assert!(
        table
            .iter()
            .any(|b| b.keys().any(|k| k == keys::Key::Char('x')))
    );
    let mut places = Vec::new();
    for (i, secs) in [2, 4, 6, 8].into_iter().enumerate() {
        press(&mut sim, KeyCode::Right, at(secs));
        assert_eq!(shown(&sim), Some(i + 1));
        let reveal = sim.disk.reveal.clone().expect("under way");
        places.push(match reveal.showing() {
            Showing::Place { place, .. } => format!("{} {}", place.rank, place.teams.join(",")),
            Showing::List(all) => format!("list {}", all.len()),
            Showing::Opening => "opening".into(),
        });
    }
    assert_eq!(places, ["3 T2", "2 T3", "1 T1", "list 3"]);
    // Nothing after the whole list: it says how to end.
    press(&mut sim, KeyCode::Char(' '), at(10));
    assert_eq!(shown(&sim), Some(4));
    assert!(said(&sim).contains("x termine"), "{}", said(&sim));
    press(&mut sim, KeyCode::Char('x'), at(12));
    assert_eq!(sim.disk.reveal, None);
    assert!(
        said(&sim).contains("Proclamation terminée"),
        "{}",
        said(&sim)
    );
    // The stage's own keys are back.
    let table = keymap::screen_bindings(&sim.app);
    assert!(
        table
            .iter()
            .any(|b| b.keys().any(|k| k == keys::Key::Char('v')))
    );
    assert!(
        !table
            .iter()
            .any(|b| b.keys().any(|k| k == keys::Key::Code(KeyCode::Right)))
    );
}

#[test]
fn a_second_press_within_a_second_is_ignored() {
    let mut sim = decided();
    press(&mut sim, KeyCode::Char('v'), at(0));
    press(&mut sim, KeyCode::Right, at_ms(500));
    assert_eq!(shown(&sim), Some(0), "too soon after v");
    assert!(said(&sim).contains("ignoré"), "{}", said(&sim));
    press(&mut sim, KeyCode::Right, at_ms(1_000));
    press(&mut sim, KeyCode::Char('n'), at_ms(1_400));
    assert_eq!(shown(&sim), Some(1), "one step");
    press(&mut sim, KeyCode::Char('n'), at_ms(2_000));
    assert_eq!(shown(&sim), Some(2));
}

#[test]
fn u_on_the_stage_undoes_the_last_step() {
    let mut sim = decided();
    press(&mut sim, KeyCode::Char('v'), at(0));
    press(&mut sim, KeyCode::Right, at(2));
    press(&mut sim, KeyCode::Right, at(4));
    press(&mut sim, KeyCode::Char('u'), at(5));
    assert_eq!(shown(&sim), Some(1));
    assert!(
        said(&sim).contains("Annulé : annonce du 2e lauréat"),
        "{}",
        said(&sim)
    );
}

#[test]
fn v_on_the_results_screen_begins_and_brings_the_stage() {
    let mut sim = decided();
    sim.app.show(Screen::Results);
    press(&mut sim, KeyCode::Char('v'), at(0));
    assert_eq!(sim.app.screen, Screen::Stage);
    assert_eq!(shown(&sim), Some(0));
    // Undone from the stage (its kind), never from the results.
    press(&mut sim, KeyCode::Char('u'), at(3));
    assert_eq!(sim.disk.reveal, None);
}

#[test]
fn the_other_terminals_reveal_takes_this_stage_too() {
    let mut sim = decided();
    let reveal = crate::domain::reveal::begin(&sim.disk).expect("final");
    sim.disk.reveal = Some(reveal);
    sim.app.session = std::sync::Arc::new(sim.disk.clone());
    press(&mut sim, KeyCode::Right, at(1));
    assert_eq!(shown(&sim), Some(1));
}

#[test]
fn sealed_results_refuse_the_reveal_in_words() {
    let mut sim = decided();
    sim.disk.sealed = true;
    sim.app.session = std::sync::Arc::new(sim.disk.clone());
    press(&mut sim, KeyCode::Char('v'), at(0));
    assert_eq!(sim.disk.reveal, None);
    let line = sim.app.said().expect("it says why");
    assert!(line.error);
    assert!(
        line.text.contains("les résultats sont scellés"),
        "{}",
        line.text
    );
    // Sealed by the other terminal during the reveal: → says so.
    sim.disk.sealed = false;
    sim.app.session = std::sync::Arc::new(sim.disk.clone());
    press(&mut sim, KeyCode::Char('v'), at(2));
    sim.disk.sealed = true;
    sim.app.session = std::sync::Arc::new(sim.disk.clone());
    press(&mut sim, KeyCode::Right, at(4));
    assert_eq!(shown(&sim), Some(0));
    assert!(said(&sim).contains("scellés"), "{}", said(&sim));
}

#[test]
fn the_moderator_is_told_when_the_ranking_changed_since_the_reveal_began() {
    let mut sim = decided();
    press(&mut sim, KeyCode::Char('v'), at(0));
    assert!(!sim.app.reveal.outdated(&sim.app.session));
    // The secretary, on the other terminal, corrects T4's sheets: T4 now
    // leads, and the reveal's laureates are no longer the ranking's.
    for sheet in sim
        .disk
        .sheets
        .iter_mut()
        .filter(|(k, _)| k.team == "T4")
        .map(|(_, s)| s)
    {
        for value in sheet.values.values_mut() {
            *value = crate::domain::Dec::int(5);
        }
    }
    sim.disk.revision += 1;
    sim.run(Action::Reloaded(Box::new(sim.disk.clone())), at(3));
    assert!(sim.app.reveal.outdated(&sim.app.session));
    // What the audience sees stays what the reveal fixed.
    assert_eq!(shown(&sim), Some(0));
}
