//! The results screen drawn: snapshots (text only, colour off) at 80×24 and
//! 120×40 in French and English, each asserting key content; projector mode
//! hiding everything; the laureates' colour.

#![cfg(test)]

use ratatui::style::Color;

use super::snapshot_tests::{draw, drive, line_with, text};
use crate::app::fixture::{at, options};
use crate::app::results_fixture::forum;
use crate::app::screens::results::ResultsKey;
use crate::app::{Action, App, Effect, Screen, update};
use crate::domain::Lang;

pub(super) fn app(lang: Lang) -> App {
    let mut app = App::new(forum(), options(lang), at(0));
    app.screen = Screen::Results;
    app
}

pub(super) fn keys(app: &mut App, keys: &[ResultsKey]) {
    let actions: Vec<(Action, i64)> = keys.iter().map(|k| (Action::from(*k), 5)).collect();
    drive(app, &actions);
}

pub(super) fn typed(app: &mut App, text: &str) {
    let k: Vec<ResultsKey> = text.chars().map(ResultsKey::Char).collect();
    keys(app, &k);
}

/// The decision form: the order changed (T2 down), "Présidente" typed as
/// who decided.
pub(super) fn order_then_by(app: &mut App) {
    let order = [
        ResultsKey::Decide,
        ResultsKey::MoveDown,
        ResultsKey::Confirm,
    ];
    keys(app, &order);
    typed(app, "Présidente");
}

/// The forum after the jury ordered the tie T3, T2, T4.
pub(super) fn decided(lang: Lang) -> App {
    let mut app = app(lang);
    order_then_by(&mut app);
    keys(&mut app, &[ResultsKey::Confirm]);
    typed(&mut app, "vote");
    keys(&mut app, &[ResultsKey::Confirm]);
    assert_eq!(app.session.decisions.len(), 1);
    app
}

#[test]
fn results_snapshots_with_a_tie_at_the_cut_off() {
    for lang in [Lang::Fr, Lang::En] {
        let app = app(lang);
        for size in [(80, 24), (120, 40)] {
            let t = draw(&app, at(5), size, false);
            let screen = text(&t);
            let has = |fr: &str, en: &str| screen.contains(lang.t(fr, en));
            assert!(has(
                "Classement officiel — moyenne",
                "Official ranking — mean"
            ));
            assert!(has("PROVISOIRE", "PROVISIONAL"), "{screen}");
            assert!(has(
                "PROVISOIRE — 1 feuille manquante · 1 incomplète · 1 total papier différent",
                "PROVISIONAL — 1 missing sheet · 1 partial · 1 paper total mismatch"
            ));
            // Sealing and the reveal on the footer, not only in `?`.
            let footer = screen.lines().last().unwrap_or_default();
            assert!(
                footer.contains(lang.t(" S sceller ", " S seal ")),
                "{footer}"
            );
            assert!(
                footer.contains(lang.t(" v proclamer ", " v reveal ")),
                "{footer}"
            );
            assert!(
                footer.contains(lang.t(" d décider ", " d decide ")),
                "{footer}"
            );
            assert!(has(
                "ÉGALITÉ À LA LIMITE : T2, T3, T4",
                "TIE AT THE CUT-OFF: T2, T3, T4"
            ));
            assert!(has("limite des lauréats (3)", "laureate cut-off (3)"));
            assert!(has("Val-d'Oise", "Val-d'Oise"));
            // Scores with two decimals, a comma in French.
            assert!(has("9,00", "9.00") && has("7,60", "7.60") && has("4,67", "4.67"));
            assert!(screen.contains("  2= ?   T2"), "{screen}");
            assert!(screen.contains("   6 ▽   T6"));
            assert!(screen.contains("█"), "bars");
            // The cut-off line lies between places 3 and 4: after T3's row.
            let lines: Vec<&str> = screen.lines().collect();
            let t3 = lines.iter().position(|l| l.contains(" T3 ")).unwrap();
            assert!(lines[t3 + 1].contains("┄┄"), "{screen}");
            assert!(lines[t3 + 2].contains(" T4 "));
            assert!(has(
                "Écart places 3/4 (T3 / T4) : 0,00",
                "Margin places 3/4 (T3 / T4): 0.00"
            ));
            if size.1 < 30 {
                // A short panel: the other methods on one line.
                assert!(
                    has(
                        "Lauréats sous les autres méthodes : normalisée +T4 +T3 · tronquée = (égalité)",
                        "Laureates under other methods: normalized +T4 +T3 · trimmed = (tie)"
                    ),
                    "{screen}"
                );
                assert!(screen.contains("Borda"));
            } else {
                assert!(has("Borda : +T4 +T3", "Borda: +T4 +T3"));
            }
            assert!(
                screen.contains("Garnier (J5)") || screen.contains("T5 · J5 Inès Garnier"),
                "{screen}"
            );
            assert!(has("d décider", "d decide"), "the footer");
            insta::assert_snapshot!(
                format!("results_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
    }
}

#[test]
fn the_large_screen_explains_every_neighbour_pair() {
    let app = app(Lang::Fr);
    for size in [(120, 40), (200, 60)] {
        let screen = text(&draw(&app, at(5), size, false));
        assert!(screen.contains("Ce qui sépare les voisins"));
        assert!(screen.contains("T1 > T2 : score 9,00 contre 7,60"));
        assert!(screen.contains("T2 = T3 : ex aequo"));
        assert!(screen.contains("T5 > T6 : trop peu de feuilles"));
        assert!(screen.contains("Claire Dumont (J1)"), "{screen}");
    }
}

#[test]
fn a_teams_detail() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app(lang);
        // T6: a partial sheet and a wrong handwritten total.
        keys(&mut app, &[ResultsKey::PageDown, ResultsKey::Detail]);
        let t = draw(&app, at(5), (120, 40), false);
        let screen = text(&t);
        let has = |fr: &str, en: &str| screen.contains(lang.t(fr, en));
        assert!(screen.contains("T6 Routes partagées — Somme"), "{screen}");
        assert!(has(
            "rang 6 · score 4,67 · 3 feuilles",
            "rank 6 · score 4.67 · 3 sheets"
        ));
        assert!(has("Moyenne par critère", "Mean per criterion"));
        assert!(has("incomplète", "partial"));
        assert!(
            // Compared with the plain sum, never the weighted total.
            has("Σ 6 ≠ 5 manuscrit", "Σ 6 ≠ 5 handwritten"),
            "{screen}"
        );
        assert!(has(
            "T5 > T6 : trop peu de feuilles",
            "T5 > T6: too few sheets"
        ));
        insta::assert_snapshot!(
            format!("results_detail_{}_120x40", lang.code()),
            t.backend()
        );
        // At 80×24 the table makes room: every juror's total is shown.
        let t = draw(&app, at(5), (80, 24), false);
        let screen = text(&t);
        assert!(screen.contains(" T6 "), "the selected row stays in view");
        for name in [
            "Claire Dumont",
            "Karim Benali",
            "Sophie Martin",
            "Luc Moreau",
            "Inès Garnier",
        ] {
            assert!(screen.contains(name), "{name}:\n{screen}");
        }
        // Each mean beside its criterion (one per line when there is room),
        // over the 3 sheets that count (not Karim Benali's, whose
        // handwritten total differs).
        assert!(
            line_with(&screen, "Impact").contains(lang.t("2,33", "2.33")),
            "{screen}"
        );
        insta::assert_snapshot!(format!("results_detail_{}_80x24", lang.code()), t.backend());
    }
}

#[test]
fn another_method_is_marked_as_a_comparison() {
    let mut app = app(Lang::En);
    keys(&mut app, &[ResultsKey::NextMethod]);
    let t = draw(&app, at(5), (80, 24), false);
    let screen = text(&t);
    assert!(screen.contains("COMPARISON — normalized (z-scores): NOT the official"));
    assert!(!screen.contains("Official ranking"));
    assert!(
        screen.contains("Against the official one (mean): +T4 +T3"),
        "{screen}"
    );
    insta::assert_snapshot!("results_normalized_en_80x24", t.backend());
    // Trimmed mean: a tie at the cut-off too, but nothing to decide there.
    keys(&mut app, &[ResultsKey::NextMethod]);
    let screen = text(&draw(&app, at(5), (80, 24), false));
    assert!(screen.contains("COMPARISON — trimmed mean"));
    assert!(
        screen.contains("Tie at the cut-off under this method: T2, T3, T4"),
        "{screen}"
    );
    assert!(!screen.contains("d to record"));
}

#[test]
fn projector_mode_hides_every_score_and_result() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = decided(lang);
        drive(&mut app, &[(Action::ToggleProjector, 6)]);
        for size in [(80, 24), (120, 40), (200, 60)] {
            let t = draw(&app, at(5), size, false);
            let screen = text(&t);
            assert!(
                screen.contains(lang.t("masqués (mode projecteur)", "hidden (projector mode)")),
                "{screen}"
            );
            for hidden in [
                "7,60", "7.60", "9,00", "9.00", "★", "█", "T3", "Guichet", "┄",
            ] {
                assert!(!screen.contains(hidden), "{hidden} shown:\n{screen}");
            }
            if size == (80, 24) {
                insta::assert_snapshot!(
                    format!("results_projector_{}_80x24", lang.code()),
                    t.backend()
                );
            }
        }
    }
}

#[test]
fn laureates_are_green_with_colour_and_bold_without() {
    let app = decided(Lang::Fr);
    for colour in [true, false] {
        let t = draw(&app, at(5), (80, 24), colour);
        let buf = t.backend().buffer();
        let screen = text(&t);
        let lines: Vec<&str> = screen.lines().collect();
        let y = |team: &str| lines.iter().position(|l| l.contains(team)).unwrap() as u16;
        // Column 5 holds the marks; T1 is selected (reversed), so look at T3.
        let star = &buf[(5, y(" T3 "))];
        assert_eq!(star.symbol(), "★");
        let plain = &buf[(10, y(" T5 "))];
        if colour {
            assert_eq!(star.fg, Color::Green);
            assert_ne!(plain.fg, Color::Green);
        } else {
            assert_eq!(star.fg, Color::Reset);
            assert!(star.modifier.contains(ratatui::style::Modifier::BOLD));
        }
    }
}

/// The right-hand panel at 120×40 (from column 80), its wrapped lines
/// joined by single spaces.
fn panel(screen: &str) -> String {
    let parts: Vec<String> = screen
        .lines()
        .map(|l| l.chars().skip(80).collect::<String>().trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    parts.join(" ")
}

#[test]
fn s_finds_the_smallest_change_that_alters_the_laureates() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app(lang);
        let before = text(&draw(&app, at(5), (120, 40), false));
        assert!(before.contains(lang.t("s : plus petit changement", "s: smallest change")));
        // The search runs off the key handler: the panel says so meanwhile.
        let mut searching = app.clone();
        let effects = update(&mut searching, Action::from(ResultsKey::Sensitivity), at(5));
        assert!(
            matches!(effects.as_slice(), [Effect::Run(_)]),
            "{effects:?}"
        );
        let screen = panel(&text(&draw(&searching, at(5), (120, 40), false)));
        assert!(
            screen.contains(lang.t(
                "recherche du plus petit changement",
                "looking for the smallest change"
            )),
            "{screen}"
        );
        keys(&mut app, &[ResultsKey::Sensitivity]);
        let screen = panel(&text(&draw(&app, at(5), (120, 40), false)));
        // One step down on T2 breaks the tie: T3 and T4 become laureates.
        assert!(
            screen.contains(lang.t(
                "Plus petit changement qui modifie les lauréats : T2 · Claire",
                "Smallest change that alters the laureates: T2 · Claire"
            )),
            "{screen}"
        );
        assert!(screen.contains(lang.t("Impact 4 → 3 (-1 pas)", "Impact 4 → 3 (-1 step)")));
        // A new state of the session: the search is no longer shown.
        let app = decided(lang);
        let screen = panel(&text(&draw(&app, at(5), (120, 40), false)));
        assert!(!screen.contains("T2 · Claire"));
    }
}

#[test]
fn every_state_of_the_screen_draws_at_any_size() {
    let mut empty = App::new(crate::app::fixture::session(), options(Lang::En), at(0));
    empty.session_mut().teams.clear();
    empty.session_mut().schedule.clear();
    empty.screen = Screen::Results;
    let mut detail = app(Lang::Fr);
    keys(&mut detail, &[ResultsKey::Down, ResultsKey::Detail]);
    let mut form = app(Lang::Fr);
    keys(&mut form, &[ResultsKey::Decide, ResultsKey::Confirm]);
    typed(&mut form, "Jury");
    let sizes = (5..=25u16)
        .flat_map(|w| (2..=8u16).map(move |h| (w * 8, h * 5)))
        .chain([(50, 15), (79, 23), (300, 100)]);
    for size in sizes {
        for app in [&empty, &detail, &form] {
            let screen = text(&draw(app, at(5), size, true));
            if size.0 >= super::MIN_WIDTH && size.1 >= super::MIN_HEIGHT {
                assert!(
                    screen.contains("Résultats") || screen.contains("Results"),
                    "{size:?}"
                );
            }
        }
    }
    let screen = text(&draw(&empty, at(5), (80, 24), false));
    assert!(screen.contains("No team to rank."), "{screen}");
}

#[test]
fn a_tie_break_step_is_named_between_neighbours() {
    // T4's J1 sheet gives 5 + 3 instead of 4 + 4: the same total, a
    // higher impact mean, and impact is the first tie-break criterion.
    let mut s = forum();
    s.settings.tie_break = vec!["impact".into()];
    let sheet = s
        .sheets
        .get_mut(&crate::domain::SheetKey::new("T4".into(), "J1".into()))
        .unwrap();
    sheet
        .values
        .insert("impact".into(), crate::domain::Dec::int(5));
    sheet
        .values
        .insert("faisabilite".into(), crate::domain::Dec::int(3));
    let mut app = App::new(s, options(Lang::Fr), at(0));
    app.screen = Screen::Results;
    let screen = panel(&text(&draw(&app, at(5), (120, 40), false)));
    assert!(
        screen.contains("T1 > T4 : score 9,00 contre 7,60"),
        "{screen}"
    );
    assert!(
        screen.contains("T4 > T2 : même score, départage par le critère « Impact »"),
        "{screen}"
    );
    assert!(screen.contains("T2 = T3 : ex aequo"));
}
