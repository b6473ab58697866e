//! A name too long for its room is cut with `…` (by display width, through
//! the text kit), on every screen that lists teams.

#![cfg(test)]

use crate::app::fixture::{self, at};
use crate::app::{Action, App, Screen};
use crate::domain::Lang;
use crate::ui::snapshot_tests::{draw, drive, text};

const LONG: &str = "Accotements en fleurs et talus vivants du département";

fn app_with_a_long_name(lang: Lang) -> App {
    let mut session = fixture::session();
    session.teams[0].name = LONG.into();
    App::new(session, fixture::options(lang), at(0))
}

#[test]
fn a_long_team_name_is_cut_with_an_ellipsis_on_every_list() {
    for lang in [Lang::Fr, Lang::En] {
        for screen in [Screen::Schedule, Screen::Completeness] {
            let mut a = app_with_a_long_name(lang);
            drive(&mut a, &[(Action::Show(screen), 5)]);
            let t = draw(&a, at(5), (80, 24), false);
            let shown = text(&t);
            let row = shown
                .lines()
                .find(|l| l.contains("Accotements"))
                .unwrap_or_else(|| panic!("{screen:?}: no row\n{shown}"));
            assert!(!row.contains(LONG), "{row}");
            // What is shown of the name is a start of it, then `…`.
            let start = row.find("Accotements").unwrap_or(0);
            let (kept, _) = row[start..]
                .split_once('…')
                .unwrap_or_else(|| panic!("{screen:?} {lang:?}: cut without …: {row}"));
            assert!(LONG.starts_with(kept), "{kept}");
            if screen == Screen::Schedule {
                insta::assert_snapshot!(
                    format!("long_name_schedule_{}_80x24", lang.code()),
                    t.backend()
                );
            }
        }
    }
}
