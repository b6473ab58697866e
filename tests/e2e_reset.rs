//! `podium demo --reset` while the demo is open in `podium run`: the open
//! terminal says the session was replaced (and where the old one went) and
//! never saves its keystrokes into the new session. The real binary in a
//! pseudo-terminal, read through a terminal emulator.

mod common;

use std::path::Path;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use common::pty::{Term, one_at_a_time, podium_command};

const DEADLINE: Duration = Duration::from_secs(15);

/// The binary running with `args` in a 220×30 pseudo-terminal, wide enough
/// for the whole warning, backup path included.
fn spawn(data: &Path, args: &[&str]) -> Term {
    let mut cmd = podium_command();
    cmd.args(args);
    cmd.env("PODIUM_DATA_DIR", data);
    cmd.env("LANG", "C");
    cmd.cwd(data);
    Term::spawn(cmd, 30, 220, DEADLINE)
}

fn podium(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .env("PODIUM_DATA_DIR", data)
        .output()
        .expect("podium runs")
}

#[test]
fn a_reset_under_an_open_terminal_is_noticed_and_nothing_is_saved_into_the_new_session() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(podium(data, &["demo"]).status.success());
    let file = data.join("demo").join("forum.json");
    let path = file.to_str().unwrap();
    let journal = data.join("demo").join("forum.json.journal");
    let mut term = spawn(data, &["run", path, "--lang", "en"]);
    term.wait_text("[Stage]");
    // One change saved in the old session (after its creation and its
    // start moved to the next quarter hour): the pitch of T01 starts.
    term.send(" ");
    term.wait_text("Time left");
    let end = Instant::now() + DEADLINE;
    while std::fs::read_to_string(&journal).unwrap().lines().count() < 3 {
        assert!(Instant::now() < end, "the start was never saved");
        thread::sleep(Duration::from_millis(20));
    }

    let reset = podium(data, &["demo", "--reset", "--lang", "en"]);
    assert!(reset.status.success());
    let printed = String::from_utf8_lossy(&reset.stdout);
    let backup = printed
        .lines()
        .find_map(|l| l.strip_prefix("Previous copy (session and journal) moved to: "))
        .unwrap_or_else(|| panic!("no backup named:\n{printed}"))
        .trim()
        .to_string();
    assert_eq!(
        std::fs::read_to_string(Path::new(&backup).join("forum.json.journal"))
            .unwrap()
            .lines()
            .count(),
        3,
        "the old journal kept whole"
    );

    // The open terminal notices within its file check, names the backup.
    let screen = term.wait_text("replaced on disk");
    assert!(screen.contains(&backup), "{screen}");
    assert!(screen.contains("quit and reopen"), "{screen}");
    // Its next keystrokes are not saved into the new session: withdrawing
    // T02 would apply there as well (same teams, T02 active).
    term.send("\t");
    term.wait_text("[Schedule]");
    term.send("\x1b[B");
    term.send("w");
    let settle = Instant::now();
    while settle.elapsed() < Duration::from_millis(1000) {
        let lines = std::fs::read_to_string(&journal).unwrap().lines().count();
        assert_eq!(lines, 1, "nothing saved into the new session");
        thread::sleep(Duration::from_millis(50));
    }
    assert!(term.screen().contains("replaced on disk"));
    let check = podium(data, &["check", path]);
    assert!(check.status.success());
}

#[test]
fn a_reset_in_a_terminal_says_where_the_previous_copy_went_on_screen() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(podium(data, &["demo"]).status.success());
    let term = spawn(data, &["demo", "--reset", "--lang", "en"]);
    let screen = term.wait_text("[Stage]");
    let screen = if screen.contains("moved to:") {
        screen
    } else {
        term.wait_text("moved to:")
    };
    let backup = data.join("demo");
    assert!(
        screen.contains(&format!("{}/backup-", backup.display())),
        "{screen}"
    );
}
