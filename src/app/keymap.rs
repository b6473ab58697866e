//! The one table of key bindings per screen. Key handling, the footer and
//! the `?` overlay all come from it, so a key is written once.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, App, Overlay, Screen};
use crate::domain::{JurorId, Lang, Session};

/// A key as bindings name it. Letters are case-sensitive; `Shift` is
/// implied by an upper-case letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    Shift(KeyCode),
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
        }
    }
}

/// One binding: a key, what it does, and how the help names it.
#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    pub key: Key,
    pub action: Action,
    /// French, English.
    pub help: (&'static str, &'static str),
    /// The footer's short wording, for the keys shown there.
    pub footer: Option<(&'static str, &'static str)>,
}

impl Binding {
    pub fn help(&self, lang: Lang) -> &'static str {
        lang.t(self.help.0, self.help.1)
    }

    pub fn footer(&self, lang: Lang) -> Option<&'static str> {
        self.footer.map(|(fr, en)| lang.t(fr, en))
    }

    /// Also shown on the footer, worded shortly.
    pub(crate) fn foot(mut self, fr: &'static str, en: &'static str) -> Binding {
        self.footer = Some((fr, en));
        self
    }
}

fn bind(key: Key, action: Action, fr: &'static str, en: &'static str) -> Binding {
    Binding {
        key,
        action,
        help: (fr, en),
        footer: None,
    }
}

/// Keys that hold on every screen (outside text fields).
fn global() -> Vec<Binding> {
    use Action::*;
    vec![
        bind(Key::Char('?'), Help, "aide", "help").foot("aide", "help"),
        bind(Key::Char('q'), Quit, "quitter", "quit").foot("quitter", "quit"),
        bind(Key::Ctrl('c'), Quit, "quitter", "quit"),
        bind(
            Key::Code(KeyCode::Tab),
            NextScreen,
            "écran suivant",
            "next screen",
        )
        .foot("écran suivant", "next screen"),
        bind(
            Key::Code(KeyCode::BackTab),
            PrevScreen,
            "écran précédent",
            "previous screen",
        ),
        bind(
            Key::Char('u'),
            Undo,
            "annuler ma dernière opération",
            "undo my last operation",
        )
        .foot("annuler", "undo"),
        bind(
            Key::Char('p'),
            ToggleProjector,
            "mode projecteur (masque les notes)",
            "projector mode (hides scores)",
        ),
    ]
}

/// Whether an action is one of the keys that hold on every screen.
pub fn is_global(action: &Action) -> bool {
    global().iter().any(|b| b.action == *action)
}

/// The timer keys (stage, schedule, questions).
fn timer() -> Vec<Binding> {
    use Action::*;
    vec![
        bind(
            Key::Char(' '),
            StartPause,
            "départ / pause / reprise",
            "start / pause / resume",
        )
        .foot("départ/pause", "start/pause"),
        bind(Key::Char('n'), NextPhase, "phase suivante", "next phase")
            .foot("phase suivante", "next phase"),
        bind(Key::Char('+'), AddTime, "+10 s", "+10 s").foot("+10 s", "+10 s"),
        bind(Key::Char('-'), RemoveTime, "−10 s", "−10 s").foot("−10 s", "−10 s"),
        bind(
            Key::Char('r'),
            RestartPhase,
            "relancer la phase",
            "restart the phase",
        ),
    ]
}

fn schedule() -> Vec<Binding> {
    use Action::*;
    vec![
        bind(
            Key::Code(KeyCode::Up),
            Up,
            "ligne précédente",
            "previous row",
        ),
        bind(Key::Code(KeyCode::Down), Down, "ligne suivante", "next row"),
        bind(
            Key::Shift(KeyCode::Up),
            MoveUp,
            "monter l'équipe",
            "move the team up",
        ),
        bind(
            Key::Shift(KeyCode::Down),
            MoveDown,
            "descendre l'équipe",
            "move the team down",
        ),
        bind(
            Key::Char('K'),
            MoveUp,
            "monter l'équipe",
            "move the team up",
        )
        .foot("monter", "up"),
        bind(
            Key::Char('J'),
            MoveDown,
            "descendre l'équipe",
            "move the team down",
        )
        .foot("descendre", "down"),
        bind(
            Key::Char('w'),
            ToggleWithdrawn,
            "retirer / rétablir l'équipe",
            "withdraw / restore the team",
        )
        .foot("retirer/rétablir", "withdraw/restore"),
        bind(
            Key::Char('b'),
            InsertBreak,
            "insérer une pause après",
            "insert a break after",
        )
        .foot("pause", "break"),
        bind(Key::Char('>'), LongerBreak, "pause +5 min", "break +5 min"),
        bind(Key::Char('<'), ShorterBreak, "pause −5 min", "break −5 min"),
        bind(
            Key::Code(KeyCode::Delete),
            RemoveBreak,
            "supprimer la pause",
            "remove the break",
        ),
    ]
}

fn questions() -> Vec<Binding> {
    use Action::*;
    vec![
        bind(
            Key::Code(KeyCode::Enter),
            QuestionDone,
            "question terminée, au suivant",
            "question done, next one",
        )
        .foot("question terminée", "question done"),
        bind(
            Key::Code(KeyCode::Up),
            Up,
            "juré précédent dans la file",
            "previous in the queue",
        ),
        bind(
            Key::Code(KeyCode::Down),
            Down,
            "juré suivant dans la file",
            "next in the queue",
        ),
        bind(
            Key::Code(KeyCode::Delete),
            RemoveSpeaker,
            "retirer de la file",
            "remove from the queue",
        )
        .foot("retirer", "remove"),
        bind(
            Key::Code(KeyCode::Backspace),
            RemoveSpeaker,
            "retirer de la file",
            "remove from the queue",
        ),
    ]
}

/// The fixed bindings of a screen (no juror hotkeys).
pub fn fixed(screen: Screen) -> Vec<Binding> {
    let mut all = global();
    match screen {
        Screen::Stage => all.extend(timer()),
        Screen::Schedule => {
            all.extend(timer());
            all.extend(schedule());
        }
        Screen::Scores => all.extend(super::scores_screen::grid_bindings()),
        Screen::Completeness => all.extend(super::scores_screen::board_bindings()),
        Screen::Results => all.extend(super::results::bindings(false)),
        Screen::Questions => {
            all.extend(questions());
            all.extend(timer());
        }
    }
    all
}

/// Keys offered to jurors on the questions screen, in this order.
const HOTKEY_POOL: &str = "abcdefghijklmnopqrstuvwxyz1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Each juror's hotkey on the questions screen (jurors in order; a juror
/// past the end of the pool has none). Never a key the screen already uses.
pub fn juror_hotkeys(session: &Session) -> Vec<(JurorId, Option<char>)> {
    let taken: Vec<Key> = fixed(Screen::Questions).iter().map(|b| b.key).collect();
    let mut free = HOTKEY_POOL
        .chars()
        .filter(|c| !taken.contains(&Key::Char(*c)));
    session
        .jurors
        .iter()
        .map(|j| (j.id.clone(), free.next()))
        .collect()
}

/// Every binding of the app's current screen, juror hotkeys included.
pub fn bindings(app: &App) -> Vec<Binding> {
    if app.read_only {
        return global()
            .into_iter()
            .filter(|b| matches!(b.action, Action::Help | Action::Quit))
            .collect();
    }
    if app.text_field_active() {
        // What the footer shows while typing; the keys go to the field.
        return super::results::text_bindings();
    }
    if app.screen == Screen::Results && app.results.form.is_some() {
        let mut all = global();
        all.extend(super::results::bindings(true));
        return all;
    }
    let mut all = fixed(app.screen);
    if app.screen == Screen::Questions {
        for (juror, key) in juror_hotkeys(&app.session) {
            if let Some(c) = key {
                all.push(bind(
                    Key::Char(c),
                    Action::Ask(juror),
                    "file de questions : le juré marqué de cette touche",
                    "question queue: the juror marked with this key",
                ));
            }
        }
    }
    all
}

/// The action for a terminal event, if any: key presses only (Windows also
/// sends releases), in the overlay's mode when one is open.
pub fn action_for(event: &Event, app: &App) -> Option<Action> {
    let Event::Key(key) = event else {
        return None;
    };
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let k = Key::from_event(key);
    match app.overlay {
        Some(Overlay::ConfirmQuit) => {
            return match k {
                Key::Char('y' | 'Y' | 'o' | 'O') => Some(Action::ConfirmQuit),
                Key::Ctrl('c') => Some(Action::ConfirmQuit),
                _ => Some(Action::Close),
            };
        }
        Some(Overlay::Help) => {
            return match k {
                Key::Code(KeyCode::Esc) | Key::Char('?') | Key::Char('q') => Some(Action::Close),
                _ => None,
            };
        }
        None => {}
    }
    if app.text_field_active() {
        return super::results::text_key(k);
    }
    bindings(app)
        .into_iter()
        .find(|b| b.key == k)
        .map(|b| b.action)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use crossterm::event::KeyEventState;

    use super::*;
    use crate::app::fixture;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn no_two_bindings_on_one_screen_share_a_key() {
        let mut app = fixture::app();
        // Many jurors: hotkeys run through letters, digits and capitals.
        app.session = fixture::session_with_jurors(70);
        for screen in Screen::ALL {
            app.screen = *screen;
            let mut seen = HashSet::new();
            for b in bindings(&app) {
                assert!(seen.insert(b.key), "{screen:?}: {:?} bound twice", b.key);
            }
        }
    }

    #[test]
    fn juror_hotkeys_avoid_fixed_keys_and_are_distinct() {
        let session = fixture::session_with_jurors(70);
        let keys = juror_hotkeys(&session);
        let letters: Vec<char> = keys.iter().filter_map(|(_, k)| *k).collect();
        assert!(!letters.contains(&'q') && !letters.contains(&'u') && !letters.contains(&'n'));
        assert!(!letters.contains(&'p') && !letters.contains(&'r'));
        assert_eq!(letters[0], 'a');
        assert_eq!(letters.iter().collect::<HashSet<_>>().len(), letters.len());
        assert!(
            keys.iter().any(|(_, k)| k.is_none()),
            "70 jurors outrun the pool"
        );
    }

    #[test]
    fn only_key_presses_count() {
        let app = fixture::app();
        let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
        assert_eq!(
            action_for(&Event::Key(space), &app),
            Some(Action::StartPause)
        );
        let release = KeyEvent::new_with_kind_and_state(
            KeyCode::Char(' '),
            KeyModifiers::NONE,
            KeyEventKind::Release,
            KeyEventState::NONE,
        );
        assert_eq!(action_for(&Event::Key(release), &app), None);
        let repeat =
            KeyEvent::new_with_kind(KeyCode::Char(' '), KeyModifiers::NONE, KeyEventKind::Repeat);
        assert_eq!(action_for(&Event::Key(repeat), &app), None);
        assert_eq!(action_for(&Event::FocusGained, &app), None);
        assert_eq!(action_for(&Event::Resize(80, 24), &app), None);
    }

    #[test]
    fn keys_map_per_screen() {
        let mut app = fixture::app();
        let tab = press(KeyCode::Tab, KeyModifiers::NONE);
        let back = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(action_for(&tab, &app), Some(Action::NextScreen));
        assert_eq!(action_for(&back, &app), Some(Action::PrevScreen));
        let w = press(KeyCode::Char('w'), KeyModifiers::NONE);
        assert_eq!(action_for(&w, &app), None);
        app.screen = Screen::Schedule;
        assert_eq!(action_for(&w, &app), Some(Action::ToggleWithdrawn));
        let up = press(KeyCode::Up, KeyModifiers::SHIFT);
        assert_eq!(action_for(&up, &app), Some(Action::MoveUp));
        let k = press(KeyCode::Char('K'), KeyModifiers::SHIFT);
        assert_eq!(action_for(&k, &app), Some(Action::MoveUp));
        app.screen = Screen::Questions;
        let a = press(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(action_for(&a, &app), Some(Action::Ask("J1".into())));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&ctrl_c, &app), Some(Action::Quit));
    }

    #[test]
    fn the_stage_display_only_quits_and_helps() {
        let mut app = fixture::app();
        app.read_only = true;
        let space = press(KeyCode::Char(' '), KeyModifiers::NONE);
        let tab = press(KeyCode::Tab, KeyModifiers::NONE);
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(&space, &app), None);
        assert_eq!(action_for(&tab, &app), None);
        assert_eq!(action_for(&q, &app), Some(Action::Quit));
    }

    #[test]
    fn overlays_take_the_keys() {
        let mut app = fixture::app();
        app.overlay = Some(Overlay::ConfirmQuit);
        let y = press(KeyCode::Char('y'), KeyModifiers::NONE);
        let n = press(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(action_for(&y, &app), Some(Action::ConfirmQuit));
        assert_eq!(action_for(&n, &app), Some(Action::Close));
        app.overlay = Some(Overlay::Help);
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(action_for(&esc, &app), Some(Action::Close));
        assert_eq!(action_for(&n, &app), None);
    }

    #[test]
    fn every_screen_lists_help_and_quit_on_the_footer() {
        for screen in Screen::ALL {
            let footer: Vec<Key> = fixed(*screen)
                .iter()
                .filter(|b| b.footer.is_some())
                .map(|b| b.key)
                .collect();
            assert!(footer.contains(&Key::Char('?')));
            assert!(footer.contains(&Key::Char('q')));
        }
        assert_eq!(Key::Char(' ').label(Lang::Fr), "Espace");
        assert_eq!(Key::Shift(KeyCode::Up).label(Lang::En), "Shift-↑");
    }
}
