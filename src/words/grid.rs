//! The score grid's words (the Scores screen, and its blind double entry
//! where they share them): the status line and its one-key questions, each
//! sheet's state, the title's marks, the criterion under the cursor, the
//! column headings. The screen decides which message and how it stands
//! out; the words are here.

use crate::app::screens::scores::NotSent;
use crate::app::screens::scores::grid::{Ask, CellKey, Column, Status};
use crate::domain::scoring::{self, Counts};
use crate::domain::{Criterion, Dec, JurorId, Lang, PairState, Session, Team, TeamId};

use super::number::{agree, count, dec, total};

/// A fixed word of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// No team in the session.
    NoTeam,
    /// Projector mode hides the scores (the grid and the blind entry).
    ScoresHidden,
    /// The title's mark of a verified team.
    Verified,
    /// The column headings.
    JurorHead,
    PaperHead,
    StateHead,
    /// The cursor on the paper total column.
    PaperTotal,
    /// After the criterion, when some criterion weighs other than 1.
    PaperIsPlainSum,
}

/// A fixed word of the grid in `lang`.
pub fn label(label: Label, lang: Lang) -> &'static str {
    match label {
        Label::NoTeam => lang.t("Aucune équipe à noter.", "No team to score."),
        Label::ScoresHidden => lang.t(
            "Mode projecteur : les notes sont masquées (p pour les afficher).",
            "Projector mode: scores are hidden (p to show them).",
        ),
        Label::Verified => lang.t("VÉRIFIÉE", "VERIFIED"),
        Label::JurorHead => lang.t("Juré", "Juror"),
        Label::PaperHead => lang.t("Papier", "Paper"),
        Label::StateHead => lang.t("État", "State"),
        Label::PaperTotal => lang.t(
            "Total papier : la somme simple des notes, telle que le juré l'a faite",
            "Paper total: the plain sum of the values, as the juror added it up",
        ),
        Label::PaperIsPlainSum => lang.t(
            " · papier = somme simple des notes",
            " · paper = plain sum of the values",
        ),
    }
}

/// Where this terminal's values stand, on the title's right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveMark {
    /// The session file holds another session: nothing is saved any more.
    NothingSaved,
    /// This many values are being saved.
    Saving(usize),
    Saved,
}

/// The title's save mark: `… enregistrement (2)`, `✓ saved`.
pub fn save_mark(mark: SaveMark, lang: Lang) -> String {
    match (mark, lang) {
        (SaveMark::NothingSaved, _) => lang
            .t("✗ plus rien n'est enregistré", "✗ nothing is saved")
            .to_string(),
        (SaveMark::Saving(n), Lang::Fr) => format!("… enregistrement ({n})"),
        (SaveMark::Saving(n), Lang::En) => format!("… saving ({n})"),
        (SaveMark::Saved, _) => lang.t("✓ enregistré", "✓ saved").to_string(),
    }
}

/// The stage moved on from the team this grid shows.
pub fn stage_moved_on(on_stage: &TeamId, name: &str, shown: &TeamId, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "▶ Sur scène : {on_stage} {name} — cette grille reste sur {shown} (s : aller à {on_stage})"
        ),
        Lang::En => format!(
            "▶ On stage: {on_stage} {name} — this grid stays on {shown} (s: go to {on_stage})"
        ),
    }
}

/// The criterion under the cursor: its weight and its range.
pub fn criterion(c: &Criterion, lang: Lang) -> String {
    let (weight, min, max, step) = (
        dec(c.weight, lang),
        dec(c.min, lang),
        dec(c.max, lang),
        dec(c.step, lang),
    );
    match lang {
        Lang::Fr => format!(
            "{} — coefficient {weight} · de {min} à {max}, pas de {step}",
            c.label
        ),
        Lang::En => format!(
            "{} — weight {weight} · from {min} to {max}, step {step}",
            c.label
        ),
    }
}

/// The word in the grid's last column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetWord {
    Recused,
    Absent,
    Withdrawn,
    /// The paper total differs from the plain sum.
    PaperMismatch,
    /// The sheet total stands far from the other jurors'.
    FarOff,
    Complete,
    Partial,
    Empty,
}

/// A sheet's state in a word.
pub fn sheet_word(word: SheetWord, lang: Lang) -> &'static str {
    match word {
        SheetWord::Recused => lang.t("récusé", "recused"),
        SheetWord::Absent => lang.t("absent", "absent"),
        SheetWord::Withdrawn => lang.t("retirée", "withdrawn"),
        SheetWord::PaperMismatch => lang.t("≠ papier", "≠ paper"),
        SheetWord::FarOff => lang.t("divergent", "far off"),
        SheetWord::Complete => "✓",
        SheetWord::Partial => lang.t("en cours", "partial"),
        SheetWord::Empty => "",
    }
}

fn juror_name(session: &Session, id: &JurorId) -> String {
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
        other => super::pair::reason(other, lang),
    }
}

/// The status line with nothing just said, the other terminal having set
/// `key` to `now` while `typed` was being typed over it.
pub fn set_while_typing(key: &CellKey, now: Option<Dec>, typed: &str, lang: Lang) -> String {
    let cell = cell_name(key, lang);
    let now = value_text(now, lang);
    match lang {
        Lang::Fr => {
            format!("{cell} : l'autre terminal y a mis {now} pendant votre saisie « {typed} »")
        }
        Lang::En => {
            format!("{cell}: the other terminal set it to {now} while you typed \"{typed}\"")
        }
    }
}

/// A value typed over a cell (`typed_over`) the other terminal changed
/// meanwhile: what Enter and Esc do.
fn changed_meanwhile(
    typed_over: Option<&CellKey>,
    (seen, current, typed): (Option<Dec>, Option<Dec>, Dec),
    lang: Lang,
) -> String {
    let cell = typed_over.map_or_else(String::new, |key| cell_name(key, lang));
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

/// What the status line says of `status` on `team`'s grid (`typed_over`:
/// the cell a value was typed over).
pub fn status(
    status: &Status,
    (session, team): (&Session, &Team),
    typed_over: Option<&CellKey>,
    lang: Lang,
) -> String {
    match status {
        Status::NotSent(NotSent::Refused { refusal, .. }) => {
            format!(
                "{} {}",
                lang.t("Refusé :", "Refused:"),
                refusal.message(lang)
            )
        }
        Status::NotSent(NotSent::NotANumber { text }) => match lang {
            Lang::Fr => format!("Refusé : « {text} » n'est pas un nombre"),
            Lang::En => format!("Refused: \"{text}\" is not a number"),
        },
        Status::NotSent(NotSent::NotScored { juror, status }) => {
            let (name, why) = (juror_name(session, juror), why(*status, lang));
            match lang {
                Lang::Fr => format!("{name} ne note pas cette équipe ({why}) : rien à saisir"),
                Lang::En => format!("{name} does not score this team ({why}): nothing to enter"),
            }
        }
        Status::Locked => lang
            .t(
                "Grille vérifiée et verrouillée : v pour la déverrouiller",
                "Grid verified and locked: v to unlock it",
            )
            .to_string(),
        Status::ChangedMeanwhile {
            seen,
            current,
            typed,
        } => changed_meanwhile(typed_over, (*seen, *current, *typed), lang),
        Status::SaveRefused(refusal) => format!(
            "{} {}",
            lang.t("Non enregistré :", "Not saved:"),
            refusal.message(lang)
        ),
        Status::Mismatch {
            juror,
            handwritten,
            sum,
        } => mismatch(session, juror, *handwritten, *sum, lang),
        Status::Verified { not_counting } => match (lang, not_counting) {
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
        Status::Unverified => lang.t("Grille déverrouillée", "Grid unlocked").to_string(),
        Status::NothingToMark { locked } => format!(
            "{}{}",
            lang.t("Rien à marquer", "Nothing to mark"),
            left_out(locked, &[], lang)
        ),
        Status::FinishEntry => lang
            .t(
                "Validez (Entrée) ou effacez (Échap) la saisie d'abord",
                "Commit (Enter) or discard (Esc) the typed value first",
            )
            .to_string(),
        Status::PasteRefused => lang
            .t(
                "Collage refusé : seul un nombre se colle dans une case",
                "Paste refused: only one number can be pasted into a cell",
            )
            .to_string(),
        Status::Ask(ask) => question(session, team, ask, lang),
    }
}

/// The paper total against the plain sum it is compared with (the Σ
/// column beside it).
pub fn mismatch(session: &Session, juror: &JurorId, paper: Dec, sum: Dec, lang: Lang) -> String {
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

/// A one-key question and how to answer it.
fn question(session: &Session, team: &Team, ask: &Ask, lang: Lang) -> String {
    let yes_no = lang.t(
        "o/y/Entrée : oui · autre touche : non",
        "y/Enter: yes · other key: no",
    );
    match ask {
        Ask::Disagreement { juror, found, .. } => {
            let (name, found_total, median, gap) = (
                juror_name(session, juror),
                total(found.total, lang),
                total(found.median, lang),
                total(quarter(found.range), lang),
            );
            match lang {
                Lang::Fr => format!(
                    "{name} : total {found_total} loin de la médiane {median} {} (écart > {gap}). {yes_no}",
                    if found.others == 1 {
                        "de l'autre juré".to_string()
                    } else {
                        format!("des {} autres jurés", found.others)
                    },
                ),
                Lang::En => format!(
                    "{name}: total {found_total} far from the median {median} of the {} (gap > {gap}). {yes_no}",
                    count(found.others, lang, "other juror", "other jurors"),
                ),
            }
        }
        Ask::Absent { juror, .. } => {
            let name = juror_name(session, juror);
            match lang {
                Lang::Fr => format!(
                    "Marquer {name} absent efface ses notes pour {}. {yes_no}",
                    team.id
                ),
                Lang::En => format!(
                    "Marking {name} absent clears their values for {}. {yes_no}",
                    team.id
                ),
            }
        }
        Ask::Recuse { juror, .. } => {
            let name = juror_name(session, juror);
            match lang {
                Lang::Fr => format!("Récuser {name} efface ses notes pour {}. {yes_no}", team.id),
                Lang::En => format!(
                    "Recusing {name} clears their values for {}. {yes_no}",
                    team.id
                ),
            }
        }
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
            let name = juror_name(session, juror);
            match lang {
                Lang::Fr => format!(
                    "{name} absent pour {}, de {first} à {last}{left_out} ? {yes_no}",
                    count(teams.len(), lang, "équipe", "équipes")
                ),
                Lang::En => format!(
                    "{name} absent for {}, {first} to {last}{left_out}? {yes_no}",
                    count(teams.len(), lang, "team", "teams")
                ),
            }
        }
        Ask::VerifyIncomplete { not_counting, .. } => {
            let not_counting = not_counting_words(*not_counting, lang);
            match lang {
                Lang::Fr => format!(
                    "{not_counting} encore : verrouiller {} quand même ? {yes_no}",
                    team.id
                ),
                Lang::En => format!("{not_counting} yet: lock {} anyway? {yes_no}", team.id),
            }
        }
        Ask::Unverify { .. } => match lang {
            Lang::Fr => format!("Déverrouiller la grille de {} ? {yes_no}", team.id),
            Lang::En => format!("Unlock the grid of {}? {yes_no}", team.id),
        },
    }
}

/// " (T03 verrouillée non comprise, T04 déjà notée non comprise)": the
/// teams "absent for the rest" leaves alone.
fn left_out(locked: &[TeamId], scored: &[TeamId], lang: Lang) -> String {
    // The teams, and what they are: French agrees with their count.
    let part = |ids: &[TeamId], (one, many): (&str, &str), en: &str| {
        let (list, n) = (ids.join(", "), ids.len());
        match lang {
            Lang::Fr => format!(
                "{list} {} non {}",
                agree(n, lang, one, many),
                agree(n, lang, "comprise", "comprises")
            ),
            Lang::En => format!("{list} {en}, left out"),
        }
    };
    let parts: Vec<String> = [
        (locked, ("verrouillée", "verrouillées"), "locked"),
        (scored, ("déjà notée", "déjà notées"), "already scored"),
    ]
    .into_iter()
    .filter(|(ids, ..)| !ids.is_empty())
    .map(|(ids, fr, en)| part(ids, fr, en))
    .collect();
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

/// "3 fiches sur 5 comptent · 1 en cours · 1 écart papier"; "3 of 5
/// sheets count · 1 partial · 1 paper mismatch".
pub fn counts(c: &Counts, lang: Lang) -> String {
    let mut parts = vec![sheets_count(c.done(), c.expected(), lang)];
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
            Lang::Fr => count(c.absent, lang, "absent", "absents"),
            Lang::En => count(c.absent, lang, "absent", "absent"),
        });
    }
    if c.recused > 0 {
        parts.push(match lang {
            Lang::Fr => count(c.recused, lang, "récusé", "récusés"),
            Lang::En => count(c.recused, lang, "recused", "recused"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_teams_left_out_agree_with_their_count() {
        let ids = |v: &[&str]| v.iter().map(|&t| TeamId::from(t)).collect::<Vec<_>>();
        let (one, two) = (ids(&["T3"]), ids(&["T3", "T4"]));
        assert_eq!(left_out(&[], &[], Lang::Fr), "");
        assert_eq!(
            left_out(&one, &two, Lang::Fr),
            " (T3 verrouillée non comprise ; T3, T4 déjà notées non comprises)"
        );
        assert_eq!(left_out(&two, &[], Lang::En), " (T3, T4 locked, left out)");
    }
}
