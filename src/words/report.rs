//! The words of the reports: results (table, CSV, Markdown, the page), the
//! minutes and the score sheets.

use chrono::NaiveDate;

use crate::domain::{DecisionKind, Lang, Method};

/// A column heading. One list for every format: the human heading
/// ([`Column::label`]) and the CSV key ([`Column::key`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Rank,
    Team,
    Name,
    Org,
    Score,
    Sheets,
    Spread,
    Status,
    Laureate,
    Tied,
    AtCutoff,
    TooFewSheets,
    Project,
    Criterion,
    Weight,
    Scale,
    Step,
    Juror,
    Role,
    Presence,
    PlannedStart,
    ActualStart,
    TimeUsed,
    Overtime,
    Questions,
    When,
    Who,
    What,
    Total,
    /// Whether the results are provisional or final (the CSV's last column).
    Results,
}

impl Column {
    pub fn label(self, lang: Lang) -> &'static str {
        use Column::*;
        match self {
            Rank => lang.t("Rang", "Rank"),
            Team => lang.t("Équipe", "Team"),
            Name => lang.t("Nom", "Name"),
            Org => lang.t("Org.", "Org"),
            Score => lang.t("Score", "Score"),
            Sheets => lang.t("Feuilles", "Sheets"),
            Spread => lang.t("Écart", "Spread"),
            Status => lang.t("Statut", "Status"),
            Laureate => lang.t("Lauréat", "Laureate"),
            Tied => lang.t("Ex aequo", "Tied"),
            AtCutoff => lang.t("À la limite", "At the cut-off"),
            TooFewSheets => lang.t("Trop peu de feuilles", "Too few sheets"),
            Project => lang.t("Projet", "Project"),
            Criterion => lang.t("Critère", "Criterion"),
            Weight => lang.t("Poids", "Weight"),
            Scale => lang.t("Échelle", "Scale"),
            Step => lang.t("Pas", "Step"),
            Juror => lang.t("Juré", "Juror"),
            Role => lang.t("Fonction", "Role"),
            Presence => lang.t("Présence", "Presence"),
            PlannedStart => lang.t("Prévu", "Planned"),
            ActualStart => lang.t("Réel", "Actual"),
            TimeUsed => lang.t("Durée", "Time used"),
            Overtime => lang.t("Dépassement", "Overtime"),
            Questions => lang.t("Questions", "Questions"),
            When => lang.t("Quand", "When"),
            Who => lang.t("Qui", "Who"),
            What => lang.t("Quoi", "What"),
            Total => lang.t("Total", "Total"),
            Results => lang.t("Résultats", "Results"),
        }
    }

    /// The CSV key: lower case, no accent, no space.
    pub fn key(self, lang: Lang) -> String {
        use Column::*;
        match self {
            Team => lang.t("equipe", "team").into(),
            Laureate => lang.t("laureat", "laureate").into(),
            Tied => lang.t("ex_aequo", "tied").into(),
            AtCutoff => lang.t("a_la_limite", "at_cutoff").into(),
            TooFewSheets => lang.t("trop_peu_de_feuilles", "too_few_sheets").into(),
            Spread => lang.t("ecart", "spread").into(),
            Org => "org".into(),
            Results => lang.t("resultats", "results").into(),
            other => other.label(lang).to_lowercase().replace(' ', "_"),
        }
    }
}

/// Fixed phrases of the reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Results,
    Provisional,
    CutoffTie,
    Warnings,
    Decisions,
    Laureates,
    NoLaureate,
    Ranking,
    Chart,
    ChartCaption,
    CriterionMeans,
    Method,
    Digest,
    NoDigest,
    Laureate,
    Tied,
    OrderDecided,
    Admitted,
    ToBeDecided,
    NoSheet,
    TooFewSheets,
    Yes,
    No,
    /// The CSV's `results` cell.
    ProvisionalCell,
    FinalCell,
    MinutesTitle,
    Jury,
    Recusals,
    NoRecusal,
    SameOrg,
    Recused,
    Criteria,
    Run,
    NotStarted,
    QuestionsPerJuror,
    Changes,
    ChangesNote,
    NoChange,
    SignaturesHeading,
    President,
    Secretary,
    Present,
    Absent,
    SheetsTitle,
    SheetsHelp,
    JurorTotal,
    Withdrawn,
    AbsentMark,
    Empty,
    Break,
    Signature,
    OtherMethods,
    SameLaureates,
    TieAtCutoff,
}

impl Text {
    pub fn get(self, lang: Lang) -> &'static str {
        use Text::*;
        match self {
            Results => lang.t("Résultats", "Results"),
            Provisional => lang.t(
                "RÉSULTATS PROVISOIRES : des feuilles attendues ne comptent pas encore.",
                "PROVISIONAL RESULTS: some expected sheets do not count yet.",
            ),
            CutoffTie => lang.t(
                "Égalité à la limite des lauréats : une décision du jury est requise (podium decide).",
                "Tie at the laureate cut-off: the jury must decide (podium decide).",
            ),
            Warnings => lang.t("Avertissements", "Warnings"),
            Decisions => lang.t("Décisions du jury", "Jury decisions"),
            Laureates => lang.t("Lauréats", "Laureates"),
            NoLaureate => lang.t("Aucun lauréat pour l'instant.", "No laureate yet."),
            Ranking => lang.t("Classement", "Ranking"),
            Chart => lang.t("Scores en barres", "Scores as bars"),
            ChartCaption => lang.t(
                "Même contenu que le tableau du classement ; ★ marque un lauréat.",
                "Same content as the ranking table; ★ marks a laureate.",
            ),
            CriterionMeans => lang.t(
                "Moyennes par critère (feuilles qui comptent)",
                "Mean per criterion (sheets that count)",
            ),
            Method => lang.t("Méthode", "Method"),
            Digest => lang.t(
                "Empreinte du journal (SHA-256 de sa dernière ligne)",
                "Journal digest (SHA-256 of its last line)",
            ),
            NoDigest => lang.t("aucune (journal absent)", "none (no journal)"),
            Laureate => lang.t("lauréat", "laureate"),
            Tied => lang.t("ex aequo", "tied"),
            OrderDecided => lang.t("ordre décidé", "order decided"),
            Admitted => lang.t("admis par décision", "admitted by decision"),
            ToBeDecided => lang.t("à départager", "to be decided"),
            NoSheet => lang.t("aucune feuille", "no sheet"),
            TooFewSheets => lang.t("trop peu de feuilles", "too few sheets"),
            Yes => lang.t("oui", "yes"),
            No => lang.t("non", "no"),
            ProvisionalCell => lang.t("provisoires", "provisional"),
            FinalCell => lang.t("définitifs", "final"),
            MinutesTitle => lang.t("Procès-verbal de délibération du jury", "Minutes of the jury's deliberation"),
            Jury => lang.t("Le jury", "The jury"),
            Recusals => lang.t("Récusations", "Recusals"),
            NoRecusal => lang.t("Aucune récusation.", "No recusal."),
            SameOrg => lang.t("même organisation", "same organisation"),
            Recused => lang.t("récusation", "recusal"),
            Criteria => lang.t("Critères", "Criteria"),
            Run => lang.t("Déroulement de la séance", "How the session ran"),
            NotStarted => lang.t("pas encore passée", "not on stage yet"),
            QuestionsPerJuror => lang.t("Questions posées par juré", "Questions asked per juror"),
            Changes => lang.t("Modifications après la première note", "Changes after the first score"),
            ChangesNote => lang.t(
                "Chaque changement enregistré au journal après la saisie de la première note, \
                 hors première saisie d'une note vide et conduite du chronomètre.",
                "Every change the journal recorded after the first score was entered, \
                 except a first value typed in an empty cell and the running of the timer.",
            ),
            NoChange => lang.t("Aucune modification.", "No change."),
            SignaturesHeading => lang.t("Signatures", "Signatures"),
            President => lang.t("La présidence du jury", "The jury's president"),
            Secretary => lang.t("Le secrétariat du jury", "The jury's secretary"),
            Present => lang.t("présent", "present"),
            Absent => lang.t("absent", "absent"),
            SheetsTitle => lang.t("Feuille de notation", "Score sheet"),
            SheetsHelp => lang.t(
                "Une case par critère (échelle et pas indiqués), puis votre propre total : \
                 la somme simple de vos notes.",
                "One box per criterion (scale and step shown), then your own total: \
                 the plain sum of your values.",
            ),
            JurorTotal => lang.t("Votre total", "Your total"),
            Withdrawn => lang.t("équipe retirée", "team withdrawn"),
            AbsentMark => lang.t("absence", "absence"),
            Empty => lang.t("vide", "empty"),
            Break => lang.t("Pause", "Break"),
            Signature => lang.t("Signature", "Signature"),
            OtherMethods => lang.t(
                "Lauréats sous les autres méthodes (comparaison)",
                "Laureates under the other methods (comparison)",
            ),
            SameLaureates => lang.t("mêmes lauréats", "same laureates"),
            TieAtCutoff => lang.t("égalité à la limite", "tie at the cut-off"),
        }
    }
}

/// How the method works, in plain words.
pub fn method_explained(method: Method, lang: Lang) -> &'static str {
    match method {
        Method::Mean => lang.t(
            "Le score d'une équipe est la moyenne des totaux de ses feuilles (somme des notes \
             multipliées par le poids de chaque critère).",
            "A team's score is the mean of its sheet totals (the sum of the values, each \
             multiplied by its criterion's weight).",
        ),
        Method::Normalized => lang.t(
            "Les totaux de chaque juré sont centrés et réduits (écart à sa propre moyenne, \
             divisé par son propre écart type), puis moyennés par équipe : un juré sévère \
             et un juré généreux pèsent autant.",
            "Each juror's totals are standardised (the gap to the juror's own mean, divided \
             by the juror's own standard deviation), then averaged per team: a strict juror \
             and a generous one weigh the same.",
        ),
        Method::Trimmed => lang.t(
            "À partir de trois feuilles, le total le plus bas et le plus haut sont écartés, \
             puis la moyenne est faite sur les autres.",
            "From three sheets on, the lowest and the highest totals are dropped, then the \
             others are averaged.",
        ),
        Method::Borda => lang.t(
            "Chaque juré classe les équipes qu'il a notées ; une équipe gagne la part des \
             autres équipes de ce juré qu'elle devance (une égalité compte pour moitié), \
             puis ces parts sont moyennées.",
            "Each juror ranks the teams the juror scored; a team earns the share of that \
             juror's other teams it beats (a tie counts half), then the shares are averaged.",
        ),
        Method::Majority => lang.t(
            "Jugement majoritaire : le score est le total médian (médiane inférieure) ; deux \
             équipes de même médiane sont départagées par la médiane suivante.",
            "Majority judgment: the score is the median total (the lower median); two teams \
             with the same median are separated by the next median.",
        ),
    }
}

/// "Méthode officielle : moyenne" or the comparison warning.
pub fn method_line(shown: Method, official: Method, lang: Lang) -> String {
    let name = shown.name(lang);
    let official_name = official.name(lang);
    match (shown == official, lang) {
        (true, Lang::Fr) => format!("Méthode officielle : {name}"),
        (true, Lang::En) => format!("Official method: {name}"),
        (false, Lang::Fr) => format!(
            "Méthode : {name} — pour comparaison, PAS le classement officiel ({official_name})"
        ),
        (false, Lang::En) => {
            format!("Method: {name} — for comparison, NOT the official ranking ({official_name})")
        }
    }
}

/// The laureates counted against the number asked for.
pub fn laureates_line(count: usize, asked: u32, min_sheets: u32, lang: Lang) -> String {
    match lang {
        Lang::Fr => {
            format!("Lauréats : {count} (demandés : {asked}) · minimum de feuilles : {min_sheets}")
        }
        Lang::En => {
            format!("Laureates: {count} (asked for: {asked}) · minimum sheets: {min_sheets}")
        }
    }
}

/// The tie-break rules in words.
pub fn tie_break_line(labels: &[String], lang: Lang) -> String {
    if labels.is_empty() {
        return lang
            .t(
                "Départage : aucun critère ; des équipes égales partagent le rang, et une \
                 égalité à la limite des lauréats est tranchée par le jury.",
                "Tie-break: no criterion; equal teams share their rank, and a tie at the \
                 laureate cut-off is settled by the jury.",
            )
            .to_string();
    }
    let list = labels.join(", ");
    match lang {
        Lang::Fr => format!(
            "Départage des égalités : la moyenne la plus haute sur {list}, dans cet ordre ; \
             une égalité restante à la limite des lauréats est tranchée par le jury."
        ),
        Lang::En => format!(
            "Ties are broken by the higher mean on {list}, in that order; a tie still left \
             at the laureate cut-off is settled by the jury."
        ),
    }
}

/// One decision: what, by whom, why, when (`when` already local).
pub fn decision_line(
    kind: DecisionKind,
    teams: &str,
    by: &str,
    reason: &str,
    when: &str,
    lang: Lang,
) -> String {
    match (kind, lang) {
        (DecisionKind::Order, Lang::Fr) => format!("ordre {teams} — par {by} ({reason}) le {when}"),
        (DecisionKind::Order, Lang::En) => format!("order {teams} — by {by} ({reason}) on {when}"),
        (DecisionKind::Admit, Lang::Fr) => {
            format!("admission de {teams} — par {by} ({reason}) le {when}")
        }
        (DecisionKind::Admit, Lang::En) => format!("admit {teams} — by {by} ({reason}) on {when}"),
    }
}

/// A date in words: "10 décembre 2026", "10 December 2026".
pub fn date(day: NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = day.month0() as usize;
    let name = match lang {
        Lang::Fr => FR[month],
        Lang::En => EN[month],
    };
    let d = day.day();
    match (lang, d) {
        (Lang::Fr, 1) => format!("1er {name} {}", day.year()),
        _ => format!("{d} {name} {}", day.year()),
    }
}

/// "Amiens, 10 décembre 2026" from what is known.
pub fn where_and_when(place: &str, day: Option<NaiveDate>, lang: Lang) -> String {
    let day = day.map(|d| date(d, lang));
    match (place.is_empty(), day) {
        (false, Some(day)) => format!("{place}, {day}"),
        (false, None) => place.to_string(),
        (true, Some(day)) => day,
        (true, None) => String::new(),
    }
}

/// "Heures locales (UTC+01:00)".
pub fn local_times(offset: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Heures locales (UTC{offset})."),
        Lang::En => format!("Local times (UTC{offset})."),
    }
}

/// The margin at the cut-off.
pub fn margin_line(n: u32, above: &str, below: &str, gap: &str, lang: Lang) -> String {
    let next = n + 1;
    match lang {
        Lang::Fr => {
            format!("Écart entre la place {n} ({above}) et la place {next} ({below}) : {gap}")
        }
        Lang::En => format!("Margin between place {n} ({above}) and place {next} ({below}): {gap}"),
    }
}

/// The scale of a criterion: "0 à 20, pas de 0,5".
pub fn scale(min: &str, max: &str, step: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{min} à {max}, pas de {step}"),
        Lang::En => format!("{min} to {max}, step {step}"),
    }
}

/// The revision a report was made at.
pub fn revision(rev: u64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Session à la révision {rev}."),
        Lang::En => format!("Session at revision {rev}."),
    }
}

/// "Label :" in French, "Label:" in English.
pub fn colon(label: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{label} :"),
        Lang::En => format!("{label}:"),
    }
}

/// The line drawn at the laureate cut-off in the terminal table.
pub fn cutoff_label(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(" limite des lauréats ({n}) "),
        Lang::En => format!(" laureate cut-off ({n}) "),
    }
}

/// Which laureates another method adds and drops.
pub fn in_and_out(joining: &str, leaving: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("entrent : {joining} ; sortent : {leaving}"),
        Lang::En => format!("in: {joining}; out: {leaving}"),
    }
}
