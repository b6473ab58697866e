//! What the report commands say about their output files.

use std::path::Path;

use crate::domain::Lang;

/// An output that would overwrite one of the session's files.
pub fn session_file(path: &Path, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Fr => format!(
            "{path}: c'est un fichier de la session, il ne sera pas écrasé (choisir un autre nom)"
        ),
        Lang::En => format!(
            "{path}: this is one of the session's files; it will not be overwritten (choose another name)"
        ),
    }
}

/// An output that could not be written.
pub fn cannot_write(path: &Path, why: &str, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Fr => format!("{path}: écriture impossible ({why})"),
        Lang::En => format!("{path}: cannot write ({why})"),
    }
}

/// Standard output could not be written (a full disk behind `>`).
pub fn cannot_write_stdout(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("sortie standard : écriture impossible ({why})"),
        Lang::En => format!("standard output: cannot write ({why})"),
    }
}

/// A file that could not be read.
pub fn cannot_read(path: &Path, why: &str, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Fr => format!("{path}: lecture impossible ({why})"),
        Lang::En => format!("{path}: cannot read ({why})"),
    }
}
