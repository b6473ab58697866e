//! `podium run` on a generated forum of T teams × 60 jurors × 6 criteria,
//! in a pseudo-terminal: the first frame and values typed into team 1's
//! grid, each timed from Enter until the screen shows it saved. For
//! profiling the live path (e.g. `perf record`); the README's figures come
//! from `benches/session.rs`.
//!
//! Usage: `live_session PODIUM TEAMS [COUNT] [DIR] [-- WRAPPER…]`: the
//! session is created in DIR (default: target/) and removed afterwards
//! (COUNT 0: only created, kept, and its path printed);
//! WRAPPER, when given, runs before PODIUM (e.g. `perf record -g -o F --`).

mod common;
#[path = "../benches/common/forum.rs"]
mod forum;

use std::ffi::OsString;
use std::path::PathBuf;
use std::thread;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use podium::storage;

use common::pty::Term;
use common::report;

fn main() {
    let all: Vec<String> = std::env::args().skip(1).collect();
    let (args, wrapper) = match all.iter().position(|a| a == "--") {
        Some(i) => (all[..i].to_vec(), all[i + 1..].to_vec()),
        None => (all, Vec::new()),
    };
    let usage = "usage: live_session PODIUM TEAMS [COUNT] [DIR] [-- WRAPPER…]";
    let bin = std::fs::canonicalize(args.first().expect(usage)).expect("the podium binary");
    let teams: usize = args.get(1).and_then(|a| a.parse().ok()).expect(usage);
    let count: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(60);
    let dir = PathBuf::from(args.get(3).map_or("target", String::as_str));
    let temp = tempfile::tempdir_in(&dir).expect("temp dir");
    let file = temp.path().join("forum.json");
    let mut session = forum::forum(teams);
    let first = session.teams[0].id.clone();
    session.sheets.retain(|k, _| k.team != first);
    let at = Utc.with_ymd_and_hms(2026, 5, 12, 9, 0, 0).unwrap();
    storage::create(&file, &session, "bench", at).expect("session written");
    drop(session);
    eprintln!("created {}", file.display());
    if count == 0 {
        // Only the session, kept for other measurements.
        let kept = temp.keep();
        println!("{}", kept.join("forum.json").display());
        return;
    }

    let mut program: Vec<OsString> = wrapper.iter().map(OsString::from).collect();
    program.push(bin.into_os_string());
    for a in [file.as_os_str(), "--lang".as_ref(), "en".as_ref()] {
        program.push(a.to_os_string());
    }
    program.insert(wrapper.len() + 1, "run".into());
    let start = Instant::now();
    let mut term = Term::spawn(
        program[0].as_os_str(),
        &program
            .iter()
            .skip(1)
            .map(|a| a.as_os_str())
            .collect::<Vec<_>>(),
    );
    term.until_within("the stage", Duration::from_secs(120), |s| {
        s.contains("[Stage]")
    });
    println!("first frame: {:.3} s", start.elapsed().as_secs_f64());
    for name in ["[Schedule]", "[Questions]", "[Scores]"] {
        term.send("\t");
        term.until(name, |s| s.contains(name));
    }
    let journal = temp.path().join("forum.json.journal");
    let mut len = std::fs::metadata(&journal).map_or(0, |m| m.len());
    let mut saved = Vec::new();
    let mut typed = Vec::new();
    while saved.len() < count {
        for _ in 0..forum::CRITERIA.len() {
            let (save, typing, now) = term.type_value("4", &journal, len);
            len = now;
            saved.push(save);
            typed.push(typing);
        }
        term.send("\r"); // past the paper total, to the next juror
        thread::sleep(Duration::from_millis(20));
    }
    term.send("q");
    let _ = term.child.wait();
    report("Enter: value saved and shown saved", &mut saved);
    report("digit: shown typed", &mut typed);
}
