//! Import and export against a small session, including properties:
//! the row order does not matter, and export then import is the identity.

use proptest::prelude::*;

use super::{export, scores};
use crate::domain::Edit;
use crate::domain::{
    Change, Criterion, Dec, Event, Juror, Lang, Mark, Organisation, Session, Settings, Sheet,
    SheetKey, Slot, Team, TeamStatus, apply,
};

fn d(text: &str) -> Dec {
    Dec::parse(text).expect("a number")
}

/// Teams T1 (Somme), T2 (Nord), T3 (Oise); jurors J1 (Somme), J2 (Nord),
/// J3 (Aisne); impact 0–20 step 0.5, transfer 0–5 step 1; same-org recusal.
pub(crate) fn fixture() -> Session {
    let mut s = Session::new(
        "test",
        Event::default(),
        Settings {
            recuse_same_org: true,
            ..Settings::default()
        },
    );
    for org in ["Somme", "Nord", "Oise", "Aisne"] {
        s.organisations.push(Organisation {
            id: org.into(),
            name: org.into(),
        });
    }
    for (id, org) in [("T1", "Somme"), ("T2", "Nord"), ("T3", "Oise")] {
        s.teams.push(Team {
            id: id.into(),
            name: format!("Team {id}"),
            project: String::new(),
            summary: String::new(),
            org: org.into(),
            members: vec![],
            status: TeamStatus::Scheduled,
        });
        s.schedule.push(Slot::Team { team: id.into() });
    }
    for (id, org) in [("J1", "Somme"), ("J2", "Nord"), ("J3", "Aisne")] {
        s.jurors.push(Juror {
            id: id.into(),
            name: format!("Juror {id}"),
            role: String::new(),
            org: org.into(),
        });
    }
    s.criteria.push(Criterion {
        id: "impact".into(),
        label: "Impact".into(),
        weight: Dec::int(1),
        min: Dec::ZERO,
        max: Dec::int(20),
        step: d("0.5"),
    });
    s.criteria.push(Criterion {
        id: "transfer".into(),
        label: "Transférabilité".into(),
        weight: Dec::int(2),
        min: Dec::ZERO,
        max: Dec::int(5),
        step: Dec::int(1),
    });
    s
}

fn import(s: &Session, text: &str) -> Result<Option<Change>, Vec<String>> {
    scores::import(s, "scores.csv", text.as_bytes(), Lang::En, &mut |_| {})
        .map(|(c, _)| c)
        .map_err(|r| r.lines)
}

fn imported(s: &Session, text: &str) -> Session {
    let change = import(s, text).expect("a good file");
    let mut after = s.clone();
    if let Some(change) = change {
        apply(&mut after, &change).expect("the change applies");
    }
    after
}

#[test]
fn values_marks_and_totals() {
    let s = fixture();
    let text = "team;juror;criterion;value\nT1;J2;impact;12,5\nT1;J2;transfer;3\nT1;J2;;18,5\nT2;J1;;absent\nT3;J3;;recused\n";
    let after = imported(&s, text);
    assert_eq!(
        after.value(&"T1".into(), &"J2".into(), &"impact".into()),
        Some(d("12.5"))
    );
    assert_eq!(
        after.value(&"T1".into(), &"J2".into(), &"transfer".into()),
        Some(Dec::int(3))
    );
    assert_eq!(
        after.sheet(&"T1".into(), &"J2".into()).unwrap().handwritten,
        Some(d("18.5"))
    );
    assert_eq!(
        after.sheet(&"T2".into(), &"J1".into()).unwrap().mark,
        Some(Mark::Absent)
    );
    assert_eq!(
        after.sheet(&"T3".into(), &"J3".into()).unwrap().mark,
        Some(Mark::Recused)
    );
}

#[test]
fn replaced_values_are_recorded_and_undone() {
    let mut s = fixture();
    let first = imported(
        &s,
        "team,juror,criterion,value\nT1,J2,impact,10\nT2,J3,impact,4\n",
    );
    s = first.clone();
    let change = import(
        &s,
        "team,juror,criterion,value\nT1,J2,impact,11\nT2,J3,,absent\n",
    )
    .unwrap()
    .unwrap();
    let Change::Batch { changes, .. } = &change else {
        panic!("a batch")
    };
    assert!(changes.contains(&Change::SetCell {
        team: "T1".into(),
        juror: "J2".into(),
        criterion: "impact".into(),
        edit: Edit::new(Some(Dec::int(10)), Some(Dec::int(11))),
    }));
    let mut seen_sheet = Sheet::default();
    seen_sheet.values.insert("impact".into(), Dec::int(4));
    assert!(changes.contains(&Change::SetSheet {
        team: "T2".into(),
        juror: "J3".into(),
        edit: Edit {
            seen: seen_sheet,
            new: Sheet {
                mark: Some(Mark::Absent),
                ..Sheet::default()
            }
        },
    }));
    apply(&mut s, &change).unwrap();
    assert_eq!(
        s.value(&"T1".into(), &"J2".into(), &"impact".into()),
        Some(Dec::int(11))
    );
    apply(&mut s, &change.inverse().unwrap()).unwrap();
    assert_eq!(s, first);
}

#[test]
fn nothing_to_change_gives_no_change() {
    let s = imported(&fixture(), "team,juror,criterion,value\nT1,J2,impact,10\n");
    assert_eq!(
        import(&s, "team,juror,criterion,value\nT1,J2,impact,10.0\n"),
        Ok(None)
    );
}

#[test]
fn every_bad_line_is_reported() {
    let s = fixture();
    let text = "team,juror,criterion,value\n\
        T9,J2,impact,1\n\
        T1,J9,impact,1\n\
        T1,J2,speed,1\n\
        T1,J2,impact,21\n\
        T1,J2,transfer,2.5\n\
        T1,J1,impact,3\n\
        T2,J3,impact,4\n\
        T2,J3,impact,5\n\
        T3,J3,impact,4\n\
        T3,J3,,absent\n\
        T3,J2,impact,abc\n\
        T3,J2,,maybe\n\
        T3,J1,impact,\n";
    let lines = import(&s, text).unwrap_err();
    let expect = [
        ("scores.csv:2: ", "unknown team: T9"),
        ("scores.csv:3: ", "unknown juror: J9"),
        ("scores.csv:4: ", "unknown criterion: speed"),
        ("scores.csv:5: ", "21 out of range for Impact (0 to 20)"),
        (
            "scores.csv:6: ",
            "2.5 is off the step of 1 for Transférabilité",
        ),
        ("scores.csv:7: ", "J1 does not score T1 (recused)"),
        (
            "scores.csv:8: ",
            "T2/J3/impact is given more than once (lines 8 and 9)",
        ),
        (
            "scores.csv:9: ",
            "T2/J3/impact is given more than once (lines 8 and 9)",
        ),
        (
            "scores.csv:10: ",
            "T3/J3: both absent or recused and scored (lines 10 and 11)",
        ),
        (
            "scores.csv:11: ",
            "T3/J3: both absent or recused and scored (lines 10 and 11)",
        ),
        ("scores.csv:12: ", "\"abc\" is not a number"),
        ("scores.csv:13: ", "\"maybe\": expected absent"),
        ("scores.csv:14: ", "value missing"),
    ];
    assert_eq!(lines.len(), expect.len(), "{lines:#?}");
    for (line, (prefix, what)) in lines.iter().zip(expect) {
        assert!(line.starts_with(prefix) && line.contains(what), "{line}");
    }
}

#[test]
fn absent_pair_in_session_refuses_values() {
    let s = imported(&fixture(), "team;juror;criterion;value\nT1;J2;;absent\n");
    let lines = import(&s, "team;juror;criterion;value\nT1;J2;impact;3\n").unwrap_err();
    assert_eq!(lines, vec!["scores.csv:2: J2 does not score T1 (absent)"]);
    // A mark row lifts nothing by itself, but a recusal replaces the absence.
    let after = imported(&s, "team;juror;criterion;value\nT1;J2;;recused\n");
    assert_eq!(
        after.sheet(&"T1".into(), &"J2".into()).unwrap().mark,
        Some(Mark::Recused)
    );
}

#[test]
fn french_messages() {
    let lines = scores::import(
        &fixture(),
        "scores.csv",
        "équipe;juré;critère;valeur\nT1;J2;impact;12,25\n".as_bytes(),
        Lang::Fr,
        &mut |_| {},
    )
    .unwrap_err()
    .lines;
    assert_eq!(
        lines,
        vec!["scores.csv:2: 12,25 n'est pas un multiple du pas 0,5 pour Impact"]
    );
}

#[test]
fn export_in_both_styles() {
    let s = imported(
        &fixture(),
        "team;juror;criterion;value\nT2;J3;transfer;4\nT2;J3;impact;12,5\nT1;J3;;absent\nT2;J3;;20,5\nT3;J1;;recused\n",
    );
    assert_eq!(
        export::scores(&s, Lang::Fr),
        "team;juror;criterion;value\nT1;J3;;absent\nT2;J3;impact;12,5\nT2;J3;transfer;4\nT2;J3;;20,5\nT3;J1;;recused\n"
    );
    assert_eq!(
        export::scores(&s, Lang::En),
        "team,juror,criterion,value\nT1,J3,,absent\nT2,J3,impact,12.5\nT2,J3,transfer,4\nT2,J3,,20.5\nT3,J1,,recused\n"
    );
}

/// A random set of sheets that the fixture accepts.
/// (team, juror, kind: 0 values / 1 absent / 2 recused, impact in halves,
/// transfer, handwritten total in tenths)
type Spec = (usize, usize, u8, Option<u8>, Option<u8>, Option<u16>);

fn sheets() -> impl Strategy<Value = Vec<Spec>> {
    // (team, juror, kind 0 values / 1 absent / 2 recused, impact in halves,
    // transfer, handwritten in tenths)
    prop::collection::vec(
        (
            0..3usize,
            0..3usize,
            0..3u8,
            prop::option::of(0..=40u8),
            prop::option::of(0..=5u8),
            prop::option::of(0..=500u16),
        ),
        0..12,
    )
}

fn rows_of(spec: &[Spec]) -> Vec<String> {
    let s = fixture();
    let mut rows = Vec::new();
    let mut used = std::collections::BTreeSet::new();
    for &(t, j, kind, impact, transfer, total) in spec {
        let (team, juror) = (&s.teams[t], &s.jurors[j]);
        if !used.insert((t, j)) {
            continue;
        }
        match kind {
            1 => rows.push(format!("{};{};;absent", team.id, juror.id)),
            2 => rows.push(format!("{};{};;recused", team.id, juror.id)),
            _ if s.auto_recused(team, juror) => {}
            _ => {
                if let Some(v) = impact {
                    let v = Dec::from_raw(i64::from(v) * 500_000).format_with(',');
                    rows.push(format!("{};{};impact;{v}", team.id, juror.id));
                }
                if let Some(v) = transfer {
                    rows.push(format!("{};{};transfer;{v}", team.id, juror.id));
                }
                if let Some(v) = total {
                    let v = Dec::from_raw(i64::from(v) * 100_000).format_with(',');
                    rows.push(format!("{};{};;{v}", team.id, juror.id));
                }
            }
        }
    }
    rows
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn row_order_does_not_matter(spec in sheets(), seed in any::<u64>()) {
        let s = fixture();
        let rows = rows_of(&spec);
        let mut shuffled = rows.clone();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let text = |rows: &[String]| format!("team;juror;criterion;value\n{}\n", rows.join("\n"));
        let a = imported(&s, &text(&rows));
        let b = imported(&s, &text(&shuffled));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn export_then_import_is_the_identity(spec in sheets(), french in any::<bool>()) {
        let lang = if french { Lang::Fr } else { Lang::En };
        let s = fixture();
        let text = format!("team;juror;criterion;value\n{}\n", rows_of(&spec).join("\n"));
        let full = imported(&s, &text);
        let exported = export::scores(&full, lang);
        let copy = imported(&s, &exported);
        prop_assert_eq!(&copy.sheets, &full.sheets);
        prop_assert_eq!(export::scores(&copy, lang), exported);
    }
}

#[test]
fn keys_are_compared_as_written() {
    let s = fixture();
    let after = imported(&s, "team,juror,criterion,value\n T1 , J2 , impact , 3 \n");
    assert!(
        after
            .sheets
            .contains_key(&SheetKey::new("T1".into(), "J2".into()))
    );
}
