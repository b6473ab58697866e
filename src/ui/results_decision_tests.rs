//! The results screen and the jury's decisions: the decision form, the
//! results after a decision, a decision a changed score made stale (what
//! the heading says `d` does about it).

#![cfg(test)]

use super::results_tests::{app, decided, keys, order_then_by, typed};
use super::snapshot_tests::{draw, line_with, text};
use crate::app::fixture::{at, options};
use crate::app::results_fixture::{forum_decided, large};
use crate::app::screens::results::ResultsKey;
use crate::app::{App, Screen};
use crate::domain::{Dec, DecisionKind, Lang, SheetKey};

#[test]
fn results_after_the_jurys_decision() {
    for lang in [Lang::Fr, Lang::En] {
        let app = decided(lang);
        let t = draw(&app, at(6), (80, 24), false);
        let screen = text(&t);
        let has = |fr: &str, en: &str| screen.contains(lang.t(fr, en));
        assert!(
            has(
                "départagée par le jury : ordre T3, T2, T4 — Présidente,",
                "settled by the jury: order T3, T2, T4 — Présidente, \"vote\""
            ),
            "{screen}"
        );
        assert!(screen.contains("vote"));
        assert!(!has("ÉGALITÉ À LA LIMITE", "TIE AT THE CUT-OFF"));
        assert!(has("lauréats 3 / 3", "laureates 3 / 3"));
        assert!(screen.contains("   2 ★!  T3"), "{screen}");
        assert!(screen.contains("   3 ★!  T2"));
        assert!(screen.contains("   4 !   T4"));
        insta::assert_snapshot!(
            format!("results_decided_{}_80x24", lang.code()),
            t.backend()
        );
    }
}

#[test]
fn the_decision_form_over_the_screen() {
    let mut app = app(Lang::Fr);
    order_then_by(&mut app);
    let t = draw(&app, at(5), (80, 24), false);
    let screen = text(&t);
    assert!(screen.contains("Décision du jury — égalité à la limite"));
    assert!(screen.contains("[x] o : ordre décidé"));
    assert!(screen.contains("  2. T3 Chantiers ouverts"));
    assert!(screen.contains("  3. T2 Guichet unique"));
    assert!(screen.contains("Par : Présidente▏"));
    assert!(screen.contains("Qui a décidé ?"));
    // The results are provisional: the form says so, whole.
    assert!(
        screen.contains("│Résultats PROVISOIRES (3 feuilles à compléter) : une note à venir peut")
            && screen.contains("│    rendre cette décision caduque."),
        "{screen}"
    );
    // The footer says what the text field's keys do.
    let footer = screen.lines().last().unwrap();
    assert!(footer.contains("Entrée valider"), "{footer}");
    assert!(!footer.contains("ordre") && !footer.contains("quitter"));
    insta::assert_snapshot!("results_form_fr_80x24", t.backend());
}

#[test]
fn a_large_tie_and_a_long_text_fit_the_form_at_80x24() {
    // Every sheet the same: twenty teams tied across the cut-off at 8.
    let mut s = large(20);
    for sheet in s.sheets.values_mut() {
        for v in sheet.values.values_mut() {
            *v = crate::domain::Dec::int(3);
        }
    }
    let mut app = App::new(s, options(Lang::Fr), at(0));
    app.screen = Screen::Results;
    keys(&mut app, &[ResultsKey::Decide]);
    assert_eq!(app.results.form.as_ref().unwrap().teams.len(), 20);
    keys(&mut app, &[ResultsKey::Down; 19]);
    let screen = text(&draw(&app, at(5), (80, 24), false));
    assert!(screen.contains(" 20. T20 Équipe 20"), "{screen}");
    assert!(!screen.contains("  1. T01"));
    assert!(screen.contains("Par : ") && screen.contains("Motif : "));
    keys(&mut app, &[ResultsKey::Confirm]);
    typed(&mut app, &"abcdefghij".repeat(10));
    typed(&mut app, "FIN");
    let screen = text(&draw(&app, at(5), (80, 24), false));
    assert!(screen.contains("FIN▏"), "{screen}");
    assert!(screen.contains("Par : …"));
}

#[test]
fn a_stale_decision_is_announced_in_the_heading_naming_all_its_teams() {
    for lang in [Lang::Fr, Lang::En] {
        let app = stale(lang, false);
        for size in [(80, 24), (120, 40), (200, 60)] {
            let screen = text(&draw(&app, at(5), size, false));
            let heading = line_with(&screen, lang.t("décision caduque sur", "stale decision on"));
            assert!(heading.contains("T3, T2, T4"), "{size:?}: {heading}");
            assert!(
                heading.contains(lang.t("PROVISOIRE", "PROVISIONAL")),
                "{heading}"
            );
            insta::assert_snapshot!(
                format!(
                    "results_stale_decision_{}_{}x{}",
                    lang.code(),
                    size.0,
                    size.1
                ),
                screen
            );
        }
    }
}

/// The forum whose tie T3, T2, T4 the jury ordered; then T2's score rose
/// (`lift_t4` also lowers T4: no tie left at the cut-off).
fn stale(lang: Lang, lift_t4: bool) -> App {
    let mut session = forum_decided(DecisionKind::Order);
    let mut set = |team: &str, value: Dec| {
        let sheet = session
            .sheets
            .get_mut(&SheetKey::new(team.into(), "J1".into()))
            .expect("the team's sheet");
        sheet.values.insert("impact".into(), value);
    };
    set("T2", Dec::int(5));
    if lift_t4 {
        set("T4", Dec::int(0));
    }
    let mut app = App::new(session, options(lang), at(0));
    app.screen = Screen::Results;
    app
}

#[test]
fn the_stale_decision_heading_says_what_d_does_and_d_does_it() {
    for lang in [Lang::Fr, Lang::En] {
        // A tie is left (T3, T4): decide again, and `d` opens the form.
        let mut app = stale(lang, false);
        let screen = text(&draw(&app, at(5), (120, 40), false));
        let heading = line_with(&screen, lang.t("décision caduque sur", "stale decision on"));
        assert!(
            heading.contains(lang.t(
                "le jury doit redécider (d)",
                "the jury must decide again (d)"
            )),
            "{heading}"
        );
        keys(&mut app, &[ResultsKey::Decide]);
        assert!(app.results.form.is_some(), "d decides again");

        // No tie left: the decision is no longer needed, `d` withdraws it.
        let mut app = stale(lang, true);
        let t = draw(&app, at(5), (80, 24), false);
        let screen = text(&t);
        let heading = line_with(&screen, lang.t("décision caduque sur", "stale decision on"));
        assert!(
            !heading.contains(lang.t("redécider", "decide again")),
            "{heading}"
        );
        let whole = text(&draw(&app, at(5), (200, 60), false));
        let heading = line_with(&whole, lang.t("décision caduque sur", "stale decision on"));
        assert!(
            heading.contains(lang.t(
                "plus d'égalité à la limite, elle n'est plus nécessaire (d la retire)",
                "no tie at the cut-off any more, it is no longer needed (d withdraws it)"
            )),
            "{heading}"
        );
        insta::assert_snapshot!(
            format!("results_stale_no_tie_{}_80x24", lang.code()),
            t.backend()
        );
        keys(&mut app, &[ResultsKey::Decide]);
        assert!(app.results.form.is_none(), "nothing to decide");
        assert!(app.session.decisions.is_empty(), "withdrawn and saved");
        let said = app.said().expect("d says what it did").text;
        assert!(
            said.contains(lang.t(
                "Décision caduque sur T3, T2, T4 retirée",
                "Stale decision on T3, T2, T4 withdrawn"
            )),
            "{said}"
        );
        let screen = text(&draw(&app, at(6), (120, 40), false));
        assert!(
            !screen.contains(lang.t("décision caduque sur", "stale decision on")),
            "{screen}"
        );
        // `u` brings it back.
        keys(&mut app, &[]);
        super::snapshot_tests::drive(&mut app, &[(crate::app::Action::Undo, 7)]);
        assert_eq!(app.session.decisions.len(), 1);
    }
}
