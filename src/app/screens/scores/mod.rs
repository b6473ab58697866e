//! The scores screen: the secretary's grid (its keys, what they send). The
//! grid's logic itself is the pure value in `grid.rs`; the blind double
//! entry, a mode of this room, is `blind.rs`. Both type values with the
//! keys of [`typing`], and say why a typed value was not sent with
//! [`NotSent`].

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;

use super::Reply;
use crate::app::keys::{Binding, CommonHelp, Key, Rank, bind};
use crate::app::{App, SaveOutcome};
use crate::domain::{Change, Criterion, Dec, Juror, JurorId, PairState, Refusal, Session, Team};

pub mod blind;
pub mod grid;

pub use grid::GridKey;

impl From<GridKey> for crate::app::Action {
    fn from(key: GridKey) -> crate::app::Action {
        crate::app::Action::Key(super::ScreenKey::Scores(key))
    }
}

/// The words of the grid's own keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridHelp {
    Commit,
    Escape,
    /// A question's yes.
    Yes,
    Jurors,
    /// ←, →, Home, End.
    Cells,
    /// a, A and R share a line of the `?` overlay (one screen at 80×24).
    Absent,
    AbsentShort,
    Delete,
    DeleteShort,
    Verify,
    VerifyShort,
    /// PgUp, PgDn and s.
    Teams,
    NextTeamShort,
}

/// Why a value typed in the grid or in the blind entry was not sent (the
/// status line of either says it).
#[derive(Clone, Debug, PartialEq)]
pub enum NotSent {
    /// The value does not fit the criterion.
    Refused { text: String, refusal: Refusal },
    /// The typed text is not a number.
    NotANumber { text: String },
    /// The juror does not score this team (recused, absent, withdrawn).
    NotScored { juror: JurorId, status: PairState },
}

impl NotSent {
    /// The typed text as a value of `criterion` (`None`: any number, as
    /// for the handwritten total), or why it is not one.
    // Once per Enter, never in a loop: the error's size does not matter.
    #[allow(clippy::result_large_err)]
    pub fn value(text: String, criterion: Option<&Criterion>) -> Result<Dec, NotSent> {
        let Ok(value) = Dec::parse(&text) else {
            return Err(NotSent::NotANumber { text });
        };
        match criterion.and_then(|c| grid::check(c, value)) {
            Some(refusal) => Err(NotSent::Refused { text, refusal }),
            None => Ok(value),
        }
    }

    /// Why `juror` does not score `team`, if they do not.
    pub fn excused(session: &Session, team: &Team, juror: &Juror) -> Option<NotSent> {
        session
            .excuse(team, juror)
            .map(|status| NotSent::NotScored {
                juror: juror.id.clone(),
                status,
            })
    }
}

/// The unshifted top row of a French keyboard, `1` to `0`.
pub const AZERTY_ROW: &str = "&é\"'(-è_çà";

/// The keys typing a score, the grid's and the blind entry's: digits,
/// separators, the French keyboard's top row, and a letter while
/// half-typed (never a command then).
pub fn typing<K>(char: fn(char) -> K, letter: Option<K>) -> Vec<Binding<K>> {
    let mut all: Vec<Binding<K>> = ('0'..='9')
        .chain(['.', ','])
        .map(|c| bind(Key::Char(c), char(c), CommonHelp::TypeValue))
        .collect();
    all.extend(
        AZERTY_ROW
            .chars()
            .zip("1234567890".chars())
            .map(|(k, d)| bind(Key::Char(k), char(d), CommonHelp::Azerty)),
    );
    if let Some(letter) = letter {
        all.push(bind(Key::Text, letter, CommonHelp::LetterWhileTyping));
    }
    all
}

/// The grid's keys: digits, separators, Enter, arrows, Delete and a few
/// letters that never clash with the keys that hold everywhere.
pub fn bindings(app: &App) -> Vec<Binding<GridKey>> {
    use GridHelp as H;
    use GridKey as G;
    let letter = app.grid.half_typed().then_some(G::Letter);
    let mut all = typing(G::Char, letter);
    all.extend([
        bind(Key::Code(KeyCode::Enter), G::Enter, H::Commit).foot(CommonHelp::Commit),
        bind(
            Key::Code(KeyCode::Backspace),
            G::Backspace,
            CommonHelp::EraseDigit,
        ),
        bind(Key::Code(KeyCode::Esc), G::Escape, H::Escape),
        bind(Key::Char('y'), G::Yes, H::Yes).or(Key::Char('o')),
        bind(Key::Code(KeyCode::Up), G::Up, H::Jurors),
        bind(Key::Code(KeyCode::Down), G::Down, H::Jurors),
        bind(Key::Code(KeyCode::Left), G::Left, H::Cells),
        bind(Key::Code(KeyCode::Right), G::Right, H::Cells),
        bind(Key::Code(KeyCode::Home), G::RowStart, H::Cells),
        bind(Key::Code(KeyCode::End), G::RowEnd, H::Cells),
        bind(Key::Code(KeyCode::Delete), G::Delete, H::Delete)
            .foot(H::DeleteShort)
            .rank(Rank::Extra),
        bind(Key::Char('a'), G::Absent, H::Absent).foot(H::AbsentShort),
        bind(Key::Char('A'), G::AbsentForRest, H::Absent),
        bind(Key::Char('R'), G::Recuse, H::Absent),
        bind(Key::Char('v'), G::Verify, H::Verify)
            .foot(H::VerifyShort)
            .rank(Rank::Extra),
        bind(Key::Code(KeyCode::PageUp), G::PrevTeam, H::Teams),
        bind(Key::Code(KeyCode::PageDown), G::NextTeam, H::Teams)
            .foot(H::NextTeamShort)
            .rank(Rank::Navigate),
        bind(Key::Char('s'), G::StageTeam, H::Teams),
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
        let basis = app.basis();
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
    let basis = app.basis();
    app.grid.paste(&basis, text);
    Reply::none()
}

/// `u` undid `change` of this terminal's grid: on the grid (not in the
/// blind entry), the cursor goes back to its cell.
pub fn on_undo(app: &mut App, change: &Change) {
    if app.screen == super::Screen::Scores && !app.blind.active() {
        let basis = app.basis();
        app.grid.point_at(&basis, change);
    }
}

/// The oldest operation sent came back: saved, refused or failed.
pub fn on_outcome(app: &mut App, change: &Change, outcome: &SaveOutcome) {
    app.grid.on_outcome(change, outcome);
    app.blind.on_outcome(change, outcome);
}

#[cfg(test)]
mod input_tests;
#[cfg(test)]
mod tests;
