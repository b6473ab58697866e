//! The laureates' reveal, drawn in place of the stage while it is under
//! way: on `podium display`, big and readable from the back of a room
//! (the place, the team, its project and Département; the places revealed
//! before it smaller; then the whole list), with nothing of the program's
//! own; on the moderator's stage, what the audience sees now, what the
//! next key shows and every place (only those shown, in projector mode or
//! while sealed).
//! Every name goes through `words::for_terminal` and is cut with `…` by
//! display width.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::domain::reveal::{Place, Reveal, Showing};
use crate::domain::{Lang, Session, TeamId};
use crate::ui::text::{cut, put, width};
use crate::ui::{View, bigtime, org_name};
use crate::words::width::{Align, pad};
use crate::words::{self, reveal as w};

/// A team as the reveal shows it (escaped; its id when the session no
/// longer has it).
struct Shown<'a> {
    name: Cow<'a, str>,
    project: Cow<'a, str>,
    org: Cow<'a, str>,
}

fn team<'a>(s: &'a Session, id: &'a TeamId) -> Shown<'a> {
    match s.team(id) {
        Some(t) => Shown {
            name: words::for_terminal(&t.name),
            project: words::for_terminal(&t.project),
            org: words::for_terminal(org_name(s, &t.org)),
        },
        None => Shown {
            name: words::for_terminal(id),
            project: Cow::Borrowed(""),
            org: Cow::Borrowed(""),
        },
    }
}

/// "Name — Project · Département" (the parts it has).
fn team_line(s: &Session, id: &TeamId) -> String {
    let t = team(s, id);
    let mut line = t.name.into_owned();
    if !t.project.is_empty() {
        line.push_str(" — ");
        line.push_str(&t.project);
    }
    if !t.org.is_empty() {
        line.push_str(" · ");
        line.push_str(&t.org);
    }
    line
}

/// One line centred in `area` at row `y`, cut to its width.
fn centre(buf: &mut Buffer, area: Rect, y: u16, text: &str, style: Style) {
    if y < area.y || y >= area.bottom() {
        return;
    }
    Paragraph::new(Line::styled(cut(text, usize::from(area.width)), style))
        .alignment(Alignment::Center)
        .render(Rect::new(area.x, y, area.width, 1), buf);
}

/// How many rows `text` takes drawn as big as fits `area`'s width and
/// `rows` (one when even the smallest glyphs do not fit: a bold line).
fn big_rows(text: &str, area: Rect, rows: u16) -> u16 {
    let chars = text.chars().count() as u16;
    match bigtime::fit(chars, area.width, rows) {
        Some(fit) if rows >= 2 => fit.height,
        _ => 1,
    }
}

/// `text` big from row `y` of `area` on `rows` rows (as [`big_rows`]
/// measured), else one bold line. Returns the row under it.
fn big(buf: &mut Buffer, area: Rect, (y, rows): (u16, u16), text: &str, style: Style) -> u16 {
    let band = Rect::new(
        area.x,
        y,
        area.width,
        rows.min(area.bottom().saturating_sub(y)),
    );
    if rows >= 2 && bigtime::render(text, style, band, buf).is_some() {
        return y + rows;
    }
    centre(buf, area, y, text, style.add_modifier(Modifier::BOLD));
    y + 1
}

/// What `podium display` shows during the reveal.
pub struct Audience<'a> {
    pub view: &'a View<'a>,
    pub reveal: &'a Reveal,
}

impl Widget for &Audience<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.view.session();
        let lang = self.view.lang();
        let title = self.view.theme.title();
        match self.reveal.showing() {
            Showing::Opening => {
                let band = area.height.saturating_sub(4) / 2;
                let y = area.y + area.height.saturating_sub(band + 4) / 2;
                let below = big(buf, area, (y, band), w::opening(lang), title) + 1;
                centre(
                    buf,
                    area,
                    below,
                    &words::for_terminal(&s.event.title),
                    title,
                );
                let count = w::opening_count(self.reveal.teams(), lang);
                centre(buf, area, below + 1, &count, Style::new());
            }
            Showing::Place { place, before } => self.place(place, before, area, buf),
            Showing::List(places) => list(s, places, lang, title, area, buf),
        }
    }
}

impl Audience<'_> {
    /// One place in large type, the places before it smaller under it.
    fn place(&self, place: &Place, before: &[Place], area: Rect, buf: &mut Buffer) {
        let s = self.view.session();
        let lang = self.view.lang();
        let title = self.view.theme.title();
        let dim = self.view.theme.dim();
        // The places before: at most a third of the height.
        let shown_before = before
            .len()
            .min(usize::from(area.height / 3).saturating_sub(1));
        let before_rows = if shown_before == 0 {
            0
        } else {
            shown_before as u16 + 2
        };
        let tied = place.tied();
        let team_rows = if tied {
            (place.teams.len() as u16).min(area.height / 3)
        } else {
            2
        };
        let free = area.height.saturating_sub(before_rows + team_rows + 2);
        let label = w::place(place.rank, tied, lang);
        // The place never bigger than the team's name.
        let label_rows = big_rows(&label, area, if tied { free } else { (free / 2).min(8) });
        let name = place.teams.first().map(|id| team(s, id).name);
        let name_rows = match &name {
            Some(name) if !tied => big_rows(name, area, free - label_rows),
            _ => 0,
        };
        let block = label_rows + 1 + name_rows + team_rows;
        let mut y = area.y + area.height.saturating_sub(block + before_rows) / 2;
        y = big(buf, area, (y, label_rows), &label, title) + 1;
        if tied {
            for id in place.teams.iter().take(usize::from(team_rows)) {
                centre(buf, area, y, &team_line(s, id), title);
                y += 1;
            }
        } else if let (Some(id), Some(name)) = (place.teams.first(), &name) {
            let t = team(s, id);
            y = big(buf, area, (y, name_rows), name, title);
            centre(buf, area, y, &t.project, title);
            centre(buf, area, y + 1, &t.org, Style::new());
            y += 2;
        }
        if shown_before == 0 {
            return;
        }
        let y = y + 1;
        centre(buf, area, y, w::before(lang), dim);
        let lines = before.iter().take(shown_before).map(|p| {
            let names: Vec<String> = p.teams.iter().map(|t| team_line(s, t)).collect();
            format!(
                "{} · {}",
                w::place(p.rank, p.tied(), lang),
                names.join(" / ")
            )
        });
        for (i, line) in lines.enumerate() {
            centre(buf, area, y + 1 + i as u16, &line, dim);
        }
    }
}

/// Every laureate, best first: a line each (the place, then the team), in
/// two columns when one does not hold them all and the width allows, else
/// the last line says how many more.
fn list(s: &Session, places: &[Place], lang: Lang, title: Style, area: Rect, buf: &mut Buffer) {
    let rows: Vec<(String, String)> = places
        .iter()
        .flat_map(|p| {
            p.teams
                .iter()
                .map(move |t| (w::place(p.rank, p.tied(), lang), team_line(s, t)))
        })
        .collect();
    let heading = w::list_title(rows.len(), lang);
    // On a large screen: the title big, a blank line between teams.
    let title_rows = match big_rows(&heading, area, area.height / 4) {
        rows_used if area.height >= 3 * rows.len() as u16 + 12 => rows_used,
        _ => 1,
    };
    let room = usize::from(area.height.saturating_sub(title_rows + 2)).max(1);
    let spacing = if room >= 2 * rows.len() && title_rows > 1 {
        2
    } else {
        1
    };
    let columns = if rows.len() > room && area.width >= 120 {
        2
    } else {
        1
    };
    let per_column = room.min(rows.len().div_ceil(columns));
    let used = title_rows + 1 + (per_column * spacing) as u16;
    let top = area.y + area.height.saturating_sub(used) / 2;
    big(buf, area, (top, title_rows), &heading, title);
    let label_w = rows.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    let column_w = area.width / columns as u16;
    let text_w = rows
        .iter()
        .map(|(l, t)| width(l).max(label_w) + 2 + width(t))
        .max()
        .unwrap_or(0)
        .min(usize::from(column_w.saturating_sub(2)));
    let shown = per_column * columns;
    for (i, (label, text)) in rows.iter().take(shown).enumerate() {
        let (column, row) = (i / per_column, i % per_column);
        let x = area.x + column as u16 * column_w + (column_w - text_w as u16) / 2;
        let y = top + title_rows + 1 + (row * spacing) as u16;
        let last = i + 1 == shown && rows.len() > shown;
        let line = if last {
            w::more(rows.len() - shown + 1, lang)
        } else {
            let pad = " ".repeat(label_w - width(label) + 2);
            format!("{label}{pad}{text}")
        };
        let style = if i < 3 { title } else { Style::new() };
        put(buf, area, x, y, &cut(&line, text_w), text_w as u16, style);
    }
}

/// What the moderator's stage shows during the reveal.
pub struct Panel<'a> {
    pub view: &'a View<'a>,
    pub reveal: &'a Reveal,
}

/// What a step shows, as the moderator reads it.
fn describe(s: &Session, showing: Showing<'_>, lang: Lang) -> String {
    match showing {
        Showing::Opening => w::panel::opening(lang).to_string(),
        Showing::Place { place, .. } => {
            let names: Vec<String> = place
                .teams
                .iter()
                .map(|id| {
                    let t = team(s, id);
                    format!("{} ({id}) · {}", t.name, t.org)
                })
                .collect();
            format!(
                "{} — {}",
                w::place(place.rank, place.tied(), lang),
                names.join(" / ")
            )
        }
        Showing::List(_) => w::panel::list(lang).to_string(),
    }
}

impl Widget for &Panel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.view.session();
        let lang = self.view.lang();
        let t = self.view.theme;
        // In projector mode, and while the results are sealed (the reveal
        // is suspended), nothing still to come is named.
        let hide = self.view.app.projector || s.is_sealed();
        let r = self.reveal;
        let x = area.x + 1;
        let w = area.width.saturating_sub(2);
        let line = |buf: &mut Buffer, y: u16, text: &str, style: Style| {
            put(buf, area, x, y, &cut(text, usize::from(w)), w, style);
        };
        line(buf, area.y, w::panel::title(lang), t.title());
        let showing = match s.is_sealed() {
            true => w::panel::sealed(lang).to_string(),
            false => describe(s, r.showing(), lang),
        };
        let now = format!("{} {showing}", w::panel::on_screen(lang));
        line(buf, area.y + 2, &now, t.title());
        let next = match r.upcoming() {
            _ if s.is_sealed() => w::panel::hidden_sealed(lang).to_string(),
            _ if hide => w::panel::hidden(lang).to_string(),
            Some(upcoming) => describe(s, upcoming, lang),
            None => w::panel::all_shown(lang).to_string(),
        };
        let next = format!("{} {next}", w::panel::next(lang));
        line(buf, area.y + 3, &next, Style::new());
        if self.view.app.reveal.outdated(s) {
            line(buf, area.y + 4, w::panel::outdated(lang), t.error());
        }
        line(buf, area.y + 5, w::panel::places(lang), t.dim());
        let n = r.places.len();
        let rows = usize::from(area.height.saturating_sub(6));
        let mark_w = [(true, true), (false, true), (false, false)]
            .iter()
            .map(|(c, s)| width(w::panel::mark(*c, *s, lang)))
            .max()
            .unwrap_or(0);
        let label_w = r
            .places
            .iter()
            .map(|p| width(&w::place(p.rank, p.tied(), lang)))
            .max()
            .unwrap_or(0);
        // Place i (best first) is shown from step n - i on; in projector
        // mode or while sealed only those shown are listed. The list scrolls to keep the
        // place on screen (or the next to come) in view.
        let listed: Vec<(usize, &Place)> = r
            .places
            .iter()
            .enumerate()
            .filter(|(i, _)| !hide || r.shown >= n - i)
            .collect();
        let on_screen = n.saturating_sub(r.shown.max(1));
        let focus = listed
            .iter()
            .position(|(i, _)| *i == on_screen)
            .unwrap_or(0);
        let first = focus
            .saturating_sub(rows / 2)
            .min(listed.len().saturating_sub(rows));
        let window = listed.iter().skip(first).take(rows);
        for (y, &(i, place)) in (area.y + 6..).zip(window) {
            let shown = r.shown >= n - i;
            let current = r.shown == n - i;
            let names: Vec<String> = place.teams.iter().map(|id| team_line(s, id)).collect();
            let mark = w::panel::mark(current, shown, lang);
            let label = w::place(place.rank, place.tied(), lang);
            let text = format!(
                "{} {} {}",
                pad(mark, mark_w, Align::Left),
                pad(&label, label_w, Align::Left),
                names.join(" / ")
            );
            let style = if current { t.title() } else { Style::new() };
            line(buf, y, &text, style);
        }
    }
}
