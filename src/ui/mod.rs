//! Drawing only: every frame is a function of the app, `now` and the
//! theme. Nothing here reads the clock, the files or the terminal.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, Mode};
use crate::domain::{Lang, OrgId, Session};
use crate::words;

pub mod bigtime;
mod chrome;
pub mod screens;
pub mod text;
pub mod theme;

// Test-only modules: each file begins with `#![cfg(test)]`.
mod cut_tests;
mod footer_tests;
mod min_size_tests;
mod recount_tests;
mod replaced_tests;
mod results_decision_tests;
mod results_fit_tests;
mod results_tests;
mod reveal_tests;
mod screen_tests;
mod seal_tests;
mod snapshot_tests;
mod stage_tests;

pub use theme::Theme;

/// Below this size the screen says so instead of drawing. Measured: under
/// 76 columns the schedule cuts its column headings ("Utilis", "Note/r"),
/// under 18 lines the results show too few teams to read a ranking.
pub const MIN_WIDTH: u16 = 76;
pub const MIN_HEIGHT: u16 = 18;

/// One frame: the app at `now`.
pub struct View<'a> {
    pub app: &'a App,
    pub now: DateTime<Utc>,
    pub theme: Theme,
}

impl<'a> View<'a> {
    pub fn new(app: &'a App, now: DateTime<Utc>, theme: Theme) -> View<'a> {
        View { app, now, theme }
    }

    pub fn lang(&self) -> Lang {
        self.app.lang
    }

    pub fn session(&self) -> &Session {
        &self.app.session
    }
}

impl Widget for &View<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.frame(area, buf);
        defuse(area, buf);
    }
}

/// Take out of the cells drawn every character a terminal would obey
/// rather than show ([`crate::domain::validate::is_unsafe_char`]): ratatui
/// drops ESC and BEL, not a direction override, and a session file edited
/// by hand can hold one in a name. The screen then shows the name's
/// letters, never reordered.
fn defuse(area: Rect, buf: &mut Buffer) {
    use crate::domain::validate::is_unsafe_char;
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if cell.symbol().chars().any(is_unsafe_char) {
                let kept: String = cell
                    .symbol()
                    .chars()
                    .filter(|&c| !is_unsafe_char(c))
                    .collect();
                cell.set_symbol(if kept.is_empty() { " " } else { &kept });
            }
        }
    }
}

impl View<'_> {
    /// The whole frame: the screen and its chrome, or the audience's stage.
    fn frame(&self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let lang = self.lang();
            let size = (area.width, area.height);
            let text = words::chrome::too_small(size, (MIN_WIDTH, MIN_HEIGHT), lang);
            Paragraph::new(Line::from(text))
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        if self.app.mode == Mode::Display {
            self.audience(area, buf);
            return;
        }
        // Once the file holds another session, a banner under the header
        // says so for good (wrapped, at most three lines).
        let banner_lines = match &self.app.mode {
            Mode::Replaced(replacement) => {
                let backup = replacement.as_ref().and_then(|r| r.backup.as_deref());
                let m = words::notice::replaced(backup, self.lang());
                text::wrap(&m, area.width.saturating_sub(1) as usize, 3)
            }
            Mode::Live | Mode::Display => Vec::new(),
        };
        let [header, banner, body, status, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(banner_lines.len() as u16),
            Constraint::Min(0),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        chrome::header(self, header, buf);
        chrome::banner(self, &banner_lines, banner, buf);
        screens::draw(self, body, buf);
        chrome::status(self, status, buf);
        chrome::footer(self, footer, buf);
        chrome::overlay(self, body, buf);
    }

    /// `podium display`: the stage for the audience, on the whole window,
    /// with nothing of the program's own (no header, key line nor
    /// revision); a line at the bottom only when something went wrong
    /// (the file unreadable: a warning), and the help when asked for.
    fn audience(&self, area: Rect, buf: &mut Buffer) {
        let status_rows = u16::from(self.app.status.as_ref().is_some_and(|n| n.is_warning()));
        let [body, status] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(status_rows)]).areas(area);
        screens::draw(self, body, buf);
        if status_rows > 0 {
            chrome::status(self, status, buf);
        }
        chrome::overlay(self, body, buf);
    }
}

/// A team's Département (organisation) name.
pub fn org_name<'s>(session: &'s Session, org: &'s OrgId) -> &'s str {
    session.organisation(org).map_or(org, |o| o.name.as_str())
}
