//! The grid's words: the status line and each sheet's state.

use crate::app::screens::scores::grid::{Ask, CellKey, Column, Grid, Status};
use crate::domain::scoring::{self, Fill, SheetSummary};
use crate::domain::{Dec, Lang, PairState, Session, Team, TeamId};

use crate::ui::text::Tone;
use crate::words::number::{dec, total};

fn juror_name(session: &Session, id: &str) -> String {
    session
        .juror(id)
        .map_or_else(|| id.to_string(), |j| format!("{} {}", j.id, j.name))
}

/// "J08 faisabilite" or "J08 total papier".
fn cell_name(key: &CellKey, lang: Lang) -> String {
    match &key.column {
        Column::Criterion(id) => format!("{} {id}", key.juror),
        Column::Handwritten => format!("{} {}", key.juror, lang.t("total papier", "paper total")),
    }
}

/// A cell's value, or "vide" / "empty".
fn value_text(value: Option<Dec>, lang: Lang) -> String {
    value.map_or_else(|| lang.t("vide", "empty").to_string(), |v| dec(v, lang))
}

fn why(status: PairState, lang: Lang) -> &'static str {
    match status {
        PairState::AutoRecused => {
            lang.t("récusé (même organisation)", "recused (same organisation)")
        }
        other => crate::words::pair::reason(other, lang),
    }
}

/// The word in the grid's last column, and how it stands out.
pub fn state_word(
    excuse: Option<PairState>,
    summary: &SheetSummary,
    disagrees: bool,
    lang: Lang,
) -> (&'static str, Tone) {
    match excuse {
        Some(PairState::AutoRecused | PairState::Recused) => {
            (lang.t("récusé", "recused"), Tone::Dim)
        }
        Some(PairState::Absent) => (lang.t("absent", "absent"), Tone::Dim),
        Some(_) => (lang.t("retirée", "withdrawn"), Tone::Dim),
        None if summary.mismatch => (lang.t("≠ papier", "≠ paper"), Tone::Bad),
        None if disagrees => (lang.t("divergent", "far off"), Tone::Warn),
        None => match summary.fill {
            Fill::Complete => ("✓", Tone::Good),
            Fill::Partial => (lang.t("en cours", "partial"), Tone::Dim),
            Fill::Empty => ("", Tone::Plain),
        },
    }
}

/// The status line with nothing just said: a value the other terminal
/// changed while typing, the paper total under the cursor that disagrees,
/// else how many sheets of the team count.
fn idle_text(session: &Session, grid: &Grid, team: &Team, lang: Lang) -> (String, Tone) {
    if let Some((key, _, now)) = grid.changed_meanwhile(session) {
        let cell = cell_name(key, lang);
        let now = value_text(now, lang);
        let text = match lang {
            Lang::Fr => format!(
                "{cell} : l'autre terminal y a mis {now} pendant votre saisie « {} »",
                grid.input
            ),
            Lang::En => format!(
                "{cell}: the other terminal set it to {now} while you typed \"{}\"",
                grid.input
            ),
        };
        return (text, Tone::Warn);
    }
    // The cursor on a sheet whose paper total disagrees: say with what.
    if let Some(juror) = session.jurors.get(grid.row)
        && session.expects(team, juror)
    {
        let sheet = grid.sheet(session, &team.id, &juror.id);
        let summary = scoring::summarize(&session.criteria, Some(&sheet));
        if let (true, Some(paper), Some(sum)) =
            (summary.mismatch, sheet.handwritten, summary.plain_sum)
        {
            return (
                mismatch_text(session, &juror.id, paper, sum, lang),
                Tone::Bad,
            );
        }
    }
    (counts_line(session, team, lang), Tone::Dim)
}

/// A value typed over a cell the other terminal changed meanwhile: what
/// Enter and Esc do.
fn changed_meanwhile(
    grid: &Grid,
    (seen, current, typed): (Option<Dec>, Option<Dec>, Dec),
    lang: Lang,
) -> String {
    let cell = grid
        .typed_over
        .as_ref()
        .map_or_else(String::new, |(key, _)| cell_name(key, lang));
    let (seen, current, typed) = (
        value_text(seen, lang),
        value_text(current, lang),
        dec(typed, lang),
    );
    match lang {
        Lang::Fr => format!(
            "Refusé : {cell} changé par l'autre terminal ({seen} → {current}). Entrée : remplacer par {typed} · Échap : garder {current}"
        ),
        Lang::En => format!(
            "Refused: {cell} changed on the other terminal ({seen} → {current}). Enter: replace with {typed} · Esc: keep {current}"
        ),
    }
}

/// The status line: what just happened, the question asked, or how many
/// sheets of the team count.
pub fn status_text(session: &Session, grid: &Grid, team: &Team, lang: Lang) -> (String, Tone) {
    let yes_no = lang.t(
        "o/y/Entrée : oui · autre touche : non",
        "y/Enter: yes · other key: no",
    );
    let Some(status) = &grid.status else {
        return idle_text(session, grid, team, lang);
    };
    match status {
        Status::Refused { refusal, .. } => (
            format!(
                "{} {}",
                lang.t("Refusé :", "Refused:"),
                refusal.message(lang)
            ),
            Tone::Bad,
        ),
        Status::NotANumber { text } => (
            match lang {
                Lang::Fr => format!("Refusé : « {text} » n'est pas un nombre"),
                Lang::En => format!("Refused: \"{text}\" is not a number"),
            },
            Tone::Bad,
        ),
        Status::NotScored { juror, status } => (
            match lang {
                Lang::Fr => format!(
                    "{} ne note pas cette équipe ({}) : rien à saisir",
                    juror_name(session, juror),
                    why(*status, lang)
                ),
                Lang::En => format!(
                    "{} does not score this team ({}): nothing to enter",
                    juror_name(session, juror),
                    why(*status, lang)
                ),
            },
            Tone::Warn,
        ),
        Status::Locked => (
            lang.t(
                "Grille vérifiée et verrouillée : v pour la déverrouiller",
                "Grid verified and locked: v to unlock it",
            )
            .to_string(),
            Tone::Warn,
        ),
        Status::ChangedMeanwhile {
            seen,
            current,
            typed,
        } => (
            changed_meanwhile(grid, (*seen, *current, *typed), lang),
            Tone::Bad,
        ),
        Status::SaveRefused(refusal) => (
            format!(
                "{} {}",
                lang.t("Non enregistré :", "Not saved:"),
                refusal.message(lang)
            ),
            Tone::Bad,
        ),
        Status::Mismatch {
            juror,
            handwritten,
            sum,
        } => (
            mismatch_text(session, juror, *handwritten, *sum, lang),
            Tone::Bad,
        ),
        Status::Verified { not_counting } => (
            match (lang, not_counting) {
                (Lang::Fr, 0) => "Grille vérifiée et verrouillée".to_string(),
                (Lang::En, 0) => "Grid verified and locked".to_string(),
                (_, n) => format!(
                    "{}{}",
                    lang.t(
                        "Grille vérifiée et verrouillée ; ",
                        "Grid verified and locked; "
                    ),
                    not_counting_words(*n, lang)
                ),
            },
            Tone::Good,
        ),
        Status::Unverified => (
            lang.t("Grille déverrouillée", "Grid unlocked").to_string(),
            Tone::Warn,
        ),
        Status::NothingToMark { locked } => (
            format!(
                "{}{}",
                lang.t("Rien à marquer", "Nothing to mark"),
                left_out(locked, &[], lang)
            ),
            Tone::Dim,
        ),
        Status::FinishEntry => (
            lang.t(
                "Validez (Entrée) ou effacez (Échap) la saisie d'abord",
                "Commit (Enter) or discard (Esc) the typed value first",
            )
            .to_string(),
            Tone::Warn,
        ),
        Status::PasteRefused => (
            lang.t(
                "Collage refusé : seul un nombre se colle dans une case",
                "Paste refused: only one number can be pasted into a cell",
            )
            .to_string(),
            Tone::Warn,
        ),
        Status::Ask(ask) => (ask_text(session, team, ask, lang, yes_no), Tone::Warn),
    }
}

/// Whether the sheet total differs from the plain sum of the values (some
/// criterion weighs other than 1).
pub fn weighted(session: &Session) -> bool {
    session.criteria.iter().any(|c| c.weight != Dec::int(1))
}

/// The paper total against the plain sum it is compared with (the Σ
/// column beside it).
fn mismatch_text(session: &Session, juror: &str, paper: Dec, sum: Dec, lang: Lang) -> String {
    let name = juror_name(session, juror);
    let (paper, sum) = (dec(paper, lang), dec(sum, lang));
    match lang {
        Lang::Fr => format!(
            "{name} : total papier {paper} ≠ somme simple des notes Σ {sum} — la fiche ne compte pas tant que ce n'est pas résolu"
        ),
        Lang::En => format!(
            "{name}: paper total {paper} ≠ plain sum of the values Σ {sum} — the sheet does not count until resolved"
        ),
    }
}

fn ask_text(session: &Session, team: &Team, ask: &Ask, lang: Lang, yes_no: &str) -> String {
    match ask {
        Ask::Disagreement { juror, found, .. } => match lang {
            Lang::Fr => format!(
                "{} : total {} loin de la médiane {} {} (écart > {}). {yes_no}",
                juror_name(session, juror),
                total(found.total, lang),
                total(found.median, lang),
                if found.others == 1 {
                    "de l'autre juré".to_string()
                } else {
                    format!("des {} autres jurés", found.others)
                },
                total(quarter(found.range), lang),
            ),
            Lang::En => format!(
                "{}: total {} far from the median {} of the {} (gap > {}). {yes_no}",
                juror_name(session, juror),
                total(found.total, lang),
                total(found.median, lang),
                crate::words::number::count(found.others, lang, "other juror", "other jurors"),
                total(quarter(found.range), lang),
            ),
        },
        Ask::Absent { juror, .. } => match lang {
            Lang::Fr => format!(
                "Marquer {} absent efface ses notes pour {}. {yes_no}",
                juror_name(session, juror),
                team.id
            ),
            Lang::En => format!(
                "Marking {} absent clears their values for {}. {yes_no}",
                juror_name(session, juror),
                team.id
            ),
        },
        Ask::Recuse { juror, .. } => match lang {
            Lang::Fr => format!(
                "Récuser {} efface ses notes pour {}. {yes_no}",
                juror_name(session, juror),
                team.id
            ),
            Lang::En => format!(
                "Recusing {} clears their values for {}. {yes_no}",
                juror_name(session, juror),
                team.id
            ),
        },
        Ask::AbsentForRest {
            juror,
            teams,
            locked,
            scored,
            ..
        } => {
            let first = teams.first().map_or("", TeamId::as_str);
            let last = teams.last().map_or("", TeamId::as_str);
            let left_out = left_out(locked, scored, lang);
            match lang {
                Lang::Fr => format!(
                    "{} absent pour {}, de {first} à {last}{left_out} ? {yes_no}",
                    juror_name(session, juror),
                    crate::words::number::count(teams.len(), lang, "équipe", "équipes")
                ),
                Lang::En => format!(
                    "{} absent for {}, {first} to {last}{left_out}? {yes_no}",
                    juror_name(session, juror),
                    crate::words::number::count(teams.len(), lang, "team", "teams")
                ),
            }
        }
        Ask::VerifyIncomplete { not_counting, .. } => match lang {
            Lang::Fr => format!(
                "{} encore : verrouiller {} quand même ? {yes_no}",
                not_counting_words(*not_counting, lang),
                team.id
            ),
            Lang::En => format!(
                "{} yet: lock {} anyway? {yes_no}",
                not_counting_words(*not_counting, lang),
                team.id
            ),
        },
        Ask::Unverify { .. } => match lang {
            Lang::Fr => format!("Déverrouiller la grille de {} ? {yes_no}", team.id),
            Lang::En => format!("Unlock the grid of {}? {yes_no}", team.id),
        },
    }
}

/// " (T03 verrouillée non comprise, T04 déjà notée non comprise)": the
/// teams "absent for the rest" leaves alone.
fn left_out(locked: &[TeamId], scored: &[TeamId], lang: Lang) -> String {
    let plural = |n: usize| if n > 1 { "s" } else { "" };
    let mut parts = Vec::new();
    if !locked.is_empty() {
        let ids = locked.join(", ");
        parts.push(match lang {
            Lang::Fr => {
                let s = plural(locked.len());
                format!("{ids} verrouillée{s} non comprise{s}")
            }
            Lang::En => format!("{ids} locked, left out"),
        });
    }
    if !scored.is_empty() {
        let ids = scored.join(", ");
        parts.push(match lang {
            Lang::Fr => {
                let s = plural(scored.len());
                format!("{ids} déjà notée{s} non comprise{s}")
            }
            Lang::En => format!("{ids} already scored, left out"),
        });
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(lang.t(" ; ", "; ")))
    }
}

/// A quarter of the possible range, for display.
fn quarter(range: scoring::Total) -> scoring::Total {
    scoring::Total::from_raw(range.raw() / 4)
}

/// "3 of 5 sheets count · 1 partial · 1 mismatch".
fn counts_line(session: &Session, team: &Team, lang: Lang) -> String {
    let c = scoring::team_counts(session, team);
    let mut parts = vec![match lang {
        Lang::Fr | Lang::En => sheets_count(c.done(), c.expected(), lang),
    }];
    if c.partial > 0 {
        parts.push(format!("{} {}", c.partial, lang.t("en cours", "partial")));
    }
    if c.mismatch > 0 {
        parts.push(format!(
            "{} {}",
            c.mismatch,
            lang.t("écart papier", "paper mismatch")
        ));
    }
    if c.absent > 0 {
        parts.push(match lang {
            Lang::Fr => crate::words::number::count(c.absent, lang, "absent", "absents"),
            Lang::En => crate::words::number::count(c.absent, lang, "absent", "absent"),
        });
    }
    if c.recused > 0 {
        parts.push(match lang {
            Lang::Fr => crate::words::number::count(c.recused, lang, "récusé", "récusés"),
            Lang::En => crate::words::number::count(c.recused, lang, "recused", "recused"),
        });
    }
    parts.join(" · ")
}

/// "3 fiches sur 5 comptent", "1 fiche sur 5 compte"; "3 of 5 sheets
/// count", "1 of 5 sheets counts".
pub fn sheets_count(done: usize, expected: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr if done <= 1 => format!("{done} fiche sur {expected} compte"),
        Lang::Fr => format!("{done} fiches sur {expected} comptent"),
        Lang::En => {
            let noun = if expected == 1 { "sheet" } else { "sheets" };
            let verb = if done == 1 { "counts" } else { "count" };
            format!("{done} of {expected} {noun} {verb}")
        }
    }
}

/// "1 fiche attendue ne compte pas", "4 expected sheets do not count".
fn not_counting_words(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => "1 fiche attendue ne compte pas".into(),
        (Lang::Fr, n) => format!("{n} fiches attendues ne comptent pas"),
        (Lang::En, 1) => "1 expected sheet does not count".into(),
        (Lang::En, n) => format!("{n} expected sheets do not count"),
    }
}
