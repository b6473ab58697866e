//! What `podium check` says of the journal's hash chain and the state file
//! (`storage::verify`): the first line altered, removed, inserted or
//! reordered after it was saved, a hand-edited state file, and the digest
//! of the last line that signed pages carry.

use std::path::Path;

use crate::domain::Lang;

/// How a journal line was changed after it was saved (the words of
/// `storage::verify::Tamper`, which storage turns into this).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Altered,
    /// Revisions `from..=to` taken out just before the line.
    Removed {
        from: u64,
        to: u64,
    },
    Inserted,
    /// The line chains to line `after`, further down.
    Reordered {
        after: usize,
    },
}

/// `forum.json.journal:17: altered after it was saved`.
pub fn line(lang: Lang, journal: &Path, line: usize, change: Change) -> String {
    let what = match (change, lang) {
        (Change::Altered, Lang::Fr) => "modifiée après son enregistrement".to_string(),
        (Change::Altered, Lang::En) => "altered after it was saved".to_string(),
        (Change::Removed { from, to }, Lang::Fr) if from == to => {
            format!("la ligne de la révision {from} a été supprimée ici après son enregistrement")
        }
        (Change::Removed { from, to }, Lang::Fr) => format!(
            "les lignes des révisions {from} à {to} ont été supprimées ici après leur enregistrement"
        ),
        (Change::Removed { from, to }, Lang::En) if from == to => {
            format!("the line of revision {from} was removed here after it was saved")
        }
        (Change::Removed { from, to }, Lang::En) => {
            format!("the lines of revisions {from} to {to} were removed here after they were saved")
        }
        (Change::Inserted, Lang::Fr) => "insérée après l'enregistrement du journal".to_string(),
        (Change::Inserted, Lang::En) => "inserted after the journal was saved".to_string(),
        (Change::Reordered { after }, Lang::Fr) => {
            format!("déplacée après son enregistrement (elle suit la ligne {after})")
        }
        (Change::Reordered { after }, Lang::En) => {
            format!("reordered after it was saved (it follows line {after})")
        }
    };
    format!("{}:{line}: {what}", journal.display())
}

/// `forum.json: edited by hand: …` (`field`: the first that differs).
pub fn state_edited(lang: Lang, state: &Path, revision: u64, field: &str) -> String {
    let (file, r) = (state.display(), revision);
    match (lang, field.is_empty()) {
        (Lang::Fr, false) => format!(
            "{file}: modifié à la main : diffère de son journal rejoué jusqu'à la révision {r} \
             (champ {field})"
        ),
        (Lang::Fr, true) => {
            format!(
                "{file}: modifié à la main : diffère de son journal rejoué jusqu'à la révision {r}"
            )
        }
        (Lang::En, false) => format!(
            "{file}: edited by hand: differs from its journal replayed to revision {r} \
             (field {field})"
        ),
        (Lang::En, true) => {
            format!("{file}: edited by hand: differs from its journal replayed to revision {r}")
        }
    }
}

/// The digest of the journal's last line, the one the minutes, the page
/// and the archive manifest print; `intact`: the chain was verified.
pub fn last_digest(lang: Lang, journal: &Path, lines: usize, digest: &str, intact: bool) -> String {
    let file = journal.display();
    let n = super::number::count(
        lines,
        lang,
        lang.t("ligne", "line"),
        lang.t("lignes", "lines"),
    );
    match (lang, intact) {
        (Lang::Fr, true) => format!(
            "{file}: chaîne d'empreintes vérifiée ({n}) ; empreinte de la dernière ligne \
             (SHA-256) : {digest}"
        ),
        (Lang::En, true) => format!(
            "{file}: digest chain verified ({n}); digest of the last line (SHA-256): {digest}"
        ),
        (Lang::Fr, false) => {
            format!("{file}: empreinte de la dernière ligne (SHA-256) : {digest}")
        }
        (Lang::En, false) => format!("{file}: digest of the last line (SHA-256): {digest}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_finding_names_the_file_and_the_line() {
        let j = Path::new("forum.json.journal");
        assert_eq!(
            line(Lang::En, j, 17, Change::Altered),
            "forum.json.journal:17: altered after it was saved"
        );
        assert_eq!(
            line(Lang::Fr, j, 17, Change::Altered),
            "forum.json.journal:17: modifiée après son enregistrement"
        );
        assert_eq!(
            line(Lang::En, j, 9, Change::Removed { from: 9, to: 11 }),
            "forum.json.journal:9: the lines of revisions 9 to 11 were removed here after they were saved"
        );
        assert!(
            line(Lang::Fr, j, 9, Change::Removed { from: 9, to: 9 })
                .contains("la ligne de la révision 9 a été supprimée")
        );
        assert!(
            line(Lang::Fr, j, 4, Change::Inserted).starts_with("forum.json.journal:4: insérée")
        );
        assert_eq!(
            line(Lang::En, j, 5, Change::Reordered { after: 6 }),
            "forum.json.journal:5: reordered after it was saved (it follows line 6)"
        );
    }

    #[test]
    fn the_state_and_the_digest() {
        assert_eq!(
            state_edited(Lang::En, Path::new("forum.json"), 19, "event.title"),
            "forum.json: edited by hand: differs from its journal replayed to revision 19 \
             (field event.title)"
        );
        let d = "ab".repeat(32);
        let text = last_digest(Lang::Fr, Path::new("f.journal"), 19, &d, true);
        assert!(text.contains("19 lignes") && text.ends_with(&d), "{text}");
        let text = last_digest(Lang::En, Path::new("f.journal"), 1, &d, false);
        assert_eq!(
            text,
            format!("f.journal: digest of the last line (SHA-256): {d}")
        );
    }
}
