//! The operating system's and the JSON reader's errors in the user's
//! words: `std::io::Error` and `serde_json::Error` display English system
//! text ("No such file or directory (os error 2)"), which a French message
//! must not show bare.

use std::io::{self, ErrorKind};

use crate::domain::Lang;
pub use crate::domain::fault::{IoCause, JsonKind, JsonProblem, NotRegular};

/// Why a file operation failed, in `lang`. Common cases are said in words;
/// any other keeps the system's text after a translated lead.
pub fn io_words(err: &io::Error, lang: Lang) -> String {
    IoCause::of(err).words(lang)
}

impl IoCause {
    /// Why the system refused, in `lang` (see [`io_words`]).
    pub fn words(&self, lang: Lang) -> String {
        if let Some(kind) = self.not_regular {
            return not_regular(kind, lang);
        }
        self.kind_words(lang)
    }

    fn kind_words(&self, lang: Lang) -> String {
        let (fr, en) = match self.kind {
            ErrorKind::NotFound => ("fichier ou dossier introuvable", "no such file or folder"),
            ErrorKind::PermissionDenied => {
                ("accès refusé (droits insuffisants)", "permission denied")
            }
            ErrorKind::AlreadyExists => ("existe déjà", "already exists"),
            ErrorKind::StorageFull => ("plus de place sur le disque", "no space left on the disk"),
            ErrorKind::QuotaExceeded => ("quota de disque dépassé", "disk quota exceeded"),
            ErrorKind::ReadOnlyFilesystem => (
                "disque ou dossier en lecture seule",
                "read-only disk or folder",
            ),
            ErrorKind::IsADirectory => (
                "c'est un dossier, pas un fichier",
                "it is a folder, not a file",
            ),
            ErrorKind::NotADirectory => (
                "un élément du chemin n'est pas un dossier",
                "part of the path is not a folder",
            ),
            ErrorKind::DirectoryNotEmpty => {
                ("le dossier n'est pas vide", "the folder is not empty")
            }
            ErrorKind::FileTooLarge => ("fichier trop volumineux", "file too large"),
            ErrorKind::InvalidFilename => ("nom de fichier invalide", "invalid file name"),
            ErrorKind::InvalidData => (
                "contenu illisible (pas du texte UTF-8)",
                "unreadable content (not UTF-8 text)",
            ),
            ErrorKind::ResourceBusy => ("ressource occupée", "resource busy"),
            ErrorKind::TimedOut => ("délai dépassé", "timed out"),
            ErrorKind::CrossesDevices => (
                "déplacement impossible d'un disque à un autre",
                "cannot move across disks",
            ),
            _ => {
                return match lang {
                    Lang::Fr => format!("erreur du système : {}", self.system),
                    Lang::En => format!("system error: {}", self.system),
                };
            }
        };
        lang.t(fr, en).to_string()
    }
}

impl std::fmt::Display for NotRegular {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&not_regular(*self, Lang::En))
    }
}

impl std::error::Error for NotRegular {}

/// Something other than a regular file where a session or a spreadsheet
/// is expected.
pub fn not_regular(kind: NotRegular, lang: Lang) -> String {
    use NotRegular::*;
    let what = match kind {
        Folder => lang.t("c'est un dossier", "it is a folder"),
        Fifo => lang.t("c'est un tube nommé (FIFO)", "it is a named pipe (FIFO)"),
        Device => lang.t("c'est un périphérique", "it is a device"),
        Socket => lang.t("c'est une socket", "it is a socket"),
        Other => lang.t("c'est un fichier spécial", "it is a special file"),
    };
    match lang {
        Lang::Fr => format!("{what}, pas un fichier ordinaire : refusé"),
        Lang::En => format!("{what}, not a regular file: refused"),
    }
}

/// The line after the first problems: how many more there were.
pub fn more_problems(n: u64, lang: Lang) -> String {
    let count = super::number::grouped(n, lang);
    match (lang, n) {
        (Lang::Fr, 1) => "… et 1 autre problème".to_string(),
        (Lang::Fr, _) => format!("… et {count} autres problèmes"),
        (Lang::En, 1) => "… and 1 more problem".to_string(),
        (Lang::En, _) => format!("… and {count} more problems"),
    }
}

impl JsonProblem {
    pub fn from_serde(err: &serde_json::Error) -> JsonProblem {
        use serde_json::error::Category;
        let kind = match err.classify() {
            Category::Syntax => JsonKind::Syntax,
            Category::Eof => JsonKind::Eof,
            Category::Data => JsonKind::Data,
            Category::Io => JsonKind::Other,
        };
        let text = err.to_string();
        let suffix = format!(" at line {} column {}", err.line(), err.column());
        let detail = text.strip_suffix(&suffix).unwrap_or(&text).to_string();
        JsonProblem {
            kind,
            line: err.line(),
            column: err.column(),
            detail,
        }
    }

    /// The problem in `lang`; `with_line`: say the line too (a whole file),
    /// or only the column (one journal line, already numbered).
    pub fn words(&self, lang: Lang, with_line: bool) -> String {
        let lead = match self.kind {
            JsonKind::Syntax => lang.t("JSON invalide", "invalid JSON"),
            JsonKind::Eof => lang.t(
                "le texte s'arrête avant la fin (fichier tronqué ?)",
                "the text stops before its end (a cut file?)",
            ),
            JsonKind::Data => lang.t("contenu inattendu", "unexpected content"),
            JsonKind::Other => lang.t("contenu illisible", "unreadable content"),
        };
        let (l, c) = (self.line, self.column);
        let at = match (lang, with_line) {
            (Lang::Fr, true) => format!(" à la ligne {l}, colonne {c}"),
            (Lang::En, true) => format!(" at line {l}, column {c}"),
            (Lang::Fr, false) => format!(" à la colonne {c}"),
            (Lang::En, false) => format!(" at column {c}"),
        };
        let at = if l == 0 { String::new() } else { at };
        match lang {
            Lang::Fr => format!("{lead}{at} (détail : {})", self.detail),
            Lang::En => format!("{lead}{at}: {}", self.detail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_system_errors_are_words_in_both_languages() {
        let missing = io::Error::from_raw_os_error(2);
        assert_eq!(missing.kind(), ErrorKind::NotFound);
        assert_eq!(
            io_words(&missing, Lang::Fr),
            "fichier ou dossier introuvable"
        );
        assert_eq!(io_words(&missing, Lang::En), "no such file or folder");
        for kind in [
            ErrorKind::PermissionDenied,
            ErrorKind::AlreadyExists,
            ErrorKind::StorageFull,
            ErrorKind::IsADirectory,
        ] {
            let fr = io_words(&io::Error::from(kind), Lang::Fr);
            assert!(!fr.contains("os error"), "{fr}");
            assert_ne!(fr, io_words(&io::Error::from(kind), Lang::En));
        }
        let fifo = io::Error::new(ErrorKind::InvalidInput, NotRegular::Fifo);
        assert_eq!(
            io_words(&fifo, Lang::Fr),
            "c'est un tube nommé (FIFO), pas un fichier ordinaire : refusé"
        );
        assert_eq!(
            io_words(&fifo, Lang::En),
            "it is a named pipe (FIFO), not a regular file: refused"
        );
        let odd = io::Error::other("strange");
        assert_eq!(io_words(&odd, Lang::Fr), "erreur du système : strange");
    }

    #[test]
    fn json_errors_say_where_in_the_users_language() {
        let err = serde_json::from_str::<serde_json::Value>("\n  x").unwrap_err();
        let p = JsonProblem::from_serde(&err);
        assert_eq!((p.kind, p.line, p.column), (JsonKind::Syntax, 2, 3));
        assert_eq!(
            p.words(Lang::Fr, true),
            "JSON invalide à la ligne 2, colonne 3 (détail : expected value)"
        );
        assert_eq!(
            p.words(Lang::En, true),
            "invalid JSON at line 2, column 3: expected value"
        );
        assert_eq!(
            p.words(Lang::Fr, false),
            "JSON invalide à la colonne 3 (détail : expected value)"
        );
        let cut = serde_json::from_str::<serde_json::Value>("[1, 2").unwrap_err();
        assert_eq!(JsonProblem::from_serde(&cut).kind, JsonKind::Eof);
    }
}
