//! The history view inside the whole app frame: the selected team's
//! changes from the board, every change from Setup, scrolled.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::fixture::{self, at};
use crate::app::screens::completeness::BoardKey;
use crate::app::screens::history::HistoryKey;
use crate::app::{Action, App, Screen, update};
use crate::domain::{Change, Dec, Edit, Lang, Operation};
use crate::ui::snapshot_tests::text;
use crate::ui::{Theme, View};

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(&View::new(app, at(600), Theme::new(false)), f.area()))
        .unwrap();
    text(&t)
}

/// The screen's rows trimmed and joined: a wrapped line reads whole.
fn flat(screen: &str) -> String {
    screen.lines().map(str::trim).collect::<Vec<_>>().join(" ")
}

fn cell(team: &str, juror: &str, seen: Option<i64>, new: i64) -> Change {
    Change::SetCell {
        team: team.into(),
        juror: juror.into(),
        criterion: "impact".into(),
        edit: Edit::new(seen.map(Dec::int), Some(Dec::int(new))),
    }
}

/// The secretary on one terminal, a checker on another.
fn journal() -> Vec<Operation> {
    let second = crate::domain::double_entry::set_second(
        &fixture::session(),
        &"T2".into(),
        &"J1".into(),
        &"impact".into(),
        Some(Dec::int(4)),
    );
    vec![
        Operation::new(cell("T1", "J1", None, 3), "sec", at(60)),
        Operation::new(cell("T2", "J1", None, 4), "sec", at(120)),
        Operation::new(cell("T2", "J1", Some(4), 5), "sec", at(180)),
        Operation::new(second, "checker", at(240)),
    ]
}

fn opened(lang: Lang, screen: Screen) -> App {
    let mut app = App::new(fixture::session(), fixture::options(lang), at(0));
    update(&mut app, Action::Show(screen), at(1));
    if screen == Screen::Completeness {
        update(&mut app, BoardKey::Down.into(), at(1));
    }
    update(&mut app, HistoryKey::Open.into(), at(2));
    update(&mut app, Action::History(Ok(journal())), at(3));
    app
}

#[test]
fn the_selected_teams_history_from_the_board() {
    for (lang, (w, h)) in [(Lang::Fr, (80, 24)), (Lang::En, (200, 60))] {
        let app = opened(lang, Screen::Completeness);
        let screen = draw(&app, w, h);
        let insta_screen = screen.clone();
        let screen = flat(&screen);
        assert!(screen.contains(lang.t(
            "Historique de T2 Guichet unique",
            "History of T2 Guichet unique"
        )));
        let sep = lang.t(" : ", ": ");
        let typed = format!(
            "09:57 {}{sep}",
            lang.t("secrétaire (terminal 1)", "secretary (terminal 1)")
        );
        assert!(
            screen.contains(&format!(
                "{typed}Guichet unique · Claire Dumont · Impact {} → 4",
                lang.t("vide", "empty")
            )),
            "{screen}"
        );
        assert!(screen.contains("Impact 4 → 5"));
        assert!(screen.contains(lang.t(
            "(terminal 2) : Guichet unique · Claire Dumont · Impact (2e saisie)",
            "(terminal 2): Guichet unique · Claire Dumont · Impact (second entry)"
        )));
        assert!(
            !screen.contains("Cantine"),
            "T1's change is not listed:\n{screen}"
        );
        let name = format!("history_board_{w}x{h}_{}", lang.code());
        insta::assert_snapshot!(name, insta_screen);
    }
}

#[test]
fn every_change_from_setup_scrolled_newest_last() {
    let mut app = opened(Lang::Fr, Screen::Setup);
    let screen = flat(&draw(&app, 80, 24));
    assert!(screen.contains("Historique — qui a changé quoi et quand"));
    assert!(
        screen.contains("Cantine zéro déchet · Claire Dumont · Impact vide → 3"),
        "{screen}"
    );
    // A long history: the newest at the bottom; Home, the oldest on top.
    let long: Vec<Operation> = (0..40)
        .map(|i| Operation::new(cell("T3", "J2", None, i % 6), "sec", at(60 * i)))
        .collect();
    update(&mut app, Action::History(Ok(long)), at(4));
    let rows = |app: &App| -> Vec<String> {
        let screen = draw(app, 200, 60);
        let rows: Vec<String> = screen
            .lines()
            .filter(|l| l.starts_with("09:") || l.starts_with("10:"))
            .map(str::to_string)
            .collect();
        rows
    };
    let shown = rows(&app);
    assert_eq!(shown.len(), 40, "all fit at 200×60");
    assert!(shown[0].starts_with("09:55") && shown[39].starts_with("10:34"));
    let at_80 = draw(&app, 80, 24);
    let last = at_80.lines().rfind(|l| l.starts_with("10:")).unwrap();
    assert!(
        last.starts_with("10:34"),
        "the newest at the bottom:\n{at_80}"
    );
    update(&mut app, HistoryKey::Top.into(), at(4));
    let at_80 = draw(&app, 80, 24);
    let first = at_80.lines().find(|l| l.starts_with("09:")).unwrap();
    assert!(first.starts_with("09:55"), "the oldest on top:\n{at_80}");
    for _ in 0..50 {
        update(&mut app, HistoryKey::Down.into(), at(4));
    }
    let at_80 = draw(&app, 80, 24);
    assert!(at_80.lines().any(|l| l.starts_with("10:34")));
    // Esc: the Setup screen again.
    update(&mut app, HistoryKey::Close.into(), at(5));
    assert!(!draw(&app, 80, 24).contains("Historique"));
}
