//! The secretary's screens inside the whole app frame (header, status line,
//! footer of keys, `?` overlay), at 80×24 and 120×40, French and English.

use chrono::DateTime;
use chrono::Utc;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::fixture::{self, at};
use crate::app::screens::completeness::BoardKey;
use crate::app::screens::scores::grid::GridKey;
use crate::app::screens::stage::StageKey;
use crate::app::{Action, App, Screen, update};
use crate::domain::Lang;
use crate::ui::snapshot_tests::text;
use crate::ui::{Theme, View};

fn draw(app: &App, now: DateTime<Utc>, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(&View::new(app, now, Theme::new(false)), f.area()))
        .unwrap();
    text(&t)
}

fn drive(app: &mut App, actions: &[Action]) {
    for action in actions {
        let mut effects = update(app, action.clone(), at(5));
        while let Some(effect) = effects.pop() {
            let mut disk = (*app.session).clone();
            if let Some(fed) = fixture::outcome(&mut disk, &effect) {
                effects.extend(update(app, fed, at(5)));
            }
        }
    }
}

/// T1 on stage; the secretary has typed J1's sheet, J2's first value, and
/// is typing J2's second; J3 is absent.
fn secretary(lang: Lang) -> App {
    let mut app = App::new(fixture::session(), fixture::options(lang), at(0));
    let g = |k| Action::from(k);
    let mut actions = vec![Action::from(StageKey::StartPause)];
    actions.extend([Action::NextScreen, Action::NextScreen, Action::NextScreen]);
    for c in "4\n3\n8\n2\n".chars() {
        actions.push(g(if c == '\n' {
            GridKey::Enter
        } else {
            GridKey::Char(c)
        }));
    }
    actions.extend([g(GridKey::Down), g(GridKey::Absent), g(GridKey::Up)]);
    actions.push(g(GridKey::Char('5')));
    drive(&mut app, &actions);
    app
}

#[test]
fn the_grid_screen_in_the_app() {
    for lang in [Lang::Fr, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let app = secretary(lang);
            assert_eq!(app.screen, Screen::Scores);
            let screen = draw(&app, at(5), w, h);
            let header = screen.lines().next().unwrap();
            assert!(header.contains(lang.t("[Notes]", "[Scores]")), "{header}");
            assert!(screen.contains("T1 · Cantine zéro déchet"));
            let j1 = screen.lines().find(|l| l.contains("J1 Claire")).unwrap();
            assert!(
                j1.contains(" 4 ") && j1.contains(" 3 ") && j1.contains(" 8 "),
                "{j1}"
            );
            assert!(j1.contains("≠"), "8 on paper, 4 + 3 in the cells: {j1}");
            let j2 = screen.lines().find(|l| l.contains("J2 Karim")).unwrap();
            assert!(j2.contains(" 2 ") && j2.contains("5_]"), "{j2}");
            assert!(
                screen
                    .lines()
                    .find(|l| l.contains("J3 Sophie"))
                    .unwrap()
                    .contains("absent")
            );
            let footer = screen.lines().last().unwrap();
            assert!(footer.contains(lang.t("valider", "commit")), "{footer}");
            insta::assert_snapshot!(format!("app_scores_{w}x{h}_{}", lang.code()), screen);
        }
    }
}

#[test]
fn the_board_screen_in_the_app() {
    for lang in [Lang::Fr, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut app = secretary(lang);
            drive(
                &mut app,
                &[
                    Action::from(GridKey::Escape),
                    Action::NextScreen,
                    Action::from(BoardKey::Down),
                ],
            );
            assert_eq!(app.screen, Screen::Completeness);
            let screen = draw(&app, at(5), w, h);
            let t1 = screen.lines().find(|l| l.contains("T1 Cantine")).unwrap();
            assert!(
                t1.contains('≠') && t1.contains('½') && t1.contains('A'),
                "{t1}"
            );
            assert!(
                screen
                    .lines()
                    .find(|l| l.contains("T2 Guichet"))
                    .unwrap()
                    .starts_with('›')
            );
            let footer = screen.lines().last().unwrap();
            assert!(
                footer.contains(lang.t("ouvrir la grille", "open the grid")),
                "{footer}"
            );
            insta::assert_snapshot!(format!("app_board_{w}x{h}_{}", lang.code()), screen);
        }
    }
}

#[test]
fn the_help_lists_the_grid_keys_on_one_screen() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = secretary(lang);
        drive(&mut app, &[Action::Help]);
        let screen = draw(&app, at(5), 80, 24);
        assert!(
            screen.contains("0123456789.,"),
            "digits on one line:\n{screen}"
        );
        for text in [
            lang.t("valider la note", "commit the value"),
            lang.t(
                "a absent, A pour la suite, R récusé",
                "a absent, A for the rest, R recused",
            ),
            lang.t("grille vérifiée", "grid verified"),
            lang.t("Échap / ? / q : fermer", "Esc / ? / q: close"),
        ] {
            assert!(
                screen.contains(text),
                "{text:?} missing from the help:\n{screen}"
            );
        }
        insta::assert_snapshot!(format!("app_scores_help_80x24_{}", lang.code()), screen);
    }
}

#[test]
fn projector_mode_hides_the_grid_in_the_app() {
    let mut app = secretary(Lang::Fr);
    drive(&mut app, &[Action::ToggleProjector]);
    let screen = draw(&app, at(5), 80, 24);
    assert!(screen.contains("Mode projecteur"));
    assert!(!screen.contains("Claire"), "no juror row:\n{screen}");
    assert!(!screen.contains("5_"), "not even the value being typed");
}

#[test]
fn a_refused_value_names_the_criterion_by_its_label() {
    for lang in [Lang::Fr, Lang::En] {
        let mut session = fixture::session();
        session.criteria[0].label = "Utilité pour les usagers".into();
        let mut app = App::new(session, fixture::options(lang), at(0));
        let g = |k| Action::from(k);
        drive(
            &mut app,
            &[
                Action::Show(Screen::Scores),
                g(GridKey::Char('9')),
                g(GridKey::Enter),
            ],
        );
        let screen = draw(&app, at(5), 120, 40);
        let refused = screen
            .lines()
            .find(|l| l.contains(lang.t("hors limites", "out of range")))
            .unwrap_or_else(|| panic!("no refusal in\n{screen}"));
        assert!(refused.contains("Utilité pour les usagers"), "{refused}");
        assert!(!refused.contains("impact"), "{refused}");
    }
}

#[test]
fn the_warning_of_a_voided_decision_fits_80_columns() {
    use crate::domain::DecisionKind;
    for (lang, words) in [
        (
            Lang::Fr,
            "Attention : cette note rend caduque la décision sur T3, T2, T4 (Résultats, d).",
        ),
        (
            Lang::En,
            "Warning: this score voids the jury's decision on T3, T2, T4 (Results, d).",
        ),
    ] {
        let s = crate::app::results_fixture::forum_decided(DecisionKind::Admit);
        let mut app = App::new(s, fixture::options(lang), at(0));
        let g = |k| Action::from(k);
        // T2's J1 impact was 4: 5 lifts T2 out of the tie.
        drive(
            &mut app,
            &[
                Action::Show(Screen::Scores),
                g(GridKey::NextTeam),
                g(GridKey::Char('5')),
                g(GridKey::Enter),
            ],
        );
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| f.render_widget(&View::new(&app, at(5), Theme::new(false)), f.area()))
            .unwrap();
        let screen = text(&t);
        let status = screen.lines().nth(22).unwrap_or_default();
        assert_eq!(status.trim(), words, "whole on one line:\n{screen}");
        insta::assert_snapshot!(format!("grid_voided_{}_80x24", lang.code()), t.backend());
    }
}
