//! Shared test helpers: a small session and operations on it.
#![allow(dead_code)]

pub mod cli;
pub mod ops;
pub mod pty;

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use podium::domain::{
    Change, Criterion, Dec, Edit, Event, Juror, Operation, Organisation, Session, Settings, Slot,
    Team,
};

pub fn at(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_800_000_000 + secs, 0).unwrap()
}

pub fn dec(text: &str) -> Dec {
    text.parse().unwrap()
}

/// Both jurors J1 and J2 give each listed team these values of c1 and c2.
pub fn score_both_jurors(s: &mut Session, scores: &[(&str, &str, &str)]) {
    for (team, c1, c2) in scores {
        for juror in ["J1", "J2"] {
            let sheet = s
                .sheets
                .entry(podium::domain::SheetKey::new((*team).into(), juror.into()))
                .or_default();
            sheet.values.insert("c1".into(), dec(c1));
            sheet.values.insert("c2".into(), dec(c2));
        }
    }
}

/// Four teams scored by two jurors, two laureates: T1 ahead (9, 10), T2
/// and T3 tied over places 2 and 3 (8, 8 each), T4 last (2, 2).
pub fn tied_over_the_cutoff(id: &str) -> Session {
    let mut s = session(id, 4, 2);
    s.settings.laureates = 2;
    score_both_jurors(
        &mut s,
        &[
            ("T1", "9", "10"),
            ("T2", "8", "8"),
            ("T3", "8", "8"),
            ("T4", "2", "2"),
        ],
    );
    s
}

/// Two organisations, `teams` teams, `jurors` jurors, criteria c1 (0–10
/// step 1) and c2 (0–20 step 0.5).
pub fn session(id: &str, teams: usize, jurors: usize) -> Session {
    let mut s = Session::new(
        id,
        Event {
            title: "Test forum".into(),
            ..Event::default()
        },
        Settings::default(),
    );
    s.organisations = vec![
        Organisation {
            id: "somme".into(),
            name: "Somme".into(),
        },
        Organisation {
            id: "nord".into(),
            name: "Nord".into(),
        },
    ];
    s.teams = (1..=teams)
        .map(|i| Team {
            id: format!("T{i}").into(),
            name: format!("Team {i}"),
            project: String::new(),
            summary: String::new(),
            org: if i % 2 == 0 { "nord" } else { "somme" }.into(),
            members: vec![],
            status: Default::default(),
        })
        .collect();
    s.schedule = s
        .teams
        .iter()
        .map(|t| Slot::Team { team: t.id.clone() })
        .collect();
    s.jurors = (1..=jurors)
        .map(|i| Juror {
            id: format!("J{i}").into(),
            name: format!("Juror {i}"),
            role: String::new(),
            org: "somme".into(),
        })
        .collect();
    s.criteria = vec![
        Criterion {
            id: "c1".into(),
            label: "Impact".into(),
            weight: dec("1"),
            min: dec("0"),
            max: dec("10"),
            step: dec("1"),
        },
        Criterion {
            id: "c2".into(),
            label: "Feasibility".into(),
            weight: dec("0.5"),
            min: dec("0"),
            max: dec("20"),
            step: dec("0.5"),
        },
    ];
    s
}

pub fn set_cell(
    team: &str,
    juror: &str,
    criterion: &str,
    seen: Option<Dec>,
    new: Option<Dec>,
) -> Change {
    Change::SetCell {
        team: team.into(),
        juror: juror.into(),
        criterion: criterion.into(),
        edit: Edit::new(seen, new),
    }
}

pub fn op(change: Change) -> Operation {
    Operation::new(change, "tester", at(0))
}

/// A fresh folder and a session file path in it.
pub fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("forum.json");
    (dir, path)
}

pub fn journal(path: &Path) -> PathBuf {
    podium::storage::Files::new(path).journal
}

/// The journal's lines (whole lines only).
pub fn journal_lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(journal(path))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The state file of `path` records where its own journal line lies
/// (`journal_line`), and that is the line at its revision: one whole line,
/// of its session, at its revision, with its `journal_digest`.
pub fn assert_checkpoint_line(path: &Path) {
    let state: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let line = &state["journal_line"];
    let at = |key: &str| line[key].as_u64().expect("journal_line recorded") as usize;
    let (start, end) = (at("start"), at("end"));
    let bytes = std::fs::read(journal(path)).unwrap();
    assert!(
        start < end && end <= bytes.len(),
        "{start}..{end} of {}",
        bytes.len()
    );
    assert!(start == 0 || bytes[start - 1] == b'\n', "{start}");
    assert_eq!(bytes[end - 1], b'\n');
    let own = &bytes[start..end - 1];
    assert!(!own.contains(&b'\n'));
    let parsed: podium::storage::Line = serde_json::from_slice(own).unwrap();
    assert_eq!(Some(parsed.session.as_str()), state["id"].as_str());
    assert_eq!(Some(parsed.rev), state["revision"].as_u64());
    let digest = podium::storage::digest::line_digest(own);
    assert_eq!(Some(digest.as_str()), state["journal_digest"].as_str());
}
