//! Colours and emphasis. With colour off (`NO_COLOR`) every distinction is
//! still made by text and by bold, reversed or underlined cells.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::Lang;
use crate::domain::stage::{Level, Phase};
use crate::words::stage::{self as words, Label};

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

    /// The countdown's big digits at a given urgency, in a given phase.
    /// Colour only marks the level there (reversed digits would vanish);
    /// the plain line under them carries the sign and the emphasis.
    pub fn countdown(&self, level: Level, phase: Phase) -> Style {
        let bold = Modifier::BOLD;
        match level {
            Level::Calm => self.phase_colour(phase).add_modifier(bold),
            Level::Warning => self.fg(Color::Yellow).add_modifier(bold),
            Level::Alarm => self.fg(Color::Red).add_modifier(bold),
            Level::Over => self.fg(Color::LightRed).add_modifier(bold),
        }
    }

    /// The countdown as plain text: the digits' colour, and an emphasis
    /// per level that holds without colour (warning underlined, alarm and
    /// overtime reversed).
    pub fn countdown_text(&self, level: Level, phase: Phase) -> Style {
        let style = self.countdown(level, phase);
        match level {
            Level::Calm => style,
            Level::Warning => style.add_modifier(Modifier::UNDERLINED),
            Level::Alarm | Level::Over => style.add_modifier(Modifier::REVERSED),
        }
    }

    /// The terminal's own foreground (readable on a dark or a light
    /// background) for what needs no colour of its own.
    fn phase_colour(&self, phase: Phase) -> Style {
        match phase {
            Phase::Waiting => Style::new(),
            Phase::Pitch => self.fg(Color::Green),
            Phase::Questions => self.fg(Color::Cyan),
            Phase::Scoring => self.fg(Color::Magenta),
            Phase::Break => self.fg(Color::Blue),
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
            Phase::Break => base.add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
        }
    }

    /// Titles and names: the terminal's own foreground in bold (never a
    /// hard-coded white, unreadable on a light background).
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The message to the speaker: reversed, so it stands out without colour.
    pub fn message(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
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
        Phase::Break => "◷",
    }
}

/// The sign before the countdown's plain text that tells the levels apart
/// without colour: `▲` at the warning, `‼` at the alarm and in overtime.
pub fn level_sign(level: Level) -> &'static str {
    match level {
        Level::Calm => "",
        Level::Warning => "▲ ",
        Level::Alarm | Level::Over => "‼ ",
    }
}

/// A phase's name, with a sign that tells phases apart without colour.
pub fn phase_label(phase: Phase, running: bool, lang: Lang) -> String {
    let sign = phase_sign(phase, true);
    let name = words::phase(phase, lang);
    if !running && phase != Phase::Waiting {
        format!("{sign} {name} · ⏸ {}", words::label(Label::Paused, lang))
    } else {
        format!("{sign} {name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHASES: [Phase; 5] = [
        Phase::Waiting,
        Phase::Pitch,
        Phase::Questions,
        Phase::Scoring,
        Phase::Break,
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

    #[test]
    fn without_colour_warning_and_alarm_still_differ() {
        let mono = Theme::new(false);
        let text = |l| mono.countdown_text(l, Phase::Pitch);
        let levels = [Level::Calm, Level::Warning, Level::Alarm];
        for (i, a) in levels.iter().enumerate() {
            for b in &levels[i + 1..] {
                assert_ne!(text(*a), text(*b), "{a:?} and {b:?}");
                assert_ne!(level_sign(*a), level_sign(*b), "{a:?} and {b:?}");
            }
            assert_eq!(text(*a).fg, None, "no colour");
        }
    }

    #[test]
    fn no_hard_coded_white_or_light_grey() {
        for color in [true, false] {
            let t = Theme::new(color);
            let mut styles = vec![t.title(), t.dim(), t.key(), t.message()];
            for phase in PHASES {
                styles.push(t.phase(phase));
                for level in [Level::Calm, Level::Warning, Level::Alarm, Level::Over] {
                    styles.push(t.countdown_text(level, phase));
                }
            }
            for s in styles {
                assert!(
                    !matches!(s.fg, Some(Color::White | Color::Gray)),
                    "{s:?} is unreadable on a light background"
                );
            }
        }
    }
}
