//! `update(&mut App, Action, now) -> Vec<Effect>`: every transition of the
//! live session, with the time passed in. The event loop performs the
//! effects (saving, the bell, quitting) and feeds their outcome back.

use chrono::{DateTime, Utc};

use super::{
    Action, App, Effect, Overlay, Pending, questions_screen, results, schedule_screen,
    scores_screen, stage_screen,
};
use crate::domain::{Change, Operation, Refusal};

pub fn update(app: &mut App, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    if app.replaced.is_none() || !is_from_user(&action) {
        return run(app, action, now);
    }
    // The file holds another session: nothing this terminal does is saved.
    // A key that would change something is refused before it does anything;
    // one that only looks around runs, unless it turns out to save (an
    // arrow committing a value typed before the replacement).
    if !super::replaced::only_looks(&action) {
        super::replaced::refuse(app);
        return Vec::new();
    }
    let before = app.clone();
    let effects = run(app, action, now);
    if effects.iter().any(|e| matches!(e, Effect::Save(_))) {
        *app = before;
        super::replaced::refuse(app);
        return Vec::new();
    }
    effects
}

fn run(app: &mut App, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    let mut effects = Vec::new();
    if is_from_user(&action) {
        app.status = None;
    }
    match action {
        Action::NextScreen => app.next_screen(1),
        Action::PrevScreen => app.next_screen(-1),
        Action::Help => app.overlay = Some(Overlay::Help),
        Action::Close => app.overlay = None,
        Action::Quit => {
            if app.quit_needs_confirmation() {
                app.overlay = Some(Overlay::ConfirmQuit);
            } else {
                app.quit = true;
                effects.push(Effect::Quit);
            }
        }
        Action::ConfirmQuit => {
            app.overlay = None;
            app.quit = true;
            effects.push(Effect::Quit);
        }
        Action::Undo => effects.extend(undo(app, now)),
        Action::ToggleProjector => {
            app.projector = !app.projector;
            let lang = app.lang;
            app.say(if app.projector {
                lang.t(
                    "Mode projecteur : notes et résultats masqués (p pour les montrer).",
                    "Projector mode: scores and results hidden (p to show them).",
                )
            } else {
                lang.t("Mode projecteur désactivé.", "Projector mode off.")
            });
        }
        Action::StartPause
        | Action::NextPhase
        | Action::AddTime
        | Action::RemoveTime
        | Action::RestartPhase => effects.extend(stage_screen::handle(app, &action, now)),
        Action::Up | Action::Down => match app.screen {
            super::Screen::Schedule => effects.extend(schedule_screen::handle(app, &action, now)),
            super::Screen::Questions => effects.extend(questions_screen::handle(app, &action, now)),
            super::Screen::Completeness => scores_screen::handle_board(app, &action),
            super::Screen::Stage | super::Screen::Scores | super::Screen::Results => {}
        },
        Action::Grid(key) => effects.extend(scores_screen::handle_grid(app, key, now)),
        Action::OpenTeam => scores_screen::handle_board(app, &action),
        Action::Results(key) => effects.extend(results::handle(app, key, now)),
        Action::MoveUp
        | Action::MoveDown
        | Action::ToggleWithdrawn
        | Action::InsertBreak
        | Action::LongerBreak
        | Action::ShorterBreak
        | Action::RemoveBreak => effects.extend(schedule_screen::handle(app, &action, now)),
        Action::Ask(_) | Action::QuestionDone | Action::RemoveSpeaker => {
            effects.extend(questions_screen::handle(app, &action, now))
        }
        Action::Tick => {}
        Action::Saved(session) => {
            app.session = *session;
            settled(app, Settled::Saved);
        }
        Action::Refused { refusal, fresh } => {
            // On the grid, a refused cell is said once, on the grid's line.
            let grid_says_it = app.screen == super::Screen::Scores
                && app
                    .pending
                    .front()
                    .is_some_and(|p| super::grid::Grid::says_refusal_of(&p.op.change));
            if !grid_says_it {
                let text = refused_text(app, &refusal);
                app.warn(text);
            }
            if let Some(fresh) = fresh {
                app.session = *fresh;
            }
            settled(app, Settled::Refused(refusal));
        }
        Action::SaveFailed(message) => {
            let lang = app.lang;
            app.warn(format!(
                "{} {message}",
                lang.t("Non enregistré :", "Not saved:")
            ));
            settled(app, Settled::Failed);
        }
        Action::Busy => {
            let lang = app.lang;
            app.say(lang.t(
                "L'autre terminal enregistre ; nouvel essai en cours…",
                "The other terminal is saving; trying again…",
            ));
        }
        Action::Reloaded(session) => {
            let other = session.id != app.session.id;
            if other && !app.read_only {
                let lang = app.lang;
                app.replaced
                    .get_or_insert_with(|| super::replaced::headline(lang).to_string());
            } else if app.replaced.is_none() && (other || session.revision > app.session.revision) {
                app.session = *session;
            }
        }
        Action::Replaced(message) => app.replaced = Some(message),
    }
    // Once replaced, the banner says so for good and the grid no longer
    // claims its values are saved.
    app.grid.saving_off = app.replaced.is_some();
    clamp_cursors(app);
    effects.extend(bell(app, now));
    effects
}

pub(super) fn is_from_user(action: &Action) -> bool {
    !matches!(
        action,
        Action::Tick
            | Action::Saved(_)
            | Action::Refused { .. }
            | Action::SaveFailed(_)
            | Action::Busy
            | Action::Reloaded(_)
            | Action::Replaced(_)
    )
}

/// How a sent operation ended.
#[derive(Clone, Debug, PartialEq)]
enum Settled {
    Saved,
    Refused(Refusal),
    /// A file error: not saved.
    Failed,
}

/// The oldest operation sent is settled: saved (`Ok`), refused or not
/// saved. A saved operation of this terminal becomes undoable. Screens that
/// show their own pending changes (the score grid) hear about it here.
fn settled(app: &mut App, outcome: Settled) {
    let Some(done) = app.pending.pop_front() else {
        return;
    };
    let outcome_saved = outcome == Settled::Saved;
    let change = &done.op.change;
    match outcome {
        Settled::Saved => scores_screen::on_outcome(app, change, Ok(())),
        Settled::Refused(refusal) => scores_screen::on_outcome(app, change, Err(Some(refusal))),
        Settled::Failed => scores_screen::on_outcome(app, change, Err(None)),
    }
    if outcome_saved && !done.is_undo {
        app.undo.push(done.op);
    }
}

/// Send a change to be saved, built on what this terminal sees.
pub(crate) fn send(app: &mut App, change: Change, now: DateTime<Utc>) -> Effect {
    let op = Operation::new(change, app.writer.clone(), now);
    app.pending.push_back(Pending {
        op: op.clone(),
        is_undo: false,
    });
    Effect::Save(Box::new(op))
}

/// `u`: the inverse of this terminal's last saved operation.
fn undo(app: &mut App, now: DateTime<Utc>) -> Option<Effect> {
    let lang = app.lang;
    let Some(op) = app.undo.pop() else {
        app.say(lang.t("Rien à annuler.", "Nothing to undo."));
        return None;
    };
    let inverse = op.inverse(app.writer.clone(), now)?;
    app.pending.push_back(Pending {
        op: inverse.clone(),
        is_undo: true,
    });
    app.say(super::undo_text::undone(&op.change, lang));
    Some(Effect::Save(Box::new(inverse)))
}

fn refused_text(app: &App, refusal: &Refusal) -> String {
    let lang = app.lang;
    match refusal {
        Refusal::Stale { .. } => lang
            .t(
                "Déjà modifié par l'autre terminal : rien n'a été fait deux fois. Écran à jour.",
                "Already changed on the other terminal: nothing was done twice. Screen updated.",
            )
            .to_string(),
        other => format!("{} {}", lang.t("Refusé :", "Refused:"), other.message(lang)),
    }
}

/// The terminal bell once per phase run, when time is up.
fn bell(app: &mut App, now: DateTime<Utc>) -> Option<Effect> {
    let s = &app.session;
    if app.read_only || !s.settings.bell || !s.stage.time_is_up(&s.settings, now) {
        return None;
    }
    let key = s.stage.phase_key();
    if app.bell_rung.as_ref() == Some(&key) {
        return None;
    }
    app.bell_rung = Some(key);
    Some(Effect::Bell)
}

fn clamp_cursors(app: &mut App) {
    let rows = app.session.schedule.len();
    app.cursors.schedule = app.cursors.schedule.min(rows.saturating_sub(1));
    let queue = app.session.queue.len();
    app.cursors.queue = app.cursors.queue.min(queue.saturating_sub(1));
    results::clamp(app);
}
