use chrono::{TimeZone, Utc};

use super::*;
use crate::domain::Operation;
use crate::domain::fixture::session;
use crate::domain::history::{Filter, entries};
use crate::domain::stage::{Clock, Phase, Stage};
use crate::domain::{Edit, Question};

fn op(day: u32, hour: u32, writer: &str, change: Change) -> Operation {
    Operation::new(
        change,
        writer,
        Utc.with_ymd_and_hms(2026, 3, day, hour, 5, 0).unwrap(),
    )
}

#[test]
fn who_is_the_role_of_the_change_and_the_terminal_by_first_write() {
    let s = session();
    let t0 = Utc.with_ymd_and_hms(2026, 3, 12, 9, 0, 0).unwrap();
    let waiting = Stage::default();
    let started = Stage {
        team: Some("T01".into()),
        phase: Phase::Pitch,
        phase_started: Some(t0),
        clock: Clock::started(t0),
        ..Stage::default()
    };
    let ops = [
        op(
            12,
            9,
            "moderator",
            Change::SetStage {
                edit: Edit::new(Box::new(waiting), Box::new(started)),
            },
        ),
        op(
            12,
            9,
            "moderator",
            Change::AddQuestion {
                question: Question {
                    team: "T01".into(),
                    juror: "J2".into(),
                    start: t0,
                    end: t0,
                },
            },
        ),
        op(
            13,
            10,
            "organiser",
            Change::SetEvent {
                edit: Edit::new(s.event.clone(), s.event.clone()),
            },
        ),
    ];
    let listed = entries(&ops, &Filter::default());
    let paris = FixedOffset::east_opt(3600).unwrap();
    assert_eq!(
        lines(&listed, &s, paris, false, Lang::Fr),
        [
            "— 12/03/2026 —",
            "10:05 modération (terminal 1) : chrono : appel de T01",
            "10:05 modération (terminal 1) : question de Bruno Caron à Cantine verte",
            "— 13/03/2026 —",
            "11:05 organisation (terminal 2) : événement modifié",
        ]
    );
    assert_eq!(
        lines(&listed[2..], &s, paris, false, Lang::En),
        ["11:05 organiser (terminal 2): event edited"]
    );
    assert_eq!(
        lines(&[], &s, paris, true, Lang::En),
        ["No change concerns this team or juror."]
    );
}

#[test]
fn sealing_and_unsealing_are_said_with_their_time() {
    let s = session();
    let ops = [
        op(12, 9, "president", Change::Seal),
        op(12, 11, "president", Change::Unseal),
    ];
    let listed = entries(&ops, &Filter::default());
    let paris = FixedOffset::east_opt(3600).unwrap();
    assert_eq!(
        lines(&listed, &s, paris, false, Lang::Fr),
        [
            "10:05 jury (terminal 1) : résultats scellés",
            "12:05 jury (terminal 1) : résultats descellés",
        ]
    );
    assert_eq!(
        lines(&listed, &s, paris, false, Lang::En),
        [
            "10:05 jury (terminal 1): results sealed",
            "12:05 jury (terminal 1): results unsealed",
        ]
    );
}
