//! The command line's words: every command and argument has its texts in
//! both languages, and none of clap's English shows in French.

use clap::Command;

use super::command;
use super::localize::{arg_key, join, own_path};
use crate::domain::Lang;
use crate::words::cli as words;

/// What the tree lacks in `words::cli`, one line each, saying what to add.
fn missing(cmd: &Command, path: &str, lang: Lang, out: &mut Vec<String>) {
    let own = &own_path(path);
    if words::help(own, lang).is_none_or(str::is_empty) {
        out.push(format!("text \"{own}\": what the command does"));
    }
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        if arg_key(own, id, |k| words::help(k, lang)).is_none_or(str::is_empty) {
            out.push(format!("text \"{own}.{id}\" (or \"*.{id}\"): what it does"));
        }
        let takes = arg.get_action().takes_values();
        if takes && arg_key(own, id, |k| words::value_name(k, lang)).is_none_or(str::is_empty) {
            out.push(format!(
                "value \"{own}.{id}\" (or \"*.{id}\"): its value's name"
            ));
        }
    }
    for sub in cmd.get_subcommands() {
        missing(sub, &join(path, sub.get_name()), lang, out);
    }
}

#[test]
fn every_command_and_argument_has_its_words_in_french_and_english() {
    for lang in [Lang::Fr, Lang::En] {
        let mut out = Vec::new();
        missing(&command(lang), "", lang, &mut out);
        out.sort();
        out.dedup();
        assert!(
            out.is_empty(),
            "add to src/words/cli.rs (both languages, `[French, English]`):\n{}",
            out.join("\n")
        );
    }
}

/// Every command of the tree (the `help` copies included).
fn all(cmd: &Command, out: &mut Vec<Command>) {
    out.push(cmd.clone());
    for sub in cmd.get_subcommands() {
        all(sub, out);
    }
}

#[test]
fn no_english_of_clap_shows_in_french_help() {
    let mut commands = Vec::new();
    all(&command(Lang::Fr), &mut commands);
    assert!(commands.len() > 20, "{}", commands.len());
    for mut cmd in commands {
        let name = cmd.get_bin_name().unwrap_or(cmd.get_name()).to_string();
        for page in [cmd.render_help(), cmd.render_long_help()] {
            let page = page.to_string();
            for english in [
                "Usage",
                "Print",
                "help for",
                "[default",
                "possible values",
                "Commands:",
                "Options:",
                "Arguments:",
                "<COMMAND>",
                "[COMMAND]",
                "subcommand",
                "<FILE>",
            ] {
                assert!(
                    !page.contains(english),
                    "{english:?} in `{name} --help`:\n{page}"
                );
            }
            assert!(page.contains("Utilisation : "), "{page}");
        }
    }
}

#[test]
fn help_pages_say_value_names_defaults_and_values_in_the_language() {
    let mut fr = command(Lang::Fr).term_width(100);
    let new = fr.find_subcommand_mut("new").unwrap();
    let page = new.render_help().to_string();
    for said in [
        "Utilisation : podium new [OPTIONS] <FICHIER>",
        "Arguments\u{a0}:",
        "Options\u{a0}:",
        "--pitch <DURÉE>",
        "[par\u{a0}défaut\u{a0}: 3:00]",
        "--method <MÉTHODE>",
        "[par\u{a0}défaut\u{a0}: mean]",
        "[valeurs\u{a0}possibles\u{a0}: mean, normalized,",
        "-h, --help                  Afficher l'aide",
    ] {
        assert!(page.contains(said), "{said:?} not in:\n{page}");
    }
    insta::assert_snapshot!("new_help_fr", page);
    let mut en = command(Lang::En).term_width(100);
    let new = en.find_subcommand_mut("new").unwrap();
    let page = new.render_help().to_string();
    for said in [
        "Usage: podium new [OPTIONS] <FILE>",
        "--pitch <DURATION>",
        "[default:\u{a0}3:00]",
        "[possible\u{a0}values:\u{a0}mean, normalized,",
    ] {
        assert!(page.contains(said), "{said:?} not in:\n{page}");
    }
    insta::assert_snapshot!("new_help_en", page);
}

fn usage_error(args: &[&str], lang: Lang) -> String {
    let args = args.iter().map(std::ffi::OsString::from).collect();
    match super::parse(args, lang) {
        Err(super::localize::Stop::Usage(text)) => text,
        other => panic!("not a usage error: {other:?}"),
    }
}

#[test]
fn usage_errors_are_said_in_the_language_with_the_command_usage() {
    assert_eq!(
        usage_error(&["podium", "new", "f.json", "--titel", "x"], Lang::Fr),
        "podium: argument inattendu « --titel » (vouliez-vous dire « --title » ?)\n\
         Utilisation : podium new [OPTIONS] <FICHIER>\n\
         Pour en savoir plus : podium new --help\n"
    );
    assert_eq!(
        usage_error(&["podium", "new", "f.json", "--titel", "x"], Lang::En),
        "podium: unexpected argument '--titel' (did you mean '--title'?)\n\
         Usage: podium new [OPTIONS] <FILE>\n\
         For more information: podium new --help\n"
    );
    let cases: [(&[&str], &str); 8] = [
        (
            &["podium", "results", "f", "--format", "xml"],
            "valeur « xml » refusée pour « --format <FORMAT> » (vouliez-vous dire « html » ?) ; \
             valeurs possibles : table, json, csv, md, html",
        ),
        (
            &["podium", "scores", "import", "f"],
            "arguments obligatoires manquants : <CSV>",
        ),
        (
            &["podium", "new", "f", "--laureates", "huit"],
            "valeur « huit » illisible pour « --laureates <N> » : un nombre entier est attendu",
        ),
        (
            &["podium", "check", "--final", "--final", "f"],
            "« --final » est donné deux fois",
        ),
        (
            &[
                "podium", "decide", "f", "--order", "T1", "--admit", "T2", "--by", "x", "--reason",
                "y",
            ],
            "« --order <ÉQUIPES> » ne va pas avec « --admit <ÉQUIPES> »",
        ),
        (
            &["podium", "reslts"],
            "commande inconnue « reslts » (vouliez-vous dire « results » ?)",
        ),
        (
            &["podium", "results", "f", "--format"],
            "« --format <FORMAT> » attend une valeur",
        ),
        (&["podium", "check", "a", "b"], "argument inattendu « b »"),
    ];
    for (args, said) in cases {
        let text = usage_error(args, Lang::Fr);
        assert!(
            text.starts_with(&format!("podium: {said}\n")),
            "{args:?}:\n{text}"
        );
        assert!(text.contains("\nUtilisation : podium"), "{text}");
    }
}

#[test]
fn a_hostile_value_in_a_usage_error_is_escaped() {
    let text = usage_error(
        &["podium", "results", "f", "--format", "\u{1b}]0;x\u{7}\r"],
        Lang::Fr,
    );
    assert!(
        !text
            .chars()
            .any(|c| c != '\n' && crate::domain::validate::is_unsafe_char(c))
    );
    assert!(text.contains("« \\u{1b}]0;x\\u{7}\\u{d} »"), "{text}");
}

#[test]
fn help_and_version_are_shown_not_errors() {
    for args in [["podium", "--help"], ["podium", "-V"]] {
        let args = args.iter().map(std::ffi::OsString::from).collect();
        match super::parse(args, Lang::Fr) {
            Err(super::localize::Stop::Shown(err)) => assert_eq!(err.exit_code(), 0),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn lang_flag_is_read_before_clap() {
    let flag = |args: &[&str]| {
        let args: Vec<_> = args.iter().map(std::ffi::OsString::from).collect();
        super::lang_flag(&args)
    };
    assert_eq!(
        flag(&["podium", "--lang", "en", "new", "--help"]),
        Some(Lang::En)
    );
    assert_eq!(flag(&["podium", "new", "--lang=fr"]), Some(Lang::Fr));
    assert_eq!(flag(&["podium", "new", "--lang", "de"]), None);
    assert_eq!(flag(&["podium", "new", "--", "--lang", "en"]), None);
    assert_eq!(flag(&["podium", "--help"]), None);
}
