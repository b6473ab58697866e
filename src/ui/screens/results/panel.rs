//! Beside the ranking: the margin at the cut-off, the laureates under the
//! other methods, what separates each pair of neighbours, what is missing,
//! or the selected team's detail. Drawing only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::words::{
    explanations, more_words, sensitivity_line, separation_words, short_method_name, warning_short,
    warning_tiny, warning_words,
};
use crate::app::screens::results::Sensitivity;
use crate::app::screens::results::view::Computed;
use crate::domain::ranking::analysis::{self, margin};
use crate::domain::ranking::{Ranking, Separation};
use crate::domain::{Dec, Lang, PairState, Session};
use crate::report::{figure, method_name, separator};
use crate::ui::View;
use crate::ui::text::{Tone, put_line, style, wrap_indented};

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
        out.push((
            lang.t("Aucune équipe à classer.", "No team to rank.")
                .into(),
            Style::new(),
        ));
        return out;
    }
    out.push(margin_line(session, ranking, lang, color));
    if ranking.official {
        out.push(sensitivity_line(session, sensitivity, lang, color));
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
    let head = style(Tone::Strong, color);
    let n = ranking.laureates;
    match margin(ranking) {
        Some(m) => {
            let gap = m.difference.two_decimals(separator(lang));
            let how = match &m.separated_by {
                Separation::Score => String::new(),
                other => format!(" ({})", separation_words(session, other, lang)),
            };
            (
                match lang {
                    Lang::Fr => format!(
                        "Écart places {n}/{} ({} / {}) : {gap}{how}",
                        n + 1,
                        m.above,
                        m.below
                    ),
                    Lang::En => format!(
                        "Margin places {n}/{} ({} / {}): {gap}{how}",
                        n + 1,
                        m.above,
                        m.below
                    ),
                },
                head,
            )
        }
        None => (no_margin_words(ranking, lang), head),
    }
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
        let parts: Vec<String> = comparisons
            .iter()
            .map(|c| {
                let mut text = short_method_name(c.method, lang).to_string();
                if c.changes() {
                    for t in &c.joining {
                        text.push_str(&format!(" +{t}"));
                    }
                    for t in &c.leaving {
                        text.push_str(&format!(" −{t}"));
                    }
                } else {
                    text.push_str(" =");
                }
                if c.cutoff_tie {
                    text.push_str(lang.t(" (égalité)", " (tie)"));
                }
                text
            })
            .collect();
        let tone = if comparisons.iter().any(|c| c.changes() || c.cutoff_tie) {
            Tone::Warn
        } else {
            Tone::Plain
        };
        out.push((
            format!(
                "{}{}",
                lang.t(
                    "Lauréats sous les autres méthodes : ",
                    "Laureates under other methods: "
                ),
                parts.join(" · ")
            ),
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
        let name = method_name(c.method, lang);
        let change = if c.changes() {
            let mut parts = Vec::new();
            if !c.joining.is_empty() {
                parts.push(format!("+{}", c.joining.join(" +")));
            }
            if !c.leaving.is_empty() {
                parts.push(format!("−{}", c.leaving.join(" −")));
            }
            parts.join(" ")
        } else {
            lang.t("mêmes lauréats", "same laureates").to_string()
        };
        let tie = if c.cutoff_tie {
            lang.t(", égalité à la limite", ", tie at the cut-off")
        } else {
            ""
        };
        let text = if ranking.official {
            match lang {
                Lang::Fr => format!("{name} : {change}{tie}"),
                Lang::En => format!("{name}: {change}{tie}"),
            }
        } else {
            match lang {
                Lang::Fr => format!(
                    "Par rapport à l'officiel ({}) : {change}{tie}",
                    method_name(official, lang)
                ),
                Lang::En => format!(
                    "Against the official one ({}): {change}{tie}",
                    method_name(official, lang)
                ),
            }
        };
        let tone = if c.changes() || c.cutoff_tie {
            Tone::Warn
        } else {
            Tone::Plain
        };
        out.push((text, style(tone, color)));
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
            out.push((
                lang.t("Ce qui sépare les voisins :", "What separates neighbours:")
                    .into(),
                head,
            ));
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
        out.push((
            match lang {
                Lang::Fr => format!("Ce qui manque ({}) :", ranking.warnings.len()),
                Lang::En => format!("What is missing ({}):", ranking.warnings.len()),
            },
            head,
        ));
        let room = height.saturating_sub(used + 1);
        let texts: Vec<String> = ranking
            .warnings
            .iter()
            .map(|w| format!("  {}", warning_words(session, w, lang)))
            .collect();
        let wrapped: usize = texts.iter().map(|t| wrap_indented(t, width).len()).sum();
        // Wrapped when they all fit, else one short line each (team and
        // juror first, so both stay visible) as far as they fit, then how
        // many more; with no line to spare, side by side after the heading.
        let short = |w| format!("  {}", warning_short(session, w, lang));
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
                    format!("  {}", more_words(more, lang)),
                    style(Tone::Dim, color),
                ));
            }
        } else {
            let items: Vec<String> = ranking
                .warnings
                .iter()
                .map(|w| warning_tiny(w, lang))
                .collect();
            let heading = out.pop().map(|(t, _)| t).unwrap_or_default();
            let more = |n| more_words(n, lang);
            let lines = crate::ui::text::packed(&heading, &items, (width, room + 1), more);
            out.extend(lines.into_iter().map(|t| (t, style(Tone::Warn, color))));
        }
    }
    out
}

/// Why there is no margin at the laureate cut-off: every team is a
/// laureate, or (most often while the jury scores) too few teams have
/// enough sheets to fill the places yet.
fn no_margin_words(ranking: &Ranking, lang: Lang) -> String {
    let n = ranking.laureates as usize;
    let ready = ranking.ranking.iter().filter(|r| !r.too_few_sheets).count();
    let waiting = ranking.ranking.len() - ready;
    if ready > n {
        return lang
            .t(
                "Écart à la limite des lauréats : pas encore calculable.",
                "Margin at the laureate cut-off: not computable yet.",
            )
            .into();
    }
    if waiting == 0 {
        return match lang {
            Lang::Fr => format!("Pas de place {} : toutes sont lauréates.", n + 1),
            Lang::En => format!("No place {}: every team is a laureate.", n + 1),
        };
    }
    let min = ranking.min_sheets;
    let sheets = |fr: bool| match (fr, min) {
        (true, 1) => "au moins 1 feuille".to_string(),
        (true, m) => format!("au moins {m} feuilles"),
        (false, 1) => "at least 1 sheet".to_string(),
        (false, m) => format!("at least {m} sheets"),
    };
    let others = |fr: bool| match (fr, waiting) {
        (true, 1) => "l'autre ne peut pas encore être lauréate".to_string(),
        (true, w) => format!("les {w} autres ne peuvent pas encore être lauréates"),
        (false, 1) => "the other one cannot be a laureate yet".to_string(),
        (false, w) => format!("the other {w} cannot be laureates yet"),
    };
    match (lang, ready) {
        (Lang::Fr, 0) => format!(
            "Aucune équipe n'a encore {} : aucune ne peut encore être lauréate.",
            sheets(true)
        ),
        (Lang::En, 0) => format!(
            "No team has {} yet: none can be a laureate yet.",
            sheets(false)
        ),
        (Lang::Fr, 1) => format!(
            "Seule 1 équipe a {} pour l'instant : {}.",
            sheets(true),
            others(true)
        ),
        (Lang::En, 1) => format!(
            "Only 1 team has {} so far: {}.",
            sheets(false),
            others(false)
        ),
        (Lang::Fr, k) => format!(
            "Seules {k} équipes ont {} pour l'instant : {}.",
            sheets(true),
            others(true)
        ),
        (Lang::En, k) => format!(
            "Only {k} teams have {} so far: {}.",
            sheets(false),
            others(false)
        ),
    }
}

/// The plain sum of a sheet's values (what the juror adds up on paper).
fn plain_sum(values: &[Option<Dec>]) -> Option<Dec> {
    values
        .iter()
        .flatten()
        .try_fold(Dec::ZERO, |sum, v| sum.checked_add(*v))
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
        let total = figure(line.total.as_ref(), lang, "");
        let (text, tone) = match line.state {
            PairState::Entered | PairState::Verified => (total, Tone::Plain),
            // The handwritten total is compared with the plain sum Σ
            // (never the weighted total).
            PairState::Mismatch => (
                format!(
                    "Σ {} ≠ {} {}",
                    plain_sum(&line.values)
                        .map(|v| v.format_with(separator(lang)))
                        .unwrap_or_default(),
                    line.handwritten
                        .map(|h| h.format_with(separator(lang)))
                        .unwrap_or_default(),
                    lang.t("manuscrit", "handwritten")
                ),
                Tone::Bad,
            ),
            PairState::Partial => (lang.t("incomplète", "partial").into(), Tone::Warn),
            PairState::Empty => (lang.t("manquante", "missing").into(), Tone::Warn),
            PairState::Absent => (lang.t("absent", "absent").into(), Tone::Dim),
            PairState::Withdrawn => (lang.t("retirée", "withdrawn").into(), Tone::Dim),
            PairState::Recused | PairState::AutoRecused => {
                (lang.t("récusé", "recused").into(), Tone::Dim)
            }
        };
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
    team: &str,
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
    out.push((
        match lang {
            Lang::Fr => format!(
                "rang {} · score {} · {} · écart-type {}",
                crate::report::rank_label(row),
                figure(row.score.as_ref(), lang, "—"),
                crate::words::number::count(row.sheets, lang, "feuille", "feuilles"),
                figure(row.spread.as_ref(), lang, "—")
            ),
            Lang::En => format!(
                "rank {} · score {} · {} · spread {}",
                crate::report::rank_label(row),
                figure(row.score.as_ref(), lang, "—"),
                crate::words::number::count(row.sheets, lang, "sheet", "sheets"),
                figure(row.spread.as_ref(), lang, "—")
            ),
        },
        plain,
    ));
    if let Some(i) = ranking.ranking.iter().position(|r| r.team == team)
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
    let tall_means: Lines = std::iter::once((
        lang.t("Moyenne par critère :", "Mean per criterion:")
            .to_string(),
        head,
    ))
    .chain(session.criteria.iter().map(|c| {
        (
            format!("  {:<16} {:>7}", super::cut(&c.label, 16), means_of(c)),
            plain,
        )
    }))
    .collect();
    let one_line = format!(
        "{}{}",
        lang.t("Moyennes : ", "Means: "),
        session
            .criteria
            .iter()
            .map(|c| format!("{} {}", c.label, means_of(c)))
            .collect::<Vec<_>>()
            .join(" · ")
    );
    let juror_head = (
        lang.t("Total de chaque juré :", "Each juror's total:")
            .to_string(),
        head,
    );
    let close = (
        lang.t("Échap : fermer le détail", "Esc: close the detail")
            .to_string(),
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
