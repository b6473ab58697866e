//! The day's running order against the clock: planned and actual starts,
//! time used, overtime, the running delay, the projected end and what each
//! remaining slot must give up to finish on time.
//!
//! Pure: the caller passes `now` and the event's UTC offset (planned start
//! times are local times of the event).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Timelike, Utc};

use std::collections::HashMap;

use super::session::{Session, Slot, TeamId, TeamStatus};
use super::stage::{BreakRun, Phase, PhaseRecord, Stage, Upcoming};

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
    /// A break still to come.
    Break,
    /// The break running now.
    OnBreak,
    /// A break taken.
    BreakTaken,
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
    let ran = session.stage.records(team).next().is_some();
    takes_no_time_having(session, team, ran)
}

/// [`takes_no_time`], knowing whether the team has run (`ran`).
fn takes_no_time_having(session: &Session, team: &TeamId, ran: bool) -> bool {
    session
        .team(team)
        .is_some_and(|t| t.status == TeamStatus::Withdrawn)
        && !ran
        && session.stage.team.as_ref() != Some(team)
}

fn slot_ms(session: &Session, slot: &Slot) -> i64 {
    match slot {
        Slot::Team { team } if takes_no_time(session, team) => 0,
        Slot::Team { .. } => team_slot_ms(session),
        Slot::Break { minutes, .. } => i64::from(*minutes) * 60_000,
    }
}

/// The stage's records of each team, in the order they ran: gathered in
/// one pass for the plan, not searched through the whole log per slot.
struct Ran<'a>(HashMap<&'a str, Vec<&'a PhaseRecord>>);

impl<'a> Ran<'a> {
    fn of(stage: &'a Stage) -> Ran<'a> {
        let mut by_team: HashMap<&str, Vec<&PhaseRecord>> = HashMap::new();
        for record in &stage.log {
            by_team
                .entry(record.team.as_str())
                .or_default()
                .push(record);
        }
        Ran(by_team)
    }

    fn records(&self, team: &TeamId) -> &[&'a PhaseRecord] {
        self.0.get(team.as_str()).map_or(&[], Vec::as_slice)
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
    [
        stage.log.first().map(|r| r.start),
        stage.breaks.first().map(|b| b.start),
        stage.phase_started,
    ]
    .into_iter()
    .flatten()
    .min()
}

/// When the last phase or break that ran ended.
fn last_end(stage: &Stage) -> Option<DateTime<Utc>> {
    let team = stage.log.last().map(|r| r.end);
    let pause = stage.breaks.last().map(|b| b.end);
    team.max(pause)
}

/// Where the day stands in the running order: the slot on stage (the
/// team called or on, or the break running), else the slot of what ran
/// last; `None` before anything ran.
pub fn position(session: &Session) -> Option<usize> {
    let stage = &session.stage;
    let team_slot = |team: &TeamId| session.schedule.iter().position(|s| s.team() == Some(team));
    let break_slot = |id: &str| {
        session
            .schedule
            .iter()
            .position(|s| matches!(s, Slot::Break { id: b, .. } if b == id))
    };
    if let (Phase::Break, Some(run)) = (stage.phase, &stage.on_break) {
        return break_slot(&run.id);
    }
    if let Some(team) = &stage.team {
        return team_slot(team);
    }
    let team = stage.log.last().map(|r| (r.end, team_slot(&r.team)));
    let pause = stage.breaks.last().map(|b| (b.end, break_slot(&b.id)));
    team.max(pause).and_then(|(_, slot)| slot)
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
        Phase::Scoring | Phase::Break => left,
    }
}

/// The break that comes right after the team on stage (only teams that
/// take no time between), not taken yet and before a team still to come:
/// its label and when it should start (now plus what is left of the
/// team's slot).
pub fn coming_break(session: &Session, now: DateTime<Utc>) -> Option<(&str, DateTime<Utc>)> {
    let stage = &session.stage;
    if stage.team.is_none() || stage.phase == Phase::Break {
        return None;
    }
    let at = position(session)?;
    let mut later = session.schedule.iter().skip(at + 1);
    let label = loop {
        match later.next()? {
            Slot::Team { team } if takes_no_time(session, team) => {}
            Slot::Team { .. } => return None,
            Slot::Break { id, .. } if stage.breaks.iter().any(|b| b.id == *id) => return None,
            Slot::Break { label, .. } => break label.as_str(),
        }
    };
    let to_come = |slot: &Slot| match slot {
        Slot::Team { team } => {
            !takes_no_time(session, team) && stage.records(team).next().is_none()
        }
        Slot::Break { .. } => false,
    };
    later.any(to_come).then(|| {
        (
            label,
            now + TimeDelta::milliseconds(current_left_ms(session, now)),
        )
    })
}

/// A team's time on stage at `now`: when it began, the time used so far
/// (pitch and questions, pauses excluded; `None` before it starts) and the
/// overtime. The one overtime figure: the schedule's column and the stage
/// both show this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TeamTime {
    pub actual_start: Option<DateTime<Utc>>,
    pub used_ms: Option<i64>,
    /// Time used minus the planned lengths (adjustments included) of the
    /// phases run so far, when positive.
    pub overtime_ms: i64,
}

pub fn team_time(session: &Session, team: &TeamId, now: DateTime<Utc>) -> TeamTime {
    let records: Vec<&PhaseRecord> = session.stage.records(team).collect();
    team_time_of(session, team, &records, now)
}

/// [`team_time`] from the team's records (in the order they ran).
fn team_time_of(
    session: &Session,
    team: &TeamId,
    records: &[&PhaseRecord],
    now: DateTime<Utc>,
) -> TeamTime {
    let stage = &session.stage;
    let current = stage.team.as_ref() == Some(team);
    let mut actual_start = None;
    let mut used: Option<i64> = None;
    let mut planned = 0;
    // The team's time is its pitch and questions; the scoring phase is the
    // jury's (while the next team gets ready).
    for record in records {
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
    TeamTime {
        actual_start,
        used_ms: used,
        overtime_ms: used.map_or(0, |u| (u - planned).max(0)),
    }
}

fn team_row(
    session: &Session,
    (index, team): (usize, &TeamId),
    records: &[&PhaseRecord],
    (planned_start, planned_ms): (DateTime<Utc>, i64),
    now: DateTime<Utc>,
) -> Row {
    let stage = &session.stage;
    let current = stage.team.as_ref() == Some(team);
    let withdrawn = session
        .team(team)
        .is_some_and(|t| t.status == TeamStatus::Withdrawn);
    let time = team_time_of(session, team, records, now);
    let status = if current {
        match stage.phase {
            Phase::Waiting | Phase::Break => SlotStatus::Called,
            Phase::Pitch => SlotStatus::Pitching,
            Phase::Questions => SlotStatus::Questions,
            Phase::Scoring => SlotStatus::Scoring,
        }
    } else if withdrawn {
        SlotStatus::Withdrawn
    } else if time.used_ms.is_some() {
        SlotStatus::Done
    } else {
        SlotStatus::Waiting
    };
    Row {
        index,
        team: Some(team.clone()),
        status,
        planned_start,
        planned_ms,
        actual_start: time.actual_start,
        used_ms: time.used_ms,
        overtime_ms: time.overtime_ms,
    }
}

/// A break's row: to come, running or taken (with the time it used).
fn break_row(
    session: &Session,
    index: usize,
    id: &str,
    planned: (DateTime<Utc>, i64),
    now: DateTime<Utc>,
) -> Row {
    let stage = &session.stage;
    let (planned_start, planned_ms) = planned;
    let running =
        stage.phase == Phase::Break && stage.on_break.as_ref().is_some_and(|b| b.id == id);
    let (status, actual_start, used, over_plan) = if running {
        (
            SlotStatus::OnBreak,
            stage.phase_started,
            Some(stage.clock.spent_at(now)),
            stage.planned_ms(&session.settings),
        )
    } else if let Some(taken) = stage.breaks.iter().rev().find(|b| b.id == id) {
        (
            SlotStatus::BreakTaken,
            Some(taken.start),
            Some(taken.used_ms),
            taken.planned_ms,
        )
    } else {
        (SlotStatus::Break, None, None, planned_ms)
    };
    Row {
        index,
        team: None,
        status,
        planned_start,
        planned_ms,
        actual_start,
        used_ms: used,
        overtime_ms: used.map_or(0, |u| (u - over_plan).max(0)),
    }
}

/// The quarter hour at or after `now` (local time): where the demo's day
/// starts, so a newcomer first sees a day about to begin.
pub fn next_quarter_hour(now: NaiveDateTime) -> NaiveDateTime {
    let into = i64::from(now.time().num_seconds_from_midnight() % 900);
    let exact = into == 0 && now.time().nanosecond() == 0;
    let floor =
        now - TimeDelta::seconds(into) - TimeDelta::nanoseconds(i64::from(now.time().nanosecond()));
    if exact {
        now
    } else {
        floor + TimeDelta::minutes(15)
    }
}

/// The changes that make the day start at `start` (local): the event's
/// date and the planned start time (the demo, when installed or reset).
pub fn starting_at(session: &Session, start: NaiveDateTime) -> Option<super::Change> {
    use super::setup::{Field, Target, Value, set_field};
    let changes: Vec<super::Change> = [
        set_field(
            session,
            &Target::Event,
            Field::Date,
            Value::Date(Some(start.date())),
        ),
        set_field(
            session,
            &Target::Settings,
            Field::Start,
            Value::Time(Some(start.time())),
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!changes.is_empty()).then(|| super::Change::Batch {
        label: super::BatchLabel::Other("start".into()),
        changes,
    })
}

/// The running order against the clock at `now`.
pub fn plan(session: &Session, offset: FixedOffset, now: DateTime<Utc>) -> Plan {
    let first = planned_first_start(session, offset, now);
    let mut cursor = first;
    let mut rows = Vec::with_capacity(session.schedule.len());
    let ran = Ran::of(&session.stage);
    for (index, slot) in session.schedule.iter().enumerate() {
        let row = match slot {
            Slot::Team { team } => {
                let records = ran.records(team);
                let planned_ms = if takes_no_time_having(session, team, !records.is_empty()) {
                    0
                } else {
                    team_slot_ms(session)
                };
                team_row(session, (index, team), records, (cursor, planned_ms), now)
            }
            Slot::Break { id, .. } => {
                let planned_ms = slot_ms(session, slot);
                break_row(session, index, id, (cursor, planned_ms), now)
            }
        };
        let planned_ms = row.planned_ms;
        cursor += TimeDelta::milliseconds(planned_ms);
        rows.push(row);
    }
    let planned_end = cursor;

    let stage = &session.stage;
    let position = position(session);
    let current_index = position.filter(|_| !stage.is_empty());
    let waiting = |r: &Row| r.status == SlotStatus::Waiting;
    let mut remaining_teams = rows.iter().filter(|r| waiting(r)).count();
    let mut left_ms: i64 = rows
        .iter()
        .filter(|r| waiting(r))
        .map(|r| r.planned_ms)
        .sum();
    // Breaks still ahead: after where the day stands, not taken, and
    // before a team still to come (one after the last team never runs).
    let breaks_from = position.map_or(0, |p| p + 1);
    left_ms += rows
        .iter()
        .enumerate()
        .filter(|(i, r)| {
            *i >= breaks_from && r.status == SlotStatus::Break && rows[i + 1..].iter().any(waiting)
        })
        .map(|(_, r)| r.planned_ms)
        .sum::<i64>();
    let from = if let Some(i) = current_index {
        if rows[i].status == SlotStatus::Called {
            remaining_teams += 1;
        }
        left_ms += current_left_ms(session, now);
        now
    } else if stage.has_begun() {
        now
    } else {
        first.max(now)
    };
    let projected_end = if left_ms == 0 && current_index.is_none() && stage.has_begun() {
        last_end(stage).unwrap_or(now)
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

/// The team to call after what is on stage: the next scheduled team in
/// running order that has not been on stage yet (wrapping round to one
/// left behind earlier).
pub fn next_team(session: &Session) -> Option<TeamId> {
    let stage = &session.stage;
    let order: Vec<(usize, &TeamId)> = session
        .schedule
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.team().map(|t| (i, t)))
        .collect();
    let start = position(session).map_or(0, |p| {
        order
            .iter()
            .position(|(i, _)| *i > p)
            .unwrap_or(order.len())
    });
    let eligible = |(_, id): &&(usize, &TeamId)| {
        Some(*id) != stage.team.as_ref()
            && session
                .team(id)
                .is_some_and(|t| t.status == TeamStatus::Scheduled)
            && stage.records(id).next().is_none()
    };
    order[start..]
        .iter()
        .chain(order[..start].iter())
        .find(eligible)
        .map(|(_, id)| (*id).clone())
}

/// What comes on stage after what is there now: a break of the schedule
/// not yet taken that stands before the next team, else the next team.
/// A break runs only before a team still to come.
pub fn upcoming(session: &Session) -> Option<Upcoming> {
    let next = next_team(session)?;
    let from = position(session).map_or(0, |p| p + 1);
    let at = session
        .schedule
        .iter()
        .position(|s| s.team() == Some(&next))
        .unwrap_or(0);
    let pause = session.schedule.get(from..at).and_then(|between| {
        between.iter().find_map(|slot| match slot {
            Slot::Break { id, minutes, .. } if *minutes > 0 && !session.stage.took_break(id) => {
                Some(BreakRun {
                    id: id.clone(),
                    minutes: *minutes,
                })
            }
            _ => None,
        })
    });
    Some(pause.map_or(Upcoming::Team(next), Upcoming::Break))
}

/// The break of the schedule running on stage, with its label.
pub fn running_break(session: &Session) -> Option<(&BreakRun, &str)> {
    let run = session.stage.on_break.as_ref()?;
    if session.stage.phase != Phase::Break {
        return None;
    }
    let label = session.schedule.iter().find_map(|s| match s {
        Slot::Break { id, label, .. } if *id == run.id => Some(label.as_str()),
        _ => None,
    });
    Some((run, label.unwrap_or("")))
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
