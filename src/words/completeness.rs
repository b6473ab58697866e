//! The Completeness board's words: its column headings and its legend.

use crate::domain::{Lang, PairState};

/// A fixed word of the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// The column headings.
    Team,
    Sheets,
    Missing,
    /// The row under the teams: what each juror still misses.
    MissingByJuror,
    /// A withdrawn team's counts.
    Withdrawn,
}

/// A fixed word of the board.
pub fn label(label: Label, lang: Lang) -> &'static str {
    match label {
        Label::Team => lang.t("Équipe", "Team"),
        Label::Sheets => lang.t("Fiches", "Sheets"),
        Label::Missing => lang.t("Manque", "Missing"),
        Label::MissingByJuror => lang.t(" Manque par juré", " Missing by juror"),
        Label::Withdrawn => lang.t("retirée", "withdrawn"),
    }
}

/// What a mark of the board means, in its legend.
pub fn legend(state: PairState, lang: Lang) -> &'static str {
    match state {
        PairState::Empty => lang.t("vide", "empty"),
        PairState::Partial => lang.t("en cours", "partial"),
        PairState::Entered => lang.t("saisie", "entered"),
        PairState::Mismatch => lang.t("écart papier", "paper mismatch"),
        PairState::Verified => lang.t("vérifiée", "verified"),
        PairState::Absent => lang.t("absent", "absent"),
        PairState::Recused | PairState::AutoRecused => lang.t("récusé", "recused"),
        PairState::Withdrawn => lang.t("équipe retirée", "team withdrawn"),
    }
}
