//! The stage's and the schedule's own sentences: a break on stage, the
//! message to the speaker, calling a team now, the start time.

use crate::app::notice::LiveNotice;
use crate::domain::Lang;
use crate::domain::stage::{Phase, clock_text};

/// A status line of the stage or the schedule.
pub fn notice(notice: &LiveNotice, lang: Lang) -> String {
    use LiveNotice::*;
    let t = |fr: &str, en: &str| lang.t(fr, en).to_string();
    match (notice, lang) {
        (BreakEndedEarly { left_secs }, Lang::Fr) => {
            format!("Pause terminée avec {} d'avance.", clock_text(*left_secs))
        }
        (BreakEndedEarly { left_secs }, Lang::En) => {
            format!("Break ended {} early.", clock_text(*left_secs))
        }
        (CalledNow { team, last: None }, Lang::Fr) => format!("{team} est appelée sur scène."),
        (CalledNow { team, last: None }, Lang::En) => format!("{team} is called to the stage."),
        (
            CalledNow {
                team,
                last: Some(l),
            },
            Lang::Fr,
        ) => {
            format!("{team} est appelée sur scène ; {l}, attendue, passe en dernier.")
        }
        (
            CalledNow {
                team,
                last: Some(l),
            },
            Lang::En,
        ) => {
            format!("{team} is called to the stage; {l}, who was due, goes last.")
        }
        (FinishFirst(team), Lang::Fr) => {
            format!("{team} est sur scène : terminez d'abord sa phase (n).")
        }
        (FinishFirst(team), Lang::En) => {
            format!("{team} is on stage: end its phase first (n).")
        }
        (AlreadyPassed(team), Lang::Fr) => format!("{team} est déjà passée."),
        (AlreadyPassed(team), Lang::En) => format!("{team} has already pitched."),
        (WithdrawnNotCalled(team), Lang::Fr) => {
            format!("{team} est retirée : remettez-la d'abord au programme (w).")
        }
        (WithdrawnNotCalled(team), Lang::En) => {
            format!("{team} is withdrawn: restore it first (w).")
        }
        (StartNow(time), Lang::Fr) => format!("Début prévu à {}.", clock(*time)),
        (StartNow(time), Lang::En) => format!("Planned start set to {}.", clock(*time)),
        (DayBegun, _) => t(
            "La journée a commencé : l'heure de début ne change plus d'ici (Réglages).",
            "The day has begun: the start time no longer changes from here (Setup).",
        ),
        (MessageShown, _) => t(
            "Message affiché sur la scène (x pour l'effacer).",
            "Message shown on stage (x to clear it).",
        ),
        (MessageCleared, _) => t("Message effacé.", "Message cleared."),
        (NoMessage, _) => t("Aucun message affiché.", "No message shown."),
    }
}

/// A time of day: `14:05`, or `14:05:27` when set to the second (a
/// planned start set to "now").
pub fn clock(time: chrono::NaiveTime) -> String {
    use chrono::Timelike;
    if time.second() == 0 {
        time.format("%H:%M").to_string()
    } else {
        time.format("%H:%M:%S").to_string()
    }
}

/// The ready message to the speaker.
pub fn conclude(lang: Lang) -> &'static str {
    lang.t("Concluez", "Please conclude")
}

/// The title of a break on stage: `Pause — reprise à 15:10`.
pub fn break_title(label: &str, resume: &str, lang: Lang) -> String {
    let label = break_label(label, lang);
    match lang {
        Lang::Fr => format!("{label} — reprise à {resume}"),
        Lang::En => format!("{label} — resuming at {resume}"),
    }
}

/// A break coming after the team on stage: `Pause café à 10:15 (dans
/// 12 min)`.
pub fn break_coming(label: &str, at: &str, minutes: i64, lang: Lang) -> String {
    let label = break_label(label, lang);
    match lang {
        Lang::Fr => format!("{label} à {at} (dans {minutes} min)"),
        Lang::En => format!("{label} at {at} (in {minutes} min)"),
    }
}

/// The header during a break: when it ends.
pub fn break_until(resume: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("jusqu'à {resume}"),
        Lang::En => format!("until {resume}"),
    }
}

/// The break's countdown as plain text.
pub fn break_left(secs: i64, running: bool, lang: Lang) -> String {
    match (running, lang) {
        (true, Lang::Fr) => format!("Reprise dans {}", clock_text(secs)),
        (true, Lang::En) => format!("Resuming in {}", clock_text(secs)),
        (false, Lang::Fr) => format!("Pause suspendue · reste {}", clock_text(secs)),
        (false, Lang::En) => format!("Break on hold · {} left", clock_text(secs)),
    }
}

/// The countdown past its time, with the team's overtime (the schedule's
/// figure) when it is not the phase's own.
pub fn time_up(phase_over: i64, team_over: Option<i64>, lang: Lang) -> String {
    let over = |s: i64| format!("+{}", clock_text(s));
    match (team_over, lang) {
        (Some(t), Lang::Fr) if t == phase_over && t > 0 => format!("Dépassement {}", over(t)),
        (Some(t), Lang::En) if t == phase_over && t > 0 => format!("Overtime {}", over(t)),
        (Some(0), Lang::Fr) => format!("Temps écoulé {} · équipe dans les temps", over(phase_over)),
        (Some(0), Lang::En) => format!("Time is up {} · team within its time", over(phase_over)),
        (Some(t), Lang::Fr) => {
            format!(
                "Temps écoulé {} · dépassement équipe {}",
                over(phase_over),
                over(t)
            )
        }
        (Some(t), Lang::En) => {
            format!(
                "Time is up {} · team overtime {}",
                over(phase_over),
                over(t)
            )
        }
        (None, Lang::Fr) => format!("Temps écoulé {}", over(phase_over)),
        (None, Lang::En) => format!("Time is up {}", over(phase_over)),
    }
}

/// A break's label: its own, or the language's `Pause` for a break without
/// one (the Schedule's `b` inserts it so, to be worded in the language
/// read).
pub fn break_label(label: &str, lang: Lang) -> &str {
    if label.trim().is_empty() {
        lang.t("Pause", "Break")
    } else {
        label
    }
}

/// A fixed word of the stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// Before the team shown while nobody is on stage.
    ToCall,
    /// Nobody on stage, nobody left to call.
    ScheduleComplete,
    /// Nobody on stage, nobody in the schedule.
    NoTeamScheduled,
    /// After a running phase's name, while paused.
    Paused,
}

/// A fixed word of the stage.
pub fn label(label: Label, lang: Lang) -> &'static str {
    match label {
        Label::ToCall => lang.t("À appeler · ", "To call · "),
        Label::ScheduleComplete => lang.t("Programme terminé", "Schedule complete"),
        Label::NoTeamScheduled => lang.t("Aucune équipe au programme", "No team scheduled"),
        Label::Paused => lang.t("EN PAUSE", "PAUSED"),
    }
}

/// A phase's name, as the header and the phase badge write it.
pub fn phase(phase: Phase, lang: Lang) -> &'static str {
    match phase {
        Phase::Waiting => lang.t("EN ATTENTE", "WAITING"),
        Phase::Pitch => lang.t("PITCH", "PITCH"),
        Phase::Questions => lang.t("QUESTIONS", "QUESTIONS"),
        Phase::Scoring => lang.t("NOTATION", "SCORING"),
        Phase::Break => lang.t("PAUSE", "BREAK"),
    }
}

/// The next team (`T04 · Nom · Organisation`, already joined), or none.
pub fn next_team(team: Option<&str>, lang: Lang) -> String {
    let label = lang.t("Équipe suivante :", "Next team:");
    format!("{label} {}", team.unwrap_or("—"))
}

/// The countdown in words, under the big digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeLine {
    /// Before the pitch: its length (`hint`: and the key that starts it).
    PitchOf { secs: i64, hint: bool },
    /// A break's countdown.
    Break { secs: i64, running: bool },
    /// A phase on hold.
    Paused { secs: i64 },
    /// A phase running.
    Left { secs: i64 },
    /// Past the phase's time (and the team's overtime, when it is the
    /// schedule's figure to show).
    Over {
        phase_over: i64,
        team_over: Option<i64>,
    },
}

/// `Temps restant 2:59`, `Pitch de 3:00 · Espace pour commencer`.
pub fn time_line(line: TimeLine, lang: Lang) -> String {
    match line {
        TimeLine::PitchOf { secs, hint } => {
            let pitch = format!("{} {}", lang.t("Pitch de", "Pitch of"), clock_text(secs));
            if hint {
                format!(
                    "{pitch} · {}",
                    lang.t("Espace pour commencer", "Space to start")
                )
            } else {
                pitch
            }
        }
        TimeLine::Break { secs, running } => break_left(secs, running, lang),
        TimeLine::Paused { secs } => format!(
            "{} {}",
            lang.t("En pause · reste", "Paused · left"),
            clock_text(secs)
        ),
        TimeLine::Left { secs } => {
            format!(
                "{} {}",
                lang.t("Temps restant", "Time left"),
                clock_text(secs)
            )
        }
        TimeLine::Over { phase_over: 0, .. } => {
            lang.t("Temps écoulé 0:00", "Time is up 0:00").to_string()
        }
        TimeLine::Over {
            phase_over,
            team_over,
        } => time_up(phase_over, team_over, lang),
    }
}

/// The message field's prompt.
pub fn message_prompt(lang: Lang) -> &'static str {
    lang.t(
        "Message à l'orateur (Entrée : afficher, Échap : abandonner) :",
        "Message to the speaker (Enter: show, Esc: cancel):",
    )
}
