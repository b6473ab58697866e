//! Snapshots of the schedule and questions screens, and projector mode.

#![cfg(test)]

use crate::app::fixture::at;
use crate::app::{Action, App, Screen};
use crate::domain::{Dec, Lang, Sheet, SheetKey};

use super::screens::schedule::HIDDEN;
use super::snapshot_tests::{SIZES, app, draw, drive, pitching_on_questions, text};
use crate::app::screens::questions::QuestionsKey;
use crate::app::screens::stage::StageKey;

/// T1 has pitched (10 s over) and been scored by every juror; T2 pitches.
fn scored_day(lang: Lang) -> App {
    let mut app = app(lang);
    for (juror, impact, feas) in [
        ("J1", 4, 3),
        ("J2", 5, 4),
        ("J3", 3, 3),
        ("J4", 4, 4),
        ("J5", 2, 5),
    ] {
        let mut sheet = Sheet::default();
        sheet.values.insert("impact".into(), Dec::int(impact));
        sheet.values.insert("faisabilite".into(), Dec::int(feas));
        app.session_mut()
            .sheets
            .insert(SheetKey::new("T1".into(), juror.into()), sheet);
    }
    drive(
        &mut app,
        &[
            (Action::from(StageKey::StartPause), 0),
            (Action::from(StageKey::NextPhase), 190),
            (Action::from(StageKey::NextPhase), 310),
            (Action::from(StageKey::NextPhase), 360),
            (Action::from(StageKey::StartPause), 370),
            (Action::NextScreen, 371),
            (Action::from(QuestionsKey::Down), 371),
            (Action::from(QuestionsKey::Down), 371),
        ],
    );
    app
}

#[test]
fn schedule_snapshots() {
    for lang in [Lang::Fr, Lang::En] {
        let app = scored_day(lang);
        assert_eq!(app.screen, Screen::Schedule);
        for size in SIZES {
            let t = draw(&app, at(400), size, false);
            let screen = text(&t);
            // Started 9:55 for 9:30 (T1 kept to its 6:00 slot), and T2
            // started 10 s after T1's slot ended: 25:10 late.
            assert!(
                screen.contains(lang.t("Retard +25:10", "Delay +25:10")),
                "{screen}"
            );
            assert!(screen.contains("10:46"), "projected end");
            assert!(screen.contains("09:30"), "planned start");
            assert!(screen.contains("09:55"), "actual start");
            assert!(screen.contains("T1 Cantine zéro"));
            assert!(screen.contains(lang.t("✓ passée", "✓ done")));
            assert!(screen.contains(lang.t("▶ pitch", "▶ pitching")));
            assert!(screen.contains("+0:10"), "T1's overtime");
            // Pitch 3:10 and questions 2:00 (the scoring minute is the
            // jury's): 5:10 used, 10 s over the 5:00 planned.
            assert!(screen.contains("5:10 "), "T1's time used");
            assert!(screen.contains("5/5"), "T1's sheets");
            assert!(
                screen.contains(lang.t("7,40 (1)", "7.40 (1)")),
                "T1's score"
            );
            assert!(screen.contains("Pause café (15 min)"));
            // 25:10 over four 6-minute slots is more than a slot each.
            assert!(
                screen.contains(lang.t(
                    "Retard impossible à rattraper : fin décalée de 25:10",
                    "The delay cannot be caught up: the end slips by 25:10"
                )),
                "{screen}"
            );
            insta::assert_snapshot!(
                format!("schedule_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
    }
}

#[test]
fn projector_mode_hides_every_score() {
    let mut app = scored_day(Lang::Fr);
    drive(&mut app, &[(Action::ToggleProjector, 380)]);
    let t = draw(&app, at(400), (120, 40), false);
    let screen = text(&t);
    assert!(screen.contains("PROJECTEUR"));
    assert!(screen.contains(HIDDEN));
    assert!(!screen.contains("7,40"), "{screen}");
    assert!(screen.contains("5/5"), "progress is not a score");
    insta::assert_snapshot!("schedule_fr_projector_120x40", t.backend());
    // Turned off, the scores come back.
    drive(&mut app, &[(Action::ToggleProjector, 390)]);
    assert!(text(&draw(&app, at(400), (120, 40), false)).contains("7,40 (1)"));
}

/// T1 in questions: J1 asked one (3:00 → 3:20), J2 speaking, J4 waiting.
fn questions_running(lang: Lang) -> App {
    let mut app = pitching_on_questions(lang);
    drive(
        &mut app,
        &[
            (Action::from(QuestionsKey::Ask("J1".into())), 100),
            (Action::from(StageKey::NextPhase), 180),
            (Action::from(QuestionsKey::Ask("J2".into())), 185),
            (Action::from(QuestionsKey::Ask("J4".into())), 186),
            (Action::from(QuestionsKey::QuestionDone), 200),
        ],
    );
    app
}

#[test]
fn questions_snapshots() {
    for lang in [Lang::Fr, Lang::En] {
        let app = questions_running(lang);
        assert_eq!(app.screen, Screen::Questions);
        for size in SIZES {
            let t = draw(&app, at(235), size, false);
            let screen = text(&t);
            assert!(screen.contains("[a] Claire Dumont"), "{screen}");
            assert!(screen.contains("[b] Karim Benali"));
            assert!(screen.contains(lang.t(
                "▶ Karim Benali — parle depuis 0:35",
                "▶ Karim Benali — speaking for 0:35"
            )));
            assert!(screen.contains("2. Luc Moreau"));
            assert!(screen.contains("Claire Dumont  09:58:00 → 09:58:20  (0:20)"));
            assert!(screen.contains("QUESTIONS"));
            assert!(screen.contains("1:05"), "questions countdown: {screen}");
            insta::assert_snapshot!(
                format!("questions_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
    }
}

#[test]
fn every_screen_draws_at_any_size_without_panicking() {
    let mut app = scored_day(Lang::En);
    drive(
        &mut app,
        &[(Action::from(QuestionsKey::Ask("J3".into())), 380)],
    );
    let sizes = (1..=12u16)
        .flat_map(|w| (1..=6u16).map(move |h| (w * 9, h * 6)))
        .chain([(1, 1), (49, 14), (50, 15), (51, 16), (79, 23), (300, 100)]);
    for size in sizes {
        for screen in Screen::ALL {
            app.screen = *screen;
            for overlay in [None, Some(crate::app::Overlay::Help)] {
                app.overlay = overlay;
                // Overtime too, for the flashing big digits.
                for secs in [400, 700] {
                    let screen_text = text(&draw(&app, at(secs), size, true));
                    if size.0 < super::MIN_WIDTH || size.1 < super::MIN_HEIGHT {
                        assert!(!screen_text.contains("PODIUM"), "{size:?}");
                    } else {
                        assert!(screen_text.contains("PODIUM"), "{size:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_hand_edited_name_never_reaches_the_terminal_with_its_controls() {
    let mut app = app(Lang::En);
    // What a session file edited by hand can hold (`new`, `roster` and
    // the Setup screen refuse it).
    let hostile = "Can\u{1b}]0;pwned\u{7}tine\u{202e}xet\u{2066}";
    for team in &mut app.session_mut().teams {
        team.name = hostile.into();
        team.project = hostile.into();
    }
    app.session_mut().jurors[0].name = hostile.into();
    app.session_mut().message = Some(crate::domain::Message::Text(hostile.into()));
    for &screen in Screen::ALL {
        app.screen = screen;
        for size in SIZES {
            let t = draw(&app, at(65), size, false);
            let buf = t.backend().buffer();
            for cell in &buf.content {
                let unsafe_char = crate::domain::validate::is_unsafe_char;
                assert!(
                    !cell.symbol().chars().any(unsafe_char),
                    "{screen:?} {size:?}: {:?} in\n{}",
                    cell.symbol(),
                    text(&t)
                );
            }
        }
    }
    app.screen = Screen::Schedule;
    let screen = text(&draw(&app, at(65), (200, 60), false));
    assert!(screen.contains("Can]0;pwnedtinexet"), "{screen}");
}

/// A break inserted with `b` has no label of its own: the session keeps
/// no sentence, and each terminal words it in its language.
#[test]
fn an_inserted_break_is_worded_in_the_language_read() {
    use crate::app::screens::schedule::ScheduleKey;
    use crate::domain::Slot;
    for (lang, row) in [
        (Lang::Fr, "— Pause (10 min)"),
        (Lang::En, "— Break (10 min)"),
    ] {
        let mut a = app(lang);
        drive(
            &mut a,
            &[
                (Action::Show(Screen::Schedule), 0),
                (Action::from(ScheduleKey::InsertBreak), 1),
            ],
        );
        let label = a.session.schedule.iter().find_map(|s| match s {
            Slot::Break { label, .. } => Some(label.clone()),
            Slot::Team { .. } => None,
        });
        assert_eq!(label.as_deref(), Some(""), "no sentence saved");
        let shown = text(&draw(&a, at(2), (120, 30), false));
        assert!(shown.contains(row), "{lang:?}:\n{shown}");
    }
}
