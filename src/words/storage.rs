//! The storage's sentences: its errors (`StoreError`, a journal line's
//! `LineProblem`), the journal's hash chain, checkpoints, repair.

use std::fmt;
use std::path::Path;

use crate::domain::Lang;
use crate::domain::fault::{FileAction, LineProblem, StoreError};

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

/// `check`: the state file is not its journal replayed.
pub fn state_differs(lang: Lang, path: &Path, revision: u64) -> String {
    let file = path.display();
    match lang {
        Lang::Fr => format!(
            "{file}: le fichier diffère de son journal rejoué jusqu'à la révision {revision} \
             (modifié à la main ?)"
        ),
        Lang::En => format!(
            "{file}: the file differs from its journal replayed to revision {revision} \
             (edited by hand?)"
        ),
    }
}

/// `check`: a state newer than its journal (history missing).
pub fn state_newer_found(lang: Lang, path: &Path, state: u64, journal: Option<u64>) -> String {
    let (file, journal) = (path.display(), journal.unwrap_or(0));
    match lang {
        Lang::Fr => format!(
            "{file}: le fichier (révision {state}) est plus récent que son journal \
             (révision {journal}) : l'historique manque"
        ),
        Lang::En => format!(
            "{file}: the file (revision {state}) is newer than its journal \
             (revision {journal}): history is missing"
        ),
    }
}

/// `check`: revisions the state holds and the journal lacks.
pub fn history_missing(lang: Lang, path: &Path, from: u64, to: u64) -> String {
    let file = path.display();
    match lang {
        Lang::Fr => format!(
            "{file}: les révisions {from} à {to} manquent au journal (le fichier les contient)"
        ),
        Lang::En => format!(
            "{file}: revisions {from} to {to} are missing from the journal (the file holds them)"
        ),
    }
}

/// A reader found a torn last line (it writes nothing).
pub fn torn_ignored(lang: Lang, path: &Path, line: usize) -> String {
    let file = path.display();
    match lang {
        Lang::Fr => format!(
            "{file}:{line}: dernière ligne incomplète (écriture interrompue), ignorée ; \
             le prochain enregistrement la mettra de côté"
        ),
        Lang::En => format!(
            "{file}:{line}: incomplete last line (interrupted write), ignored; \
             the next save moves it aside"
        ),
    }
}

/// A reader found no state file (the journal rebuilds it).
pub fn state_missing(lang: Lang, path: &Path) -> String {
    let file = path.display();
    match lang {
        Lang::Fr => format!("{file}: fichier absent, il sera reconstruit depuis le journal"),
        Lang::En => format!("{file}: file missing, it will be rebuilt from the journal"),
    }
}

/// A writer moved a torn last line aside.
pub fn torn_moved(lang: Lang, journal: &Path, torn: &Path, line: usize) -> String {
    let (journal, torn) = (journal.display(), torn.display());
    match lang {
        Lang::Fr => format!(
            "{journal}:{line}: ligne incomplète (écriture interrompue) déplacée dans {torn} ; \
             ce changement n'avait jamais été enregistré"
        ),
        Lang::En => format!(
            "{journal}:{line}: incomplete line (interrupted write) moved to {torn}; \
             that change had never been saved"
        ),
    }
}

/// A writer rebuilt a missing state file from the journal.
pub fn state_rebuilt(lang: Lang, path: &Path, revision: u64) -> String {
    let file = path.display();
    match lang {
        Lang::Fr => {
            format!("{file}: fichier manquant reconstruit depuis le journal (révision {revision})")
        }
        Lang::En => format!("{file}: missing file rebuilt from the journal (revision {revision})"),
    }
}

/// A change saved in the journal whose checkpoint could not be written.
pub fn state_not_written(lang: Lang, path: &Path, reason: &str) -> String {
    let file = path.display();
    match lang {
        Lang::Fr => format!(
            "{file}: changement enregistré dans le journal, mais fichier non mis à jour ({reason}) ; \
             ce sera fait au prochain point de reprise"
        ),
        Lang::En => format!(
            "{file}: change saved in the journal, but the file was not updated ({reason}); \
             the next checkpoint will do it"
        ),
    }
}

/// A journal line that is not JSON of an operation.
pub fn unreadable_line(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Fr => format!("ligne illisible : {why}"),
        Lang::En => format!("unreadable line: {why}"),
    }
}

/// A journal line of another session.
pub fn line_of_other_session(lang: Lang, expected: &str, found: &str) -> String {
    match lang {
        Lang::Fr => format!("ligne d'une autre session ({found} au lieu de {expected})"),
        Lang::En => format!("line of another session ({found} instead of {expected})"),
    }
}

/// A journal line whose revision skips some.
pub fn lines_missing(lang: Lang, expected: u64, found: u64) -> String {
    match lang {
        Lang::Fr => format!("révision {found} au lieu de {expected} (lignes manquantes)"),
        Lang::En => format!("revision {found} instead of {expected} (lines missing)"),
    }
}

/// The session's creation missing from the first line (`expected`), or
/// found again later.
pub fn creation_line(lang: Lang, expected: bool) -> String {
    let (fr, en) = if expected {
        (
            "la première ligne doit être la création de la session",
            "the first line must be the session's creation",
        )
    } else {
        (
            "une seconde création de session",
            "a second creation of the session",
        )
    };
    lang.t(fr, en).to_string()
}

/// A journal line whose operation does not apply where it stands.
pub fn not_replayable(lang: Lang, refusal: &str) -> String {
    match lang {
        Lang::Fr => format!("opération impossible à rejouer : {refusal}"),
        Lang::En => format!("operation cannot be replayed: {refusal}"),
    }
}

/// Written by a newer Podium.
pub fn newer_format(lang: Lang, found: u32, supported: u32) -> String {
    match lang {
        Lang::Fr => format!(
            "écrit par une version plus récente de Podium (format {found}, \
             cette version lit jusqu'au format {supported}) : mettez Podium à jour"
        ),
        Lang::En => format!(
            "written by a newer Podium (format {found}, this version reads up to \
             format {supported}): update Podium"
        ),
    }
}

/// The session was replaced on disk while this terminal held it: what it
/// expected (its id, the revision seen) and what it found.
pub fn replaced(lang: Lang, path: &Path, expected: (&str, u64), found: (&str, u64)) -> String {
    let ((expected, seen), (found, found_revision)) = (expected, found);
    let what = match (expected == found, lang) {
        (false, Lang::Fr) => format!("session {found} au lieu de {expected}"),
        (false, Lang::En) => format!("session {found} instead of {expected}"),
        (true, Lang::Fr) => format!("révision {found_revision} après {seen}"),
        (true, Lang::En) => format!("revision {found_revision} after {seen}"),
    };
    let file = path.display();
    match lang {
        Lang::Fr => format!(
            "{file}: la session a été remplacée sur le disque ({what}) ; rien n'a été enregistré"
        ),
        Lang::En => format!("{file}: the session was replaced on disk ({what}); nothing was saved"),
    }
}

/// Neither the state file nor its journal exists.
pub fn not_found(lang: Lang, path: &Path) -> String {
    let what = lang.t(
        "session introuvable (ni le fichier ni son journal n'existent)",
        "no such session (neither the file nor its journal exists)",
    );
    format!("{}: {what}", path.display())
}

/// `create` found the files already there.
pub fn exists(lang: Lang, path: &Path) -> String {
    let what = lang.t(
        "existe déjà ; rien n'a été écrit",
        "already exists; nothing was written",
    );
    format!("{}: {what}", path.display())
}

/// The other terminal holds the lock.
pub fn busy(lang: Lang, path: &Path) -> String {
    let what = lang.t(
        "un autre poste est en train d'enregistrer ; réessayez",
        "another terminal is saving; try again",
    );
    format!("{}: {what}", path.display())
}

/// The state file is not a session (where it breaks, and why).
pub fn bad_state(lang: Lang, path: &Path, (line, column): (usize, usize), why: &str) -> String {
    let file = path.display();
    match lang {
        Lang::Fr => format!(
            "{file}:{line}:{column}: fichier de session illisible : {why} ; \
             il n'a pas été modifié"
        ),
        Lang::En => format!(
            "{file}:{line}:{column}: unreadable session file: {why}; \
             it was left untouched"
        ),
    }
}

/// A journal line that stops the session from opening.
pub fn bad_line(lang: Lang, path: &Path, line: usize, problem: &str) -> String {
    let tail = lang.t(
        "la session n'a pas été ouverte, rien n'a été écrit",
        "the session was not opened, nothing was written",
    );
    format!("{}:{line}: {problem}; {tail}", path.display())
}

/// The state file and its journal are two sessions'.
pub fn journal_of_other_session(
    lang: Lang,
    (path, journal): (&Path, &Path),
    state_id: &str,
    journal_id: &str,
) -> String {
    let (file, journal) = (path.display(), journal.display());
    match lang {
        Lang::Fr => format!(
            "{file}: session {state_id}, mais son journal {journal} est celui de la session {journal_id}"
        ),
        Lang::En => format!(
            "{file}: session {state_id}, but its journal {journal} belongs to session {journal_id}"
        ),
    }
}

/// What the system refused to do with a file.
fn action_words(action: FileAction, lang: Lang) -> &'static str {
    match action {
        FileAction::Read => lang.t("lecture impossible", "cannot read"),
        FileAction::Write => lang.t("écriture impossible", "cannot write"),
        FileAction::Lock => lang.t("verrouillage impossible", "cannot lock"),
        FileAction::Create => lang.t("création impossible", "cannot create"),
    }
}

impl StoreError {
    /// One line naming the file (and the line or position), in `lang`.
    /// A refusal is about the operation, not a file: its message is the
    /// refusal's alone (prefix the file where the user needs it).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::NotFound { path } => not_found(lang, path),
            StoreError::Exists { path } => exists(lang, path),
            StoreError::Io {
                path,
                action,
                cause,
            } => format!(
                "{}: {} ({})",
                path.display(),
                action_words(*action, lang),
                cause.words(lang)
            ),
            StoreError::BadState {
                path,
                line,
                column,
                problem,
            } => bad_state(lang, path, (*line, *column), &problem.words(lang, true)),
            StoreError::NewerFormat {
                path,
                found,
                supported,
            } => format!(
                "{}: {}",
                path.display(),
                newer_format(lang, *found, *supported)
            ),
            StoreError::BadLine {
                path,
                line,
                problem,
            } => bad_line(lang, path, *line, &problem.message(lang)),
            StoreError::OtherSession {
                path,
                journal,
                state_id,
                journal_id,
            } => journal_of_other_session(lang, (path, journal), state_id, journal_id),
            StoreError::Replaced {
                path,
                expected,
                seen,
                found,
                found_revision,
            } => replaced(lang, path, (expected, *seen), (found, *found_revision)),
            StoreError::Busy { path } => busy(lang, path),
            StoreError::Refused(refusal) => refusal.message(lang),
            StoreError::StateNewer {
                path,
                state,
                journal,
            } => state_newer_refused(lang, path, *state, *journal),
            StoreError::Crashed { step } => format!("simulated crash after {}", step.name()),
        }
    }
}

impl LineProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LineProblem::Unreadable(why) => unreadable_line(lang, &why.words(lang, false)),
            LineProblem::OtherSession { expected, found } => {
                line_of_other_session(lang, expected, found)
            }
            LineProblem::Gap { expected, found } => lines_missing(lang, *expected, *found),
            LineProblem::Create { expected } => creation_line(lang, *expected),
            LineProblem::Refused(r) => not_replayable(lang, &r.message(lang)),
            LineProblem::NewerFormat { found, supported } => newer_format(lang, *found, *supported),
            LineProblem::Chain { expected, found } => {
                chain_broken(lang, expected.as_deref(), found.as_deref())
            }
        }
    }
}

/// In English: what a log or a test shows of a store error.
impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for StoreError {}
