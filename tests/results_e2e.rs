//! End to end through a real pseudo-terminal: the results screen of
//! `podium run` records the jury's decision on a tie at the cut-off, typed
//! in its text fields, and the decision is on disk.

mod common;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use podium::domain::SheetKey;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const BIN: &str = env!("CARGO_BIN_EXE_podium");
const ROWS: u16 = 30;
const COLS: u16 = 100;
const DEADLINE: Duration = Duration::from_secs(20);

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
}

impl Drop for Term {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The screen named in brackets in the header, e.g. `[Résultats]`.
fn current_screen(screen: &str) -> Option<String> {
    let header = screen.lines().next()?;
    let start = header.find('[')?;
    let end = header[start..].find(']')? + start;
    Some(header[start + 1..end].to_string())
}

/// Press Tab until the header shows `name`.
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

#[test]
fn a_decision_typed_on_the_results_screen_is_saved() {
    // T1 14; T2 and T3 12 each, tied over places 2 and 3; two laureates.
    let (dir, file) = common::folder();
    let mut s = common::session("results-e2e", 4, 2);
    s.settings.laureates = 2;
    for (team, c1, c2) in [
        ("T1", "9", "10"),
        ("T2", "8", "8"),
        ("T3", "8", "8"),
        ("T4", "2", "2"),
    ] {
        for juror in ["J1", "J2"] {
            let sheet = s.sheets.entry(SheetKey::new(team, juror)).or_default();
            sheet.values.insert("c1".into(), common::dec(c1));
            sheet.values.insert("c2".into(), common::dec(c2));
        }
    }
    podium::storage::create(&file, &s, "tester", common::at(0)).expect("create");

    let mut term = Term::run(&file, dir.path());
    term.wait_for("the live screen", |s| s.contains("Scène"));
    tab_to(&mut term, "Résultats");
    term.wait_for("the tie", |s| s.contains("ÉGALITÉ À LA LIMITE : T2, T3"));
    term.type_keys("d");
    term.wait_for("the form", |s| s.contains("Décision du jury"));
    // T2 down one place, then who (a q and a ? are text here) and why.
    term.type_keys("J\nPrésidente q?\n");
    term.wait_for("the reason field", |s| s.contains("Pourquoi ?"));
    term.type_keys("vote\n");
    term.wait_for("the decision shown", |s| {
        s.contains("départagée par le jury : ordre T3, T2") && !s.contains("Enregistrement")
    });
    term.type_keys("q");
    let end = Instant::now() + DEADLINE;
    while term.child.try_wait().expect("wait").is_none() {
        assert!(Instant::now() < end, "podium did not quit");
        thread::sleep(Duration::from_millis(20));
    }

    let out = Command::new(BIN)
        .args(["results"])
        .arg(&file)
        .args(["--format", "json"])
        .env("PODIUM_DATA_DIR", dir.path())
        .output()
        .expect("podium results");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let d = &json["decisions"][0];
    assert_eq!(d["kind"], "order");
    assert_eq!(d["teams"], serde_json::json!(["T3", "T2"]));
    assert_eq!(d["by"], "Présidente q?");
    assert_eq!(d["reason"], "vote");
    assert_eq!(json["cutoff_tie"], false);
    let laureates: Vec<&str> = json["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["laureate"] == true)
        .map(|r| r["team"].as_str().unwrap())
        .collect();
    assert_eq!(laureates, vec!["T1", "T3"]);
}
