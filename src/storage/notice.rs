//! What recovery did or found, to tell the user (not errors).

use std::path::PathBuf;

use crate::domain::Lang;
use crate::domain::fault::StoreError;
use crate::words::storage as words;

#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A torn last journal line (a crash mid-append) was moved aside; the
    /// change it held had never been reported saved.
    TornLineMoved {
        journal: PathBuf,
        torn: PathBuf,
        line: usize,
    },
    /// The state file was missing and has been rebuilt from the journal.
    StateRebuilt { path: PathBuf, revision: u64 },
    /// The change is saved in the journal, but the state file could not be
    /// written; the next change or open will complete it.
    StateNotWritten {
        path: PathBuf,
        reason: Box<StoreError>,
    },
}

impl Notice {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Notice::TornLineMoved {
                journal,
                torn,
                line,
            } => words::torn_moved(lang, journal, torn, *line),
            Notice::StateRebuilt { path, revision } => words::state_rebuilt(lang, path, *revision),
            Notice::StateNotWritten { path, reason } => {
                words::state_not_written(lang, path, &reason.message(lang))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_not_written_gives_its_reason_in_the_users_language() {
        let notice = Notice::StateNotWritten {
            path: PathBuf::from("f.json"),
            reason: Box::new(StoreError::io(
                std::path::Path::new("f.json"),
                crate::storage::error::Action::Write,
                std::io::Error::from(std::io::ErrorKind::StorageFull),
            )),
        };
        let fr = notice.message(Lang::Fr);
        assert!(fr.contains("(plus de place sur le disque)"), "{fr}");
        assert!(!fr.contains("no space"), "{fr}");
        let en = notice.message(Lang::En);
        assert!(en.contains("(no space left on the disk)"), "{en}");
    }
}
