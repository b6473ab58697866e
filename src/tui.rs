//! The event loop: sleep until something visible can change or the session
//! file is due for a check, coalesce a burst of events, draw only when
//! dirty, perform the app's effects. Saving runs on its own thread so a
//! locked file never freezes the screen.
//!
//! The only code that talks to crossterm's event API.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;

use crate::app::action::{Delta, Job};
use crate::app::{Action, App, Effect, SaveOutcome, action_for, update};
use crate::domain::{Operation, Session};
use crate::ui::{Theme, View};

/// The session file is checked for the other terminal's work this often.
pub const CHECK_EVERY: Duration = Duration::from_millis(500);
/// How long a save waits for the lock before retrying in the background.
pub const LOCK_WAIT: Duration = Duration::from_millis(100);
/// While a save is in flight the loop looks for its outcome this often. A
/// save takes about a millisecond, so this is what a typed value waits to
/// be shown saved (the grid's budget is 10 ms); it costs nothing when idle.
const SAVE_POLL: Duration = Duration::from_millis(1);
/// How often to look while the other terminal holds the lock (the saving
/// thread retries every 50 ms): no busy loop while it waits.
const BUSY_POLL: Duration = Duration::from_millis(50);
/// How often the saving thread, while idle, asks for a checkpoint.
const IDLE_CHECK: Duration = Duration::from_millis(500);
/// While a job runs on the worker the loop looks for its result this often.
const WORK_POLL: Duration = Duration::from_millis(50);
/// After `q`, pending saves get this long to finish.
const QUIT_GRACE: Duration = Duration::from_secs(10);
/// After an ending signal, the loop gets this long to leave before the
/// watch checks whether the terminal is gone (see [`watch_hang_up`]).
const HANG_UP_GRACE: Duration = Duration::from_secs(1);

/// The other terminal holds the lock: try again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Busy;

/// The session file as the loop needs it (the storage module behind it).
pub trait Store: Clone + Send + 'static {
    type Stamp: PartialEq + Send;
    /// Lock (waiting at most `wait`), apply, journal, write: how it ended
    /// (a refusal with the fresh state if it can be read), or `Busy`.
    fn commit(&self, op: &Operation, wait: Duration) -> Result<SaveOutcome, Busy>;
    /// A cheap "did the file change?" marker.
    fn stamp(&self) -> Option<Self::Stamp>;
    /// What changed since `held` (the session the screen holds) when the
    /// file changed (never locks, never writes).
    fn load(&self, held: &Session) -> Option<Fresh>;
    /// The whole session as the store knows it (after changes that did
    /// not fit the session held).
    fn whole(&self) -> Option<Session>;
    /// Whether a session read from the file (its id and revision) is not
    /// the one this terminal works on (another session id, or a revision
    /// lower than it has seen): where the previous copy went. Stores that
    /// never save say `None`.
    fn replaced(&self, _id: &str, _revision: u64) -> Option<crate::app::Replacement> {
        None
    }
    /// Called by the saving thread after each save and while no change is
    /// waiting: time for a checkpoint, if one is wanted (written off the
    /// key path).
    fn idle(&self) {}
    /// Every operation of the journal, for the history view (never locks,
    /// never writes), or why it cannot be read.
    fn history(&self) -> Result<Vec<Operation>, crate::domain::fault::StoreError> {
        Ok(Vec::new())
    }
}

/// A fresher session than the one the screen holds: whole, or the changes
/// that bring it up to date.
#[derive(Debug)]
pub enum Fresh {
    Whole(Box<Session>),
    Changes(Delta),
}

impl Fresh {
    /// The session's id and revision.
    pub fn ident(&self) -> (&str, u64) {
        match self {
            Fresh::Whole(s) => (&s.id, s.revision),
            Fresh::Changes(d) => (&d.session, d.to),
        }
    }

    pub fn into_action(self) -> Action {
        match self {
            Fresh::Whole(s) => Action::Reloaded(s),
            Fresh::Changes(d) => Action::Followed(d),
        }
    }
}

/// `now` from a monotonic clock anchored to the wall clock at start-up, so
/// changing the system clock does not jerk the countdown.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    wall: DateTime<Utc>,
    mono: Instant,
}

impl Clock {
    pub fn start() -> Clock {
        Clock {
            wall: Utc::now(),
            mono: Instant::now(),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.wall + TimeDelta::from_std(self.mono.elapsed()).unwrap_or(TimeDelta::zero())
    }

    /// The monotonic instant of a wall-clock time on this clock.
    pub fn instant_of(&self, at: DateTime<Utc>) -> Instant {
        match (at - self.wall).to_std() {
            Ok(after) => self.mono + after,
            Err(_) => self.mono,
        }
    }
}

/// Whether to use colour: `NO_COLOR` set to anything non-empty turns it off.
pub fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// What the saving thread reports.
enum Report {
    Busy,
    Settled(SaveOutcome),
}

/// The saving thread: commits operations in order, retrying while the
/// other terminal holds the lock.
struct Saver {
    ops: Sender<Operation>,
    outcomes: Receiver<Report>,
    in_flight: usize,
    /// The other terminal holds the lock: the save waits its turn.
    busy: bool,
}

impl Saver {
    fn spawn<S: Store>(store: S) -> Saver {
        let (ops, op_rx) = mpsc::channel::<Operation>();
        let (out_tx, outcomes) = mpsc::channel();
        thread::spawn(move || {
            loop {
                let op = match op_rx.recv_timeout(IDLE_CHECK) {
                    Ok(op) => op,
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        store.idle();
                        continue;
                    }
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                };
                let mut told_busy = false;
                let outcome = loop {
                    match store.commit(&op, LOCK_WAIT) {
                        Ok(outcome) => break outcome,
                        Err(Busy) => {
                            if !told_busy {
                                told_busy = true;
                                let _ = out_tx.send(Report::Busy);
                            }
                            thread::sleep(Duration::from_millis(50));
                        }
                    }
                };
                if out_tx.send(Report::Settled(outcome)).is_err() {
                    return;
                }
                // After the outcome is on its way: a checkpoint the save
                // made due is started off the key path.
                store.idle();
            }
        });
        Saver {
            ops,
            outcomes,
            in_flight: 0,
            busy: false,
        }
    }

    fn send(&mut self, op: Operation) {
        if self.ops.send(op).is_ok() {
            self.in_flight += 1;
        }
    }

    /// Outcomes ready now, as actions for the app.
    fn ready(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        while let Ok(report) = self.outcomes.try_recv() {
            self.busy = matches!(report, Report::Busy);
            actions.push(match report {
                Report::Busy => Action::Busy,
                Report::Settled(outcome) => {
                    self.in_flight -= 1;
                    Action::Settled(outcome)
                }
            });
        }
        actions
    }
}

/// The worker: runs the app's long jobs (`Effect::Run`) one at a time,
/// off the loop's thread, and hands their results back as actions.
struct Worker {
    jobs: Sender<Job>,
    done: Receiver<Action>,
    in_flight: usize,
}

impl Worker {
    fn spawn() -> Worker {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (done_tx, done) = mpsc::channel();
        thread::spawn(move || {
            for job in job_rx {
                if done_tx.send(job.run()).is_err() {
                    return;
                }
            }
        });
        Worker {
            jobs,
            done,
            in_flight: 0,
        }
    }

    fn send(&mut self, job: Job) {
        if self.jobs.send(job).is_ok() {
            self.in_flight += 1;
        }
    }

    /// Results ready now.
    fn ready(&mut self) -> Vec<Action> {
        let actions: Vec<Action> = self.done.try_iter().collect();
        self.in_flight -= actions.len();
        actions
    }
}

/// Whether standard input and output are a terminal the interface can use.
pub fn has_terminal() -> bool {
    use std::io::IsTerminal;
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// The signals that end the program from outside (a closed terminal, a
/// `kill`, `Ctrl-\`): each leaves as `q` would, restoring the terminal.
const ENDING_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// Run the live interface until the user quits. The terminal is restored
/// on every way out: a panic (ratatui's hook restores it first) and the
/// ending signals (the loop leaves once the saves in flight are done).
pub fn run<S: Store>(store: S, app: App, clock: Clock, theme: Theme) -> io::Result<()> {
    let ended = Arc::new(AtomicBool::new(false));
    let mut hooks = Vec::new();
    for signal in ENDING_SIGNALS {
        hooks.push(signal_hook::flag::register(signal, Arc::clone(&ended))?);
    }
    let left = Arc::new(AtomicBool::new(false));
    let watch = watch_hang_up(Arc::clone(&left))?;
    let mut terminal = ratatui::try_init()?;
    paste_off_on_panic();
    let _ = crossterm::execute!(io::stdout(), crossterm::event::EnableBracketedPaste);
    let result = event_loop(&mut terminal, store, app, clock, theme, &ended);
    left.store(true, Ordering::Relaxed);
    watch.close();
    restore();
    for hook in hooks {
        signal_hook::low_level::unregister(hook);
    }
    result
}

/// crossterm 0.29 can spin forever inside `event::poll` once the terminal
/// is gone (its reader retries end-of-file without end:
/// crossterm-rs/crossterm#793), so the loop never sees the hang-up and a
/// closed window would leave a process busy on one core. This thread
/// waits for the ending signals; when the loop has not left
/// [`HANG_UP_GRACE`] after one and the terminal is gone, it ends the
/// process. Every saved change is in the journal already (a save in
/// flight ends as after a power cut: recovered on the next open).
fn watch_hang_up(left: Arc<AtomicBool>) -> io::Result<signal_hook::iterator::Handle> {
    let mut signals = signal_hook::iterator::Signals::new(ENDING_SIGNALS)?;
    let handle = signals.handle();
    thread::spawn(move || {
        for signal in signals.forever() {
            let deadline = Instant::now() + HANG_UP_GRACE;
            while Instant::now() < deadline && !left.load(Ordering::Relaxed) {
                thread::sleep(Duration::from_millis(20));
            }
            if left.load(Ordering::Relaxed) {
                return;
            }
            if !has_terminal() {
                std::process::exit(128 + signal);
            }
        }
    });
    Ok(handle)
}

/// Give the terminal back as it was: bracketed paste off, cooked mode,
/// the main screen. Safe to call more than once.
pub fn restore() {
    let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableBracketedPaste);
    ratatui::restore();
}

/// A panic turns bracketed paste off too (ratatui's hook, run next,
/// restores the rest).
fn paste_off_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableBracketedPaste);
        previous(info);
    }));
}

fn event_loop<S: Store>(
    terminal: &mut DefaultTerminal,
    store: S,
    mut app: App,
    clock: Clock,
    theme: Theme,
    ended: &AtomicBool,
) -> io::Result<()> {
    let mut saver = Saver::spawn(store.clone());
    let mut worker = Worker::spawn();
    let mut stamp = store.stamp();
    let mut last_check = Instant::now();
    let mut quit_asked: Option<Instant> = None;
    let mut dirty = true;
    let mut due: Option<DateTime<Utc>> = None;
    loop {
        if dirty {
            let now = clock.now();
            terminal
                .draw(|frame| frame.render_widget(&View::new(&app, now, theme), frame.area()))?;
            dirty = false;
            due = app.next_visible_change(now);
        }
        if ended.load(Ordering::Relaxed) {
            app.leaving = true;
        }
        if app.leaving {
            let asked = *quit_asked.get_or_insert_with(Instant::now);
            if saver.in_flight == 0 || asked.elapsed() > QUIT_GRACE {
                return Ok(());
            }
        }

        // Sleep until the next visible change, the next file check, or a
        // save's outcome.
        let mut wake = last_check + CHECK_EVERY;
        if let Some(at) = due {
            wake = wake.min(clock.instant_of(at));
        }
        if saver.in_flight > 0 {
            let poll = if saver.busy { BUSY_POLL } else { SAVE_POLL };
            wake = wake.min(Instant::now() + poll);
        }
        if worker.in_flight > 0 {
            wake = wake.min(Instant::now() + WORK_POLL);
        }
        let wait = ceil_ms(wake.saturating_duration_since(Instant::now()));
        let mut effects = Vec::new();
        if event::poll(wait)? {
            loop {
                let ev = event::read()?;
                if matches!(ev, Event::Resize(..)) {
                    dirty = true;
                }
                if let Some(action) = action_for(&ev, &app) {
                    effects.extend(update(&mut app, action, clock.now()));
                    dirty = true;
                }
                if !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        for action in saver.ready().into_iter().chain(worker.ready()) {
            effects.extend(update(&mut app, action, clock.now()));
            dirty = true;
        }
        if last_check.elapsed() >= CHECK_EVERY {
            last_check = Instant::now();
            let fresh = store.stamp();
            if fresh != stamp {
                stamp = fresh;
                if let Some(fresh) = store.load(&app.session) {
                    let (id, revision) = fresh.ident();
                    let action = match store.replaced(id, revision) {
                        Some(replacement) => Action::Replaced(replacement),
                        None => fresh.into_action(),
                    };
                    effects.extend(update(&mut app, action, clock.now()));
                    dirty = true;
                }
            }
        }
        let now = clock.now();
        if due.is_some_and(|at| at <= now) {
            effects.extend(update(&mut app, Action::Tick, now));
            dirty = true;
        }
        while !effects.is_empty() {
            let mut more = Vec::new();
            for effect in effects {
                match effect {
                    Effect::Save(op) => saver.send(*op),
                    Effect::Bell => {
                        let mut out = io::stdout();
                        let _ = out.write_all(b"\x07").and_then(|()| out.flush());
                    }
                    Effect::Run(job) => worker.send(job),
                    Effect::ReadHistory => {
                        let read = Action::History(store.history());
                        more.extend(update(&mut app, read, clock.now()));
                    }
                    Effect::Resync => {
                        if let Some(session) = store.whole() {
                            let action = Action::Reloaded(Box::new(session));
                            more.extend(update(&mut app, action, clock.now()));
                        }
                    }
                }
            }
            effects = more;
        }
    }
}

/// Round a wait up to the next millisecond so the loop never wakes just
/// before a second boundary and spins.
fn ceil_ms(d: Duration) -> Duration {
    let ms = d.as_nanos().div_ceil(1_000_000);
    Duration::from_millis(u64::try_from(ms).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_round_up_to_the_millisecond() {
        assert_eq!(ceil_ms(Duration::from_micros(1)), Duration::from_millis(1));
        assert_eq!(
            ceil_ms(Duration::from_millis(250)),
            Duration::from_millis(250)
        );
        assert_eq!(ceil_ms(Duration::ZERO), Duration::ZERO);
    }

    #[test]
    fn the_clock_maps_wall_times_to_instants() {
        let clock = Clock::start();
        let later = clock.wall + TimeDelta::milliseconds(1500);
        assert_eq!(
            clock.instant_of(later),
            clock.mono + Duration::from_millis(1500)
        );
        assert_eq!(
            clock.instant_of(clock.wall - TimeDelta::seconds(3)),
            clock.mono
        );
        assert!(clock.now() >= clock.wall);
    }
}
