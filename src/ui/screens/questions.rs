//! The questions screen: every juror with a hotkey beside the name, the
//! queue (its head speaking, with its own elapsed time) and the questions
//! already asked of the team on stage.

use chrono::{DateTime, FixedOffset, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::ui::text::cut;
use crate::ui::theme::phase_label;
use crate::ui::{View, org_name};
use crate::words::questions::{self as words, Label};

#[cfg(test)]
#[path = "questions_tests.rs"]
mod tests;
use crate::app::screens::questions::juror_hotkeys;
use crate::domain::questions::elapsed;
use crate::domain::stage::clock_text;

pub struct QuestionsScreen<'a>(pub &'a View<'a>);

fn hhmm(at: DateTime<Utc>, offset: FixedOffset) -> String {
    at.with_timezone(&offset).format("%H:%M:%S").to_string()
}

/// One question asked: "Name  22:47:45 → 22:47:48  (0:03)" when it fits,
/// else "Name  22:47  0:03" with the name cut first, so the times and the
/// length always show.
fn asked_line(name: &str, start: &str, end: &str, took: &str, width: usize) -> String {
    let full = format!("{name}  {start} → {end}  ({took})");
    if crate::ui::text::width(&full) <= width {
        return full;
    }
    let tail = format!("  {}  {took}", start.get(..5).unwrap_or(start));
    let room = width.saturating_sub(crate::ui::text::width(&tail));
    if room < 4 {
        return cut(tail.trim_start(), width);
    }
    format!("{}{tail}", cut(name, room))
}

impl Widget for &QuestionsScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let view = self.0;
        let s = view.session();
        let lang = view.lang();
        let t = view.theme;
        let [top, _, body] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(area);

        // Who is on stage, and the time.
        let stage = &s.stage;
        let on_stage = match stage.team.as_ref().and_then(|id| s.team(id)) {
            Some(team) => format!("{} {} · {}", team.id, team.name, org_name(s, &team.org)),
            None => words::label(Label::NoTeamOnStage, lang).to_string(),
        };
        let mut spans = vec![Span::styled(format!(" {on_stage}  "), t.title())];
        if stage.team.is_some() {
            spans.push(Span::styled(
                format!(" {} ", phase_label(stage.phase, stage.is_running(), lang)),
                t.phase(stage.phase),
            ));
            spans.push(Span::styled(
                format!("  {}", stage.countdown(&s.settings, view.now).text()),
                t.countdown(stage.level(&s.settings, view.now), stage.phase),
            ));
        }
        Line::from(spans).render(top, buf);

        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(body);
        let [queue_area, asked_area] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(right);

        // Jurors with their hotkeys.
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", words::label(Label::JurorsBox, lang)));
        let inner = block.inner(left);
        block.render(left, buf);
        let width = inner.width as usize;
        let lines: Vec<Line> = juror_hotkeys(s)
            .into_iter()
            .filter_map(|(id, key)| {
                let juror = s.juror(&id)?;
                let place = s.queue.iter().position(|q| q.juror == id);
                let key = key.map_or("   ".to_string(), |k| format!("[{k}]"));
                let mark = match place {
                    Some(0) => format!(" ▶ {}", words::label(Label::Speaking, lang)),
                    Some(i) => format!(" #{}", i + 1),
                    None => String::new(),
                };
                let text = cut(
                    &format!("{} · {}", juror.name, org_name(s, &juror.org)),
                    width.saturating_sub(4 + crate::ui::text::width(&mark)),
                );
                Some(Line::from(vec![
                    Span::styled(key, t.key()),
                    Span::raw(format!(" {text}")),
                    Span::styled(mark, t.title()),
                ]))
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);

        // The queue.
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", words::label(Label::QueueBox, lang)));
        let inner = block.inner(queue_area);
        block.render(queue_area, buf);
        let mut lines = Vec::new();
        if s.queue.is_empty() {
            lines.push(Line::styled(
                words::label(Label::NobodyWaiting, lang),
                t.dim(),
            ));
        }
        for (i, speaker) in s.queue.iter().enumerate() {
            let name = s
                .juror(&speaker.juror)
                .map_or(speaker.juror.as_str(), |j| j.name.as_str());
            let text = match elapsed(speaker, view.now) {
                Some(d) => format!("▶ {name} — {}", words::speaking_for(d.num_seconds(), lang)),
                None if i == 0 => format!("1. {name} — {}", words::label(Label::SpeaksFirst, lang)),
                None => format!("{}. {name}", i + 1),
            };
            let mut line = Line::from(cut(&text, inner.width as usize));
            if i == view.app.questions.row {
                line = line.style(t.selected());
            } else if i == 0 {
                line = line.style(t.title());
            }
            lines.push(line);
        }
        Paragraph::new(lines).render(inner, buf);

        // Questions asked of the team on stage.
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", words::label(Label::AskedBox, lang)));
        let inner = block.inner(asked_area);
        block.render(asked_area, buf);
        let asked: Vec<Line> = s
            .questions
            .iter()
            .filter(|q| Some(&q.team) == stage.team.as_ref())
            .map(|q| {
                let name = s
                    .juror(&q.juror)
                    .map_or(q.juror.as_str(), |j| j.name.as_str());
                let (start, end) = (hhmm(q.start, view.app.offset), hhmm(q.end, view.app.offset));
                let took = clock_text((q.end - q.start).num_seconds());
                Line::from(asked_line(name, &start, &end, &took, inner.width as usize))
            })
            .collect();
        let skip = asked.len().saturating_sub(inner.height as usize);
        Paragraph::new(asked.into_iter().skip(skip).collect::<Vec<_>>()).render(inner, buf);
    }
}
