//! Once the session file holds another session (`podium demo --reset`, a
//! copy put back), this terminal saves nothing more: keys that would change
//! something are refused at once, the rest (looking around, quitting) work.

use super::grid::GridKey;
use super::results::ResultsKey;
use super::{Action, App};
use crate::domain::Lang;

/// The banner's first line: what happened and what to do. Fits 80 columns
/// (with a leading blank) in English; the French one wraps.
pub fn headline(lang: Lang) -> &'static str {
    lang.t(
        "Session remplacée sur le disque : rien n'est plus enregistré ici ; quittez (q) et rouvrez.",
        "The session was replaced on disk; nothing more is saved here: quit and reopen.",
    )
}

/// What a refused key says on the status line (fits 80 columns).
pub fn refused(lang: Lang) -> &'static str {
    lang.t(
        "Refusé : session remplacée sur le disque, rien n'est enregistré. q : quitter",
        "Refused: the session was replaced on disk, nothing is saved. q: quit",
    )
}

/// Whether an action only looks around (moves, screens, help, quitting).
pub fn only_looks(action: &Action) -> bool {
    match action {
        Action::NextScreen
        | Action::PrevScreen
        | Action::Help
        | Action::Close
        | Action::Quit
        | Action::ConfirmQuit
        | Action::ToggleProjector
        | Action::Up
        | Action::Down
        | Action::OpenTeam => true,
        Action::Grid(key) => matches!(
            key,
            GridKey::Up
                | GridKey::Down
                | GridKey::Left
                | GridKey::Right
                | GridKey::RowStart
                | GridKey::RowEnd
                | GridKey::PrevTeam
                | GridKey::NextTeam
                | GridKey::StageTeam
                | GridKey::Escape
        ),
        Action::Results(key) => matches!(
            key,
            ResultsKey::NextMethod
                | ResultsKey::Up
                | ResultsKey::Down
                | ResultsKey::PageUp
                | ResultsKey::PageDown
                | ResultsKey::Detail
                | ResultsKey::Sensitivity
                | ResultsKey::Cancel
        ),
        _ => false,
    }
}

/// Say that the key was refused.
pub fn refuse(app: &mut App) {
    let lang = app.lang;
    app.warn(refused(lang));
}
