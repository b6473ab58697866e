//! A scored forum for the results screen's tests: the app fixture's six
//! teams and five jurors, 3 laureates, at least 4 sheets per team.
//!
//! Sheet totals (impact + feasibility, 0–10): T1 9.00; T2, T3 and T4 all
//! 7.60 (a tie over places 2–4, straddling the cut-off at 3); T5 6.00 with
//! J5's sheet missing; T6 with J1's sheet partial and J2's handwritten
//! total wrong, so 3 sheets count: too few.

#![cfg(test)]

use crate::domain::{Dec, Session, SheetKey};

use super::fixture;

const SHEETS: [(&str, [(u8, u8); 5]); 6] = [
    ("T1", [(5, 4), (4, 4), (5, 5), (4, 5), (5, 4)]),
    ("T2", [(4, 4), (4, 3), (4, 4), (3, 4), (4, 4)]),
    ("T3", [(3, 4), (4, 4), (4, 3), (4, 4), (4, 4)]),
    ("T4", [(4, 4), (4, 4), (3, 4), (4, 3), (4, 4)]),
    ("T5", [(3, 3), (3, 4), (2, 3), (3, 3), (0, 0)]),
    ("T6", [(2, 0), (3, 3), (2, 3), (3, 2), (2, 2)]),
];

pub fn forum() -> Session {
    let mut s = fixture::session();
    s.settings.laureates = 3;
    s.settings.min_sheets = 4;
    for (team, sheets) in SHEETS {
        for (j, (impact, feasibility)) in sheets.iter().enumerate() {
            let juror = format!("J{}", j + 1);
            if team == "T5" && juror == "J5" {
                continue;
            }
            let sheet = s
                .sheets
                .entry(SheetKey::new(team.into(), juror.as_str().into()))
                .or_default();
            sheet
                .values
                .insert("impact".into(), Dec::int(i64::from(*impact)));
            if team == "T6" && juror == "J1" {
                continue;
            }
            sheet
                .values
                .insert("faisabilite".into(), Dec::int(i64::from(*feasibility)));
            if team == "T6" && juror == "J2" {
                sheet.handwritten = Some(Dec::int(5));
            }
        }
    }
    s
}

/// A forum of `n` teams (T01…), every sheet in, 8 laureates: for scrolling.
pub fn large(n: usize) -> Session {
    let mut s = fixture::session();
    s.teams.truncate(1);
    let template = s.teams[0].clone();
    s.teams.clear();
    s.schedule.clear();
    for i in 0..n {
        let id = crate::domain::TeamId::new(format!("T{:02}", i + 1));
        s.teams.push(crate::domain::Team {
            id: id.clone(),
            name: format!("Équipe {}", i + 1),
            ..template.clone()
        });
        s.schedule
            .push(crate::domain::Slot::Team { team: id.clone() });
        for j in 0..5 {
            let sheet = s
                .sheets
                .entry(SheetKey::new(id.clone(), format!("J{}", j + 1).into()))
                .or_default();
            let v = |k: usize| Dec::int(((i * k + j) % 6) as i64);
            sheet.values.insert("impact".into(), v(7));
            sheet.values.insert("faisabilite".into(), v(3));
        }
    }
    s
}

/// The forum with every expected sheet in (T5's missing one typed, T6's
/// completed and its paper total cleared): T1 first, then T2, T3 and T4
/// tied over places 2–4 across the cut-off at 3, waiting for the jury.
pub fn complete() -> Session {
    let mut s = forum();
    let key = |t: &str, j: &str| SheetKey::new(t.into(), j.into());
    let t5 = s.sheets.entry(key("T5", "J5")).or_default();
    t5.values.insert("impact".into(), Dec::int(3));
    t5.values.insert("faisabilite".into(), Dec::int(3));
    let t6 = s.sheets.entry(key("T6", "J1")).or_default();
    t6.values.insert("faisabilite".into(), Dec::int(1));
    s.sheets.entry(key("T6", "J2")).or_default().handwritten = None;
    s
}

/// [`complete`] with the jury's order on the tie (T3, T2, T4): final,
/// the laureates T1, T3, T2.
pub fn decided() -> Session {
    let mut s = complete();
    s.decisions.push(crate::domain::Decision {
        kind: crate::domain::DecisionKind::Order,
        teams: vec!["T3".into(), "T2".into(), "T4".into()],
        by: "La présidente".into(),
        reason: "vote".into(),
        at: super::fixture::at(0),
    });
    s
}

/// [`forum`] with the jury's decision of `kind` on its tie, in the order
/// T3, T2, T4, taken at `at(1)` (the sheets still as typed: not final).
pub fn forum_decided(kind: crate::domain::DecisionKind) -> Session {
    let mut s = forum();
    s.decisions.push(crate::domain::Decision {
        kind,
        teams: vec!["T3".into(), "T2".into(), "T4".into()],
        by: "Présidente".into(),
        reason: "vote".into(),
        at: super::fixture::at(1),
    });
    s
}
