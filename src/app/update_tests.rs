//! Transitions of the live session, with a fake clock and an in-memory
//! "disk" standing in for the session file.

#![cfg(test)]

use super::fixture::{self, Sim, at, at_ms};
use super::*;
use crate::app::SaveOutcome;
use crate::app::action::SaveFailure;
use crate::app::screens::questions::QuestionsKey;
use crate::app::screens::schedule::ScheduleKey;
use crate::app::screens::stage::StageKey;
use crate::domain::stage::{Countdown, Stage};
use crate::domain::{Change, Edit, Refusal, Slot, TeamStatus};

/// What the status line says now ("" when nothing).
pub(super) fn said(sim: &Sim) -> String {
    sim.app.said().map(|s| s.text).unwrap_or_default()
}

#[test]
fn space_sends_an_operation_and_shows_it_only_once_saved() {
    let mut app = fixture::app();
    let effects = update(&mut app, Action::from(StageKey::StartPause), at(0));
    let [Effect::Save(op)] = effects.as_slice() else {
        panic!("one save expected, got {effects:?}");
    };
    assert_eq!(op.writer, "w-test");
    let Change::SetStage {
        edit: Edit { seen, new },
    } = &op.change
    else {
        panic!("a stage change expected");
    };
    assert_eq!(**seen, app.session.stage);
    assert_eq!(new.team.as_deref(), Some("T1"));
    // Not shown before it is saved.
    assert!(!app.session.stage.is_running());
    assert_eq!(app.pending.len(), 1);
    // Built upon by the next key even before it is saved.
    assert!(app.basis().stage.is_running());
    assert!(app.quit_needs_confirmation());
    let mut saved = (*app.session).clone();
    apply(&mut saved, &op.change).unwrap();
    update(
        &mut app,
        Action::Settled(SaveOutcome::Saved(std::sync::Arc::new(saved))),
        at(0),
    );
    assert!(app.session.stage.is_running());
    assert!(app.pending.is_empty());
    assert_eq!(app.undo.len(), 1);
}

#[test]
fn a_full_team_start_pause_resume_adjust_next() {
    let mut sim = Sim::new();
    sim.run(Action::from(StageKey::StartPause), at(0));
    assert_eq!(sim.countdown(at(0)), Countdown::Left(180));
    assert_eq!(sim.countdown(at(30)), Countdown::Left(150));
    sim.run(Action::from(StageKey::StartPause), at(30)); // pause
    assert_eq!(sim.countdown(at(100)), Countdown::Left(150));
    sim.run(Action::from(StageKey::StartPause), at(100)); // resume
    sim.run(Action::from(StageKey::AddTime), at(100));
    assert_eq!(sim.countdown(at(100)), Countdown::Left(160));
    sim.run(Action::from(StageKey::RemoveTime), at(101));
    sim.run(Action::from(StageKey::RemoveTime), at(101));
    assert_eq!(sim.countdown(at(101)), Countdown::Left(139));
    sim.run(Action::from(StageKey::NextPhase), at(110));
    assert_eq!(sim.app.session.stage.phase, Phase::Questions);
    assert_eq!(sim.countdown(at(110)), Countdown::Left(120));
    sim.run(Action::from(StageKey::NextPhase), at(200));
    assert_eq!(sim.app.session.stage.phase, Phase::Scoring);
    sim.run(Action::from(StageKey::NextPhase), at(230));
    assert_eq!(sim.app.session.stage.team.as_deref(), Some("T2"));
    assert_eq!(sim.app.session.stage.phase, Phase::Waiting);
    assert_eq!(sim.app.session.stage.log.len(), 3);
    assert_eq!(sim.disk, *sim.app.session);
}

#[test]
fn restart_gives_the_phase_its_full_time_again() {
    let mut sim = Sim::new();
    sim.run(Action::from(StageKey::StartPause), at(0));
    sim.run(Action::from(StageKey::RestartPhase), at(50));
    assert_eq!(sim.countdown(at(50)), Countdown::Left(180));
    assert!(sim.app.session.stage.is_running());
}

#[test]
fn undo_reverses_this_terminals_last_operation() {
    let mut sim = Sim::new();
    sim.run(Action::from(StageKey::StartPause), at(0));
    sim.run(Action::from(StageKey::StartPause), at(20)); // pause at 2:40
    assert!(!sim.app.session.stage.is_running());
    sim.run(Action::Undo, at(30));
    assert_eq!(said(&sim), "Annulé : pause du chrono");
    // The pause never happened: still running since 0.
    assert!(sim.app.session.stage.is_running());
    assert_eq!(sim.countdown(at(30)), Countdown::Left(150));
    // An undo is not itself undone: the next u reverses the start.
    sim.run(Action::Undo, at(31));
    assert_eq!(said(&sim), "Annulé : appel de T1");
    assert_eq!(sim.app.session.stage, Stage::default());
    sim.run(Action::Undo, at(32));
    assert_eq!(
        said(&sim),
        "Aucun changement du chrono, du programme ou des questions à annuler."
    );
}

#[test]
fn a_press_the_other_terminal_already_made_happens_once() {
    let mut sim = Sim::new();
    sim.run(Action::from(StageKey::StartPause), at(0));
    // The other terminal pauses; this one has not reloaded yet and also
    // presses Space to pause.
    let mut other = sim.disk.clone();
    let paused = other.stage.toggled(None, at(10)).unwrap();
    other.stage = paused;
    other.revision += 1;
    sim.disk = other;
    sim.run(Action::from(StageKey::StartPause), at(11));
    // Refused (it would have resumed the pause): the fresh state is shown.
    assert!(!sim.app.session.stage.is_running());
    assert_eq!(sim.app.session.stage.clock.spent_ms, 10_000);
    let status = sim.app.said().unwrap();
    assert!(status.error);
    assert!(status.text.contains("autre terminal"), "{}", status.text);
    assert!(
        sim.app.undo.len() == 1,
        "a refused operation is not undoable"
    );
}

#[test]
fn bell_rings_at_zero_exactly_once_per_phase() {
    let mut sim = Sim::new();
    sim.run(Action::from(StageKey::StartPause), at(0));
    let bells = |effects: &[Effect]| effects.iter().filter(|e| **e == Effect::Bell).count();
    assert_eq!(bells(&sim.run(Action::Tick, at(179))), 0);
    assert_eq!(bells(&sim.run(Action::Tick, at_ms(179_999))), 0);
    assert_eq!(bells(&sim.run(Action::Tick, at(180))), 1);
    assert_eq!(bells(&sim.run(Action::Tick, at_ms(180_500))), 0);
    assert_eq!(bells(&sim.run(Action::Tick, at(181))), 0);
    assert_eq!(bells(&sim.run(Action::NextScreen, at(182))), 0);
    // The questions phase gets its own bell.
    sim.run(Action::from(StageKey::NextPhase), at(190));
    assert_eq!(bells(&sim.run(Action::Tick, at(309))), 0);
    assert_eq!(bells(&sim.run(Action::Tick, at(310))), 1);
    assert_eq!(bells(&sim.run(Action::Tick, at(311))), 0);
    // Off in the settings: silent.
    let mut quiet = Sim::new();
    quiet.app.session_mut().settings.bell = false;
    quiet.disk.settings.bell = false;
    quiet.run(Action::from(StageKey::StartPause), at(0));
    assert_eq!(bells(&quiet.run(Action::Tick, at(200))), 0);
}

#[test]
fn reopening_in_overtime_does_not_ring_again() {
    let mut sim = Sim::new();
    sim.run(Action::from(StageKey::StartPause), at(0));
    let reopened = App::new(sim.disk.clone(), fixture::options(Lang::Fr), at(200));
    let mut app = reopened;
    assert_eq!(update(&mut app, Action::Tick, at(201)), Vec::new());
}

#[test]
fn quit_asks_first_while_a_timer_runs() {
    let mut sim = Sim::new();
    assert!(sim.run(Action::Quit, at(0)).is_empty());
    let mut sim = Sim::new();
    sim.run(Action::from(StageKey::StartPause), at(0));
    assert_eq!(sim.run(Action::Quit, at(1)), Vec::new());
    assert_eq!(sim.app.overlay, Some(Overlay::ConfirmQuit));
    sim.run(Action::Close, at(2));
    assert_eq!(sim.app.overlay, None);
    assert!(!sim.app.leaving);
    sim.run(Action::Quit, at(3));
    assert!(sim.run(Action::ConfirmQuit, at(4)).is_empty());
    assert!(sim.app.leaving);
}

#[test]
fn tab_cycles_screens_both_ways_and_help_opens() {
    let mut sim = Sim::new();
    let mut seen = vec![sim.app.screen];
    for _ in 0..Screen::ALL.len() {
        sim.run(Action::NextScreen, at(0));
        seen.push(sim.app.screen);
    }
    assert_eq!(seen.first(), seen.last());
    assert_eq!(seen[1], Screen::Schedule);
    sim.run(Action::PrevScreen, at(0));
    assert_eq!(sim.app.screen, *Screen::ALL.last().unwrap());
    sim.run(Action::Help, at(0));
    assert_eq!(sim.app.overlay, Some(Overlay::Help));
}

#[test]
fn projector_mode_toggles() {
    let mut sim = Sim::new();
    sim.run(Action::ToggleProjector, at(0));
    assert!(sim.app.projector);
    sim.run(Action::ToggleProjector, at(0));
    assert!(!sim.app.projector);
}

#[test]
fn schedule_moves_withdraws_and_breaks_are_operations() {
    let mut sim = Sim::new();
    sim.app.screen = Screen::Schedule;
    sim.run(Action::from(ScheduleKey::Down), at(0)); // T2
    sim.run(Action::from(ScheduleKey::MoveUp), at(0));
    let order = |s: &Session| -> Vec<String> {
        s.schedule
            .iter()
            .map(|slot| match slot {
                Slot::Team { team } => team.to_string(),
                Slot::Break { id, minutes, .. } => format!("{id}:{minutes}"),
            })
            .collect()
    };
    assert_eq!(order(&sim.disk)[..3], ["T2", "T1", "T3"]);
    assert_eq!(sim.app.schedule.row, 0);
    sim.run(Action::from(ScheduleKey::ToggleWithdrawn), at(0));
    assert_eq!(
        sim.disk.team(&"T2".into()).unwrap().status,
        TeamStatus::Withdrawn
    );
    // A withdrawn team is never called.
    sim.run(Action::from(StageKey::StartPause), at(0));
    assert_eq!(sim.disk.stage.team.as_deref(), Some("T1"));
    sim.run(Action::from(ScheduleKey::ToggleWithdrawn), at(0));
    assert_eq!(
        sim.disk.team(&"T2".into()).unwrap().status,
        TeamStatus::Scheduled
    );
    // After T1, on stage, before T3.
    sim.app.schedule.row = 1;
    sim.run(Action::from(ScheduleKey::InsertBreak), at(0));
    assert_eq!(order(&sim.disk)[2], "B2:10");
    assert_eq!(sim.app.schedule.row, 2);
    sim.run(Action::from(ScheduleKey::LongerBreak), at(0));
    assert_eq!(order(&sim.disk)[2], "B2:15");
    sim.run(Action::from(ScheduleKey::ShorterBreak), at(0));
    sim.run(Action::from(ScheduleKey::ShorterBreak), at(0));
    sim.run(Action::from(ScheduleKey::ShorterBreak), at(0));
    assert_eq!(order(&sim.disk)[2], "B2:5");
    sim.run(Action::from(ScheduleKey::RemoveBreak), at(0));
    assert_eq!(order(&sim.disk)[2], "T3");
    // Undo brings the break back.
    sim.run(Action::Undo, at(0));
    assert_eq!(order(&sim.disk)[2], "B2:5");
}

#[test]
fn questions_queue_done_and_remove() {
    let mut sim = Sim::new();
    sim.app.screen = Screen::Questions;
    sim.run(Action::from(QuestionsKey::Ask("J1".into())), at(0));
    let status = sim.app.said().unwrap();
    assert!(status.text.contains("Aucune équipe"), "{}", status.text);
    sim.run(Action::from(StageKey::StartPause), at(0)); // T1 pitches
    // Raised hands during the pitch wait.
    sim.run(Action::from(QuestionsKey::Ask("J2".into())), at(100));
    sim.run(Action::from(QuestionsKey::Ask("J4".into())), at(101));
    sim.run(Action::from(QuestionsKey::Ask("J2".into())), at(102));
    assert_eq!(sim.disk.queue.len(), 2);
    assert_eq!(sim.disk.queue[0].since, None);
    // Questions start: J2 speaks.
    sim.run(Action::from(StageKey::NextPhase), at(180));
    assert_eq!(sim.disk.queue[0].since, Some(at(180)));
    sim.run(Action::from(QuestionsKey::Ask("J5".into())), at(190));
    sim.run(Action::from(QuestionsKey::QuestionDone), at(215));
    assert_eq!(sim.disk.questions.len(), 1);
    assert_eq!(sim.disk.questions[0].juror, "J2");
    assert_eq!(sim.disk.questions[0].start, at(180));
    assert_eq!(sim.disk.questions[0].end, at(215));
    assert_eq!(sim.disk.queue[0].juror, "J4");
    assert_eq!(sim.disk.queue[0].since, Some(at(215)));
    sim.run(Action::from(QuestionsKey::Down), at(216));
    sim.run(Action::from(QuestionsKey::RemoveSpeaker), at(216)); // J5 changed their mind
    assert_eq!(sim.disk.queue.len(), 1);
    // End of the questions: J4's question is logged, the queue emptied.
    sim.run(Action::from(StageKey::NextPhase), at(240));
    assert!(sim.disk.queue.is_empty());
    assert_eq!(sim.disk.questions.len(), 2);
    assert_eq!(sim.disk.questions[1].juror, "J4");
    assert_eq!(sim.disk.questions[1].end, at(240));
    // Undo puts the queue back and unlogs J4's question in one go.
    sim.run(Action::Undo, at(241));
    assert_eq!(sim.disk.queue.len(), 1);
    assert_eq!(sim.disk.questions.len(), 1);
    assert_eq!(sim.disk.stage.phase, Phase::Questions);
}

#[test]
fn busy_and_failed_saves_become_status_lines() {
    let mut app = fixture::app();
    let effects = update(&mut app, Action::from(StageKey::StartPause), at(0));
    assert_eq!(effects.len(), 1);
    update(&mut app, Action::Busy, at(0));
    assert!(app.said().as_ref().unwrap().text.contains("autre terminal"));
    assert_eq!(app.pending.len(), 1, "still being saved");
    update(
        &mut app,
        Action::Settled(SaveOutcome::Failed(SaveFailure::disk_full("s.json"))),
        at(1),
    );
    assert!(app.pending.is_empty());
    let status = app.said().unwrap();
    assert!(status.error && status.text.contains("plus de place sur le disque"));
    assert!(!app.session.stage.is_running());
    assert!(app.undo.is_empty());
    let effects = update(&mut app, Action::from(StageKey::StartPause), at(2));
    assert_eq!(effects.len(), 1);
    let refusal = Refusal::UnknownTeam("T1".into());
    update(
        &mut app,
        Action::Settled(SaveOutcome::Refused {
            refusal,
            fresh: None,
        }),
        at(2),
    );
    assert!(app.said().unwrap().text.starts_with("Refusé"));
}

#[test]
fn the_other_terminals_work_is_shown_when_newer() {
    let mut app = fixture::app();
    let mut newer = (*app.session).clone();
    newer.revision = 5;
    newer.stage = newer
        .stage
        .toggled(
            Some(&crate::domain::stage::Upcoming::Team("T3".into())),
            at(0),
        )
        .unwrap();
    update(&mut app, Action::Reloaded(Box::new(newer.clone())), at(1));
    assert_eq!(*app.session, newer);
    let mut older = newer.clone();
    older.revision = 4;
    older.stage = Stage::default();
    update(&mut app, Action::Reloaded(Box::new(older)), at(2));
    assert_eq!(*app.session, newer);
}

#[test]
fn next_visible_change_covers_timer_and_speaker() {
    let mut sim = Sim::new();
    assert_eq!(sim.app.next_visible_change(at(0)), None);
    sim.run(Action::from(StageKey::StartPause), at(0));
    assert_eq!(sim.app.next_visible_change(at_ms(300)), Some(at(1)));
    sim.run(Action::from(StageKey::StartPause), at_ms(300)); // paused
    assert_eq!(sim.app.next_visible_change(at(5)), None);
    sim.app.screen = Screen::Schedule;
    assert_eq!(sim.app.next_visible_change(at(5)), Some(at(60)));
}

#[test]
fn the_team_on_stage_cannot_be_withdrawn_and_teams_gone_keep_their_place() {
    let mut sim = Sim::new();
    // T1 pitches, answers, is scored; T2 is called.
    sim.run(Action::from(StageKey::StartPause), at(0));
    for t in [180, 300, 360] {
        sim.run(Action::from(StageKey::NextPhase), at(t));
    }
    assert_eq!(sim.disk.stage.team.as_deref(), Some("T2"));
    sim.app.screen = Screen::Schedule;
    let revision = sim.disk.revision;
    // Withdrawing the called team is refused, saying what to do.
    sim.app.schedule.row = 1;
    sim.run(Action::from(ScheduleKey::ToggleWithdrawn), at(400));
    assert_eq!(
        sim.disk.team(&"T2".into()).unwrap().status,
        TeamStatus::Scheduled
    );
    let status = sim.app.said().expect("said");
    assert!(status.error);
    assert!(status.text.contains("T2 est sur scène"), "{}", status.text);
    assert!(
        status.text.contains("équipe suivante (n)"),
        "{}",
        status.text
    );
    // The done team does not move below the called one...
    sim.app.schedule.row = 0;
    sim.run(Action::from(ScheduleKey::MoveDown), at(400));
    assert!(said(&sim).contains("T1 est déjà passée"));
    // ...nor does a waiting team move above the one on stage.
    sim.app.schedule.row = 2;
    sim.run(Action::from(ScheduleKey::MoveUp), at(400));
    assert!(said(&sim).contains("T2 est sur scène"));
    assert_eq!(sim.app.schedule.row, 2);
    assert_eq!(sim.disk.revision, revision, "nothing saved");
    // Teams still to come move as before.
    sim.run(Action::from(ScheduleKey::MoveDown), at(400));
    assert_eq!(sim.disk.schedule[3], Slot::Team { team: "T3".into() });
    // Once the stage moved on, T2 (now gone) can be withdrawn.
    sim.app.schedule.row = 1;
    sim.run(Action::from(StageKey::NextPhase), at(410)); // T2 pitch
    sim.run(Action::from(StageKey::NextPhase), at(420));
    sim.run(Action::from(StageKey::NextPhase), at(430));
    sim.run(Action::from(StageKey::NextPhase), at(440));
    assert_ne!(sim.disk.stage.team.as_deref(), Some("T2"));
    sim.run(Action::from(ScheduleKey::ToggleWithdrawn), at(450));
    assert_eq!(
        sim.disk.team(&"T2".into()).unwrap().status,
        TeamStatus::Withdrawn
    );
}

#[test]
fn a_session_replaced_on_disk_is_never_adopted_and_the_warning_stays() {
    let mut app = fixture::app();
    let before = (*app.session).clone();
    let mut other = before.clone();
    other.id = "another".into();
    other.revision = before.revision + 10;
    update(&mut app, Action::Reloaded(Box::new(other)), at(1));
    assert_eq!(
        *app.session, before,
        "the other session is not shown as ours"
    );
    let banner = banner_of(&app);
    assert!(banner.contains("remplacée"), "{banner}");
    // A key that normally clears the status does not hide it.
    update(&mut app, Action::NextScreen, at(2));
    assert!(banner_of(&app).contains("quittez"));
    // Where the store kept the previous copy is added.
    let replacement = crate::app::Replacement {
        backup: Some("/x/backup-1".into()),
    };
    update(&mut app, Action::Replaced(replacement), at(3));
    assert!(banner_of(&app).contains("backup-1"));
}

/// The replaced-session banner as shown, if any.
fn banner_of(app: &App) -> String {
    match &app.mode {
        Mode::Replaced(r) => {
            crate::words::notice::replaced(r.as_ref().and_then(|r| r.backup.as_deref()), app.lang)
        }
        Mode::Live | Mode::Display => String::new(),
    }
}

#[test]
fn the_stage_display_follows_a_replaced_session() {
    let mut app = fixture::app();
    app.mode = Mode::Display;
    let mut other = (*app.session).clone();
    other.id = "another".into();
    other.revision = 1;
    update(&mut app, Action::Reloaded(Box::new(other.clone())), at(1));
    assert_eq!(*app.session, other);
    assert_eq!(app.mode, Mode::Display);
}

#[test]
fn a_called_team_withdrawn_by_the_other_terminal_never_pitches() {
    let mut sim = Sim::new();
    sim.run(Action::from(StageKey::NextPhase), at(0)); // T1 called
    assert_eq!(sim.disk.stage.team.as_deref(), Some("T1"));
    // The other terminal (or an older version) withdrew it meanwhile.
    sim.disk.teams[0].status = TeamStatus::Withdrawn;
    sim.disk.revision += 1;
    sim.run(Action::Reloaded(Box::new(sim.disk.clone())), at(1));
    sim.run(Action::from(StageKey::StartPause), at(2));
    let stage = &sim.disk.stage;
    assert_eq!(stage.team.as_deref(), Some("T2"), "the next team is called");
    assert_eq!(stage.phase, Phase::Waiting);
    assert!(!stage.is_running());
    assert_eq!(
        sim.app.said().as_ref().map(|s| s.text.as_str()),
        Some("T1 est retirée : T2 est appelée à sa place.")
    );
}
