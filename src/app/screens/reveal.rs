//! The laureates' reveal, driven from the moderator's stage: a mode of the
//! stage room (`ScreenKey::Reveal`). `v` (on the Stage or the Results
//! screen) begins it once the laureates are known for sure; while it is
//! under way the Stage screen's table is the reveal's: `→` (or `Space`,
//! `n`) shows the next place, from N down to 1, then the whole list; `x`
//! ends it. Each step is one change the stage display follows through
//! the journal; `u` on the stage undoes the last one.

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;

use super::Reply;
use crate::app::App;
use crate::app::keys::{Binding, Key, bind};
use crate::app::notice::{Notice, RevealNotice};
use crate::domain::reveal::{self, Reveal};
use crate::domain::{Change, Edit};

/// A key of the reveal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevealKey {
    /// Begin the reveal (nothing shown yet but its opening card).
    Begin,
    /// The next place, then the whole list.
    Next,
    /// End it: the display goes back to the stage.
    End,
}

/// The reveal's own state on this terminal (not saved).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RevealState {
    /// When a key last moved the reveal (a second press within a second
    /// is ignored, as `n` on the stage).
    pub last_step: Option<DateTime<Utc>>,
    /// Whether the official ranking's laureates still are the reveal's,
    /// as of the session's revision checked (kept fresh by `update` while
    /// the stage shows a reveal: see [`refresh`]).
    pub checked: Option<(u64, bool)>,
}

impl RevealState {
    /// The ranking changed since the reveal began (its laureates differ).
    pub fn outdated(&self, session: &crate::domain::Session) -> bool {
        self.checked == Some((session.revision, true))
    }
}

/// While the stage shows a reveal: whether the official ranking still
/// gives its laureates, ranked once per revision of the session.
pub fn refresh(app: &mut App) {
    let s = &app.session;
    let Some(reveal) = &s.reveal else {
        app.reveal.checked = None;
        return;
    };
    if app.reveal.checked.is_some_and(|(rev, _)| rev == s.revision) {
        return;
    }
    let now = reveal::places(&crate::domain::ranking::rank(s, s.settings.method));
    app.reveal.checked = Some((s.revision, now != reveal.places));
}

impl From<RevealKey> for crate::app::Action {
    fn from(key: RevealKey) -> crate::app::Action {
        crate::app::Action::Key(super::ScreenKey::Reveal(key))
    }
}

/// The reveal as this terminal last sent it: the saved one with the
/// changes still being saved (cheap: no copy of the session).
pub fn current(app: &App) -> Option<Reveal> {
    let mut reveal = app.session.reveal.clone();
    for pending in &app.pending {
        match &pending.op.change {
            Change::SetReveal { edit } => reveal = edit.new.clone(),
            Change::SetRevealed { edit } => {
                if let Some(r) = reveal.as_mut() {
                    r.shown = edit.new;
                }
            }
            _ => {}
        }
    }
    reveal
}

/// Whether the reveal is under way (the stage's table is then its own).
pub fn active(app: &App) -> bool {
    current(app).is_some()
}

/// What the reveal's keys do (their words in `words::reveal::key_help`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevealHelp {
    Begin,
    /// The footer's `v`.
    BeginShort,
    Next,
    NextShort,
    End,
    EndShort,
}

/// The key that begins the reveal, on the Stage and Results screens: on
/// the stage's footer, where the moderator drives it, and on the results'
/// while they are not sealed (where the organisers see the laureates
/// settled; sealed, the reveal cannot begin).
pub fn open_bindings(app: &App) -> Vec<Binding<RevealKey>> {
    let begin = bind(Key::Char('v'), RevealKey::Begin, RevealHelp::Begin);
    match app.screen {
        super::Screen::Results if app.session.is_sealed() => vec![begin],
        _ => vec![begin.foot(RevealHelp::BeginShort)],
    }
}

/// The Stage screen's keys while the reveal is under way.
pub fn bindings(_app: &App) -> Vec<Binding<RevealKey>> {
    vec![
        bind(Key::Code(KeyCode::Right), RevealKey::Next, RevealHelp::Next)
            .or(Key::Char(' '))
            .or(Key::Char('n'))
            .foot(RevealHelp::NextShort),
        bind(Key::Char('x'), RevealKey::End, RevealHelp::End)
            .or(Key::Code(KeyCode::Esc))
            .foot(RevealHelp::EndShort),
    ]
}

pub fn handle(app: &mut App, key: RevealKey, now: DateTime<Utc>) -> Reply {
    let current = current(app);
    match (key, current) {
        (RevealKey::Begin, Some(_)) => {
            app.show(super::Screen::Stage);
            Reply::none()
        }
        (RevealKey::Begin, None) => begin(app, now),
        (RevealKey::Next | RevealKey::End, None) => Reply::none(),
        (RevealKey::Next, Some(_)) if app.basis().is_sealed() => Reply::say(Notice::Reveal(
            RevealNotice::Refused(reveal::RevealProblem::Sealed),
        )),
        (RevealKey::Next, Some(reveal)) => {
            if app
                .reveal
                .last_step
                .is_some_and(|at| (now - at).num_milliseconds() < super::stage::NEXT_GUARD_MS)
            {
                return Reply::say(Notice::Reveal(RevealNotice::Ignored));
            }
            let Some(next) = reveal.next_step() else {
                return Reply::say(Notice::Reveal(RevealNotice::AllShown));
            };
            app.reveal.last_step = Some(now);
            Reply::send(Change::SetRevealed {
                edit: Edit::new(reveal.shown, next),
            })
        }
        (RevealKey::End, Some(reveal)) => {
            app.reveal.last_step = None;
            Reply {
                changes: vec![Change::SetReveal {
                    edit: Edit::new(Some(reveal), None),
                }],
                notice: Some(Notice::Reveal(RevealNotice::Ended)),
                job: None,
            }
        }
    }
}

/// `v`: the laureates fixed from the official ranking, or why not yet.
/// The Stage screen comes into view (the reveal is driven from there).
fn begin(app: &mut App, now: DateTime<Utc>) -> Reply {
    let found = reveal::begin(&app.basis());
    match found {
        Err(problem) => Reply::say(Notice::Reveal(RevealNotice::Refused(problem))),
        Ok(reveal) => {
            app.show(super::Screen::Stage);
            app.reveal.last_step = Some(now);
            let teams = reveal.teams();
            Reply {
                changes: vec![Change::SetReveal {
                    edit: Edit::new(None, Some(reveal)),
                }],
                notice: Some(Notice::Reveal(RevealNotice::Begun(teams))),
                job: None,
            }
        }
    }
}
