//! Schedule actions: move a team, withdraw or restore one, insert, resize or
//! remove a break. Each is one operation carrying what this terminal saw.

use chrono::{DateTime, Utc};

use super::update::send;
use super::{Action, App, Effect};
use crate::domain::{Change, Edit, Lang, Session, Slot, TeamId, TeamStatus};

/// Breaks change by five minutes; a new one lasts ten.
const BREAK_STEP: u32 = 5;
const NEW_BREAK: u32 = 10;

pub fn handle(app: &mut App, action: &Action, now: DateTime<Utc>) -> Vec<Effect> {
    let basis = app.basis().into_owned();
    let rows = basis.schedule.len();
    let at = app.cursors.schedule.min(rows.saturating_sub(1));
    let mut schedule = basis.schedule.clone();
    let lang = app.lang;
    let change = match action {
        Action::Up => {
            app.cursors.schedule = at.saturating_sub(1);
            None
        }
        Action::Down => {
            app.cursors.schedule = (at + 1).min(rows.saturating_sub(1));
            None
        }
        Action::MoveUp | Action::MoveDown => {
            let to = match action {
                Action::MoveUp => at.checked_sub(1),
                _ => (at + 1 < rows).then_some(at + 1),
            };
            match to {
                None => None,
                Some(to) => match gone(&basis, &schedule[at]).or(gone(&basis, &schedule[to])) {
                    Some(why) => {
                        app.warn(why.text(lang));
                        None
                    }
                    None => {
                        schedule.swap(at, to);
                        app.cursors.schedule = to;
                        Some(set_schedule(&basis.schedule, schedule))
                    }
                },
            }
        }
        Action::ToggleWithdrawn => match schedule.get(at).and_then(Slot::team) {
            Some(id) if basis.stage.team.as_ref() == Some(id) => {
                app.warn(match lang {
                    Lang::Fr => format!(
                        "{id} est sur scène : passez d'abord à l'équipe suivante (n), puis retirez-la."
                    ),
                    Lang::En => {
                        format!("{id} is on stage: move on to the next team first (n), then withdraw it.")
                    }
                });
                None
            }
            Some(id) => basis.team(id).map(|t| Change::SetTeamStatus {
                team: t.id.clone(),
                edit: Edit::new(
                    t.status,
                    match t.status {
                        TeamStatus::Scheduled => TeamStatus::Withdrawn,
                        TeamStatus::Withdrawn => TeamStatus::Scheduled,
                    },
                ),
            }),
            None => {
                app.say(lang.t("Choisissez une équipe.", "Select a team."));
                None
            }
        },
        Action::InsertBreak => {
            let id = (1..)
                .map(|n| format!("B{n}"))
                .find(|id| {
                    !schedule
                        .iter()
                        .any(|s| matches!(s, Slot::Break { id: b, .. } if b == id))
                })
                .unwrap_or_default();
            let index = if rows == 0 { 0 } else { at + 1 };
            schedule.insert(
                index,
                Slot::Break {
                    id,
                    label: lang.t("Pause", "Break").into(),
                    minutes: NEW_BREAK,
                },
            );
            app.cursors.schedule = index;
            Some(set_schedule(&basis.schedule, schedule))
        }
        Action::LongerBreak | Action::ShorterBreak | Action::RemoveBreak => {
            match schedule.get_mut(at) {
                Some(Slot::Break { minutes, .. }) => {
                    match action {
                        Action::LongerBreak => *minutes += BREAK_STEP,
                        Action::ShorterBreak => {
                            *minutes = minutes.saturating_sub(BREAK_STEP).max(BREAK_STEP)
                        }
                        _ => {
                            schedule.remove(at);
                        }
                    }
                    (schedule != basis.schedule).then(|| set_schedule(&basis.schedule, schedule))
                }
                _ => {
                    app.say(lang.t("Choisissez une pause.", "Select a break."));
                    None
                }
            }
        }
        _ => None,
    };
    change.map(|c| send(app, c, now)).into_iter().collect()
}

/// A team that has been on stage, or is on it now: it keeps its place.
enum Gone {
    Done(TeamId),
    OnStage(TeamId),
}

impl Gone {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Gone::Done(id), Lang::Fr) => {
                format!("{id} est déjà passée : seules les équipes à venir se déplacent.")
            }
            (Gone::Done(id), Lang::En) => {
                format!("{id} has already pitched: only teams still to come move.")
            }
            (Gone::OnStage(id), Lang::Fr) => {
                format!("{id} est sur scène : seules les équipes à venir se déplacent.")
            }
            (Gone::OnStage(id), Lang::En) => {
                format!("{id} is on stage: only teams still to come move.")
            }
        }
    }
}

fn gone(session: &Session, slot: &Slot) -> Option<Gone> {
    let id = slot.team()?;
    if session.stage.team.as_ref() == Some(id) {
        Some(Gone::OnStage(id.clone()))
    } else if session.stage.records(id).next().is_some() {
        Some(Gone::Done(id.clone()))
    } else {
        None
    }
}

fn set_schedule(seen: &[Slot], new: Vec<Slot>) -> Change {
    Change::SetSchedule {
        edit: Edit::new(seen.to_vec(), new),
    }
}
