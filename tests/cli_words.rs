//! The command line in the user's language (issue 16): `--help`, usage
//! errors and value names in French by default, in English with `--lang
//! en` or an English locale; completions and the manual page from the
//! same definitions. On the real binary.

mod common;

use std::process::Output;

use common::cli::{command, no_panic, output, stderr, stdout};

/// `podium ARGS` with the locale given (and no other locale variable).
fn with_locale(locale: Option<(&str, &str)>, args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = command(dir.path(), args);
    cmd.env("PODIUM_DATA_DIR", dir.path().join("data"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        cmd.env_remove(var);
    }
    if let Some((var, value)) = locale {
        cmd.env(var, value);
    }
    let out = output(&mut cmd);
    no_panic(&out);
    out
}

fn run(args: &[&str]) -> Output {
    with_locale(None, args)
}

/// The commands `podium --help` lists.
const COMMANDS: [&str; 16] = [
    "demo",
    "new",
    "run",
    "display",
    "scores",
    "decide",
    "results",
    "check",
    "minutes",
    "sheets",
    "archive",
    "repair",
    "settings",
    "roster",
    "completions",
    "manpage",
];

#[test]
fn help_is_french_by_default() {
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(
        page.starts_with("Sessions de pitch et notation du jury"),
        "{page}"
    );
    assert!(
        page.contains("Utilisation : podium [OPTIONS] [COMMANDE]"),
        "{page}"
    );
    assert!(page.contains("Commandes\u{a0}:"), "{page}");
    assert!(page.contains("  new  ") && page.contains("Créer un fichier de session"));
    assert!(page.contains("-h, --help") && page.contains("Afficher l'aide"));
    for english in ["Usage", "Print help", "Commands:"] {
        assert!(!page.contains(english), "{english} in {page}");
    }
    for name in COMMANDS {
        assert!(
            page.contains(&format!("\n  {name} ")),
            "{name} not listed: {page}"
        );
    }
}

#[test]
fn help_is_english_with_lang_en_or_an_english_locale() {
    let by_flag = run(&["--lang", "en", "new", "--help"]);
    let by_lang = with_locale(Some(("LANG", "en_US.UTF-8")), &["new", "--help"]);
    let by_lc_all = with_locale(Some(("LC_ALL", "en_GB.UTF-8")), &["new", "--help"]);
    for out in [&by_flag, &by_lang, &by_lc_all] {
        assert_eq!(out.status.code(), Some(0));
        let page = stdout(out);
        assert!(
            page.contains("Usage: podium new [OPTIONS] <FILE>"),
            "{page}"
        );
        assert!(page.contains("--pitch <DURATION>"), "{page}");
    }
    // An explicit --lang beats the locale.
    let out = with_locale(
        Some(("LANG", "en_US.UTF-8")),
        &["new", "--help", "--lang", "fr"],
    );
    assert!(stdout(&out).contains("Utilisation : podium new [OPTIONS] <FICHIER>"));
    // A locale that is neither: French.
    let out = with_locale(Some(("LANG", "de_DE.UTF-8")), &["new", "--help"]);
    assert!(stdout(&out).contains("--pitch <DURÉE>"), "{}", stdout(&out));
}

#[test]
fn a_wrong_option_is_a_usage_error_in_french_exit_2() {
    let out = run(&["new", "f.json", "--titel", "Forum"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out),
        "podium: argument inattendu « --titel » (vouliez-vous dire « --title » ?)\n\
         Utilisation : podium new [OPTIONS] <FICHIER>\n\
         Pour en savoir plus : podium new --help\n"
    );
    let out = with_locale(
        Some(("LANG", "en_US.UTF-8")),
        &["results", "f", "--format", "xml"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(
            "podium: invalid value 'xml' for '--format <FORMAT>' (did you mean 'html'?); \
             possible values: table, json, csv, md, html\n"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_command_that_needs_a_subcommand_shows_its_help_exit_2() {
    let out = run(&["scores"]);
    assert_eq!(out.status.code(), Some(2));
    let page = stderr(&out);
    assert!(
        page.contains("Utilisation : podium scores [OPTIONS] <COMMANDE>"),
        "{page}"
    );
    assert!(page.contains("Importer des notes"), "{page}");
}

#[test]
fn completion_scripts_name_every_command_in_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        for name in COMMANDS {
            assert!(script.contains(name), "{shell}: {name} missing");
        }
        assert!(
            script.contains("tie-break") && script.contains("dry-run"),
            "{shell}"
        );
    }
    // The texts are the user's: fish shows what each command does.
    let fish = stdout(&run(&["completions", "fish"]));
    assert!(fish.contains("Créer un fichier de session"), "{fish}");
    let fish = stdout(&run(&["completions", "fish", "--lang", "en"]));
    assert!(fish.contains("Create a new session file"), "{fish}");
    let out = run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("valeurs possibles : bash, elvish, fish, powershell, zsh"));
}

#[test]
fn the_bash_script_is_valid_bash() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("podium.bash");
    std::fs::write(&script, run(&["completions", "bash"]).stdout).unwrap();
    let check = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

/// A page as roff reads it: every control line a known request, every
/// text line never starting with `.` or `'` unescaped, ASCII only.
fn assert_roff(page: &str) {
    assert!(page.is_ascii(), "non-ASCII byte in the page");
    let known = [
        ".TH", ".SH", ".SS", ".TP", ".PP", ".RS", ".RE", ".IP", ".ie", ".el", ".br",
    ];
    for (n, line) in page.lines().enumerate() {
        if line.starts_with('.') {
            let request = line.split_whitespace().next().unwrap_or("");
            assert!(known.contains(&request), "line {}: {line}", n + 1);
        }
        assert!(!line.starts_with('\''), "line {}: {line}", n + 1);
    }
    let th = page.lines().find(|l| l.starts_with(".TH")).unwrap();
    assert!(th.starts_with(".TH PODIUM 1"), "{th}");
}

#[test]
fn the_manual_page_is_roff_in_the_language() {
    let out = run(&["manpage"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = stdout(&out);
    assert_roff(&page);
    for section in [
        ".SH NOM",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH OPTIONS",
        ".SH COMMANDES",
    ] {
        assert!(page.contains(&format!("\n{section}\n")), "{section}");
    }
    // "Créer" with its é written as roff's \[u00E9].
    assert!(
        page.contains("Cr\\[u00E9]er un fichier de session"),
        "{page}"
    );
    for name in COMMANDS.iter().filter(|n| **n != "scores") {
        assert!(page.contains(&format!(".SS \"podium {name}\"")), "{name}");
    }
    assert!(page.contains(".SS \"podium scores import\""));
    let en = stdout(&run(&["manpage", "--lang", "en"]));
    assert_roff(&en);
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH COMMANDS"] {
        assert!(en.contains(&format!("\n{section}\n")), "{section}");
    }
    assert!(en.contains("Create a new session file"));
}

/// groff itself, where it is installed (it is on the machines this was
/// written on), reads the page without a warning.
#[test]
fn groff_reads_the_manual_page_without_a_warning() {
    if std::process::Command::new("groff")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("groff is not installed: only the structural check ran");
        return;
    }
    for lang in ["fr", "en"] {
        let page = run(&["manpage", "--lang", lang]).stdout;
        let mut groff = std::process::Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        groff.stdin.take().unwrap().write_all(&page).unwrap();
        let done = groff.wait_with_output().unwrap();
        assert!(done.status.success());
        assert_eq!(String::from_utf8_lossy(&done.stderr), "", "{lang}");
    }
}
