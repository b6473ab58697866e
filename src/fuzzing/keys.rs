//! The live interface's keys: a byte sequence read as key presses, pastes,
//! time passing and the saving thread's answers (held back, failing,
//! another terminal's change), through `update` on the demo session. Never
//! a panic; after every step the grid's cursor is in the grid, and the
//! session shown and the one "on disk" validate (no value outside its
//! scale is ever saved); at the end every save has settled, the screen
//! shows what is on disk, and it draws at two sizes.

use std::collections::VecDeque;

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::action::{Delta, SaveFailure};
use crate::app::{
    Action, App, Effect, Mode, Options, Replacement, SaveOutcome, action_for, update,
};
use crate::domain::{Change, Lang, Operation, Session, apply, validate};
use crate::ui::{Theme, View};

/// The characters a byte can type.
/// (the top row of a French keyboard types digits in the grid).
const CHARS: &[char] = &[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', ',', '-', '+', ' ', '?', 'a', 'b', 'c',
    'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v',
    'w', 'x', 'y', 'z', 'A', 'D', 'E', 'N', 'P', 'R', 'S', 'U', 'V', '&', 'é', '"', '\'', '(', 'è',
    '_', 'ç', 'à', ')', '=', 'J', 'K', '<', '>',
];
/// The other keys a byte can press.
const CODES: [KeyCode; 14] = [
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
];

/// A byte read as a step (what is left of 256 after the keys).
enum Step {
    Event(Event),
    /// The next byte: how many seconds pass (then a tick).
    Wait,
    /// The next byte: how many bytes to paste.
    Paste,
    /// Saves held back (or let through again).
    HoldSaves,
    /// The next save fails (a file error).
    FailNext,
    /// The other terminal saved: the file is read again.
    Reload,
    /// The session file was replaced by another session.
    Replaced,
}

fn step(byte: u8) -> Step {
    let key = |code, modifiers| Step::Event(Event::Key(KeyEvent::new(code, modifiers)));
    match byte {
        0..240 => {
            let b = usize::from(byte) % (CHARS.len() + CODES.len());
            match CHARS.get(b) {
                Some(&c) => key(KeyCode::Char(c), KeyModifiers::NONE),
                None => key(CODES[b - CHARS.len()], KeyModifiers::NONE),
            }
        }
        240..=243 => Step::Wait,
        244..=245 => Step::Paste,
        246 => Step::HoldSaves,
        247 => Step::FailNext,
        248 => Step::Reload,
        249 => Step::Replaced,
        250 => key(KeyCode::Char('c'), KeyModifiers::CONTROL),
        251 => key(KeyCode::Char('z'), KeyModifiers::CONTROL),
        252 => key(KeyCode::Up, KeyModifiers::SHIFT),
        253 => key(KeyCode::Down, KeyModifiers::SHIFT),
        254 => key(KeyCode::Tab, KeyModifiers::SHIFT),
        255 => key(KeyCode::Char('L'), KeyModifiers::SHIFT),
    }
}

/// The app, the session file's content and the saving thread, in memory.
struct Sim {
    app: App,
    disk: Session,
    now: DateTime<Utc>,
    held: VecDeque<Operation>,
    holding: bool,
    fail_next: bool,
    /// Saves that reached the file.
    saved: u64,
    /// Every change saved, with the revision it made.
    log: Vec<(u64, Change)>,
    /// A save answers with the changes since the screen's revision (as
    /// the live store does) rather than the whole session.
    deltas: bool,
}

impl Sim {
    fn save(&mut self, op: &Operation) -> SaveOutcome {
        if std::mem::take(&mut self.fail_next) {
            return SaveOutcome::Failed(SaveFailure::disk_full("demo.json"));
        }
        match apply(&mut self.disk, &op.change) {
            Ok(()) => {
                self.disk.revision += 1;
                self.saved += 1;
                self.log.push((self.disk.revision, op.change.clone()));
                if !self.deltas {
                    return SaveOutcome::Saved(std::sync::Arc::new(self.disk.clone()));
                }
                SaveOutcome::SavedChanges(self.delta())
            }
            Err(refusal) => SaveOutcome::Refused {
                refusal,
                fresh: Some(Box::new(self.disk.clone())),
            },
        }
    }

    /// The changes since the revision the screen holds.
    fn delta(&self) -> Delta {
        let from = self.app.session.revision;
        Delta {
            session: self.disk.id.clone(),
            from,
            to: self.disk.revision,
            changes: self
                .log
                .iter()
                .filter(|(rev, _)| *rev > from)
                .cloned()
                .collect(),
        }
    }

    /// Run an action and what its effects feed back, as the loop would.
    fn run(&mut self, action: Action) {
        let mut queue = VecDeque::from([action]);
        while let Some(action) = queue.pop_front() {
            for effect in update(&mut self.app, action, self.now) {
                match effect {
                    Effect::Save(op) if self.holding => self.held.push_back(*op),
                    Effect::Save(op) => queue.push_back(Action::Settled(self.save(&op))),
                    Effect::Run(job) => queue.push_back(job.run()),
                    Effect::Resync => {
                        queue.push_back(Action::Reloaded(Box::new(self.disk.clone())));
                    }
                    Effect::ReadHistory => {
                        queue.push_back(Action::History(Ok(Vec::new())));
                    }
                    Effect::Bell => {}
                }
            }
            self.check();
        }
    }

    fn release(&mut self) {
        while let Some(op) = self.held.pop_front() {
            let outcome = self.save(&op);
            self.run(Action::Settled(outcome));
        }
    }

    fn check(&self) {
        let s = &self.app.session;
        let grid = &self.app.grid;
        if grid.team.is_some() {
            assert!(
                grid.row < s.jurors.len().max(1),
                "grid row {} of {}",
                grid.row,
                s.jurors.len()
            );
            assert!(
                grid.col <= s.criteria.len(),
                "grid column {} of {}",
                grid.col,
                s.criteria.len()
            );
        }
        let shown = validate::problems(s);
        assert!(shown.is_empty(), "the session shown is invalid: {shown:?}");
        let saved = validate::problems(&self.disk);
        assert!(saved.is_empty(), "the session saved is invalid: {saved:?}");
    }
}

/// 12:55 UTC on the demo's day, five minutes before its first pitch.
fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 10, 12, 55, 0)
        .single()
        .unwrap_or_default()
}

/// `data`: the first byte chooses the language (bit 0) and how saves are
/// answered (bit 1: the changes, else the whole session), each next one
/// a step.
/// Returns how many changes were saved.
pub fn keys(data: &[u8]) -> u64 {
    let Some((&first, mut rest)) = data.split_first() else {
        return 0;
    };
    let demo = super::demo().clone();
    let options = Options {
        writer: "fuzz".into(),
        lang: if first & 1 == 0 { Lang::Fr } else { Lang::En },
        offset: FixedOffset::east_opt(3600).unwrap_or(FixedOffset::east_opt(0).unwrap()),
    };
    let now = start();
    let mut sim = Sim {
        app: App::new(demo.clone(), options, now),
        disk: demo,
        now,
        held: VecDeque::new(),
        holding: false,
        fail_next: false,
        saved: 0,
        log: Vec::new(),
        deltas: first & 2 != 0,
    };
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        match step(byte) {
            Step::Event(event) => {
                if let Some(action) = action_for(&event, &sim.app) {
                    sim.run(action);
                }
            }
            Step::Wait => {
                let (&secs, tail) = rest.split_first().unwrap_or((&1, &[]));
                rest = tail;
                sim.now += TimeDelta::seconds(i64::from(secs) * i64::from(secs));
                sim.run(Action::Tick);
            }
            Step::Paste => {
                let (&len, tail) = rest.split_first().unwrap_or((&0, &[]));
                let (text, tail) = tail.split_at(usize::from(len).min(tail.len()));
                rest = tail;
                let event = Event::Paste(String::from_utf8_lossy(text).into_owned());
                if let Some(action) = action_for(&event, &sim.app) {
                    sim.run(action);
                }
            }
            Step::HoldSaves => {
                sim.holding = !sim.holding;
                if !sim.holding {
                    sim.release();
                }
            }
            Step::FailNext => sim.fail_next = true,
            Step::Reload if sim.deltas => sim.run(Action::Followed(sim.delta())),
            Step::Reload => {
                let fresh = Box::new(sim.disk.clone());
                sim.run(Action::Reloaded(fresh));
            }
            Step::Replaced => sim.run(Action::Replaced(Replacement::default())),
        }
        if sim.app.leaving && sim.app.pending.is_empty() {
            break;
        }
    }
    sim.holding = false;
    sim.release();
    finish(&sim);
    sim.saved
}

/// Every save settled, the screen shows the file, and it draws.
fn finish(sim: &Sim) {
    let app = &sim.app;
    assert!(
        app.pending.is_empty(),
        "saves never settled: {:?}",
        app.pending
    );
    if app.mode == Mode::Live {
        assert_eq!(*app.session, sim.disk, "the screen differs from the file");
    }
    for (w, h) in [(80, 24), (140, 45)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        (&View::new(app, sim.now, Theme::new(true))).render(area, &mut buf);
    }
}
