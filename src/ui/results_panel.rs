//! Beside the ranking: the margin at the cut-off, the laureates under the
//! other methods, what separates each pair of neighbours, what is missing,
//! or the selected team's detail; and the decision form. Drawing only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::View;
use super::grid::{Tone, put, style};
use crate::app::results::{DecisionForm, Step};
use crate::app::results_cache::Computed;
use crate::domain::ranking::analysis::{self, margin};
use crate::domain::ranking::{Figure, Ranking, Row, Separation, SheetState, Warning, WarningCode};
use crate::domain::{DecisionKind, Lang, Method, PairStatus, Session};
use crate::report::{figure, method_name, separator};

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
            selected.as_deref(),
            area.height as usize,
            lang,
            color,
        ),
    };
    let wrapped: Lines = lines
        .into_iter()
        .flat_map(|(text, st)| {
            wrap(&text, usize::from(area.width))
                .into_iter()
                .map(move |t| (t, st))
        })
        .collect();
    for (k, (text, st)) in wrapped.iter().take(area.height as usize).enumerate() {
        put(buf, area, area.x, area.y + k as u16, text, area.width, *st);
    }
}

/// Split a line at spaces to fit `width`; continuation lines are indented
/// one step deeper than the line itself.
fn wrap(text: &str, width: usize) -> Vec<String> {
    if text.chars().count() <= width || width < 16 {
        return vec![text.to_string()];
    }
    let lead = text.chars().take_while(|c| *c == ' ').count();
    let mut out: Vec<String> = Vec::new();
    let mut line = " ".repeat(lead);
    let mut first = true;
    for word in text.trim_start_matches(' ').split(' ') {
        if !first && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::replace(&mut line, " ".repeat(lead + 4)));
            first = true;
        }
        if !first {
            line.push(' ');
        }
        line.push_str(word);
        first = false;
    }
    out.push(line);
    out
}

type Lines = Vec<(String, Style)>;

/// The width of one juror's total in the detail.
const JUROR_CELL: u16 = 36;

fn analysis_lines(
    session: &Session,
    computed: &Computed,
    selected: Option<&str>,
    height: usize,
    lang: Lang,
    color: bool,
) -> Lines {
    let ranking = &computed.ranking;
    let head = style(Tone::Strong, color);
    let plain = Style::new();
    let mut out: Lines = Vec::new();
    if ranking.ranking.is_empty() {
        out.push((
            lang.t("Aucune équipe à classer.", "No team to rank.")
                .into(),
            plain,
        ));
        return out;
    }
    let n = ranking.laureates;
    match margin(ranking) {
        Some(m) => {
            let gap = m.difference.two_decimals(separator(lang));
            let how = match &m.separated_by {
                Separation::Score => String::new(),
                other => format!(" ({})", separation_words(session, other, lang)),
            };
            out.push((
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
            ));
        }
        None => out.push((
            match lang {
                Lang::Fr => format!("Pas de place {} : toutes sont lauréates.", n + 1),
                Lang::En => format!("No place {}: every team is a laureate.", n + 1),
            },
            head,
        )),
    }
    let comparisons = &computed.comparisons;
    let official = session.settings.method;
    for c in comparisons {
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
    // What separates neighbours: every pair when there is room, else the
    // selected team and the one above it.
    let pairs = explanations(session, ranking, lang);
    let warnings = ranking.warnings.len().min(3) + 1;
    let room = height.saturating_sub(out.len() + warnings);
    if !pairs.is_empty() {
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
    if !ranking.warnings.is_empty() {
        out.push((
            match lang {
                Lang::Fr => format!("Ce qui manque ({}) :", ranking.warnings.len()),
                Lang::En => format!("What is missing ({}):", ranking.warnings.len()),
            },
            head,
        ));
        let room = height.saturating_sub(out.len());
        let shown = if ranking.warnings.len() > room {
            room.saturating_sub(1).max(1)
        } else {
            room
        };
        for w in ranking.warnings.iter().take(shown) {
            out.push((
                format!("  {}", warning_words(session, w, lang)),
                style(Tone::Warn, color),
            ));
        }
        if ranking.warnings.len() > shown {
            let more = ranking.warnings.len() - shown;
            out.push((
                match lang {
                    Lang::Fr => format!("  … et {more} de plus"),
                    Lang::En => format!("  … and {more} more"),
                },
                style(Tone::Dim, color),
            ));
        }
    }
    out
}

/// One line per pair of neighbours (with the lower row's index).
pub fn explanations(session: &Session, ranking: &Ranking, lang: Lang) -> Vec<(usize, String)> {
    let rows = &ranking.ranking;
    (1..rows.len())
        .map(|i| {
            let (a, b) = (&rows[i - 1], &rows[i]);
            let sign = if b.separated_by == Separation::Equal {
                "="
            } else {
                ">"
            };
            let why = match &b.separated_by {
                Separation::Score => score_words(ranking, a, b, lang),
                other => separation_words(session, other, lang),
            };
            (
                i,
                format!("{} {sign} {}{}{why}", a.team, b.team, colon(lang)),
            )
        })
        .collect()
}

fn colon(lang: Lang) -> &'static str {
    lang.t(" : ", ": ")
}

fn score_words(ranking: &Ranking, a: &Row, b: &Row, lang: Lang) -> String {
    let fa = figure(a.score.as_ref(), lang, "—");
    let fb = figure(b.score.as_ref(), lang, "—");
    if ranking.method == Method::Majority && fa == fb {
        return lang
            .t(
                "même note médiane, départagées par les valeurs majoritaires suivantes",
                "same median grade, separated by the next majority values",
            )
            .into();
    }
    if fa == fb {
        // Different below the second decimal.
        let diff = match (&a.score, &b.score) {
            (Some(Figure::Exact(x)), Some(Figure::Exact(y))) => Figure::Exact(x - y).to_f64(),
            (Some(x), Some(y)) => x.to_f64() - y.to_f64(),
            _ => 0.0,
        };
        return match lang {
            Lang::Fr => format!("score {fa} contre {fb} (écart {diff:.2e})"),
            Lang::En => format!("score {fa} against {fb} (gap {diff:.2e})"),
        };
    }
    match lang {
        Lang::Fr => format!("score {fa} contre {fb}"),
        Lang::En => format!("score {fa} against {fb}"),
    }
}

fn separation_words(session: &Session, separated_by: &Separation, lang: Lang) -> String {
    match separated_by {
        Separation::First | Separation::Score => lang.t("score", "score").into(),
        Separation::TieBreak(c) => {
            let label = session
                .criterion(c)
                .map_or(c.as_str(), |c| c.label.as_str());
            match lang {
                Lang::Fr => format!("même score, départage par le critère « {label} »"),
                Lang::En => format!("same score, tie-break on criterion \"{label}\""),
            }
        }
        Separation::Decision => lang
            .t(
                "même score, ordre décidé par le jury",
                "same score, order decided by the jury",
            )
            .into(),
        Separation::Equal => lang.t("ex aequo", "tied").into(),
        Separation::TooFewSheets => lang
            .t(
                "trop peu de feuilles : classée après les autres",
                "too few sheets: ranked after the others",
            )
            .into(),
        Separation::NoSheet => lang
            .t("aucune feuille qui compte", "no sheet that counts")
            .into(),
    }
}

/// A warning in words, with the team's and the juror's names.
pub fn warning_words(session: &Session, w: &Warning, lang: Lang) -> String {
    let team = w.team.as_deref().unwrap_or("?");
    let team_text = match session.team(team) {
        Some(t) => format!("{team} {}", t.name),
        None => team.to_string(),
    };
    let juror = w.juror.as_deref().map(|j| match session.juror(j) {
        Some(x) => format!("{} ({j})", x.name),
        None => j.to_string(),
    });
    let juror = juror.unwrap_or_default();
    match (w.code, lang) {
        (WarningCode::MissingSheet, Lang::Fr) => {
            format!("{team_text} : feuille manquante de {juror}")
        }
        (WarningCode::MissingSheet, Lang::En) => format!("{team_text}: missing sheet of {juror}"),
        (WarningCode::PartialSheet, Lang::Fr) => {
            format!("{team_text} : feuille incomplète de {juror}")
        }
        (WarningCode::PartialSheet, Lang::En) => {
            format!("{team_text}: incomplete sheet of {juror}")
        }
        (WarningCode::ChecksumMismatch, Lang::Fr) => {
            format!("{team_text} : total manuscrit de {juror} différent de la somme")
        }
        (WarningCode::ChecksumMismatch, Lang::En) => {
            format!("{team_text}: {juror}'s handwritten total differs from the sum")
        }
        _ => w.describe(lang),
    }
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
    let head = style(Tone::Strong, color);
    let plain = Style::new();
    let mut out: Lines = Vec::new();
    let Some(row) = ranking.row(team) else {
        return out;
    };
    let org = super::org_name(session, &row.org);
    out.push((format!("{} {} — {org}", row.team, row.name), head));
    out.push((
        match lang {
            Lang::Fr => format!(
                "rang {} · score {} · {} feuille(s) · écart-type {}",
                crate::report::rank_label(row),
                figure(row.score.as_ref(), lang, "—"),
                row.sheets,
                figure(row.spread.as_ref(), lang, "—")
            ),
            Lang::En => format!(
                "rank {} · score {} · {} sheet(s) · spread {}",
                crate::report::rank_label(row),
                figure(row.score.as_ref(), lang, "—"),
                row.sheets,
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
    // Jurors side by side when the panel is wide; criteria one per line
    // when there is room, else on one (wrapped) line.
    let columns = usize::from(width / JUROR_CELL).clamp(1, 4);
    let juror_rows = session.jurors.len().div_ceil(columns);
    let tall = usize::from(height) >= out.len() + session.criteria.len() + juror_rows + 4;
    let means: Vec<String> = session
        .criteria
        .iter()
        .map(|c| {
            let mean = figure(row.criteria.get(&c.id), lang, "—");
            if tall {
                format!("  {:<16} {mean:>7}", super::cut(&c.label, 16))
            } else {
                format!("{} {mean}", c.label)
            }
        })
        .collect();
    if tall {
        out.push((
            lang.t("Moyenne par critère :", "Mean per criterion:")
                .into(),
            head,
        ));
        out.extend(means.into_iter().map(|m| (m, plain)));
    } else {
        out.push((
            format!("{}{}", lang.t("Moyennes : ", "Means: "), means.join(" · ")),
            plain,
        ));
    }
    out.push((
        lang.t("Total de chaque juré :", "Each juror's total:")
            .into(),
        head,
    ));
    let Some(d) = analysis::team_detail(session, team) else {
        return out;
    };
    let mut cells: Vec<(String, Tone)> = Vec::new();
    for line in d.jurors {
        let name = session
            .juror(&line.juror)
            .map_or(line.juror.as_str(), |j| j.name.as_str());
        let total = figure(line.total.as_ref(), lang, "");
        let (text, tone) = match line.state {
            SheetState::Counts => (total, Tone::Plain),
            SheetState::Mismatch => (
                format!(
                    "{total} ≠ {} {}",
                    line.handwritten
                        .map(|h| h.format_with(separator(lang)))
                        .unwrap_or_default(),
                    lang.t("manuscrit", "handwritten")
                ),
                Tone::Bad,
            ),
            SheetState::Partial => (lang.t("incomplète", "partial").into(), Tone::Warn),
            SheetState::Missing => (lang.t("manquante", "missing").into(), Tone::Warn),
            SheetState::NotExpected => {
                let status = match (session.team(team), session.juror(&line.juror)) {
                    (Some(t), Some(j)) => session.pair_status(t, j),
                    _ => PairStatus::Expected,
                };
                let word = match status {
                    PairStatus::Absent => lang.t("absent", "absent"),
                    PairStatus::Withdrawn => lang.t("retirée", "withdrawn"),
                    _ => lang.t("récusé", "recused"),
                };
                (word.into(), Tone::Dim)
            }
        };
        cells.push((format!("  {:<16} {text:>7}", super::cut(name, 16)), tone));
    }
    for chunk in cells.chunks(columns) {
        let text: String = chunk
            .iter()
            .map(|(t, _)| format!("{t:<w$}", w = usize::from(JUROR_CELL)))
            .collect();
        // The row takes the most pressing tone of its cells.
        let tone = [Tone::Bad, Tone::Warn, Tone::Plain, Tone::Dim]
            .into_iter()
            .find(|t| chunk.iter().any(|(_, c)| c == t))
            .unwrap_or(Tone::Plain);
        out.push((text.trim_end().to_string(), style(tone, color)));
    }
    out.push((
        lang.t("Échap : fermer le détail", "Esc: close the detail")
            .into(),
        style(Tone::Dim, color),
    ));
    out
}

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
    let fixed = 4 + form.problems.len() as u16 + 2;
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
    let block = Block::default().borders(Borders::ALL).title(format!(
        " {} ",
        lang.t(
            "Décision du jury — égalité à la limite",
            "Jury decision — tie at the cut-off"
        )
    ));
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
            lang.t("o : ordre décidé", "o: order decided"),
            check(form.kind == DecisionKind::Admit),
            lang.t("a : toutes admises", "a: all admitted"),
        ),
        if form.step == Step::Choice {
            head
        } else {
            plain
        },
    ));
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
        let fit = usize::from(width).saturating_sub(label.chars().count() + 2);
        let count = value.chars().count();
        let value = if count > fit {
            format!(
                "…{}",
                value.chars().skip(count - fit + 1).collect::<String>()
            )
        } else {
            value.to_string()
        };
        (
            format!("{label}{value}{cursor}"),
            if active { head } else { plain },
        )
    };
    out.push(field(
        lang.t("Par : ", "By: "),
        &form.by,
        form.step == Step::By,
    ));
    out.push(field(
        lang.t("Motif : ", "Reason: "),
        &form.reason,
        form.step == Step::Reason,
    ));
    for p in &form.problems {
        out.push((p.clone(), style(Tone::Bad, color)));
    }
    out.push((
        match form.step {
            Step::Choice => lang.t(
                "↑↓ choisir · K/J déplacer · Entrée : continuer · Échap : abandonner",
                "↑↓ select · K/J move · Enter: go on · Esc: abandon",
            ),
            Step::By => lang.t(
                "Qui a décidé ? Entrée : continuer · Échap : abandonner",
                "Who decided? Enter: go on · Esc: abandon",
            ),
            Step::Reason => lang.t(
                "Pourquoi ? Entrée : enregistrer · Échap : abandonner",
                "Why? Enter: record · Esc: abandon",
            ),
        }
        .into(),
        style(Tone::Dim, color),
    ));
    out
}
