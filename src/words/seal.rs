//! The sealed results in words: what `podium seal` and `unseal` did, what
//! every output of the ranking says while sealed, and the results screen's
//! sealed panel and confirmations.

use super::number::count;
use crate::domain::Lang;

/// What `podium seal` / `podium unseal` did, naming the file.
pub fn done(file: &str, sealed: bool, lang: Lang) -> String {
    match (sealed, lang) {
        (true, Lang::Fr) => format!(
            "{file}: résultats scellés — aucune sortie ne montre plus le classement \
             jusqu'à podium unseal ; la saisie des notes continue"
        ),
        (true, Lang::En) => format!(
            "{file}: results sealed — no output shows the ranking until podium unseal; \
             score entry goes on"
        ),
        (false, Lang::Fr) => {
            format!("{file}: résultats descellés — le classement peut de nouveau être montré")
        }
        (false, Lang::En) => format!("{file}: results unsealed — the ranking can be shown again"),
    }
}

/// Sealing what is sealed (`already`), or unsealing what is not.
pub fn refusal(already: bool, lang: Lang) -> &'static str {
    match already {
        true => lang.t(
            "les résultats sont déjà scellés",
            "the results are already sealed",
        ),
        false => lang.t(
            "les résultats ne sont pas scellés",
            "the results are not sealed",
        ),
    }
}

/// An output of the ranking refused while sealed: one line naming the file.
pub fn refused(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{file}: les résultats sont scellés (podium unseal pour les montrer)"),
        Lang::En => format!("{file}: results are sealed (podium unseal shows them)"),
    }
}

/// `podium check` on a sealed session: it says so instead of any ranking.
pub fn check_line(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{file}: résultats scellés — le classement n'est pas montré"),
        Lang::En => format!("{file}: results sealed — the ranking is not shown"),
    }
}

/// The independent recount differs while sealed: how many differences,
/// none shown (each would name a rank).
pub fn recount_differs(file: &str, n: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "{file}: le recomptage indépendant diffère ({}, non montrés tant que les résultats \
             sont scellés) — ne pas publier",
            count(n, lang, "écart", "écarts")
        ),
        Lang::En => format!(
            "{file}: the independent recount differs ({}, not shown while the results are \
             sealed) — do not publish",
            count(n, lang, "difference", "differences")
        ),
    }
}

/// The results screen's sealed panel: its title.
pub fn panel_title(lang: Lang) -> &'static str {
    lang.t("Résultats scellés", "Results sealed")
}

/// The sealed panel's lines under its title; `key` is the key that
/// unseals.
pub fn panel_lines(key: &str, lang: Lang) -> [String; 3] {
    match lang {
        Lang::Fr => [
            "Le classement est caché : aucun rang, aucun total, aucune limite des lauréats.".into(),
            "La saisie des notes continue (Notes, Complétude).".into(),
            format!("{key} : desceller les résultats (demande confirmation)"),
        ],
        Lang::En => [
            "The ranking is hidden: no rank, no total, no laureate cut-off.".into(),
            "Score entry goes on (Scores, Completeness).".into(),
            format!("{key}: unseal the results (asks first)"),
        ],
    }
}

/// The status line once `S` is confirmed (the save state says when it is
/// saved).
pub fn sent(sealed: bool, lang: Lang) -> &'static str {
    match sealed {
        true => lang.t(
            "Résultats scellés : le classement est caché partout.",
            "Results sealed: the ranking is hidden everywhere.",
        ),
        false => lang.t(
            "Résultats descellés : le classement est de nouveau visible.",
            "Results unsealed: the ranking is visible again.",
        ),
    }
}

/// The confirmation box's title: sealing (`sealed` false) or unsealing.
pub fn confirm_title(sealed: bool, lang: Lang) -> &'static str {
    match sealed {
        false => lang.t("Sceller les résultats", "Seal the results"),
        true => lang.t("Desceller les résultats", "Unseal the results"),
    }
}

/// The question before sealing (`sealed` false) or unsealing.
pub fn confirm(sealed: bool, lang: Lang) -> &'static str {
    match sealed {
        false => lang.t(
            "Sceller les résultats ? Le classement sera caché partout (écran, résultats, page, procès-verbal) jusqu'au descellement ; la saisie continue.",
            "Seal the results? The ranking will be hidden everywhere (screen, results, page, minutes) until unsealed; entry goes on.",
        ),
        true => lang.t(
            "Desceller les résultats ? Le classement redeviendra visible sur cet écran et dans chaque sortie.",
            "Unseal the results? The ranking will be visible again on this screen and in every output.",
        ),
    }
}
