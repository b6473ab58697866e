//! The status line's sentences (`crate::app::notice::Notice`).

use crate::app::SaveState;
use crate::app::action::SaveFailure;
use crate::app::notice::Notice;
use crate::domain::{Lang, Refusal};

/// A sentence in French and in English.
type Pair = (&'static str, &'static str);

/// The notice in words, naming what the session knows in its own words:
/// what `u` undid says a criterion by its label and a step of the reveal
/// by its place ("8e lauréat"); every other notice as [`text`] says it.
pub fn text_in(notice: &Notice, session: &crate::domain::Session, lang: Lang) -> String {
    match notice {
        Notice::Undone(change) => super::undo::undone_in(change, session, lang),
        other => text(other, lang),
    }
}

/// The notice in words: one arm per notice, the sentences grouped by area
/// below.
pub fn text(notice: &Notice, lang: Lang) -> String {
    use Notice::*;
    let say = |(fr, en): Pair| lang.t(fr, en).to_string();
    match notice {
        Opened(lines) => lines.join(" · "),
        // The timer.
        WithdrawnCalled { gone, next } => timer::withdrawn_called(gone, next.as_ref(), lang),
        NoTeamToCall => say(timer::NO_TEAM_TO_CALL),
        NothingToDoYet => say(timer::NOTHING_TO_DO_YET),
        NextIgnored => say(timer::NEXT_IGNORED),
        EndedEarly {
            team,
            phase,
            left_secs,
        } => timer::ended_early(team, *phase, *left_secs, lang),
        Restarted { team, phase, secs } => timer::restarted(team, *phase, *secs, lang),
        QueueDropped(n) => timer::queue_dropped(*n, lang),
        Live(live) => super::stage::notice(live, lang),
        Reveal(reveal) => super::reveal::notice(reveal, lang),
        // The schedule.
        Withdrawn(id) => schedule::withdrawn(id, lang),
        Restored(id) => schedule::restored(id, lang),
        PitchedStays(id) => schedule::stays(id, false, lang),
        OnStageStays(id) => schedule::stays(id, true, lang),
        OnStageNotWithdrawn(id) => schedule::on_stage_not_withdrawn(id, lang),
        SelectTeam => say(schedule::SELECT_TEAM),
        SelectBreak => say(schedule::SELECT_BREAK),
        BreakBeforeComingOnly => say(schedule::BREAK_BEFORE_COMING_ONLY),
        // The setup.
        SelectJuror => say(setup::SELECT_JUROR),
        SetupLocked => say(setup::LOCKED),
        SetupUnreadable(field) => setup::unreadable(*field, lang),
        SetupNameEmpty => say(setup::NAME_EMPTY),
        SetupTooLong { max } => setup::too_long(*max, lang),
        // The questions.
        NoTeamOnStage => say(questions::NO_TEAM_ON_STAGE),
        AlreadyQueued(name) => format!("{name} {}", say(questions::ALREADY_QUEUED)),
        QueueEmpty => say(questions::QUEUE_EMPTY),
        // The results.
        ProjectorDecisionAbandoned => say(results::PROJECTOR_DECISION_ABANDONED),
        ProjectorResultsHidden => say(results::PROJECTOR_RESULTS_HIDDEN),
        DecisionOfficialOnly => say(results::DECISION_OFFICIAL_ONLY),
        NoTieAtCutoff => say(results::NO_TIE_AT_CUTOFF),
        DecisionAbandoned => say(results::DECISION_ABANDONED),
        DecisionRefused(problems) => results::decision_refused(problems, lang),
        DecisionSent { kind, teams } => results::decision_sent(*kind, teams, lang),
        DecisionVoided(groups) => results::decision_voided(groups, lang),
        StaleDecisionWithdrawn(groups) => results::stale_withdrawn(groups, lang),
        SealSent { sealed } => super::seal::sent(*sealed, lang).to_string(),
        // Everywhere.
        ProjectorOn => say(everywhere::PROJECTOR_ON),
        ProjectorOff => say(everywhere::PROJECTOR_OFF),
        NothingToUndo(kind) => say(everywhere::nothing_to_undo(*kind)),
        Undone(change) => super::undo::undone(change, lang),
        Busy => say(everywhere::BUSY),
        Refused(Refusal::Stale { .. }) => say(everywhere::STALE),
        Refused(other) => format!("{} {}", say(everywhere::REFUSED), other.message(lang)),
        NotSaved(why) => format!("{} {}", say(everywhere::NOT_SAVED), not_saved(why, lang)),
        Replaced(r) => format!(
            "{} {}",
            say(everywhere::NOT_SAVED),
            replaced(r.backup.as_deref(), lang)
        ),
        ReplacedRefused => say(everywhere::REPLACED_REFUSED),
    }
}

/// The stage's timer (`n`, `r`, the queue left behind).
mod timer {
    use super::Pair;
    use crate::domain::stage::{Phase, clock_text};
    use crate::domain::{Lang, TeamId};
    use crate::words::number::count;
    use crate::words::undo::phase_name;

    pub const NO_TEAM_TO_CALL: Pair = ("Aucune équipe à appeler.", "No team left to call.");
    pub const NOTHING_TO_DO_YET: Pair = (
        "Rien à faire ici pour l'instant.",
        "Nothing to do here yet.",
    );
    pub const NEXT_IGNORED: Pair = (
        "Second n ignoré : moins d'une seconde après le précédent.",
        "Second n ignored: less than a second after the last one.",
    );

    pub fn withdrawn_called(gone: &TeamId, next: Option<&TeamId>, lang: Lang) -> String {
        match (next, lang) {
            (Some(n), Lang::Fr) => format!("{gone} est retirée : {n} est appelée à sa place."),
            (Some(n), Lang::En) => format!("{gone} is withdrawn: {n} is called instead."),
            (None, Lang::Fr) => format!("{gone} est retirée : plus d'équipe à appeler."),
            (None, Lang::En) => format!("{gone} is withdrawn: no team left to call."),
        }
    }

    pub fn ended_early(team: &TeamId, phase: Phase, left_secs: i64, lang: Lang) -> String {
        let (left, phase) = (clock_text(left_secs), phase_name(phase, lang));
        match lang {
            Lang::Fr => format!("{team} : phase « {phase} » terminée avec {left} d'avance."),
            Lang::En => format!("{team}: {phase} ended {left} early."),
        }
    }

    pub fn restarted(team: &TeamId, phase: Phase, secs: i64, lang: Lang) -> String {
        let (full, phase) = (clock_text(secs), phase_name(phase, lang));
        match lang {
            Lang::Fr => format!("{team} : phase « {phase} » relancée, de nouveau {full}."),
            Lang::En => format!("{team}: {phase} restarted, {full} again."),
        }
    }

    pub fn queue_dropped(n: usize, lang: Lang) -> String {
        match lang {
            Lang::Fr => format!(
                "File vidée : {} sans poser leur question.",
                count(n, lang, "juré", "jurés")
            ),
            Lang::En => format!(
                "Queue emptied: {} did not ask their question.",
                count(n, lang, "juror", "jurors")
            ),
        }
    }
}

/// The schedule (`w`, moving teams, breaks).
mod schedule {
    use super::Pair;
    use crate::domain::{Lang, TeamId};

    pub const SELECT_TEAM: Pair = ("Choisissez une équipe.", "Select a team.");
    pub const SELECT_BREAK: Pair = ("Choisissez une pause.", "Select a break.");
    pub const BREAK_BEFORE_COMING_ONLY: Pair = (
        "Une pause ne s'insère qu'avant une équipe encore à venir : choisissez la ligne d'avant.",
        "A break goes only before a team still to come: select the row before it.",
    );

    pub fn withdrawn(id: &TeamId, lang: Lang) -> String {
        match lang {
            Lang::Fr => format!("{id} est retirée du programme (w pour la remettre)."),
            Lang::En => format!("{id} is withdrawn from the schedule (w to restore it)."),
        }
    }

    pub fn restored(id: &TeamId, lang: Lang) -> String {
        match lang {
            Lang::Fr => format!("{id} est remise au programme."),
            Lang::En => format!("{id} is back in the schedule."),
        }
    }

    /// A team that pitched (or is on stage) does not move.
    pub fn stays(id: &TeamId, on_stage: bool, lang: Lang) -> String {
        let why = match (on_stage, lang) {
            (false, Lang::Fr) => "est déjà passée",
            (false, Lang::En) => "has already pitched",
            (true, Lang::Fr) => "est sur scène",
            (true, Lang::En) => "is on stage",
        };
        match lang {
            Lang::Fr => format!("{id} {why} : seules les équipes à venir se déplacent."),
            Lang::En => format!("{id} {why}: only teams still to come move."),
        }
    }

    pub fn on_stage_not_withdrawn(id: &TeamId, lang: Lang) -> String {
        match lang {
            Lang::Fr => format!(
                "{id} est sur scène : passez d'abord à l'équipe suivante (n), puis retirez-la."
            ),
            Lang::En => {
                format!("{id} is on stage: move on to the next team first (n), then withdraw it.")
            }
        }
    }
}

/// The Setup screen.
mod setup {
    use super::Pair;
    use crate::domain::Lang;
    use crate::domain::setup::Field;

    pub const SELECT_JUROR: Pair = ("Choisissez un juré.", "Select a juror.");
    pub const LOCKED: Pair = (
        "Verrouillé : la notation a commencé (la méthode officielle et les critères ne changent plus).",
        "Locked: scoring has started (the official method and the criteria no longer change).",
    );
    pub const NAME_EMPTY: Pair = ("Tapez un nom d'abord.", "Type a name first.");

    pub fn too_long(max: usize, lang: Lang) -> String {
        match lang {
            Lang::Fr => {
                format!("{max} caractères au plus dans ce champ : la suite n'est pas prise.")
            }
            Lang::En => format!("At most {max} characters in this field: the rest was not taken."),
        }
    }

    pub fn unreadable(field: Field, lang: Lang) -> String {
        format!(
            "{} : {}",
            crate::words::setup::field_name(field, lang),
            lang.t(
                "valeur illisible (Entrée pour valider, Échap pour abandonner)",
                "unreadable value (Enter to confirm, Esc to cancel)"
            )
        )
    }
}

/// The question queue.
mod questions {
    use super::Pair;

    pub const NO_TEAM_ON_STAGE: Pair = ("Aucune équipe sur scène.", "No team on stage.");
    /// After the juror's name.
    pub const ALREADY_QUEUED: Pair = ("est déjà dans la file.", "is already in the queue.");
    pub const QUEUE_EMPTY: Pair = ("La file est vide.", "The queue is empty.");
}

/// The results and the jury's decisions.
mod results {
    use super::Pair;
    use crate::domain::ranking::decisions::DecisionProblem;
    use crate::domain::{DecisionKind, Lang, TeamId};

    pub const PROJECTOR_DECISION_ABANDONED: Pair = (
        "Mode projecteur : décision abandonnée, rien n'a été enregistré.",
        "Projector mode: decision abandoned, nothing was saved.",
    );
    pub const PROJECTOR_RESULTS_HIDDEN: Pair = (
        "Mode projecteur : les résultats sont masqués (p pour les montrer).",
        "Projector mode: results are hidden (p to show them).",
    );
    pub const DECISION_OFFICIAL_ONLY: Pair = (
        "Une décision ne porte que sur la méthode officielle : m pour y revenir.",
        "A decision applies to the official method only: m to go back to it.",
    );
    pub const NO_TIE_AT_CUTOFF: Pair = (
        "Aucune égalité à la limite des lauréats : rien à décider.",
        "No tie at the laureate cut-off: nothing to decide.",
    );
    pub const DECISION_ABANDONED: Pair = (
        "Décision abandonnée : rien n'a été enregistré.",
        "Decision abandoned: nothing was saved.",
    );

    pub fn decision_refused(problems: &[DecisionProblem], lang: Lang) -> String {
        problems
            .iter()
            .map(|p| p.describe(lang))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    pub fn decision_sent(kind: DecisionKind, teams: &[TeamId], lang: Lang) -> String {
        let teams = teams.join(", ");
        match (kind, lang) {
            (DecisionKind::Order, Lang::Fr) => format!("Décision envoyée : ordre {teams}."),
            (DecisionKind::Order, Lang::En) => format!("Decision sent: order {teams}."),
            (DecisionKind::Admit, Lang::Fr) => format!("Décision envoyée : {teams} admises."),
            (DecisionKind::Admit, Lang::En) => format!("Decision sent: {teams} admitted."),
        }
    }

    /// `d` withdrew stale decisions: no tie is left at the cut-off.
    pub fn stale_withdrawn(groups: &[Vec<TeamId>], lang: Lang) -> String {
        let teams = groups
            .iter()
            .map(|g| g.join(", "))
            .collect::<Vec<_>>()
            .join(" ; ");
        match lang {
            Lang::Fr => format!(
                "Décision caduque sur {teams} retirée : plus d'égalité à la limite (u pour revenir)."
            ),
            Lang::En => format!(
                "Stale decision on {teams} withdrawn: no tie at the cut-off any more (u to undo)."
            ),
        }
    }

    /// The grid's warning when a score makes decisions of the jury stale,
    /// naming every team of each.
    pub fn decision_voided(groups: &[Vec<TeamId>], lang: Lang) -> String {
        let teams = groups
            .iter()
            .map(|g| g.join(", "))
            .collect::<Vec<_>>()
            .join(" ; ");
        match (lang, groups.len() > 1) {
            // Short enough for one status line at 80 columns.
            (Lang::Fr, false) => {
                format!(
                    "Attention : cette note rend caduque la décision sur {teams} (Résultats, d)."
                )
            }
            (Lang::Fr, true) => format!(
                "Attention : cette note rend caduques les décisions sur {teams} (Résultats, d)."
            ),
            (Lang::En, false) => {
                format!("Warning: this score voids the jury's decision on {teams} (Results, d).")
            }
            (Lang::En, true) => {
                format!("Warning: this score voids the jury's decisions on {teams} (Results, d).")
            }
        }
    }
}

/// Keys that hold everywhere, and saving.
mod everywhere {
    use super::Pair;
    use crate::app::undo::UndoKind;

    pub const PROJECTOR_ON: Pair = (
        "Mode projecteur : notes et résultats masqués (p pour les montrer).",
        "Projector mode: scores and results hidden (p to show them).",
    );
    pub const PROJECTOR_OFF: Pair = ("Mode projecteur désactivé.", "Projector mode off.");
    pub const BUSY: Pair = (
        "L'autre terminal enregistre ; nouvel essai en cours…",
        "The other terminal is saving; trying again…",
    );
    pub const STALE: Pair = (
        "Déjà modifié par l'autre terminal : rien n'a été fait deux fois. Écran à jour.",
        "Already changed on the other terminal: nothing was done twice. Screen updated.",
    );
    /// Before the refusal's reason.
    pub const REFUSED: Pair = ("Refusé :", "Refused:");
    /// Before the file error.
    pub const NOT_SAVED: Pair = ("Non enregistré :", "Not saved:");
    pub const REPLACED_REFUSED: Pair = (
        "Refusé : session remplacée sur le disque, rien n'est enregistré. q : quitter",
        "Refused: the session was replaced on disk, nothing is saved. q: quit",
    );

    pub fn nothing_to_undo(kind: UndoKind) -> Pair {
        match kind {
            UndoKind::Grid => (
                "Rien à annuler dans les notes (le chrono s'annule depuis la scène).",
                "Nothing to undo in the scores (the timer is undone from the stage).",
            ),
            UndoKind::Live => (
                "Aucun changement du chrono, du programme ou des questions à annuler.",
                "No timer, schedule or question change to undo.",
            ),
            UndoKind::Decisions => ("Aucune décision à annuler.", "No decision to undo."),
            UndoKind::Setup => (
                "Aucun changement des réglages, équipes ou jurés à annuler.",
                "No setup, team or juror change to undo.",
            ),
        }
    }
}

/// Where this terminal's changes stand, in a word or two.
pub fn save_state(state: SaveState, lang: Lang) -> &'static str {
    match state {
        SaveState::Saved => lang.t("enregistré", "saved"),
        SaveState::Saving => lang.t("enregistrement…", "saving…"),
        SaveState::NotSaved => lang.t("non enregistré", "not saved"),
    }
}

/// The session file, as the `?` overlay names it.
pub fn session_file(path: &std::path::Path, lang: Lang) -> String {
    let path = path.display().to_string();
    let path = super::for_terminal(&path);
    format!(
        "{}{path}",
        lang.t("Fichier de session : ", "Session file: ")
    )
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

/// Why a change was not saved: the stage display never saves, or the
/// store's error.
pub fn not_saved(why: &SaveFailure, lang: Lang) -> String {
    match why {
        SaveFailure::ReadOnly => lang
            .t("affichage en lecture seule", "read-only display")
            .into(),
        SaveFailure::Store(error) => error.message(lang),
    }
}

/// What `run` and `display` say when there is no terminal to draw on.
pub fn no_terminal(lang: Lang) -> &'static str {
    lang.t(
        "cette commande affiche un écran plein : lancez-la dans un terminal (pas dans un tube ni une redirection)",
        "this command draws a full screen: run it in a terminal (not through a pipe or a redirection)",
    )
}
