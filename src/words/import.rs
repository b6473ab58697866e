//! What reading a spreadsheet and `scores import` say: the file's
//! encoding, a file that is not text, the progress line, the summary, a
//! conflict with another writer.

use std::time::Duration;

use crate::domain::Lang;

use super::number::grouped;

/// A notice: the file was not UTF-8 and was read as Windows-1252.
pub fn windows_1252(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "{file} : pas en UTF-8, lu en Windows-1252 (l'encodage du « CSV (séparateur : \
             point-virgule) » d'Excel) ; vérifier les accents"
        ),
        Lang::En => format!(
            "{file}: not UTF-8, read as Windows-1252 (what Excel's \"CSV\" saves); check \
             the accents"
        ),
    }
}

/// A file with NUL bytes and no UTF-16 mark.
pub fn not_text(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "{file} : pas un fichier texte (un classeur Excel ?) ; dans le tableur, \
             enregistrer sous « CSV UTF-8 »"
        ),
        Lang::En => format!(
            "{file}: not a text file (an Excel workbook?); in the spreadsheet, save as \
             \"CSV UTF-8\""
        ),
    }
}

/// A file that cannot be opened or read.
pub fn cannot_read(file: &str, err: &std::io::Error, lang: Lang) -> String {
    let why = super::files::io_words(err, lang);
    match lang {
        Lang::Fr => format!("{file}: lecture impossible ({why})"),
        Lang::En => format!("{file}: cannot read ({why})"),
    }
}

/// A problem met reading a spreadsheet, or between two of its rows.
#[derive(Debug)]
pub enum Reading<'a> {
    CannotRead(&'a std::io::Error),
    /// A row longer than `mib` MiB.
    TooLong {
        mib: usize,
    },
    /// A quote still open after `mib` MiB.
    QuoteTooLong {
        mib: usize,
    },
    /// A quote never closed.
    Unclosed,
    TooManyFields {
        fields: usize,
        width: usize,
    },
    Empty,
    ColumnTwice(&'a str),
    /// Two header cells that could each be `column`.
    WhichColumn {
        cell: &'a str,
        other: &'a str,
        column: &'a str,
    },
    Missing {
        missing: &'a str,
        expected: &'a str,
        found: &'a str,
    },
    /// One key (`what`) on two lines.
    Repeated {
        what: &'a str,
        lines: (u64, u64),
    },
    /// A pair marked absent or recused on one line, scored on another.
    MarkedAndScored {
        what: &'a str,
        lines: (u64, u64),
    },
}

/// A reading problem in words (the file and line come before it).
pub fn reading(problem: &Reading, lang: Lang) -> String {
    use Reading::*;
    let fr = lang == Lang::Fr;
    let both = |(a, b): (u64, u64)| match lang {
        Lang::Fr => format!("lignes {a} et {b}"),
        Lang::En => format!("lines {a} and {b}"),
    };
    match *problem {
        CannotRead(err) if fr => {
            format!("lecture impossible ({})", super::files::io_words(err, lang))
        }
        CannotRead(err) => format!("cannot read ({})", super::files::io_words(err, lang)),
        TooLong { mib } if fr => format!("ligne de plus de {mib} Mio : refusée"),
        TooLong { mib } => format!("line over {mib} MiB: refused"),
        QuoteTooLong { mib } if fr => format!(
            "un guillemet ouvert ici n'est pas fermé dans les {mib} Mio qui suivent \
             (la lecture s'arrête ici)"
        ),
        QuoteTooLong { mib } => {
            format!("a quote opened here is not closed within {mib} MiB (reading stops here)")
        }
        Unclosed if fr => "guillemet ouvert jamais fermé (la lecture s'arrête ici)".into(),
        Unclosed => "a quote opened here is never closed (reading stops here)".into(),
        TooManyFields { fields, width } if fr => format!(
            "{fields} champs pour {width} colonnes d'en-tête (une virgule décimale \
             dans un fichier séparé par des virgules ? mettre la valeur \
             entre guillemets ou séparer par des points-virgules)"
        ),
        TooManyFields { fields, width } => format!(
            "{fields} fields for {width} header columns (a decimal comma in a \
             comma-separated file? quote the value or separate with semicolons)"
        ),
        Empty if fr => "fichier vide : il faut une ligne d'en-tête".into(),
        Empty => "empty file: a header line is needed".into(),
        ColumnTwice(column) if fr => format!("colonne « {column} » présente deux fois"),
        ColumnTwice(column) => format!("column \"{column}\" appears twice"),
        WhichColumn {
            cell,
            other,
            column,
        } if fr => format!("colonnes « {cell} » et « {other} » : laquelle est « {column} » ?"),
        WhichColumn {
            cell,
            other,
            column,
        } => format!("columns \"{cell}\" and \"{other}\": which one is \"{column}\"?"),
        Missing {
            missing,
            expected,
            found,
        } if fr => format!(
            "colonne(s) manquante(s) : {missing} (en-tête attendu : {expected} ; trouvé : {found})"
        ),
        Missing {
            missing,
            expected,
            found,
        } => format!("missing column(s): {missing} (expected header: {expected}; found: {found})"),
        Repeated { what, lines } if fr => format!("{what} figure plusieurs fois ({})", both(lines)),
        Repeated { what, lines } => format!("{what} is given more than once ({})", both(lines)),
        MarkedAndScored { what, lines } if fr => {
            format!(
                "{what} : absent ou récusé et noté à la fois ({})",
                both(lines)
            )
        }
        MarkedAndScored { what, lines } => {
            format!(
                "{what}: both absent or recused and scored ({})",
                both(lines)
            )
        }
    }
}

/// How far an import is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading the rows: the line reached, the share of the file read.
    Reading { line: u64, percent: u8 },
    /// Checking the change and writing it.
    Saving,
}

/// The progress line of a long import (drawn over itself on a terminal).
pub fn progress(file: &str, stage: Stage, lang: Lang) -> String {
    match (stage, lang) {
        (Stage::Reading { line, percent }, Lang::Fr) => {
            format!(
                "{file} : lecture… {percent} % (ligne {})",
                grouped(line, lang)
            )
        }
        (Stage::Reading { line, percent }, Lang::En) => {
            format!("{file}: reading… {percent}% (line {})", grouped(line, lang))
        }
        (Stage::Saving, Lang::Fr) => format!("{file} : enregistrement…"),
        (Stage::Saving, Lang::En) => format!("{file}: saving…"),
    }
}

/// When an import shows its progress line.
#[derive(Clone, Copy, Debug)]
pub struct Pace {
    /// Nothing is shown before this (a short import stays silent).
    pub after: Duration,
    /// Then at most one line per this.
    pub every: Duration,
}

pub const PACE: Pace = Pace {
    after: Duration::from_secs(1),
    every: Duration::from_millis(200),
};

impl Pace {
    /// Whether to draw now: on a terminal only, once `after` has passed
    /// since the start, then no more often than `every`. `elapsed` is the
    /// time since the start, `shown` when the last line was drawn.
    pub fn due(&self, terminal: bool, elapsed: Duration, shown: Option<Duration>) -> bool {
        terminal
            && elapsed >= self.after
            && shown.is_none_or(|at| elapsed.saturating_sub(at) >= self.every)
    }
}

/// The import has nothing to change.
pub fn nothing_to_change(csv: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{csv} : rien à changer, la session contient déjà ces notes."),
        Lang::En => format!("{csv}: nothing to change, the session already holds these scores."),
    }
}

/// What an import counted (the scores reader fills it), said once saved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub values: usize,
    pub handwritten: usize,
    pub absences: usize,
    pub recusals: usize,
    /// How many of the values, totals and marks replaced something else.
    pub replaced: usize,
    /// Rows that change nothing (the session already says so).
    pub unchanged: usize,
}

/// What an import says when it is saved.
pub fn imported(csv: &str, file: &str, s: Counts, revision: u64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "{csv} importé dans {file} (révision {revision}) : {} note(s), {} total(aux) \
             manuscrit(s), {} absence(s), {} récusation(s) ; {} valeur(s) remplacée(s), \
             {} ligne(s) déjà à jour.",
            s.values, s.handwritten, s.absences, s.recusals, s.replaced, s.unchanged
        ),
        Lang::En => format!(
            "{csv} imported into {file} (revision {revision}): {} value(s), {} handwritten \
             total(s), {} absence(s), {} recusal(s); {} replaced, {} row(s) already up to date.",
            s.values, s.handwritten, s.absences, s.recusals, s.replaced, s.unchanged
        ),
    }
}

/// Another writer kept changing the cells an import sets: nothing was
/// imported. `stale` of the import's `total` changes were changed meanwhile.
pub fn conflict(csv: &str, file: &str, stale: usize, total: usize, lang: Lang) -> String {
    let (n, of) = (grouped(stale as u64, lang), grouped(total as u64, lang));
    match lang {
        Lang::Fr => format!(
            "{csv} : rien n'a été importé dans {file} ; un autre poste (ou une autre \
             importation) y a modifié entre-temps {n} des {of} cases que ce fichier change ; \
             relancer l'importation"
        ),
        Lang::En => format!(
            "{csv}: nothing was imported into {file}; another terminal (or another import) \
             changed {n} of the {of} cells this file changes meanwhile; run the import again"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_line_waits_a_second_then_paces_itself_on_a_terminal_only() {
        let ms = Duration::from_millis;
        assert!(!PACE.due(true, ms(999), None));
        assert!(PACE.due(true, ms(1000), None));
        assert!(!PACE.due(false, ms(5000), None));
        assert!(!PACE.due(true, ms(1100), Some(ms(1000))));
        assert!(PACE.due(true, ms(1200), Some(ms(1000))));
    }

    #[test]
    fn progress_and_conflict_in_both_languages() {
        let reading = Stage::Reading {
            line: 324_000,
            percent: 45,
        };
        assert_eq!(
            progress("s.csv", reading, Lang::Fr),
            "s.csv : lecture… 45 % (ligne 324 000)"
        );
        assert_eq!(
            progress("s.csv", reading, Lang::En),
            "s.csv: reading… 45% (line 324,000)"
        );
        assert_eq!(progress("s.csv", Stage::Saving, Lang::En), "s.csv: saving…");
        let en = conflict("a.csv", "s.json", 2000, 2000, Lang::En);
        assert!(
            en.starts_with("a.csv: nothing was imported into s.json;"),
            "{en}"
        );
        assert!(en.contains("changed 2,000 of the 2,000 cells"), "{en}");
        let fr = conflict("a.csv", "s.json", 1, 3, Lang::Fr);
        assert!(fr.contains("entre-temps 1 des 3 cases"), "{fr}");
    }
}
