//! The recount agrees with the engine on random forums, and reports a
//! corrupted engine result.

use proptest::prelude::*;

use super::*;
use crate::domain::ranking::rank;
use crate::domain::ranking::tests::support::{dec, decide, mark, put, session, simple};
use crate::domain::session::{DecisionKind, Mark, Sheet, TeamStatus};

/// A cell of the generated grid (two criteria).
#[derive(Clone, Copy, Debug)]
enum Cell {
    Values(u8, u8),
    /// The first criterion only.
    Partial(u8),
    /// Complete, with a handwritten total off by `1 + d` or right (`d = 0`
    /// gives the right total).
    Handwritten(u8, u8, u8),
    Missing,
    Recused,
    Absent,
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        10 => (0u8..4, 0u8..4).prop_map(|(a, b)| Cell::Values(a, b)),
        1 => (0u8..4).prop_map(Cell::Partial),
        2 => (0u8..4, 0u8..4, 0u8..2).prop_map(|(a, b, d)| Cell::Handwritten(a, b, d)),
        1 => Just(Cell::Missing),
        1 => Just(Cell::Recused),
        1 => Just(Cell::Absent),
    ]
}

#[derive(Clone, Debug)]
struct Forum {
    teams: usize,
    jurors: usize,
    cells: Vec<Cell>,
    laureates: u32,
    min: u32,
    /// Teams withdrawn (by index, modulo the number of teams).
    withdrawn: Vec<usize>,
    /// Organisation of each team and juror (0 or 1 or 2), recusal rule on.
    orgs: Vec<u8>,
    recuse: bool,
    /// Tie-break: none, the first criterion, both, or the second.
    tie_break: u8,
    /// For each cut-off group of the official ranking: 0 none, 1 order, 2 admit.
    decisions: Vec<u8>,
    method: usize,
}

fn forum() -> impl Strategy<Value = Forum> {
    (2usize..8, 1usize..5).prop_flat_map(|(t, j)| {
        (
            proptest::collection::vec(cell(), t * j),
            0u32..5,
            1u32..3,
            proptest::collection::vec(0usize..t, 0..2),
            proptest::collection::vec(0u8..3, t + j),
            any::<bool>(),
            0u8..4,
            proptest::collection::vec(0u8..3, 0..3),
            0usize..5,
        )
            .prop_map(move |x| Forum {
                teams: t,
                jurors: j,
                cells: x.0,
                laureates: x.1,
                min: x.2,
                withdrawn: x.3,
                orgs: x.4,
                recuse: x.5,
                tie_break: x.6,
                decisions: x.7,
                method: x.8,
            })
    })
}

fn build(f: &Forum) -> Session {
    build_twisted(f, false)
}

/// The forum's session; `twisted`: ids scheduled against their order (teams
/// and jurors), criteria declared out of id order, a value for a criterion
/// the session does not have on every complete sheet, and a sheet of a team
/// that is not in the session.
fn build_twisted(f: &Forum, twisted: bool) -> Session {
    let id = |prefix: &str, i: usize, n: usize| {
        format!("{prefix}{}", if twisted { n - 1 - i } else { i })
    };
    let teams: Vec<String> = (0..f.teams).map(|i| id("T", i, f.teams)).collect();
    let jurors: Vec<String> = (0..f.jurors).map(|i| id("J", i, f.jurors)).collect();
    let team_refs: Vec<&str> = teams.iter().map(String::as_str).collect();
    let juror_refs: Vec<&str> = jurors.iter().map(String::as_str).collect();
    let criteria: &[(&str, &str)] = if twisted {
        &[("b", "2"), ("a", "0.5")]
    } else {
        &[("a", "0.5"), ("b", "2")]
    };
    let mut s = session(&team_refs, &juror_refs, criteria);
    s.settings.laureates = f.laureates;
    s.settings.min_sheets = f.min;
    s.settings.recuse_same_org = f.recuse;
    s.settings.method = Method::ALL[f.method];
    s.settings.tie_break = match f.tie_break {
        0 => vec![],
        1 => vec!["a".into()],
        2 => vec!["a".into(), "b".into()],
        _ => vec!["b".into(), "unknown".into()],
    };
    for (i, team) in s.teams.iter_mut().enumerate() {
        team.org = format!("o{}", f.orgs[i]).into();
    }
    for (i, juror) in s.jurors.iter_mut().enumerate() {
        juror.org = format!("o{}", f.orgs[f.teams + i]).into();
    }
    for &w in &f.withdrawn {
        s.teams[w].status = TeamStatus::Withdrawn;
    }
    for (ti, team) in teams.iter().enumerate() {
        for (ji, juror) in jurors.iter().enumerate() {
            match f.cells[ti * f.jurors + ji] {
                Cell::Values(a, b) => put(&mut s, team, juror, &[&a.to_string(), &b.to_string()]),
                Cell::Partial(a) => put(&mut s, team, juror, &[&a.to_string()]),
                Cell::Handwritten(a, b, d) => {
                    put(&mut s, team, juror, &[&a.to_string(), &b.to_string()]);
                    let off = if d == 0 { 0 } else { 1 + d };
                    let key = SheetKey::new(team.as_str().into(), juror.as_str().into());
                    let sheet: &mut Sheet = s.sheets.get_mut(&key).expect("just put");
                    sheet.handwritten = Some(dec(&(a + b + off).to_string()));
                }
                Cell::Missing => {}
                Cell::Recused => mark(&mut s, team, juror, Mark::Recused),
                Cell::Absent => mark(&mut s, team, juror, Mark::Absent),
            }
        }
    }
    if twisted {
        for sheet in s.sheets.values_mut() {
            if sheet.values.len() == 2 {
                sheet.values.insert("zz".into(), dec("3"));
            }
        }
        put(&mut s, "ghost", &jurors[0], &["4", "4"]);
    }
    // Decisions on the official method's cut-off groups, and a stale one.
    let official = rank(&s, s.settings.method);
    let groups: Vec<Vec<String>> = official
        .cutoff_groups()
        .iter()
        .map(|g| g.iter().rev().map(|t| t.to_string()).collect())
        .collect();
    for (group, &kind) in groups.iter().zip(&f.decisions) {
        let refs: Vec<&str> = group.iter().map(String::as_str).collect();
        match kind {
            1 => decide(&mut s, DecisionKind::Order, &refs),
            2 => decide(&mut s, DecisionKind::Admit, &refs),
            _ => {}
        }
    }
    if f.decisions.len() > 2 {
        decide(&mut s, DecisionKind::Admit, &["T0"]);
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_recount_agrees_with_the_engine(f in forum()) {
        let s = build(&f);
        prop_assert_eq!(differences(&s), Vec::<Difference>::new(), "{:#?}", f);
    }

    #[test]
    fn the_recount_agrees_with_the_engine_on_twisted_ids(f in forum()) {
        let s = build_twisted(&f, true);
        prop_assert_eq!(differences(&s), Vec::<Difference>::new(), "{:#?}", f);
        // The other methods placed on the official board: the laureates
        // the recount gives each method.
        let laureates = |method| {
            let mut ids: Vec<TeamId> = recount(&s, method)
                .lines
                .into_iter()
                .filter(|l| l.laureate)
                .map(|l| l.team)
                .collect();
            ids.sort();
            ids
        };
        let official = laureates(s.settings.method);
        for c in crate::domain::ranking::analysis::compare_methods(&s) {
            let other = laureates(c.method);
            let mut joining = c.joining.clone();
            let mut leaving = c.leaving.clone();
            joining.sort();
            leaving.sort();
            let expected_joining: Vec<TeamId> =
                other.iter().filter(|t| !official.contains(t)).cloned().collect();
            let expected_leaving: Vec<TeamId> =
                official.iter().filter(|t| !other.contains(t)).cloned().collect();
            prop_assert_eq!(joining, expected_joining, "{:?}", c.method);
            prop_assert_eq!(leaving, expected_leaving, "{:?}", c.method);
            prop_assert_eq!(c.cutoff_tie, recount(&s, c.method).cutoff_tie, "{:?}", c.method);
        }
    }
}

/// design.md's worked examples, recounted.
#[test]
fn worked_examples() {
    let mut s = simple(&["A", "B", "C"], &["J1", "J2", "J3"]);
    for (team, values) in [("A", [18, 8, 14]), ("B", [16, 12, 15]), ("C", [17, 10, 13])] {
        for (juror, v) in ["J1", "J2", "J3"].iter().zip(values) {
            put(&mut s, team, juror, &[&v.to_string()]);
        }
    }
    let mean = recount(&s, Method::Mean);
    let ranks: Vec<(&str, usize)> = mean
        .lines
        .iter()
        .map(|l| (l.team.as_str(), l.rank))
        .collect();
    assert_eq!(ranks, [("B", 1), ("A", 2), ("C", 2)]);
    let borda = recount(&s, Method::Borda);
    assert_eq!(borda.lines[0].score, Some(Figure::Exact(ratio(2, 3))));
    let normalized = recount(&s, Method::Normalized);
    let order: Vec<&str> = normalized.lines.iter().map(|l| l.team.as_str()).collect();
    assert_eq!(order, ["B", "A", "C"]);
    match &normalized.lines[0].score {
        Some(Figure::Float(z)) => assert!((z - 0.408248).abs() < 1e-6, "{z}"),
        other => panic!("{other:?}"),
    }
    assert!(differences(&s).is_empty());

    let mut m = simple(&["A", "B"], &["J1", "J2", "J3"]);
    put(&mut m, "A", "J1", &["10"]);
    put(&mut m, "A", "J2", &["12"]);
    for (juror, v) in [("J1", "10"), ("J2", "10"), ("J3", "14")] {
        put(&mut m, "B", juror, &[v]);
    }
    let majority = recount(&m, Method::Majority);
    let order: Vec<&str> = majority.lines.iter().map(|l| l.team.as_str()).collect();
    assert_eq!(order, ["A", "B"]);
    assert!(differences(&m).is_empty());
}

fn three_teams() -> Session {
    let mut s = simple(&["A", "B", "C"], &["J1", "J2"]);
    s.settings.laureates = 1;
    for (team, values) in [("A", ["12", "15"]), ("B", ["14", "16"]), ("C", ["9", "17"])] {
        for (juror, v) in ["J1", "J2"].iter().zip(values) {
            put(&mut s, team, juror, &[v]);
        }
    }
    s
}

#[test]
fn two_swapped_teams_are_reported() {
    let s = three_teams();
    let mut engine = rank(&s, Method::Mean);
    assert!(compare(&engine, &recount(&s, Method::Mean)).is_empty());
    engine.ranking.swap(1, 2);
    let found = compare(&engine, &recount(&s, Method::Mean));
    assert!(
        found.contains(&Difference::Order {
            method: Method::Mean,
            row: 2,
            engine: "C".into(),
            recount: "A".into(),
        }),
        "{found:?}"
    );
}

#[test]
fn a_flipped_laureate_a_wrong_score_and_a_wrong_cutoff_tie_are_reported() {
    // B 15 > A 27/2 > C 13, one laureate.
    let s = three_teams();
    let mut engine = rank(&s, Method::Mean);
    engine.ranking[0].sheets = 1;
    engine.ranking[1].laureate = true;
    engine.ranking[2].score = Some(Figure::Exact(ratio(14, 1)));
    engine.cutoff_tie = true;
    let found = compare(&engine, &recount(&s, Method::Mean));
    assert_eq!(
        found,
        [
            Difference::Sheets {
                method: Method::Mean,
                team: "B".into(),
                engine: 1,
                recount: 2,
            },
            Difference::Flag {
                method: Method::Mean,
                team: "A".into(),
                flag: Flag::Laureate,
                engine: true,
            },
            Difference::Score {
                method: Method::Mean,
                team: "C".into(),
                engine: Some(Figure::Exact(ratio(14, 1))),
                recount: Some(Figure::Exact(ratio(13, 1))),
            },
            Difference::CutoffTie {
                method: Method::Mean,
                engine: true,
            },
        ]
    );
}

#[test]
fn normalized_scores_agree_within_the_tolerance_only() {
    let s = three_teams();
    let mut engine = rank(&s, Method::Normalized);
    let recounted = recount(&s, Method::Normalized);
    let Some(Figure::Float(z)) = engine.ranking[0].score.clone() else {
        panic!("a float");
    };
    engine.ranking[0].score = Some(Figure::Float(z + 1e-12));
    assert!(compare(&engine, &recounted).is_empty());
    engine.ranking[0].score = Some(Figure::Float(z + 1e-6));
    assert_eq!(compare(&engine, &recounted).len(), 1);
}

/// The majority values found by index (without the repeated list) are
/// those of the plain definition, for every length and repetition, and
/// the comparison of two teams with different sheet counts follows them.
#[test]
fn majority_values_by_index_follow_the_definition() {
    for len in 1..14usize {
        let xs: Vec<BigRational> = (0..len as i128).map(|v| ratio(v, 1)).collect();
        for k in 1..7 {
            let plain = majority_values(&xs, k);
            let by_index: Vec<BigRational> = (0..len * k)
                .map(|i| xs[majority_index(len, k, i)].clone())
                .collect();
            assert_eq!(by_index, plain, "len {len}, k {k}");
        }
    }
    let a: Vec<BigRational> = [1, 4, 4, 9].map(|v| ratio(v, 1)).to_vec();
    let b: Vec<BigRational> = [2, 4, 8].map(|v| ratio(v, 1)).to_vec();
    let plain = majority_values(&a, 3).cmp(&majority_values(&b, 4));
    assert_eq!(majority_cmp(&a, 3, &b, 4), plain);
    assert_eq!(majority_cmp(&b, 4, &a, 3), plain.reverse());
    assert_eq!(majority_cmp(&a, 1, &a, 1), Ordering::Equal);
}

/// Forums at the edges: one team, no juror, no sheet that counts (every
/// sheet partial or mismatched): the engine, its comparison of methods and
/// its robustness search say what the recount and the definition say.
#[test]
fn one_team_no_juror_and_no_counting_sheet_agree_with_the_recount() {
    use crate::domain::ranking::analysis::compare_methods;
    use crate::domain::ranking::robustness::{Search, search};
    let mut lone = session(&["A"], &["J1", "J2"], &[("a", "1")]);
    put(&mut lone, "A", "J1", &["3"]);
    let mut nobody = session(&["A", "B", "C"], &[], &[("a", "1")]);
    nobody.settings.laureates = 2;
    let mut none_count = session(&["A", "B"], &["J1"], &[("a", "1"), ("b", "1")]);
    none_count.settings.laureates = 1;
    put(&mut none_count, "A", "J1", &["3"]);
    put(&mut none_count, "B", "J1", &["3", "4"]);
    let key = SheetKey::new("B".into(), "J1".into());
    none_count
        .sheets
        .get_mut(&key)
        .expect("just put")
        .handwritten = Some(dec("8"));
    for mut s in [lone, nobody, none_count] {
        for method in Method::ALL {
            s.settings.method = method;
            assert_eq!(differences(&s), Vec::<Difference>::new(), "{method:?}");
            assert!(
                compare_methods(&s).iter().all(|c| !c.changes()),
                "{method:?}"
            );
            assert_eq!(search(&s, 1_000), Search::None, "{method:?}");
        }
    }
}
