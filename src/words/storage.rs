//! The storage's sentences: the journal's hash chain, checkpoints, repair.

use std::path::Path;

use crate::domain::Lang;

/// The first 12 hex digits of a digest, enough to tell two apart.
fn short(digest: Option<&str>) -> String {
    digest.map_or_else(|| "null".to_string(), |d| d.chars().take(12).collect())
}

/// A journal line whose `prev` does not chain to the line before it.
pub fn chain_broken(lang: Lang, expected: Option<&str>, found: Option<&str>) -> String {
    let (expected, found) = (short(expected), short(found));
    match lang {
        Lang::Fr => format!(
            "chaîne du journal rompue : prev {found}… au lieu de {expected}… \
             (ligne modifiée, supprimée ou insérée)"
        ),
        Lang::En => format!(
            "journal chain broken: prev {found}… instead of {expected}… \
             (a line changed, removed or inserted)"
        ),
    }
}

/// A writer refusing to append after a state newer than its journal.
pub fn state_newer_refused(lang: Lang, path: &Path, state: u64, journal: Option<u64>) -> String {
    let journal = journal.unwrap_or(0);
    let file = path.display();
    match lang {
        Lang::Fr => format!(
            "{file}: le fichier (révision {state}) est plus récent que son journal \
             (révision {journal}) : rien n'a été écrit ; `podium repair {file}` \
             garde l'ancien journal et en commence un nouveau"
        ),
        Lang::En => format!(
            "{file}: the file (revision {state}) is newer than its journal \
             (revision {journal}): nothing was written; `podium repair {file}` \
             keeps the old journal and starts a new one"
        ),
    }
}

/// `check`: the state's `journal_digest` is not its journal line's.
pub fn digest_differs(lang: Lang, path: &Path, revision: u64) -> String {
    let file = path.display();
    match lang {
        Lang::Fr => format!(
            "{file}: son journal_digest n'est pas l'empreinte de la ligne {revision} du journal \
             (journal remplacé ou modifié ?)"
        ),
        Lang::En => format!(
            "{file}: its journal_digest is not the digest of journal line {revision} \
             (journal replaced or edited?)"
        ),
    }
}

/// `check`: where the journal's hash chain starts (`line` 0: not yet).
pub fn chain_starts(lang: Lang, path: &Path, line: usize) -> String {
    let file = path.display();
    match (lang, line) {
        (Lang::Fr, 0) => format!(
            "{file}: journal écrit avant la chaîne d'empreintes ; elle commencera \
             au prochain changement"
        ),
        (Lang::En, 0) => format!(
            "{file}: journal written before the digest chain; it starts with the next change"
        ),
        (Lang::Fr, _) => format!(
            "{file}: chaîné par empreintes à partir de la ligne {line} \
             (les lignes précédentes datent d'avant la chaîne)"
        ),
        (Lang::En, _) => format!(
            "{file}: chained by digests from line {line} on \
             (the lines before it predate the chain)"
        ),
    }
}

/// `check`: the journal was restarted by `podium repair`.
pub fn repaired_note(lang: Lang, path: &Path, revision: u64, previous: Option<&str>) -> String {
    let file = path.display();
    let previous = short(previous);
    match lang {
        Lang::Fr => format!(
            "{file}: journal recommencé par `podium repair` à la révision {revision} \
             (dernière empreinte de l'ancien journal : {previous}…)"
        ),
        Lang::En => format!(
            "{file}: journal restarted by `podium repair` at revision {revision} \
             (the old journal's last digest: {previous}…)"
        ),
    }
}

/// `repair`: what was done.
pub fn repaired(lang: Lang, path: &Path, revision: u64, kept: Option<&Path>) -> String {
    let file = path.display();
    let kept = kept.map(|k| k.display().to_string());
    match (lang, kept) {
        (Lang::Fr, Some(kept)) => format!(
            "{file}: nouveau journal commencé à la révision {revision} ; \
             l'ancien est gardé dans {kept}"
        ),
        (Lang::En, Some(kept)) => format!(
            "{file}: new journal started at revision {revision}; the old one is kept in {kept}"
        ),
        (Lang::Fr, None) => {
            format!("{file}: journal manquant recommencé à la révision {revision}")
        }
        (Lang::En, None) => format!("{file}: missing journal restarted at revision {revision}"),
    }
}

/// `repair` on a session whose journal does not lag its state.
pub fn nothing_to_repair(lang: Lang, path: &Path) -> String {
    let file = path.display();
    match lang {
        Lang::Fr => {
            format!("{file}: le journal n'est pas en retard sur le fichier ; rien à réparer")
        }
        Lang::En => format!("{file}: the journal does not lag the file; nothing to repair"),
    }
}
