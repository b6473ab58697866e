//! The stage screen: the big countdown. Its keys are the timer's, which
//! the schedule and questions screens also take (their key enums wrap
//! [`StageKey`]). Each press becomes one `SetStage` carrying the stage this
//! terminal saw, so a press the other terminal already made is refused
//! instead of done twice.

use chrono::{DateTime, Utc};

use super::Reply;
use crate::app::App;
use crate::app::keys::{Binding, Key, bind};
use crate::app::notice::Notice;
use crate::domain::schedule::next_team;
use crate::domain::stage::{ADJUST_MS, Clock, Phase, Stage};
use crate::domain::{BatchLabel, Change, Edit, TeamStatus, questions};

/// A key of the timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageKey {
    /// Start, pause or resume.
    StartPause,
    /// Pitch → questions → scoring → next team.
    NextPhase,
    AddTime,
    RemoveTime,
    RestartPhase,
    /// `y` to the question before leaving the questions with jurors still
    /// waiting: `n`, dropping them (bound in that overlay only).
    NextDroppingQueue,
}

/// A second `n` within this long of the one that moved the stage is a
/// stray press, ignored.
pub const NEXT_GUARD_MS: i64 = 1000;

impl From<StageKey> for crate::app::Action {
    fn from(key: StageKey) -> crate::app::Action {
        crate::app::Action::Key(super::ScreenKey::Stage(key))
    }
}

/// The stage screen's keys: the timer's.
pub fn bindings(_app: &App) -> Vec<Binding<StageKey>> {
    timer()
}

/// The timer's keys (also part of the schedule's and the questions').
pub fn timer() -> Vec<Binding<StageKey>> {
    use StageKey::*;
    vec![
        bind(
            Key::Char(' '),
            StartPause,
            "départ / pause / reprise",
            "start / pause / resume",
        )
        .foot("départ/pause", "start/pause"),
        bind(Key::Char('n'), NextPhase, "phase suivante", "next phase")
            .foot("phase suivante", "next phase"),
        bind(Key::Char('+'), AddTime, "+10 s", "+10 s").foot("+10 s", "+10 s"),
        bind(Key::Char('-'), RemoveTime, "−10 s", "−10 s").foot("−10 s", "−10 s"),
        bind(
            Key::Char('r'),
            RestartPhase,
            "relancer la phase",
            "restart the phase",
        ),
    ]
}

pub fn handle(app: &mut App, key: StageKey, now: DateTime<Utc>) -> Reply {
    let basis = app.basis().into_owned();
    let stage = &basis.stage;
    let settings = &basis.settings;
    let next = next_team(&basis);
    // A called team withdrawn meanwhile (by the other terminal) never
    // pitches: Space or n calls the next team instead.
    let withdrawn = stage.phase == Phase::Waiting
        && stage
            .team
            .as_ref()
            .and_then(|t| basis.team(t))
            .is_some_and(|t| t.status == TeamStatus::Withdrawn);
    if withdrawn && matches!(key, StageKey::StartPause | StageKey::NextPhase) {
        let new = Stage {
            team: next.clone(),
            phase: Phase::Waiting,
            phase_started: None,
            clock: Clock::default(),
            log: stage.log.clone(),
        };
        let gone = stage.team.clone().unwrap_or_default();
        return Reply {
            changes: vec![with_queue(&basis.queue, stage, new, now)],
            notice: Some(Notice::WithdrawnCalled { gone, next }),
            job: None,
        };
    }
    if key == StageKey::NextPhase {
        if app
            .last_next
            .is_some_and(|at| (now - at).num_milliseconds() < NEXT_GUARD_MS)
        {
            return Reply::say(Notice::NextIgnored);
        }
        if stage.phase == Phase::Questions && waiting(&basis.queue) > 0 {
            app.last_next = Some(now);
            app.overlay = Some(crate::app::Overlay::ConfirmDropQueue);
            return Reply::none();
        }
    }
    if key == StageKey::NextDroppingQueue {
        app.overlay = None;
    }
    let new = match key {
        StageKey::StartPause => stage.toggled(next.as_ref(), now),
        StageKey::NextPhase | StageKey::NextDroppingQueue => {
            stage.advanced(settings, next.as_ref(), now)
        }
        StageKey::AddTime => stage.adjusted(settings, ADJUST_MS),
        StageKey::RemoveTime => stage.adjusted(settings, -ADJUST_MS),
        StageKey::RestartPhase => stage.restarted(now),
    };
    let Some(new) = new else {
        return Reply::say(if stage.team.is_none() && next.is_none() {
            Notice::NoTeamToCall
        } else {
            Notice::NothingToDoYet
        });
    };
    let notice = said(key, stage, &basis, now);
    if matches!(key, StageKey::NextPhase | StageKey::NextDroppingQueue) {
        app.last_next = Some(now);
    }
    Reply {
        changes: vec![with_queue(&basis.queue, stage, new, now)],
        notice,
        job: None,
    }
}

/// Jurors in the queue still waiting for the floor (the speaker aside).
fn waiting(queue: &[crate::domain::Speaker]) -> usize {
    queue.iter().filter(|s| s.since.is_none()).count()
}

/// What a timer key says it did, when more than the screen shows: a phase
/// left before its time, a phase restarted, jurors dropped from the queue.
fn said(
    key: StageKey,
    stage: &Stage,
    basis: &crate::domain::Session,
    now: DateTime<Utc>,
) -> Option<Notice> {
    let team = stage.team.clone()?;
    let phase = stage.phase;
    match key {
        StageKey::NextDroppingQueue => Some(Notice::QueueDropped(waiting(&basis.queue))),
        StageKey::NextPhase if phase != Phase::Waiting => {
            let left = stage.remaining(&basis.settings, now).num_seconds();
            (left > 0).then_some(Notice::EndedEarly {
                team,
                phase,
                left_secs: left,
            })
        }
        StageKey::RestartPhase => Some(Notice::Restarted {
            team,
            phase,
            secs: phase.planned_ms(&basis.settings) / 1000,
        }),
        _ => None,
    }
}

/// The stage change, with what it does to the question queue: the head
/// speaks when the questions start; when they end, the speaker's question
/// is logged and the queue emptied.
fn with_queue(
    queue: &[crate::domain::Speaker],
    old: &Stage,
    new: Stage,
    now: DateTime<Utc>,
) -> Change {
    let set_stage = Change::SetStage {
        edit: Edit {
            seen: Box::new(old.clone()),
            new: Box::new(new.clone()),
        },
    };
    let leaving_questions = old.phase == Phase::Questions && new.phase != Phase::Questions;
    let entering_questions = old.phase != Phase::Questions && new.phase == Phase::Questions;
    let team_changed = old.team != new.team;
    let mut changes = vec![set_stage];
    if (leaving_questions || team_changed) && !queue.is_empty() {
        if let Some(question) = questions::close(queue, now) {
            changes.push(Change::AddQuestion { question });
        }
        changes.push(Change::SetQueue {
            edit: Edit {
                seen: queue.to_vec(),
                new: Vec::new(),
            },
        });
    } else if entering_questions && !queue.is_empty() {
        let given = questions::give_floor(queue.to_vec(), now);
        if given != queue {
            changes.push(Change::SetQueue {
                edit: Edit {
                    seen: queue.to_vec(),
                    new: given,
                },
            });
        }
    }
    if changes.len() == 1 {
        changes.pop().unwrap_or(Change::Batch {
            label: BatchLabel::Stage,
            changes: Vec::new(),
        })
    } else {
        Change::Batch {
            label: BatchLabel::Stage,
            changes,
        }
    }
}
