//! A small session for tests: 3 organisations, 4 teams, 5 jurors,
//! 3 criteria (impact ×2 on 0–5, feasibility 0–5 step 0.5, team 0–5),
//! so a sheet total ranges over 0–20 and a quarter of it is 5.

use super::decimal::Dec;
use super::session::{
    Criterion, Event, Juror, Organisation, Session, Settings, Sheet, SheetKey, Slot, Team,
    TeamStatus,
};

pub fn d(text: &str) -> Dec {
    Dec::parse(text).expect("test decimal")
}

/// A scheduled team with no summary and no members.
pub fn team(id: &str, name: &str, project: &str, org: &str) -> Team {
    Team {
        id: id.into(),
        name: name.into(),
        project: project.into(),
        summary: String::new(),
        org: org.into(),
        members: Vec::new(),
        status: TeamStatus::Scheduled,
    }
}

pub fn session() -> Session {
    let mut s = Session::new(
        "fixture",
        Event {
            title: "Forum test".into(),
            place: "Amiens".into(),
            date: None,
        },
        Settings::default(),
    );
    s.revision = 1;
    for (id, name) in [("nord", "Nord"), ("oise", "Oise"), ("somme", "Somme")] {
        s.organisations.push(Organisation {
            id: id.into(),
            name: name.into(),
        });
    }
    for (id, name, project, org) in [
        ("T01", "Cantine verte", "Menus locaux", "somme"),
        ("T02", "Guichet unique", "Un seul numéro", "nord"),
        ("T03", "Chantiers ouverts", "Suivi en ligne", "oise"),
        ("T04", "PMI mobile", "Bus de santé", "somme"),
    ] {
        s.teams.push(team(id, name, project, org));
        s.schedule.push(Slot::Team { team: id.into() });
    }
    for (id, name, org) in [
        ("J1", "Anne Leroy", "somme"),
        ("J2", "Bruno Caron", "nord"),
        ("J3", "Chloé Dumas", "oise"),
        ("J4", "David Morel", "nord"),
        ("J5", "Emma Petit", "oise"),
    ] {
        s.jurors.push(Juror {
            id: id.into(),
            name: name.into(),
            role: String::new(),
            org: org.into(),
        });
    }
    for (id, label, weight, step) in [
        ("impact", "Impact", "2", "1"),
        ("faisabilite", "Faisabilité", "1", "0.5"),
        ("equipe", "Équipe", "1", "1"),
    ] {
        s.criteria.push(Criterion {
            id: id.into(),
            label: label.into(),
            weight: d(weight),
            min: Dec::ZERO,
            max: Dec::int(5),
            step: d(step),
        });
    }
    s
}

/// Put a full or partial sheet straight into the session.
pub fn put(s: &mut Session, team: &str, juror: &str, values: &[(&str, &str)]) {
    let sheet = s
        .sheets
        .entry(SheetKey::new(team.into(), juror.into()))
        .or_default();
    for (c, v) in values {
        sheet.values.insert((*c).into(), d(v));
    }
}

/// A complete sheet (impact, feasibility, team).
pub fn put3(s: &mut Session, team: &str, juror: &str, a: &str, b: &str, c: &str) {
    put(
        s,
        team,
        juror,
        &[("impact", a), ("faisabilite", b), ("equipe", c)],
    );
}

pub fn mark(s: &mut Session, team: &str, juror: &str, mark: super::session::Mark) {
    s.sheets.insert(
        SheetKey::new(team.into(), juror.into()),
        Sheet {
            mark: Some(mark),
            ..Sheet::default()
        },
    );
}

/// The change that marks `juror` absent for `team`, on a sheet left empty.
pub fn absent(team: &str, juror: &str) -> super::operation::Change {
    super::operation::Change::SetSheet {
        team: team.into(),
        juror: juror.into(),
        edit: super::operation::Edit::new(
            Sheet::default(),
            Sheet {
                mark: Some(super::session::Mark::Absent),
                ..Sheet::default()
            },
        ),
    }
}
