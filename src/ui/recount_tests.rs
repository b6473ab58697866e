//! The independent recount on the results screen: "recompté
//! indépendamment : concorde" in the heading, or the first difference
//! when the ranking shown is not what the recount finds (a corrupted
//! engine, fed to the screen in place of the engine's ranking).

#![cfg(test)]

use ratatui::style::Color;

use super::snapshot_tests::{draw, line_with, text};
use crate::app::fixture::{at, options};
use crate::app::results_fixture::forum;
use crate::app::screens::results::view::View as Figures;
use crate::app::{App, Screen};
use crate::domain::{Lang, Method, ranking};

fn app(lang: Lang) -> App {
    let mut app = App::new(forum(), options(lang), at(0));
    app.screen = Screen::Results;
    app
}

/// The screen's figures from an engine that put T2 first and T1 second.
fn corrupted(lang: Lang) -> App {
    let mut app = app(lang);
    let mut wrong = ranking::rank(&app.session, Method::Mean);
    let (a, b) = (wrong.ranking[0].team.clone(), wrong.ranking[1].team.clone());
    wrong.ranking[0].team = b;
    wrong.ranking[1].team = a;
    app.results.view = Figures::with_ranking(&app.session, wrong);
    app
}

#[test]
fn the_heading_says_the_recount_agrees() {
    for lang in [Lang::Fr, Lang::En] {
        let app = app(lang);
        for size in [(80, 24), (200, 60)] {
            let t = draw(&app, at(5), size, false);
            let screen = text(&t);
            let said = lang.t(
                "Recompté indépendamment : concorde",
                "Recounted independently: agrees",
            );
            let line = line_with(&screen, said);
            assert_eq!(line.trim_end(), said, "{size:?}");
            // In the heading: after the provisional line, above the table.
            let lines: Vec<&str> = screen.lines().collect();
            let at_line = lines.iter().position(|l| l.contains(said)).unwrap();
            let provisional = lines
                .iter()
                .position(|l| l.contains(lang.t("PROVISOIRE —", "PROVISIONAL —")))
                .unwrap();
            let head = lines
                .iter()
                .position(|l| l.starts_with(lang.t("Rang ", "Rank ")))
                .unwrap();
            assert!(provisional < at_line && at_line < head, "{screen}");
            assert!(!screen.contains(lang.t("DIFFÉRENT", "DIFFERS")));
            insta::assert_snapshot!(
                format!("results_recount_{}_{}x{}", lang.code(), size.0, size.1),
                screen
            );
        }
    }
}

#[test]
fn a_corrupted_engine_result_is_reported_in_the_heading() {
    for lang in [Lang::Fr, Lang::En] {
        let app = corrupted(lang);
        for size in [(80, 24), (200, 60)] {
            let screen = text(&draw(&app, at(5), size, false));
            let line = line_with(
                &screen,
                lang.t(
                    "RECOMPTAGE INDÉPENDANT DIFFÉRENT",
                    "INDEPENDENT RECOUNT DIFFERS",
                ),
            );
            assert!(
                line.contains(lang.t("ne pas publier", "do not publish")),
                "{line}"
            );
            assert!(
                screen.contains(lang.t(
                    "ligne 1, le classement place T2, le recomptage T1",
                    "row 1, the ranking has T2, the recount T1"
                )),
                "{size:?}: {line}\n{screen}"
            );
            assert!(
                line.contains(lang.t("(12 écarts)", "(12 differences)")),
                "{line}"
            );
            assert!(!screen.contains(lang.t("concorde", "agrees")), "{screen}");
            if size == (80, 24) {
                insta::assert_snapshot!(
                    format!("results_recount_differs_{}_80x24", lang.code()),
                    screen
                );
            }
        }
    }
}

#[test]
fn agreement_is_green_and_a_difference_red() {
    let find = |app: &App, needle: &str| {
        let t = draw(app, at(5), (120, 40), true);
        let screen = text(&t);
        let y = screen.lines().position(|l| l.contains(needle)).unwrap();
        t.backend().buffer()[(0, y as u16)].fg
    };
    assert_eq!(
        find(&app(Lang::En), "Recounted independently"),
        Color::Green
    );
    assert_eq!(
        find(&corrupted(Lang::En), "INDEPENDENT RECOUNT"),
        Color::Red
    );
}

#[test]
fn at_the_minimum_size_only_a_difference_keeps_its_line() {
    let size = (crate::ui::MIN_WIDTH, crate::ui::MIN_HEIGHT);
    let screen = text(&draw(&app(Lang::Fr), at(5), size, false));
    assert!(!screen.contains("Recompté"), "{screen}");
    let screen = text(&draw(&corrupted(Lang::Fr), at(5), size, false));
    assert!(
        screen.contains("RECOMPTAGE INDÉPENDANT DIFFÉRENT"),
        "{screen}"
    );
}

#[test]
fn a_forum_too_large_leaves_the_recount_to_check() {
    use crate::app::results_fixture::large;
    use crate::app::screens::results::view::SCREEN_RECOUNT_VALUES;
    let session = large(2_001);
    let values: usize = session.sheets.values().map(|s| s.values.len()).sum();
    assert!(values > SCREEN_RECOUNT_VALUES);
    let mut app = App::new(session, options(Lang::Fr), at(0));
    app.screen = Screen::Results;
    let screen = text(&draw(&app, at(5), (120, 40), false));
    let line = line_with(&screen, "Recomptage indépendant : podium check");
    assert!(line.contains("trop de notes pour le refaire ici"), "{line}");
    assert!(!screen.contains("concorde"), "{screen}");
}
