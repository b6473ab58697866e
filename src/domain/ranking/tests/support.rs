//! Small sessions built by hand (the domain is pure: no storage needed).

use chrono::{TimeZone, Utc};

use crate::domain::decimal::Dec;
use crate::domain::ranking::Ranking;
use crate::domain::session::*;

pub fn dec(text: &str) -> Dec {
    Dec::parse(text).unwrap()
}

/// A session with these teams (scheduled in this order), jurors and
/// criteria (id, weight), everyone from one organisation, 0–100 step 0.1.
pub fn session(teams: &[&str], jurors: &[&str], criteria: &[(&str, &str)]) -> Session {
    let mut s = Session::new("test", Event::default(), Settings::default());
    s.organisations.push(Organisation {
        id: "org".into(),
        name: "Org".into(),
    });
    for id in teams {
        s.teams.push(Team {
            id: (*id).into(),
            name: format!("Team {id}"),
            project: String::new(),
            summary: String::new(),
            org: "org".into(),
            members: Vec::new(),
            status: TeamStatus::Scheduled,
        });
        s.schedule.push(Slot::Team { team: (*id).into() });
    }
    for id in jurors {
        s.jurors.push(Juror {
            id: (*id).into(),
            name: format!("Juror {id}"),
            role: String::new(),
            org: "org".into(),
        });
    }
    for (id, weight) in criteria {
        s.criteria.push(Criterion {
            id: (*id).into(),
            label: id.to_string(),
            weight: dec(weight),
            min: Dec::ZERO,
            max: Dec::int(100),
            step: dec("0.1"),
        });
    }
    s
}

/// One criterion `c` of weight 1: a sheet total is the value.
pub fn simple(teams: &[&str], jurors: &[&str]) -> Session {
    session(teams, jurors, &[("c", "1")])
}

/// Set a sheet's values, in criterion order.
pub fn put(s: &mut Session, team: &str, juror: &str, values: &[&str]) {
    let ids: Vec<CriterionId> = s.criteria.iter().map(|c| c.id.clone()).collect();
    let sheet = s
        .sheets
        .entry(SheetKey::new(team.into(), juror.into()))
        .or_default();
    for (id, v) in ids.iter().zip(values) {
        sheet.values.insert(id.clone(), dec(v));
    }
}

/// Sheets of one criterion: `put1(s, "A", &[("J1", 12), ...])`.
pub fn put1(s: &mut Session, team: &str, scores: &[(&str, i64)]) {
    for (juror, v) in scores {
        put(s, team, juror, &[&v.to_string()]);
    }
}

pub fn mark(s: &mut Session, team: &str, juror: &str, mark: Mark) {
    s.sheets.insert(
        SheetKey::new(team.into(), juror.into()),
        Sheet {
            mark: Some(mark),
            ..Sheet::default()
        },
    );
}

pub fn decide(s: &mut Session, kind: DecisionKind, teams: &[&str]) {
    let at = Utc
        .with_ymd_and_hms(2026, 5, 12, 18, s.decisions.len() as u32, 0)
        .unwrap();
    s.decisions.push(Decision {
        kind,
        teams: teams.iter().map(|t| TeamId::from(*t)).collect(),
        by: "jury".into(),
        reason: "vote".into(),
        at,
    });
}

/// Team ids in row order.
pub fn order(r: &Ranking) -> Vec<&str> {
    r.ranking.iter().map(|row| row.team.as_str()).collect()
}

/// Ranks in row order.
pub fn ranks(r: &Ranking) -> Vec<usize> {
    r.ranking.iter().map(|row| row.rank).collect()
}

pub fn score(r: &Ranking, team: &str) -> Option<f64> {
    r.row(team).unwrap().score.as_ref().map(|f| f.to_f64())
}
