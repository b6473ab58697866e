//! The smallest change to one cell that changes the laureates.

use proptest::prelude::*;

use super::support::{dec, decide, mark, session, simple};
use crate::domain::decimal::Dec;
use crate::domain::ranking::rank;
use crate::domain::ranking::robustness::{CellChange, Search, search, smallest_change};
use crate::domain::session::{Criterion, DecisionKind, Mark, Method, Session, SheetKey, TeamId};

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
fn a_range_wider_than_a_machine_integer_is_searched_without_overflow() {
    // 0 to the top of the range is more than i64's raw units away from
    // the bottom: the reach of B's value is counted past i64.
    let mut s = simple(&["A", "B"], &["J1"]);
    s.settings.laureates = 1;
    let c = &mut s.criteria[0];
    (c.min, c.max, c.step) = (
        dec("-9000000000000"),
        dec("9000000000000"),
        dec("1000000000000"),
    );
    put(&mut s, "A", "J1", "0");
    put(&mut s, "B", "J1", "-9000000000000");
    // A down 9 steps ties B at the cut-off (A first in the schedule).
    let change = smallest_change(&s).expect("a change");
    assert_eq!((change.team.as_str(), change.steps), ("A", -9));
    assert_eq!(change.to, dec("-9000000000000"));
}

#[test]
fn the_search_stops_at_its_budget_and_skips_what_cannot_change() {
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

/// The search as first written: every try ranks a copy of the session
/// with the cell changed, from scratch (the definition the board-patching
/// search must agree with).
fn plain_search(session: &Session, budget: usize) -> Search {
    use crate::domain::session::TeamStatus;
    let method = session.settings.method;
    let certain = |s: &Session| {
        let mut ids: Vec<TeamId> = rank(s, method)
            .ranking
            .into_iter()
            .filter(|r| r.laureate)
            .map(|r| r.team)
            .collect();
        ids.sort_unstable();
        ids
    };
    let ranking = rank(session, method);
    if ranking
        .ranking
        .iter()
        .all(|r| r.laureate || r.too_few_sheets)
        && !ranking.cutoff_tie
    {
        return Search::None;
    }
    let base = certain(session);
    let mut cells = Vec::new();
    for team in session
        .teams_in_order()
        .filter(|t| t.status == TeamStatus::Scheduled)
    {
        for juror in &session.jurors {
            let Some(sheet) = session.sheet(&team.id, &juror.id) else {
                continue;
            };
            if !session.expects(team, juror) {
                continue;
            }
            for c in &session.criteria {
                if let Some(&value) = sheet.values.get(&c.id)
                    && c.step.raw() > 0
                {
                    cells.push((&team.id, &juror.id, c, value));
                }
            }
        }
    }
    let reach = |value: Dec, c: &Criterion| {
        ((c.max.raw() - value.raw()) / c.step.raw()).max((value.raw() - c.min.raw()) / c.step.raw())
    };
    let Some(most) = cells.iter().map(|(_, _, c, v)| reach(*v, c)).max() else {
        return Search::None;
    };
    let mut tried = 0usize;
    let mut work = session.clone();
    for k in 1..=most {
        for &(team, juror, c, value) in &cells {
            for steps in [-k, k] {
                let Some(delta) = c.step.raw().checked_mul(steps).map(Dec::from_raw) else {
                    continue;
                };
                let Some(to) = value.checked_add(delta) else {
                    continue;
                };
                if to < c.min || to > c.max {
                    continue;
                }
                if tried >= budget {
                    return Search::Stopped { steps: k - 1 };
                }
                tried += 1;
                let key = SheetKey::new(team.clone(), juror.clone());
                let sheet = work.sheets.get_mut(&key).unwrap();
                let saved = sheet.clone();
                sheet.values.insert(c.id.clone(), to);
                if let Some(h) = sheet.handwritten {
                    sheet.handwritten = h.checked_add(delta).or(Some(h));
                }
                let changed = certain(&work) != base;
                work.sheets.insert(key, saved);
                if changed {
                    return Search::Found(CellChange {
                        team: team.clone(),
                        juror: juror.clone(),
                        criterion: c.id.clone(),
                        from: value,
                        to,
                        steps,
                    });
                }
            }
        }
    }
    Search::None
}

/// A cell of a generated forum: a value per criterion, a sheet with one
/// value, a handwritten total that does not match, a recusal, nothing.
#[derive(Clone, Copy, Debug)]
pub(super) enum Generated {
    Values(i64, i64),
    Partial(i64),
    Mismatch(i64, i64),
    Recused,
    Missing,
}

pub(super) fn generated() -> impl Strategy<Value = Generated> {
    prop_oneof![
        8 => (0i64..=4, 0i64..=4).prop_map(|(a, b)| Generated::Values(a, b)),
        1 => (0i64..=4).prop_map(Generated::Partial),
        1 => (0i64..=4, 0i64..=4).prop_map(|(a, b)| Generated::Mismatch(a, b)),
        1 => Just(Generated::Recused),
        1 => Just(Generated::Missing),
    ]
}

/// Teams × jurors, two criteria 0–4 step 1 (weights 1 and 2), N laureates,
/// a minimum of sheets, the official method, perhaps a decision on the
/// first two teams.
pub(super) fn forum(
    cells: &[Generated],
    jurors: usize,
    laureates: u32,
    min: u32,
    method: Method,
    decided: Option<DecisionKind>,
) -> Session {
    let teams: Vec<String> = (0..cells.len() / jurors).map(|i| format!("T{i}")).collect();
    let ids: Vec<String> = (0..jurors).map(|j| format!("J{j}")).collect();
    let team_refs: Vec<&str> = teams.iter().map(String::as_str).collect();
    let juror_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut s = session(&team_refs, &juror_refs, &[("a", "1"), ("b", "2")]);
    for c in &mut s.criteria {
        (c.min, c.max, c.step) = (Dec::ZERO, Dec::int(4), Dec::int(1));
    }
    s.settings.laureates = laureates;
    s.settings.min_sheets = min;
    s.settings.method = method;
    for (i, cell) in cells.iter().enumerate() {
        let (team, juror) = (&teams[i / jurors], &ids[i % jurors]);
        let key = SheetKey::new(team.as_str().into(), juror.as_str().into());
        let mut set = |values: &[i64], handwritten: Option<i64>| {
            let sheet = s.sheets.entry(key.clone()).or_default();
            for (id, &v) in ["a", "b"].into_iter().zip(values) {
                sheet.values.insert(id.into(), Dec::int(v));
            }
            sheet.handwritten = handwritten.map(Dec::int);
        };
        match *cell {
            Generated::Values(a, b) => set(&[a, b], None),
            Generated::Partial(a) => set(&[a], None),
            Generated::Mismatch(a, b) => set(&[a, b], Some(a + b + 1)),
            Generated::Recused => mark(&mut s, team, juror, Mark::Recused),
            Generated::Missing => {}
        }
    }
    if let Some(kind) = decided {
        decide(&mut s, kind, &["T0", "T1"]);
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_board_search_finds_what_ranking_every_try_finds(
        (jurors, cells) in (1usize..4).prop_flat_map(|j| {
            (Just(j), proptest::collection::vec(generated(), (2 * j)..=(5 * j)))
        }),
        laureates in 1u32..3,
        min in 1u32..3,
        method in prop::sample::select(Method::ALL.to_vec()),
        decided in prop::option::of(prop::sample::select(vec![DecisionKind::Admit, DecisionKind::Order])),
        budget in prop::option::of(0usize..40),
    ) {
        let cells = &cells[..cells.len() / jurors * jurors];
        let s = forum(cells, jurors, laureates, min, method, decided);
        let budget = budget.unwrap_or(usize::MAX);
        prop_assert_eq!(search(&s, budget), plain_search(&s, budget));
    }
}

/// What a generated forum is given besides its cells: criteria out of id
/// order, a tie-break, fractional or negative weights and steps, a
/// withdrawn team, same-organisation recusal, a verified team, an absence,
/// a team id given twice, a handwritten total that cannot move.
#[derive(Clone, Copy, Debug)]
struct Twists {
    reversed: bool,
    tie_break: bool,
    weights: (i64, i64),
    half_steps: bool,
    withdrawn: Option<usize>,
    same_org: Option<usize>,
    verified: Option<usize>,
    absent: Option<usize>,
    twice: bool,
    stuck: Option<usize>,
}

fn twists() -> impl Strategy<Value = Twists> {
    let weights = prop::sample::select(vec![
        (1_000_000, 2_000_000),
        (500_000, 250_000),
        (-1_000_000, 3_000_000),
        (333_333, 1),
    ]);
    (
        (any::<bool>(), any::<bool>(), weights, any::<bool>()),
        (
            prop::option::of(0usize..6),
            prop::option::of(0usize..6),
            prop::option::of(0usize..6),
        ),
        (
            prop::option::of(0usize..20),
            any::<bool>(),
            prop::option::of(0usize..20),
        ),
    )
        .prop_map(
            |(
                (reversed, tie_break, weights, half_steps),
                (withdrawn, same_org, verified),
                (absent, twice, stuck),
            )| Twists {
                reversed,
                tie_break,
                weights,
                half_steps,
                withdrawn,
                same_org,
                verified,
                absent,
                twice,
                stuck,
            },
        )
}

fn twist(s: &mut Session, t: Twists) {
    use crate::domain::session::{Organisation, Slot, TeamStatus};
    (s.criteria[0].weight, s.criteria[1].weight) =
        (Dec::from_raw(t.weights.0), Dec::from_raw(t.weights.1));
    if t.half_steps {
        let c = &mut s.criteria[1];
        (c.min, c.step) = (Dec::int(-2), Dec::from_raw(500_000));
    }
    if t.reversed {
        s.criteria.reverse();
    }
    if t.tie_break {
        s.settings.tie_break = vec!["b".into(), "a".into()];
    }
    let teams = s.teams.len();
    if let Some(i) = t.withdrawn {
        s.teams[i % teams].status = TeamStatus::Withdrawn;
    }
    if let Some(i) = t.same_org {
        s.organisations.push(Organisation {
            id: "other".into(),
            name: "Other".into(),
        });
        s.settings.recuse_same_org = true;
        s.teams[i % teams].org = "other".into();
        s.jurors[0].org = "other".into();
    }
    if let Some(i) = t.verified {
        let id = s.teams[i % teams].id.clone();
        s.verified.insert(id);
    }
    let keys: Vec<SheetKey> = s.sheets.keys().cloned().collect();
    if let (Some(i), false) = (t.absent, keys.is_empty()) {
        let key = &keys[i % keys.len()];
        mark(s, key.team.as_str(), key.juror.as_str(), Mark::Absent);
    }
    if let (Some(i), false) = (t.stuck, keys.is_empty()) {
        // A handwritten total at the top of the range: it cannot move up.
        if let Some(sheet) = s.sheets.get_mut(&keys[i % keys.len()]) {
            sheet.handwritten = Some(Dec::from_raw(i64::MAX));
        }
    }
    if t.twice {
        // The first team's id scheduled twice.
        let id = s.teams[0].id.clone();
        s.schedule.push(Slot::Team { team: id });
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn the_board_search_agrees_on_twisted_forums(
        (jurors, cells) in (1usize..4).prop_flat_map(|j| {
            (Just(j), proptest::collection::vec(generated(), (2 * j)..=(5 * j)))
        }),
        laureates in 1u32..3,
        min in 1u32..3,
        method in prop::sample::select(Method::ALL.to_vec()),
        decided in prop::option::of(prop::sample::select(vec![DecisionKind::Admit, DecisionKind::Order])),
        twists in twists(),
    ) {
        let cells = &cells[..cells.len() / jurors * jurors];
        let mut s = forum(cells, jurors, laureates, min, method, decided);
        twist(&mut s, twists);
        prop_assert_eq!(search(&s, 400), plain_search(&s, 400));
    }
}
