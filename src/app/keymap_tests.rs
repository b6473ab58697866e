use std::collections::HashSet;

use crossterm::event::{KeyEvent, KeyEventState, KeyModifiers};

use super::*;
use crate::app::Screen;
use crate::app::fixture;
use crate::app::screens::questions::{QuestionsKey, juror_hotkeys};
use crate::app::screens::results::{DecisionForm, Step};
use crate::app::screens::schedule::ScheduleKey;
use crate::app::screens::stage::StageKey;
use crate::domain::{DecisionKind, Lang};
use crate::words::keys::{help_lines, key as label};

fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// Every state a screen's table depends on: each screen as it opens,
/// the results' decision form on its first step and in a text field, the
/// results sealed, many jurors (hotkeys through letters, digits and
/// capitals), the stage display, and every mode and text field of
/// [`modes`].
fn every_state() -> Vec<(String, App)> {
    let mut app = fixture::app();
    app.session = std::sync::Arc::new(fixture::session_with_jurors(70));
    let mut states = Vec::new();
    for screen in Screen::ALL {
        app.screen = *screen;
        states.push((format!("{screen:?}"), app.clone()));
    }
    states.extend(modes(&app));
    let form = |step| DecisionForm {
        teams: vec!["T1".into(), "T2".into()],
        kind: DecisionKind::Order,
        step,
        cursor: 0,
        by: String::new(),
        reason: String::new(),
        problems: Vec::new(),
    };
    app.screen = Screen::Results;
    app.results.form = Some(form(Step::Choice));
    states.push(("decision form".into(), app.clone()));
    app.results.form = Some(form(Step::By));
    states.push(("text field".into(), app.clone()));
    app.results.form = None;
    app.session_mut().sealed = true;
    states.push(("results sealed".into(), app.clone()));
    let mut display = fixture::app();
    display.mode = Mode::Display;
    states.push(("display".into(), display));
    states
}

/// The states that put another table on a screen: the message to the
/// speaker typed on the stage, the reveal under way, a value half typed
/// in the grid (letters are then not commands), the blind double entry
/// (and a value half typed in it), the history over the board and over
/// the Setup screen, a Setup field being typed.
fn modes(app: &App) -> Vec<(String, App)> {
    use crate::app::screens::history::HistoryView;
    use crate::app::screens::setup::{Editing, Purpose};
    use crate::domain::reveal::{Place, Reveal};
    let on = |screen: Screen, change: &dyn Fn(&mut App)| {
        let mut app = app.clone();
        app.screen = screen;
        change(&mut app);
        app
    };
    let history = |app: &mut App| {
        app.history = Some(HistoryView {
            team: None,
            read: None,
            asked: true,
            from_end: 0,
        });
    };
    let blind = |app: &mut App| app.blind.team = Some("T1".into());
    vec![
        (
            "stage, message typed",
            on(Screen::Stage, &|app| app.stage.draft = Some(String::new())),
        ),
        (
            "stage, reveal under way",
            on(Screen::Stage, &|app| {
                let first = Place {
                    rank: 1,
                    teams: vec!["T1".into()],
                };
                app.session_mut().reveal = Some(Reveal::new(vec![first]));
            }),
        ),
        (
            "grid, value half typed",
            on(Screen::Scores, &|app| app.grid.input = "4".into()),
        ),
        ("blind entry", on(Screen::Scores, &blind)),
        (
            "blind entry, value half typed",
            on(Screen::Scores, &|app| {
                blind(app);
                app.blind.input = "4".into();
            }),
        ),
        ("history over the board", on(Screen::Completeness, &history)),
        ("history over Setup", on(Screen::Setup, &history)),
        (
            "setup, field typed",
            on(Screen::Setup, &|app| {
                app.setup.editing = Some(Editing {
                    purpose: Purpose::LateTeam,
                    text: String::new(),
                });
            }),
        ),
    ]
    .into_iter()
    .map(|(name, app)| (name.to_string(), app))
    .collect()
}

#[test]
fn the_modes_put_their_own_tables() {
    // Each mode of `modes` really changes what its screen answers to, so
    // the walks below cover a table the plain screens do not.
    let app = fixture::app();
    for (name, moded) in modes(&app) {
        let mut plain = app.clone();
        plain.screen = moded.screen;
        let actions = |app: &App| -> Vec<Action> {
            screen_bindings(app).into_iter().map(|b| b.action).collect()
        };
        assert_ne!(actions(&moded), actions(&plain), "{name}");
    }
}

/// Every key a terminal can send that a table may name.
fn every_key() -> Vec<Key> {
    let codes = [
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Delete,
        KeyCode::Backspace,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Insert,
        KeyCode::F(1),
    ];
    let chars = (' '..='~').chain("éàç".chars());
    let mut keys: Vec<Key> = chars.map(Key::Char).collect();
    keys.extend(('a'..='z').map(Key::Ctrl));
    keys.extend(codes.iter().map(|c| Key::Code(*c)));
    keys.extend(codes.iter().map(|c| Key::Shift(*c)));
    keys
}

/// The action a key pressed takes in a table, as `action_for` finds it.
fn takes(table: &[Binding<Action>], key: Key) -> Option<&Binding<Action>> {
    find(table, key)
}

#[test]
fn every_key_a_screen_answers_to_is_in_its_help() {
    for lang in [Lang::Fr, Lang::En] {
        for (name, app) in every_state() {
            let table = screen_bindings(&app);
            let help = help_lines(&table, lang);
            let listed = |label: &str| {
                help.iter().any(|(keys, _)| {
                    keys.split(" / ").any(|k| k == label || in_range(k, label))
                        || (label.chars().count() == 1 && keys.contains(label))
                })
            };
            for key in every_key() {
                let Some(b) = takes(&table, key) else {
                    continue;
                };
                let is_hotkey = matches!(
                    b.action,
                    Action::Key(screens::ScreenKey::Questions(QuestionsKey::Ask(_)))
                );
                let label = if b.keys().any(|k| k == key) {
                    label(key, lang)
                } else {
                    // Taken by a catch-all: the help names the catch-all.
                    label(b.key, lang)
                };
                assert!(
                    listed(&label) || is_hotkey && listed("a, b, c…"),
                    "{name} ({lang:?}): {label} does something but is not in the help {help:?}"
                );
            }
        }
    }
}

/// Whether a range of function keys ("F1–F7") holds a key ("F3").
fn in_range(range: &str, label: &str) -> bool {
    let f = |k: &str| k.strip_prefix('F').and_then(|n| n.parse::<u8>().ok());
    match (range.split_once('–'), f(label)) {
        (Some((a, b)), Some(n)) => f(a).zip(f(b)).is_some_and(|(a, b)| (a..=b).contains(&n)),
        _ => false,
    }
}

#[test]
fn every_key_an_overlay_answers_to_is_on_its_line() {
    for table in [
        help_overlay(),
        confirm_quit(),
        confirm_drop_queue(),
        confirm_seal(),
    ] {
        for key in every_key() {
            if let Some(b) = takes(&table, key) {
                assert!(b.footer.is_some(), "{key:?} does something unsaid");
            }
        }
    }
}

#[test]
fn no_two_bindings_on_one_screen_share_a_key() {
    let overlays = [
        ("help", help_overlay()),
        ("quit?", confirm_quit()),
        ("drop queue?", confirm_drop_queue()),
        ("seal?", confirm_seal()),
    ];
    let screens = every_state()
        .into_iter()
        .map(|(name, app)| (name, screen_bindings(&app)));
    for (name, table) in screens.chain(overlays.map(|(n, t)| (n.to_string(), t))) {
        let mut seen = HashSet::new();
        for key in table.iter().flat_map(|b| b.keys()) {
            assert!(seen.insert(key), "{name}: {key:?} bound twice");
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
        Some(Action::from(StageKey::StartPause))
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
    assert_eq!(
        action_for(&w, &app),
        Some(Action::from(ScheduleKey::ToggleWithdrawn))
    );
    let up = press(KeyCode::Up, KeyModifiers::SHIFT);
    assert_eq!(
        action_for(&up, &app),
        Some(Action::from(ScheduleKey::MoveUp))
    );
    let k = press(KeyCode::Char('K'), KeyModifiers::SHIFT);
    assert_eq!(
        action_for(&k, &app),
        Some(Action::from(ScheduleKey::MoveUp))
    );
    let space = press(KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(
        action_for(&space, &app),
        Some(Action::from(ScheduleKey::Timer(StageKey::StartPause)))
    );
    app.screen = Screen::Questions;
    let a = press(KeyCode::Char('a'), KeyModifiers::NONE);
    assert_eq!(
        action_for(&a, &app),
        Some(Action::from(QuestionsKey::Ask("J1".into())))
    );
    let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(action_for(&ctrl_c, &app), Some(Action::Quit));
}

#[test]
fn the_stage_display_only_quits_and_helps() {
    let mut app = fixture::app();
    app.mode = Mode::Display;
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
    let o = press(KeyCode::Char('O'), KeyModifiers::SHIFT);
    let n = press(KeyCode::Char('n'), KeyModifiers::NONE);
    assert_eq!(action_for(&y, &app), Some(Action::ConfirmQuit));
    assert_eq!(action_for(&o, &app), Some(Action::ConfirmQuit));
    assert_eq!(action_for(&n, &app), Some(Action::Close));
    app.overlay = Some(Overlay::Help);
    let esc = press(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(action_for(&esc, &app), Some(Action::Close));
    assert_eq!(action_for(&n, &app), None);
}

#[test]
fn a_text_field_takes_every_character() {
    let mut app = fixture::app();
    app.screen = Screen::Results;
    app.results.form = Some(DecisionForm {
        teams: vec!["T1".into()],
        kind: DecisionKind::Order,
        step: Step::Reason,
        cursor: 0,
        by: String::new(),
        reason: String::new(),
        problems: Vec::new(),
    });
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    let typed = crate::app::screens::results::ResultsKey::Char('q');
    assert_eq!(action_for(&q, &app), Some(Action::from(typed)));
    let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(action_for(&ctrl_c, &app), Some(Action::Quit));
}

#[test]
fn every_screen_lists_help_and_quit_on_the_footer() {
    let app = fixture::app();
    for screen in Screen::ALL {
        let mut app = app.clone();
        app.screen = *screen;
        let footer: Vec<Key> = screen_bindings(&app)
            .iter()
            .filter(|b| b.footer.is_some())
            .map(|b| b.key)
            .collect();
        assert!(footer.contains(&Key::Char('?')));
        assert!(footer.contains(&Key::Char('q')));
    }
    assert_eq!(label(Key::Char(' '), Lang::Fr), "Espace");
    assert_eq!(label(Key::Shift(KeyCode::Up), Lang::En), "Shift-↑");
}
