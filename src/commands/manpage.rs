//! `podium manpage`: the manual page (roff) in the user's language, from
//! the same command tree as `--help`: name, synopsis, description, the
//! options, then every command with its synopsis and options.

use clap::Command;
use clap_mangen::Man;

use crate::domain::Lang;
use crate::i18n;
use crate::words::cli::man_section;

use super::{Outcome, output};

pub fn run(flag: Option<Lang>) -> Outcome {
    let lang = i18n::resolve(flag, None);
    output::to_stdout(page(lang).as_bytes(), lang)
}

/// The whole page.
pub fn page(lang: Lang) -> String {
    let cmd = crate::cli::command(lang);
    let man = Man::new(cmd.clone())
        .title("PODIUM")
        .section("1")
        .source(format!("podium {}", env!("CARGO_PKG_VERSION")))
        .manual("Podium");
    let mut out = String::new();
    for render in [
        Man::render_title,
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ] {
        out.push_str(&roff(&man, render));
    }
    out.push_str(&format!(".SH {}\n", man_section("COMMANDS", lang)));
    for sub in cmd.get_subcommands() {
        commands(sub, &mut out);
    }
    out.push_str(&roff(&man, Man::render_version_section));
    // Each part starts with the same preamble: keep the first.
    let rest = out.replace(PREAMBLE, "");
    let page: String = rest
        .lines()
        .map(|line| match line.strip_prefix(".SH ") {
            Some(heading) => format!(".SH {}\n", man_section(heading.trim(), lang)),
            None => format!("{line}\n"),
        })
        .collect();
    format!("{PREAMBLE}{}", ascii(&page))
}

/// What roff (clap_mangen's `roff` crate) writes before every part.
const PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";

/// Every character beyond ASCII as roff's `\[uXXXX]`, so that troff reads
/// the page whatever its input encoding (man runs preconv, troff does not).
fn ascii(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for c in page.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

type Render = fn(&Man, &mut dyn std::io::Write) -> std::io::Result<()>;

/// One part of the page, as clap_mangen writes it (roff-escaped).
fn roff(man: &Man, render: Render) -> String {
    let mut bytes = Vec::new();
    // Writing to memory cannot fail.
    let _ = render(man, &mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A command's part of the COMMANDS section (its own subcommands after
/// it): what it does, its synopsis, its options.
fn commands(cmd: &Command, out: &mut String) {
    if cmd.get_name() == "help" {
        return;
    }
    let name = cmd.get_bin_name().unwrap_or(cmd.get_name());
    out.push_str(&format!(".SS \"{name}\"\n"));
    let man = Man::new(cmd.clone());
    let body = |render: Render| {
        roff(&man, render)
            .lines()
            .filter(|l| !l.starts_with(".SH "))
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    };
    out.push_str(&body(Man::render_description_section));
    out.push_str(".PP\n");
    out.push_str(&body(Man::render_synopsis_section));
    out.push_str(&body(Man::render_options_section));
    for sub in cmd.get_subcommands() {
        commands(sub, out);
    }
}
