//! The Setup screen: the event, the settings, the teams and the jurors,
//! one row per field. `Enter` opens a text field on the row (every
//! printable key is text, `Enter` confirms, `Esc` cancels, a paste fills
//! it); each confirmed edit is one change (`domain::setup`). A late team,
//! a juror added or replaced start from a text field too (the name).
//! The official method and the criteria are shown locked once scoring
//! has started.

use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::KeyCode;

use super::Reply;
use crate::app::App;
use crate::app::keys::{Binding, CommonHelp, Key, bind};
use crate::app::notice::Notice;
use crate::domain::setup::{self, Field, Fields, Target, Value};
use crate::domain::{Change, Edit, Juror, Session, Team, TeamStatus};

/// A key of the Setup screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetupKey {
    Up,
    Down,
    PageUp,
    PageDown,
    /// Edit the selected field.
    Edit,
    /// Withdraw or restore the selected team.
    Withdraw,
    /// Add a late team (its name typed).
    LateTeam,
    /// Add a juror (the name typed).
    AddJuror,
    /// Replace the selected juror (the newcomer's name typed).
    Replace,
    // In the text field.
    Char(char),
    Paste(String),
    Backspace,
    Confirm,
    Cancel,
}

impl SetupKey {
    /// Whether the key only looks around (nothing to save).
    pub fn only_looks(&self) -> bool {
        matches!(
            self,
            SetupKey::Up
                | SetupKey::Down
                | SetupKey::PageUp
                | SetupKey::PageDown
                | SetupKey::Cancel
        )
    }

    /// A text field's binding with the character typed.
    pub fn typed(self, c: char) -> SetupKey {
        match self {
            SetupKey::Char(_) => SetupKey::Char(c),
            other => other,
        }
    }
}

impl From<SetupKey> for crate::app::Action {
    fn from(key: SetupKey) -> crate::app::Action {
        crate::app::Action::Key(super::ScreenKey::Setup(key))
    }
}

/// One row of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    Field(Target, Field),
    /// The criteria (shown, locked once scoring started).
    Criteria,
}

/// What the text field will do once confirmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    Set(Target, Field),
    LateTeam,
    AddJuror,
    Replace(crate::domain::JurorId),
}

/// The text field open on the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Editing {
    pub purpose: Purpose,
    pub text: String,
}

/// The Setup screen's state (not saved).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetupState {
    pub row: usize,
    pub editing: Option<Editing>,
}

impl SetupState {
    pub fn typing(&self) -> bool {
        self.editing.is_some()
    }
}

/// Every row, in order: the event, the settings, each team's fields (in
/// schedule order), each juror's.
pub fn rows(s: &Session) -> Vec<Row> {
    let mut rows: Vec<Row> = Field::ALL_EVENT
        .iter()
        .map(|f| Row::Field(Target::Event, *f))
        .collect();
    rows.extend(
        Field::ALL_SETTINGS
            .iter()
            .filter(|f| !matches!(f, Field::Lang | Field::RecuseSameOrg))
            .map(|f| Row::Field(Target::Settings, *f)),
    );
    rows.push(Row::Criteria);
    for t in s.teams_in_order() {
        rows.extend(
            Team::FIELDS
                .iter()
                .map(|f| Row::Field(Target::Team(t.id.clone()), *f)),
        );
    }
    for j in &s.jurors {
        rows.extend(
            Juror::FIELDS
                .iter()
                .map(|f| Row::Field(Target::Juror(j.id.clone()), *f)),
        );
    }
    rows
}

/// A field's value now.
pub fn value(s: &Session, target: &Target, field: Field) -> Option<Value> {
    Some(match target {
        Target::Event => s.event.get(field),
        Target::Settings => s.settings.get(field),
        Target::Team(id) => s.team(id)?.get(field),
        Target::Juror(id) => s.juror(id)?.get(field),
    })
}

/// Whether a row cannot change now (the method and criteria once scored).
pub fn locked(s: &Session, row: &Row) -> bool {
    matches!(
        row,
        Row::Criteria | Row::Field(Target::Settings, Field::Method)
    ) && s.scoring_started()
}

/// How the items of a list field are written in its text: a team's
/// members apart by `|` (as in teams.csv: a member's name may hold a
/// comma, "Karim Benali (chef de cuisine, collège)"), ids by commas.
fn list_separator(field: Field) -> &'static str {
    match field {
        Field::Members => " | ",
        _ => ", ",
    }
}

/// The text a field opens with.
fn as_text(field: Field, v: &Value) -> String {
    match v {
        Value::Text(t) => t.clone(),
        Value::Secs(s) => crate::domain::stage::clock_text(i64::from(*s)),
        Value::Time(t) => t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default(),
        Value::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
        Value::Count(n) => n.to_string(),
        Value::Flag(b) => if *b { "on" } else { "off" }.to_string(),
        Value::Method(m) => m.id().to_string(),
        Value::List(items) => items.join(list_separator(field)),
        Value::Lang(l) => l.code().to_string(),
    }
}

/// The typed text read as the field's value; `None` if unreadable.
fn parse(field: Field, text: &str, like: &Value) -> Option<Value> {
    use crate::domain::setup::{parse_duration, parse_time};
    let text = text.trim();
    Some(match like {
        Value::Text(_) => Value::Text(text.to_string()),
        Value::Secs(_) => Value::Secs(parse_duration(text)?),
        Value::Time(_) if text.is_empty() => Value::Time(None),
        Value::Time(_) => Value::Time(Some(parse_time(text)?)),
        Value::Date(_) if text.is_empty() => Value::Date(None),
        Value::Date(_) => Value::Date(Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?)),
        Value::Count(_) => Value::Count(text.parse().ok()?),
        Value::Flag(_) => Value::Flag(match text.to_lowercase().as_str() {
            "on" | "oui" | "yes" | "o" | "y" | "1" => true,
            "off" | "non" | "no" | "n" | "0" => false,
            _ => return None,
        }),
        Value::Method(_) => Value::Method(crate::domain::Method::parse(text)?),
        Value::List(_) => Value::List(
            text.split(list_separator(field).trim())
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect(),
        ),
        Value::Lang(_) => Value::Lang(crate::domain::Lang::parse(text)?),
    })
    .filter(|_| field != Field::Lang || !text.is_empty())
}

/// Rows moved by PgUp / PgDn.
const PAGE: usize = 10;

/// The words of the Setup screen's own keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetupHelp {
    Edit,
    EditShort,
    Withdraw,
    LateTeam,
    LateTeamShort,
    AddJuror,
    Replace,
    ReplaceShort,
}

pub fn bindings(app: &App) -> Vec<Binding<SetupKey>> {
    use CommonHelp as C;
    use SetupHelp as H;
    use SetupKey as K;
    if app.setup.typing() {
        return vec![
            bind(Key::Text, K::Char(' '), C::TypeText),
            bind(Key::Code(KeyCode::Enter), K::Confirm, C::Confirm).foot(C::Confirm),
            bind(Key::Code(KeyCode::Esc), K::Cancel, C::Cancel).foot(C::Cancel),
            bind(
                Key::Code(KeyCode::Backspace),
                K::Backspace,
                C::EraseCharacter,
            ),
        ];
    }
    vec![
        bind(Key::Code(KeyCode::Up), K::Up, C::PreviousRow),
        bind(Key::Code(KeyCode::Down), K::Down, C::NextRow),
        bind(Key::Code(KeyCode::PageUp), K::PageUp, C::PreviousPage),
        bind(Key::Code(KeyCode::PageDown), K::PageDown, C::NextPage),
        bind(Key::Code(KeyCode::Enter), K::Edit, H::Edit).foot(H::EditShort),
        bind(Key::Char('w'), K::Withdraw, H::Withdraw),
        bind(Key::Char('a'), K::LateTeam, H::LateTeam).foot(H::LateTeamShort),
        bind(Key::Char('j'), K::AddJuror, H::AddJuror),
        bind(Key::Char('r'), K::Replace, H::Replace).foot(H::ReplaceShort),
    ]
}

pub fn handle(app: &mut App, key: SetupKey, _now: DateTime<Utc>) -> Reply {
    let s = app.basis();
    let rows = rows(&s);
    let last = rows.len().saturating_sub(1);
    let selected = rows.get(app.setup.row.min(last)).cloned();
    let state = &mut app.setup;
    match key {
        SetupKey::Up => state.row = state.row.saturating_sub(1),
        SetupKey::Down => state.row = (state.row + 1).min(last),
        SetupKey::PageUp => state.row = state.row.saturating_sub(PAGE),
        SetupKey::PageDown => state.row = (state.row + PAGE).min(last),
        SetupKey::Edit => match selected {
            Some(row) if locked(&s, &row) => return Reply::say(Notice::SetupLocked),
            Some(Row::Field(target, field)) => {
                let text = value(&s, &target, field).map(|v| as_text(field, &v));
                state.editing = Some(Editing {
                    purpose: Purpose::Set(target, field),
                    text: text.unwrap_or_default(),
                });
            }
            Some(Row::Criteria) | None => {}
        },
        SetupKey::Withdraw => return withdraw(&s, selected.as_ref()),
        SetupKey::LateTeam => state.open(Purpose::LateTeam),
        SetupKey::AddJuror => state.open(Purpose::AddJuror),
        SetupKey::Replace => match selected {
            Some(Row::Field(Target::Juror(id), _)) => state.open(Purpose::Replace(id)),
            _ => return Reply::say(Notice::SelectJuror),
        },
        SetupKey::Char(c) => return state.type_text(&c.to_string()),
        SetupKey::Paste(text) => return state.type_text(&text),
        SetupKey::Backspace => {
            if let Some(e) = &mut state.editing {
                e.text.pop();
            }
        }
        SetupKey::Cancel => state.editing = None,
        SetupKey::Confirm => return confirm(app, &s),
    }
    Reply::none()
}

impl SetupState {
    fn open(&mut self, purpose: Purpose) {
        self.editing = Some(Editing {
            purpose,
            text: String::new(),
        });
    }

    /// Typed or pasted text: one line (a paste's line breaks and tabs
    /// become spaces), without the characters no name may hold (a pasted
    /// ESC, BEL or direction override never reaches the field, nor the
    /// terminal that draws it), and no longer than the field takes
    /// ([`longest`]): the rest is dropped, and the status line says so.
    fn type_text(&mut self, text: &str) -> Reply {
        use crate::domain::validate::is_unsafe_char;
        let Some(e) = &mut self.editing else {
            return Reply::none();
        };
        let max = longest(&e.purpose);
        let room = max.saturating_sub(e.text.chars().count());
        let mut kept = text
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .filter(|&c| !is_unsafe_char(c));
        e.text.extend(kept.by_ref().take(room));
        if kept.next().is_some() {
            return Reply::say(Notice::SetupTooLong { max });
        }
        Reply::none()
    }
}

/// The most characters a text field takes: a summary or a list of members
/// [`SUMMARY_MAX`], any other [`NAME_MAX`] (the limits the session's
/// validation holds every text to).
fn longest(purpose: &Purpose) -> usize {
    use crate::domain::validate::{NAME_MAX, SUMMARY_MAX};
    match purpose {
        Purpose::Set(_, Field::Summary | Field::Members) => SUMMARY_MAX,
        _ => NAME_MAX,
    }
}

/// `Enter` in the text field: the change, or why not (the field stays open).
fn confirm(app: &mut App, s: &Session) -> Reply {
    let Some(editing) = app.setup.editing.clone() else {
        return Reply::none();
    };
    let text = editing.text.trim().to_string();
    let change = match editing.purpose {
        Purpose::Set(target, field) => {
            let Some(now) = value(s, &target, field) else {
                app.setup.editing = None;
                return Reply::none();
            };
            let Some(new) = parse(field, &text, &now) else {
                return Reply::say(Notice::SetupUnreadable(field));
            };
            match setup::set_field(s, &target, field, new) {
                Some(change) => change,
                None => {
                    app.setup.editing = None;
                    return Reply::none();
                }
            }
        }
        _ if text.is_empty() => return Reply::say(Notice::SetupNameEmpty),
        Purpose::LateTeam => setup::late_team(s, new_team(s, text)),
        Purpose::AddJuror => setup::add_juror(new_juror(s, text, None)),
        Purpose::Replace(left) => {
            let newcomer = new_juror(s, text, s.juror(&left));
            match setup::replace_juror(s, &left, newcomer) {
                Some(change) => change,
                None => return Reply::none(),
            }
        }
    };
    app.setup.editing = None;
    Reply::send(change)
}

/// `w` on a team's row: withdraw it, or restore it.
fn withdraw(s: &Session, row: Option<&Row>) -> Reply {
    let Some(Row::Field(Target::Team(id), _)) = row else {
        return Reply::say(Notice::SelectTeam);
    };
    let Some(team) = s.team(id) else {
        return Reply::none();
    };
    if s.stage.team.as_ref() == Some(id) && team.status == TeamStatus::Scheduled {
        return Reply::say(Notice::OnStageNotWithdrawn(id.clone()));
    }
    let new = match team.status {
        TeamStatus::Scheduled => TeamStatus::Withdrawn,
        TeamStatus::Withdrawn => TeamStatus::Scheduled,
    };
    Reply::send(Change::SetTeamStatus {
        team: id.clone(),
        edit: Edit::new(team.status, new),
    })
}

/// The next free id `prefix` + number, as wide as the widest one in use.
fn next_id<'a>(prefix: &str, ids: impl Iterator<Item = &'a str> + Clone) -> String {
    let numbers = ids.clone().filter_map(|id| {
        let digits = id.strip_prefix(prefix)?;
        Some((digits.len(), digits.parse::<u32>().ok()?))
    });
    let width = numbers.clone().map(|(w, _)| w).max().unwrap_or(2);
    let mut n = numbers.map(|(_, n)| n).max().unwrap_or(0) + 1;
    loop {
        let id = format!("{prefix}{n:0width$}");
        if !ids.clone().any(|i| i == id) {
            return id;
        }
        n += 1;
    }
}

fn new_team(s: &Session, name: String) -> Team {
    let org = s
        .organisations
        .first()
        .map(|o| o.id.clone())
        .unwrap_or_default();
    Team {
        id: next_id("T", s.teams.iter().map(|t| t.id.as_str())).into(),
        name,
        project: String::new(),
        summary: String::new(),
        org,
        members: Vec::new(),
        status: TeamStatus::Scheduled,
    }
}

/// A new juror: the role and organisation of the one replaced, if any.
fn new_juror(s: &Session, name: String, like: Option<&Juror>) -> Juror {
    let org = like
        .map(|j| j.org.clone())
        .or_else(|| s.organisations.first().map(|o| o.id.clone()))
        .unwrap_or_default();
    Juror {
        id: next_id("J", s.jurors.iter().map(|j| j.id.as_str())).into(),
        name,
        role: like.map(|j| j.role.clone()).unwrap_or_default(),
        org,
    }
}

#[cfg(test)]
#[path = "setup_tests.rs"]
mod tests;
