//! The session: everything one event needs, in one value.
//!
//! This is the content of the state file. It is complete by itself; the
//! journal beside it records how it came to be.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::decimal::Dec;
use super::lookup::Lookup;
use super::stage::Stage;

/// The state file format written by this version.
pub const FORMAT: u32 = 1;

pub use super::id::{CriterionId, JurorId, OrgId, TeamId};
pub use super::sheet::{Mark, Sheet, SheetKey, Values};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub format: u32,
    /// Random id fixed at creation; every journal line carries it.
    pub id: String,
    /// Number of journal lines this state includes (line 1 is the creation).
    pub revision: u64,
    pub event: Event,
    pub settings: Settings,
    pub organisations: Vec<Organisation>,
    pub teams: Vec<Team>,
    pub jurors: Vec<Juror>,
    pub criteria: Vec<Criterion>,
    /// Running order: teams and breaks.
    pub schedule: Vec<Slot>,
    /// The live stage: who is on, which phase, the phase clock.
    #[serde(default)]
    pub stage: Stage,
    #[serde(default)]
    pub queue: Vec<Speaker>,
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Every juror's sheet for every team that has anything recorded.
    #[serde(default, with = "super::sheet::sheet_list")]
    pub sheets: BTreeMap<SheetKey, Sheet>,
    #[serde(default)]
    pub verified: BTreeSet<TeamId>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// The blind second entry of the values (team → juror → criterion →
    /// value), kept apart from the first entry it checks
    /// (`domain::double_entry`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub second_entry: SecondEntry,
    /// A short message to the speaker shown big on the stage and the
    /// display until cleared (`Concluez`, or any text typed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
    /// The laureates' reveal on the stage display, while under way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reveal: Option<super::reveal::Reveal>,
    /// The results are sealed: no output shows the ranking until they are
    /// unsealed (a state file written before sealing existed reads as not
    /// sealed). Entry goes on while sealed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sealed: bool,
    /// The teams, jurors and criteria by id (`domain::lookup`): never
    /// written, built on first use, dropped by a change of the roster.
    #[serde(skip)]
    pub(super) lookup: Lookup,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// The message to the speaker: the ready one (each screen words it in its
/// language), or a text typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Message {
    Conclude,
    Text(String),
}

/// The values of the blind second entry: team → juror → criterion → value.
pub type SecondEntry = BTreeMap<TeamId, BTreeMap<JurorId, BTreeMap<CriterionId, Dec>>>;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub title: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Pick the text for this language.
    pub fn t<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        self.t("fr", "en")
    }

    /// The decimal separator of the language (`12,5` / `12.5`): the one
    /// place it is decided. `crate::words::number` writes numbers with it.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::Fr => ',',
            Lang::En => '.',
        }
    }

    /// The field separator of the language's spreadsheets (`;` in French,
    /// where the comma is the decimal mark; `,` in English): the one place
    /// it is decided, for every CSV Podium writes.
    pub fn csv_delimiter(self) -> u8 {
        match self {
            Lang::Fr => b';',
            Lang::En => b',',
        }
    }

    /// Whether the language's spreadsheets need a byte order mark to read
    /// a CSV as UTF-8 (French Excel does).
    pub fn csv_bom(self) -> bool {
        match self {
            Lang::Fr => true,
            Lang::En => false,
        }
    }
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    #[default]
    Mean,
    Normalized,
    Trimmed,
    Borda,
    Majority,
}

impl Method {
    pub const ALL: [Method; 5] = [
        Method::Mean,
        Method::Normalized,
        Method::Trimmed,
        Method::Borda,
        Method::Majority,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Method::Mean => "mean",
            Method::Normalized => "normalized",
            Method::Trimmed => "trimmed",
            Method::Borda => "borda",
            Method::Majority => "majority",
        }
    }

    pub fn parse(text: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.id() == text.trim())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Pitch duration in seconds.
    pub pitch_secs: u32,
    /// Questions duration in seconds.
    pub qa_secs: u32,
    /// Changeover between two teams, in seconds.
    pub changeover_secs: u32,
    /// Planned start of the first team (local time of the event).
    #[serde(default)]
    pub start_time: Option<NaiveTime>,
    /// Remaining time at which the countdown turns to the warning colour.
    pub warning_secs: u32,
    /// Remaining time at which it turns to the alarm colour.
    pub alarm_secs: u32,
    pub laureates: u32,
    /// Official ranking method; fixed once the first score is entered.
    pub method: Method,
    /// Criterion ids, in order, that break ties (higher mean first).
    #[serde(default)]
    pub tie_break: Vec<CriterionId>,
    pub min_sheets: u32,
    /// Jurors do not score teams of their own organisation.
    pub recuse_same_org: bool,
    pub lang: Lang,
    /// Ring the terminal bell when the countdown reaches zero.
    #[serde(default = "yes")]
    pub bell: bool,
}

fn yes() -> bool {
    true
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            pitch_secs: 180,
            qa_secs: 120,
            changeover_secs: 60,
            start_time: None,
            warning_secs: 60,
            alarm_secs: 30,
            laureates: 8,
            method: Method::Mean,
            tie_break: Vec::new(),
            min_sheets: 1,
            recuse_same_org: false,
            lang: Lang::Fr,
            bell: true,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: OrgId,
    pub name: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TeamStatus {
    #[default]
    Scheduled,
    Withdrawn,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub id: TeamId,
    pub name: String,
    #[serde(default)]
    pub project: String,
    #[serde(default)]
    pub summary: String,
    pub org: OrgId,
    #[serde(default)]
    pub members: Vec<String>,
    #[serde(default)]
    pub status: TeamStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Juror {
    pub id: JurorId,
    pub name: String,
    #[serde(default)]
    pub role: String,
    pub org: OrgId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: CriterionId,
    pub label: String,
    pub weight: Dec,
    pub min: Dec,
    pub max: Dec,
    pub step: Dec,
}

impl Criterion {
    pub fn accepts(&self, value: Dec) -> bool {
        value >= self.min && value <= self.max && value.is_on_step(self.min, self.step)
    }
}

/// One entry of the running order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Slot {
    Team {
        team: TeamId,
    },
    Break {
        id: String,
        label: String,
        minutes: u32,
    },
}

impl Slot {
    pub fn team(&self) -> Option<&TeamId> {
        match self {
            Slot::Team { team } => Some(team),
            Slot::Break { .. } => None,
        }
    }
}

/// A juror waiting to ask a question (the head of the queue is speaking).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub juror: JurorId,
    pub team: TeamId,
    /// When the juror started speaking (set for the head of the queue).
    #[serde(default)]
    pub since: Option<DateTime<Utc>>,
}

/// A question that was asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub team: TeamId,
    pub juror: JurorId,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DecisionKind {
    /// The jury fixed the order of the tied teams.
    Order,
    /// The jury admitted every tied team as a laureate.
    Admit,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub kind: DecisionKind,
    pub teams: Vec<TeamId>,
    pub by: String,
    pub reason: String,
    pub at: DateTime<Utc>,
}

impl Session {
    /// A new, empty session with the given id.
    pub fn new(id: impl Into<String>, event: Event, settings: Settings) -> Session {
        Session {
            format: FORMAT,
            id: id.into(),
            revision: 0,
            event,
            settings,
            organisations: Vec::new(),
            teams: Vec::new(),
            jurors: Vec::new(),
            criteria: Vec::new(),
            schedule: Vec::new(),
            stage: Stage::default(),
            queue: Vec::new(),
            questions: Vec::new(),
            sheets: BTreeMap::new(),
            verified: BTreeSet::new(),
            decisions: Vec::new(),
            second_entry: BTreeMap::new(),
            message: None,
            reveal: None,
            sealed: false,
            lookup: Lookup::default(),
        }
    }

    /// A copy holding only the sheets of `keys` and no blind second entry:
    /// what applying changes of those sheets' cells, totals and marks reads
    /// and writes, without copying the other sheets of a large session.
    pub fn with_only_sheets<'k>(&self, keys: impl IntoIterator<Item = &'k SheetKey>) -> Session {
        let sheets = keys
            .into_iter()
            .filter_map(|k| self.sheets.get_key_value(k))
            .map(|(k, sheet)| (k.clone(), sheet.clone()))
            .collect();
        Session {
            format: self.format,
            id: self.id.clone(),
            revision: self.revision,
            event: self.event.clone(),
            settings: self.settings.clone(),
            organisations: self.organisations.clone(),
            teams: self.teams.clone(),
            jurors: self.jurors.clone(),
            criteria: self.criteria.clone(),
            schedule: self.schedule.clone(),
            stage: self.stage.clone(),
            queue: self.queue.clone(),
            questions: self.questions.clone(),
            sheets,
            verified: self.verified.clone(),
            decisions: self.decisions.clone(),
            second_entry: BTreeMap::new(),
            message: self.message.clone(),
            reveal: self.reveal.clone(),
            sealed: self.sealed,
            lookup: Lookup::default(),
        }
    }

    /// Whether the results are sealed: the ranking is shown nowhere until
    /// the session is unsealed.
    pub fn is_sealed(&self) -> bool {
        self.sealed
    }

    /// The team with this id, through the session's look-up (no scan).
    /// Each kind of id looks up its own kind: a juror's id is no team's.
    ///
    /// ```
    /// # use podium::domain::{Session, TeamId};
    /// fn team_name<'s>(session: &'s Session, team: &TeamId) -> Option<&'s str> {
    ///     session.team(team).map(|t| t.name.as_str())
    /// }
    /// ```
    ///
    /// ```compile_fail,E0308
    /// # use podium::domain::{JurorId, Session};
    /// fn team_name<'s>(session: &'s Session, juror: &JurorId) -> Option<&'s str> {
    ///     session.team(juror).map(|t| t.name.as_str())
    /// }
    /// ```
    pub fn team(&self, id: &TeamId) -> Option<&Team> {
        self.lookup.team(self, id)
    }

    pub fn juror(&self, id: &JurorId) -> Option<&Juror> {
        self.lookup.juror(self, id)
    }

    pub fn criterion(&self, id: &CriterionId) -> Option<&Criterion> {
        self.lookup.criterion(self, id)
    }

    /// The roster (teams, jurors or criteria) changed: the look-up is
    /// built again on its next use. Every operation that changes the
    /// roster calls it; a look-up after a change made by hand is right all
    /// the same (each place is checked), only slower.
    pub fn roster_changed(&mut self) {
        self.lookup.clear();
    }

    pub fn organisation(&self, id: &OrgId) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == *id)
    }

    /// Teams in schedule order (withdrawn ones included). Each found
    /// through an index built once (the first of two equal ids wins, as
    /// with [`Session::team`]), not by a scan of the roster per slot.
    pub fn teams_in_order(&self) -> impl Iterator<Item = &Team> {
        let mut index: HashMap<&str, &Team> = HashMap::with_capacity(self.teams.len());
        for team in &self.teams {
            index.entry(team.id.as_str()).or_insert(team);
        }
        self.schedule
            .iter()
            .filter_map(|slot| slot.team())
            .filter_map(move |id| index.get(id.as_str()).copied())
    }

    pub fn sheet(&self, team: &TeamId, juror: &JurorId) -> Option<&Sheet> {
        self.sheets.get(&SheetKey::new(team.clone(), juror.clone()))
    }

    pub fn value(&self, team: &TeamId, juror: &JurorId, criterion: &CriterionId) -> Option<Dec> {
        self.sheet(team, juror)
            .and_then(|s| s.values.get(criterion).copied())
    }

    /// Whether the session's recusal rule excludes this pair.
    pub fn auto_recused(&self, team: &Team, juror: &Juror) -> bool {
        self.settings.recuse_same_org && team.org == juror.org
    }

    /// Scoring has started once any value is entered: criteria and the
    /// official method are then locked.
    pub fn scoring_started(&self) -> bool {
        self.sheets.values().any(|s| !s.values.is_empty())
    }
}
