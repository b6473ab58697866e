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
/// One press of the minute keys.
pub const ADJUST_MINUTE_MS: i64 = 60_000;

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
    /// A break of the schedule (nobody on stage).
    Break,
}

impl Phase {
    /// The phase after this one for the same team (`None`: the next team).
    pub fn next(self) -> Option<Phase> {
        match self {
            Phase::Waiting => Some(Phase::Pitch),
            Phase::Pitch => Some(Phase::Questions),
            Phase::Questions => Some(Phase::Scoring),
            Phase::Scoring | Phase::Break => None,
        }
    }

    /// Whether the audience's display shows this phase's urgency (warning
    /// and alarm colours, the overtime flash): the speaker's phases only.
    /// The jury's scoring and a break count down there calmly.
    pub fn alarms_audience(self) -> bool {
        matches!(self, Phase::Pitch | Phase::Questions)
    }

    /// Planned length of the phase in milliseconds (Waiting shows the pitch
    /// that is about to start; a break's length is its slot's, see
    /// [`Stage::base_ms`]).
    pub fn planned_ms(self, settings: &Settings) -> i64 {
        let secs = match self {
            Phase::Waiting | Phase::Pitch => settings.pitch_secs,
            Phase::Questions => settings.qa_secs,
            Phase::Scoring => settings.changeover_secs,
            Phase::Break => 0,
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

/// The break of the schedule running on stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakRun {
    /// The break's slot id in the schedule.
    pub id: String,
    /// Its planned length when it started.
    pub minutes: u32,
}

/// A break taken, for the schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakRecord {
    pub id: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub used_ms: i64,
    pub planned_ms: i64,
}

/// What comes on stage after what is there now: a team to call, or a
/// break of the schedule to start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Upcoming {
    Team(TeamId),
    Break(BreakRun),
}

impl Upcoming {
    pub fn team(&self) -> Option<&TeamId> {
        match self {
            Upcoming::Team(t) => Some(t),
            Upcoming::Break(_) => None,
        }
    }
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
    /// The break running (phase `Break`, nobody on stage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_break: Option<BreakRun>,
    /// The breaks taken, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<BreakRecord>,
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

    /// Whether something runs on stage: a team called or on, or a break.
    pub fn is_empty(&self) -> bool {
        self.team.is_none() && self.phase != Phase::Break
    }

    /// Whether the day has begun: a phase or a break has run.
    pub fn has_begun(&self) -> bool {
        !self.log.is_empty() || !self.breaks.is_empty() || self.phase_started.is_some()
    }

    /// The phase's planned length before adjustments: the settings', or
    /// the break's own.
    pub fn base_ms(&self, settings: &Settings) -> i64 {
        match (&self.on_break, self.phase) {
            (Some(b), Phase::Break) => i64::from(b.minutes) * 60_000,
            _ => self.phase.planned_ms(settings),
        }
    }

    /// The phase's planned length including adjustments.
    pub fn planned_ms(&self, settings: &Settings) -> i64 {
        (self.base_ms(settings) + self.clock.extra_ms).max(0)
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

    /// When the phase is planned to end if the clock keeps running from
    /// `now` (a break's "resuming at").
    pub fn ends_at(&self, settings: &Settings, now: DateTime<Utc>) -> DateTime<Utc> {
        now + self.remaining(settings, now)
    }

    /// Colour level, from what is shown (so it changes on a second boundary),
    /// with the session's warning and alarm thresholds.
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

    /// The level the audience's display shows: the jury's scoring and a
    /// break never warn nor alarm there.
    pub fn audience_level(&self, settings: &Settings, now: DateTime<Utc>) -> Level {
        if self.phase.alarms_audience() {
            self.level(settings, now)
        } else {
            Level::Calm
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

    /// The flash on the audience's display: never for the jury's scoring
    /// nor a break.
    pub fn audience_flash_on(&self, settings: &Settings, now: DateTime<Utc>) -> bool {
        !self.phase.alarms_audience() || self.flash_on(settings, now)
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

    /// `Space`: with nobody on stage, start what comes (the pitch of the
    /// next team, or a break); start the called team's pitch; pause or
    /// resume. `None` when there is nothing to start.
    pub fn toggled(&self, upcoming: Option<&Upcoming>, now: DateTime<Utc>) -> Option<Stage> {
        if self.is_empty() {
            return Some(match upcoming? {
                Upcoming::Team(team) => self.begin(Some(team.clone()), Phase::Pitch, now),
                Upcoming::Break(run) => self.begin_break(run.clone(), now),
            });
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

    /// `n`: pitch → questions → scoring → (a break of the schedule) → the
    /// next team (called, waiting to pitch); the finished phase is logged.
    /// With nobody on stage, calls the next team or starts the break that
    /// comes first. `None` when nothing follows.
    pub fn advanced(
        &self,
        settings: &Settings,
        upcoming: Option<&Upcoming>,
        now: DateTime<Utc>,
    ) -> Option<Stage> {
        let mut stage = self.clone();
        if let (Phase::Break, Some(run)) = (self.phase, &self.on_break) {
            stage.breaks.push(BreakRecord {
                id: run.id.clone(),
                start: self.phase_started.unwrap_or(now),
                end: now,
                used_ms: self.clock.spent_at(now),
                planned_ms: self.planned_ms(settings),
            });
            return Some(stage.then(upcoming, now));
        }
        let Some(team) = &self.team else {
            return match upcoming? {
                Upcoming::Team(team) => Some(self.call(Some(team.clone()))),
                Upcoming::Break(run) => Some(self.begin_break(run.clone(), now)),
            };
        };
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
            None => stage.then(upcoming, now),
        })
    }

    /// What follows the end of a team or a break: the break that comes,
    /// the next team called, or nobody.
    fn then(&self, upcoming: Option<&Upcoming>, now: DateTime<Utc>) -> Stage {
        match upcoming {
            Some(Upcoming::Break(run)) => self.begin_break(run.clone(), now),
            Some(Upcoming::Team(team)) => self.call(Some(team.clone())),
            None => self.call(None),
        }
    }

    /// `+` / `-` (and a minute at a time): add or remove time from the
    /// phase (never below zero).
    pub fn adjusted(&self, settings: &Settings, delta_ms: i64) -> Option<Stage> {
        if self.is_empty() {
            return None;
        }
        let base = self.base_ms(settings);
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
        if self.is_empty() || self.phase == Phase::Waiting {
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
            on_break: None,
            ..self.clone()
        }
    }

    /// Start a break of the schedule now, running (nobody on stage).
    fn begin_break(&self, run: BreakRun, now: DateTime<Utc>) -> Stage {
        Stage {
            on_break: Some(run),
            ..self.begin(None, Phase::Break, now)
        }
    }

    /// Call `team` to the stage, waiting to pitch (nobody if `None`).
    pub fn call(&self, team: Option<TeamId>) -> Stage {
        Stage {
            team,
            phase: Phase::Waiting,
            phase_started: None,
            clock: Clock::default(),
            on_break: None,
            ..self.clone()
        }
    }

    /// Every phase record of one team, in order.
    pub fn records<'a>(&'a self, team: &'a str) -> impl Iterator<Item = &'a PhaseRecord> + 'a {
        self.log.iter().filter(move |r| r.team == team)
    }

    /// Whether the break of the schedule with this id was taken.
    pub fn took_break(&self, id: &str) -> bool {
        self.breaks.iter().any(|b| b.id == id)
    }
}

/// The session's warning and alarm thresholds for a pitch of this length:
/// a third and a sixth of a pitch shorter than three minutes (a 20-second
/// pitch is not red from the start), else 1:00 and 0:30.
pub fn default_thresholds(pitch_secs: u32) -> (u32, u32) {
    if pitch_secs < 180 {
        (pitch_secs / 3, pitch_secs / 6)
    } else {
        (60, 30)
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
