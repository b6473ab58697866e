use chrono::{FixedOffset, NaiveTime, TimeZone, Utc};

use super::*;
use crate::domain::fixture::{put3, session};
use crate::domain::validate::Problem;
use crate::domain::{Dec, Edit, apply, schedule};

/// Apply, check the result, then the inverse, and check it is back.
fn round_trip(s: &Session, change: &Change) -> Session {
    let mut after = s.clone();
    apply(&mut after, change).expect("applies");
    let mut back = after.clone();
    apply(&mut back, &change.inverse().expect("an inverse")).expect("inverse applies");
    assert_eq!(&back, s, "the inverse puts everything back");
    after
}

fn team_field(s: &Session, id: &str, field: Field, value: Value) -> Change {
    set_field(s, &Target::Team(id.into()), field, value).expect("a change")
}

#[test]
fn every_field_edit_applies_and_its_inverse_puts_it_back() {
    let s = session();
    let text = |t: &str| Value::Text(t.into());
    let cases = [
        (Target::Event, Field::Title, text("Forum 2027")),
        (Target::Event, Field::Place, text("Lille")),
        (
            Target::Event,
            Field::Date,
            Value::Date(chrono::NaiveDate::from_ymd_opt(2026, 12, 10)),
        ),
        (Target::Settings, Field::Pitch, Value::Secs(150)),
        (Target::Settings, Field::Qa, Value::Secs(90)),
        (Target::Settings, Field::Changeover, Value::Secs(30)),
        (Target::Settings, Field::Warning, Value::Secs(45)),
        (Target::Settings, Field::Alarm, Value::Secs(15)),
        (Target::Settings, Field::Bell, Value::Flag(false)),
        (
            Target::Settings,
            Field::Start,
            Value::Time(NaiveTime::from_hms_opt(14, 30, 0)),
        ),
        (Target::Settings, Field::Laureates, Value::Count(10)),
        (Target::Settings, Field::MinSheets, Value::Count(2)),
        (
            Target::Settings,
            Field::TieBreak,
            Value::List(vec!["impact".into()]),
        ),
        (
            Target::Settings,
            Field::Method,
            Value::Method(Method::Borda),
        ),
        (Target::Team("T02".into()), Field::TeamName, text("Guichet")),
        (
            Target::Team("T02".into()),
            Field::Project,
            text("Un numéro"),
        ),
        (Target::Team("T02".into()), Field::Summary, text("Court")),
        (
            Target::Team("T02".into()),
            Field::Members,
            Value::List(vec!["Ana".into(), "Léo".into()]),
        ),
        (Target::Team("T02".into()), Field::TeamOrg, text("oise")),
        (
            Target::Juror("J2".into()),
            Field::JurorName,
            text("B. Caron"),
        ),
        (Target::Juror("J2".into()), Field::Role, text("élu")),
        (Target::Juror("J2".into()), Field::JurorOrg, text("somme")),
    ];
    for (target, field, value) in cases {
        let change = set_field(&s, &target, field, value.clone()).expect("a change");
        let after = round_trip(&s, &change);
        let now = match &target {
            Target::Event => after.event.get(field),
            Target::Settings => after.settings.get(field),
            Target::Team(id) => after.team(id).expect("team").get(field),
            Target::Juror(id) => after.juror(id).expect("juror").get(field),
        };
        assert_eq!(now, value, "{field:?}");
    }
    // Setting a field to what it holds is no change.
    assert_eq!(
        set_field(&s, &Target::Event, Field::Place, text("Amiens")),
        None
    );
}

#[test]
fn a_field_changed_meanwhile_is_refused_with_both_values_another_one_merges() {
    let s = session();
    let mine = team_field(
        &s,
        "T01",
        Field::TeamName,
        Value::Text("Cantine bio".into()),
    );
    // The other terminal renamed the same team first.
    let mut other = s.clone();
    let theirs = team_field(&s, "T01", Field::TeamName, Value::Text("La Cantine".into()));
    apply(&mut other, &theirs).expect("theirs");
    let before = other.clone();
    assert_eq!(
        apply(&mut other, &mine),
        Err(Refusal::StaleField {
            item: Some("T01".into()),
            field: Field::TeamName,
            seen: Value::Text("Cantine verte".into()),
            current: Value::Text("La Cantine".into()),
        })
    );
    assert_eq!(other, before, "nothing changed");
    // Another field of the same team changed meanwhile: both kept.
    let mut other = s.clone();
    let project = team_field(&s, "T01", Field::Project, Value::Text("Circuits".into()));
    apply(&mut other, &project).expect("project");
    apply(&mut other, &mine).expect("the name merges");
    let t = other.team(&"T01".into()).expect("T01");
    assert_eq!(
        (t.name.as_str(), t.project.as_str()),
        ("Cantine bio", "Circuits")
    );
    // The same for the settings.
    let pitch = set_field(&s, &Target::Settings, Field::Pitch, Value::Secs(150)).expect("pitch");
    let bell = set_field(&s, &Target::Settings, Field::Bell, Value::Flag(false)).expect("bell");
    let mut other = s.clone();
    apply(&mut other, &bell).expect("bell");
    apply(&mut other, &pitch).expect("pitch merges");
    assert_eq!(
        (other.settings.pitch_secs, other.settings.bell),
        (150, false)
    );
    let slower = set_field(&s, &Target::Settings, Field::Pitch, Value::Secs(240)).expect("240");
    assert!(matches!(
        apply(&mut other, &slower),
        Err(Refusal::StaleField {
            field: Field::Pitch,
            seen: Value::Secs(180),
            current: Value::Secs(150),
            ..
        })
    ));
    // Done twice (the same edit): nothing happens twice, nothing refused.
    apply(&mut other, &pitch).expect("already so");
}

#[test]
fn the_method_and_the_criteria_lock_once_scored() {
    let mut s = session();
    put3(&mut s, "T01", "J2", "3", "4", "2");
    let method = set_field(
        &s,
        &Target::Settings,
        Field::Method,
        Value::Method(Method::Borda),
    );
    assert_eq!(
        apply(&mut s.clone(), &method.expect("a change")),
        Err(Refusal::ScoringStarted {
            what: crate::domain::refusal::Subject::Method
        })
    );
    let criterion = &s.criteria[0];
    let mut heavier = criterion.clone();
    heavier.weight = Dec::int(3);
    let change = Change::SetCriterion {
        id: criterion.id.clone(),
        position: None,
        edit: Edit::new(Some(criterion.clone()), Some(heavier)),
    };
    assert!(matches!(
        apply(&mut s.clone(), &change),
        Err(Refusal::ScoringStarted { .. })
    ));
    // Other settings still change once scored.
    let laureates = set_field(&s, &Target::Settings, Field::Laureates, Value::Count(10));
    round_trip(&s, &laureates.expect("a change"));
}

#[test]
fn settings_that_make_no_sense_are_refused() {
    let s = session();
    let refused = |field, value| {
        let change = set_field(&s, &Target::Settings, field, value).expect("a change");
        match apply(&mut s.clone(), &change) {
            Err(Refusal::Inconsistent(problems)) => problems,
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(
        refused(Field::TieBreak, Value::List(vec!["charisme".into()])),
        vec![Problem::TieBreakUnknownCriterion {
            criterion: "charisme".into()
        }]
    );
    assert_eq!(
        refused(Field::Laureates, Value::Count(0)),
        vec![Problem::LaureatesZero]
    );
    assert_eq!(
        refused(Field::Alarm, Value::Secs(90)),
        vec![Problem::AlarmAfterWarning]
    );
}

#[test]
fn names_with_control_or_direction_characters_are_refused() {
    let s = session();
    for bad in [
        "Cantine\u{1b}[31m",
        "Can\ntine",
        "\u{202e}enitnaC",
        "a\u{2066}b",
    ] {
        let change = team_field(&s, "T01", Field::TeamName, Value::Text(bad.into()));
        assert!(
            matches!(
                apply(&mut s.clone(), &change),
                Err(Refusal::Inconsistent(p)) if matches!(p[..], [Problem::UnsafeText { .. }])
            ),
            "{bad:?}"
        );
    }
    assert!(!crate::domain::validate::is_unsafe_text(
        "Équipe « verte » — 2ᵉ"
    ));
}

fn late(id: &str) -> Team {
    Team {
        id: id.into(),
        name: "Retardataires".into(),
        project: "Bus".into(),
        summary: String::new(),
        org: "oise".into(),
        members: Vec::new(),
        status: TeamStatus::Scheduled,
    }
}

#[test]
fn a_late_team_goes_last_and_moves_the_projected_end_by_one_slot() {
    let mut s = session();
    s.settings.start_time = NaiveTime::from_hms_opt(14, 0, 0);
    let now = Utc.with_ymd_and_hms(2026, 12, 10, 12, 0, 0).unwrap();
    let utc = FixedOffset::east_opt(0).unwrap();
    let before = schedule::plan(&s, utc, now);
    let change = late_team(&s, late("T05"));
    let after = round_trip(&s, &change);
    assert_eq!(
        after.schedule.last(),
        Some(&Slot::Team { team: "T05".into() })
    );
    assert_eq!(after.schedule.len(), s.schedule.len() + 1);
    let plan = schedule::plan(&after, utc, now);
    assert_eq!(
        (plan.projected_end - before.projected_end).num_milliseconds(),
        schedule::team_slot_ms(&s)
    );
    // An id already taken is refused.
    assert!(matches!(
        apply(&mut s.clone(), &late_team(&s, late("T01"))),
        Err(Refusal::Stale { .. } | Refusal::Inconsistent(_))
    ));
}

#[test]
fn a_replaced_juror_is_absent_for_the_teams_to_come_the_newcomer_for_those_passed() {
    let mut s = session();
    let t0 = Utc.with_ymd_and_hms(2026, 12, 10, 9, 0, 0).unwrap();
    // T01 pitched and was scored, T02 is pitching now.
    s.stage.log.push(crate::domain::stage::PhaseRecord {
        team: "T01".into(),
        phase: crate::domain::stage::Phase::Pitch,
        start: t0,
        end: t0,
        used_ms: 0,
        planned_ms: 0,
    });
    s.stage.team = Some("T02".into());
    s.stage.phase_started = Some(t0);
    put3(&mut s, "T01", "J3", "3", "4", "2");
    s.verified.insert("T01".into());
    let newcomer = Juror {
        id: "J6".into(),
        name: "Fanny Roux".into(),
        role: "agent".into(),
        org: "oise".into(),
    };
    let change = replace_juror(&s, &"J3".into(), newcomer).expect("a change");
    let after = round_trip(&s, &change);
    let mark = |team: &str, juror: &str| {
        after
            .sheet(&team.into(), &juror.into())
            .and_then(|x| x.mark)
    };
    // The newcomer: absent for T01 and T02 (passed), scores T03 and T04.
    assert_eq!(mark("T01", "J6"), Some(Mark::Absent));
    assert_eq!(mark("T02", "J6"), Some(Mark::Absent));
    assert_eq!(mark("T03", "J6"), None);
    assert_eq!(mark("T04", "J6"), None);
    // The one who left: keeps T01 (and its values), absent for T03, T04.
    assert_eq!(
        after.value(&"T01".into(), &"J3".into(), &"impact".into()),
        Some(Dec::int(3))
    );
    assert_eq!(mark("T02", "J3"), None);
    assert_eq!(mark("T03", "J3"), Some(Mark::Absent));
    assert_eq!(mark("T04", "J3"), Some(Mark::Absent));
    assert!(after.verified.contains("T01"), "T01 stays verified");
    assert_eq!(
        replace_juror(&s, &"J9".into(), after.jurors[0].clone()),
        None
    );
}

#[test]
fn an_organisation_changed_clears_the_pairs_it_recuses_and_undo_restores_them() {
    let mut s = session();
    s.settings.recuse_same_org = true;
    put3(&mut s, "T02", "J3", "3", "4", "2");
    // T02 moves from nord to oise, J3's organisation: J3 becomes recused.
    let change = team_field(&s, "T02", Field::TeamOrg, Value::Text("oise".into()));
    assert!(matches!(
        &change,
        Change::Batch { label: BatchLabel::Edit { id }, changes } if id == "T02" && changes.len() == 2
    ));
    let after = round_trip(&s, &change);
    assert_eq!(after.sheet(&"T02".into(), &"J3".into()), None);
    assert_eq!(after.team(&"T02".into()).expect("T02").org, "oise");
    // Adding a juror is one change too, undone by removing them.
    let newcomer = Juror {
        id: "J6".into(),
        name: "Fanny Roux".into(),
        role: String::new(),
        org: "nord".into(),
    };
    let after = round_trip(&s, &add_juror(newcomer));
    assert_eq!(after.jurors.len(), 6);
}

#[test]
fn a_text_over_its_limit_is_refused_and_one_already_there_does_not_block_other_changes() {
    use crate::domain::validate::{NAME_MAX, SUMMARY_MAX, Text, introduced, problems};
    let s = session();
    let long = "x".repeat(NAME_MAX + 1);
    let change = team_field(&s, "T01", Field::TeamName, Value::Text(long.clone()));
    let refused = apply(&mut s.clone(), &change);
    assert!(
        matches!(&refused, Err(Refusal::Inconsistent(p)) if p[..] == [Problem::TooLong {
            kind: crate::domain::validate::Kind::Team,
            id: "T01".into(),
            text: Text::Name,
            max: NAME_MAX,
        }]),
        "{refused:?}"
    );
    let at_limit = team_field(
        &s,
        "T01",
        Field::TeamName,
        Value::Text("y".repeat(NAME_MAX)),
    );
    assert!(apply(&mut s.clone(), &at_limit).is_ok());
    let summary = "é".repeat(SUMMARY_MAX);
    let fits = team_field(&s, "T01", Field::Summary, Value::Text(summary.clone()));
    assert!(apply(&mut s.clone(), &fits).is_ok(), "a summary takes 500");
    let over = team_field(
        &s,
        "T01",
        Field::Summary,
        Value::Text(format!("{summary}é")),
    );
    assert!(apply(&mut s.clone(), &over).is_err());
    // A name already too long (an older version, a hand-edited file):
    // `check` reports it, and a change elsewhere is not refused for it.
    let mut old = s.clone();
    old.teams[0].name = long;
    assert_eq!(problems(&old).len(), 1);
    let elsewhere = team_field(&old, "T02", Field::TeamName, Value::Text("Autre".into()));
    assert!(apply(&mut old.clone(), &elsewhere).is_ok());
    assert!(introduced(&old, problems(&old)).is_empty());
    // The words say which item and which text.
    let message = problems(&old)[0].message(crate::domain::Lang::Fr);
    assert_eq!(message, "équipe « T01 » : le nom dépasse 200 caractères");
    let mut event = s.clone();
    event.event.place = "p".repeat(NAME_MAX + 1);
    let message = problems(&event)[0].message(crate::domain::Lang::En);
    assert_eq!(message, "event: the place is over 200 characters");
}
