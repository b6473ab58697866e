//! The schedule screen: move a team, withdraw or restore one, insert,
//! resize or remove a break (and the timer's keys). Each change is one
//! operation carrying what this terminal saw.

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;

use super::Reply;
use super::stage::{self, StageKey};
use crate::app::App;
use crate::app::keys::{Binding, Key, bind};
use crate::app::notice::Notice;
use crate::domain::{Change, Edit, Session, Slot, TeamStatus};

/// The schedule screen's state (not saved).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schedule {
    /// The selected row.
    pub row: usize,
}

/// Keep the selection on a row.
pub fn clamp(app: &mut App) {
    let rows = app.session.schedule.len();
    app.schedule.row = app.schedule.row.min(rows.saturating_sub(1));
}

/// A key of the schedule screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleKey {
    /// The timer's keys work here too.
    Timer(StageKey),
    Up,
    Down,
    MoveUp,
    MoveDown,
    ToggleWithdrawn,
    InsertBreak,
    LongerBreak,
    ShorterBreak,
    RemoveBreak,
}

impl ScheduleKey {
    pub fn only_looks(self) -> bool {
        matches!(self, ScheduleKey::Up | ScheduleKey::Down)
    }
}

impl From<ScheduleKey> for crate::app::Action {
    fn from(key: ScheduleKey) -> crate::app::Action {
        crate::app::Action::Key(super::ScreenKey::Schedule(key))
    }
}

pub fn bindings(_app: &App) -> Vec<Binding<ScheduleKey>> {
    use ScheduleKey::*;
    let mut all: Vec<Binding<ScheduleKey>> =
        stage::timer().into_iter().map(|b| b.map(Timer)).collect();
    all.extend([
        bind(
            Key::Code(KeyCode::Up),
            Up,
            "ligne précédente",
            "previous row",
        ),
        bind(Key::Code(KeyCode::Down), Down, "ligne suivante", "next row"),
        bind(
            Key::Char('K'),
            MoveUp,
            "monter l'équipe",
            "move the team up",
        )
        .or(Key::Shift(KeyCode::Up))
        .foot("monter", "up"),
        bind(
            Key::Char('J'),
            MoveDown,
            "descendre l'équipe",
            "move the team down",
        )
        .or(Key::Shift(KeyCode::Down))
        .foot("descendre", "down"),
        bind(
            Key::Char('w'),
            ToggleWithdrawn,
            "retirer / rétablir l'équipe",
            "withdraw / restore the team",
        )
        .foot("retirer/rétablir", "withdraw/restore"),
        bind(
            Key::Char('b'),
            InsertBreak,
            "insérer une pause après",
            "insert a break after",
        )
        .foot("pause", "break"),
        bind(Key::Char('>'), LongerBreak, "pause +5 min", "break +5 min"),
        bind(Key::Char('<'), ShorterBreak, "pause −5 min", "break −5 min"),
        bind(
            Key::Code(KeyCode::Delete),
            RemoveBreak,
            "supprimer la pause",
            "remove the break",
        ),
    ]);
    all
}

/// Breaks change by five minutes; a new one lasts ten.
const BREAK_STEP: u32 = 5;
const NEW_BREAK: u32 = 10;

pub fn handle(app: &mut App, key: ScheduleKey, now: DateTime<Utc>) -> Reply {
    use ScheduleKey as A;
    if let A::Timer(k) = key {
        return stage::handle(app, k, now);
    }
    let basis = app.basis().into_owned();
    let rows = basis.schedule.len();
    let at = app.schedule.row.min(rows.saturating_sub(1));
    let mut schedule = basis.schedule.clone();
    let lang = app.lang;
    let mut notice = None;
    let change = match key {
        A::Up => {
            app.schedule.row = at.saturating_sub(1);
            None
        }
        A::Down => {
            app.schedule.row = (at + 1).min(rows.saturating_sub(1));
            None
        }
        A::MoveUp | A::MoveDown => {
            let to = match key {
                A::MoveUp => at.checked_sub(1),
                _ => (at + 1 < rows).then_some(at + 1),
            };
            match to {
                None => None,
                Some(to) => match gone(&basis, &schedule[at]).or(gone(&basis, &schedule[to])) {
                    Some(why) => {
                        notice = Some(why);
                        None
                    }
                    None => {
                        schedule.swap(at, to);
                        app.schedule.row = to;
                        Some(set_schedule(&basis.schedule, schedule))
                    }
                },
            }
        }
        A::ToggleWithdrawn => match schedule.get(at).and_then(Slot::team) {
            Some(id) if basis.stage.team.as_ref() == Some(id) => {
                notice = Some(Notice::OnStageNotWithdrawn(id.clone()));
                None
            }
            Some(id) => basis.team(id).map(|t| {
                let new = match t.status {
                    TeamStatus::Scheduled => TeamStatus::Withdrawn,
                    TeamStatus::Withdrawn => TeamStatus::Scheduled,
                };
                notice = Some(match new {
                    TeamStatus::Withdrawn => Notice::Withdrawn(t.id.clone()),
                    TeamStatus::Scheduled => Notice::Restored(t.id.clone()),
                });
                Change::SetTeamStatus {
                    team: t.id.clone(),
                    edit: Edit {
                        seen: t.status,
                        new,
                    },
                }
            }),
            None => {
                notice = Some(Notice::SelectTeam);
                None
            }
        },
        A::InsertBreak => {
            let id = (1..)
                .map(|n| format!("B{n}"))
                .find(|id| {
                    !schedule
                        .iter()
                        .any(|s| matches!(s, Slot::Break { id: b, .. } if b == id))
                })
                .unwrap_or_default();
            let index = if rows == 0 { 0 } else { at + 1 };
            // A break goes only before a team still to come.
            let before = schedule[index..].iter().find_map(Slot::team);
            let coming =
                before.is_some_and(|t| gone(&basis, &Slot::Team { team: t.clone() }).is_none());
            if !coming {
                return Reply::say(Notice::BreakBeforeComingOnly);
            }
            schedule.insert(
                index,
                Slot::Break {
                    id,
                    label: lang.t("Pause", "Break").into(),
                    minutes: NEW_BREAK,
                },
            );
            app.schedule.row = index;
            Some(set_schedule(&basis.schedule, schedule))
        }
        A::LongerBreak | A::ShorterBreak | A::RemoveBreak => match schedule.get_mut(at) {
            Some(Slot::Break { minutes, .. }) => {
                match key {
                    A::LongerBreak => *minutes += BREAK_STEP,
                    A::ShorterBreak => {
                        *minutes = minutes.saturating_sub(BREAK_STEP).max(BREAK_STEP)
                    }
                    _ => {
                        schedule.remove(at);
                    }
                }
                (schedule != basis.schedule).then(|| set_schedule(&basis.schedule, schedule))
            }
            _ => {
                notice = Some(Notice::SelectBreak);
                None
            }
        },
        A::Timer(_) => None,
    };
    Reply {
        changes: change.into_iter().collect(),
        notice,
        job: None,
    }
}

/// A team that has been on stage, or is on it now: it keeps its place.
fn gone(session: &Session, slot: &Slot) -> Option<Notice> {
    let id = slot.team()?;
    if session.stage.team.as_ref() == Some(id) {
        Some(Notice::OnStageStays(id.clone()))
    } else if session.stage.records(id).next().is_some() {
        Some(Notice::PitchedStays(id.clone()))
    } else {
        None
    }
}

fn set_schedule(seen: &[Slot], new: Vec<Slot>) -> Change {
    Change::SetSchedule {
        edit: Edit::new(seen.to_vec(), new),
    }
}
