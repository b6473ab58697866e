//! The blind mode's tables of keys: typing, settling, and the keys that
//! start it from the grid and the Completeness board.

use crossterm::event::KeyCode;

use super::super::typing;
use super::BlindKey;
use crate::app::App;
use crate::app::keys::{Binding, CommonHelp, Key, bind};

/// The words of the blind mode's keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlindHelp {
    Commit,
    /// The arrows while typing.
    Move,
    Delete,
    Compare,
    CompareShort,
    Escape,
    EscapeShort,
    /// ↑ and ↓ while settling.
    Pick,
    KeepFirst,
    KeepFirstShort,
    KeepSecond,
    KeepSecondShort,
    CommitThird,
    CommitThirdShort,
    EscapeSettling,
    EscapeSettlingShort,
    StartHere,
    StartSelected,
    StartNext,
}

/// The keys of the blind mode, typing or settling.
pub fn bindings(app: &App) -> Vec<Binding<BlindKey>> {
    use BlindHelp as H;
    use BlindKey as B;
    let letter = app.blind.half_typed().then_some(B::Letter);
    let mut all = typing(B::Char, letter);
    all.push(bind(
        Key::Code(KeyCode::Backspace),
        B::Backspace,
        CommonHelp::EraseDigit,
    ));
    if app.blind.settling {
        all.extend(settling_bindings());
        return all;
    }
    all.extend([
        bind(Key::Code(KeyCode::Enter), B::Enter, H::Commit).foot(CommonHelp::Commit),
        bind(Key::Code(KeyCode::Up), B::Up, H::Move),
        bind(Key::Code(KeyCode::Down), B::Down, H::Move),
        bind(Key::Code(KeyCode::Left), B::Left, H::Move),
        bind(Key::Code(KeyCode::Right), B::Right, H::Move),
        bind(Key::Code(KeyCode::Delete), B::Delete, H::Delete),
        bind(Key::Char('c'), B::Compare, H::Compare).foot(H::CompareShort),
        bind(Key::Code(KeyCode::Esc), B::Escape, H::Escape).foot(H::EscapeShort),
    ]);
    all
}

fn settling_bindings() -> Vec<Binding<BlindKey>> {
    use BlindHelp as H;
    use BlindKey as B;
    vec![
        bind(Key::Code(KeyCode::Up), B::Up, H::Pick),
        bind(Key::Code(KeyCode::Down), B::Down, H::Pick),
        bind(Key::Code(KeyCode::Left), B::KeepFirst, H::KeepFirst).foot(H::KeepFirstShort),
        bind(Key::Code(KeyCode::Right), B::KeepSecond, H::KeepSecond).foot(H::KeepSecondShort),
        bind(Key::Code(KeyCode::Enter), B::Enter, H::CommitThird).foot(H::CommitThirdShort),
        bind(Key::Code(KeyCode::Esc), B::Escape, H::EscapeSettling).foot(H::EscapeSettlingShort),
    ]
}

/// The key that starts the mode from the grid.
pub fn grid_bindings(app: &App) -> Vec<Binding<BlindKey>> {
    if app.grid.half_typed() {
        return Vec::new();
    }
    vec![bind(
        Key::Char('b'),
        BlindKey::StartHere,
        BlindHelp::StartHere,
    )]
}

/// The keys that start the mode from the Completeness board.
pub fn board_bindings(_app: &App) -> Vec<Binding<BlindKey>> {
    vec![
        bind(
            Key::Char('b'),
            BlindKey::StartSelected,
            BlindHelp::StartSelected,
        ),
        bind(Key::Char('B'), BlindKey::StartNext, BlindHelp::StartNext),
    ]
}
