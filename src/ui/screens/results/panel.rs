//! Beside the ranking: the margin at the cut-off, the laureates under the
//! other methods, what separates each pair of neighbours, what is missing,
//! or the selected team's detail. Drawing only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::screens::results::Sensitivity;
use crate::app::screens::results::view::Computed;
use crate::domain::ranking::Ranking;
use crate::domain::ranking::analysis::{self, margin};
use crate::domain::{Lang, PairState, Session, TeamId};
use crate::report::figure;
use crate::ui::View;
use crate::ui::text::{Tone, put_line, style, wrap_indented};
use crate::words::results::panel::{self as words, Label, explanations};

/// The panel: the selected team's detail, or the analysis.
pub fn panel(view: &View, computed: &Computed, area: Rect, buf: &mut Buffer) {
    let ranking = &computed.ranking;
    if area.height == 0 || area.width < 20 {
        return;
    }
    let app = view.app;
    let session = view.session();
    let lang = view.lang();
    let color = view.theme.color;
    let selected = app.results.selected(ranking);
    let lines = match (&selected, app.results.detail) {
        (Some(team), true) => detail(
            session,
            ranking,
            team,
            (area.width, area.height),
            lang,
            color,
        ),
        _ => analysis_lines(
            session,
            computed,
            app.results.sensitivity(session),
            selected.as_deref(),
            (usize::from(area.width), usize::from(area.height)),
            lang,
            color,
        ),
    };
    let wrapped: Lines = lines
        .into_iter()
        .flat_map(|(text, st)| {
            wrap_indented(&text, usize::from(area.width))
                .into_iter()
                .map(move |t| (t, st))
        })
        .collect();
    for (k, (text, st)) in wrapped.iter().take(area.height as usize).enumerate() {
        put_line(buf, area, area.y + k as u16, text, *st);
    }
}

type Lines = Vec<(String, Style)>;

fn analysis_lines(
    session: &Session,
    computed: &Computed,
    sensitivity: Option<&Sensitivity>,
    selected: Option<&str>,
    (width, height): (usize, usize),
    lang: Lang,
    color: bool,
) -> Lines {
    let ranking = &computed.ranking;
    let mut out: Lines = Vec::new();
    if ranking.ranking.is_empty() {
        out.push((Label::NoTeam.text(lang).into(), Style::new()));
        return out;
    }
    out.push(margin_line(session, ranking, lang, color));
    if ranking.official {
        // Dim while offered or looking, a warning once found.
        let found = sensitivity.is_some_and(|s| s.found.is_some());
        let tone = if found { Tone::Warn } else { Tone::Dim };
        out.push((
            words::sensitivity(session, sensitivity, lang),
            style(tone, color),
        ));
    }
    out.extend(comparison_lines(session, computed, height, lang, color));
    let warnings = ranking.warnings.len().min(3) + 1;
    // Lines as drawn: a long one wraps.
    let drawn: usize = out.iter().map(|(t, _)| wrap_indented(t, width).len()).sum();
    let room = height.saturating_sub(drawn + warnings);
    out.extend(neighbour_lines(
        session, ranking, selected, room, lang, color,
    ));
    let used: usize = out.iter().map(|(t, _)| wrap_indented(t, width).len()).sum();
    out.extend(warning_lines(
        session,
        ranking,
        (width, height),
        used,
        lang,
        color,
    ));
    out
}

/// The margin at the laureate cut-off, and what makes it.
fn margin_line(session: &Session, ranking: &Ranking, lang: Lang, color: bool) -> (String, Style) {
    let text = match margin(ranking) {
        Some(m) => words::margin(session, &m, ranking.laureates, lang),
        None => words::no_margin(ranking, lang),
    };
    (text, style(Tone::Strong, color))
}

/// The other methods' laureates against the official ones (one wrapped
/// line on a short panel), or the method shown against the official one.
fn comparison_lines(
    session: &Session,
    computed: &Computed,
    height: usize,
    lang: Lang,
    color: bool,
) -> Lines {
    let ranking = &computed.ranking;
    let mut out: Lines = Vec::new();
    let comparisons = &computed.comparisons;
    let official = session.settings.method;
    // A short panel: every other method on one (wrapped) line.
    if ranking.official && height < 14 {
        let tone = if comparisons.iter().any(|c| c.changes() || c.cutoff_tie) {
            Tone::Warn
        } else {
            Tone::Plain
        };
        out.push((
            words::comparisons_short(comparisons, lang),
            style(tone, color),
        ));
    }
    for c in comparisons {
        if ranking.official && height < 14 {
            break;
        }
        if !ranking.official && c.method != ranking.method {
            continue;
        }
        let against = (!ranking.official).then_some(official);
        let tone = if c.changes() || c.cutoff_tie {
            Tone::Warn
        } else {
            Tone::Plain
        };
        out.push((words::comparison(c, against, lang), style(tone, color)));
    }
    out
}

/// What separates neighbours: every pair when there is `room`, else the
/// selected team and the one above it.
fn neighbour_lines(
    session: &Session,
    ranking: &Ranking,
    selected: Option<&str>,
    room: usize,
    lang: Lang,
    color: bool,
) -> Lines {
    let (head, plain) = (style(Tone::Strong, color), Style::new());
    let mut out: Lines = Vec::new();
    let pairs = explanations(session, ranking, lang);
    if !pairs.is_empty() && room > 0 {
        if pairs.len() < room {
            out.push((Label::Neighbours.text(lang).into(), head));
            out.extend(pairs.into_iter().map(|(_, t)| (format!("  {t}"), plain)));
        } else {
            let row = selected
                .and_then(|t| ranking.ranking.iter().position(|r| r.team == t))
                .unwrap_or(0)
                .max(1);
            if let Some((_, t)) = pairs.into_iter().find(|(i, _)| *i == row) {
                out.push((t, plain));
            }
        }
    }
    out
}

/// What is missing, wrapped when it all fits below the `used` lines.
fn warning_lines(
    session: &Session,
    ranking: &Ranking,
    (width, height): (usize, usize),
    used: usize,
    lang: Lang,
    color: bool,
) -> Lines {
    let head = style(Tone::Strong, color);
    let mut out: Lines = Vec::new();
    if !ranking.warnings.is_empty() {
        out.push((words::missing_heading(ranking.warnings.len(), lang), head));
        let room = height.saturating_sub(used + 1);
        let texts: Vec<String> = ranking
            .warnings
            .iter()
            .map(|w| format!("  {}", words::warning(session, w, lang)))
            .collect();
        let wrapped: usize = texts.iter().map(|t| wrap_indented(t, width).len()).sum();
        // Wrapped when they all fit, else one short line each (team and
        // juror first, so both stay visible) as far as they fit, then how
        // many more; with no line to spare, side by side after the heading.
        let short = |w| format!("  {}", words::warning_short(session, w, lang));
        if wrapped <= room {
            out.extend(texts.into_iter().map(|t| (t, style(Tone::Warn, color))));
        } else if texts.len() <= room || room >= 2 {
            let shown = if texts.len() <= room {
                texts.len()
            } else {
                room - 1
            };
            out.extend(
                ranking
                    .warnings
                    .iter()
                    .take(shown)
                    .map(|w| (super::cut(&short(w), width), style(Tone::Warn, color))),
            );
            let more = ranking.warnings.len() - shown;
            if more > 0 {
                out.push((
                    format!("  {}", words::more(more, lang)),
                    style(Tone::Dim, color),
                ));
            }
        } else {
            let items: Vec<String> = ranking
                .warnings
                .iter()
                .map(|w| words::warning_tiny(w, lang))
                .collect();
            let heading = out.pop().map(|(t, _)| t).unwrap_or_default();
            let more = |n| words::more(n, lang);
            let lines = crate::ui::text::packed(&heading, &items, (width, room + 1), more);
            out.extend(lines.into_iter().map(|t| (t, style(Tone::Warn, color))));
        }
    }
    out
}

/// Each juror's total (or why there is none), side by side as many as the
/// panel holds.
fn juror_lines(
    session: &Session,
    jurors: Vec<analysis::JurorLine>,
    width: u16,
    lang: Lang,
    color: bool,
) -> Lines {
    let mut cells: Vec<(String, Tone)> = Vec::new();
    for line in jurors {
        let name = session
            .juror(&line.juror)
            .map_or(line.juror.as_str(), |j| j.name.as_str());
        let tone = match line.state {
            PairState::Entered | PairState::Verified => Tone::Plain,
            PairState::Mismatch => Tone::Bad,
            PairState::Partial | PairState::Empty => Tone::Warn,
            PairState::Absent
            | PairState::Withdrawn
            | PairState::Recused
            | PairState::AutoRecused => Tone::Dim,
        };
        let text = words::juror_sheet(&line, lang);
        cells.push((format!("{:<14} {text:>9}", super::cut(name, 14)), tone));
    }
    // Jurors side by side as many as the panel holds (4 at most), two
    // spaces apart after a two-space indent.
    let cell_w = cells
        .iter()
        .map(|(t, _)| crate::ui::text::width(t))
        .max()
        .unwrap_or(1);
    let columns = (usize::from(width).saturating_sub(2) / (cell_w + 2)).clamp(1, 4);
    cells
        .chunks(columns)
        .map(|chunk| {
            let text: String = chunk
                .iter()
                .map(|(t, _)| format!("  {t:<cell_w$}"))
                .collect();
            // The row takes the most pressing tone of its cells.
            let tone = [Tone::Bad, Tone::Warn, Tone::Plain, Tone::Dim]
                .into_iter()
                .find(|t| chunk.iter().any(|(_, c)| c == t))
                .unwrap_or(Tone::Plain);
            (text.trim_end().to_string(), style(tone, color))
        })
        .collect()
}

/// The selected team's detail: figures, per-criterion means, each juror's
/// sheet total, and what separates it from the team above.
fn detail(
    session: &Session,
    ranking: &Ranking,
    team: &TeamId,
    (width, height): (u16, u16),
    lang: Lang,
    color: bool,
) -> Lines {
    let (head, plain) = (style(Tone::Strong, color), Style::new());
    let mut out: Lines = Vec::new();
    let Some(row) = ranking.row(team) else {
        return out;
    };
    let org = super::org_name(session, &row.org);
    out.push((format!("{} {} — {org}", row.team, row.name), head));
    let rank = crate::report::rank_label(row);
    out.push((words::detail_figures(row, &rank, lang), plain));
    if let Some(i) = ranking.ranking.iter().position(|r| r.team == *team)
        && let Some((_, text)) = explanations(session, ranking, lang)
            .into_iter()
            .find(|(k, _)| *k == i)
    {
        out.push((text, plain));
    }
    let Some(d) = analysis::team_detail(session, team) else {
        return out;
    };
    let juror_lines = juror_lines(session, d.jurors, width, lang, color);
    // Criteria one per line when there is room, else on one wrapped line,
    // else on one cut line: every juror's total comes first.
    let w = usize::from(width);
    let means_of = |c: &crate::domain::Criterion| figure(row.criteria.get(&c.id), lang, "—");
    let tall_means: Lines = std::iter::once((Label::MeanPerCriterion.text(lang).to_string(), head))
        .chain(session.criteria.iter().map(|c| {
            (
                format!("  {:<16} {:>7}", super::cut(&c.label, 16), means_of(c)),
                plain,
            )
        }))
        .collect();
    let means: Vec<(&str, String)> = session
        .criteria
        .iter()
        .map(|c| (c.label.as_str(), means_of(c)))
        .collect();
    let one_line = words::means_line(&means, lang);
    let juror_head = (Label::EachJurorTotal.text(lang).to_string(), head);
    let close = (
        Label::CloseDetail.text(lang).to_string(),
        style(Tone::Dim, color),
    );
    let lines_of = |ls: &Lines| {
        ls.iter()
            .map(|(t, _)| wrap_indented(t, w).len())
            .sum::<usize>()
    };
    let fixed = lines_of(&out) + 1 + juror_lines.len();
    let room = usize::from(height);
    let means: Lines = if fixed + lines_of(&tall_means) < room {
        tall_means
    } else if fixed + wrap_indented(&one_line, w).len() < room {
        vec![(one_line, plain)]
    } else {
        vec![(super::cut(&one_line, w), plain)]
    };
    out.extend(means);
    out.push(juror_head);
    out.extend(juror_lines);
    if lines_of(&out) < room {
        out.push(close);
    }
    out
}
