//! Cells and marks: values, handwritten totals, whole sheets (absent,
//! recused) and the verification lock of a team's grid.

use std::collections::{HashMap, HashSet};

use super::super::decimal::Dec;
use super::super::operation::{Change, Edit};
use super::super::pair::PairState;
use super::super::refusal::{Refusal, Subject};
use super::super::session::{
    CriterionId, Juror, JurorId, Mark, Session, Sheet, SheetKey, Team, TeamId,
};
use super::stale;

/// A cell's address: its team, juror and criterion.
pub(super) type Cell<'a> = (&'a TeamId, &'a JurorId, &'a CriterionId);

/// The criterion exists and the cell is as its author saw it (`current`
/// now), else refused as moved meanwhile (`second`: a cell of the blind
/// second entry).
pub(super) fn as_seen(
    s: &Session,
    (team, juror, criterion): Cell,
    seen: Option<Dec>,
    current: Option<Dec>,
    second: bool,
) -> Result<(), Refusal> {
    if s.criterion(criterion).is_none() {
        return Err(Refusal::UnknownCriterion(criterion.clone()));
    }
    if current == seen {
        return Ok(());
    }
    let (team, juror, criterion) = (team.clone(), juror.clone(), criterion.clone());
    Err(match second {
        true => Refusal::StaleSecondCell {
            team,
            juror,
            criterion,
            seen,
            current,
        },
        false => Refusal::StaleCell {
            team,
            juror,
            criterion,
            seen,
            current,
        },
    })
}

/// A cell of the first entry, the pair already checked (`check_pair`).
pub(super) fn set_cell_of_pair(
    s: &mut Session,
    cell: Cell,
    edit: &Edit<Option<Dec>>,
) -> Result<(), Refusal> {
    let (team, juror, criterion) = cell;
    check_cell(s, cell, edit, s.value(team, juror, criterion))?;
    change_sheet(s, team, juror, |sheet| {
        write_cell(sheet, criterion, edit.new)
    });
    Ok(())
}

/// A run of cells of the first entry for one pair (`SetCell` changes of
/// `team` and `juror`, the pair already checked): its sheet is looked up
/// once, not per cell. Each cell is checked against the sheet as the run's
/// earlier cells left it, exactly as one by one; on refusal the earlier
/// cells stay written, as one by one.
fn set_cells_of_pair(
    s: &mut Session,
    team: &TeamId,
    juror: &JurorId,
    run: &[Change],
) -> Result<(), Refusal> {
    let key = SheetKey::new(team.clone(), juror.clone());
    let mut sheet = s.sheets.remove(&key).unwrap_or_default();
    let result = run.iter().try_for_each(|change| match change {
        Change::SetCell {
            criterion, edit, ..
        } => {
            let current = sheet.values.get(criterion).copied();
            check_cell(s, (team, juror, criterion), edit, current)?;
            write_cell(&mut sheet, criterion, edit.new);
            Ok(())
        }
        _ => Ok(()),
    });
    if !sheet.is_empty() {
        s.sheets.insert(key, sheet);
    }
    result
}

/// The cell is as its author saw it (`current` now) and its new value
/// allowed by its criterion.
fn check_cell(
    s: &Session,
    cell: Cell,
    edit: &Edit<Option<Dec>>,
    current: Option<Dec>,
) -> Result<(), Refusal> {
    as_seen(s, cell, edit.seen, current, false)?;
    match edit.new {
        Some(v) => check_value(s, cell.2, v),
        None => Ok(()),
    }
}

fn write_cell(sheet: &mut Sheet, criterion: &CriterionId, new: Option<Dec>) {
    match new {
        Some(v) => {
            sheet.values.insert(criterion.clone(), v);
        }
        None => {
            sheet.values.remove(criterion);
        }
    }
}

/// How many of `changes` lead with cells of the pair (`team`, `juror`).
fn cell_run(changes: &[Change], team: &TeamId, juror: &JurorId) -> usize {
    changes
        .iter()
        .take_while(
            |c| matches!(c, Change::SetCell { team: t, juror: j, .. } if t == team && j == juror),
        )
        .count()
}

pub(super) fn set_handwritten(
    s: &mut Session,
    team: &TeamId,
    juror: &JurorId,
    edit: &Edit<Option<Dec>>,
) -> Result<(), Refusal> {
    check_pair(s, team, juror)?;
    let current = s.sheet(team, juror).and_then(|sh| sh.handwritten);
    if current != edit.seen {
        return Err(stale(Subject::Sheet {
            team: team.clone(),
            juror: juror.clone(),
        }));
    }
    change_sheet(s, team, juror, |sheet| sheet.handwritten = edit.new);
    Ok(())
}

pub(super) fn set_sheet(
    s: &mut Session,
    team: &TeamId,
    juror: &JurorId,
    edit: &Edit<Sheet>,
) -> Result<(), Refusal> {
    let (t, j) = unlocked_pair(s, team, juror)?;
    let current = s.sheet(team, juror).cloned().unwrap_or_default();
    if current != edit.seen {
        return Err(stale(Subject::Sheet {
            team: team.clone(),
            juror: juror.clone(),
        }));
    }
    let new = &edit.new;
    let has_values = !new.values.is_empty() || new.handwritten.is_some();
    if has_values {
        if new.mark.is_some() || s.auto_recused(t, j) {
            let status = if new.mark == Some(Mark::Absent) {
                PairState::Absent
            } else {
                PairState::Recused
            };
            return Err(Refusal::NotScored {
                team: team.clone(),
                juror: juror.clone(),
                status,
            });
        }
        for (criterion, value) in &new.values {
            check_value(s, criterion, *value)?;
        }
    }
    change_sheet(s, team, juror, |sheet| *sheet = new.clone());
    Ok(())
}

pub(super) fn set_verified(
    s: &mut Session,
    team: &TeamId,
    edit: &Edit<bool>,
) -> Result<(), Refusal> {
    if s.team(team).is_none() {
        return Err(Refusal::UnknownTeam(team.clone()));
    }
    if s.verified.contains(team) != edit.seen {
        return Err(stale(Subject::Team(team.clone())));
    }
    if edit.new {
        s.verified.insert(team.clone());
    } else {
        s.verified.remove(team);
    }
    Ok(())
}

/// The team and juror exist and the team's grid is not locked.
fn unlocked_pair<'s>(
    s: &'s Session,
    team: &TeamId,
    juror: &JurorId,
) -> Result<(&'s Team, &'s Juror), Refusal> {
    let (t, j) = pair(s, team, juror)?;
    unlocked(s, t, j)
}

/// The team and the juror, both known.
pub(super) fn pair<'s>(
    s: &'s Session,
    team: &TeamId,
    juror: &JurorId,
) -> Result<(&'s Team, &'s Juror), Refusal> {
    let t = s
        .team(team)
        .ok_or_else(|| Refusal::UnknownTeam(team.clone()))?;
    let j = s
        .juror(juror)
        .ok_or_else(|| Refusal::UnknownJuror(juror.clone()))?;
    Ok((t, j))
}

/// [`unlocked_pair`], the team and the juror found.
fn unlocked<'s>(s: &Session, t: &'s Team, j: &'s Juror) -> Result<(&'s Team, &'s Juror), Refusal> {
    if s.verified.contains(&t.id) {
        return Err(Refusal::Verified { team: t.id.clone() });
    }
    Ok((t, j))
}

/// The team and juror exist, the pair is expected and the grid not locked.
pub(super) fn check_pair(s: &Session, team: &TeamId, juror: &JurorId) -> Result<(), Refusal> {
    let (t, j) = unlocked_pair(s, team, juror)?;
    expected(s, t, j)
}

/// The pair is expected to score (not withdrawn, absent or recused).
pub(super) fn expected(s: &Session, t: &Team, j: &Juror) -> Result<(), Refusal> {
    match s.excuse(t, j) {
        None => Ok(()),
        Some(status) => Err(Refusal::NotScored {
            team: t.id.clone(),
            juror: j.id.clone(),
            status,
        }),
    }
}

pub(super) fn check_value(s: &Session, criterion: &CriterionId, value: Dec) -> Result<(), Refusal> {
    let c = s
        .criterion(criterion)
        .ok_or_else(|| Refusal::UnknownCriterion(criterion.clone()))?;
    if value < c.min || value > c.max {
        return Err(Refusal::OutOfRange {
            criterion: criterion.clone(),
            label: c.label.clone(),
            value,
            min: c.min,
            max: c.max,
        });
    }
    if !value.is_on_step(c.min, c.step) {
        return Err(Refusal::OffStep {
            criterion: criterion.clone(),
            label: c.label.clone(),
            value,
            min: c.min,
            step: c.step,
        });
    }
    Ok(())
}

/// Change the pair's sheet in place; a sheet left empty is dropped.
fn change_sheet(s: &mut Session, team: &TeamId, juror: &JurorId, change: impl FnOnce(&mut Sheet)) {
    let key = SheetKey::new(team.clone(), juror.clone());
    let mut sheet = s.sheets.remove(&key).unwrap_or_default();
    change(&mut sheet);
    if !sheet.is_empty() {
        s.sheets.insert(key, sheet);
    }
}

/// The changes of a batch, in order. Cell changes (an import: up to
/// millions) find their team and juror through an index built once, not by
/// a scan of the roster per cell. A change of a sheet or of a team's
/// verification (an import's absence marks) keeps the index: it moves no
/// team or juror. Any other change drops it (rebuilding it after each of an
/// import's 30,000 marks at 20,000 teams made the import quadratic).
pub(super) fn apply_batch(s: &mut Session, changes: &[Change]) -> Result<(), Refusal> {
    let mut index: Option<Roster> = None;
    let mut rest = changes;
    while let Some((change, tail)) = rest.split_first() {
        match change {
            Change::SetCell { team, juror, .. } => {
                // An import's cells come by team and juror: a run of one
                // pair is checked and written with one look-up of its sheet
                // (cells change neither the roster, marks nor locks).
                let run = cell_run(rest, team, juror);
                let roster = index.get_or_insert_with(|| Roster::of(s));
                roster.check_pair(s, team, juror)?;
                set_cells_of_pair(s, team, juror, &rest[..run])?;
                rest = &rest[run..];
                continue;
            }
            other @ (Change::SetSheet { .. }
            | Change::SetHandwritten { .. }
            | Change::SetVerified { .. }) => super::apply_unchecked(s, other)?,
            other => {
                index = None;
                super::apply_unchecked(s, other)?;
            }
        }
        rest = tail;
    }
    Ok(())
}

/// Whether [`apply_batch_in_place`] can put this change back: it changes
/// sheets or the verification of a grid, nothing else.
pub(super) fn undoable(change: &Change) -> bool {
    matches!(
        change,
        Change::SetCell { .. }
            | Change::SetHandwritten { .. }
            | Change::SetSheet { .. }
            | Change::SetVerified { .. }
    )
}

/// [`apply_batch`] of [`undoable`] changes on the session itself: the
/// sheets and verifications it changes are kept as they were first, and
/// put back if a change is refused, so the session is then untouched.
pub(super) fn apply_batch_in_place(s: &mut Session, changes: &[Change]) -> Result<(), Refusal> {
    let mut sheets: Vec<(SheetKey, Option<Sheet>)> = Vec::new();
    let mut kept: HashSet<SheetKey> = HashSet::new();
    let mut verified: Vec<(TeamId, bool)> = Vec::new();
    // The pair of the change before: its sheet is already kept.
    let mut last: Option<(&TeamId, &JurorId)> = None;
    for change in changes {
        match change {
            Change::SetCell { team, juror, .. }
            | Change::SetHandwritten { team, juror, .. }
            | Change::SetSheet { team, juror, .. } => {
                if last == Some((team, juror)) {
                    continue;
                }
                last = Some((team, juror));
                let key = SheetKey::new(team.clone(), juror.clone());
                if !kept.contains(&key) {
                    sheets.push((key.clone(), s.sheets.get(&key).cloned()));
                    kept.insert(key);
                }
            }
            Change::SetVerified { team, .. } => {
                verified.push((team.clone(), s.verified.contains(team)));
            }
            _ => {}
        }
    }
    let result = apply_batch(s, changes);
    if result.is_err() {
        for (key, sheet) in sheets.into_iter().rev() {
            match sheet {
                Some(sheet) => s.sheets.insert(key, sheet),
                None => s.sheets.remove(&key),
            };
        }
        for (team, was) in verified.into_iter().rev() {
            if was {
                s.verified.insert(team);
            } else {
                s.verified.remove(&team);
            }
        }
    }
    result
}

/// Where each team and juror is in the session's lists.
struct Roster {
    teams: HashMap<TeamId, usize>,
    jurors: HashMap<JurorId, usize>,
}

impl Roster {
    fn of(s: &Session) -> Roster {
        // The first of two equal ids wins, as with `Session::team`.
        let mut teams = HashMap::with_capacity(s.teams.len());
        for (i, t) in s.teams.iter().enumerate() {
            teams.entry(t.id.clone()).or_insert(i);
        }
        let mut jurors = HashMap::with_capacity(s.jurors.len());
        for (i, j) in s.jurors.iter().enumerate() {
            jurors.entry(j.id.clone()).or_insert(i);
        }
        Roster { teams, jurors }
    }

    fn check_pair(&self, s: &Session, team: &TeamId, juror: &JurorId) -> Result<(), Refusal> {
        let t = self
            .teams
            .get(team)
            .map(|&i| &s.teams[i])
            .ok_or_else(|| Refusal::UnknownTeam(team.clone()))?;
        let j = self
            .jurors
            .get(juror)
            .map(|&i| &s.jurors[i])
            .ok_or_else(|| Refusal::UnknownJuror(juror.clone()))?;
        let (t, j) = unlocked(s, t, j)?;
        expected(s, t, j)
    }
}
