//! The command line's words: what each command and option does, value
//! names, help headings, usage errors and the manual page's sections.
//!
//! A text is found by its place in the command tree: a command by its path
//! (`""` for `podium` itself, `"new"`, `"scores import"`), an argument by
//! `"path.id"` (clap's id: the field's name, `min_sheets`), and when no
//! such key exists, by `"*.id"`, the text every command shares (`*.file`).
//! Both languages stand side by side in one arm, `[French, English]`; a
//! new command or option adds its arms to [`text`]'s tables (a command
//! that changes the session to `session_texts`, one that prints or writes
//! to `output_texts`) and to [`value`] when it takes a value, and nothing
//! else: `cli::tests` walks the whole tree
//! and names every missing key.

use crate::domain::Lang;

/// What a command (`about`) or an argument (`help`) does.
pub fn help(key: &str, lang: Lang) -> Option<&'static str> {
    text(key).map(|[fr, en]| lang.t(fr, en))
}

/// The name shown for an argument's value (`<FICHIER>`).
pub fn value_name(key: &str, lang: Lang) -> Option<&'static str> {
    value(key).map(|[fr, en]| lang.t(fr, en))
}

/// Every text, by key (see the module's comment for the keys): what
/// several commands share, then each command's own.
fn text(key: &str) -> Option<[&'static str; 2]> {
    shared_texts(key)
        .or_else(|| session_texts(key))
        .or_else(|| output_texts(key))
}

/// `podium` itself, and the arguments several commands share (`*.id`).
fn shared_texts(key: &str) -> Option<[&'static str; 2]> {
    Some(match key {
        "" => [
            "Sessions de pitch et notation du jury, dans le terminal",
            "Live pitch sessions and jury scoring in the terminal",
        ],
        "*.lang" => [
            "Langue des messages (fr ou en) ; par défaut celle de la session, puis du système",
            "Language of messages (fr or en); defaults to the session's, then the locale's",
        ],
        "*.help" => ["Afficher l'aide", "Print help"],
        "*.version" => ["Afficher la version", "Print version"],
        "*.file" => ["Le fichier de session", "The session file"],
        "*.output" => [
            "Fichier de sortie (sortie standard si absent ou -)",
            "Output file (standard output if absent or -)",
        ],
        "*.anonymous" => [
            "Remplacer les jurés par J1, J2… (pour publier sans données personnelles)",
            "Replace jurors by J1, J2… (for publishing without personal data)",
        ],
        "*.teams" => [
            "Tableur des équipes (CSV : id, name, org, [project], [summary], [members])",
            "Teams spreadsheet (CSV: id, name, org, [project], [summary], [members])",
        ],
        "*.jurors" => [
            "Tableur des jurés (CSV : id, name, org, [role])",
            "Jurors spreadsheet (CSV: id, name, org, [role])",
        ],
        "*.title" => ["Titre de l'événement", "Title of the event"],
        "*.place" => [
            "Lieu de l'événement (ex. Amiens)",
            "Where the event takes place (e.g. Amiens)",
        ],
        "*.date" => [
            "Date de l'événement (AAAA-MM-JJ)",
            "Date of the event (YYYY-MM-DD)",
        ],
        "*.pitch" => [
            "Durée du pitch (ex. 3m, 180s, 2m30s, 3:00)",
            "Pitch duration (e.g. 3m, 180s, 2m30s, 3:00)",
        ],
        "*.qa" => ["Durée des questions", "Questions duration"],
        "*.changeover" => [
            "Battement entre deux équipes",
            "Changeover between two teams",
        ],
        "*.start" => [
            "Heure prévue de la première équipe (HH:MM)",
            "Planned start time of the first team (HH:MM)",
        ],
        "*.laureates" => ["Nombre de lauréats", "Number of laureates"],
        "*.min_sheets" => [
            "Nombre minimal de feuilles pour qu'une équipe soit classée avec les autres",
            "Minimum number of sheets for a team to be ranked among the others",
        ],
        "*.tie_break" => [
            "Critères qui départagent les ex aequo, dans l'ordre (ex. impact,faisabilite ; vide : aucun)",
            "Criterion ids breaking ties, in order (e.g. impact,feasibility; empty: none)",
        ],
        "*.method" => [
            "Méthode de classement officielle (figée dès la première note)",
            "Official ranking method (fixed once the first score is entered)",
        ],
        _ => return None,
    })
}

/// The commands that open, create or change a session.
fn session_texts(key: &str) -> Option<[&'static str; 2]> {
    Some(match key {
        "demo" => [
            "Ouvrir le forum de démonstration (une copie dans le dossier de données)",
            "Open the demo forum (a copy in the data folder)",
        ],
        "demo.reset" => [
            "Remettre la copie de démonstration dans son état d'origine",
            "Restore the demo copy to its original state",
        ],
        "new" => ["Créer un fichier de session", "Create a new session file"],
        "new.file" => [
            "Le fichier de session à créer",
            "The session file to create",
        ],
        "new.criteria" => [
            "Tableur des critères (CSV : id, label, [weight], [min], max, [step])",
            "Criteria spreadsheet (CSV: id, label, [weight], [min], max, [step])",
        ],
        "new.warning" => [
            "Temps restant où le compte à rebours passe à la couleur d'avertissement (par défaut 1:00, ou le tiers d'un pitch de moins de 3:00)",
            "Time left at which the countdown turns to the warning colour (default 1:00, or a third of a pitch shorter than 3:00)",
        ],
        "new.alarm" => [
            "Temps restant où il passe à la couleur d'alarme (par défaut 0:30, ou le sixième d'un pitch de moins de 3:00)",
            "Time left at which it turns to the alarm colour (default 0:30, or a sixth of a pitch shorter than 3:00)",
        ],
        "new.recuse_same_org" => [
            "Les jurés ne notent pas les équipes de leur propre organisation",
            "Jurors do not score teams of their own organisation",
        ],
        "run" => [
            "La session en direct (animateur et secrétaire)",
            "The live session (moderator and secretary)",
        ],
        "display" => [
            "L'affichage de scène pour le vidéoprojecteur (lecture seule)",
            "The stage display for the projector (read-only)",
        ],
        "scores" => [
            "Importer ou exporter les notes en CSV",
            "Import or export scores as CSV",
        ],
        "scores import" => [
            "Importer des notes d'un fichier CSV (tout ou rien)",
            "Import scores from a CSV file (all or nothing)",
        ],
        "scores import.csv" => [
            "Le tableur des notes (team, juror, criterion, value)",
            "The scores spreadsheet (team, juror, criterion, value)",
        ],
        "scores export" => [
            "Exporter chaque note, absence, récusation et total manuscrit",
            "Export every value, absence, recusal and handwritten total",
        ],
        "seal" => [
            "Sceller les résultats : plus aucune sortie ne montre le classement jusqu'à podium unseal (la saisie continue)",
            "Seal the results: no output shows the ranking until podium unseal (entry goes on)",
        ],
        "unseal" => [
            "Desceller les résultats : le classement peut de nouveau être montré",
            "Unseal the results: the ranking can be shown again",
        ],
        _ => return None,
    })
}

/// The commands that print or write what the session holds.
fn output_texts(key: &str) -> Option<[&'static str; 2]> {
    Some(match key {
        "decide" => [
            "Enregistrer la décision du jury sur les ex aequo à la limite des lauréats",
            "Record the jury's decision on teams tied at the laureate cut-off",
        ],
        "decide.order" => [
            "Les équipes ex aequo dans l'ordre fixé par le jury (ex. T03,T09)",
            "The tied teams in the order the jury settled (e.g. T03,T09)",
        ],
        "decide.admit" => [
            "Admettre toutes ces équipes ex aequo comme lauréates",
            "Admit every one of these tied teams as a laureate",
        ],
        "decide.by" => [
            "Qui a décidé (ex. « la présidente du jury »)",
            "Who decided (e.g. \"the jury president\")",
        ],
        "decide.reason" => [
            "Pourquoi (ex. « voix prépondérante », « tirage au sort »)",
            "Why (e.g. \"casting vote\", \"drawing of lots\")",
        ],
        "results" => ["Le classement", "The ranking"],
        "results.method" => [
            "Méthode à afficher (l'officielle par défaut)",
            "Method to show (the official one by default)",
        ],
        "results.format" => [
            "Format : tableau, JSON, CSV, Markdown ou html (une page autonome à publier ou imprimer)",
            "Format: a table, JSON, CSV, Markdown or html (one self-contained page to publish or print)",
        ],
        "check" => [
            "Valider une session et afficher chaque problème ; dit si les résultats sont provisoires",
            "Validate a session and print every problem; says whether the results are provisional",
        ],
        "check.final_" => [
            "Sortir avec 1 sauf si les résultats sont définitifs (chaque feuille attendue compte, aucun ex aequo en attente, aucune décision périmée)",
            "Exit with 1 unless the results are final (every expected sheet counts, no tie waiting, no stale decision)",
        ],
        "minutes" => [
            "Le procès-verbal de délibération du jury, prêt à signer",
            "The minutes of the jury's deliberation, ready to sign",
        ],
        "minutes.format" => ["Format : Markdown ou HTML", "Format: Markdown or HTML"],
        "sheets" => [
            "Feuilles de notation à imprimer : une page par juré",
            "Printable score sheets: one page per juror",
        ],
        "archive" => [
            "Tout pour les archives dans un zip : session, journal, résultats selon chaque méthode, page, procès-verbal, manifeste",
            "Everything for the records in one zip: session, journal, results under every method, the page, the minutes, a manifest",
        ],
        "archive.output" => [
            "Le zip à écrire (- pour la sortie standard)",
            "The zip to write (- for standard output)",
        ],
        "repair" => [
            "Redémarrer un journal en retard sur son état (l'ancien est gardé)",
            "Restart a journal that lags its state (the old one is kept)",
        ],
        "settings" => [
            "Afficher les réglages, ou les changer (une seule opération)",
            "Show the settings, or change them (one operation)",
        ],
        "settings.start" => [
            "Heure prévue de la première équipe (HH:MM, ou now)",
            "Planned start of the first team (HH:MM, or now)",
        ],
        "*.warning" => [
            "Temps restant où le compte à rebours passe à la couleur d'avertissement",
            "Remaining time at which the countdown turns to the warning colour",
        ],
        "*.alarm" => [
            "Temps restant où il passe à la couleur d'alarme",
            "Remaining time at which it turns to the alarm colour",
        ],
        "settings.bell" => [
            "Sonner quand le compte à rebours atteint zéro",
            "Ring the bell when the countdown reaches zero",
        ],
        "roster" => [
            "Relire les tableurs des équipes et des jurés (une seule opération)",
            "Re-read the teams and jurors spreadsheets (one operation)",
        ],
        "roster.dry_run" => [
            "Afficher ce qui changerait, une ligne chacun, sans rien écrire",
            "Print what would change, one line each, and write nothing",
        ],
        "completions" => [
            "Le script de complétion d'un shell (à charger dans sa configuration)",
            "A shell's completion script (to load in its configuration)",
        ],
        "completions.shell" => ["Le shell", "The shell"],
        "manpage" => [
            "La page de manuel, en roff (man -l -)",
            "The manual page, in roff (man -l -)",
        ],
        "history" => [
            "Qui a changé quoi et quand, d'après le journal, du plus ancien au plus récent",
            "Who changed what and when, from the journal, oldest first",
        ],
        "history.team" => [
            "Seulement les changements qui concernent cette équipe (id ou nom)",
            "Only the changes concerning this team (id or name)",
        ],
        "history.juror" => [
            "Seulement les changements qui concernent ce juré (id ou nom)",
            "Only the changes concerning this juror (id or name)",
        ],
        "help" => [
            "Afficher cette aide ou celle des commandes données",
            "Print this message or the help of the given command(s)",
        ],
        "help.subcommand" => [
            "Les commandes dont afficher l'aide",
            "The commands whose help to print",
        ],
        _ => return None,
    })
}

/// Every value name, by key (as [`text`]).
fn value(key: &str) -> Option<[&'static str; 2]> {
    Some(match key {
        "*.file" => ["FICHIER", "FILE"],
        "*.output" => ["SORTIE", "OUT"],
        "archive.output" => ["ZIP", "ZIP"],
        "*.teams" | "*.jurors" | "*.criteria" | "*.csv" => ["CSV", "CSV"],
        "*.title" => ["TITRE", "TITLE"],
        "*.place" => ["LIEU", "PLACE"],
        "*.date" => ["DATE", "DATE"],
        "*.pitch" | "*.qa" | "*.changeover" | "*.warning" | "*.alarm" => ["DURÉE", "DURATION"],
        "*.start" => ["HEURE", "TIME"],
        "*.laureates" | "*.min_sheets" => ["N", "N"],
        "*.tie_break" => ["CRITÈRES", "CRITERIA"],
        "*.method" => ["MÉTHODE", "METHOD"],
        "*.format" => ["FORMAT", "FORMAT"],
        "*.order" | "*.admit" => ["ÉQUIPES", "TEAMS"],
        "*.by" => ["QUI", "WHO"],
        "*.reason" => ["MOTIF", "REASON"],
        "*.bell" => ["on|off", "on|off"],
        "*.lang" => ["LANGUE", "LANG"],
        "*.team" => ["ÉQUIPE", "TEAM"],
        "*.juror" => ["JURÉ", "JUROR"],
        "*.shell" => ["SHELL", "SHELL"],
        "*.subcommand" => ["COMMANDE", "COMMAND"],
        _ => return None,
    })
}

/// The words of the help page around the texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chrome {
    /// Before the usage line.
    Usage,
    /// Above the list of commands, of arguments, of options (clap adds
    /// the colon; French puts a no-break space before it).
    Commands,
    Arguments,
    Options,
    /// The value name of a command in a usage line (`[COMMANDE]`).
    Command,
    /// Before the pointer to `--help` after a usage error.
    MoreHelp,
}

impl Chrome {
    pub fn get(self, lang: Lang) -> &'static str {
        match self {
            Chrome::Usage => lang.t("Utilisation :", "Usage:"),
            Chrome::Commands => lang.t("Commandes\u{a0}", "Commands"),
            Chrome::Arguments => lang.t("Arguments\u{a0}", "Arguments"),
            Chrome::Options => lang.t("Options\u{a0}", "Options"),
            Chrome::Command => lang.t("COMMANDE", "COMMAND"),
            Chrome::MoreHelp => lang.t("Pour en savoir plus :", "For more information:"),
        }
    }
}

/// What an option takes when absent, after its help (no-break spaces:
/// a wrapped help line never splits the note).
pub fn default_note(values: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("[par\u{a0}défaut\u{a0}: {values}]"),
        Lang::En => format!("[default:\u{a0}{values}]"),
    }
}

/// The values an option accepts, after its help.
pub fn possible_note(values: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("[valeurs\u{a0}possibles\u{a0}: {values}]"),
        Lang::En => format!("[possible\u{a0}values:\u{a0}{values}]"),
    }
}

/// The manual page's section headings, in the page's language.
pub fn man_section(section: &str, lang: Lang) -> &str {
    match (section, lang) {
        ("NAME", Lang::Fr) => "NOM",
        ("SUBCOMMANDS" | "COMMANDES" | "COMMANDS", Lang::Fr) => "COMMANDES",
        ("SUBCOMMANDS" | "COMMANDES" | "COMMANDS", Lang::En) => "COMMANDS",
        ("AUTHORS", Lang::Fr) => "AUTEURS",
        ("EXTRA", Lang::Fr) => "NOTES",
        _ => section,
    }
}

/// A usage error: the command line could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgError {
    /// An option or argument no command knows (`--titel`), with a close one.
    Unknown { arg: String, like: Option<String> },
    /// A command that does not exist, with a close one.
    UnknownCommand { name: String, like: Option<String> },
    /// A value not among the accepted ones.
    NotAmong {
        arg: String,
        value: String,
        accepted: Vec<String>,
        like: Option<String>,
    },
    /// An option given without its value.
    NoValue { arg: String },
    /// A value that cannot be read; `number` when a whole number was due.
    Unreadable {
        arg: String,
        value: String,
        number: bool,
    },
    /// A value too many (`podium check a b`).
    Extra { arg: String, value: String },
    /// Not the number of values an option takes.
    Count { arg: String },
    /// Two options that cannot go together.
    Conflict { arg: String, with: Vec<String> },
    /// An option given twice.
    Twice { arg: String },
    /// Required arguments not given.
    Missing { args: Vec<String> },
    /// A command that needs a subcommand (`podium scores`).
    NoSubcommand { name: String, accepted: Vec<String> },
    /// `--opt=value` needed.
    NeedsEquals { arg: String },
    /// An argument that is not valid UTF-8 where text is needed.
    NotText,
    /// Anything else clap may report.
    Other,
}

impl ArgError {
    /// The first line of the error (without `podium: `).
    pub fn message(&self, lang: Lang) -> String {
        let like = |l: &Option<String>| like(l, lang);
        let list = |values: &[String]| values.join(", ");
        match (self, lang) {
            (ArgError::Unknown { arg, like: l }, Lang::Fr) => {
                format!("argument inattendu « {arg} »{}", like(l))
            }
            (ArgError::Unknown { arg, like: l }, Lang::En) => {
                format!("unexpected argument '{arg}'{}", like(l))
            }
            (ArgError::UnknownCommand { name, like: l }, Lang::Fr) => {
                format!("commande inconnue « {name} »{}", like(l))
            }
            (ArgError::UnknownCommand { name, like: l }, Lang::En) => {
                format!("unknown command '{name}'{}", like(l))
            }
            (
                ArgError::NotAmong {
                    arg,
                    value,
                    accepted,
                    like: l,
                },
                Lang::Fr,
            ) => format!(
                "valeur « {value} » refusée pour « {arg} »{} ; valeurs possibles : {}",
                like(l),
                list(accepted)
            ),
            (
                ArgError::NotAmong {
                    arg,
                    value,
                    accepted,
                    like: l,
                },
                Lang::En,
            ) => format!(
                "invalid value '{value}' for '{arg}'{}; possible values: {}",
                like(l),
                list(accepted)
            ),
            (ArgError::NoValue { arg }, Lang::Fr) => format!("« {arg} » attend une valeur"),
            (ArgError::NoValue { arg }, Lang::En) => {
                format!("a value is required for '{arg}' but none was given")
            }
            (ArgError::Unreadable { arg, value, number }, Lang::Fr) => format!(
                "valeur « {value} » illisible pour « {arg} »{}",
                if *number {
                    " : un nombre entier est attendu"
                } else {
                    ""
                }
            ),
            (ArgError::Unreadable { arg, value, number }, Lang::En) => format!(
                "invalid value '{value}' for '{arg}'{}",
                if *number {
                    ": a whole number is expected"
                } else {
                    ""
                }
            ),
            (ArgError::Extra { arg, value }, Lang::Fr) => {
                format!("valeur en trop « {value} » pour « {arg} »")
            }
            (ArgError::Extra { arg, value }, Lang::En) => {
                format!("unexpected value '{value}' for '{arg}'")
            }
            (ArgError::Count { arg }, Lang::Fr) => {
                format!("« {arg} » n'a pas le bon nombre de valeurs")
            }
            (ArgError::Count { arg }, Lang::En) => {
                format!("'{arg}' has the wrong number of values")
            }
            (ArgError::Conflict { arg, with }, Lang::Fr) if with.is_empty() => {
                format!("« {arg} » ne va pas avec les autres arguments donnés")
            }
            (ArgError::Conflict { arg, with }, Lang::En) if with.is_empty() => {
                format!("'{arg}' cannot be used with the other arguments given")
            }
            (ArgError::Conflict { arg, with }, Lang::Fr) => {
                format!("« {arg} » ne va pas avec {}", quoted(with, lang))
            }
            (ArgError::Conflict { arg, with }, Lang::En) => {
                format!("'{arg}' cannot be used with {}", quoted(with, lang))
            }
            (ArgError::Twice { arg }, Lang::Fr) => format!("« {arg} » est donné deux fois"),
            (ArgError::Twice { arg }, Lang::En) => {
                format!("'{arg}' cannot be used multiple times")
            }
            (ArgError::Missing { args }, Lang::Fr) => {
                format!("arguments obligatoires manquants : {}", list(args))
            }
            (ArgError::Missing { args }, Lang::En) => {
                format!("required arguments were not given: {}", list(args))
            }
            (ArgError::NoSubcommand { name, accepted }, Lang::Fr) => {
                format!("« {name} » attend une commande : {}", list(accepted))
            }
            (ArgError::NoSubcommand { name, accepted }, Lang::En) => {
                format!("'{name}' needs a command: {}", list(accepted))
            }
            (ArgError::NeedsEquals { arg }, Lang::Fr) => {
                format!("« {arg} » s'écrit avec un signe = devant sa valeur")
            }
            (ArgError::NeedsEquals { arg }, Lang::En) => {
                format!("'{arg}' needs an equal sign before its value")
            }
            (ArgError::NotText, Lang::Fr) => "argument illisible (pas de l'UTF-8)".into(),
            (ArgError::NotText, Lang::En) => "unreadable argument (not UTF-8)".into(),
            (ArgError::Other, Lang::Fr) => "ligne de commande illisible".into(),
            (ArgError::Other, Lang::En) => "unreadable command line".into(),
        }
    }
}

/// What the user may have meant, after an error.
fn like(like: &Option<String>, lang: Lang) -> String {
    match (like, lang) {
        (Some(l), Lang::Fr) => format!(" (vouliez-vous dire « {l} » ?)"),
        (Some(l), Lang::En) => format!(" (did you mean '{l}'?)"),
        (None, _) => String::new(),
    }
}

/// Arguments, each quoted as the language quotes.
fn quoted(args: &[String], lang: Lang) -> String {
    let quote = |a: &String| match lang {
        Lang::Fr => format!("« {a} »"),
        Lang::En => format!("'{a}'"),
    };
    args.iter().map(quote).collect::<Vec<_>>().join(", ")
}
