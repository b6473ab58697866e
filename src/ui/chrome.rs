//! What surrounds every screen: the header (screens, a small timer,
//! projector mode), the status line, the footer of keys and the overlays.
//! Footer and help come from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::text::{self, cut, cut_start};
use super::{View, theme::phase_label, theme::phase_sign};
use crate::app::keymap;
use crate::app::{Action, Mode, Overlay, SaveState, Screen};
use crate::words;
use crate::words::chrome::Label;

pub fn header(view: &View, area: Rect, buf: &mut Buffer) {
    let app = view.app;
    let lang = view.lang();
    let t = view.theme;
    let logo = Span::styled(" PODIUM ", t.title().add_modifier(Modifier::REVERSED));
    // The screens' names (none on the read-only display): with their
    // F-key, in full, then cut to five letters, then only the current one,
    // until they fit beside the timer.
    let screens = if app.mode == Mode::Display {
        &[][..]
    } else {
        Screen::ALL
    };
    let tabs = |fit: Fit| -> Vec<Span<'static>> {
        let mut spans = vec![logo.clone()];
        spans.extend(
            screens
                .iter()
                .zip(1..)
                .filter(|(screen, _)| fit != Fit::Current || **screen == app.screen)
                .map(|(screen, n)| {
                    let name = words::screens::title(*screen, lang);
                    if *screen == app.screen {
                        Span::styled(format!(" [{name}]"), t.title())
                    } else {
                        let name = match fit {
                            Fit::Keys => format!("F{n} {name}"),
                            Fit::Full => name.to_string(),
                            Fit::Short | Fit::Current => cut(name, SHORT_TAB),
                        };
                        let name = if fit == Fit::Short {
                            format!(" {name}")
                        } else {
                            format!("  {name} ")
                        };
                        Span::styled(name, t.dim())
                    }
                }),
        );
        spans
    };
    let s = view.session();
    let right = |full_phase: bool| timer_spans(view, full_phase);
    let width = |spans: &[Span]| -> usize { spans.iter().map(|s| s.width()).sum() };
    let room = area.width as usize;
    // The session file, where it fits: after the tabs, in full or cut from
    // its start (its name stays whole); else the event's title.
    let file = app
        .file
        .as_ref()
        .map(|f| words::for_terminal(&f.display().to_string()).into_owned());
    let file_name = app
        .file
        .as_ref()
        .and_then(|f| f.file_name())
        .map_or(0, |n| text::width(&n.to_string_lossy()));
    let middle_width = text::width(file.as_deref().unwrap_or(&s.event.title)) + 2;
    let mut chosen = None;
    // The tabs go before the phase's name.
    'fit: for fit in [Fit::Keys, Fit::Full, Fit::Short, Fit::Current] {
        let left = tabs(fit);
        for full_phase in [true, false] {
            let r = right(full_phase);
            // The F-keys only with the whole path (or title) beside them.
            let extra = if fit == Fit::Keys { middle_width } else { 0 };
            // At least one blank between the two sides.
            if width(&left) + extra + width(&r) < room {
                chosen = Some((left.clone(), r));
                break 'fit;
            }
        }
    }
    let (mut spans, right) = chosen.unwrap_or_else(|| (tabs(Fit::Current), right(false)));
    let right_width = width(&right);
    let left_width = width(&spans);
    let room = room.saturating_sub(left_width + right_width);
    match file {
        Some(path) if room > file_name + 3 => {
            spans.push(Span::styled(
                format!("  {}", cut_start(&path, room - 3)),
                t.dim(),
            ));
        }
        Some(_) => {}
        None if room > 6 => {
            spans.push(Span::styled(
                format!("  {}", cut(&s.event.title, room - 3)),
                t.dim(),
            ));
        }
        None => {}
    }
    Line::from(spans).render(area, buf);
    if left_width + right_width < area.width as usize {
        let right_area = Rect {
            x: area.x + area.width.saturating_sub(right_width as u16),
            width: (right_width as u16).min(area.width),
            ..area
        };
        Line::from(right).render(right_area, buf);
    }
}

/// The header's right side: projector mode, the team, its phase, the
/// countdown; the phase's name goes first when room is short (its sign
/// stays).
fn timer_spans(view: &View, full_phase: bool) -> Vec<Span<'static>> {
    let (app, lang, t) = (view.app, view.lang(), view.theme);
    let s = view.session();
    let stage = &s.stage;
    let mut right = Vec::new();
    if app.projector {
        right.push(Span::styled(
            format!(" {} ", words::chrome::label(Label::Projector, lang)),
            t.notice().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        ));
        right.push(Span::raw(" "));
    }
    if let Some(team) = &stage.team {
        let level = stage.level(&s.settings, view.now);
        let label = if full_phase {
            phase_label(stage.phase, stage.is_running(), lang)
        } else {
            phase_sign(stage.phase, stage.is_running()).to_string()
        };
        right.push(Span::styled(
            format!("{team} {label} "),
            t.phase(stage.phase),
        ));
        right.push(Span::styled(
            format!(" {} ", stage.countdown(&s.settings, view.now).text()),
            t.countdown(level, stage.phase),
        ));
    } else if stage.phase == crate::domain::stage::Phase::Break {
        // A break: its name and when it ends, then its countdown.
        let label = if full_phase {
            phase_label(stage.phase, stage.is_running(), lang)
        } else {
            phase_sign(stage.phase, stage.is_running()).to_string()
        };
        // Its end: in words, or `→10:28` when room is short.
        let resume = super::screens::stage::resume_at(view);
        let until = if full_phase {
            words::stage::break_until(&resume, lang)
        } else {
            format!("→{resume}")
        };
        right.push(Span::styled(
            format!("{label} {until} "),
            t.phase(stage.phase),
        ));
        right.push(Span::styled(
            format!(" {} ", stage.countdown(&s.settings, view.now).text()),
            t.countdown(stage.level(&s.settings, view.now), stage.phase),
        ));
    }
    right
}

/// A screen's name on a tab never shorter than five letters (and `…`).
const SHORT_TAB: usize = 6;

/// The replaced-session banner: red, one line per wrapped line.
pub fn banner(view: &View, lines: &[String], area: Rect, buf: &mut Buffer) {
    let style = view.theme.error().add_modifier(Modifier::BOLD);
    let text: Vec<Line> = lines
        .iter()
        .map(|l| Line::styled(format!(" {l}"), style))
        .collect();
    Paragraph::new(text).render(area, buf);
}

/// How much of the screens' names the header shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// In full, after their F-key.
    Keys,
    Full,
    Short,
    Current,
}

pub fn status(view: &View, area: Rect, buf: &mut Buffer) {
    let t = view.theme;
    let lang = view.lang();
    let app = view.app;
    let line = if let Some(notice) = &app.status {
        let style = if notice.is_warning() {
            t.error()
        } else {
            t.notice()
        };
        let text = words::notice::text_in(notice, &app.session, lang);
        let room = usize::from(area.width.saturating_sub(1));
        Line::styled(format!(" {}", text::cut_words(&text, room)), style)
    } else {
        let state = words::notice::save_state(app.save_state(), lang);
        let style = if app.save_state() == SaveState::NotSaved {
            t.error()
        } else {
            t.dim()
        };
        Line::from(vec![
            Span::styled(format!(" {} · ", view.session().event.title), t.dim()),
            Span::styled(state, style),
        ])
    };
    Paragraph::new(line).render(area, buf);
}

/// The footer: the screen's keys by rank (`keys::Rank`), as many as fit,
/// `?` always last. Neighbours worded the same share one item (`↑/↓ ligne`).
pub fn footer(view: &View, area: Rect, buf: &mut Buffer) {
    let items = footer_items(view);
    // Kept by rank (the order shown within a rank), the least important
    // dropped first; one blank between items.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| items[i].rank);
    let mut keep = vec![false; items.len()];
    let mut used = 0;
    for i in order {
        let w = items[i].width() + usize::from(used > 0);
        if used + w <= area.width as usize {
            used += w;
            keep[i] = true;
        }
    }
    let t = view.theme;
    let mut spans: Vec<Span> = Vec::new();
    for (item, _) in items.iter().zip(keep).filter(|(_, keep)| *keep) {
        if !spans.is_empty() {
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(format!(" {} ", item.keys), t.key()));
        spans.push(Span::raw(item.words));
    }
    Line::from(spans).render(area, buf);
}

/// A footer item: its keys, its words, how much it matters.
struct FooterItem {
    keys: String,
    words: &'static str,
    rank: crate::app::keys::Rank,
}

impl FooterItem {
    fn width(&self) -> usize {
        text::width(&self.keys) + 2 + text::width(self.words)
    }
}

/// The screen's own keys, then those that hold everywhere, then `?`.
/// Once the session was replaced, only keys that still do something.
fn footer_items(view: &View) -> Vec<FooterItem> {
    let lang = view.lang();
    let bindings = keymap::screen_bindings(view.app);
    let works = |a: &Action| view.app.saves() || crate::app::update::only_looks(a);
    let (global, own): (Vec<_>, Vec<_>) = bindings
        .iter()
        .filter(|b| b.footer.is_some() && b.action != Action::Help && works(&b.action))
        .partition(|b| keymap::is_global(&b.action));
    let help = bindings.iter().filter(|b| b.action == Action::Help);
    let mut items: Vec<FooterItem> = Vec::new();
    for b in own.into_iter().chain(global).chain(help) {
        let Some(words) = words::keys::footer(b, lang) else {
            continue;
        };
        let label = words::keys::key(b.key, lang);
        match items.last_mut() {
            Some(last) if last.words == words => last.keys = format!("{}/{label}", last.keys),
            _ => items.push(FooterItem {
                keys: label,
                words,
                rank: b.rank,
            }),
        }
    }
    items
}

pub fn overlay(view: &View, body: Rect, buf: &mut Buffer) {
    match view.app.overlay {
        Some(Overlay::Help) => help(view, body, buf),
        Some(Overlay::ConfirmQuit) => confirm_quit(view, body, buf),
        Some(Overlay::ConfirmDropQueue) => confirm_drop_queue(view, body, buf),
        Some(Overlay::ConfirmSeal { seal }) => {
            let (lang, sealed) = (view.lang(), !seal);
            let title = crate::words::seal::confirm_title(sealed, lang);
            let text = crate::words::seal::confirm(sealed, lang);
            confirm(view, (body, buf), title, text, &keymap::confirm_seal());
        }
        None => {}
    }
}

fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn help(view: &View, body: Rect, buf: &mut Buffer) {
    let lang = view.lang();
    let t = view.theme;
    let entries = words::keys::help_lines(&keymap::screen_bindings(view.app), lang);
    // One column if it fits the height, else two side by side.
    let room = body.height.saturating_sub(4) as usize;
    let columns = if entries.len() > room { 2 } else { 1 };
    let per_column = entries.len().div_ceil(columns).max(1);
    let width = if columns == 1 { 78 } else { body.width };
    let inner_width = usize::from(width.min(body.width).saturating_sub(2));
    let column_width = inner_width.saturating_sub(2 * (columns - 1)) / columns;
    // Each column's lines: a help too long for its column is wrapped under
    // itself; while the tallest column is too high for the screen, its
    // longest help is cut at a word instead (with `…`).
    let mut columns_parts: Vec<HelpColumn> = entries
        .chunks(per_column)
        .map(|chunk| HelpColumn::wrapped(chunk, column_width))
        .collect();
    while let Some(tallest) = columns_parts.iter_mut().max_by_key(|c| c.height()) {
        if tallest.height() <= room || !tallest.cut_longest() {
            break;
        }
    }
    let laid: Vec<Vec<Line>> = columns_parts.iter().map(|c| c.lines(t.key())).collect();
    let height = laid.iter().map(Vec::len).max().unwrap_or(0) as u16 + 4;
    let area = centred(body, width, height);
    Clear.render(area, buf);
    let title = format!(
        " {} — {} ",
        words::chrome::label(Label::Keys, lang),
        words::screens::title(view.app.screen, lang)
    );
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let [list, file, hint] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let parts = Layout::horizontal(vec![Constraint::Ratio(1, columns as u32); columns])
        .spacing(2)
        .split(list);
    for (lines, part) in laid.into_iter().zip(parts.iter()) {
        Paragraph::new(lines).render(*part, buf);
    }
    if let Some(path) = &view.app.file {
        let line = words::notice::session_file(path, lang);
        Line::styled(
            format!(
                " {}",
                text::cut_start(&line, usize::from(file.width.saturating_sub(1)))
            ),
            t.dim(),
        )
        .render(file, buf);
    }
    Line::styled(
        format!(
            " {}",
            words::keys::overlay_line(&keymap::help_overlay(), lang)
        ),
        t.dim(),
    )
    .render(hint, buf);
}

/// A column of the `?` overlay: keys right-aligned, their help beside them
/// on one line or more.
struct HelpColumn {
    key_width: usize,
    help_width: usize,
    /// Each entry's keys, its whole help and the lines it takes.
    entries: Vec<(String, String, Vec<String>)>,
}

impl HelpColumn {
    /// Every help wrapped to the column's `cells`.
    fn wrapped(chunk: &[(String, String)], cells: usize) -> HelpColumn {
        let key_width = chunk.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0) + 1;
        let help_width = cells.saturating_sub(key_width + 2).max(1);
        let entries = chunk
            .iter()
            .map(|(keys, help)| {
                let lines = text::wrap(help, help_width, usize::MAX);
                (keys.clone(), help.clone(), lines)
            })
            .collect();
        HelpColumn {
            key_width,
            help_width,
            entries,
        }
    }

    fn height(&self) -> usize {
        self.entries.iter().map(|e| e.2.len()).sum()
    }

    /// Put the help taking the most lines on one line, cut at a word;
    /// false when every help already is on one line.
    fn cut_longest(&mut self) -> bool {
        let longest = self
            .entries
            .iter_mut()
            .filter(|e| e.2.len() > 1)
            .max_by_key(|e| e.2.len());
        match longest {
            Some((_, help, lines)) => {
                *lines = vec![text::cut_words(help, self.help_width)];
                true
            }
            None => false,
        }
    }

    fn lines(&self, key_style: Style) -> Vec<Line<'static>> {
        let key_width = self.key_width;
        let mut out = Vec::new();
        for (keys, _, lines) in &self.entries {
            for (i, part) in lines.iter().enumerate() {
                let keys = if i == 0 { keys.as_str() } else { "" };
                out.push(Line::from(vec![
                    Span::styled(format!("{keys:>key_width$}"), key_style),
                    Span::raw(format!("  {part}")),
                ]));
            }
        }
        out
    }
}

fn confirm_quit(view: &View, body: Rect, buf: &mut Buffer) {
    let lang = view.lang();
    let text = words::chrome::label(
        if view.app.half_typed() {
            Label::QuitHalfTyped
        } else {
            Label::QuitTimerRunning
        },
        lang,
    );
    let title = words::chrome::label(Label::Quit, lang);
    confirm(view, (body, buf), title, text, &keymap::confirm_quit());
}

fn confirm_drop_queue(view: &View, body: Rect, buf: &mut Buffer) {
    let lang = view.lang();
    let waiting = view
        .app
        .session
        .queue
        .iter()
        .filter(|s| s.since.is_none())
        .count();
    let text = crate::words::notice::drop_queue_question(waiting, lang);
    let title = words::chrome::label(Label::EndOfQuestions, lang);
    confirm(
        view,
        (body, buf),
        title,
        &text,
        &keymap::confirm_drop_queue(),
    );
}

/// A yes/no question in a box over the screen, its keys below.
fn confirm(
    view: &View,
    (body, buf): (Rect, &mut Buffer),
    title: &str,
    text: &str,
    table: &[crate::app::keys::Binding<Action>],
) {
    let lang = view.lang();
    let keys = words::keys::overlay_line(table, lang);
    let area = centred(body, 60, 6);
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "));
    let inner = block.inner(area);
    block.render(area, buf);
    let [a, b] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .style(Style::new().add_modifier(Modifier::BOLD))
        .render(a, buf);
    Line::styled(keys, view.theme.key()).render(b, buf);
}

#[cfg(test)]
#[path = "chrome_tests.rs"]
mod tests;
