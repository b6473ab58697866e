//! End to end through a real pseudo-terminal: keys a secretary presses in a
//! hurry on the grid (undo, a letter mid-value, a paste, the French top
//! row) change only what they should. One test at a time (a lock).

mod common;

use std::path::{Path, PathBuf};

use common::pty::{Term, line, one_at_a_time, run_fr};
use podium::storage;

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

/// Go to the score grid with Tab, on T01, J03's row (J01 and J02 are
/// from T01's organisation).
fn reach_grid(term: &mut Term) {
    term.wait_until("the live screen", |s| s.contains("Scène"));
    term.tab_to("Notes");
    term.wait_until("the grid on T01, J03's row", |s| {
        s.contains("T01 · Les Toqués du self")
            && line(s, "J03 Sylvie").is_some_and(|l| l.starts_with('›'))
    });
}

#[test]
fn undo_on_the_grid_leaves_the_running_pitch_running() {
    let _one = one_at_a_time();
    let (dir, file) = demo_copy();
    let mut term = run_fr(&file, dir.path());
    term.wait_until("the stage", |s| s.contains("Scène"));
    term.send(" "); // T01's pitch starts
    term.wait_until("T01 on stage", |s| {
        s.lines().next().is_some_and(|l| l.contains("T01"))
    });
    reach_grid(&mut term);
    term.type_keys("12\n");
    term.wait_until("the value saved", |s| {
        s.contains("✓ enregistré") && line(s, "J03 Sylvie").is_some_and(|l| l.contains(" 12 "))
    });
    term.send("u");
    term.wait_until("the value undone", |s| {
        s.contains("Annulé") && line(s, "J03 Sylvie").is_some_and(|l| !l.contains(" 12 "))
    });
    term.send("u");
    term.wait_text("Rien à annuler dans les notes");
    term.kill9();
    let session = storage::load(&file).expect("the session reads");
    assert_eq!(session.stage.team.as_deref(), Some("T01"));
    assert!(session.stage.is_running(), "the pitch still runs");
    assert_eq!(session.value("T01", "J03", "utilite"), None);
}
