//! End to end through a real pseudo-terminal: on the score grid, the key
//! that makes a decision of the jury stale warns at once, naming its
//! teams, and the results then say what `d` does about it.

mod common;

use std::thread;
use std::time::{Duration, Instant};

use common::cli::{podium, stdout};
use common::pty::{Term, line, one_at_a_time, podium_command};
use podium::domain::{Decision, DecisionKind};

#[test]
fn the_grid_warns_at_the_key_that_voids_a_decision() {
    let _one = one_at_a_time();
    // T1 ahead; T2 and T3 tied over places 2 and 3, ordered by the jury.
    let (dir, file) = common::folder();
    let mut s = common::tied_over_the_cutoff("decision-e2e");
    s.decisions.push(Decision {
        kind: DecisionKind::Order,
        teams: vec!["T3".into(), "T2".into()],
        by: "Présidente".into(),
        reason: "vote".into(),
        at: common::at(0),
    });
    podium::storage::create(&file, &s, "tester", common::at(0)).expect("create");

    // At 80×24: the warning fits one status line.
    let mut cmd = podium_command();
    cmd.arg("run");
    cmd.arg(&file);
    cmd.args(["--lang", "fr"]);
    cmd.env("NO_COLOR", "1");
    cmd.env("PODIUM_DATA_DIR", dir.path());
    let mut term = Term::spawn(cmd, 24, 80, Duration::from_secs(20));
    term.wait_until("the live screen", |s| s.contains("Scène"));
    term.tab_to("Notes");
    term.wait_until("the grid", |s| s.contains("Juré"));
    // To T2's grid; J1's first value 8 becomes 9: the tie is gone.
    term.send("\x1b[6~");
    term.wait_until("T2's grid", |s| s.contains("T2 ·"));
    term.type_keys("9\r");
    let screen = term.wait_until("the warning", |s| s.contains("rend caduque"));
    let warning = line(&screen, "rend caduque").unwrap_or_default();
    assert!(
        warning
            .contains("Attention : cette note rend caduque la décision sur T3, T2 (Résultats, d)."),
        "the whole warning on one line:\n{screen}"
    );
    term.wait_until("saved", |s| !s.contains("enregistrement…"));
    term.type_keys("q");
    let end = Instant::now() + Duration::from_secs(20);
    while term.child.try_wait().expect("wait").is_none() {
        assert!(Instant::now() < end, "podium did not quit");
        thread::sleep(Duration::from_millis(20));
    }
    // The value is on disk and the decision is stale there too.
    let out = podium(
        dir.path(),
        &["check", file.to_str().expect("utf-8"), "--lang", "fr"],
    );
    let said = stdout(&out);
    assert!(said.contains("1 décision caduque"), "{said}");
}
