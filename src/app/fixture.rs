//! A small forum for tests: five Départements, six teams, five jurors, two
//! criteria, from 9:00 Paris time on 12 March 2026.

#![cfg(test)]

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc};

use super::{App, Options};
use crate::domain::{
    Criterion, Dec, Event, Juror, Lang, Organisation, Session, Settings, Slot, Team,
};

/// 8:55 UTC = 9:55 in Paris, some time into the forum; plus seconds.
pub fn at(secs: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 8, 55, 0).unwrap() + TimeDelta::seconds(secs)
}

pub fn at_ms(ms: i64) -> DateTime<Utc> {
    at(0) + TimeDelta::milliseconds(ms)
}

pub fn paris() -> FixedOffset {
    FixedOffset::east_opt(3600).unwrap()
}

const ORGS: [(&str, &str); 5] = [
    ("somme", "Somme"),
    ("nord", "Nord"),
    ("pdc", "Pas-de-Calais"),
    ("oise", "Oise"),
    ("vdo", "Val-d'Oise"),
];

const TEAMS: [(&str, &str, &str, &str); 6] = [
    (
        "T1",
        "Cantine zéro déchet",
        "Des menus qui ne jettent plus rien",
        "somme",
    ),
    (
        "T2",
        "Guichet unique",
        "Un seul numéro pour l'aide sociale",
        "nord",
    ),
    (
        "T3",
        "Chantiers ouverts",
        "Suivre les travaux des collèges en ligne",
        "pdc",
    ),
    (
        "T4",
        "Budget lisible",
        "Le budget départemental en une page",
        "oise",
    ),
    (
        "T5",
        "PMI mobile",
        "La protection maternelle en camionnette",
        "vdo",
    ),
    (
        "T6",
        "Routes partagées",
        "Covoiturage des agents entre sites",
        "somme",
    ),
];

const JURORS: [(&str, &str, &str, &str); 5] = [
    ("J1", "Claire Dumont", "élue", "somme"),
    ("J2", "Karim Benali", "directeur général", "nord"),
    ("J3", "Sophie Martin", "agente", "pdc"),
    ("J4", "Luc Moreau", "élu", "oise"),
    ("J5", "Inès Garnier", "directrice", "vdo"),
];

pub fn session() -> Session {
    let settings = Settings {
        start_time: NaiveTime::from_hms_opt(9, 30, 0),
        ..Settings::default()
    };
    let event = Event {
        title: "Forum de l'innovation publique".into(),
        place: "Amiens".into(),
        date: NaiveDate::from_ymd_opt(2026, 3, 12),
    };
    let mut s = Session::new("fixture", event, settings);
    s.revision = 1;
    for (id, name) in ORGS {
        s.organisations.push(Organisation {
            id: id.into(),
            name: name.into(),
        });
    }
    for (id, name, project, org) in TEAMS {
        s.teams.push(Team {
            members: vec!["Agent A".into(), "Agent B".into()],
            ..crate::domain::fixture::team(id, name, project, org)
        });
        s.schedule.push(Slot::Team { team: id.into() });
    }
    s.schedule.insert(
        3,
        Slot::Break {
            id: "B1".into(),
            label: "Pause café".into(),
            minutes: 15,
        },
    );
    for (id, name, role, org) in JURORS {
        s.jurors.push(Juror {
            id: id.into(),
            name: name.into(),
            role: role.into(),
            org: org.into(),
        });
    }
    for (id, label, max) in [("impact", "Impact", 5), ("faisabilite", "Faisabilité", 5)] {
        s.criteria.push(Criterion {
            id: id.into(),
            label: label.into(),
            weight: Dec::int(1),
            min: Dec::int(0),
            max: Dec::int(max),
            step: Dec::int(1),
        });
    }
    s
}

/// The forum with `n` jurors (J1, J2, ...).
pub fn session_with_jurors(n: usize) -> Session {
    let mut s = session();
    s.jurors = (1..=n)
        .map(|i| Juror {
            id: format!("J{i}").into(),
            name: format!("Juré {i}"),
            role: String::new(),
            org: "somme".into(),
        })
        .collect();
    s
}

/// The other terminal renames a team on disk (`T2`, say, to "Guichet
/// social"), as a field of the Setup screen.
pub fn renamed_elsewhere(disk: &mut Session, team: &str, name: &str) {
    use crate::domain::setup::{Field, Target, Value, set_field};
    let theirs = set_field(
        disk,
        &Target::Team(team.into()),
        Field::TeamName,
        Value::Text(name.into()),
    )
    .expect("a team's name is editable");
    crate::domain::apply(disk, &theirs).expect("the rename applies");
}

pub fn options(lang: Lang) -> Options {
    Options {
        writer: "w-test".into(),
        lang,
        offset: paris(),
    }
}

/// The app on the fixture forum, in French, at `at(0)`.
pub fn app() -> App {
    App::new(session(), options(Lang::Fr), at(0))
}

/// The status line as shown, for assertions on its words and colour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    pub text: String,
    pub error: bool,
}

impl App {
    /// What the status line says, in the app's language.
    pub fn said(&self) -> Option<Said> {
        self.status.as_ref().map(|n| Said {
            text: crate::words::notice::text_in(n, &self.session, self.lang),
            error: n.is_warning(),
        })
    }
}

/// Save a change as the store would: applied to `disk` (the session
/// file) and a new revision, or refused with the state as it is.
pub fn commit(
    disk: &mut crate::domain::Session,
    change: &crate::domain::Change,
) -> crate::app::SaveOutcome {
    use crate::app::SaveOutcome;
    match crate::domain::apply(disk, change) {
        Ok(()) => {
            disk.revision += 1;
            SaveOutcome::Saved(std::sync::Arc::new(disk.clone()))
        }
        Err(refusal) => SaveOutcome::Refused {
            refusal,
            fresh: Some(Box::new(disk.clone())),
        },
    }
}

/// What the event loop feeds back for an effect, in a test, at once: a
/// save applied to `disk` (the session file: refused if it does not
/// apply), a job's result; `None` for what only the terminal sees (the
/// bell).
pub fn outcome(
    disk: &mut crate::domain::Session,
    effect: &crate::app::Effect,
) -> Option<crate::app::Action> {
    use crate::app::{Action, Effect};
    match effect {
        Effect::Save(op) => Some(Action::Settled(commit(disk, &op.change))),
        Effect::Run(job) => Some(job.clone().run()),
        Effect::Resync => Some(Action::Reloaded(Box::new(disk.clone()))),
        // No journal here: a test feeds `Action::History` itself.
        Effect::Bell | Effect::ReadHistory => None,
    }
}

/// The app and the session file's content (`disk`), saving as the loop
/// would: each save committed to the disk at once, or all effects held
/// back (`hold`) to look at the screen in between, until `release`.
pub(crate) struct Sim {
    pub(crate) app: App,
    pub(crate) disk: Session,
    pub(crate) hold: bool,
    held: Vec<crate::app::Effect>,
}

impl Sim {
    /// The fixture forum, saved as it is.
    pub(crate) fn new() -> Sim {
        let app = app();
        Sim {
            disk: (*app.session).clone(),
            app,
            hold: false,
            held: Vec::new(),
        }
    }

    /// Run an action and what it sets off; returns the effects only the
    /// terminal sees (the bell, reading the journal).
    pub(crate) fn run(
        &mut self,
        action: crate::app::Action,
        now: DateTime<Utc>,
    ) -> Vec<crate::app::Effect> {
        let effects = crate::app::update(&mut self.app, action, now);
        self.perform(effects, now)
    }

    fn perform(
        &mut self,
        mut effects: Vec<crate::app::Effect>,
        now: DateTime<Utc>,
    ) -> Vec<crate::app::Effect> {
        let mut out = Vec::new();
        while let Some(effect) = effects.pop() {
            if self.hold {
                self.held.push(effect);
                continue;
            }
            match outcome(&mut self.disk, &effect) {
                Some(fed) => effects.extend(crate::app::update(&mut self.app, fed, now)),
                None => out.push(effect),
            }
        }
        out
    }

    /// Let the held effects through, oldest first.
    pub(crate) fn release(&mut self, now: DateTime<Utc>) {
        self.hold = false;
        let held: Vec<crate::app::Effect> = self.held.drain(..).rev().collect();
        self.perform(held, now);
    }

    /// Press keys as the terminal sends them (through the keymap):
    /// `\n` is Enter, `\t` Tab, `\u{7f}` Delete.
    pub(crate) fn keys(&mut self, keys: &str, now: DateTime<Utc>) {
        use crossterm::event::KeyCode;
        for c in keys.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\t' => KeyCode::Tab,
                '\u{7f}' => KeyCode::Delete,
                c => KeyCode::Char(c),
            };
            self.key(code, now);
        }
    }

    /// One key through the keymap (nothing when no table takes it).
    pub(crate) fn key(&mut self, code: crossterm::event::KeyCode, now: DateTime<Utc>) {
        use crossterm::event::{Event, KeyEvent, KeyModifiers};
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        if let Some(action) = crate::app::action_for(&event, &self.app) {
            self.run(action, now);
        }
    }

    /// Tab until `screen` shows.
    pub(crate) fn go_to(&mut self, screen: crate::app::Screen) {
        for _ in 0..crate::app::Screen::ALL.len() {
            if self.app.screen == screen {
                return;
            }
            self.keys("\t", at(0));
        }
        panic!("{screen:?} not reached with Tab");
    }

    /// The stage's countdown at `now`, as the app holds it.
    pub(crate) fn countdown(&self, now: DateTime<Utc>) -> crate::domain::stage::Countdown {
        let s = &self.app.session;
        s.stage.countdown(&s.settings, now)
    }
}
