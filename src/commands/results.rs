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
    let outcome = loaded.write(&args.file, args.output.as_deref(), &text, Privacy::Shared);
    // The process ends next: the session's and the ranking's allocations
    // (120,000 sheets at 2,000 teams) are left to the operating system
    // instead of being freed one by one (about 6 ms there).
    std::mem::forget(ranking);
    std::mem::forget(loaded);
    outcome
}
