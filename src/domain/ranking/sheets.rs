//! Which sheets count, their totals, and what the results show per team.
//!
//! A sheet total is Σ weight × value, kept exact as an `i128` scaled by
//! 10^12 (a `Dec` is scaled by 10^6, so a product is scaled by 10^12).

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
        let width = jurors.len();
        let grid = grid(session, &teams, jurors);
        let mut reader = Reader::new(session, criteria);
        let mut sheets = Vec::with_capacity(teams.len());
        let mut gaps = Vec::new();
        for (t, team) in teams.iter().enumerate() {
            let row = &grid[t * width..(t + 1) * width];
            sheets.push(reader.team(t, team, jurors, |j| row[j], &mut gaps));
        }
        Board {
            teams,
            jurors,
            criteria,
            sheets,
            gaps,
        }
    }

    /// Read again the sheets of the teams `touched` says, `sheet` giving
    /// each of their sheets (a change not saved yet): the board the
    /// session with those sheets would give. A team listed twice in the
    /// schedule has its sheets on its last row only, as in `build`.
    pub fn reread<'s>(
        &mut self,
        session: &Session,
        touched: impl Fn(&Team) -> bool,
        sheet: impl Fn(&Team, &Juror) -> Option<&'s Sheet>,
    ) {
        let mut reader = Reader::new(session, self.criteria);
        let mut seen: Vec<&str> = Vec::new();
        for t in (0..self.teams.len()).rev() {
            let team = self.teams[t];
            if !touched(team) || seen.contains(&team.id.as_str()) {
                continue;
            }
            seen.push(team.id.as_str());
            self.gaps.retain(|g| g.team != t);
            let mut gaps = Vec::new();
            let jurors = self.jurors;
            self.sheets[t] = reader.team(t, team, jurors, |j| sheet(team, &jurors[j]), &mut gaps);
            let at = self.gaps.partition_point(|g| g.team < t);
            self.gaps.splice(at..at, gaps);
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

/// The sheets in a grid, team-major (`teams` × `jurors`): one walk over
/// the sheets in key order, merged with the teams and jurors sorted by id
/// (no hashing; a team or juror id given twice keeps its last position).
fn grid<'a>(session: &'a Session, teams: &[&Team], jurors: &[Juror]) -> Vec<Option<&'a Sheet>> {
    let width = jurors.len();
    let team_ids = sorted_ids(teams.iter().map(|t| t.id.as_str()));
    let juror_ids = sorted_ids(jurors.iter().map(|j| j.id.as_str()));
    let mut grid: Vec<Option<&Sheet>> = vec![None; teams.len() * width];
    let (mut t, mut j) = (0, 0);
    let mut current: Option<(&str, Option<usize>)> = None;
    for (key, sheet) in &session.sheets {
        let team = key.team.as_str();
        let row = match current {
            Some((id, row)) if same(id, team) => row,
            _ => {
                let row = seek(&team_ids, &mut t, team);
                current = Some((team, row));
                j = 0;
                row
            }
        };
        if let (Some(row), Some(column)) = (row, seek(&juror_ids, &mut j, key.juror.as_str())) {
            grid[row * width + column] = Some(sheet);
        }
    }
    grid
}

/// Ids sorted, each with its position (the last one for an id given twice).
fn sorted_ids<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
    let mut sorted: Vec<(&str, usize)> = ids.enumerate().map(|(i, id)| (id, i)).collect();
    sorted.sort_unstable();
    sorted.dedup_by(|later, kept| {
        let twice = later.0 == kept.0;
        if twice {
            *kept = *later;
        }
        twice
    });
    sorted
}

/// The position of `id` in `sorted`, moving `cursor` forward (the ids
/// looked up come in increasing order).
fn seek(sorted: &[(&str, usize)], cursor: &mut usize, id: &str) -> Option<usize> {
    while let Some(&(candidate, position)) = sorted.get(*cursor) {
        if same(candidate, id) {
            return Some(position);
        }
        if candidate > id {
            return None;
        }
        *cursor += 1;
    }
    None
}

/// String equality, at once for the same shared id.
fn same(a: &str, b: &str) -> bool {
    (std::ptr::eq(a.as_ptr(), b.as_ptr()) && a.len() == b.len()) || a == b
}

/// Reads one team's sheets into its board entry and its gaps.
struct Reader<'a> {
    session: &'a Session,
    columns: Columns<'a>,
    /// The values of the sheet being read (session order).
    values: Vec<Option<i64>>,
}

impl<'a> Reader<'a> {
    fn new(session: &'a Session, criteria: &'a [Criterion]) -> Reader<'a> {
        Reader {
            session,
            columns: Columns::new(criteria),
            values: vec![None; criteria.len()],
        }
    }

    /// Team `t`'s entry, `sheet(j)` giving its sheet from juror `j`; its
    /// gaps pushed on `gaps` in juror order.
    fn team<'s>(
        &mut self,
        t: usize,
        team: &Team,
        jurors: &[Juror],
        sheet: impl Fn(usize) -> Option<&'s Sheet>,
        gaps: &mut Vec<Gap>,
    ) -> TeamSheets {
        let mut entry = TeamSheets {
            counting: Vec::with_capacity(jurors.len()),
            counting_sums: vec![0; self.values.len()],
        };
        let verified = self.session.verified.contains(&team.id);
        for (j, juror) in jurors.iter().enumerate() {
            let pair = Pair {
                team,
                juror,
                sheet: sheet(j),
                verified,
            };
            let state = classify(self.session, &pair, &self.columns, &mut self.values);
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
            for (c, v) in self.values.iter().enumerate() {
                entry.counting_sums[c] += i128::from(v.unwrap_or(0));
            }
            entry.counting.push((j, self.columns.total(&self.values)));
        }
        entry
    }
}

/// One (team, juror) pair as the board reads it.
struct Pair<'a> {
    team: &'a Team,
    juror: &'a Juror,
    sheet: Option<&'a Sheet>,
    /// The team's sheets are verified.
    verified: bool,
}

/// The pair's state read the ranking's way (one pass over the sheet), to
/// check it against [`Session::pair_state`].
#[cfg(test)]
pub fn sheet_state(session: &Session, team: &Team, juror: &Juror) -> PairState {
    let columns = Columns::new(&session.criteria);
    let mut values = vec![None; session.criteria.len()];
    let pair = Pair {
        team,
        juror,
        sheet: session.sheet(&team.id, &juror.id),
        verified: session.verified.contains(&team.id),
    };
    classify(session, &pair, &columns, &mut values)
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
        // The usual sheet: one value for each criterion.
        if sheet.values.len() == self.by_id.len()
            && sheet
                .values
                .keys()
                .zip(&self.by_id)
                .all(|(k, &(id, _))| same(k.as_str(), id))
        {
            for (v, &(_, index)) in sheet.values.values().zip(&self.by_id) {
                out[index] = Some(v.raw());
            }
            return self.by_id.len();
        }
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
    pair: &Pair,
    columns: &Columns,
    values: &mut [Option<i64>],
) -> PairState {
    let (sheet, verified) = (pair.sheet, pair.verified);
    if let Some(excuse) =
        session.excuse_with_mark(pair.team, pair.juror, sheet.and_then(|s| s.mark))
    {
        return excuse;
    }
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

/// Σ weight × value of one sheet with criterion `c` (session order) set
/// to `value` (scaled 10^6), scaled 10^12.
pub fn total_with(sheet: &Sheet, criteria: &[Criterion], c: usize, value: i64) -> i128 {
    let columns = Columns::new(criteria);
    let mut values = vec![None; criteria.len()];
    columns.read(sheet, &mut values);
    values[c] = Some(value);
    columns.total(&values)
}

/// Σ weight × value of one sheet, scaled 10^12.
pub fn total_of(sheet: &Sheet, criteria: &[Criterion]) -> i128 {
    let columns = Columns::new(criteria);
    let mut values = vec![None; criteria.len()];
    columns.read(sheet, &mut values);
    columns.total(&values)
}
