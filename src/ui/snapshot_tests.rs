//! Whole-screen snapshots (text only, colour off) at fixed sizes and a fixed
//! `now`, in French and English, each also asserting key content; colours
//! are asserted on cells with colour on.

#![cfg(test)]

use chrono::{DateTime, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

use super::{Theme, View};
use crate::app::fixture::{self, at};
use crate::app::screens::questions::QuestionsKey;
use crate::app::screens::stage::StageKey;
use crate::app::{Action, App, Screen, update};
use crate::domain::Lang;

pub(super) const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

pub(super) fn draw(
    app: &App,
    now: DateTime<Utc>,
    (w, h): (u16, u16),
    color: bool,
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| f.render_widget(&View::new(app, now, Theme::new(color)), f.area()))
        .unwrap();
    terminal
}

/// The terminal's cells as text, one line per row.
pub(super) fn text(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The screen line that contains `needle`.
pub(super) fn line_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?} in\n{screen}"))
}

/// Run actions, saving each operation at once (as the loop would).
pub(super) fn drive(app: &mut App, actions: &[(Action, i64)]) {
    for (action, secs) in actions {
        let now = at(*secs);
        let mut effects = update(app, action.clone(), now);
        while let Some(effect) = effects.pop() {
            let mut disk = (*app.session).clone();
            if let Some(fed) = fixture::outcome(&mut disk, &effect) {
                effects.extend(update(app, fed, now));
            }
        }
    }
}

pub(super) fn app(lang: Lang) -> App {
    App::new(fixture::session(), fixture::options(lang), at(0))
}

/// T1 called and pitching since 0, the questions screen shown.
pub(super) fn pitching_on_questions(lang: Lang) -> App {
    let mut app = app(lang);
    let tab = Action::NextScreen;
    let start = [
        (Action::from(StageKey::StartPause), 0),
        (tab.clone(), 1),
        (tab, 1),
    ];
    drive(&mut app, &start);
    app
}

/// T1 pitching, 65 s in; J2 and J4 queued.
pub(super) fn pitching(lang: Lang) -> App {
    let mut app = pitching_on_questions(lang);
    drive(
        &mut app,
        &[
            (Action::from(QuestionsKey::Ask("J2".into())), 30),
            (Action::from(QuestionsKey::Ask("J4".into())), 31),
            (Action::PrevScreen, 32),
            (Action::PrevScreen, 32),
        ],
    );
    app
}

#[test]
fn stage_snapshots() {
    for lang in [Lang::Fr, Lang::En] {
        let app = pitching(lang);
        for size in SIZES {
            let t = draw(&app, at(65), size, false);
            let screen = text(&t);
            assert!(
                screen.contains("Cantine zéro déchet") || size.1 >= 34,
                "{screen}"
            );
            assert!(screen.contains("Des menus qui ne jettent plus rien"));
            assert!(screen.contains("Somme"));
            assert!(
                screen.contains(lang.t("Temps restant 1:55", "Time left 1:55")),
                "{screen}"
            );
            assert!(screen.contains("PITCH"));
            assert!(screen.contains("T2 · Guichet unique · Nord"));
            assert!(screen.contains("Karim Benali"));
            assert!(screen.contains("█"), "big digits");
            assert!(screen.contains(lang.t("aide", "help")));
            insta::assert_snapshot!(
                format!("stage_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
    }
}

#[test]
fn stage_before_the_first_team_and_in_overtime() {
    let app = app(Lang::Fr);
    let screen = text(&draw(&app, at(0), (80, 24), false));
    assert!(screen.contains("À appeler · T1 · Somme"), "{screen}");
    assert!(screen.contains("Espace pour commencer"));
    assert!(screen.contains("Équipe suivante : T2"));
    let app = pitching(Lang::En);
    // 12.2 s over: the flash is on in the first half of the second.
    let on = draw(
        &app,
        at(192) + chrono::TimeDelta::milliseconds(200),
        (80, 24),
        false,
    );
    let off = draw(
        &app,
        at(192) + chrono::TimeDelta::milliseconds(700),
        (80, 24),
        false,
    );
    assert!(text(&on).contains("Overtime +0:12"));
    assert!(text(&off).contains("Overtime +0:12"), "plain text stays");
    assert!(
        text(&on).contains("█") && !text(&off).contains("█"),
        "big digits flash"
    );
    insta::assert_snapshot!("stage_en_overtime_80x24", on.backend());
}

/// The countdown's big digits' colour at `now`.
fn digit_colour(app: &App, now: DateTime<Utc>) -> Color {
    let t = draw(app, now, (80, 24), true);
    let buf = t.backend().buffer();
    let cell = buf
        .content()
        .iter()
        .find(|c| c.symbol() == "█")
        .expect("big digits");
    cell.fg
}

#[test]
fn warning_and_alarm_colours() {
    let app = pitching(Lang::Fr);
    assert_eq!(digit_colour(&app, at(60)), Color::Green);
    assert_eq!(digit_colour(&app, at(120)), Color::Yellow);
    assert_eq!(digit_colour(&app, at(149)), Color::Yellow);
    assert_eq!(digit_colour(&app, at(150)), Color::Red);
    assert_eq!(digit_colour(&app, at(180)), Color::LightRed);
    // Colour off: no colour at all, anywhere.
    let t = draw(&app, at(150), (80, 24), false);
    assert!(
        t.backend()
            .buffer()
            .content()
            .iter()
            .all(|c| c.fg == Color::Reset)
    );
}

#[test]
fn too_small_says_so() {
    let app = pitching(Lang::En);
    let screen = text(&draw(&app, at(10), (40, 10), false));
    assert!(screen.contains("Window too small (40×10)"), "{screen}");
    assert!(!screen.contains("█"));
}

#[test]
fn help_overlay_lists_the_screens_keys() {
    let mut app = pitching(Lang::En);
    drive(&mut app, &[(Action::Help, 40)]);
    let t = draw(&app, at(40), (80, 24), false);
    let screen = text(&t);
    assert!(screen.contains("Keys — Stage"));
    assert!(screen.contains("start / pause / resume"));
    assert!(screen.contains("restart the phase"));
    assert!(screen.contains("Shift-Tab"));
    insta::assert_snapshot!("help_en_stage_80x24", t.backend());
    app.screen = Screen::Questions;
    assert!(text(&draw(&app, at(40), (80, 24), false)).contains("queue a juror"));
}

#[test]
fn quit_question_while_the_timer_runs() {
    let mut app = pitching(Lang::Fr);
    drive(&mut app, &[(Action::Quit, 40)]);
    let screen = text(&draw(&app, at(40), (80, 24), false));
    assert!(screen.contains("Un chronomètre tourne"), "{screen}");
    assert!(
        screen.contains("y / o / Y / O / Ctrl-C : quitter · autre touche : rester"),
        "{screen}"
    );
}

#[test]
fn the_header_never_runs_together_down_to_the_minimum_width() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = pitching(lang);
        // Questions, paused, projector on: the longest right side.
        drive(
            &mut app,
            &[
                (Action::from(StageKey::NextPhase), 50),
                (Action::from(StageKey::StartPause), 60),
                (Action::ToggleProjector, 60),
            ],
        );
        for &screen in Screen::ALL {
            app.screen = screen;
            for w in super::MIN_WIDTH..=90 {
                let t = draw(&app, at(70), (w, super::MIN_HEIGHT), false);
                let all = text(&t);
                let header = all.lines().next().unwrap();
                let current = format!("[{}]", crate::words::screens::title(screen, lang));
                assert!(header.contains(&current), "{w}: {header}");
                let team = header
                    .find(" T1 ")
                    .unwrap_or_else(|| panic!("{w}: {header}"));
                assert!(
                    header[..team].ends_with(' ') || header[..team].ends_with(']'),
                    "{w}: a blank before the team: {header}"
                );
                assert!(
                    header.contains("T1 ◆") || header.contains("T1 ⏸"),
                    "{header}"
                );
                assert!(header.contains(" 1:50 "), "{w}: {header}");
                assert!(!header.contains('?'), "? is the help key: {header}");
            }
        }
    }
}

#[test]
fn a_long_queue_on_the_stage_shows_each_speaker_whole() {
    let mut app = app(Lang::Fr);
    let mut actions = vec![
        (Action::from(StageKey::StartPause), 0),
        (Action::NextScreen, 1),
        (Action::NextScreen, 1),
    ];
    for (i, j) in ["J1", "J2", "J3", "J4", "J5"].into_iter().enumerate() {
        actions.push((Action::from(QuestionsKey::Ask(j.into())), 30 + i as i64));
    }
    actions.extend([(Action::PrevScreen, 40), (Action::PrevScreen, 40)]);
    drive(&mut app, &actions);
    assert_eq!(app.session.queue.len(), 5);
    let screen = text(&draw(&app, at(65), (80, 24), false));
    for speaker in [
        "1. Claire Dumont",
        "2. Karim Benali",
        "3. Sophie Martin",
        "4. Luc Moreau",
        "5. Inès Garnier",
    ] {
        assert!(screen.contains(speaker), "{speaker}:\n{screen}");
    }
}
