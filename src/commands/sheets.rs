//! `podium sheets FILE [-o sheets.html]`: printable score sheets, one page
//! per juror. A reader: never locks, never writes FILE.

use crate::cli::SheetsArgs;
use crate::domain::Lang;
use crate::report;
use crate::storage::output::Privacy;

use super::{Outcome, output};

pub fn run(flag: Option<Lang>, args: &SheetsArgs) -> Outcome {
    let loaded = output::load(flag, &args.file, false)?;
    let text = report::sheets::render(&loaded.session, loaded.lang);
    // Blank sheets: no score on them.
    loaded.write(&args.file, args.output.as_deref(), &text, Privacy::Shared)
}
