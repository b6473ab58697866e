//! The question queue's words, on the Questions screen and under the
//! stage's countdown: its titles, who speaks and for how long.

use crate::domain::Lang;
use crate::domain::stage::clock_text;

/// A fixed word of the questions' screen and of the stage's queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// The Questions screen's top line with nobody on stage.
    NoTeamOnStage,
    /// The jurors' box, each with the key that queues them.
    JurorsBox,
    /// Beside the juror speaking.
    Speaking,
    QueueBox,
    /// The queue's box when empty.
    NobodyWaiting,
    /// The queue's head, before the questions start.
    SpeaksFirst,
    AskedBox,
    /// The stage's queue line: its title, and its text when empty.
    StageQueue,
    StageNobodyWaiting,
}

/// A fixed word of the question queue.
pub fn label(label: Label, lang: Lang) -> &'static str {
    match label {
        Label::NoTeamOnStage => lang.t("Aucune équipe sur scène", "No team on stage"),
        Label::JurorsBox => lang.t("Jurés (touche → file)", "Jurors (key → queue)"),
        Label::Speaking => lang.t("parle", "speaking"),
        Label::QueueBox => lang.t("File d'attente", "Queue"),
        Label::NobodyWaiting => lang.t("Personne en attente.", "Nobody waiting."),
        Label::SpeaksFirst => lang.t("parlera aux questions", "speaks when questions start"),
        Label::AskedBox => lang.t("Questions posées", "Questions asked"),
        Label::StageQueue => lang.t("Questions :", "Questions:"),
        Label::StageNobodyWaiting => lang.t("personne en attente", "nobody waiting"),
    }
}

/// How long the juror at the head of the queue has been speaking:
/// `parle depuis 1:05`, `speaking for 1:05`.
pub fn speaking_for(secs: i64, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.t("parle depuis", "speaking for"),
        clock_text(secs)
    )
}
