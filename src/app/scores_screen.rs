//! The secretary's screens inside the app: the score grid (its keys, what
//! they send) and the completeness board (select a team, open its grid).
//! The grid's logic itself is the pure value in `grid.rs`.

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;

use super::grid::GridKey;
use super::keymap::{Binding, Key};
use super::update::send;
use super::{Action, App, Effect, Screen};
use crate::domain::{Change, Refusal};

fn bind(key: Key, action: Action, help: (&'static str, &'static str)) -> Binding {
    Binding {
        key,
        action,
        help,
        footer: None,
    }
}

fn foot(mut b: Binding, fr: &'static str, en: &'static str) -> Binding {
    b.footer = Some((fr, en));
    b
}

/// The grid's keys: digits, separators, Enter, arrows, Delete and a few
/// letters that never clash with the keys that hold everywhere.
pub fn grid_bindings() -> Vec<Binding> {
    use GridKey as G;
    let g = Action::Grid;
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
    let mut all: Vec<Binding> = ('0'..='9')
        .chain(['.', ','])
        .map(|c| bind(Key::Char(c), g(G::Char(c)), TYPE))
        .collect();
    all.extend([
        foot(
            bind(
                Key::Code(KeyCode::Enter),
                g(G::Enter),
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
            g(G::Backspace),
            (
                "effacer le dernier chiffre tapé",
                "erase the last digit typed",
            ),
        ),
        bind(
            Key::Code(KeyCode::Esc),
            g(G::Escape),
            (
                "abandonner la saisie ; non à une question",
                "discard the typed value; no to a question",
            ),
        ),
        bind(Key::Char('y'), g(G::Yes), YES),
        bind(Key::Char('o'), g(G::Yes), YES),
        bind(Key::Code(KeyCode::Up), g(G::Up), JURORS),
        bind(Key::Code(KeyCode::Down), g(G::Down), JURORS),
        bind(Key::Code(KeyCode::Left), g(G::Left), CELLS),
        bind(Key::Code(KeyCode::Right), g(G::Right), CELLS),
        bind(Key::Code(KeyCode::Home), g(G::RowStart), CELLS),
        bind(Key::Code(KeyCode::End), g(G::RowEnd), CELLS),
        foot(
            bind(
                Key::Code(KeyCode::Delete),
                g(G::Delete),
                ("effacer la case", "clear the cell"),
            ),
            "effacer",
            "clear",
        ),
        foot(
            bind(Key::Char('a'), g(G::Absent), ABSENT),
            "absent",
            "absent",
        ),
        bind(Key::Char('A'), g(G::AbsentForRest), ABSENT),
        bind(Key::Char('R'), g(G::Recuse), ABSENT),
        foot(
            bind(
                Key::Char('v'),
                g(G::Verify),
                (
                    "grille vérifiée : verrouiller (ou déverrouiller)",
                    "grid verified: lock (or unlock)",
                ),
            ),
            "vérifier",
            "verify",
        ),
        bind(Key::Code(KeyCode::PageUp), g(G::PrevTeam), TEAMS),
        foot(
            bind(Key::Code(KeyCode::PageDown), g(G::NextTeam), TEAMS),
            "équipe suiv.",
            "next team",
        ),
        bind(Key::Char('s'), g(G::StageTeam), TEAMS),
    ]);
    all
}

/// The completeness board's keys.
pub fn board_bindings() -> Vec<Binding> {
    vec![
        bind(
            Key::Code(KeyCode::Up),
            Action::Up,
            ("équipe précédente", "previous team"),
        ),
        bind(
            Key::Code(KeyCode::Down),
            Action::Down,
            ("équipe suivante", "next team"),
        ),
        foot(
            bind(
                Key::Code(KeyCode::Enter),
                Action::OpenTeam,
                (
                    "ouvrir la grille de notes de l'équipe",
                    "open the team's score grid",
                ),
            ),
            "ouvrir la grille",
            "open the grid",
        ),
    ]
}

/// A screen comes into view: the grid opens on the team on stage the first
/// time, the board on the grid's team.
pub fn on_enter(app: &mut App) {
    match app.screen {
        Screen::Scores => app.grid.open(&app.session),
        Screen::Completeness => {
            app.grid.open(&app.session);
            if let Some(team) = app.grid.team.clone() {
                app.board.select(&app.session, &team);
            }
        }
        _ => {}
    }
}

/// A grid key: the change it makes, if any, is sent to be saved.
pub fn handle_grid(app: &mut App, key: GridKey, now: DateTime<Utc>) -> Option<Effect> {
    let change = if app.pending.is_empty() {
        app.grid.handle(&app.session, key)
    } else {
        // Build on what is still being saved, so `seen` is what will be.
        let basis = app.basis().into_owned();
        app.grid.handle(&basis, key)
    };
    change.map(|c| send(app, c, now))
}

/// The board's keys (`Up`, `Down`, `Enter`).
pub fn handle_board(app: &mut App, action: &Action) {
    match action {
        Action::Up => app.board.up(),
        Action::Down => app.board.down(&app.session),
        Action::OpenTeam => {
            if let Some(team) = app.board.selected(&app.session) {
                if app.grid.half_typed() && app.grid.team.as_ref() != Some(&team) {
                    // Never lose a typed value: back to it, to finish it first.
                    app.grid.status = Some(super::grid::Status::FinishEntry);
                } else {
                    app.grid.show_team(&app.session, &team);
                }
                app.screen = Screen::Scores;
            }
        }
        _ => {}
    }
}

/// The oldest operation sent came back: saved, refused or failed.
pub fn on_outcome(app: &mut App, change: &Change, outcome: Result<(), Option<Refusal>>) {
    match outcome {
        Ok(()) => app.grid.on_saved(change, Ok(())),
        Err(Some(refusal)) => app.grid.on_saved(change, Err(refusal)),
        Err(None) => app.grid.on_failed(change),
    }
}

#[cfg(test)]
#[path = "scores_tests.rs"]
mod tests;
