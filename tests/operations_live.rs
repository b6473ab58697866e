//! Decisions, stage, question queue and batches: every check, and every
//! inverse.

mod common;

use common::ops::*;

use common::*;
use podium::domain::stage::{Phase, Stage};
use podium::domain::{
    BatchLabel, Change, Decision, DecisionKind, Edit, Mark, Question, Refusal, Sheet, Speaker,
};

fn decision(teams: &[&str]) -> Decision {
    Decision {
        kind: DecisionKind::Order,
        teams: teams.iter().map(|t| (*t).into()).collect(),
        by: "la présidente".into(),
        reason: "voix prépondérante".into(),
        at: at(600),
    }
}

#[test]
fn decisions() {
    let s = base();
    let decided = round_trip(
        &s,
        Change::AddDecision {
            decision: decision(&["T1", "T2"]),
        },
    );
    round_trip(
        &decided,
        Change::RemoveDecision {
            decision: decision(&["T1", "T2"]),
        },
    );
    assert_eq!(
        refused(
            &s,
            Change::AddDecision {
                decision: decision(&["T1", "T9"])
            }
        ),
        Refusal::UnknownTeam("T9".into())
    );
    assert_eq!(
        refused(
            &s,
            Change::RemoveDecision {
                decision: decision(&["T1", "T2"])
            }
        ),
        Refusal::NoSuchDecision
    );
}

#[test]
fn stage() {
    let s = base();
    let pitch = Stage {
        team: Some("T1".into()),
        phase: Phase::Pitch,
        phase_started: Some(at(60)),
        ..Stage::default()
    };
    let on = round_trip(
        &s,
        Change::SetStage {
            edit: Edit::new(Box::new(s.stage.clone()), Box::new(pitch.clone())),
        },
    );
    let mut paused = pitch.clone();
    paused.clock.spent_ms = 42_000;
    round_trip(
        &on,
        Change::SetStage {
            edit: Edit::new(Box::new(pitch.clone()), Box::new(paused)),
        },
    );
    assert!(matches!(
        refused(
            &on,
            Change::SetStage {
                edit: Edit::new(Box::new(s.stage.clone()), Box::new(pitch.clone())),
            }
        ),
        Refusal::Stale { .. }
    ));
    let mut unknown = pitch;
    unknown.team = Some("T9".into());
    assert_eq!(
        refused(
            &s,
            Change::SetStage {
                edit: Edit::new(Box::new(s.stage.clone()), Box::new(unknown)),
            }
        ),
        Refusal::UnknownTeam("T9".into())
    );
}

#[test]
fn queue_and_questions() {
    let s = base();
    let speaker = |j: &str, t: &str| Speaker {
        juror: j.into(),
        team: t.into(),
        since: None,
    };
    let queued = round_trip(
        &s,
        Change::SetQueue {
            edit: Edit::new(vec![], vec![speaker("J1", "T1"), speaker("J2", "T1")]),
        },
    );
    round_trip(
        &queued,
        Change::SetQueue {
            edit: Edit::new(queued.queue.clone(), vec![speaker("J2", "T1")]),
        },
    );
    assert!(matches!(
        refused(
            &queued,
            Change::SetQueue {
                edit: Edit::new(vec![], vec![]),
            }
        ),
        Refusal::Stale { .. }
    ));
    assert_eq!(
        refused(
            &s,
            Change::SetQueue {
                edit: Edit::new(vec![], vec![speaker("J9", "T1")]),
            }
        ),
        Refusal::UnknownJuror("J9".into())
    );
    assert_eq!(
        refused(
            &s,
            Change::SetQueue {
                edit: Edit::new(vec![], vec![speaker("J1", "T9")]),
            }
        ),
        Refusal::UnknownTeam("T9".into())
    );
    let q = |j: &str, t: &str| Question {
        team: t.into(),
        juror: j.into(),
        start: at(100),
        end: at(160),
    };
    let asked = round_trip(
        &s,
        Change::AddQuestion {
            question: q("J1", "T1"),
        },
    );
    round_trip(
        &asked,
        Change::RemoveQuestion {
            question: q("J1", "T1"),
        },
    );
    assert_eq!(
        refused(
            &s,
            Change::AddQuestion {
                question: q("J9", "T1")
            }
        ),
        Refusal::UnknownJuror("J9".into())
    );
    assert_eq!(
        refused(
            &s,
            Change::AddQuestion {
                question: q("J1", "T9")
            }
        ),
        Refusal::UnknownTeam("T9".into())
    );
    assert_eq!(
        refused(
            &s,
            Change::RemoveQuestion {
                question: q("J1", "T1")
            }
        ),
        Refusal::NoSuchQuestion
    );
}

#[test]
fn a_batch_is_all_or_nothing_and_undone_in_reverse() {
    let s = base();
    let import = Change::Batch {
        label: BatchLabel::Other("import".into()),
        changes: vec![
            set_cell("T1", "J1", "c1", None, Some(dec("5"))),
            set_cell("T1", "J1", "c2", None, Some(dec("7.5"))),
            set_cell("T2", "J2", "c1", None, Some(dec("3"))),
        ],
    };
    round_trip(&s, import);
    // Two changes to the same cell: the inverse must undo them in reverse.
    let twice = Change::Batch {
        label: BatchLabel::Other("twice".into()),
        changes: vec![
            set_cell("T1", "J1", "c1", None, Some(dec("5"))),
            set_cell("T1", "J1", "c1", Some(dec("5")), Some(dec("6"))),
        ],
    };
    round_trip(&s, twice);
    // One bad change refuses the whole batch.
    let bad = Change::Batch {
        label: BatchLabel::Other("import".into()),
        changes: vec![
            set_cell("T1", "J1", "c1", None, Some(dec("5"))),
            set_cell("T1", "J2", "c1", None, Some(dec("50"))),
        ],
    };
    assert!(matches!(refused(&s, bad), Refusal::OutOfRange { .. }));
    // Cells that held values, changed twice then cleared, before a refused
    // change: every one is put back as it was.
    let full = scored(&s);
    let was = full.value(&"T1".into(), &"J1".into(), &"c1".into());
    let bad = Change::Batch {
        label: BatchLabel::Other("import".into()),
        changes: vec![
            set_cell("T1", "J1", "c1", was, Some(dec("2"))),
            set_cell("T1", "J1", "c1", Some(dec("2")), None),
            set_cell("T1", "J2", "c1", None, Some(dec("50"))),
        ],
    };
    assert!(matches!(refused(&full, bad), Refusal::OutOfRange { .. }));
    // A juror absent for every remaining team.
    let all_absent = Change::Batch {
        label: BatchLabel::Other("J2 absent".into()),
        changes: ["T1", "T2", "T3"]
            .iter()
            .map(|t| {
                set_sheet(
                    t,
                    "J2",
                    Sheet::default(),
                    sheet(Some(Mark::Absent), &[], None),
                )
            })
            .collect(),
    };
    round_trip(&scored(&s), all_absent);
}
