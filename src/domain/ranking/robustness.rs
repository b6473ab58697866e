//! Cut-line robustness: the smallest change to one entered cell after
//! which the set of teams certain to be laureates under the official
//! method is different (design.md, "Going beyond what juries have today").
//!
//! A change keeps the value within its criterion's range and is counted in
//! steps of that criterion; a new tie at the cut-off counts as a change (its
//! teams are no longer certain). Among equally small changes, the first in
//! schedule, juror and criterion order wins, a lower value before a higher
//! one. A handwritten total on the sheet moves with the value, so the sheet
//! still checks. Found by trying every entered cell one step away, then two,
//! and so on: the first change found is the smallest.
//!
//! A try changes one sheet total (and one criterion's sum) on a board
//! built once, then places the teams again: what ranking the changed
//! session would give, without building its board or its rows. A sheet
//! that does not count keeps not counting (its values are all still there
//! and its handwritten total moves with them), so trying its cells changes
//! nothing.

use std::collections::HashMap;

use crate::domain::decimal::Dec;
use crate::domain::session::{Criterion, CriterionId, JurorId, Session, Sheet, SheetKey, TeamId};

use super::Placement;
use super::sheets::{self, Board};

/// One cell changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellChange {
    pub team: TeamId,
    pub juror: JurorId,
    pub criterion: CriterionId,
    pub from: Dec,
    pub to: Dec,
    /// How many steps of the criterion, signed.
    pub steps: i64,
}

/// The teams certain to be laureates: laureates outside an undecided tie,
/// sorted.
fn certain<'a>(placement: &Placement, board: &Board<'a>) -> Vec<&'a str> {
    let mut ids = placement.laureate_ids(board);
    ids.sort_unstable();
    ids
}

/// What the search found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Search {
    Found(CellChange),
    /// No change to a single cell changes the laureates.
    None,
    /// Stopped after trying every cell up to this many steps away (the
    /// budget of rankings ran out).
    Stopped {
        steps: i64,
    },
}

/// The smallest change to one entered cell that changes the teams certain
/// to be laureates, or `None` when no single cell can (the search without a
/// budget, for tests).
#[cfg(test)]
pub fn smallest_change(session: &Session) -> Option<CellChange> {
    match search(session, usize::MAX) {
        Search::Found(change) => Some(change),
        _ => None,
    }
}

/// An entered cell that may change.
struct Cell<'a> {
    team: &'a TeamId,
    juror: &'a JurorId,
    criterion: &'a Criterion,
    /// Its index in the session's criteria.
    c: usize,
    sheet: &'a Sheet,
    value: Dec,
    /// The sheet's place on the board: (row, juror index).
    at: Option<(usize, usize)>,
}

/// Entered cells, in schedule, juror and criterion order.
fn cells<'a>(session: &'a Session, board: &Board<'a>) -> Vec<Cell<'a>> {
    // The board keeps the last position of an id given twice.
    let rows: HashMap<&str, usize> = board
        .teams
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let columns: HashMap<&str, usize> = session
        .jurors
        .iter()
        .enumerate()
        .map(|(j, juror)| (juror.id.as_str(), j))
        .collect();
    let mut cells = Vec::new();
    for team in &board.teams {
        for juror in &session.jurors {
            let Some(sheet) = session.sheet(&team.id, &juror.id) else {
                continue;
            };
            if !session.expects(team, juror) {
                continue;
            }
            let at = rows
                .get(team.id.as_str())
                .zip(columns.get(juror.id.as_str()))
                .map(|(&r, &j)| (r, j));
            for (c, criterion) in session.criteria.iter().enumerate() {
                if let Some(&value) = sheet.values.get(&criterion.id)
                    && criterion.step.raw() > 0
                {
                    cells.push(Cell {
                        team: &team.id,
                        juror: &juror.id,
                        criterion,
                        c,
                        sheet,
                        value,
                        at,
                    });
                }
            }
        }
    }
    cells
}

/// The same search, trying at most `budget` rankings.
pub fn search(session: &Session, budget: usize) -> Search {
    let method = session.settings.method;
    let mut board = Board::build(session);
    let placement = super::place(session, &board, method);
    // Every team with enough sheets a laureate and no tie: values kept in
    // range never change which sheets count, so nothing can change.
    if placement
        .places
        .iter()
        .all(|p| p.laureate || p.too_few_sheets)
        && !placement.cutoff_tie
    {
        return Search::None;
    }
    let base = certain(&placement, &board);
    let cells = cells(session, &board);
    // How many steps the value may move, counted in i128 (a range may be
    // wider than i64's raw units); never more than i64 steps are tried.
    let reach = |value: Dec, c: &Criterion| {
        let (value, step) = (i128::from(value.raw()), i128::from(c.step.raw()));
        let up = (i128::from(c.max.raw()) - value) / step;
        let down = (value - i128::from(c.min.raw())) / step;
        i64::try_from(up.max(down)).unwrap_or(i64::MAX)
    };
    let Some(most) = cells
        .iter()
        .map(|cell| reach(cell.value, cell.criterion))
        .max()
    else {
        return Search::None;
    };
    let mut tried = 0usize;
    let mut work: Option<Session> = None;
    for k in 1..=most {
        for cell in &cells {
            let c = cell.criterion;
            for steps in [-k, k] {
                let Some(delta) = c.step.raw().checked_mul(steps).map(Dec::from_raw) else {
                    continue;
                };
                let Some(to) = cell.value.checked_add(delta) else {
                    continue;
                };
                if to < c.min || to > c.max {
                    continue;
                }
                if tried >= budget {
                    return Search::Stopped { steps: k - 1 };
                }
                tried += 1;
                let moves = cell
                    .sheet
                    .handwritten
                    .is_none_or(|h| h.checked_add(delta).is_some());
                let changed = if moves {
                    changes(session, &mut board, cell, to, &base)
                } else {
                    // The handwritten total cannot move: the sheet may
                    // start or stop counting; rank the changed session.
                    let work = work.get_or_insert_with(|| session.clone());
                    changes_session(work, cell, to, delta, &base)
                };
                if changed {
                    return Search::Found(CellChange {
                        team: cell.team.clone(),
                        juror: cell.juror.clone(),
                        criterion: c.id.clone(),
                        from: cell.value,
                        to,
                        steps,
                    });
                }
            }
        }
    }
    Search::None
}

/// Whether the cell at `to` changes the teams certain to be laureates: its
/// sheet's total changed on the board, the teams placed again, the board
/// restored.
fn changes(session: &Session, board: &mut Board, cell: &Cell, to: Dec, base: &[&str]) -> bool {
    let Some((row, juror)) = cell.at else {
        return false;
    };
    let team = &mut board.sheets[row];
    let Ok(i) = team.counting.binary_search_by_key(&juror, |&(j, _)| j) else {
        // A sheet that does not count: it still does not.
        return false;
    };
    let total = sheets::total_with(cell.sheet, &session.criteria, cell.c, to.raw());
    let delta = i128::from(to.raw() - cell.value.raw());
    let saved = std::mem::replace(&mut team.counting[i].1, total);
    team.counting_sums[cell.c] += delta;
    let placement = super::place(session, board, session.settings.method);
    let changed = certain(&placement, board) != base;
    let team = &mut board.sheets[row];
    team.counting[i].1 = saved;
    team.counting_sums[cell.c] -= delta;
    changed
}

/// The same on a copy of the session, ranked from scratch (when the
/// sheet's handwritten total cannot move with the value).
fn changes_session(work: &mut Session, cell: &Cell, to: Dec, delta: Dec, base: &[&str]) -> bool {
    let key = SheetKey::new(cell.team.clone(), cell.juror.clone());
    let Some(sheet) = work.sheets.get_mut(&key) else {
        return false;
    };
    let saved = sheet.clone();
    sheet.values.insert(cell.criterion.id.clone(), to);
    if let Some(h) = sheet.handwritten {
        sheet.handwritten = h.checked_add(delta).or(Some(h));
    }
    let board = Board::build(work);
    let placement = super::place(work, &board, work.settings.method);
    let changed = certain(&placement, &board) != base;
    drop(board);
    work.sheets.insert(key, saved);
    changed
}
