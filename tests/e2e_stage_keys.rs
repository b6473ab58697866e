//! The moderator in a hurry, end to end: the real binary in a
//! pseudo-terminal. A burst of `n` moves the stage once.

mod common;

use std::path::Path;
use std::thread;
use std::time::Duration;

use common::pty::{Term, one_at_a_time, podium_command};

fn spawn(data: &Path, args: &[&str]) -> Term {
    let mut cmd = podium_command();
    cmd.args(args);
    cmd.env("PODIUM_DATA_DIR", data);
    cmd.env("LANG", "C");
    cmd.cwd(data);
    Term::spawn(cmd, 24, 80, Duration::from_secs(15))
}

/// The operations saved in the demo's journal.
fn saved(data: &Path) -> usize {
    common::journal_lines(&data.join("demo").join("forum.json")).len()
}

#[test]
fn four_n_in_six_tenths_of_a_second_move_one_phase() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let mut term = spawn(dir.path(), &["demo", "--lang", "en"]);
    term.wait_text("[Stage]");
    term.send(" ");
    term.wait_text("PITCH");
    let before = saved(dir.path());
    for i in 0..4 {
        if i > 0 {
            thread::sleep(Duration::from_millis(200));
        }
        term.send("n");
    }
    term.wait_text("Second n ignored");
    // `?` after the burst: once its overlay shows, every `n` was handled.
    term.send("?");
    let screen = term.wait_text("Keys");
    assert!(screen.contains("QUESTIONS"), "{screen}");
    assert!(!screen.contains("SCORING"), "{screen}");
    assert_eq!(saved(dir.path()), before + 1, "one operation saved");
}
