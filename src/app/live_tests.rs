//! The stage and schedule keys of a live day: a break run as a phase, the
//! message to the speaker, a minute more or less, a team called now, the
//! start set to now.

#![cfg(test)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::fixture::{Sim, at};
use super::update_tests::said;
use super::*;
use crate::app::screens::schedule::{ScheduleKey, called_first};
use crate::app::screens::stage::StageKey;
use crate::domain::{Message, Slot};

fn key(sim: &mut Sim, code: KeyCode, now: DateTime<Utc>) {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let action = action_for(&event, &sim.app).expect("the key does something");
    sim.run(action, now);
}

fn typed(sim: &mut Sim, text: &str, now: DateTime<Utc>) {
    for c in text.chars() {
        key(sim, KeyCode::Char(c), now);
    }
}

/// Three teams through: pitch, questions, scoring, each on time from 0.
fn three_teams(sim: &mut Sim) {
    for i in 0..3 {
        let base = i * 360;
        if i == 0 {
            sim.run(Action::from(StageKey::StartPause), at(base));
        } else {
            sim.run(Action::from(StageKey::NextPhase), at(base + 2)); // pitch
        }
        sim.run(Action::from(StageKey::NextPhase), at(base + 180));
        sim.run(Action::from(StageKey::NextPhase), at(base + 300));
        if i < 2 {
            sim.run(Action::from(StageKey::NextPhase), at(base + 360)); // call
        }
    }
}

#[test]
fn n_after_the_third_team_runs_the_coffee_break_then_calls_the_fourth() {
    let mut sim = Sim::new();
    three_teams(&mut sim);
    assert_eq!(sim.disk.stage.phase, Phase::Scoring);
    sim.run(Action::from(StageKey::NextPhase), at(1080));
    assert_eq!(sim.disk.stage.phase, Phase::Break, "n does not skip it");
    assert_eq!(
        sim.app
            .session
            .stage
            .countdown(&sim.disk.settings, at(1080))
            .text(),
        "15:00"
    );
    // A minute more with PgUp, on the break too.
    key(&mut sim, KeyCode::PageUp, at(1090));
    assert_eq!(sim.disk.stage.planned_ms(&sim.disk.settings), 16 * 60_000);
    key(&mut sim, KeyCode::PageDown, at(1091));
    // n ends it early and says so; T4 is called.
    sim.run(Action::from(StageKey::NextPhase), at(1080 + 600));
    assert_eq!(sim.disk.stage.team.as_deref(), Some("T4"));
    assert_eq!(sim.disk.stage.phase, Phase::Waiting);
    assert!(
        said(&sim).contains("Pause terminée avec 5:00 d'avance"),
        "{}",
        said(&sim)
    );
    // u on the stage undoes the end of the break: the break runs again.
    sim.run(Action::Undo, at(1700));
    assert_eq!(sim.disk.stage.phase, Phase::Break);
    assert!(said(&sim).contains("Annulé"), "{}", said(&sim));
}

#[test]
fn a_minute_more_or_less_with_page_up_and_down() {
    let mut sim = Sim::new();
    sim.run(Action::from(StageKey::StartPause), at(0));
    key(&mut sim, KeyCode::PageUp, at(1));
    assert_eq!(sim.disk.stage.clock.extra_ms, 60_000);
    key(&mut sim, KeyCode::PageDown, at(2));
    key(&mut sim, KeyCode::PageDown, at(3));
    assert_eq!(sim.disk.stage.clock.extra_ms, -60_000);
    assert_eq!(
        sim.app
            .session
            .stage
            .countdown(&sim.disk.settings, at(3))
            .text(),
        "1:57"
    );
}

#[test]
fn the_message_to_the_speaker_is_typed_shown_and_cleared() {
    let mut sim = Sim::new();
    sim.run(Action::from(StageKey::StartPause), at(0));
    // The ready one: one key.
    key(&mut sim, KeyCode::Char('c'), at(10));
    assert_eq!(sim.disk.message, Some(Message::Conclude));
    // Typed: m opens the field; q and n are text there, not commands.
    key(&mut sim, KeyCode::Char('m'), at(11));
    assert!(sim.app.text_field_active());
    let before = sim.disk.revision;
    typed(&mut sim, "Encore 30 s, qn", at(12));
    key(&mut sim, KeyCode::Backspace, at(12));
    key(&mut sim, KeyCode::Backspace, at(12));
    assert_eq!(sim.disk.revision, before, "nothing saved while typing");
    assert!(!sim.app.leaving);
    sim.run(Action::Paste("\u{1b}[2J mn\n".into()), at(13));
    assert_eq!(sim.app.stage.draft.as_deref(), Some("Encore 30 s, [2J mn "));
    key(&mut sim, KeyCode::Enter, at(14));
    assert!(!sim.app.text_field_active());
    assert_eq!(
        sim.disk.message,
        Some(Message::Text("Encore 30 s, [2J mn".into()))
    );
    assert!(said(&sim).contains("Message affiché"), "{}", said(&sim));
    // Esc abandons a new one; x clears the message; u brings it back.
    key(&mut sim, KeyCode::Char('m'), at(20));
    typed(&mut sim, "oups", at(20));
    key(&mut sim, KeyCode::Esc, at(21));
    assert_eq!(sim.app.stage.draft, None);
    key(&mut sim, KeyCode::Char('x'), at(30));
    assert_eq!(sim.disk.message, None);
    key(&mut sim, KeyCode::Char('x'), at(31));
    assert!(said(&sim).contains("Aucun message"), "{}", said(&sim));
    sim.run(Action::Undo, at(32));
    assert_eq!(
        sim.disk.message,
        Some(Message::Text("Encore 30 s, [2J mn".into()))
    );
    // The timer kept running all along.
    assert!(sim.disk.stage.is_running());
}

#[test]
fn a_message_with_a_control_character_from_elsewhere_is_refused() {
    let mut s = fixture::session();
    let change = crate::domain::Change::SetMessage {
        edit: crate::domain::Edit::new(None, Some(Message::Text("\u{1b}]0;x\u{7}".into()))),
    };
    assert!(crate::domain::apply(&mut s, &change).is_err());
    assert_eq!(s.message, None);
}

fn select(sim: &mut Sim, team: &str) {
    sim.app.screen = Screen::Schedule;
    sim.app.schedule.row = sim
        .disk
        .schedule
        .iter()
        .position(|s| s.team().is_some_and(|t| t == team))
        .expect("the team is scheduled");
}

/// The teams in schedule order, as saved.
fn order(sim: &Sim) -> Vec<&str> {
    sim.disk
        .schedule
        .iter()
        .filter_map(|s| s.team().map(|t| t.as_str()))
        .collect()
}

#[test]
fn a_chosen_team_is_called_now_and_the_one_due_goes_last() {
    let mut sim = Sim::new();
    select(&mut sim, "T3");
    key(&mut sim, KeyCode::Enter, at(0));
    assert_eq!(sim.disk.stage.team.as_deref(), Some("T3"));
    assert_eq!(sim.disk.stage.phase, Phase::Waiting, "pitch ready");
    assert_eq!(order(&sim), ["T3", "T2", "T4", "T5", "T6", "T1"]);
    assert!(
        said(&sim).contains("T3 est appelée sur scène ; T1, attendue, passe en dernier"),
        "{}",
        said(&sim)
    );
    // Space starts its pitch; while it pitches, no other team is called.
    sim.run(
        Action::from(ScheduleKey::Timer(StageKey::StartPause)),
        at(5),
    );
    select(&mut sim, "T5");
    key(&mut sim, KeyCode::Enter, at(10));
    assert_eq!(sim.disk.stage.team.as_deref(), Some("T3"));
    assert!(
        said(&sim).contains("terminez d'abord sa phase"),
        "{}",
        said(&sim)
    );
    // During its scoring, T5 can be called; a team passed cannot.
    sim.run(Action::from(StageKey::NextPhase), at(185));
    sim.run(Action::from(StageKey::NextPhase), at(300));
    key(&mut sim, KeyCode::Enter, at(310));
    assert_eq!(sim.disk.stage.team.as_deref(), Some("T5"));
    assert_eq!(
        sim.disk.stage.log.last().map(|r| r.phase),
        Some(Phase::Scoring)
    );
    // T2 was due after T3: T5 takes its place, T2 goes last.
    assert_eq!(order(&sim), ["T3", "T5", "T4", "T6", "T1", "T2"]);
    select(&mut sim, "T3");
    key(&mut sim, KeyCode::Enter, at(320));
    assert!(said(&sim).contains("T3 est déjà passée"), "{}", said(&sim));
    // u undoes the call (the schedule and the stage together).
    sim.app.screen = Screen::Stage;
    sim.run(Action::Undo, at(330));
    assert_eq!(sim.disk.stage.team.as_deref(), Some("T3"));
    assert_eq!(sim.disk.stage.phase, Phase::Scoring);
    let order: Vec<&str> = sim
        .disk
        .schedule
        .iter()
        .filter_map(|s| s.team().map(|t| t.as_str()))
        .collect();
    assert_eq!(
        order,
        ["T3", "T2", "T4", "T5", "T6", "T1"],
        "as before the call"
    );
}

#[test]
fn the_team_called_takes_the_place_of_the_one_due() {
    let t = |id: &str| Slot::Team { team: id.into() };
    let order = [t("T1"), t("T2"), t("T3"), t("T4")];
    let (new, last) = called_first(&order, &"T4".into(), Some("T2".into()));
    assert_eq!(new, [t("T1"), t("T4"), t("T3"), t("T2")]);
    assert_eq!(last.as_deref(), Some("T2"));
    let (same, last) = called_first(&order, &"T2".into(), Some("T2".into()));
    assert_eq!(same, order);
    assert_eq!(last, None);
}

#[test]
fn the_start_is_set_to_now_until_the_day_begins() {
    let mut sim = Sim::new();
    sim.app.screen = Screen::Schedule;
    // 9:55:20 Paris; planned 9:30 until now.
    key(&mut sim, KeyCode::Char('s'), at(20));
    assert_eq!(
        sim.disk.settings.start_time,
        chrono::NaiveTime::from_hms_opt(9, 55, 20)
    );
    assert!(
        said(&sim).contains("Début prévu à 09:55:20."),
        "{}",
        said(&sim)
    );
    let plan = crate::domain::schedule::plan(&sim.app.session, sim.app.offset, at(20));
    assert_eq!(plan.delay_ms, 0, "exactly on time");
    sim.run(Action::from(StageKey::StartPause), at(30));
    key(&mut sim, KeyCode::Char('s'), at(600));
    assert_eq!(
        sim.disk.settings.start_time,
        chrono::NaiveTime::from_hms_opt(9, 55, 20)
    );
    assert!(
        said(&sim).contains("La journée a commencé"),
        "{}",
        said(&sim)
    );
}
