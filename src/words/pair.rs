//! How a (team, juror) pair stands, in a word.

use crate::domain::{Lang, PairState};

/// Why a pair takes no value, as a refusal says it (`récusé`, `absent`,
/// `équipe retirée`); an expected pair is `attendu`.
pub fn reason(state: PairState, lang: Lang) -> &'static str {
    match state {
        PairState::AutoRecused | PairState::Recused => lang.t("récusé", "recused"),
        PairState::Absent => lang.t("absent", "absent"),
        PairState::Withdrawn => lang.t("équipe retirée", "team withdrawn"),
        PairState::Empty
        | PairState::Partial
        | PairState::Entered
        | PairState::Mismatch
        | PairState::Verified => lang.t("attendu", "expected"),
    }
}
