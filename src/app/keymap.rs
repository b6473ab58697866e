//! Which table of keys holds now, and the action for a key pressed. The
//! tables themselves are data: the keys that hold everywhere and each
//! screen's in `screens/`, each overlay's here. Key handling, the footer
//! and the `?` overlay all read them, so a key is written once.

use crossterm::event::{Event, KeyCode, KeyEventKind};

use super::keys::{Binding, Key, bind, find};
use super::screens;
use super::{Action, App, Mode, Overlay};
use crate::domain::Lang;

/// The help overlay's keys.
pub fn help_overlay() -> Vec<Binding<Action>> {
    vec![
        bind(Key::Code(KeyCode::Esc), Action::Close, "fermer", "close")
            .or(Key::Char('?'))
            .or(Key::Char('q'))
            .foot("fermer", "close"),
    ]
}

/// The quit question's keys: yes, or stay.
pub fn confirm_quit() -> Vec<Binding<Action>> {
    vec![
        bind(Key::Char('y'), Action::ConfirmQuit, "quitter", "quit")
            .or(Key::Char('o'))
            .or(Key::Char('Y'))
            .or(Key::Char('O'))
            .or(Key::Ctrl('c'))
            .foot("quitter", "quit"),
        bind(Key::Other, Action::Close, "rester", "stay").foot("rester", "stay"),
    ]
}

/// The question before dropping jurors still waiting to ask: end the
/// questions anyway, or stay.
pub fn confirm_drop_queue() -> Vec<Binding<Action>> {
    let drop = Action::Key(screens::ScreenKey::Stage(
        screens::stage::StageKey::NextDroppingQueue,
    ));
    vec![
        bind(
            Key::Char('y'),
            drop,
            "terminer les questions",
            "end the questions",
        )
        .or(Key::Char('o'))
        .or(Key::Char('Y'))
        .or(Key::Char('O'))
        .foot("terminer les questions", "end the questions"),
        bind(Key::Other, Action::Close, "rester", "stay").foot("rester", "stay"),
    ]
}

/// The question before sealing or unsealing the results: do it, or not.
pub fn confirm_seal() -> Vec<Binding<Action>> {
    let seal = Action::Key(screens::ScreenKey::Results(
        screens::results::ResultsKey::SealConfirmed,
    ));
    vec![
        bind(Key::Char('y'), seal, "oui", "yes")
            .or(Key::Char('o'))
            .or(Key::Char('Y'))
            .or(Key::Char('O'))
            .foot("oui", "yes"),
        bind(Key::Other, Action::Close, "non", "no").foot("non", "no"),
    ]
}

/// Whether an action is one of the keys that hold on every screen.
pub fn is_global(action: &Action) -> bool {
    screens::global().iter().any(|b| b.action == *action)
}

/// Every binding of the app's current screen (no overlay), juror hotkeys
/// included: what the footer and the `?` overlay list.
pub fn screen_bindings(app: &App) -> Vec<Binding<Action>> {
    if app.mode == Mode::Display {
        return screens::global()
            .into_iter()
            .filter(|b| matches!(b.action, Action::Help | Action::Quit))
            .collect();
    }
    let own = app.screen.bindings(app);
    if app.text_field_active() {
        // Every printable key is text: only Ctrl-C still quits.
        let mut all = own;
        all.push(bind(Key::Ctrl('c'), Action::Quit, "quitter", "quit"));
        return all;
    }
    let mut all = screens::global();
    if app.screen == screens::Screen::Scores && app.half_typed() {
        // A letter is never a command while a value is half-typed
        // (quitting still asks first).
        all.retain(|b| {
            !matches!(b.key, Key::Char(c) if c.is_alphabetic()) || b.action == Action::Quit
        });
    }
    all.extend(own);
    all
}

/// The bindings holding now: the overlay's if one is open, else the
/// screen's.
pub fn bindings(app: &App) -> Vec<Binding<Action>> {
    match app.overlay {
        Some(Overlay::Help) => help_overlay(),
        Some(Overlay::ConfirmQuit) => confirm_quit(),
        Some(Overlay::ConfirmDropQueue) => confirm_drop_queue(),
        Some(Overlay::ConfirmSeal) => confirm_seal(),
        None => screen_bindings(app),
    }
}

/// The action for a terminal event, if any: key presses only (Windows also
/// sends releases), in the overlay's table when one is open.
pub fn action_for(event: &Event, app: &App) -> Option<Action> {
    if let Event::Paste(text) = event {
        // Pasted text is never taken as keys.
        return (app.overlay.is_none()).then(|| Action::Paste(text.clone()));
    }
    let Event::Key(key) = event else {
        return None;
    };
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let pressed = Key::from_event(key);
    let table = bindings(app);
    let b = find(&table, pressed)?;
    Some(match (&b.action, b.key, pressed) {
        (Action::Key(k), Key::Text, Key::Char(c)) => Action::Key(k.clone().typed(c)),
        (action, _, _) => action.clone(),
    })
}

/// The `?` overlay's lines: keys doing the same thing, or said the same
/// way, share a line (single characters side by side: "0123456789.,");
/// the juror hotkeys share one.
pub fn help_lines(app: &App, lang: Lang) -> Vec<(String, String)> {
    let mut rows: Vec<(String, &str)> = Vec::new();
    let mut hotkeys = 0;
    for b in screen_bindings(app) {
        if matches!(
            b.action,
            Action::Key(screens::ScreenKey::Questions(
                screens::questions::QuestionsKey::Ask(_)
            ))
        ) {
            hotkeys += 1;
            continue;
        }
        let label = keys_label(&b, lang);
        match rows.iter_mut().find(|r| r.1 == b.help(lang)) {
            Some(row) if is_char(&row.0, &label) => row.0.push_str(&label),
            // F1, F2… F7 make one range: "F1–F7".
            Some(row) if matches!(b.key, Key::Code(KeyCode::F(_))) => {
                let first = row.0.split('–').next().unwrap_or_default().to_string();
                row.0 = format!("{first}–{label}");
            }
            Some(row) => row.0 = format!("{} / {label}", row.0),
            None => rows.push((label, b.help(lang))),
        }
    }
    let mut lines: Vec<(String, String)> = rows
        .into_iter()
        .map(|(keys, help)| (keys, help.to_string()))
        .collect();
    if hotkeys > 0 {
        lines.push((
            "a, b, c…".to_string(),
            lang.t(
                "mettre un juré dans la file (touche près du nom)",
                "queue a juror (the key beside their name)",
            )
            .to_string(),
        ));
    }
    lines
}

/// A binding's keys as the help writes them: "q / Ctrl-C".
pub fn keys_label<A>(b: &Binding<A>, lang: Lang) -> String {
    b.keys()
        .map(|k| k.label(lang))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Whether two key labels are runs of single characters (digits and the
/// like), written side by side in the help.
fn is_char(run: &str, label: &str) -> bool {
    let digit = |c: char| c.is_ascii_digit() || ".,".contains(c);
    let azerty = |c: char| screens::scores::AZERTY_ROW.contains(c);
    label.chars().count() == 1
        && (run.chars().all(digit) || run.chars().all(azerty) && label.chars().all(azerty))
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
