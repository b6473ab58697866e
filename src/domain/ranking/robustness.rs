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

use crate::domain::decimal::Dec;
use crate::domain::session::{CriterionId, JurorId, Method, Session, SheetKey, TeamId, TeamStatus};

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

/// The teams certain to be laureates: laureates outside an undecided tie.
fn certain(session: &Session, method: Method) -> Vec<TeamId> {
    let mut ids: Vec<TeamId> = super::rank(session, method)
        .ranking
        .into_iter()
        .filter(|r| r.laureate)
        .map(|r| r.team)
        .collect();
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

/// The same search, trying at most `budget` rankings.
pub fn search(session: &Session, budget: usize) -> Search {
    let method = session.settings.method;
    let ranking = super::rank(session, method);
    // Every team with enough sheets a laureate and no tie: values kept in
    // range never change which sheets count, so nothing can change.
    if ranking
        .ranking
        .iter()
        .all(|r| r.laureate || r.too_few_sheets)
        && !ranking.cutoff_tie
    {
        return Search::None;
    }
    let base = certain(session, method);
    let mut tried = 0usize;
    // Entered cells, in schedule, juror and criterion order.
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
    let reach = |value: Dec, c: &crate::domain::session::Criterion| {
        let up = (c.max.raw() - value.raw()) / c.step.raw();
        let down = (value.raw() - c.min.raw()) / c.step.raw();
        up.max(down)
    };
    let Some(most) = cells.iter().map(|(_, _, c, v)| reach(*v, c)).max() else {
        return Search::None;
    };
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
                let Some(sheet) = work.sheets.get_mut(&key) else {
                    continue;
                };
                let saved = sheet.clone();
                sheet.values.insert(c.id.clone(), to);
                if let Some(h) = sheet.handwritten {
                    sheet.handwritten = h.checked_add(delta).or(Some(h));
                }
                let changed = certain(&work, method) != base;
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
