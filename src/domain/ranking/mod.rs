//! The ranking: five methods over the sheets that count, exact wherever the
//! rules say so (design.md, "Ranking rules (normative)").
//!
//! `rank(session, method)` gives a [`Ranking`] that serialises to exactly
//! the JSON of `podium results --format json`.

pub mod analysis;
pub mod borda;
pub mod decisions;
pub mod figure;
pub mod finality;
pub mod laureates;
pub mod majority;
pub mod mean;
pub mod minimum;
pub mod normalized;
pub mod order;
pub mod output;
pub mod robustness;
pub mod sheets;
pub mod trimmed;
mod warnings;

#[cfg(test)]
pub(crate) mod tests;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::ToPrimitive;

use crate::domain::session::{CriterionId, Method, Session};

pub use figure::Figure;
pub use order::Separation;
pub use output::{CriterionMeans, Ranking, Row, Warning, WarningCode};

/// A team's score under one method, as compared.
#[derive(Clone, Debug, PartialEq)]
pub enum Score {
    /// mean, trimmed (in units), borda (a share); with its nearest float,
    /// which orders most pairs without big-number arithmetic.
    Exact(BigRational, f64),
    /// normalized.
    Float(f64),
    /// majority: the sheet totals, sorted ascending (scaled 10^12).
    Majority(Vec<i128>),
}

impl Score {
    pub fn exact(value: BigRational) -> Score {
        let approx = value.to_f64().unwrap_or(f64::NAN);
        Score::Exact(value, approx)
    }

    /// The figure shown: for `majority`, the grade.
    pub fn figure(&self) -> Figure {
        match self {
            Score::Exact(r, _) => Figure::Exact(r.clone()),
            Score::Float(f) => Figure::Float(*f),
            Score::Majority(totals) => Figure::Exact(BigRational::new(
                BigInt::from(majority::grade(totals).unwrap_or(0)),
                BigInt::from(sheets::TOTAL_SCALE),
            )),
        }
    }
}

/// Every ranked team's score under `method` (indexed like `Board::teams`).
pub fn scores(board: &sheets::Board, method: Method) -> Vec<Option<Score>> {
    match method {
        Method::Mean => mean::scores(board),
        Method::Normalized => normalized::scores(board),
        Method::Trimmed => trimmed::scores(board),
        Method::Borda => borda::scores(board),
        Method::Majority => majority::scores(board),
    }
}

/// The ranking of `session` under `method`.
pub fn rank(session: &Session, method: Method) -> Ranking {
    let board = sheets::Board::build(session);
    rank_board(session, &board, method)
}

/// Where every team stands under one method, before the rows' figures.
pub struct Placement {
    /// Indexed like `Board::teams`.
    pub scores: Vec<Option<Score>>,
    pub parts: minimum::Partition,
    /// In row order.
    pub places: Vec<laureates::Place>,
    pub cutoff_tie: bool,
    /// Decisions that match no group (indices into the session's).
    pub stale: Vec<usize>,
}

impl Placement {
    /// The laureates' ids, in rank order.
    pub fn laureate_ids<'a>(&self, board: &sheets::Board<'a>) -> Vec<&'a str> {
        self.places
            .iter()
            .filter(|p| p.laureate)
            .map(|p| board.teams[p.team].id.as_str())
            .collect()
    }
}

/// Place every team under `method`: scores, groups, decisions, the
/// cut-off (what the comparison of methods needs; no figures per row).
pub fn place(session: &Session, board: &sheets::Board, method: Method) -> Placement {
    let settings = &session.settings;
    let scores = scores(board, method);
    let tie_break: Vec<(CriterionId, usize)> = settings
        .tie_break
        .iter()
        .filter_map(|id| {
            board
                .criteria
                .iter()
                .position(|c| c.id == *id)
                .map(|c| (id.clone(), c))
        })
        .collect();
    let parts = minimum::partition(board, settings.min_sheets);
    let enough = order::groups(&parts.enough, &scores, board, &tie_break);
    let few = order::groups(&parts.few, &scores, board, &tie_break);
    let settled = decisions::settle(&enough, board, &session.decisions);
    let (places, cutoff_tie) = laureates::place(
        &laureates::Parts {
            enough: &enough,
            few: &few,
            none: &parts.none,
        },
        &settled,
        settings.laureates as usize,
        &session.decisions,
        |t| board.teams[t].id.clone(),
    );
    Placement {
        scores,
        parts,
        places,
        cutoff_tie,
        stale: settled.stale,
    }
}

/// The ranking from an already built board (several methods, one board).
pub fn rank_board(session: &Session, board: &sheets::Board, method: Method) -> Ranking {
    let settings = &session.settings;
    let official = method == settings.method;
    let Placement {
        scores,
        parts,
        places,
        cutoff_tie,
        stale,
    } = place(session, board, method);
    let rows = places
        .into_iter()
        .map(|place| {
            let team = board.teams[place.team];
            let sheets = &board.sheets[place.team];
            Row {
                rank: place.rank,
                team: team.id.clone(),
                name: team.name.clone(),
                org: team.org.clone(),
                score: scores[place.team].as_ref().map(Score::figure),
                sheets: sheets.counting.len(),
                too_few_sheets: place.too_few_sheets,
                laureate: place.laureate,
                tied: place.tied,
                at_cutoff: place.at_cutoff,
                spread: minimum::spread(sheets),
                criteria: minimum::criterion_means(sheets, board.criteria),
                separated_by: place.separated_by,
                decision: place.decision,
            }
        })
        .collect();
    let stale = if official { stale } else { Vec::new() };
    Ranking {
        method,
        official,
        laureates: settings.laureates,
        min_sheets: settings.min_sheets,
        provisional: !board.gaps.is_empty(),
        cutoff_tie,
        warnings: warnings::collect(board, &parts, &stale, &session.decisions),
        decisions: session.decisions.clone(),
        ranking: rows,
    }
}
