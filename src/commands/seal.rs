//! `podium seal FILE` / `podium unseal FILE`: hide the ranking from every
//! output until unsealed, or show it again; one operation each. Sealing
//! what is sealed (or unsealing what is not) is refused, exit 1.

use std::path::Path;

use chrono::Utc;

use crate::domain::{Change, Lang, Operation};
use crate::storage;
use crate::words::seal as words;

use super::{Failure, Outcome, output};

pub fn run(flag: Option<Lang>, file: &Path, seal: bool) -> Outcome {
    let name = file.display().to_string();
    let (mut live, lang) = super::open_writer(flag, file)?;
    let change = if seal { Change::Seal } else { Change::Unseal };
    let op = Operation::new(change, storage::new_id(), Utc::now());
    super::commit_change(&mut live, &op, &name, lang)?;
    super::say(lang, &words::done(&name, seal, lang))
}

/// An output of the ranking (results, page, minutes, archive) refuses a
/// sealed session: one line naming the file.
pub fn refuse_if_sealed(loaded: &output::Loaded, file: &Path) -> Result<(), Failure> {
    if loaded.session.is_sealed() {
        let name = file.display().to_string();
        return Err(Failure::one(
            loaded.lang,
            words::refused(&name, loaded.lang),
        ));
    }
    Ok(())
}
