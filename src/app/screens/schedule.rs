//! The schedule screen: move a team, withdraw or restore one, insert,
//! resize or remove a break, call a chosen team to the stage now, set the
//! start time to now (and the timer's keys). Each change is one operation
//! carrying what this terminal saw.

use std::collections::HashMap;

use chrono::{DateTime, Timelike, Utc};
use crossterm::event::KeyCode;

use super::Reply;
use super::stage::{self, StageKey};
use crate::app::App;
use crate::app::keys::{Binding, CommonHelp, Key, Rank, bind};
use crate::app::notice::{LiveNotice, Notice};
use crate::domain::ranking::{self, Figure};
use crate::domain::schedule::next_team;
use crate::domain::setup::{Field, Target, Value, set_field};
use crate::domain::stage::Phase;
use crate::domain::{BatchLabel, Change, Edit, Session, Slot, TeamId, TeamStatus};

/// The schedule screen's state (not saved).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schedule {
    /// The selected row.
    pub row: usize,
    /// Each team's provisional score and rank, for the drawing to read.
    pub ranked: Ranked,
}

/// Each team's provisional score and rank under the official method, ranked
/// once per saved revision by `update` (never by the drawing, which runs
/// every second while a countdown runs); empty while the column is hidden.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranked {
    /// The session and revision ranked.
    at: Option<(String, u64)>,
    pub by_team: HashMap<TeamId, (Figure, usize)>,
}

/// Rank again when the session changed, or forget the ranking while the
/// column is hidden (projector mode, sealed results).
pub fn refresh(app: &mut App) {
    if app.projector || app.session.is_sealed() {
        app.schedule.ranked = Ranked::default();
        return;
    }
    let at = (app.session.id.clone(), app.session.revision);
    if app.schedule.ranked.at.as_ref() == Some(&at) {
        return;
    }
    let by_team = ranking::rank(&app.session, app.session.settings.method)
        .ranking
        .into_iter()
        .filter_map(|row| Some((row.team, (row.score?, row.rank))))
        .collect();
    app.schedule.ranked = Ranked {
        at: Some(at),
        by_team,
    };
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
    /// Call the selected team to the stage now.
    CallNow,
    /// The planned start is now.
    StartNow,
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

/// The words of the schedule's own keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleHelp {
    /// The footer's one item for the rows (`↑/↓ ligne`).
    Row,
    MoveUp,
    MoveDown,
    /// The footer's one item for `K` and `J`.
    MoveShort,
    ToggleWithdrawn,
    ToggleWithdrawnShort,
    InsertBreak,
    InsertBreakShort,
    LongerBreak,
    ShorterBreak,
    RemoveBreak,
    CallNow,
    CallNowShort,
    StartNow,
}

pub fn bindings(_app: &App) -> Vec<Binding<ScheduleKey>> {
    use ScheduleHelp as H;
    use ScheduleKey::*;
    // The timer's keys; here the schedule's own go before ±10 s.
    let mut all: Vec<Binding<ScheduleKey>> = stage::timer()
        .into_iter()
        .map(|b| match b.action {
            StageKey::AddTime | StageKey::RemoveTime => b.rank(Rank::Extra),
            _ => b,
        })
        .map(|b| b.map(Timer))
        .collect();
    all.extend([
        bind(Key::Code(KeyCode::Up), Up, CommonHelp::PreviousRow)
            .foot(H::Row)
            .rank(Rank::Navigate),
        bind(Key::Code(KeyCode::Down), Down, CommonHelp::NextRow)
            .foot(H::Row)
            .rank(Rank::Navigate),
        bind(Key::Char('K'), MoveUp, H::MoveUp)
            .or(Key::Shift(KeyCode::Up))
            .foot(H::MoveShort)
            .rank(Rank::Extra),
        bind(Key::Char('J'), MoveDown, H::MoveDown)
            .or(Key::Shift(KeyCode::Down))
            .foot(H::MoveShort)
            .rank(Rank::Extra),
        bind(Key::Char('w'), ToggleWithdrawn, H::ToggleWithdrawn).foot(H::ToggleWithdrawnShort),
        bind(Key::Char('b'), InsertBreak, H::InsertBreak).foot(H::InsertBreakShort),
        bind(Key::Char('>'), LongerBreak, H::LongerBreak),
        bind(Key::Char('<'), ShorterBreak, H::ShorterBreak),
        bind(Key::Code(KeyCode::Delete), RemoveBreak, H::RemoveBreak),
        bind(Key::Code(KeyCode::Enter), CallNow, H::CallNow).foot(H::CallNowShort),
        bind(Key::Char('s'), StartNow, H::StartNow),
    ]);
    all
}

/// Breaks change by five minutes; a new one lasts ten.
const BREAK_STEP: u32 = 5;
const NEW_BREAK: u32 = 10;

pub fn handle(app: &mut App, key: ScheduleKey, now: DateTime<Utc>) -> Reply {
    use ScheduleKey as A;
    let basis = app.basis();
    let rows = basis.schedule.len();
    let at = app.schedule.row.min(rows.saturating_sub(1));
    match key {
        A::Timer(k) => stage::handle(app, k, now),
        A::Up => {
            app.schedule.row = at.saturating_sub(1);
            Reply::none()
        }
        A::Down => {
            app.schedule.row = (at + 1).min(rows.saturating_sub(1));
            Reply::none()
        }
        A::MoveUp => move_team(app, &basis, at, at.checked_sub(1)),
        A::MoveDown => move_team(app, &basis, at, (at + 1 < rows).then_some(at + 1)),
        A::ToggleWithdrawn => toggle_withdrawn(&basis, at),
        A::InsertBreak => insert_break(app, &basis, at),
        A::LongerBreak | A::ShorterBreak | A::RemoveBreak => resize_break(&basis, at, key),
        A::CallNow => call_now(&basis, at, now),
        A::StartNow => start_now(app, &basis, now),
    }
}

/// `K` / `J`: swap the selected team with its neighbour `to`, both still
/// to come.
fn move_team(app: &mut App, basis: &Session, at: usize, to: Option<usize>) -> Reply {
    let Some(to) = to else {
        return Reply::none();
    };
    let mut schedule = basis.schedule.clone();
    if let Some(why) = gone(basis, &schedule[at]).or(gone(basis, &schedule[to])) {
        return Reply::say(why);
    }
    schedule.swap(at, to);
    app.schedule.row = to;
    Reply::send(set_schedule(&basis.schedule, schedule))
}

/// `w`: withdraw the selected team, or put it back (not the one on stage).
fn toggle_withdrawn(basis: &Session, at: usize) -> Reply {
    let Some(id) = basis.schedule.get(at).and_then(Slot::team) else {
        return Reply::say(Notice::SelectTeam);
    };
    if basis.stage.team.as_ref() == Some(id) {
        return Reply::say(Notice::OnStageNotWithdrawn(id.clone()));
    }
    let Some(t) = basis.team(id) else {
        return Reply::none();
    };
    let new = match t.status {
        TeamStatus::Scheduled => TeamStatus::Withdrawn,
        TeamStatus::Withdrawn => TeamStatus::Scheduled,
    };
    let notice = match new {
        TeamStatus::Withdrawn => Notice::Withdrawn(t.id.clone()),
        TeamStatus::Scheduled => Notice::Restored(t.id.clone()),
    };
    Reply {
        changes: vec![Change::SetTeamStatus {
            team: t.id.clone(),
            edit: Edit {
                seen: t.status,
                new,
            },
        }],
        notice: Some(notice),
        job: None,
    }
}

/// `b`: a new break after the selected row, only before a team still to
/// come.
fn insert_break(app: &mut App, basis: &Session, at: usize) -> Reply {
    let mut schedule = basis.schedule.clone();
    let id = (1..)
        .map(|n| format!("B{n}"))
        .find(|id| {
            !schedule
                .iter()
                .any(|s| matches!(s, Slot::Break { id: b, .. } if b == id))
        })
        .unwrap_or_default();
    let index = if schedule.is_empty() { 0 } else { at + 1 };
    let before = schedule[index..].iter().find_map(Slot::team);
    let coming = before.is_some_and(|t| gone(basis, &Slot::Team { team: t.clone() }).is_none());
    if !coming {
        return Reply::say(Notice::BreakBeforeComingOnly);
    }
    schedule.insert(
        index,
        Slot::Break {
            id,
            // Worded in the language read (`words::stage::break_label`).
            label: String::new(),
            minutes: NEW_BREAK,
        },
    );
    app.schedule.row = index;
    Reply::send(set_schedule(&basis.schedule, schedule))
}

/// `>`, `<`, `Delete` on a break: five minutes more or less (never under
/// five), or remove it.
fn resize_break(basis: &Session, at: usize, key: ScheduleKey) -> Reply {
    let mut schedule = basis.schedule.clone();
    let Some(Slot::Break { minutes, .. }) = schedule.get_mut(at) else {
        return Reply::say(Notice::SelectBreak);
    };
    match key {
        ScheduleKey::LongerBreak => *minutes += BREAK_STEP,
        ScheduleKey::ShorterBreak => *minutes = minutes.saturating_sub(BREAK_STEP).max(BREAK_STEP),
        _ => {
            schedule.remove(at);
        }
    }
    Reply::sending((schedule != basis.schedule).then(|| set_schedule(&basis.schedule, schedule)))
}

/// `Enter`: the selected team is called to the stage now, its pitch ready.
/// It takes the place of the team that was due, which goes last (a late
/// team). Refused while a team pitches or answers, and for a team that has
/// passed or is withdrawn.
fn call_now(basis: &Session, at: usize, now: DateTime<Utc>) -> Reply {
    let Some(team) = basis.schedule.get(at).and_then(Slot::team).cloned() else {
        return Reply::say(Notice::SelectTeam);
    };
    let stage = &basis.stage;
    let live = |n| Reply::say(Notice::Live(n));
    if stage.team.as_ref() == Some(&team) {
        return Reply::none();
    }
    if let (Some(on), Phase::Pitch | Phase::Questions) = (&stage.team, stage.phase) {
        return live(LiveNotice::FinishFirst(on.clone()));
    }
    if stage.records(&team).next().is_some() {
        return live(LiveNotice::AlreadyPassed(team));
    }
    if basis
        .team(&team)
        .is_none_or(|t| t.status == TeamStatus::Withdrawn)
    {
        return live(LiveNotice::WithdrawnNotCalled(team));
    }
    let (schedule, last) = called_first(&basis.schedule, &team, next_team(basis));
    let mut changes = Vec::new();
    if schedule != basis.schedule {
        changes.push(set_schedule(&basis.schedule, schedule));
    }
    // The scoring or break on stage ends now, logged as `n` would.
    let mut ended = stage.clone();
    if matches!(stage.phase, Phase::Scoring | Phase::Break)
        && let Some(next) = stage.advanced(&basis.settings, None, now)
    {
        ended = next;
    }
    let new = ended.call(Some(team.clone()));
    changes.push(stage::with_queue(&basis.queue, stage, new, now));
    let change = match changes.len() {
        1 => changes.remove(0),
        _ => Change::Batch {
            label: BatchLabel::Stage,
            changes,
        },
    };
    Reply {
        changes: vec![change],
        notice: Some(Notice::Live(LiveNotice::CalledNow { team, last })),
        job: None,
    }
}

/// The running order with `team` called now: it takes the place of `due`
/// (the team that was next), which goes to the end. Returns the order and
/// the team moved last, if any.
pub fn called_first(
    schedule: &[Slot],
    team: &TeamId,
    due: Option<TeamId>,
) -> (Vec<Slot>, Option<TeamId>) {
    let mut order = schedule.to_vec();
    let Some(due) = due.filter(|d| d != team) else {
        return (order, None);
    };
    let index = |order: &[Slot], id: &TeamId| order.iter().position(|s| s.team() == Some(id));
    let (Some(from), Some(to)) = (index(&order, team), index(&order, &due)) else {
        return (order, None);
    };
    let called = order.remove(from);
    let to = if from < to { to - 1 } else { to };
    order.insert(to, called);
    if let Some(late) = index(&order, &due) {
        let slot = order.remove(late);
        order.push(slot);
    }
    (order, Some(due))
}

/// `s`: the planned start is now (local time, to the second, so the day is
/// exactly on time), before the day has begun.
fn start_now(app: &App, basis: &Session, now: DateTime<Utc>) -> Reply {
    if basis.stage.has_begun() {
        return Reply::say(Notice::Live(LiveNotice::DayBegun));
    }
    let local = now.with_timezone(&app.offset).time();
    let time = local.with_nanosecond(0);
    let Some(time) = time else {
        return Reply::none();
    };
    let change = set_field(
        basis,
        &Target::Settings,
        Field::Start,
        Value::Time(Some(time)),
    );
    Reply {
        changes: change.into_iter().collect(),
        notice: Some(Notice::Live(LiveNotice::StartNow(time))),
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
