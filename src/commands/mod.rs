//! One file per command; each returns `Ok` or every problem to print.

use crate::cli::{Cli, Command, LangArg, ScoresCommand};
use crate::domain::Lang;
use crate::i18n;

pub mod archive;
pub mod check;
pub mod completions;
pub mod decide;
pub mod demo;
pub mod display;
pub mod history;
pub mod manpage;
pub mod minutes;
pub mod new;
pub mod output;
pub mod repair;
pub mod results;
pub mod roster;
pub mod run;
pub mod scores;
pub mod seal;
pub mod settings;
pub mod sheets;

/// How many problem lines are printed before a count of the rest.
pub const MAX_LINES: usize = 20;

/// A user error: every problem, one line each, already naming the file
/// (and the line, for CSV).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub lines: Vec<String>,
    pub lang: Lang,
    /// Problems found beyond `lines` and not kept (a big file's).
    pub more: u64,
}

impl Failure {
    pub fn new(lang: Lang, lines: Vec<String>) -> Failure {
        Failure {
            lines,
            lang,
            more: 0,
        }
    }

    /// A file's problems: the first lines, and how many more.
    pub fn rejected(lang: Lang, rejected: crate::storage::csv::Rejected) -> Failure {
        Failure {
            lines: rejected.lines,
            lang,
            more: rejected.more,
        }
    }

    pub fn one(lang: Lang, line: impl Into<String>) -> Failure {
        Failure::new(lang, vec![line.into()])
    }

    /// The text printed on standard error: the first 20 lines, then a count.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for line in self.lines.iter().take(MAX_LINES) {
            out.push_str("podium: ");
            out.push_str(&crate::words::for_terminal(line));
            out.push('\n');
        }
        let rest = self.lines.len().saturating_sub(MAX_LINES) as u64 + self.more;
        if rest > 0 {
            out.push_str("podium: ");
            out.push_str(&crate::words::files::more_problems(rest, self.lang));
            out.push('\n');
        }
        out
    }

    pub fn print(&self) {
        use std::io::Write;
        let _ = std::io::stderr().lock().write_all(self.render().as_bytes());
    }
}

pub type Outcome = Result<(), Failure>;

/// A command's report on standard output (one line or more): escaped, as
/// names, ids and file names are the user's and may carry a terminal's
/// escapes; a closed pipe is a quiet end, any other write error an error.
pub fn say(lang: Lang, text: &str) -> Outcome {
    let mut text = crate::words::for_terminal(text).into_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    output::emit(&mut std::io::stdout().lock(), text.as_bytes(), false, lang)
}

/// A notice on standard error (`podium: …`), escaped; a notice that cannot
/// be written does not fail the command.
pub fn warn(text: &str) {
    use std::io::Write;
    let text = crate::words::for_terminal(text);
    let _ = writeln!(std::io::stderr().lock(), "podium: {text}");
}

/// The language of a command's messages before any session is read.
pub fn flag_lang(cli_lang: Option<LangArg>) -> Option<Lang> {
    cli_lang.map(|l| match l {
        LangArg::Fr => Lang::Fr,
        LangArg::En => Lang::En,
    })
}

pub fn dispatch(cli: Cli) -> Outcome {
    let flag = flag_lang(cli.lang);
    match cli.command {
        None => demo::run(flag, &crate::cli::DemoArgs { reset: false }),
        Some(Command::Demo(args)) => demo::run(flag, &args),
        Some(Command::New(args)) => new::run(flag, &args),
        Some(Command::Run(args)) => run::run(flag, &args.file),
        Some(Command::Display(args)) => display::run(flag, &args.file),
        Some(Command::Scores(ScoresCommand::Import { file, csv })) => {
            scores::import(flag, &file, &csv)
        }
        Some(Command::Scores(ScoresCommand::Export {
            file,
            output,
            anonymous,
        })) => scores::export(flag, &file, output.as_deref(), anonymous),
        Some(Command::Decide(args)) => decide::run(flag, &args),
        Some(Command::Results(args)) => results::run(flag, &args),
        Some(Command::Check(args)) => check::run(flag, &args.file, args.final_),
        Some(Command::Minutes(args)) => minutes::run(flag, &args),
        Some(Command::Sheets(args)) => sheets::run(flag, &args),
        Some(Command::Archive(args)) => archive::run(flag, &args),
        Some(Command::Seal(args)) => seal::run(flag, &args.file, true),
        Some(Command::Unseal(args)) => seal::run(flag, &args.file, false),
        Some(Command::Repair(args)) => repair::run(flag, &args.file),
        Some(Command::Settings(args)) => settings::run(flag, &args),
        Some(Command::Roster(args)) => roster::run(flag, &args),
        Some(Command::History(args)) => history::run(flag, &args),
        Some(Command::Completions(args)) => completions::run(flag, args.shell),
        Some(Command::Manpage) => manpage::run(flag),
    }
}

/// A command-line writer's open (`scores import`, `decide`): the journal
/// lines past the checkpoint are checked (they must chain to it) and a torn
/// line moved aside before anything is changed, so a damaged journal or a
/// state newer than its journal is refused, naming the file (and line),
/// and nothing is written. What recovery did is said on standard error.
/// The session stays in memory: the commit that follows reads only the
/// journal lines written since.
pub fn open_writer(
    flag: Option<Lang>,
    file: &std::path::Path,
) -> Result<(crate::storage::Live, Lang), Failure> {
    let (live, notices) = crate::storage::Live::open(file).map_err(|e| {
        let early = i18n::resolve(flag, crate::storage::lang_of(file));
        Failure::one(early, e.message(early))
    })?;
    let lang = i18n::resolve(flag, Some(live.session().settings.lang));
    for notice in &notices {
        warn(&notice.message(lang));
    }
    Ok((live, lang))
}

/// A command-line writer's change, saved (journal line synced) through the
/// session it opened: a refusal names the file, a file error says itself.
/// Checked on the session opened: never saved into another one put in its
/// place.
pub fn commit_change(
    live: &mut crate::storage::Live,
    op: &crate::domain::Operation,
    file: &str,
    lang: Lang,
) -> Result<(), Failure> {
    live.commit(op, crate::storage::CLI_WAIT, std::time::Instant::now())
        .map(|_| ())
        .map_err(|e| {
            let line = match &e {
                crate::storage::StoreError::Refused(_) => format!("{file}: {}", e.message(lang)),
                _ => e.message(lang),
            };
            Failure::one(lang, line)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_twenty_lines_then_a_count() {
        let lines = (1..=25).map(|i| format!("f.csv:{i}: bad")).collect();
        let text = Failure::new(Lang::En, lines).render();
        assert_eq!(text.lines().count(), 21);
        assert!(text.starts_with("podium: f.csv:1: bad\n"));
        assert!(text.ends_with("podium: … and 5 more problems\n"));
        let mut big = Failure::new(Lang::Fr, vec!["f.csv:2: bad".into(); 20]);
        big.more = 19_980;
        assert!(
            big.render()
                .ends_with("podium: … et 19 980 autres problèmes\n")
        );
    }
}
