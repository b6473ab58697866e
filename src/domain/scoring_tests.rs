use super::*;
use crate::domain::fixture::{d, mark, put, put3, session};
use crate::domain::session::{Mark, SheetKey};

/// The state of a pair named by the test's text ids.
fn pair_of(s: &Session, team: &str, juror: &str) -> PairState {
    pair_state(s, &team.into(), &juror.into())
}

fn t(text: &str) -> Total {
    Total::from_dec(d(text))
}

#[test]
fn totals_are_exact() {
    // weights 0.2, 0.7, 0.3: (1, 9, 3) and (7.5, 8, 1) both give exactly 7.4.
    let x = Total::product(d("0.2"), d("1"))
        + Total::product(d("0.7"), d("9"))
        + Total::product(d("0.3"), d("3"));
    let y = Total::product(d("0.2"), d("7.5"))
        + Total::product(d("0.7"), d("8"))
        + Total::product(d("0.3"), d("1"));
    assert_eq!(x, y);
    assert_eq!(x, t("7.4"));
    // Twelve decimals survive, then rounding for display is half away from zero.
    let tiny = Total::product(d("0.000001"), d("0.000001"));
    assert_eq!(tiny.raw(), 1);
    assert_eq!(t("12.345").format_with(',', 2), "12,35");
    assert_eq!(t("-12.345").format_with('.', 2), "-12.35");
    assert_eq!(t("7.4").format_with('.', 2), "7.4");
    assert_eq!(t("20").format_with(',', 2), "20");
    assert_eq!(tiny.format_with('.', 2), "0");
}

#[test]
fn fill_of_a_sheet() {
    let mut s = session();
    let c = s.criteria.clone();
    assert_eq!(summarize(&c, None).fill, Fill::Empty);
    put(&mut s, "T01", "J1", &[("impact", "4")]);
    let sum = summarize(&c, s.sheet(&"T01".into(), &"J1".into()));
    assert_eq!(sum.fill, Fill::Partial);
    assert_eq!(sum.total, t("8"));
    assert!(!sum.counts());
    put(
        &mut s,
        "T01",
        "J1",
        &[("faisabilite", "3.5"), ("equipe", "2")],
    );
    let sum = summarize(&c, s.sheet(&"T01".into(), &"J1".into()));
    assert_eq!(sum.fill, Fill::Complete);
    assert_eq!(sum.total, t("13.5"), "2×4 + 3.5 + 2");
    assert_eq!(sum.plain_sum, Some(d("9.5")));
    assert!(sum.counts());
    // A handwritten total alone is no value yet (as the ranking's
    // `missing_sheet` sees it), but it is already a mismatch.
    let only_total = Sheet {
        handwritten: Some(d("9")),
        ..Sheet::default()
    };
    let sum = summarize(&c, Some(&only_total));
    assert_eq!(sum.fill, Fill::Empty);
    assert!(sum.mismatch);
}

#[test]
fn checksum_mismatch_stops_a_sheet_counting() {
    let mut s = session();
    put3(&mut s, "T01", "J1", "4", "3.5", "2");
    let key = SheetKey::new("T01".into(), "J1".into());
    s.sheets.get_mut(&key).unwrap().handwritten = Some(d("9"));
    let sum = summarize(&s.criteria, s.sheet(&"T01".into(), &"J1".into()));
    assert!(sum.mismatch, "4 + 3.5 + 2 = 9.5, not 9");
    assert!(!sum.counts());
    assert_eq!(pair_of(&s, "T01", "J1"), PairState::Mismatch);
    // Resolved: the handwritten total now equals the plain sum (not the weighted one).
    s.sheets.get_mut(&key).unwrap().handwritten = Some(d("9,5"));
    let sum = summarize(&s.criteria, s.sheet(&"T01".into(), &"J1".into()));
    assert!(!sum.mismatch);
    assert!(sum.counts());
    assert_eq!(pair_of(&s, "T01", "J1"), PairState::Entered);
}

#[test]
fn design_example_checksum() {
    // J1 gives A (6, 7) with handwritten total 12: 13 ≠ 12.
    let mut s = session();
    s.criteria.truncate(2);
    for c in &mut s.criteria {
        c.weight = Dec::int(1);
        c.max = Dec::int(10);
    }
    put(
        &mut s,
        "T01",
        "J1",
        &[("impact", "6"), ("faisabilite", "7")],
    );
    s.sheets
        .get_mut(&SheetKey::new("T01".into(), "J1".into()))
        .unwrap()
        .handwritten = Some(d("12"));
    let sum = summarize(&s.criteria, s.sheet(&"T01".into(), &"J1".into()));
    assert_eq!(sum.plain_sum, Some(d("13")));
    assert!(sum.mismatch && !sum.counts());
}

#[test]
fn possible_range_is_weighted() {
    let s = session();
    assert_eq!(possible_range(&s.criteria), t("20"));
}

#[test]
fn disagreement_is_a_quarter_of_the_range_from_the_median_of_the_others() {
    let range = t("20");
    // Others 10, 12, 14: median 12. A quarter of 20 is 5.
    let others = [t("10"), t("12"), t("14")];
    assert_eq!(
        disagreement_among(t("17"), &mut others.clone(), range),
        None
    );
    assert_eq!(disagreement_among(t("7"), &mut others.clone(), range), None);
    let far = disagreement_among(t("17.5"), &mut others.clone(), range).unwrap();
    assert_eq!(far.median, t("12"));
    assert_eq!(far.others, 3);
    assert!(disagreement_among(t("6.5"), &mut others.clone(), range).is_some());
    // Even count: median 11 (10 and 12); 16 is exactly 5 away, 16.5 is more.
    let even = [t("12"), t("10")];
    assert_eq!(disagreement_among(t("16"), &mut even.clone(), range), None);
    let far = disagreement_among(t("16.5"), &mut even.clone(), range).unwrap();
    assert_eq!(far.median, t("11"));
    // Nobody to compare with.
    assert_eq!(disagreement_among(t("20"), &mut [], range), None);
}

#[test]
fn disagreement_uses_other_complete_expected_sheets_only() {
    let mut s = session();
    put3(&mut s, "T02", "J2", "3", "3", "3"); // 12
    put3(&mut s, "T02", "J3", "3", "2", "2"); // 10
    put(&mut s, "T02", "J4", &[("impact", "0")]); // partial: ignored
    mark(&mut s, "T02", "J5", Mark::Absent);
    let mut mine = Sheet::default();
    for (c, v) in [("impact", "5"), ("faisabilite", "5"), ("equipe", "5")] {
        mine.values.insert(c.into(), d(v));
    }
    let far = disagreement(&s, &"T02".into(), &"J1".into(), &mine).expect("20 is 9 from 11");
    assert_eq!(far.others, 2);
    assert_eq!(far.median, t("11"));
    assert_eq!(far.total, t("20"));
    // A partial sheet is never compared.
    mine.values.remove("equipe");
    assert_eq!(disagreement(&s, &"T02".into(), &"J1".into(), &mine), None);
    // The juror's own saved sheet is not one of the "others".
    put3(&mut s, "T02", "J1", "5", "5", "5");
    assert_eq!(other_totals(&s, &"T02".into(), &"J1".into()).len(), 2);
}

#[test]
fn pair_states() {
    let mut s = session();
    s.settings.recuse_same_org = true;
    put3(&mut s, "T01", "J2", "1", "1", "1");
    put(&mut s, "T01", "J3", &[("impact", "1")]);
    mark(&mut s, "T01", "J4", Mark::Absent);
    mark(&mut s, "T01", "J5", Mark::Recused);
    assert_eq!(pair_of(&s, "T01", "J1"), PairState::AutoRecused, "same org");
    assert_eq!(pair_of(&s, "T01", "J2"), PairState::Entered);
    assert_eq!(pair_of(&s, "T01", "J3"), PairState::Partial);
    assert_eq!(pair_of(&s, "T01", "J4"), PairState::Absent);
    assert_eq!(pair_of(&s, "T01", "J5"), PairState::Recused);
    assert_eq!(pair_of(&s, "T02", "J1"), PairState::Empty);
    s.verified.insert("T01".into());
    assert_eq!(pair_of(&s, "T01", "J2"), PairState::Verified);
    assert_eq!(
        pair_of(&s, "T01", "J3"),
        PairState::Partial,
        "verification does not complete a sheet"
    );
    s.teams[1].status = TeamStatus::Withdrawn;
    assert_eq!(pair_of(&s, "T02", "J1"), PairState::Withdrawn);
}

#[test]
fn board_counts_per_team_and_per_juror() {
    let mut s = session();
    put3(&mut s, "T01", "J1", "1", "1", "1");
    put3(&mut s, "T01", "J2", "2", "2", "2");
    put(&mut s, "T01", "J3", &[("impact", "1")]);
    mark(&mut s, "T01", "J4", Mark::Absent);
    put3(&mut s, "T02", "J1", "1", "1", "1");
    s.sheets
        .get_mut(&SheetKey::new("T02".into(), "J1".into()))
        .unwrap()
        .handwritten = Some(d("4"));
    mark(&mut s, "T02", "J5", Mark::Recused);
    s.teams[3].status = TeamStatus::Withdrawn;
    let b = board(&s);
    assert_eq!(b.jurors, ["J1", "J2", "J3", "J4", "J5"]);
    assert_eq!(
        b.rows.iter().map(|r| r.team.as_str()).collect::<Vec<_>>(),
        ["T01", "T02", "T03", "T04"]
    );
    let t1 = &b.rows[0].counts;
    assert_eq!((t1.entered, t1.partial, t1.absent, t1.empty), (2, 1, 1, 1));
    assert_eq!((t1.expected(), t1.done(), t1.missing()), (4, 2, 2));
    let t2 = &b.rows[1].counts;
    assert_eq!((t2.mismatch, t2.recused, t2.empty), (1, 1, 3));
    assert!(b.rows[3].withdrawn);
    assert_eq!(b.rows[3].counts, Counts::default());
    // J1: entered on T01, mismatch on T02, empty on T03; T04 withdrawn.
    let j1 = &b.juror_counts[0];
    assert_eq!((j1.entered, j1.mismatch, j1.empty), (1, 1, 1));
    assert_eq!(b.total.expected(), 3 * 5 - 2);
    assert_eq!(b.total.done(), 2);
}

mod agrees_with_the_ranking {
    use super::*;
    use crate::domain::ranking::sheets;
    use proptest::prelude::*;

    /// Per pair: nothing, absent, recused, or values for a subset of the
    /// criteria with an optional handwritten total (right or wrong).
    fn pair() -> impl Strategy<Value = (u8, [Option<u8>; 3], Option<bool>)> {
        (
            0u8..4,
            [
                proptest::option::of(0u8..=5),
                proptest::option::of(0u8..=5),
                proptest::option::of(0u8..=5),
            ],
            proptest::option::of(any::<bool>()),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn board_states_and_totals_match_the_ranking(
            pairs in proptest::collection::vec(pair(), 20),
            same_org in any::<bool>(),
            withdrawn in 0usize..5,
            verified in 0usize..5,
        ) {
            let mut s = session();
            s.settings.recuse_same_org = same_org;
            if verified < 4 {
                let team = s.teams[verified].id.clone();
                s.verified.insert(team);
            }
            if withdrawn < 4 {
                s.teams[withdrawn].status = TeamStatus::Withdrawn;
            }
            let ids = ["impact", "faisabilite", "equipe"];
            for (i, (kind, values, paper)) in pairs.iter().enumerate() {
                let team = s.teams[i / 5].id.clone();
                let juror = s.jurors[i % 5].id.clone();
                match kind {
                    1 => mark(&mut s, &team, &juror, Mark::Absent),
                    2 => mark(&mut s, &team, &juror, Mark::Recused),
                    3 => {
                        let mut sheet = Sheet::default();
                        for (c, v) in ids.iter().zip(values) {
                            if let Some(v) = v {
                                sheet.values.insert((*c).into(), Dec::int(i64::from(*v)));
                            }
                        }
                        let sum: i64 = values.iter().flatten().map(|v| i64::from(*v)).sum();
                        sheet.handwritten = paper.map(|right| Dec::int(if right { sum } else { sum + 1 }));
                        if !sheet.is_empty() {
                            s.sheets.insert(SheetKey::new(team, juror), sheet);
                        }
                    }
                    _ => {}
                }
            }
            let b = board(&s);
            for (ti, row) in b.rows.iter().enumerate() {
                let team = s.team(&row.team).unwrap();
                for (ji, state) in row.cells.iter().enumerate() {
                    let juror = &s.jurors[ji];
                    let theirs = sheets::sheet_state(&s, team, juror);
                    prop_assert_eq!(theirs, *state, "team {} juror {}", ti, ji);
                    if let Some(sheet) = s.sheet(&team.id, &juror.id) {
                        let mine = summarize(&s.criteria, Some(sheet));
                        prop_assert_eq!(mine.total.raw(), sheets::total_of(sheet, &s.criteria));
                    }
                }
            }
        }
    }
}
