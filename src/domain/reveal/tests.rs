use super::*;
use crate::domain::fixture::{put3, session};
use crate::domain::ranking::finality::Finality;
use crate::domain::{Change, Decision, DecisionKind, Edit, Refusal, Subject, apply};

/// Every juror gives team `t` the same sheet `a`, `b`, `c`.
fn scored(sheets: &[(&str, &str, &str, &str)], laureates: u32) -> Session {
    let mut s = session();
    s.settings.laureates = laureates;
    for (team, a, b, c) in sheets {
        for j in 1..=5 {
            put3(&mut s, team, &format!("J{j}"), a, b, c);
        }
    }
    s
}

/// T01 > T02 > T03 > T04, three laureates.
fn distinct() -> Session {
    scored(
        &[
            ("T01", "5", "5", "5"),
            ("T02", "4", "4", "4"),
            ("T03", "3", "3", "3"),
            ("T04", "2", "2", "2"),
        ],
        3,
    )
}

fn ids(place: &Place) -> Vec<&str> {
    place.teams.iter().map(|t| t.as_str()).collect()
}

#[test]
fn the_reveal_goes_from_place_n_down_to_1_then_the_list() {
    let reveal = begin(&distinct()).expect("final results");
    assert_eq!(reveal.shown, 0);
    assert_eq!(reveal.teams(), 3);
    assert_eq!(reveal.last_step(), 4);
    assert_eq!(reveal.showing(), Showing::Opening);
    let mut seen = Vec::new();
    let mut r = reveal.clone();
    while let Some(step) = r.next_step() {
        r.shown = step;
        match r.showing() {
            Showing::Place { place, before } => {
                let before: Vec<usize> = before.iter().map(|p| p.rank).collect();
                seen.push(format!("{} {:?} after {before:?}", place.rank, ids(place)));
            }
            Showing::List(places) => seen.push(format!("list of {}", places.len())),
            Showing::Opening => unreachable!("the opening comes first only"),
        }
    }
    assert_eq!(
        seen,
        [
            "3 [\"T03\"] after []",
            "2 [\"T02\"] after [3]",
            "1 [\"T01\"] after [2, 3]",
            "list of 3",
        ]
    );
    assert_eq!(r.next_step(), None, "nothing after the whole list");
    assert_eq!(r.upcoming(), None);
}

#[test]
fn teams_tied_in_place_are_revealed_together() {
    let s = scored(
        &[
            ("T01", "5", "5", "5"),
            ("T02", "4", "4", "4"),
            ("T03", "4", "4", "4"),
            ("T04", "2", "2", "2"),
        ],
        3,
    );
    let reveal = begin(&s).expect("the tie is inside the laureates");
    assert_eq!(reveal.places.len(), 2);
    assert_eq!(reveal.places[1].rank, 2);
    assert_eq!(ids(&reveal.places[1]), ["T02", "T03"]);
    assert!(reveal.places[1].tied());
    assert_eq!(reveal.teams(), 3);
    // Step 1 shows the shared second place, step 2 the first.
    match reveal.at(1) {
        Showing::Place { place, before } => {
            assert_eq!(place.rank, 2);
            assert!(before.is_empty());
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(reveal.at(3), Showing::List(_)));
}

#[test]
fn a_tie_at_the_cut_off_waits_for_the_jury_then_the_decision_reveals() {
    // T02 and T03 share places 2–3 with two laureates.
    let mut s = scored(
        &[
            ("T01", "5", "5", "5"),
            ("T02", "4", "4", "4"),
            ("T03", "4", "4", "4"),
            ("T04", "2", "2", "2"),
        ],
        2,
    );
    assert_eq!(begin(&s), Err(RevealProblem::TieWaiting));
    let decision = Decision {
        kind: DecisionKind::Order,
        teams: vec!["T03".into(), "T02".into()],
        by: "Présidente".into(),
        reason: "vote".into(),
        at: chrono::DateTime::UNIX_EPOCH,
    };
    s.decisions.push(decision);
    let reveal = begin(&s).expect("decided");
    let places: Vec<(usize, Vec<&str>)> = reveal.places.iter().map(|p| (p.rank, ids(p))).collect();
    assert_eq!(places, [(1, vec!["T01"]), (2, vec!["T03"])]);
    // A score changed afterwards makes the decision stale: refused again.
    put3(&mut s, "T02", "J1", "5", "5", "5");
    assert_eq!(begin(&s), Err(RevealProblem::StaleDecision));
}

#[test]
fn sheets_that_do_not_count_keep_the_laureates_unknown() {
    let mut s = distinct();
    s.sheets
        .retain(|k, _| !(k.team == "T04" && k.juror == "J5"));
    assert_eq!(
        begin(&s),
        Err(RevealProblem::Provisional(Finality {
            missing: 1,
            ..Finality::default()
        }))
    );
    assert_eq!(
        begin(&session()).map(|_| ()),
        Err(RevealProblem::Provisional(Finality {
            missing: 20,
            ..Finality::default()
        }))
    );
}

#[test]
fn a_reveal_under_way_is_not_begun_twice() {
    let mut s = distinct();
    s.reveal = Some(begin(&s).expect("final"));
    assert_eq!(begin(&s), Err(RevealProblem::AlreadyRevealing));
}

#[test]
fn steps_apply_through_the_journal_and_undo_by_their_inverse() {
    let mut s = distinct();
    let reveal = begin(&s).expect("final");
    let start = Change::SetReveal {
        edit: Edit::new(None, Some(reveal.clone())),
    };
    apply(&mut s, &start).expect("begins");
    let step = |seen, new| Change::SetRevealed {
        edit: Edit::new(seen, new),
    };
    for k in 0..4 {
        apply(&mut s, &step(k, k + 1)).expect("a step");
    }
    assert_eq!(s.reveal.as_ref().map(|r| r.shown), Some(4));
    // Past the whole list, and a step the other terminal already made.
    assert_eq!(
        apply(&mut s, &step(4, 5)),
        Err(Refusal::NoSuchRevealStep { step: 5, last: 4 })
    );
    assert_eq!(
        apply(&mut s, &step(3, 4)),
        Err(Refusal::Stale {
            what: Subject::Reveal
        })
    );
    // Undo the last step.
    let back = step(3, 4).inverse().expect("an inverse");
    apply(&mut s, &back).expect("undone");
    assert_eq!(s.reveal.as_ref().map(|r| r.shown), Some(3));
    // Ending it needs the reveal as it is now.
    let end = |shown| Change::SetReveal {
        edit: Edit::new(
            Some(Reveal {
                shown,
                ..reveal.clone()
            }),
            None,
        ),
    };
    assert!(apply(&mut s, &end(2)).is_err(), "a stale end is refused");
    apply(&mut s, &end(3)).expect("ends");
    assert_eq!(s.reveal, None);
    assert_eq!(
        apply(&mut s, &step(3, 4)),
        Err(Refusal::Stale {
            what: Subject::Reveal
        }),
        "no step without a reveal"
    );
}

#[test]
fn a_reveal_of_an_unknown_team_is_refused() {
    let mut s = distinct();
    let reveal = Reveal::new(vec![Place {
        rank: 1,
        teams: vec!["T99".into()],
    }]);
    assert_eq!(
        apply(
            &mut s,
            &Change::SetReveal {
                edit: Edit::new(None, Some(reveal))
            }
        ),
        Err(Refusal::UnknownTeam("T99".into()))
    );
}

#[test]
fn the_reveal_is_saved_with_the_session_and_old_states_read() {
    let mut s = distinct();
    let plain = serde_json::to_string(&s).expect("serialises");
    assert!(!plain.contains("reveal"), "no reveal, no field: {plain}");
    s.reveal = Some(begin(&s).expect("final"));
    let json = serde_json::to_string(&s).expect("serialises");
    let back: Session = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back.reveal, s.reveal);
    let old: Session = serde_json::from_str(&plain).expect("an old state reads");
    assert_eq!(old.reveal, None);
}

#[test]
fn sealed_results_are_not_revealed() {
    let mut s = distinct();
    apply(&mut s, &Change::Seal).expect("seals");
    assert_eq!(begin(&s), Err(RevealProblem::Sealed));
    // Not through the journal either: neither begun nor moved on.
    let mut open = distinct();
    let reveal = begin(&open).expect("final");
    let start = Change::SetReveal {
        edit: Edit::new(None, Some(reveal.clone())),
    };
    assert_eq!(apply(&mut s, &start), Err(Refusal::RevealWhileSealed));
    apply(&mut open, &start).expect("begins unsealed");
    apply(&mut open, &Change::Seal).expect("sealed meanwhile");
    let step = Change::SetRevealed {
        edit: Edit::new(0, 1),
    };
    assert_eq!(apply(&mut open, &step), Err(Refusal::RevealWhileSealed));
    // Ended, it may be; unsealed, it goes on.
    apply(&mut open, &Change::Unseal).expect("unsealed");
    apply(&mut open, &step).expect("a step");
    assert_eq!(open.reveal.map(|r| r.shown), Some(1));
}
