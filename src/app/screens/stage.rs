//! The stage screen: the big countdown. Its keys are the timer's, which
//! the schedule and questions screens also take (their key enums wrap
//! [`StageKey`]). Each press becomes one `SetStage` carrying the stage this
//! terminal saw, so a press the other terminal already made is refused
//! instead of done twice.

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;

use super::Reply;
use crate::app::App;
use crate::app::keys::{Binding, CommonHelp, Key, bind};
use crate::app::notice::{LiveNotice, Notice};
use crate::domain::schedule::{next_team, upcoming};
use crate::domain::stage::{ADJUST_MINUTE_MS, ADJUST_MS, Phase, Stage};
use crate::domain::{BatchLabel, Change, Edit, Message, TeamStatus, questions};

/// A key of the timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageKey {
    /// Start, pause or resume.
    StartPause,
    /// Pitch → questions → scoring → (break) → next team.
    NextPhase,
    AddTime,
    RemoveTime,
    AddMinute,
    RemoveMinute,
    RestartPhase,
    /// `y` to the question before leaving the questions with jurors still
    /// waiting: `n`, dropping them (bound in that overlay only).
    NextDroppingQueue,
    /// The message to the speaker (the stage screen only).
    Message(MessageKey),
}

/// A key of the message to the speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageKey {
    /// Show the ready `Concluez`.
    Conclude,
    /// Open the text field.
    Write,
    Clear,
    /// In the text field.
    Char(char),
    Backspace,
    Confirm,
    Cancel,
}

/// The stage screen's state (not saved): the message being typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageState {
    pub draft: Option<String>,
}

impl StageState {
    pub fn typing(&self) -> bool {
        self.draft.is_some()
    }
}

impl StageKey {
    /// A text field's binding with the character typed.
    pub fn typed(self, c: char) -> StageKey {
        match self {
            StageKey::Message(MessageKey::Char(_)) => StageKey::Message(MessageKey::Char(c)),
            other => other,
        }
    }
}

/// The longest message, in characters (it is shown big).
pub const MESSAGE_MAX: usize = 80;

/// A second `n` within this long of the one that moved the stage is a
/// stray press, ignored.
pub const NEXT_GUARD_MS: i64 = 1000;

impl From<StageKey> for crate::app::Action {
    fn from(key: StageKey) -> crate::app::Action {
        crate::app::Action::Key(super::ScreenKey::Stage(key))
    }
}

/// The words of the stage's keys (the timer's included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageHelp {
    TypeMessage,
    ShowMessage,
    WriteMessage,
    Conclude,
    ClearMessage,
    StartPause,
    /// The footer's Space.
    StartPauseShort,
    NextPhase,
    PlusTen,
    /// The footer's one item for `+` and `-`.
    TenSeconds,
    MinusTen,
    PlusMinute,
    MinusMinute,
    RestartPhase,
}

/// The stage screen's keys: the timer's and the message's (the text
/// field's alone while typing).
pub fn bindings(app: &App) -> Vec<Binding<StageKey>> {
    use MessageKey::*;
    use StageHelp as H;
    let m = StageKey::Message;
    if app.stage.typing() {
        return vec![
            bind(Key::Text, m(Char(' ')), H::TypeMessage),
            bind(Key::Code(KeyCode::Enter), m(Confirm), H::ShowMessage).foot(H::ShowMessage),
            bind(Key::Code(KeyCode::Esc), m(Cancel), CommonHelp::Cancel).foot(CommonHelp::Cancel),
            bind(
                Key::Code(KeyCode::Backspace),
                m(Backspace),
                CommonHelp::EraseCharacter,
            ),
        ];
    }
    let mut all = timer();
    all.extend([
        bind(Key::Char('m'), m(Write), H::WriteMessage),
        bind(Key::Char('c'), m(Conclude), H::Conclude),
        bind(Key::Char('x'), m(Clear), H::ClearMessage),
    ]);
    all
}

/// The timer's keys (also part of the schedule's and the questions').
pub fn timer() -> Vec<Binding<StageKey>> {
    use StageHelp as H;
    use StageKey::*;
    vec![
        bind(Key::Char(' '), StartPause, H::StartPause).foot(H::StartPauseShort),
        bind(Key::Char('n'), NextPhase, H::NextPhase).foot(H::NextPhase),
        // One footer item: `+/- 10 s`.
        bind(Key::Char('+'), AddTime, H::PlusTen).foot(H::TenSeconds),
        bind(Key::Char('-'), RemoveTime, H::MinusTen).foot(H::TenSeconds),
        bind(Key::Code(KeyCode::PageUp), AddMinute, H::PlusMinute),
        bind(Key::Code(KeyCode::PageDown), RemoveMinute, H::MinusMinute),
        bind(Key::Char('r'), RestartPhase, H::RestartPhase),
    ]
}

pub fn handle(app: &mut App, key: StageKey, now: DateTime<Utc>) -> Reply {
    if let StageKey::Message(k) = key {
        return message(app, k);
    }
    let basis = app.basis();
    let stage = &basis.stage;
    let settings = &basis.settings;
    let next = upcoming(&basis);
    // A called team withdrawn meanwhile (by the other terminal) never
    // pitches: Space or n calls the next team instead.
    let withdrawn = stage.phase == Phase::Waiting
        && stage
            .team
            .as_ref()
            .and_then(|t| basis.team(t))
            .is_some_and(|t| t.status == TeamStatus::Withdrawn);
    if withdrawn && matches!(key, StageKey::StartPause | StageKey::NextPhase) {
        let next = next_team(&basis);
        let new = stage.call(next.clone());
        let gone = stage.team.clone().unwrap_or_default();
        return Reply {
            changes: vec![with_queue(&basis.queue, stage, new, now)],
            notice: Some(Notice::WithdrawnCalled { gone, next }),
            job: None,
        };
    }
    if key == StageKey::NextPhase {
        if app
            .last_next
            .is_some_and(|at| (now - at).num_milliseconds() < NEXT_GUARD_MS)
        {
            return Reply::say(Notice::NextIgnored);
        }
        if stage.phase == Phase::Questions && waiting(&basis.queue) > 0 {
            app.last_next = Some(now);
            app.overlay = Some(crate::app::Overlay::ConfirmDropQueue);
            return Reply::none();
        }
    }
    if key == StageKey::NextDroppingQueue {
        app.overlay = None;
    }
    let new = match key {
        StageKey::StartPause => stage.toggled(next.as_ref(), now),
        StageKey::NextPhase | StageKey::NextDroppingQueue => {
            stage.advanced(settings, next.as_ref(), now)
        }
        StageKey::AddTime => stage.adjusted(settings, ADJUST_MS),
        StageKey::RemoveTime => stage.adjusted(settings, -ADJUST_MS),
        StageKey::AddMinute => stage.adjusted(settings, ADJUST_MINUTE_MS),
        StageKey::RemoveMinute => stage.adjusted(settings, -ADJUST_MINUTE_MS),
        StageKey::RestartPhase => stage.restarted(now),
        StageKey::Message(_) => None,
    };
    let Some(new) = new else {
        return Reply::say(if stage.is_empty() && next.is_none() {
            Notice::NoTeamToCall
        } else {
            Notice::NothingToDoYet
        });
    };
    let notice = said(key, stage, &basis, now);
    if matches!(key, StageKey::NextPhase | StageKey::NextDroppingQueue) {
        app.last_next = Some(now);
    }
    Reply {
        changes: vec![with_queue(&basis.queue, stage, new, now)],
        notice,
        job: None,
    }
}

/// The message to the speaker: the ready `Concluez`, a text typed, or
/// cleared. Each shown or cleared message is one change.
fn message(app: &mut App, key: MessageKey) -> Reply {
    let seen = app.basis().message.clone();
    let send = |new: Option<Message>, notice: LiveNotice| Reply {
        changes: vec![Change::SetMessage {
            edit: Edit::new(seen.clone(), new),
        }],
        notice: Some(Notice::Live(notice)),
        job: None,
    };
    match key {
        MessageKey::Conclude if seen == Some(Message::Conclude) => Reply::none(),
        MessageKey::Conclude => send(Some(Message::Conclude), LiveNotice::MessageShown),
        MessageKey::Write => {
            app.stage.draft = Some(String::new());
            Reply::none()
        }
        MessageKey::Clear if seen.is_none() => Reply::say(Notice::Live(LiveNotice::NoMessage)),
        MessageKey::Clear => send(None, LiveNotice::MessageCleared),
        MessageKey::Char(c) => {
            type_text(app, &c.to_string());
            Reply::none()
        }
        MessageKey::Backspace => {
            if let Some(d) = &mut app.stage.draft {
                d.pop();
            }
            Reply::none()
        }
        MessageKey::Cancel => {
            app.stage.draft = None;
            Reply::none()
        }
        MessageKey::Confirm => {
            let text = app.stage.draft.take().unwrap_or_default();
            let new = Message::Text(text.trim().to_string());
            if text.trim().is_empty() || seen.as_ref() == Some(&new) {
                return Reply::none();
            }
            send(Some(new), LiveNotice::MessageShown)
        }
    }
}

/// Text typed or pasted into the message field: one line, no control
/// character, at most [`MESSAGE_MAX`] characters.
fn type_text(app: &mut App, text: &str) {
    let Some(draft) = &mut app.stage.draft else {
        return;
    };
    for c in text.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if crate::domain::validate::is_unsafe_char(c) || draft.chars().count() >= MESSAGE_MAX {
            continue;
        }
        draft.push(c);
    }
}

/// A bracketed paste into the message field.
pub fn paste(app: &mut App, text: &str) -> Reply {
    type_text(app, text);
    Reply::none()
}

/// Jurors in the queue still waiting for the floor (the speaker aside).
fn waiting(queue: &[crate::domain::Speaker]) -> usize {
    queue.iter().filter(|s| s.since.is_none()).count()
}

/// What a timer key says it did, when more than the screen shows: a phase
/// left before its time, a phase restarted, jurors dropped from the queue.
fn said(
    key: StageKey,
    stage: &Stage,
    basis: &crate::domain::Session,
    now: DateTime<Utc>,
) -> Option<Notice> {
    let phase = stage.phase;
    if phase == Phase::Break && matches!(key, StageKey::NextPhase) {
        let left = stage.remaining(&basis.settings, now).num_seconds();
        return (left > 0).then_some(Notice::Live(LiveNotice::BreakEndedEarly {
            left_secs: left,
        }));
    }
    let team = stage.team.clone()?;
    match key {
        StageKey::NextDroppingQueue => Some(Notice::QueueDropped(waiting(&basis.queue))),
        StageKey::NextPhase if phase != Phase::Waiting => {
            let left = stage.remaining(&basis.settings, now).num_seconds();
            (left > 0).then_some(Notice::EndedEarly {
                team,
                phase,
                left_secs: left,
            })
        }
        StageKey::RestartPhase => Some(Notice::Restarted {
            team,
            phase,
            secs: stage.base_ms(&basis.settings) / 1000,
        }),
        _ => None,
    }
}

/// The stage change, with what it does to the question queue: the head
/// speaks when the questions start; when they end, the speaker's question
/// is logged and the queue emptied.
pub(super) fn with_queue(
    queue: &[crate::domain::Speaker],
    old: &Stage,
    new: Stage,
    now: DateTime<Utc>,
) -> Change {
    let set_stage = Change::SetStage {
        edit: Edit {
            seen: Box::new(old.clone()),
            new: Box::new(new.clone()),
        },
    };
    let leaving_questions = old.phase == Phase::Questions && new.phase != Phase::Questions;
    let entering_questions = old.phase != Phase::Questions && new.phase == Phase::Questions;
    let team_changed = old.team != new.team;
    let mut changes = vec![set_stage];
    if (leaving_questions || team_changed) && !queue.is_empty() {
        if let Some(question) = questions::close(queue, now) {
            changes.push(Change::AddQuestion { question });
        }
        changes.push(Change::SetQueue {
            edit: Edit {
                seen: queue.to_vec(),
                new: Vec::new(),
            },
        });
    } else if entering_questions && !queue.is_empty() {
        let given = questions::give_floor(queue.to_vec(), now);
        if given != queue {
            changes.push(Change::SetQueue {
                edit: Edit {
                    seen: queue.to_vec(),
                    new: given,
                },
            });
        }
    }
    if changes.len() == 1 {
        changes.pop().unwrap_or(Change::Batch {
            label: BatchLabel::Stage,
            changes: Vec::new(),
        })
    } else {
        Change::Batch {
            label: BatchLabel::Stage,
            changes,
        }
    }
}
