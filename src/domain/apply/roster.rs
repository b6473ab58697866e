//! Roster and settings: the settings, organisations, teams (and their
//! withdrawal), jurors and criteria. Additions and removals keep the item's
//! place in its list so undo puts it back where it was; the whole session's
//! consistency is checked after them (`super::apply`).

use super::super::operation::Edit;
use super::super::refusal::{Refusal, Subject};
use super::super::session::{
    Criterion, CriterionId, Juror, JurorId, OrgId, Organisation, Session, Settings, Team, TeamId,
    TeamStatus,
};
use super::{set, stale};

pub(super) fn set_settings(s: &mut Session, edit: &Edit<Box<Settings>>) -> Result<(), Refusal> {
    if s.settings != *edit.seen {
        return Err(stale(Subject::Settings));
    }
    if edit.new.method != s.settings.method && s.scoring_started() {
        return Err(Refusal::ScoringStarted {
            what: Subject::Method,
        });
    }
    s.settings = (*edit.new).clone();
    Ok(())
}

pub(super) fn set_organisation(
    s: &mut Session,
    id: &OrgId,
    position: Option<usize>,
    edit: &Edit<Option<Organisation>>,
) -> Result<(), Refusal> {
    let index = s.organisations.iter().position(|o| o.id == *id);
    let items = Items {
        index,
        position,
        id,
    };
    items.replace(&mut s.organisations, edit.seen.as_ref(), edit.new.as_ref())
}

pub(super) fn set_team(
    s: &mut Session,
    id: &TeamId,
    position: Option<usize>,
    edit: &Edit<Option<Box<Team>>>,
) -> Result<(), Refusal> {
    let index = s.teams.iter().position(|t| t.id == *id);
    if edit.new.is_none() && s.sheets.keys().any(|k| k.team == *id) {
        return Err(stale(Subject::Item(id.to_string())));
    }
    let items = Items {
        index,
        position,
        id,
    };
    items.replace(&mut s.teams, edit.seen.as_deref(), edit.new.as_deref())
}

pub(super) fn set_team_status(
    s: &mut Session,
    team: &TeamId,
    edit: &Edit<TeamStatus>,
) -> Result<(), Refusal> {
    let t = s
        .teams
        .iter_mut()
        .find(|t| t.id == *team)
        .ok_or_else(|| Refusal::UnknownTeam(team.clone()))?;
    set(&mut t.status, edit, Subject::Team(team.clone()))
}

pub(super) fn set_juror(
    s: &mut Session,
    id: &JurorId,
    position: Option<usize>,
    edit: &Edit<Option<Juror>>,
) -> Result<(), Refusal> {
    let index = s.jurors.iter().position(|j| j.id == *id);
    if edit.new.is_none() && s.sheets.keys().any(|k| k.juror == *id) {
        return Err(stale(Subject::Item(id.to_string())));
    }
    let items = Items {
        index,
        position,
        id,
    };
    items.replace(&mut s.jurors, edit.seen.as_ref(), edit.new.as_ref())
}

pub(super) fn set_criterion(
    s: &mut Session,
    id: &CriterionId,
    position: Option<usize>,
    edit: &Edit<Option<Criterion>>,
) -> Result<(), Refusal> {
    if s.scoring_started() {
        return Err(Refusal::ScoringStarted {
            what: Subject::Item(id.to_string()),
        });
    }
    let index = s.criteria.iter().position(|c| c.id == *id);
    let items = Items {
        index,
        position,
        id,
    };
    items.replace(&mut s.criteria, edit.seen.as_ref(), edit.new.as_ref())
}

/// Where an item of a list is and goes.
struct Items<'a> {
    /// Where the item with this id stands now, if anywhere.
    index: Option<usize>,
    /// Where an added item goes (none: at the end).
    position: Option<usize>,
    id: &'a str,
}

impl Items<'_> {
    /// Replace, insert or remove the item, if the author saw it as it is.
    fn replace<T: PartialEq + Clone>(
        &self,
        list: &mut Vec<T>,
        seen: Option<&T>,
        new: Option<&T>,
    ) -> Result<(), Refusal> {
        if self.index.map(|i| &list[i]) != seen {
            return Err(stale(Subject::Item(self.id.to_string())));
        }
        match (self.index, new) {
            (Some(i), Some(v)) => list[i] = v.clone(),
            (Some(i), None) => {
                list.remove(i);
            }
            (None, Some(v)) => {
                let at = self.position.map_or(list.len(), |p| p.min(list.len()));
                list.insert(at, v.clone());
            }
            (None, None) => {}
        }
        Ok(())
    }
}
