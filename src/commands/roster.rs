//! `podium roster FILE [--teams teams.csv] [--jurors jurors.csv] [--dry-run]`:
//! re-read the organisers' spreadsheets (the same formats and rules as
//! `new`) and apply what changed as one operation; `--dry-run` prints it
//! and writes nothing. A bad line anywhere refuses everything.

use chrono::Utc;

use crate::cli::{RosterArgs, RosterFiles};
use crate::domain::roster;
use crate::domain::{Juror, Lang, Operation, Team};
use crate::storage;
use crate::words::setup as words;

use super::{Failure, Outcome};

/// What a file gave, or its problems added to `problems`.
fn kept<T>(
    read: Result<T, storage::csv::Rejected>,
    problems: &mut storage::csv::Rejected,
) -> Option<T> {
    read.map_err(|rejected| problems.extend(rejected)).ok()
}

/// The teams and the jurors of `--teams` and `--jurors` (`None` where not
/// given, or rejected: its problems added to `problems`). `new` reads them
/// the same way.
pub(super) fn read(
    files: &RosterFiles,
    lang: Lang,
    problems: &mut storage::csv::Rejected,
) -> (Option<Vec<Team>>, Option<Vec<Juror>>) {
    let teams = (files.teams.as_deref())
        .and_then(|path| kept(storage::csv::read_teams(path, lang), problems));
    let jurors = (files.jurors.as_deref())
        .and_then(|path| kept(storage::csv::read_jurors(path, lang), problems));
    (teams, jurors)
}

pub fn run(flag: Option<Lang>, args: &RosterArgs) -> Outcome {
    let file = args.file.display().to_string();
    // The whole journal is checked first: a damaged one is never written to.
    let (mut live, lang) = super::open_writer(flag, &args.file)?;
    let session = live.session().clone();
    let mut problems = storage::csv::Rejected::default();
    let (teams, jurors) = read(&args.roster, lang, &mut problems);
    if !problems.lines.is_empty() {
        return Err(Failure::rejected(lang, problems));
    }
    let update = roster::update(&session, teams.as_deref(), jurors.as_deref());
    if let Some(change) = &update.change {
        // Checked before anything is said or written.
        let mut copy = session.clone();
        if let Err(refusal) = crate::domain::apply(&mut copy, change) {
            return Err(Failure::one(
                lang,
                format!("{file}: {}", refusal.message(lang)),
            ));
        }
    }
    let lines: Vec<String> = update
        .lines
        .iter()
        .map(|l| words::roster_line(l, lang))
        .collect();
    // What changes, one line each, then what was done.
    let said = |last: String| super::say(lang, &[lines.as_slice(), &[last]].concat().join("\n"));
    let Some(change) = update.change else {
        return said(words::nothing_to_change(&file, lang));
    };
    if args.dry_run {
        return said(words::dry_run(&file, lang));
    }
    let op = Operation::new(change, storage::new_id(), Utc::now());
    super::commit_change(&mut live, &op, &file, lang)?;
    said(words::roster_saved(&file, lang))
}
