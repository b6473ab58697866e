//! Every worked example of design.md, "Ranking rules (normative)".

use num_rational::BigRational;

use super::support::*;
use crate::domain::ranking::{Figure, WarningCode, rank};
use crate::domain::session::{Method, SheetKey};

fn exact(n: i64, d: i64) -> Option<Figure> {
    Some(Figure::Exact(BigRational::new(n.into(), d.into())))
}

/// A: 12, 15, 19 · B: 14, 16, 17 · C: 9, 17, 18.
fn first_example() -> crate::domain::session::Session {
    let mut s = simple(&["A", "B", "C"], &["J1", "J2", "J3"]);
    put1(&mut s, "A", &[("J1", 12), ("J2", 15), ("J3", 19)]);
    put1(&mut s, "B", &[("J1", 14), ("J2", 16), ("J3", 17)]);
    put1(&mut s, "C", &[("J1", 9), ("J2", 17), ("J3", 18)]);
    s
}

/// J1: A 18, B 16, C 17 · J2: A 8, B 12, C 10 · J3: A 14, B 15, C 13.
fn second_example() -> crate::domain::session::Session {
    let mut s = simple(&["A", "B", "C"], &["J1", "J2", "J3"]);
    put1(&mut s, "A", &[("J1", 18), ("J2", 8), ("J3", 14)]);
    put1(&mut s, "B", &[("J1", 16), ("J2", 12), ("J3", 15)]);
    put1(&mut s, "C", &[("J1", 17), ("J2", 10), ("J3", 13)]);
    s
}

#[test]
fn row1_mean() {
    let r = rank(&first_example(), Method::Mean);
    assert_eq!(order(&r), ["B", "A", "C"]);
    assert_eq!(ranks(&r), [1, 2, 3]);
    assert_eq!(r.row("B").unwrap().score, exact(47, 3));
    assert_eq!(r.row("A").unwrap().score, exact(46, 3));
    assert_eq!(r.row("C").unwrap().score, exact(44, 3));
    assert_eq!(score(&r, "B"), Some(47.0 / 3.0));
}

#[test]
fn row2_trimmed_reverses_the_order() {
    let r = rank(&first_example(), Method::Trimmed);
    assert_eq!(order(&r), ["C", "B", "A"]);
    assert_eq!(r.row("C").unwrap().score, exact(17, 1));
    assert_eq!(r.row("B").unwrap().score, exact(16, 1));
    assert_eq!(r.row("A").unwrap().score, exact(15, 1));
}

#[test]
fn row3_mean_with_a_tie() {
    let r = rank(&second_example(), Method::Mean);
    assert_eq!(order(&r), ["B", "A", "C"]);
    assert_eq!(ranks(&r), [1, 2, 2]);
    assert_eq!(r.row("B").unwrap().score, exact(43, 3));
    assert_eq!(r.row("A").unwrap().score, exact(40, 3));
    assert_eq!(r.row("C").unwrap().score, exact(40, 3));
    assert!(!r.row("B").unwrap().tied);
    assert!(r.row("A").unwrap().tied && r.row("C").unwrap().tied);
}

#[test]
fn row4_normalized() {
    let r = rank(&second_example(), Method::Normalized);
    assert_eq!(order(&r), ["B", "A", "C"]);
    assert_eq!(ranks(&r), [1, 2, 3]);
    let b = score(&r, "B").unwrap();
    let expected = 1.0 / 6f64.sqrt(); // 0.408248...
    assert!((b - expected).abs() <= 1e-9, "{b}");
    assert!(score(&r, "A").unwrap().abs() <= 1e-12);
    assert!((score(&r, "C").unwrap() + expected).abs() <= 1e-9);
    assert_eq!(format!("{b:.6}"), "0.408248");
}

#[test]
fn row5_borda() {
    let r = rank(&second_example(), Method::Borda);
    assert_eq!(order(&r), ["B", "A", "C"]);
    assert_eq!(r.row("B").unwrap().score, exact(2, 3));
    assert_eq!(r.row("A").unwrap().score, exact(1, 2));
    assert_eq!(r.row("C").unwrap().score, exact(1, 3));
}

#[test]
fn row6_majority_removes_a_grade() {
    let mut s = simple(&["A", "B", "C"], &["J1", "J2", "J3"]);
    put1(&mut s, "A", &[("J1", 4), ("J2", 4), ("J3", 2)]);
    put1(&mut s, "B", &[("J1", 5), ("J2", 4), ("J3", 1)]);
    put1(&mut s, "C", &[("J1", 3), ("J2", 3), ("J3", 6)]);
    let r = rank(&s, Method::Majority);
    assert_eq!(order(&r), ["A", "B", "C"]);
    assert_eq!(ranks(&r), [1, 2, 3]);
    assert_eq!(score(&r, "A"), Some(4.0));
    assert_eq!(score(&r, "B"), Some(4.0));
    assert_eq!(score(&r, "C"), Some(3.0));
}

#[test]
fn row7_majority_with_unequal_sheet_counts() {
    let mut s = simple(&["A", "B"], &["J1", "J2", "J3"]);
    put1(&mut s, "A", &[("J1", 10), ("J2", 12)]);
    mark(&mut s, "A", "J3", crate::domain::session::Mark::Recused);
    put1(&mut s, "B", &[("J1", 10), ("J2", 10), ("J3", 14)]);
    let r = rank(&s, Method::Majority);
    assert_eq!(order(&r), ["A", "B"]);
    assert_eq!(ranks(&r), [1, 2]);
    assert_eq!(score(&r, "A"), Some(10.0));
    assert_eq!(score(&r, "B"), Some(10.0));
    assert_eq!(r.row("A").unwrap().sheets, 2);
    assert!(!r.provisional, "a recusal is not a missing sheet");
}

#[test]
fn row8_decimal_weights_give_exactly_equal_totals() {
    let mut s = session(
        &["X", "Y"],
        &["J1"],
        &[("a", "0.2"), ("b", "0.7"), ("c", "0.3")],
    );
    put(&mut s, "X", "J1", &["1", "9", "3"]);
    put(&mut s, "Y", "J1", &["7.5", "8", "1"]);
    for method in Method::ALL {
        let r = rank(&s, method);
        assert_eq!(ranks(&r), [1, 1], "{method:?}");
        assert_eq!(order(&r), ["X", "Y"], "{method:?}: schedule order");
        assert!(r.ranking.iter().all(|row| row.tied), "{method:?}");
    }
    let mean = rank(&s, Method::Mean);
    assert_eq!(mean.row("X").unwrap().score, exact(74, 10));
    assert_eq!(score(&mean, "X"), Some(7.4));
    // J1's σ² is exactly 0: every z is 0.
    let normalized = rank(&s, Method::Normalized);
    assert_eq!(score(&normalized, "X"), Some(0.0));
    assert_eq!(score(&normalized, "Y"), Some(0.0));
    assert_eq!(
        normalized.row("X").unwrap().spread,
        Some(Figure::Float(0.0))
    );
}

#[test]
fn row9_handwritten_total_mismatch() {
    let mut s = session(&["A"], &["J1"], &[("a", "1"), ("b", "1")]);
    put(&mut s, "A", "J1", &["6", "7"]);
    s.sheets
        .get_mut(&SheetKey::new("A".into(), "J1".into()))
        .unwrap()
        .handwritten = Some(dec("12"));
    for method in Method::ALL {
        let r = rank(&s, method);
        assert!(r.provisional);
        let row = r.row("A").unwrap();
        assert_eq!(row.sheets, 0, "the sheet does not count");
        assert_eq!(row.score, None);
        assert_eq!(r.warnings[0].code, WarningCode::ChecksumMismatch);
        assert_eq!(r.warnings[0].juror.as_deref(), Some("J1"));
    }
    // A correct handwritten total counts.
    s.sheets
        .get_mut(&SheetKey::new("A".into(), "J1".into()))
        .unwrap()
        .handwritten = Some(dec("13"));
    let r = rank(&s, Method::Mean);
    assert!(!r.provisional);
    assert_eq!(r.row("A").unwrap().sheets, 1);
    assert_eq!(score(&r, "A"), Some(13.0));
}
