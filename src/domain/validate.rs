//! Consistency of a whole session: what `check` reports and what every
//! structural operation must keep true.

use std::collections::BTreeSet;

use super::decimal::Dec;
use super::session::{CriterionId, JurorId, Lang, Mark, OrgId, Session, Slot, TeamId};

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

impl Kind {
    fn name(self, lang: Lang) -> &'static str {
        match self {
            Kind::Organisation => lang.t("organisation", "organisation"),
            Kind::Team => lang.t("équipe", "team"),
            Kind::Juror => lang.t("juré", "juror"),
            Kind::Criterion => lang.t("critère", "criterion"),
            Kind::Break => lang.t("pause", "break"),
        }
    }
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        let fr = lang == Lang::Fr;
        match self {
            DuplicateId { kind, id } if fr => {
                format!("{} « {id} » définie deux fois", kind.name(lang))
            }
            DuplicateId { kind, id } => format!("{} \"{id}\" defined twice", kind.name(lang)),
            EmptyId { kind } if fr => format!("{} sans identifiant", kind.name(lang)),
            EmptyId { kind } => format!("{} without an id", kind.name(lang)),
            UnknownOrganisation { kind, id, org } if fr => {
                format!("{} {id} : organisation inconnue {org}", kind.name(lang))
            }
            UnknownOrganisation { kind, id, org } => {
                format!("{} {id}: unknown organisation {org}", kind.name(lang))
            }
            NotScheduled { team } if fr => format!("l'équipe {team} n'est pas au programme"),
            NotScheduled { team } => format!("team {team} is not in the schedule"),
            ScheduledTwice { team } if fr => format!("l'équipe {team} est deux fois au programme"),
            ScheduledTwice { team } => format!("team {team} is twice in the schedule"),
            ScheduleUnknownTeam { team } if fr => format!("programme : équipe inconnue {team}"),
            ScheduleUnknownTeam { team } => format!("schedule: unknown team {team}"),
            WeightNotPositive { criterion } if fr => {
                format!("critère {criterion} : le poids doit être positif")
            }
            WeightNotPositive { criterion } => {
                format!("criterion {criterion}: the weight must be above zero")
            }
            MinNotBelowMax { criterion } if fr => {
                format!("critère {criterion} : le minimum doit être inférieur au maximum")
            }
            MinNotBelowMax { criterion } => {
                format!("criterion {criterion}: the minimum must be below the maximum")
            }
            StepNotPositive { criterion } if fr => {
                format!("critère {criterion} : le pas doit être positif")
            }
            StepNotPositive { criterion } => {
                format!("criterion {criterion}: the step must be above zero")
            }
            SheetUnknownTeam { team, juror } if fr => {
                format!("feuille {team}/{juror} : équipe inconnue")
            }
            SheetUnknownTeam { team, juror } => format!("sheet {team}/{juror}: unknown team"),
            SheetUnknownJuror { team, juror } if fr => {
                format!("feuille {team}/{juror} : juré inconnu")
            }
            SheetUnknownJuror { team, juror } => format!("sheet {team}/{juror}: unknown juror"),
            SheetUnknownCriterion {
                team,
                juror,
                criterion,
            } if fr => format!("feuille {team}/{juror} : critère inconnu {criterion}"),
            SheetUnknownCriterion {
                team,
                juror,
                criterion,
            } => format!("sheet {team}/{juror}: unknown criterion {criterion}"),
            ValueRejected {
                team,
                juror,
                criterion,
                value,
            } if fr => format!(
                "feuille {team}/{juror} : {} refusé pour {criterion} (hors limites ou hors pas)",
                value.format_with(',')
            ),
            ValueRejected {
                team,
                juror,
                criterion,
                value,
            } => format!(
                "sheet {team}/{juror}: {value} not accepted for {criterion} (out of range or off step)"
            ),
            MarkedSheetHasValues { team, juror } if fr => {
                format!("feuille {team}/{juror} : absent ou récusé mais avec des notes")
            }
            MarkedSheetHasValues { team, juror } => {
                format!("sheet {team}/{juror}: absent or recused but has values")
            }
            RecusedPairHasValues { team, juror } if fr => {
                format!("feuille {team}/{juror} : même organisation (récusé) mais avec des notes")
            }
            RecusedPairHasValues { team, juror } => {
                format!("sheet {team}/{juror}: same organisation (recused) but has values")
            }
            VerifiedUnknownTeam { team } if fr => format!("vérifiée : équipe inconnue {team}"),
            VerifiedUnknownTeam { team } => format!("verified: unknown team {team}"),
            DecisionUnknownTeam { team } if fr => format!("décision : équipe inconnue {team}"),
            DecisionUnknownTeam { team } => format!("decision: unknown team {team}"),
            TieBreakUnknownCriterion { criterion } if fr => {
                format!("départage : critère inconnu {criterion}")
            }
            TieBreakUnknownCriterion { criterion } => {
                format!("tie-break: unknown criterion {criterion}")
            }
            LaureatesZero if fr => "le nombre de lauréats doit être d'au moins 1".into(),
            LaureatesZero => "the number of laureates must be at least 1".into(),
            MinSheetsZero if fr => "le minimum de feuilles doit être d'au moins 1".into(),
            MinSheetsZero => "the minimum number of sheets must be at least 1".into(),
            AlarmAfterWarning if fr => {
                "le seuil d'alarme doit être inférieur ou égal au seuil d'avertissement".into()
            }
            AlarmAfterWarning => "the alarm threshold must not exceed the warning one".into(),
            StageUnknownTeam { team } if fr => format!("scène : équipe inconnue {team}"),
            StageUnknownTeam { team } => format!("stage: unknown team {team}"),
            QuestionUnknown { team, juror } if fr => {
                format!("question : équipe {team} ou juré {juror} inconnu")
            }
            QuestionUnknown { team, juror } => {
                format!("question: unknown team {team} or juror {juror}")
            }
        }
    }
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
