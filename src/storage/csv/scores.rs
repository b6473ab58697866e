//! scores.csv: team, juror, criterion, value.
//!
//! A row with a criterion sets that cell. A row with an empty criterion
//! records, for the pair: `absent`, `recused`, or a number (the juror's
//! handwritten total). The whole file becomes one `Change::Batch`, each
//! change carrying the value it replaces; the file is all or nothing, so
//! every bad row is reported and no change is built.
//!
//! The rows are read one at a time: what is kept is one entry per cell
//! of the session the file names (a key given twice is reported, not
//! kept twice), so memory is bounded by the session, never by the file.

use std::cell::Cell;
use std::collections::HashMap;
use std::io::BufRead;

use crate::domain::{
    BatchLabel, Change, Criterion, Dec, Edit, Juror, JurorId, Lang, Mark, PairState, Refusal,
    Session, Sheet, SheetKey, Team, TeamId,
};

use super::problems::{Rejected, shown};
use super::reader::{self, Column, Problems, Row};
use crate::words::import::{Counts, Reading};
use crate::words::rows::RowProblem;

/// `note` is what a French score sheet calls a score: it is the value
/// column unless the file has a `value` (or `valeur`) column too, which
/// makes `note` an organiser's own column (a remark), ignored.
pub const SCORE_COLUMNS: &[Column] = &[
    Column::required("team", &["équipe", "equipe"]),
    Column::required("juror", &["juré", "jure", "membre du jury"]),
    Column::required("criterion", &["critère", "critere"]),
    Column::required("value", &["valeur"]).or_else(&["note", "score"]),
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

/// A pair row's key: after every criterion.
const PAIR: u32 = u32::MAX;

/// Where a row writes: team, juror and criterion by their place in the
/// session (`PAIR` for a pair row).
type Key = (u32, u32, u32);

/// What the file gave for one key: the first line, whether it is a mark,
/// its entry when the row is good, and whether its line was told of a
/// conflict already.
#[derive(Clone, Copy, Debug)]
struct Seen {
    line: u64,
    mark: bool,
    entry: Option<Entry>,
    told: bool,
}

/// The session's teams, jurors and criteria by id (each row's ids are
/// looked up once), and the last pair's excuse (a file's rows of one pair
/// usually follow each other).
struct Index<'a> {
    session: &'a Session,
    teams: HashMap<&'a str, u32>,
    jurors: HashMap<&'a str, u32>,
    criteria: HashMap<&'a str, u32>,
    excused: Cell<Option<Excused>>,
}

/// A pair (team, juror) and its excuse.
type Excused = ((u32, u32), Option<PairState>);

fn places<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, u32> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        // The first of two equal ids wins, as with `Session::team`.
        map.entry(id(item)).or_insert(i as u32);
    }
    map
}

impl<'a> Index<'a> {
    fn new(session: &'a Session) -> Index<'a> {
        Index {
            session,
            teams: places(&session.teams, |t: &'a Team| t.id.as_str()),
            jurors: places(&session.jurors, |j: &'a Juror| j.id.as_str()),
            criteria: places(&session.criteria, |c: &'a Criterion| c.id.as_str()),
            excused: Cell::new(None),
        }
    }

    /// Why the juror does not score the team, if so (`Session::excuse`).
    fn excuse(&self, t: u32, j: u32) -> Option<PairState> {
        if let Some((pair, excuse)) = self.excused.get()
            && pair == (t, j)
        {
            return excuse;
        }
        let excuse = self.session.excuse(self.team(t), self.juror(j));
        self.excused.set(Some(((t, j), excuse)));
        excuse
    }

    fn team(&self, i: u32) -> &'a Team {
        &self.session.teams[i as usize]
    }

    fn juror(&self, i: u32) -> &'a Juror {
        &self.session.jurors[i as usize]
    }
}

/// "T1/J3/impact", or "T1/J3" for a pair row.
fn key_words(index: &Index, (t, j, c): Key) -> String {
    let (team, juror) = (&index.team(t).id, &index.juror(j).id);
    match index.session.criteria.get(c as usize) {
        Some(criterion) => format!("{team}/{juror}/{}", criterion.id),
        None => format!("{team}/{juror}"),
    }
}

/// The team and the juror of a row, each reported when missing or unknown.
fn pair_of(index: &Index, row: &Row, problems: &mut Problems) -> (Option<u32>, Option<u32>) {
    let lang = problems.lang;
    let (team_id, juror_id) = (row.get("team"), row.get("juror"));
    let team = index.teams.get(team_id).copied();
    if team.is_none() {
        if team_id.is_empty() {
            problems.say(row.line, RowProblem::TeamMissing);
        } else {
            let refusal = Refusal::UnknownTeam(shown(team_id).as_ref().into());
            problems.at(row.line, refusal.message(lang));
        }
    }
    let juror = index.jurors.get(juror_id).copied();
    if juror.is_none() {
        if juror_id.is_empty() {
            problems.say(row.line, RowProblem::JurorMissing);
        } else {
            let refusal = Refusal::UnknownJuror(shown(juror_id).as_ref().into());
            problems.at(row.line, refusal.message(lang));
        }
    }
    (team, juror)
}

/// A pair row's entry: a mark, or a handwritten total.
fn pair_entry(text: &str, line: u64, problems: &mut Problems) -> Option<Entry> {
    if let Some(mark) = mark_word(text) {
        Some(Entry::Mark(mark))
    } else if text.is_empty() {
        problems.say(line, RowProblem::PairEmpty);
        None
    } else if let Ok(total) = Dec::parse(text) {
        Some(Entry::Handwritten(total))
    } else {
        let text = shown(text);
        problems.say(line, RowProblem::PairNotUnderstood { text: &text });
        None
    }
}

/// A cell's value, checked against its criterion's scale.
fn value_entry(
    criterion: &Criterion,
    text: &str,
    line: u64,
    problems: &mut Problems,
) -> Option<Entry> {
    let lang = problems.lang;
    let refusal = match Dec::parse(text) {
        Err(_) if text.is_empty() => {
            problems.say(line, RowProblem::ValueMissing);
            return None;
        }
        Err(_) => {
            let text = shown(text);
            let text = &*text;
            problems.say(line, RowProblem::NotANumber { column: None, text });
            return None;
        }
        Ok(v) if v < criterion.min || v > criterion.max => Refusal::OutOfRange {
            criterion: criterion.id.clone(),
            label: criterion.label.clone(),
            value: v,
            min: criterion.min,
            max: criterion.max,
        },
        Ok(v) if !v.is_on_step(criterion.min, criterion.step) => Refusal::OffStep {
            criterion: criterion.id.clone(),
            label: criterion.label.clone(),
            value: v,
            min: criterion.min,
            step: criterion.step,
        },
        Ok(v) => return Some(Entry::Value(v)),
    };
    problems.at(line, refusal.message(lang));
    None
}

/// Check one row against the session: where it writes (when its ids are
/// known) and its entry (when it is good); every problem reported.
fn entry(index: &Index, row: &Row, problems: &mut Problems) -> (Option<Key>, Option<Entry>) {
    let session = index.session;
    let lang = problems.lang;
    let (team, juror) = pair_of(index, row, problems);
    let (criterion_id, text) = (row.get("criterion"), row.get("value"));
    let (criterion, entry) = if criterion_id.is_empty() {
        (Some(PAIR), pair_entry(text, row.line, problems))
    } else if let Some(&c) = index.criteria.get(criterion_id) {
        let criterion = &session.criteria[c as usize];
        (Some(c), value_entry(criterion, text, row.line, problems))
    } else {
        let refusal = Refusal::UnknownCriterion(shown(criterion_id).as_ref().into());
        problems.at(row.line, refusal.message(lang));
        (None, None)
    };
    let (Some(t), Some(j), Some(c)) = (team, juror, criterion) else {
        return (None, None);
    };
    let key = Some((t, j, c));
    let Some(entry) = entry else {
        return (key, None);
    };
    let (team, juror) = (index.team(t), index.juror(j));
    if session.verified.contains(&team.id) {
        let refusal = Refusal::Verified {
            team: team.id.clone(),
        };
        problems.at(row.line, refusal.message(lang));
        return (key, None);
    }
    if !matches!(entry, Entry::Mark(_))
        && let Some(status) = index.excuse(t, j)
    {
        let refusal = Refusal::NotScored {
            team: team.id.clone(),
            juror: juror.id.clone(),
            status,
        };
        problems.at(row.line, refusal.message(lang));
        return (key, None);
    }
    (key, Some(entry))
}

/// The rows kept, one per key, and the conflicts between them reported
/// as they are met: a key given twice; a pair both marked and scored.
struct Found<'a> {
    index: Index<'a>,
    seen: HashMap<Key, Seen>,
}

impl Found<'_> {
    /// Keep a row's entry, or report it as a repeat of its key.
    fn add(&mut self, key: Key, line: u64, mark: bool, entry: Option<Entry>, p: &mut Problems) {
        if let Some(first) = self.seen.get_mut(&key) {
            let (what, first_line) = (key_words(&self.index, key), first.line);
            let what = what.as_str();
            let say = |p: &mut Problems, at: u64| {
                let lines = (first_line, line);
                reader::say(p, at, Reading::Repeated { what, lines });
            };
            if !first.told {
                first.told = true;
                say(p, first_line);
            }
            say(p, line);
            return;
        }
        let (t, j, c) = key;
        // A mark and a value for the same pair: both lines told.
        let other = if c == PAIR && mark {
            (0..self.index.session.criteria.len() as u32)
                .filter_map(|k| self.seen.get(&(t, j, k)).map(|s| s.line))
                .min()
        } else if c != PAIR {
            self.seen
                .get(&(t, j, PAIR))
                .filter(|s| s.mark)
                .map(|s| s.line)
        } else {
            None
        };
        if let Some(other) = other {
            let what = key_words(&self.index, (t, j, PAIR));
            let lines = (other.min(line), other.max(line));
            for at in [other, line] {
                let what = what.as_str();
                reader::say(p, at, Reading::MarkedAndScored { what, lines });
            }
        }
        self.seen.insert(
            key,
            Seen {
                line,
                mark,
                entry,
                told: false,
            },
        );
    }
}

/// The import as one change (`None` when nothing would change), or every
/// problem (the first ones, then a count). `input` is the file's text
/// (decoded); `progress` is told each row's line.
pub fn import(
    session: &Session,
    file: &str,
    input: impl BufRead,
    lang: Lang,
    progress: &mut dyn FnMut(u64),
) -> Result<(Option<Change>, Counts), Rejected> {
    let mut problems = Problems::new(file, lang);
    let mut found = Found {
        index: Index::new(session),
        seen: HashMap::new(),
    };
    let read = reader::each_row(input, SCORE_COLUMNS, &mut problems, |row, problems| {
        progress(row.line);
        let (key, entry) = entry(&found.index, row, problems);
        if let Some(key) = key {
            let mark = key.2 == PAIR && mark_word(row.get("value")).is_some();
            found.add(key, row.line, mark, entry, problems);
        }
    });
    if !read || !problems.is_empty() {
        return Err(problems.rejected());
    }
    let mut entries: Vec<(Key, Entry)> = found
        .seen
        .into_iter()
        .filter_map(|(key, seen)| seen.entry.map(|e| (key, e)))
        .collect();
    // By team and juror id, then criterion order, the handwritten total
    // last, as on a paper sheet.
    let (teams, jurors) = (
        ranks(&session.teams, |t| t.id.as_str()),
        ranks(&session.jurors, |j| j.id.as_str()),
    );
    entries.sort_unstable_by_key(|&((t, j, c), _)| (teams[t as usize], jurors[j as usize], c));
    let (mut changes, summary) = changes(session, &entries);
    drop(entries);
    changes.shrink_to_fit();
    let change = (!changes.is_empty()).then(|| Change::Batch {
        label: BatchLabel::Import {
            file: file.to_string(),
        },
        changes,
    });
    Ok((change, summary))
}

/// Each item's place when sorted by id.
fn ranks<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<u32> {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.sort_by(|&a, &b| id(&items[a as usize]).cmp(id(&items[b as usize])));
    let mut rank = vec![0; items.len()];
    for (place, &i) in order.iter().enumerate() {
        rank[i as usize] = place as u32;
    }
    rank
}

/// The changes the entries make to the session (each carrying what it
/// replaces), and what they count.
fn changes(session: &Session, entries: &[(Key, Entry)]) -> (Vec<Change>, Counts) {
    // At most one change per entry: room for them all at once, never a
    // doubled buffer (an import of every value holds hundreds of thousands).
    let mut changes = Vec::with_capacity(entries.len());
    let mut summary = Counts::default();
    let empty = Sheet::default();
    let mut current: (Option<(u32, u32)>, &Sheet) = (None, &empty);
    for &((t, j, c), entry) in entries {
        let (team, juror) = (
            &session.teams[t as usize].id,
            &session.jurors[j as usize].id,
        );
        if current.0 != Some((t, j)) {
            let sheet = session
                .sheets
                .get(&SheetKey::new(team.clone(), juror.clone()));
            current = (Some((t, j)), sheet.unwrap_or(&empty));
        }
        let sheet = current.1;
        match entry {
            Entry::Mark(mark) => {
                match mark {
                    Mark::Absent => summary.absences += 1,
                    Mark::Recused => summary.recusals += 1,
                }
                let new = Sheet {
                    mark: Some(mark),
                    ..Sheet::default()
                };
                if new == *sheet {
                    summary.unchanged += 1;
                    continue;
                }
                summary.replaced += usize::from(!sheet.is_empty());
                changes.push(Change::SetSheet {
                    team: team.clone(),
                    juror: juror.clone(),
                    edit: Edit::new(sheet.clone(), new),
                });
            }
            Entry::Value(value) => {
                summary.values += 1;
                let criterion = &session.criteria[c as usize].id;
                let seen = sheet.values.get(criterion).copied();
                if seen == Some(value) {
                    summary.unchanged += 1;
                    continue;
                }
                summary.replaced += usize::from(seen.is_some());
                changes.push(Change::SetCell {
                    team: team.clone(),
                    juror: juror.clone(),
                    criterion: criterion.clone(),
                    edit: Edit::new(seen, Some(value)),
                });
            }
            Entry::Handwritten(total) => {
                summary.handwritten += 1;
                if sheet.handwritten == Some(total) {
                    summary.unchanged += 1;
                    continue;
                }
                summary.replaced += usize::from(sheet.handwritten.is_some());
                changes.push(Change::SetHandwritten {
                    team: team.clone(),
                    juror: juror.clone(),
                    edit: Edit::new(sheet.handwritten, Some(total)),
                });
            }
        }
    }
    (changes, summary)
}

/// How many of a batch's changes another writer made stale: each change
/// whose value as seen is no longer the session's.
pub fn stale_changes(session: &Session, change: &Change) -> usize {
    let Change::Batch { changes, .. } = change else {
        return 0;
    };
    let sheet =
        |team: &TeamId, juror: &JurorId| session.sheet(team, juror).cloned().unwrap_or_default();
    changes
        .iter()
        .filter(|c| match c {
            Change::SetCell {
                team,
                juror,
                criterion,
                edit,
            } => session.value(team, juror, criterion) != edit.seen,
            Change::SetHandwritten { team, juror, edit } => {
                sheet(team, juror).handwritten != edit.seen
            }
            Change::SetSheet { team, juror, edit } => sheet(team, juror) != edit.seen,
            _ => false,
        })
        .count()
}
