//! End to end through a real pseudo-terminal: `h` on the Setup screen of
//! `podium run` shows the history read from the journal.

mod common;

use common::pty::{one_at_a_time, run_fr};
use common::{at, dec, set_cell};
use podium::domain::Operation;
use podium::storage;

#[test]
fn h_on_setup_shows_who_changed_what_from_the_journal() {
    let _one = one_at_a_time();
    let (dir, file) = common::folder();
    let mut s = common::session("history-e2e", 2, 2);
    s.teams[0].name = "Équipe 4".into();
    s.jurors[0].name = "M. Delcourt".into();
    storage::create(&file, &s, "tester", at(0)).expect("create");
    for (secs, seen, new) in [(60, None, "7"), (120, Some("7"), "8")] {
        let change = set_cell("T1", "J1", "c1", seen.map(dec), Some(dec(new)));
        let op = Operation::new(change, "secretary", at(secs));
        storage::commit(&file, &op, storage::CLI_WAIT).expect("commit");
    }
    let mut term = run_fr(&file, dir.path());
    term.wait_until("the live screen", |s| s.contains("Scène"));
    term.tab_to("Réglages");
    term.type_keys("h");
    term.wait_text("Historique — qui a changé quoi et quand");
    let screen = term.wait_until("the two changes", |s| s.contains("Impact 7 → 8"));
    assert!(
        screen.contains("secrétaire (terminal 2) : Équipe 4 · M. Delcourt · Impact vide → 7"),
        "{screen}"
    );
    term.send("\x1b");
    term.wait_until("the Setup screen again", |s| !s.contains("Historique"));
}
