//! `update(&mut App, Action, now) -> Vec<Effect>`: every transition of the
//! live session, with the time passed in. A screen's handler says what it
//! wants done (a `Reply`); only this turns it into effects. The event loop
//! performs the effects (saving, the bell) and feeds their outcome back.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::screens::Reply;
use super::{Action, App, Effect, Mode, Notice, Overlay, Pending, SaveOutcome, Screen};
use crate::domain::{Change, Operation, Session};

pub fn update(app: &mut App, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    if !matches!(app.mode, Mode::Replaced(_)) || !is_from_user(&action) {
        return run(app, action, now);
    }
    // The file holds another session: nothing this terminal does is saved.
    // A key that would change something is refused before it does anything;
    // one that only looks around runs, unless it turns out to save (an
    // arrow committing a value typed before the replacement).
    if !only_looks(&action) {
        app.status = Some(Notice::ReplacedRefused);
        return Vec::new();
    }
    let before = app.clone();
    let effects = run(app, action, now);
    if effects.iter().any(|e| matches!(e, Effect::Save(_))) {
        *app = before;
        app.status = Some(Notice::ReplacedRefused);
        return Vec::new();
    }
    effects
}

/// Whether an action only looks around (moves, screens, help, quitting):
/// what still works once nothing can be saved.
pub fn only_looks(action: &Action) -> bool {
    match action {
        Action::NextScreen
        | Action::PrevScreen
        | Action::Show(_)
        | Action::Help
        | Action::Close
        | Action::Quit
        | Action::ConfirmQuit
        | Action::ToggleProjector => true,
        Action::Key(key) => key.only_looks(),
        Action::Undo
        | Action::Paste(_)
        | Action::Tick
        | Action::Searched { .. }
        | Action::History(_)
        | Action::Settled(_)
        | Action::Busy
        | Action::Reloaded(_)
        | Action::Followed(_)
        | Action::Replaced(_) => false,
    }
}

fn run(app: &mut App, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    if is_from_user(&action) {
        app.status = None;
    }
    let mut effects = Vec::new();
    let reply = match action {
        Action::NextScreen => {
            app.next_screen(1);
            Reply::none()
        }
        Action::PrevScreen => {
            app.next_screen(-1);
            Reply::none()
        }
        Action::Show(screen) => {
            app.show(screen);
            Reply::none()
        }
        Action::Help => {
            app.overlay = Some(Overlay::Help);
            Reply::none()
        }
        Action::Close => {
            app.overlay = None;
            Reply::none()
        }
        Action::Quit => {
            if app.quit_needs_confirmation() {
                app.overlay = Some(Overlay::ConfirmQuit);
            } else {
                app.leaving = true;
            }
            Reply::none()
        }
        Action::ConfirmQuit => {
            app.overlay = None;
            app.leaving = true;
            Reply::none()
        }
        Action::Undo => {
            let (reply, save) = super::undo::undo(app, now);
            effects.extend(save);
            reply
        }
        Action::ToggleProjector => {
            app.projector = !app.projector;
            Reply::say(if app.projector {
                Notice::ProjectorOn
            } else {
                Notice::ProjectorOff
            })
        }
        Action::Key(key) => key.handle(app, now),
        Action::Paste(text) => app.screen.paste(app, text, now),
        Action::Tick => Reply::none(),
        Action::Settled(outcome) => {
            if let SaveOutcome::SavedChanges(delta) = &outcome
                && !delta.apply_to(Arc::make_mut(&mut app.session))
            {
                effects.push(Effect::Resync);
            }
            Reply {
                notice: settled(app, outcome),
                ..Reply::default()
            }
        }
        Action::Busy => Reply::say(Notice::Busy),
        Action::Reloaded(session) => {
            reloaded(app, Fresh::Whole(session), &mut effects);
            Reply::none()
        }
        Action::Followed(delta) => {
            reloaded(app, Fresh::Changes(delta), &mut effects);
            Reply::none()
        }
        Action::Searched {
            session,
            revision,
            found,
        } => {
            super::screens::results::searched(app, &session, revision, found);
            Reply::none()
        }
        Action::Replaced(replacement) => {
            app.mode = Mode::Replaced(Some(replacement));
            Reply::none()
        }
        Action::History(read) => {
            super::screens::history::loaded(app, read);
            Reply::none()
        }
    };
    effects.extend(perform(app, reply, now));
    clamp_cursors(app);
    if matches!(
        app.grid.status,
        Some(super::screens::scores::grid::Status::Mismatch { .. })
    ) {
        let basis = app.basis();
        app.grid.follow(&basis);
    }
    if app.screen == Screen::Results {
        super::screens::results::refresh(app);
    }
    if app.screen == Screen::Schedule {
        super::screens::schedule::refresh(app);
    }
    if app.screen == Screen::Stage && app.mode != Mode::Display {
        super::screens::reveal::refresh(app);
    }
    if app.screen == Screen::Completeness {
        super::screens::scores::blind::refresh(app);
    }
    effects.extend(bell(app, now));
    effects
}

/// What the session file holds now (the other terminal's work): the whole
/// session, or the changes to apply to the one held.
enum Fresh {
    Whole(Box<crate::domain::Session>),
    Changes(super::action::Delta),
}

/// The session file changed: take what is newer (changes that do not fit
/// the session held ask for it whole), unless it is another session.
fn reloaded(app: &mut App, fresh: Fresh, effects: &mut Vec<Effect>) {
    let id = match &fresh {
        Fresh::Whole(s) => &s.id,
        Fresh::Changes(d) => &d.session,
    };
    let other = *id != app.session.id;
    match app.mode {
        Mode::Live if other => app.mode = Mode::Replaced(None),
        Mode::Replaced(_) => {}
        Mode::Live | Mode::Display => match fresh {
            Fresh::Whole(session) => {
                if other || session.revision > app.session.revision {
                    app.session = Arc::from(session);
                }
            }
            Fresh::Changes(delta) => {
                if !delta.apply_to(Arc::make_mut(&mut app.session)) {
                    effects.push(Effect::Resync);
                }
            }
        },
    }
}

/// What a handler wants done: its changes sent to be saved, its notice
/// shown, its job run off the key handler.
fn perform(app: &mut App, reply: Reply, now: DateTime<Utc>) -> Vec<Effect> {
    if let Some(notice) = reply.notice {
        app.status = Some(notice);
    }
    // The grid warns at the very key that makes a decision of the jury
    // stale (not while sealed: it would name teams tied at the cut-off).
    if app.screen == Screen::Scores && !app.session.is_sealed() {
        let voided = crate::domain::ranking::finality::voided_by(&app.session, &reply.changes);
        if !voided.is_empty() {
            app.status = Some(Notice::DecisionVoided(voided));
        }
    }
    let mut effects: Vec<Effect> = reply
        .changes
        .into_iter()
        .map(|change| send(app, change, now))
        .collect();
    effects.extend(reply.job.map(Effect::Run));
    if super::screens::history::wants_journal(app) {
        effects.push(Effect::ReadHistory);
    }
    effects
}

pub(super) fn is_from_user(action: &Action) -> bool {
    !matches!(
        action,
        Action::Tick
            | Action::Settled(_)
            | Action::Busy
            | Action::Reloaded(_)
            | Action::Followed(_)
            | Action::Replaced(_)
            | Action::Searched { .. }
            | Action::History(_)
    )
}

/// The oldest operation sent is settled: saved, refused or not saved. A
/// saved operation of this terminal becomes undoable. Screens that show
/// their own pending changes (the score grid) hear about it here.
fn settled(app: &mut App, mut outcome: SaveOutcome) -> Option<Notice> {
    let mut notice = None;
    app.save_failed = matches!(outcome, SaveOutcome::Failed(_));
    match &mut outcome {
        // Shared, not copied: the outcome is dropped once settled.
        SaveOutcome::Saved(session) => app.session = Arc::clone(session),
        // Applied to the session held by `update` already.
        SaveOutcome::SavedChanges(_) => {}
        SaveOutcome::Refused { refusal, fresh } => {
            // On the grid, a refused cell is said once, on the grid's line.
            let grid_says_it = app.screen == Screen::Scores
                && app.pending.front().is_some_and(|p| {
                    super::screens::scores::grid::Grid::says_refusal_of(&p.op.change)
                });
            if !grid_says_it {
                notice = Some(Notice::Refused(refusal.clone()));
            }
            if let Some(fresh) = fresh {
                app.session = Arc::new(Session::clone(fresh));
            }
        }
        SaveOutcome::Failed(why) => notice = Some(Notice::NotSaved(why.clone())),
        SaveOutcome::Replaced(replacement) => {
            app.mode = Mode::Replaced(Some(replacement.clone()));
            notice = Some(Notice::Replaced(replacement.clone()));
        }
    }
    let Some(done) = app.pending.pop_front() else {
        return notice;
    };
    super::screens::scores::on_outcome(app, &done.op.change, &outcome);
    let saved = matches!(
        outcome,
        SaveOutcome::Saved(_) | SaveOutcome::SavedChanges(_)
    );
    if saved && !done.is_undo && super::undo::by_key(&done.op.change) {
        app.undo.push(super::undo::Undoable {
            kind: done.kind,
            op: done.op,
        });
    }
    notice
}

/// Send a change to be saved, built on what this terminal sees.
fn send(app: &mut App, change: Change, now: DateTime<Utc>) -> Effect {
    let op = Operation::new(change, app.writer.clone(), now);
    app.pending.push_back(Pending {
        op: op.clone(),
        is_undo: false,
        kind: app.screen.undo_kind(),
    });
    Effect::Save(Box::new(op))
}

/// The terminal bell once per phase run, when time is up.
fn bell(app: &mut App, now: DateTime<Utc>) -> Option<Effect> {
    let s = &app.session;
    if app.mode == Mode::Display || !s.settings.bell || !s.stage.time_is_up(&s.settings, now) {
        return None;
    }
    let key = s.stage.phase_key();
    if app.bell_rung.as_ref() == Some(&key) {
        return None;
    }
    app.bell_rung = Some(key);
    Some(Effect::Bell)
}

/// Every screen's selection stays on something that exists.
fn clamp_cursors(app: &mut App) {
    super::screens::schedule::clamp(app);
    super::screens::questions::clamp(app);
    super::screens::results::clamp(app);
}
