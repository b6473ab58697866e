//! A whole forum day at fake-clock speed: the demo's fifteen teams, each
//! pitched, questioned and scored, two breaks, two terminals writing to the
//! same files (the moderator's on the questions screen, the secretary's on
//! the score grid), one team's sheets imported from a spreadsheet meanwhile,
//! the jury's decision on the tie at the cut-off, a checkpoint every few
//! minutes. Everything goes through `update` and the real storage (the
//! `FileStore` of `podium run`), as the event loop would. At the end every
//! score, question and decision is on disk, both terminals show it, and
//! the journal's hash chain replays to the state file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use podium::app::screens::questions::juror_hotkeys;
use podium::app::{Action, App, Effect, Options, Screen, action_for, update};
use podium::commands::demo::{FILE_NAME, JOURNAL, STATE};
use podium::commands::run::FileStore;
use podium::domain::stage::Phase;
use podium::domain::{Criterion, Dec, Lang, Operation, Session, SheetKey};
use podium::storage::{self, Stamp};
use podium::tui::Store;

/// One terminal: the app, its store, what it last saw of the files.
struct Terminal {
    app: App,
    store: FileStore,
    stamp: Option<Stamp>,
    saves: usize,
}

impl Terminal {
    fn open(path: &Path, writer: &str, now: DateTime<Utc>) -> Terminal {
        let (live, _) = storage::Live::open(path).unwrap();
        let session = live.session().clone();
        let options = Options {
            writer: writer.into(),
            lang: Lang::Fr,
            offset: FixedOffset::east_opt(3600).unwrap(),
        };
        Terminal {
            app: App::new(session, options, now),
            store: FileStore::new(path, Lang::Fr, live),
            stamp: storage::stamp(path).ok(),
            saves: 0,
        }
    }

    /// An action and what its effects feed back, as the event loop does.
    fn act(&mut self, action: Action, now: DateTime<Utc>) {
        let mut queue = vec![action];
        while let Some(action) = queue.pop() {
            for effect in update(&mut self.app, action, now) {
                match effect {
                    Effect::Save(op) => {
                        let outcome = self.store.commit(&op, storage::TUI_WAIT);
                        let outcome = outcome.unwrap_or_else(|_| panic!("lock busy"));
                        self.saves += 1;
                        queue.push(Action::Settled(outcome));
                    }
                    Effect::Run(job) => queue.push(job.run()),
                    Effect::Resync => {
                        let whole = self.store.whole().expect("the whole session");
                        queue.push(Action::Reloaded(Box::new(whole)));
                    }
                    Effect::ReadHistory => {
                        let history = storage::output::operations(&self.store.path);
                        queue.push(Action::History(history));
                    }
                    Effect::Bell => {}
                }
            }
        }
    }

    fn press(&mut self, code: KeyCode, now: DateTime<Utc>) {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        let action = action_for(&event, &self.app)
            .unwrap_or_else(|| panic!("{code:?} does nothing on {:?}", self.app.screen));
        self.act(action, now);
        assert!(self.app.pending.is_empty(), "a save did not settle");
    }

    fn typed(&mut self, text: &str, now: DateTime<Utc>) {
        for c in text.chars() {
            self.press(KeyCode::Char(c), now);
        }
    }

    /// What the loop does when the files' stamp changed: read the other
    /// terminal's lines.
    fn poll(&mut self, now: DateTime<Utc>) {
        let stamp = storage::stamp(&self.store.path).ok();
        if stamp == self.stamp {
            return;
        }
        self.stamp = stamp;
        if let Some(fresh) = self.store.load(&self.app.session) {
            let (id, revision) = fresh.ident();
            assert_eq!(self.store.replaced(id, revision), None);
            self.act(fresh.into_action(), now);
        }
    }

    fn go_to(&mut self, screen: Screen, now: DateTime<Utc>) {
        for _ in 0..Screen::ALL.len() {
            if self.app.screen == screen {
                return;
            }
            self.press(KeyCode::Tab, now);
        }
        assert_eq!(self.app.screen, screen);
    }
}

/// The day: both terminals, the fake clock, the last checkpoint.
struct Day {
    path: PathBuf,
    moderator: Terminal,
    secretary: Terminal,
    now: DateTime<Utc>,
    checkpointed: DateTime<Utc>,
    checkpoints: usize,
}

impl Day {
    fn poll(&mut self) {
        self.moderator.poll(self.now);
        self.secretary.poll(self.now);
    }

    /// Time passes in ticks of 10 s; a checkpoint every five minutes.
    fn wait(&mut self, secs: i64) {
        let end = self.now + TimeDelta::seconds(secs);
        while self.now < end {
            self.now = (self.now + TimeDelta::seconds(10)).min(end);
            self.moderator.act(Action::Tick, self.now);
            self.secretary.act(Action::Tick, self.now);
            self.poll();
            if self.now - self.checkpointed >= TimeDelta::minutes(5) {
                storage::checkpoint(&self.path, storage::CLI_WAIT).unwrap();
                self.checkpointed = self.now;
                self.checkpoints += 1;
            }
        }
    }

    fn moderator_key(&mut self, code: KeyCode) {
        self.moderator.press(code, self.now);
        self.poll();
    }

    fn stage(&self) -> (Option<String>, Phase) {
        let stage = &self.moderator.app.session.stage;
        (stage.team.as_ref().map(|t| t.to_string()), stage.phase)
    }
}

/// The value every juror gives criterion `c` of team `n` (1-based): a
/// strict order, except T08 and T09 equal at the cut-off (8 laureates);
/// 3 on the one criterion scored out of 5.
fn value(n: usize, c: &Criterion) -> String {
    if c.max < Dec::int(20) {
        return "3".into();
    }
    let n = if n == 9 { 8 } else { n };
    let whole = 20 - n;
    if n % 2 == 0 {
        format!("{whole},5")
    } else {
        whole.to_string()
    }
}

fn team_number(id: &str) -> usize {
    id.trim_start_matches('T').parse().unwrap()
}

/// The secretary types every sheet of the team on stage, a juror's row at
/// a time, the moderator's clock ticking between rows.
fn type_sheets(day: &mut Day, team: &str) {
    day.secretary.press(KeyCode::Char('s'), day.now);
    assert_eq!(day.secretary.app.grid.team.as_deref(), Some(team));
    let (jurors, criteria) = {
        let s = &day.secretary.app.session;
        (s.jurors.len(), s.criteria.clone())
    };
    for _ in 0..jurors {
        day.secretary.press(KeyCode::Up, day.now);
    }
    for _ in 0..jurors {
        day.secretary.press(KeyCode::Home, day.now);
        for c in &criteria {
            day.secretary.typed(&value(team_number(team), c), day.now);
            day.secretary.press(KeyCode::Right, day.now);
        }
        day.secretary.press(KeyCode::Down, day.now);
        day.wait(10);
    }
}

/// T12's sheets come on paper and are imported by `podium scores import`
/// while both terminals run.
fn import_sheets(day: &mut Day, team: &str) {
    let session = storage::load(&day.path).unwrap();
    let t = session.team(&team.into()).unwrap();
    let mut csv = String::from("équipe;juré;critère;valeur\n");
    for j in &session.jurors {
        if session.excuse(t, j).is_some() {
            continue;
        }
        for c in &session.criteria {
            let v = value(team_number(team), c);
            csv.push_str(&format!("{};{};{};{v}\n", t.id, j.id, c.id));
        }
    }
    let file = day.path.with_file_name("scores-T12.csv");
    std::fs::write(&file, csv).unwrap();
    let mut input = storage::csv::Input::open(&file, Lang::Fr).unwrap();
    let (change, _) =
        storage::csv::import_scores(&session, &mut input, Lang::Fr, &mut |_, _| {}).unwrap();
    let op = Operation::new(change.unwrap(), "import", day.now);
    storage::commit(&day.path, &op, storage::CLI_WAIT).unwrap();
    day.poll();
}

/// The moderator's day: every team through its phases, the questions
/// asked by hotkey, the breaks the schedule holds run on stage.
fn run_the_stage(day: &mut Day, asked: &mut usize, breaks: &mut usize) {
    let hotkeys: Vec<char> = juror_hotkeys(&day.moderator.app.session)
        .into_iter()
        .filter_map(|(_, key)| key)
        .collect();
    let mut done = 0;
    while done < 15 {
        let (team, phase) = day.stage();
        match phase {
            Phase::Waiting => day.moderator_key(KeyCode::Char(' ')),
            Phase::Pitch => {
                day.wait(180);
                day.moderator_key(KeyCode::Char('n'));
            }
            Phase::Questions => {
                // Three jurors ask, each answered in about thirty seconds.
                for k in hotkeys.iter().cycle().skip(done).take(3) {
                    day.moderator_key(KeyCode::Char(*k));
                }
                for _ in 0..3 {
                    day.wait(30);
                    day.moderator_key(KeyCode::Enter);
                    *asked += 1;
                }
                day.moderator_key(KeyCode::Char('n'));
            }
            Phase::Scoring => {
                let team = team.unwrap();
                if team == "T12" {
                    import_sheets(day, &team);
                } else {
                    type_sheets(day, &team);
                }
                day.wait(30);
                done += 1;
                if done < 15 {
                    day.moderator_key(KeyCode::Char('n'));
                }
            }
            Phase::Break => {
                // The coffee break the schedule holds (ten minutes).
                day.wait(10 * 60);
                day.moderator_key(KeyCode::Char('n'));
                *breaks += 1;
            }
        }
    }
}

/// The results screen: `d`, the order as ranked, who decided, why.
fn decide(day: &mut Day) {
    day.moderator.go_to(Screen::Results, day.now);
    for key in [KeyCode::Char('d'), KeyCode::Char('o'), KeyCode::Enter] {
        day.moderator_key(key);
    }
    day.moderator.typed("Le jury", day.now);
    day.moderator_key(KeyCode::Enter);
    day.moderator.typed("vote à main levée", day.now);
    day.moderator_key(KeyCode::Enter);
}

fn setup(dir: &Path) -> Day {
    let path = dir.join(FILE_NAME);
    std::fs::write(&path, STATE).unwrap();
    std::fs::write(storage::Files::new(&path).journal, JOURNAL).unwrap();
    // 13:50 in Amiens, ten minutes before the first pitch.
    let now = Utc.with_ymd_and_hms(2026, 12, 10, 12, 50, 0).unwrap();
    let mut moderator = Terminal::open(&path, "moderator", now);
    let mut secretary = Terminal::open(&path, "secretary", now);
    secretary.go_to(Screen::Scores, now);
    // Two breaks in the schedule: after the fifth team and the tenth.
    moderator.go_to(Screen::Schedule, now);
    for _ in 0..4 {
        moderator.press(KeyCode::Down, now);
    }
    moderator.press(KeyCode::Char('b'), now);
    for _ in 0..6 {
        moderator.press(KeyCode::Down, now);
    }
    moderator.press(KeyCode::Char('b'), now);
    moderator.go_to(Screen::Questions, now);
    Day {
        path,
        moderator,
        secretary,
        now,
        checkpointed: now,
        checkpoints: 0,
    }
}

/// What must be on disk: every sheet, every question, the decision, the
/// two breaks; reread from the files and replayed from line 1.
fn check_disk(day: &Day, asked: usize) {
    let disk = storage::load(&day.path).unwrap();
    assert_eq!(disk, *day.moderator.app.session, "the moderator's screen");
    assert_eq!(disk, *day.secretary.app.session, "the secretary's screen");
    for team in &disk.teams {
        for juror in &disk.jurors {
            let sheet = disk
                .sheets
                .get(&SheetKey::new(team.id.clone(), juror.id.clone()));
            if disk.excuse(team, juror).is_some() {
                assert!(sheet.is_none_or(|s| s.values.is_empty()));
                continue;
            }
            let sheet = sheet.unwrap_or_else(|| panic!("no sheet {} {}", team.id, juror.id));
            assert_eq!(
                sheet.values.len(),
                disk.criteria.len(),
                "{} {}",
                team.id,
                juror.id
            );
            for c in &disk.criteria {
                let got = sheet.values[&c.id].to_string().replace('.', ",");
                assert_eq!(
                    got,
                    value(team_number(&team.id), c),
                    "{} {}",
                    team.id,
                    juror.id
                );
            }
        }
    }
    assert_eq!(disk.questions.len(), asked);
    assert_eq!(disk.stage.log.len(), 15 * 3 - 1, "every phase logged");
    let planned = disk.schedule.iter().filter(|s| s.team().is_none()).count();
    assert_eq!(
        (planned, disk.stage.breaks.len()),
        (2, 2),
        "two breaks planned and run"
    );
    let [decision] = disk.decisions.as_slice() else {
        panic!("one decision expected: {:?}", disk.decisions);
    };
    assert_eq!(decision.teams, ["T08", "T09"]);
    assert_eq!(decision.by, "Le jury");
    // The whole journal, line by line, chained and replayed from its
    // creation, gives the state file (after a last checkpoint).
    storage::checkpoint(&day.path, storage::CLI_WAIT).unwrap();
    let report = storage::inspect(&day.path);
    let findings: Vec<_> = report
        .findings
        .iter()
        .map(|f| f.message(Lang::En))
        .collect();
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(report.session.as_ref(), Some(&disk));
    let lines = std::fs::read_to_string(storage::Files::new(&day.path).journal).unwrap();
    assert_eq!(lines.lines().count() as u64, disk.revision);
}

#[test]
fn a_whole_forum_day_ends_with_everything_on_disk() {
    let started = std::time::Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let mut day = setup(dir.path());
    let (mut asked, mut breaks) = (0, 0);
    run_the_stage(&mut day, &mut asked, &mut breaks);
    assert_eq!(breaks, 2);
    decide(&mut day);
    day.wait(60);
    check_disk(&day, asked);
    // A day: at least the schedule's length (fifteen 6-minute slots and
    // two 10-minute breaks), two writers, checkpoints throughout.
    let day_length = day.now - Utc.with_ymd_and_hms(2026, 12, 10, 12, 50, 0).unwrap();
    assert!(
        day_length >= TimeDelta::minutes(15 * 6 + 2 * 10),
        "{day_length}"
    );
    assert!(day.checkpoints >= 20, "{} checkpoints", day.checkpoints);
    assert!(day.secretary.saves > 500 && day.moderator.saves > 100);
    let _: &Session = &day.moderator.app.session;
    eprintln!(
        "soak: {} of fake time, {} saves by the secretary, {} by the moderator, \
         {} checkpoints, {asked} questions, in {:?}",
        day_length,
        day.secretary.saves,
        day.moderator.saves,
        day.checkpoints,
        started.elapsed()
    );
}

/// CPU seconds used so far by process `pid` (utime + stime).
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(vec![], |(_, rest)| rest.split_whitespace().collect());
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// Found by the soak script: once its terminal was closed under a running
/// countdown (here while it asked "quit anyway?"), `podium run` kept
/// reading end-of-file from it forever, one core busy, deaf to the hang-up
/// signal (crossterm 0.29's event reader never returns on a terminal that
/// is gone). It must leave instead.
#[cfg(unix)]
#[test]
fn a_closed_terminal_ends_podium_run() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    std::fs::write(&path, STATE).unwrap();
    std::fs::write(storage::Files::new(&path).journal, JOURNAL).unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_podium"));
    cmd.args(["run", path.to_str().unwrap(), "--lang", "en"]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("PODIUM_DATA_DIR", dir.path());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    // Read until the countdown runs, then let go of the terminal.
    let (seen, shown) = mpsc::channel();
    std::thread::spawn(move || {
        let (mut out, mut buf) = (Vec::new(), [0u8; 4096]);
        let mut said = false;
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                return;
            }
            out.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&out);
            if !said && text.contains("Stage") {
                said = true;
                let _ = seen.send("stage");
            }
            if text.contains("Time left") {
                let _ = seen.send("running");
                return;
            }
        }
    });
    assert_eq!(shown.recv_timeout(Duration::from_secs(20)), Ok("stage"));
    writer.write_all(b" ").unwrap();
    assert_eq!(shown.recv_timeout(Duration::from_secs(20)), Ok("running"));
    let pid = child.process_id().unwrap();
    // `q` with the countdown running asks "quit anyway?"; the window is
    // closed instead of answering.
    writer.write_all(b"q").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    drop(writer);
    drop(pair.master);
    let closed = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if closed.elapsed() > Duration::from_secs(15) {
            let cpu = cpu_seconds(pid);
            let _ = child.kill();
            let _ = child.wait();
            panic!("podium run still there 15 s after its terminal closed ({cpu:.1} s of CPU)");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
