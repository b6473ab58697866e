//! The end-to-end harness: the real binary in a pseudo-terminal, its output
//! read by a thread into a terminal emulator. Tests of one file run one at a
//! time (`one_at_a_time`), and every wait polls the screen against a deadline
//! rather than sleeping fixed times.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

pub const BIN: &str = env!("CARGO_BIN_EXE_podium");

static SERIAL: Mutex<()> = Mutex::new(());

/// Hold this for the whole of a pty test: the tests of a file run one at a
/// time (cargo runs the test binaries one after another).
pub fn one_at_a_time() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// A command running the podium binary with `TERM=xterm-256color`; the
/// caller adds its arguments and environment.
pub fn podium_command() -> CommandBuilder {
    let mut cmd = CommandBuilder::new(BIN);
    cmd.env("TERM", "xterm-256color");
    cmd
}

/// `podium run FILE --lang fr` with `PODIUM_DATA_DIR=data` in a 100×30
/// terminal, without colours; waits fail after 20 s.
pub fn run_fr(file: &Path, data: &Path) -> Term {
    let mut cmd = podium_command();
    cmd.arg("run");
    cmd.arg(file);
    cmd.arg("--lang");
    cmd.arg("fr");
    cmd.env("NO_COLOR", "1");
    cmd.env("PODIUM_DATA_DIR", data);
    Term::spawn(cmd, 30, 100, Duration::from_secs(20))
}

/// `podium ARGS` in `dir` (its data folder `dir/data`), without colours,
/// in a `rows`×`cols` terminal; waits fail after 20 s.
pub fn spawn_in(dir: &Path, args: &[&str], rows: u16, cols: u16) -> Term {
    let mut cmd = podium_command();
    cmd.args(args);
    cmd.env("PODIUM_DATA_DIR", dir.join("data"));
    cmd.env("NO_COLOR", "1");
    cmd.cwd(dir);
    Term::spawn(cmd, rows, cols, Duration::from_secs(20))
}

/// The binary running in a pseudo-terminal.
pub struct Term {
    pub child: Box<dyn Child + Send + Sync>,
    input: Box<dyn Write + Send>,
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote.
    raw: Arc<Mutex<Vec<u8>>>,
    deadline: Duration,
}

impl Term {
    /// Start `cmd` in a `rows`×`cols` pseudo-terminal; every wait fails
    /// after `deadline`.
    pub fn spawn(cmd: CommandBuilder, rows: u16, cols: u16, deadline: Duration) -> Term {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let child = pair.slave.spawn_command(cmd).expect("podium starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let input = pair.master.take_writer().expect("a writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
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
            deadline,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Every byte the program wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    pub fn send(&mut self, keys: &str) {
        self.input.write_all(keys.as_bytes()).expect("write");
        self.input.flush().expect("flush");
    }

    /// Send keys one at a time (`\n` as Enter), letting the screen follow.
    pub fn type_keys(&mut self, keys: &str) {
        for c in keys.chars() {
            let key = if c == '\n' {
                "\r".to_string()
            } else {
                c.to_string()
            };
            self.send(&key);
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// Poll the screen until `found` gives a value; fail with the screen at
    /// the deadline.
    pub fn wait_for<T>(&self, what: &str, found: impl Fn(&str) -> Option<T>) -> T {
        let end = Instant::now() + self.deadline;
        loop {
            let screen = self.screen();
            if let Some(v) = found(&screen) {
                return v;
            }
            assert!(
                Instant::now() < end,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Poll the screen until `ok` holds; the screen that satisfied it.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_for(what, |s| ok(s).then(|| s.to_string()))
    }

    /// Poll the screen until it shows `text`; that screen.
    pub fn wait_text(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    /// Press Tab until the header shows `name`, waiting for each screen
    /// change to be drawn before the next Tab.
    pub fn tab_to(&mut self, name: &str) {
        let mut here = self.wait_until("the header", |s| current_screen(s).is_some());
        for _ in 0..8 {
            let current = current_screen(&here).unwrap_or_default();
            if current == name {
                return;
            }
            self.send("\t");
            here = self.wait_until("the next screen", |s| {
                current_screen(s).is_some_and(|c| c != current)
            });
        }
        panic!("{name} not reached with Tab:\n{here}");
    }

    /// SIGKILL: no chance to clean up or save anything more.
    pub fn kill9(&mut self) {
        let pid = self.child.process_id().expect("pid");
        let status = Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
        let end = Instant::now() + self.deadline;
        while self.child.try_wait().expect("wait").is_none() {
            assert!(Instant::now() < end, "podium survived SIGKILL");
            thread::sleep(Duration::from_millis(20));
        }
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

/// The line of the screen that contains `needle`, if any.
pub fn line<'a>(screen: &'a str, needle: &str) -> Option<&'a str> {
    screen.lines().find(|l| l.contains(needle))
}

/// The screen named in brackets in the header, e.g. `[Notes]`.
pub fn current_screen(screen: &str) -> Option<String> {
    let header = screen.lines().next()?;
    let start = header.find('[')?;
    let end = header[start..].find(']')? + start;
    Some(header[start + 1..end].to_string())
}
