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
    let (session, digest) = storage::load_with_digest(file).map_err(|e| {
        let lang = i18n::resolve(flag, None);
        Failure::one(lang, e.message(lang))
    })?;
    let lang = i18n::resolve(flag, Some(session.settings.lang));
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
        _ => return to_stdout(bytes, lang),
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

/// Standard output (see [`emit`]).
pub fn to_stdout(bytes: &[u8], lang: Lang) -> Outcome {
    use std::io::IsTerminal;
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    emit(&mut stdout.lock(), bytes, terminal, lang)
}

/// Write an output: escaped for a terminal (a name's ESC or BEL never
/// reaches it raw), as is for a pipe or a file. A closed pipe (`| head`)
/// ends quietly; any other write error (a full disk) is an error.
pub fn emit(out: &mut dyn Write, bytes: &[u8], terminal: bool, lang: Lang) -> Outcome {
    let escaped;
    let bytes = match std::str::from_utf8(bytes) {
        Ok(text) if terminal => {
            escaped = crate::words::for_terminal(text);
            escaped.as_bytes()
        }
        _ => bytes,
    };
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::one(
            lang,
            words::cannot_write_stdout(&storage::io_words(&e, lang), lang),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    /// A writer that fails with `kind` once `room` bytes are written.
    struct Failing {
        kind: ErrorKind,
        written: Vec<u8>,
        room: usize,
    }

    impl Write for Failing {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.written.len() >= self.room {
                return Err(Error::from(self.kind));
            }
            let n = buf.len().min(self.room - self.written.len());
            self.written.extend_from_slice(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn failing(kind: ErrorKind) -> Failing {
        let written = Vec::new();
        Failing {
            kind,
            written,
            room: 4,
        }
    }

    #[test]
    fn a_closed_pipe_is_a_quiet_end() {
        let mut pipe = failing(ErrorKind::BrokenPipe);
        assert_eq!(
            emit(&mut pipe, b"rank;team\n1;T1\n", false, Lang::En),
            Ok(())
        );
    }

    #[test]
    fn a_full_disk_is_an_error_saying_so() {
        let mut full = failing(ErrorKind::StorageFull);
        let err = emit(&mut full, b"rank;team\n1;T1\n", false, Lang::En).unwrap_err();
        assert_eq!(
            err.lines,
            ["standard output: cannot write (no space left on the disk)"]
        );
    }

    #[test]
    fn a_terminal_gets_names_escaped_a_pipe_gets_them_as_they_are() {
        let text = "1  T1  Can\u{1b}]0;x\u{7}tine\r\u{202e}\n";
        let mut terminal = Vec::new();
        emit(&mut terminal, text.as_bytes(), true, Lang::En).unwrap();
        let shown = String::from_utf8(terminal).unwrap();
        assert_eq!(shown, "1  T1  Can\\u{1b}]0;x\\u{7}tine\\u{d}\\u{202e}\n");
        let mut pipe = Vec::new();
        emit(&mut pipe, text.as_bytes(), false, Lang::En).unwrap();
        assert_eq!(pipe, text.as_bytes());
    }
}
