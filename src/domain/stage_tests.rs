//! The stage timer against a fake clock: every instant is built by hand.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};

use super::*;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 9, 0, 0).unwrap()
}

/// `t0` plus some milliseconds.
fn at(ms: i64) -> DateTime<Utc> {
    t0() + TimeDelta::milliseconds(ms)
}

fn settings() -> Settings {
    Settings::default() // 3:00 pitch, 2:00 questions, 1:00 changeover, 1:00 / 0:30
}

fn team(id: &str) -> Upcoming {
    Upcoming::Team(id.into())
}

/// T1's pitch started at t0.
fn pitching() -> Stage {
    Stage::default()
        .toggled(Some(&team("T1")), t0())
        .expect("a team to start")
}

#[test]
fn space_with_nobody_on_stage_starts_the_next_teams_pitch() {
    let stage = pitching();
    assert_eq!(stage.team.as_deref(), Some("T1"));
    assert_eq!(stage.phase, Phase::Pitch);
    assert!(stage.is_running());
    assert_eq!(stage.countdown(&settings(), t0()), Countdown::Left(180));
    assert_eq!(Stage::default().toggled(None, t0()), None);
}

#[test]
fn countdown_rounds_up_so_zero_shows_only_when_time_is_up() {
    let s = settings();
    let stage = pitching();
    assert_eq!(stage.countdown(&s, at(1)), Countdown::Left(180));
    assert_eq!(stage.countdown(&s, at(999)), Countdown::Left(180));
    assert_eq!(stage.countdown(&s, at(1000)), Countdown::Left(179));
    assert_eq!(stage.countdown(&s, at(179_999)), Countdown::Left(1));
    assert_eq!(
        stage.countdown(&s, at(179_999) + TimeDelta::nanoseconds(999_999)),
        Countdown::Left(1)
    );
    assert_eq!(stage.countdown(&s, at(180_000)), Countdown::Over(0));
    assert_eq!(stage.countdown(&s, at(180_000)).text(), "0:00");
    assert_eq!(stage.countdown(&s, at(192_400)).text(), "+0:12");
    assert_eq!(stage.countdown(&s, at(0)).text(), "3:00");
}

#[test]
fn thresholds_follow_the_settings() {
    let mut s = settings();
    let stage = pitching();
    assert_eq!(stage.level(&s, at(119_000)), Level::Calm); // 1:01
    assert_eq!(stage.level(&s, at(120_000)), Level::Warning); // 1:00
    assert_eq!(stage.level(&s, at(149_500)), Level::Warning); // 0:31
    assert_eq!(stage.level(&s, at(150_000)), Level::Alarm); // 0:30
    assert_eq!(stage.level(&s, at(179_999)), Level::Alarm); // 0:01
    assert_eq!(stage.level(&s, at(180_000)), Level::Over);
    s.warning_secs = 90;
    s.alarm_secs = 10;
    assert_eq!(stage.level(&s, at(90_000)), Level::Warning); // 1:30
    assert_eq!(stage.level(&s, at(150_000)), Level::Warning); // 0:30
    assert_eq!(stage.level(&s, at(170_000)), Level::Alarm); // 0:10
}

#[test]
fn pause_and_resume_keep_the_time_left() {
    let s = settings();
    let paused = pitching().toggled(None, at(30_000)).unwrap();
    assert!(!paused.is_running());
    assert_eq!(paused.clock.spent_ms, 30_000);
    // Time stands still while paused.
    assert_eq!(paused.countdown(&s, at(500_000)), Countdown::Left(150));
    assert_eq!(paused.next_visible_change(&s, at(500_000)), None);
    let resumed = paused.toggled(None, at(600_000)).unwrap();
    assert!(resumed.is_running());
    assert_eq!(resumed.countdown(&s, at(600_000)), Countdown::Left(150));
    assert_eq!(resumed.countdown(&s, at(610_000)), Countdown::Left(140));
}

#[test]
fn plus_and_minus_ten_seconds() {
    let s = settings();
    let stage = pitching();
    let plus = stage.adjusted(&s, ADJUST_MS).unwrap();
    assert_eq!(plus.countdown(&s, at(0)), Countdown::Left(190));
    let minus = plus
        .adjusted(&s, -ADJUST_MS)
        .unwrap()
        .adjusted(&s, -ADJUST_MS)
        .unwrap();
    assert_eq!(minus.countdown(&s, at(0)), Countdown::Left(170));
    // Minus ten near the end goes into overtime.
    assert_eq!(minus.countdown(&s, at(165_000)), Countdown::Left(5));
    let over = minus.adjusted(&s, -ADJUST_MS).unwrap();
    assert_eq!(over.countdown(&s, at(165_000)), Countdown::Over(5));
    // The phase never gets a negative length.
    let mut floor = stage.clone();
    for _ in 0..30 {
        if let Some(next) = floor.adjusted(&s, -ADJUST_MS) {
            floor = next;
        }
    }
    assert_eq!(floor.planned_ms(&s), 0);
    assert_eq!(floor.adjusted(&s, -ADJUST_MS), None);
    assert_eq!(Stage::default().adjusted(&s, ADJUST_MS), None);
}

#[test]
fn overtime_counts_up_and_flashes_twice_a_second() {
    let s = settings();
    let stage = pitching();
    assert!(stage.flash_on(&s, at(179_000)));
    assert!(stage.flash_on(&s, at(180_000)));
    assert!(stage.flash_on(&s, at(180_499)));
    assert!(!stage.flash_on(&s, at(180_500)));
    assert!(!stage.flash_on(&s, at(180_999)));
    assert!(stage.flash_on(&s, at(181_000)));
    assert_eq!(stage.countdown(&s, at(181_000)), Countdown::Over(1));
    assert!(stage.time_is_up(&s, at(180_000)));
    assert!(!stage.time_is_up(&s, at(179_999)));
    // Paused in overtime: no flashing, nothing to wake up for.
    let paused = stage.toggled(None, at(185_200)).unwrap();
    assert!(paused.flash_on(&s, at(185_700)));
    assert!(!paused.time_is_up(&s, at(185_700)));
}

#[test]
fn next_visible_change_is_exactly_the_next_second_boundary() {
    let s = settings();
    let stage = pitching();
    assert_eq!(stage.next_visible_change(&s, at(0)), Some(at(1000)));
    assert_eq!(stage.next_visible_change(&s, at(1)), Some(at(1000)));
    assert_eq!(stage.next_visible_change(&s, at(999)), Some(at(1000)));
    assert_eq!(stage.next_visible_change(&s, at(1000)), Some(at(2000)));
    let odd = at(4321) + TimeDelta::nanoseconds(17);
    assert_eq!(stage.next_visible_change(&s, odd), Some(at(5000)));
    // Started off a whole second: boundaries follow the start.
    let late = Stage::default()
        .toggled(Some(&team("T1")), at(250))
        .unwrap();
    assert_eq!(late.next_visible_change(&s, at(300)), Some(at(1250)));
    // The displayed value really changes there, and not before.
    let next = late.next_visible_change(&s, at(300)).unwrap();
    let before = late.countdown(&s, next - TimeDelta::nanoseconds(1));
    assert_ne!(before, late.countdown(&s, next));
    assert_eq!(before, late.countdown(&s, at(300)));
    // The last second goes to zero at the deadline.
    assert_eq!(
        stage.next_visible_change(&s, at(179_400)),
        Some(at(180_000))
    );
}

#[test]
fn next_visible_change_in_overtime_is_the_next_flash_edge() {
    let s = settings();
    let stage = pitching();
    assert_eq!(
        stage.next_visible_change(&s, at(180_000)),
        Some(at(180_500))
    );
    assert_eq!(
        stage.next_visible_change(&s, at(180_100)),
        Some(at(180_500))
    );
    assert_eq!(
        stage.next_visible_change(&s, at(180_500)),
        Some(at(181_000))
    );
    assert_eq!(
        stage.next_visible_change(&s, at(180_777)),
        Some(at(181_000))
    );
    assert_eq!(
        stage.next_visible_change(&s, at(245_250)),
        Some(at(245_500))
    );
}

#[test]
fn phases_follow_pitch_questions_scoring_then_next_team() {
    let s = settings();
    let pitch = pitching();
    let questions = pitch.advanced(&s, Some(&team("T2")), at(170_000)).unwrap();
    assert_eq!(questions.phase, Phase::Questions);
    assert_eq!(questions.team.as_deref(), Some("T1"));
    assert!(questions.is_running());
    assert_eq!(questions.countdown(&s, at(170_000)), Countdown::Left(120));
    assert_eq!(questions.log.len(), 1);
    let record = &questions.log[0];
    assert_eq!(
        (record.phase, record.used_ms, record.planned_ms),
        (Phase::Pitch, 170_000, 180_000)
    );
    let scoring = questions
        .advanced(&s, Some(&team("T2")), at(300_000))
        .unwrap();
    assert_eq!(scoring.phase, Phase::Scoring);
    assert_eq!(scoring.countdown(&s, at(300_000)), Countdown::Left(60));
    let next = scoring
        .advanced(&s, Some(&team("T2")), at(350_000))
        .unwrap();
    assert_eq!(next.team.as_deref(), Some("T2"));
    assert_eq!(next.phase, Phase::Waiting);
    assert!(!next.is_running());
    assert_eq!(next.log.len(), 3);
    // The called team shows its full pitch, then Space starts it.
    assert_eq!(next.countdown(&s, at(400_000)), Countdown::Left(180));
    assert_eq!(next.level(&s, at(400_000)), Level::Calm);
    let started = next.toggled(None, at(400_000)).unwrap();
    assert_eq!(started.phase, Phase::Pitch);
    assert!(started.is_running());
    // After the last team, nobody is on stage.
    let end = scoring.advanced(&s, None, at(350_000)).unwrap();
    assert_eq!(end.team, None);
    assert_eq!(end.advanced(&s, None, at(350_000)), None);
}

#[test]
fn restart_gives_the_full_time_and_a_new_phase_run() {
    let s = settings();
    let stage = pitching().adjusted(&s, ADJUST_MS).unwrap();
    let restarted = stage.restarted(at(100_000)).unwrap();
    assert_eq!(restarted.countdown(&s, at(100_000)), Countdown::Left(180));
    assert!(restarted.is_running());
    assert_ne!(restarted.phase_key(), stage.phase_key());
    let paused = stage.toggled(None, at(50_000)).unwrap();
    let restarted = paused.restarted(at(60_000)).unwrap();
    assert!(!restarted.is_running());
    assert_eq!(restarted.countdown(&s, at(90_000)), Countdown::Left(180));
}

#[test]
fn a_reopened_session_resumes_where_the_phase_really_is() {
    let s = settings();
    let stage = pitching().toggled(None, at(20_000)).unwrap(); // paused at 2:40
    let stage = stage.toggled(None, at(30_000)).unwrap(); // resumed
    let saved = serde_json::to_string(&stage).unwrap();
    let reopened: Stage = serde_json::from_str(&saved).unwrap();
    assert_eq!(reopened, stage);
    // 75 s after the resume, 20 + 75 s of the pitch have gone by.
    assert_eq!(reopened.countdown(&s, at(105_000)), Countdown::Left(85));
    assert!(reopened.is_running());
    assert_eq!(
        reopened.next_visible_change(&s, at(105_000)),
        Some(at(106_000))
    );
}

#[test]
fn a_clock_set_back_never_gives_negative_time_spent() {
    let stage = pitching();
    assert_eq!(stage.clock.spent_at(at(-5000)), 0);
}

#[test]
fn clock_text_formats() {
    assert_eq!(clock_text(0), "0:00");
    assert_eq!(clock_text(59), "0:59");
    assert_eq!(clock_text(180), "3:00");
    assert_eq!(clock_text(3723), "1:02:03");
    assert_eq!(clock_text(-75), "-1:15");
    assert_eq!(Countdown::Over(75).text(), "+1:15");
}

#[test]
fn time_adjusted_before_the_pitch_carries_over() {
    let s = settings();
    let called = pitching()
        .advanced(&s, Some(&team("T2")), at(10_000))
        .and_then(|q| q.advanced(&s, Some(&team("T2")), at(20_000)))
        .and_then(|sc| sc.advanced(&s, Some(&team("T2")), at(30_000)))
        .unwrap();
    assert_eq!(called.phase, Phase::Waiting);
    let shorter = called.adjusted(&s, -ADJUST_MS).unwrap();
    assert_eq!(shorter.countdown(&s, at(40_000)), Countdown::Left(170));
    let started = shorter.toggled(None, at(50_000)).unwrap();
    assert_eq!(started.countdown(&s, at(50_000)), Countdown::Left(170));
}

#[test]
fn each_phase_record_carries_its_planned_length_with_adjustments() {
    let s = settings();
    // Called, +10 s, then `n` starts the pitch: the 10 s carry over.
    let called = Stage::default()
        .advanced(&s, Some(&team("T1")), t0())
        .unwrap();
    let called = called.adjusted(&s, ADJUST_MS).unwrap();
    let pitch = called.advanced(&s, Some(&team("T2")), t0()).unwrap();
    assert_eq!(pitch.phase, Phase::Pitch);
    assert_eq!(pitch.countdown(&s, t0()), Countdown::Left(190));
    let questions = pitch.advanced(&s, Some(&team("T2")), at(185_000)).unwrap();
    let questions = questions.adjusted(&s, ADJUST_MS).unwrap();
    let questions = questions.adjusted(&s, ADJUST_MS).unwrap();
    let scoring = questions
        .advanced(&s, Some(&team("T2")), at(300_000))
        .unwrap();
    let done = scoring
        .advanced(&s, Some(&team("T2")), at(360_000))
        .unwrap();
    let records: Vec<_> = done
        .records("T1")
        .map(|r| (r.phase, r.used_ms, r.planned_ms))
        .collect();
    assert_eq!(
        records,
        [
            (Phase::Pitch, 185_000, 190_000),
            (Phase::Questions, 115_000, 140_000),
            (Phase::Scoring, 60_000, 60_000),
        ]
    );
}

fn a_break() -> Upcoming {
    Upcoming::Break(BreakRun {
        id: "B1".into(),
        minutes: 10,
    })
}

#[test]
fn a_break_is_a_phase_with_its_own_length_that_n_ends() {
    let s = settings();
    let scoring = pitching()
        .advanced(&s, Some(&team("T2")), at(180_000))
        .and_then(|q| q.advanced(&s, Some(&team("T2")), at(300_000)))
        .unwrap();
    assert_eq!(scoring.phase, Phase::Scoring);
    let pause = scoring.advanced(&s, Some(&a_break()), at(360_000)).unwrap();
    assert_eq!((pause.phase, pause.team.clone()), (Phase::Break, None));
    assert!(!pause.is_empty() && pause.is_running());
    assert_eq!(pause.planned_ms(&s), 600_000);
    assert_eq!(pause.countdown(&s, at(360_000)).text(), "10:00");
    // Space pauses it, ±1 min and ±10 s adjust it, r restarts it.
    let held = pause.toggled(None, at(420_000)).unwrap();
    assert!(!held.is_running());
    let longer = pause.adjusted(&s, ADJUST_MINUTE_MS).unwrap();
    assert_eq!(longer.planned_ms(&s), 660_000);
    assert_eq!(
        pause.adjusted(&s, -ADJUST_MS).unwrap().planned_ms(&s),
        590_000
    );
    assert!(pause.restarted(at(400_000)).is_some());
    // n ends it (early here): logged, the next team called.
    let after = pause.advanced(&s, Some(&team("T2")), at(900_000)).unwrap();
    assert_eq!(after.phase, Phase::Waiting);
    assert_eq!(after.team.as_deref(), Some("T2"));
    assert_eq!(after.on_break, None);
    let taken = &after.breaks[0];
    assert_eq!((taken.used_ms, taken.planned_ms), (540_000, 600_000));
    assert!(after.took_break("B1"));
    // The scoring before it is logged as usual.
    assert_eq!(after.log.last().unwrap().phase, Phase::Scoring);
}

#[test]
fn a_break_before_the_first_team_starts_with_space() {
    let pause = Stage::default().toggled(Some(&a_break()), t0()).unwrap();
    assert_eq!(pause.phase, Phase::Break);
    assert!(pause.has_begun());
    let called = pause
        .advanced(&settings(), Some(&team("T1")), at(600_000))
        .unwrap();
    assert_eq!(called.team.as_deref(), Some("T1"));
}

#[test]
fn the_audience_never_sees_scoring_or_a_break_flash_or_turn_red() {
    let s = settings();
    let scoring = pitching()
        .advanced(&s, Some(&team("T2")), at(180_000))
        .and_then(|q| q.advanced(&s, Some(&team("T2")), at(300_000)))
        .unwrap();
    // 1:00 of scoring: in overtime 5.7 s later, past half a second.
    let late = at(365_700);
    assert_eq!(scoring.level(&s, late), Level::Over);
    assert!(!scoring.flash_on(&s, late), "the moderator's stage flashes");
    assert_eq!(scoring.audience_level(&s, late), Level::Calm);
    assert!(scoring.audience_flash_on(&s, late));
    let pause = scoring.advanced(&s, Some(&a_break()), at(370_000)).unwrap();
    let late = at(370_000 + 600_000 + 1_700);
    assert_eq!(pause.audience_level(&s, late), Level::Calm);
    assert!(pause.audience_flash_on(&s, late));
    // The speaker's phases do alarm the audience.
    let pitch = pitching();
    assert_eq!(pitch.audience_level(&s, at(160_000)), Level::Alarm);
    assert!(!pitch.audience_flash_on(&s, at(181_700)));
}

#[test]
fn thresholds_default_to_a_third_and_a_sixth_of_a_short_pitch() {
    assert_eq!(default_thresholds(180), (60, 30));
    assert_eq!(default_thresholds(300), (60, 30));
    assert_eq!(default_thresholds(120), (40, 20));
    assert_eq!(default_thresholds(20), (6, 3));
    // A 20-second pitch with its own thresholds is not red from the start.
    let s = Settings {
        pitch_secs: 20,
        warning_secs: 6,
        alarm_secs: 3,
        ..settings()
    };
    let pitch = pitching();
    assert_eq!(pitch.level(&s, at(0)), Level::Calm);
    assert_eq!(pitch.level(&s, at(14_500)), Level::Warning);
    assert_eq!(pitch.level(&s, at(17_500)), Level::Alarm);
    assert_eq!(pitch.level(&s, at(20_000)), Level::Over);
}
