//! Cells of the grid: reading, setting, and the changes that set them.

use super::{CellKey, Column};
use crate::domain::{Change, Criterion, Dec, Edit, Refusal, Session, Sheet};

/// Why a value does not fit a criterion, before anything is sent.
pub(in crate::app::screens::scores) fn check(c: &Criterion, value: Dec) -> Option<Refusal> {
    if value < c.min || value > c.max {
        Some(Refusal::OutOfRange {
            criterion: c.id.clone(),
            label: c.label.clone(),
            value,
            min: c.min,
            max: c.max,
        })
    } else if !value.is_on_step(c.min, c.step) {
        Some(Refusal::OffStep {
            criterion: c.id.clone(),
            label: c.label.clone(),
            value,
            min: c.min,
            step: c.step,
        })
    } else {
        None
    }
}

pub(super) fn saved_value(session: &Session, key: &CellKey) -> Option<Dec> {
    let sheet = session.sheet(&key.team, &key.juror)?;
    match &key.column {
        Column::Criterion(id) => sheet.values.get(id).copied(),
        Column::Handwritten => sheet.handwritten,
    }
}

pub(super) fn set_in(sheet: &mut Sheet, column: &Column, value: Option<Dec>) {
    match (column, value) {
        (Column::Criterion(id), Some(v)) => {
            sheet.values.insert(id.clone(), v);
        }
        (Column::Criterion(id), None) => {
            sheet.values.remove(id);
        }
        (Column::Handwritten, v) => sheet.handwritten = v,
    }
}

pub(super) fn cell_change(key: &CellKey, seen: Option<Dec>, new: Option<Dec>) -> Change {
    match &key.column {
        Column::Criterion(id) => Change::SetCell {
            team: key.team.clone(),
            juror: key.juror.clone(),
            criterion: id.clone(),
            edit: Edit::new(seen, new),
        },
        Column::Handwritten => Change::SetHandwritten {
            team: key.team.clone(),
            juror: key.juror.clone(),
            edit: Edit::new(seen, new),
        },
    }
}

/// The cells a change sets, with their new values: the inverse of
/// [`cell_change`].
pub(super) fn cells_of(change: &Change, out: &mut Vec<(CellKey, Option<Dec>)>) {
    let (team, juror, column, new) = match change {
        Change::SetCell {
            team,
            juror,
            criterion,
            edit,
        } => (team, juror, Column::Criterion(criterion.clone()), edit.new),
        Change::SetHandwritten { team, juror, edit } => {
            (team, juror, Column::Handwritten, edit.new)
        }
        Change::Batch { changes, .. } => {
            changes.iter().for_each(|c| cells_of(c, out));
            return;
        }
        _ => return,
    };
    let key = CellKey {
        team: team.clone(),
        juror: juror.clone(),
        column,
    };
    out.push((key, new));
}
