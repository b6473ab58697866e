//! The chrome in real hands, end to end: F1–F7 jump straight to a screen
//! (a digit stays a value in the grid), the header's tabs keep five letters
//! at 80×24, the `?` overlay names the session file, the status line says
//! the work is saved in words.

mod common;

use std::path::Path;
use std::time::Duration;

use common::pty::{Term, current_screen, line, one_at_a_time, podium_command};

fn spawn(data: &Path, args: &[&str]) -> Term {
    let mut cmd = podium_command();
    cmd.args(args);
    cmd.env("PODIUM_DATA_DIR", data);
    cmd.env("NO_COLOR", "1");
    cmd.env("LANG", "C");
    cmd.cwd(data);
    Term::spawn(cmd, 24, 80, Duration::from_secs(15))
}

/// xterm's sequences for F1–F7.
const F: [&str; 7] = [
    "\x1bOP", "\x1bOQ", "\x1bOR", "\x1bOS", "\x1b[15~", "\x1b[17~", "\x1b[18~",
];

fn jump(term: &mut Term, n: usize, name: &str) -> String {
    term.send(F[n - 1]);
    term.wait_until(name, |s| current_screen(s).as_deref() == Some(name))
}

#[test]
fn f_keys_jump_straight_to_a_screen_and_digits_stay_values_in_the_grid() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let mut term = spawn(dir.path(), &["demo", "--lang", "fr"]);
    let first = term.wait_until("the stage, saved", |s| {
        s.contains("[Scène]") && line(s, "· enregistré").is_some()
    });
    // Every tab at least five letters at 80 columns.
    let header = first.lines().next().unwrap_or_default();
    for tab in ["Progr…", "Quest…", "Notes", "Compl…", "Résul…", "Régla…"] {
        assert!(header.contains(tab), "{tab}: {header}");
    }
    assert!(!first.contains("rév."), "{first}");
    let grid = jump(&mut term, 4, "Notes");
    let footer = grid.lines().last().unwrap_or_default();
    assert!(footer.contains("Tab"), "{footer}");
    // A digit is a value here, never a screen.
    term.send("7");
    let typed = term.wait_until("the 7 typed", |s| {
        s.lines().any(|l| l.starts_with('›') && l.contains('7'))
    });
    assert_eq!(current_screen(&typed).as_deref(), Some("Notes"), "{typed}");
    // Half-typed, the value stays in the grid while another screen shows.
    jump(&mut term, 6, "Résultats");
    jump(&mut term, 1, "Scène");
    jump(&mut term, 7, "Réglages");
    jump(&mut term, 2, "Programme");
    jump(&mut term, 5, "Complétude");
    jump(&mut term, 3, "Questions");
    // The `?` overlay names the session file.
    term.send("?");
    let help = term.wait_text("Fichier de session");
    let file = line(&help, "Fichier de session").unwrap_or_default();
    assert!(file.contains("forum.json"), "{file}");
    assert!(help.contains("F1–F7"), "{help}");
}
