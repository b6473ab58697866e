//! Property: any sequence of valid and invalid operations, committed
//! through storage by a command-line writer or one of two terminals
//! (sessions kept in memory), with checkpoints, crashes at random steps of
//! a commit or a checkpoint (the in-process crash hook) and random
//! reopenings, leaves the same session as a deliberately simple model: a
//! map of cells and a list of events. And two writers in two threads, one
//! checkpointing while the other appends, lose nothing.

mod common;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

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
    /// 0: the command line (reads the files each time); 1, 2: a terminal.
    writer: usize,
    crash: Option<Step>,
    /// A checkpoint after the commit, by the same writer, maybe crashed.
    checkpoint: Option<Option<Step>>,
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
    let checkpoint = prop::option::weighted(
        0.3,
        prop::option::weighted(0.4, prop::sample::select(Step::CHECKPOINT.to_vec())),
    );
    (
        action(),
        0..3usize,
        crash,
        checkpoint,
        prop::bool::weighted(0.15),
    )
        .prop_map(|(action, writer, crash, checkpoint, reopen)| Move {
            action,
            writer,
            crash,
            checkpoint,
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

/// Commit through `writer` (0: by path; else that terminal's session).
fn commit_by(
    path: &std::path::Path,
    lives: &mut [storage::Live; 2],
    writer: usize,
    change: Change,
) -> Result<storage::Committed, StoreError> {
    let wait = Duration::from_secs(5);
    match writer {
        0 => storage::commit(path, &op(change), wait),
        n => {
            let live = &mut lives[n - 1];
            let notices = live.commit(&op(change), wait, Instant::now())?;
            Ok(storage::Committed {
                session: live.session().clone(),
                notices,
            })
        }
    }
}

/// Checkpoint through `writer`.
fn checkpoint_by(
    path: &std::path::Path,
    lives: &mut [storage::Live; 2],
    writer: usize,
) -> Result<bool, StoreError> {
    let wait = Duration::from_secs(5);
    match writer {
        0 => storage::checkpoint(path, wait),
        n => lives[n - 1].checkpoint(wait),
    }
}

fn open_live(path: &std::path::Path) -> storage::Live {
    storage::Live::open(path).unwrap().0
}

/// Check the outcome of one commit against what the model expects.
fn judge(
    i: usize,
    result: &Result<storage::Committed, StoreError>,
    st: &Move,
    valid: bool,
) -> Result<(), TestCaseError> {
    let before_check = matches!(st.crash, Some(Step::Locked | Step::Read));
    match (result, st.crash) {
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
    Ok(())
}

fn run(steps: &[Move]) -> Result<(), TestCaseError> {
    let (_dir, path) = folder();
    let mut s = session("model", 2, 2);
    s.criteria.truncate(1);
    storage::create(&path, &s, "w", at(0)).unwrap();
    let mut lives = [open_live(&path), open_live(&path)];
    let mut model = Model::default();
    for (i, st) in steps.iter().enumerate() {
        let (change, valid) = plan(&model, &st.action);
        faults::crash_at(st.crash);
        let result = commit_by(&path, &mut lives, st.writer, change);
        faults::crash_at(None);
        judge(i, &result, st, valid)?;
        // Whether the commit's line is in the journal.
        let lands = valid
            && !matches!(
                st.crash,
                Some(Step::Locked | Step::Read | Step::Checked | Step::Torn)
            );
        if lands {
            perform(&mut model, &st.action);
        }
        if st.crash.is_some() && st.writer > 0 {
            // That terminal's process died: it opens the session again.
            lives[st.writer - 1] = open_live(&path);
        }
        if let Some(crash) = st.checkpoint {
            faults::crash_at(crash);
            let done = checkpoint_by(&path, &mut lives, st.writer);
            faults::crash_at(None);
            match crash {
                None => prop_assert!(done.is_ok(), "step {i}: {done:?}"),
                Some(step) => {
                    let stopped = matches!(done, Err(StoreError::Crashed { step: s }) if s == step);
                    // Nothing to write: the writing steps are not reached.
                    let writes = matches!(
                        step,
                        Step::TempWritten | Step::TempSynced | Step::Renamed | Step::FolderSynced
                    );
                    let idle = writes && matches!(done, Ok(false));
                    prop_assert!(stopped || idle, "step {}: {:?}", i, done);
                    if st.writer > 0 {
                        lives[st.writer - 1] = open_live(&path);
                    }
                }
            }
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
        // Every reader, and each terminal reading only the new lines, sees
        // every saved change, whether or not a checkpoint followed.
        prop_assert_eq!(
            &Model::of(&storage::load(&path).unwrap()),
            &model,
            "step {}",
            i
        );
        for live in &mut lives {
            live.refresh().unwrap();
            prop_assert_eq!(&Model::of(live.session()), &model, "step {}: a terminal", i);
        }
        // Whichever writer wrote the state, it records its journal line
        // (which the reads above went past).
        assert_checkpoint_line(&path);
    }
    finally_clean(&path, &model)
}

/// A writer's open matches the model, and `check` finds nothing.
fn finally_clean(path: &std::path::Path, model: &Model) -> Result<(), TestCaseError> {
    let opened = storage::open(path).unwrap();
    prop_assert_eq!(&Model::of(&opened.session), model);
    let report = storage::inspect(path);
    prop_assert!(
        report.findings.is_empty() && report.notes.is_empty(),
        "{:?}",
        report
    );
    Ok(())
}

/// Two writers in two threads: the first appends its values (one cell
/// each, team T1), the second appends its own (team T2) and checkpoints
/// after every `every` of them, or checkpoints alone when it has none.
fn two_writers(first: &[i64], second: &[i64], every: usize) -> Result<(), TestCaseError> {
    let (_dir, path) = folder();
    let mut s = session("two", 2, 2);
    s.criteria.truncate(1);
    storage::create(&path, &s, "w", at(0)).unwrap();
    let wait = Duration::from_secs(10);
    let writer = |team: &'static str, values: Vec<i64>, every: Option<usize>| {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut live = storage::Live::open(&path).unwrap().0;
            let mut seen = None;
            for (n, v) in values.iter().enumerate() {
                let change = set_cell(team, "J1", "c1", seen, Some(Dec::int(*v)));
                live.commit(&op(change), wait, Instant::now()).unwrap();
                seen = Some(Dec::int(*v));
                if every.is_some_and(|e| n % e == 0) {
                    live.checkpoint(wait).unwrap();
                }
            }
            if values.is_empty() && every.is_some() {
                for _ in 0..20 {
                    storage::checkpoint(&path, wait).unwrap();
                }
            }
            live.checkpoint(wait).unwrap();
        })
    };
    let a = writer("T1", first.to_vec(), None);
    let b = writer("T2", second.to_vec(), Some(every));
    a.join().unwrap();
    b.join().unwrap();
    let mut model = Model::default();
    for (team, values) in [("T1", first), ("T2", second)] {
        if let Some(v) = values.last() {
            model
                .cells
                .insert((team.to_string(), "J1".to_string()), Dec::int(*v));
        }
    }
    let loaded = storage::load(&path).unwrap();
    prop_assert_eq!(loaded.revision, 1 + (first.len() + second.len()) as u64);
    prop_assert_eq!(&Model::of(&loaded), &model);
    assert_checkpoint_line(&path);
    finally_clean(&path, &model)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn storage_with_crashes_matches_the_model(steps in prop::collection::vec(step(), 1..30)) {
        run(&steps)?;
    }

    #[test]
    fn one_writer_checkpointing_while_the_other_appends_loses_nothing(
        first in prop::collection::vec(0i64..11, 1..40),
        second in prop::collection::vec(0i64..11, 0..15),
        every in 1..4usize,
    ) {
        two_writers(&first, &second, every)?;
    }
}
