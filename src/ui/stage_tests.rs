//! The stage during a break and with a message to the speaker, and the
//! audience's display (no chrome): snapshots at three sizes in both
//! languages, each with content assertions; colours asserted on cells.

#![cfg(test)]

use ratatui::style::{Color, Modifier};

use super::snapshot_tests::{SIZES, app, draw, drive, line_with, pitching, text};
use crate::app::fixture::at;
use crate::app::screens::schedule::ScheduleKey;
use crate::app::screens::stage::{MessageKey, StageKey};
use crate::app::{Action, App, Mode, Screen};
use crate::domain::Lang;

/// Three teams through on time from 9:55, then `n` at 10:13 starts the
/// fifteen-minute coffee break.
fn on_break(lang: Lang) -> App {
    let mut app = before_the_break(lang);
    let n = || Action::from(StageKey::NextPhase);
    drive(&mut app, &[(n(), 1020), (n(), 1080)]);
    app
}

#[test]
fn the_stage_during_a_break() {
    for lang in [Lang::Fr, Lang::En] {
        let app = on_break(lang);
        for size in SIZES {
            let t = draw(&app, at(1080 + 125), size, false);
            let screen = text(&t);
            let title = lang.t(
                "Pause café — reprise à 10:28",
                "Pause café — resuming at 10:28",
            );
            assert!(screen.contains(title), "{screen}");
            assert!(screen.contains(lang.t("◷ PAUSE", "◷ BREAK")), "{screen}");
            assert!(
                screen.contains(lang.t("Reprise dans 12:55", "Resuming in 12:55")),
                "{screen}"
            );
            assert!(screen.contains("█"), "big digits");
            assert!(
                screen.contains(lang.t("Équipe suivante : T4", "Next team: T4")),
                "{screen}"
            );
            insta::assert_snapshot!(
                format!("stage_break_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
    }
}

#[test]
fn the_schedule_shows_the_break_running_and_no_advance() {
    let mut app = on_break(Lang::Fr);
    app.screen = Screen::Schedule;
    let screen = text(&draw(&app, at(1080 + 125), (120, 40), false));
    assert!(
        line_with(&screen, "Pause café").contains("◷ en pause"),
        "{screen}"
    );
    // The day began 25 minutes late; the break on time changes nothing.
    assert!(screen.contains("Retard +25:00"), "{screen}");
    // Ended on time: taken, and still no advance.
    drive(
        &mut app,
        &[(Action::from(ScheduleKey::Timer(StageKey::NextPhase)), 1980)],
    );
    let screen = text(&draw(&app, at(1980), (120, 40), false));
    assert!(
        line_with(&screen, "Pause café").contains("✓ pause"),
        "{screen}"
    );
    assert!(screen.contains("Retard +25:00"), "{screen}");
    assert!(!screen.contains("Avance"), "{screen}");
}

/// T1 pitching 65 s in, with the ready message shown.
fn with_message(lang: Lang) -> App {
    let mut app = pitching(lang);
    drive(
        &mut app,
        &[(Action::from(StageKey::Message(MessageKey::Conclude)), 60)],
    );
    app
}

#[test]
fn the_stage_with_a_message() {
    for lang in [Lang::Fr, Lang::En] {
        let app = with_message(lang);
        for size in SIZES {
            let t = draw(&app, at(65), size, false);
            let screen = text(&t);
            assert!(
                screen.contains(lang.t("Temps restant 1:55", "Time left 1:55")),
                "{screen}"
            );
            assert!(screen.contains("Des menus qui ne jettent plus rien"));
            // The message is big (drawn in blocks), in a reversed banner.
            let buf = t.backend().buffer();
            let banner = buf
                .content()
                .iter()
                .filter(|c| c.modifier.contains(Modifier::REVERSED))
                .count();
            assert!(banner >= usize::from(size.0) * 3, "{banner} reversed cells");
            insta::assert_snapshot!(
                format!("stage_message_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
    }
}

#[test]
fn a_long_message_is_written_in_lines_and_escaped() {
    let mut app = pitching(Lang::Fr);
    let long = "Merci de conclure : la salle doit être libérée \u{1b}[2J dans deux minutes";
    app.session_mut().message = Some(crate::domain::Message::Text(long.into()));
    let screen = text(&draw(&app, at(65), (80, 24), false));
    assert!(screen.contains("Merci de conclure"), "{screen}");
    assert!(screen.contains("minutes"), "{screen}");
    assert!(!screen.contains('\u{1b}'), "{screen}");
    // Being typed: the prompt and the text.
    drive(
        &mut app,
        &[(Action::from(StageKey::Message(MessageKey::Write)), 66)],
    );
    app.stage.draft = Some("Deux minutes".into());
    let screen = text(&draw(&app, at(66), (80, 24), false));
    assert!(screen.contains("Message à l'orateur"), "{screen}");
    assert!(screen.contains("Deux minutes▏"), "{screen}");
}

/// The audience's display of an app.
fn display(mut app: App) -> App {
    app.mode = Mode::Display;
    app.status = None;
    app
}

#[test]
fn the_display_has_no_chrome() {
    for lang in [Lang::Fr, Lang::En] {
        let app = display(with_message(lang));
        for size in SIZES {
            let t = draw(&app, at(65), size, false);
            let screen = text(&t);
            assert!(screen.contains("Des menus qui ne jettent plus rien"));
            assert!(
                screen.contains(lang.t("Temps restant 1:55", "Time left 1:55")),
                "{screen}"
            );
            assert!(screen.contains("Karim Benali"), "the queue");
            for chrome in ["PODIUM", "rév.", "rev.", "aide", "help", "quit", "Espace"] {
                assert!(!screen.contains(chrome), "{chrome} in\n{screen}");
            }
            insta::assert_snapshot!(
                format!("display_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
    }
    // The break, too.
    let app = display(on_break(Lang::Fr));
    let screen = text(&draw(&app, at(1100), (80, 24), false));
    assert!(screen.contains("Pause café — reprise à 10:28"), "{screen}");
}

#[test]
fn the_display_never_flashes_or_reddens_the_scoring() {
    let mut app = app(Lang::Fr);
    drive(
        &mut app,
        &[
            (Action::from(StageKey::StartPause), 0),
            (Action::from(StageKey::NextPhase), 180),
            (Action::from(StageKey::NextPhase), 300),
        ],
    );
    // Scoring from 300 for 1:00: 12.7 s over, in the flash's off half.
    let now = at(372) + chrono::TimeDelta::milliseconds(700);
    let live = draw(&app, now, (80, 24), true);
    assert!(!text(&live).contains("█"), "the moderator's stage flashes");
    let shown = draw(&display(app), now, (80, 24), true);
    let screen = text(&shown);
    assert!(screen.contains("█"), "the display does not: {screen}");
    let reds = shown
        .backend()
        .buffer()
        .content()
        .iter()
        .filter(|c| matches!(c.fg, Color::Red | Color::LightRed))
        .count();
    assert_eq!(reds, 0, "no red on the display");
}

#[test]
fn without_colour_warning_and_alarm_show_a_sign() {
    let app = pitching(Lang::Fr);
    let calm = text(&draw(&app, at(60), (80, 24), false));
    let warning = text(&draw(&app, at(125), (80, 24), false));
    let alarm = text(&draw(&app, at(155), (80, 24), false));
    assert!(
        line_with(&calm, "Temps restant")
            .trim()
            .starts_with("Temps")
    );
    assert!(line_with(&warning, "Temps restant").contains("▲ Temps restant 0:55"));
    assert!(line_with(&alarm, "Temps restant").contains("‼ Temps restant 0:25"));
}

#[test]
fn the_stage_and_the_schedule_give_one_overtime_figure() {
    let mut app = pitching(Lang::Fr);
    // The pitch left 60 s early, the questions cut by 10 s and run 18 s
    // over them: the team is within its time, on both screens.
    drive(
        &mut app,
        &[
            (Action::from(StageKey::NextPhase), 120),
            (Action::from(StageKey::RemoveTime), 121),
        ],
    );
    let now = at(120 + 128);
    let stage = text(&draw(&app, now, (80, 24), false));
    assert!(
        stage.contains("Temps écoulé +0:18 · équipe dans les temps"),
        "{stage}"
    );
    app.screen = Screen::Schedule;
    let schedule = text(&draw(&app, now, (120, 40), false));
    assert!(
        !line_with(&schedule, "T1 Cantine").contains('+'),
        "{schedule}"
    );
    // A pitch on time then the same questions: 18 s over on both.
    let mut app = pitching(Lang::Fr);
    drive(
        &mut app,
        &[
            (Action::from(StageKey::NextPhase), 180),
            (Action::from(StageKey::RemoveTime), 181),
        ],
    );
    let now = at(180 + 128);
    let stage = text(&draw(&app, now, (80, 24), false));
    assert!(stage.contains("Dépassement +0:18"), "{stage}");
    app.screen = Screen::Schedule;
    let schedule = text(&draw(&app, now, (120, 40), false));
    assert!(
        line_with(&schedule, "T1 Cantine").contains("+0:18"),
        "{schedule}"
    );
}

#[test]
fn a_name_or_message_the_big_font_lacks_is_written_plainly() {
    let mut app = pitching(Lang::Fr);
    let on_stage = app.session.stage.team.clone().expect("a team on stage");
    let name = "東京チーム 🚀";
    let team = app
        .session_mut()
        .teams
        .iter_mut()
        .find(|t| t.id == on_stage);
    team.expect("the team").name = name.into();
    // At 200×60 the name would be drawn big: its characters would be blank.
    // (A wide character's second cell reads as a space.)
    let packed = |screen: String| screen.replace(' ', "");
    let screen = packed(text(&draw(&app, at(65), (200, 60), false)));
    assert!(screen.contains("東京チーム🚀"), "{screen}");
    let message = "שלום, 2 minutes";
    app.session_mut().message = Some(crate::domain::Message::Text(message.into()));
    let screen = packed(text(&draw(&app, at(65), (200, 60), false)));
    assert!(screen.contains("שלום,2minutes"), "{screen}");
}

#[test]
fn a_name_of_twenty_thousand_letters_is_drawn_cut() {
    let mut app = pitching(Lang::Fr);
    let on_stage = app.session.stage.team.clone().expect("a team on stage");
    let team = app
        .session_mut()
        .teams
        .iter_mut()
        .find(|t| t.id == on_stage);
    // 20,000 glyphs of 8 cells overflowed the big text's count.
    team.expect("the team").name = "W".repeat(20_000);
    app.session_mut().message = Some(crate::domain::Message::Text("M".repeat(20_000)));
    for size in [(80, 24), (200, 60)] {
        let screen = text(&draw(&app, at(65), size, false));
        assert!(screen.contains("WWWWWWWWWW"), "{screen}");
        assert!(screen.contains("MMMMMMMMMM"), "{screen}");
    }
}

/// T3 on stage, its questions running: the coffee break comes next.
fn before_the_break(lang: Lang) -> App {
    let mut app = app(lang);
    let n = || Action::from(StageKey::NextPhase);
    let mut steps = vec![(Action::from(StageKey::StartPause), 0)];
    for i in 0..3 {
        let base = i * 360;
        if i > 0 {
            steps.push((n(), base + 2));
        }
        steps.push((n(), base + 180));
        if i < 2 {
            steps.extend([(n(), base + 300), (n(), base + 360)]);
        }
    }
    drive(&mut app, &steps);
    app
}

#[test]
fn the_stage_announces_the_coming_break_and_the_header_shows_it_running() {
    for lang in [Lang::Fr, Lang::En] {
        // T3's questions began at 10:10 (9:55 + 900 s): at 10:10:30, 90 s
        // of questions and a minute of changeover are left, so the break
        // starts at 10:13, in 3 minutes (2 min 30 s, rounded up).
        let app = before_the_break(lang);
        for size in SIZES {
            let t = draw(&app, at(930), size, false);
            let screen = text(&t);
            let coming = lang.t(
                "Pause café à 10:13 (dans 3 min)",
                "Pause café at 10:13 (in 3 min)",
            );
            assert!(screen.contains(coming), "{size:?}\n{screen}");
            insta::assert_snapshot!(
                format!("stage_break_coming_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
        // During the break the header says so, and when it ends.
        let app = on_break(lang);
        for size in SIZES {
            let screen = text(&draw(&app, at(1080 + 125), size, false));
            let header = screen.lines().next().unwrap_or_default();
            assert!(header.contains("12:55"), "{size:?}: {header}");
            // Its end in words, or `→10:28` at 80 columns (the tabs stay).
            let until = if size.0 == 80 {
                "→10:28"
            } else {
                lang.t("jusqu'à 10:28", "until 10:28")
            };
            assert!(header.contains(until), "{size:?}: {header}");
            assert!(header.contains("Progr…") || size.0 > 80 || lang == Lang::En);
        }
    }
}

#[test]
fn the_schedule_scrolls_to_the_selected_row_and_draws_only_what_shows() {
    let mut app = app(Lang::Fr);
    // Thirty teams more than a screen holds.
    let s = app.session_mut();
    for i in 10..40 {
        let mut team = s.teams[0].clone();
        team.id = format!("X{i}").into();
        s.schedule.push(crate::domain::Slot::Team {
            team: team.id.clone(),
        });
        s.teams.push(team);
    }
    drive(&mut app, &[(Action::Show(Screen::Schedule), 0)]);
    let rows = app.session.schedule.len();
    let last = app.session.schedule[rows - 1]
        .team()
        .expect("the schedule ends with a team")
        .to_string();
    let first = app.session.schedule[0]
        .team()
        .expect("the schedule begins with a team")
        .to_string();
    // At 80×24 the schedule does not fit: the top shows first…
    let top = text(&draw(&app, at(0), (80, 24), false));
    assert!(top.contains(&format!("{first} ")), "{top}");
    assert!(!top.contains(&format!("{last} ")), "{top}");
    // …and with the last row selected, the table ends on it.
    for _ in 0..rows {
        drive(&mut app, &[(Action::from(ScheduleKey::Down), 1)]);
    }
    assert_eq!(app.schedule.row, rows - 1);
    let bottom = text(&draw(&app, at(1), (80, 24), false));
    assert!(bottom.contains(&format!("{last} ")), "{bottom}");
    assert!(!bottom.contains(&format!("{first} ")), "{bottom}");
}
