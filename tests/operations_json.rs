//! The journal's JSON of every operation kind stays byte-identical: the
//! lines in `fixtures/operations/every_kind.jsonl` were written by the code
//! before operations were restructured, and must still parse and re-encode
//! to the very same bytes, and the same operations built in code must encode
//! to them.

mod common;

use common::*;
use podium::domain::reveal::{Place, Reveal};
use podium::domain::stage::{Phase, Stage};
use podium::domain::{
    BatchLabel, Change, Decision, DecisionKind, Edit, Entries, Event, Juror, Mark, Message,
    Organisation, Question, Settings, Sheet, Slot, Speaker,
};
use podium::storage::Line;

const FIXTURE: &str = include_str!("fixtures/operations/every_kind.jsonl");

/// The name of a change's kind; no wildcard, so a new kind must be added
/// to [`every_kind`] too.
fn kind(change: &Change) -> &'static str {
    match change {
        Change::Create { .. } => "create",
        Change::SetCell { .. } => "set_cell",
        Change::SetHandwritten { .. } => "set_handwritten",
        Change::SetSheet { .. } => "set_sheet",
        Change::SetVerified { .. } => "set_verified",
        Change::SetEvent { .. } => "set_event",
        Change::SetSettings { .. } => "set_settings",
        Change::SetOrganisation { .. } => "set_organisation",
        Change::SetTeam { .. } => "set_team",
        Change::SetTeamStatus { .. } => "set_team_status",
        Change::SetJuror { .. } => "set_juror",
        Change::SetCriterion { .. } => "set_criterion",
        Change::SetSchedule { .. } => "set_schedule",
        Change::AddDecision { .. } => "add_decision",
        Change::RemoveDecision { .. } => "remove_decision",
        Change::SetStage { .. } => "set_stage",
        Change::SetQueue { .. } => "set_queue",
        Change::AddQuestion { .. } => "add_question",
        Change::RemoveQuestion { .. } => "remove_question",
        Change::SetMessage { .. } => "set_message",
        Change::Batch { .. } => "batch",
        Change::SetSecondCell { .. } => "set_second_cell",
        Change::ResolveCell { .. } => "resolve_cell",
        Change::Seal => "seal",
        Change::Unseal => "unseal",
        Change::SetReveal { .. } => "set_reveal",
        Change::SetRevealed { .. } => "set_revealed",
    }
}

fn every_kind() -> Vec<Change> {
    let s = session("golden", 3, 2);
    let team = s.teams[0].clone();
    let juror = s.jurors[0].clone();
    let criterion = s.criteria[1].clone();
    let org = s.organisations[1].clone();
    let sheet = Sheet {
        mark: None,
        values: [("c1".into(), dec("4")), ("c2".into(), dec("12.5"))].into(),
        handwritten: Some(dec("16.5")),
    };
    let absent = Sheet {
        mark: Some(Mark::Absent),
        ..Sheet::default()
    };
    let decision = Decision {
        kind: DecisionKind::Order,
        teams: vec!["T2".into(), "T1".into()],
        by: "Présidente".into(),
        reason: "vote à main levée".into(),
        at: at(90),
    };
    let question = Question {
        team: "T1".into(),
        juror: "J2".into(),
        start: at(30),
        end: at(75),
    };
    let stage = Stage {
        team: Some("T1".into()),
        phase: Phase::Pitch,
        phase_started: Some(at(10)),
        ..Stage::default()
    };
    let renamed = Organisation {
        name: "Nord (département)".into(),
        ..org.clone()
    };
    vec![
        Change::Create {
            session: Box::new(s.clone()),
        },
        set_cell("T1", "J1", "c2", Some(dec("3")), Some(dec("12.5"))),
        Change::SetHandwritten {
            team: "T1".into(),
            juror: "J2".into(),
            edit: Edit::new(None, Some(dec("16.5"))),
        },
        Change::SetSheet {
            team: "T2".into(),
            juror: "J1".into(),
            edit: Edit::new(sheet.clone(), absent),
        },
        Change::SetVerified {
            team: "T3".into(),
            edit: Edit::new(false, true),
        },
        Change::SetEvent {
            edit: Edit {
                seen: s.event.clone(),
                new: Event {
                    title: "Forum \"2026\"".into(),
                    place: "Amiens".into(),
                    date: chrono::NaiveDate::from_ymd_opt(2026, 12, 6),
                },
            },
        },
        Change::SetSettings {
            edit: Edit {
                seen: Box::new(s.settings.clone()),
                new: Box::new(Settings {
                    pitch_secs: 240,
                    tie_break: vec!["c2".into()],
                    start_time: chrono::NaiveTime::from_hms_opt(9, 30, 0),
                    ..s.settings.clone()
                }),
            },
        },
        Change::SetOrganisation {
            id: org.id.clone(),
            position: None,
            edit: Edit::new(Some(org.clone()), Some(renamed)),
        },
        Change::SetTeam {
            id: team.id.clone(),
            position: Some(0),
            edit: Edit::new(Some(Box::new(team.clone())), None),
        },
        Change::SetTeamStatus {
            team: "T2".into(),
            edit: Edit::new(Default::default(), podium::domain::TeamStatus::Withdrawn),
        },
        Change::SetJuror {
            id: "J3".into(),
            position: None,
            edit: Edit {
                seen: None,
                new: Some(Juror {
                    id: "J3".into(),
                    name: "Zoé Lemaire".into(),
                    role: "Élue".into(),
                    org: "nord".into(),
                }),
            },
        },
        Change::SetCriterion {
            id: criterion.id.clone(),
            position: Some(1),
            edit: Edit::new(Some(criterion.clone()), None),
        },
        Change::SetSchedule {
            edit: Edit {
                seen: s.schedule.clone(),
                new: vec![
                    Slot::Team { team: "T2".into() },
                    Slot::Break {
                        id: "b1".into(),
                        label: "Pause".into(),
                        minutes: 10,
                    },
                    Slot::Team { team: "T1".into() },
                    Slot::Team { team: "T3".into() },
                ],
            },
        },
        Change::AddDecision {
            decision: decision.clone(),
        },
        Change::RemoveDecision { decision },
        Change::SetStage {
            edit: Edit::new(Box::new(Stage::default()), Box::new(stage)),
        },
        Change::SetQueue {
            edit: Edit {
                seen: vec![],
                new: vec![Speaker {
                    juror: juror.id.clone(),
                    team: "T1".into(),
                    since: Some(at(30)),
                }],
            },
        },
        Change::AddQuestion {
            question: question.clone(),
        },
        Change::RemoveQuestion { question },
        Change::Batch {
            label: BatchLabel::Other("absent".into()),
            changes: vec![
                Change::SetSheet {
                    team: "T1".into(),
                    juror: "J2".into(),
                    edit: Edit {
                        seen: Sheet::default(),
                        new: Sheet {
                            mark: Some(Mark::Recused),
                            ..Sheet::default()
                        },
                    },
                },
                set_cell("T3", "J2", "c1", Some(dec("7")), None),
            ],
        },
        Change::SetSecondCell {
            team: "T1".into(),
            juror: "J1".into(),
            criterion: "c2".into(),
            edit: Edit::new(None, Some(dec("12"))),
        },
        Change::ResolveCell {
            team: "T1".into(),
            juror: "J1".into(),
            criterion: "c2".into(),
            edit: Edit::new(
                Entries {
                    first: Some(dec("12.5")),
                    second: Some(dec("12")),
                },
                Entries {
                    first: Some(dec("12")),
                    second: Some(dec("12")),
                },
            ),
        },
        Change::SetMessage {
            edit: Edit::new(
                Some(Message::Conclude),
                Some(Message::Text("Deux « minutes »".into())),
            ),
        },
        Change::Seal,
        Change::Unseal,
        Change::SetReveal {
            edit: Edit::new(
                None,
                Some(Reveal::new(vec![
                    Place {
                        rank: 1,
                        teams: vec!["T2".into()],
                    },
                    Place {
                        rank: 2,
                        teams: vec!["T1".into(), "T3".into()],
                    },
                ])),
            ),
        },
        Change::SetRevealed {
            edit: Edit::new(1, 2),
        },
    ]
}

fn line(rev: u64, change: Change) -> Line {
    Line {
        session: "golden".into(),
        rev,
        prev: None,
        op: op(change),
    }
}

fn encode(line: &Line) -> String {
    serde_json::to_string(line).expect("a journal line serialises")
}

#[test]
fn every_kind_is_in_the_fixture() {
    let kinds: Vec<&str> = every_kind().iter().map(kind).collect();
    let mut unique = kinds.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), kinds.len(), "one change of each kind");
    assert_eq!(kinds.len(), FIXTURE.lines().count());
}

#[test]
fn operations_built_in_code_encode_to_the_fixture_bytes() {
    for ((rev, change), expected) in (1..).zip(every_kind()).zip(FIXTURE.lines()) {
        let name = kind(&change);
        assert_eq!(encode(&line(rev, change)), expected, "{name}");
    }
}

#[test]
fn fixture_lines_round_trip_to_the_same_bytes() {
    for expected in FIXTURE.lines() {
        let parsed: Line = serde_json::from_str(expected).expect("a fixture line parses");
        assert_eq!(encode(&parsed), expected);
    }
}
