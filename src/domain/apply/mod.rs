//! Applying an operation to a session: check everything, then change.
//!
//! `apply` either changes the session exactly as the operation says or
//! refuses with a precise reason and leaves the session untouched. Each area
//! has its own file: `cells` (values, handwritten totals, marks,
//! verification), `second` (the blind second entry and its resolutions),
//! `schedule` (running order, stage clock, questions), `roster` (event,
//! settings, organisations, teams, jurors, criteria) and `decisions` (with
//! the results' seal).

mod cells;
mod decisions;
mod roster;
mod schedule;
mod second;

use super::operation::{Change, Edit};
use super::refusal::{Refusal, Subject};
use super::session::Session;
use super::validate;

/// Apply one change. On refusal the session is unchanged.
pub fn apply(session: &mut Session, change: &Change) -> Result<(), Refusal> {
    if change.is_structural() {
        // Structural changes are made on a copy and kept only when the whole
        // session is still consistent afterwards.
        let mut copy = session.clone();
        apply_unchecked(&mut copy, change)?;
        let problems = validate::introduced(session, validate::problems(&copy));
        if !problems.is_empty() {
            return Err(Refusal::Inconsistent(problems));
        }
        *session = copy;
        Ok(())
    } else if let Change::Batch { changes, .. } = change {
        if changes.iter().all(cells::undoable) {
            // Cells only: changed in place, put back if one is refused (the
            // cost of the batch, not of the session).
            return cells::apply_batch_in_place(session, changes);
        }
        let mut copy = session.clone();
        cells::apply_batch(&mut copy, changes)?;
        *session = copy;
        Ok(())
    } else {
        apply_unchecked(session, change)
    }
}

/// Hand each change to its area.
fn apply_unchecked(s: &mut Session, change: &Change) -> Result<(), Refusal> {
    use Change::*;
    let result = match change {
        Create { .. } => Err(Refusal::AlreadyCreated),
        SetCell {
            team,
            juror,
            criterion,
            edit,
        } => cells::check_pair(s, team, juror)
            .and_then(|()| cells::set_cell_of_pair(s, (team, juror, criterion), edit)),
        SetHandwritten { team, juror, edit } => cells::set_handwritten(s, team, juror, edit),
        SetSheet { team, juror, edit } => cells::set_sheet(s, team, juror, edit),
        SetVerified { team, edit } => cells::set_verified(s, team, edit),
        SetSecondCell {
            team,
            juror,
            criterion,
            edit,
        } => second::set_second_cell(s, (team, juror, criterion), edit),
        ResolveCell {
            team,
            juror,
            criterion,
            edit,
        } => second::resolve_cell(s, (team, juror, criterion), edit),
        SetEvent { edit } => roster::set_event(s, edit),
        SetSettings { edit } => roster::set_settings(s, edit),
        SetOrganisation { id, position, edit } => roster::set_organisation(s, id, *position, edit),
        SetTeam { id, position, edit } => roster::set_team(s, id, *position, edit),
        SetTeamStatus { team, edit } => roster::set_team_status(s, team, edit),
        SetJuror { id, position, edit } => roster::set_juror(s, id, *position, edit),
        SetCriterion { id, position, edit } => roster::set_criterion(s, id, *position, edit),
        SetSchedule { edit } => set(&mut s.schedule, edit, Subject::Schedule),
        SetStage { edit } => schedule::set_stage(s, edit),
        SetQueue { edit } => schedule::set_queue(s, edit),
        SetMessage { edit } => set(&mut s.message, edit, Subject::Message),
        SetReveal { edit } => schedule::set_reveal(s, edit),
        SetRevealed { edit } => schedule::set_revealed(s, edit),
        AddQuestion { question } => schedule::add_question(s, question),
        RemoveQuestion { question } => schedule::remove_question(s, question),
        AddDecision { decision } => decisions::add(s, decision),
        RemoveDecision { decision } => decisions::remove(s, decision),
        Seal => decisions::seal(s, true),
        Unseal => decisions::seal(s, false),
        Batch { changes, .. } => cells::apply_batch(s, changes),
    };
    if matches!(
        change,
        SetTeam { .. } | SetJuror { .. } | SetCriterion { .. }
    ) {
        // Kept or refused, the roster may have moved: looked up afresh.
        s.roster_changed();
    }
    result
}

/// Set a value whose author saw it as it is now; refused as stale otherwise.
fn set<T: PartialEq + Clone>(
    current: &mut T,
    edit: &Edit<T>,
    what: Subject,
) -> Result<(), Refusal> {
    if *current != edit.seen {
        return Err(stale(what));
    }
    *current = edit.new.clone();
    Ok(())
}

fn stale(what: Subject) -> Refusal {
    Refusal::Stale { what }
}
