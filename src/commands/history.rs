//! `podium history FILE [--team T] [--juror J]`: who changed what and
//! when, from the journal, oldest first (newest last), in words. A reader:
//! never locks, never writes FILE.

use crate::cli::HistoryArgs;
use crate::domain::history::{self, Filter};
use crate::domain::{JurorId, Lang, Session, TeamId};
use crate::storage::{self, output::Privacy};
use crate::words::history as words;

use super::{Failure, Outcome, output};

pub fn run(flag: Option<Lang>, args: &HistoryArgs) -> Outcome {
    let loaded = output::load(flag, &args.file, false)?;
    let lang = loaded.lang;
    let session = &loaded.session;
    let filter = filter(session, args.team.as_deref(), args.juror.as_deref(), lang)?;
    let operations =
        storage::output::operations(&args.file).map_err(|e| Failure::one(lang, e.message(lang)))?;
    let entries = history::entries(&operations, &filter);
    let filtered = filter != Filter::default();
    let mut text = words::lines(&entries, session, loaded.offset, filtered, lang).join("\n");
    text.push('\n');
    // Escaped already, pipe or terminal alike.
    output::write(&args.file, None, text.as_bytes(), Privacy::OwnerOnly, lang)
}

/// The team and juror asked for, by id or by name; unknown: an error.
fn filter(
    session: &Session,
    team: Option<&str>,
    juror: Option<&str>,
    lang: Lang,
) -> Result<Filter, Failure> {
    let mut problems = Vec::new();
    let team = team.and_then(|given| {
        let found = session
            .team(&TeamId::new(given.trim()))
            .or_else(|| session.teams.iter().find(|t| same_name(&t.name, given)))
            .map(|t| t.id.clone());
        if found.is_none() {
            problems.push(words::unknown(true, given, lang));
        }
        found
    });
    let juror = juror.and_then(|given| {
        let found = session
            .juror(&JurorId::new(given.trim()))
            .or_else(|| session.jurors.iter().find(|j| same_name(&j.name, given)))
            .map(|j| j.id.clone());
        if found.is_none() {
            problems.push(words::unknown(false, given, lang));
        }
        found
    });
    if !problems.is_empty() {
        return Err(Failure::new(lang, problems));
    }
    Ok(Filter { team, juror })
}

fn same_name(name: &str, given: &str) -> bool {
    name.trim().to_lowercase() == given.trim().to_lowercase()
}
