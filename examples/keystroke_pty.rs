//! A grid keystroke measured end to end on the real program: `podium run`
//! on a copy of the demo forum in a pseudo-terminal, read back through a
//! terminal emulator. `scripts/measure-keystroke.sh` runs it.
//!
//! For each value: the digit is written to the terminal and timed until the
//! screen shows it typed; then `Enter` is written and timed until the
//! screen shows the session's next revision on the status line, which the
//! program draws only once the save has returned (journal line synced,
//! state file written). Usage: `keystroke_pty PODIUM [COUNT] [DIR]`.

use std::io::{Read, Write};
use std::num::NonZeroU16;
mod common;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use common::report;

const STATE: &str = include_str!("../assets/demo/forum.json");
const JOURNAL: &str = include_str!("../assets/demo/forum.json.journal");
const ROWS: u16 = 40;
const COLS: u16 = 120;

struct Screen {
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
}

impl Screen {
    /// Read output until `ok` holds on the screen; the time it took.
    fn until(&mut self, what: &str, ok: impl Fn(&str) -> bool) -> Duration {
        let start = Instant::now();
        loop {
            if ok(&self.parser.screen().contents()) {
                return start.elapsed();
            }
            match self.output.recv_timeout(Duration::from_secs(10)) {
                Ok(bytes) => self.parser.process(&bytes),
                Err(_) => panic!(
                    "timed out waiting for {what}:\n{}",
                    self.parser.screen().contents()
                ),
            }
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let bin = PathBuf::from(
        args.next()
            .expect("usage: keystroke_pty PODIUM [COUNT] [DIR]"),
    );
    let bin = std::fs::canonicalize(&bin).unwrap_or(bin);
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let dir = args.next().map(PathBuf::from);
    let temp = tempfile::tempdir_in(dir.as_deref().unwrap_or(Path::new("."))).expect("temp dir");
    let file = temp.path().join("forum.json");
    std::fs::write(&file, STATE).expect("state");
    std::fs::write(temp.path().join("forum.json.journal"), JOURNAL).expect("journal");

    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(&bin);
    cmd.args([
        "run".as_ref(),
        file.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
    ]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("NO_COLOR", "1");
    let mut child = pair.slave.spawn_command(cmd).expect("spawn podium");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    let (tx, output) = mpsc::channel();
    thread::spawn(move || {
        let mut buf = [0u8; 16384];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut screen = Screen {
        output,
        parser: vt100::Parser::new(
            NonZeroU16::new(ROWS).expect("rows"),
            NonZeroU16::new(COLS).expect("cols"),
            0,
        ),
    };
    let mut send = |keys: &str| {
        writer.write_all(keys.as_bytes()).expect("write");
        writer.flush().expect("flush");
    };
    screen.until("the stage", |s| s.contains("[Stage]"));
    for name in ["[Schedule]", "[Questions]", "[Scores]"] {
        send("\t");
        screen.until(name, |s| s.contains(name));
    }
    let revision = |s: &str| -> Option<u64> {
        let line = s.lines().rev().nth(1)?;
        line.rsplit("rev. ").next()?.trim().parse().ok()
    };
    let mut rev = {
        let s = screen.parser.screen().contents();
        revision(&s).expect("the revision on the status line")
    };

    let mut typed = Vec::new();
    let mut saved = Vec::new();
    let criteria = 5;
    let mut col = 0;
    let mut row_in_team = 0;
    // Every team has 8 jurors who score it (two recused by Département).
    while saved.len() < count {
        if col == criteria {
            send("\r"); // past the paper total
            col = 0;
            row_in_team += 1;
            if row_in_team == 8 {
                send("\x1b[6~"); // Page Down: the next team
                row_in_team = 0;
            }
            thread::sleep(Duration::from_millis(20));
            continue;
        }
        let t = Instant::now();
        send("4");
        screen.until("the digit typed", |s| s.contains("4_]"));
        typed.push(t.elapsed());
        let t = Instant::now();
        send("\r");
        let want = format!("rev. {}", rev + 1);
        screen.until("the value saved", |s| {
            s.lines()
                .rev()
                .nth(1)
                .is_some_and(|l| l.trim_end().ends_with(&want))
        });
        saved.push(t.elapsed());
        rev += 1;
        col += 1;
    }
    send("q");
    let _ = child.wait();
    report("Enter: value saved and shown saved", &mut saved);
    report("digit: shown typed", &mut typed);
}
