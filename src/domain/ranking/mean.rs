//! `mean`: the arithmetic mean of the team's sheet totals.

use super::Score;
use super::figure::mean_of_totals;
use super::sheets::Board;

pub fn scores(board: &Board) -> Vec<Option<Score>> {
    board
        .sheets
        .iter()
        .map(|s| mean_of_totals(s.counting.iter().map(|&(_, total)| total)).map(Score::exact))
        .collect()
}
