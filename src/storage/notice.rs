//! What recovery did or found, to tell the user (not errors).

use std::path::PathBuf;

use crate::domain::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// `reason`: why, in French then in English.
    StateNotWritten {
        path: PathBuf,
        reason: (String, String),
    },
}

impl Notice {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Notice::TornLineMoved {
                    journal,
                    torn,
                    line,
                },
                Lang::Fr,
            ) => format!(
                "{}:{line}: ligne incomplète (écriture interrompue) déplacée dans {} ; \
                 ce changement n'avait jamais été enregistré",
                journal.display(),
                torn.display()
            ),
            (
                Notice::TornLineMoved {
                    journal,
                    torn,
                    line,
                },
                Lang::En,
            ) => format!(
                "{}:{line}: incomplete line (interrupted write) moved to {}; \
                 that change had never been saved",
                journal.display(),
                torn.display()
            ),
            (Notice::StateRebuilt { path, revision }, Lang::Fr) => format!(
                "{}: fichier manquant reconstruit depuis le journal (révision {revision})",
                path.display()
            ),
            (Notice::StateRebuilt { path, revision }, Lang::En) => format!(
                "{}: missing file rebuilt from the journal (revision {revision})",
                path.display()
            ),
            (Notice::StateNotWritten { path, reason }, Lang::Fr) => format!(
                "{}: changement enregistré dans le journal, mais fichier non mis à jour ({}) ; \
                 ce sera fait au prochain point de reprise",
                path.display(),
                reason.0
            ),
            (Notice::StateNotWritten { path, reason }, Lang::En) => format!(
                "{}: change saved in the journal, but the file was not updated ({}); \
                 the next checkpoint will do it",
                path.display(),
                reason.1
            ),
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
            reason: ("plus de place sur le disque".into(), "no space left".into()),
        };
        let fr = notice.message(Lang::Fr);
        assert!(fr.contains("(plus de place sur le disque)"), "{fr}");
        assert!(!fr.contains("no space"), "{fr}");
        assert!(notice.message(Lang::En).contains("(no space left)"));
    }
}
