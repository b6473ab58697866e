//! The stage screen: the team on stage in large type, the countdown in big
//! digits (the largest that fit) and as plain text, the phase, the next
//! team and the question queue.

use chrono::TimeDelta;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::Mode;
use crate::domain::schedule::{coming_break, next_team, running_break, team_time};
use crate::domain::stage::{Countdown, Level, Phase};
use crate::domain::{Lang, Message, Session, TeamId, questions};
use crate::ui::text::{cut, wrap};
use crate::ui::theme::{level_sign, phase_label};
use crate::ui::{View, bigtime, org_name};
use crate::words;
use crate::words::questions::{self as queue, Label as QueueLabel};
use crate::words::stage::{Label, TimeLine};

pub struct StageScreen<'a>(pub &'a View<'a>);

/// What the stage shows about time, decided once per frame.
struct Shown {
    countdown: Countdown,
    level: Level,
    flash_on: bool,
    /// Nobody on stage and nobody left to call.
    finished: bool,
}

/// The audience's display never flashes nor alarms for the jury's scoring
/// or a break; the moderator's stage does.
fn shown(view: &View, audience: bool) -> Shown {
    let s = view.session();
    let stage = &s.stage;
    let (level, flash_on) = if audience {
        (
            stage.audience_level(&s.settings, view.now),
            stage.audience_flash_on(&s.settings, view.now),
        )
    } else {
        (
            stage.level(&s.settings, view.now),
            stage.flash_on(&s.settings, view.now),
        )
    };
    Shown {
        countdown: stage.countdown(&s.settings, view.now),
        level,
        flash_on,
        finished: stage.is_empty() && stage.has_begun() && next_team(s).is_none(),
    }
}

/// The message to the speaker in words (a text typed, escaped).
pub fn message_text(message: &Message, lang: Lang) -> String {
    match message {
        Message::Conclude => words::stage::conclude(lang).to_string(),
        Message::Text(text) => words::for_terminal(text).into_owned(),
    }
}

impl Widget for &StageScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let view = self.0;
        let s = view.session();
        let lang = view.lang();
        let t = view.theme;
        let audience = view.app.mode == Mode::Display;
        // The laureates' reveal takes the stage while under way (never on
        // the display while the results are sealed).
        if let Some(reveal) = &s.reveal {
            if !audience {
                super::reveal::Panel { view, reveal }.render(area, buf);
                return;
            }
            if !s.is_sealed() {
                super::reveal::Audience { view, reveal }.render(area, buf);
                return;
            }
        }
        let shown = shown(view, audience);
        let message = s.message.as_ref().map(|m| message_text(m, lang));
        let big_name = area.height >= 34;
        let queue_rows = if area.height >= 30 { 6 } else { 2 };
        let draft = view.app.stage.draft.as_deref();
        let message_rows = match (&message, draft) {
            (Some(_), _) | (None, Some(_)) => (area.height / 4).clamp(3, 12),
            (None, None) => 0,
        };
        let [team, _, phase, said, clock, plain, _, next, queue] = Layout::vertical([
            Constraint::Length(if big_name { 6 } else { 3 }),
            Constraint::Length(u16::from(area.height >= 22)),
            Constraint::Length(1),
            Constraint::Length(message_rows),
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(queue_rows),
        ])
        .areas(area);

        // The team on stage (or the one about to be called), or the break.
        let upcoming = next_team(s);
        if s.stage.phase == Phase::Break {
            render_break(view, team, buf);
        } else {
            render_team(
                view,
                upcoming.as_ref(),
                shown.finished,
                (team, big_name),
                buf,
            );
        }

        // The phase.
        let phase_text = phase_label(s.stage.phase, s.stage.is_running(), lang);
        Paragraph::new(Line::styled(
            format!(" {phase_text} "),
            t.phase(s.stage.phase),
        ))
        .alignment(Alignment::Center)
        .render(phase, buf);

        if let Some(draft) = draft {
            render_draft(view, draft, said, buf);
        } else if let Some(text) = &message {
            render_message(text, t.message(), said, buf);
        }

        // The countdown: big, flashing in overtime, and as plain text with
        // the level's sign.
        let text = shown.countdown.text();
        let style = t.countdown(shown.level, s.stage.phase);
        if !shown.finished && shown.flash_on {
            bigtime::render(&text, style, clock, buf);
        }
        let plain_text = if shown.finished {
            String::new()
        } else {
            let line = plain_line(view, shown.countdown, !audience);
            format!("{}{line}", level_sign(shown.level))
        };
        Paragraph::new(Line::styled(
            plain_text,
            t.countdown_text(shown.level, s.stage.phase),
        ))
        .alignment(Alignment::Center)
        .render(plain, buf);

        // Next team.
        let next_id = if s.stage.is_empty() {
            next_after(s, upcoming.as_ref())
        } else {
            upcoming
        };
        let next_team = next_id
            .as_ref()
            .and_then(|id| s.team(id))
            .map(|team| format!("{} · {} · {}", team.id, team.name, org_name(s, &team.org)));
        let next_text = words::stage::next_team(next_team.as_deref(), lang);
        let next_text = with_coming_break(view, next_text);
        Paragraph::new(Line::styled(cut(&next_text, area.width as usize), t.dim()))
            .alignment(Alignment::Center)
            .render(next, buf);

        render_queue(view, queue, buf);
    }
}

/// A break of the schedule: `Pause — reprise à 15:10` (the resuming time
/// rounded up to the minute).
fn render_break(view: &View, area: Rect, buf: &mut Buffer) {
    let s = view.session();
    let lang = view.lang();
    let label = running_break(s).map_or("", |(_, label)| label);
    let resume = resume_at(view);
    let title = words::stage::break_title(&words::for_terminal(label), &resume, lang);
    let y = area.y + area.height.saturating_sub(1) / 2;
    Paragraph::new(Line::styled(title, view.theme.title()))
        .alignment(Alignment::Center)
        .render(
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
        );
}

/// The next team, after the break that comes first if one does:
/// `Pause café à 10:13 (dans 3 min) · Équipe suivante : T4 …`.
fn with_coming_break(view: &View, next_text: String) -> String {
    let Some((label, start)) = coming_break(view.session(), view.now) else {
        return next_text;
    };
    let at = (start + TimeDelta::seconds(59))
        .with_timezone(&view.app.offset)
        .format("%H:%M")
        .to_string();
    let minutes = ((start - view.now).num_seconds() + 59) / 60;
    let label = words::for_terminal(label);
    let coming = words::stage::break_coming(&label, &at, minutes, view.lang());
    format!("{coming} · {next_text}")
}

/// When the break running ends, rounded up to the minute: `15:10`.
pub fn resume_at(view: &View) -> String {
    let s = view.session();
    let ends = s.stage.ends_at(&s.settings, view.now) + TimeDelta::seconds(59);
    ends.with_timezone(&view.app.offset)
        .format("%H:%M")
        .to_string()
}

/// The message being typed: the prompt and the text with its cursor.
fn render_draft(view: &View, draft: &str, area: Rect, buf: &mut Buffer) {
    let width = area.width as usize;
    let text = crate::ui::text::cut_start(&format!("{draft}▏"), width.saturating_sub(2));
    let lines = vec![
        Line::styled(
            cut(words::stage::message_prompt(view.lang()), width),
            view.theme.title(),
        ),
        Line::styled(text, Style::new().add_modifier(Modifier::BOLD)),
    ];
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .render(area, buf);
}

/// The message to the speaker: a reversed banner, the text big when it
/// fits, else in bold lines.
fn render_message(text: &str, style: Style, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width < 3 {
        return;
    }
    buf.set_style(area, style);
    let inner = Rect {
        x: area.x + 1,
        width: area.width - 2,
        ..area
    };
    if bigtime::render(text, style, inner, buf).is_some() {
        return;
    }
    let lines: Vec<Line> = wrap(text, inner.width as usize, inner.height as usize)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect();
    let y = inner.y + (inner.height.saturating_sub(lines.len() as u16)) / 2;
    let height = (lines.len() as u16).min(inner.height);
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .render(Rect { y, height, ..inner }, buf);
}

/// The team on stage (or the one about to be called): its name (big when
/// there is room), project and Département.
fn render_team(
    view: &View,
    upcoming: Option<&TeamId>,
    finished: bool,
    (team, big_name): (Rect, bool),
    buf: &mut Buffer,
) {
    let s = view.session();
    let lang = view.lang();
    let t = view.theme;
    let shown_team = s.stage.team.clone().or(upcoming.cloned());
    let [name_area, project_area, org_area] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(team);
    match shown_team.as_ref().and_then(|id| s.team(id)) {
        Some(team) => {
            let style = t.title();
            let drawn = big_name && bigtime::render(&team.name, style, name_area, buf).is_some();
            if !drawn {
                let y = name_area.y + name_area.height.saturating_sub(1);
                Paragraph::new(Line::styled(
                    team.name.clone(),
                    style.add_modifier(Modifier::BOLD),
                ))
                .alignment(Alignment::Center)
                .render(
                    Rect {
                        y,
                        height: 1,
                        ..name_area
                    },
                    buf,
                );
            }
            Paragraph::new(Line::styled(team.project.clone(), t.title()))
                .alignment(Alignment::Center)
                .render(project_area, buf);
            let prefix = if s.stage.team.is_none() {
                words::stage::label(Label::ToCall, lang)
            } else {
                ""
            };
            Paragraph::new(Line::from(format!(
                "{prefix}{} · {}",
                team.id,
                org_name(s, &team.org)
            )))
            .alignment(Alignment::Center)
            .render(org_area, buf);
        }
        None => {
            let text = words::stage::label(
                if finished {
                    Label::ScheduleComplete
                } else {
                    Label::NoTeamScheduled
                },
                lang,
            );
            Paragraph::new(Line::styled(text, t.title()))
                .alignment(Alignment::Center)
                .render(name_area, buf);
        }
    }
}

/// The time in words, e.g. "Temps restant : 2:59"; in overtime, with the
/// team's overtime (the schedule's figure) when it differs.
fn plain_line(view: &View, countdown: Countdown, hint: bool) -> String {
    let s = view.session();
    let lang = view.lang();
    let stage = &s.stage;
    let line = match (stage.phase, countdown) {
        (Phase::Waiting, Countdown::Left(secs)) => TimeLine::PitchOf { secs, hint },
        (Phase::Break, Countdown::Left(secs)) => TimeLine::Break {
            secs,
            running: stage.is_running(),
        },
        (_, Countdown::Left(secs)) if !stage.is_running() => TimeLine::Paused { secs },
        (_, Countdown::Left(secs)) => TimeLine::Left { secs },
        (_, Countdown::Over(0)) => TimeLine::Over {
            phase_over: 0,
            team_over: None,
        },
        (phase, Countdown::Over(secs)) => TimeLine::Over {
            phase_over: secs,
            team_over: stage
                .team
                .as_ref()
                .filter(|_| matches!(phase, Phase::Pitch | Phase::Questions))
                .map(|team| team_time(s, team, view.now).overtime_ms / 1000),
        },
    };
    words::stage::time_line(line, lang)
}

/// With nobody on stage the team shown is the one to call; the next is
/// the one after it.
fn next_after(s: &Session, shown: Option<&TeamId>) -> Option<TeamId> {
    let shown = shown?;
    let mut probe = s.clone();
    probe.stage.team = Some(shown.clone());
    next_team(&probe)
}

fn render_queue(view: &View, area: Rect, buf: &mut Buffer) {
    let s = view.session();
    let lang = view.lang();
    let t = view.theme;
    if area.height == 0 {
        return;
    }
    let mut spans = vec![Span::styled(
        format!("{} ", queue::label(QueueLabel::StageQueue, lang)),
        t.title(),
    )];
    if s.queue.is_empty() {
        spans.push(Span::styled(
            queue::label(QueueLabel::StageNobodyWaiting, lang),
            t.dim(),
        ));
    }
    let mut lines = Vec::new();
    let mut items = Vec::new();
    for (i, speaker) in s.queue.iter().enumerate() {
        let name = s
            .juror(&speaker.juror)
            .map_or(speaker.juror.as_str(), |j| j.name.as_str());
        let text = match questions::elapsed(speaker, view.now) {
            Some(d) => format!(
                "{}. {name} ({})",
                i + 1,
                queue::speaking_for(d.num_seconds(), lang)
            ),
            None => format!("{}. {name}", i + 1),
        };
        if area.height > 2 {
            lines.push(Line::from(text));
        } else {
            items.push(text);
        }
    }
    // Little room: the speakers go on the lines there are, each whole,
    // and "+N" says how many more wait.
    let mut all = Vec::new();
    let width = usize::from(area.width);
    let widths = |spans: &[Span]| {
        spans
            .iter()
            .map(|s| crate::ui::text::width(&s.content))
            .sum::<usize>()
    };
    // Whether the line has a speaker yet (the first starts with the title).
    let mut has_item = false;
    for (i, text) in items.iter().enumerate() {
        let style = if i == 0 { t.title() } else { t.dim() };
        let more = items.len() - i - 1;
        // Room for this one, and for "+N" after it if others follow.
        let reserve = if more > 0 {
            3 + format!("+{more}").len()
        } else {
            0
        };
        let sep = if has_item { 3 } else { 0 };
        if has_item && widths(&spans) + sep + crate::ui::text::width(text) + reserve > width {
            if all.len() + 2 > usize::from(area.height) {
                spans.push(Span::styled(format!("   +{}", items.len() - i), t.dim()));
                break;
            }
            all.push(Line::from(std::mem::take(&mut spans)));
            has_item = false;
        }
        if has_item {
            spans.push(Span::raw("   "));
        }
        spans.push(Span::styled(cut(text, width), style));
        has_item = true;
    }
    all.push(Line::from(spans));
    all.extend(lines);
    Paragraph::new(all)
        .alignment(Alignment::Center)
        .render(area, buf);
}
