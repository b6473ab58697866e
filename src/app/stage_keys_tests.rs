//! The timer's keys in a hurry: a stray second `n`, leaving the questions
//! with jurors still waiting, and what `n`, `r` and `w` say they did.

#![cfg(test)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::fixture::{Sim, at, at_ms};
use super::update_tests::said;
use super::*;
use crate::app::screens::questions::QuestionsKey;
use crate::app::screens::schedule::ScheduleKey;
use crate::app::screens::stage::StageKey;
use crate::domain::TeamStatus;

fn press(sim: &mut Sim, c: char, now: DateTime<Utc>) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let action = action_for(&event, &sim.app).expect("the key does something");
    sim.run(action, now);
}

#[test]
fn four_n_within_a_second_move_one_phase() {
    let mut sim = Sim::new();
    sim.run(Action::from(StageKey::StartPause), at(0)); // T1 pitches
    for ms in [100_000, 100_200, 100_400, 100_600] {
        press(&mut sim, 'n', at_ms(ms));
    }
    assert_eq!(sim.disk.stage.phase, Phase::Questions);
    assert_eq!(sim.disk.stage.team.as_deref(), Some("T1"));
    assert_eq!(sim.disk.stage.log.len(), 1, "one phase ended");
    assert!(said(&sim).contains("Second n ignoré"), "{}", said(&sim));
    // A second after the press that moved the stage, `n` works again.
    press(&mut sim, 'n', at_ms(101_000));
    assert_eq!(sim.disk.stage.phase, Phase::Scoring);
}

#[test]
fn leaving_the_questions_with_jurors_waiting_asks_first() {
    let mut sim = Sim::new();
    sim.app.screen = Screen::Questions;
    sim.run(Action::from(StageKey::StartPause), at(0));
    sim.run(Action::from(QuestionsKey::Ask("J2".into())), at(100));
    sim.run(Action::from(QuestionsKey::Ask("J4".into())), at(101));
    sim.run(Action::from(StageKey::NextPhase), at(180)); // questions: J2 speaks
    let revision = sim.disk.revision;
    // J4 still waits: `n` asks, and any other key stays.
    press(&mut sim, 'n', at(200));
    assert_eq!(sim.app.overlay, Some(Overlay::ConfirmDropQueue));
    assert_eq!(sim.disk.revision, revision, "nothing saved yet");
    press(&mut sim, 'x', at(202));
    assert_eq!(sim.app.overlay, None);
    assert_eq!(sim.disk.stage.phase, Phase::Questions);
    assert_eq!(sim.disk.queue.len(), 2);
    // Asked again, `y` ends the questions: J2's question is logged, J4
    // did not ask, and the status line says so.
    press(&mut sim, 'n', at(210));
    press(&mut sim, 'y', at(211));
    assert_eq!(sim.app.overlay, None);
    assert_eq!(sim.disk.stage.phase, Phase::Scoring);
    assert!(sim.disk.queue.is_empty());
    assert_eq!(sim.disk.questions.len(), 1);
    assert_eq!(sim.disk.questions[0].juror, "J2");
    assert!(
        said(&sim).contains("File vidée : 1 juré sans poser"),
        "{}",
        said(&sim)
    );
}

#[test]
fn the_question_names_the_jurors_still_waiting() {
    use crate::words::notice::drop_queue_question;
    assert_eq!(
        drop_queue_question(2, Lang::Fr),
        "2 jurés encore en file ne poseront pas leur question. Terminer les questions ?"
    );
    assert_eq!(
        drop_queue_question(1, Lang::En),
        "1 juror still queued will not ask their question. End the questions?"
    );
}

#[test]
fn n_r_and_w_say_what_they_did() {
    let mut sim = Sim::new();
    sim.run(Action::from(StageKey::StartPause), at(0));
    // Ended with 80 s left of the 3:00 pitch.
    sim.run(Action::from(StageKey::NextPhase), at(100));
    assert_eq!(
        said(&sim),
        "T1 : phase « pitch » terminée avec 1:20 d'avance."
    );
    sim.run(Action::from(StageKey::RestartPhase), at(130));
    assert_eq!(
        said(&sim),
        "T1 : phase « questions » relancée, de nouveau 2:00."
    );
    // A phase ended in overtime says nothing more than the screen shows.
    sim.run(Action::from(StageKey::NextPhase), at(400));
    assert_eq!(said(&sim), "");
    sim.app.screen = Screen::Schedule;
    sim.app.schedule.row = 2;
    sim.run(Action::from(ScheduleKey::ToggleWithdrawn), at(401));
    assert_eq!(
        sim.disk.team(&"T3".into()).unwrap().status,
        TeamStatus::Withdrawn
    );
    assert_eq!(
        said(&sim),
        "T3 est retirée du programme (w pour la remettre)."
    );
    sim.run(Action::from(ScheduleKey::ToggleWithdrawn), at(402));
    assert_eq!(said(&sim), "T3 est remise au programme.");
    sim.app.lang = Lang::En;
    sim.run(Action::from(StageKey::NextPhase), at(403)); // T2 called
    sim.run(Action::from(StageKey::NextPhase), at(405)); // T2 pitches
    sim.run(Action::from(StageKey::NextPhase), at(465));
    assert_eq!(said(&sim), "T2: pitch ended 2:00 early.");
}

#[test]
fn a_break_goes_only_before_a_team_still_to_come() {
    let mut sim = Sim::new();
    sim.run(Action::from(StageKey::StartPause), at(0)); // T1 pitches
    sim.app.screen = Screen::Schedule;
    let slots = sim.disk.schedule.len();
    let last = slots - 1;
    let revision = sim.disk.revision;
    // Before T2 (row 0 is T1 on stage): a team still to come.
    sim.app.schedule.row = 0;
    sim.run(Action::from(ScheduleKey::InsertBreak), at(1));
    assert_eq!(sim.disk.schedule.len(), slots + 1);
    assert_eq!(sim.disk.schedule[1].team(), None, "the break after T1");
    sim.run(Action::Undo, at(2));
    // Once T1 has pitched and T2 is on stage, no break goes before T2.
    for t in [10, 20, 30] {
        sim.run(Action::from(StageKey::NextPhase), at(t));
    }
    assert_eq!(sim.disk.stage.team.as_deref(), Some("T2"));
    let revision_now = sim.disk.revision;
    assert!(revision_now > revision);
    sim.app.schedule.row = 0;
    sim.run(Action::from(ScheduleKey::InsertBreak), at(40));
    assert_eq!(sim.disk.revision, revision_now, "nothing saved");
    let status = sim.app.said().expect("said");
    assert!(status.error);
    assert!(
        status.text.contains("qu'avant une équipe encore à venir"),
        "{}",
        status.text
    );
    // Nor after the last team.
    sim.app.schedule.row = last;
    sim.run(Action::from(ScheduleKey::InsertBreak), at(41));
    assert_eq!(sim.disk.revision, revision_now, "nothing saved");
}
