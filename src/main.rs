//! The `podium` binary: parse the command line, dispatch, print errors.

use std::process::ExitCode;

use clap::Parser;

use podium::cli::Cli;
use podium::commands;

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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // --help and --version print and exit 0; bad arguments exit 2.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    match commands::dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            failure.print();
            ExitCode::from(1)
        }
    }
}
