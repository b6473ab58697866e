//! The results panel's words: the margin at the cut-off (or why there is
//! none), the laureates under the other methods, what separates two
//! neighbours, what is missing (whole, short, tiny), the smallest change
//! that alters the laureates, and the selected team's detail.

use crate::app::screens::results::Sensitivity;
use crate::domain::ranking::analysis::{JurorLine, Margin, MethodComparison};
use crate::domain::ranking::robustness::Search;
use crate::domain::ranking::{Figure, Ranking, Row, Separation, Warning, WarningCode};
use crate::domain::{Dec, Lang, Method, PairState, Session};
use crate::words::number::{count, dec, figure};

/// The panel's lines that carry no data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// The ranking is empty.
    NoTeam,
    /// The heading over every pair of neighbours.
    Neighbours,
    /// The heading over the criteria's means, one per line.
    MeanPerCriterion,
    /// The heading over each juror's total.
    EachJurorTotal,
    /// The detail's last line.
    CloseDetail,
}

impl Label {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Label::NoTeam => lang.t("Aucune équipe à classer.", "No team to rank."),
            Label::Neighbours => {
                lang.t("Ce qui sépare les voisins :", "What separates neighbours:")
            }
            Label::MeanPerCriterion => lang.t("Moyenne par critère :", "Mean per criterion:"),
            Label::EachJurorTotal => lang.t("Total de chaque juré :", "Each juror's total:"),
            Label::CloseDetail => lang.t("Échap : fermer le détail", "Esc: close the detail"),
        }
    }
}

/// The smallest change to one cell that alters the laureates: offered
/// (`None`), looked for (`found` is `None`), or what was found.
pub fn sensitivity(session: &Session, search: Option<&Sensitivity>, lang: Lang) -> String {
    let Some(search) = search else {
        return lang
            .t(
                "s : plus petit changement d'une case qui modifie les lauréats",
                "s: smallest change to one cell that alters the laureates",
            )
            .into();
    };
    let budget = search.budget;
    match &search.found {
        // Still running: say so, and how far it may go.
        None => match lang {
            Lang::Fr => format!(
                "s : recherche du plus petit changement qui modifie les lauréats… (au plus {budget} classements)"
            ),
            Lang::En => format!(
                "s: looking for the smallest change that alters the laureates… (at most {budget} rankings)"
            ),
        },
        Some(Search::Found(c)) => {
            let juror = session
                .juror(&c.juror)
                .map_or(c.juror.to_string(), |j| format!("{} ({})", j.name, c.juror));
            let criterion = session
                .criterion(&c.criterion)
                .map_or(c.criterion.as_str(), |x| x.label.as_str());
            let (from, to) = (dec(c.from, lang), dec(c.to, lang));
            let steps = c.steps;
            match lang {
                Lang::Fr => format!(
                    "Plus petit changement qui modifie les lauréats : {} · {juror} · {criterion} {from} → {to} ({steps:+} pas)",
                    c.team
                ),
                Lang::En => format!(
                    "Smallest change that alters the laureates: {} · {juror} · {criterion} {from} → {to} ({steps:+} {})",
                    c.team,
                    if steps.abs() == 1 { "step" } else { "steps" }
                ),
            }
        }
        Some(Search::None) => lang
            .t(
                "Aucun changement d'une seule case ne modifie les lauréats.",
                "No change to a single cell alters the laureates.",
            )
            .into(),
        Some(Search::Stopped { steps }) => match lang {
            Lang::Fr => format!(
                "Aucun changement d'une case jusqu'à {steps} pas ne modifie les lauréats (recherche arrêtée)."
            ),
            Lang::En => format!(
                "No change to one cell up to {steps} steps alters the laureates (search stopped)."
            ),
        },
    }
}

/// A method's name in a few letters.
fn short_method_name(method: Method, lang: Lang) -> &'static str {
    match method {
        Method::Mean => lang.t("moyenne", "mean"),
        Method::Normalized => lang.t("normalisée", "normalized"),
        Method::Trimmed => lang.t("tronquée", "trimmed"),
        Method::Borda => "Borda",
        Method::Majority => lang.t("majoritaire", "majority"),
    }
}

/// Every other method's laureates against the official ones, on one line
/// (`moyenne = · Borda +T3 −T5 (égalité)`).
pub fn comparisons_short(comparisons: &[MethodComparison], lang: Lang) -> String {
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
    format!(
        "{}{}",
        lang.t(
            "Lauréats sous les autres méthodes : ",
            "Laureates under other methods: "
        ),
        parts.join(" · ")
    )
}

/// One method's laureates against the official ones: under its own name
/// when the official ranking is shown, else against `official` (the
/// method shown is a comparison).
pub fn comparison(c: &MethodComparison, official: Option<Method>, lang: Lang) -> String {
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
    match (official, lang) {
        (None, Lang::Fr) => format!("{} : {change}{tie}", c.method.name(lang)),
        (None, Lang::En) => format!("{}: {change}{tie}", c.method.name(lang)),
        (Some(official), Lang::Fr) => format!(
            "Par rapport à l'officiel ({}) : {change}{tie}",
            official.name(lang)
        ),
        (Some(official), Lang::En) => format!(
            "Against the official one ({}): {change}{tie}",
            official.name(lang)
        ),
    }
}

/// The margin at the laureate cut-off (between places `laureates` and
/// the next), and what makes it.
pub fn margin(session: &Session, m: &Margin, laureates: u32, lang: Lang) -> String {
    let gap = m.difference.two_decimals(lang.decimal_separator());
    let how = match &m.separated_by {
        Separation::Score => String::new(),
        other => format!(" ({})", separation(session, other, lang)),
    };
    let (n, next, above, below) = (laureates, laureates + 1, &m.above, &m.below);
    match lang {
        Lang::Fr => format!("Écart places {n}/{next} ({above} / {below}) : {gap}{how}"),
        Lang::En => format!("Margin places {n}/{next} ({above} / {below}): {gap}{how}"),
    }
}

/// Why there is no margin at the laureate cut-off: every team is a
/// laureate, or (most often while the jury scores) too few teams have
/// enough sheets to fill the places yet.
pub fn no_margin(ranking: &Ranking, lang: Lang) -> String {
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
    let min = ranking.min_sheets as usize;
    let sheets = match lang {
        Lang::Fr => format!("au moins {}", count(min, lang, "feuille", "feuilles")),
        Lang::En => format!("at least {}", count(min, lang, "sheet", "sheets")),
    };
    let others = match (lang, waiting) {
        (Lang::Fr, 1) => "l'autre ne peut pas encore être lauréate".to_string(),
        (Lang::Fr, w) => format!("les {w} autres ne peuvent pas encore être lauréates"),
        (Lang::En, 1) => "the other one cannot be a laureate yet".to_string(),
        (Lang::En, w) => format!("the other {w} cannot be laureates yet"),
    };
    match (lang, ready) {
        (Lang::Fr, 0) => {
            format!("Aucune équipe n'a encore {sheets} : aucune ne peut encore être lauréate.")
        }
        (Lang::En, 0) => format!("No team has {sheets} yet: none can be a laureate yet."),
        (Lang::Fr, 1) => format!("Seule 1 équipe a {sheets} pour l'instant : {others}."),
        (Lang::En, 1) => format!("Only 1 team has {sheets} so far: {others}."),
        (Lang::Fr, k) => format!("Seules {k} équipes ont {sheets} pour l'instant : {others}."),
        (Lang::En, k) => format!("Only {k} teams have {sheets} so far: {others}."),
    }
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
                other => separation(session, other, lang),
            };
            let colon = lang.t(" : ", ": ");
            (i, format!("{} {sign} {}{colon}{why}", a.team, b.team))
        })
        .collect()
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

/// What separates a team from the one above it, other than its score.
pub fn separation(session: &Session, separated_by: &Separation, lang: Lang) -> String {
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

/// The heading over what is missing, with how many.
pub fn missing_heading(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Ce qui manque ({n}) :"),
        Lang::En => format!("What is missing ({n}):"),
    }
}

/// A warning in words, with the team's and the juror's names.
pub fn warning(session: &Session, w: &Warning, lang: Lang) -> String {
    let team_text = match w.team.as_ref() {
        Some(team) => match session.team(team) {
            Some(t) => format!("{team} {}", t.name),
            None => team.to_string(),
        },
        None => "?".to_string(),
    };
    let juror = w.juror.as_ref().map(|j| match session.juror(j) {
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

/// A warning in a few words, team and juror first, for a narrow list:
/// "T01 · J05 Nadine Lecomte · manquante".
pub fn warning_short(session: &Session, w: &Warning, lang: Lang) -> String {
    let (Some(team), Some(juror)) = (w.team.as_ref(), w.juror.as_ref()) else {
        return warning(session, w, lang);
    };
    let what = match w.code {
        WarningCode::MissingSheet => lang.t("manquante", "missing"),
        WarningCode::PartialSheet => lang.t("incomplète", "partial"),
        WarningCode::ChecksumMismatch => lang.t("total manuscrit ≠ somme", "handwritten ≠ sum"),
        _ => return warning(session, w, lang),
    };
    let name = session
        .juror(juror)
        .map_or(String::new(), |j| format!(" {}", j.name));
    format!("{team} · {juror}{name} · {what}")
}

/// "… et 8 de plus".
pub fn more(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("… et {n} de plus"),
        Lang::En => format!("… and {n} more"),
    }
}

/// A missing sheet in a few cells, to list many side by side: `T3/J2
/// manquante`.
pub fn warning_tiny(w: &Warning, lang: Lang) -> String {
    let what = match w.code {
        WarningCode::MissingSheet => lang.t("manquante", "missing"),
        WarningCode::PartialSheet => lang.t("incomplète", "partial"),
        WarningCode::ChecksumMismatch => lang.t("total ≠ somme", "total ≠ sum"),
        WarningCode::TooFewSheets => lang.t("trop peu de feuilles", "too few sheets"),
        WarningCode::StaleDecision => lang.t("décision caduque", "stale decision"),
    };
    let who = [w.team.as_deref(), w.juror.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("/");
    format!("{who} {what}").trim().to_string()
}

/// The selected team's figures: rank (as labelled, `3=` when tied),
/// score, sheets, spread.
pub fn detail_figures(row: &Row, rank: &str, lang: Lang) -> String {
    let score = figure(row.score.as_ref(), lang, "—");
    let spread = figure(row.spread.as_ref(), lang, "—");
    match lang {
        Lang::Fr => format!(
            "rang {rank} · score {score} · {} · écart-type {spread}",
            count(row.sheets, lang, "feuille", "feuilles")
        ),
        Lang::En => format!(
            "rank {rank} · score {score} · {} · spread {spread}",
            count(row.sheets, lang, "sheet", "sheets")
        ),
    }
}

/// The criteria's means on one line: `Moyennes : Idée 7,50 · Pitch 6,00`.
pub fn means_line(means: &[(&str, String)], lang: Lang) -> String {
    format!(
        "{}{}",
        lang.t("Moyennes : ", "Means: "),
        means
            .iter()
            .map(|(label, mean)| format!("{label} {mean}"))
            .collect::<Vec<_>>()
            .join(" · ")
    )
}

/// A juror's sheet in the team's detail: its total, or why there is none.
/// A mismatch compares the plain sum Σ of the values (what the juror adds
/// up on paper, never the weighted total) with the handwritten total.
pub fn juror_sheet(line: &JurorLine, lang: Lang) -> String {
    match line.state {
        PairState::Entered | PairState::Verified => figure(line.total.as_ref(), lang, ""),
        PairState::Mismatch => format!(
            "Σ {} ≠ {} {}",
            plain_sum(&line.values)
                .map(|v| dec(v, lang))
                .unwrap_or_default(),
            line.handwritten.map(|h| dec(h, lang)).unwrap_or_default(),
            lang.t("manuscrit", "handwritten")
        ),
        PairState::Partial => lang.t("incomplète", "partial").into(),
        PairState::Empty => lang.t("manquante", "missing").into(),
        PairState::Absent => lang.t("absent", "absent").into(),
        PairState::Withdrawn => lang.t("retirée", "withdrawn").into(),
        PairState::Recused | PairState::AutoRecused => lang.t("récusé", "recused").into(),
    }
}

/// The plain sum of a sheet's values (what the juror adds up on paper).
fn plain_sum(values: &[Option<Dec>]) -> Option<Dec> {
    values
        .iter()
        .flatten()
        .try_fold(Dec::ZERO, |sum, v| sum.checked_add(*v))
}
