//! `podium scores import FILE scores.csv` and `podium scores export FILE`.
//!
//! An import is one operation (a batch of cell, sheet and handwritten-total
//! changes, each carrying what it replaced), all or nothing: one bad row and
//! nothing is written. An export is a reader: it never locks, never writes
//! the session.

use std::path::Path;

use std::time::Instant;

use chrono::Utc;

use crate::domain::{Lang, Operation, Refusal};
use crate::storage::{self, StoreError, output::Privacy};

use super::{Failure, Outcome};

/// How many times an import is rebuilt when another terminal changed a
/// cell between reading the session and committing.
const ATTEMPTS: usize = 3;

fn store_failure(lang: Lang, err: &StoreError) -> Failure {
    Failure::one(lang, err.message(lang))
}

fn is_stale(err: &StoreError) -> bool {
    matches!(
        err.refusal(),
        Some(Refusal::Stale { .. } | Refusal::StaleCell { .. })
    )
}

pub fn import(flag: Option<Lang>, file: &Path, csv: &Path) -> Outcome {
    // The journal past the checkpoint is checked first: a damaged one is
    // never written to.
    let (mut live, lang) = super::open_writer(flag, file)?;
    let writer = storage::new_id();
    let mut attempt = 0;
    loop {
        attempt += 1;
        let (change, summary) = storage::csv::import_scores(live.session(), csv, lang)
            .map_err(|lines| Failure::new(lang, lines))?;
        let Some(change) = change else {
            return super::say(
                lang,
                &match lang {
                    Lang::Fr => format!(
                        "{} : rien à changer, la session contient déjà ces notes.",
                        storage::csv::name(csv)
                    ),
                    Lang::En => format!(
                        "{}: nothing to change, the session already holds these scores.",
                        storage::csv::name(csv)
                    ),
                },
            );
        };
        let op = Operation::new(change, writer.as_str(), Utc::now());
        // Built on the session in memory: never saved into another one put
        // in its place; a cell another writer changed since is refused,
        // then the import is built again on the fresh session.
        match live.commit(&op, storage::CLI_WAIT, Instant::now()) {
            Ok(notices) => {
                for notice in &notices {
                    super::warn(&notice.message(lang));
                }
                let text = said(lang, csv, file, &summary, live.session().revision);
                return super::say(lang, &text);
            }
            Err(err) if is_stale(&err) && attempt < ATTEMPTS => continue,
            Err(err) => return Err(store_failure(lang, &err)),
        }
    }
}

/// What an import says when it is saved.
fn said(lang: Lang, csv: &Path, file: &Path, s: &storage::csv::Summary, revision: u64) -> String {
    let (csv, file) = (storage::csv::name(csv), storage::csv::name(file));
    match lang {
        Lang::Fr => format!(
            "{csv} importé dans {file} (révision {revision}) : {} note(s), {} total(aux) \
             manuscrit(s), {} absence(s), {} récusation(s) ; {} valeur(s) remplacée(s), \
             {} ligne(s) déjà à jour.",
            s.values, s.handwritten, s.absences, s.recusals, s.replaced, s.unchanged
        ),
        Lang::En => format!(
            "{csv} imported into {file} (revision {revision}): {} value(s), {} handwritten \
             total(s), {} absence(s), {} recusal(s); {} replaced, {} row(s) already up to date.",
            s.values, s.handwritten, s.absences, s.recusals, s.replaced, s.unchanged
        ),
    }
}

pub fn export(flag: Option<Lang>, file: &Path, out: Option<&Path>, anonymous: bool) -> Outcome {
    let loaded = super::output::load(flag, file, anonymous)?;
    let lang = loaded.lang;
    let mut text = storage::csv::export::scores(&loaded.session, lang);
    if lang == Lang::Fr {
        text.insert_str(0, crate::report::BOM);
    }
    // Every juror's own scores: readable by the owner only, like the session.
    super::output::write(file, out, text.as_bytes(), Privacy::OwnerOnly, lang)
}
