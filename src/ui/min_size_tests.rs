//! The minimum size: every screen readable at it (no key figure or column
//! heading cut), the one-line "at least W×H" message just below it.

#![cfg(test)]

use crate::app::fixture::at;
use crate::app::{Action, Screen};
use crate::domain::Lang;

use super::snapshot_tests::{app, draw, drive, text};
use super::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::screens::stage::StageKey;

/// What each screen must show whole at the minimum size (T1 in questions,
/// 10 s over its slot, on the fixture forum).
fn key_figures(screen: Screen, lang: Lang) -> Vec<&'static str> {
    match screen {
        Screen::Stage => vec![lang.t("Temps restant 1:50", "Time left 1:50"), "T1 · Somme"],
        Screen::Schedule => vec![
            lang.t("Fin projetée 10:46", "Projected end 10:46"),
            lang.t("Début", "Began"),
            lang.t("Utilisé", "Used"),
            lang.t("Note/rang", "Score/rank"),
            "09:55 3:20",
            "+0:10",
            "0/5",
        ],
        Screen::Questions => vec![lang.t("Personne en attente.", "Nobody waiting.")],
        Screen::Scores => vec![
            lang.t("Papier", "Paper"),
            lang.t("Papier", "Paper"),
            lang.t("État", "State"),
            "J5 Inès Garnier",
        ],
        Screen::Completeness => vec![
            lang.t("Fiches", "Sheets"),
            lang.t("Manque", "Missing"),
            "0/30",
        ],
        Screen::Setup => vec![
            lang.t("Réglages · durée du pitch", "Settings · pitch duration"),
            "3:00",
        ],
        Screen::Results => vec![
            lang.t("Score", "Score"),
            "T5   PMI mobile",
            "Pas-de-Calais",
            lang.t("lauréats 0 / 8", "laureates 0 / 8"),
        ],
    }
}

#[test]
fn every_screen_is_whole_at_the_minimum_and_says_so_just_below() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app(lang);
        drive(
            &mut app,
            &[
                (Action::from(StageKey::StartPause), 0),
                (Action::from(StageKey::NextPhase), 190),
            ],
        );
        for &screen in Screen::ALL {
            while app.screen != screen {
                drive(&mut app, &[(Action::NextScreen, 200)]);
            }
            let at_min = text(&draw(&app, at(200), (MIN_WIDTH, MIN_HEIGHT), false));
            assert!(at_min.contains("PODIUM"), "{screen:?}:\n{at_min}");
            for figure in key_figures(screen, lang) {
                assert!(
                    at_min.contains(figure),
                    "{screen:?} {lang:?}: {figure:?} cut at the minimum:\n{at_min}"
                );
            }
            let word = lang.t("au moins", "at least");
            let wanted = format!("{MIN_WIDTH}×{MIN_HEIGHT}");
            for size in [(MIN_WIDTH - 1, MIN_HEIGHT), (MIN_WIDTH, MIN_HEIGHT - 1)] {
                let small = text(&draw(&app, at(200), size, false));
                let first = small.lines().next().unwrap_or_default();
                assert!(
                    first.contains(word) && first.contains(&wanted),
                    "{screen:?} {size:?}: the message on one line:\n{small}"
                );
                assert!(!small.contains("PODIUM"), "{screen:?} {size:?}");
            }
        }
    }
}
