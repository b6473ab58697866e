//! The live interface end to end: the real binary in a pseudo-terminal,
//! read through a terminal emulator. One test at a time (a static mutex),
//! polling the screen with deadlines rather than sleeping fixed times.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

static SERIAL: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

const DEADLINE: Duration = Duration::from_secs(15);

/// The binary running in a pseudo-terminal of 80×24.
struct Term {
    child: Box<dyn Child + Send + Sync>,
    input: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote.
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Term {
    fn spawn(data: &Path, args: &[&str]) -> Term {
        Term::spawn_with(data, args, &[])
    }

    fn spawn_with(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Term {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_podium"));
        cmd.args(args);
        cmd.env("PODIUM_DATA_DIR", data);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(data);
        let child = pair.slave.spawn_command(cmd).expect("podium starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let input = pair.master.take_writer().expect("a writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(24).unwrap(),
            NonZeroU16::new(80).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        // Keep draining the output or the program blocks on a full pty.
        thread::spawn(move || {
            let _master = pair.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Term {
            child,
            input,
            parser,
            raw,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn send(&mut self, keys: &str) {
        self.input.write_all(keys.as_bytes()).unwrap();
        self.input.flush().unwrap();
    }

    /// Poll the screen until `found` gives a value, or fail at the deadline.
    fn wait_for<T>(&self, what: &str, found: impl Fn(&str) -> Option<T>) -> T {
        let end = Instant::now() + DEADLINE;
        loop {
            let screen = self.screen();
            if let Some(v) = found(&screen) {
                return v;
            }
            assert!(Instant::now() < end, "waited for {what}; screen:\n{screen}");
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contains(text).then_some(()));
    }

    fn kill_hard(&mut self) {
        let pid = self.child.process_id().expect("a pid");
        let status = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        self.child.wait().expect("the child ends");
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
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
    let mut term = Term::spawn(dir.path(), &["demo"]);
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
    let mut term = Term::spawn(dir.path(), &["demo", "--lang", "en"]);
    term.wait_text("[Stage]");
    term.send(" ");
    // Wait for a second flip so the reading is fresh.
    let start = term.wait_for("the countdown", |s| seconds_after(s, "Time left"));
    let at_kill = term.wait_for("a second less", |s| {
        seconds_after(s, "Time left").filter(|t| *t < start)
    });
    term.kill_hard();
    let killed = Instant::now();
    // Let a little time go by with nobody running, then reopen.
    while killed.elapsed() < Duration::from_millis(2500) {
        thread::sleep(Duration::from_millis(100));
    }
    let file = demo_file(dir.path());
    let term = Term::spawn(dir.path(), &["run", file.to_str().unwrap(), "--lang", "en"]);
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
    let mut term = Term::spawn(dir.path(), &["demo", "--lang", "en"]);
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
    let raw = term.raw.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("\x1b[?1049l"), "alternate screen left");
}

#[test]
fn the_stage_display_follows_the_live_session() {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let mut run = Term::spawn(dir.path(), &["demo", "--lang", "en"]);
    run.wait_text("[Stage]");
    let file = demo_file(dir.path());
    let display = Term::spawn(
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
    let mut slow = Term::spawn_with(dir.path(), &args, &[("PODIUM_TEST_HOLD_LOCK_MS", "3000")]);
    let mut other = Term::spawn(dir.path(), &args);
    slow.wait_text("[Stage]");
    other.wait_text("[Stage]");
    // Both press Space to start T01's pitch; the slow one first.
    slow.send(" ");
    slow.wait_text("Saving…");
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
