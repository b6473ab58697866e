//! Whether the official results are final, and if not, what keeps them
//! provisional: sheets missing, partial or mismatched, a tie at the
//! cut-off waiting for the jury, a decision a changed score made stale.

use super::{Ranking, WarningCode};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Finality {
    pub missing: usize,
    pub partial: usize,
    pub mismatched: usize,
    /// Ties at the laureate cut-off with no decision.
    pub ties_waiting: usize,
    pub stale_decisions: usize,
}

impl Finality {
    /// The official ranking's state.
    pub fn of(ranking: &Ranking) -> Finality {
        let count = |code| ranking.warnings.iter().filter(|w| w.code == code).count();
        let ties_waiting = ranking
            .cutoff_groups()
            .iter()
            .filter(|g| g.first().is_none_or(|t| ranking.decision_for(t).is_none()))
            .count();
        Finality {
            missing: count(WarningCode::MissingSheet),
            partial: count(WarningCode::PartialSheet),
            mismatched: count(WarningCode::ChecksumMismatch),
            ties_waiting,
            stale_decisions: count(WarningCode::StaleDecision),
        }
    }

    /// Every expected sheet counts, no tie waits, no decision is stale.
    pub fn is_final(&self) -> bool {
        *self == Finality::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ranking::{Method, rank};

    #[test]
    fn a_session_without_sheets_is_provisional_and_says_why() {
        let s = crate::domain::fixture::session();
        let f = Finality::of(&rank(&s, Method::Mean));
        assert!(!f.is_final());
        assert!(f.missing > 0, "{f:?}");
        assert_eq!((f.partial, f.mismatched, f.stale_decisions), (0, 0, 0));
        assert!(Finality::default().is_final());
    }
}
