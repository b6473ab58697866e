//! Which table of keys holds now, and the action for a key pressed. The
//! tables themselves are data: the keys that hold everywhere and each
//! screen's in `screens/`, each overlay's here. Key handling, the footer
//! and the `?` overlay (`words::keys::help_lines`) all read them, so a key
//! is written once.

use crossterm::event::{Event, KeyCode, KeyEventKind};

use super::keys::{Binding, CommonHelp, Key, bind, find};
use super::screens;
use super::{Action, App, Mode, Overlay};

/// The overlays' own words (the rest they share with other tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverlayHelp {
    /// Yes to dropping the jurors still waiting to ask.
    EndQuestions,
    /// Yes to sealing or unsealing the results.
    Yes,
    /// No to it.
    No,
}

/// The help overlay's keys.
pub fn help_overlay() -> Vec<Binding<Action>> {
    vec![
        bind(Key::Code(KeyCode::Esc), Action::Close, CommonHelp::Close)
            .or(Key::Char('?'))
            .or(Key::Char('q'))
            .foot(CommonHelp::Close),
    ]
}

/// The quit question's keys: yes, or stay.
pub fn confirm_quit() -> Vec<Binding<Action>> {
    vec![
        bind(Key::Char('y'), Action::ConfirmQuit, CommonHelp::Quit)
            .or(Key::Char('o'))
            .or(Key::Char('Y'))
            .or(Key::Char('O'))
            .or(Key::Ctrl('c'))
            .foot(CommonHelp::Quit),
        bind(Key::Other, Action::Close, CommonHelp::Stay).foot(CommonHelp::Stay),
    ]
}

/// The question before dropping jurors still waiting to ask: end the
/// questions anyway, or stay.
pub fn confirm_drop_queue() -> Vec<Binding<Action>> {
    let drop = Action::Key(screens::ScreenKey::Stage(
        screens::stage::StageKey::NextDroppingQueue,
    ));
    vec![
        bind(Key::Char('y'), drop, OverlayHelp::EndQuestions)
            .or(Key::Char('o'))
            .or(Key::Char('Y'))
            .or(Key::Char('O'))
            .foot(OverlayHelp::EndQuestions),
        bind(Key::Other, Action::Close, CommonHelp::Stay).foot(CommonHelp::Stay),
    ]
}

/// The question before sealing or unsealing the results: do it, or not.
pub fn confirm_seal() -> Vec<Binding<Action>> {
    let seal = Action::Key(screens::ScreenKey::Results(
        screens::results::ResultsKey::SealConfirmed,
    ));
    vec![
        bind(Key::Char('y'), seal, OverlayHelp::Yes)
            .or(Key::Char('o'))
            .or(Key::Char('Y'))
            .or(Key::Char('O'))
            .foot(OverlayHelp::Yes),
        bind(Key::Other, Action::Close, OverlayHelp::No).foot(OverlayHelp::No),
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
        all.push(bind(Key::Ctrl('c'), Action::Quit, CommonHelp::Quit));
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
        Some(Overlay::ConfirmSeal { .. }) => confirm_seal(),
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

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
