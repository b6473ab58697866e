//! End to end through a real pseudo-terminal: `S` on the results screen of
//! `podium run`, confirmed, seals the results: the ranking disappears from
//! the screen and `podium results` refuses, while the score grid still
//! saves a value; on disk the session is sealed and holds the value.

mod common;

use std::process::{Command, Output};
use std::thread;
use std::time::{Duration, Instant};

use common::cli::assert_ok;
use common::pty::{BIN, line, one_at_a_time, run_fr};

const DEADLINE: Duration = Duration::from_secs(20);

fn results(file: &std::path::Path, data: &std::path::Path) -> Output {
    Command::new(BIN)
        .arg("results")
        .arg(file)
        .args(["--lang", "fr"])
        .env("PODIUM_DATA_DIR", data)
        .output()
        .expect("podium results")
}

#[test]
fn sealing_with_s_hides_the_ranking_and_entry_goes_on() {
    let _one = one_at_a_time();
    // T2 14, T3 12, T4 3; T1 not scored yet (the grid opens on it).
    let (dir, file) = common::folder();
    let mut s = common::session("seal-e2e", 4, 2);
    s.settings.laureates = 2;
    common::score_both_jurors(
        &mut s,
        &[("T2", "9", "10"), ("T3", "8", "8"), ("T4", "2", "2")],
    );
    podium::storage::create(&file, &s, "tester", common::at(0)).expect("create");

    let mut term = run_fr(&file, dir.path());
    term.wait_until("the live screen", |s| s.contains("Scène"));
    term.tab_to("Résultats");
    term.wait_until("the ranking", |s| {
        s.contains("Classement officiel") && s.contains("14,00")
    });
    term.type_keys("S");
    term.wait_until("the question", |s| s.contains("Sceller les résultats ?"));
    term.type_keys("y");
    // The terminal may be caught mid-redraw: wait for a whole frame with the
    // sealed box and none of the ranking (a timeout names what stayed).
    const RANKING: [&str; 5] = ["Classement officiel", "14,00", "12,00", "★", "┄"];
    let screen = term.wait_until("the sealed screen without the ranking", |s| {
        s.contains("Le classement est caché")
            && s.contains("caché partout.")
            && RANKING.iter().all(|gone| !s.contains(gone))
    });
    assert!(
        screen.contains("S : desceller les résultats (demande confirmation)"),
        "{screen}"
    );

    // Once saved, a reader refuses the ranking while `run` is still open.
    let end = Instant::now() + DEADLINE;
    let out = loop {
        let out = results(&file, dir.path());
        if out.status.code() == Some(1) || Instant::now() > end {
            break out;
        }
        thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("les résultats sont scellés"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The grid still saves a value: T1, J1's first criterion.
    term.tab_to("Notes");
    term.wait_until("the grid on T1", |s| {
        line(s, "Juré").is_some_and(|l| l.contains("Papier")) && s.contains("T1 · Team 1")
    });
    term.type_keys("7\n");
    term.wait_until("the value saved", |s| {
        s.contains("✓ enregistré") && line(s, "J1 ").is_some_and(|l| l.contains(" 7 "))
    });
    term.tab_to("Résultats");
    term.wait_text("Résultats scellés");
    term.type_keys("q");
    let end = Instant::now() + DEADLINE;
    while term.child.try_wait().expect("wait").is_none() {
        assert!(Instant::now() < end, "podium did not quit");
        thread::sleep(Duration::from_millis(20));
    }

    let saved = podium::storage::load(&file).expect("load");
    assert!(saved.is_sealed());
    assert_eq!(
        saved.value(&"T1".into(), &"J1".into(), &"c1".into()),
        Some(common::dec("7"))
    );
    let out = results(&file, dir.path());
    assert_eq!(out.status.code(), Some(1));
    let unseal = Command::new(BIN)
        .arg("unseal")
        .arg(&file)
        .env("PODIUM_DATA_DIR", dir.path())
        .output()
        .expect("podium unseal");
    assert_ok(&unseal);
    let out = results(&file, dir.path());
    assert_ok(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("T2"));
}
