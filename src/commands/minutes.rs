//! `podium minutes FILE [--format md|html] [-o OUT] [--anonymous]`: the
//! minutes of the deliberation, ready to sign. A reader: never locks,
//! never writes FILE.

use chrono::Utc;

use crate::cli::{MinutesArgs, MinutesFormat};
use crate::domain::Lang;
use crate::domain::ranking;
use crate::report::minutes::{self, Minutes};
use crate::storage::{self, output::Privacy};

use super::{Failure, Outcome, output};

pub fn run(flag: Option<Lang>, args: &MinutesArgs) -> Outcome {
    let loaded = output::load(flag, &args.file, args.anonymous)?;
    let text = render(&loaded, &args.file, args.format)?;
    // The list of changes carries jurors' own scores: owner only.
    loaded.write(
        &args.file,
        args.output.as_deref(),
        &text,
        Privacy::OwnerOnly,
    )
}

/// The minutes of a loaded session in `format` (also for the archive):
/// refused when the session is sealed (they hold the ranking).
pub fn render(
    loaded: &output::Loaded,
    file: &std::path::Path,
    format: MinutesFormat,
) -> Result<String, Failure> {
    super::seal::refuse_if_sealed(loaded, file)?;
    let lang = loaded.lang;
    let history =
        storage::output::operations(file).map_err(|e| Failure::one(lang, e.message(lang)))?;
    let cx = loaded.context();
    let ranking = ranking::rank(&loaded.session, loaded.session.settings.method);
    let m = Minutes {
        ranking: &ranking,
        history: &history,
        aliases: loaded.aliases.as_ref(),
        now: Utc::now(),
    };
    Ok(match format {
        MinutesFormat::Md => minutes::markdown(&cx, &m),
        MinutesFormat::Html => minutes::html(&cx, &m),
    })
}
