//! scores.csv: team, juror, criterion, value.
//!
//! A row with a criterion sets that cell. A row with an empty criterion
//! records, for the pair: `absent`, `recused`, or a number (the juror's
//! handwritten total). The whole file becomes one `Change::Batch`, each
//! change carrying the value it replaces; the file is all or nothing, so
//! every bad row is reported and no change is built.

use std::collections::{BTreeMap, HashMap};

use crate::domain::{
    BatchLabel, Change, Criterion, Dec, Edit, Juror, Lang, Mark, Refusal, Session, Sheet, SheetKey,
    Team,
};

use super::reader::{self, Column, Problems, Row};

pub const SCORE_COLUMNS: &[Column] = &[
    Column::required("team", &["équipe", "equipe"]),
    Column::required("juror", &["juré", "jure", "membre du jury"]),
    Column::required("criterion", &["critère", "critere"]),
    Column::required("value", &["valeur", "note"]),
];

/// What one valid row records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entry {
    Value(Dec),
    Handwritten(Dec),
    Mark(Mark),
}

/// The words of a pair row, in either language.
fn mark_word(text: &str) -> Option<Mark> {
    match text.to_lowercase().as_str() {
        "absent" | "absente" => Some(Mark::Absent),
        "recused" | "récusé" | "récusée" | "recuse" | "recusé" | "recusee" => {
            Some(Mark::Recused)
        }
        _ => None,
    }
}

fn not_a_number(text: &str, problems: &mut Problems, line: u64) {
    problems.say(
        line,
        format!("« {text} » n'est pas un nombre"),
        format!("\"{text}\" is not a number"),
    );
}

/// The session's teams, jurors and criteria by id (large files look each
/// row's ids up once).
struct Index<'a> {
    session: &'a Session,
    teams: HashMap<&'a str, &'a Team>,
    jurors: HashMap<&'a str, &'a Juror>,
    criteria: HashMap<&'a str, &'a Criterion>,
}

impl<'a> Index<'a> {
    fn new(session: &'a Session) -> Index<'a> {
        Index {
            session,
            teams: session.teams.iter().map(|t| (t.id.as_str(), t)).collect(),
            jurors: session.jurors.iter().map(|j| (j.id.as_str(), j)).collect(),
            criteria: session
                .criteria
                .iter()
                .map(|c| (c.id.as_str(), c))
                .collect(),
        }
    }
}

/// Check one row against the session; `None` when it is bad (reported).
fn entry(index: &Index, row: &Row, problems: &mut Problems) -> Option<Entry> {
    let session = index.session;
    let lang = problems.lang;
    let (team_id, juror_id) = (row.get("team"), row.get("juror"));
    let (criterion_id, text) = (row.get("criterion"), row.get("value"));
    let mut ok = true;
    let refuse = |problems: &mut Problems, refusal: Refusal| {
        problems.at(row.line, refusal.message(lang));
    };
    let team = index.teams.get(team_id).copied();
    if team.is_none() {
        ok = false;
        if team_id.is_empty() {
            problems.say(row.line, "équipe manquante", "team missing");
        } else {
            refuse(problems, Refusal::UnknownTeam(team_id.into()));
        }
    }
    let juror = index.jurors.get(juror_id).copied();
    if juror.is_none() {
        ok = false;
        if juror_id.is_empty() {
            problems.say(row.line, "juré manquant", "juror missing");
        } else {
            refuse(problems, Refusal::UnknownJuror(juror_id.into()));
        }
    }
    let entry = if criterion_id.is_empty() {
        if let Some(mark) = mark_word(text) {
            Some(Entry::Mark(mark))
        } else if text.is_empty() {
            problems.say(
                row.line,
                "sans critère, la valeur doit être absent, recused ou un total manuscrit",
                "with no criterion, the value must be absent, recused or a handwritten total",
            );
            None
        } else if let Ok(total) = Dec::parse(text) {
            Some(Entry::Handwritten(total))
        } else {
            problems.say(
                row.line,
                format!("« {text} » : attendu absent, recused ou un nombre (total manuscrit)"),
                format!("\"{text}\": expected absent, recused or a number (handwritten total)"),
            );
            None
        }
    } else if let Some(criterion) = index.criteria.get(criterion_id).copied() {
        match Dec::parse(text) {
            Err(_) if text.is_empty() => {
                problems.say(
                    row.line,
                    "valeur manquante (omettre la ligne pour laisser la case vide)",
                    "value missing (leave the row out to keep the cell empty)",
                );
                None
            }
            Err(_) => {
                not_a_number(text, problems, row.line);
                None
            }
            Ok(v) if v < criterion.min || v > criterion.max => {
                refuse(
                    problems,
                    Refusal::OutOfRange {
                        criterion: criterion.id.clone(),
                        value: v,
                        min: criterion.min,
                        max: criterion.max,
                    },
                );
                None
            }
            Ok(v) if !v.is_on_step(criterion.min, criterion.step) => {
                refuse(
                    problems,
                    Refusal::OffStep {
                        criterion: criterion.id.clone(),
                        value: v,
                        min: criterion.min,
                        step: criterion.step,
                    },
                );
                None
            }
            Ok(v) => Some(Entry::Value(v)),
        }
    } else {
        refuse(problems, Refusal::UnknownCriterion(criterion_id.into()));
        None
    };
    let (Some(team), Some(juror), Some(entry)) = (team, juror, entry) else {
        return None;
    };
    if session.verified.contains(&team.id) {
        refuse(
            problems,
            Refusal::Verified {
                team: team.id.clone(),
            },
        );
        return None;
    }
    if !matches!(entry, Entry::Mark(_))
        && let Some(status) = session.excuse(team, juror)
    {
        refuse(
            problems,
            Refusal::NotScored {
                team: team.id.clone(),
                juror: juror.id.clone(),
                status,
            },
        );
        return None;
    }
    ok.then_some(entry)
}

/// "lines 4 and 9" / "lignes 4, 9 et 12"
fn line_list(lines: &[u64], lang: Lang) -> String {
    let texts: Vec<String> = lines.iter().map(u64::to_string).collect();
    let (last, rest) = texts.split_last().expect("at least two lines");
    match lang {
        Lang::Fr => format!("lignes {} et {last}", rest.join(", ")),
        Lang::En => format!("lines {} and {last}", rest.join(", ")),
    }
}

/// The rows of the file grouped by pair (team, juror): criterion (or ""
/// for the pair row) → every line that gives it.
type Keys<'a> = BTreeMap<(&'a str, &'a str), BTreeMap<&'a str, Vec<u64>>>;

/// Report every key given twice and every pair with both values and a mark.
fn conflicts(rows: &[Row], problems: &mut Problems) {
    let lang = problems.lang;
    let mut keys: Keys = BTreeMap::new();
    let mut marks: BTreeMap<(&str, &str), Vec<u64>> = BTreeMap::new();
    for row in rows {
        let key = (row.get("team"), row.get("juror"));
        if row.get("criterion").is_empty() && mark_word(row.get("value")).is_some() {
            marks.entry(key).or_default().push(row.line);
        }
        keys.entry(key)
            .or_default()
            .entry(row.get("criterion"))
            .or_default()
            .push(row.line);
    }
    for (&(team, juror), by_criterion) in &keys {
        for (criterion, lines) in by_criterion.iter().filter(|(_, l)| l.len() > 1) {
            let what = if criterion.is_empty() {
                format!("{team}/{juror}")
            } else {
                format!("{team}/{juror}/{criterion}")
            };
            let list = line_list(lines, lang);
            for &line in lines {
                problems.say(
                    line,
                    format!("{what} figure plusieurs fois ({list})"),
                    format!("{what} is given more than once ({list})"),
                );
            }
        }
        let Some(mark_lines) = marks.get(&(team, juror)) else {
            continue;
        };
        let value_lines: Vec<u64> = by_criterion
            .iter()
            .flat_map(|(c, lines)| lines.iter().filter(move |_| !c.is_empty()))
            .copied()
            .collect();
        if value_lines.is_empty() {
            continue;
        }
        let mut all: Vec<u64> = mark_lines.iter().chain(&value_lines).copied().collect();
        all.sort_unstable();
        let list = line_list(&all, lang);
        for line in all {
            problems.say(
                line,
                format!(
                    "{}/{} : absent ou récusé et noté à la fois ({list})",
                    team, juror
                ),
                format!(
                    "{}/{}: both absent or recused and scored ({list})",
                    team, juror
                ),
            );
        }
    }
}

/// What the file gives for one pair: a mark, a handwritten total, values.
type PairRows = (Option<Mark>, Option<Dec>, BTreeMap<String, Dec>);

/// Counts shown after an import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub values: usize,
    pub handwritten: usize,
    pub absences: usize,
    pub recusals: usize,
    /// How many of the values, totals and marks replaced something else.
    pub replaced: usize,
    /// Rows that change nothing (the session already says so).
    pub unchanged: usize,
}

/// The import as one change (`None` when nothing would change), or every
/// problem, one line each.
pub fn import(
    session: &Session,
    file: &str,
    bytes: &[u8],
    lang: Lang,
) -> Result<(Option<Change>, Summary), Vec<String>> {
    let mut problems = Problems::new(file, lang);
    let Some(table) = reader::read(bytes, SCORE_COLUMNS, &mut problems) else {
        return Err(problems.lines());
    };
    let index = Index::new(session);
    let mut pairs: BTreeMap<SheetKey, PairRows> = BTreeMap::new();
    for row in &table.rows {
        let Some(entry) = entry(&index, row, &mut problems) else {
            continue;
        };
        let pair = pairs
            .entry(SheetKey::new(
                row.get("team").into(),
                row.get("juror").into(),
            ))
            .or_default();
        match entry {
            Entry::Mark(mark) => pair.0 = Some(mark),
            Entry::Handwritten(total) => pair.1 = Some(total),
            Entry::Value(v) => {
                pair.2.insert(row.get("criterion").to_string(), v);
            }
        }
    }
    conflicts(&table.rows, &mut problems);
    if !problems.is_empty() {
        return Err(problems.lines());
    }
    let mut changes = Vec::new();
    let mut summary = Summary::default();
    for (key, (mark, handwritten, values)) in pairs {
        let current = session
            .sheets
            .get(&key)
            .cloned()
            .unwrap_or_else(Sheet::default);
        let (team, juror) = (key.team, key.juror);
        if let Some(mark) = mark {
            match mark {
                Mark::Absent => summary.absences += 1,
                Mark::Recused => summary.recusals += 1,
            }
            let new = Sheet {
                mark: Some(mark),
                ..Sheet::default()
            };
            if new == current {
                summary.unchanged += 1;
            } else {
                summary.replaced += usize::from(!current.is_empty());
                changes.push(Change::SetSheet {
                    team,
                    juror,
                    edit: Edit::new(current, new),
                });
            }
            continue;
        }
        // Criterion order, then the handwritten total, as on a paper sheet.
        let mut ordered: Vec<(&String, Dec)> = values.iter().map(|(c, v)| (c, *v)).collect();
        ordered.sort_by_key(|(c, _)| session.criteria.iter().position(|k| k.id == **c));
        for (criterion, value) in ordered {
            summary.values += 1;
            let seen = current.values.get(criterion.as_str()).copied();
            if seen == Some(value) {
                summary.unchanged += 1;
                continue;
            }
            summary.replaced += usize::from(seen.is_some());
            changes.push(Change::SetCell {
                team: team.clone(),
                juror: juror.clone(),
                criterion: criterion.as_str().into(),
                edit: Edit::new(seen, Some(value)),
            });
        }
        if let Some(total) = handwritten {
            summary.handwritten += 1;
            if current.handwritten == Some(total) {
                summary.unchanged += 1;
            } else {
                summary.replaced += usize::from(current.handwritten.is_some());
                changes.push(Change::SetHandwritten {
                    team,
                    juror,
                    edit: Edit::new(current.handwritten, Some(total)),
                });
            }
        }
    }
    let change = (!changes.is_empty()).then(|| Change::Batch {
        label: BatchLabel::Import {
            file: file.to_string(),
        },
        changes,
    });
    Ok((change, summary))
}
