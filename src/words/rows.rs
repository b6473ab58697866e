//! What the spreadsheet readers say about one row of teams.csv,
//! jurors.csv, criteria.csv or scores.csv (the file and line come before
//! it): an empty field, an id used twice, a number that is not one, a
//! scale that cannot work, a pair row's value. Problems of the reading
//! itself (quotes, header, columns) are `import::Reading`'s.

use crate::domain::{Dec, Lang};

/// Which file had no row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nothing {
    Team,
    Juror,
    Criterion,
}

/// A problem on one row (or, for `NoRow`, in the whole file).
#[derive(Clone, Copy, Debug)]
pub enum RowProblem<'a> {
    /// A required field left empty.
    Empty {
        column: &'a str,
    },
    /// A field with a control character (a tab, a line break, ESC…) or a
    /// direction override, which no id or name may hold.
    Unsafe {
        column: &'a str,
    },
    /// A field longer than the session takes (`max` characters).
    TooLong {
        column: &'a str,
        max: usize,
    },
    /// An id already used on line `first`.
    IdTwice {
        id: &'a str,
        first: u64,
    },
    /// The file has a header and no row.
    NoRow(Nothing),
    /// A number field (`column`, when named) that is not a number.
    NotANumber {
        column: Option<&'a str>,
        text: &'a str,
    },
    WeightNotPositive,
    MinNotBelowMax {
        min: Dec,
        max: Dec,
    },
    StepNotPositive,
    /// The top of the scale is off the step: `below` and `above` are the
    /// nearest maxima that work.
    MaxOffStep {
        max: Dec,
        min: Dec,
        step: Dec,
        below: Dec,
        above: Dec,
    },
    TeamMissing,
    JurorMissing,
    /// A pair row (empty criterion) with an empty value.
    PairEmpty,
    /// A pair row whose value is neither a mark nor a number.
    PairNotUnderstood {
        text: &'a str,
    },
    /// A cell row with an empty value.
    ValueMissing,
}

/// A row problem in words.
pub fn row_problem(problem: &RowProblem, lang: Lang) -> String {
    use RowProblem::*;
    let fr = lang == Lang::Fr;
    let n = |d: Dec| d.format_with(lang.decimal_separator());
    match *problem {
        Empty { column } if fr => format!("colonne « {column} » vide"),
        Empty { column } => format!("column \"{column}\" is empty"),
        Unsafe { column } if fr => format!(
            "colonne « {column} » : caractère de contrôle (tabulation, retour à la ligne…) ou \
             d'inversion de sens refusé"
        ),
        Unsafe { column } => format!(
            "column \"{column}\": control character (tab, line break…) or direction override \
             refused"
        ),
        TooLong { column, max } if fr => format!("colonne « {column} » : plus de {max} caractères"),
        TooLong { column, max } => format!("column \"{column}\" is over {max} characters"),
        IdTwice { id, first } if fr => {
            format!("identifiant « {id} » déjà utilisé ligne {first}")
        }
        IdTwice { id, first } => format!("id \"{id}\" already used on line {first}"),
        NoRow(nothing) => no_row(nothing, lang).into(),
        NotANumber {
            column: Some(column),
            text,
        } if fr => format!("{column} : « {text} » n'est pas un nombre"),
        NotANumber {
            column: Some(column),
            text,
        } => format!("{column}: \"{text}\" is not a number"),
        NotANumber { column: None, text } if fr => format!("« {text} » n'est pas un nombre"),
        NotANumber { column: None, text } => format!("\"{text}\" is not a number"),
        WeightNotPositive if fr => "le poids doit être positif".into(),
        WeightNotPositive => "the weight must be above zero".into(),
        MinNotBelowMax { min, max } if fr => format!(
            "le minimum ({}) doit être inférieur au maximum ({})",
            n(min),
            n(max)
        ),
        MinNotBelowMax { min, max } => format!(
            "the minimum ({}) must be below the maximum ({})",
            n(min),
            n(max)
        ),
        StepNotPositive if fr => "le pas doit être positif".into(),
        StepNotPositive => "the step must be above zero".into(),
        MaxOffStep {
            max,
            min,
            step,
            below,
            above,
        } => {
            let (max, min, step, below, above) = (n(max), n(min), n(step), n(below), n(above));
            if fr {
                format!(
                    "le maximum ({max}) n'est pas atteignable depuis le minimum ({min}) par pas \
                     de {step} : il doit valoir le minimum plus un nombre entier de pas (par \
                     exemple {below} ou {above})"
                )
            } else {
                format!(
                    "the maximum ({max}) cannot be reached from the minimum ({min}) in steps of \
                     {step}: it must be the minimum plus a whole number of steps (e.g. {below} \
                     or {above})"
                )
            }
        }
        TeamMissing if fr => "équipe manquante".into(),
        TeamMissing => "team missing".into(),
        JurorMissing if fr => "juré manquant".into(),
        JurorMissing => "juror missing".into(),
        PairEmpty if fr => {
            "sans critère, la valeur doit être absent, recused ou un total manuscrit".into()
        }
        PairEmpty => {
            "with no criterion, the value must be absent, recused or a handwritten total".into()
        }
        PairNotUnderstood { text } if fr => {
            format!("« {text} » : attendu absent, recused ou un nombre (total manuscrit)")
        }
        PairNotUnderstood { text } => {
            format!("\"{text}\": expected absent, recused or a number (handwritten total)")
        }
        ValueMissing if fr => {
            "valeur manquante (omettre la ligne pour laisser la case vide)".into()
        }
        ValueMissing => "value missing (leave the row out to keep the cell empty)".into(),
    }
}

/// A file with a header and no row.
fn no_row(nothing: Nothing, lang: Lang) -> &'static str {
    match (nothing, lang) {
        (Nothing::Team, Lang::Fr) => "aucune équipe",
        (Nothing::Team, Lang::En) => "no team",
        (Nothing::Juror, Lang::Fr) => "aucun juré",
        (Nothing::Juror, Lang::En) => "no juror",
        (Nothing::Criterion, Lang::Fr) => "aucun critère",
        (Nothing::Criterion, Lang::En) => "no criterion",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_the_language_separator() {
        let (min, max) = (Dec::parse("2.5").unwrap(), Dec::int(2));
        let p = RowProblem::MinNotBelowMax { min, max };
        assert_eq!(
            row_problem(&p, Lang::Fr),
            "le minimum (2,5) doit être inférieur au maximum (2)"
        );
        assert_eq!(
            row_problem(&p, Lang::En),
            "the minimum (2.5) must be below the maximum (2)"
        );
        let p = RowProblem::NoRow(Nothing::Juror);
        assert_eq!(row_problem(&p, Lang::Fr), "aucun juré");
    }
}
