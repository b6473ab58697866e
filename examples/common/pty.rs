//! `podium` in a pseudo-terminal, its screen read back through a terminal
//! emulator (vt100): for the measurements of the real program.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

pub const ROWS: u16 = 40;
pub const COLS: u16 = 120;

/// A program running in a pseudo-terminal.
pub struct Term {
    pub child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    pub parser: vt100::Parser,
}

impl Term {
    /// Start `program args…` in a 120×40 terminal without colours.
    pub fn spawn<S: AsRef<OsStr>>(program: S, args: &[S]) -> Term {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (tx, output) = mpsc::channel();
        thread::spawn(move || {
            let mut buf = [0u8; 16384];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Term {
            child,
            output,
            writer,
            parser: vt100::Parser::new(
                NonZeroU16::new(ROWS).expect("rows"),
                NonZeroU16::new(COLS).expect("cols"),
                0,
            ),
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    pub fn contents(&self) -> String {
        self.parser.screen().contents()
    }

    /// Read output until `ok` holds on the screen (at most `limit`); the
    /// time it took.
    pub fn until_within(
        &mut self,
        what: &str,
        limit: Duration,
        ok: impl Fn(&str) -> bool,
    ) -> Duration {
        let start = Instant::now();
        loop {
            if ok(&self.contents()) {
                return start.elapsed();
            }
            match self.output.recv_timeout(limit) {
                Ok(bytes) => self.parser.process(&bytes),
                Err(_) => panic!("timed out waiting for {what}:\n{}", self.contents()),
            }
        }
    }

    /// [`Term::until_within`] 10 s.
    pub fn until(&mut self, what: &str, ok: impl Fn(&str) -> bool) -> Duration {
        self.until_within(what, Duration::from_secs(10), ok)
    }

    /// Type `digit` then Enter in the grid (`--lang en`); the time from
    /// Enter until the screen shows the change saved, and the time the
    /// digit took to show. Saved means: the journal grew past `journal_len`
    /// (its line is synced before the screen may say so) and, in output
    /// that came after Enter, the status line says `saved` (it says
    /// `saving…` until the save's outcome is back). Returns the journal's
    /// new length too.
    pub fn type_value(
        &mut self,
        digit: &str,
        journal: &std::path::Path,
        journal_len: u64,
    ) -> (Duration, Duration, u64) {
        let t = Instant::now();
        self.send(digit);
        let typed_mark = format!("{digit}_]");
        self.until("the digit typed", |s| s.contains(&typed_mark));
        let typed = t.elapsed();
        let t = Instant::now();
        self.send("\r");
        let limit = Duration::from_secs(120);
        let mut output_since_enter = false;
        loop {
            let len = std::fs::metadata(journal).map_or(0, |m| m.len());
            let said_saved = self
                .contents()
                .lines()
                .rev()
                .nth(1)
                .is_some_and(|l| l.trim_end().ends_with("· saved"));
            if output_since_enter && len > journal_len && said_saved {
                return (t.elapsed(), typed, len);
            }
            match self.output.recv_timeout(limit) {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    output_since_enter = true;
                }
                Err(_) => panic!(
                    "timed out waiting for the value saved:\n{}",
                    self.contents()
                ),
            }
        }
    }
}
