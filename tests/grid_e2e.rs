//! End to end through a real pseudo-terminal: the secretary's grid in
//! `podium run` on a copy of the demo forum. One test at a time (a lock),
//! every wait polls the screen against a deadline.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::Duration;

use common::cli::assert_ok;
use common::pty::{BIN, Term, line, one_at_a_time, run_fr};

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

/// Go to the score grid with Tab from wherever `run` opens.
fn reach_grid(term: &mut Term) {
    term.wait_until("the live screen", |s| s.contains("Scène"));
    term.tab_to("Notes");
    term.wait_until("the score grid", |s| {
        line(s, "Juré").is_some_and(|l| l.contains("Papier"))
    });
}

#[test]
fn six_values_typed_are_all_on_disk_after_sigkill() {
    let _one = one_at_a_time();
    let (dir, file) = demo_copy();
    let mut term = run_fr(&file, dir.path());
    reach_grid(&mut term);
    // T01 is from the Somme, like J01 and J02: the grid opens on J03.
    term.wait_until("the grid on T01, J03's row", |s| {
        s.contains("T01 · Les Toqués du self")
            && line(s, "J03 Sylvie").is_some_and(|l| l.starts_with('›'))
    });
    // Five criteria for J03, Enter past the paper total, one for J04.
    term.type_keys("12\n13,5\n14\n15.5\n4\n\n16\n");
    let screen = term.wait_until("the sixth value saved", |s| {
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
    assert_ok(&out);
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
    let _one = one_at_a_time();
    let (dir, file) = demo_copy();
    let mut term = run_fr(&file, dir.path());
    term.wait_until("the stage", |s| s.contains("Scène"));
    term.send(" "); // T01's pitch starts
    term.wait_until("T01 on stage", |s| {
        s.lines().next().is_some_and(|l| l.contains("T01"))
    });
    reach_grid(&mut term);
    term.wait_until("the grid on T01", |s| {
        s.contains("T01 · Les Toqués du self")
    });
    term.type_keys("12");
    // Back to the stage (Tab goes round), then on to the next team.
    term.tab_to("Scène");
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
        // A second `n` within a second is ignored.
        thread::sleep(Duration::from_millis(1100));
    }
    term.wait_until("T02 on stage", |s| {
        s.lines().next().is_some_and(|l| l.contains("T02"))
    });
    reach_grid(&mut term);
    let screen = term.wait_until("the notice that the stage moved on", |s| {
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
    term.wait_until("the value saved on T01", |s| {
        s.contains("✓ enregistré") && line(s, "J03 Sylvie").is_some_and(|l| l.contains(" 12 "))
    });
    term.send("\x1b[6~"); // Page Down
    term.wait_until("the grid on T02", |s| {
        s.contains("T02 · Allô Solidarités") && !s.contains("Sur scène")
    });
}
