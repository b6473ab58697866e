//! Colours and emphasis. With colour off (`NO_COLOR`) every distinction is
//! still made by text and by bold, reversed or underlined cells.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::Lang;
use crate::domain::stage::{Level, Phase};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// The countdown at a given urgency, in a given phase.
    pub fn countdown(&self, level: Level, phase: Phase) -> Style {
        let bold = Modifier::BOLD;
        match level {
            Level::Calm => self.phase_colour(phase).add_modifier(bold),
            Level::Warning => self.fg(Color::Yellow).add_modifier(bold),
            Level::Alarm => self.fg(Color::Red).add_modifier(bold),
            Level::Over => self.fg(Color::LightRed).add_modifier(bold),
        }
    }

    fn phase_colour(&self, phase: Phase) -> Style {
        match phase {
            Phase::Waiting => self.fg(Color::Gray),
            Phase::Pitch => self.fg(Color::Green),
            Phase::Questions => self.fg(Color::Cyan),
            Phase::Scoring => self.fg(Color::Magenta),
        }
    }

    /// The phase badge: colour, and a distinct emphasis without colour.
    pub fn phase(&self, phase: Phase) -> Style {
        let base = self.phase_colour(phase).add_modifier(Modifier::BOLD);
        match phase {
            Phase::Waiting => base,
            Phase::Pitch => base.add_modifier(Modifier::REVERSED),
            Phase::Questions => base.add_modifier(Modifier::UNDERLINED),
            Phase::Scoring => base.add_modifier(Modifier::ITALIC),
        }
    }

    pub fn title(&self) -> Style {
        self.fg(Color::White).add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn notice(&self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn late(&self, late: bool) -> Style {
        if late {
            self.fg(Color::Red).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::Green)
        }
    }
}

/// The sign that tells a phase apart without colour (`?` is the help key,
/// so questions have their own sign); paused shows `⏸`.
pub fn phase_sign(phase: Phase, running: bool) -> &'static str {
    match phase {
        _ if !running && phase != Phase::Waiting => "⏸",
        Phase::Waiting => "○",
        Phase::Pitch => "▶",
        Phase::Questions => "◆",
        Phase::Scoring => "✎",
    }
}

/// A phase's name, with a sign that tells phases apart without colour.
pub fn phase_label(phase: Phase, running: bool, lang: Lang) -> String {
    let sign = phase_sign(phase, true);
    let name = match phase {
        Phase::Waiting => lang.t("EN ATTENTE", "WAITING"),
        Phase::Pitch => lang.t("PITCH", "PITCH"),
        Phase::Questions => lang.t("QUESTIONS", "QUESTIONS"),
        Phase::Scoring => lang.t("NOTATION", "SCORING"),
    };
    if !running && phase != Phase::Waiting {
        format!("{sign} {name} · ⏸ {}", lang.t("EN PAUSE", "PAUSED"))
    } else {
        format!("{sign} {name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHASES: [Phase; 4] = [
        Phase::Waiting,
        Phase::Pitch,
        Phase::Questions,
        Phase::Scoring,
    ];

    #[test]
    fn without_colour_phases_still_differ() {
        let mono = Theme::new(false);
        for (i, a) in PHASES.iter().enumerate() {
            for b in &PHASES[i + 1..] {
                assert_ne!(mono.phase(*a), mono.phase(*b), "{a:?} and {b:?}");
                for lang in [Lang::Fr, Lang::En] {
                    assert_ne!(phase_label(*a, true, lang), phase_label(*b, true, lang));
                }
            }
            assert_eq!(mono.phase(*a).fg, None, "no colour");
        }
        assert!(phase_label(Phase::Pitch, false, Lang::En).contains("PAUSED"));
    }

    #[test]
    fn with_colour_the_levels_change_colour() {
        let colour = Theme::new(true);
        let fg = |l| colour.countdown(l, Phase::Pitch).fg;
        assert_eq!(fg(Level::Calm), Some(Color::Green));
        assert_eq!(fg(Level::Warning), Some(Color::Yellow));
        assert_eq!(fg(Level::Alarm), Some(Color::Red));
        assert_eq!(fg(Level::Over), Some(Color::LightRed));
    }
}
