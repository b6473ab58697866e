//! The smallest change to one cell that changes the laureates.

use super::support::{dec, simple};
use crate::domain::ranking::robustness::{CellChange, smallest_change};
use crate::domain::session::{Session, SheetKey};

fn put(s: &mut Session, team: &str, juror: &str, value: &str) {
    s.sheets
        .entry(SheetKey::new(team.into(), juror.into()))
        .or_default()
        .values
        .insert("c".into(), dec(value));
}

#[test]
fn the_first_smallest_change_in_schedule_order() {
    // One laureate; A 10 + 10 = 20, B 10 + 9.8 = 19.8: one step (0.1)
    // changes nothing; two steps tie A and B at the cut-off, A's J1 down
    // first (A comes first in the schedule, a lower value first).
    let mut s = simple(&["A", "B", "C"], &["J1", "J2"]);
    s.settings.laureates = 1;
    put(&mut s, "A", "J1", "10");
    put(&mut s, "A", "J2", "10");
    put(&mut s, "B", "J1", "10");
    put(&mut s, "B", "J2", "9.8");
    put(&mut s, "C", "J1", "1");
    put(&mut s, "C", "J2", "1");
    let change = smallest_change(&s).expect("a change");
    assert_eq!(
        change,
        CellChange {
            team: "A".into(),
            juror: "J1".into(),
            criterion: "c".into(),
            from: dec("10"),
            to: dec("9.8"),
            steps: -2,
        }
    );
}

#[test]
fn a_wide_margin_needs_many_steps_and_a_lone_team_none() {
    let mut s = simple(&["A", "B"], &["J1"]);
    s.settings.laureates = 1;
    put(&mut s, "A", "J1", "60");
    put(&mut s, "B", "J1", "50");
    // B up 10 ties (100 steps of 0.1); A down 10 too, and A comes first.
    let change = smallest_change(&s).unwrap();
    assert_eq!((change.team.as_str(), change.steps), ("A", -100));
    let mut lone = simple(&["A"], &["J1"]);
    lone.settings.laureates = 1;
    put(&mut lone, "A", "J1", "60");
    assert_eq!(smallest_change(&lone), None);
}

#[test]
fn the_search_stops_at_its_budget_and_skips_what_cannot_change() {
    use crate::domain::ranking::robustness::{Search, search};
    let mut s = simple(&["A", "B"], &["J1"]);
    s.settings.laureates = 1;
    put(&mut s, "A", "J1", "60");
    put(&mut s, "B", "J1", "50");
    // Four tries a step (two cells, down and up): ten tries reach step 2.
    assert_eq!(search(&s, 10), Search::Stopped { steps: 2 });
    // Both teams laureates: nothing to search.
    s.settings.laureates = 2;
    assert_eq!(search(&s, 0), Search::None);
    // A handwritten total moves with its value: the sheet still counts.
    s.settings.laureates = 1;
    s.sheets
        .get_mut(&SheetKey::new("A".into(), "J1".into()))
        .unwrap()
        .handwritten = Some(dec("60"));
    let Search::Found(change) = search(&s, usize::MAX) else {
        panic!("found");
    };
    assert_eq!((change.team.as_str(), change.to), ("A", dec("50")));
}
