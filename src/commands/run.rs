//! `podium run FILE`: the live session (moderator and secretary).
//!
//! Opens the session as a writer (recovering it if needed), then hands it
//! to the event loop with the session file behind the loop's `Store`.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::app::action::{Delta, SaveFailure};
use crate::app::{App, Options, Replacement, SaveOutcome};
use crate::domain::{Lang, Operation, Session};
use crate::i18n;
use crate::storage::{self, StoreError};
use crate::tui::{self, Busy, Clock, Fresh, Store};
use crate::ui::Theme;

use super::{Failure, Outcome};

pub fn run(flag: Option<Lang>, file: &Path) -> Outcome {
    run_noting(flag, file, None)
}

/// [`run`], with a line to show in the status bar on opening (e.g. where
/// `podium demo --reset` put the previous copy).
pub fn run_noting(flag: Option<Lang>, file: &Path, note: Option<String>) -> Outcome {
    // The session's language for an early error (read only then: reading
    // a large session twice would double the time to the first frame).
    let early = || i18n::resolve(flag, storage::lang_of(file));
    if !tui::has_terminal() {
        let early = early();
        return Err(Failure::one(
            early,
            crate::words::notice::no_terminal(early),
        ));
    }
    let (live, opened_notices) = storage::Live::open(file).map_err(|e| {
        let early = early();
        Failure::one(early, e.message(early))
    })?;
    let lang = i18n::resolve(flag, Some(live.session().settings.lang));
    let clock = Clock::start();
    let options = Options {
        writer: storage::new_id(),
        lang,
        offset: *chrono::Local::now().offset(),
    };
    let session = live.session().clone();
    let mut store = FileStore::new(file, lang, live);
    store.checkpoint_in_background();
    let mut app = App::new(session, options, clock.now());
    app.file = Some(std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf()));
    let mut notices: Vec<String> = opened_notices.iter().map(|n| n.message(lang)).collect();
    notices.extend(note);
    if !notices.is_empty() {
        app.status = Some(crate::app::Notice::Opened(notices));
    }
    let result = tui::run(store.clone(), app, clock, Theme::new(tui::colour_wanted()))
        .map_err(|e| Failure::one(lang, format!("terminal: {}", storage::io_words(&e, lang))));
    // On quit, a checkpoint: the next reader replays no tail.
    if let Err(e) = store.live().checkpoint(storage::CLI_WAIT) {
        super::warn(&e.message(lang));
    }
    result
}

/// The session file behind the event loop: the session kept in memory
/// ([`storage::Live`]: only new journal lines are read, a change is one
/// journal line, checkpoints after 2 s idle, when the journal grew 500
/// lines or 1 MB, and on quit). The screen holds its own copy of the
/// session and hears only what changed ([`Delta`]). It remembers which
/// session it opened and the highest revision seen, so operations made on
/// that session are never saved into another one put in its place (e.g.
/// by `podium demo --reset`), nor onto an older copy.
#[derive(Clone, Debug)]
pub struct FileStore {
    pub path: PathBuf,
    pub lang: Lang,
    live: Arc<Mutex<storage::Live>>,
    /// The session and the highest revision seen (commits and reads).
    expect: Arc<Mutex<storage::Expect>>,
    /// The highest revision read by the event loop (its reads are in order,
    /// so a lower one means the file went back).
    read: Arc<AtomicU64>,
    /// The revision the screen's copy reaches once it has applied what it
    /// was sent (saves come back in order).
    handed: Arc<AtomicU64>,
    /// Where checkpoints are written off the key path, when started, and
    /// whether one is being written.
    checkpoints: Option<Sender<storage::Snapshot>>,
    writing: Arc<AtomicBool>,
}

impl FileStore {
    pub fn new(path: &Path, lang: Lang, live: storage::Live) -> FileStore {
        let opened = live.session();
        FileStore {
            path: path.to_path_buf(),
            lang,
            expect: Arc::new(Mutex::new(storage::Expect::of(opened))),
            read: Arc::new(AtomicU64::new(opened.revision)),
            handed: Arc::new(AtomicU64::new(opened.revision)),
            live: Arc::new(Mutex::new(live)),
            checkpoints: None,
            writing: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Write checkpoints on a thread of their own, from a copy of the
    /// session: neither the session nor the lock is held while it is
    /// serialised, so no keystroke waits for it.
    pub fn checkpoint_in_background(&mut self) {
        self.live().defer_checkpoints();
        let (tx, rx) = mpsc::channel::<storage::Snapshot>();
        let live = Arc::clone(&self.live);
        let writing = Arc::clone(&self.writing);
        std::thread::spawn(move || {
            for snapshot in rx {
                // A failure is tried again later: the journal holds every
                // change meanwhile.
                if let Ok(Some(at)) = snapshot.write(storage::TUI_WAIT) {
                    live.lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .checkpointed(at);
                }
                writing.store(false, Ordering::Release);
            }
        });
        self.checkpoints = Some(tx);
    }

    fn live(&self) -> std::sync::MutexGuard<'_, storage::Live> {
        self.live.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn expected(&self) -> storage::Expect {
        self.expect
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn seen(&self, revision: u64) {
        let mut expect = self.expect.lock().unwrap_or_else(|e| e.into_inner());
        expect.revision = expect.revision.max(revision);
    }

    /// What brings a copy at `from` to `live`'s session: the changes when
    /// known, else the whole session. The changes up to `from` are
    /// forgotten.
    fn fresh(&self, live: &mut storage::Live, from: u64) -> Fresh {
        let session = live.session();
        let to = session.revision;
        self.handed.fetch_max(to, Ordering::AcqRel);
        let fresh = match live.changes_since(from) {
            Some(changes) => Fresh::Changes(Delta {
                session: session.id.clone(),
                from,
                to,
                changes,
            }),
            None => Fresh::Whole(Box::new(session.clone())),
        };
        live.forget_until(from);
        fresh
    }

    /// What the live interface says once the file holds another session:
    /// where the old data went, and what to do.
    fn replacement(&self) -> Replacement {
        let id = self.expected().session;
        Replacement {
            backup: storage::backup_of(&self.path, &id),
        }
    }
}

impl Store for FileStore {
    type Stamp = storage::Stamp;

    fn commit(&self, op: &Operation, wait: Duration) -> Result<SaveOutcome, Busy> {
        let mut live = self.live();
        let handed = self.handed.load(Ordering::Acquire);
        Ok(match live.commit(op, wait, Instant::now()) {
            Ok(_) => {
                self.seen(live.session().revision);
                match self.fresh(&mut live, handed) {
                    Fresh::Changes(delta) => SaveOutcome::SavedChanges(delta),
                    Fresh::Whole(session) => SaveOutcome::Saved(session.into()),
                }
            }
            Err(StoreError::Busy { .. }) => return Err(Busy),
            // The session as this terminal now knows it (the other's
            // value), when it moved since the screen's copy.
            Err(StoreError::Refused(refusal)) => {
                let moved = live.session().revision != handed;
                let fresh = moved.then(|| Box::new(live.session().clone()));
                if moved {
                    self.handed
                        .fetch_max(live.session().revision, Ordering::AcqRel);
                }
                SaveOutcome::Refused { refusal, fresh }
            }
            Err(StoreError::Replaced { .. }) => SaveOutcome::Replaced(self.replacement()),
            Err(other) => SaveOutcome::Failed(SaveFailure::Store(Box::new(other))),
        })
    }

    fn replaced(&self, id: &str, revision: u64) -> Option<Replacement> {
        let other = id != self.expected().session;
        if other || revision < self.read.load(Ordering::Relaxed) {
            return Some(self.replacement());
        }
        self.read.fetch_max(revision, Ordering::Relaxed);
        self.seen(revision);
        None
    }

    fn stamp(&self) -> Option<storage::Stamp> {
        storage::stamp(&self.path).ok()
    }

    fn history(&self) -> Result<Vec<Operation>, StoreError> {
        storage::output::operations(&self.path)
    }

    /// What another terminal changed (new journal lines only), as the
    /// changes since the screen's copy.
    fn load(&self, held: &Session) -> Option<Fresh> {
        let mut live = self.live();
        let changed = live.refresh().ok()?;
        let behind = live.session().id != held.id || live.session().revision != held.revision;
        (changed || behind).then(|| self.fresh(&mut live, held.revision))
    }

    fn whole(&self) -> Option<Session> {
        let live = self.live();
        self.handed
            .fetch_max(live.session().revision, Ordering::AcqRel);
        Some(live.session().clone())
    }

    fn idle(&self) {
        let Some(checkpoints) = &self.checkpoints else {
            // Checkpoints written in place, after 2 s idle; a failed one is
            // tried again later (the journal holds every change meanwhile).
            let _ = self
                .live()
                .checkpoint_if_due(Instant::now(), storage::TUI_WAIT);
            return;
        };
        if self.writing.load(Ordering::Acquire) {
            return;
        }
        let snapshot = {
            let live = self.live();
            if !live.checkpoint_wanted(Instant::now()) {
                return;
            }
            live.snapshot()
        };
        if let Some(snapshot) = snapshot {
            self.writing.store(true, Ordering::Release);
            if checkpoints.send(snapshot).is_err() {
                self.writing.store(false, Ordering::Release);
            }
        }
    }
}

/// The session file read only (`podium display`): never locks, never
/// writes; reads only the new journal lines.
#[derive(Clone, Debug)]
pub struct ReaderStore {
    pub path: PathBuf,
    pub lang: Lang,
    live: Arc<Mutex<storage::Live>>,
}

impl ReaderStore {
    pub fn new(path: &Path, lang: Lang, live: storage::Live) -> ReaderStore {
        ReaderStore {
            path: path.to_path_buf(),
            lang,
            live: Arc::new(Mutex::new(live)),
        }
    }
}

impl Store for ReaderStore {
    type Stamp = storage::Stamp;

    fn commit(&self, _op: &Operation, _wait: Duration) -> Result<SaveOutcome, Busy> {
        Ok(SaveOutcome::Failed(SaveFailure::ReadOnly))
    }

    fn stamp(&self) -> Option<storage::Stamp> {
        storage::stamp(&self.path).ok()
    }

    fn load(&self, held: &Session) -> Option<Fresh> {
        let mut live = self.live.lock().unwrap_or_else(|e| e.into_inner());
        let changed = live.refresh().ok()?;
        let session = live.session();
        let behind = session.id != held.id || session.revision != held.revision;
        if !(changed || behind) {
            return None;
        }
        let fresh = match live.changes_since(held.revision) {
            Some(changes) if session.id == held.id => Fresh::Changes(Delta {
                session: session.id.clone(),
                from: held.revision,
                to: session.revision,
                changes,
            }),
            _ => Fresh::Whole(Box::new(session.clone())),
        };
        live.forget_until(held.revision);
        Some(fresh)
    }

    fn whole(&self) -> Option<Session> {
        let live = self.live.lock().unwrap_or_else(|e| e.into_inner());
        Some(live.session().clone())
    }
}
