//! `podium repair FILE`: restart a journal that lags its state.

use std::path::Path;

use chrono::Utc;

use crate::domain::Lang;
use crate::i18n;
use crate::storage;
use crate::words::storage as words;

use super::{Failure, Outcome};

pub fn run(flag: Option<Lang>, file: &Path) -> Outcome {
    let lang = i18n::resolve(flag, storage::lang_of(file));
    match storage::repair(file, &storage::new_id(), Utc::now()) {
        Ok(Some(done)) => super::say(
            lang,
            &words::repaired(lang, file, done.revision, done.kept.as_deref()),
        ),
        Ok(None) => super::say(lang, &words::nothing_to_repair(lang, file)),
        Err(e) => Err(Failure::one(lang, e.message(lang))),
    }
}
