//! The command tree in the user's language, and usage errors said in it.
//!
//! clap builds the tree from the derive definitions (its `--help` and
//! `--version` flags and `help` command included); [`command`] then walks
//! every command and argument and puts on it the texts of `words::cli`:
//! what it does, its value name, its default and accepted values, the
//! help page's headings. A usage error becomes a typed [`ArgError`],
//! worded in `words::cli` and escaped for the terminal.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory, FromArgMatches, ValueEnum};

use crate::domain::setup::{Field, Fields};
use crate::domain::{Lang, Settings};
use crate::words::cli::{self as words, ArgError, Chrome};

use super::{Cli, MethodArg};

/// The whole command tree, built and worded in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    localize(cmd, "", lang)
}

/// The key of a command in `words::cli`: its path below `podium`. The
/// `help` commands (`podium help`, `podium scores help`) share one text,
/// and a `help`'s tree repeats the others (`help new` is `new`,
/// `scores help import` is `scores import`).
pub(crate) fn own_path(path: &str) -> String {
    let words: Vec<&str> = path.split(' ').collect();
    if words.last() == Some(&"help") {
        return "help".to_string();
    }
    let own: Vec<&str> = words.into_iter().filter(|w| *w != "help").collect();
    own.join(" ")
}

fn localize(cmd: Command, path: &str, lang: Lang) -> Command {
    let own = own_path(path);
    let template = template(&cmd, lang);
    let mut cmd = cmd
        .long_about(None)
        .help_template(template)
        .subcommand_help_heading(Chrome::Commands.get(lang))
        .subcommand_value_name(Chrome::Command.get(lang));
    if let Some(about) = words::help(&own, lang) {
        cmd = cmd.about(about);
    }
    let cmd = cmd.mut_args(|arg| localize_arg(arg, &own, lang));
    cmd.mut_subcommands(|sub| {
        let sub_path = join(path, sub.get_name());
        localize(sub, &sub_path, lang)
    })
}

/// `path` and a command's name below it.
pub(crate) fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path} {name}")
    }
}

/// The key of an argument's text: its own (`new.file`), else the shared one
/// (`*.file`), whichever `find` knows.
pub(crate) fn arg_key<T>(path: &str, id: &str, find: impl Fn(&str) -> Option<T>) -> Option<T> {
    find(&format!("{path}.{id}")).or_else(|| find(&format!("*.{id}")))
}

fn localize_arg(arg: Arg, path: &str, lang: Lang) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let mut help: String = arg_key(path, &id, |k| words::help(k, lang))
        .map(str::to_string)
        .or_else(|| arg.get_help().map(ToString::to_string))
        .unwrap_or_default();
    let heading = if arg.is_positional() {
        Chrome::Arguments
    } else {
        Chrome::Options
    };
    let mut arg = arg.long_help(None).help_heading(heading.get(lang));
    if arg.get_action().takes_values() {
        if let Some(name) = arg_key(path, &id, |k| words::value_name(k, lang)) {
            arg = arg.value_name(name);
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .chain(if path == "new" {
                new_default(&id, lang)
            } else {
                None
            })
            .collect();
        if !defaults.is_empty() {
            help = format!("{help} {}", words::default_note(&defaults.join(", "), lang));
        }
        let accepted: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !accepted.is_empty() {
            help = format!(
                "{help} {}",
                words::possible_note(&accepted.join(", "), lang)
            );
        }
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    arg.help(help)
}

/// What `new` puts in a setting its options leave out: the domain's
/// default settings, written as the option takes them.
fn new_default(id: &str, lang: Lang) -> Option<String> {
    let defaults = Settings::default();
    let field = match id {
        "pitch" => Field::Pitch,
        "qa" => Field::Qa,
        "changeover" => Field::Changeover,
        "laureates" => Field::Laureates,
        "min_sheets" => Field::MinSheets,
        "method" => {
            return MethodArg::value_variants()
                .iter()
                .find(|m| m.method() == defaults.method)
                .and_then(|m| m.to_possible_value())
                .map(|v| v.get_name().to_string());
        }
        _ => return None,
    };
    Some(crate::words::setup::value(&defaults.get(field), lang))
}

/// clap's help page with the usage heading in `lang`, in clap's style for
/// it (clap leaves the style out when the output is not a terminal).
fn template(cmd: &Command, lang: Lang) -> String {
    let style = cmd.get_styles().get_usage();
    format!(
        "{{before-help}}{{about-with-newline}}\n{style}{}{style:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        Chrome::Usage.get(lang)
    )
}

/// `--lang` among the arguments, before clap reads them, so that its help
/// and its errors are in that language (`--lang en` and `--lang=en`).
pub fn lang_flag(args: &[OsString]) -> Option<Lang> {
    let mut rest = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = rest.next() {
        let value = match arg {
            Some("--") => return None,
            Some("--lang") => rest.next().flatten(),
            Some(a) => a.strip_prefix("--lang="),
            None => None,
        };
        match value {
            Some("fr") => return Some(Lang::Fr),
            Some("en") => return Some(Lang::En),
            _ => {}
        }
    }
    None
}

/// Why the command line runs no command.
#[derive(Debug)]
pub enum Stop {
    /// `--help`, `--version`, or a command's help when it needs more:
    /// clap's own page, already in the user's language.
    Shown(clap::Error),
    /// A usage error, worded and escaped for the terminal.
    Usage(String),
}

impl Stop {
    /// Print it where it belongs; the exit status (0 for help and
    /// version, 2 for a usage error).
    pub fn print(&self) -> u8 {
        match self {
            Stop::Shown(err) => {
                let _ = err.print();
                u8::try_from(err.exit_code()).unwrap_or(2)
            }
            Stop::Usage(text) => {
                use std::io::Write;
                let _ = std::io::stderr().write_all(text.as_bytes());
                2
            }
        }
    }
}

/// Read the command line (`args` with the program's name first), in `lang`.
pub fn parse(args: Vec<OsString>, lang: Lang) -> Result<Cli, Stop> {
    let mut cmd = command(lang);
    let stop = |err: clap::Error, cmd: &Command| match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Stop::Shown(err),
        _ => Stop::Usage(usage_error(&err, used(cmd, &args), lang)),
    };
    let mut matches = match cmd.try_get_matches_from_mut(args.clone()) {
        Ok(matches) => matches,
        Err(err) => return Err(stop(err, &cmd)),
    };
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| stop(e.with_cmd(&cmd), &cmd))
}

/// The command the arguments name (`podium scores import …`: `import`).
fn used(cmd: &Command, args: &[OsString]) -> Command {
    let mut used = cmd.clone();
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if arg == "--" {
            break;
        }
        if let Some(sub) = used.find_subcommand(arg) {
            used = sub.clone();
        }
    }
    used
}

/// A usage error's lines: what is wrong, the usage of the command it is
/// about, where to learn more; escaped for the terminal (a value given
/// on the command line is shown in it).
pub fn usage_error(err: &clap::Error, mut cmd: Command, lang: Lang) -> String {
    let problem = arg_error(err);
    let usage = cmd.render_usage().to_string();
    // clap's usage starts with its own heading: ours instead.
    let usage = usage
        .trim()
        .split_once(' ')
        .map_or(usage.trim(), |(_, rest)| rest.trim());
    let name = cmd.get_bin_name().unwrap_or("podium").to_string();
    let text = format!(
        "podium: {}\n{} {usage}\n{} {name} --help\n",
        problem.message(lang),
        Chrome::Usage.get(lang),
        Chrome::MoreHelp.get(lang),
    );
    crate::words::for_terminal(&text).into_owned()
}

fn string(err: &clap::Error, kind: ContextKind) -> String {
    match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    }
}

fn strings(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

fn like(err: &clap::Error, kind: ContextKind) -> Option<String> {
    strings(err, kind).into_iter().next()
}

/// clap's error as a typed usage error (its context, never its English).
fn arg_error(err: &clap::Error) -> ArgError {
    let arg = || string(err, ContextKind::InvalidArg);
    let value = || string(err, ContextKind::InvalidValue);
    match err.kind() {
        ErrorKind::UnknownArgument => ArgError::Unknown {
            arg: arg(),
            like: like(err, ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidSubcommand => ArgError::UnknownCommand {
            name: string(err, ContextKind::InvalidSubcommand),
            like: like(err, ContextKind::SuggestedSubcommand),
        },
        ErrorKind::InvalidValue if value().is_empty() => ArgError::NoValue { arg: arg() },
        ErrorKind::InvalidValue => ArgError::NotAmong {
            arg: arg(),
            value: value(),
            accepted: strings(err, ContextKind::ValidValue),
            like: like(err, ContextKind::SuggestedValue),
        },
        ErrorKind::ValueValidation => ArgError::Unreadable {
            arg: arg(),
            value: value(),
            number: std::error::Error::source(err)
                .is_some_and(|s| s.downcast_ref::<std::num::ParseIntError>().is_some()),
        },
        ErrorKind::TooManyValues => ArgError::Extra {
            arg: arg(),
            value: value(),
        },
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => ArgError::Count { arg: arg() },
        ErrorKind::ArgumentConflict => {
            let with = strings(err, ContextKind::PriorArg);
            if with == [arg()] {
                ArgError::Twice { arg: arg() }
            } else {
                ArgError::Conflict { arg: arg(), with }
            }
        }
        ErrorKind::MissingRequiredArgument => ArgError::Missing {
            args: strings(err, ContextKind::InvalidArg),
        },
        ErrorKind::MissingSubcommand => ArgError::NoSubcommand {
            name: string(err, ContextKind::InvalidSubcommand),
            accepted: strings(err, ContextKind::ValidSubcommand),
        },
        ErrorKind::NoEquals => ArgError::NeedsEquals { arg: arg() },
        ErrorKind::InvalidUtf8 => ArgError::NotText,
        _ => ArgError::Other,
    }
}
