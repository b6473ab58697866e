//! `podium roster FILE [--teams teams.csv] [--jurors jurors.csv] [--dry-run]`:
//! re-read the organisers' spreadsheets (the same formats and rules as
//! `new`) and apply what changed as one operation; `--dry-run` prints it
//! and writes nothing. A bad line anywhere refuses everything.

use chrono::Utc;

use crate::cli::RosterArgs;
use crate::domain::roster;
use crate::domain::{Lang, Operation};
use crate::storage;
use crate::words::setup as words;

use super::{Failure, Outcome};

pub fn run(flag: Option<Lang>, args: &RosterArgs) -> Outcome {
    let file = args.file.display().to_string();
    // The whole journal is checked first: a damaged one is never written to.
    let (mut live, lang) = super::open_writer(flag, &args.file)?;
    let session = live.session().clone();
    let mut problems = Vec::new();
    let teams = args
        .teams
        .as_ref()
        .and_then(|path| match storage::csv::read_teams(path, lang) {
            Ok(teams) => Some(teams),
            Err(lines) => {
                problems.extend(lines);
                None
            }
        });
    let jurors =
        args.jurors
            .as_ref()
            .and_then(|path| match storage::csv::read_jurors(path, lang) {
                Ok(jurors) => Some(jurors),
                Err(lines) => {
                    problems.extend(lines);
                    None
                }
            });
    if !problems.is_empty() {
        return Err(Failure::new(lang, problems));
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
