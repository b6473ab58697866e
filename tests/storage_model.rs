//! Property: any sequence of valid and invalid operations, committed
//! through storage with crashes at random steps (the in-process crash hook)
//! and random reopenings, leaves the same session as a deliberately simple
//! model: a map of cells and a list of events.

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use common::*;
use podium::domain::{Change, Dec, Question, Session};
use podium::storage::{self, Step, StoreError, faults};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Action {
    /// Set (or clear) a cell; `seen` is the model's value when `stale` is
    /// false, else the given guess.
    Cell {
        team: usize,
        juror: usize,
        criterion: usize,
        value: Option<i64>,
        stale: Option<Option<i64>>,
    },
    /// Log a question (juror 2 is unknown: refused).
    Question { juror: usize, minute: i64 },
}

#[derive(Clone, Debug)]
struct Move {
    action: Action,
    crash: Option<Step>,
    reopen: bool,
}

const TEAMS: [&str; 2] = ["T1", "T2"];
const JURORS: [&str; 3] = ["J1", "J2", "J9"];
const CRITERIA: [&str; 2] = ["c1", "c9"];

#[derive(Default, Debug, PartialEq)]
struct Model {
    cells: BTreeMap<(String, String), Dec>,
    events: Vec<(String, i64)>,
}

impl Model {
    fn of(session: &Session) -> Model {
        let mut m = Model::default();
        for (key, sheet) in &session.sheets {
            for (c, v) in &sheet.values {
                assert_eq!(c, "c1");
                m.cells
                    .insert((key.team.to_string(), key.juror.to_string()), *v);
            }
        }
        for q in &session.questions {
            m.events
                .push((q.juror.to_string(), (q.start - at(0)).num_minutes()));
        }
        m
    }
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        4 => (0..2usize, 0..3usize, prop_oneof![9 => Just(0usize), 1 => Just(1usize)],
              prop::option::weighted(0.85, -1i64..12),
              prop::option::weighted(0.2, prop::option::of(0i64..11)))
            .prop_map(|(team, juror, criterion, value, stale)| Action::Cell {
                team, juror, criterion, value, stale
            }),
        1 => (0..3usize, 0..60i64).prop_map(|(juror, minute)| Action::Question { juror, minute }),
    ]
}

fn step() -> impl Strategy<Value = Move> {
    let crash = prop::option::weighted(
        0.3,
        prop::sample::select(
            Step::SEQUENCE
                .into_iter()
                .chain([Step::Torn])
                .collect::<Vec<_>>(),
        ),
    );
    (action(), crash, prop::bool::weighted(0.15)).prop_map(|(action, crash, reopen)| Move {
        action,
        crash,
        reopen,
    })
}

/// The change for an action, and whether the model says it is valid (and
/// then what it does to the model).
fn plan(model: &Model, action: &Action) -> (Change, bool) {
    match action {
        Action::Cell {
            team,
            juror,
            criterion,
            value,
            stale,
        } => {
            let key = (TEAMS[*team].to_string(), JURORS[*juror].to_string());
            let current = model.cells.get(&key).copied();
            let seen = match stale {
                None => current,
                Some(guess) => guess.map(Dec::int),
            };
            let new = value.map(Dec::int);
            let valid = *juror < 2
                && *criterion == 0
                && seen == current
                && new.is_none_or(|v| v >= Dec::ZERO && v <= Dec::int(10));
            let change = set_cell(&key.0, &key.1, CRITERIA[*criterion], seen, new);
            (change, valid)
        }
        Action::Question { juror, minute } => {
            let change = Change::AddQuestion {
                question: Question {
                    team: "T1".into(),
                    juror: JURORS[*juror].into(),
                    start: at(minute * 60),
                    end: at(minute * 60 + 30),
                },
            };
            (change, *juror < 2)
        }
    }
}

fn perform(model: &mut Model, action: &Action) {
    match action {
        Action::Cell {
            team, juror, value, ..
        } => {
            let key = (TEAMS[*team].to_string(), JURORS[*juror].to_string());
            match value {
                Some(v) => model.cells.insert(key, Dec::int(*v)),
                None => model.cells.remove(&key),
            };
        }
        Action::Question { juror, minute } => {
            model.events.push((JURORS[*juror].to_string(), *minute));
        }
    }
}

fn run(steps: &[Move]) -> Result<(), TestCaseError> {
    let (_dir, path) = folder();
    let mut s = session("model", 2, 2);
    s.criteria.truncate(1);
    storage::create(&path, &s, "w", at(0)).unwrap();
    let mut model = Model::default();
    for (i, st) in steps.iter().enumerate() {
        let (change, valid) = plan(&model, &st.action);
        faults::crash_at(st.crash);
        let result = storage::commit(&path, &op(change), Duration::from_secs(5));
        faults::crash_at(None);
        // Where the commit stopped, and whether its line is in the journal.
        let before_check = matches!(st.crash, Some(Step::Locked | Step::Read));
        let lands = valid
            && !matches!(
                st.crash,
                Some(Step::Locked | Step::Read | Step::Checked | Step::Torn)
            );
        match (&result, st.crash) {
            (Ok(_), None) => prop_assert!(valid, "step {i}: accepted an invalid op"),
            (Err(StoreError::Refused(_)), _) => {
                prop_assert!(!valid, "step {i}: refused a valid op: {result:?}");
                prop_assert!(!before_check, "step {i}: refused before the crash step");
            }
            (Err(StoreError::Crashed { step }), Some(crash)) => {
                prop_assert_eq!(*step, crash);
                prop_assert!(
                    valid || before_check,
                    "step {i}: an invalid op passed the check"
                );
            }
            other => prop_assert!(false, "step {i}: unexpected {:?}", other),
        }
        if lands {
            perform(&mut model, &st.action);
        }
        if st.reopen {
            let opened = storage::open(&path).unwrap();
            prop_assert_eq!(
                &Model::of(&opened.session),
                &model,
                "step {}: after reopening",
                i
            );
        }
        prop_assert_eq!(
            &Model::of(&storage::load(&path).unwrap()),
            &model,
            "step {}",
            i
        );
    }
    let opened = storage::open(&path).unwrap();
    prop_assert_eq!(&Model::of(&opened.session), &model);
    let report = storage::inspect(&path);
    prop_assert!(
        report.findings.is_empty() && report.notes.is_empty(),
        "{:?}",
        report
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn storage_with_crashes_matches_the_model(steps in prop::collection::vec(step(), 1..30)) {
        run(&steps)?;
    }
}
