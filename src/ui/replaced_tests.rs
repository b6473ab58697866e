//! The replaced-session banner at 80×24.

#![cfg(test)]

use crate::app::fixture::at;
use crate::app::{Action, Replacement, Screen, update};
use crate::domain::Lang;

use super::snapshot_tests::{app, draw, text};

#[test]
fn a_replaced_session_shows_a_banner_under_the_header_and_the_grid_stops_saying_saved() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app(lang);
        update(&mut app, Action::NextScreen, at(1));
        update(&mut app, Action::NextScreen, at(1));
        update(&mut app, Action::NextScreen, at(1));
        assert_eq!(app.screen, Screen::Scores);
        let before = text(&draw(&app, at(2), (80, 24), false));
        assert!(
            before.contains(lang.t("✓ enregistré", "✓ saved")),
            "{before}"
        );
        let headline = crate::words::notice::replaced_headline(lang);
        let replacement = Replacement {
            backup: Some("/tmp/forum/backup-20261128-2300".into()),
        };
        update(&mut app, Action::Replaced(replacement), at(3));
        let screen = text(&draw(&app, at(4), (80, 24), false));
        let lines: Vec<&str> = screen.lines().collect();
        // Under the header, the banner begins with the headline's words.
        let first_words: String = headline.split(' ').take(4).collect::<Vec<_>>().join(" ");
        assert!(lines[1].contains(&first_words), "{screen}");
        assert!(screen.contains("backup-20261128-2300"), "{screen}");
        assert!(
            !screen.contains(lang.t("✓ enregistré", "✓ saved")),
            "{screen}"
        );
        assert!(
            screen.contains(lang.t("✗ plus rien", "✗ nothing is saved")),
            "{screen}"
        );
        if lang == Lang::En {
            // The whole headline on one line of 80 columns.
            assert!(lines[1].contains(headline), "{screen}");
        }
        // A refused key says so on the status line, whole.
        update(
            &mut app,
            Action::from(crate::app::screens::scores::grid::GridKey::Char('4')),
            at(5),
        );
        let screen = text(&draw(&app, at(5), (80, 24), false));
        let refused = crate::words::notice::text(&crate::app::Notice::ReplacedRefused, lang);
        assert!(screen.lines().any(|l| l.contains(&refused)), "{screen}");
        // The footer offers only keys that still work.
        let footer = screen.lines().last().unwrap_or_default();
        assert!(footer.contains(lang.t("quitter", "quit")), "{footer}");
        assert!(!footer.contains(lang.t("valider", "commit")), "{footer}");
        assert!(!footer.contains(lang.t("absent", "absent")), "{footer}");
    }
}
