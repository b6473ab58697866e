//! Timer actions (stage, schedule and questions screens): each becomes one
//! `SetStage` carrying the stage this terminal saw, so a press the other
//! terminal already made is refused instead of done twice.

use chrono::{DateTime, Utc};

use super::update::send;
use super::{Action, App, Effect};
use crate::domain::schedule::next_team;
use crate::domain::stage::{ADJUST_MS, Clock, Phase, Stage};
use crate::domain::{BatchLabel, Change, Edit, Lang, TeamStatus, questions};

pub fn handle(app: &mut App, action: &Action, now: DateTime<Utc>) -> Vec<Effect> {
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
    if withdrawn && matches!(action, Action::StartPause | Action::NextPhase) {
        let new = Stage {
            team: next.clone(),
            phase: Phase::Waiting,
            phase_started: None,
            clock: Clock::default(),
            log: stage.log.clone(),
        };
        let lang = app.lang;
        let gone = stage.team.clone().unwrap_or_default();
        app.say(match (&next, lang) {
            (Some(n), Lang::Fr) => format!("{gone} est retirée : {n} est appelée à sa place."),
            (Some(n), Lang::En) => format!("{gone} is withdrawn: {n} is called instead."),
            (None, Lang::Fr) => format!("{gone} est retirée : plus d'équipe à appeler."),
            (None, Lang::En) => format!("{gone} is withdrawn: no team left to call."),
        });
        let change = with_queue(&basis.queue, stage, new, now);
        return vec![send(app, change, now)];
    }
    let new = match action {
        Action::StartPause => stage.toggled(next.as_ref(), now),
        Action::NextPhase => stage.advanced(settings, next.as_ref(), now),
        Action::AddTime => stage.adjusted(settings, ADJUST_MS),
        Action::RemoveTime => stage.adjusted(settings, -ADJUST_MS),
        Action::RestartPhase => stage.restarted(now),
        _ => None,
    };
    let Some(new) = new else {
        let lang = app.lang;
        app.say(if stage.team.is_none() && next.is_none() {
            lang.t("Aucune équipe à appeler.", "No team left to call.")
        } else {
            lang.t(
                "Rien à faire ici pour l'instant.",
                "Nothing to do here yet.",
            )
        });
        return Vec::new();
    };
    let change = with_queue(&basis.queue, stage, new, now);
    vec![send(app, change, now)]
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
        edit: Edit::new(Box::new(old.clone()), Box::new(new.clone())),
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
            edit: Edit::new(queue.to_vec(), Vec::new()),
        });
    } else if entering_questions && !queue.is_empty() {
        let given = questions::give_floor(queue.to_vec(), now);
        if given != queue {
            changes.push(Change::SetQueue {
                edit: Edit::new(queue.to_vec(), given),
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
