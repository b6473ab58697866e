//! What the results screen shows beside the ranking: the margin at the
//! cut-off, how the laureates change under the other methods, and each
//! team's detail.

use num_bigint::BigInt;
use num_rational::BigRational;

use crate::domain::decimal::Dec;
use crate::domain::session::{JurorId, Method, Session, TeamId};

use super::figure::Figure;
use super::order::Separation;
use super::output::Ranking;
use super::sheets::{self, Board, TOTAL_SCALE};
use crate::domain::pair::PairState;

/// The gap between places N and N+1 (teams with enough sheets only).
#[derive(Clone, Debug, PartialEq)]
pub struct Margin {
    /// The team at place N.
    pub above: TeamId,
    /// The team at place N + 1.
    pub below: TeamId,
    /// Score of `above` minus score of `below` (for `majority`, the grades).
    pub difference: Figure,
    /// What separates them.
    pub separated_by: Separation,
}

pub fn margin(ranking: &Ranking) -> Option<Margin> {
    let n = ranking.laureates as usize;
    let ranked: Vec<_> = ranking
        .ranking
        .iter()
        .filter(|r| !r.too_few_sheets)
        .collect();
    if n == 0 || ranked.len() <= n {
        return None;
    }
    let (above, below) = (ranked[n - 1], ranked[n]);
    let difference = match (above.score.as_ref()?, below.score.as_ref()?) {
        (Figure::Exact(a), Figure::Exact(b)) => Figure::Exact(a - b),
        (a, b) => Figure::Float(a.to_f64() - b.to_f64()),
    };
    Some(Margin {
        above: above.team.clone(),
        below: below.team.clone(),
        difference,
        separated_by: below.separated_by.clone(),
    })
}

/// How the laureates under `method` differ from the official ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodComparison {
    pub method: Method,
    /// Laureates under `method` that are not official laureates.
    pub joining: Vec<TeamId>,
    /// Official laureates that are not laureates under `method`.
    pub leaving: Vec<TeamId>,
    /// Whether `method` leaves a tie at the cut-off.
    pub cutoff_tie: bool,
}

impl MethodComparison {
    pub fn changes(&self) -> bool {
        !self.joining.is_empty() || !self.leaving.is_empty()
    }
}

/// Every other method compared with the official one.
pub fn compare_methods(session: &Session) -> Vec<MethodComparison> {
    let board = Board::build(session);
    let official = super::place(session, &board, session.settings.method);
    compare_with(session, &board, &official.laureate_ids(&board))
}

/// Every other method compared with the official one, whose laureates
/// (`official`) are known: on one board, each method only placed (no
/// figures per row), on both cores.
pub fn compare_with(session: &Session, board: &Board, official: &[&str]) -> Vec<MethodComparison> {
    let others: Vec<Method> = Method::ALL
        .into_iter()
        .filter(|&m| m != session.settings.method)
        .collect();
    let compare = |method: Method| {
        let other = super::place(session, board, method);
        let other_set = other.laureate_ids(board);
        MethodComparison {
            method,
            joining: other_set
                .iter()
                .filter(|t| !official.contains(t))
                .map(|t| TeamId::from(*t))
                .collect(),
            leaving: official
                .iter()
                .filter(|t| !other_set.contains(t))
                .map(|t| TeamId::from(*t))
                .collect(),
            cutoff_tie: other.cutoff_tie,
        }
    };
    // `borda` (a ranking per juror, big rationals) costs about as much as
    // the three others: it goes to the second core alone.
    let Some(heavy) = others
        .iter()
        .position(|&m| m == Method::Borda)
        .or(others.len().checked_sub(1))
    else {
        return Vec::new();
    };
    std::thread::scope(|scope| {
        // No thread to be had: everything on this one.
        let helper = std::thread::Builder::new()
            .spawn_scoped(scope, || compare(others[heavy]))
            .ok();
        let mut out: Vec<MethodComparison> = others
            .iter()
            .filter(|&&m| m != others[heavy])
            .map(|&m| compare(m))
            .collect();
        let alone = match helper.map(|h| h.join()) {
            Some(Ok(alone)) => alone,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => compare(others[heavy]),
        };
        out.insert(heavy, alone);
        out
    })
}

/// One juror's line in a team's detail.
#[derive(Clone, Debug, PartialEq)]
pub struct JurorLine {
    pub juror: JurorId,
    pub state: PairState,
    /// Values in criterion order.
    pub values: Vec<Option<Dec>>,
    /// Σ weight × value, for a complete sheet.
    pub total: Option<Figure>,
    pub handwritten: Option<Dec>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TeamDetail {
    pub team: TeamId,
    pub jurors: Vec<JurorLine>,
}

/// Every juror's sheet for one team, in juror order.
pub fn team_detail(session: &Session, team: &TeamId) -> Option<TeamDetail> {
    let t = session.team(team)?;
    let jurors = session
        .jurors
        .iter()
        .map(|j| {
            let state = session.pair_state(t, j);
            let sheet = session.sheet(&t.id, &j.id);
            let values = session
                .criteria
                .iter()
                .map(|c| sheet.and_then(|s| s.values.get(&c.id).copied()))
                .collect();
            let total = match (state, sheet) {
                (PairState::Entered | PairState::Verified | PairState::Mismatch, Some(s)) => {
                    Some(Figure::Exact(BigRational::new(
                        BigInt::from(sheets::total_of(s, &session.criteria)),
                        BigInt::from(TOTAL_SCALE),
                    )))
                }
                _ => None,
            };
            JurorLine {
                juror: j.id.clone(),
                state,
                values,
                total,
                handwritten: sheet.and_then(|s| s.handwritten),
            }
        })
        .collect();
    Some(TeamDetail {
        team: t.id.clone(),
        jurors,
    })
}
