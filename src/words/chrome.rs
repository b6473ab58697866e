//! The words around every screen: the header's projector badge, the `?`
//! overlay's title, the confirmations' titles and questions, and the
//! window too small to draw in.

use crate::domain::Lang;

/// A fixed word of the chrome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// The header's badge while in projector mode.
    Projector,
    /// The `?` overlay's title, before the screen's name.
    Keys,
    /// The quit confirmation's title.
    Quit,
    /// Quitting with a value typed but not committed.
    QuitHalfTyped,
    /// Quitting while a timer runs.
    QuitTimerRunning,
    /// Ending the questions with jurors still queued: the title.
    EndOfQuestions,
}

/// A fixed word of the chrome.
pub fn label(label: Label, lang: Lang) -> &'static str {
    match label {
        Label::Projector => lang.t("PROJECTEUR", "PROJECTOR"),
        Label::Keys => lang.t("Touches", "Keys"),
        Label::Quit => lang.t("Quitter", "Quit"),
        Label::QuitHalfTyped => lang.t(
            "Une note est tapée mais pas validée (elle serait perdue). Quitter quand même ?",
            "A value is typed but not committed (it would be lost). Quit anyway?",
        ),
        Label::QuitTimerRunning => lang.t(
            "Un chronomètre tourne (il continuera, enregistré). Quitter quand même ?",
            "A timer is running (it will go on, saved). Quit anyway?",
        ),
        Label::EndOfQuestions => lang.t("Fin des questions", "End of questions"),
    }
}

/// The window is smaller than the least Podium draws in.
pub fn too_small((width, height): (u16, u16), (min_w, min_h): (u16, u16), lang: Lang) -> String {
    match lang {
        Lang::Fr => {
            format!("Fenêtre trop petite ({width}×{height}) : il faut au moins {min_w}×{min_h}.")
        }
        Lang::En => {
            format!("Window too small ({width}×{height}): at least {min_w}×{min_h} is needed.")
        }
    }
}
