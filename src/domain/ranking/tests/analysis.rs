//! What the results screen uses: margin, other methods, team detail.

use super::support::*;
use crate::domain::PairState;
use crate::domain::ranking::analysis::{compare_methods, margin, team_detail};
use crate::domain::ranking::{Figure, Separation, rank};
use crate::domain::session::{Mark, Method};

/// A: 12, 15, 19 · B: 14, 16, 17 · C: 9, 17, 18 (mean B > A > C, trimmed
/// C > B > A), one laureate.
fn forum() -> crate::domain::session::Session {
    let mut s = simple(&["A", "B", "C"], &["J1", "J2", "J3"]);
    put1(&mut s, "A", &[("J1", 12), ("J2", 15), ("J3", 19)]);
    put1(&mut s, "B", &[("J1", 14), ("J2", 16), ("J3", 17)]);
    put1(&mut s, "C", &[("J1", 9), ("J2", 17), ("J3", 18)]);
    s.settings.laureates = 1;
    s
}

#[test]
fn the_margin_between_places_n_and_n_plus_one_is_exact() {
    let s = forum();
    let m = margin(&rank(&s, Method::Mean)).unwrap();
    assert_eq!((m.above.as_str(), m.below.as_str()), ("B", "A"));
    assert_eq!(m.difference, Figure::ratio(1, 3));
    assert_eq!(m.separated_by, Separation::Score);
    let mut all = s.clone();
    all.settings.laureates = 3;
    assert_eq!(margin(&rank(&all, Method::Mean)), None);
}

#[test]
fn other_methods_say_how_the_laureates_change() {
    let s = forum();
    let comparisons = compare_methods(&s);
    let methods: Vec<Method> = comparisons.iter().map(|c| c.method).collect();
    use Method::*;
    assert_eq!(methods, [Normalized, Trimmed, Borda, Majority]);
    // Borda placed on the second core still comes in its place.
    let mut b = s.clone();
    b.settings.method = Borda;
    let methods: Vec<Method> = compare_methods(&b).iter().map(|c| c.method).collect();
    assert_eq!(methods, [Mean, Normalized, Trimmed, Majority]);
    let trimmed = comparisons
        .iter()
        .find(|c| c.method == Method::Trimmed)
        .unwrap();
    assert!(trimmed.changes());
    assert_eq!(trimmed.joining, ["C"]);
    assert_eq!(trimmed.leaving, ["B"]);
    assert!(!trimmed.cutoff_tie);
}

#[test]
fn a_team_detail_lists_every_juror() {
    let mut s = forum();
    mark(&mut s, "A", "J2", Mark::Absent);
    let d = team_detail(&s, &"A".into()).unwrap();
    assert_eq!(d.jurors.len(), 3);
    assert_eq!(d.jurors[0].state, PairState::Entered);
    assert_eq!(d.jurors[0].total, Some(Figure::ratio(12, 1)));
    assert_eq!(d.jurors[1].state, PairState::Absent);
    assert_eq!(d.jurors[1].total, None);
    assert!(team_detail(&s, &"Z".into()).is_none());
}
