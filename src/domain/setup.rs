//! Setup: the fields of the event, the settings, the teams and the jurors
//! that stay editable during the forum, and the changes that edit them
//! (a corrected name, a later start, a late team, a juror replaced).
//!
//! Every edit is one change carrying the whole item as its author saw it
//! and as it wants it; applying it merges field by field
//! ([`merge`]): a field the author did not touch is left as it is now, a
//! field the author changed must still hold what the author saw, else the
//! change is refused with both values ([`Refusal::StaleField`]).

use chrono::{NaiveDate, NaiveTime};

use super::operation::{BatchLabel, Change, Edit};
use super::refusal::Refusal;
use super::session::{
    Event, Juror, JurorId, Lang, Mark, Method, Session, Settings, Sheet, SheetKey, Slot, Team,
    TeamId, TeamStatus,
};

/// One editable field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    // The event.
    Title,
    Place,
    Date,
    // The settings.
    Pitch,
    Qa,
    Changeover,
    Start,
    Warning,
    Alarm,
    Bell,
    Laureates,
    MinSheets,
    TieBreak,
    Method,
    RecuseSameOrg,
    Lang,
    // A team.
    TeamName,
    Project,
    Summary,
    Members,
    TeamOrg,
    // A juror.
    JurorName,
    Role,
    JurorOrg,
}

impl Field {
    /// The event's fields, in the order shown.
    pub const ALL_EVENT: &'static [Field] = <Event as Fields>::FIELDS;
    /// The settings' fields, in the order shown.
    pub const ALL_SETTINGS: &'static [Field] = <Settings as Fields>::FIELDS;
}

/// A field's value, typed (the words format it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    /// A duration in seconds.
    Secs(u32),
    Time(Option<NaiveTime>),
    Date(Option<NaiveDate>),
    Count(u32),
    Flag(bool),
    Method(Method),
    /// Ids or names, in order.
    List(Vec<String>),
    Lang(Lang),
}

/// A value with editable fields.
pub trait Fields: Clone {
    const FIELDS: &'static [Field];
    fn get(&self, field: Field) -> Value;
    /// Set a field (a value of another kind, or a field of another item,
    /// is ignored).
    fn put(&mut self, field: Field, value: Value);
}

impl Fields for Event {
    const FIELDS: &'static [Field] = &[Field::Title, Field::Place, Field::Date];

    fn get(&self, field: Field) -> Value {
        match field {
            Field::Place => Value::Text(self.place.clone()),
            Field::Date => Value::Date(self.date),
            _ => Value::Text(self.title.clone()),
        }
    }

    fn put(&mut self, field: Field, value: Value) {
        match (field, value) {
            (Field::Title, Value::Text(t)) => self.title = t,
            (Field::Place, Value::Text(t)) => self.place = t,
            (Field::Date, Value::Date(d)) => self.date = d,
            _ => {}
        }
    }
}

impl Fields for Settings {
    const FIELDS: &'static [Field] = &[
        Field::Pitch,
        Field::Qa,
        Field::Changeover,
        Field::Start,
        Field::Warning,
        Field::Alarm,
        Field::Bell,
        Field::Laureates,
        Field::MinSheets,
        Field::TieBreak,
        Field::Method,
        Field::RecuseSameOrg,
        Field::Lang,
    ];

    fn get(&self, field: Field) -> Value {
        match field {
            Field::Qa => Value::Secs(self.qa_secs),
            Field::Changeover => Value::Secs(self.changeover_secs),
            Field::Start => Value::Time(self.start_time),
            Field::Warning => Value::Secs(self.warning_secs),
            Field::Alarm => Value::Secs(self.alarm_secs),
            Field::Bell => Value::Flag(self.bell),
            Field::Laureates => Value::Count(self.laureates),
            Field::MinSheets => Value::Count(self.min_sheets),
            Field::TieBreak => Value::List(self.tie_break.iter().map(|c| c.to_string()).collect()),
            Field::Method => Value::Method(self.method),
            Field::RecuseSameOrg => Value::Flag(self.recuse_same_org),
            Field::Lang => Value::Lang(self.lang),
            _ => Value::Secs(self.pitch_secs),
        }
    }

    fn put(&mut self, field: Field, value: Value) {
        match (field, value) {
            (Field::Pitch, Value::Secs(v)) => self.pitch_secs = v,
            (Field::Qa, Value::Secs(v)) => self.qa_secs = v,
            (Field::Changeover, Value::Secs(v)) => self.changeover_secs = v,
            (Field::Start, Value::Time(v)) => self.start_time = v,
            (Field::Warning, Value::Secs(v)) => self.warning_secs = v,
            (Field::Alarm, Value::Secs(v)) => self.alarm_secs = v,
            (Field::Bell, Value::Flag(v)) => self.bell = v,
            (Field::Laureates, Value::Count(v)) => self.laureates = v,
            (Field::MinSheets, Value::Count(v)) => self.min_sheets = v,
            (Field::TieBreak, Value::List(v)) => {
                self.tie_break = v.into_iter().map(Into::into).collect();
            }
            (Field::Method, Value::Method(v)) => self.method = v,
            (Field::RecuseSameOrg, Value::Flag(v)) => self.recuse_same_org = v,
            (Field::Lang, Value::Lang(v)) => self.lang = v,
            _ => {}
        }
    }
}

impl Fields for Team {
    const FIELDS: &'static [Field] = &[
        Field::TeamName,
        Field::Project,
        Field::Summary,
        Field::Members,
        Field::TeamOrg,
    ];

    fn get(&self, field: Field) -> Value {
        match field {
            Field::Project => Value::Text(self.project.clone()),
            Field::Summary => Value::Text(self.summary.clone()),
            Field::Members => Value::List(self.members.clone()),
            Field::TeamOrg => Value::Text(self.org.to_string()),
            _ => Value::Text(self.name.clone()),
        }
    }

    fn put(&mut self, field: Field, value: Value) {
        match (field, value) {
            (Field::TeamName, Value::Text(v)) => self.name = v,
            (Field::Project, Value::Text(v)) => self.project = v,
            (Field::Summary, Value::Text(v)) => self.summary = v,
            (Field::Members, Value::List(v)) => self.members = v,
            (Field::TeamOrg, Value::Text(v)) => self.org = v.into(),
            _ => {}
        }
    }
}

impl Fields for Juror {
    const FIELDS: &'static [Field] = &[Field::JurorName, Field::Role, Field::JurorOrg];

    fn get(&self, field: Field) -> Value {
        match field {
            Field::Role => Value::Text(self.role.clone()),
            Field::JurorOrg => Value::Text(self.org.to_string()),
            _ => Value::Text(self.name.clone()),
        }
    }

    fn put(&mut self, field: Field, value: Value) {
        match (field, value) {
            (Field::JurorName, Value::Text(v)) => self.name = v,
            (Field::Role, Value::Text(v)) => self.role = v,
            (Field::JurorOrg, Value::Text(v)) => self.org = v.into(),
            _ => {}
        }
    }
}

/// Apply an edit field by field: a field the author changed must hold
/// what the author saw (or already hold the new value: nothing happens
/// twice); the others are left as they are now. `item` names the team or
/// juror in a refusal.
pub fn merge<T: Fields>(
    current: &mut T,
    edit: &Edit<T>,
    item: Option<&str>,
) -> Result<(), Refusal> {
    let mut next = current.clone();
    for &field in T::FIELDS {
        let (seen, new) = (edit.seen.get(field), edit.new.get(field));
        if seen == new {
            continue;
        }
        let now = current.get(field);
        if now == new {
            continue;
        }
        if now != seen {
            return Err(Refusal::StaleField {
                item: item.map(String::from),
                field,
                seen,
                current: now,
            });
        }
        next.put(field, new);
    }
    *current = next;
    Ok(())
}

/// What a field belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Event,
    Settings,
    Team(TeamId),
    Juror(JurorId),
}

/// The change setting one field, built on the session as seen; `None`
/// when the value is what it already is or the item is unknown. An
/// organisation changed on a team or a juror also clears the values of
/// the pairs it makes recused (kept in the change: undo restores them).
pub fn set_field(s: &Session, target: &Target, field: Field, value: Value) -> Option<Change> {
    fn edit<T: Fields + PartialEq>(seen: &T, field: Field, value: Value) -> Option<Edit<T>> {
        let mut new = seen.clone();
        new.put(field, value);
        (new != *seen).then(|| Edit::new(seen.clone(), new))
    }
    match target {
        Target::Event => Some(Change::SetEvent {
            edit: edit(&s.event, field, value)?,
        }),
        Target::Settings => {
            let e = edit(&s.settings, field, value)?;
            let change = Change::SetSettings {
                edit: Edit::new(Box::new(e.seen), Box::new(e.new)),
            };
            Some(following_recusals(s, target, change))
        }
        Target::Team(id) => {
            let e = edit(s.team(id)?, field, value)?;
            let change = Change::SetTeam {
                id: id.clone(),
                position: None,
                edit: Edit::new(Some(Box::new(e.seen)), Some(Box::new(e.new))),
            };
            Some(following_recusals(s, target, change))
        }
        Target::Juror(id) => {
            let e = edit(s.juror(id)?, field, value)?;
            let change = Change::SetJuror {
                id: id.clone(),
                position: None,
                edit: Edit::new(Some(e.seen), Some(e.new)),
            };
            Some(following_recusals(s, target, change))
        }
    }
}

/// The change, preceded by clearing the values of every pair it makes
/// recused by organisation (first, so the inverse puts the organisation
/// back before restoring them). Alone when it recuses no pair with values.
pub fn following_recusals(s: &Session, target: &Target, change: Change) -> Change {
    let clears = recusal_clears(s, std::slice::from_ref(&change));
    if clears.is_empty() {
        return change;
    }
    let id = match target {
        Target::Team(id) => id.to_string(),
        Target::Juror(id) => id.to_string(),
        Target::Event | Target::Settings => "settings".to_string(),
    };
    let mut changes = clears;
    changes.push(change);
    Change::Batch {
        label: BatchLabel::Edit { id },
        changes,
    }
}

/// Clearing the values of the pairs that `changes` make recused by
/// organisation, as they stand in `s` (empty if the changes do not apply).
pub fn recusal_clears(s: &Session, changes: &[Change]) -> Vec<Change> {
    // Without the sheets, so the values about to be cleared do not refuse
    // the changes that recuse them.
    let mut after = s.clone();
    after.sheets.clear();
    after.verified.clear();
    let all = Change::Batch {
        label: BatchLabel::Roster,
        changes: changes.to_vec(),
    };
    if super::apply(&mut after, &all).is_err() {
        return Vec::new();
    }
    let mut clears = Vec::new();
    for (key, sheet) in &s.sheets {
        let (Some(team), Some(juror)) = (after.team(&key.team), after.juror(&key.juror)) else {
            continue;
        };
        let has_values = !sheet.values.is_empty() || sheet.handwritten.is_some();
        if has_values && sheet.mark.is_none() && after.auto_recused(team, juror) {
            clears.push(Change::SetSheet {
                team: key.team.clone(),
                juror: key.juror.clone(),
                edit: Edit::new(sheet.clone(), Sheet::default()),
            });
        }
    }
    clears
}

/// A late team: added, and put at the end of the schedule.
pub fn late_team(s: &Session, team: Team) -> Change {
    let mut schedule = s.schedule.clone();
    schedule.push(Slot::Team {
        team: team.id.clone(),
    });
    Change::Batch {
        label: BatchLabel::LateTeam {
            team: team.id.clone(),
        },
        changes: vec![
            Change::SetTeam {
                id: team.id.clone(),
                position: None,
                edit: Edit::new(None, Some(Box::new(team))),
            },
            Change::SetSchedule {
                edit: Edit::new(s.schedule.clone(), schedule),
            },
        ],
    }
}

/// A juror added (at the end of the list).
pub fn add_juror(juror: Juror) -> Change {
    Change::SetJuror {
        id: juror.id.clone(),
        position: None,
        edit: Edit::new(None, Some(juror)),
    }
}

/// Whether a team has been on stage (or is on it now, its pitch started):
/// a juror replaced from now on scored it, the newcomer did not.
pub fn has_passed(s: &Session, team: &TeamId) -> bool {
    s.stage.records(team).next().is_some()
        || (s.stage.team.as_ref() == Some(team) && s.stage.phase_started.is_some())
}

/// A juror who leaves, replaced by a newcomer: the newcomer is added and
/// is absent for the teams that have passed; the one who left is absent
/// for the teams still to come (their values, if any, kept in the change).
/// `None` when the juror is unknown.
pub fn replace_juror(s: &Session, left: &JurorId, newcomer: Juror) -> Option<Change> {
    s.juror(left)?;
    let absent = Sheet {
        mark: Some(Mark::Absent),
        ..Sheet::default()
    };
    let mut changes = vec![add_juror(newcomer.clone())];
    for slot in &s.schedule {
        let Some(team) = slot.team() else { continue };
        if s.team(team)
            .is_none_or(|t| t.status == TeamStatus::Withdrawn)
        {
            continue;
        }
        let who = if has_passed(s, team) {
            &newcomer.id
        } else {
            left
        };
        let seen = s
            .sheets
            .get(&SheetKey::new(team.clone(), who.clone()))
            .cloned()
            .unwrap_or_default();
        if seen.mark == Some(Mark::Absent) {
            continue;
        }
        let mark = Change::SetSheet {
            team: team.clone(),
            juror: who.clone(),
            edit: Edit::new(seen, absent.clone()),
        };
        if s.verified.contains(team) {
            // A verified grid is unlocked for the mark, then locked again.
            let lock = |seen, new| Change::SetVerified {
                team: team.clone(),
                edit: Edit::new(seen, new),
            };
            changes.extend([lock(true, false), mark, lock(false, true)]);
        } else {
            changes.push(mark);
        }
    }
    Some(Change::Batch {
        label: BatchLabel::Replace {
            left: left.clone(),
            by: newcomer.id,
        },
        changes,
    })
}

/// Durations and times as people type them (the command line's options
/// and the Setup screen's fields).
/// Seconds from `3m`, `180s`, `2m30s`, `1h`, `3:00` (minutes:seconds) or `0`.
pub fn parse_duration(text: &str) -> Option<u32> {
    let text = text.trim().to_ascii_lowercase();
    if text == "0" {
        return Some(0);
    }
    if let Some((m, s)) = text.split_once(':') {
        if s.len() != 2 {
            return None;
        }
        let (m, s) = (digits(m)?, digits(s)?);
        if s >= 60 {
            return None;
        }
        return m.checked_mul(60)?.checked_add(s);
    }
    let mut total: u32 = 0;
    let mut number = String::new();
    let mut last_unit = 0u32; // units must come in decreasing order
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            number.push(ch);
            continue;
        }
        let unit = match ch {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => return None,
        };
        if number.is_empty() || (last_unit != 0 && unit >= last_unit) {
            return None;
        }
        total = total.checked_add(digits(&number)?.checked_mul(unit)?)?;
        number.clear();
        last_unit = unit;
    }
    if !number.is_empty() || last_unit == 0 {
        return None;
    }
    Some(total)
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A time of day from `HH:MM` (also `9:30` and the French `9h30`, `14h`).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim().to_ascii_lowercase();
    let (h, m) = text.split_once(':').or_else(|| text.split_once('h'))?;
    let h = digits(h)?;
    let m = if m.is_empty() && text.contains('h') {
        0
    } else if m.len() == 2 {
        digits(m)?
    } else {
        return None;
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

#[cfg(test)]
#[path = "setup_tests.rs"]
mod tests;
