//! An ending signal leaves the terminal as it was: `podium run` started by
//! `dash` in a pseudo-terminal, sent SIGTERM, then `stty -a` run by the
//! same shell reads the terminal's mode.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::cli::podium;
use common::pty::{Term, one_at_a_time};
use portable_pty::CommandBuilder;

const BIN: &str = env!("CARGO_BIN_EXE_podium");

/// The pid of the one child of `parent` (the shell's `podium`).
fn child_of(parent: u32) -> u32 {
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        let path = format!("/proc/{parent}/task/{parent}/children");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if let Some(pid) = text.split_whitespace().next() {
            return pid.parse().expect("a pid");
        }
        assert!(Instant::now() < end, "no child of {parent}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn run_under_dash(dir: &Path, signal: &str) -> String {
    assert!(
        podium(dir, &["new", "forum.json", "--lang", "en"])
            .status
            .success()
    );
    let mut cmd = CommandBuilder::new("dash");
    cmd.arg("-c");
    cmd.arg(format!(
        "'{BIN}' run forum.json --lang en; echo EXIT=$?; stty -a"
    ));
    cmd.env("TERM", "xterm-256color");
    cmd.env("PODIUM_DATA_DIR", dir.join("data"));
    cmd.cwd(dir);
    let term = Term::spawn(cmd, 40, 200, Duration::from_secs(15));
    term.wait_text("[Stage]");
    let shell = term.child.process_id().expect("the shell's pid");
    let pid = child_of(shell).to_string();
    let sent = Command::new("kill").args([signal, &pid]).status().unwrap();
    assert!(sent.success());
    term.wait_text("EXIT=");
    term.wait_for("stty's report", |_| {
        let text = String::from_utf8_lossy(&term.raw()).to_string();
        let report = text[text.find("EXIT=")?..].to_string();
        report.contains("icanon").then_some(report)
    })
}

/// Whether stty reports `flag` on (`icanon`, not `-icanon`).
fn on(report: &str, flag: &str) -> bool {
    report
        .split(|c: char| c.is_whitespace() || c == ';')
        .any(|w| w == flag)
}

#[test]
fn sigterm_under_dash_leaves_the_terminal_cooked() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let report = run_under_dash(dir.path(), "-TERM");
    assert!(report.starts_with("EXIT=0"), "{report}");
    assert!(on(&report, "icanon"), "{report}");
    assert!(on(&report, "echo"), "{report}");
    let raw =
        String::from_utf8_lossy(&std::fs::read(dir.path().join("forum.json")).unwrap()).to_string();
    assert!(raw.contains("\"format\""), "the session file is intact");
}

#[test]
fn sighup_sigint_and_sigquit_leave_it_cooked_too() {
    let _serial = one_at_a_time();
    for signal in ["-HUP", "-INT", "-QUIT"] {
        let dir = tempfile::tempdir().unwrap();
        let report = run_under_dash(dir.path(), signal);
        assert!(on(&report, "icanon"), "{signal}: {report}");
        assert!(on(&report, "echo"), "{signal}: {report}");
    }
}
