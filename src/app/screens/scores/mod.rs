//! The scores screen: the secretary's grid (its keys, what they send). The
//! grid's logic itself is the pure value in `grid.rs`.

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;

use super::Reply;
use crate::app::keys::{Binding, Key, Rank};
use crate::app::{App, SaveOutcome};
use crate::domain::Change;

pub mod blind;
pub mod grid;

pub use grid::GridKey;

impl From<GridKey> for crate::app::Action {
    fn from(key: GridKey) -> crate::app::Action {
        crate::app::Action::Key(super::ScreenKey::Scores(key))
    }
}

fn bind(key: Key, action: GridKey, help: (&'static str, &'static str)) -> Binding<GridKey> {
    crate::app::keys::bind(key, action, help.0, help.1)
}

fn foot(b: Binding<GridKey>, fr: &'static str, en: &'static str) -> Binding<GridKey> {
    b.foot(fr, en)
}

/// The unshifted top row of a French keyboard, `1` to `0`.
pub const AZERTY_ROW: &str = "&é\"'(-è_çà";

/// The grid's keys: digits, separators, Enter, arrows, Delete and a few
/// letters that never clash with the keys that hold everywhere.
pub fn bindings(app: &App) -> Vec<Binding<GridKey>> {
    use GridKey as G;
    // Keys sharing a help text share a line of the `?` overlay.
    const TYPE: (&str, &str) = (
        "taper la note (chiffres, virgule ou point)",
        "type the value (digits, comma or point)",
    );
    const JURORS: (&str, &str) = ("changer de juré", "move between jurors");
    const CELLS: (&str, &str) = (
        "changer de case ; Début, Fin : bouts de la ligne",
        "move between cells; Home, End: ends of the row",
    );
    // Absence and recusal share a line of the `?` overlay (one screen at 80×24).
    const ABSENT: (&str, &str) = (
        "a absent, A pour la suite, R récusé ; encore : levé",
        "a absent, A for the rest, R recused; again: lifted",
    );
    const TEAMS: (&str, &str) = (
        "équipe précédente / suivante ; s : celle sur scène",
        "previous / next team; s: the one on stage",
    );
    const YES: (&str, &str) = ("répondre oui à la question", "answer yes to the question");
    const AZERTY: (&str, &str) = (
        "chiffres sans Maj sur un clavier français",
        "digits without Shift on a French keyboard",
    );
    let mut all: Vec<Binding<GridKey>> = ('0'..='9')
        .chain(['.', ','])
        .map(|c| bind(Key::Char(c), G::Char(c), TYPE))
        .collect();
    // The unshifted top row of a French keyboard types the digits.
    all.extend(
        AZERTY_ROW
            .chars()
            .zip("1234567890".chars())
            .map(|(k, d)| bind(Key::Char(k), G::Char(d), AZERTY)),
    );
    if app.grid.half_typed() {
        // A letter is never a command while a value is half-typed.
        all.push(bind(
            Key::Text,
            G::Letter,
            (
                "une lettre en cours de saisie : Entrée ou Échap",
                "a letter while typing: Enter or Esc first",
            ),
        ));
    }
    all.extend([
        foot(
            bind(
                Key::Code(KeyCode::Enter),
                G::Enter,
                (
                    "valider la note, case suivante (puis le juré suivant)",
                    "commit the value, next cell (then the next juror)",
                ),
            ),
            "valider",
            "commit",
        ),
        bind(
            Key::Code(KeyCode::Backspace),
            G::Backspace,
            (
                "effacer le dernier chiffre tapé",
                "erase the last digit typed",
            ),
        ),
        bind(
            Key::Code(KeyCode::Esc),
            G::Escape,
            (
                "abandonner la saisie ; non à une question",
                "discard the typed value; no to a question",
            ),
        ),
        bind(Key::Char('y'), G::Yes, YES).or(Key::Char('o')),
        bind(Key::Code(KeyCode::Up), G::Up, JURORS),
        bind(Key::Code(KeyCode::Down), G::Down, JURORS),
        bind(Key::Code(KeyCode::Left), G::Left, CELLS),
        bind(Key::Code(KeyCode::Right), G::Right, CELLS),
        bind(Key::Code(KeyCode::Home), G::RowStart, CELLS),
        bind(Key::Code(KeyCode::End), G::RowEnd, CELLS),
        foot(
            bind(
                Key::Code(KeyCode::Delete),
                G::Delete,
                ("effacer la case", "clear the cell"),
            ),
            "effacer",
            "clear",
        )
        .rank(Rank::Extra),
        foot(bind(Key::Char('a'), G::Absent, ABSENT), "absent", "absent"),
        bind(Key::Char('A'), G::AbsentForRest, ABSENT),
        bind(Key::Char('R'), G::Recuse, ABSENT),
        foot(
            bind(
                Key::Char('v'),
                G::Verify,
                (
                    "grille vérifiée : verrouiller (ou déverrouiller)",
                    "grid verified: lock (or unlock)",
                ),
            ),
            "vérifier",
            "verify",
        )
        .rank(Rank::Extra),
        bind(Key::Code(KeyCode::PageUp), G::PrevTeam, TEAMS),
        foot(
            bind(Key::Code(KeyCode::PageDown), G::NextTeam, TEAMS),
            "équipe suiv.",
            "next team",
        )
        .rank(Rank::Navigate),
        bind(Key::Char('s'), G::StageTeam, TEAMS),
    ]);
    all
}

/// The screen comes into view: the grid opens on the team on stage the
/// first time.
pub fn on_enter(app: &mut App) {
    app.grid.open(&app.session);
}

/// A grid key: the change it makes, if any, is sent to be saved. The grid
/// says what it has to say on its own line.
pub fn handle(app: &mut App, key: GridKey, _now: DateTime<Utc>) -> Reply {
    let change = if app.pending.is_empty() {
        app.grid.handle(&app.session, key)
    } else {
        // Build on what is still being saved, so `seen` is what will be.
        let basis = app.basis().into_owned();
        app.grid.handle(&basis, key)
    };
    Reply::sending(change)
}

/// Pasted text: into the cell being typed when it is one number.
pub fn paste(app: &mut App, text: &str) -> Reply {
    if app.blind.active() {
        // The blind entry is typed, key by key.
        return Reply::none();
    }
    let basis = app.basis().into_owned();
    app.grid.paste(&basis, text);
    Reply::none()
}

/// The oldest operation sent came back: saved, refused or failed.
pub fn on_outcome(app: &mut App, change: &Change, outcome: &SaveOutcome) {
    app.grid.on_outcome(change, outcome);
    app.blind.on_outcome(change, outcome);
}

#[cfg(test)]
mod tests;
