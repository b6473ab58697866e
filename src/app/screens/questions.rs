//! The questions screen: a juror's hotkey queues them, `Enter` ends the
//! head's question (logged) and gives the floor to the next, `Delete` drops
//! the selected one (and the timer's keys).

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;

use super::Reply;
use super::stage::{self, StageKey};
use crate::app::App;
use crate::app::keys::{Binding, Key, bind};
use crate::app::notice::Notice;
use crate::domain::stage::Phase;
use crate::domain::{BatchLabel, Change, Edit, JurorId, Session, questions};

/// The questions screen's state (not saved).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Questions {
    /// The selected entry of the queue.
    pub row: usize,
}

/// Keep the selection on an entry.
pub fn clamp(app: &mut App) {
    let queue = app.session.queue.len();
    app.questions.row = app.questions.row.min(queue.saturating_sub(1));
}

/// A key of the questions screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuestionsKey {
    /// The timer's keys work here too.
    Timer(StageKey),
    /// A juror's hotkey: queue them for the team on stage.
    Ask(JurorId),
    /// The head of the queue has finished; the next one speaks.
    QuestionDone,
    Up,
    Down,
    /// Drop the selected juror from the queue.
    RemoveSpeaker,
}

impl QuestionsKey {
    pub fn only_looks(&self) -> bool {
        matches!(self, QuestionsKey::Up | QuestionsKey::Down)
    }
}

impl From<QuestionsKey> for crate::app::Action {
    fn from(key: QuestionsKey) -> crate::app::Action {
        crate::app::Action::Key(super::ScreenKey::Questions(key))
    }
}

/// The words of the questions screen's own keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionsHelp {
    /// One juror's hotkey.
    Ask,
    /// The `?` overlay's one line for all the hotkeys.
    AskAny,
    QuestionDone,
    QuestionDoneShort,
    Previous,
    Next,
    RemoveSpeaker,
    RemoveSpeakerShort,
}

/// The screen's own keys, the timer's, then each juror's hotkey.
pub fn bindings(app: &App) -> Vec<Binding<QuestionsKey>> {
    let mut all = fixed();
    for (juror, key) in juror_hotkeys(&app.session) {
        if let Some(c) = key {
            all.push(bind(
                Key::Char(c),
                QuestionsKey::Ask(juror),
                QuestionsHelp::Ask,
            ));
        }
    }
    all
}

fn fixed() -> Vec<Binding<QuestionsKey>> {
    use QuestionsHelp as H;
    use QuestionsKey::*;
    let mut all = vec![
        bind(Key::Code(KeyCode::Enter), QuestionDone, H::QuestionDone).foot(H::QuestionDoneShort),
        bind(Key::Code(KeyCode::Up), Up, H::Previous),
        bind(Key::Code(KeyCode::Down), Down, H::Next),
        bind(Key::Code(KeyCode::Delete), RemoveSpeaker, H::RemoveSpeaker)
            .or(Key::Code(KeyCode::Backspace))
            .foot(H::RemoveSpeakerShort),
    ];
    all.extend(stage::timer().into_iter().map(|b| b.map(Timer)));
    all
}

/// Keys offered to jurors on the questions screen, in this order.
const HOTKEY_POOL: &str = "abcdefghijklmnopqrstuvwxyz1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Each juror's hotkey on the questions screen (jurors in order; a juror
/// past the end of the pool has none). Never a key the app already takes
/// on this screen.
pub fn juror_hotkeys(session: &Session) -> Vec<(JurorId, Option<char>)> {
    let taken: Vec<Key> = (super::global().iter().flat_map(|b| b.keys()))
        .chain(fixed().iter().flat_map(|b| b.keys()))
        .collect();
    let mut free = HOTKEY_POOL
        .chars()
        .filter(|c| !taken.contains(&Key::Char(*c)));
    session
        .jurors
        .iter()
        .map(|j| (j.id.clone(), free.next()))
        .collect()
}

pub fn handle(app: &mut App, key: QuestionsKey, now: DateTime<Utc>) -> Reply {
    use QuestionsKey as A;
    let basis = app.basis();
    let queue = &basis.queue;
    let change = match key {
        A::Timer(k) => return stage::handle(app, k, now),
        A::Up => {
            app.questions.row = app.questions.row.saturating_sub(1);
            None
        }
        A::Down => {
            app.questions.row = (app.questions.row + 1).min(queue.len().saturating_sub(1));
            None
        }
        A::Ask(juror) => {
            let Some(team) = basis.stage.team.clone() else {
                return Reply::say(Notice::NoTeamOnStage);
            };
            let running = basis.stage.phase == Phase::Questions;
            match questions::enqueue(queue, &juror, &team, running, now) {
                Some(new) => Some(Change::SetQueue {
                    edit: Edit::new(queue.clone(), new),
                }),
                None => {
                    let name = basis
                        .juror(&juror)
                        .map_or(juror.as_str(), |j| j.name.as_str());
                    return Reply::say(Notice::AlreadyQueued(name.to_string()));
                }
            }
        }
        A::QuestionDone => match questions::done(queue, now) {
            Some((new, question)) => Some(Change::Batch {
                label: BatchLabel::QuestionDone,
                changes: vec![
                    Change::SetQueue {
                        edit: Edit::new(queue.clone(), new),
                    },
                    Change::AddQuestion { question },
                ],
            }),
            None => return Reply::say(Notice::QueueEmpty),
        },
        A::RemoveSpeaker => {
            questions::remove(queue, app.questions.row, now).map(|new| Change::SetQueue {
                edit: Edit::new(queue.clone(), new),
            })
        }
    };
    Reply::sending(change)
}
