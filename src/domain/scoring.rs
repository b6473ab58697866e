//! What a sheet amounts to: filled or not, its exact total, its paper
//! checksum, whether it stands far from the other jurors, and the
//! completeness board of every (team, juror) pair.
//!
//! Totals are exact: a weight and a value are both millionths, so their
//! product is an integer number of 10⁻¹² and a sum of products never rounds.

use super::decimal::Dec;
use super::pair::PairState;
use super::session::{Criterion, JurorId, Session, Sheet, Team, TeamId, TeamStatus};

/// 10¹²: the unit of a `Total` is a millionth of a millionth.
const TOTAL_SCALE: i128 = 1_000_000_000_000;

/// An exact weighted total (Σ weight × value), in 10⁻¹² units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Total(i128);

impl Total {
    pub const ZERO: Total = Total(0);

    /// weight × value, exactly.
    pub fn product(weight: Dec, value: Dec) -> Total {
        Total(i128::from(weight.raw()) * i128::from(value.raw()))
    }

    /// A plain value as a total (weight 1): for tests.
    #[cfg(test)]
    pub fn from_dec(value: Dec) -> Total {
        Total(i128::from(value.raw()) * 1_000_000)
    }

    /// From a raw count of 10⁻¹² units.
    pub fn from_raw(raw: i128) -> Total {
        Total(raw)
    }

    /// The raw count of 10⁻¹² units.
    pub fn raw(self) -> i128 {
        self.0
    }

    pub fn to_f64(self) -> f64 {
        self.0 as f64 / TOTAL_SCALE as f64
    }

    /// Text rounded to at most `decimals` digits (half away from zero),
    /// trailing zeros dropped, with the given decimal separator.
    pub fn format_with(self, separator: char, decimals: u32) -> String {
        let decimals = decimals.min(12);
        let unit = 10_i128.pow(12 - decimals);
        let abs = self.0.unsigned_abs() as i128;
        let rounded = (abs + unit / 2) / unit;
        let sign = if self.0 < 0 && rounded != 0 { "-" } else { "" };
        let scale = 10_i128.pow(decimals);
        let int = rounded / scale;
        let frac = rounded % scale;
        if frac == 0 {
            format!("{sign}{int}")
        } else {
            let digits = format!("{frac:0width$}", width = decimals as usize);
            format!("{sign}{int}{separator}{}", digits.trim_end_matches('0'))
        }
    }
}

impl std::ops::Add for Total {
    type Output = Total;
    fn add(self, other: Total) -> Total {
        Total(self.0 + other.0)
    }
}

impl std::ops::Sub for Total {
    type Output = Total;
    fn sub(self, other: Total) -> Total {
        Total(self.0 - other.0)
    }
}

impl std::iter::Sum for Total {
    fn sum<I: Iterator<Item = Total>>(iter: I) -> Total {
        iter.fold(Total::ZERO, |a, b| a + b)
    }
}

/// How much of a sheet is filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// No value (a handwritten total alone does not make a sheet), as the
    /// ranking's `missing_sheet` counts it.
    Empty,
    /// Something entered, but not every criterion has a value.
    Partial,
    /// Every criterion has a value.
    Complete,
}

/// Everything the grid and the board need to know about one sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SheetSummary {
    pub fill: Fill,
    /// Σ weight × value over the values entered so far.
    pub total: Total,
    /// Plain sum of the values entered (what the juror adds up on paper);
    /// `None` only if it overflows.
    pub plain_sum: Option<Dec>,
    /// The handwritten total differs from the plain sum.
    pub mismatch: bool,
}

impl SheetSummary {
    /// The sheet counts: complete and no open checksum mismatch.
    pub fn counts(&self) -> bool {
        self.fill == Fill::Complete && !self.mismatch
    }
}

/// Sum up one sheet against the session's criteria (values for unknown
/// criteria are ignored).
pub fn summarize(criteria: &[Criterion], sheet: Option<&Sheet>) -> SheetSummary {
    let Some(sheet) = sheet else {
        return SheetSummary {
            fill: Fill::Empty,
            total: Total::ZERO,
            plain_sum: Some(Dec::ZERO),
            mismatch: false,
        };
    };
    let mut filled = 0;
    let mut total = Total::ZERO;
    let mut plain_sum = Some(Dec::ZERO);
    for c in criteria {
        if let Some(v) = sheet.values.get(&c.id) {
            filled += 1;
            total = total + Total::product(c.weight, *v);
            plain_sum = plain_sum.and_then(|s| s.checked_add(*v));
        }
    }
    let fill = if filled == criteria.len() && !criteria.is_empty() {
        Fill::Complete
    } else if filled == 0 {
        Fill::Empty
    } else {
        Fill::Partial
    };
    let mismatch = sheet.handwritten.is_some_and(|h| Some(h) != plain_sum);
    SheetSummary {
        fill,
        total,
        plain_sum,
        mismatch,
    }
}

/// The widest spread a sheet total can have: Σ weight × (max − min).
pub fn possible_range(criteria: &[Criterion]) -> Total {
    criteria
        .iter()
        .map(|c| Total::product(c.weight, c.max) - Total::product(c.weight, c.min))
        .sum()
}

/// A sheet total far from what the other jurors gave the same team.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Disagreement {
    pub total: Total,
    /// Median of the other jurors' totals (rounded to 10⁻¹² if it falls
    /// between two units, for display only; the test itself is exact).
    pub median: Total,
    /// How many other jurors' complete sheets the median is taken over.
    pub others: usize,
    /// The possible range of a total.
    pub range: Total,
}

/// Whether `total` lies further than a quarter of the possible range from
/// the median of `others` (exact). `None` when there is nothing to compare.
pub fn disagreement_among(
    total: Total,
    others: &mut [Total],
    range: Total,
) -> Option<Disagreement> {
    if others.is_empty() {
        return None;
    }
    others.sort();
    let n = others.len();
    // Work with twice the median so an even count stays exact.
    let median_x2 = if n % 2 == 1 {
        others[n / 2].0 * 2
    } else {
        others[n / 2 - 1].0 + others[n / 2].0
    };
    // |total − m| > range / 4  ⇔  2 · |2·total − 2m| > range
    let distance_x2 = (total.0 * 2 - median_x2).abs();
    if distance_x2 * 2 > range.0 {
        Some(Disagreement {
            total,
            median: Total(median_x2.div_euclid(2)),
            others: n,
            range,
        })
    } else {
        None
    }
}

/// The other jurors' totals for a team: complete sheets of expected pairs.
pub fn other_totals(session: &Session, team: &TeamId, juror: &JurorId) -> Vec<Total> {
    let Some(t) = session.team(team) else {
        return Vec::new();
    };
    session
        .jurors
        .iter()
        .filter(|j| j.id != *juror && session.expects(t, j))
        .filter_map(|j| {
            let s = summarize(&session.criteria, session.sheet(&t.id, &j.id));
            (s.fill == Fill::Complete).then_some(s.total)
        })
        .collect()
}

/// Whether `sheet` (as it is, or as it would be) stands far from the other
/// jurors' totals for the team. Only a complete sheet is compared.
pub fn disagreement(
    session: &Session,
    team: &TeamId,
    juror: &JurorId,
    sheet: &Sheet,
) -> Option<Disagreement> {
    let summary = summarize(&session.criteria, Some(sheet));
    if summary.fill != Fill::Complete {
        return None;
    }
    let mut others = other_totals(session, team, juror);
    disagreement_among(
        summary.total,
        &mut others,
        possible_range(&session.criteria),
    )
}

/// The state of one pair, by ids (an unknown team or juror: `Empty`).
pub fn pair_state(session: &Session, team: &TeamId, juror: &JurorId) -> PairState {
    match (session.team(team), session.juror(juror)) {
        (Some(t), Some(j)) => session.pair_state(t, j),
        _ => PairState::Empty,
    }
}

/// How many pairs are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub empty: usize,
    pub partial: usize,
    pub entered: usize,
    pub mismatch: usize,
    pub verified: usize,
    pub absent: usize,
    pub recused: usize,
}

impl Counts {
    pub fn add(&mut self, state: PairState) {
        match state {
            PairState::Empty => self.empty += 1,
            PairState::Partial => self.partial += 1,
            PairState::Entered => self.entered += 1,
            PairState::Mismatch => self.mismatch += 1,
            PairState::Verified => self.verified += 1,
            PairState::Absent => self.absent += 1,
            PairState::Recused | PairState::AutoRecused => self.recused += 1,
            PairState::Withdrawn => {}
        }
    }

    /// Expected sheets (neither absent nor recused).
    pub fn expected(&self) -> usize {
        self.empty + self.partial + self.entered + self.mismatch + self.verified
    }

    /// Sheets that count.
    pub fn done(&self) -> usize {
        self.entered + self.verified
    }

    /// Expected sheets that do not count yet.
    pub fn missing(&self) -> usize {
        self.expected() - self.done()
    }
}

/// The counts of one team's pairs.
pub fn team_counts(session: &Session, team: &Team) -> Counts {
    let mut counts = Counts::default();
    for j in &session.jurors {
        counts.add(pair_state(session, &team.id, &j.id));
    }
    counts
}

/// One team's row of the completeness board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardRow {
    pub team: TeamId,
    pub withdrawn: bool,
    pub verified: bool,
    /// One state per juror, in the session's juror order.
    pub cells: Vec<PairState>,
    pub counts: Counts,
}

/// Teams (schedule order) × jurors (session order), with counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Board {
    pub jurors: Vec<JurorId>,
    pub rows: Vec<BoardRow>,
    /// Counts per juror, in juror order (withdrawn teams left out).
    pub juror_counts: Vec<Counts>,
    pub total: Counts,
}

pub fn board(session: &Session) -> Board {
    let jurors: Vec<JurorId> = session.jurors.iter().map(|j| j.id.clone()).collect();
    let mut juror_counts = vec![Counts::default(); jurors.len()];
    let mut total = Counts::default();
    let rows = session
        .teams_in_order()
        .map(|team| {
            let mut counts = Counts::default();
            let cells: Vec<PairState> = jurors
                .iter()
                .enumerate()
                .map(|(i, juror)| {
                    let state = pair_state(session, &team.id, juror);
                    counts.add(state);
                    juror_counts[i].add(state);
                    total.add(state);
                    state
                })
                .collect();
            BoardRow {
                team: team.id.clone(),
                withdrawn: team.status == TeamStatus::Withdrawn,
                verified: session.verified.contains(&team.id),
                cells,
                counts,
            }
        })
        .collect();
    Board {
        jurors,
        rows,
        juror_counts,
        total,
    }
}

#[cfg(test)]
#[path = "scoring_tests.rs"]
mod tests;
