//! One module per screen, named as in `src/app/screens/`: each draws its
//! screen's body from the app, reading only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::Screen;
use crate::ui::View;

pub mod completeness;
pub mod history;
pub mod questions;
pub mod results;
pub mod reveal;
pub mod schedule;
pub mod scores;
pub mod setup;
pub mod stage;

/// The body of the screen shown.
pub fn draw(view: &View, body: Rect, buf: &mut Buffer) {
    let app = view.app;
    match app.screen {
        Screen::Completeness | Screen::Setup if app.history.is_some() => {
            if let Some(history) = &app.history {
                history::HistoryScreen { view, history }.render(body, buf);
            }
        }
        Screen::Stage => stage::StageScreen(view).render(body, buf),
        Screen::Schedule => schedule::ScheduleScreen(view).render(body, buf),
        Screen::Questions => questions::QuestionsScreen(view).render(body, buf),
        Screen::Scores if app.blind.active() => scores::blind::BlindView {
            session: &app.session,
            blind: &app.blind,
            lang: view.lang(),
            projector: app.projector,
            color: view.theme.color,
        }
        .render(body, buf),
        Screen::Scores => scores::GridView {
            session: &app.session,
            grid: &app.grid,
            lang: view.lang(),
            projector: app.projector,
            saves: app.saves(),
            color: view.theme.color,
        }
        .render(body, buf),
        Screen::Completeness => completeness::BoardView {
            session: &app.session,
            board: &app.board,
            blind: &app.blind,
            lang: view.lang(),
            color: view.theme.color,
        }
        .render(body, buf),
        Screen::Results => results::ResultsScreen(view).render(body, buf),
        Screen::Setup => setup::SetupScreen(view).render(body, buf),
    }
}
