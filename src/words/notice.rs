//! The status line's sentences (`crate::app::notice::Notice`).

use crate::app::notice::Notice;
use crate::app::undo::UndoKind;
use crate::domain::{DecisionKind, Lang, Refusal};

/// The notice in words.
pub fn text(notice: &Notice, lang: Lang) -> String {
    use Notice::*;
    let t = |fr: &str, en: &str| lang.t(fr, en).to_string();
    let fr = lang == Lang::Fr;
    match notice {
        Opened(lines) => lines.join(" · "),
        WithdrawnCalled { gone, next } => match (next, fr) {
            (Some(n), true) => format!("{gone} est retirée : {n} est appelée à sa place."),
            (Some(n), false) => format!("{gone} is withdrawn: {n} is called instead."),
            (None, true) => format!("{gone} est retirée : plus d'équipe à appeler."),
            (None, false) => format!("{gone} is withdrawn: no team left to call."),
        },
        NoTeamToCall => t("Aucune équipe à appeler.", "No team left to call."),
        NothingToDoYet => t(
            "Rien à faire ici pour l'instant.",
            "Nothing to do here yet.",
        ),
        NextIgnored => t(
            "Second n ignoré : moins d'une seconde après le précédent.",
            "Second n ignored: less than a second after the last one.",
        ),
        EndedEarly {
            team,
            phase,
            left_secs,
        } => {
            let left = crate::domain::stage::clock_text(*left_secs);
            let phase = super::undo::phase_name(*phase, lang);
            match lang {
                Lang::Fr => format!("{team} : phase « {phase} » terminée avec {left} d'avance."),
                Lang::En => format!("{team}: {phase} ended {left} early."),
            }
        }
        Restarted { team, phase, secs } => {
            let full = crate::domain::stage::clock_text(*secs);
            let phase = super::undo::phase_name(*phase, lang);
            match lang {
                Lang::Fr => format!("{team} : phase « {phase} » relancée, de nouveau {full}."),
                Lang::En => format!("{team}: {phase} restarted, {full} again."),
            }
        }
        Live(live) => super::stage::notice(live, lang),
        QueueDropped(n) => match lang {
            Lang::Fr => format!(
                "File vidée : {} sans poser leur question.",
                super::number::count(*n, lang, "juré", "jurés")
            ),
            Lang::En => format!(
                "Queue emptied: {} did not ask their question.",
                super::number::count(*n, lang, "juror", "jurors")
            ),
        },
        Withdrawn(id) => match lang {
            Lang::Fr => format!("{id} est retirée du programme (w pour la remettre)."),
            Lang::En => format!("{id} is withdrawn from the schedule (w to restore it)."),
        },
        Restored(id) => match lang {
            Lang::Fr => format!("{id} est remise au programme."),
            Lang::En => format!("{id} is back in the schedule."),
        },
        PitchedStays(id) if fr => {
            format!("{id} est déjà passée : seules les équipes à venir se déplacent.")
        }
        PitchedStays(id) => format!("{id} has already pitched: only teams still to come move."),
        OnStageStays(id) if fr => {
            format!("{id} est sur scène : seules les équipes à venir se déplacent.")
        }
        OnStageStays(id) => format!("{id} is on stage: only teams still to come move."),
        OnStageNotWithdrawn(id) if fr => {
            format!("{id} est sur scène : passez d'abord à l'équipe suivante (n), puis retirez-la.")
        }
        OnStageNotWithdrawn(id) => {
            format!("{id} is on stage: move on to the next team first (n), then withdraw it.")
        }
        SelectTeam => t("Choisissez une équipe.", "Select a team."),
        SelectBreak => t("Choisissez une pause.", "Select a break."),
        SelectJuror => t("Choisissez un juré.", "Select a juror."),
        SetupLocked => t(
            "Verrouillé : la notation a commencé (la méthode officielle et les critères ne changent plus).",
            "Locked: scoring has started (the official method and the criteria no longer change).",
        ),
        SetupUnreadable(field) => format!(
            "{} : {}",
            super::setup::field_name(*field, lang),
            lang.t(
                "valeur illisible (Entrée pour valider, Échap pour abandonner)",
                "unreadable value (Enter to confirm, Esc to cancel)"
            )
        ),
        SetupNameEmpty => t("Tapez un nom d'abord.", "Type a name first."),
        BreakBeforeComingOnly => t(
            "Une pause ne s'insère qu'avant une équipe encore à venir : choisissez la ligne d'avant.",
            "A break goes only before a team still to come: select the row before it.",
        ),
        NoTeamOnStage => t("Aucune équipe sur scène.", "No team on stage."),
        AlreadyQueued(name) => format!(
            "{name} {}",
            lang.t("est déjà dans la file.", "is already in the queue.")
        ),
        QueueEmpty => t("La file est vide.", "The queue is empty."),
        ProjectorDecisionAbandoned => t(
            "Mode projecteur : décision abandonnée, rien n'a été enregistré.",
            "Projector mode: decision abandoned, nothing was saved.",
        ),
        ProjectorResultsHidden => t(
            "Mode projecteur : les résultats sont masqués (p pour les montrer).",
            "Projector mode: results are hidden (p to show them).",
        ),
        DecisionOfficialOnly => t(
            "Une décision ne porte que sur la méthode officielle : m pour y revenir.",
            "A decision applies to the official method only: m to go back to it.",
        ),
        NoTieAtCutoff => t(
            "Aucune égalité à la limite des lauréats : rien à décider.",
            "No tie at the laureate cut-off: nothing to decide.",
        ),
        DecisionAbandoned => t(
            "Décision abandonnée : rien n'a été enregistré.",
            "Decision abandoned: nothing was saved.",
        ),
        DecisionRefused(problems) => problems
            .iter()
            .map(|p| p.describe(lang))
            .collect::<Vec<_>>()
            .join(" · "),
        DecisionSent { kind, teams } => {
            let teams = teams.join(", ");
            match (kind, fr) {
                (DecisionKind::Order, true) => format!("Décision envoyée : ordre {teams}."),
                (DecisionKind::Order, false) => format!("Decision sent: order {teams}."),
                (DecisionKind::Admit, true) => format!("Décision envoyée : {teams} admises."),
                (DecisionKind::Admit, false) => format!("Decision sent: {teams} admitted."),
            }
        }
        ProjectorOn => t(
            "Mode projecteur : notes et résultats masqués (p pour les montrer).",
            "Projector mode: scores and results hidden (p to show them).",
        ),
        ProjectorOff => t("Mode projecteur désactivé.", "Projector mode off."),
        NothingToUndo(UndoKind::Grid) => t(
            "Rien à annuler dans les notes (le chrono s'annule depuis la scène).",
            "Nothing to undo in the scores (the timer is undone from the stage).",
        ),
        NothingToUndo(UndoKind::Live) => t(
            "Aucun changement du chrono, du programme ou des questions à annuler.",
            "No timer, schedule or question change to undo.",
        ),
        NothingToUndo(UndoKind::Decisions) => {
            t("Aucune décision à annuler.", "No decision to undo.")
        }
        NothingToUndo(UndoKind::Setup) => t(
            "Aucun changement des réglages, équipes ou jurés à annuler.",
            "No setup, team or juror change to undo.",
        ),
        Undone(change) => super::undo::undone(change, lang),
        Busy => t(
            "L'autre terminal enregistre ; nouvel essai en cours…",
            "The other terminal is saving; trying again…",
        ),
        Refused(Refusal::Stale { .. }) => t(
            "Déjà modifié par l'autre terminal : rien n'a été fait deux fois. Écran à jour.",
            "Already changed on the other terminal: nothing was done twice. Screen updated.",
        ),
        Refused(other) => format!("{} {}", lang.t("Refusé :", "Refused:"), other.message(lang)),
        NotSaved(message) => format!("{} {message}", lang.t("Non enregistré :", "Not saved:")),
        ReplacedRefused => t(
            "Refusé : session remplacée sur le disque, rien n'est enregistré. q : quitter",
            "Refused: the session was replaced on disk, nothing is saved. q: quit",
        ),
    }
}

/// The question before `n` ends the questions with jurors still waiting.
pub fn drop_queue_question(waiting: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "{} encore en file ne poseront pas leur question. Terminer les questions ?",
            super::number::count(waiting, lang, "juré", "jurés")
        ),
        Lang::En => format!(
            "{} still queued will not ask their question. End the questions?",
            super::number::count(waiting, lang, "juror", "jurors")
        ),
    }
}

/// The banner's first line once the session was replaced on disk: what
/// happened and what to do. Fits 80 columns (with a leading blank) in
/// English; the French one wraps.
pub fn replaced_headline(lang: Lang) -> &'static str {
    lang.t(
        "Session remplacée sur le disque : rien n'est plus enregistré ici ; quittez (q) et rouvrez.",
        "The session was replaced on disk; nothing more is saved here: quit and reopen.",
    )
}

/// The banner once the session was replaced on disk: the headline (it fits
/// one line of 80 columns), then where the previous copy went.
pub fn replaced(backup: Option<&std::path::Path>, lang: Lang) -> String {
    let lead = replaced_headline(lang);
    match backup {
        Some(b) => match lang {
            Lang::Fr => format!("{lead} Ancienne copie : {}", b.display()),
            Lang::En => format!("{lead} Previous copy: {}", b.display()),
        },
        None => lead.to_string(),
    }
}

/// Why the stage display saved nothing (it never tries).
pub fn display_saves_nothing(lang: Lang) -> &'static str {
    lang.t("affichage en lecture seule", "read-only display")
}

/// What `run` and `display` say when there is no terminal to draw on.
pub fn no_terminal(lang: Lang) -> &'static str {
    lang.t(
        "cette commande affiche un écran plein : lancez-la dans un terminal (pas dans un tube ni une redirection)",
        "this command draws a full screen: run it in a terminal (not through a pipe or a redirection)",
    )
}
