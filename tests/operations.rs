//! Every operation's checks, and every inverse: apply then inverse gives
//! the session back.

mod common;

use chrono::NaiveTime;
use common::*;
use podium::domain::stage::{Phase, Stage};
use podium::domain::{
    Change, Criterion, Decision, DecisionKind, Event, Juror, Mark, Method, Organisation,
    PairStatus, Question, Refusal, Session, Settings, Sheet, Slot, Speaker, Team, TeamStatus,
    apply,
};

/// T1, T3 (somme), T2 (nord); J1, J2 (somme); c1 0–10 step 1, c2 0–20 step 0.5.
fn base() -> Session {
    let mut s = session("ops", 3, 2);
    s.revision = 7;
    s
}

/// The change is refused, the session left exactly as it was.
fn refused(s: &Session, change: Change) -> Refusal {
    let mut copy = s.clone();
    let refusal = apply(&mut copy, &change).expect_err("should be refused");
    assert_eq!(&copy, s, "a refused change altered the session");
    refusal
}

/// The change applies and changes the session; its inverse gives the
/// session back; the inverse of the inverse is the change. Returns the
/// session with the change applied.
fn round_trip(s: &Session, change: Change) -> Session {
    let mut after = s.clone();
    apply(&mut after, &change).unwrap_or_else(|r| panic!("{change:?}: {r:?}"));
    assert_ne!(&after, s, "{change:?} changed nothing");
    let inverse = change
        .inverse()
        .expect("every change but the creation has an inverse");
    assert_eq!(inverse.inverse().as_ref(), Some(&change));
    let mut back = after.clone();
    apply(&mut back, &inverse).unwrap_or_else(|r| panic!("inverse of {change:?}: {r:?}"));
    assert_eq!(
        &back, s,
        "the inverse of {change:?} did not give the session back"
    );
    after
}

fn with(s: &Session, changes: &[Change]) -> Session {
    let mut s = s.clone();
    for c in changes {
        apply(&mut s, c).unwrap_or_else(|r| panic!("{c:?}: {r:?}"));
    }
    s
}

fn sheet(mark: Option<Mark>, values: &[(&str, &str)], handwritten: Option<&str>) -> Sheet {
    Sheet {
        mark,
        values: values
            .iter()
            .map(|(c, v)| (c.to_string(), dec(v)))
            .collect(),
        handwritten: handwritten.map(dec),
    }
}

fn set_sheet(team: &str, juror: &str, seen: Sheet, new: Sheet) -> Change {
    Change::SetSheet {
        team: team.into(),
        juror: juror.into(),
        seen,
        new,
    }
}

fn handwritten(seen: Option<&str>, new: Option<&str>) -> Change {
    Change::SetHandwritten {
        team: "T1".into(),
        juror: "J1".into(),
        seen: seen.map(dec),
        new: new.map(dec),
    }
}

fn scored(s: &Session) -> Session {
    with(s, &[set_cell("T1", "J1", "c1", None, Some(dec("5")))])
}

#[test]
fn create_cannot_be_applied_nor_undone() {
    let s = base();
    let create = Change::Create {
        session: Box::new(s.clone()),
    };
    assert_eq!(refused(&s, create.clone()), Refusal::AlreadyCreated);
    assert_eq!(create.inverse(), None);
}

#[test]
fn set_cell_checks() {
    let s = base();
    let set = |t: &str, j: &str, c: &str, v: &str| set_cell(t, j, c, None, Some(dec(v)));
    assert_eq!(
        refused(&s, set("T9", "J1", "c1", "1")),
        Refusal::UnknownTeam("T9".into())
    );
    assert_eq!(
        refused(&s, set("T1", "J9", "c1", "1")),
        Refusal::UnknownJuror("J9".into())
    );
    assert_eq!(
        refused(&s, set("T1", "J1", "c9", "1")),
        Refusal::UnknownCriterion("c9".into())
    );
    assert!(matches!(
        refused(&s, set("T1", "J1", "c1", "11")),
        Refusal::OutOfRange { .. }
    ));
    assert!(matches!(
        refused(&s, set("T1", "J1", "c1", "-1")),
        Refusal::OutOfRange { .. }
    ));
    assert!(matches!(
        refused(&s, set("T1", "J1", "c1", "2.5")),
        Refusal::OffStep { .. }
    ));
    assert!(matches!(
        refused(&s, set("T1", "J1", "c2", "2.25")),
        Refusal::OffStep { .. }
    ));
    // Bounds and steps that are fine.
    for (c, v) in [("c1", "0"), ("c1", "10"), ("c2", "19.5"), ("c2", "20")] {
        round_trip(&s, set("T1", "J1", c, v));
    }
    // Stale: the cell changed since it was seen; both values given.
    let s5 = scored(&s);
    assert_eq!(
        refused(
            &s5,
            set_cell("T1", "J1", "c1", Some(dec("4")), Some(dec("6")))
        ),
        Refusal::StaleCell {
            team: "T1".into(),
            juror: "J1".into(),
            criterion: "c1".into(),
            seen: Some(dec("4")),
            current: Some(dec("5")),
        }
    );
    assert!(matches!(
        refused(&s5, set("T1", "J1", "c1", "6")),
        Refusal::StaleCell { seen: None, .. }
    ));
    // Verified grid, absent, recused, withdrawn, same organisation.
    let verified = with(
        &s,
        &[Change::SetVerified {
            team: "T1".into(),
            seen: false,
            new: true,
        }],
    );
    assert_eq!(
        refused(&verified, set("T1", "J1", "c1", "1")),
        Refusal::Verified { team: "T1".into() }
    );
    let absent = with(
        &s,
        &[set_sheet(
            "T1",
            "J1",
            Sheet::default(),
            sheet(Some(Mark::Absent), &[], None),
        )],
    );
    assert!(matches!(
        refused(&absent, set("T1", "J1", "c1", "1")),
        Refusal::NotScored {
            status: PairStatus::Absent,
            ..
        }
    ));
    let recused = with(
        &s,
        &[set_sheet(
            "T1",
            "J1",
            Sheet::default(),
            sheet(Some(Mark::Recused), &[], None),
        )],
    );
    assert!(matches!(
        refused(&recused, set("T1", "J1", "c1", "1")),
        Refusal::NotScored {
            status: PairStatus::Recused,
            ..
        }
    ));
    let withdrawn = with(
        &s,
        &[Change::SetTeamStatus {
            team: "T1".into(),
            seen: TeamStatus::Scheduled,
            new: TeamStatus::Withdrawn,
        }],
    );
    assert!(matches!(
        refused(&withdrawn, set("T1", "J1", "c1", "1")),
        Refusal::NotScored {
            status: PairStatus::Withdrawn,
            ..
        }
    ));
    let mut same_org = s.clone();
    same_org.settings.recuse_same_org = true;
    assert!(matches!(
        refused(&same_org, set("T1", "J1", "c1", "1")),
        Refusal::NotScored {
            status: PairStatus::AutoRecused,
            ..
        }
    ));
    round_trip(&same_org, set("T2", "J1", "c1", "1"));
}

#[test]
fn set_cell_inverses() {
    let s = base();
    let s5 = round_trip(&s, set_cell("T1", "J1", "c1", None, Some(dec("5"))));
    let s6 = round_trip(
        &s5,
        set_cell("T1", "J1", "c1", Some(dec("5")), Some(dec("6"))),
    );
    round_trip(&s6, set_cell("T1", "J1", "c1", Some(dec("6")), None));
    // Clearing the last value drops the sheet.
    let cleared = with(&s5, &[set_cell("T1", "J1", "c1", Some(dec("5")), None)]);
    assert!(cleared.sheets.is_empty());
}

#[test]
fn handwritten_total() {
    let s = base();
    let with_total = round_trip(&s, handwritten(None, Some("12")));
    round_trip(&with_total, handwritten(Some("12"), Some("13")));
    round_trip(&with_total, handwritten(Some("12"), None));
    assert!(matches!(
        refused(&with_total, handwritten(None, Some("3"))),
        Refusal::Stale { .. }
    ));
    let verified = with(
        &s,
        &[Change::SetVerified {
            team: "T1".into(),
            seen: false,
            new: true,
        }],
    );
    assert!(matches!(
        refused(&verified, handwritten(None, Some("3"))),
        Refusal::Verified { .. }
    ));
    let absent = with(
        &s,
        &[set_sheet(
            "T1",
            "J1",
            Sheet::default(),
            sheet(Some(Mark::Absent), &[], None),
        )],
    );
    assert!(matches!(
        refused(&absent, handwritten(None, Some("3"))),
        Refusal::NotScored { .. }
    ));
}

#[test]
fn set_sheet_marks_and_restores() {
    let s = base();
    let full = sheet(None, &[("c1", "5"), ("c2", "7.5")], Some("8.75"));
    let scored = round_trip(&s, set_sheet("T1", "J1", Sheet::default(), full.clone()));
    // Marking absent clears the values; undo brings them back.
    let absent = round_trip(
        &scored,
        set_sheet(
            "T1",
            "J1",
            full.clone(),
            sheet(Some(Mark::Absent), &[], None),
        ),
    );
    assert_eq!(absent.sheet("T1", "J1").unwrap().values.len(), 0);
    round_trip(
        &absent,
        set_sheet(
            "T1",
            "J1",
            sheet(Some(Mark::Absent), &[], None),
            Sheet::default(),
        ),
    );
    round_trip(
        &s,
        set_sheet(
            "T2",
            "J2",
            Sheet::default(),
            sheet(Some(Mark::Recused), &[], None),
        ),
    );
    // Checks.
    assert_eq!(
        refused(&s, set_sheet("T9", "J1", Sheet::default(), full.clone())),
        Refusal::UnknownTeam("T9".into())
    );
    assert_eq!(
        refused(&s, set_sheet("T1", "J9", Sheet::default(), full.clone())),
        Refusal::UnknownJuror("J9".into())
    );
    assert!(matches!(
        refused(
            &scored,
            set_sheet("T1", "J1", Sheet::default(), full.clone())
        ),
        Refusal::Stale { .. }
    ));
    assert!(matches!(
        refused(
            &s,
            set_sheet(
                "T1",
                "J1",
                Sheet::default(),
                sheet(Some(Mark::Absent), &[("c1", "1")], None)
            )
        ),
        Refusal::NotScored {
            status: PairStatus::Absent,
            ..
        }
    ));
    assert!(matches!(
        refused(
            &s,
            set_sheet(
                "T1",
                "J1",
                Sheet::default(),
                sheet(Some(Mark::Recused), &[("c1", "1")], None)
            )
        ),
        Refusal::NotScored {
            status: PairStatus::Recused,
            ..
        }
    ));
    assert!(matches!(
        refused(
            &s,
            set_sheet(
                "T1",
                "J1",
                Sheet::default(),
                sheet(None, &[("c1", "12")], None)
            )
        ),
        Refusal::OutOfRange { .. }
    ));
    assert_eq!(
        refused(
            &s,
            set_sheet(
                "T1",
                "J1",
                Sheet::default(),
                sheet(None, &[("c7", "1")], None)
            )
        ),
        Refusal::UnknownCriterion("c7".into())
    );
    let mut same_org = s.clone();
    same_org.settings.recuse_same_org = true;
    assert!(matches!(
        refused(
            &same_org,
            set_sheet("T1", "J1", Sheet::default(), full.clone())
        ),
        Refusal::NotScored { .. }
    ));
    let verified = with(
        &s,
        &[Change::SetVerified {
            team: "T1".into(),
            seen: false,
            new: true,
        }],
    );
    assert!(matches!(
        refused(&verified, set_sheet("T1", "J1", Sheet::default(), full)),
        Refusal::Verified { .. }
    ));
}

#[test]
fn verification() {
    let s = base();
    let on = Change::SetVerified {
        team: "T1".into(),
        seen: false,
        new: true,
    };
    let verified = round_trip(&s, on.clone());
    assert!(matches!(refused(&verified, on), Refusal::Stale { .. }));
    assert_eq!(
        refused(
            &s,
            Change::SetVerified {
                team: "T9".into(),
                seen: false,
                new: true
            }
        ),
        Refusal::UnknownTeam("T9".into())
    );
}

#[test]
fn event_and_settings() {
    let s = base();
    let event = Event {
        title: "Forum 2027".into(),
        place: "Amiens".into(),
        date: None,
    };
    round_trip(
        &s,
        Change::SetEvent {
            seen: s.event.clone(),
            new: event.clone(),
        },
    );
    assert!(matches!(
        refused(
            &s,
            Change::SetEvent {
                seen: event.clone(),
                new: s.event.clone()
            }
        ),
        Refusal::Stale { .. }
    ));
    let settings = |f: &dyn Fn(&mut Settings)| {
        let mut new = s.settings.clone();
        f(&mut new);
        Change::SetSettings {
            seen: Box::new(s.settings.clone()),
            new: Box::new(new),
        }
    };
    round_trip(
        &s,
        settings(&|n| n.start_time = NaiveTime::from_hms_opt(9, 30, 0)),
    );
    round_trip(&s, settings(&|n| n.tie_break = vec!["c2".into()]));
    round_trip(&s, settings(&|n| n.method = Method::Borda));
    assert!(matches!(
        refused(&s, settings(&|n| n.tie_break = vec!["c9".into()])),
        Refusal::Inconsistent(_)
    ));
    assert!(matches!(
        refused(&s, settings(&|n| n.laureates = 0)),
        Refusal::Inconsistent(_)
    ));
    // The official method is locked once scoring has started...
    let started = scored(&s);
    let change_method = {
        let mut new = started.settings.clone();
        new.method = Method::Majority;
        Change::SetSettings {
            seen: Box::new(started.settings.clone()),
            new: Box::new(new),
        }
    };
    assert!(matches!(
        refused(&started, change_method),
        Refusal::ScoringStarted { .. }
    ));
    // ...other settings are not.
    let mut new = started.settings.clone();
    new.laureates = 5;
    round_trip(
        &started,
        Change::SetSettings {
            seen: Box::new(started.settings.clone()),
            new: Box::new(new.clone()),
        },
    );
    let stale = Change::SetSettings {
        seen: Box::new(new.clone()),
        new: Box::new(new),
    };
    assert!(matches!(refused(&started, stale), Refusal::Stale { .. }));
}

fn org(id: &str) -> Organisation {
    Organisation {
        id: id.into(),
        name: id.to_uppercase(),
    }
}

#[test]
fn organisations() {
    let s = base();
    let added = round_trip(
        &s,
        Change::SetOrganisation {
            id: "oise".into(),
            seen: None,
            new: Some(org("oise")),
        },
    );
    let mut renamed = org("oise");
    renamed.name = "Oise (60)".into();
    round_trip(
        &added,
        Change::SetOrganisation {
            id: "oise".into(),
            seen: Some(org("oise")),
            new: Some(renamed),
        },
    );
    round_trip(
        &added,
        Change::SetOrganisation {
            id: "oise".into(),
            seen: Some(org("oise")),
            new: None,
        },
    );
    assert!(matches!(
        refused(
            &s,
            Change::SetOrganisation {
                id: "oise".into(),
                seen: Some(org("oise")),
                new: None
            }
        ),
        Refusal::Stale { .. }
    ));
    // An organisation in use cannot go.
    let somme = s.organisation("somme").unwrap().clone();
    assert!(matches!(
        refused(
            &s,
            Change::SetOrganisation {
                id: "somme".into(),
                seen: Some(somme),
                new: None
            }
        ),
        Refusal::Inconsistent(_)
    ));
}

fn team(id: &str, org: &str) -> Team {
    Team {
        id: id.into(),
        name: format!("Team {id}"),
        project: String::new(),
        summary: String::new(),
        org: org.into(),
        members: vec![],
        status: TeamStatus::Scheduled,
    }
}

fn schedule(s: &Session, new: Vec<Slot>) -> Change {
    Change::SetSchedule {
        seen: s.schedule.clone(),
        new,
    }
}

#[test]
fn teams() {
    let s = base();
    let mut slots = s.schedule.clone();
    slots.push(Slot::Team { team: "T4".into() });
    let add = Change::Batch {
        label: "add T4".into(),
        changes: vec![
            Change::SetTeam {
                id: "T4".into(),
                seen: None,
                new: Some(Box::new(team("T4", "nord"))),
            },
            schedule(&s, slots),
        ],
    };
    let added = round_trip(&s, add);
    // A team must be in the schedule, with a known organisation.
    assert!(matches!(
        refused(
            &s,
            Change::SetTeam {
                id: "T4".into(),
                seen: None,
                new: Some(Box::new(team("T4", "nord")))
            }
        ),
        Refusal::Inconsistent(_)
    ));
    let mut slots = s.schedule.clone();
    slots.push(Slot::Team { team: "T4".into() });
    assert!(matches!(
        refused(
            &s,
            Change::Batch {
                label: "add".into(),
                changes: vec![
                    Change::SetTeam {
                        id: "T4".into(),
                        seen: None,
                        new: Some(Box::new(team("T4", "aisne")))
                    },
                    schedule(&s, slots),
                ],
            }
        ),
        Refusal::Inconsistent(_)
    ));
    // Edit (a corrected name) and a stale edit.
    let t4 = added.team("T4").unwrap().clone();
    let mut renamed = t4.clone();
    renamed.name = "Les Cantines".into();
    round_trip(
        &added,
        Change::SetTeam {
            id: "T4".into(),
            seen: Some(Box::new(t4.clone())),
            new: Some(Box::new(renamed.clone())),
        },
    );
    assert!(matches!(
        refused(
            &added,
            Change::SetTeam {
                id: "T4".into(),
                seen: Some(Box::new(renamed)),
                new: None
            }
        ),
        Refusal::Stale { .. }
    ));
    // Removing the last team of the list, with its slot, and undoing it.
    let remove = Change::Batch {
        label: "remove T4".into(),
        changes: vec![
            schedule(&added, s.schedule.clone()),
            Change::SetTeam {
                id: "T4".into(),
                seen: Some(Box::new(t4)),
                new: None,
            },
        ],
    };
    round_trip(&added, remove);
    // A team with scores cannot be removed.
    let started = scored(&s);
    let t1 = started.team("T1").unwrap().clone();
    let slots: Vec<Slot> = started
        .schedule
        .iter()
        .filter(|x| x.team().is_none_or(|t| t != "T1"))
        .cloned()
        .collect();
    assert!(
        refused(
            &started,
            Change::Batch {
                label: "remove T1".into(),
                changes: vec![
                    schedule(&started, slots),
                    Change::SetTeam {
                        id: "T1".into(),
                        seen: Some(Box::new(t1)),
                        new: None
                    },
                ],
            }
        )
        .message(podium::domain::Lang::En)
        .contains("T1")
    );
}

#[test]
fn withdraw_and_restore() {
    let s = base();
    let withdraw = Change::SetTeamStatus {
        team: "T2".into(),
        seen: TeamStatus::Scheduled,
        new: TeamStatus::Withdrawn,
    };
    let withdrawn = round_trip(&s, withdraw.clone());
    assert!(matches!(
        refused(&withdrawn, withdraw),
        Refusal::Stale { .. }
    ));
    assert_eq!(
        refused(
            &s,
            Change::SetTeamStatus {
                team: "T9".into(),
                seen: TeamStatus::Scheduled,
                new: TeamStatus::Withdrawn
            }
        ),
        Refusal::UnknownTeam("T9".into())
    );
}

fn juror(id: &str, org: &str) -> Juror {
    Juror {
        id: id.into(),
        name: format!("Juror {id}"),
        role: "élu".into(),
        org: org.into(),
    }
}

#[test]
fn jurors() {
    let s = base();
    let added = round_trip(
        &s,
        Change::SetJuror {
            id: "J3".into(),
            seen: None,
            new: Some(juror("J3", "nord")),
        },
    );
    // A substitution: same id, another person.
    let mut substitute = juror("J3", "nord");
    substitute.name = "Suppléante".into();
    round_trip(
        &added,
        Change::SetJuror {
            id: "J3".into(),
            seen: Some(juror("J3", "nord")),
            new: Some(substitute),
        },
    );
    round_trip(
        &added,
        Change::SetJuror {
            id: "J3".into(),
            seen: Some(juror("J3", "nord")),
            new: None,
        },
    );
    assert!(matches!(
        refused(
            &s,
            Change::SetJuror {
                id: "J3".into(),
                seen: None,
                new: Some(juror("J3", "aisne"))
            }
        ),
        Refusal::Inconsistent(_)
    ));
    assert!(matches!(
        refused(
            &added,
            Change::SetJuror {
                id: "J3".into(),
                seen: None,
                new: Some(juror("J3", "nord"))
            }
        ),
        Refusal::Stale { .. }
    ));
    // A juror with scores cannot be removed.
    let started = scored(&s);
    let j1 = started.juror("J1").unwrap().clone();
    assert!(matches!(
        refused(
            &started,
            Change::SetJuror {
                id: "J1".into(),
                seen: Some(j1),
                new: None
            }
        ),
        Refusal::Stale { .. }
    ));
}

fn criterion(id: &str, max: &str) -> Criterion {
    Criterion {
        id: id.into(),
        label: id.into(),
        weight: dec("1"),
        min: dec("0"),
        max: dec(max),
        step: dec("1"),
    }
}

#[test]
fn criteria() {
    let s = base();
    let added = round_trip(
        &s,
        Change::SetCriterion {
            id: "c3".into(),
            seen: None,
            new: Some(criterion("c3", "5")),
        },
    );
    round_trip(
        &added,
        Change::SetCriterion {
            id: "c3".into(),
            seen: Some(criterion("c3", "5")),
            new: Some(criterion("c3", "6")),
        },
    );
    round_trip(
        &added,
        Change::SetCriterion {
            id: "c3".into(),
            seen: Some(criterion("c3", "5")),
            new: None,
        },
    );
    assert!(matches!(
        refused(
            &s,
            Change::SetCriterion {
                id: "c3".into(),
                seen: None,
                new: Some(criterion("c3", "0"))
            }
        ),
        Refusal::Inconsistent(_)
    ));
    assert!(matches!(
        refused(
            &added,
            Change::SetCriterion {
                id: "c3".into(),
                seen: None,
                new: Some(criterion("c3", "5"))
            }
        ),
        Refusal::Stale { .. }
    ));
    // Locked once scoring has started.
    assert!(matches!(
        refused(
            &scored(&s),
            Change::SetCriterion {
                id: "c3".into(),
                seen: None,
                new: Some(criterion("c3", "5"))
            }
        ),
        Refusal::ScoringStarted { .. }
    ));
    // A criterion used by the tie-break cannot go.
    let mut tie = s.clone();
    tie.settings.tie_break = vec!["c2".into()];
    let c2 = tie.criterion("c2").unwrap().clone();
    assert!(matches!(
        refused(
            &tie,
            Change::SetCriterion {
                id: "c2".into(),
                seen: Some(c2),
                new: None
            }
        ),
        Refusal::Inconsistent(_)
    ));
}

#[test]
fn schedule_moves_and_breaks() {
    let s = base();
    let mut moved = s.schedule.clone();
    moved.swap(0, 1);
    moved.insert(
        1,
        Slot::Break {
            id: "b1".into(),
            label: "Café".into(),
            minutes: 15,
        },
    );
    let after = round_trip(&s, schedule(&s, moved));
    assert!(matches!(
        refused(&after, schedule(&s, s.schedule.clone())),
        Refusal::Stale { .. }
    ));
    let mut unknown = s.schedule.clone();
    unknown.push(Slot::Team { team: "T9".into() });
    assert!(matches!(
        refused(&s, schedule(&s, unknown)),
        Refusal::Inconsistent(_)
    ));
    let mut twice = s.schedule.clone();
    twice.push(Slot::Team { team: "T1".into() });
    assert!(matches!(
        refused(&s, schedule(&s, twice)),
        Refusal::Inconsistent(_)
    ));
}

fn decision(teams: &[&str]) -> Decision {
    Decision {
        kind: DecisionKind::Order,
        teams: teams.iter().map(|t| t.to_string()).collect(),
        by: "la présidente".into(),
        reason: "voix prépondérante".into(),
        at: at(600),
    }
}

#[test]
fn decisions() {
    let s = base();
    let decided = round_trip(
        &s,
        Change::AddDecision {
            decision: decision(&["T1", "T2"]),
        },
    );
    round_trip(
        &decided,
        Change::RemoveDecision {
            decision: decision(&["T1", "T2"]),
        },
    );
    assert_eq!(
        refused(
            &s,
            Change::AddDecision {
                decision: decision(&["T1", "T9"])
            }
        ),
        Refusal::UnknownTeam("T9".into())
    );
    assert_eq!(
        refused(
            &s,
            Change::RemoveDecision {
                decision: decision(&["T1", "T2"])
            }
        ),
        Refusal::NoSuchDecision
    );
}

#[test]
fn stage() {
    let s = base();
    let pitch = Stage {
        team: Some("T1".into()),
        phase: Phase::Pitch,
        phase_started: Some(at(60)),
        ..Stage::default()
    };
    let on = round_trip(
        &s,
        Change::SetStage {
            seen: Box::new(s.stage.clone()),
            new: Box::new(pitch.clone()),
        },
    );
    let mut paused = pitch.clone();
    paused.clock.spent_ms = 42_000;
    round_trip(
        &on,
        Change::SetStage {
            seen: Box::new(pitch.clone()),
            new: Box::new(paused),
        },
    );
    assert!(matches!(
        refused(
            &on,
            Change::SetStage {
                seen: Box::new(s.stage.clone()),
                new: Box::new(pitch.clone())
            }
        ),
        Refusal::Stale { .. }
    ));
    let mut unknown = pitch;
    unknown.team = Some("T9".into());
    assert_eq!(
        refused(
            &s,
            Change::SetStage {
                seen: Box::new(s.stage.clone()),
                new: Box::new(unknown)
            }
        ),
        Refusal::UnknownTeam("T9".into())
    );
}

#[test]
fn queue_and_questions() {
    let s = base();
    let speaker = |j: &str, t: &str| Speaker {
        juror: j.into(),
        team: t.into(),
        since: None,
    };
    let queued = round_trip(
        &s,
        Change::SetQueue {
            seen: vec![],
            new: vec![speaker("J1", "T1"), speaker("J2", "T1")],
        },
    );
    round_trip(
        &queued,
        Change::SetQueue {
            seen: queued.queue.clone(),
            new: vec![speaker("J2", "T1")],
        },
    );
    assert!(matches!(
        refused(
            &queued,
            Change::SetQueue {
                seen: vec![],
                new: vec![]
            }
        ),
        Refusal::Stale { .. }
    ));
    assert_eq!(
        refused(
            &s,
            Change::SetQueue {
                seen: vec![],
                new: vec![speaker("J9", "T1")]
            }
        ),
        Refusal::UnknownJuror("J9".into())
    );
    assert_eq!(
        refused(
            &s,
            Change::SetQueue {
                seen: vec![],
                new: vec![speaker("J1", "T9")]
            }
        ),
        Refusal::UnknownTeam("T9".into())
    );
    let q = |j: &str, t: &str| Question {
        team: t.into(),
        juror: j.into(),
        start: at(100),
        end: at(160),
    };
    let asked = round_trip(
        &s,
        Change::AddQuestion {
            question: q("J1", "T1"),
        },
    );
    round_trip(
        &asked,
        Change::RemoveQuestion {
            question: q("J1", "T1"),
        },
    );
    assert_eq!(
        refused(
            &s,
            Change::AddQuestion {
                question: q("J9", "T1")
            }
        ),
        Refusal::UnknownJuror("J9".into())
    );
    assert_eq!(
        refused(
            &s,
            Change::AddQuestion {
                question: q("J1", "T9")
            }
        ),
        Refusal::UnknownTeam("T9".into())
    );
    assert_eq!(
        refused(
            &s,
            Change::RemoveQuestion {
                question: q("J1", "T1")
            }
        ),
        Refusal::NoSuchQuestion
    );
}

#[test]
fn a_batch_is_all_or_nothing_and_undone_in_reverse() {
    let s = base();
    let import = Change::Batch {
        label: "import".into(),
        changes: vec![
            set_cell("T1", "J1", "c1", None, Some(dec("5"))),
            set_cell("T1", "J1", "c2", None, Some(dec("7.5"))),
            set_cell("T2", "J2", "c1", None, Some(dec("3"))),
        ],
    };
    round_trip(&s, import);
    // Two changes to the same cell: the inverse must undo them in reverse.
    let twice = Change::Batch {
        label: "twice".into(),
        changes: vec![
            set_cell("T1", "J1", "c1", None, Some(dec("5"))),
            set_cell("T1", "J1", "c1", Some(dec("5")), Some(dec("6"))),
        ],
    };
    round_trip(&s, twice);
    // One bad change refuses the whole batch.
    let bad = Change::Batch {
        label: "import".into(),
        changes: vec![
            set_cell("T1", "J1", "c1", None, Some(dec("5"))),
            set_cell("T1", "J2", "c1", None, Some(dec("50"))),
        ],
    };
    assert!(matches!(refused(&s, bad), Refusal::OutOfRange { .. }));
    // A juror absent for every remaining team.
    let all_absent = Change::Batch {
        label: "J2 absent".into(),
        changes: ["T1", "T2", "T3"]
            .iter()
            .map(|t| {
                set_sheet(
                    t,
                    "J2",
                    Sheet::default(),
                    sheet(Some(Mark::Absent), &[], None),
                )
            })
            .collect(),
    };
    round_trip(&scored(&s), all_absent);
}
