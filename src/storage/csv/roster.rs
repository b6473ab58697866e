//! Teams, jurors and criteria from the organisers' spreadsheets.
//!
//! teams.csv: id, name, org, [project], [summary], [members separated by `|`]
//! jurors.csv: id, name, org, [role]
//! criteria.csv: id, label, [weight=1], [min=0], max, [step=1]
//!
//! Organisations come from the org columns (teams first, then jurors, in
//! the order met): the id is the text as written, and so is the name.

use std::collections::HashMap;
use std::io::BufRead;

use crate::domain::{Criterion, Dec, Juror, Organisation, Team, TeamStatus};

use super::problems::shown;
use super::reader::{self, Column, Problems, Row};
use crate::words::rows::{Nothing, RowProblem};

pub const TEAM_COLUMNS: &[Column] = &[
    Column::required("id", &["identifiant", "code"]),
    Column::required("name", &["nom", "équipe", "equipe", "team"]),
    Column::required("org", &["organisation", "organization", "département"]),
    Column::optional("project", &["projet", "titre"]),
    Column::optional("summary", &["résumé", "resume", "description"]),
    Column::optional("members", &["membres"]),
];

pub const JUROR_COLUMNS: &[Column] = &[
    Column::required("id", &["identifiant", "code"]),
    Column::required("name", &["nom", "juré", "jure", "juror"]),
    Column::required("org", &["organisation", "organization", "département"]),
    Column::optional("role", &["rôle", "fonction", "qualité"]),
];

pub const CRITERION_COLUMNS: &[Column] = &[
    Column::required("id", &["identifiant", "code"]),
    Column::required(
        "label",
        &["libellé", "libelle", "critère", "critere", "name", "nom"],
    ),
    Column::optional("weight", &["poids", "coefficient", "coef"]),
    Column::optional("min", &["minimum"]),
    Column::required("max", &["maximum"]),
    Column::optional("step", &["pas"]),
];

/// A required field: report it when empty.
fn required<'a>(row: &'a Row, column: &str, problems: &mut Problems) -> Option<&'a str> {
    let value = row.get(column);
    if value.is_empty() {
        problems.say(row.line, RowProblem::Empty { column });
        None
    } else {
        Some(value)
    }
}

/// Every field of the row's known columns free of control characters and
/// direction overrides (each one reported, naming its column): a name
/// pasted with a tab or a line break is pointed at in its file and line,
/// not only refused in the session built from it.
/// Each field within the session's limits too (a summary
/// [`SUMMARY_MAX`], each member and every other field [`NAME_MAX`]).
fn safe(row: &Row, columns: &[Column], problems: &mut Problems) -> bool {
    use crate::domain::validate::{NAME_MAX, SUMMARY_MAX, is_too_long, is_unsafe_text};
    let mut ok = true;
    for column in columns {
        let (text, column) = (row.get(column.name), column.name);
        if is_unsafe_text(text) {
            problems.say(row.line, RowProblem::Unsafe { column });
            ok = false;
        }
        let max = if column == "summary" {
            SUMMARY_MAX
        } else {
            NAME_MAX
        };
        let too_long = match column {
            "members" => text.split('|').any(|m| is_too_long(m.trim(), max)),
            _ => is_too_long(text, max),
        };
        if too_long {
            problems.say(row.line, RowProblem::TooLong { column, max });
            ok = false;
        }
    }
    ok
}

/// Ids must be unique within a file: report a repeat with the first line.
fn unique_id(
    seen: &mut HashMap<String, u64>,
    id: &str,
    line: u64,
    problems: &mut Problems,
) -> bool {
    if let Some(first) = seen.get(id) {
        let id = shown(id);
        problems.say(
            line,
            RowProblem::IdTwice {
                id: &id,
                first: *first,
            },
        );
        false
    } else {
        seen.insert(id.to_string(), line);
        true
    }
}

/// The entries of a people file (teams.csv, jurors.csv): each row with its
/// required id, name and org, ids unique, built by `make(row, id, name,
/// org)`; `None` when the file has a problem (all reported, `empty` when it
/// has no row).
fn people<T>(
    text: impl BufRead,
    columns: &[Column],
    empty: Nothing,
    problems: &mut Problems,
    make: impl Fn(&Row, &str, &str, &str) -> T,
) -> Option<Vec<T>> {
    let mut entries = Vec::new();
    let mut seen = HashMap::new();
    let mut rows = 0u64;
    let read = reader::each_row(text, columns, problems, |row, problems| {
        rows += 1;
        let id = required(row, "id", problems);
        let name = required(row, "name", problems);
        let org = required(row, "org", problems);
        let safe = safe(row, columns, problems);
        let (Some(id), Some(name), Some(org), true) = (id, name, org, safe) else {
            return;
        };
        if !unique_id(&mut seen, id, row.line, problems) {
            return;
        }
        // Once the file is refused, nothing more is kept.
        if problems.is_empty() {
            entries.push(make(row, id, name, org));
        }
    });
    if read && rows == 0 {
        problems.say(0, RowProblem::NoRow(empty));
    }
    (read && problems.is_empty()).then_some(entries)
}

/// Read teams.csv; `None` when it has a problem (all reported).
pub fn teams(text: impl BufRead, problems: &mut Problems) -> Option<Vec<Team>> {
    people(
        text,
        TEAM_COLUMNS,
        Nothing::Team,
        problems,
        |row, id, name, org| Team {
            id: id.into(),
            name: name.to_string(),
            project: row.get("project").to_string(),
            summary: row.get("summary").to_string(),
            org: org.into(),
            members: row
                .get("members")
                .split('|')
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .map(String::from)
                .collect(),
            status: TeamStatus::Scheduled,
        },
    )
}

/// Read jurors.csv; `None` when it has a problem (all reported).
pub fn jurors(text: impl BufRead, problems: &mut Problems) -> Option<Vec<Juror>> {
    people(
        text,
        JUROR_COLUMNS,
        Nothing::Juror,
        problems,
        |row, id, name, org| Juror {
            id: id.into(),
            name: name.to_string(),
            role: row.get("role").to_string(),
            org: org.into(),
        },
    )
}

/// A number field, or its default when the field is empty.
fn number(row: &Row, column: &str, default: Option<Dec>, problems: &mut Problems) -> Option<Dec> {
    let text = row.get(column);
    if text.is_empty() {
        if default.is_none() {
            required(row, column, problems);
        }
        return default;
    }
    match Dec::parse(text) {
        Ok(value) => Some(value),
        Err(_) => {
            let text = shown(text);
            let (column, text) = (Some(column), &*text);
            problems.say(row.line, RowProblem::NotANumber { column, text });
            None
        }
    }
}

/// One row of criteria.csv; `None` when it has a problem (reported).
fn criterion(
    row: &Row,
    seen: &mut HashMap<String, u64>,
    problems: &mut Problems,
) -> Option<Criterion> {
    if !safe(row, CRITERION_COLUMNS, problems) {
        return None;
    }
    let id = required(row, "id", problems);
    let label = required(row, "label", problems);
    let weight = number(row, "weight", Some(Dec::int(1)), problems);
    let min = number(row, "min", Some(Dec::ZERO), problems);
    let max = number(row, "max", None, problems);
    let step = number(row, "step", Some(Dec::int(1)), problems);
    let (Some(id), Some(label), Some(weight), Some(min), Some(max), Some(step)) =
        (id, label, weight, min, max, step)
    else {
        return None;
    };
    if !unique_id(seen, id, row.line, problems) {
        return None;
    }
    if weight <= Dec::ZERO {
        problems.say(row.line, RowProblem::WeightNotPositive);
    }
    if min >= max {
        problems.say(row.line, RowProblem::MinNotBelowMax { min, max });
    }
    if step <= Dec::ZERO {
        problems.say(row.line, RowProblem::StepNotPositive);
    } else if min < max && !max.is_on_step(min, step) {
        // The top of the scale could never be given.
        let steps = (max.raw() - min.raw()) / step.raw();
        let below = Dec::from_raw(min.raw() + steps * step.raw());
        let above = Dec::from_raw(below.raw() + step.raw());
        let problem = RowProblem::MaxOffStep {
            max,
            min,
            step,
            below,
            above,
        };
        problems.say(row.line, problem);
    }
    Some(Criterion {
        id: id.into(),
        label: label.to_string(),
        weight,
        min,
        max,
        step,
    })
}

/// Read criteria.csv; `None` when it has a problem (all reported).
pub fn criteria(text: impl BufRead, problems: &mut Problems) -> Option<Vec<Criterion>> {
    let mut criteria = Vec::new();
    let mut seen = HashMap::new();
    let mut rows = 0u64;
    let read = reader::each_row(text, CRITERION_COLUMNS, problems, |row, problems| {
        rows += 1;
        if let Some(found) = criterion(row, &mut seen, problems)
            && problems.is_empty()
        {
            criteria.push(found);
        }
    });
    if read && rows == 0 {
        problems.say(0, RowProblem::NoRow(Nothing::Criterion));
    }
    (read && problems.is_empty()).then_some(criteria)
}

/// The organisations named by the teams and jurors, in the order met.
pub fn organisations(teams: &[Team], jurors: &[Juror]) -> Vec<Organisation> {
    let mut out: Vec<Organisation> = Vec::new();
    for org in teams
        .iter()
        .map(|t| &t.org)
        .chain(jurors.iter().map(|j| &j.org))
    {
        if !out.iter().any(|o| o.id == *org) {
            out.push(Organisation {
                id: org.clone(),
                name: org.to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;

    fn problems() -> Problems {
        Problems::new("x.csv", Lang::En)
    }

    #[test]
    fn teams_with_optional_columns_in_any_order() {
        let text = "members;org;name;id\n Ann | Bob |;Somme;Les Cantines;T1\n;Nord;Archives;T2\n";
        let mut p = problems();
        let teams = teams(text.as_bytes(), &mut p).expect("teams");
        assert_eq!(teams.len(), 2);
        assert_eq!(teams[0].members, vec!["Ann", "Bob"]);
        assert_eq!(teams[0].project, "");
        assert!(teams[1].members.is_empty());
        let orgs = organisations(&teams, &[]);
        assert_eq!(orgs.len(), 2);
        assert_eq!(orgs[0].name, "Somme");
    }

    #[test]
    fn team_problems_each_on_its_line() {
        let text = "id,name,org\nT1,A,Somme\nT1,B,Nord\n,C,Oise\nT4,,\n";
        let mut p = problems();
        assert!(teams(text.as_bytes(), &mut p).is_none());
        let lines = p.lines();
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert_eq!(lines[0], "x.csv:3: id \"T1\" already used on line 2");
        assert_eq!(lines[1], "x.csv:4: column \"id\" is empty");
        assert!(lines[2].starts_with("x.csv:5: column \"name\""));
        assert!(lines[3].starts_with("x.csv:5: column \"org\""));
    }

    #[test]
    fn a_field_over_its_limit_is_refused_on_its_line() {
        let long = "x".repeat(crate::domain::validate::NAME_MAX + 1);
        let summary = "s".repeat(crate::domain::validate::SUMMARY_MAX);
        let text = format!(
            "id;name;org;summary;members\nT1;{long};Somme;;\nT2;B;Nord;{summary};Ann|{long}\n\
             T3;C;Oise;{summary}s;\nT4;D;Oise;{summary};Ann|Bob\n"
        );
        let mut p = problems();
        assert!(teams(text.as_bytes(), &mut p).is_none());
        let lines = p.lines();
        assert_eq!(
            lines,
            vec![
                "x.csv:2: column \"name\" is over 200 characters",
                "x.csv:3: column \"members\" is over 200 characters",
                "x.csv:4: column \"summary\" is over 500 characters",
            ]
        );
        let mut p = Problems::new("x.csv", Lang::Fr);
        let text = format!("id;libellé;max\nc;{long};5\n");
        assert!(criteria(text.as_bytes(), &mut p).is_none());
        assert_eq!(
            p.lines(),
            vec!["x.csv:2: colonne « label » : plus de 200 caractères"]
        );
    }

    #[test]
    fn criteria_defaults_and_decimal_comma() {
        let text =
            "id;label;max;step;poids\nimpact;Impact;20;0,5;\ntransfer;Transférabilité;5;;2\n";
        let mut p = problems();
        let c = criteria(text.as_bytes(), &mut p).expect("criteria");
        assert_eq!(c[0].step, Dec::parse("0.5").unwrap());
        assert_eq!(c[0].weight, Dec::int(1));
        assert_eq!(c[0].min, Dec::ZERO);
        assert_eq!(c[1].step, Dec::int(1));
        assert_eq!(c[1].weight, Dec::int(2));
    }

    #[test]
    fn criteria_problems() {
        let text =
            "id,label,min,max,step,weight\na,A,5,5,1,1\nb,B,0,x,1,1\nc,C,0,5,0,-1\nd,D,0,,1,1\n";
        let mut p = problems();
        assert!(criteria(text.as_bytes(), &mut p).is_none());
        let lines = p.lines();
        assert_eq!(lines.len(), 5, "{lines:?}");
        assert!(lines[0].starts_with("x.csv:2: the minimum (5)"));
        assert!(lines[1].starts_with("x.csv:3: max: \"x\" is not a number"));
        assert!(lines[2].starts_with("x.csv:4: the weight"));
        assert!(lines[3].starts_with("x.csv:4: the step"));
        assert!(lines[4].starts_with("x.csv:5: column \"max\" is empty"));
    }

    #[test]
    fn jurors_and_orgs_in_order_met() {
        let text = "id;name;org;role\nJ1;Ann;Val-d'Oise;élue\nJ2;Bob;Somme;\n";
        let mut p = problems();
        let j = jurors(text.as_bytes(), &mut p).expect("jurors");
        assert_eq!(j[0].role, "élue");
        let t = vec![Team {
            id: "T1".into(),
            name: "x".into(),
            project: String::new(),
            summary: String::new(),
            org: "Somme".into(),
            members: vec![],
            status: TeamStatus::Scheduled,
        }];
        let ids: Vec<String> = organisations(&t, &j)
            .into_iter()
            .map(|o| o.id.into_string())
            .collect();
        assert_eq!(ids, vec!["Somme", "Val-d'Oise"]);
    }
}
