//! The fuzzing harnesses: one function per target, each taking arbitrary
//! bytes and panicking only when Podium breaks a promise (a panic of its
//! own, or an invariant broken). `fuzz/` (cargo-fuzz, libFuzzer) calls
//! them on generated inputs; `tests/fuzz_corpus.rs` replays the committed
//! corpus and every input that once failed through the same functions.
//!
//! - [`session_files`]: a state file and a journal, loaded, inspected,
//!   opened (recovery) and loaded again;
//! - [`spreadsheets`]: the CSV readers (teams, jurors, criteria, scores);
//! - [`keys`]: a key sequence (pastes, time passing, saves held back or
//!   failing) through `app::update` on the demo session, drawn at the end.

use std::sync::OnceLock;

use crate::domain::Session;

mod csv;
mod keys;
mod store;

pub use csv::spreadsheets;
pub use keys::keys;
pub use store::session_files;

/// The demo forum as shipped (read once).
pub fn demo() -> &'static Session {
    static DEMO: OnceLock<Session> = OnceLock::new();
    DEMO.get_or_init(|| {
        use crate::commands::demo::{FILE_NAME, JOURNAL, STATE};
        let dir = tempfile::tempdir().expect("a temporary folder for the demo");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, STATE).expect("the demo state written");
        let journal = crate::storage::Files::new(&path).journal;
        std::fs::write(journal, JOURNAL).expect("the demo journal written");
        crate::storage::load(&path).expect("the shipped demo loads")
    })
}

/// Split an input in two at its first `0xFF` byte (never in UTF-8 text,
/// so a seed reads as two files); no such byte: all first, nothing second.
pub fn split(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0xFF) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[]),
    }
}
