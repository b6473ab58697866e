//! The results sealed, drawn: the results screen's sealed box at 80×24
//! and 200×60 in both languages (no rank, no total, no cut-off line, the
//! key that unseals on the box and the footer), the question `S` asks, and
//! the schedule's score column hidden.

#![cfg(test)]

use super::snapshot_tests::{draw, drive, line_with, text};
use crate::app::fixture::{at, options};
use crate::app::results_fixture::forum;
use crate::app::screens::results::ResultsKey;
use crate::app::{Action, App, Screen};
use crate::domain::Lang;

/// The forum, sealed from its results screen (`S`, then `y`).
fn sealed(lang: Lang) -> App {
    let mut app = App::new(forum(), options(lang), at(0));
    app.screen = Screen::Results;
    drive(
        &mut app,
        &[
            (Action::from(ResultsKey::Seal), 5),
            (Action::from(ResultsKey::SealConfirmed), 5),
        ],
    );
    assert!(app.session.is_sealed());
    app
}

/// What the ranking would show: scores, marks, bars, the cut-off line,
/// team names.
const RANKING: [&str; 10] = [
    "7,60", "7.60", "9,00", "9.00", "★", "█", "┄", "T3", "Guichet", "#1",
];

#[test]
fn the_sealed_results_screen_shows_no_ranking_and_the_key_that_unseals() {
    for lang in [Lang::Fr, Lang::En] {
        let app = sealed(lang);
        for size in [(80, 24), (200, 60)] {
            let t = draw(&app, at(6), size, false);
            let screen = text(&t);
            assert!(
                screen.contains(lang.t("Résultats scellés", "Results sealed")),
                "{screen}"
            );
            assert!(
                screen.contains(lang.t(
                    "S : desceller les résultats (demande confirmation)",
                    "S: unseal the results (asks first)"
                )),
                "{screen}"
            );
            assert!(
                screen.contains(lang.t("La saisie des notes continue", "Score entry goes on")),
                "{screen}"
            );
            let footer = screen.lines().last().unwrap_or_default();
            assert!(
                footer.contains(lang.t("S desceller", "S unseal")),
                "{footer}"
            );
            for shown in RANKING {
                assert!(!screen.contains(shown), "{shown} shown:\n{screen}");
            }
            let (w, h) = size;
            insta::assert_snapshot!(
                format!("results_sealed_{}_{w}x{h}", lang.code()),
                t.backend()
            );
        }
    }
}

#[test]
fn the_sealed_box_is_whole_at_the_minimum_size() {
    for lang in [Lang::Fr, Lang::En] {
        let app = sealed(lang);
        let size = (super::MIN_WIDTH, super::MIN_HEIGHT);
        let screen = text(&draw(&app, at(6), size, false));
        for whole in [
            lang.t("Résultats scellés", "Results sealed"),
            lang.t(
                "S : desceller les résultats (demande confirmation)",
                "S: unseal the results (asks first)",
            ),
            lang.t("La saisie des notes continue", "Score entry goes on"),
        ] {
            assert!(screen.contains(whole), "{whole} not whole:\n{screen}");
        }
    }
}

#[test]
fn s_asks_before_sealing_and_before_unsealing() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = App::new(forum(), options(lang), at(0));
        app.screen = Screen::Results;
        drive(&mut app, &[(Action::from(ResultsKey::Seal), 5)]);
        let t = draw(&app, at(5), (80, 24), false);
        let screen = text(&t);
        assert!(
            screen.contains(lang.t("Sceller les résultats", "Seal the results")),
            "{screen}"
        );
        let keys = line_with(&screen, lang.t(": oui", ": yes"));
        assert!(keys.contains(lang.t("non", "no")), "{keys}");
        insta::assert_snapshot!(
            format!("results_seal_question_{}_80x24", lang.code()),
            t.backend()
        );

        let mut app = sealed(lang);
        drive(&mut app, &[(Action::from(ResultsKey::Seal), 6)]);
        let screen = text(&draw(&app, at(6), (80, 24), false));
        assert!(
            screen.contains(lang.t("Desceller les résultats ?", "Unseal the results?")),
            "{screen}"
        );
    }
}

#[test]
fn unsealed_the_ranking_comes_back() {
    let mut app = sealed(Lang::En);
    drive(
        &mut app,
        &[
            (Action::from(ResultsKey::Seal), 7),
            (Action::from(ResultsKey::SealConfirmed), 7),
        ],
    );
    assert!(!app.session.is_sealed());
    let screen = text(&draw(&app, at(8), (80, 24), false));
    assert!(screen.contains("9.00"), "{screen}");
    assert!(!screen.contains("Results sealed"), "{screen}");
}

#[test]
fn sealed_the_schedule_hides_every_score_and_rank() {
    let mut app = sealed(Lang::Fr);
    drive(&mut app, &[(Action::Show(Screen::Schedule), 6)]);
    assert!(app.schedule.ranked.by_team.is_empty(), "nothing ranked");
    let screen = text(&draw(&app, at(6), (120, 40), false));
    let t1 = line_with(&screen, "T1 ");
    assert!(t1.contains("•••"), "{t1}");
    for shown in ["9,00", "7,60", "(1)", "(2)"] {
        assert!(!screen.contains(shown), "{shown} shown:\n{screen}");
    }
}

#[test]
fn unsealed_the_schedule_shows_scores_and_ranks_ranked_once_per_revision() {
    let mut app = App::new(forum(), options(Lang::Fr), at(0));
    drive(&mut app, &[(Action::Show(Screen::Schedule), 6)]);
    let screen = text(&draw(&app, at(6), (120, 40), false));
    assert!(screen.contains("9,00 (1)"), "{screen}");
    assert!(screen.contains("(2)"), "{screen}");
    // Time passing (a redraw each second) ranks nothing again.
    let ranked = app.schedule.ranked.clone();
    drive(&mut app, &[(Action::Tick, 7), (Action::Tick, 8)]);
    assert_eq!(app.schedule.ranked, ranked);
    // Projector mode hides the column and forgets the ranking.
    app.projector = true;
    drive(&mut app, &[(Action::Tick, 9)]);
    assert!(app.schedule.ranked.by_team.is_empty());
    let screen = text(&draw(&app, at(9), (120, 40), false));
    assert!(!screen.contains("9,00 (1)"), "{screen}");
}
