//! What `u` says it undid: "Annulé : T02 J03 utilite 12 → vide",
//! "Annulé : pause du chrono".

use super::number::count;
use crate::domain::reveal::Reveal;
use crate::domain::stage::{Phase, Stage};
use crate::domain::{Change, CriterionId, Dec, Edit, Lang, Mark, Session, TeamStatus};

/// A criterion by its label when the session knows it, else by its id.
fn criterion_name(criterion: &CriterionId, session: Option<&Session>) -> String {
    let label = session
        .and_then(|s| s.criterion(criterion))
        .map(|c| c.label.as_str());
    super::for_terminal(label.unwrap_or(criterion.as_str())).into_owned()
}

fn value(v: Option<Dec>, lang: Lang) -> String {
    match v {
        Some(v) => super::number::dec(v, lang),
        None => lang.t("vide", "empty").to_string(),
    }
}

pub(super) fn phase_name(phase: Phase, lang: Lang) -> &'static str {
    match phase {
        Phase::Waiting => lang.t("attente", "waiting"),
        Phase::Pitch => lang.t("pitch", "pitch"),
        Phase::Questions => lang.t("questions", "questions"),
        Phase::Scoring => lang.t("notation", "scoring"),
        Phase::Break => lang.t("pause", "break"),
    }
}

/// What a change of the message to the speaker did, in words.
pub(super) fn message_step(shown: bool, lang: Lang) -> &'static str {
    match shown {
        true => lang.t("message à l'orateur", "message to the speaker"),
        false => lang.t("effacement du message", "clearing of the message"),
    }
}

/// What a change of the laureates' reveal did, in words (a step by the
/// place it showed, when `reveal` is the one under way).
pub(super) fn reveal_step(change: &Change, reveal: Option<&Reveal>, lang: Lang) -> String {
    use super::reveal::step;
    match change {
        Change::SetReveal { edit } => match &edit.new {
            Some(reveal) => step(Some(reveal.teams()), false, (0, None), lang),
            None => step(None, true, (0, None), lang),
        },
        Change::SetRevealed { edit } => step(None, false, (edit.new, reveal), lang),
        _ => String::new(),
    }
}

/// What a stage change did, in words.
pub(super) fn stage_step(seen: &Stage, new: &Stage, lang: Lang) -> String {
    if new.phase == Phase::Break && seen.phase != Phase::Break {
        return lang
            .t("début de la pause", "start of the break")
            .to_string();
    }
    if new.team != seen.team {
        return match (&new.team, lang) {
            (Some(t), Lang::Fr) => format!("appel de {t}"),
            (Some(t), Lang::En) => format!("calling {t}"),
            (None, _) => lang.t("fin de l'équipe", "end of the team").to_string(),
        };
    }
    if new.phase != seen.phase {
        return match lang {
            Lang::Fr => format!("passage en {}", phase_name(new.phase, lang)),
            Lang::En => format!("move to {}", phase_name(new.phase, lang)),
        };
    }
    let extra = new.clock.extra_ms - seen.clock.extra_ms;
    if extra != 0 {
        let sign = if extra > 0 { '+' } else { '−' };
        return format!("{sign}{} s", extra.abs() / 1000);
    }
    match (seen.clock.is_running(), new.clock.is_running()) {
        (true, false) => lang.t("pause du chrono", "timer pause"),
        (false, true) if seen.clock.spent_ms == 0 => lang.t("départ du chrono", "timer start"),
        (false, true) => lang.t("reprise du chrono", "timer resume"),
        _ if new.phase_started != seen.phase_started || new.clock.spent_ms == 0 => {
            lang.t("phase relancée", "phase restarted")
        }
        _ => lang.t("chrono", "timer"),
    }
    .to_string()
}

/// The undone change `done`, as the status line says it. Cell changes say
/// what the undo puts back (`done`'s new value → its seen value).
pub fn undone(done: &Change, lang: Lang) -> String {
    said(done, None, lang)
}

/// [`undone`] in the session's own words: a criterion by its label, a
/// step of the reveal by the place it showed ("8e lauréat").
pub fn undone_in(done: &Change, session: &Session, lang: Lang) -> String {
    said(done, Some(session), lang)
}

fn said(done: &Change, session: Option<&Session>, lang: Lang) -> String {
    if let Some(what) =
        super::setup::undone(done, lang).or_else(|| super::double_entry::undone(done, lang))
    {
        return format!("{} {what}", lang.t("Annulé :", "Undone:"));
    }
    let what = match done {
        Change::SetCell {
            team,
            juror,
            criterion,
            edit: Edit { seen, new },
        } => format!(
            "{team} {juror} {} {} → {}",
            criterion_name(criterion, session),
            value(*new, lang),
            value(*seen, lang)
        ),
        Change::SetHandwritten {
            team,
            juror,
            edit: Edit { seen, new },
        } => format!(
            "{team} {juror} {} {} → {}",
            lang.t("total papier", "paper total"),
            value(*new, lang),
            value(*seen, lang)
        ),
        Change::SetSheet { team, juror, edit } if edit.new.mark == Some(Mark::Absent) => match lang
        {
            Lang::Fr => format!("{juror} absent pour {team}"),
            Lang::En => format!("{juror} absent for {team}"),
        },
        Change::SetSheet { team, juror, edit } if edit.new.mark == Some(Mark::Recused) => {
            match lang {
                Lang::Fr => format!("récusation de {juror} pour {team}"),
                Lang::En => format!("recusal of {juror} for {team}"),
            }
        }
        Change::SetSheet { team, juror, .. } => match lang {
            Lang::Fr => format!("fiche de {juror} pour {team}"),
            Lang::En => format!("{juror}'s sheet for {team}"),
        },
        Change::SetVerified { team, edit } => match (edit.new, lang) {
            (true, Lang::Fr) => format!("vérification de {team}"),
            (true, Lang::En) => format!("verification of {team}"),
            (false, Lang::Fr) => format!("déverrouillage de {team}"),
            (false, Lang::En) => format!("unlocking of {team}"),
        },
        Change::SetTeamStatus { team, edit } => match (edit.new, lang) {
            (TeamStatus::Withdrawn, Lang::Fr) => format!("retrait de {team}"),
            (TeamStatus::Withdrawn, Lang::En) => format!("withdrawal of {team}"),
            (TeamStatus::Scheduled, Lang::Fr) => format!("retour de {team}"),
            (TeamStatus::Scheduled, Lang::En) => format!("restoring {team}"),
        },
        Change::SetSchedule { .. } => lang
            .t("changement du programme", "schedule change")
            .to_string(),
        Change::SetStage { edit } => stage_step(&edit.seen, &edit.new, lang),
        Change::SetMessage { edit } => message_step(edit.new.is_some(), lang).to_string(),
        Change::SetReveal { .. } | Change::SetRevealed { .. } => {
            reveal_step(done, session.and_then(|s| s.reveal.as_ref()), lang)
        }
        Change::SetQueue { .. } | Change::AddQuestion { .. } | Change::RemoveQuestion { .. } => {
            lang.t("file des questions", "question queue").to_string()
        }
        Change::Batch { changes, .. } => {
            // A stage step with what it did to the queue: the step says it.
            if let Some(stage) = changes
                .iter()
                .find(|c| matches!(c, Change::SetStage { .. }))
            {
                return said(stage, session, lang);
            }
            let jurors: Vec<&str> = changes
                .iter()
                .filter_map(|c| match c {
                    Change::SetSheet { juror, .. } => Some(juror.as_str()),
                    _ => None,
                })
                .collect();
            match (changes.as_slice(), jurors.first()) {
                ([one], _) => return said(one, session, lang),
                (_, Some(j)) if jurors.len() == changes.len() && jurors.iter().all(|x| x == j) => {
                    let n = changes.len();
                    match lang {
                        Lang::Fr => {
                            format!("fiches de {j} pour {}", count(n, lang, "équipe", "équipes"))
                        }
                        Lang::En => format!("{j}'s sheets for {}", count(n, lang, "team", "teams")),
                    }
                }
                _ => match lang {
                    Lang::Fr => format!("{} changements ensemble", changes.len()),
                    Lang::En => format!("{} changes together", changes.len()),
                },
            }
        }
        _ => lang.t("dernière opération", "last operation").to_string(),
    };
    format!("{} {what}", lang.t("Annulé :", "Undone:"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::BatchLabel;
    use chrono::{TimeZone, Utc};

    #[test]
    fn cells_say_what_comes_back_and_the_timer_what_was_undone() {
        let cell = Change::SetCell {
            team: "T02".into(),
            juror: "J03".into(),
            criterion: "utilite".into(),
            edit: Edit::new(None, Some(Dec::int(12))),
        };
        assert_eq!(
            undone(&cell, Lang::Fr),
            "Annulé : T02 J03 utilite 12 → vide"
        );
        assert_eq!(
            undone(&cell, Lang::En),
            "Undone: T02 J03 utilite 12 → empty"
        );
        let t0 = Utc.with_ymd_and_hms(2026, 3, 12, 9, 0, 0).unwrap();
        let running = Stage {
            team: Some("T1".into()),
            phase: Phase::Pitch,
            phase_started: Some(t0),
            clock: crate::domain::stage::Clock::started(t0),
            ..Stage::default()
        };
        let mut paused = running.clone();
        paused.clock.running_since = None;
        paused.clock.spent_ms = 5_000;
        let pause = Change::SetStage {
            edit: Edit::new(Box::new(running.clone()), Box::new(paused.clone())),
        };
        assert_eq!(undone(&pause, Lang::Fr), "Annulé : pause du chrono");
        let second = Change::SetSecondCell {
            team: "T02".into(),
            juror: "J03".into(),
            criterion: "utilite".into(),
            edit: Edit::new(None, Some(Dec::int(12))),
        };
        assert_eq!(
            undone(&second, Lang::Fr),
            "Annulé : 2e saisie T02 J03 utilite 12 → vide"
        );
        let settle = crate::domain::double_entry::resolve(
            &crate::domain::double_entry::Difference {
                team: "T02".into(),
                juror: "J03".into(),
                criterion: "utilite".into(),
                first: Some(Dec::int(12)),
                second: None,
            },
            crate::domain::double_entry::Resolution::KeepSecond,
        );
        assert_eq!(
            undone(&settle, Lang::En),
            "Undone: settled difference T02 J03 utilite (first entry 12, second empty)"
        );
        let resume = Change::SetStage {
            edit: Edit::new(Box::new(paused.clone()), Box::new(running.clone())),
        };
        assert_eq!(undone(&resume, Lang::En), "Undone: timer resume");
        let mut more = running.clone();
        more.clock.extra_ms = 10_000;
        let add = Change::SetStage {
            edit: Edit::new(Box::new(running.clone()), Box::new(more)),
        };
        assert_eq!(undone(&add, Lang::Fr), "Annulé : +10 s");
        let mut questions = running.clone();
        questions.phase = Phase::Questions;
        let next = Change::SetStage {
            edit: Edit::new(Box::new(running), Box::new(questions)),
        };
        assert_eq!(undone(&next, Lang::Fr), "Annulé : passage en questions");
        // With the queue emptied alongside: the stage step still says it.
        let with_queue = Change::Batch {
            label: BatchLabel::Stage,
            changes: vec![
                next,
                Change::SetQueue {
                    edit: Edit::new(vec![], vec![]),
                },
            ],
        };
        assert_eq!(
            undone(&with_queue, Lang::Fr),
            "Annulé : passage en questions"
        );
        let absent = |team: &str| crate::domain::fixture::absent(team, "J3");
        assert_eq!(
            undone(&absent("T02"), Lang::Fr),
            "Annulé : J3 absent pour T02"
        );
        let rest = Change::Batch {
            label: BatchLabel::AbsentFromRest {
                juror: "J3".into(),
                from: "T02".into(),
            },
            changes: vec![absent("T02"), absent("T03")],
        };
        assert_eq!(undone(&rest, Lang::En), "Undone: J3's sheets for 2 teams");
    }
}
