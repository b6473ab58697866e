//! Where the engine's ranking and the recount disagree, as typed values
//! (the sentences are in `crate::words::recount`).

use num_traits::Zero;

use crate::domain::ranking::{Figure, Ranking};
use crate::domain::session::{Method, Session, TeamId};

use super::{Recount, recount_all};

/// A yes/no field of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    Laureate,
    Tied,
    AtCutoff,
    TooFewSheets,
}

/// One disagreement between the engine (`engine`) and the recount.
#[derive(Clone, Debug, PartialEq)]
pub enum Difference {
    /// Not the same number of ranked teams.
    Length {
        method: Method,
        engine: usize,
        recount: usize,
    },
    /// Another team at this place (1-based row).
    Order {
        method: Method,
        row: usize,
        engine: TeamId,
        recount: TeamId,
    },
    Rank {
        method: Method,
        team: TeamId,
        engine: usize,
        recount: usize,
    },
    Score {
        method: Method,
        team: TeamId,
        engine: Option<Figure>,
        recount: Option<Figure>,
    },
    Sheets {
        method: Method,
        team: TeamId,
        engine: usize,
        recount: usize,
    },
    /// The engine says `engine`, the recount the opposite.
    Flag {
        method: Method,
        team: TeamId,
        flag: Flag,
        engine: bool,
    },
    CutoffTie {
        method: Method,
        engine: bool,
    },
}

/// Two scores agree: exactly, or for floats within design.md's tolerance
/// (|a − b| ≤ 1e-9 × max(1, |a|, |b|)).
fn same_score(a: &Option<Figure>, b: &Option<Figure>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(Figure::Exact(a)), Some(Figure::Exact(b))) => (a - b).is_zero(),
        (Some(Figure::Float(a)), Some(Figure::Float(b))) => {
            (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
        }
        _ => false,
    }
}

/// Every difference between the engine's `ranking` and `recounted`.
pub fn compare(ranking: &Ranking, recounted: &Recount) -> Vec<Difference> {
    let method = recounted.method;
    let mut out = Vec::new();
    if ranking.ranking.len() != recounted.lines.len() {
        out.push(Difference::Length {
            method,
            engine: ranking.ranking.len(),
            recount: recounted.lines.len(),
        });
    }
    for (i, (row, line)) in ranking.ranking.iter().zip(&recounted.lines).enumerate() {
        if row.team != line.team {
            out.push(Difference::Order {
                method,
                row: i + 1,
                engine: row.team.clone(),
                recount: line.team.clone(),
            });
        }
    }
    for line in &recounted.lines {
        let Some(row) = ranking.row(&line.team) else {
            continue;
        };
        let team = || line.team.clone();
        if row.rank != line.rank {
            out.push(Difference::Rank {
                method,
                team: team(),
                engine: row.rank,
                recount: line.rank,
            });
        }
        if !same_score(&row.score, &line.score) {
            out.push(Difference::Score {
                method,
                team: team(),
                engine: row.score.clone(),
                recount: line.score.clone(),
            });
        }
        if row.sheets != line.sheets {
            out.push(Difference::Sheets {
                method,
                team: team(),
                engine: row.sheets,
                recount: line.sheets,
            });
        }
        let flags = [
            (Flag::Laureate, row.laureate, line.laureate),
            (Flag::Tied, row.tied, line.tied),
            (Flag::AtCutoff, row.at_cutoff, line.at_cutoff),
            (Flag::TooFewSheets, row.too_few_sheets, line.too_few_sheets),
        ];
        for (flag, engine, recount) in flags {
            if engine != recount {
                out.push(Difference::Flag {
                    method,
                    team: team(),
                    flag,
                    engine,
                });
            }
        }
    }
    if ranking.cutoff_tie != recounted.cutoff_tie {
        out.push(Difference::CutoffTie {
            method,
            engine: ranking.cutoff_tie,
        });
    }
    out
}

/// Every method ranked by the engine and recounted; every difference.
pub fn differences(session: &Session) -> Vec<Difference> {
    recount_all(session)
        .iter()
        .flat_map(|r| compare(&crate::domain::ranking::rank(session, r.method), r))
        .collect()
}
