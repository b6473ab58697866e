//! The blind second entry: its cells, and the resolution of a cell where
//! the two entries differ. The second entry never scores; a resolution
//! sets the first entry (through the same checks as any value) and the
//! second together, or neither.

use super::super::decimal::Dec;
use super::super::operation::{Edit, Entries};
use super::super::refusal::Refusal;
use super::super::session::Session;
use super::cells::{Cell, as_seen, check_value, expected, pair, set_cell_of_pair};

pub(super) fn set_second_cell(
    s: &mut Session,
    cell: Cell,
    edit: &Edit<Option<Dec>>,
) -> Result<(), Refusal> {
    check_second(s, cell, edit)?;
    put_second(s, cell, edit.new);
    Ok(())
}

pub(super) fn resolve_cell(
    s: &mut Session,
    cell: Cell,
    edit: &Edit<Entries>,
) -> Result<(), Refusal> {
    let (team, juror, criterion) = cell;
    let second = Edit::new(edit.seen.second, edit.new.second);
    check_second(s, cell, &second)?;
    if edit.seen.first != edit.new.first {
        // The first entry scores: changed under every rule of a value
        // (a locked grid refuses it).
        let first = Edit::new(edit.seen.first, edit.new.first);
        super::cells::check_pair(s, team, juror)?;
        set_cell_of_pair(s, cell, &first)?;
    } else {
        let current = s.value(team, juror, criterion);
        as_seen(s, cell, edit.seen.first, current, false)?;
    }
    put_second(s, cell, edit.new.second);
    Ok(())
}

/// The pair is expected, the value fits its criterion and the second
/// entry's cell is what its author saw.
fn check_second(s: &Session, cell: Cell, edit: &Edit<Option<Dec>>) -> Result<(), Refusal> {
    let (team, juror, criterion) = cell;
    let (t, j) = pair(s, team, juror)?;
    expected(s, t, j)?;
    let current = s.second_value(team, juror, criterion);
    as_seen(s, cell, edit.seen, current, true)?;
    match edit.new {
        Some(v) => check_value(s, criterion, v),
        None => Ok(()),
    }
}

/// Set or clear the second entry's cell; empty maps are dropped.
fn put_second(s: &mut Session, (team, juror, criterion): Cell, value: Option<Dec>) {
    let jurors = s.second_entry.entry(team.clone()).or_default();
    let cells = jurors.entry(juror.clone()).or_default();
    match value {
        Some(v) => {
            cells.insert(criterion.clone(), v);
        }
        None => {
            cells.remove(criterion);
        }
    }
    if cells.is_empty() {
        jurors.remove(juror);
    }
    if jurors.is_empty() {
        s.second_entry.remove(team);
    }
}
