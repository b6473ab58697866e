//! The `podium` binary: read the command line in the user's language,
//! dispatch, print errors.

use std::process::ExitCode;

use podium::{cli, commands, i18n};

mod allocator;

#[global_allocator]
static ALLOCATOR: allocator::Switch = allocator::Switch::new();

fn main() -> ExitCode {
    // No panic text or backtrace ever reaches a user: one line instead.
    // (The live interface installs its own hook that restores the terminal
    // first, then calls this one.)
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("podium: internal error{location}; nothing was lost, please report it");
    }));
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Help and usage errors: `--lang`, else the locale, else French.
    let lang = i18n::resolve(cli::lang_flag(&args), None);
    let cli = match cli::parse(args, lang) {
        Ok(cli) => cli,
        // --help and --version print and exit 0; bad arguments exit 2.
        Err(stop) => return ExitCode::from(stop.print()),
    };
    if uses_mimalloc(&cli) {
        ALLOCATOR.to_mimalloc();
    }
    match commands::dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            failure.print();
            ExitCode::from(1)
        }
    }
}

/// Whether the command gets mimalloc (see `allocator.rs`): `results`, a
/// session read once, ranked and printed, where it was measured faster.
/// Not the screens left open (their resident set would grow by its huge
/// pages), nor `check` and `scores import`, measured slower and larger
/// with it (memory freed and taken again in huge pages).
fn uses_mimalloc(cli: &cli::Cli) -> bool {
    matches!(cli.command, Some(cli::Command::Results(_)))
}
