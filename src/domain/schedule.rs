//! The day's running order against the clock: planned and actual starts,
//! time used, overtime, the running delay, the projected end and what each
//! remaining slot must give up to finish on time.
//!
//! Pure: the caller passes `now` and the event's UTC offset (planned start
//! times are local times of the event).

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, TimeZone, Utc};

use super::session::{Session, Slot, TeamId, TeamStatus};
use super::stage::{Phase, Stage};

/// Where a slot of the running order stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotStatus {
    Waiting,
    /// Called to the stage, not pitching yet.
    Called,
    Pitching,
    Questions,
    Scoring,
    Done,
    Withdrawn,
    Break,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Position in `session.schedule`.
    pub index: usize,
    pub team: Option<TeamId>,
    pub status: SlotStatus,
    pub planned_start: DateTime<Utc>,
    /// Planned length of the slot (zero for a withdrawn team).
    pub planned_ms: i64,
    pub actual_start: Option<DateTime<Utc>>,
    /// Time used on stage so far, pitch and questions (pauses excluded);
    /// `None` before it starts.
    pub used_ms: Option<i64>,
    /// Time used minus the planned lengths (adjustments included) of the
    /// phases run so far, when positive.
    pub overtime_ms: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub rows: Vec<Row>,
    pub planned_end: DateTime<Utc>,
    pub projected_end: DateTime<Utc>,
    /// Projected end minus planned end: positive when running late.
    pub delay_ms: i64,
    /// Teams still to pitch (the team called included).
    pub remaining_teams: usize,
    /// Seconds each of them must give up to finish on time (0 if on time).
    pub give_up_secs: i64,
    /// Whether giving up `give_up_secs` is possible at all: not when it is
    /// more than a whole slot (the end then slips by `delay_ms`).
    pub can_catch_up: bool,
}

/// Planned length of a team's slot: pitch, questions and changeover.
pub fn team_slot_ms(session: &Session) -> i64 {
    let s = &session.settings;
    i64::from(s.pitch_secs + s.qa_secs + s.changeover_secs) * 1000
}

/// Whether a team takes no time: withdrawn before it went on stage (one
/// withdrawn after its pitch keeps the slot it used, so withdrawing it does
/// not move the plan).
fn takes_no_time(session: &Session, team: &TeamId) -> bool {
    session
        .team(team)
        .is_some_and(|t| t.status == TeamStatus::Withdrawn)
        && session.stage.records(team).next().is_none()
        && session.stage.team.as_ref() != Some(team)
}

fn slot_ms(session: &Session, slot: &Slot) -> i64 {
    match slot {
        Slot::Team { team } if takes_no_time(session, team) => 0,
        Slot::Team { .. } => team_slot_ms(session),
        Slot::Break { minutes, .. } => i64::from(*minutes) * 60_000,
    }
}

/// When the first slot is planned to start: the event's start time on the
/// day the first team actually started (a rehearsal or a postponed forum
/// runs on another day than the event's date), else on the event's date,
/// else today; without a start time, when the first team actually started,
/// else `now`.
pub fn planned_first_start(
    session: &Session,
    offset: FixedOffset,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let actual = first_actual_start(&session.stage);
    let Some(time) = session.settings.start_time else {
        return actual.unwrap_or(now);
    };
    let local_day = |t: DateTime<Utc>| t.with_timezone(&offset).date_naive();
    let day: NaiveDate = actual
        .map(local_day)
        .or(session.event.date)
        .unwrap_or_else(|| local_day(now));
    offset
        .from_local_datetime(&day.and_time(time))
        .single()
        .map_or(now, |t| t.with_timezone(&Utc))
}

fn first_actual_start(stage: &Stage) -> Option<DateTime<Utc>> {
    stage.log.first().map(|r| r.start).or(stage.phase_started)
}

/// Time left in the slot of the team on stage, from `now`.
fn current_left_ms(session: &Session, now: DateTime<Utc>) -> i64 {
    let s = &session.settings;
    let stage = &session.stage;
    let left = stage.remaining(s, now).num_milliseconds().max(0);
    let qa = i64::from(s.qa_secs) * 1000;
    let changeover = i64::from(s.changeover_secs) * 1000;
    match stage.phase {
        Phase::Waiting => team_slot_ms(session),
        Phase::Pitch => left + qa + changeover,
        Phase::Questions => left + changeover,
        Phase::Scoring => left,
    }
}

fn team_row(
    session: &Session,
    index: usize,
    team: &TeamId,
    planned_start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Row {
    let stage = &session.stage;
    let current = stage.team.as_ref() == Some(team);
    let withdrawn = session
        .team(team)
        .is_some_and(|t| t.status == TeamStatus::Withdrawn);
    let mut actual_start = None;
    let mut used: Option<i64> = None;
    let mut planned = 0;
    // The team's time is its pitch and questions; the scoring phase is the
    // jury's (while the next team gets ready).
    for record in stage.records(team) {
        actual_start.get_or_insert(record.start);
        if record.phase == Phase::Scoring {
            continue;
        }
        *used.get_or_insert(0) += record.used_ms;
        planned += record.planned_ms;
    }
    if current && matches!(stage.phase, Phase::Pitch | Phase::Questions) {
        if actual_start.is_none() {
            actual_start = stage.phase_started;
        }
        // The running phase is planned up to what it has used so far: it
        // is over only once past its own (adjusted) length.
        let spent = stage.clock.spent_at(now);
        *used.get_or_insert(0) += spent;
        planned += spent.min(stage.planned_ms(&session.settings));
    }
    // Overtime is the time used beyond what was planned for the phases run
    // so far (adjustments included, pauses excluded): a short pitch makes up
    // for long questions, so "used" and "over" always tell one story.
    let overtime = used.map_or(0, |u| (u - planned).max(0));
    let status = if current {
        match stage.phase {
            Phase::Waiting => SlotStatus::Called,
            Phase::Pitch => SlotStatus::Pitching,
            Phase::Questions => SlotStatus::Questions,
            Phase::Scoring => SlotStatus::Scoring,
        }
    } else if withdrawn {
        SlotStatus::Withdrawn
    } else if used.is_some() {
        SlotStatus::Done
    } else {
        SlotStatus::Waiting
    };
    Row {
        index,
        team: Some(team.clone()),
        status,
        planned_start,
        planned_ms: if takes_no_time(session, team) {
            0
        } else {
            team_slot_ms(session)
        },
        actual_start,
        used_ms: used,
        overtime_ms: overtime,
    }
}

/// The running order against the clock at `now`.
pub fn plan(session: &Session, offset: FixedOffset, now: DateTime<Utc>) -> Plan {
    let first = planned_first_start(session, offset, now);
    let mut cursor = first;
    let mut rows = Vec::with_capacity(session.schedule.len());
    for (index, slot) in session.schedule.iter().enumerate() {
        let planned_ms = slot_ms(session, slot);
        let row = match slot {
            Slot::Team { team } => team_row(session, index, team, cursor, now),
            Slot::Break { .. } => Row {
                index,
                team: None,
                status: SlotStatus::Break,
                planned_start: cursor,
                planned_ms,
                actual_start: None,
                used_ms: None,
                overtime_ms: 0,
            },
        };
        cursor += TimeDelta::milliseconds(planned_ms);
        rows.push(row);
    }
    let planned_end = cursor;

    let stage = &session.stage;
    let current_index = rows
        .iter()
        .position(|r| r.team.is_some() && r.team == stage.team);
    let waiting = |r: &Row| r.status == SlotStatus::Waiting;
    let mut remaining_teams = rows.iter().filter(|r| waiting(r)).count();
    let mut left_ms: i64 = rows
        .iter()
        .filter(|r| waiting(r))
        .map(|r| r.planned_ms)
        .sum();
    // Breaks still ahead: after the team on stage, or all of them before the start.
    let breaks_from = match current_index {
        Some(i) => i + 1,
        None if stage.log.is_empty() => 0,
        None => rows.len(),
    };
    left_ms += rows[breaks_from.min(rows.len())..]
        .iter()
        .filter(|r| r.status == SlotStatus::Break)
        .map(|r| r.planned_ms)
        .sum::<i64>();
    let from = if let Some(i) = current_index {
        if rows[i].status == SlotStatus::Called {
            remaining_teams += 1;
        }
        left_ms += current_left_ms(session, now);
        now
    } else if stage.log.is_empty() {
        first.max(now)
    } else {
        now
    };
    let projected_end = if left_ms == 0 && current_index.is_none() && !stage.log.is_empty() {
        stage.log.last().map_or(now, |r| r.end)
    } else {
        from + TimeDelta::milliseconds(left_ms)
    };
    let delay_ms = (projected_end - planned_end).num_milliseconds();
    let give_up_secs = if delay_ms > 0 && remaining_teams > 0 {
        let n = remaining_teams as i64;
        (delay_ms + n * 1000 - 1) / (n * 1000)
    } else {
        0
    };
    let can_catch_up =
        give_up_secs * 1000 <= team_slot_ms(session) && (delay_ms <= 0 || remaining_teams > 0);
    Plan {
        rows,
        planned_end,
        projected_end,
        delay_ms,
        remaining_teams,
        give_up_secs,
        can_catch_up,
    }
}

/// The team to call after the one on stage: the next scheduled team in
/// running order that has not been on stage yet (wrapping round to one
/// left behind earlier).
pub fn next_team(session: &Session) -> Option<TeamId> {
    let stage = &session.stage;
    let order: Vec<&TeamId> = session.schedule.iter().filter_map(Slot::team).collect();
    let start = stage
        .team
        .as_ref()
        .and_then(|t| order.iter().position(|o| *o == t))
        .map_or(0, |i| i + 1);
    let eligible = |id: &&&TeamId| {
        Some(**id) != stage.team.as_ref()
            && session
                .team(id)
                .is_some_and(|t| t.status == TeamStatus::Scheduled)
            && stage.records(id).next().is_none()
    };
    order[start.min(order.len())..]
        .iter()
        .chain(order[..start.min(order.len())].iter())
        .find(eligible)
        .map(|id| (*id).clone())
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
