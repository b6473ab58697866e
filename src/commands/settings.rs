//! `podium settings FILE [options]`: without options, print the event and
//! the settings; with options, check them all and apply them as one
//! operation, or print one line per refused option and write nothing.

use chrono::{Local, NaiveTime, Timelike, Utc};

use crate::cli::SettingsArgs;
use crate::domain::setup::{Field, Fields, Value};
use crate::domain::{Change, Edit, Event, Lang, Operation, Session, Settings, validate};
use crate::storage;
use crate::words::setup as words;

use super::new::{parse_duration, parse_time};
use super::{Failure, Outcome};

pub fn run(flag: Option<Lang>, args: &SettingsArgs) -> Outcome {
    let file = args.file.display().to_string();
    // The whole journal is checked first: a damaged one is never written to.
    let (mut live, lang) = super::open_writer(flag, &args.file)?;
    let session = live.session().clone();
    let asked = asked(args, lang, Local::now().time());
    if asked.is_empty() {
        return super::say(lang, &words::settings_text(&session, lang));
    }
    let mut problems: Vec<String> = Vec::new();
    let (mut event, mut settings) = (session.event.clone(), session.settings.clone());
    for (field, value) in asked {
        match value {
            Ok(v) if Event::FIELDS.contains(&field) => event.put(field, v),
            Ok(v) => settings.put(field, v),
            Err(line) => problems.push(line),
        }
    }
    problems.extend(refused(&session, &event, &settings, lang));
    if !problems.is_empty() {
        let lines = problems
            .into_iter()
            .map(|p| format!("{file}: {p}"))
            .collect();
        return Err(Failure::new(lang, lines));
    }
    let Some(change) = change(&session, event, settings) else {
        return super::say(lang, &words::nothing_to_change(&file, lang));
    };
    let op = Operation::new(change, storage::new_id(), Utc::now());
    super::commit_change(&mut live, &op, &file, lang)?;
    let mut said = words::settings_saved(&file, lang);
    let after = live.session();
    for field in Event::FIELDS.iter().chain(Settings::FIELDS) {
        let (before, now) = if Event::FIELDS.contains(field) {
            (session.event.get(*field), after.event.get(*field))
        } else {
            (session.settings.get(*field), after.settings.get(*field))
        };
        if before != now {
            said.push_str(&format!(
                "\n  {}",
                words::changed_line(*field, &before, &now, lang)
            ));
        }
    }
    super::say(lang, &said)
}

/// The options given, each read into its field's value or refused with
/// a line naming the option. `--start now` is `now` to the second, as the
/// schedule's `s` sets it (a planned start a minute early would show a
/// delay that is not there).
fn asked(args: &SettingsArgs, lang: Lang, now: NaiveTime) -> Vec<(Field, Result<Value, String>)> {
    let mut out = Vec::new();
    let text = |t: &Option<String>| t.as_ref().map(|t| Ok(Value::Text(t.trim().to_string())));
    let secs = |flag: &'static str, t: &Option<String>| {
        t.as_ref().map(|t| {
            parse_duration(t)
                .map(Value::Secs)
                .ok_or_else(|| words::bad_option(flag, t, words::Expected::Duration, lang))
        })
    };
    let date = args.flags.date.as_ref().map(|t| match t.trim() {
        "" => Ok(Value::Date(None)),
        d => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(|d| Value::Date(Some(d)))
            .map_err(|_| words::bad_option("date", t, words::Expected::Date, lang)),
    });
    let start = args.flags.start.as_ref().map(|t| match t.trim() {
        "now" | "maintenant" => Ok(Value::Time(now.with_nanosecond(0))),
        "" => Ok(Value::Time(None)),
        _ => parse_time(t)
            .map(|t| Value::Time(Some(t)))
            .ok_or_else(|| words::bad_option("start", t, words::Expected::Time, lang)),
    });
    let fields = [
        (Field::Title, text(&args.flags.title)),
        (Field::Place, text(&args.flags.place)),
        (Field::Date, date),
        (Field::Pitch, secs("pitch", &args.flags.pitch)),
        (Field::Qa, secs("qa", &args.flags.qa)),
        (
            Field::Changeover,
            secs("changeover", &args.flags.changeover),
        ),
        (Field::Start, start),
        (Field::Warning, secs("warning", &args.flags.warning)),
        (Field::Alarm, secs("alarm", &args.flags.alarm)),
        (
            Field::Bell,
            args.bell.as_ref().map(|b| Ok(Value::Flag(b == "on"))),
        ),
        (
            Field::Laureates,
            args.flags.laureates.map(|n| Ok(Value::Count(n))),
        ),
        (
            Field::MinSheets,
            args.flags.min_sheets.map(|n| Ok(Value::Count(n))),
        ),
        (
            Field::TieBreak,
            args.flags.tie_break.as_ref().map(|ids| {
                Ok(Value::List(
                    ids.iter()
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .collect(),
                ))
            }),
        ),
        (
            Field::Method,
            args.flags.method.map(|m| Ok(Value::Method(m.method()))),
        ),
    ];
    for (field, value) in fields {
        if let Some(value) = value {
            out.push((field, value));
        }
    }
    out
}

/// Every reason to refuse the new event and settings, one line each.
fn refused(s: &Session, event: &Event, settings: &Settings, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if settings.method != s.settings.method && s.scoring_started() {
        lines.push(words::method_locked(lang));
    }
    if settings.pitch_secs == 0 {
        lines.push(words::pitch_zero(lang));
    }
    let mut candidate = s.clone();
    candidate.event = event.clone();
    candidate.settings = Settings {
        method: s.settings.method,
        ..settings.clone()
    };
    lines.extend(
        validate::introduced(s, validate::problems(&candidate))
            .iter()
            .map(|p| p.message(lang)),
    );
    lines
}

/// The one operation: the event's edit, the settings', or both together.
fn change(s: &Session, event: Event, settings: Settings) -> Option<Change> {
    let mut changes = Vec::new();
    if event != s.event {
        changes.push(Change::SetEvent {
            edit: Edit::new(s.event.clone(), event),
        });
    }
    if settings != s.settings {
        changes.push(Change::SetSettings {
            edit: Edit::new(Box::new(s.settings.clone()), Box::new(settings)),
        });
    }
    match changes.len() {
        0 => None,
        1 => changes.pop(),
        _ => Some(Change::Batch {
            label: crate::domain::BatchLabel::Edit {
                id: "settings".into(),
            },
            changes,
        }),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use super::asked;
    use crate::cli::{SettingFlags, SettingsArgs};
    use crate::domain::Lang;
    use crate::domain::setup::{Field, Value};

    #[test]
    fn start_now_is_now_to_the_second() {
        let args = SettingsArgs {
            file: "f.json".into(),
            flags: SettingFlags {
                start: Some("now".into()),
                ..SettingFlags::default()
            },
            bell: None,
        };
        let now = NaiveTime::from_hms_milli_opt(14, 3, 27, 600).unwrap();
        let asked = asked(&args, Lang::En, now);
        let start = asked.iter().find(|(f, _)| *f == Field::Start);
        assert_eq!(
            start.map(|(_, v)| v.clone()),
            Some(Ok(Value::Time(NaiveTime::from_hms_opt(14, 3, 27))))
        );
        // Shown to the second, as set.
        let shown =
            crate::words::setup::value(&Value::Time(NaiveTime::from_hms_opt(14, 3, 27)), Lang::Fr);
        assert_eq!(shown, "14:03:27");
        let whole =
            crate::words::setup::value(&Value::Time(NaiveTime::from_hms_opt(14, 0, 0)), Lang::Fr);
        assert_eq!(whole, "14:00");
    }
}
