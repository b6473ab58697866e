//! The laureate cut-off: ties across it, order and admit decisions under
//! every method, stale decisions.

use super::support::*;
use crate::domain::ranking::{WarningCode, decisions::names_cutoff_group, rank};
use crate::domain::session::{DecisionKind, Method, Session};

/// A first; B and C identical (tied under every method); D last. N = 2, so
/// B and C (places 2..3) straddle the cut-off.
fn straddling() -> Session {
    let mut s = simple(&["A", "B", "C", "D"], &["J1", "J2", "J3"]);
    put1(&mut s, "A", &[("J1", 18), ("J2", 18), ("J3", 18)]);
    put1(&mut s, "B", &[("J1", 15), ("J2", 12), ("J3", 14)]);
    put1(&mut s, "C", &[("J1", 15), ("J2", 12), ("J3", 14)]);
    put1(&mut s, "D", &[("J1", 5), ("J2", 6), ("J3", 7)]);
    s.settings.laureates = 2;
    s
}

fn flags(r: &crate::domain::ranking::Ranking, team: &str) -> (usize, bool, bool, bool) {
    let row = r.row(team).unwrap();
    (row.rank, row.laureate, row.tied, row.at_cutoff)
}

#[test]
fn a_tie_across_the_cut_off_under_every_method() {
    let s = straddling();
    for method in Method::ALL {
        let r = rank(&s, method);
        assert!(r.cutoff_tie, "{method:?}");
        assert_eq!(order(&r), ["A", "B", "C", "D"], "{method:?}");
        assert_eq!(flags(&r, "A"), (1, true, false, false), "{method:?}");
        assert_eq!(flags(&r, "B"), (2, false, true, true), "{method:?}");
        assert_eq!(flags(&r, "C"), (2, false, true, true), "{method:?}");
        assert_eq!(flags(&r, "D"), (4, false, false, false), "{method:?}");
        assert_eq!(r.cutoff_groups(), vec![vec!["B", "C"]]);
        assert!(names_cutoff_group(&r, &["C".into(), "B".into()]));
        assert!(!names_cutoff_group(&r, &["A".into(), "B".into()]));
        assert!(!names_cutoff_group(&r, &["B".into()]));
        assert!(!names_cutoff_group(
            &r,
            &["B".into(), "C".into(), "C".into()]
        ));
    }
}

#[test]
fn an_order_decision_orders_the_group_under_every_method() {
    let mut s = straddling();
    decide(&mut s, DecisionKind::Order, &["C", "B"]);
    for method in Method::ALL {
        let r = rank(&s, method);
        assert!(!r.cutoff_tie, "{method:?}");
        assert_eq!(order(&r), ["A", "C", "B", "D"], "{method:?}");
        assert_eq!(flags(&r, "C"), (2, true, false, true), "{method:?}");
        assert_eq!(flags(&r, "B"), (3, false, false, true), "{method:?}");
        assert_eq!(flags(&r, "D"), (4, false, false, false), "{method:?}");
        assert_eq!(r.laureate_ids(), ["A", "C"]);
        assert!(r.warnings.is_empty(), "{method:?}: {:?}", r.warnings);
        assert_eq!(r.decision_for("B"), Some(DecisionKind::Order));
    }
}

#[test]
fn an_admit_decision_admits_the_whole_group_under_every_method() {
    let mut s = straddling();
    decide(&mut s, DecisionKind::Admit, &["C", "B"]);
    for method in Method::ALL {
        let r = rank(&s, method);
        assert!(!r.cutoff_tie, "{method:?}");
        assert_eq!(order(&r), ["A", "B", "C", "D"], "{method:?}");
        assert_eq!(flags(&r, "B"), (2, true, true, true), "{method:?}");
        assert_eq!(flags(&r, "C"), (2, true, true, true), "{method:?}");
        assert_eq!(r.laureate_ids().len(), 3, "more than N laureates");
    }
}

#[test]
fn the_latest_matching_decision_wins() {
    let mut s = straddling();
    decide(&mut s, DecisionKind::Order, &["C", "B"]);
    decide(&mut s, DecisionKind::Admit, &["B", "C"]);
    let r = rank(&s, Method::Mean);
    assert_eq!(flags(&r, "B"), (2, true, true, true));
    assert_eq!(r.row("B").unwrap().decision, Some(1));
    decide(&mut s, DecisionKind::Order, &["B", "C"]);
    let r = rank(&s, Method::Mean);
    assert_eq!(order(&r), ["A", "B", "C", "D"]);
    assert_eq!(flags(&r, "C"), (3, false, false, true));
    assert!(r.warnings.is_empty(), "superseded decisions are not stale");
    assert_eq!(r.decisions.len(), 3);
}

#[test]
fn a_stale_decision_warns_under_the_official_method_only() {
    let mut s = straddling();
    decide(&mut s, DecisionKind::Order, &["C", "B"]);
    // B's J3 sheet changes: B and C are no longer equal.
    put(&mut s, "B", "J3", &["14.5"]);
    for method in Method::ALL {
        let r = rank(&s, method);
        assert_eq!(
            order(&r),
            ["A", "B", "C", "D"],
            "{method:?}: never reordered"
        );
        assert_eq!(ranks(&r), [1, 2, 3, 4]);
        assert!(!r.cutoff_tie);
        assert_eq!(r.laureate_ids(), ["A", "B"]);
        let stale: Vec<_> = r
            .warnings
            .iter()
            .filter(|w| w.code == WarningCode::StaleDecision)
            .collect();
        if method == s.settings.method {
            assert!(r.official);
            assert_eq!(stale.len(), 1);
            assert_eq!(stale[0].team.as_deref(), Some("C"));
            assert_eq!(stale[0].juror, None);
        } else {
            assert!(!r.official);
            assert!(stale.is_empty(), "{method:?}");
        }
    }
}

#[test]
fn a_score_change_after_replaced_decisions_makes_only_the_latest_stale() {
    let mut s = straddling();
    decide(&mut s, DecisionKind::Admit, &["B", "C"]);
    decide(&mut s, DecisionKind::Order, &["C", "B"]);
    decide(&mut s, DecisionKind::Admit, &["C", "B"]);
    // B's J3 sheet changes: B and C are no longer equal.
    put(&mut s, "B", "J3", &["14.5"]);
    let r = rank(&s, Method::Mean);
    let stale: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::StaleDecision)
        .collect();
    assert_eq!(stale.len(), 1, "the replaced decisions are not stale too");
    assert_eq!(
        stale[0].team.as_deref(),
        Some("C"),
        "the latest names C first"
    );
}

#[test]
fn a_decision_naming_more_than_the_group_is_stale() {
    let mut s = straddling();
    decide(&mut s, DecisionKind::Admit, &["B", "C", "D"]);
    let r = rank(&s, Method::Mean);
    assert!(r.cutoff_tie);
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].code, WarningCode::StaleDecision);
}

#[test]
fn a_decision_applies_to_its_group_even_away_from_the_cut_off() {
    let mut s = straddling();
    decide(&mut s, DecisionKind::Order, &["C", "B"]);
    s.settings.laureates = 1;
    let r = rank(&s, Method::Mean);
    assert_eq!(order(&r), ["A", "C", "B", "D"]);
    assert_eq!(flags(&r, "C"), (2, false, false, false));
    assert_eq!(flags(&r, "B"), (3, false, false, false));
    assert!(r.warnings.is_empty());
}

#[test]
fn a_group_ending_exactly_at_the_cut_off_is_laureate() {
    let mut s = straddling();
    s.settings.laureates = 3;
    let r = rank(&s, Method::Mean);
    assert!(!r.cutoff_tie);
    assert_eq!(flags(&r, "B"), (2, true, true, false));
    assert_eq!(flags(&r, "C"), (2, true, true, false));
    assert_eq!(r.laureate_ids(), ["A", "B", "C"]);
}

#[test]
fn a_cut_off_tie_on_the_first_place() {
    let mut s = straddling();
    s.settings.laureates = 1;
    put1(&mut s, "B", &[("J1", 18), ("J2", 18), ("J3", 18)]);
    let r = rank(&s, Method::Mean);
    assert!(r.cutoff_tie);
    assert_eq!(flags(&r, "A"), (1, false, true, true));
    assert_eq!(flags(&r, "B"), (1, false, true, true));
    assert!(r.laureate_ids().is_empty());
}

#[test]
fn a_decision_by_or_reason_too_long_or_with_a_control_character_is_refused() {
    use crate::domain::ranking::decisions::{
        DECISION_TEXT_MAX, DecisionField, DecisionProblem, TextFault, problems,
    };
    let mut s = straddling();
    decide(&mut s, DecisionKind::Order, &["C", "B"]);
    let mut decision = s.decisions.pop().unwrap();
    assert_eq!(problems(&s, &decision), []);
    decision.by = "j".repeat(DECISION_TEXT_MAX);
    decision.reason = "vote\u{1b}[2J".into();
    assert_eq!(
        problems(&s, &decision),
        [DecisionProblem::BadText(
            DecisionField::Reason,
            TextFault::Unsafe
        )]
    );
    decision.by.push('j');
    decision.reason = "un vote \u{202e}à main levée".into();
    assert_eq!(
        problems(&s, &decision),
        [
            DecisionProblem::BadText(DecisionField::By, TextFault::TooLong),
            DecisionProblem::BadText(DecisionField::Reason, TextFault::Unsafe),
        ]
    );
}
