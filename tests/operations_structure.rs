//! Event, settings, organisations, teams, jurors, criteria and schedule
//! operations: every check, and every inverse.

mod common;

use common::ops::*;

use chrono::NaiveTime;
use common::*;
use podium::domain::setup::{Field, Value};
use podium::domain::{
    BatchLabel, Change, Criterion, Edit, Event, Juror, Method, Organisation, Refusal, Session,
    Settings, Slot, Team, TeamStatus, apply,
};

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
            edit: Edit::new(s.event.clone(), event.clone()),
        },
    );
    // Edited field by field: a field the author changed must still hold
    // what the author saw, else both values are given.
    let later = Event {
        title: "Forum 2028".into(),
        ..event.clone()
    };
    assert!(matches!(
        refused(
            &s,
            Change::SetEvent {
                edit: Edit::new(event.clone(), later),
            }
        ),
        Refusal::StaleField {
            field: Field::Title,
            ..
        }
    ));
    // Already as the author wants it: nothing happens twice.
    let mut same = s.clone();
    apply(
        &mut same,
        &Change::SetEvent {
            edit: Edit::new(event.clone(), s.event.clone()),
        },
    )
    .expect("nothing to do");
    assert_eq!(same, s);
    let settings = |f: &dyn Fn(&mut Settings)| {
        let mut new = s.settings.clone();
        f(&mut new);
        Change::SetSettings {
            edit: Edit::new(Box::new(s.settings.clone()), Box::new(new)),
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
            edit: Edit::new(Box::new(started.settings.clone()), Box::new(new)),
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
            edit: Edit::new(Box::new(started.settings.clone()), Box::new(new.clone())),
        },
    );
    let mut six = new.clone();
    six.laureates = 6;
    let stale = Change::SetSettings {
        edit: Edit::new(Box::new(new), Box::new(six)),
    };
    assert!(matches!(
        refused(&started, stale),
        Refusal::StaleField {
            field: Field::Laureates,
            seen: Value::Count(5),
            current: Value::Count(8),
            ..
        }
    ));
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
            position: None,
            id: "oise".into(),
            edit: Edit::new(None, Some(org("oise"))),
        },
    );
    let mut renamed = org("oise");
    renamed.name = "Oise (60)".into();
    round_trip(
        &added,
        Change::SetOrganisation {
            position: None,
            id: "oise".into(),
            edit: Edit::new(Some(org("oise")), Some(renamed)),
        },
    );
    round_trip(
        &added,
        Change::SetOrganisation {
            position: None,
            id: "oise".into(),
            edit: Edit::new(Some(org("oise")), None),
        },
    );
    assert!(matches!(
        refused(
            &s,
            Change::SetOrganisation {
                position: None,
                id: "oise".into(),
                edit: Edit::new(Some(org("oise")), None),
            }
        ),
        Refusal::Stale { .. }
    ));
    // An organisation in use cannot go.
    let somme = s.organisation(&"somme".into()).unwrap().clone();
    assert!(matches!(
        refused(
            &s,
            Change::SetOrganisation {
                position: None,
                id: "somme".into(),
                edit: Edit::new(Some(somme), None),
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
        edit: Edit::new(s.schedule.clone(), new),
    }
}

#[test]
fn teams() {
    let s = base();
    let mut slots = s.schedule.clone();
    slots.push(Slot::Team { team: "T4".into() });
    let add = Change::Batch {
        label: BatchLabel::Other("add T4".into()),
        changes: vec![
            Change::SetTeam {
                position: None,
                id: "T4".into(),
                edit: Edit::new(None, Some(Box::new(team("T4", "nord")))),
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
                position: None,
                id: "T4".into(),
                edit: Edit::new(None, Some(Box::new(team("T4", "nord")))),
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
                label: BatchLabel::Other("add".into()),
                changes: vec![
                    Change::SetTeam {
                        position: None,
                        id: "T4".into(),
                        edit: Edit::new(None, Some(Box::new(team("T4", "aisne")))),
                    },
                    schedule(&s, slots),
                ],
            }
        ),
        Refusal::Inconsistent(_)
    ));
    // Edit (a corrected name) and a stale edit.
    let t4 = added.team(&"T4".into()).unwrap().clone();
    let mut renamed = t4.clone();
    renamed.name = "Les Cantines".into();
    round_trip(
        &added,
        Change::SetTeam {
            position: None,
            id: "T4".into(),
            edit: Edit::new(Some(Box::new(t4.clone())), Some(Box::new(renamed.clone()))),
        },
    );
    assert!(matches!(
        refused(
            &added,
            Change::SetTeam {
                position: None,
                id: "T4".into(),
                edit: Edit::new(Some(Box::new(renamed)), None),
            }
        ),
        Refusal::Stale { .. }
    ));
    // Removing the last team of the list, with its slot, and undoing it.
    let remove = Change::Batch {
        label: BatchLabel::Other("remove T4".into()),
        changes: vec![
            schedule(&added, s.schedule.clone()),
            Change::SetTeam {
                position: None,
                id: "T4".into(),
                edit: Edit::new(Some(Box::new(t4)), None),
            },
        ],
    };
    round_trip(&added, remove);
    // A team with scores cannot be removed.
    let started = scored(&s);
    let t1 = started.team(&"T1".into()).unwrap().clone();
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
                label: BatchLabel::Other("remove T1".into()),
                changes: vec![
                    schedule(&started, slots),
                    Change::SetTeam {
                        position: None,
                        id: "T1".into(),
                        edit: Edit::new(Some(Box::new(t1)), None),
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
        edit: Edit::new(TeamStatus::Scheduled, TeamStatus::Withdrawn),
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
                edit: Edit::new(TeamStatus::Scheduled, TeamStatus::Withdrawn),
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
            position: None,
            id: "J3".into(),
            edit: Edit::new(None, Some(juror("J3", "nord"))),
        },
    );
    // A substitution: same id, another person.
    let mut substitute = juror("J3", "nord");
    substitute.name = "Suppléante".into();
    round_trip(
        &added,
        Change::SetJuror {
            position: None,
            id: "J3".into(),
            edit: Edit::new(Some(juror("J3", "nord")), Some(substitute)),
        },
    );
    round_trip(
        &added,
        Change::SetJuror {
            position: None,
            id: "J3".into(),
            edit: Edit::new(Some(juror("J3", "nord")), None),
        },
    );
    assert!(matches!(
        refused(
            &s,
            Change::SetJuror {
                position: None,
                id: "J3".into(),
                edit: Edit::new(None, Some(juror("J3", "aisne"))),
            }
        ),
        Refusal::Inconsistent(_)
    ));
    assert!(matches!(
        refused(
            &added,
            Change::SetJuror {
                position: None,
                id: "J3".into(),
                edit: Edit::new(None, Some(juror("J3", "nord"))),
            }
        ),
        Refusal::Stale { .. }
    ));
    // A juror with scores cannot be removed.
    let started = scored(&s);
    let j1 = started.juror(&"J1".into()).unwrap().clone();
    assert!(matches!(
        refused(
            &started,
            Change::SetJuror {
                position: None,
                id: "J1".into(),
                edit: Edit::new(Some(j1), None),
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
            position: None,
            id: "c3".into(),
            edit: Edit::new(None, Some(criterion("c3", "5"))),
        },
    );
    round_trip(
        &added,
        Change::SetCriterion {
            position: None,
            id: "c3".into(),
            edit: Edit::new(Some(criterion("c3", "5")), Some(criterion("c3", "6"))),
        },
    );
    round_trip(
        &added,
        Change::SetCriterion {
            position: None,
            id: "c3".into(),
            edit: Edit::new(Some(criterion("c3", "5")), None),
        },
    );
    assert!(matches!(
        refused(
            &s,
            Change::SetCriterion {
                position: None,
                id: "c3".into(),
                edit: Edit::new(None, Some(criterion("c3", "0"))),
            }
        ),
        Refusal::Inconsistent(_)
    ));
    assert!(matches!(
        refused(
            &added,
            Change::SetCriterion {
                position: None,
                id: "c3".into(),
                edit: Edit::new(None, Some(criterion("c3", "5"))),
            }
        ),
        Refusal::Stale { .. }
    ));
    // Locked once scoring has started.
    assert!(matches!(
        refused(
            &scored(&s),
            Change::SetCriterion {
                position: None,
                id: "c3".into(),
                edit: Edit::new(None, Some(criterion("c3", "5"))),
            }
        ),
        Refusal::ScoringStarted { .. }
    ));
    // A criterion used by the tie-break cannot go.
    let mut tie = s.clone();
    tie.settings.tie_break = vec!["c2".into()];
    let c2 = tie.criterion(&"c2".into()).unwrap().clone();
    assert!(matches!(
        refused(
            &tie,
            Change::SetCriterion {
                position: None,
                id: "c2".into(),
                edit: Edit::new(Some(c2), None),
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

#[test]
fn undoing_a_removal_puts_the_item_back_in_place() {
    let s = base();
    let first = s.criteria[0].clone();
    let order = |s: &Session| s.criteria.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    let removed = round_trip(
        &s,
        Change::SetCriterion {
            position: Some(0),
            id: first.id.clone(),
            edit: Edit::new(Some(first.clone()), None),
        },
    );
    assert_eq!(order(&removed).len(), s.criteria.len() - 1);
    // round_trip checked apply-then-inverse gives `s` back, order included;
    // say it plainly too.
    let mut back = removed.clone();
    let undo = Change::SetCriterion {
        position: Some(0),
        id: first.id.clone(),
        edit: Edit::new(Some(first.clone()), None),
    }
    .inverse()
    .expect("invertible");
    podium::domain::apply(&mut back, &undo).expect("undo applies");
    assert_eq!(order(&back), order(&s));
}
