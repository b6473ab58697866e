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
    assert_eq!(
        session.value(&"T01".into(), &"J03".into(), &"utilite".into()),
        None
    );
}

#[test]
fn a_letter_mid_value_keeps_the_value_and_marks_nobody() {
    let _one = one_at_a_time();
    let (dir, file) = demo_copy();
    let mut term = run_fr(&file, dir.path());
    reach_grid(&mut term);
    term.type_keys("12a");
    let screen = term.wait_text("Validez (Entrée) ou effacez (Échap)");
    let j03 = line(&screen, "J03 Sylvie").expect("J03's row");
    assert!(j03.contains("12_]"), "the 12 is still typed: {j03}");
    assert!(
        !j03.to_lowercase().contains("abs"),
        "J03 not marked absent: {j03}"
    );
    term.type_keys("\n");
    term.wait_until("the 12 saved", |s| {
        s.contains("✓ enregistré") && line(s, "J03 Sylvie").is_some_and(|l| l.contains(" 12 "))
    });
    term.kill9();
    let session = storage::load(&file).expect("the session reads");
    assert_eq!(
        session
            .sheet(&"T01".into(), &"J03".into())
            .and_then(|s| s.mark),
        None
    );
    assert_eq!(
        session
            .value(&"T01".into(), &"J03".into(), &"utilite".into())
            .map(|v| v.to_string()),
        Some("12".into())
    );
}

#[test]
fn a_pasted_text_is_never_taken_as_keys() {
    let _one = one_at_a_time();
    let (dir, file) = demo_copy();
    let mut term = run_fr(&file, dir.path());
    reach_grid(&mut term);
    let before = common::journal_lines(&file).len();
    term.send("\x1b[200~Ayvyqy\x1b[201~");
    let screen = term.wait_text("Collage refusé");
    assert!(screen.contains("T01 · Les Toqués du self"), "{screen}");
    // Still running: a key still answers.
    term.type_keys("14\n");
    term.wait_until("the 14 saved", |s| {
        s.contains("✓ enregistré") && line(s, "J03 Sylvie").is_some_and(|l| l.contains(" 14 "))
    });
    term.kill9();
    assert_eq!(
        common::journal_lines(&file).len(),
        before + 1,
        "only the 14 was saved"
    );
    let session = storage::load(&file).expect("the session reads");
    assert!(session.verified.is_empty(), "nothing verified");
    for juror in &session.jurors {
        let mark = session.sheet(&"T01".into(), &juror.id).and_then(|s| s.mark);
        assert_eq!(mark, None, "{} marked", juror.id);
    }
}

#[test]
fn the_french_top_row_types_digits_and_one_pasted_number_fills_the_cell() {
    let _one = one_at_a_time();
    let (dir, file) = demo_copy();
    let mut term = run_fr(&file, dir.path());
    reach_grid(&mut term);
    term.type_keys("&à\n");
    term.wait_until("the 10 saved", |s| {
        s.contains("✓ enregistré") && line(s, "J03 Sylvie").is_some_and(|l| l.contains(" 10 "))
    });
    term.send("\x1b[200~13,5\x1b[201~");
    term.wait_until("the pasted number typed", |s| {
        line(s, "J03 Sylvie").is_some_and(|l| l.contains("13,5_]"))
    });
    term.type_keys("\n");
    term.wait_until("the 13,5 saved", |s| {
        line(s, "J03 Sylvie").is_some_and(|l| l.contains(" 13,5 ") && !l.contains('_'))
    });
    term.kill9();
    let session = storage::load(&file).expect("the session reads");
    let v = |c: &str| {
        session
            .value(&"T01".into(), &"J03".into(), &c.into())
            .map(|v| v.to_string())
    };
    assert_eq!(v("utilite"), Some("10".into()));
    assert_eq!(v("faisabilite"), Some("13.5".into()));
}
