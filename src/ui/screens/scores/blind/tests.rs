//! The blind double entry inside the whole app frame, at 80×24 and
//! 200×60, French and English: typing with the first entry hidden, the
//! differences to settle, the team verified twice.

use chrono::{DateTime, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::fixture::{self, at};
use crate::app::screens::scores::blind::BlindKey;
use crate::app::{Action, App, Screen, update};
use crate::domain::Lang;
use crate::domain::fixture::put;
use crate::ui::snapshot_tests::text;
use crate::ui::{Theme, View};

fn draw(app: &App, now: DateTime<Utc>, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(&View::new(app, now, Theme::new(false)), f.area()))
        .unwrap();
    text(&t)
}

/// T1's first entry: J1 (4, 3), J2 (5, 2); J3 absent. The second entry is
/// typed from the grid with `b`: `keys` as typed (`\n` Enter).
fn blind(lang: Lang, keys: &str) -> App {
    let mut s = fixture::session();
    put(&mut s, "T1", "J1", &[("impact", "4"), ("faisabilite", "3")]);
    put(&mut s, "T1", "J2", &[("impact", "5"), ("faisabilite", "2")]);
    crate::domain::fixture::mark(&mut s, "T1", "J3", crate::domain::Mark::Absent);
    let mut disk = s.clone();
    let mut app = App::new(s, fixture::options(lang), at(0));
    let mut actions = vec![Action::NextScreen; 3];
    actions.push(Action::from(BlindKey::StartHere));
    actions.extend(keys.chars().map(|c| {
        Action::from(match c {
            '\n' => BlindKey::Enter,
            '<' => BlindKey::KeepFirst,
            '>' => BlindKey::KeepSecond,
            'c' => BlindKey::Compare,
            c => BlindKey::Char(c),
        })
    }));
    for action in actions {
        let mut effects = update(&mut app, action, at(5));
        while let Some(effect) = effects.pop() {
            if let Some(fed) = fixture::outcome(&mut disk, &effect) {
                effects.extend(update(&mut app, fed, at(5)));
            }
        }
    }
    app
}

fn line<'a>(screen: &'a str, part: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(part))
        .unwrap_or_else(|| panic!("no line with {part:?} in\n{screen}"))
}

#[test]
fn typing_blind_hides_the_first_entry() {
    for lang in [Lang::Fr, Lang::En] {
        for (w, h) in [(80, 24), (200, 60)] {
            // J1 typed (4, 3); J2's impact being typed (4, where the first has 5).
            let app = blind(lang, "4\n3\n4");
            assert_eq!(app.screen, Screen::Scores);
            let screen = draw(&app, at(5), w, h);
            assert!(screen.contains(lang.t("Double saisie à l'aveugle", "Blind double entry")));
            assert!(screen.contains("T1 · Cantine zéro déchet"), "{screen}");
            assert!(screen.contains(lang.t("2e saisie 2/4", "2nd entry 2/4")));
            let j2 = line(&screen, "J2 Karim");
            assert!(j2.contains("[4_]"), "the value being typed: {j2}");
            let cells = j2.split("Benali").nth(1).unwrap();
            assert!(
                !cells.contains('5') && !cells.contains('2'),
                "first entry hidden: {j2}"
            );
            assert!(
                line(&screen, "J3 Sophie").contains('—'),
                "absent: not typed"
            );
            assert!(line(&screen, "J4 Luc").contains('·'));
            let name = format!("blind_typing_{w}x{h}_{}", lang.code());
            insta::assert_snapshot!(name, screen);
        }
    }
}

#[test]
fn the_differences_are_listed_then_settled_one_by_one() {
    for lang in [Lang::Fr, Lang::En] {
        for (w, h) in [(80, 24), (200, 60)] {
            // J2 typed as (4, 1), then `c`: two differences.
            let app = blind(lang, "4\n3\n4\n1\nc");
            assert!(app.blind.settling);
            let screen = draw(&app, at(5), w, h);
            assert!(screen.contains(lang.t("2 écarts à régler", "2 differences to settle")));
            let first = line(&screen, "›J2 Karim");
            assert!(first.contains("Impact") && first.contains('5') && first.contains('4'));
            let second = line(&screen, " J2 Karim");
            assert!(second.contains("Faisabilité") && second.contains('2'));
            let name = format!("blind_settling_{w}x{h}_{}", lang.code());
            insta::assert_snapshot!(name, screen);

            // Keep the first for the impact, a third value for the other.
            let app = blind(lang, "4\n3\n4\n1\nc<4\n");
            assert_eq!(
                app.session
                    .value(&"T1".into(), &"J2".into(), &"impact".into()),
                app.session
                    .second_value(&"T1".into(), &"J2".into(), &"impact".into())
            );
            let screen = draw(&app, at(5), w, h);
            assert!(screen.contains(lang.t(
                "Les deux saisies concordent : équipe vérifiée deux fois.",
                "Both entries agree: the team is verified twice."
            )));
            assert!(
                line(&screen, "T1 · Cantine")
                    .contains(lang.t("vérifiée deux fois", "verified twice"))
            );
            let name = format!("blind_verified_{w}x{h}_{}", lang.code());
            insta::assert_snapshot!(name, screen);
        }
    }
}

#[test]
fn the_grid_header_says_verified_twice() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = blind(lang, "4\n3\n5\n2\n");
        update(&mut app, Action::from(BlindKey::Escape), at(6));
        update(&mut app, Action::from(BlindKey::Escape), at(6));
        assert!(!app.blind.active());
        let screen = draw(&app, at(6), 120, 40);
        let header = line(&screen, "T1 · Cantine");
        assert!(
            header.contains(lang.t("VÉRIFIÉE 2×", "VERIFIED TWICE")),
            "{header}"
        );
        // And the values are the first entry's again.
        assert!(line(&screen, "J2 Karim").contains(" 5 "));
    }
}

#[test]
fn projector_mode_hides_the_second_entry_too() {
    let mut app = blind(Lang::Fr, "4\n3\n4");
    update(&mut app, Action::ToggleProjector, at(6));
    let screen = draw(&app, at(6), 80, 24);
    assert!(screen.contains("Mode projecteur"));
    assert!(!screen.contains("4_"), "{screen}");
}
