//! The schedule's figures on a small day: three teams of 6 minutes
//! (3:00 pitch, 2:00 questions, 1:00 changeover) from 9:00, Paris winter time.

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeDelta, TimeZone};

use super::*;
use crate::domain::session::{Event, Organisation, Settings, Team};
use crate::domain::stage::{BreakRun, Upcoming};

fn paris() -> FixedOffset {
    FixedOffset::east_opt(3600).unwrap()
}

/// 9:00 local on the event's day, plus some seconds.
fn at(secs: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 8, 0, 0).unwrap() + TimeDelta::seconds(secs)
}

fn day() -> Session {
    let settings = Settings {
        start_time: NaiveTime::from_hms_opt(9, 0, 0),
        ..Settings::default()
    };
    let event = Event {
        title: "Forum".into(),
        place: String::new(),
        date: NaiveDate::from_ymd_opt(2026, 3, 12),
    };
    let mut s = Session::new("s1", event, settings);
    s.organisations.push(Organisation {
        id: "somme".into(),
        name: "Somme".into(),
    });
    for id in ["T1", "T2", "T3"] {
        s.teams.push(Team {
            id: id.into(),
            name: format!("Team {id}"),
            project: String::new(),
            summary: String::new(),
            org: "somme".into(),
            members: Vec::new(),
            status: TeamStatus::Scheduled,
        });
        s.schedule.push(Slot::Team { team: id.into() });
    }
    s
}

fn step(s: &mut Session, now: DateTime<Utc>) {
    let next = upcoming(s);
    s.stage = s
        .stage
        .advanced(&s.settings, next.as_ref(), now)
        .expect("a next phase");
}

#[test]
fn before_the_start_everything_is_planned_from_the_start_time() {
    let s = day();
    let p = plan(&s, paris(), at(-1800));
    let starts: Vec<_> = p.rows.iter().map(|r| r.planned_start).collect();
    assert_eq!(starts, [at(0), at(360), at(720)]);
    assert_eq!(p.planned_end, at(1080));
    assert_eq!(p.projected_end, at(1080));
    assert_eq!(p.delay_ms, 0);
    assert_eq!(p.give_up_secs, 0);
    assert_eq!(p.remaining_teams, 3);
    assert!(p.rows.iter().all(|r| r.status == SlotStatus::Waiting));
}

#[test]
fn a_late_start_is_a_delay_shared_by_the_remaining_slots() {
    let s = day();
    // Nobody on stage 100 s after the planned start.
    let p = plan(&s, paris(), at(100));
    assert_eq!(p.projected_end, at(1180));
    assert_eq!(p.delay_ms, 100_000);
    assert_eq!(p.give_up_secs, 34); // ceil(100 / 3)
}

#[test]
fn overtime_on_stage_pushes_the_projected_end() {
    let mut s = day();
    s.stage = s.stage.toggled(upcoming(&s).as_ref(), at(60)).unwrap(); // T1 pitches at 9:01
    let p = plan(&s, paris(), at(60 + 200)); // 20 s over its 3:00
    let t1 = &p.rows[0];
    assert_eq!(t1.status, SlotStatus::Pitching);
    assert_eq!(t1.actual_start, Some(at(60)));
    assert_eq!(t1.used_ms, Some(200_000));
    assert_eq!(t1.overtime_ms, 20_000);
    // Left: questions 2:00 + changeover 1:00 + two slots of 6:00.
    assert_eq!(p.projected_end, at(260 + 180 + 720));
    assert_eq!(p.delay_ms, 80_000);
    assert_eq!(p.remaining_teams, 2);
    assert_eq!(p.give_up_secs, 40);
}

#[test]
fn finished_teams_show_time_used_and_the_next_team_is_called() {
    let mut s = day();
    step(&mut s, at(0)); // T1 called
    assert_eq!(plan(&s, paris(), at(0)).rows[0].status, SlotStatus::Called);
    step(&mut s, at(0)); // pitch
    step(&mut s, at(190)); // questions (10 s over)
    step(&mut s, at(300)); // scoring (questions 1:50)
    step(&mut s, at(360)); // T2 called
    let p = plan(&s, paris(), at(370));
    let t1 = &p.rows[0];
    assert_eq!(t1.status, SlotStatus::Done);
    // Pitch and questions; the scoring minute is the jury's.
    assert_eq!(t1.used_ms, Some(300_000));
    // 10 s over in the pitch, 10 s saved in the questions: on time.
    assert_eq!(t1.overtime_ms, 0);
    assert_eq!(p.rows[1].status, SlotStatus::Called);
    assert_eq!(p.rows[2].status, SlotStatus::Waiting);
    assert_eq!(p.projected_end, at(370 + 720));
    assert_eq!(p.remaining_teams, 2);
    assert_eq!(next_team(&s).as_deref(), Some("T3"));
}

#[test]
fn withdrawn_teams_take_no_time_and_are_never_called() {
    let mut s = day();
    s.teams[1].status = TeamStatus::Withdrawn;
    s.schedule.insert(
        2,
        Slot::Break {
            id: "B1".into(),
            label: "Pause".into(),
            minutes: 10,
        },
    );
    let p = plan(&s, paris(), at(-10));
    let starts: Vec<_> = p.rows.iter().map(|r| r.planned_start).collect();
    assert_eq!(starts, [at(0), at(360), at(360), at(960)]);
    assert_eq!(p.rows[1].status, SlotStatus::Withdrawn);
    assert_eq!(p.rows[2].status, SlotStatus::Break);
    assert_eq!(p.planned_end, at(1320));
    assert_eq!(p.remaining_teams, 2);
    step(&mut s, at(0));
    assert_eq!(s.stage.team.as_deref(), Some("T1"));
    assert_eq!(next_team(&s).as_deref(), Some("T3"));
}

/// Three teams through pitch, questions and scoring, six minutes each.
fn three_teams(s: &mut Session) {
    for i in 0..3 {
        let base = i * 360;
        step(s, at(base));
        step(s, at(base));
        step(s, at(base + 180));
        step(s, at(base + 300));
    }
}

#[test]
fn after_the_last_team_the_day_is_over() {
    let mut s = day();
    three_teams(&mut s);
    step(&mut s, at(1080));
    assert_eq!(s.stage.team, None);
    assert_eq!(next_team(&s), None);
    let p = plan(&s, paris(), at(2000));
    assert!(p.rows.iter().all(|r| r.status == SlotStatus::Done));
    assert_eq!(p.projected_end, at(1080));
    assert_eq!(p.delay_ms, 0);
    assert_eq!(p.remaining_teams, 0);
}

#[test]
fn without_a_start_time_the_plan_starts_at_the_first_pitch() {
    let mut s = day();
    s.settings.start_time = None;
    assert_eq!(planned_first_start(&s, paris(), at(42)), at(42));
    s.stage = s.stage.toggled(upcoming(&s).as_ref(), at(50)).unwrap();
    assert_eq!(planned_first_start(&s, paris(), at(99)), at(50));
}

#[test]
fn a_session_run_on_another_day_is_planned_on_the_day_it_runs() {
    let mut s = day();
    // Before anything starts, the plan is on the event's date.
    assert_eq!(
        planned_first_start(&s, paris(), at(0) + TimeDelta::days(3)),
        at(0)
    );
    // A rehearsal three days later, first pitch at 9:05 local: the plan is
    // 9:00 that day, five minutes late, not three days.
    let rehearsal = at(300) + TimeDelta::days(3);
    s.stage = s.stage.toggled(upcoming(&s).as_ref(), rehearsal).unwrap();
    assert_eq!(
        planned_first_start(&s, paris(), rehearsal + TimeDelta::seconds(10)),
        at(0) + TimeDelta::days(3)
    );
    let p = plan(&s, paris(), rehearsal + TimeDelta::seconds(10));
    assert_eq!(p.delay_ms, 300_000);
}

#[test]
fn a_delay_longer_than_a_slot_each_cannot_be_caught_up() {
    let s = day();
    // 100 s late over three 6-minute slots: 34 s each, possible.
    assert!(plan(&s, paris(), at(100)).can_catch_up);
    // Eight hours late: 9 600 s each is more than a slot; the end slips.
    let p = plan(&s, paris(), at(8 * 3600));
    assert_eq!(p.delay_ms, 8 * 3600 * 1000);
    assert!(p.give_up_secs > 360);
    assert!(!p.can_catch_up);
    // Exactly a slot each is still (barely) possible.
    let p = plan(&s, paris(), at(3 * 360));
    assert_eq!(p.give_up_secs, 360);
    assert!(p.can_catch_up);
}

#[test]
fn withdrawing_a_team_does_not_make_the_delay_jump() {
    let mut s = day();
    step(&mut s, at(0)); // T1 called
    step(&mut s, at(30)); // pitch
    step(&mut s, at(230)); // questions
    step(&mut s, at(350)); // scoring
    step(&mut s, at(410)); // T2 called
    let now = at(420);
    let before = plan(&s, paris(), now).delay_ms;
    // T1 withdrawn after its pitch: the time it used stays in the plan.
    s.teams[0].status = TeamStatus::Withdrawn;
    let p = plan(&s, paris(), now);
    assert_eq!(p.delay_ms, before);
    assert_eq!(p.rows[0].status, SlotStatus::Withdrawn);
    assert_eq!(
        p.rows[0].used_ms,
        Some(320_000),
        "pitch 200 s + questions 120 s"
    );
    // T3, still to come, withdrawn: its slot goes from both ends alike.
    s.teams[2].status = TeamStatus::Withdrawn;
    let p = plan(&s, paris(), now);
    assert_eq!(p.delay_ms, before);
    assert_eq!(p.planned_end, at(720));
}

#[test]
fn time_used_is_pitch_and_questions_without_pauses() {
    let mut s = day();
    step(&mut s, at(0)); // T1 called
    step(&mut s, at(0)); // pitch from 9:00
    // Paused 60 s in the middle: 100 s, pause, 90 s more = 3:10, +0:10.
    s.stage = s.stage.toggled(None, at(100)).unwrap();
    s.stage = s.stage.toggled(None, at(160)).unwrap();
    assert_eq!(s.stage.countdown(&s.settings, at(250)).text(), "+0:10");
    step(&mut s, at(250)); // questions
    let p = plan(&s, paris(), at(280));
    let t1 = &p.rows[0];
    assert_eq!(t1.status, SlotStatus::Questions);
    assert_eq!(t1.used_ms, Some(190_000 + 30_000));
    assert_eq!(t1.overtime_ms, 10_000);
}

#[test]
fn overtime_is_time_used_beyond_the_adjusted_plan_pauses_excluded() {
    let mut s = day();
    let settings = s.settings.clone();
    step(&mut s, at(0)); // T1 called
    // +10 s twice while called: a 3:20 pitch.
    s.stage = s.stage.adjusted(&settings, 10_000).unwrap();
    s.stage = s.stage.adjusted(&settings, 10_000).unwrap();
    step(&mut s, at(0)); // pitch from 9:00
    // 100 s, a 60 s pause, 110 s more: 3:30 used, 10 s over its 3:20.
    s.stage = s.stage.toggled(None, at(100)).unwrap();
    s.stage = s.stage.toggled(None, at(160)).unwrap();
    let p = plan(&s, paris(), at(270));
    assert_eq!(p.rows[0].used_ms, Some(210_000));
    assert_eq!(p.rows[0].overtime_ms, 10_000);
    step(&mut s, at(270)); // questions, cut by 10 s: 1:50
    s.stage = s.stage.adjusted(&settings, -10_000).unwrap();
    let pitch = &s.stage.log[0];
    assert_eq!((pitch.used_ms, pitch.planned_ms), (210_000, 200_000));
    // 50 s into the questions: still the pitch's 10 s over, no more.
    let p = plan(&s, paris(), at(320));
    assert_eq!(p.rows[0].used_ms, Some(260_000));
    assert_eq!(p.rows[0].overtime_ms, 10_000);
    // Questions end after 1:40 of their 1:50: 5:10 used of 5:10 planned.
    step(&mut s, at(370));
    let questions = &s.stage.log[1];
    assert_eq!(questions.phase, Phase::Questions);
    assert_eq!(
        (questions.used_ms, questions.planned_ms),
        (100_000, 110_000)
    );
    let p = plan(&s, paris(), at(380));
    assert_eq!(p.rows[0].used_ms, Some(310_000));
    assert_eq!(p.rows[0].overtime_ms, 0);
}

/// The small day with a ten-minute break between T1 and T2.
fn day_with_break() -> Session {
    let mut s = day();
    s.schedule.insert(
        1,
        Slot::Break {
            id: "B1".into(),
            label: "Pause".into(),
            minutes: 10,
        },
    );
    s
}

/// T1 called at 9:00, pitch, questions and scoring on time (6 minutes).
fn first_team_on_time(s: &mut Session) {
    step(s, at(0)); // T1 called
    step(s, at(0)); // pitch
    step(s, at(180)); // questions
    step(s, at(300)); // scoring
}

#[test]
fn n_after_the_team_before_a_break_starts_the_break() {
    let mut s = day_with_break();
    first_team_on_time(&mut s);
    assert_eq!(
        upcoming(&s),
        Some(Upcoming::Break(BreakRun {
            id: "B1".into(),
            minutes: 10
        }))
    );
    step(&mut s, at(360)); // the break, not T2
    assert_eq!(s.stage.phase, Phase::Break);
    assert_eq!(s.stage.team, None);
    assert_eq!(
        running_break(&s).map(|(r, l)| (r.id.as_str(), l)),
        Some(("B1", "Pause"))
    );
    assert_eq!(s.stage.countdown(&s.settings, at(361)).text(), "9:59");
    assert_eq!(s.stage.ends_at(&s.settings, at(400)), at(960));
    // The team after the break is next, not one left behind earlier.
    assert_eq!(next_team(&s).as_deref(), Some("T2"));
    let p = plan(&s, paris(), at(400));
    assert_eq!(p.rows[1].status, SlotStatus::OnBreak);
    assert_eq!(p.rows[1].used_ms, Some(40_000));
    assert_eq!(p.delay_ms, 0, "a break on time is no delay");
    assert_eq!(p.projected_end, at(1680));
    // n ends it: T2 is called, the break is taken.
    step(&mut s, at(960));
    assert_eq!(s.stage.phase, Phase::Waiting);
    assert_eq!(s.stage.team.as_deref(), Some("T2"));
    assert!(s.stage.took_break("B1"));
    assert_eq!(upcoming(&s), Some(Upcoming::Team("T3".into())));
}

#[test]
fn after_a_break_the_delay_is_true_and_no_advance_appears() {
    let mut s = day_with_break();
    first_team_on_time(&mut s);
    step(&mut s, at(360)); // break from 9:06
    step(&mut s, at(960)); // T2 called at 9:16, as planned
    let p = plan(&s, paris(), at(960));
    assert_eq!(p.rows[1].status, SlotStatus::BreakTaken);
    assert_eq!(p.rows[1].actual_start, Some(at(360)));
    assert_eq!(p.rows[1].used_ms, Some(600_000));
    assert_eq!(p.rows[1].overtime_ms, 0);
    assert_eq!(p.planned_end, at(1680));
    assert_eq!(p.projected_end, at(1680));
    assert_eq!(p.delay_ms, 0, "no fake advance after the break");
    assert_eq!(p.remaining_teams, 2);
}

#[test]
fn a_break_cut_short_is_a_real_advance_and_one_run_over_a_delay() {
    let mut short = day_with_break();
    first_team_on_time(&mut short);
    step(&mut short, at(360));
    step(&mut short, at(360 + 420)); // ended 3 minutes early
    assert_eq!(plan(&short, paris(), at(780)).delay_ms, -180_000);

    let mut long = day_with_break();
    first_team_on_time(&mut long);
    step(&mut long, at(360));
    // Two minutes past its end, still running: the delay grows with it.
    let p = plan(&long, paris(), at(360 + 720));
    assert_eq!(p.rows[1].overtime_ms, 120_000);
    assert_eq!(p.delay_ms, 120_000);
    assert_eq!(p.give_up_secs, 60);
}

#[test]
fn before_the_start_and_during_a_team_breaks_to_come_count_once() {
    let mut s = day_with_break();
    let p = plan(&s, paris(), at(-60));
    assert_eq!(p.planned_end, at(1680));
    assert_eq!(p.projected_end, at(1680));
    s.stage = s.stage.toggled(upcoming(&s).as_ref(), at(0)).unwrap(); // T1 pitches
    let p = plan(&s, paris(), at(100));
    // Pitch left 80 s + 2:00 + 1:00, the break, two slots.
    assert_eq!(p.projected_end, at(100 + 80 + 180 + 600 + 720));
    assert_eq!(p.delay_ms, 0);
}

#[test]
fn a_break_runs_only_before_a_team_still_to_come() {
    let mut s = day();
    s.schedule.push(Slot::Break {
        id: "B9".into(),
        label: "Pause".into(),
        minutes: 15,
    });
    three_teams(&mut s);
    // After the last team's scoring: no break, the day is over.
    assert_eq!(upcoming(&s), None);
    step(&mut s, at(1080));
    assert!(s.stage.is_empty());
    let p = plan(&s, paris(), at(1100));
    assert_eq!(p.projected_end, at(1080));
    assert_eq!(p.rows[3].status, SlotStatus::Break);
}

#[test]
fn a_break_before_a_withdrawn_team_only_is_skipped() {
    let mut s = day_with_break();
    s.teams[1].status = TeamStatus::Withdrawn; // T2, after the break
    s.teams[2].status = TeamStatus::Withdrawn;
    first_team_on_time(&mut s);
    assert_eq!(upcoming(&s), None);
    assert_eq!(plan(&s, paris(), at(330)).projected_end, at(360));
}

#[test]
fn the_demo_starts_at_the_next_quarter_hour() {
    let t = |h, m, s| {
        NaiveDate::from_ymd_opt(2026, 12, 6)
            .unwrap()
            .and_hms_opt(h, m, s)
            .unwrap()
    };
    assert_eq!(next_quarter_hour(t(14, 2, 10)), t(14, 15, 0));
    assert_eq!(next_quarter_hour(t(14, 15, 0)), t(14, 15, 0));
    assert_eq!(next_quarter_hour(t(14, 15, 1)), t(14, 30, 0));
    assert_eq!(next_quarter_hour(t(9, 59, 59)), t(10, 0, 0));
    // Late at night: tomorrow's first minute.
    let midnight = NaiveDate::from_ymd_opt(2026, 12, 7)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    assert_eq!(next_quarter_hour(t(23, 50, 0)), midnight);
    // The session then starts then: date and time, one change.
    let mut s = day();
    let change = starting_at(&s, t(14, 15, 0)).expect("a change");
    crate::domain::apply(&mut s, &change).unwrap();
    assert_eq!(s.event.date, NaiveDate::from_ymd_opt(2026, 12, 6));
    assert_eq!(s.settings.start_time, NaiveTime::from_hms_opt(14, 15, 0));
    assert_eq!(
        starting_at(&s, t(14, 15, 0)),
        None,
        "nothing left to change"
    );
}

#[test]
fn one_overtime_figure_after_a_phase_left_early_and_time_removed() {
    let mut s = day();
    let settings = s.settings.clone();
    step(&mut s, at(0)); // T1 called
    step(&mut s, at(0)); // pitch
    step(&mut s, at(120)); // pitch left 60 s early
    // Questions cut by 10 s (`-`): 1:50, run to 2:08.
    s.stage = s.stage.adjusted(&settings, -10_000).unwrap();
    let now = at(120 + 128);
    assert_eq!(s.stage.countdown(&settings, now).text(), "+0:18");
    // The team used 4:08 of 4:50 planned so far: no overtime, and the
    // schedule's row says the same as the figure the stage shows.
    let time = team_time(&s, &"T1".into(), now);
    assert_eq!(time.used_ms, Some(248_000));
    assert_eq!(time.overtime_ms, 0);
    assert_eq!(plan(&s, paris(), now).rows[0].overtime_ms, time.overtime_ms);
    // Without the early pitch: 3:00 + 2:08 of 4:50 is 18 s over, for both.
    let mut t = day();
    step(&mut t, at(0));
    step(&mut t, at(0));
    step(&mut t, at(180));
    t.stage = t.stage.adjusted(&settings, -10_000).unwrap();
    let now = at(180 + 128);
    assert_eq!(t.stage.countdown(&settings, now).text(), "+0:18");
    assert_eq!(team_time(&t, &"T1".into(), now).overtime_ms, 18_000);
    assert_eq!(plan(&t, paris(), now).rows[0].overtime_ms, 18_000);
}

/// The plan gathers the stage's records by team in one pass: each row's
/// time is the one `team_time` reads from the log for that team alone,
/// whatever the phase the day is in.
#[test]
fn the_plan_reads_each_team_as_team_time_does_at_every_step() {
    let mut s = day();
    let mut now = 0;
    for _ in 0..12 {
        for secs in [now, now + 30, now + 400] {
            let p = plan(&s, paris(), at(secs));
            for row in &p.rows {
                let team = row.team.as_ref().expect("teams only");
                let time = team_time(&s, team, at(secs));
                let got = (row.actual_start, row.used_ms, row.overtime_ms);
                let want = (time.actual_start, time.used_ms, time.overtime_ms);
                assert_eq!(got, want, "{team} at {secs}");
            }
        }
        if upcoming(&s).is_none() {
            break;
        }
        now += 170;
        step(&mut s, at(now));
    }
    assert!(s.stage.log.len() >= 6, "{}", s.stage.log.len());
}
