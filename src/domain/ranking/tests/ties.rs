//! Ties: the tie-break list, shared ranks, schedule order inside them.

use super::support::*;
use crate::domain::ranking::{Separation, rank};
use crate::domain::session::{Method, Slot};

/// A and B tie on the total (10 each from both jurors) with different
/// criteria: A (6, 4), B (4, 6); C is 12.
fn tied_on_total() -> crate::domain::session::Session {
    let mut s = session(
        &["A", "B", "C"],
        &["J1", "J2"],
        &[("impact", "1"), ("feasibility", "1")],
    );
    for j in ["J1", "J2"] {
        put(&mut s, "A", j, &["6", "4"]);
        put(&mut s, "B", j, &["4", "6"]);
        put(&mut s, "C", j, &["6", "6"]);
    }
    s
}

#[test]
fn without_a_tie_break_list_equal_teams_share_the_rank() {
    let s = tied_on_total();
    for method in Method::ALL {
        let r = rank(&s, method);
        assert_eq!(order(&r), ["C", "A", "B"], "{method:?}");
        assert_eq!(ranks(&r), [1, 2, 2], "{method:?}");
        assert!(r.row("A").unwrap().tied && r.row("B").unwrap().tied);
    }
}

#[test]
fn the_tie_break_list_separates_them() {
    let mut s = tied_on_total();
    s.settings.tie_break = vec!["feasibility".into()];
    for method in Method::ALL {
        let r = rank(&s, method);
        assert_eq!(order(&r), ["C", "B", "A"], "{method:?}");
        assert_eq!(ranks(&r), [1, 2, 3], "{method:?}");
        assert!(!r.row("A").unwrap().tied);
        assert_eq!(
            r.row("A").unwrap().separated_by,
            Separation::TieBreak("feasibility".into())
        );
    }
    s.settings.tie_break = vec!["impact".into()];
    assert_eq!(order(&rank(&s, Method::Mean)), ["C", "A", "B"]);
}

#[test]
fn a_tie_break_criterion_that_is_equal_too_leaves_the_tie() {
    let mut s = session(&["A", "B"], &["J1"], &[("x", "1"), ("y", "1")]);
    put(&mut s, "A", "J1", &["5", "5"]);
    put(&mut s, "B", "J1", &["5", "5"]);
    s.settings.tie_break = vec!["x".into(), "y".into()];
    let r = rank(&s, Method::Mean);
    assert_eq!(ranks(&r), [1, 1]);
    assert!(r.ranking.iter().all(|row| row.tied));
}

#[test]
fn the_second_tie_break_criterion_decides_when_the_first_is_equal() {
    let mut s = session(&["A", "B"], &["J1"], &[("x", "1"), ("y", "1"), ("z", "1")]);
    put(&mut s, "A", "J1", &["5", "3", "7"]);
    put(&mut s, "B", "J1", &["5", "7", "3"]);
    s.settings.tie_break = vec!["x".into(), "z".into()];
    let r = rank(&s, Method::Mean);
    assert_eq!(order(&r), ["A", "B"]);
    assert_eq!(ranks(&r), [1, 2]);
    assert_eq!(
        r.row("B").unwrap().separated_by,
        Separation::TieBreak("z".into())
    );
}

#[test]
fn tie_break_means_are_exact_over_unequal_sheet_counts() {
    // A's mean on x: (1 + 2) / 2 = 1.5; B's: (1 + 2 + 1.5) / 3 = 1.5. Equal.
    let mut s = session(&["A", "B"], &["J1", "J2", "J3"], &[("x", "1"), ("y", "1")]);
    put(&mut s, "A", "J1", &["1", "3"]);
    put(&mut s, "A", "J2", &["2", "2"]);
    mark(&mut s, "A", "J3", crate::domain::session::Mark::Absent);
    put(&mut s, "B", "J1", &["1", "3"]);
    put(&mut s, "B", "J2", &["2", "2"]);
    put(&mut s, "B", "J3", &["1.5", "2.5"]);
    s.settings.tie_break = vec!["x".into()];
    let r = rank(&s, Method::Mean);
    assert_eq!(ranks(&r), [1, 1]);
}

#[test]
fn shared_ranks_skip_places_and_keep_schedule_order() {
    let mut s = simple(&["A", "B", "C", "D"], &["J1"]);
    put1(&mut s, "A", &[("J1", 5)]);
    put1(&mut s, "B", &[("J1", 9)]);
    put1(&mut s, "C", &[("J1", 7)]);
    put1(&mut s, "D", &[("J1", 7)]);
    // Schedule: D before C.
    s.schedule = ["B", "D", "C", "A"]
        .iter()
        .map(|t| Slot::Team { team: (*t).into() })
        .collect();
    let r = rank(&s, Method::Mean);
    assert_eq!(order(&r), ["B", "D", "C", "A"]);
    assert_eq!(ranks(&r), [1, 2, 2, 4]);
}

#[test]
fn normalized_scores_within_one_billionth_are_equal() {
    use crate::domain::ranking::order::floats_equal;
    assert!(floats_equal(0.1 + 0.2, 0.3));
    assert!(floats_equal(1e-12, 0.0));
    assert!(!floats_equal(1.0, 1.0 + 1e-8));
    assert!(floats_equal(1e6, 1e6 + 1e-4));
}

#[test]
fn borda_with_recusals_and_unequal_sheet_counts() {
    // J1 scores A, B, C; J2 is recused for C; J3 scores only A.
    let mut s = simple(&["A", "B", "C"], &["J1", "J2", "J3"]);
    put1(&mut s, "A", &[("J1", 10), ("J2", 5), ("J3", 7)]);
    put1(&mut s, "B", &[("J1", 10), ("J2", 8)]);
    put1(&mut s, "C", &[("J1", 12)]);
    mark(&mut s, "C", "J2", crate::domain::session::Mark::Recused);
    mark(&mut s, "B", "J3", crate::domain::session::Mark::Recused);
    mark(&mut s, "C", "J3", crate::domain::session::Mark::Absent);
    let r = rank(&s, Method::Borda);
    // J1 (n = 3): A (0 + ½)/2 = 1/4, B 1/4, C 2/2 = 1.
    // J2 (n = 2): A 0, B 1. J3 (n = 1) does not count.
    // A: (1/4 + 0) / 2 = 1/8; B: (1/4 + 1) / 2 = 5/8; C: 1.
    assert_eq!(order(&r), ["C", "B", "A"]);
    let f = |t| score(&r, t).unwrap();
    assert_eq!((f("C"), f("B"), f("A")), (1.0, 0.625, 0.125));
    assert!(!r.provisional);
}

#[test]
fn borda_gives_one_half_without_a_juror_of_two_sheets() {
    let mut s = simple(&["A", "B"], &["J1", "J2"]);
    put1(&mut s, "A", &[("J1", 10)]);
    put1(&mut s, "B", &[("J2", 3)]);
    mark(&mut s, "A", "J2", crate::domain::session::Mark::Recused);
    mark(&mut s, "B", "J1", crate::domain::session::Mark::Recused);
    let r = rank(&s, Method::Borda);
    assert_eq!(score(&r, "A"), Some(0.5));
    assert_eq!(score(&r, "B"), Some(0.5));
    assert_eq!(ranks(&r), [1, 1]);
}

#[test]
fn majority_with_recusals() {
    // A: 10, 14 (J3 recused); B: 10, 12, 20; C: 9, 30, 30, under L = 6 and 3.
    let mut s = simple(&["A", "B", "C"], &["J1", "J2", "J3"]);
    put1(&mut s, "A", &[("J1", 10), ("J2", 14)]);
    mark(&mut s, "A", "J3", crate::domain::session::Mark::Recused);
    put1(&mut s, "B", &[("J1", 10), ("J2", 12), ("J3", 20)]);
    put1(&mut s, "C", &[("J1", 9), ("J2", 30), ("J3", 30)]);
    let r = rank(&s, Method::Majority);
    // Grades: A 10, B 12, C 30.
    assert_eq!(order(&r), ["C", "B", "A"]);
    assert_eq!(score(&r, "A"), Some(10.0));
    assert_eq!(score(&r, "B"), Some(12.0));
    // A (10, 14) against D (10, 10, 14, 14)-like tallies are equal: tied.
    let mut s = simple(&["A", "D"], &["J1", "J2", "J3", "J4"]);
    put1(&mut s, "A", &[("J1", 10), ("J2", 14)]);
    mark(&mut s, "A", "J3", crate::domain::session::Mark::Recused);
    mark(&mut s, "A", "J4", crate::domain::session::Mark::Absent);
    put1(
        &mut s,
        "D",
        &[("J1", 10), ("J2", 10), ("J3", 14), ("J4", 14)],
    );
    let r = rank(&s, Method::Majority);
    assert_eq!(ranks(&r), [1, 1]);
}

#[test]
fn withdrawn_teams_are_left_out_of_every_juror_figure() {
    use crate::domain::session::TeamStatus;
    let mut s = simple(&["A", "B", "W"], &["J1", "J2"]);
    put1(&mut s, "A", &[("J1", 10), ("J2", 4)]);
    put1(&mut s, "B", &[("J1", 8), ("J2", 6)]);
    put1(&mut s, "W", &[("J1", 20), ("J2", 0)]);
    let with_w = rank(&s, Method::Borda);
    assert_eq!(with_w.ranking.len(), 3);
    s.teams[2].status = TeamStatus::Withdrawn;
    for method in Method::ALL {
        let r = rank(&s, method);
        assert_eq!(r.ranking.len(), 2, "{method:?}");
        assert!(r.row("W").is_none());
        assert!(r.warnings.iter().all(|w| w.team.as_deref() != Some("W")));
    }
    // Borda n is 2 per juror without W: A 1 then 0, B 0 then 1: equal halves.
    let r = rank(&s, Method::Borda);
    assert_eq!(score(&r, "A"), Some(0.5));
    assert_eq!(score(&r, "B"), Some(0.5));
    // normalized: J1 (10, 8) → A +1, B −1; J2 (4, 6) → A −1, B +1.
    let r = rank(&s, Method::Normalized);
    assert_eq!(score(&r, "A"), Some(0.0));
    assert_eq!(ranks(&r), [1, 1]);
}

#[test]
fn exact_scores_closer_than_a_float_are_still_ordered_exactly() {
    use crate::domain::ranking::{Score, order::compare};
    use num_bigint::BigInt;
    use num_rational::BigRational;
    use std::cmp::Ordering;
    let big = BigInt::from(10).pow(30);
    let third = Score::exact(BigRational::new(1.into(), 3.into()));
    let above = Score::exact(BigRational::new(&big + 1, big * 3));
    let (Score::Exact(_, a), Score::Exact(_, b)) = (&third, &above) else {
        panic!("exact scores")
    };
    assert_eq!(a, b, "the same nearest float");
    assert_eq!(compare(&above, &third), Ordering::Greater);
    assert_eq!(compare(&third, &above), Ordering::Less);
    assert_eq!(compare(&third, &third.clone()), Ordering::Equal);
}
