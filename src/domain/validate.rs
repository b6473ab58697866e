//! Consistency of a whole session: what `check` reports and what every
//! structural operation must keep true. Each problem is a typed value; the
//! sentences are in `crate::words::validate` (`Problem::message`).

use std::collections::BTreeSet;

use super::decimal::Dec;
use super::session::{CriterionId, JurorId, Mark, OrgId, Session, Slot, TeamId};

/// One thing wrong with a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    DuplicateId {
        kind: Kind,
        id: String,
    },
    EmptyId {
        kind: Kind,
    },
    UnknownOrganisation {
        kind: Kind,
        id: String,
        org: OrgId,
    },
    NotScheduled {
        team: TeamId,
    },
    ScheduledTwice {
        team: TeamId,
    },
    ScheduleUnknownTeam {
        team: TeamId,
    },
    WeightNotPositive {
        criterion: CriterionId,
    },
    MinNotBelowMax {
        criterion: CriterionId,
    },
    StepNotPositive {
        criterion: CriterionId,
    },
    SheetUnknownTeam {
        team: TeamId,
        juror: JurorId,
    },
    SheetUnknownJuror {
        team: TeamId,
        juror: JurorId,
    },
    SheetUnknownCriterion {
        team: TeamId,
        juror: JurorId,
        criterion: CriterionId,
    },
    ValueRejected {
        team: TeamId,
        juror: JurorId,
        criterion: CriterionId,
        value: Dec,
    },
    MarkedSheetHasValues {
        team: TeamId,
        juror: JurorId,
    },
    RecusedPairHasValues {
        team: TeamId,
        juror: JurorId,
    },
    VerifiedUnknownTeam {
        team: TeamId,
    },
    DecisionUnknownTeam {
        team: TeamId,
    },
    TieBreakUnknownCriterion {
        criterion: CriterionId,
    },
    LaureatesZero,
    MinSheetsZero,
    AlarmAfterWarning,
    StageUnknownTeam {
        team: TeamId,
    },
    QuestionUnknown {
        team: TeamId,
        juror: JurorId,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Organisation,
    Team,
    Juror,
    Criterion,
    Break,
}

fn unique<'a>(
    kind: Kind,
    ids: impl Iterator<Item = &'a str>,
    problems: &mut Vec<Problem>,
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.trim().is_empty() {
            problems.push(Problem::EmptyId { kind });
        } else if !seen.insert(id) {
            problems.push(Problem::DuplicateId {
                kind,
                id: id.to_string(),
            });
        }
    }
    seen
}

/// Every consistency problem of the session, in a stable order.
pub fn problems(s: &Session) -> Vec<Problem> {
    let mut out = Vec::new();
    let orgs = unique(
        Kind::Organisation,
        s.organisations.iter().map(|o| o.id.as_str()),
        &mut out,
    );
    let teams = unique(Kind::Team, s.teams.iter().map(|t| t.id.as_str()), &mut out);
    let jurors = unique(
        Kind::Juror,
        s.jurors.iter().map(|j| j.id.as_str()),
        &mut out,
    );
    let criteria = unique(
        Kind::Criterion,
        s.criteria.iter().map(|c| c.id.as_str()),
        &mut out,
    );
    unique(
        Kind::Break,
        s.schedule.iter().filter_map(|slot| match slot {
            Slot::Break { id, .. } => Some(id.as_str()),
            Slot::Team { .. } => None,
        }),
        &mut out,
    );
    for t in &s.teams {
        if !orgs.contains(t.org.as_str()) {
            out.push(Problem::UnknownOrganisation {
                kind: Kind::Team,
                id: t.id.to_string(),
                org: t.org.clone(),
            });
        }
    }
    for j in &s.jurors {
        if !orgs.contains(j.org.as_str()) {
            out.push(Problem::UnknownOrganisation {
                kind: Kind::Juror,
                id: j.id.to_string(),
                org: j.org.clone(),
            });
        }
    }
    let mut scheduled = BTreeSet::new();
    for team in s.schedule.iter().filter_map(Slot::team) {
        if !teams.contains(team.as_str()) {
            out.push(Problem::ScheduleUnknownTeam { team: team.clone() });
        } else if !scheduled.insert(team.as_str()) {
            out.push(Problem::ScheduledTwice { team: team.clone() });
        }
    }
    for t in &s.teams {
        if !scheduled.contains(t.id.as_str()) {
            out.push(Problem::NotScheduled { team: t.id.clone() });
        }
    }
    for c in &s.criteria {
        if c.weight <= Dec::ZERO {
            out.push(Problem::WeightNotPositive {
                criterion: c.id.clone(),
            });
        }
        if c.min >= c.max {
            out.push(Problem::MinNotBelowMax {
                criterion: c.id.clone(),
            });
        }
        if c.step <= Dec::ZERO {
            out.push(Problem::StepNotPositive {
                criterion: c.id.clone(),
            });
        }
    }
    for (key, sheet) in &s.sheets {
        let (team, juror) = (key.team.clone(), key.juror.clone());
        let known_team = s.team(&key.team);
        let known_juror = s.juror(&key.juror);
        if known_team.is_none() {
            out.push(Problem::SheetUnknownTeam {
                team: team.clone(),
                juror: juror.clone(),
            });
        }
        if known_juror.is_none() {
            out.push(Problem::SheetUnknownJuror {
                team: team.clone(),
                juror: juror.clone(),
            });
        }
        for (criterion, value) in &sheet.values {
            match s.criterion(criterion) {
                None => out.push(Problem::SheetUnknownCriterion {
                    team: team.clone(),
                    juror: juror.clone(),
                    criterion: criterion.clone(),
                }),
                Some(c) if !c.accepts(*value) => out.push(Problem::ValueRejected {
                    team: team.clone(),
                    juror: juror.clone(),
                    criterion: criterion.clone(),
                    value: *value,
                }),
                Some(_) => {}
            }
        }
        let has_values = !sheet.values.is_empty() || sheet.handwritten.is_some();
        if has_values && matches!(sheet.mark, Some(Mark::Absent | Mark::Recused)) {
            out.push(Problem::MarkedSheetHasValues {
                team: team.clone(),
                juror: juror.clone(),
            });
        } else if let (Some(t), Some(j)) = (known_team, known_juror)
            && has_values
            && s.auto_recused(t, j)
        {
            out.push(Problem::RecusedPairHasValues { team, juror });
        }
    }
    for team in &s.verified {
        if !teams.contains(team.as_str()) {
            out.push(Problem::VerifiedUnknownTeam { team: team.clone() });
        }
    }
    for d in &s.decisions {
        for team in &d.teams {
            if !teams.contains(team.as_str()) {
                out.push(Problem::DecisionUnknownTeam { team: team.clone() });
            }
        }
    }
    for c in &s.settings.tie_break {
        if !criteria.contains(c.as_str()) {
            out.push(Problem::TieBreakUnknownCriterion {
                criterion: c.clone(),
            });
        }
    }
    if s.settings.laureates == 0 {
        out.push(Problem::LaureatesZero);
    }
    if s.settings.min_sheets == 0 {
        out.push(Problem::MinSheetsZero);
    }
    if s.settings.alarm_secs > s.settings.warning_secs {
        out.push(Problem::AlarmAfterWarning);
    }
    if let Some(team) = &s.stage.team
        && !teams.contains(team.as_str())
    {
        out.push(Problem::StageUnknownTeam { team: team.clone() });
    }
    for q in s
        .queue
        .iter()
        .map(|q| (&q.team, &q.juror))
        .chain(s.questions.iter().map(|q| (&q.team, &q.juror)))
    {
        if !teams.contains(q.0.as_str()) || !jurors.contains(q.1.as_str()) {
            out.push(Problem::QuestionUnknown {
                team: q.0.clone(),
                juror: q.1.clone(),
            });
        }
    }
    out
}
