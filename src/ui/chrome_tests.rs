//! The chrome: the session file named in the header and the `?` overlay,
//! the saved state in words, F1–F7.

use crate::app::action::SaveFailure;
use crate::app::fixture::at;
use crate::app::screens::stage::StageKey;
use crate::app::{Action, SaveOutcome, Screen, update};
use crate::domain::Lang;
use crate::ui::snapshot_tests::{app, draw, drive, line_with, text};

const FILE: &str = "/srv/podium/forum-2026.podium";

#[test]
fn the_session_file_is_named_in_the_help_and_in_the_header_where_it_fits() {
    for lang in [Lang::Fr, Lang::En] {
        let mut a = app(lang);
        a.file = Some(FILE.into());
        // Wide: the tabs in full and the whole path beside them.
        let wide = text(&draw(&a, at(5), (120, 40), false));
        assert!(line_with(&wide, " PODIUM ").contains(FILE), "{wide}");
        // At 80 columns, cut from its start, the file's name whole.
        let narrow = text(&draw(&a, at(5), (80, 24), false));
        let header = narrow.lines().next().unwrap_or_default();
        assert!(
            header.trim_end().ends_with("…m/forum-2026.podium"),
            "{header}"
        );
        // With a pitch running the tabs and the timer come first; the path
        // is in the `?` overlay.
        drive(
            &mut a,
            &[(Action::from(StageKey::StartPause), 5), (Action::Help, 5)],
        );
        let t = draw(&a, at(5), (80, 24), false);
        let screen = text(&t);
        let header = screen.lines().next().unwrap_or_default();
        assert!(!header.contains("forum-2026"), "{header}");
        assert!(header.contains(lang.t("Progr…", "Sched…")), "{header}");
        let file = line_with(&screen, lang.t("Fichier de session : ", "Session file: "));
        assert!(file.contains(FILE), "{file}");
        insta::assert_snapshot!(format!("help_with_file_{}_80x24", lang.code()), t.backend());
    }
}

#[test]
fn a_long_path_is_cut_from_its_start_keeping_the_file_name() {
    let mut a = app(Lang::Fr);
    a.screen = Screen::Results;
    a.file = Some("/home/secretariat/evenements/2026/forum-de-l-innovation.podium".into());
    let screen = text(&draw(&a, at(5), (120, 40), false));
    let header = line_with(&screen, " PODIUM ");
    assert!(header.contains("…"), "{header}");
    assert!(header.contains("/forum-de-l-innovation.podium"), "{header}");
    assert!(header.contains("Complétude"), "tabs in full: {header}");
}

#[test]
fn the_status_line_says_whether_the_work_is_saved_in_words() {
    for lang in [Lang::Fr, Lang::En] {
        let mut a = app(lang);
        let status = |a: &crate::app::App| {
            let screen = text(&draw(a, at(5), (80, 24), false));
            screen.lines().nth(22).unwrap_or_default().to_string()
        };
        assert!(status(&a).contains(lang.t("· enregistré", "· saved")));
        assert!(!status(&a).contains(lang.t("rév.", "rev.")));
        // A change on its way to the disk.
        let effects = update(&mut a, Action::from(StageKey::StartPause), at(5));
        assert!(!effects.is_empty());
        assert!(
            status(&a).contains(lang.t("enregistrement…", "saving…")),
            "{}",
            status(&a)
        );
        // The disk refused it: said once, then kept in the line.
        update(
            &mut a,
            Action::Settled(SaveOutcome::Failed(SaveFailure::disk_full("s.json"))),
            at(5),
        );
        a.status = None;
        let line = status(&a);
        assert!(
            line.contains(lang.t("non enregistré", "not saved")),
            "{line}"
        );
    }
}

#[test]
fn f_keys_go_straight_to_a_screen_and_digits_stay_values_in_the_grid() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let press = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut a = app(Lang::Fr);
    for (n, screen) in Screen::ALL.iter().enumerate().rev() {
        let action = crate::app::action_for(&press(KeyCode::F(n as u8 + 1)), &a);
        assert_eq!(action, Some(Action::Show(*screen)));
        drive(&mut a, &[(Action::Show(*screen), 5)]);
        assert_eq!(a.screen, *screen);
    }
    // On the grid, a digit is a value, F6 a screen.
    drive(&mut a, &[(Action::Show(Screen::Scores), 5)]);
    let digit = crate::app::action_for(&press(KeyCode::Char('6')), &a);
    assert!(matches!(
        digit,
        Some(Action::Key(crate::app::screens::ScreenKey::Scores(_)))
    ));
    let f6 = crate::app::action_for(&press(KeyCode::F(6)), &a);
    assert_eq!(f6, Some(Action::Show(Screen::Results)));
}
