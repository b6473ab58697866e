//! The session loader: state bytes and journal bytes through every reader
//! and the writer's open (recovery). Each returns the session or a clean
//! error that can be said in both languages.

use crate::domain::{Lang, validate};
use crate::storage::{self, Files, StoreError};

fn say(e: &StoreError) {
    for lang in [Lang::Fr, Lang::En] {
        let m = e.message(lang);
        assert!(!m.is_empty(), "an error with no words: {e:?}");
    }
}

/// `data`: the state file's bytes, `0xFF`, the journal's bytes (see
/// [`super::split`]); an empty part is a missing file. Returns whether
/// the writer opened it.
pub fn session_files(data: &[u8]) -> bool {
    let (state, journal) = super::split(data);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("forum.json");
    let files = Files::new(&path);
    if !state.is_empty() {
        std::fs::write(&files.state, state).expect("state written");
    }
    if !journal.is_empty() {
        std::fs::write(&files.journal, journal).expect("journal written");
    }
    let loaded = storage::load(&path);
    match &loaded {
        Ok(session) => {
            // Problems are for `check` to report; finding them must not fail.
            let _ = validate::problems(session);
        }
        Err(e) => say(e),
    }
    let report = storage::inspect(&path);
    for finding in &report.findings {
        for lang in [Lang::Fr, Lang::En] {
            let _ = finding.message(lang);
        }
    }
    for note in &report.notes {
        let _ = note.message(Lang::Fr);
    }
    match storage::open(&path) {
        Ok(opened) => {
            for notice in &opened.notices {
                let _ = notice.message(Lang::En);
            }
            // What the writer recovered, every reader then reads.
            let again = storage::load(&path);
            let again = again
                .unwrap_or_else(|e| panic!("opened, then unreadable: {}", e.message(Lang::En)));
            assert_eq!(again, opened.session, "a reader disagrees with the writer");
            if let Ok(before) = &loaded {
                assert_eq!(
                    before.revision, opened.session.revision,
                    "the reader and the writer read different revisions"
                );
            }
            true
        }
        Err(e) => {
            say(&e);
            false
        }
    }
}
