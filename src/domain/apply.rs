//! Applying an operation to a session: check everything, then change.
//!
//! `apply` either changes the session exactly as the operation says or
//! refuses with a precise reason and leaves the session untouched.

use super::decimal::Dec;
use super::operation::Change;
use super::pair::PairState;
use super::refusal::Refusal;
use super::session::{CriterionId, JurorId, Mark, Session, Sheet, SheetKey, TeamId};
use super::validate;

/// Apply one change. On refusal the session is unchanged.
pub fn apply(session: &mut Session, change: &Change) -> Result<(), Refusal> {
    if change.is_structural() {
        // Structural changes are made on a copy and kept only when the whole
        // session is still consistent afterwards.
        let mut copy = session.clone();
        apply_unchecked(&mut copy, change)?;
        let problems = validate::problems(&copy);
        if !problems.is_empty() {
            return Err(Refusal::Inconsistent(problems));
        }
        *session = copy;
        Ok(())
    } else if let Change::Batch { changes, .. } = change {
        let mut copy = session.clone();
        for c in changes {
            apply_unchecked(&mut copy, c)?;
        }
        *session = copy;
        Ok(())
    } else {
        apply_unchecked(session, change)
    }
}

/// The team and juror exist, the pair is expected and the grid not locked.
fn check_pair(s: &Session, team: &TeamId, juror: &JurorId) -> Result<(), Refusal> {
    let t = s
        .team(team)
        .ok_or_else(|| Refusal::UnknownTeam(team.clone()))?;
    let j = s
        .juror(juror)
        .ok_or_else(|| Refusal::UnknownJuror(juror.clone()))?;
    if s.verified.contains(team) {
        return Err(Refusal::Verified { team: team.clone() });
    }
    match s.excuse(t, j) {
        None => Ok(()),
        Some(status) => Err(Refusal::NotScored {
            team: team.clone(),
            juror: juror.clone(),
            status,
        }),
    }
}

fn check_value(s: &Session, criterion: &CriterionId, value: Dec) -> Result<(), Refusal> {
    let c = s
        .criterion(criterion)
        .ok_or_else(|| Refusal::UnknownCriterion(criterion.clone()))?;
    if value < c.min || value > c.max {
        return Err(Refusal::OutOfRange {
            criterion: criterion.clone(),
            value,
            min: c.min,
            max: c.max,
        });
    }
    if !value.is_on_step(c.min, c.step) {
        return Err(Refusal::OffStep {
            criterion: criterion.clone(),
            value,
            min: c.min,
            step: c.step,
        });
    }
    Ok(())
}

fn stale(what: impl Into<String>) -> Refusal {
    Refusal::Stale { what: what.into() }
}

/// Put a sheet back in the map, dropping it when nothing is left in it.
fn store_sheet(s: &mut Session, key: SheetKey, sheet: Sheet) {
    if sheet.is_empty() {
        s.sheets.remove(&key);
    } else {
        s.sheets.insert(key, sheet);
    }
}

fn apply_unchecked(s: &mut Session, change: &Change) -> Result<(), Refusal> {
    match change {
        Change::Create { .. } => Err(Refusal::AlreadyCreated),
        Change::SetCell {
            team,
            juror,
            criterion,
            seen,
            new,
        } => {
            check_pair(s, team, juror)?;
            if s.criterion(criterion).is_none() {
                return Err(Refusal::UnknownCriterion(criterion.clone()));
            }
            let current = s.value(team, juror, criterion);
            if current != *seen {
                return Err(Refusal::StaleCell {
                    team: team.clone(),
                    juror: juror.clone(),
                    criterion: criterion.clone(),
                    seen: *seen,
                    current,
                });
            }
            if let Some(v) = new {
                check_value(s, criterion, *v)?;
            }
            let key = SheetKey::new(team.clone(), juror.clone());
            let mut sheet = s.sheets.remove(&key).unwrap_or_default();
            match new {
                Some(v) => sheet.values.insert(criterion.clone(), *v),
                None => sheet.values.remove(criterion),
            };
            store_sheet(s, key, sheet);
            Ok(())
        }
        Change::SetHandwritten {
            team,
            juror,
            seen,
            new,
        } => {
            check_pair(s, team, juror)?;
            let current = s.sheet(team, juror).and_then(|sh| sh.handwritten);
            if current != *seen {
                return Err(stale(format!("{team}/{juror}")));
            }
            let key = SheetKey::new(team.clone(), juror.clone());
            let mut sheet = s.sheets.remove(&key).unwrap_or_default();
            sheet.handwritten = *new;
            store_sheet(s, key, sheet);
            Ok(())
        }
        Change::SetSheet {
            team,
            juror,
            seen,
            new,
        } => {
            let t = s
                .team(team)
                .ok_or_else(|| Refusal::UnknownTeam(team.clone()))?;
            let j = s
                .juror(juror)
                .ok_or_else(|| Refusal::UnknownJuror(juror.clone()))?;
            if s.verified.contains(team) {
                return Err(Refusal::Verified { team: team.clone() });
            }
            let current = s.sheet(team, juror).cloned().unwrap_or_default();
            if current != *seen {
                return Err(stale(format!("{team}/{juror}")));
            }
            let has_values = !new.values.is_empty() || new.handwritten.is_some();
            if has_values {
                if new.mark.is_some() || s.auto_recused(t, j) {
                    let status = if new.mark == Some(Mark::Absent) {
                        PairState::Absent
                    } else {
                        PairState::Recused
                    };
                    return Err(Refusal::NotScored {
                        team: team.clone(),
                        juror: juror.clone(),
                        status,
                    });
                }
                for (criterion, value) in &new.values {
                    check_value(s, criterion, *value)?;
                }
            }
            store_sheet(s, SheetKey::new(team.clone(), juror.clone()), new.clone());
            Ok(())
        }
        Change::SetVerified { team, seen, new } => {
            if s.team(team).is_none() {
                return Err(Refusal::UnknownTeam(team.clone()));
            }
            if s.verified.contains(team) != *seen {
                return Err(stale(team.clone()));
            }
            if *new {
                s.verified.insert(team.clone());
            } else {
                s.verified.remove(team);
            }
            Ok(())
        }
        Change::SetEvent { seen, new } => {
            if s.event != *seen {
                return Err(stale("event"));
            }
            s.event = new.clone();
            Ok(())
        }
        Change::SetSettings { seen, new } => {
            if s.settings != **seen {
                return Err(stale("settings"));
            }
            if new.method != s.settings.method && s.scoring_started() {
                return Err(Refusal::ScoringStarted {
                    what: "method".into(),
                });
            }
            s.settings = (**new).clone();
            Ok(())
        }
        Change::SetOrganisation {
            id,
            position,
            seen,
            new,
        } => {
            let index = s.organisations.iter().position(|o| o.id == *id);
            if index.map(|i| &s.organisations[i]) != seen.as_ref() {
                return Err(stale(id.clone()));
            }
            replace(&mut s.organisations, index, *position, new.clone());
            Ok(())
        }
        Change::SetTeam {
            id,
            position,
            seen,
            new,
        } => {
            let index = s.teams.iter().position(|t| t.id == *id);
            if index.map(|i| &s.teams[i]) != seen.as_deref() {
                return Err(stale(id.clone()));
            }
            if new.is_none() && s.sheets.keys().any(|k| k.team == *id) {
                return Err(stale(id.clone()));
            }
            replace(&mut s.teams, index, *position, new.as_deref().cloned());
            Ok(())
        }
        Change::SetTeamStatus { team, seen, new } => {
            let t = s
                .teams
                .iter_mut()
                .find(|t| t.id == *team)
                .ok_or_else(|| Refusal::UnknownTeam(team.clone()))?;
            if t.status != *seen {
                return Err(stale(team.clone()));
            }
            t.status = *new;
            Ok(())
        }
        Change::SetJuror {
            id,
            position,
            seen,
            new,
        } => {
            let index = s.jurors.iter().position(|j| j.id == *id);
            if index.map(|i| &s.jurors[i]) != seen.as_ref() {
                return Err(stale(id.clone()));
            }
            if new.is_none() && s.sheets.keys().any(|k| k.juror == *id) {
                return Err(stale(id.clone()));
            }
            replace(&mut s.jurors, index, *position, new.clone());
            Ok(())
        }
        Change::SetCriterion {
            id,
            position,
            seen,
            new,
        } => {
            if s.scoring_started() {
                return Err(Refusal::ScoringStarted {
                    what: id.to_string(),
                });
            }
            let index = s.criteria.iter().position(|c| c.id == *id);
            if index.map(|i| &s.criteria[i]) != seen.as_ref() {
                return Err(stale(id.clone()));
            }
            replace(&mut s.criteria, index, *position, new.clone());
            Ok(())
        }
        Change::SetSchedule { seen, new } => {
            if s.schedule != *seen {
                return Err(stale("schedule"));
            }
            s.schedule = new.clone();
            Ok(())
        }
        Change::AddDecision { decision } => {
            for team in &decision.teams {
                if s.team(team).is_none() {
                    return Err(Refusal::UnknownTeam(team.clone()));
                }
            }
            s.decisions.push(decision.clone());
            Ok(())
        }
        Change::RemoveDecision { decision } => {
            let index = s
                .decisions
                .iter()
                .rposition(|d| d == decision)
                .ok_or(Refusal::NoSuchDecision)?;
            s.decisions.remove(index);
            Ok(())
        }
        Change::SetStage { seen, new } => {
            if s.stage != **seen {
                return Err(stale("stage"));
            }
            if let Some(team) = &new.team
                && s.team(team).is_none()
            {
                return Err(Refusal::UnknownTeam(team.clone()));
            }
            s.stage = (**new).clone();
            Ok(())
        }
        Change::SetQueue { seen, new } => {
            if s.queue != *seen {
                return Err(stale("queue"));
            }
            for speaker in new {
                if s.juror(&speaker.juror).is_none() {
                    return Err(Refusal::UnknownJuror(speaker.juror.clone()));
                }
                if s.team(&speaker.team).is_none() {
                    return Err(Refusal::UnknownTeam(speaker.team.clone()));
                }
            }
            s.queue = new.clone();
            Ok(())
        }
        Change::AddQuestion { question } => {
            if s.juror(&question.juror).is_none() {
                return Err(Refusal::UnknownJuror(question.juror.clone()));
            }
            if s.team(&question.team).is_none() {
                return Err(Refusal::UnknownTeam(question.team.clone()));
            }
            s.questions.push(question.clone());
            Ok(())
        }
        Change::RemoveQuestion { question } => {
            let index = s
                .questions
                .iter()
                .rposition(|q| q == question)
                .ok_or(Refusal::NoSuchQuestion)?;
            s.questions.remove(index);
            Ok(())
        }
        Change::Batch { changes, .. } => {
            for c in changes {
                apply_unchecked(s, c)?;
            }
            Ok(())
        }
    }
}

/// Replace, insert (at `position`, else at the end) or remove an element of
/// a list by index.
fn replace<T>(list: &mut Vec<T>, index: Option<usize>, position: Option<usize>, new: Option<T>) {
    match (index, new) {
        (Some(i), Some(v)) => list[i] = v,
        (Some(i), None) => {
            list.remove(i);
        }
        (None, Some(v)) => {
            let at = position.map_or(list.len(), |p| p.min(list.len()));
            list.insert(at, v);
        }
        (None, None) => {}
    }
}
