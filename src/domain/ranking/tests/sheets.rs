//! Which sheets count, minimum sheets, teams with no sheet, warnings.

use super::support::*;
use crate::domain::PairState;
use crate::domain::ranking::sheets::sheet_state;
use crate::domain::ranking::{Separation, WarningCode, rank};
use crate::domain::session::{JurorId, Mark, Method, SheetKey, TeamId};

#[test]
fn missing_and_partial_sheets_make_results_provisional() {
    let mut s = session(&["A", "B"], &["J1", "J2"], &[("x", "1"), ("y", "2")]);
    put(&mut s, "A", "J1", &["3", "4"]);
    put(&mut s, "A", "J2", &["5"]); // partial
    put(&mut s, "B", "J2", &["1", "1"]); // J1's sheet for B is missing
    let r = rank(&s, Method::Mean);
    assert!(r.provisional);
    let codes: Vec<_> = r
        .warnings
        .iter()
        .map(|w| (w.code, w.team.as_deref().unwrap(), w.juror.as_deref()))
        .collect();
    assert_eq!(
        codes,
        [
            (WarningCode::PartialSheet, "A", Some("J2")),
            (WarningCode::MissingSheet, "B", Some("J1")),
        ]
    );
    // 3·1 + 4·2 = 11; the partial sheet does not count.
    assert_eq!(score(&r, "A"), Some(11.0));
    assert_eq!(r.row("A").unwrap().sheets, 1);
    let (a, j2) = (s.team(&"A".into()).unwrap(), s.juror(&"J2".into()).unwrap());
    assert_eq!(sheet_state(&s, a, j2), PairState::Partial);
}

#[test]
fn recused_and_absent_pairs_are_not_expected() {
    let mut s = simple(&["A"], &["J1", "J2", "J3"]);
    put1(&mut s, "A", &[("J1", 10)]);
    mark(&mut s, "A", "J2", Mark::Recused);
    mark(&mut s, "A", "J3", Mark::Absent);
    let r = rank(&s, Method::Mean);
    assert!(!r.provisional);
    assert!(r.warnings.is_empty());
    // The same-organisation rule recuses everyone here.
    s.settings.recuse_same_org = true;
    let r = rank(&s, Method::Mean);
    assert_eq!(r.row("A").unwrap().sheets, 0);
    assert!(!r.provisional);
}

#[test]
fn a_team_with_no_sheet_comes_last() {
    let mut s = simple(&["N1", "A", "N2", "B"], &["J1"]);
    put1(&mut s, "A", &[("J1", 10)]);
    put1(&mut s, "B", &[("J1", 12)]);
    s.settings.laureates = 8;
    for method in Method::ALL {
        let r = rank(&s, method);
        assert_eq!(order(&r), ["B", "A", "N1", "N2"], "{method:?}");
        assert_eq!(ranks(&r), [1, 2, 3, 3], "{method:?}");
        let n1 = r.row("N1").unwrap();
        assert_eq!(n1.score, None);
        assert_eq!(n1.spread, None);
        assert!(n1.criteria.0.is_empty());
        assert!(n1.too_few_sheets && n1.tied && !n1.laureate && !n1.at_cutoff);
        assert_eq!(n1.separated_by, Separation::NoSheet);
        // Fewer than N teams have enough sheets: all of them are laureates.
        assert_eq!(r.laureate_ids(), ["B", "A"]);
    }
    // A single team with no sheet is not tied.
    put1(&mut s, "N2", &[("J1", 1)]);
    let r = rank(&s, Method::Mean);
    assert_eq!(ranks(&r), [1, 2, 3, 4]);
    assert!(!r.row("N1").unwrap().tied);
}

#[test]
fn a_too_few_sheets_team_with_the_highest_score_ranks_after_the_others() {
    let mut s = simple(&["A", "B", "T", "C"], &["J1", "J2", "J3"]);
    put1(&mut s, "A", &[("J1", 10), ("J2", 11), ("J3", 12)]);
    put1(&mut s, "B", &[("J1", 9), ("J2", 9), ("J3", 9)]);
    put1(&mut s, "T", &[("J1", 20), ("J2", 20)]);
    mark(&mut s, "T", "J3", Mark::Absent);
    put1(&mut s, "C", &[("J1", 19)]);
    mark(&mut s, "C", "J2", Mark::Absent);
    mark(&mut s, "C", "J3", Mark::Absent);
    s.settings.min_sheets = 3;
    s.settings.laureates = 3;
    for method in Method::ALL {
        let r = rank(&s, method);
        assert_eq!(order(&r), ["A", "B", "T", "C"], "{method:?}");
        assert_eq!(ranks(&r), [1, 2, 3, 4], "{method:?}");
        let t = r.row("T").unwrap();
        assert!(t.too_few_sheets && !t.laureate && !t.at_cutoff);
        assert_eq!(t.separated_by, Separation::TooFewSheets);
        assert_eq!(r.laureate_ids(), ["A", "B"], "{method:?}");
        assert!(!r.cutoff_tie);
        let warned: Vec<_> = r
            .warnings
            .iter()
            .filter(|w| w.code == WarningCode::TooFewSheets)
            .map(|w| w.team.as_deref().unwrap())
            .collect();
        assert_eq!(warned, ["T", "C"]);
        assert!(!r.provisional);
    }
}

#[test]
fn too_few_sheets_teams_never_make_a_cut_off_tie() {
    let mut s = simple(&["A", "T", "U"], &["J1", "J2"]);
    put1(&mut s, "A", &[("J1", 10), ("J2", 10)]);
    put1(&mut s, "T", &[("J1", 5)]);
    put1(&mut s, "U", &[("J2", 5)]);
    mark(&mut s, "T", "J2", Mark::Absent);
    mark(&mut s, "U", "J1", Mark::Absent);
    s.settings.min_sheets = 2;
    s.settings.laureates = 2;
    let r = rank(&s, Method::Mean);
    assert_eq!(ranks(&r), [1, 2, 2]);
    assert!(!r.cutoff_tie);
    assert!(r.ranking.iter().all(|row| !row.at_cutoff));
    assert_eq!(r.laureate_ids(), ["A"]);
}

#[test]
fn warnings_come_in_schedule_then_juror_order() {
    let mut s = simple(&["B", "A"], &["J2", "J1"]);
    s.settings.min_sheets = 2;
    put1(&mut s, "A", &[("J1", 3)]);
    s.sheets.insert(
        SheetKey::new("A".into(), "J2".into()),
        crate::domain::session::Sheet {
            values: [("c".into(), dec("4"))].into(),
            handwritten: Some(dec("5")),
            mark: None,
        },
    );
    let r = rank(&s, Method::Mean);
    let got: Vec<_> = r
        .warnings
        .iter()
        .map(|w| (w.code, w.team.clone().unwrap(), w.juror.clone()))
        .collect();
    let w = |c, t: &str, j: Option<&str>| (c, TeamId::from(t), j.map(JurorId::from));
    assert_eq!(
        got,
        [
            w(WarningCode::MissingSheet, "B", Some("J2")),
            w(WarningCode::MissingSheet, "B", Some("J1")),
            w(WarningCode::TooFewSheets, "B", None),
            w(WarningCode::ChecksumMismatch, "A", Some("J2")),
            w(WarningCode::TooFewSheets, "A", None),
        ]
    );
}

#[test]
fn spread_and_criteria_use_the_sheets_that_count() {
    let mut s = session(&["A"], &["J1", "J2", "J3", "J4"], &[("x", "1"), ("y", "1")]);
    put(&mut s, "A", "J1", &["2", "4"]);
    put(&mut s, "A", "J2", &["4", "6"]);
    put(&mut s, "A", "J3", &["1"]); // partial: left out
    // Complete, but its handwritten total is wrong: it does not count, so it
    // is in neither the spread nor the means (nor the score).
    put(&mut s, "A", "J4", &["20", "20"]);
    s.sheets
        .get_mut(&SheetKey::new("A".into(), "J4".into()))
        .unwrap()
        .handwritten = Some(dec("39"));
    let r = rank(&s, Method::Mean);
    let row = r.row("A").unwrap();
    assert_eq!(row.sheets, 2);
    assert_eq!(score(&r, "A"), Some(8.0));
    // Totals 6 and 10: population standard deviation 2.
    assert_eq!(row.spread.as_ref().unwrap().to_f64(), 2.0);
    assert_eq!(row.criteria.get("x").unwrap().to_f64(), 3.0);
    assert_eq!(row.criteria.get("y").unwrap().to_f64(), 5.0);
}

#[test]
fn values_are_read_by_criterion_whatever_the_id_order() {
    let mut s = session(&["A"], &["J1"], &[("m", "2"), ("a", "1"), ("z", "0.5")]);
    let sheet = s
        .sheets
        .entry(SheetKey::new("A".into(), "J1".into()))
        .or_default();
    for (id, v) in [("z", "4"), ("b", "7"), ("a", "1"), ("m", "3")] {
        sheet.values.insert(id.into(), dec(v));
    }
    // 2·3 + 1·1 + 0.5·4 = 9; the value of unknown criterion b is ignored.
    let r = rank(&s, Method::Mean);
    assert_eq!(score(&r, "A"), Some(9.0));
    assert_eq!(r.row("A").unwrap().criteria.get("m").unwrap().to_f64(), 3.0);
    let sheet = s
        .sheets
        .get_mut(&SheetKey::new("A".into(), "J1".into()))
        .unwrap();
    sheet.values.remove("a");
    let (a, j1) = (s.team(&"A".into()).unwrap(), s.juror(&"J1".into()).unwrap());
    assert_eq!(sheet_state(&s, a, j1), PairState::Partial);
}
