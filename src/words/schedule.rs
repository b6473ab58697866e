//! The Schedule screen's words: its column headings, each slot's status,
//! a break's row, and the summary of the delay above the table.

use crate::domain::Lang;
use crate::domain::schedule::{Plan, SlotStatus};
use crate::domain::stage::clock_text;

use super::number::count;

/// A column of the schedule's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Planned,
    Team,
    Organisation,
    Status,
    Began,
    Used,
    Over,
    Sheets,
    Score,
}

/// A column's heading.
pub fn heading(column: Column, lang: Lang) -> &'static str {
    match column {
        Column::Planned => lang.t("Prévu", "Plan"),
        Column::Team => lang.t("Équipe", "Team"),
        Column::Organisation => lang.t("Département", "Organisation"),
        Column::Status => lang.t("Statut", "Status"),
        Column::Began => lang.t("Début", "Began"),
        Column::Used => lang.t("Utilisé", "Used"),
        Column::Over => lang.t("Dépass.", "Over"),
        Column::Sheets => lang.t("Feuil.", "Sheets"),
        Column::Score => lang.t("Note/rang", "Score/rank"),
    }
}

/// A slot's status in the table.
pub fn status(status: SlotStatus, lang: Lang) -> &'static str {
    match status {
        SlotStatus::Waiting => lang.t("à venir", "waiting"),
        SlotStatus::Called => lang.t("appelée", "called"),
        SlotStatus::Pitching => lang.t("▶ pitch", "▶ pitching"),
        SlotStatus::Questions => lang.t("◆ questions", "◆ questions"),
        SlotStatus::Scoring => lang.t("✎ notation", "✎ scoring"),
        SlotStatus::Done => lang.t("✓ passée", "✓ done"),
        SlotStatus::Withdrawn => lang.t("✗ retirée", "✗ withdrawn"),
        SlotStatus::Break => lang.t("pause", "break"),
        SlotStatus::OnBreak => lang.t("◷ en pause", "◷ on break"),
        SlotStatus::BreakTaken => lang.t("✓ pause", "✓ break"),
    }
}

/// A break's row: `— Pause café (15 min)` (a break without a label of its
/// own is the language's `Pause`).
pub fn break_row(label: &str, minutes: u32, lang: Lang) -> String {
    format!(
        "— {} ({minutes} min)",
        super::stage::break_label(label, lang)
    )
}

fn minutes(ms: i64) -> String {
    clock_text(ms / 1000)
}

/// The delay, or the advance: `Retard +3:00`, `Ahead 1:30`.
pub fn delay(delay_ms: i64, lang: Lang) -> String {
    if delay_ms >= 0 {
        format!("{} +{}", lang.t("Retard", "Delay"), minutes(delay_ms))
    } else {
        format!("{} {}", lang.t("Avance", "Ahead"), minutes(-delay_ms))
    }
}

/// After the delay: the planned and the projected end (`hh:mm` each).
pub fn ends(planned: &str, projected: &str, lang: Lang) -> String {
    format!(
        "   {} {planned}   {} {projected}",
        lang.t("Fin prévue", "Planned end"),
        lang.t("Fin projetée", "Projected end"),
    )
}

/// Whether the day ends on time, and what each slot must give up if not.
pub fn outlook(p: &Plan, lang: Lang) -> String {
    let teams = |lang| match lang {
        Lang::Fr => count(p.remaining_teams, lang, "équipe", "équipes"),
        Lang::En => count(p.remaining_teams, lang, "team", "teams"),
    };
    if !p.can_catch_up {
        let slips = minutes(p.delay_ms);
        match lang {
            Lang::Fr => format!(
                "Retard impossible à rattraper : fin décalée de {slips} ({} à passer).",
                teams(lang)
            ),
            Lang::En => format!(
                "The delay cannot be caught up: the end slips by {slips} ({} to go).",
                teams(lang)
            ),
        }
    } else if p.give_up_secs > 0 {
        let secs = p.give_up_secs;
        match (lang, p.remaining_teams) {
            (Lang::Fr, 1) => {
                format!("Pour finir à l'heure, le dernier créneau doit rendre {secs} s.")
            }
            (Lang::En, 1) => format!("To finish on time, the last slot must give up {secs} s."),
            (Lang::Fr, n) => format!(
                "Pour finir à l'heure, chacun des {n} créneaux restants doit rendre {secs} s."
            ),
            (Lang::En, n) => {
                format!("To finish on time, each of the {n} remaining slots must give up {secs} s.")
            }
        }
    } else {
        match lang {
            Lang::Fr => format!("À l'heure · {} à passer.", teams(lang)),
            Lang::En => format!("On time · {} to go.", teams(lang)),
        }
    }
}
