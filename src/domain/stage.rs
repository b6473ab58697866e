//! The live stage: which team is on, which phase, and the phase clock.
//!
//! Times are wall-clock instants so a reopened session resumes where it
//! really is. Every function that needs the time takes `now`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::session::TeamId;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Before the first team, or between two teams.
    #[default]
    Waiting,
    Pitch,
    Questions,
    Scoring,
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
    /// Milliseconds spent at `now`.
    pub fn spent_at(&self, now: DateTime<Utc>) -> i64 {
        let running = self
            .running_since
            .map_or(0, |since| (now - since).num_milliseconds().max(0));
        self.spent_ms + running
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
