//! The grid's warning at the key that voids a decision: read again on one
//! board, it says what ranking a copy of the session says.

use proptest::prelude::*;

use super::robustness::{forum, generated};
use crate::domain::decimal::Dec;
use crate::domain::operation::{BatchLabel, Change, Edit};
use crate::domain::ranking::finality::{voided_by, voided_on_a_copy};
use crate::domain::session::{DecisionKind, Mark, Method, Session, Sheet};

/// A change of one pair's sheet, as the grid or an import sends it: the
/// value or total seen is the current one unless `stale`.
#[derive(Clone, Debug)]
enum Kind {
    Cell(bool, Option<i64>),
    Handwritten(Option<i64>),
    Mark(Option<Mark>),
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        6 => (any::<bool>(), prop::option::of(0i64..=5)).prop_map(|(b, v)| Kind::Cell(b, v)),
        1 => prop::option::of(0i64..=9).prop_map(Kind::Handwritten),
        1 => prop::option::of(prop::sample::select(vec![Mark::Absent, Mark::Recused]))
            .prop_map(Kind::Mark),
    ]
}

fn change(s: &Session, team: usize, juror: usize, kind: &Kind, stale: bool) -> Change {
    let team = s.teams[team % s.teams.len()].id.clone();
    let juror = s.jurors[juror % s.jurors.len()].id.clone();
    let sheet = s.sheet(&team, &juror).cloned().unwrap_or_default();
    match kind {
        Kind::Cell(first, new) => {
            let criterion = s.criteria[usize::from(!first)].id.clone();
            let current = sheet.values.get(&criterion).copied();
            let seen = if stale {
                Some(current.map_or(Dec::int(1), |v| Dec::from_raw(v.raw() + 1)))
            } else {
                current
            };
            Change::SetCell {
                team,
                juror,
                criterion,
                edit: Edit::new(seen, new.map(Dec::int)),
            }
        }
        Kind::Handwritten(new) => Change::SetHandwritten {
            team,
            juror,
            edit: Edit::new(sheet.handwritten, new.map(Dec::int)),
        },
        Kind::Mark(mark) => Change::SetSheet {
            team,
            juror,
            edit: Edit::new(
                sheet,
                Sheet {
                    mark: *mark,
                    ..Sheet::default()
                },
            ),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn reading_the_changed_sheets_again_voids_what_a_copy_voids(
        (jurors, cells) in (1usize..4).prop_flat_map(|j| {
            (Just(j), proptest::collection::vec(generated(), (2 * j)..=(5 * j)))
        }),
        laureates in 1u32..3,
        method in prop::sample::select(Method::ALL.to_vec()),
        decided in prop::sample::select(vec![DecisionKind::Admit, DecisionKind::Order]),
        edits in proptest::collection::vec((0usize..5, 0usize..4, kind(), any::<bool>()), 1..4),
        batch in any::<bool>(),
        withdraw in prop::bool::weighted(0.1),
    ) {
        let cells = &cells[..cells.len() / jurors * jurors];
        let mut s = forum(cells, jurors, laureates, 1, method, Some(decided));
        // A decision on the group the ranking leaves at the cut-off, if
        // any, so that a change can void it.
        if let Some(group) = crate::domain::ranking::rank(&s, method).cutoff_groups().first() {
            let teams: Vec<&str> = group.to_vec();
            let teams: Vec<String> = teams.iter().map(|t| t.to_string()).collect();
            let refs: Vec<&str> = teams.iter().map(String::as_str).collect();
            super::support::decide(&mut s, decided, &refs);
        }
        let mut changes: Vec<Change> = edits
            .iter()
            .map(|(t, j, kind, stale)| change(&s, *t, *j, kind, *stale && *t == 0))
            .collect();
        if withdraw {
            changes.push(Change::SetTeamStatus {
                team: s.teams[0].id.clone(),
                edit: Edit::new(s.teams[0].status, crate::domain::session::TeamStatus::Withdrawn),
            });
        }
        if batch {
            changes = vec![Change::Batch { label: BatchLabel::Import { file: "f.csv".into() }, changes }];
        }
        prop_assert_eq!(voided_by(&s, &changes), voided_on_a_copy(&s, &changes));
    }
}
