//! `podium demo [--reset]` (and `podium` alone): the built-in demo forum.
//!
//! The Forum interdépartemental de l'innovation publique (Amiens) ships
//! inside the binary: the organisers' spreadsheets and the session built
//! from them by `podium new` (see assets/demo/README.md). [`prepare_in`]
//! copies it to the data folder unless a copy is there (`--reset` restores
//! it); [`run`] then shows where it is and the schedule.

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDateTime, NaiveTime, TimeDelta, Utc};

use crate::cli::DemoArgs;
use crate::domain::schedule::{next_quarter_hour, starting_at};
use crate::domain::{Lang, Operation, Session, Slot};
use crate::i18n;
use crate::storage;
use crate::words::demo as words;

use super::{Failure, Outcome};

/// The shipped session and its journal.
pub const STATE: &str = include_str!("../../assets/demo/forum.json");
pub const JOURNAL: &str = include_str!("../../assets/demo/forum.json.journal");
/// The organisers' spreadsheets it was built from.
pub const TEAMS_CSV: &str = include_str!("../../assets/demo/teams.csv");
pub const JURORS_CSV: &str = include_str!("../../assets/demo/jurors.csv");
pub const CRITERIA_CSV: &str = include_str!("../../assets/demo/criteria.csv");

/// The name of the session file in the demo folder.
pub const FILE_NAME: &str = "forum.json";
/// Overrides the data folder (tests, portable installs).
pub const DATA_DIR_VAR: &str = "PODIUM_DATA_DIR";

/// The data folder: `$PODIUM_DATA_DIR`, or the platform's
/// (e.g. `~/.local/share/podium` on Linux).
pub fn data_dir() -> Option<PathBuf> {
    match std::env::var_os(DATA_DIR_VAR) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("fr", "Podium", "podium")
            .map(|dirs| dirs.data_dir().to_path_buf()),
    }
}

/// The demo copy in the data folder, ready to open.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The session file.
    pub path: PathBuf,
    /// `--reset`: where the previous copy was moved (`None`: there was none).
    pub backup: Option<PathBuf>,
}

/// Copy the demo forum into the data folder unless a copy is there
/// (`reset`: start over, the previous copy moved into a backup folder), at
/// `now` (local time): a copy installed or reset starts at the next quarter
/// hour, today.
fn prepare_in(lang: Lang, reset: bool, now: NaiveDateTime) -> Result<Prepared, Failure> {
    let Some(dir) = data_dir().map(|d| d.join("demo")) else {
        return Err(Failure::one(lang, words::no_data_folder(lang)));
    };
    let cannot_copy = |err: std::io::Error| {
        let why = storage::io_words(&err, lang);
        Failure::one(lang, words::cannot_copy(&dir, &why, lang))
    };
    let spreadsheets: [(&str, &[u8]); 3] = [
        ("teams.csv", TEAMS_CSV.as_bytes()),
        ("jurors.csv", JURORS_CSV.as_bytes()),
        ("criteria.csv", CRITERIA_CSV.as_bytes()),
    ];
    let path = dir.join(FILE_NAME);
    let start = next_quarter_hour(now);
    if reset {
        return reset_in(&dir, &spreadsheets, start).map_err(|e| match e {
            Reset::Io(err) => cannot_copy(err),
            Reset::Store(err) => Failure::one(lang, err.message(lang)),
        });
    }
    let journal = format!("{FILE_NAME}.journal");
    let mut files: Vec<(&str, &[u8])> = vec![
        (FILE_NAME, STATE.as_bytes()),
        (&journal, JOURNAL.as_bytes()),
    ];
    files.extend(spreadsheets);
    // A copy, or only its journal (the state can be rebuilt from it), is
    // the user's: never overwritten.
    let kept_if = [FILE_NAME, journal.as_str()];
    if storage::install::install(&dir, &files, &kept_if).map_err(cannot_copy)? {
        // The shipped copy, then its day moved to start soon: one line.
        let shipped = storage::load(&path).map_err(|e| Failure::one(lang, e.message(lang)))?;
        if let Some(change) = starting_at(&shipped, start) {
            let op = Operation::new(change, storage::new_id(), Utc::now());
            storage::commit(&path, &op, storage::CLI_WAIT)
                .map_err(|e| Failure::one(lang, e.message(lang)))?;
        }
    }
    Ok(Prepared { path, backup: None })
}

enum Reset {
    Io(std::io::Error),
    Store(storage::StoreError),
}

/// `--reset`: under the session's lock, the previous copy (state, journal,
/// torn lines, changed spreadsheets) goes into a backup folder beside it,
/// and the shipped forum is created again with a new session id, so a
/// terminal still open on the old copy can tell and never saves into it.
fn reset_in(
    dir: &Path,
    spreadsheets: &[(&str, &[u8])],
    start: NaiveDateTime,
) -> Result<Prepared, Reset> {
    storage::install::folder(dir).map_err(Reset::Io)?;
    let path = dir.join(FILE_NAME);
    // The shipped session parses (tests/demo.rs checks it).
    let mut fresh: Session = serde_json::from_str(STATE)
        .map_err(std::io::Error::other)
        .map_err(Reset::Io)?;
    fresh.id = storage::new_id();
    if let Some(change) = starting_at(&fresh, start) {
        // The shipped session takes its own settings' change.
        let _ = crate::domain::apply(&mut fresh, &change);
    }
    let replaced = storage::replace(&path, &fresh, &storage::new_id(), chrono::Utc::now())
        .map_err(Reset::Store)?;
    storage::install::restore(dir, spreadsheets, replaced.backup.as_deref()).map_err(Reset::Io)?;
    Ok(Prepared {
        path,
        backup: replaced.backup,
    })
}

pub fn run(flag: Option<Lang>, args: &DemoArgs) -> Outcome {
    let lang = i18n::resolve(flag, None);
    let now = Utc::now().with_timezone(&Local).naive_local();
    let prepared = prepare_in(lang, args.reset, now)?;
    let path = prepared.path;
    let session = storage::load(&path).map_err(|err| {
        let hint = words::reset_hint(lang);
        Failure::new(lang, vec![err.message(lang), hint.to_string()])
    })?;
    let lang = i18n::resolve(flag, Some(session.settings.lang));
    let note = prepared.backup.as_deref().map(|b| words::backup(b, lang));
    if let Some(note) = &note {
        super::say(lang, note)?;
    }
    // In a terminal, the live interface (the backup said there too);
    // otherwise (piped), the schedule.
    if crate::tui::has_terminal() {
        return super::run::run_noting(flag, &path, note);
    }
    super::say(lang, &describe(&session, &path, lang))
}

fn clock(secs: u32) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// Where the demo is and its schedule, as printed.
pub fn describe(session: &Session, path: &Path, lang: Lang) -> String {
    let s = &session.settings;
    let mut out = String::new();
    let title = &session.event.title;
    let place = if session.event.place.is_empty() {
        String::new()
    } else {
        format!(" — {}", session.event.place)
    };
    out.push_str(&format!("{title}{place}\n"));
    out.push_str(&words::session_line(path, lang));
    let sizes = words::Sizes {
        teams: session.teams.len(),
        jurors: session.jurors.len(),
        laureates: s.laureates as usize,
        pitch: &clock(s.pitch_secs),
        qa: &clock(s.qa_secs),
        changeover: &clock(s.changeover_secs),
    };
    out.push_str(&words::sizes(&sizes, lang));
    out.push_str(words::schedule_heading(lang));
    let slot_secs = i64::from(s.pitch_secs + s.qa_secs + s.changeover_secs);
    let mut at: Option<NaiveTime> = s.start_time;
    let time =
        |t: Option<NaiveTime>| t.map_or("     ".to_string(), |t| t.format("%H:%M").to_string());
    for slot in &session.schedule {
        match slot {
            Slot::Team { team } => {
                let Some(t) = session.team(team) else {
                    continue;
                };
                let org = session
                    .organisation(&t.org)
                    .map_or(t.org.as_str(), |o| o.name.as_str());
                out.push_str(&format!(
                    "  {}  {:<4} {} — {} ({org})\n",
                    time(at),
                    t.id,
                    t.name,
                    t.project
                ));
                at = at.map(|a| a + TimeDelta::seconds(slot_secs));
            }
            Slot::Break { label, minutes, .. } => {
                out.push_str(&format!("  {}  {label} ({minutes} min)\n", time(at)));
                at = at.map(|a| a + TimeDelta::minutes(i64::from(*minutes)));
            }
        }
    }
    if at.is_some() {
        out.push_str(&words::planned_end(&time(at), lang));
    }
    out.push('\n');
    out.push_str(&words::next_steps(path, lang));
    out
}
