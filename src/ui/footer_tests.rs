//! The footer keeps the keys that matter at 80 columns (by rank, never
//! dropping `?`, `Tab` or `q`), and the `?` overlay never cuts a word
//! without saying so.

#![cfg(test)]

use std::collections::HashSet;

use crate::app::fixture::at;
use crate::app::keymap::screen_bindings;
use crate::app::{Action, Screen};
use crate::domain::Lang;
use crate::ui::snapshot_tests::{app, draw, drive, text};

/// The footer of a drawn screen (its last line).
fn footer(screen: &str) -> String {
    screen
        .lines()
        .last()
        .unwrap_or_default()
        .trim_end()
        .to_string()
}

#[test]
fn every_footer_keeps_help_tab_and_quit_at_80_columns() {
    for lang in [Lang::Fr, Lang::En] {
        for screen in Screen::ALL {
            let mut a = app(lang);
            drive(&mut a, &[(Action::Show(*screen), 5)]);
            let shown = footer(&text(&draw(&a, at(5), (80, 24), false)));
            for key in [" ? ", " Tab ", " q "] {
                assert!(shown.contains(key), "{screen:?} {lang:?}: {key} in {shown}");
            }
        }
    }
}

#[test]
fn the_stage_and_schedule_footers_keep_their_essential_keys_at_80x24() {
    for lang in [Lang::Fr, Lang::En] {
        let mut a = app(lang);
        let t = draw(&a, at(5), (80, 24), false);
        let stage = footer(&text(&t));
        let next = lang.t("phase suivante", "next phase");
        for needle in [lang.t("Espace", "Space"), next, "+/- 10 s", " q "] {
            assert!(stage.contains(needle), "{needle} in {stage}");
        }
        insta::assert_snapshot!(format!("footer_stage_{}_80x24", lang.code()), t.backend());

        drive(&mut a, &[(Action::Show(Screen::Schedule), 5)]);
        let t = draw(&a, at(5), (80, 24), false);
        let schedule = footer(&text(&t));
        let row = lang.t("↑/↓ ligne", "↑/↓ row");
        for needle in [lang.t("Espace", "Space"), next, row, " q "] {
            assert!(schedule.contains(needle), "{needle} in {schedule}");
        }
        insta::assert_snapshot!(
            format!("footer_schedule_{}_80x24", lang.code()),
            t.backend()
        );

        // With room, the keys dropped at 80 columns come back.
        let wide = footer(&text(&draw(&a, at(5), (200, 60), false)));
        for needle in [
            lang.t("appeler", "call"),
            lang.t("pause", "break"),
            "+/- 10 s",
        ] {
            assert!(wide.contains(needle), "{needle} in {wide}");
        }
    }
}

#[test]
fn the_help_overlay_cuts_only_at_a_word_and_says_so() {
    for lang in [Lang::Fr, Lang::En] {
        for screen in Screen::ALL {
            let mut a = app(lang);
            drive(&mut a, &[(Action::Show(*screen), 5), (Action::Help, 5)]);
            let helps = crate::words::keys::help_lines(&screen_bindings(&a), lang);
            let words: HashSet<&str> = helps
                .iter()
                .flat_map(|(keys, help)| keys.split(' ').chain(help.split(' ')))
                .collect();
            let t = draw(&a, at(5), (80, 24), false);
            let shown = text(&t);
            // The overlay's lines: between its borders, past the title.
            let inside: Vec<&str> = shown
                .lines()
                .map(str::trim)
                .filter(|l| l.starts_with('│'))
                .map(|l| l.trim_matches('│'))
                .collect();
            assert!(!inside.is_empty(), "{shown}");
            let list = &inside[..inside.len().saturating_sub(2)];
            for token in list.iter().flat_map(|l| l.split(' ')) {
                let whole = token.strip_suffix('…').unwrap_or(token);
                assert!(
                    token.is_empty() || words.contains(token) || words.contains(whole),
                    "{screen:?} {lang:?}: {token:?} is a cut word\n{shown}"
                );
            }
            if *screen == Screen::Scores {
                insta::assert_snapshot!(format!("help_scores_{}_80x24", lang.code()), t.backend());
            }
        }
    }
}
