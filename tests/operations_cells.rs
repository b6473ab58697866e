//! Cell, sheet, handwritten-total and verification operations: every
//! check, and every inverse (apply then inverse gives the session back).

mod common;

use common::ops::*;

use common::*;
use podium::domain::{Change, Edit, Mark, PairState, Refusal, Sheet, TeamStatus};

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
            edit: Edit::new(false, true),
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
            status: PairState::Absent,
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
            status: PairState::Recused,
            ..
        }
    ));
    let withdrawn = with(
        &s,
        &[Change::SetTeamStatus {
            team: "T1".into(),
            edit: Edit::new(TeamStatus::Scheduled, TeamStatus::Withdrawn),
        }],
    );
    assert!(matches!(
        refused(&withdrawn, set("T1", "J1", "c1", "1")),
        Refusal::NotScored {
            status: PairState::Withdrawn,
            ..
        }
    ));
    let mut same_org = s.clone();
    same_org.settings.recuse_same_org = true;
    assert!(matches!(
        refused(&same_org, set("T1", "J1", "c1", "1")),
        Refusal::NotScored {
            status: PairState::AutoRecused,
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
            edit: Edit::new(false, true),
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
    assert_eq!(
        absent
            .sheet(&"T1".into(), &"J1".into())
            .unwrap()
            .values
            .len(),
        0
    );
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
            status: PairState::Absent,
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
            status: PairState::Recused,
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
            edit: Edit::new(false, true),
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
        edit: Edit::new(false, true),
    };
    let verified = round_trip(&s, on.clone());
    assert!(matches!(refused(&verified, on), Refusal::Stale { .. }));
    assert_eq!(
        refused(
            &s,
            Change::SetVerified {
                team: "T9".into(),
                edit: Edit::new(false, true),
            }
        ),
        Refusal::UnknownTeam("T9".into())
    );
}

#[test]
fn a_batch_of_cells_follows_marks_and_unknown_ids_made_in_it() {
    let s = base();
    let batch = |changes: Vec<Change>| Change::Batch {
        label: podium::domain::BatchLabel::Import {
            file: "x.csv".into(),
        },
        changes,
    };
    // A cell, then the pair marked absent, then a cell of that pair: the
    // last is refused and nothing of the batch is kept.
    let marked = batch(vec![
        set_cell("T1", "J1", "c1", None, Some(dec("5"))),
        set_sheet(
            "T2",
            "J1",
            Sheet::default(),
            sheet(Some(Mark::Absent), &[], None),
        ),
        set_cell("T2", "J1", "c1", None, Some(dec("4"))),
    ]);
    let mut after = s.clone();
    let refused = podium::domain::apply(&mut after, &marked).unwrap_err();
    assert!(
        matches!(
            refused,
            Refusal::NotScored {
                status: PairState::Absent,
                ..
            }
        ),
        "{refused:?}"
    );
    assert_eq!(after, s);
    // Unknown ids are refused by the index as by a single change.
    for (team, juror) in [("T9", "J1"), ("T1", "J9")] {
        let mut after = s.clone();
        let unknown = batch(vec![
            set_cell("T1", "J1", "c1", None, Some(dec("5"))),
            set_cell(team, juror, "c1", None, Some(dec("5"))),
        ]);
        let refused = podium::domain::apply(&mut after, &unknown).unwrap_err();
        assert!(
            matches!(refused, Refusal::UnknownTeam(_) | Refusal::UnknownJuror(_)),
            "{refused:?}"
        );
        assert_eq!(after, s);
    }
    // A valid batch sets every cell.
    let mut after = s.clone();
    let cells = batch(vec![
        set_cell("T1", "J1", "c1", None, Some(dec("5"))),
        set_cell("T1", "J1", "c2", None, Some(dec("7.5"))),
        set_cell("T2", "J2", "c1", None, Some(dec("1"))),
    ]);
    podium::domain::apply(&mut after, &cells).unwrap();
    assert_eq!(
        after.value(&"T1".into(), &"J1".into(), &"c2".into()),
        Some(dec("7.5"))
    );
    assert_eq!(
        after.value(&"T2".into(), &"J2".into(), &"c1".into()),
        Some(dec("1"))
    );
}

/// A batch's cells are applied by runs of one pair (one look-up of the
/// sheet per run): the result is exactly that of its changes one by one,
/// refusals included, and its inverse gives the session back.
#[test]
fn a_batch_of_cells_is_its_changes_one_by_one() {
    let s = with(
        &base(),
        &[
            set_cell("T1", "J2", "c1", None, Some(dec("3"))),
            set_cell("T2", "J1", "c2", None, Some(dec("4"))),
        ],
    );
    let cell = |t: &str, j: &str, c: &str, seen: Option<&str>, new: Option<&str>| {
        set_cell(t, j, c, seen.map(dec), new.map(dec))
    };
    let good = vec![
        // A run that sets then replaces the same cell.
        cell("T1", "J1", "c1", None, Some("5")),
        cell("T1", "J1", "c2", None, Some("7.5")),
        cell("T1", "J1", "c1", Some("5"), Some("6")),
        // A run that empties a sheet (dropped), then the pair again later.
        cell("T1", "J2", "c1", Some("3"), None),
        cell("T2", "J1", "c2", Some("4"), Some("4.5")),
        handwritten_of("T2", "J1", None, Some("20")),
        cell("T2", "J1", "c1", None, Some("2")),
        cell("T1", "J2", "c2", None, Some("1")),
    ];
    let refusals = [
        (3, cell("T1", "J1", "c2", Some("9"), Some("1"))),
        (5, cell("T2", "J1", "c1", None, Some("11"))),
        (5, cell("T2", "J1", "c1", None, Some("0.5"))),
        (1, cell("T1", "J1", "c9", None, Some("1"))),
        (8, cell("T1", "J2", "c2", None, Some("2"))),
    ];
    let mut batches = vec![good.clone()];
    for (at, bad) in refusals {
        let mut changes = good.clone();
        changes.insert(at, bad);
        batches.push(changes);
    }
    let mut refusals = 0;
    for changes in batches {
        let one_by_one = changes.iter().try_fold(s.clone(), |mut after, c| {
            podium::domain::apply(&mut after, c).map(|()| after)
        });
        let batch = import_batch(changes);
        match one_by_one {
            Ok(expected) => {
                let after = round_trip(&s, batch);
                assert_eq!(after, expected);
            }
            Err(expected) => {
                assert_eq!(refused(&s, batch), expected);
                refusals += 1;
            }
        }
    }
    assert_eq!(refusals, 5, "each bad cell is refused");
}

fn import_batch(changes: Vec<Change>) -> Change {
    Change::Batch {
        label: podium::domain::BatchLabel::Import {
            file: "x.csv".into(),
        },
        changes,
    }
}

fn handwritten_of(team: &str, juror: &str, seen: Option<&str>, new: Option<&str>) -> Change {
    Change::SetHandwritten {
        team: team.into(),
        juror: juror.into(),
        edit: Edit::new(seen.map(dec), new.map(dec)),
    }
}
