//! `podium scores import FILE scores.csv` and `podium scores export FILE`.
//!
//! An import is one operation (a batch of cell, sheet and handwritten-total
//! changes, each carrying what it replaced), all or nothing: one bad row and
//! nothing is written. An export is a reader: it never locks, never writes
//! the session.

use std::io::IsTerminal;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Utc;

use crate::domain::{Change, Lang, Operation, Refusal};
use crate::storage::csv::Input;
use crate::storage::{self, StoreError, output::Privacy};
use crate::words::for_terminal;
use crate::words::import::{self as words, PACE, Pace, Stage};

use super::{Failure, Outcome};

/// How many times an import is built when another terminal changed a
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
    let said = import_into(&mut live, file, csv, lang, &mut || {})?;
    super::say(lang, &said)
}

/// Import `csv` into the session `live` holds (at `file`): what to say on
/// success. `meanwhile` runs between building the change and committing
/// it (tests: another writer).
fn import_into(
    live: &mut storage::Live,
    file: &Path,
    csv: &Path,
    lang: Lang,
    meanwhile: &mut dyn FnMut(),
) -> Result<String, Failure> {
    let writer = storage::new_id();
    let (name, session_name) = (storage::csv::name(csv), storage::csv::name(file));
    let mut shown = Progress::new(&name, lang);
    for attempt in 1..=ATTEMPTS {
        let mut input = Input::open(csv, lang).map_err(|r| Failure::rejected(lang, r))?;
        if attempt == 1 {
            storage::csv::say_notice(&input, lang);
        }
        let built =
            storage::csv::import_scores(live.session(), &mut input, lang, &mut |line, percent| {
                shown.show(Stage::Reading { line, percent });
            });
        drop(input);
        let (change, summary) = built.map_err(|r| {
            shown.clear();
            Failure::rejected(lang, r)
        })?;
        let Some(change) = change else {
            shown.clear();
            return Ok(words::nothing_to_change(&name, lang));
        };
        shown.show(Stage::Saving);
        let op = Operation::new(change, writer.as_str(), Utc::now());
        meanwhile();
        // Built on the session in memory: never saved into another one put
        // in its place; a cell another writer changed since is refused,
        // then the import is built again on the fresh session.
        let committed = live.commit(&op, storage::CLI_WAIT, Instant::now());
        shown.clear();
        match committed {
            Ok(notices) => {
                for notice in &notices {
                    super::warn(&notice.message(lang));
                }
                let revision = live.session().revision;
                return Ok(words::imported(
                    &name,
                    &session_name,
                    summary,
                    revision,
                    lang,
                ));
            }
            Err(err) if is_stale(&err) && attempt < ATTEMPTS => {}
            Err(err) if is_stale(&err) => {
                let stale = storage::csv::scores::stale_changes(live.session(), &op.change);
                let total = match &op.change {
                    Change::Batch { changes, .. } => changes.len(),
                    _ => 1,
                };
                let line = words::conflict(&name, &session_name, stale.max(1), total, lang);
                return Err(Failure::one(lang, line));
            }
            Err(err) => return Err(store_failure(lang, &err)),
        }
    }
    unreachable!("the last attempt returns")
}

/// The progress line of a long import, on standard error when it is a
/// terminal (drawn over itself, cleared at the end).
struct Progress<'a> {
    file: &'a str,
    lang: Lang,
    pace: Pace,
    terminal: bool,
    start: Instant,
    shown: Option<Duration>,
    drawn: bool,
}

impl<'a> Progress<'a> {
    fn new(file: &'a str, lang: Lang) -> Progress<'a> {
        Progress {
            file,
            lang,
            pace: pace(),
            terminal: std::io::stderr().is_terminal(),
            start: Instant::now(),
            shown: None,
            drawn: false,
        }
    }

    fn show(&mut self, stage: Stage) {
        let elapsed = self.start.elapsed();
        let shown = if stage == Stage::Saving {
            None
        } else {
            self.shown
        };
        if !self.pace.due(self.terminal, elapsed, shown) {
            return;
        }
        self.shown = Some(elapsed);
        let line = words::progress(self.file, stage, self.lang);
        eprint!("\r{}\x1b[K", for_terminal(&line));
        self.drawn = true;
    }

    fn clear(&mut self) {
        if self.drawn {
            eprint!("\r\x1b[K");
            self.drawn = false;
        }
    }
}

/// When the progress line shows: [`PACE`], or from the start when
/// `PODIUM_TEST_PROGRESS_AFTER_MS` says after how long (the end-to-end
/// test: no file takes a second on every machine, and tests do not wait
/// for the clock).
fn pace() -> Pace {
    let after = std::env::var("PODIUM_TEST_PROGRESS_AFTER_MS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok());
    match after {
        Some(ms) => Pace {
            after: Duration::from_millis(ms),
            ..PACE
        },
        None => PACE,
    }
}

pub fn export(flag: Option<Lang>, file: &Path, out: Option<&Path>, anonymous: bool) -> Outcome {
    let loaded = super::output::load(flag, file, anonymous)?;
    let lang = loaded.lang;
    let mut text = storage::csv::export::scores(&loaded.session, lang);
    if lang.csv_bom() {
        text.insert_str(0, crate::report::BOM);
    }
    // Every juror's own scores: readable by the owner only, like the session.
    super::output::write(file, out, text.as_bytes(), Privacy::OwnerOnly, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Dec, Edit};

    /// A session file of the csv tests' fixture, and a file setting three
    /// cells.
    fn files() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("s.json");
        let session = crate::storage::csv::tests::fixture();
        storage::create(&file, &session, "w", Utc::now()).unwrap();
        let csv = dir.path().join("a.csv");
        let text =
            "team,juror,criterion,value\nT1,J2,impact,10\nT2,J3,impact,4\nT2,J3,transfer,3\n";
        std::fs::write(&csv, text).unwrap();
        (dir, file, csv)
    }

    /// Another writer sets T1/J2/impact to `n`.
    fn other_writer(file: &Path, n: i64) {
        let seen = storage::load(file)
            .unwrap()
            .value(&"T1".into(), &"J2".into(), &"impact".into());
        let change = Change::SetCell {
            team: "T1".into(),
            juror: "J2".into(),
            criterion: "impact".into(),
            edit: Edit::new(seen, Some(Dec::int(n))),
        };
        let op = Operation::new(change, "other", Utc::now());
        storage::commit(file, &op, storage::CLI_WAIT).unwrap();
    }

    #[test]
    fn a_cell_changed_meanwhile_is_built_again_on_the_fresh_session() {
        let (_dir, file, csv) = files();
        let (mut live, _) = storage::Live::open(&file).unwrap();
        let mut times = 0;
        let said = import_into(&mut live, &file, &csv, Lang::En, &mut || {
            times += 1;
            if times == 1 {
                other_writer(&file, 7);
            }
        })
        .unwrap();
        assert!(
            said.contains("3 value(s)") && said.contains("1 replaced"),
            "{said}"
        );
        let session = storage::load(&file).unwrap();
        assert_eq!(
            session.value(&"T1".into(), &"J2".into(), &"impact".into()),
            Some(Dec::int(10))
        );
    }

    #[test]
    fn a_writer_that_keeps_changing_the_cells_is_named_with_the_count_and_nothing_imported() {
        let (_dir, file, csv) = files();
        let (mut live, _) = storage::Live::open(&file).unwrap();
        let mut n = 0;
        let failure = import_into(&mut live, &file, &csv, Lang::En, &mut || {
            n += 1;
            other_writer(&file, n);
        })
        .unwrap_err();
        let (csv, file_name) = (csv.display(), file.display());
        assert_eq!(
            failure.lines,
            vec![format!(
                "{csv}: nothing was imported into {file_name}; another terminal (or another \
                 import) changed 1 of the 3 cells this file changes meanwhile; run the import again"
            )]
        );
        let session = storage::load(&file).unwrap();
        assert_eq!(
            session.value(&"T1".into(), &"J2".into(), &"impact".into()),
            Some(Dec::int(3))
        );
        assert_eq!(
            session.value(&"T2".into(), &"J3".into(), &"impact".into()),
            None
        );
    }
}
