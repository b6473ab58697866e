//! Keys and bindings: the leaf every table of keys is written with (the
//! keys that hold everywhere, each screen's, each overlay's). It imports
//! nothing of the screens, so a screen imports it and never another screen.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::Lang;

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

    /// How the key is written in the footer and the help.
    pub fn label(self, lang: Lang) -> String {
        let code = |c: KeyCode| -> String {
            match c {
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => lang.t("Maj-Tab", "Shift-Tab").into(),
                KeyCode::Enter => lang.t("Entrée", "Enter").into(),
                KeyCode::Esc => lang.t("Échap", "Esc").into(),
                KeyCode::Delete => lang.t("Suppr", "Del").into(),
                KeyCode::Backspace => lang.t("Retour", "Backspace").into(),
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::PageUp => lang.t("PgPréc", "PgUp").into(),
                KeyCode::PageDown => lang.t("PgSuiv", "PgDn").into(),
                KeyCode::Home => lang.t("Début", "Home").into(),
                KeyCode::End => lang.t("Fin", "End").into(),
                other => format!("{other}"),
            }
        };
        match self {
            Key::Char(' ') => lang.t("Espace", "Space").into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Code(c) => code(c),
            Key::Shift(c) => format!("{}{}", lang.t("Maj-", "Shift-"), code(c)),
            Key::Text => lang.t("texte", "text").into(),
            Key::Other => lang.t("autre touche", "any other key").into(),
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
    /// French, English.
    pub help: (&'static str, &'static str),
    /// The footer's short wording, for the keys shown there.
    pub footer: Option<(&'static str, &'static str)>,
    /// What the footer drops first when short of room.
    pub rank: Rank,
}

/// A binding with no alias and no footer wording.
pub fn bind<K>(key: Key, action: K, fr: &'static str, en: &'static str) -> Binding<K> {
    Binding {
        key,
        aliases: Vec::new(),
        action,
        help: (fr, en),
        footer: None,
        rank: Rank::Main,
    }
}

impl<K> Binding<K> {
    pub fn help(&self, lang: Lang) -> &'static str {
        lang.t(self.help.0, self.help.1)
    }

    pub fn footer(&self, lang: Lang) -> Option<&'static str> {
        self.footer.map(|(fr, en)| lang.t(fr, en))
    }

    /// Also shown on the footer, worded shortly.
    pub fn foot(mut self, fr: &'static str, en: &'static str) -> Binding<K> {
        self.footer = Some((fr, en));
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
