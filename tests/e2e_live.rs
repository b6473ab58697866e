//! The live interface end to end: the real binary in a pseudo-terminal,
//! read through a terminal emulator. One test at a time (a static mutex),
//! polling the screen with deadlines rather than sleeping fixed times.

mod common;

use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use common::pty::{Term, one_at_a_time, podium_command};

const DEADLINE: Duration = Duration::from_secs(15);

/// The binary running with `args` in a pseudo-terminal of 80×24.
fn spawn(data: &Path, args: &[&str]) -> Term {
    spawn_with(data, args, &[])
}

fn spawn_with(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Term {
    let mut cmd = podium_command();
    cmd.args(args);
    cmd.env("PODIUM_DATA_DIR", data);
    cmd.env("LANG", "C");
    cmd.env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.cwd(data);
    Term::spawn(cmd, 24, 80, DEADLINE)
}

/// Seconds shown after `label` on the screen (`2:58` → 178).
fn seconds_after(screen: &str, label: &str) -> Option<i64> {
    let rest = &screen[screen.find(label)? + label.len()..];
    let time: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    let (m, s) = time.split_once(':')?;
    Some(m.parse::<i64>().ok()? * 60 + s.parse::<i64>().ok()?)
}

fn demo_file(data: &Path) -> PathBuf {
    data.join("demo").join("forum.json")
}

#[test]
fn the_demo_opens_on_the_stage_and_space_starts_the_countdown() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let mut term = spawn(dir.path(), &["demo"]);
    term.wait_text("[Scène]");
    term.wait_text("Espace pour commencer");
    assert!(
        term.screen().contains("À appeler · T01"),
        "{}",
        term.screen()
    );
    term.send(" ");
    let first = term.wait_for("the countdown", |s| seconds_after(s, "Temps restant"));
    assert!((170..=180).contains(&first), "{first}");
    let later = term.wait_for("a second less", |s| {
        seconds_after(s, "Temps restant").filter(|t| *t < first)
    });
    assert!(later < first);
    assert!(term.screen().contains("PITCH"));
}

#[test]
fn after_a_kill_the_countdown_resumes_where_it_really_is() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let mut term = spawn(dir.path(), &["demo", "--lang", "en"]);
    term.wait_text("[Stage]");
    term.send(" ");
    // Wait for a second flip so the reading is fresh.
    let start = term.wait_for("the countdown", |s| seconds_after(s, "Time left"));
    let at_kill = term.wait_for("a second less", |s| {
        seconds_after(s, "Time left").filter(|t| *t < start)
    });
    term.kill9();
    let killed = Instant::now();
    // Let a little time go by with nobody running, then reopen.
    while killed.elapsed() < Duration::from_millis(2500) {
        thread::sleep(Duration::from_millis(100));
    }
    let file = demo_file(dir.path());
    let term = spawn(dir.path(), &["run", file.to_str().unwrap(), "--lang", "en"]);
    let shown = term.wait_for("the countdown", |s| seconds_after(s, "Time left"));
    let expected = at_kill - killed.elapsed().as_secs() as i64;
    assert!(
        (shown - expected).abs() <= 2,
        "shown {shown}, expected {expected} (at kill {at_kill})"
    );
    // Still running.
    term.wait_for("the countdown to go on", |s| {
        seconds_after(s, "Time left").filter(|t| *t < shown)
    });
}

#[test]
fn q_then_y_quits_and_restores_the_terminal() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let mut term = spawn(dir.path(), &["demo", "--lang", "en"]);
    term.wait_text("[Stage]");
    term.send(" ");
    term.wait_text("Time left");
    term.send("q");
    term.wait_text("A timer is running");
    term.send("y");
    let end = Instant::now() + DEADLINE;
    let status = loop {
        if let Some(status) = term.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < end, "still running:\n{}", term.screen());
        thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
    // Left the alternate screen and showed the cursor again.
    term.wait_for("the main screen", |_| {
        let p = term.parser.lock().unwrap();
        (!p.screen().alternate_screen() && !p.screen().hide_cursor()).then_some(())
    });
    let raw = term.raw();
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("\x1b[?1049l"), "alternate screen left");
}

#[test]
fn the_stage_display_follows_the_live_session() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let mut run = spawn(dir.path(), &["demo", "--lang", "en"]);
    run.wait_text("[Stage]");
    let file = demo_file(dir.path());
    let display = spawn(
        dir.path(),
        &["display", file.to_str().unwrap(), "--lang", "en"],
    );
    display.wait_text("Pitch of 3:00");
    assert!(
        !display.screen().contains("[Stage]"),
        "no screens to switch to:\n{}",
        display.screen()
    );
    run.send(" ");
    let shown = display.wait_for("the countdown", |s| seconds_after(s, "Time left"));
    let live = run.wait_for("the countdown", |s| seconds_after(s, "Time left"));
    assert!((shown - live).abs() <= 1, "display {shown}, run {live}");
    run.send("n");
    display.wait_text("QUESTIONS");
}

#[test]
fn a_locked_file_never_freezes_the_screen_and_nothing_happens_twice() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    // Install the demo copy, then open it in two terminals; the first one's
    // saves hold the lock for 3 s (a test-only switch).
    drop(
        std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
            .arg("demo")
            .env("PODIUM_DATA_DIR", dir.path())
            .output()
            .expect("podium demo runs"),
    );
    let file = demo_file(dir.path());
    let path = file.to_str().unwrap();
    let args = ["run", path, "--lang", "en"];
    let mut slow = spawn_with(dir.path(), &args, &[("PODIUM_TEST_HOLD_LOCK_MS", "3000")]);
    let mut other = spawn(dir.path(), &args);
    slow.wait_text("[Stage]");
    other.wait_text("[Stage]");
    // Both press Space to start T01's pitch; the slow one first.
    slow.send(" ");
    slow.wait_text("· saving…");
    other.send(" ");
    other.wait_text("trying again");
    // Still answering keys while the save waits.
    other.send("\t");
    other.wait_text("[Schedule]");
    other.send("\x1b[Z");
    other.wait_text("[Stage]");
    // The first press wins; the second is refused, not done twice.
    other.wait_text("nothing was done twice");
    other.wait_text("Time left");
    slow.wait_text("Time left");
    let log = std::fs::read_to_string(format!("{path}.journal")).unwrap();
    assert_eq!(
        log.matches("set_stage").count(),
        1,
        "one start in the journal"
    );
}
