//! The results screen's view model: the figures it draws, computed by
//! `update` once per state of the session and method shown (never while
//! drawing): on a large forum a ranking under every method takes a
//! noticeable time, and arrows only move a selection.

use std::fmt;
use std::rc::Rc;

use crate::domain::ranking::analysis::{self, MethodComparison};
use crate::domain::ranking::sheets::Board;
use crate::domain::ranking::{self, Ranking};
use crate::domain::recount::{self, Difference};
use crate::domain::{Method, Session};

/// What the screen draws from.
#[derive(Debug)]
pub struct Computed {
    key: Key,
    /// The ranking under the method shown.
    pub ranking: Ranking,
    /// Every other method against the official one.
    pub comparisons: Vec<MethodComparison>,
    /// The bars' range: from the lowest score (or zero) to the highest
    /// (every score converted once, not at every frame).
    pub bars: (f64, f64),
    /// Where the independent recount of the method shown disagrees with
    /// `ranking` (empty: it agrees); `None` on a forum too large to
    /// recount here (`podium check` does it).
    pub recount: Option<Vec<Difference>>,
}

/// Above this many values the screen leaves the recount to `podium
/// check`: the recount's exact arithmetic takes seconds on a benchmark
/// forum, and the figures are computed on the loop's thread.
pub const SCREEN_RECOUNT_VALUES: usize = 20_000;

/// What the figures depend on: the session as saved (its id and revision;
/// counts as a guard for sessions edited in tests) and the method shown.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Key {
    id: String,
    revision: u64,
    sheets: usize,
    decisions: usize,
    teams: usize,
    method: Method,
    official: Method,
}

impl Key {
    fn of(session: &Session, method: Method) -> Key {
        Key {
            id: session.id.clone(),
            revision: session.revision,
            sheets: session.sheets.len(),
            decisions: session.decisions.len(),
            teams: session.teams.len(),
            method,
            official: session.settings.method,
        }
    }
}

impl Computed {
    /// The ranking shown and the other methods' laureates, on one board.
    fn new(session: &Session, method: Method) -> Computed {
        let board = Board::build(session);
        let ranking = ranking::rank_board(session, &board, method);
        let comparisons = if ranking.official {
            analysis::compare_with(session, &board, &ranking.laureate_ids())
        } else {
            let official = ranking::place(session, &board, session.settings.method);
            analysis::compare_with(session, &board, &official.laureate_ids(&board))
        };
        Computed::with(session, ranking, comparisons)
    }

    /// The figures around a ranking: the recount is compared with it.
    fn with(session: &Session, ranking: Ranking, comparisons: Vec<MethodComparison>) -> Computed {
        let method = ranking.method;
        Computed {
            key: Key::of(session, method),
            bars: bars(&ranking),
            recount: (values(session) <= SCREEN_RECOUNT_VALUES)
                .then(|| recount::compare(&ranking, &recount::recount(session, method))),
            ranking,
            comparisons,
        }
    }
}

/// From the lowest score (or zero) to the highest.
fn bars(ranking: &Ranking) -> (f64, f64) {
    let scores = ranking
        .ranking
        .iter()
        .filter_map(|r| r.score.as_ref().map(|s| s.to_f64()))
        .filter(|f| f.is_finite());
    scores.fold((0.0, 0.0), |(lo, hi), f| (f64::min(lo, f), f64::max(hi, f)))
}

fn values(session: &Session) -> usize {
    session
        .sheets
        .values()
        .map(|sheet| sheet.values.len())
        .sum()
}

/// The last figures computed, kept fresh by `update`.
#[derive(Clone, Default)]
pub struct View(Option<Rc<Computed>>);

impl View {
    /// The figures for this state, if computed.
    fn fresh(&self, session: &Session, method: Method) -> Option<&Rc<Computed>> {
        let key = Key::of(session, method);
        self.0.as_ref().filter(|c| c.key == key)
    }

    /// Compute the figures again if the state changed (what `update` does).
    pub fn refresh(&mut self, session: &Session, method: Method) {
        if self.fresh(session, method).is_none() {
            self.0 = Some(Rc::new(Computed::new(session, method)));
        }
    }

    /// The figures for this state: the view model's, or (for a state no
    /// update has seen, as in a test drawing a session built by hand)
    /// computed now, without keeping them.
    pub fn get(&self, session: &Session, method: Method) -> Rc<Computed> {
        match self.fresh(session, method) {
            Some(c) => Rc::clone(c),
            None => Rc::new(Computed::new(session, method)),
        }
    }
}

#[cfg(test)]
impl View {
    /// The figures of a ranking given in place of the engine's (a
    /// corrupted engine, in tests): the recount is compared with it.
    pub fn with_ranking(session: &Session, ranking: Ranking) -> View {
        let comparisons = analysis::compare_methods(session);
        View(Some(Rc::new(Computed::with(session, ranking, comparisons))))
    }
}

impl fmt::Debug for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("View")
    }
}

/// Derived figures never make two states differ.
impl PartialEq for View {
    fn eq(&self, _: &View) -> bool {
        true
    }
}

impl Eq for View {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::results_fixture::forum;

    #[test]
    fn computed_once_per_state_and_method() {
        let mut view = View::default();
        let mut s = forum();
        view.refresh(&s, Method::Mean);
        let a = view.get(&s, Method::Mean);
        view.refresh(&s, Method::Mean);
        assert!(Rc::ptr_eq(&a, &view.get(&s, Method::Mean)));
        view.refresh(&s, Method::Borda);
        let b = view.get(&s, Method::Borda);
        assert!(!Rc::ptr_eq(&a, &b));
        assert_eq!(b.ranking.method, Method::Borda);
        s.revision += 1;
        let c = view.get(&s, Method::Borda);
        assert!(!Rc::ptr_eq(&b, &c), "a new revision is not the view's");
        assert_eq!(c.comparisons.len(), 4);
    }

    #[test]
    fn the_bars_run_from_zero_or_the_lowest_score_to_the_highest() {
        let s = forum();
        let scores = |c: &Computed| -> Vec<f64> {
            c.ranking
                .ranking
                .iter()
                .filter_map(|r| r.score.as_ref().map(|f| f.to_f64()))
                .collect()
        };
        let mean = Computed::new(&s, Method::Mean);
        let high = scores(&mean).into_iter().fold(f64::MIN, f64::max);
        assert!(high > 0.0);
        assert_eq!(mean.bars, (0.0, high));
        // z-scores: some below zero.
        let normalized = Computed::new(&s, Method::Normalized);
        let z = scores(&normalized);
        let low = z.iter().copied().fold(f64::MAX, f64::min);
        assert!(low < 0.0);
        assert_eq!(normalized.bars, (low, z.into_iter().fold(0.0, f64::max)));
    }
}
