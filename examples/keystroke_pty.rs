//! A grid keystroke measured end to end on the real program: `podium run`
//! on a copy of the demo forum in a pseudo-terminal, read back through a
//! terminal emulator. `scripts/measure-keystroke.sh` runs it.
//!
//! For each value: the digit is written to the terminal and timed until the
//! screen shows it typed; then `Enter` is written and timed until the
//! journal has grown and the status line says `saved`, which the program
//! draws only once the save has returned (journal line synced). Usage: `keystroke_pty PODIUM [COUNT] [DIR]`.

mod common;

use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use common::pty::Term;
use common::report;

const STATE: &str = include_str!("../assets/demo/forum.json");
const JOURNAL: &str = include_str!("../assets/demo/forum.json.journal");

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

    let mut term = Term::spawn(
        bin.as_os_str(),
        &[
            "run".as_ref(),
            file.as_os_str(),
            "--lang".as_ref(),
            "en".as_ref(),
        ],
    );
    term.until("the stage", |s| s.contains("[Stage]"));
    for name in ["[Schedule]", "[Questions]", "[Scores]"] {
        term.send("\t");
        term.until(name, |s| s.contains(name));
    }
    let journal = temp.path().join("forum.json.journal");
    let mut len = std::fs::metadata(&journal).map_or(0, |m| m.len());

    let mut typed = Vec::new();
    let mut saved = Vec::new();
    let criteria = 5;
    let mut col = 0;
    let mut row_in_team = 0;
    // Every team has 8 jurors who score it (two recused by Département).
    while saved.len() < count {
        if col == criteria {
            term.send("\r"); // past the paper total
            col = 0;
            row_in_team += 1;
            if row_in_team == 8 {
                term.send("\x1b[6~"); // Page Down: the next team
                row_in_team = 0;
            }
            thread::sleep(Duration::from_millis(20));
            continue;
        }
        let (save, typing, now) = term.type_value("4", &journal, len);
        len = now;
        saved.push(save);
        typed.push(typing);
        col += 1;
    }
    term.send("q");
    let _ = term.child.wait();
    report("Enter: value saved and shown saved", &mut saved);
    report("digit: shown typed", &mut typed);
}
