//! Schedule actions: move a team, withdraw or restore one, insert, resize or
//! remove a break. Each is one operation carrying what this terminal saw.

use chrono::{DateTime, Utc};

use super::update::send;
use super::{Action, App, Effect};
use crate::domain::{Change, Slot, TeamStatus};

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
        Action::MoveUp if at > 0 => {
            schedule.swap(at, at - 1);
            app.cursors.schedule = at - 1;
            Some(set_schedule(&basis.schedule, schedule))
        }
        Action::MoveDown if at + 1 < rows => {
            schedule.swap(at, at + 1);
            app.cursors.schedule = at + 1;
            Some(set_schedule(&basis.schedule, schedule))
        }
        Action::ToggleWithdrawn => match schedule.get(at).and_then(Slot::team) {
            Some(id) => basis.team(id).map(|t| Change::SetTeamStatus {
                team: t.id.clone(),
                seen: t.status,
                new: match t.status {
                    TeamStatus::Scheduled => TeamStatus::Withdrawn,
                    TeamStatus::Withdrawn => TeamStatus::Scheduled,
                },
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

fn set_schedule(seen: &[Slot], new: Vec<Slot>) -> Change {
    Change::SetSchedule {
        seen: seen.to_vec(),
        new,
    }
}
