//! `podium new FILE`: create a session from the settings flags (and, once
//! reading spreadsheets lands, from teams.csv, jurors.csv and criteria.csv).

use std::path::Path;

use chrono::Utc;

use crate::cli::NewArgs;
use crate::domain::stage::default_thresholds;
use crate::domain::{Criterion, Event, Juror, Lang, Organisation, Session, Settings, Slot, Team};
use crate::i18n;
use crate::storage;
use crate::words::session::{self as words, FlagProblem};

use super::{Failure, Outcome};

/// What the spreadsheets give a new session (empty without them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lists {
    pub organisations: Vec<Organisation>,
    pub teams: Vec<Team>,
    pub jurors: Vec<Juror>,
    pub criteria: Vec<Criterion>,
}

pub fn run(flag: Option<Lang>, args: &NewArgs) -> Outcome {
    // `--lang` on `new` is also the session's language.
    let lang = i18n::resolve(flag, None);
    let file = args.file.display().to_string();
    let fail = |lines: Vec<String>| Failure::new(lang, lines);
    for path in [args.file.clone(), storage::Files::new(&args.file).journal] {
        if path.symlink_metadata().is_ok() {
            return Err(Failure::one(
                lang,
                storage::StoreError::Exists { path }.message(lang),
            ));
        }
    }
    let lists = read_lists(args, lang)?;
    // The session's language is French unless `--lang` says otherwise: a
    // laptop's English locale must not turn a French forum's exports and
    // results into English ones.
    let session = build_session(args, flag.unwrap_or_default(), lists, &storage::new_id())
        .map_err(|problems| {
            fail(
                problems
                    .into_iter()
                    .map(|p| format!("{file}: {p}"))
                    .collect(),
            )
        })?;
    let created = storage::create(&args.file, &session, &storage::new_id(), Utc::now())
        .map_err(|e| Failure::one(lang, with_file(&args.file, &e, lang)))?;
    super::say(lang, &words::created(&args.file, &created, lang))
}

/// A storage error naming the file (a refusal does not name it itself).
fn with_file(path: &Path, e: &storage::StoreError, lang: Lang) -> String {
    match e {
        storage::StoreError::Refused(_) => format!("{}: {}", path.display(), e.message(lang)),
        _ => e.message(lang),
    }
}

/// The spreadsheets given with `--teams`, `--jurors` and `--criteria`:
/// every problem of every file, one line each naming the file and line.
fn read_lists(args: &NewArgs, lang: Lang) -> Result<Lists, Failure> {
    let mut problems = storage::csv::Rejected::default();
    let mut lists = Lists::default();
    let (teams, jurors) = super::roster::read(&args.roster, lang, &mut problems);
    lists.teams = teams.unwrap_or_default();
    lists.jurors = jurors.unwrap_or_default();
    if let Some(path) = &args.criteria {
        match storage::csv::read_criteria(path, lang) {
            Ok(criteria) => lists.criteria = criteria,
            Err(rejected) => problems.extend(rejected),
        }
    }
    if !problems.lines.is_empty() {
        return Err(Failure::rejected(lang, problems));
    }
    lists.organisations = storage::csv::roster::organisations(&lists.teams, &lists.jurors);
    Ok(lists)
}

/// The new session from the flags and the lists; every problem with the
/// flags, one message each (without the file name).
pub fn build_session(
    args: &NewArgs,
    lang: Lang,
    lists: Lists,
    id: &str,
) -> Result<Session, Vec<String>> {
    let mut problems = Vec::new();
    let settings = settings(args, lang, &lists, &mut problems);
    let date = date(args, lang, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let title = args.flags.title.clone().unwrap_or_else(|| {
        args.file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let event = Event {
        title,
        place: args.flags.place.clone().unwrap_or_default(),
        date,
    };
    let mut session = Session::new(id, event, settings);
    session.schedule = lists
        .teams
        .iter()
        .map(|t| Slot::Team { team: t.id.clone() })
        .collect();
    session.organisations = lists.organisations;
    session.teams = lists.teams;
    session.jurors = lists.jurors;
    session.criteria = lists.criteria;
    let problems = crate::domain::validate::problems(&session);
    if problems.is_empty() {
        Ok(session)
    } else {
        Err(problems.iter().map(|p| p.message(lang)).collect())
    }
}

/// The settings from the flags (the default settings for those left
/// out); each unreadable flag adds a problem.
fn settings(args: &NewArgs, lang: Lang, lists: &Lists, problems: &mut Vec<String>) -> Settings {
    let flags = &args.flags;
    let defaults = Settings::default();
    let mut settings = Settings {
        lang,
        laureates: flags.laureates.unwrap_or(defaults.laureates),
        min_sheets: flags.min_sheets.unwrap_or(defaults.min_sheets),
        recuse_same_org: args.recuse_same_org,
        method: flags.method.map_or(defaults.method, |m| m.method()),
        ..defaults
    };
    if let Some(text) = &flags.pitch {
        settings.pitch_secs = duration("pitch", text, false, lang, problems);
    }
    if let Some(text) = &flags.qa {
        settings.qa_secs = duration("qa", text, true, lang, problems);
    }
    if let Some(text) = &flags.changeover {
        settings.changeover_secs = duration("changeover", text, true, lang, problems);
    }
    let (warning, alarm) = default_thresholds(settings.pitch_secs);
    settings.warning_secs = flags
        .warning
        .as_ref()
        .map_or(warning, |w| duration("warning", w, true, lang, problems));
    settings.alarm_secs = flags
        .alarm
        .as_ref()
        .map_or(alarm, |a| duration("alarm", a, true, lang, problems));
    if let Some(start) = &flags.start {
        match parse_time(start) {
            Some(t) => settings.start_time = Some(t),
            None => problems.push(FlagProblem::UnreadableTime(start).message(lang)),
        }
    }
    if settings.laureates == 0 {
        problems.push(FlagProblem::NoLaureate.message(lang));
    }
    if settings.min_sheets == 0 {
        problems.push(FlagProblem::NoSheet.message(lang));
    }
    let source = args.criteria.as_ref().map(|p| p.display().to_string());
    let tie_break = flags.tie_break.as_deref().unwrap_or_default();
    for c in tie_break {
        let c = c.trim();
        if !lists.criteria.iter().any(|k| k.id == c) {
            let file = source.as_deref();
            let problem = FlagProblem::UnknownCriterion { criterion: c, file };
            problems.push(problem.message(lang));
        }
    }
    settings.tie_break = tie_break.iter().map(|c| c.trim().into()).collect();
    settings
}

/// Seconds of a duration flag (0 when unreadable, with a problem said).
fn duration(flag: &str, text: &str, zero_ok: bool, lang: Lang, problems: &mut Vec<String>) -> u32 {
    match parse_duration(text) {
        Some(0) if !zero_ok => {
            problems.push(FlagProblem::ZeroDuration { flag, text }.message(lang));
            0
        }
        Some(secs) => secs,
        None => {
            problems.push(FlagProblem::UnreadableDuration { flag, text }.message(lang));
            0
        }
    }
}

/// The event's date from `--date`, if given and readable.
fn date(args: &NewArgs, lang: Lang, problems: &mut Vec<String>) -> Option<chrono::NaiveDate> {
    let text = args
        .flags
        .date
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())?;
    match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => Some(date),
        Err(_) => {
            problems.push(FlagProblem::UnreadableDate(text).message(lang));
            None
        }
    }
}

pub use crate::domain::setup::{parse_duration, parse_time};

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("3m"), Some(180));
        assert_eq!(parse_duration("180s"), Some(180));
        assert_eq!(parse_duration("2m30s"), Some(150));
        assert_eq!(parse_duration("3:00"), Some(180));
        assert_eq!(parse_duration("2:05"), Some(125));
        assert_eq!(parse_duration("1h"), Some(3600));
        assert_eq!(parse_duration("0"), Some(0));
        assert_eq!(parse_duration("0s"), Some(0));
        for bad in [
            "", "3", "m", "3x", "2:75", "30s2m", "3m3m", "-3m", "2:5:1", "1.5m",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("09:30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("9:30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("14h"), NaiveTime::from_hms_opt(14, 0, 0));
        assert_eq!(parse_time("9h05"), NaiveTime::from_hms_opt(9, 5, 0));
        for bad in ["", "25:00", "9:3", "9", "ab:cd", "9:60"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
