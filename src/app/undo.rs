//! Undo by kind: each screen undoes only this terminal's last operation of
//! the kind it shows (the grid its values, marks, totals and verification;
//! the stage, schedule and questions their timer, schedule and question
//! changes; the results their decisions). A timer change is never undone
//! from the grid.

use chrono::{DateTime, Utc};

use super::screens::Reply;
use super::{App, Effect, Notice, Pending};
use crate::domain::{Change, Operation};

/// The kinds of change a screen undoes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UndoKind {
    /// Values, marks, handwritten totals, verification.
    Grid,
    /// Timer, schedule and question changes.
    Live,
    /// The jury's decisions.
    Decisions,
    /// The event, settings, teams and jurors.
    Setup,
}

/// Whether `u` may undo a change: not sealing nor unsealing, each asked
/// for with its own confirmation (undoing a seal would unseal unasked).
pub fn by_key(change: &Change) -> bool {
    !matches!(change, Change::Seal | Change::Unseal)
}

/// A saved operation of this terminal, with the kind of the screen that
/// made it.
#[derive(Clone, Debug, PartialEq)]
pub struct Undoable {
    pub kind: UndoKind,
    pub op: Operation,
}

/// Take this terminal's last saved operation of `kind`, leaving the others.
pub fn take_last(undo: &mut Vec<Undoable>, kind: UndoKind) -> Option<Operation> {
    let at = undo.iter().rposition(|u| u.kind == kind)?;
    Some(undo.remove(at).op)
}

/// `u`: the inverse of this terminal's last saved operation of the screen's
/// kind, sent to be saved (an undo is not itself undone by the next `u`).
pub(super) fn undo(app: &mut App, now: DateTime<Utc>) -> (Reply, Option<Effect>) {
    let kind = app.screen.undo_kind();
    let Some(op) = take_last(&mut app.undo, kind) else {
        return (Reply::say(Notice::NothingToUndo(kind)), None);
    };
    let Some(inverse) = op.inverse(app.writer.clone(), now) else {
        return (Reply::none(), None);
    };
    app.pending.push_back(Pending {
        op: inverse.clone(),
        is_undo: true,
        kind,
    });
    if kind == UndoKind::Grid {
        super::screens::scores::on_undo(app, &op.change);
    }
    let save = Effect::Save(Box::new(inverse));
    (Reply::say(Notice::Undone(Box::new(op.change))), Some(save))
}
