//! The blind second entry: its cells, and the resolution of a cell where
//! the two entries differ. The second entry never scores; a resolution
//! sets the first entry (through the same checks as any value) and the
//! second together, or neither.

use super::super::decimal::Dec;
use super::super::operation::{Edit, Entries};
use super::super::refusal::Refusal;
use super::super::session::{CriterionId, JurorId, Session, TeamId};
use super::cells::{check_value, expected, pair, set_cell_of_pair};

pub(super) fn set_second_cell(
    s: &mut Session,
    team: &TeamId,
    juror: &JurorId,
    criterion: &CriterionId,
    edit: &Edit<Option<Dec>>,
) -> Result<(), Refusal> {
    check_second(s, team, juror, criterion, edit)?;
    put_second(s, team, juror, criterion, edit.new);
    Ok(())
}

pub(super) fn resolve_cell(
    s: &mut Session,
    team: &TeamId,
    juror: &JurorId,
    criterion: &CriterionId,
    edit: &Edit<Entries>,
) -> Result<(), Refusal> {
    let second = Edit::new(edit.seen.second, edit.new.second);
    check_second(s, team, juror, criterion, &second)?;
    if edit.seen.first != edit.new.first {
        // The first entry scores: changed under every rule of a value
        // (a locked grid refuses it).
        let first = Edit::new(edit.seen.first, edit.new.first);
        super::cells::check_pair(s, team, juror)?;
        set_cell_of_pair(s, team, juror, criterion, &first)?;
    } else if s.value(team, juror, criterion) != edit.seen.first {
        return Err(Refusal::StaleCell {
            team: team.clone(),
            juror: juror.clone(),
            criterion: criterion.clone(),
            seen: edit.seen.first,
            current: s.value(team, juror, criterion),
        });
    }
    put_second(s, team, juror, criterion, edit.new.second);
    Ok(())
}

/// The pair is expected, the value fits its criterion and the second
/// entry's cell is what its author saw.
fn check_second(
    s: &Session,
    team: &TeamId,
    juror: &JurorId,
    criterion: &CriterionId,
    edit: &Edit<Option<Dec>>,
) -> Result<(), Refusal> {
    let (t, j) = pair(s, team, juror)?;
    expected(s, t, j)?;
    if s.criterion(criterion).is_none() {
        return Err(Refusal::UnknownCriterion(criterion.clone()));
    }
    let current = s.second_value(team, juror, criterion);
    if current != edit.seen {
        return Err(Refusal::StaleSecondCell {
            team: team.clone(),
            juror: juror.clone(),
            criterion: criterion.clone(),
            seen: edit.seen,
            current,
        });
    }
    match edit.new {
        Some(v) => check_value(s, criterion, v),
        None => Ok(()),
    }
}

/// Set or clear the second entry's cell; empty maps are dropped.
fn put_second(
    s: &mut Session,
    team: &TeamId,
    juror: &JurorId,
    criterion: &CriterionId,
    value: Option<Dec>,
) {
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
