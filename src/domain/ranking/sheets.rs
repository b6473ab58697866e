//! Which sheets count, their totals, and what the results show per team.
//!
//! A sheet total is Σ weight × value, kept exact as an `i128` scaled by
//! 10^12 (a `Dec` is scaled by 10^6, so a product is scaled by 10^12).

use std::collections::HashMap;

use crate::domain::pair::PairState;
use crate::domain::scoring::Fill;
use crate::domain::session::{Criterion, Juror, Session, Sheet, Team, TeamStatus};

/// The scale of a sheet total: one unit is 10^-12.
pub const TOTAL_SCALE: i128 = 1_000_000_000_000;

/// The sheets of one ranked team.
#[derive(Clone, Debug, Default)]
pub struct TeamSheets {
    /// Totals of the sheets that count, with the juror's index, in juror order.
    pub counting: Vec<(usize, i128)>,
    /// Per criterion (session order), the sum of the values (scaled 10^6) over
    /// the sheets that count.
    pub counting_sums: Vec<i128>,
}

impl TeamSheets {
    /// The totals of the sheets that count, lowest first.
    pub fn sorted_counting_totals(&self) -> Vec<i128> {
        let mut totals: Vec<i128> = self.counting.iter().map(|&(_, total)| total).collect();
        totals.sort_unstable();
        totals
    }
}

/// An expected sheet that does not count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    pub team: usize,
    pub juror: usize,
    pub state: PairState,
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
        let columns = Columns::new(criteria);
        let mut values = vec![None; criteria.len()];
        let mut sheets = Vec::with_capacity(teams.len());
        let mut gaps = Vec::new();
        for (t, team) in teams.iter().enumerate() {
            let mut entry = TeamSheets {
                counting_sums: vec![0; criteria.len()],
                ..TeamSheets::default()
            };
            for (j, juror) in jurors.iter().enumerate() {
                let sheet = grid[t * width + j];
                let state = classify(session, team, juror, sheet, &columns, &mut values);
                if !state.is_expected() {
                    continue;
                }
                if !state.counts() {
                    gaps.push(Gap {
                        team: t,
                        juror: j,
                        state,
                    });
                    continue;
                }
                // A sheet that counts: every value is there.
                for (c, v) in values.iter().enumerate() {
                    entry.counting_sums[c] += i128::from(v.unwrap_or(0));
                }
                entry.counting.push((j, columns.total(&values)));
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

    /// One score per team from its counting totals, lowest first.
    pub fn scores_from_sorted_totals(
        &self,
        score: impl Fn(Vec<i128>) -> Option<super::Score>,
    ) -> Vec<Option<super::Score>> {
        self.sheets
            .iter()
            .map(|s| score(s.sorted_counting_totals()))
            .collect()
    }

    /// Number of jurors (the width of juror-indexed tables).
    pub fn juror_count(&self) -> usize {
        self.jurors.len()
    }
}

/// The pair's state read the ranking's way (one pass over the sheet), to
/// check it against [`Session::pair_state`].
#[cfg(test)]
pub fn sheet_state(session: &Session, team: &Team, juror: &Juror) -> PairState {
    let columns = Columns::new(&session.criteria);
    let mut values = vec![None; session.criteria.len()];
    let sheet = session.sheet(&team.id, &juror.id);
    classify(session, team, juror, sheet, &columns, &mut values)
}

/// Reads a sheet's values in criterion order, in one pass over the sheet
/// (its values are sorted by criterion id).
struct Columns<'a> {
    /// Criterion ids sorted, with their index in session order.
    by_id: Vec<(&'a str, usize)>,
    /// Weights (scaled 10^6), in session order.
    weights: Vec<i128>,
}

impl<'a> Columns<'a> {
    fn new(criteria: &'a [Criterion]) -> Columns<'a> {
        let mut by_id: Vec<(&str, usize)> = criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        by_id.sort_unstable();
        Columns {
            by_id,
            weights: criteria
                .iter()
                .map(|c| i128::from(c.weight.raw()))
                .collect(),
        }
    }

    /// Fill `out` (session order, scaled 10^6); returns how many are there.
    fn read(&self, sheet: &Sheet, out: &mut [Option<i64>]) -> usize {
        out.iter_mut().for_each(|v| *v = None);
        let mut entered = 0;
        let mut values = sheet.values.iter().peekable();
        for &(id, index) in &self.by_id {
            while values.next_if(|(k, _)| k.as_str() < id).is_some() {}
            if let Some((_, v)) = values.next_if(|(k, _)| k.as_str() == id) {
                out[index] = Some(v.raw());
                entered += 1;
            }
        }
        entered
    }

    /// Σ weight × value, scaled 10^12. Saturates only beyond ±10^26 units,
    /// far outside any scale a jury uses.
    fn total(&self, values: &[Option<i64>]) -> i128 {
        values
            .iter()
            .zip(&self.weights)
            .filter_map(|(v, w)| v.map(|v| w * i128::from(v)))
            .fold(0i128, |acc, x| acc.saturating_add(x))
    }
}

/// The pair's state, as [`Session::pair_state`] has it, read in one pass
/// over the sheet; `values` is filled with the sheet's values.
fn classify(
    session: &Session,
    team: &Team,
    juror: &Juror,
    sheet: Option<&Sheet>,
    columns: &Columns,
    values: &mut [Option<i64>],
) -> PairState {
    if let Some(excuse) = session.excuse_with_mark(team, juror, sheet.and_then(|s| s.mark)) {
        return excuse;
    }
    let verified = session.verified.contains(&team.id);
    let Some(sheet) = sheet else {
        return PairState::of_sheet(Fill::Empty, false, verified);
    };
    let entered = columns.read(sheet, values);
    let fill = if entered == 0 {
        Fill::Empty
    } else if entered < values.len() {
        Fill::Partial
    } else {
        Fill::Complete
    };
    let mismatch = sheet.handwritten.is_some_and(|h| {
        i128::from(h.raw())
            != values
                .iter()
                .map(|v| i128::from(v.unwrap_or(0)))
                .sum::<i128>()
    });
    PairState::of_sheet(fill, mismatch, verified)
}

/// Σ weight × value of one sheet, scaled 10^12.
pub fn total_of(sheet: &Sheet, criteria: &[Criterion]) -> i128 {
    let columns = Columns::new(criteria);
    let mut values = vec![None; criteria.len()];
    columns.read(sheet, &mut values);
    columns.total(&values)
}
