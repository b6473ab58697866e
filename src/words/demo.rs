//! `podium demo`'s own words: where the copy is, its schedule as printed
//! when piped, what `--reset` did, and why the copy could not be made.
//! The demo forum's content (its teams, jurors, breaks) is data, not
//! words: it stays in `commands/demo.rs`.

use std::path::Path;

use super::number::count;
use crate::domain::Lang;

/// No folder to put the demo in.
pub fn no_data_folder(lang: Lang) -> &'static str {
    lang.t(
        "dossier de données introuvable : définir PODIUM_DATA_DIR",
        "no data folder found: set PODIUM_DATA_DIR",
    )
}

/// The demo's files could not be copied into `dir` (`why`: the system's
/// reason, in words).
pub fn cannot_copy(dir: &Path, why: &str, lang: Lang) -> String {
    let dir = dir.display();
    match lang {
        Lang::Fr => format!("{dir}: copie impossible ({why})"),
        Lang::En => format!("{dir}: cannot copy ({why})"),
    }
}

/// Under a copy that cannot be read: how to start over.
pub fn reset_hint(lang: Lang) -> &'static str {
    lang.t(
        "`podium demo --reset` remet la copie d'origine",
        "`podium demo --reset` restores the original copy",
    )
}

/// Where `--reset` put the previous copy.
pub fn backup(backup: &Path, lang: Lang) -> String {
    let backup = backup.display();
    match lang {
        Lang::Fr => format!("Copie précédente (session et journal) mise de côté dans : {backup}"),
        Lang::En => format!("Previous copy (session and journal) moved to: {backup}"),
    }
}

/// The session file's line.
pub fn session_line(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Session : {}\n", path.display()),
        Lang::En => format!("Session: {}\n", path.display()),
    }
}

/// The demo's sizes and timings (`m:ss` each).
pub struct Sizes<'a> {
    pub teams: usize,
    pub jurors: usize,
    pub laureates: usize,
    pub pitch: &'a str,
    pub qa: &'a str,
    pub changeover: &'a str,
}

/// "6 équipes, 5 jurés, 3 lauréats ; pitch 3:00, …" and a blank line.
pub fn sizes(s: &Sizes, lang: Lang) -> String {
    let (pitch, qa, change) = (s.pitch, s.qa, s.changeover);
    match lang {
        Lang::Fr => format!(
            "{}, {}, {} ; pitch {pitch}, questions {qa}, changement {change}\n\n",
            count(s.teams, lang, "équipe", "équipes"),
            count(s.jurors, lang, "juré", "jurés"),
            count(s.laureates, lang, "lauréat", "lauréats"),
        ),
        Lang::En => format!(
            "{}, {}, {}; pitch {pitch}, questions {qa}, changeover {change}\n\n",
            count(s.teams, lang, "team", "teams"),
            count(s.jurors, lang, "juror", "jurors"),
            count(s.laureates, lang, "laureate", "laureates"),
        ),
    }
}

/// The schedule's heading line.
pub fn schedule_heading(lang: Lang) -> &'static str {
    lang.t("Programme\n", "Schedule\n")
}

/// The schedule's last line: when it ends (`time`, as `HH:MM`).
pub fn planned_end(time: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("  {time}  fin prévue\n"),
        Lang::En => format!("  {time}  planned end\n"),
    }
}

/// What is beside the copy, and the commands to go on with it.
pub fn next_steps(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Les tableurs d'origine (teams.csv, jurors.csv, criteria.csv) sont à côté.\n\
             Repartir de zéro : podium demo --reset\n\
             Session en direct : podium run {}\n",
            path.display()
        ),
        Lang::En => format!(
            "The original spreadsheets (teams.csv, jurors.csv, criteria.csv) are beside it.\n\
             Start over: podium demo --reset\n\
             Live session: podium run {}\n",
            path.display()
        ),
    }
}
