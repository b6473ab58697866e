//! The teams and jurors re-read from the organisers' spreadsheets: what
//! changed, as one change. A known id with changed fields is updated, a
//! new id added (a team at the end of the schedule), an id missing from
//! the file listed and left in place (withdrawing is a decision). Values
//! typed for a pair that becomes recused by organisation are cleared, kept
//! in the change (undo restores them) and listed.

use std::collections::BTreeSet;

use super::operation::{BatchLabel, Change, Edit};
use super::session::{Juror, JurorId, OrgId, Organisation, Session, Slot, Team, TeamId};
use super::setup::{Field, Fields, recusal_clears};

/// One thing the spreadsheets change (or leave alone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    TeamUpdated {
        id: TeamId,
        fields: Vec<Field>,
    },
    TeamAdded(TeamId),
    /// In the session, not in the file: left in place.
    TeamMissing(TeamId),
    JurorUpdated {
        id: JurorId,
        fields: Vec<Field>,
    },
    JurorAdded(JurorId),
    JurorMissing(JurorId),
    OrganisationAdded(OrgId),
    /// Values typed for a pair now recused by organisation, cleared.
    ValuesCleared {
        team: TeamId,
        juror: JurorId,
    },
}

/// What the spreadsheets change: the one change (none when nothing
/// changes) and every line to say.
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    pub change: Option<Change>,
    pub lines: Vec<Line>,
}

/// Compare the session with the lists read (a list not given is left alone).
pub fn update(s: &Session, teams: Option<&[Team]>, jurors: Option<&[Juror]>) -> Update {
    let mut lines = Vec::new();
    let mut changes = Vec::new();
    // Organisations met for the first time, in the order met.
    let mut known: BTreeSet<OrgId> = s.organisations.iter().map(|o| o.id.clone()).collect();
    let orgs = teams
        .into_iter()
        .flatten()
        .map(|t| &t.org)
        .chain(jurors.into_iter().flatten().map(|j| &j.org));
    for org in orgs {
        if known.insert(org.clone()) {
            lines.push(Line::OrganisationAdded(org.clone()));
            changes.push(Change::SetOrganisation {
                id: org.clone(),
                position: None,
                edit: Edit::new(
                    None,
                    Some(Organisation {
                        id: org.clone(),
                        name: org.to_string(),
                    }),
                ),
            });
        }
    }
    let mut schedule = s.schedule.clone();
    if let Some(teams) = teams {
        for read in teams {
            match s.team(&read.id) {
                Some(now) => {
                    let (new, fields) = updated(now, read);
                    if !fields.is_empty() {
                        lines.push(Line::TeamUpdated {
                            id: read.id.clone(),
                            fields,
                        });
                        changes.push(Change::SetTeam {
                            id: read.id.clone(),
                            position: None,
                            edit: Edit::new(Some(Box::new(now.clone())), Some(Box::new(new))),
                        });
                    }
                }
                None => {
                    lines.push(Line::TeamAdded(read.id.clone()));
                    changes.push(Change::SetTeam {
                        id: read.id.clone(),
                        position: None,
                        edit: Edit::new(None, Some(Box::new(read.clone()))),
                    });
                    schedule.push(Slot::Team {
                        team: read.id.clone(),
                    });
                }
            }
        }
        for t in &s.teams {
            if !teams.iter().any(|r| r.id == t.id) {
                lines.push(Line::TeamMissing(t.id.clone()));
            }
        }
    }
    if let Some(jurors) = jurors {
        for read in jurors {
            match s.juror(&read.id) {
                Some(now) => {
                    let (new, fields) = updated(now, read);
                    if !fields.is_empty() {
                        lines.push(Line::JurorUpdated {
                            id: read.id.clone(),
                            fields,
                        });
                        changes.push(Change::SetJuror {
                            id: read.id.clone(),
                            position: None,
                            edit: Edit::new(Some(now.clone()), Some(new)),
                        });
                    }
                }
                None => {
                    lines.push(Line::JurorAdded(read.id.clone()));
                    changes.push(super::setup::add_juror(read.clone()));
                }
            }
        }
        for j in &s.jurors {
            if !jurors.iter().any(|r| r.id == j.id) {
                lines.push(Line::JurorMissing(j.id.clone()));
            }
        }
    }
    if schedule != s.schedule {
        changes.push(Change::SetSchedule {
            edit: Edit::new(s.schedule.clone(), schedule),
        });
    }
    let clears = recusal_clears(s, &changes);
    for clear in &clears {
        if let Change::SetSheet { team, juror, .. } = clear {
            lines.push(Line::ValuesCleared {
                team: team.clone(),
                juror: juror.clone(),
            });
        }
    }
    let change = (!changes.is_empty()).then(|| {
        // The clears first: undo puts the organisations back, then the values.
        let mut all = clears;
        all.extend(changes);
        Change::Batch {
            label: BatchLabel::Roster,
            changes: all,
        }
    });
    Update { change, lines }
}

/// The item now with the fields read, and which fields differ.
fn updated<T: Fields>(now: &T, read: &T) -> (T, Vec<Field>) {
    let mut new = now.clone();
    let mut fields = Vec::new();
    for &field in T::FIELDS {
        if now.get(field) != read.get(field) {
            new.put(field, read.get(field));
            fields.push(field);
        }
    }
    (new, fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::{put3, session};
    use crate::domain::{TeamStatus, apply};

    fn team(id: &str, name: &str, org: &str) -> Team {
        Team {
            id: id.into(),
            name: name.into(),
            project: String::new(),
            summary: String::new(),
            org: org.into(),
            members: Vec::new(),
            status: TeamStatus::Scheduled,
        }
    }

    #[test]
    fn renamed_added_missing_and_recused_in_one_change_undone_at_once() {
        let mut s = session();
        s.settings.recuse_same_org = true;
        put3(&mut s, "T02", "J3", "3", "4", "2");
        let mut teams: Vec<Team> = s.teams[..3].to_vec();
        teams[0].name = "Cantine bio".into();
        teams[1].org = "oise".into(); // J3's: J3 becomes recused for T02
        teams.push(team("T09", "Retard", "aisne"));
        let u = update(&s, Some(&teams), None);
        assert_eq!(
            u.lines,
            vec![
                Line::OrganisationAdded("aisne".into()),
                Line::TeamUpdated {
                    id: "T01".into(),
                    fields: vec![Field::TeamName]
                },
                Line::TeamUpdated {
                    id: "T02".into(),
                    fields: vec![Field::TeamOrg]
                },
                Line::TeamAdded("T09".into()),
                Line::TeamMissing("T04".into()),
                Line::ValuesCleared {
                    team: "T02".into(),
                    juror: "J3".into()
                },
            ]
        );
        let change = u.change.expect("a change");
        let mut after = s.clone();
        apply(&mut after, &change).expect("applies");
        assert_eq!(after.team(&"T01".into()).expect("T01").name, "Cantine bio");
        assert_eq!(
            after.schedule.last(),
            Some(&Slot::Team { team: "T09".into() })
        );
        assert!(
            after.team(&"T04".into()).is_some(),
            "missing is left in place"
        );
        assert_eq!(after.sheet(&"T02".into(), &"J3".into()), None);
        let mut back = after.clone();
        apply(&mut back, &change.inverse().expect("inverse")).expect("undo");
        assert_eq!(back, s);
        // The same file again: nothing to change.
        let again = update(&after, Some(&teams), None);
        assert_eq!(again.change, None);
    }
}
