//! The decision form over the results screen: order or admit, the teams
//! of the tie, who decided and why. Drawing only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::app::screens::results::{DecisionForm, Step};
use crate::domain::ranking::Ranking;
use crate::domain::{DecisionKind, Lang, Session};
use crate::ui::View;
use crate::ui::text::{Tone, put, style};
use crate::words::results::form::{self as words, Label};

type Lines = Vec<(String, Style)>;

/// The decision form, over the screen, when open.
pub fn form(view: &View, ranking: &Ranking, area: Rect, buf: &mut Buffer) {
    let Some(form) = &view.app.results.form else {
        return;
    };
    let lang = view.lang();
    let color = view.theme.color;
    let session = view.session();
    let width = area.width.min(76);
    // Room for the teams: the box's height less its borders and the
    // choice, the two fields, the problems and the hint.
    let fixed = 4 + form.problems.len() as u16 + 2 + 2 * u16::from(ranking.provisional);
    let room = usize::from(area.height.saturating_sub(fixed)).max(1);
    let lines = form_lines(session, ranking, form, (width - 2, room), lang, color);
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", Label::Title.text(lang)));
    let inner = block.inner(rect);
    block.render(rect, buf);
    for (k, (text, st)) in lines.iter().take(inner.height as usize).enumerate() {
        put(
            buf,
            inner,
            inner.x,
            inner.y + k as u16,
            text,
            inner.width,
            *st,
        );
    }
}

fn form_lines(
    session: &Session,
    ranking: &Ranking,
    form: &DecisionForm,
    (width, room): (u16, usize),
    lang: Lang,
    color: bool,
) -> Lines {
    let head = style(Tone::Strong, color);
    let plain = Style::new();
    let reversed = Style::new().add_modifier(Modifier::REVERSED);
    let mut out: Lines = Vec::new();
    let check = |on: bool| if on { "[x]" } else { "[ ]" };
    out.push((
        format!(
            "{} {}   {} {}",
            check(form.kind == DecisionKind::Order),
            Label::Order.text(lang),
            check(form.kind == DecisionKind::Admit),
            Label::Admit.text(lang),
        ),
        if form.step == Step::Choice {
            head
        } else {
            plain
        },
    ));
    if let Some(line) = provisional_line(ranking, lang) {
        for part in crate::ui::text::wrap_indented(&line, usize::from(width)) {
            out.push((part, style(Tone::Warn, color)));
        }
    }
    let first_rank = form
        .teams
        .iter()
        .filter_map(|t| ranking.row(t).map(|r| r.rank))
        .min()
        .unwrap_or(1);
    // A window of the teams around the selected one when they do not fit.
    let start = form
        .cursor
        .saturating_sub(room / 2)
        .min(form.teams.len().saturating_sub(room));
    for (i, team) in form.teams.iter().enumerate().skip(start).take(room) {
        let name = session.team(team).map_or("", |t| t.name.as_str());
        let place = match form.kind {
            DecisionKind::Order => format!("{:>3}.", first_rank + i),
            DecisionKind::Admit => "  ★ ".to_string(),
        };
        let st = if form.step == Step::Choice && i == form.cursor {
            reversed
        } else {
            plain
        };
        out.push((format!("{place} {team} {name}"), st));
    }
    let field = |label: &str, value: &str, active: bool| -> (String, Style) {
        let cursor = if active { "▏" } else { "" };
        // The end of a long text stays in view.
        let fit = usize::from(width).saturating_sub(crate::ui::text::width(label) + 2);
        let value = crate::ui::text::cut_start(value, fit);
        (
            format!("{label}{value}{cursor}"),
            if active { head } else { plain },
        )
    };
    out.push(field(Label::By.text(lang), &form.by, form.step == Step::By));
    out.push(field(
        Label::Reason.text(lang),
        &form.reason,
        form.step == Step::Reason,
    ));
    for p in &form.problems {
        out.push((p.describe(lang), style(Tone::Bad, color)));
    }
    out.push((words::hint(form.step, lang).into(), style(Tone::Dim, color)));
    out
}

/// While sheets are missing, partial or mismatched: the decision may not
/// hold (a score still to come can change the tie).
fn provisional_line(ranking: &Ranking, lang: Lang) -> Option<String> {
    if !ranking.provisional {
        return None;
    }
    let f = crate::domain::ranking::finality::Finality::of(ranking);
    Some(words::provisional(
        f.missing + f.partial + f.mismatched,
        lang,
    ))
}
