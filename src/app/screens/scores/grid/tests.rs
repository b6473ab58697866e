use super::*;
use crate::domain::apply;
use crate::domain::fixture::{d, mark, put, put3, session};
use crate::domain::{Mark, PairState, Refusal};

/// Type a string of keys: digits and separators as characters, `\n` Enter.
pub(super) fn typed(grid: &mut Grid, s: &Session, text: &str) -> Vec<Change> {
    let mut out = Vec::new();
    for c in text.chars() {
        let key = if c == '\n' {
            GridKey::Enter
        } else {
            GridKey::Char(c)
        };
        out.extend(grid.handle(s, key));
    }
    out
}

/// Save a change as the storage would: apply, then report back.
pub(super) fn save(s: &mut Session, grid: &mut Grid, change: &Change) {
    let outcome = match apply(s, change) {
        Ok(()) => SaveOutcome::Saved(std::sync::Arc::new(s.clone())),
        Err(refusal) => SaveOutcome::Refused {
            refusal,
            fresh: None,
        },
    };
    grid.on_outcome(change, &outcome);
}

pub(super) fn key(team: &str, juror: &str, criterion: &str) -> CellKey {
    CellKey {
        team: team.into(),
        juror: juror.into(),
        column: Column::Criterion(criterion.into()),
    }
}

#[test]
fn opens_on_the_team_on_stage_then_stays() {
    let mut s = session();
    s.stage.team = Some("T02".into());
    let mut g = Grid::default();
    g.open(&s);
    assert_eq!(g.team.as_deref(), Some("T02"));
    assert_eq!(g.stage_moved_on(&s), None);
    s.stage.team = Some("T03".into());
    g.open(&s);
    assert_eq!(g.team.as_deref(), Some("T02"), "the grid stays on its team");
    assert_eq!(g.stage_moved_on(&s).map(TeamId::as_str), Some("T03"));
    g.handle(&s, GridKey::NextTeam);
    assert_eq!(g.team.as_deref(), Some("T03"));
    assert_eq!(g.stage_moved_on(&s), None);
    // Nothing on stage: the first scheduled team.
    let mut g = Grid::default();
    g.open(&session());
    assert_eq!(g.team.as_deref(), Some("T01"));
}

#[test]
fn entry_commits_a_cell_with_the_value_seen_and_moves_right_then_down() {
    let mut s = session();
    let mut g = Grid::default();
    let changes = typed(&mut g, &s, "4\n3,5\n");
    assert_eq!(
        changes,
        vec![
            Change::SetCell {
                team: "T01".into(),
                juror: "J1".into(),
                criterion: "impact".into(),
                edit: Edit::new(None, Some(d("4"))),
            },
            Change::SetCell {
                team: "T01".into(),
                juror: "J1".into(),
                criterion: "faisabilite".into(),
                edit: Edit::new(None, Some(d("3.5"))),
            },
        ]
    );
    assert_eq!((g.row, g.col), (0, 2));
    // Pending until saved: shown, but not yet on disk.
    let k = key("T01", "J1", "impact");
    assert!(g.is_pending(&k));
    assert_eq!(g.value(&s, &k), Some(d("4")));
    for c in &changes {
        save(&mut s, &mut g, c);
    }
    assert!(!g.is_pending(&k));
    assert!(g.pending.is_empty());
    assert_eq!(
        s.value(&"T01".into(), &"J1".into(), &"faisabilite".into()),
        Some(d("3.5"))
    );
    // Third criterion, then the handwritten total, then the next juror's row.
    let more = typed(&mut g, &s, "2\n9.5\n");
    assert!(
        matches!(more[1], Change::SetHandwritten { edit: Edit { new: Some(v), .. }, .. } if v == d("9.5"))
    );
    assert_eq!((g.row, g.col), (1, 0));
    // Replacing a value carries the value seen.
    for c in &more {
        save(&mut s, &mut g, c);
    }
    g.row = 0;
    g.col = 0;
    let again = typed(&mut g, &s, "5\n");
    assert!(matches!(
        again[0],
        Change::SetCell { edit: Edit { seen: Some(old), new: Some(new) }, .. } if old == d("4") && new == d("5")
    ));
}

#[test]
fn the_value_seen_follows_a_pending_change_of_the_same_cell() {
    let s = session();
    let mut g = Grid::default();
    typed(&mut g, &s, "4\n");
    g.handle(&s, GridKey::Left);
    let second = typed(&mut g, &s, "3\n");
    assert!(matches!(
        second[0],
        Change::SetCell { edit: Edit { seen: Some(old), new: Some(new) }, .. } if old == d("4") && new == d("3")
    ));
}

#[test]
fn enter_on_an_empty_input_moves_without_a_change() {
    let s = session();
    let mut g = Grid::default();
    assert!(typed(&mut g, &s, "\n\n\n\n").is_empty());
    assert_eq!(
        (g.row, g.col),
        (1, 0),
        "three criteria and the total skipped"
    );
}

#[test]
fn out_of_range_off_step_and_garbage_are_refused_locally() {
    let s = session();
    let mut g = Grid::default();
    assert!(typed(&mut g, &s, "7\n").is_empty());
    assert!(matches!(
        &g.status,
        Some(Status::NotSent(NotSent::Refused { refusal: Refusal::OutOfRange { .. }, text })) if text == "7"
    ));
    assert_eq!((g.row, g.col), (0, 0), "the cursor stays");
    assert_eq!(g.input, "7", "what was typed is still shown");
    assert_eq!(g.refused, Some(key("T01", "J1", "impact")));
    assert!(g.pending.is_empty());
    // The next digit replaces the refused text.
    assert_eq!(typed(&mut g, &s, "4\n").len(), 1);
    assert_eq!(g.refused, None);
    // Feasibility has a 0.5 step: 3.25 is off step.
    assert!(typed(&mut g, &s, "3,25\n").is_empty());
    assert!(matches!(
        &g.status,
        Some(Status::NotSent(NotSent::Refused {
            refusal: Refusal::OffStep { .. },
            ..
        }))
    ));
    g.handle(&s, GridKey::Escape);
    assert_eq!(g.input, "");
    assert_eq!(g.status, None);
    assert!(typed(&mut g, &s, "1.2.\n").is_empty());
    assert!(matches!(
        &g.status,
        Some(Status::NotSent(NotSent::NotANumber { .. }))
    ));
    // Letters never reach the input.
    g.handle(&s, GridKey::Escape);
    g.handle(&s, GridKey::Char('x'));
    assert_eq!(g.input, "");
}

#[test]
fn arrows_move_and_commit_a_half_typed_value() {
    let s = session();
    let mut g = Grid::default();
    g.open(&s);
    g.handle(&s, GridKey::Down);
    g.handle(&s, GridKey::Down);
    g.handle(&s, GridKey::Right);
    assert_eq!((g.row, g.col), (2, 1));
    g.handle(&s, GridKey::Up);
    g.handle(&s, GridKey::Left);
    g.handle(&s, GridKey::Left);
    assert_eq!((g.row, g.col), (1, 0));
    for _ in 0..10 {
        g.handle(&s, GridKey::Right);
        g.handle(&s, GridKey::Down);
    }
    assert_eq!(
        (g.row, g.col),
        (4, 3),
        "stops at the last juror and the total"
    );
    g.handle(&s, GridKey::Left);
    let sent = typed(&mut g, &s, "2");
    assert!(sent.is_empty());
    let moved = g.handle(&s, GridKey::Up);
    assert!(matches!(moved, Some(Change::SetCell { ref juror, .. }) if juror == "J5"));
    assert_eq!((g.row, g.col), (3, 2));
}

#[test]
fn delete_clears_the_cell() {
    let mut s = session();
    put(&mut s, "T01", "J1", &[("impact", "4")]);
    let mut g = Grid::default();
    g.open(&s);
    g.input = "3".into();
    let change = g.handle(&s, GridKey::Delete).expect("a clear");
    assert_eq!(change, t01_j1_impact(Edit::new(Some(d("4")), None)));
    assert_eq!(g.input, "");
    assert_eq!((g.row, g.col), (0, 0));
    save(&mut s, &mut g, &change);
    assert_eq!(s.value(&"T01".into(), &"J1".into(), &"impact".into()), None);
    assert_eq!(g.handle(&s, GridKey::Delete), None, "already empty");
}

#[test]
fn recused_and_absent_cells_cannot_be_entered() {
    let mut s = session();
    s.settings.recuse_same_org = true; // J1 is from the Somme, like T01
    mark(&mut s, "T01", "J3", Mark::Recused);
    mark(&mut s, "T01", "J4", Mark::Absent);
    let mut g = Grid::default();
    g.open(&s);
    assert_eq!(g.row, 1, "opens on the first juror who scores the team");
    g.row = 0;
    assert!(typed(&mut g, &s, "3\n").is_empty());
    assert_eq!(g.input, "");
    assert!(matches!(
        &g.status,
        Some(Status::NotSent(NotSent::NotScored {
            status: PairState::AutoRecused,
            ..
        }))
    ));
    // Enter at the end of J2's row skips J3 (recused) and J4 (absent).
    g.row = 1;
    g.col = 3;
    g.handle(&s, GridKey::Enter);
    assert_eq!(g.row, 4);
    g.row = 2;
    g.handle(&s, GridKey::Char('1'));
    assert!(matches!(
        &g.status,
        Some(Status::NotSent(NotSent::NotScored {
            status: PairState::Recused,
            ..
        }))
    ));
    assert_eq!(g.handle(&s, GridKey::Delete), None);
}

#[test]
fn absent_for_this_team_toggles() {
    let mut s = session();
    let mut g = Grid::default();
    g.open(&s);
    let change = g
        .handle(&s, GridKey::Absent)
        .expect("absent at once: nothing to lose");
    assert!(
        matches!(&change, Change::SetSheet { juror, edit: Edit { new, .. }, .. }
        if juror == "J1" && new.mark == Some(Mark::Absent))
    );
    save(&mut s, &mut g, &change);
    assert_eq!(
        crate::domain::scoring::pair_state(&s, &"T01".into(), &"J1".into()),
        PairState::Absent
    );
    let back = g.handle(&s, GridKey::Absent).expect("present again");
    save(&mut s, &mut g, &back);
    assert_eq!(s.sheet(&"T01".into(), &"J1".into()), None);
}

#[test]
fn absent_over_values_asks_first_and_no_keeps_them() {
    let mut s = session();
    put(&mut s, "T01", "J1", &[("impact", "4")]);
    let mut g = Grid::default();
    g.open(&s);
    assert_eq!(g.handle(&s, GridKey::Absent), None);
    assert!(matches!(&g.status, Some(Status::Ask(Ask::Absent { .. }))));
    assert_eq!(g.handle(&s, GridKey::Escape), None);
    assert!(!g.is_asking());
    g.handle(&s, GridKey::Absent);
    let change = g.handle(&s, GridKey::Yes).expect("confirmed");
    assert!(
        matches!(&change, Change::SetSheet { edit: Edit { seen, .. }, .. } if seen.values.len() == 1)
    );
    save(&mut s, &mut g, &change);
    assert_eq!(s.value(&"T01".into(), &"J1".into(), &"impact".into()), None);
}

#[test]
fn absent_for_every_remaining_team_is_one_batch() {
    let mut s = session();
    s.stage.team = Some("T02".into());
    put3(&mut s, "T04", "J3", "1", "1", "1"); // already scored: left alone
    s.verified.insert("T03".into()); // locked: left alone
    put3(&mut s, "T01", "J3", "2", "2", "2"); // before this team: left alone
    let mut g = Grid::default();
    g.open(&s);
    g.row = 2;
    assert_eq!(g.handle(&s, GridKey::AbsentForRest), None, "asks first");
    let Some(Status::Ask(Ask::AbsentForRest {
        teams,
        locked,
        scored,
        ..
    })) = &g.status
    else {
        panic!("expected a question, got {:?}", g.status);
    };
    assert_eq!(teams, &["T02"]);
    assert_eq!(locked, &["T03"], "the question names the locked team");
    assert_eq!(scored, &["T04"]);
    let change = g.handle(&s, GridKey::Enter).expect("confirmed");
    let Change::Batch { changes, .. } = &change else {
        panic!("a batch");
    };
    assert_eq!(changes.len(), 1);
    save(&mut s, &mut g, &change);
    assert_eq!(
        s.sheet(&"T02".into(), &"J3".into()).and_then(|x| x.mark),
        Some(Mark::Absent)
    );
    assert!(s.sheet(&"T04".into(), &"J3".into()).unwrap().mark.is_none());

    // From the first team, with nothing entered: every scheduled team.
    let mut s = session();
    s.teams[2].status = TeamStatus::Withdrawn;
    let mut g = Grid::default();
    g.open(&s);
    g.row = 1;
    g.handle(&s, GridKey::AbsentForRest);
    let change = g.handle(&s, GridKey::Yes).unwrap();
    save(&mut s, &mut g, &change);
    let absent: Vec<&str> = s
        .sheets
        .iter()
        .filter(|(_, sh)| sh.mark == Some(Mark::Absent))
        .map(|(k, _)| k.team.as_str())
        .collect();
    assert_eq!(absent, ["T01", "T02", "T04"]);
    // Nothing left to mark.
    assert_eq!(g.handle(&s, GridKey::AbsentForRest), None);
    assert_eq!(g.status, Some(Status::NothingToMark { locked: vec![] }));
}

#[test]
fn undo_of_a_grid_change_restores_the_cell() {
    // Undo is the app's `u`: it applies the inverse of this terminal's last
    // operation. Every change the grid builds must invert exactly.
    let mut s = session();
    put(&mut s, "T01", "J1", &[("impact", "2")]);
    let before = s.clone();
    let mut g = Grid::default();
    let change = typed(&mut g, &s, "4\n").remove(0);
    save(&mut s, &mut g, &change);
    assert_eq!(
        s.value(&"T01".into(), &"J1".into(), &"impact".into()),
        Some(d("4"))
    );
    apply(&mut s, &change.inverse().unwrap()).unwrap();
    assert_eq!(s, before);
    // The same for a batch of absences.
    g.row = 1;
    g.handle(&s, GridKey::AbsentForRest);
    let batch = g.handle(&s, GridKey::Yes).unwrap();
    save(&mut s, &mut g, &batch);
    assert_ne!(s, before);
    apply(&mut s, &batch.inverse().unwrap()).unwrap();
    assert_eq!(s, before);
}

#[test]
fn verification_locks_and_unlocking_asks() {
    let mut s = session();
    put3(&mut s, "T01", "J1", "1", "1", "1");
    let mut g = Grid::default();
    g.open(&s);
    // Four expected sheets do not count yet: it asks first, saying so.
    assert_eq!(g.handle(&s, GridKey::Verify), None);
    assert!(matches!(
        g.status,
        Some(Status::Ask(Ask::VerifyIncomplete {
            not_counting: 4,
            ..
        }))
    ));
    assert_eq!(g.handle(&s, GridKey::Escape), None, "no: nothing locked");
    assert_eq!(g.status, None);
    g.handle(&s, GridKey::Verify);
    let lock = g.handle(&s, GridKey::Yes).expect("yes: locked");
    assert_eq!(
        lock,
        Change::SetVerified {
            team: "T01".into(),
            edit: Edit::new(false, true),
        }
    );
    assert_eq!(g.status, Some(Status::Verified { not_counting: 4 }));
    save(&mut s, &mut g, &lock);
    // Locked: typing, clearing and absences are refused locally.
    g.handle(&s, GridKey::Char('3'));
    assert_eq!(g.status, Some(Status::Locked));
    assert_eq!(g.input, "");
    assert_eq!(g.handle(&s, GridKey::Delete), None);
    assert_eq!(g.handle(&s, GridKey::Absent), None);
    // Unlocking asks; any other key keeps the lock.
    assert_eq!(g.handle(&s, GridKey::Verify), None);
    assert!(g.is_asking());
    assert_eq!(g.handle(&s, GridKey::Escape), None);
    assert_eq!(g.handle(&s, GridKey::Verify), None);
    let unlock = g.handle(&s, GridKey::Yes).expect("unlocked");
    assert!(matches!(
        unlock,
        Change::SetVerified {
            edit: Edit {
                seen: true,
                new: false
            },
            ..
        }
    ));
    save(&mut s, &mut g, &unlock);
    assert!(s.verified.is_empty());
    // A half-typed value must be finished first.
    typed(&mut g, &s, "3");
    assert_eq!(g.handle(&s, GridKey::Verify), None);
    assert_eq!(g.status, Some(Status::FinishEntry));
    assert_eq!(g.input, "3");
    // Every expected sheet counts: locked at once.
    let mut s = session();
    for j in ["J1", "J2", "J3", "J4", "J5"] {
        put3(&mut s, "T01", j, "1", "1", "1");
    }
    let mut g = Grid::default();
    g.open(&s);
    assert!(g.handle(&s, GridKey::Verify).is_some(), "no question");
    assert_eq!(g.status, Some(Status::Verified { not_counting: 0 }));
}

#[test]
fn a_handwritten_total_that_differs_from_the_sum_is_flagged() {
    let mut s = session();
    let mut g = Grid::default();
    for c in typed(&mut g, &s, "4\n3.5\n2\n9\n") {
        save(&mut s, &mut g, &c);
    }
    assert_eq!(
        g.status,
        Some(Status::Mismatch {
            juror: "J1".into(),
            handwritten: d("9"),
            sum: d("9.5"),
        })
    );
    assert_eq!(
        s.sheet(&"T01".into(), &"J1".into()).unwrap().handwritten,
        Some(d("9"))
    );
    assert_eq!(
        crate::domain::scoring::pair_state(&s, &"T01".into(), &"J1".into()),
        PairState::Mismatch
    );
    // Resolved by correcting the handwritten total.
    g.row = 0;
    g.col = 3;
    for c in typed(&mut g, &s, "9,5\n") {
        save(&mut s, &mut g, &c);
    }
    assert_eq!(g.status, None);
    assert_eq!(
        crate::domain::scoring::pair_state(&s, &"T01".into(), &"J1".into()),
        PairState::Entered
    );
}

#[test]
fn disagreement_asks_once_and_never_loses_what_was_typed() {
    let mut s = session();
    put3(&mut s, "T01", "J2", "2", "2", "2"); // 8
    put3(&mut s, "T01", "J3", "3", "2", "2"); // 10
    let mut g = Grid::default();
    for c in typed(&mut g, &s, "5\n5\n") {
        save(&mut s, &mut g, &c);
    }
    // 5, 5, 5 → 20, far from the median 9 (a quarter of 20 is 5).
    assert!(typed(&mut g, &s, "5\n").is_empty());
    let Some(Status::Ask(Ask::Disagreement { found, .. })) = &g.status else {
        panic!("expected the disagreement question, got {:?}", g.status);
    };
    assert_eq!(
        found.median,
        crate::domain::scoring::Total::from_dec(d("9"))
    );
    assert_eq!(g.input, "5", "still typed");
    assert_eq!((g.row, g.col), (0, 2));
    // No: back to the typed value, nothing sent.
    assert_eq!(g.handle(&s, GridKey::Escape), None);
    assert_eq!(g.input, "5");
    g.handle(&s, GridKey::Backspace);
    // 5, 5, 0 → 15: still 6 away from 9, so it asks again.
    let close = typed(&mut g, &s, "0\n");
    assert!(close.is_empty(), "15 is still more than 5 from 9");
    assert!(g.is_asking());
    // Yes: sent, and the cursor moves on as Enter would have.
    let sent = g.handle(&s, GridKey::Yes).expect("confirmed");
    assert!(matches!(sent, Change::SetCell { edit: Edit { new: Some(v), .. }, .. } if v == d("0")));
    assert_eq!((g.row, g.col), (0, 3));
    assert_eq!(g.input, "");
}

#[test]
fn a_refused_save_is_marked_and_explained() {
    let mut s = session();
    let mut g = Grid::default();
    let change = typed(&mut g, &s, "4\n").remove(0);
    // The other terminal set the same cell meanwhile.
    put(&mut s, "T01", "J1", &[("impact", "1")]);
    save(&mut s, &mut g, &change);
    assert!(g.pending.is_empty());
    assert_eq!(g.refused, Some(key("T01", "J1", "impact")));
    assert!(matches!(
        g.status,
        Some(Status::SaveRefused(Refusal::StaleCell { .. }))
    ));
    assert_eq!(g.value(&s, &key("T01", "J1", "impact")), Some(d("1")));
}

#[test]
fn a_half_typed_value_is_kept_in_the_grid() {
    let s = session();
    let mut g = Grid::default();
    typed(&mut g, &s, "1,");
    assert!(g.half_typed());
    // Switching screens does not touch the grid; reopening keeps everything.
    g.open(&s);
    assert_eq!(g.input, "1,");
    typed(&mut g, &s, "5");
    assert_eq!(g.input, "1,5");
}

#[test]
fn previous_and_next_team_follow_the_schedule_skipping_withdrawn() {
    let mut s = session();
    s.teams[1].status = TeamStatus::Withdrawn;
    let mut g = Grid::default();
    g.open(&s);
    g.handle(&s, GridKey::NextTeam);
    assert_eq!(g.team.as_deref(), Some("T03"));
    g.handle(&s, GridKey::NextTeam);
    g.handle(&s, GridKey::NextTeam);
    assert_eq!(g.team.as_deref(), Some("T04"), "stays on the last");
    g.handle(&s, GridKey::PrevTeam);
    assert_eq!(g.team.as_deref(), Some("T03"));
    // A half-typed value must be committed (or discarded) before leaving.
    g.row = 1;
    typed(&mut g, &s, "2");
    assert_eq!(g.handle(&s, GridKey::PrevTeam), None);
    assert_eq!(g.team.as_deref(), Some("T03"));
    assert_eq!(g.status, Some(Status::FinishEntry));
    g.handle(&s, GridKey::Escape);
    assert_eq!(g.handle(&s, GridKey::PrevTeam), None);
    assert_eq!(g.team.as_deref(), Some("T01"));
}

/// The change to T01 J1's impact.
pub(super) fn t01_j1_impact(edit: Edit<Option<Dec>>) -> Change {
    Change::SetCell {
        team: "T01".into(),
        juror: "J1".into(),
        criterion: "impact".into(),
        edit,
    }
}
