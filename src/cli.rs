//! The command line's structure: clap's derive definitions (commands,
//! arguments, their types). Every text a user reads (what a command or an
//! option does, value names, headings, defaults, usage errors) is in
//! `words::cli`, in French and English, put on the `Command` at runtime by
//! [`command`]; `tests` walks the whole tree so none is missing.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod localize;
#[cfg(test)]
mod tests;

pub use localize::{command, lang_flag, parse};

#[derive(Debug, Parser)]
#[command(name = "podium", version)]
pub struct Cli {
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MethodArg {
    Mean,
    Normalized,
    Trimmed,
    Borda,
    Majority,
}

impl MethodArg {
    pub fn method(self) -> crate::domain::Method {
        use crate::domain::Method;
        match self {
            MethodArg::Mean => Method::Mean,
            MethodArg::Normalized => Method::Normalized,
            MethodArg::Trimmed => Method::Trimmed,
            MethodArg::Borda => Method::Borda,
            MethodArg::Majority => Method::Majority,
        }
    }
}

#[derive(Debug, Subcommand)]
// Parsed once per run: the size of `new`'s many flags does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Command {
    Demo(DemoArgs),
    New(NewArgs),
    Run(FileArg),
    Display(FileArg),
    #[command(subcommand)]
    Scores(ScoresCommand),
    Decide(DecideArgs),
    Results(ResultsArgs),
    Check(CheckArgs),
    Minutes(MinutesArgs),
    Sheets(SheetsArgs),
    Archive(ArchiveArgs),
    Seal(FileArg),
    Unseal(FileArg),
    Repair(FileArg),
    Settings(SettingsArgs),
    Roster(RosterArgs),
    History(HistoryArgs),
    Completions(CompletionsArgs),
    Manpage,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    pub file: PathBuf,
    #[arg(long)]
    pub team: Option<String>,
    #[arg(long)]
    pub juror: Option<String>,
}

#[derive(Debug, Args)]
pub struct FileArg {
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    pub file: PathBuf,
    #[arg(long = "final")]
    pub final_: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(long)]
    pub reset: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    pub file: PathBuf,
    #[command(flatten)]
    pub roster: RosterFiles,
    #[arg(long)]
    pub criteria: Option<PathBuf>,
    #[command(flatten)]
    pub flags: SettingFlags,
    #[arg(long)]
    pub recuse_same_org: bool,
}

/// The event's and the settings' options `new` and `settings` share.
/// Absent means: the default (`Settings::default()`) for `new`, unchanged
/// for `settings`.
#[derive(Debug, Default, Args)]
pub struct SettingFlags {
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub place: Option<String>,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub pitch: Option<String>,
    #[arg(long)]
    pub qa: Option<String>,
    #[arg(long)]
    pub changeover: Option<String>,
    #[arg(long)]
    pub start: Option<String>,
    #[arg(long)]
    pub warning: Option<String>,
    #[arg(long)]
    pub alarm: Option<String>,
    #[arg(long)]
    pub laureates: Option<u32>,
    #[arg(long)]
    pub min_sheets: Option<u32>,
    #[arg(long, value_delimiter = ',')]
    pub tie_break: Option<Vec<String>>,
    #[arg(long, value_enum)]
    pub method: Option<MethodArg>,
}

#[derive(Debug, Subcommand)]
pub enum ScoresCommand {
    Import {
        file: PathBuf,
        csv: PathBuf,
    },
    Export {
        file: PathBuf,
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long)]
        anonymous: bool,
    },
}

#[derive(Debug, Args)]
pub struct DecideArgs {
    pub file: PathBuf,
    #[arg(
        long,
        value_delimiter = ',',
        conflicts_with = "admit",
        required_unless_present = "admit"
    )]
    pub order: Vec<String>,
    #[arg(long, value_delimiter = ',')]
    pub admit: Vec<String>,
    #[arg(long)]
    pub by: String,
    #[arg(long)]
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ResultsFormat {
    Table,
    Json,
    Csv,
    Md,
    Html,
}

#[derive(Debug, Args)]
pub struct ResultsArgs {
    pub file: PathBuf,
    #[arg(long, value_enum)]
    pub method: Option<MethodArg>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ResultsFormat,
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub anonymous: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MinutesFormat {
    Md,
    Html,
}

#[derive(Debug, Args)]
pub struct MinutesArgs {
    pub file: PathBuf,
    #[arg(long, value_enum, default_value = "md")]
    pub format: MinutesFormat,
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub anonymous: bool,
}

#[derive(Debug, Args)]
pub struct SheetsArgs {
    pub file: PathBuf,
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ArchiveArgs {
    pub file: PathBuf,
    #[arg(short, long)]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct SettingsArgs {
    pub file: PathBuf,
    #[command(flatten)]
    pub flags: SettingFlags,
    #[arg(long, value_parser = ["on", "off"])]
    pub bell: Option<String>,
}

#[derive(Debug, Args)]
pub struct RosterArgs {
    pub file: PathBuf,
    #[command(flatten)]
    pub roster: RosterFiles,
    #[arg(long)]
    pub dry_run: bool,
}

/// The organisers' spreadsheets `new` and `roster` both read.
#[derive(Debug, Default, Args)]
pub struct RosterFiles {
    #[arg(long)]
    pub teams: Option<PathBuf>,
    #[arg(long)]
    pub jurors: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
