//! Two writers (moderator and secretary), each with its own stale copy of
//! the session, alternating hundreds of operations through storage.

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use common::*;
use podium::domain::{Dec, Lang, Refusal, Session, apply};
use podium::storage;

const WAIT: Duration = Duration::from_secs(10);

type Cell = (String, String, String);

/// Commit `new` on a cell from `copy`'s point of view; on success the
/// writer applies its own change to its copy (it never sees the other's).
fn write(path: &std::path::Path, copy: &mut Session, cell: &Cell, new: Dec) -> Result<(), Refusal> {
    let (t, j, c) = cell;
    let change = set_cell(
        t,
        j,
        c,
        copy.value(&t.into(), &j.into(), &c.into()),
        Some(new),
    );
    match storage::commit(path, &op(change.clone()), WAIT) {
        Ok(_) => {
            apply(copy, &change).unwrap();
            Ok(())
        }
        Err(e) => Err(e.refusal().cloned().unwrap_or_else(|| panic!("{e:?}"))),
    }
}

#[test]
fn different_cells_all_survive_and_same_cell_changes_are_refused() {
    let (_dir, path) = folder();
    storage::create(&path, &session("duo", 10, 2), "w", at(0)).unwrap();
    let mut a = storage::load(&path).unwrap();
    let mut b = storage::load(&path).unwrap();
    let mut truth: BTreeMap<Cell, Dec> = BTreeMap::new();

    // Different cells: A types juror J1's sheets, B juror J2's.
    for i in 0..240usize {
        let (copy, juror) = if i % 2 == 0 {
            (&mut a, "J1")
        } else {
            (&mut b, "J2")
        };
        let cell = (
            format!("T{}", (i / 2) % 10 + 1),
            juror.to_string(),
            "c1".to_string(),
        );
        let value = Dec::int(((i / 20) % 11) as i64);
        let value =
            if copy.value(&(&cell.0).into(), &(&cell.1).into(), &(&cell.2).into()) == Some(value) {
                Dec::int(10 - ((i / 20) % 11) as i64)
            } else {
                value
            };
        write(&path, copy, &cell, value).unwrap_or_else(|r| panic!("op {i}: {r:?}"));
        truth.insert(cell, value);
    }
    let on_disk = storage::load(&path).unwrap();
    for ((t, j, c), v) in &truth {
        assert_eq!(
            on_disk.value(&t.into(), &j.into(), &c.into()),
            Some(*v),
            "{t}/{j}/{c}"
        );
    }
    let stored: usize = on_disk.sheets.values().map(|s| s.values.len()).sum();
    assert_eq!(stored, truth.len());
    assert_eq!(truth.len(), 20);

    // The same cells: both type into T*/J1/c2 without seeing each other.
    let (mut refused, mut accepted) = (0, 0);
    for round in 0..120usize {
        let cell = (
            format!("T{}", round % 10 + 1),
            "J1".to_string(),
            "c2".to_string(),
        );
        let first_is_a = round % 3 != 0;
        for (k, copy) in if first_is_a {
            [&mut a, &mut b]
        } else {
            [&mut b, &mut a]
        }
        .into_iter()
        .enumerate()
        {
            let value = Dec::from_raw(((round * 2 + k) % 41) as i64 * 500_000);
            let seen = copy.value(&(&cell.0).into(), &(&cell.1).into(), &(&cell.2).into());
            let current = truth.get(&cell).copied();
            match write(&path, copy, &cell, value) {
                Ok(()) => {
                    assert_eq!(seen, current, "round {round}: a stale change was accepted");
                    truth.insert(cell.clone(), value);
                    accepted += 1;
                }
                Err(refusal) => {
                    assert_ne!(seen, current, "round {round}: a fresh change was refused");
                    match &refusal {
                        Refusal::StaleCell {
                            seen: s,
                            current: c,
                            ..
                        } => {
                            assert_eq!((*s, *c), (seen, current));
                        }
                        other => panic!("{other:?}"),
                    }
                    // Both values are shown to the user.
                    let text = refusal.message(Lang::En);
                    let show =
                        |v: Option<Dec>| v.map_or("(empty)".to_string(), |v| v.format_with('.'));
                    assert!(
                        text.contains(&format!("seen {}, now {}", show(seen), show(current))),
                        "{text}"
                    );
                    refused += 1;
                }
            }
        }
    }
    assert!(
        refused >= 100 && accepted >= 100,
        "refused {refused}, accepted {accepted}"
    );
    let on_disk = storage::load(&path).unwrap();
    for ((t, j, c), v) in &truth {
        assert_eq!(
            on_disk.value(&t.into(), &j.into(), &c.into()),
            Some(*v),
            "{t}/{j}/{c}"
        );
    }
    assert_eq!(on_disk.revision, 1 + 240 + accepted as u64);
    assert!(storage::inspect(&path).findings.is_empty());
}
