//! The live stage: which team is on, which phase, and the phase clock.
//!
//! Times are wall-clock instants so a reopened session resumes where it
//! really is. Every function that needs the time takes `now`; nothing here
//! counts ticks. Transitions return a new `Stage`, which the caller sends as
//! `Change::SetStage { seen, new }`.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::session::{Settings, TeamId};

const SECOND_NS: i64 = 1_000_000_000;
const HALF_SECOND_NS: i64 = SECOND_NS / 2;
/// One press of `+` or `-`.
pub const ADJUST_MS: i64 = 10_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Before the first team, or a team called but not yet pitching.
    #[default]
    Waiting,
    Pitch,
    Questions,
    /// The jury scores while the next team gets ready (the changeover).
    Scoring,
}

impl Phase {
    /// The phase after this one for the same team (`None`: the next team).
    pub fn next(self) -> Option<Phase> {
        match self {
            Phase::Waiting => Some(Phase::Pitch),
            Phase::Pitch => Some(Phase::Questions),
            Phase::Questions => Some(Phase::Scoring),
            Phase::Scoring => None,
        }
    }

    /// Planned length of the phase in milliseconds (Waiting shows the pitch
    /// that is about to start).
    pub fn planned_ms(self, settings: &Settings) -> i64 {
        let secs = match self {
            Phase::Waiting | Phase::Pitch => settings.pitch_secs,
            Phase::Questions => settings.qa_secs,
            Phase::Scoring => settings.changeover_secs,
        };
        i64::from(secs) * 1000
    }
}

/// A phase clock: time spent so far, and since when it runs (if running).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// When the clock was last started or resumed; `None` while paused.
    #[serde(default)]
    pub running_since: Option<DateTime<Utc>>,
    /// Milliseconds spent before `running_since`.
    #[serde(default)]
    pub spent_ms: i64,
    /// Milliseconds added to the phase's duration (±10 s adjustments).
    #[serde(default)]
    pub extra_ms: i64,
}

impl Clock {
    /// A clock started at `now`.
    pub fn started(now: DateTime<Utc>) -> Clock {
        Clock {
            running_since: Some(now),
            spent_ms: 0,
            extra_ms: 0,
        }
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Time spent at `now` (never negative, even if `now` is before the start).
    pub fn spent(&self, now: DateTime<Utc>) -> TimeDelta {
        let running = self.running_since.map_or(TimeDelta::zero(), |since| {
            (now - since).max(TimeDelta::zero())
        });
        TimeDelta::milliseconds(self.spent_ms) + running
    }

    /// Milliseconds spent at `now`.
    pub fn spent_at(&self, now: DateTime<Utc>) -> i64 {
        self.spent(now).num_milliseconds()
    }

    fn paused(&self, now: DateTime<Utc>) -> Clock {
        Clock {
            running_since: None,
            spent_ms: self.spent_at(now),
            extra_ms: self.extra_ms,
        }
    }

    fn resumed(&self, now: DateTime<Utc>) -> Clock {
        Clock {
            running_since: Some(now),
            ..self.clone()
        }
    }
}

/// What happened on stage, for the schedule and the minutes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseRecord {
    pub team: TeamId,
    pub phase: Phase,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Milliseconds the phase actually used (pauses excluded).
    pub used_ms: i64,
    /// The phase's planned duration including adjustments.
    pub planned_ms: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    /// The team on stage, if any.
    #[serde(default)]
    pub team: Option<TeamId>,
    #[serde(default)]
    pub phase: Phase,
    /// When the current phase first started (None until started).
    #[serde(default)]
    pub phase_started: Option<DateTime<Utc>>,
    #[serde(default)]
    pub clock: Clock,
    #[serde(default)]
    pub log: Vec<PhaseRecord>,
}

/// What the countdown shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Countdown {
    /// Whole seconds left, rounded up: `0:01` until time is really up.
    Left(i64),
    /// Whole seconds past the deadline: `0:00`, then `+0:01`, `+0:02`...
    Over(i64),
}

impl Countdown {
    /// `3:00`, `0:07`, `0:00`, `+0:12`, `1:02:03`.
    pub fn text(self) -> String {
        match self {
            Countdown::Left(s) => clock_text(s),
            Countdown::Over(0) => clock_text(0),
            Countdown::Over(s) => format!("+{}", clock_text(s)),
        }
    }
}

/// `m:ss` (or `h:mm:ss` from an hour up) for a number of seconds.
pub fn clock_text(secs: i64) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let s = secs.abs();
    if s >= 3600 {
        format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{sign}{}:{:02}", s / 60, s % 60)
    }
}

/// How urgent the countdown looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Calm,
    /// At or below the warning threshold.
    Warning,
    /// At or below the alarm threshold.
    Alarm,
    /// Past the deadline.
    Over,
}

impl Stage {
    /// Whether the phase clock is running.
    pub fn is_running(&self) -> bool {
        self.clock.is_running()
    }

    /// The phase's planned length including ±10 s adjustments.
    pub fn planned_ms(&self, settings: &Settings) -> i64 {
        (self.phase.planned_ms(settings) + self.clock.extra_ms).max(0)
    }

    /// Time left before the deadline (negative in overtime).
    pub fn remaining(&self, settings: &Settings, now: DateTime<Utc>) -> TimeDelta {
        TimeDelta::milliseconds(self.planned_ms(settings)) - self.clock.spent(now)
    }

    /// What the countdown shows at `now`: `deadline − now` rounded up, so
    /// `0:00` appears only once time is really up.
    pub fn countdown(&self, settings: &Settings, now: DateTime<Utc>) -> Countdown {
        let ns = nanos(self.remaining(settings, now));
        if ns > 0 {
            Countdown::Left((ns + SECOND_NS - 1) / SECOND_NS)
        } else {
            Countdown::Over(-ns / SECOND_NS)
        }
    }

    /// Colour level, from what is shown (so it changes on a second boundary).
    pub fn level(&self, settings: &Settings, now: DateTime<Utc>) -> Level {
        if self.phase == Phase::Waiting {
            return Level::Calm;
        }
        match self.countdown(settings, now) {
            Countdown::Over(_) => Level::Over,
            Countdown::Left(s) if s <= i64::from(settings.alarm_secs) => Level::Alarm,
            Countdown::Left(s) if s <= i64::from(settings.warning_secs) => Level::Warning,
            Countdown::Left(_) => Level::Calm,
        }
    }

    /// In overtime a running countdown flashes: shown during the first half
    /// of each second, dimmed during the second half.
    pub fn flash_on(&self, settings: &Settings, now: DateTime<Utc>) -> bool {
        let ns = nanos(self.remaining(settings, now));
        if ns > 0 || !self.is_running() || self.phase == Phase::Waiting {
            return true;
        }
        (-ns) % SECOND_NS < HALF_SECOND_NS
    }

    /// Whether time is up on a running phase (the bell rings once then).
    pub fn time_is_up(&self, settings: &Settings, now: DateTime<Utc>) -> bool {
        self.is_running()
            && self.phase != Phase::Waiting
            && nanos(self.remaining(settings, now)) <= 0
    }

    /// The next instant at which what the stage shows changes: exactly the
    /// next second boundary of the countdown, and in overtime also the next
    /// flash edge (twice a second). `None` while paused.
    pub fn next_visible_change(
        &self,
        settings: &Settings,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        if !self.is_running() {
            return None;
        }
        let ns = nanos(self.remaining(settings, now));
        let step = if ns > 0 {
            match ns % SECOND_NS {
                0 => SECOND_NS,
                r => r,
            }
        } else {
            HALF_SECOND_NS - (-ns) % HALF_SECOND_NS
        };
        Some(now + TimeDelta::nanoseconds(step))
    }

    /// Identifies one run of one phase (a restart makes a new one), so the
    /// bell rings once per phase.
    pub fn phase_key(&self) -> (Option<TeamId>, Phase, Option<DateTime<Utc>>) {
        (self.team.clone(), self.phase, self.phase_started)
    }

    /// `Space`: start the pitch of `next_team` when nobody is on stage, start
    /// the called team's pitch, pause or resume. `None` when there is nothing
    /// to start.
    pub fn toggled(&self, next_team: Option<&TeamId>, now: DateTime<Utc>) -> Option<Stage> {
        if self.team.is_none() {
            let team = next_team?.clone();
            return Some(self.begin(Some(team), Phase::Pitch, now));
        }
        if self.phase == Phase::Waiting {
            // Time added or removed while the team was called carries over.
            let mut stage = self.begin(self.team.clone(), Phase::Pitch, now);
            stage.clock.extra_ms = self.clock.extra_ms;
            return Some(stage);
        }
        let clock = if self.clock.is_running() {
            self.clock.paused(now)
        } else {
            self.clock.resumed(now)
        };
        Some(Stage {
            clock,
            ..self.clone()
        })
    }

    /// `n`: pitch → questions → scoring → the next team (called, waiting to
    /// pitch); the finished phase is logged. With nobody on stage, calls
    /// `next_team`. `None` when nothing follows.
    pub fn advanced(
        &self,
        settings: &Settings,
        next_team: Option<&TeamId>,
        now: DateTime<Utc>,
    ) -> Option<Stage> {
        let Some(team) = &self.team else {
            let team = next_team?.clone();
            return Some(self.call(Some(team)));
        };
        let mut stage = self.clone();
        if self.phase != Phase::Waiting {
            stage.log.push(PhaseRecord {
                team: team.clone(),
                phase: self.phase,
                start: self.phase_started.unwrap_or(now),
                end: now,
                used_ms: self.clock.spent_at(now),
                planned_ms: self.planned_ms(settings),
            });
        }
        Some(match self.phase.next() {
            Some(Phase::Pitch) => {
                // Time added or removed while the team was called carries over.
                let mut pitch = stage.begin(Some(team.clone()), Phase::Pitch, now);
                pitch.clock.extra_ms = self.clock.extra_ms;
                pitch
            }
            Some(phase) => stage.begin(Some(team.clone()), phase, now),
            None => stage.call(next_team.cloned()),
        })
    }

    /// `+` / `-`: add or remove time from the phase (never below zero).
    pub fn adjusted(&self, settings: &Settings, delta_ms: i64) -> Option<Stage> {
        self.team.as_ref()?;
        let base = self.phase.planned_ms(settings);
        let extra = (self.clock.extra_ms + delta_ms).max(-base);
        if extra == self.clock.extra_ms {
            return None;
        }
        let mut stage = self.clone();
        stage.clock.extra_ms = extra;
        Some(stage)
    }

    /// `r`: the phase starts again from its full time, running or not as it
    /// was; a new phase run (the bell may ring again).
    pub fn restarted(&self, now: DateTime<Utc>) -> Option<Stage> {
        if self.team.is_none() || self.phase == Phase::Waiting {
            return None;
        }
        let mut stage = self.clone();
        stage.phase_started = Some(now);
        stage.clock = Clock {
            running_since: self.clock.running_since.map(|_| now),
            spent_ms: 0,
            extra_ms: 0,
        };
        Some(stage)
    }

    /// Start `phase` of `team` now, running.
    fn begin(&self, team: Option<TeamId>, phase: Phase, now: DateTime<Utc>) -> Stage {
        Stage {
            team,
            phase,
            phase_started: Some(now),
            clock: Clock::started(now),
            log: self.log.clone(),
        }
    }

    /// Call `team` to the stage, waiting to pitch (nobody if `None`).
    fn call(&self, team: Option<TeamId>) -> Stage {
        Stage {
            team,
            phase: Phase::Waiting,
            phase_started: None,
            clock: Clock::default(),
            log: self.log.clone(),
        }
    }

    /// Every phase record of one team, in order.
    pub fn records<'a>(&'a self, team: &'a str) -> impl Iterator<Item = &'a PhaseRecord> + 'a {
        self.log.iter().filter(move |r| r.team == team)
    }
}

fn nanos(delta: TimeDelta) -> i64 {
    delta
        .num_nanoseconds()
        .unwrap_or(if delta < TimeDelta::zero() {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        })
}

#[cfg(test)]
#[path = "stage_tests.rs"]
mod tests;
