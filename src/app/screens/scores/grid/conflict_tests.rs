//! Two terminals typing over the same cell: a commit claims the value the
//! cell showed when typing started, never the freshest one.

use super::tests::{key, save, typed};
use super::*;
use crate::domain::fixture::{d, put, session};

#[test]
fn a_cell_changed_by_the_other_terminal_while_typing_is_refused_with_both_values() {
    let mut s = session();
    let mut g = Grid::default();
    // A types 4 over the empty cell, without Enter.
    assert!(typed(&mut g, &s, "4").is_empty());
    // B saves 1 in the same cell; A's screen reloads.
    put(&mut s, "T01", "J1", &[("impact", "1")]);
    let cell = key("T01", "J1", "impact");
    assert_eq!(g.changed_meanwhile(&s), Some((&cell, None, Some(d("1")))));
    // Enter in A: nothing sent, both values said, the typed 4 kept.
    assert_eq!(g.handle(&s, GridKey::Enter), None);
    assert_eq!(
        g.status,
        Some(Status::ChangedMeanwhile {
            seen: None,
            current: Some(d("1")),
            typed: d("4"),
        })
    );
    assert_eq!(g.input, "4");
    assert_eq!((g.row, g.col), (0, 0), "the cursor stays on the cell");
    assert_eq!(g.refused, Some(cell.clone()));
    // Enter again replaces the value now shown, knowingly.
    let change = g.handle(&s, GridKey::Enter).expect("sent");
    assert_eq!(
        change,
        super::tests::t01_j1_impact(Edit::new(Some(d("1")), Some(d("4"))))
    );
    save(&mut s, &mut g, &change);
    assert_eq!(g.value(&s, &cell), Some(d("4")));
    assert_eq!(g.refused, None);
}

#[test]
fn the_same_value_typed_on_both_terminals_is_not_a_conflict() {
    let mut s = session();
    let mut g = Grid::default();
    typed(&mut g, &s, "4");
    put(&mut s, "T01", "J1", &[("impact", "4")]);
    assert_eq!(g.handle(&s, GridKey::Enter), None);
    assert_eq!(g.status, None);
    assert_eq!((g.input.as_str(), g.col), ("", 1), "moved on");
}

#[test]
fn the_value_seen_is_taken_again_once_the_input_is_emptied() {
    let mut s = session();
    let mut g = Grid::default();
    typed(&mut g, &s, "4");
    put(&mut s, "T01", "J1", &[("impact", "1")]);
    // Erasing the input shows the cell's value again: 1 is now seen.
    g.handle(&s, GridKey::Backspace);
    assert_eq!(g.changed_meanwhile(&s), None);
    let sent = typed(&mut g, &s, "3\n");
    assert!(matches!(
        sent.as_slice(),
        [Change::SetCell { edit: Edit { seen: Some(v), new: Some(n) }, .. }] if *v == d("1") && *n == d("3")
    ));
}

#[test]
fn delete_while_typing_clears_only_what_was_shown() {
    let mut s = session();
    let mut g = Grid::default();
    typed(&mut g, &s, "4");
    put(&mut s, "T01", "J1", &[("impact", "1")]);
    // The cell showed empty when typing started: nothing to clear, 1 stays.
    assert_eq!(g.handle(&s, GridKey::Delete), None);
    assert_eq!(g.input, "");
    assert_eq!(g.value(&s, &key("T01", "J1", "impact")), Some(d("1")));
    // Typed over a value the other terminal then changed: the clear claims
    // the value seen, so the save is refused rather than erasing 2.
    typed(&mut g, &s, "3");
    put(&mut s, "T01", "J1", &[("impact", "2")]);
    let change = g.handle(&s, GridKey::Delete).expect("sent");
    assert!(
        matches!(change, Change::SetCell { edit: Edit { seen: Some(v), new: None }, .. } if v == d("1"))
    );
    save(&mut s, &mut g, &change);
    assert_eq!(g.value(&s, &key("T01", "J1", "impact")), Some(d("2")));
    assert!(matches!(g.status, Some(Status::SaveRefused(_))));
}

#[test]
fn s_jumps_to_the_team_on_stage_and_home_end_reach_the_row_ends() {
    let mut s = session();
    s.stage.team = Some("T01".into());
    let mut g = Grid::default();
    g.open(&s);
    s.stage.team = Some("T03".into());
    // Home / End: first and last cell (the handwritten total) of the row.
    g.handle(&s, GridKey::RowEnd);
    assert_eq!(g.col, s.criteria.len());
    g.handle(&s, GridKey::RowStart);
    assert_eq!(g.col, 0);
    // A half-typed value is never committed in passing: `s`, PgUp and PgDn
    // keep it and stay until it is committed (Enter) or discarded (Esc).
    typed(&mut g, &s, "2");
    for key in [GridKey::StageTeam, GridKey::NextTeam, GridKey::PrevTeam] {
        g.status = None;
        assert_eq!(g.handle(&s, key), None, "{key:?}: nothing saved");
        assert_eq!(g.team.as_deref(), Some("T01"), "{key:?}: stays");
        assert_eq!(g.input, "2", "{key:?}: kept");
        assert_eq!(g.status, Some(Status::FinishEntry), "{key:?}");
    }
    let change = g.handle(&s, GridKey::Enter).expect("committed");
    assert!(matches!(change, Change::SetCell { ref team, .. } if team == "T01"));
    g.handle(&s, GridKey::StageTeam);
    assert_eq!(g.team.as_deref(), Some("T03"));
    assert_eq!((g.row, g.col), (0, 0));
    assert_eq!(g.stage_moved_on(&s), None);
    // Already there, or nobody on stage: the grid stays.
    g.handle(&s, GridKey::Right);
    g.handle(&s, GridKey::StageTeam);
    assert_eq!((g.team.as_deref(), g.col), (Some("T03"), 1));
    s.stage.team = None;
    g.handle(&s, GridKey::StageTeam);
    assert_eq!(g.team.as_deref(), Some("T03"));
}
