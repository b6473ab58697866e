//! The laureates' reveal as `podium display` draws it (big, no chrome,
//! names escaped and cut) and as the moderator's stage shows it (what the
//! audience sees, what comes next): snapshots at 80×24 and 200×60 in both
//! languages, each with content assertions.

#![cfg(test)]

use super::snapshot_tests::{draw, line_with, text};
use crate::app::fixture::{at, options};
use crate::app::results_fixture::decided;
use crate::app::{App, Mode};
use crate::domain::reveal::{Place, Reveal, begin};
use crate::domain::{Lang, Session};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

/// The decided forum with its reveal at `shown`, on the display.
fn display(session: &Session, shown: usize, lang: Lang) -> App {
    let mut s = session.clone();
    let mut reveal = begin(&s).expect("final results");
    reveal.shown = shown;
    s.reveal = Some(reveal);
    let mut app = App::new(s, options(lang), at(0));
    app.mode = Mode::Display;
    app
}

/// Rows drawn with the big glyphs (blocks, quadrants, sextants).
fn glyph_rows(screen: &str) -> usize {
    let glyph = |c: char| {
        ('\u{2580}'..='\u{259f}').contains(&c) || ('\u{1fb00}'..='\u{1fb3b}').contains(&c)
    };
    screen.lines().filter(|l| l.chars().any(glyph)).count()
}

fn no_chrome(screen: &str) {
    for chrome in [
        "PODIUM", "rév.", "rev.", "? aide", "? help", "quitter", "suivant", "→",
    ] {
        assert!(!screen.contains(chrome), "{chrome} in\n{screen}");
    }
}

#[test]
fn the_display_reveals_place_n_first() {
    for lang in [Lang::Fr, Lang::En] {
        for size in SIZES {
            let t = draw(&display(&decided(), 1, lang), at(5), size, false);
            let screen = text(&t);
            no_chrome(&screen);
            // The place in large type (the glyphs), the team, its project
            // and Département; nothing of the places still to come.
            // (the name too: its glyphs are in the snapshot).
            assert!(glyph_rows(&screen) >= 8, "big:\n{screen}");
            assert!(
                screen.contains("Un seul numéro pour l'aide sociale"),
                "{screen}"
            );
            assert!(screen.contains("Nord"), "{screen}");
            for later in ["Cantine zéro déchet", "Chantiers ouverts"] {
                assert!(!screen.contains(later), "{later} too soon:\n{screen}");
            }
            insta::assert_snapshot!(
                format!("reveal_place_3_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
    }
}

#[test]
fn the_display_reveals_place_1_with_the_places_before_it() {
    for lang in [Lang::Fr, Lang::En] {
        for size in SIZES {
            let t = draw(&display(&decided(), 3, lang), at(5), size, false);
            let screen = text(&t);
            no_chrome(&screen);
            assert!(
                screen.contains("Des menus qui ne jettent plus rien"),
                "place 1's project:\n{screen}"
            );
            let before = line_with(&screen, lang.t("2e lauréat", "2nd laureate"));
            assert!(
                before.contains("Chantiers ouverts — Suivre les travaux"),
                "{before}"
            );
            // Cut by display width where it does not fit.
            let whole = before.contains("Pas-de-Calais");
            assert_eq!(whole, size.0 == 200, "{before}");
            assert_eq!(before.trim_end().ends_with('…'), !whole, "{before}");
            let before = line_with(&screen, lang.t("3e lauréat", "3rd laureate"));
            assert!(before.contains("Guichet unique"), "{before}");
            assert!(screen.contains(lang.t("Déjà annoncés", "Announced so far")));
            insta::assert_snapshot!(
                format!("reveal_place_1_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
    }
}

#[test]
fn the_display_ends_with_the_whole_list() {
    for lang in [Lang::Fr, Lang::En] {
        for size in SIZES {
            let t = draw(&display(&decided(), 4, lang), at(5), size, false);
            let screen = text(&t);
            no_chrome(&screen);
            // The title as text, or big on a large screen.
            let heading = screen.contains(lang.t("Les 3 lauréats", "The 3 laureates"));
            let big = glyph_rows(&screen) >= 4;
            assert!(heading != big, "{screen}");
            let first = line_with(&screen, lang.t("1er lauréat", "1st laureate"));
            assert!(
                first.contains("Cantine zéro déchet — Des menus qui ne jettent plus rien · Somme"),
                "{first}"
            );
            // Best first, each once.
            let order: Vec<usize> = ["Cantine zéro déchet", "Chantiers ouverts", "Guichet unique"]
                .iter()
                .map(|n| screen.find(n).expect("listed"))
                .collect();
            assert!(order.is_sorted(), "{screen}");
            insta::assert_snapshot!(
                format!("reveal_list_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
    }
}

#[test]
fn the_opening_card_says_how_many_laureates_come() {
    let t = draw(&display(&decided(), 0, Lang::Fr), at(5), (80, 24), false);
    let screen = text(&t);
    no_chrome(&screen);
    assert!(screen.contains("3 lauréats"), "{screen}");
    assert!(!screen.contains("Cantine zéro déchet"), "{screen}");
    insta::assert_snapshot!("reveal_opening_fr_80x24", t.backend());
}

#[test]
fn teams_tied_in_place_share_their_place_on_the_display() {
    let mut s = decided();
    let mut reveal = Reveal::new(vec![
        Place {
            rank: 1,
            teams: vec!["T1".into()],
        },
        Place {
            rank: 2,
            teams: vec!["T3".into(), "T2".into()],
        },
    ]);
    reveal.shown = 1;
    s.reveal = Some(reveal);
    let mut app = App::new(s, options(Lang::En), at(0));
    app.mode = Mode::Display;
    let t = draw(&app, at(5), (80, 24), false);
    let screen = text(&t);
    assert!(
        screen.contains(
            "Chantiers ouverts — Suivre les travaux des collèges en ligne · Pas-de-Calais"
        ),
        "{screen}"
    );
    assert!(
        screen.contains("Guichet unique — Un seul numéro pour l'aide sociale · Nord"),
        "{screen}"
    );
    insta::assert_snapshot!("reveal_tied_en_80x24", t.backend());
}

#[test]
fn hostile_and_long_names_are_escaped_and_cut() {
    let mut s = decided();
    let long = format!("Les \u{1b}[2J cantines {}", "très ".repeat(40));
    s.teams[0].name = long;
    s.teams[0].project = "Projet \u{7}".into();
    for shown in 0..=4 {
        for size in SIZES {
            let mut app = display(&s, shown, Lang::Fr);
            app.session_mut().teams[0].name = s.teams[0].name.clone();
            let screen = text(&draw(&app, at(5), size, false));
            assert!(
                !screen.contains('\u{1b}') && !screen.contains('\u{7}'),
                "{screen}"
            );
            if shown >= 3 {
                assert!(screen.contains('…'), "cut at step {shown}:\n{screen}");
            }
        }
        let mut live = display(&s, shown, Lang::Fr);
        live.mode = Mode::Live;
        let screen = text(&draw(&live, at(5), (80, 24), false));
        assert!(!screen.contains('\u{1b}'), "{screen}");
    }
}

#[test]
fn the_moderator_sees_what_is_shown_and_what_comes_next() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = display(&decided(), 2, lang);
        app.mode = Mode::Live;
        let t = draw(&app, at(5), (80, 24), false);
        let screen = text(&t);
        let now = line_with(&screen, lang.t("À l'écran :", "On screen:"));
        assert!(now.contains(lang.t("2e lauréat", "2nd laureate")), "{now}");
        assert!(now.contains("Chantiers ouverts (T3)"), "{now}");
        let next = line_with(&screen, lang.t("Ensuite :", "Next:"));
        assert!(
            next.contains(lang.t("1er lauréat", "1st laureate")),
            "{next}"
        );
        assert!(next.contains("Cantine zéro déchet (T1)"), "{next}");
        // The footer: the reveal's keys, not the timer's.
        let footer = screen.lines().last().unwrap_or_default();
        assert!(footer.contains(lang.t("suivant", "next")), "{footer}");
        assert!(footer.contains(lang.t("terminer", "end")), "{footer}");
        insta::assert_snapshot!(format!("reveal_panel_{}_80x24", lang.code()), t.backend());
        // In projector mode, nothing still to come.
        app.projector = true;
        let screen = text(&draw(&app, at(5), (80, 24), false));
        assert!(!screen.contains("Cantine zéro déchet"), "{screen}");
        assert!(screen.contains("Chantiers ouverts"), "{screen}");
    }
}

#[test]
fn sealed_results_leave_the_display_on_the_stage() {
    let mut app = display(&decided(), 4, Lang::Fr);
    app.session_mut().sealed = true;
    let screen = text(&draw(&app, at(5), (80, 24), false));
    assert!(!screen.contains("lauréat"), "{screen}");
    assert!(screen.contains("Équipe suivante"), "the stage:\n{screen}");
    app.mode = Mode::Live;
    let screen = text(&draw(&app, at(5), (80, 24), false));
    assert!(screen.contains("résultats scellés"), "{screen}");
}

#[test]
fn sealed_during_a_reveal_the_moderator_sees_nothing_still_to_come() {
    for lang in [Lang::Fr, Lang::En] {
        // Place 2 announced, place 1 still to come, then the jury seals.
        let mut app = display(&decided(), 2, lang);
        app.mode = Mode::Live;
        app.session_mut().sealed = true;
        let t = draw(&app, at(5), (80, 24), false);
        let screen = text(&t);
        assert!(!screen.contains("Cantine zéro déchet"), "{screen}");
        assert!(!screen.contains("T1)"), "{screen}");
        let next = line_with(&screen, lang.t("Ensuite :", "Next:"));
        assert!(
            !next.contains(lang.t("1er lauréat", "1st laureate")),
            "{next}"
        );
        assert!(next.contains(lang.t("scellés", "sealed")), "{next}");
        // What the audience was already shown stays listed.
        assert!(screen.contains("Chantiers ouverts"), "{screen}");
        insta::assert_snapshot!(
            format!("reveal_panel_sealed_{}_80x24", lang.code()),
            t.backend()
        );
    }
}

/// A hackathon's 25 laureates, one per place, T01 best.
fn many() -> Session {
    let mut s = crate::app::results_fixture::large(30);
    let places = (1..=25)
        .map(|rank| Place {
            rank,
            teams: vec![format!("T{rank:02}").into()],
        })
        .collect();
    s.reveal = Some(Reveal::new(places));
    s
}

#[test]
fn a_long_list_says_how_many_more_where_it_does_not_fit() {
    let mut app = App::new(many(), options(Lang::Fr), at(0));
    app.mode = Mode::Display;
    if let Some(r) = app.session_mut().reveal.as_mut() {
        r.shown = 26;
    }
    let screen = text(&draw(&app, at(5), (80, 24), false));
    let last = line_with(&screen, "+ ");
    assert!(last.contains("autres"), "{screen}");
    assert!(screen.contains("1er lauréat"), "{screen}");
    let screen = text(&draw(&app, at(5), (200, 60), false));
    assert!(screen.contains("25e lauréat"), "all of them:\n{screen}");
    assert!(!screen.contains("autres"), "{screen}");
}

#[test]
fn the_moderators_list_keeps_the_place_on_screen_in_view() {
    let mut app = App::new(many(), options(Lang::En), at(0));
    for (shown, expected) in [
        (0, "25th laureate"),
        (1, "25th laureate"),
        (20, "6th laureate"),
    ] {
        if let Some(r) = app.session_mut().reveal.as_mut() {
            r.shown = shown;
        }
        let screen = text(&draw(&app, at(5), (80, 24), false));
        let mark = if shown == 0 {
            "· to come"
        } else {
            "▶ on screen"
        };
        let row = |l: &&str| l.contains(mark) && l.contains(expected);
        assert!(screen.lines().any(|l| row(&l)), "{screen}");
    }
}

#[test]
fn the_moderator_sees_that_the_ranking_changed() {
    let mut app = display(&decided(), 1, Lang::Fr);
    app.mode = Mode::Live;
    app.reveal.checked = Some((app.session.revision, true));
    let screen = text(&draw(&app, at(5), (80, 24), false));
    assert!(
        screen.contains("Le classement a changé depuis le début"),
        "{screen}"
    );
}
