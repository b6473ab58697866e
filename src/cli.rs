//! The command line (clap definitions only).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "podium",
    version,
    about = "Live pitch sessions and jury scoring in the terminal",
    long_about = "Podium runs a pitch session: the stage timer, the question queue, \
                  the jury's scores typed live and saved at every keystroke, and the ranking."
)]
pub struct Cli {
    /// Language of messages (fr or en); defaults to the session's, then the locale.
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

/// A ranking method on the command line (an unknown one is a bad argument:
/// clap lists the valid ones, exit 2).
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
    /// Open the demo forum (a copy in the data folder).
    Demo(DemoArgs),
    /// Create a new session file.
    New(NewArgs),
    /// The live session (moderator and secretary).
    Run(FileArg),
    /// The stage display for the projector (read-only).
    Display(FileArg),
    /// Import or export scores as CSV.
    #[command(subcommand)]
    Scores(ScoresCommand),
    /// Record the jury's decision on teams tied at the laureate cut-off.
    Decide(DecideArgs),
    /// The ranking.
    Results(ResultsArgs),
    /// Validate a session and print every problem; says whether the
    /// results are provisional.
    Check(CheckArgs),
    /// The minutes of the jury's deliberation, ready to sign.
    Minutes(MinutesArgs),
    /// Printable score sheets: one page per juror.
    Sheets(SheetsArgs),
    /// Everything for the records in one zip: session, journal, results
    /// under every method, the page, the minutes, a manifest.
    Archive(ArchiveArgs),
    /// Restart a journal that lags its state (the old one is kept).
    Repair(FileArg),
    /// Show the settings, or change them (one operation).
    Settings(SettingsArgs),
    /// Re-read the teams and jurors spreadsheets (one operation).
    Roster(RosterArgs),
    /// Who changed what and when, from the journal, oldest first.
    History(HistoryArgs),
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The session file.
    pub file: PathBuf,
    /// Only the changes concerning this team (id or name).
    #[arg(long)]
    pub team: Option<String>,
    /// Only the changes concerning this juror (id or name).
    #[arg(long)]
    pub juror: Option<String>,
}

#[derive(Debug, Args)]
pub struct FileArg {
    /// The session file.
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The session file.
    pub file: PathBuf,
    /// Exit with 1 unless the results are final (every expected sheet
    /// counts, no tie waiting, no stale decision).
    #[arg(long = "final")]
    pub final_: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Restore the demo copy to its original state.
    #[arg(long)]
    pub reset: bool,
}

/// The event's title, place and date (`new` and `settings`).
#[derive(Debug, Args)]
pub struct EventArgs {
    /// Title of the event.
    #[arg(long)]
    pub title: Option<String>,
    /// Where the event takes place (e.g. Amiens).
    #[arg(long)]
    pub place: Option<String>,
    /// Date of the event (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The session file to create.
    pub file: PathBuf,
    #[command(flatten)]
    pub event: EventArgs,
    /// Teams spreadsheet (CSV: id, name, org, [project], [summary], [members]).
    #[arg(long)]
    pub teams: Option<PathBuf>,
    /// Jurors spreadsheet (CSV: id, name, org, [role]).
    #[arg(long)]
    pub jurors: Option<PathBuf>,
    /// Criteria spreadsheet (CSV: id, label, [weight], [min], max, [step]).
    #[arg(long)]
    pub criteria: Option<PathBuf>,
    /// Pitch duration (e.g. 3m, 180s, 2m30s, 3:00).
    #[arg(long, default_value = "3m")]
    pub pitch: String,
    /// Questions duration.
    #[arg(long, default_value = "2m")]
    pub qa: String,
    /// Changeover between two teams.
    #[arg(long, default_value = "1m")]
    pub changeover: String,
    /// Planned start time of the first team (HH:MM).
    #[arg(long)]
    pub start: Option<String>,
    /// Time left at which the countdown turns to the warning colour
    /// (default 1m, or a third of a pitch shorter than 3m).
    #[arg(long)]
    pub warning: Option<String>,
    /// Time left at which it turns to the alarm colour (default 30s, or a
    /// sixth of a pitch shorter than 3m).
    #[arg(long)]
    pub alarm: Option<String>,
    /// Number of laureates.
    #[arg(long, default_value_t = 8)]
    pub laureates: u32,
    /// Official ranking method: mean, normalized, trimmed, borda or majority.
    #[arg(long, value_enum, default_value = "mean")]
    pub method: MethodArg,
    /// Minimum number of sheets for a team to be ranked among the others.
    #[arg(long, default_value_t = 1)]
    pub min_sheets: u32,
    /// Jurors do not score teams of their own organisation.
    #[arg(long)]
    pub recuse_same_org: bool,
    /// Criterion ids breaking ties, in order (e.g. impact,feasibility).
    #[arg(long, value_delimiter = ',')]
    pub tie_break: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum ScoresCommand {
    /// Import scores from a CSV file (all or nothing).
    Import {
        /// The session file.
        file: PathBuf,
        /// The scores spreadsheet (team, juror, criterion, value).
        csv: PathBuf,
    },
    /// Export every value, absence, recusal and handwritten total.
    Export {
        /// The session file.
        file: PathBuf,
        /// Output file (standard output if absent or -).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace jurors by J1, J2… (for publishing without personal data).
        #[arg(long)]
        anonymous: bool,
    },
}

#[derive(Debug, Args)]
pub struct DecideArgs {
    /// The session file.
    pub file: PathBuf,
    /// The tied teams in the order the jury settled (e.g. T03,T09).
    #[arg(
        long,
        value_delimiter = ',',
        conflicts_with = "admit",
        required_unless_present = "admit"
    )]
    pub order: Vec<String>,
    /// Admit every one of these tied teams as a laureate.
    #[arg(long, value_delimiter = ',')]
    pub admit: Vec<String>,
    /// Who decided (e.g. "the jury president").
    #[arg(long)]
    pub by: String,
    /// Why (e.g. "casting vote", "drawing of lots").
    #[arg(long)]
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ResultsFormat {
    Table,
    Json,
    Csv,
    Md,
    /// One self-contained page to publish or print.
    Html,
}

#[derive(Debug, Args)]
pub struct ResultsArgs {
    /// The session file.
    pub file: PathBuf,
    /// Method to show (the official one by default).
    #[arg(long, value_enum)]
    pub method: Option<MethodArg>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ResultsFormat,
    /// Output file (standard output if absent or -).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Replace jurors by J1, J2… (for publishing without personal data).
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
    /// The session file.
    pub file: PathBuf,
    #[arg(long, value_enum, default_value = "md")]
    pub format: MinutesFormat,
    /// Output file (standard output if absent or -).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Replace jurors by J1, J2… (for publishing without personal data).
    #[arg(long)]
    pub anonymous: bool,
}

#[derive(Debug, Args)]
pub struct SheetsArgs {
    /// The session file.
    pub file: PathBuf,
    /// Output file (standard output if absent or -).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ArchiveArgs {
    /// The session file.
    pub file: PathBuf,
    /// The zip to write (- for standard output).
    #[arg(short, long)]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct SettingsArgs {
    /// The session file.
    pub file: PathBuf,
    #[command(flatten)]
    pub event: EventArgs,
    /// Pitch duration (e.g. 3m, 180s, 2m30s, 3:00).
    #[arg(long)]
    pub pitch: Option<String>,
    /// Questions duration.
    #[arg(long)]
    pub qa: Option<String>,
    /// Changeover between two teams.
    #[arg(long)]
    pub changeover: Option<String>,
    /// Planned start of the first team (HH:MM, or now).
    #[arg(long)]
    pub start: Option<String>,
    /// Remaining time at which the countdown turns to the warning colour.
    #[arg(long)]
    pub warning: Option<String>,
    /// Remaining time at which it turns to the alarm colour.
    #[arg(long)]
    pub alarm: Option<String>,
    /// Ring the bell when the countdown reaches zero (on or off).
    #[arg(long, value_parser = ["on", "off"])]
    pub bell: Option<String>,
    /// Number of laureates.
    #[arg(long)]
    pub laureates: Option<u32>,
    /// Minimum number of sheets for a team to be ranked among the others.
    #[arg(long)]
    pub min_sheets: Option<u32>,
    /// Criterion ids breaking ties, in order (an empty value clears it).
    #[arg(long, value_delimiter = ',')]
    pub tie_break: Option<Vec<String>>,
    /// Official ranking method (fixed once the first score is entered).
    #[arg(long, value_enum)]
    pub method: Option<MethodArg>,
}

#[derive(Debug, Args)]
pub struct RosterArgs {
    /// The session file.
    pub file: PathBuf,
    /// Teams spreadsheet (CSV: id, name, org, [project], [summary], [members]).
    #[arg(long)]
    pub teams: Option<PathBuf>,
    /// Jurors spreadsheet (CSV: id, name, org, [role]).
    #[arg(long)]
    pub jurors: Option<PathBuf>,
    /// Print what would change, one line each, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}
