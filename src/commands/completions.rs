//! `podium completions SHELL`: the shell's completion script, generated
//! from the same command tree as `--help` (in the user's language: zsh and
//! fish show what each command does).

use clap_complete::Shell;

use crate::domain::Lang;
use crate::i18n;

use super::{Outcome, output};

pub fn run(flag: Option<Lang>, shell: Shell) -> Outcome {
    let lang = i18n::resolve(flag, None);
    output::to_stdout(&script(shell, lang), lang)
}

/// The completion script for `shell`.
pub fn script(shell: Shell, lang: Lang) -> Vec<u8> {
    let mut cmd = crate::cli::command(lang);
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "podium", &mut out);
    out
}
