//! `podium results FILE [--method M] [--format table|json|csv|md|html]
//! [-o OUT] [--anonymous]`: the ranking, read as any reader does (never
//! locks, never writes FILE).

use crate::cli::{ResultsArgs, ResultsFormat};
use crate::domain::Lang;
use crate::domain::ranking;
use crate::report;
use crate::storage::output::Privacy;

use super::Outcome;
use super::output;

pub fn run(flag: Option<Lang>, args: &ResultsArgs) -> Outcome {
    let loaded = output::load(flag, &args.file, args.anonymous)?;
    // Every format (the page too) refuses a sealed session.
    super::seal::refuse_if_sealed(&loaded, &args.file)?;
    let cx = loaded.context();
    let method = args
        .method
        .map_or(loaded.session.settings.method, |m| m.method());
    let ranking = ranking::rank(&loaded.session, method);
    let text = match args.format {
        ResultsFormat::Json => report::json(&ranking),
        ResultsFormat::Table => report::table(&ranking, &cx),
        ResultsFormat::Csv => report::csv(&ranking, &cx),
        ResultsFormat::Md => report::markdown(&ranking, &cx),
        ResultsFormat::Html => report::page(&ranking, &cx),
    };
    // The ranking holds no juror's own scores: shared like any page.
    loaded.write(&args.file, args.output.as_deref(), &text, Privacy::Shared)
}
