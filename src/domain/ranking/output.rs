//! What the ranking gives: exactly the JSON of design.md, plus what the
//! results screen needs (kept out of the JSON).

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::domain::session::{CriterionId, Decision, DecisionKind, JurorId, Method, OrgId, TeamId};

use super::figure::Figure;
use super::order::Separation;

#[derive(Clone, Debug, Serialize)]
pub struct Ranking {
    pub method: Method,
    /// Whether `method` is the session's official method.
    pub official: bool,
    /// N, the number of laureates the session asks for.
    pub laureates: u32,
    pub min_sheets: u32,
    /// Some expected sheet does not count.
    pub provisional: bool,
    /// A group of equal teams straddles the cut-off, with no decision.
    pub cutoff_tie: bool,
    pub warnings: Vec<Warning>,
    /// Every recorded decision, oldest first.
    pub decisions: Vec<Decision>,
    /// Rows in rank order; within a shared rank, in schedule order.
    pub ranking: Vec<Row>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// 1 + the number of teams strictly ahead.
    pub rank: usize,
    pub team: TeamId,
    pub name: String,
    pub org: OrgId,
    /// `None` for a team with no sheet that counts.
    pub score: Option<Figure>,
    /// Number of sheets that count.
    pub sheets: usize,
    pub too_few_sheets: bool,
    pub laureate: bool,
    pub tied: bool,
    pub at_cutoff: bool,
    /// Population standard deviation of the totals of the sheets that count.
    pub spread: Option<Figure>,
    /// Mean value per criterion over the sheets that count (criterion order).
    pub criteria: CriterionMeans,
    /// Why this row stands below the previous one.
    #[serde(skip)]
    pub separated_by: Separation,
    /// The decision applied to this row's group (index into `decisions`).
    #[serde(skip)]
    pub decision: Option<usize>,
}

/// Mean value per criterion, written as a JSON object in criterion order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CriterionMeans(pub Vec<(CriterionId, Figure)>);

impl CriterionMeans {
    pub fn get(&self, criterion: &str) -> Option<&Figure> {
        self.0
            .iter()
            .find(|(id, _)| id == criterion)
            .map(|(_, f)| f)
    }
}

impl Serialize for CriterionMeans {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, figure) in &self.0 {
            map.serialize_entry(id, figure)?;
        }
        map.end()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    MissingSheet,
    PartialSheet,
    ChecksumMismatch,
    TooFewSheets,
    StaleDecision,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: WarningCode,
    pub team: Option<TeamId>,
    pub juror: Option<JurorId>,
}

impl Ranking {
    /// The row of a team.
    pub fn row(&self, team: &str) -> Option<&Row> {
        self.ranking.iter().find(|r| r.team == team)
    }

    /// Laureate team ids, in rank order.
    pub fn laureate_ids(&self) -> Vec<&str> {
        self.ranking
            .iter()
            .filter(|r| r.laureate)
            .map(|r| r.team.as_str())
            .collect()
    }

    /// The decisions a changed score made stale (reported on their first
    /// team), as recorded in `decisions`.
    pub fn stale_decisions<'a>(&self, decisions: &'a [Decision]) -> Vec<&'a Decision> {
        self.warnings
            .iter()
            .filter(|w| w.code == WarningCode::StaleDecision)
            .filter_map(|w| {
                let first = w.team.as_ref()?;
                decisions.iter().find(|d| d.teams.first() == Some(first))
            })
            .collect()
    }

    /// Groups of equal teams straddling the cut-off (decided or not), each
    /// as its rows' team ids in row order.
    pub fn cutoff_groups(&self) -> Vec<Vec<&str>> {
        let mut out: Vec<Vec<&str>> = Vec::new();
        for (i, row) in self.ranking.iter().enumerate() {
            if !row.at_cutoff {
                continue;
            }
            let continues = i > 0
                && self.ranking[i - 1].at_cutoff
                && matches!(row.separated_by, Separation::Equal | Separation::Decision);
            match out.last_mut() {
                Some(group) if continues => group.push(&row.team),
                _ => out.push(vec![&row.team]),
            }
        }
        out
    }

    /// The kind of decision applied to a team's group, if any.
    pub fn decision_for(&self, team: &str) -> Option<DecisionKind> {
        let row = self.row(team)?;
        row.decision
            .and_then(|i| self.decisions.get(i))
            .map(|d| d.kind)
    }
}
