use super::*;
use crate::domain::apply;
use crate::domain::fixture::{d, mark, put3, session};
use crate::domain::ranking;
use crate::domain::{Mark, Refusal};

/// T01 entered by the first entry for J1 and J2 (J3, J4, J5 empty).
fn entered() -> Session {
    let mut s = session();
    put3(&mut s, "T01", "J1", "4", "3.5", "2");
    put3(&mut s, "T01", "J2", "5", "4", "3");
    s
}

/// The change typing `value` into T01's second entry, for one juror and
/// criterion.
fn t01_second(s: &Session, juror: &str, criterion: &str, value: Option<Dec>) -> Change {
    set_second(s, &"T01".into(), &juror.into(), &criterion.into(), value)
}

/// Type a whole sheet into the second entry, through operations.
fn retype(s: &mut Session, juror: &str, values: [&str; 3]) {
    for (criterion, v) in ["impact", "faisabilite", "equipe"].into_iter().zip(values) {
        let change = t01_second(s, juror, criterion, Some(d(v)));
        apply(s, &change).expect("second entry");
    }
}

#[test]
fn the_second_entry_never_touches_the_first() {
    let mut s = entered();
    let before = s.sheets.clone();
    retype(&mut s, "J1", ["1", "1", "1"]);
    assert_eq!(s.sheets, before);
    assert_eq!(
        s.second_value(&"T01".into(), &"J1".into(), &"impact".into()),
        Some(d("1"))
    );
    assert_eq!(
        s.value(&"T01".into(), &"J1".into(), &"impact".into()),
        Some(d("4"))
    );
}

#[test]
fn every_differing_cell_is_listed_in_juror_then_criterion_order() {
    let mut s = entered();
    retype(&mut s, "J1", ["4", "3", "2"]);
    retype(&mut s, "J2", ["5", "4", "1"]);
    let c = compare(&s, &"T01".into());
    assert_eq!((c.cells, c.typed, c.agreeing), (6, 6, 4));
    let listed: Vec<_> = c
        .differences
        .iter()
        .map(|x| (x.juror.as_str(), x.criterion.as_str(), x.first, x.second))
        .collect();
    assert_eq!(
        listed,
        [
            ("J1", "faisabilite", Some(d("3.5")), Some(d("3"))),
            ("J2", "equipe", Some(d("3")), Some(d("1"))),
        ]
    );
    assert_eq!(c.standing(), Standing::Differs(2));
    assert!(!c.verified_twice());
}

#[test]
fn untyped_cells_and_cells_only_the_second_has_are_differences() {
    let mut s = entered();
    retype(&mut s, "J1", ["4", "3.5", "2"]);
    let c = compare(&s, &"T01".into());
    // J2's three cells are not re-typed yet.
    assert_eq!(c.standing(), Standing::Typing { typed: 3, cells: 6 });
    assert_eq!(c.differences.len(), 3);
    assert!(c.differences.iter().all(Difference::untyped));
    // A value typed where the first entry has none (J3 scored on paper).
    let change = t01_second(&s, "J3", "impact", Some(d("2")));
    apply(&mut s, &change).unwrap();
    let c = compare(&s, &"T01".into());
    let j3 = c.differences.iter().find(|x| x.juror == "J3").unwrap();
    assert_eq!((j3.first, j3.second), (None, Some(d("2"))));
    assert!(!j3.untyped());
}

#[test]
fn each_resolution_sets_both_entries_to_the_value_kept() {
    let mut s = entered();
    retype(&mut s, "J1", ["5", "3", "1"]);
    retype(&mut s, "J2", ["5", "4", "3"]);
    let c = compare(&s, &"T01".into());
    assert_eq!(c.differences.len(), 3);
    let [impact, feasibility, team] = [0, 1, 2].map(|i| c.differences[i].clone());
    apply(&mut s, &resolve(&impact, Resolution::KeepFirst)).unwrap();
    assert_eq!(
        s.value(&"T01".into(), &"J1".into(), &"impact".into()),
        Some(d("4"))
    );
    assert_eq!(
        s.second_value(&"T01".into(), &"J1".into(), &"impact".into()),
        Some(d("4"))
    );
    apply(&mut s, &resolve(&feasibility, Resolution::KeepSecond)).unwrap();
    assert_eq!(
        s.value(&"T01".into(), &"J1".into(), &"faisabilite".into()),
        Some(d("3"))
    );
    assert_eq!(
        s.second_value(&"T01".into(), &"J1".into(), &"faisabilite".into()),
        Some(d("3"))
    );
    apply(&mut s, &resolve(&team, Resolution::Third(d("4")))).unwrap();
    assert_eq!(
        s.value(&"T01".into(), &"J1".into(), &"equipe".into()),
        Some(d("4"))
    );
    assert_eq!(
        s.second_value(&"T01".into(), &"J1".into(), &"equipe".into()),
        Some(d("4"))
    );
    let c = compare(&s, &"T01".into());
    assert!(c.differences.is_empty());
    assert!(c.verified_twice());
    assert_eq!(c.standing(), Standing::VerifiedTwice);
    assert!(verified_twice(&s, &"T01".into()));
}

#[test]
fn keeping_an_empty_second_clears_the_first_and_a_resolution_undoes() {
    let mut s = entered();
    retype(&mut s, "J1", ["4", "3.5", "2"]);
    retype(&mut s, "J2", ["5", "4", "3"]);
    let change = t01_second(&s, "J2", "equipe", None);
    apply(&mut s, &change).unwrap();
    let untyped = compare(&s, &"T01".into()).differences[0].clone();
    assert!(untyped.untyped());
    let settle = resolve(&untyped, Resolution::KeepSecond);
    apply(&mut s, &settle).unwrap();
    assert_eq!(s.value(&"T01".into(), &"J2".into(), &"equipe".into()), None);
    assert!(verified_twice(&s, &"T01".into()));
    apply(&mut s, &settle.inverse().unwrap()).unwrap();
    assert_eq!(
        s.value(&"T01".into(), &"J2".into(), &"equipe".into()),
        Some(d("3"))
    );
    assert_eq!(
        s.second_value(&"T01".into(), &"J2".into(), &"equipe".into()),
        None
    );
    assert!(!verified_twice(&s, &"T01".into()));
}

#[test]
fn a_third_value_is_checked_like_any_value_and_refusals_change_nothing() {
    let mut s = entered();
    retype(&mut s, "J1", ["5", "3.5", "2"]);
    let diff = compare(&s, &"T01".into()).differences[0].clone();
    let before = s.clone();
    let out_of_range = resolve(&diff, Resolution::Third(d("9")));
    assert!(matches!(
        apply(&mut s, &out_of_range),
        Err(Refusal::OutOfRange { .. })
    ));
    assert_eq!(s, before);
    // The other terminal settled it meanwhile: refused with both values.
    let mut other = s.clone();
    apply(&mut other, &resolve(&diff, Resolution::KeepFirst)).unwrap();
    let late = resolve(&diff, Resolution::KeepSecond);
    assert!(matches!(
        apply(&mut other, &late),
        Err(Refusal::StaleSecondCell { .. })
    ));
    // A locked grid refuses a resolution that changes the first entry,
    // and still takes the second entry's cells.
    s.verified.insert("T01".into());
    assert!(matches!(
        apply(&mut s, &resolve(&diff, Resolution::KeepSecond)),
        Err(Refusal::Verified { .. })
    ));
    apply(&mut s, &resolve(&diff, Resolution::KeepFirst)).unwrap();
    assert_eq!(
        s.second_value(&"T01".into(), &"J1".into(), &"impact".into()),
        Some(d("4"))
    );
}

#[test]
fn a_stale_second_cell_is_refused_with_both_values() {
    let mut s = entered();
    let first = t01_second(&s, "J1", "impact", Some(d("4")));
    let second = t01_second(&s, "J1", "impact", Some(d("5")));
    apply(&mut s, &first).unwrap();
    assert_eq!(
        apply(&mut s, &second),
        Err(Refusal::StaleSecondCell {
            team: "T01".into(),
            juror: "J1".into(),
            criterion: "impact".into(),
            seen: None,
            current: Some(d("4")),
        })
    );
}

#[test]
fn only_expected_sheets_compare() {
    let mut s = entered();
    retype(&mut s, "J1", ["4", "3.5", "2"]);
    retype(&mut s, "J2", ["5", "4", "3"]);
    assert!(verified_twice(&s, &"T01".into()));
    // A juror marked absent no longer counts, and takes no second value.
    mark(&mut s, "T01", "J3", Mark::Absent);
    let change = t01_second(&s, "J3", "impact", Some(d("2")));
    assert!(matches!(
        apply(&mut s, &change),
        Err(Refusal::NotScored { .. })
    ));
    assert!(verified_twice(&s, &"T01".into()));
    // Nothing entered at all: nothing is verified twice.
    assert!(!verified_twice(&s, &"T02".into()));
    assert_eq!(compare(&s, &"T02".into()).standing(), Standing::NotStarted);
    assert!(!verified_twice(&s, &"nope".into()));
}

#[test]
fn the_teams_nearest_the_cutoff_come_first() {
    let mut s = session();
    s.settings.laureates = 2;
    for (team, v) in [("T01", "5"), ("T02", "4"), ("T03", "3"), ("T04", "2")] {
        put3(&mut s, team, "J1", v, "0", "0");
    }
    let r = ranking::rank(&s, s.settings.method);
    let order = by_distance_to_cutoff(&r);
    // Places 2 and 3 straddle the cut-off, then 1, then 4.
    assert_eq!(order, ["T02", "T03", "T01", "T04"]);
    // A team with no sheet that counts comes last, whatever its place.
    s.settings.laureates = 4;
    s.sheets.retain(|k, _| k.team != "T02");
    let r = ranking::rank(&s, s.settings.method);
    assert_eq!(by_distance_to_cutoff(&r), ["T04", "T03", "T01", "T02"]);
}
