//! Question queue actions: a juror's hotkey queues them, `Enter` ends the
//! head's question (logged) and gives the floor to the next, `Delete` drops
//! the selected one.

use chrono::{DateTime, Utc};

use super::update::send;
use super::{Action, App, Effect};
use crate::domain::stage::Phase;
use crate::domain::{BatchLabel, Change, Edit, questions};

pub fn handle(app: &mut App, action: &Action, now: DateTime<Utc>) -> Vec<Effect> {
    let basis = app.basis().into_owned();
    let queue = &basis.queue;
    let lang = app.lang;
    let change = match action {
        Action::Up => {
            app.cursors.queue = app.cursors.queue.saturating_sub(1);
            None
        }
        Action::Down => {
            app.cursors.queue = (app.cursors.queue + 1).min(queue.len().saturating_sub(1));
            None
        }
        Action::Ask(juror) => {
            let Some(team) = basis.stage.team.clone() else {
                app.say(lang.t("Aucune équipe sur scène.", "No team on stage."));
                return Vec::new();
            };
            let running = basis.stage.phase == Phase::Questions;
            match questions::enqueue(queue, juror, &team, running, now) {
                Some(new) => Some(Change::SetQueue {
                    edit: Edit::new(queue.clone(), new),
                }),
                None => {
                    let name = basis
                        .juror(juror)
                        .map_or(juror.as_str(), |j| j.name.as_str());
                    app.say(format!(
                        "{name} {}",
                        lang.t("est déjà dans la file.", "is already in the queue.")
                    ));
                    None
                }
            }
        }
        Action::QuestionDone => match questions::done(queue, now) {
            Some((new, question)) => Some(Change::Batch {
                label: BatchLabel::QuestionDone,
                changes: vec![
                    Change::SetQueue {
                        edit: Edit::new(queue.clone(), new),
                    },
                    Change::AddQuestion { question },
                ],
            }),
            None => {
                app.say(lang.t("La file est vide.", "The queue is empty."));
                None
            }
        },
        Action::RemoveSpeaker => {
            questions::remove(queue, app.cursors.queue, now).map(|new| Change::SetQueue {
                edit: Edit::new(queue.clone(), new),
            })
        }
        _ => None,
    };
    change.map(|c| send(app, c, now)).into_iter().collect()
}
