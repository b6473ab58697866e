//! Snapshots of the Setup screen at 80×24 and 120×40, in French and
//! English: a field being edited, and the line after a refusal.

use crate::app::fixture::{at, outcome};
use crate::app::screens::setup::{Row, SetupKey, rows};
use crate::app::{Action, App, Screen, update};
use crate::domain::setup::{Field, Target};
use crate::domain::{Lang, Session};
use crate::ui::snapshot_tests::{app, draw, text};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn run(app: &mut App, disk: &mut Session, action: Action) {
    let mut effects = update(app, action, at(0));
    while let Some(effect) = effects.pop() {
        if let Some(fed) = outcome(disk, &effect) {
            effects.extend(update(app, fed, at(0)));
        }
    }
}

/// The Setup screen with T2's name being edited ("Guichet unique" + " bis").
fn editing(lang: Lang) -> (App, Session) {
    let mut app = app(lang);
    app.screen = Screen::Setup;
    let mut disk = (*app.session).clone();
    let row = Row::Field(Target::Team("T2".into()), Field::TeamName);
    app.setup.row = rows(&app.session).iter().position(|r| *r == row).unwrap();
    run(&mut app, &mut disk, Action::from(SetupKey::Edit));
    for c in " bis".chars() {
        run(&mut app, &mut disk, Action::from(SetupKey::Char(c)));
    }
    (app, disk)
}

#[test]
fn setup_while_editing_a_field() {
    for lang in [Lang::Fr, Lang::En] {
        let (app, _) = editing(lang);
        for size in SIZES {
            let t = draw(&app, at(0), size, false);
            let screen = text(&t);
            assert!(screen.contains("Guichet unique bis▏"), "{screen}");
            assert!(
                screen.contains(lang.t("▶ T2 · nom", "▶ T2 · name")),
                "{screen}"
            );
            assert!(
                screen.contains(lang.t(
                    "Entrée valide, Échap abandonne",
                    "Enter confirms, Esc cancels"
                )),
                "{screen}"
            );
            assert!(
                screen.contains(lang.t("Réglages", "Setup")),
                "the tab: {screen}"
            );
            insta::assert_snapshot!(
                format!("setup_editing_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
    }
}

#[test]
fn setup_after_a_refusal_shows_both_values() {
    for lang in [Lang::Fr, Lang::En] {
        let (mut app, mut disk) = editing(lang);
        crate::app::fixture::renamed_elsewhere(&mut disk, "T2", "Guichet social");
        run(&mut app, &mut disk, Action::from(SetupKey::Confirm));
        for size in SIZES {
            let t = draw(&app, at(0), size, false);
            let screen = text(&t);
            assert!(
                screen.contains(lang.t("vu « Guichet unique »", "seen \"Guichet unique\"")),
                "{screen}"
            );
            assert!(
                screen.contains("Guichet social"),
                "the fresh name: {screen}"
            );
            insta::assert_snapshot!(
                format!("setup_refused_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
    }
}

#[test]
fn the_method_shows_locked_once_scored() {
    let mut app = app(Lang::En);
    app.screen = Screen::Setup;
    crate::domain::fixture::put(app.session_mut(), "T1", "J2", &[("impact", "3")]);
    let row = Row::Field(Target::Settings, Field::Method);
    app.setup.row = rows(&app.session).iter().position(|r| *r == row).unwrap();
    let screen = text(&draw(&app, at(0), (120, 40), false));
    let line = crate::ui::snapshot_tests::line_with(&screen, "official method");
    assert!(line.contains("locked: scoring has started"), "{line}");
}

#[test]
fn a_long_text_being_typed_keeps_its_end_in_view() {
    let (mut app, mut disk) = editing(Lang::En);
    let long = format!("{}END", "x".repeat(150));
    run(&mut app, &mut disk, Action::from(SetupKey::Paste(long)));
    let screen = text(&draw(&app, at(0), (80, 24), false));
    assert!(screen.contains("xxxxEND▏"), "{screen}");
    assert!(screen.contains("▶ T2 · name"), "{screen}");
    // A late team's name, typed on the prompt line: the prompt stays.
    run(&mut app, &mut disk, Action::from(SetupKey::Cancel));
    run(&mut app, &mut disk, Action::from(SetupKey::LateTeam));
    let long = format!("{}END", "y".repeat(150));
    run(&mut app, &mut disk, Action::from(SetupKey::Paste(long)));
    let screen = text(&draw(&app, at(0), (80, 24), false));
    let first = screen.lines().nth(1).unwrap();
    assert!(
        first.ends_with("yyEND▏") || first.contains("yyEND▏"),
        "{screen}"
    );
}

#[test]
fn setup_after_a_paste_too_long_says_why_the_rest_was_not_taken() {
    for lang in [Lang::Fr, Lang::En] {
        let (mut app, mut disk) = editing(lang);
        let page = "Guichet ".repeat(100_000);
        run(&mut app, &mut disk, Action::from(SetupKey::Paste(page)));
        let t = draw(&app, at(0), (80, 24), false);
        let screen = text(&t);
        assert!(
            screen.contains(lang.t(
                "200 caractères au plus dans ce champ",
                "At most 200 characters in this field"
            )),
            "{screen}"
        );
        assert!(screen.contains("Guichet Guiche▏"), "{screen}");
        insta::assert_snapshot!(format!("setup_too_long_{}_80x24", lang.code()), t.backend());
    }
}

#[test]
fn criteria_and_the_tie_break_show_by_their_labels() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app(lang);
        app.screen = Screen::Setup;
        app.session_mut().settings.tie_break = vec!["faisabilite".into()];
        let screen = text(&draw(&app, at(0), (120, 40), false));
        let line = |what: &str| crate::ui::snapshot_tests::line_with(&screen, what);
        let criteria = line(lang.t("Réglages · critères", "Settings · criteria"));
        assert!(
            criteria.contains("Impact (0–5), Faisabilité (0–5)"),
            "{criteria}"
        );
        let tie_break = line(lang.t("Réglages · départage", "Settings · tie-break"));
        assert!(tie_break.contains("Faisabilité"), "{tie_break}");
        assert!(!tie_break.contains("faisabilite"), "{tie_break}");
    }
}
