//! The screens' names, as the header tabs and the `?` overlay write them.

use crate::app::Screen;
use crate::domain::Lang;

/// The screen's name in full.
pub fn title(screen: Screen, lang: Lang) -> &'static str {
    match screen {
        Screen::Stage => lang.t("Scène", "Stage"),
        Screen::Schedule => lang.t("Programme", "Schedule"),
        Screen::Questions => lang.t("Questions", "Questions"),
        Screen::Scores => lang.t("Notes", "Scores"),
        Screen::Completeness => lang.t("Complétude", "Completeness"),
        Screen::Results => lang.t("Résultats", "Results"),
        Screen::Setup => lang.t("Réglages", "Setup"),
    }
}
