//! `trimmed`: with 3 or more sheets, drop one lowest and one highest total,
//! then the mean; otherwise the plain mean.

use super::Score;
use super::figure::mean_of_totals;
use super::sheets::Board;

pub fn scores(board: &Board) -> Vec<Option<Score>> {
    board.scores_from_sorted_totals(|totals| {
        let kept = if totals.len() >= 3 {
            &totals[1..totals.len() - 1]
        } else {
            &totals[..]
        };
        mean_of_totals(kept.iter().copied()).map(Score::exact)
    })
}
