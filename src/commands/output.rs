//! What the report commands share: reading the session as a reader does
//! (never the lock, never a write), `--anonymous`, the event's local time,
//! the journal digest, and writing to `-o FILE`, `-o -` or standard output.

use std::io::Write;
use std::path::Path;

use chrono::{FixedOffset, Local, NaiveTime, Offset, TimeZone};

use crate::domain::{Lang, Session};
use crate::i18n;
use crate::report::{self, Context};
use crate::storage::{self, output::Privacy};
use crate::words::output as words;

use super::{Failure, Outcome};

/// A session read for a report.
pub struct Loaded {
    pub session: Session,
    pub lang: Lang,
    pub offset: FixedOffset,
    pub digest: Option<String>,
    /// With `--anonymous`: the labels of the original juror ids.
    pub aliases: Option<report::anonymous::Aliases>,
}

impl Loaded {
    /// Write a report of this session to `-o` (see [`write`]).
    pub fn write(&self, file: &Path, out: Option<&Path>, text: &str, privacy: Privacy) -> Outcome {
        write(file, out, text.as_bytes(), privacy, self.lang)
    }

    pub fn context(&self) -> Context<'_> {
        Context {
            session: &self.session,
            lang: self.lang,
            offset: self.offset,
            digest: self.digest.as_deref(),
        }
    }
}

/// The event's offset from UTC: this machine's time zone on the event's
/// day (at noon), or today's without a date.
pub fn event_offset(session: &Session) -> FixedOffset {
    let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default();
    session
        .event
        .date
        .and_then(|d| Local.from_local_datetime(&d.and_time(noon)).earliest())
        .map_or_else(|| Local::now().offset().fix(), |t| t.offset().fix())
}

/// Read `file` for a report; `anonymous` replaces jurors by J1, J2…
pub fn load(flag: Option<Lang>, file: &Path, anonymous: bool) -> Result<Loaded, Failure> {
    let session = storage::load(file).map_err(|e| {
        let lang = i18n::resolve(flag, None);
        Failure::one(lang, e.message(lang))
    })?;
    let lang = i18n::resolve(flag, Some(session.settings.lang));
    let journal = storage::Files::new(file).journal;
    let digest = storage::digest::last_digest(&journal).map_err(|e| {
        Failure::one(
            lang,
            words::cannot_read(&journal, &storage::io_words(&e, lang), lang),
        )
    })?;
    let offset = event_offset(&session);
    let (session, aliases) = if anonymous {
        let aliases = report::anonymous::Aliases::of(&session);
        (report::anonymous::session(&session), Some(aliases))
    } else {
        (session, None)
    };
    Ok(Loaded {
        session,
        lang,
        offset,
        digest,
        aliases,
    })
}

/// Standard output when `output` is none or `-`, else the file (never one
/// of the session's own files).
pub fn write(
    file: &Path,
    output: Option<&Path>,
    bytes: &[u8],
    privacy: Privacy,
    lang: Lang,
) -> Outcome {
    let path = match output {
        Some(path) if path != Path::new("-") => path,
        _ => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = stdout.write_all(bytes);
            let _ = stdout.flush();
            return Ok(());
        }
    };
    if storage::csv::is_session_file(file, path) {
        return Err(Failure::one(lang, words::session_file(path, lang)));
    }
    storage::output::write(path, bytes, privacy).map_err(|e| {
        Failure::one(
            lang,
            words::cannot_write(path, &storage::io_words(&e, lang), lang),
        )
    })
}
