//! Properties of the ranking over random small sessions.

use num_rational::Ratio;
use proptest::prelude::*;

use super::support::*;
use crate::domain::ranking::{Ranking, majority, rank};
use crate::domain::session::{Mark, Method, Session};

/// A cell of the generated grid.
#[derive(Clone, Copy, Debug)]
enum Cell {
    Value(u8),
    Missing,
    Recused,
    Absent,
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        8 => (0u8..8).prop_map(Cell::Value),
        1 => Just(Cell::Missing),
        1 => Just(Cell::Recused),
        1 => Just(Cell::Absent),
    ]
}

/// (teams, jurors, cells team-major, laureates, min sheets)
fn grid(complete: bool) -> impl Strategy<Value = (usize, usize, Vec<Cell>, u32, u32)> {
    (2usize..7, 1usize..5).prop_flat_map(move |(t, j)| {
        let cells = if complete {
            proptest::collection::vec((0u8..8).prop_map(Cell::Value).boxed(), t * j)
        } else {
            proptest::collection::vec(cell().boxed(), t * j)
        };
        (Just(t), Just(j), cells, 0u32..5, 1u32..3)
    })
}

fn build(t: usize, j: usize, cells: &[Cell], laureates: u32, min: u32) -> Session {
    let teams: Vec<String> = (0..t).map(|i| format!("T{i}")).collect();
    let jurors: Vec<String> = (0..j).map(|i| format!("J{i}")).collect();
    let team_refs: Vec<&str> = teams.iter().map(String::as_str).collect();
    let juror_refs: Vec<&str> = jurors.iter().map(String::as_str).collect();
    let mut s = simple(&team_refs, &juror_refs);
    s.settings.laureates = laureates;
    s.settings.min_sheets = min;
    for (ti, team) in teams.iter().enumerate() {
        for (ji, juror) in jurors.iter().enumerate() {
            match cells[ti * j + ji] {
                Cell::Value(v) => put(&mut s, team, juror, &[&v.to_string()]),
                Cell::Missing => {}
                Cell::Recused => mark(&mut s, team, juror, Mark::Recused),
                Cell::Absent => mark(&mut s, team, juror, Mark::Absent),
            }
        }
    }
    s
}

/// Every juror twice: J0, J0b, J1, J1b, ...
fn duplicate_jurors(s: &Session) -> Session {
    let mut d = s.clone();
    d.jurors.clear();
    for juror in &s.jurors {
        d.jurors.push(juror.clone());
        let mut twin = juror.clone();
        twin.id = format!("{}b", juror.id).into();
        d.jurors.push(twin);
    }
    for (key, sheet) in &s.sheets {
        let mut k = key.clone();
        k.juror = format!("{}b", key.juror).into();
        d.sheets.insert(k, sheet.clone());
    }
    d
}

/// Rows must agree with their own ranks: ranks never decrease; a row that
/// does not share the previous row's rank has rank = its place.
fn check_rank_structure(r: &Ranking) -> Result<(), TestCaseError> {
    for (i, row) in r.ranking.iter().enumerate() {
        let ahead = r.ranking.iter().filter(|o| o.rank < row.rank).count();
        prop_assert_eq!(row.rank, 1 + ahead, "{}", row.team);
        let sharing = r.ranking.iter().filter(|o| o.rank == row.rank).count();
        if r.decisions.is_empty() {
            prop_assert_eq!(row.tied, sharing >= 2, "{}", row.team);
        }
        if i > 0 {
            prop_assert!(r.ranking[i - 1].rank <= row.rank);
        }
    }
    Ok(())
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn rank_is_one_plus_the_number_strictly_ahead((t, j, cells, n, min) in grid(false)) {
        let s = build(t, j, &cells, n, min);
        for method in Method::ALL {
            check_rank_structure(&rank(&s, method))?;
        }
        // Independently for `mean`: a team is strictly ahead when it is in a
        // better part (enough sheets / too few / none) or in the same part
        // with a higher exact mean.
        let r = rank(&s, Method::Mean);
        let info: Vec<(u8, Option<Ratio<i64>>)> = s
            .teams
            .iter()
            .map(|team| {
                let values: Vec<i64> = s
                    .jurors
                    .iter()
                    .filter_map(|juror| s.value(&team.id, &juror.id, &"c".into()))
                    .map(|d| d.raw())
                    .collect();
                let part = match values.len() {
                    0 => 2,
                    k if k < min as usize => 1,
                    _ => 0,
                };
                let mean = (!values.is_empty())
                    .then(|| Ratio::new(values.iter().sum::<i64>(), values.len() as i64));
                (part, mean)
            })
            .collect();
        for (ti, team) in s.teams.iter().enumerate() {
            let (part, mean) = &info[ti];
            let ahead = info
                .iter()
                .filter(|(p, m)| p < part || (p == part && *part < 2 && m > mean))
                .count();
            prop_assert_eq!(r.row(&team.id).unwrap().rank, 1 + ahead, "{}", team.id);
        }
    }

    #[test]
    fn duplicating_every_juror_changes_no_rank((t, j, cells, n, min) in grid(false)) {
        let s = build(t, j, &cells, n, min.min(1));
        let d = duplicate_jurors(&s);
        for method in [Method::Mean, Method::Normalized, Method::Borda, Method::Majority] {
            let (a, b) = (rank(&s, method), rank(&d, method));
            prop_assert_eq!(order(&a), order(&b), "{:?}", method);
            prop_assert_eq!(ranks(&a), ranks(&b), "{:?}", method);
        }
    }

    #[test]
    fn the_same_total_from_every_juror_gives_one_order((t, j, cells, n, min) in grid(true)) {
        // Every juror gives team i the value of cell i.
        let uniform: Vec<Cell> = (0..t).flat_map(|ti| std::iter::repeat_n(cells[ti * j], j)).collect();
        let s = build(t, j, &uniform, n, min.min(j as u32));
        let mean = rank(&s, Method::Mean);
        for method in Method::ALL {
            let r = rank(&s, method);
            prop_assert_eq!(order(&r), order(&mean), "{:?}", method);
            prop_assert_eq!(ranks(&r), ranks(&mean), "{:?}", method);
        }
    }

    #[test]
    fn permuting_the_schedule_changes_only_the_order_inside_shared_ranks(
        (t, j, cells, n, min) in grid(false),
        seed in any::<u64>(),
    ) {
        let s = build(t, j, &cells, n, min);
        let mut p = s.clone();
        let mut slots = p.schedule.clone();
        // A deterministic shuffle from the seed.
        let mut x = seed | 1;
        for i in (1..slots.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            slots.swap(i, (x % (i as u64 + 1)) as usize);
        }
        p.schedule = slots;
        for method in Method::ALL {
            let (a, b) = (rank(&s, method), rank(&p, method));
            prop_assert_eq!(ranks(&a), ranks(&b));
            let rows = |r: &Ranking| {
                let mut v: Vec<String> = r.ranking.iter()
                    .map(|row| serde_json::to_string(row).unwrap()).collect();
                v.sort();
                v
            };
            prop_assert_eq!(rows(&a), rows(&b), "{:?}", method);
            let warnings = |r: &Ranking| {
                let mut v: Vec<String> = r.warnings.iter()
                    .map(|w| serde_json::to_string(w).unwrap()).collect();
                v.sort();
                v
            };
            prop_assert_eq!(warnings(&a), warnings(&b));
            prop_assert_eq!(a.cutoff_tie, b.cutoff_tie);
            // Inside a shared rank, rows follow the schedule.
            let position = |id: &str| p.schedule.iter().position(|slot| slot.team().map(crate::domain::TeamId::as_str) == Some(id));
            for pair in b.ranking.windows(2) {
                if pair[0].rank == pair[1].rank {
                    prop_assert!(position(&pair[0].team) < position(&pair[1].team));
                }
            }
        }
    }

    #[test]
    fn majority_comparison_does_not_depend_on_the_common_multiple(
        a in proptest::collection::vec(0i128..6, 1..6),
        b in proptest::collection::vec(0i128..6, 1..6),
        k in 2usize..4,
    ) {
        let (mut a, mut b) = (a, b);
        a.sort_unstable();
        b.sort_unstable();
        // Repeating both teams' totals k times changes nothing.
        let rep = |x: &[i128]| -> Vec<i128> { x.iter().flat_map(|&v| std::iter::repeat_n(v, k)).collect() };
        prop_assert_eq!(majority::compare(&a, &b), majority::compare(&rep(&a), &b));
        prop_assert_eq!(majority::compare(&a, &b), majority::compare(&rep(&a), &rep(&b)));
        prop_assert_eq!(majority::compare(&a, &b), majority::compare(&b, &a).reverse());
    }
}
