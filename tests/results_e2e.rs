//! End to end through a real pseudo-terminal: the results screen of
//! `podium run` records the jury's decision on a tie at the cut-off, typed
//! in its text fields, and the decision is on disk.

mod common;

use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use common::cli::assert_ok;
use common::pty::{BIN, one_at_a_time, run_fr};

/// The deadline of `run_fr`'s waits, for the wait for podium to quit.
const DEADLINE: Duration = Duration::from_secs(20);

#[test]
fn a_decision_typed_on_the_results_screen_is_saved() {
    let _one = one_at_a_time();
    // T1 14; T2 and T3 12 each, tied over places 2 and 3; two laureates.
    let (dir, file) = common::folder();
    let s = common::tied_over_the_cutoff("results-e2e");
    podium::storage::create(&file, &s, "tester", common::at(0)).expect("create");

    let mut term = run_fr(&file, dir.path());
    term.wait_until("the live screen", |s| s.contains("Scène"));
    term.tab_to("Résultats");
    term.wait_until("the tie", |s| s.contains("ÉGALITÉ À LA LIMITE : T2, T3"));
    term.type_keys("d");
    term.wait_until("the form", |s| s.contains("Décision du jury"));
    // T2 down one place, then who (a q and a ? are text here) and why.
    term.type_keys("J\nPrésidente q?\n");
    term.wait_until("the reason field", |s| s.contains("Pourquoi ?"));
    term.type_keys("vote\n");
    term.wait_until("the decision shown", |s| {
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
    assert_ok(&out);
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
