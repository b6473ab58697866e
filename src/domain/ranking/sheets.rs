//! Which sheets count, their totals, and what the results show per team.
//!
//! A sheet total is Σ weight × value, kept exact as an `i128` scaled by
//! 10^12 (a `Dec` is scaled by 10^6, so a product is scaled by 10^12).

use std::collections::HashMap;

use crate::domain::session::{Criterion, Juror, Mark, Session, Sheet, Team, TeamStatus};

/// The scale of a sheet total: one unit is 10^-12.
pub const TOTAL_SCALE: i128 = 1_000_000_000_000;

/// How one (team, juror) pair stands for the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetState {
    /// Recused, absent, or the team is withdrawn: no sheet is expected.
    NotExpected,
    /// Expected, and no value entered.
    Missing,
    /// Some criteria have a value, not all.
    Partial,
    /// Complete, but the handwritten total differs from the plain sum.
    Mismatch,
    /// Complete and checked: the sheet enters every method.
    Counts,
}

/// The sheets of one ranked team.
#[derive(Clone, Debug, Default)]
pub struct TeamSheets {
    /// Totals of the sheets that count, with the juror's index, in juror order.
    pub counting: Vec<(usize, i128)>,
    /// Per criterion (session order), the sum of the values (scaled 10^6) over
    /// the sheets that count.
    pub counting_sums: Vec<i128>,
    /// Totals of the complete sheets (counting or not), in juror order.
    pub complete_totals: Vec<i128>,
    /// Per criterion, the sum of the values over the complete sheets.
    pub complete_sums: Vec<i128>,
}

/// An expected sheet that does not count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    pub team: usize,
    pub juror: usize,
    pub state: SheetState,
}

/// Every ranked team's sheets: the input of every method.
#[derive(Debug)]
pub struct Board<'a> {
    /// Teams that are ranked (not withdrawn), in schedule order.
    pub teams: Vec<&'a Team>,
    pub jurors: &'a [Juror],
    pub criteria: &'a [Criterion],
    /// Indexed like `teams`.
    pub sheets: Vec<TeamSheets>,
    /// Expected sheets that do not count, in schedule then juror order.
    pub gaps: Vec<Gap>,
}

impl<'a> Board<'a> {
    pub fn build(session: &'a Session) -> Board<'a> {
        let teams: Vec<&Team> = session
            .teams_in_order()
            .filter(|t| t.status != TeamStatus::Withdrawn)
            .collect();
        let jurors = session.jurors.as_slice();
        let criteria = session.criteria.as_slice();
        let team_index: HashMap<&str, usize> = teams
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let juror_index: HashMap<&str, usize> = jurors
            .iter()
            .enumerate()
            .map(|(i, j)| (j.id.as_str(), i))
            .collect();
        let width = jurors.len();
        let mut grid: Vec<Option<&Sheet>> = vec![None; teams.len() * width];
        for (key, sheet) in &session.sheets {
            if let (Some(&t), Some(&j)) = (
                team_index.get(key.team.as_str()),
                juror_index.get(key.juror.as_str()),
            ) {
                grid[t * width + j] = Some(sheet);
            }
        }
        let mut sheets = Vec::with_capacity(teams.len());
        let mut gaps = Vec::new();
        for (t, team) in teams.iter().enumerate() {
            let mut entry = TeamSheets {
                counting_sums: vec![0; criteria.len()],
                complete_sums: vec![0; criteria.len()],
                ..TeamSheets::default()
            };
            for (j, juror) in jurors.iter().enumerate() {
                let sheet = grid[t * width + j];
                let state = state_of(session, team, juror, sheet, criteria);
                match state {
                    SheetState::NotExpected => continue,
                    SheetState::Missing | SheetState::Partial => {
                        gaps.push(Gap {
                            team: t,
                            juror: j,
                            state,
                        });
                        continue;
                    }
                    SheetState::Mismatch => gaps.push(Gap {
                        team: t,
                        juror: j,
                        state,
                    }),
                    SheetState::Counts => {}
                }
                // Complete from here on.
                let Some(sheet) = sheet else { continue };
                let total = total_of(sheet, criteria);
                entry.complete_totals.push(total);
                for (c, criterion) in criteria.iter().enumerate() {
                    let v = sheet.values.get(&criterion.id).map_or(0, |d| d.raw());
                    entry.complete_sums[c] += i128::from(v);
                    if state == SheetState::Counts {
                        entry.counting_sums[c] += i128::from(v);
                    }
                }
                if state == SheetState::Counts {
                    entry.counting.push((j, total));
                }
            }
            sheets.push(entry);
        }
        Board {
            teams,
            jurors,
            criteria,
            sheets,
            gaps,
        }
    }

    /// Number of jurors (the width of juror-indexed tables).
    pub fn juror_count(&self) -> usize {
        self.jurors.len()
    }
}

/// How the pair (team, juror) stands, for the grid's counts and the results.
pub fn sheet_state(session: &Session, team: &Team, juror: &Juror) -> SheetState {
    state_of(
        session,
        team,
        juror,
        session.sheet(&team.id, &juror.id),
        &session.criteria,
    )
}

fn state_of(
    session: &Session,
    team: &Team,
    juror: &Juror,
    sheet: Option<&Sheet>,
    criteria: &[Criterion],
) -> SheetState {
    if team.status == TeamStatus::Withdrawn {
        return SheetState::NotExpected;
    }
    match sheet.and_then(|s| s.mark) {
        Some(Mark::Recused) | Some(Mark::Absent) => return SheetState::NotExpected,
        None if session.auto_recused(team, juror) => return SheetState::NotExpected,
        None => {}
    }
    let Some(sheet) = sheet else {
        return SheetState::Missing;
    };
    let entered = criteria
        .iter()
        .filter(|c| sheet.values.contains_key(&c.id))
        .count();
    if entered == 0 {
        SheetState::Missing
    } else if entered < criteria.len() {
        SheetState::Partial
    } else if sheet
        .handwritten
        .is_some_and(|h| i128::from(h.raw()) != plain_sum(sheet, criteria))
    {
        SheetState::Mismatch
    } else {
        SheetState::Counts
    }
}

/// The plain sum of the values (scaled 10^6), as added up on paper.
pub fn plain_sum(sheet: &Sheet, criteria: &[Criterion]) -> i128 {
    criteria
        .iter()
        .filter_map(|c| sheet.values.get(&c.id))
        .map(|v| i128::from(v.raw()))
        .sum()
}

/// Σ weight × value, scaled 10^12. Saturates only beyond ±10^26 units,
/// far outside any scale a jury uses.
pub fn total_of(sheet: &Sheet, criteria: &[Criterion]) -> i128 {
    criteria
        .iter()
        .filter_map(|c| {
            sheet
                .values
                .get(&c.id)
                .map(|v| i128::from(c.weight.raw()) * i128::from(v.raw()))
        })
        .fold(0i128, |acc, x| acc.saturating_add(x))
}
