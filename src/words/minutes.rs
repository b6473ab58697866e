//! The minutes' account of a change: what one journal operation did, in
//! the user's words ("T05 · J03 · utilite : 12 → 14").

use crate::domain::{
    Change, Dec, Decision, DecisionKind, JurorId, Lang, Mark, Sheet, TeamId, TeamStatus,
};

use super::number::count;
use super::report::colon;

/// A value as shown: "12,5", or "vide" / "empty".
pub fn value(v: Option<Dec>, lang: Lang) -> String {
    match v {
        Some(v) => v.format_with(crate::report::separator(lang)),
        None => super::report::Text::Empty.get(lang).to_string(),
    }
}

/// Whether an item was added, edited or removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RosterEdit {
    Added,
    Edited,
    Removed,
}

impl RosterEdit {
    pub fn of<T>(seen: &Option<T>, new: &Option<T>) -> RosterEdit {
        match (seen, new) {
            (None, _) => RosterEdit::Added,
            (_, None) => RosterEdit::Removed,
            _ => RosterEdit::Edited,
        }
    }

    fn word(self, lang: Lang) -> &'static str {
        match self {
            RosterEdit::Added => lang.t("ajout", "added"),
            RosterEdit::Edited => lang.t("modification", "edited"),
            RosterEdit::Removed => lang.t("retrait", "removed"),
        }
    }
}

/// What a roster or settings item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Organisation,
    Team,
    Juror,
    Criterion,
}

impl Item {
    fn word(self, lang: Lang) -> &'static str {
        match self {
            Item::Organisation => lang.t("organisation", "organisation"),
            Item::Team => lang.t("équipe", "team"),
            Item::Juror => lang.t("juré", "juror"),
            Item::Criterion => lang.t("critère", "criterion"),
        }
    }
}

/// One change, described.
#[derive(Clone, Debug, PartialEq)]
pub enum What<'a> {
    Cell {
        team: &'a str,
        juror: String,
        criterion: &'a str,
        seen: Option<Dec>,
        new: Option<Dec>,
    },
    Handwritten {
        team: &'a str,
        juror: String,
        seen: Option<Dec>,
        new: Option<Dec>,
    },
    Sheet {
        team: &'a str,
        juror: String,
        new: &'a Sheet,
    },
    Verified {
        team: &'a str,
        new: bool,
    },
    Status {
        team: &'a str,
        new: TeamStatus,
    },
    Roster {
        item: Item,
        id: String,
        edit: RosterEdit,
    },
    Event,
    Settings,
    Schedule,
    Decision {
        added: bool,
        decision: &'a Decision,
        by: String,
        reason: String,
    },
    /// The results sealed (`sealed` true) or unsealed.
    Seal {
        sealed: bool,
    },
    /// The laureates' reveal on the stage display begun (with how many
    /// laureates) or ended.
    Reveal {
        laureates: Option<usize>,
    },
}

/// How the ids and free texts of a change are named: the minutes may
/// anonymise jurors, the history names teams and jurors.
pub struct Naming<'n> {
    pub team: &'n dyn Fn(&TeamId) -> String,
    pub juror: &'n dyn Fn(&JurorId) -> String,
    pub text: &'n dyn Fn(&str) -> String,
}

impl<'a> What<'a> {
    /// The record changes the minutes and the history word alike (the
    /// event, settings, schedule, roster, decisions and the seal); `None`
    /// for the others, which each caller words its own way (its last arm
    /// hands the rest here, so a new kind of change is met in this match).
    pub fn of_record(change: &'a Change, naming: &Naming<'_>) -> Option<What<'a>> {
        let roster = |item, id: String, edit| Some(What::Roster { item, id, edit });
        match change {
            Change::SetEvent { .. } => Some(What::Event),
            Change::SetSettings { .. } => Some(What::Settings),
            Change::SetSchedule { .. } => Some(What::Schedule),
            Change::SetOrganisation { id, edit, .. } => roster(
                Item::Organisation,
                id.to_string(),
                RosterEdit::of(&edit.seen, &edit.new),
            ),
            Change::SetTeam { id, edit, .. } => roster(
                Item::Team,
                (naming.team)(id),
                RosterEdit::of(&edit.seen, &edit.new),
            ),
            Change::SetJuror { id, edit, .. } => roster(
                Item::Juror,
                (naming.juror)(id),
                RosterEdit::of(&edit.seen, &edit.new),
            ),
            Change::SetCriterion { id, edit, .. } => roster(
                Item::Criterion,
                id.to_string(),
                RosterEdit::of(&edit.seen, &edit.new),
            ),
            Change::AddDecision { decision } | Change::RemoveDecision { decision } => {
                Some(What::Decision {
                    added: matches!(change, Change::AddDecision { .. }),
                    decision,
                    by: (naming.text)(&decision.by),
                    reason: (naming.text)(&decision.reason),
                })
            }
            Change::Seal => Some(What::Seal { sealed: true }),
            Change::Unseal => Some(What::Seal { sealed: false }),
            Change::Create { .. }
            | Change::Batch { .. }
            | Change::SetCell { .. }
            | Change::SetHandwritten { .. }
            | Change::SetSheet { .. }
            | Change::SetVerified { .. }
            | Change::SetTeamStatus { .. }
            | Change::SetSecondCell { .. }
            | Change::ResolveCell { .. }
            | Change::SetStage { .. }
            | Change::SetQueue { .. }
            | Change::SetMessage { .. }
            | Change::SetReveal { .. }
            | Change::SetRevealed { .. }
            | Change::AddQuestion { .. }
            | Change::RemoveQuestion { .. } => None,
        }
    }
}

impl What<'_> {
    pub fn say(&self, lang: Lang) -> String {
        match self {
            What::Cell {
                team,
                juror,
                criterion,
                seen,
                new,
            } => format!(
                "{} {} → {}",
                colon(&format!("{team} · {juror} · {criterion}"), lang),
                value(*seen, lang),
                value(*new, lang)
            ),
            What::Handwritten {
                team,
                juror,
                seen,
                new,
            } => format!(
                "{} {} → {}",
                colon(
                    &format!(
                        "{team} · {juror} · {}",
                        lang.t("total manuscrit", "handwritten total")
                    ),
                    lang
                ),
                value(*seen, lang),
                value(*new, lang)
            ),
            What::Sheet { team, juror, new } => sheet(team, juror, new, lang),
            What::Verified { team, new } => match (new, lang) {
                (true, Lang::Fr) => format!("{team} vérifiée"),
                (true, Lang::En) => format!("{team} verified"),
                (false, Lang::Fr) => format!("{team} déverrouillée"),
                (false, Lang::En) => format!("{team} unlocked"),
            },
            What::Status { team, new } => match (new, lang) {
                (TeamStatus::Withdrawn, Lang::Fr) => format!("{team} retirée"),
                (TeamStatus::Withdrawn, Lang::En) => format!("{team} withdrawn"),
                (TeamStatus::Scheduled, Lang::Fr) => format!("{team} rétablie"),
                (TeamStatus::Scheduled, Lang::En) => format!("{team} restored"),
            },
            What::Roster { item, id, edit } => {
                format!("{} {} {id}", colon(edit.word(lang), lang), item.word(lang))
            }
            What::Event => lang.t("événement modifié", "event edited").into(),
            What::Settings => lang.t("réglages modifiés", "settings changed").into(),
            What::Schedule => lang.t("programme modifié", "schedule changed").into(),
            What::Decision {
                added,
                decision,
                by,
                reason,
            } => {
                let teams = decision.teams.join(", ");
                let kind = match decision.kind {
                    DecisionKind::Order => lang.t("ordre", "order"),
                    DecisionKind::Admit => lang.t("admission", "admit"),
                };
                match (added, lang) {
                    (true, Lang::Fr) => format!("décision : {kind} {teams} — par {by} ({reason})"),
                    (true, Lang::En) => format!("decision: {kind} {teams} — by {by} ({reason})"),
                    (false, Lang::Fr) => format!("décision retirée : {kind} {teams}"),
                    (false, Lang::En) => format!("decision withdrawn: {kind} {teams}"),
                }
            }
            What::Seal { sealed } => seal(*sealed, lang).to_string(),
            What::Reveal { laureates } => {
                super::reveal::step(*laureates, laureates.is_none(), (0, None), lang)
            }
        }
    }
}

/// The results sealed or unsealed, as the change log says it.
pub fn seal(sealed: bool, lang: Lang) -> &'static str {
    match sealed {
        true => lang.t("résultats scellés", "results sealed"),
        false => lang.t("résultats descellés", "results unsealed"),
    }
}

fn sheet(team: &str, juror: &str, new: &Sheet, lang: Lang) -> String {
    match (new.mark, lang) {
        (Some(Mark::Absent), Lang::Fr) => format!("{juror} absent pour {team}"),
        (Some(Mark::Absent), Lang::En) => format!("{juror} absent for {team}"),
        (Some(Mark::Recused), Lang::Fr) => format!("récusation de {juror} pour {team}"),
        (Some(Mark::Recused), Lang::En) => format!("recusal of {juror} for {team}"),
        (None, Lang::Fr) => format!("feuille de {juror} pour {team} remplacée"),
        (None, Lang::En) => format!("{juror}'s sheet for {team} replaced"),
    }
}

/// Juror presence for the minutes: absent for some teams, or for all.
pub fn absent_for(teams: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("absent pour {teams}"),
        Lang::En => format!("absent for {teams}"),
    }
}

/// A juror who left: absent from a team on.
pub fn absent_from(team: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("absent à partir de {team}"),
        Lang::En => format!("absent from {team} on"),
    }
}

/// A juror who joined (a substitute): present from a team on.
pub fn present_from(team: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("présent à partir de {team}"),
        Lang::En => format!("present from {team} on"),
    }
}

/// A terminal, as the minutes name the author of a change.
pub fn terminal(writer: &str, lang: Lang) -> String {
    let short: String = writer.chars().take(8).collect();
    match lang {
        Lang::Fr => format!("poste {short}"),
        Lang::En => format!("terminal {short}"),
    }
}

/// How many first entries the minutes do not list one by one.
pub fn first_entries(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "{} : premières saisies de notes, non détaillées.",
            count(n, lang, "opération", "opérations")
        ),
        Lang::En => format!(
            "{}: first entries of values, not listed one by one.",
            count(n, lang, "operation", "operations")
        ),
    }
}

/// Where the signatures go: "Fait à Amiens, le ____".
pub fn done_at(place: &str, lang: Lang) -> String {
    match (place.is_empty(), lang) {
        (false, Lang::Fr) => format!("Fait à {place}, le ......................"),
        (false, Lang::En) => format!("Done at {place}, on ......................"),
        (true, Lang::Fr) => "Fait le ......................".into(),
        (true, Lang::En) => "Done on ......................".into(),
    }
}

/// "jurés" after a count, singular or plural.
pub fn jurors(n: usize, lang: Lang) -> String {
    count(n, lang, lang.t("juré", "juror"), lang.t("jurés", "jurors"))
}
