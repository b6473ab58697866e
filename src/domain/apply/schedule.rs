//! Schedule and timer: the stage (team on, phase, clock), the jurors
//! waiting to ask a question, the questions asked and the laureates'
//! reveal. The running order itself is a plain edit (`super::set`).

use super::super::operation::Edit;
use super::super::refusal::{Refusal, Subject};
use super::super::reveal::Reveal;
use super::super::session::{JurorId, Question, Session, Speaker, TeamId};
use super::super::stage::Stage;
use super::stale;

pub(super) fn set_stage(s: &mut Session, edit: &Edit<Box<Stage>>) -> Result<(), Refusal> {
    if s.stage != *edit.seen {
        return Err(stale(Subject::Stage));
    }
    if let Some(team) = &edit.new.team
        && s.team(team).is_none()
    {
        return Err(Refusal::UnknownTeam(team.clone()));
    }
    s.stage = (*edit.new).clone();
    Ok(())
}

pub(super) fn set_queue(s: &mut Session, edit: &Edit<Vec<Speaker>>) -> Result<(), Refusal> {
    if s.queue != edit.seen {
        return Err(stale(Subject::Queue));
    }
    for speaker in &edit.new {
        check_asker(s, &speaker.juror, &speaker.team)?;
    }
    s.queue = edit.new.clone();
    Ok(())
}

pub(super) fn add_question(s: &mut Session, question: &Question) -> Result<(), Refusal> {
    check_asker(s, &question.juror, &question.team)?;
    s.questions.push(question.clone());
    Ok(())
}

pub(super) fn remove_question(s: &mut Session, question: &Question) -> Result<(), Refusal> {
    let index = s
        .questions
        .iter()
        .rposition(|q| q == question)
        .ok_or(Refusal::NoSuchQuestion)?;
    s.questions.remove(index);
    Ok(())
}

/// The juror asking and the team asked both exist.
fn check_asker(s: &Session, juror: &JurorId, team: &TeamId) -> Result<(), Refusal> {
    if s.juror(juror).is_none() {
        return Err(Refusal::UnknownJuror(juror.clone()));
    }
    if s.team(team).is_none() {
        return Err(Refusal::UnknownTeam(team.clone()));
    }
    Ok(())
}

/// Begin or end the reveal: its teams exist, its step is one of its own;
/// it begins only while the results are not sealed.
pub(super) fn set_reveal(s: &mut Session, edit: &Edit<Option<Reveal>>) -> Result<(), Refusal> {
    if s.reveal != edit.seen {
        return Err(stale(Subject::Reveal));
    }
    if let Some(reveal) = &edit.new {
        if s.is_sealed() {
            return Err(Refusal::RevealWhileSealed);
        }
        if let Some(team) = reveal
            .places
            .iter()
            .flat_map(|p| &p.teams)
            .find(|t| s.team(t).is_none())
        {
            return Err(Refusal::UnknownTeam(team.clone()));
        }
        check_step(reveal, reveal.shown)?;
    }
    s.reveal = edit.new.clone();
    Ok(())
}

/// A step of the reveal under way.
pub(super) fn set_revealed(s: &mut Session, edit: &Edit<usize>) -> Result<(), Refusal> {
    if s.is_sealed() {
        return Err(Refusal::RevealWhileSealed);
    }
    let Some(reveal) = s.reveal.as_mut().filter(|r| r.shown == edit.seen) else {
        return Err(stale(Subject::Reveal));
    };
    check_step(reveal, edit.new)?;
    reveal.shown = edit.new;
    Ok(())
}

fn check_step(reveal: &Reveal, step: usize) -> Result<(), Refusal> {
    if step > reveal.last_step() {
        return Err(Refusal::NoSuchRevealStep {
            step,
            last: reveal.last_step(),
        });
    }
    Ok(())
}
