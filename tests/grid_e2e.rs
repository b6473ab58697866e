//! End to end through a real pseudo-terminal: the secretary's grid in
//! `podium run` on a copy of the demo forum. One test at a time (a lock),
//! every wait polls the screen against a deadline.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The pty tests of this file run one at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

const BIN: &str = env!("CARGO_BIN_EXE_podium");
const ROWS: u16 = 30;
const COLS: u16 = 100;
const DEADLINE: Duration = Duration::from_secs(20);

/// A copy of the demo forum in a fresh folder.
fn demo_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let file = dir.path().join("forum.json");
    std::fs::copy(root.join("forum.json"), &file).expect("copy state");
    std::fs::copy(
        root.join("forum.json.journal"),
        dir.path().join("forum.json.journal"),
    )
    .expect("copy journal");
    (dir, file)
}

struct Term {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    _master: Box<dyn MasterPty + Send>,
}

impl Term {
    fn run(file: &Path, data: &Path) -> Term {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.arg("run");
        cmd.arg(file);
        cmd.arg("--lang");
        cmd.arg("fr");
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        cmd.env("PODIUM_DATA_DIR", data);
        let child = pair.slave.spawn_command(cmd).expect("spawn podium");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (tx, output) = mpsc::channel();
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Term {
            child,
            writer,
            output,
            parser: vt100::Parser::new(
                NonZeroU16::new(ROWS).expect("rows"),
                NonZeroU16::new(COLS).expect("cols"),
                0,
            ),
            _master: pair.master,
        }
    }

    fn drain(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
        }
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Poll the screen until `ok` holds; fail with the screen at the deadline.
    fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let end = Instant::now() + DEADLINE;
        loop {
            self.drain(Duration::from_millis(50));
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < end,
                "timed out waiting for {what}; screen:\n{screen}"
            );
        }
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    /// Send keys one at a time, letting the screen follow.
    fn type_keys(&mut self, keys: &str) {
        for c in keys.chars() {
            let key = if c == '\n' {
                "\r".to_string()
            } else {
                c.to_string()
            };
            self.send(&key);
            self.drain(Duration::from_millis(5));
        }
    }

    /// SIGKILL: no chance to clean up or save anything more.
    fn kill9(&mut self) {
        let pid = self.child.process_id().expect("pid");
        let status = Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
        let end = Instant::now() + DEADLINE;
        while self.child.try_wait().expect("wait").is_none() {
            assert!(Instant::now() < end, "podium survived SIGKILL");
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The line of the screen that contains `needle`, if any.
fn line<'a>(screen: &'a str, needle: &str) -> Option<&'a str> {
    screen.lines().find(|l| l.contains(needle))
}

/// The screen named in brackets in the header, e.g. `[Notes]`.
fn current_screen(screen: &str) -> Option<String> {
    let header = screen.lines().next()?;
    let start = header.find('[')?;
    let end = header[start..].find(']')? + start;
    Some(header[start + 1..end].to_string())
}

/// Press Tab until the header shows `name`, waiting for each screen change
/// to be drawn before the next Tab.
fn tab_to(term: &mut Term, name: &str) {
    let mut here = term.wait_for("the header", |s| current_screen(s).is_some());
    for _ in 0..8 {
        let current = current_screen(&here).unwrap_or_default();
        if current == name {
            return;
        }
        term.send("\t");
        here = term.wait_for("the next screen", |s| {
            current_screen(s).is_some_and(|c| c != current)
        });
    }
    panic!("{name} not reached with Tab:\n{here}");
}

/// Go to the score grid with Tab from wherever `run` opens.
fn reach_grid(term: &mut Term) {
    term.wait_for("the live screen", |s| s.contains("Scène"));
    tab_to(term, "Notes");
    term.wait_for("the score grid", |s| {
        line(s, "Juré").is_some_and(|l| l.contains("Total"))
    });
}

#[test]
fn six_values_typed_are_all_on_disk_after_sigkill() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (dir, file) = demo_copy();
    let mut term = Term::run(&file, dir.path());
    reach_grid(&mut term);
    // T01 is from the Somme, like J01 and J02: the grid opens on J03.
    term.wait_for("the grid on T01, J03's row", |s| {
        s.contains("T01 · Les Toqués du self")
            && line(s, "J03 Sylvie").is_some_and(|l| l.starts_with('›'))
    });
    // Five criteria for J03, Enter past the paper total, one for J04.
    term.type_keys("12\n13,5\n14\n15.5\n4\n\n16\n");
    let screen = term.wait_for("the sixth value saved", |s| {
        s.contains("✓ enregistré")
            && line(s, "J04 Patrick").is_some_and(|l| l.contains(" 16 ") && !l.contains('…'))
    });
    let j03 = line(&screen, "J03 Sylvie").expect("J03's row");
    for v in ["12", "13,5", "14", "15,5", "4"] {
        assert!(j03.contains(&format!(" {v} ")), "{v} on J03's row: {j03}");
    }
    term.kill9();

    let out = Command::new(BIN)
        .args(["scores", "export"])
        .arg(&file)
        .args(["--lang", "fr"])
        .env("PODIUM_DATA_DIR", dir.path())
        .output()
        .expect("podium scores export");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).expect("utf-8");
    for row in [
        "T01;J03;utilite;12",
        "T01;J03;faisabilite;13,5",
        "T01;J03;transfert;14",
        "T01;J03;cooperation;15,5",
        "T01;J03;clarte;4",
        "T01;J04;utilite;16",
    ] {
        assert!(
            csv.lines().any(|l| l.trim() == row),
            "{row} missing from the export:\n{csv}"
        );
    }
}

#[test]
fn the_grid_stays_on_its_team_when_the_stage_moves_on() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (dir, file) = demo_copy();
    let mut term = Term::run(&file, dir.path());
    term.wait_for("the stage", |s| s.contains("Scène"));
    term.send(" "); // T01's pitch starts
    term.wait_for("T01 on stage", |s| {
        s.lines().next().is_some_and(|l| l.contains("T01"))
    });
    reach_grid(&mut term);
    term.wait_for("the grid on T01", |s| {
        s.contains("T01 · Les Toqués du self")
    });
    term.type_keys("12");
    // Back to the stage (Tab goes round), then on to the next team.
    tab_to(&mut term, "Scène");
    for _ in 0..6 {
        if term
            .screen()
            .lines()
            .next()
            .is_some_and(|l| l.contains("T02"))
        {
            break;
        }
        term.send("n");
        term.drain(Duration::from_millis(300));
    }
    term.wait_for("T02 on stage", |s| {
        s.lines().next().is_some_and(|l| l.contains("T02"))
    });
    reach_grid(&mut term);
    let screen = term.wait_for("the notice that the stage moved on", |s| {
        s.contains("Sur scène : T02")
    });
    assert!(screen.contains("T01 · Les Toqués du self"), "{screen}");
    assert!(screen.contains("cette grille reste sur T01"), "{screen}");
    let j03 = line(&screen, "J03 Sylvie").expect("J03's row");
    assert!(
        j03.contains("12_]"),
        "the half-typed value is still there: {j03}"
    );
    // The value still goes to T01, and PgDn moves the grid to T02.
    term.type_keys("\n");
    term.wait_for("the value saved on T01", |s| {
        s.contains("✓ enregistré") && line(s, "J03 Sylvie").is_some_and(|l| l.contains(" 12 "))
    });
    term.send("\x1b[6~"); // Page Down
    term.wait_for("the grid on T02", |s| {
        s.contains("T02 · Allô Solidarités") && !s.contains("Sur scène")
    });
}
