//! Keys and bindings: what every table of keys is written with (the keys
//! that hold everywhere, each screen's, each overlay's). Of the screens it
//! names only [`Help`], the typed id of a binding's words (worded by
//! `words::keys`), so a screen imports it and never another screen.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::screens::Help;

/// A key as bindings name it. Letters are case-sensitive; `Shift` is
/// implied by an upper-case letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    Shift(KeyCode),
    /// Any printable character (a text field types it).
    Text,
    /// Any key no other binding takes (a question's "no").
    Other,
}

impl Key {
    /// From a terminal key event.
    pub fn from_event(key: &KeyEvent) -> Key {
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        match key.code {
            KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::CONTROL) => {
                Key::Ctrl(c.to_ascii_lowercase())
            }
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::BackTab => Key::Code(KeyCode::BackTab),
            code if shift => Key::Shift(code),
            code => Key::Code(code),
        }
    }

    /// Whether a binding written with `self` takes the key pressed.
    fn takes(self, pressed: Key) -> bool {
        match self {
            Key::Text => matches!(pressed, Key::Char(_)),
            Key::Other => true,
            _ => self == pressed,
        }
    }
}

/// How much a key shown on the footer matters: when the footer is too
/// narrow for all its keys, it drops the least important first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rank {
    /// Never dropped: `?`, `Tab`, `q`.
    Always,
    /// Moving around the screen (rows, pages).
    Navigate,
    /// What the screen is for (the default).
    Main,
    /// Handy, but the `?` overlay is enough.
    Extra,
}

/// One binding: a key (and its aliases), what it does, and how the help
/// and the footer name it.
#[derive(Clone, Debug, PartialEq)]
pub struct Binding<K> {
    /// The key shown on the footer, first in the help.
    pub key: Key,
    /// Other keys doing the same (shown after it in the help).
    pub aliases: Vec<Key>,
    pub action: K,
    /// What the `?` overlay says it does.
    pub help: Help,
    /// The footer's short wording, for the keys shown there.
    pub footer: Option<Help>,
    /// What the footer drops first when short of room.
    pub rank: Rank,
}

/// A binding with no alias and no footer wording.
pub fn bind<K>(key: Key, action: K, help: impl Into<Help>) -> Binding<K> {
    Binding {
        key,
        aliases: Vec::new(),
        action,
        help: help.into(),
        footer: None,
        rank: Rank::Main,
    }
}

/// What several tables say alike (their words in `words::keys`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommonHelp {
    PreviousRow,
    NextRow,
    PreviousTeam,
    NextTeam,
    PreviousPage,
    NextPage,
    /// A text field's printable keys.
    TypeText,
    /// A text field's Enter.
    Confirm,
    /// A text field's Esc.
    Cancel,
    EraseCharacter,
    /// A score's digits and separators.
    TypeValue,
    /// The unshifted top row of a French keyboard, typing digits.
    Azerty,
    /// A letter while a value is half-typed.
    LetterWhileTyping,
    EraseDigit,
    /// The footer's "commit" of a typed score.
    Commit,
    Close,
    Quit,
    /// A question's "no".
    Stay,
}

impl<K> Binding<K> {
    /// Also shown on the footer, worded shortly.
    pub fn foot(mut self, footer: impl Into<Help>) -> Binding<K> {
        self.footer = Some(footer.into());
        self
    }

    /// How much it matters on the footer (`Rank::Main` unless said).
    pub fn rank(mut self, rank: Rank) -> Binding<K> {
        self.rank = rank;
        self
    }

    /// Another key doing the same.
    pub fn or(mut self, alias: Key) -> Binding<K> {
        self.aliases.push(alias);
        self
    }

    /// The key and its aliases.
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        std::iter::once(self.key).chain(self.aliases.iter().copied())
    }

    /// Whether the binding takes the key pressed (a catch-all key such as
    /// `Other` only if nothing else in the table does: see [`find`]).
    pub fn takes(&self, pressed: Key) -> bool {
        self.keys().any(|k| k.takes(pressed))
    }

    /// The same binding doing `f(action)` (a screen's key wrapped into
    /// the app's action).
    pub fn map<A>(self, f: impl FnOnce(K) -> A) -> Binding<A> {
        Binding {
            key: self.key,
            aliases: self.aliases,
            action: f(self.action),
            help: self.help,
            footer: self.footer,
            rank: self.rank,
        }
    }
}

/// The binding taking a key pressed: one naming it exactly, else a
/// catch-all (`Text`, then `Other`).
pub fn find<K>(table: &[Binding<K>], pressed: Key) -> Option<&Binding<K>> {
    let exact = |b: &&Binding<K>| b.keys().any(|k| k == pressed);
    let text = |b: &&Binding<K>| b.keys().any(|k| k == Key::Text) && b.takes(pressed);
    let other = |b: &&Binding<K>| b.keys().any(|k| k == Key::Other);
    table
        .iter()
        .find(exact)
        .or_else(|| table.iter().find(text))
        .or_else(|| table.iter().find(other))
}
