//! `podium results FILE [--method M] [--format table|json|csv|md] [-o OUT]`:
//! the ranking, read as any reader does (never locks, never writes FILE).

use std::path::Path;

use crate::cli::{ResultsArgs, ResultsFormat};
use crate::domain::Lang;
use crate::domain::ranking;
use crate::i18n;
use crate::report;
use crate::storage;

use super::{Failure, Outcome};

pub fn run(flag: Option<Lang>, args: &ResultsArgs) -> Outcome {
    let session = storage::load(&args.file).map_err(|e| {
        let lang = i18n::resolve(flag, None);
        Failure::one(lang, e.message(lang))
    })?;
    let lang = i18n::resolve(flag, Some(session.settings.lang));
    let method = args.method.map_or(session.settings.method, |m| m.method());
    let ranking = ranking::rank(&session, method);
    let text = match args.format {
        ResultsFormat::Json => report::json(&ranking),
        ResultsFormat::Table => report::table(&ranking, &session, lang),
        ResultsFormat::Csv => report::csv(&ranking, &session, lang),
        ResultsFormat::Md => report::markdown(&ranking, &session, lang),
    };
    write_out(&args.file, args.output.as_deref(), &text, lang)
}

/// Standard output, or the file given with `-o`.
fn write_out(file: &Path, output: Option<&Path>, text: &str, lang: Lang) -> Outcome {
    match output {
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = stdout.write_all(text.as_bytes());
            let _ = stdout.flush();
            Ok(())
        }
        Some(path) => storage::csv::write_export(file, path, text, lang)
            .map_err(|line| Failure::one(lang, line)),
    }
}
