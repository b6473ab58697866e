//! The history in words: "14:32 secrétaire (terminal 2) : Équipe 4 ·
//! M. Delcourt · Impact 7 → 8". Who: the role the change belongs to
//! (the secretary types scores, the moderator runs the stage, the jury
//! decides, the organisers set up) and the terminal, numbered in the order
//! terminals first wrote to the journal. Teams, jurors and criteria by
//! their names as the session has them now.

use chrono::FixedOffset;

use super::minutes::{Naming, What};
use super::number::count;
use super::report::colon;
use crate::domain::history::Entry;
use crate::domain::{
    BatchLabel, Change, CriterionId, Dec, JurorId, Lang, Mark, Session, TeamId, TeamStatus,
};

/// Who makes a kind of change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Secretary,
    Moderator,
    Jury,
    Organiser,
}

impl Role {
    pub fn of(change: &Change) -> Role {
        match change {
            Change::SetCell { .. }
            | Change::SetHandwritten { .. }
            | Change::SetSheet { .. }
            | Change::SetVerified { .. }
            | Change::SetSecondCell { .. }
            | Change::ResolveCell { .. } => Role::Secretary,
            Change::SetStage { .. }
            | Change::SetQueue { .. }
            | Change::AddQuestion { .. }
            | Change::RemoveQuestion { .. }
            | Change::SetSchedule { .. }
            | Change::SetMessage { .. }
            | Change::SetReveal { .. }
            | Change::SetRevealed { .. }
            | Change::SetTeamStatus { .. } => Role::Moderator,
            Change::AddDecision { .. }
            | Change::RemoveDecision { .. }
            | Change::Seal
            | Change::Unseal => Role::Jury,
            Change::Batch { changes, .. } => changes.first().map_or(Role::Secretary, Role::of),
            Change::Create { .. }
            | Change::SetEvent { .. }
            | Change::SetSettings { .. }
            | Change::SetOrganisation { .. }
            | Change::SetTeam { .. }
            | Change::SetJuror { .. }
            | Change::SetCriterion { .. } => Role::Organiser,
        }
    }

    fn word(self, lang: Lang) -> &'static str {
        match self {
            Role::Secretary => lang.t("secrétaire", "secretary"),
            Role::Moderator => lang.t("modération", "moderator"),
            Role::Jury => lang.t("jury", "jury"),
            Role::Organiser => lang.t("organisation", "organiser"),
        }
    }
}

/// One entry as a line (not yet escaped for a terminal).
pub fn line(entry: &Entry<'_>, session: &Session, offset: FixedOffset, lang: Lang) -> String {
    let time = entry.at.with_timezone(&offset).format("%H:%M");
    let who = format!(
        "{} (terminal {})",
        Role::of(entry.change).word(lang),
        entry.terminal
    );
    format!(
        "{time} {} {}",
        colon(&who, lang),
        what(entry.change, session, lang)
    )
}

/// The day, before the entries of a history spanning several days.
pub fn day(date: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("— {} —", date.format("%d/%m/%Y")),
        Lang::En => format!("— {} —", date.format("%Y-%m-%d")),
    }
}

/// When nothing is listed.
pub fn nothing(filtered: bool, lang: Lang) -> &'static str {
    match filtered {
        true => lang.t(
            "Aucun changement ne concerne cette équipe ou ce juré.",
            "No change concerns this team or juror.",
        ),
        false => lang.t("Aucun changement.", "No change."),
    }
}

/// An unknown team or juror given to `--team` / `--juror`.
pub fn unknown(team: bool, given: &str, lang: Lang) -> String {
    match (team, lang) {
        (true, Lang::Fr) => format!("équipe inconnue : {given}"),
        (true, Lang::En) => format!("unknown team: {given}"),
        (false, Lang::Fr) => format!("juré inconnu : {given}"),
        (false, Lang::En) => format!("unknown juror: {given}"),
    }
}

fn value(v: Option<Dec>, lang: Lang) -> String {
    super::double_entry::value(v, lang)
}

/// Names as the session has them (the id of what it no longer has).
struct Names<'a>(&'a Session);

impl Names<'_> {
    fn team(&self, id: &TeamId) -> String {
        self.0.team(id).map_or(id.to_string(), |t| t.name.clone())
    }

    fn juror(&self, id: &JurorId) -> String {
        self.0.juror(id).map_or(id.to_string(), |j| j.name.clone())
    }

    fn cell(&self, team: &TeamId, juror: &JurorId, criterion: &CriterionId) -> String {
        let label = self
            .0
            .criterion(criterion)
            .map_or(criterion.as_str(), |c| c.label.as_str());
        format!("{} · {} · {label}", self.team(team), self.juror(juror))
    }
}

/// What a change did.
pub fn what(change: &Change, session: &Session, lang: Lang) -> String {
    let names = Names(session);
    let arrow = |seen: Option<Dec>, new: Option<Dec>| {
        format!("{} → {}", value(seen, lang), value(new, lang))
    };
    match change {
        Change::SetCell {
            team,
            juror,
            criterion,
            edit,
        } => format!(
            "{} {}",
            names.cell(team, juror, criterion),
            arrow(edit.seen, edit.new)
        ),
        Change::SetHandwritten { team, juror, edit } => format!(
            "{} · {} · {} {}",
            names.team(team),
            names.juror(juror),
            lang.t("total papier", "paper total"),
            arrow(edit.seen, edit.new)
        ),
        Change::SetSecondCell {
            team,
            juror,
            criterion,
            edit,
        } => format!(
            "{} ({}) {}",
            names.cell(team, juror, criterion),
            lang.t("2e saisie", "second entry"),
            arrow(edit.seen, edit.new)
        ),
        Change::ResolveCell {
            team,
            juror,
            criterion,
            edit,
        } => {
            let cell = names.cell(team, juror, criterion);
            let (first, second) = (value(edit.seen.first, lang), value(edit.seen.second, lang));
            let kept = value(edit.new.first, lang);
            match lang {
                Lang::Fr => {
                    format!("{cell} : écart réglé à {kept} (1re saisie {first}, 2e {second})")
                }
                Lang::En => format!(
                    "{cell}: difference settled at {kept} (first entry {first}, second {second})"
                ),
            }
        }
        Change::SetSheet { team, juror, edit } => {
            let (team, juror) = (names.team(team), names.juror(juror));
            sheet(&team, &juror, edit.seen.mark, edit.new.mark, lang)
        }
        Change::SetVerified { team, edit } => What::Verified {
            team: &names.team(team),
            new: edit.new,
        }
        .say(lang),
        Change::SetTeamStatus { team, edit } => status(&names.team(team), edit.new, lang),
        Change::Batch {
            label: BatchLabel::Import { file },
            changes,
        } => {
            let n = changes.len();
            match lang {
                Lang::Fr => format!(
                    "import de {file} ({})",
                    count(n, lang, "changement", "changements")
                ),
                Lang::En => format!("import of {file} ({})", count(n, lang, "change", "changes")),
            }
        }
        other => others(other, &names, lang),
    }
}

/// The changes the minutes already word, and the stage's.
fn others(change: &Change, names: &Names<'_>, lang: Lang) -> String {
    let naming = Naming {
        team: &|t: &TeamId| names.team(t),
        juror: &|j: &JurorId| names.juror(j),
        text: &|t: &str| t.to_string(),
    };
    match change {
        Change::SetStage { edit } => format!(
            "{} {}",
            colon(lang.t("chrono", "timer"), lang),
            super::undo::stage_step(&edit.seen, &edit.new, lang)
        ),
        Change::SetQueue { .. } => lang.t("file des questions", "question queue").to_string(),
        Change::SetMessage { edit } => {
            super::undo::message_step(edit.new.is_some(), lang).to_string()
        }
        Change::SetReveal { .. } | Change::SetRevealed { .. } => {
            super::undo::reveal_step(change, None, lang)
        }
        Change::AddQuestion { question } | Change::RemoveQuestion { question } => {
            let (juror, team) = (names.juror(&question.juror), names.team(&question.team));
            match (matches!(change, Change::AddQuestion { .. }), lang) {
                (true, Lang::Fr) => format!("question de {juror} à {team}"),
                (true, Lang::En) => format!("question from {juror} to {team}"),
                (false, Lang::Fr) => format!("question de {juror} à {team} retirée"),
                (false, Lang::En) => format!("question from {juror} to {team} removed"),
            }
        }
        // Worded by `What::of_record`, or by `what` (an empty line here);
        // the creation and batches are listed by part.
        record => What::of_record(record, &naming).map_or_else(String::new, |w| w.say(lang)),
    }
}

fn sheet(team: &str, juror: &str, seen: Option<Mark>, new: Option<Mark>, lang: Lang) -> String {
    match (new, seen, lang) {
        (Some(Mark::Absent), _, Lang::Fr) => format!("{juror} absent pour {team}"),
        (Some(Mark::Absent), _, Lang::En) => format!("{juror} absent for {team}"),
        (Some(Mark::Recused), _, Lang::Fr) => format!("récusation de {juror} pour {team}"),
        (Some(Mark::Recused), _, Lang::En) => format!("recusal of {juror} for {team}"),
        (None, Some(_), Lang::Fr) => format!("{juror} de nouveau attendu pour {team}"),
        (None, Some(_), Lang::En) => format!("{juror} expected again for {team}"),
        (None, None, Lang::Fr) => format!("feuille de {juror} pour {team} remplacée"),
        (None, None, Lang::En) => format!("{juror}'s sheet for {team} replaced"),
    }
}

fn status(team: &str, new: TeamStatus, lang: Lang) -> String {
    What::Status { team, new }.say(lang)
}

#[cfg(test)]
mod tests;

/// The history as lines, oldest first, each made safe for a terminal (a
/// name's line break or escape written visibly): a day line before each
/// day's entries when they span several days; one line saying so when
/// nothing is listed.
pub fn lines(
    entries: &[Entry<'_>],
    session: &Session,
    offset: FixedOffset,
    filtered: bool,
    lang: Lang,
) -> Vec<String> {
    if entries.is_empty() {
        return vec![nothing(filtered, lang).to_string()];
    }
    let date = |e: &Entry<'_>| e.at.with_timezone(&offset).date_naive();
    let several_days = entries.first().map(date) != entries.last().map(date);
    let mut out = Vec::with_capacity(entries.len());
    let mut last_day = None;
    for entry in entries {
        let today = date(entry);
        if several_days && last_day != Some(today) {
            out.push(day(today, lang));
            last_day = Some(today);
        }
        out.push(one_line(&line(entry, session, offset, lang)));
    }
    out
}

/// A line for a terminal: nothing raw, no line break inside.
fn one_line(text: &str) -> String {
    super::for_terminal(text)
        .chars()
        .flat_map(|c| match c {
            '\n' | '\t' => c.escape_unicode().collect::<Vec<_>>(),
            c => vec![c],
        })
        .collect()
}

/// The view's title: every change, or a team's.
pub fn title(team: Option<&str>, lang: Lang) -> String {
    match (team, lang) {
        (None, Lang::Fr) => "Historique — qui a changé quoi et quand".into(),
        (None, Lang::En) => "History — who changed what and when".into(),
        (Some(team), Lang::Fr) => format!("Historique de {team}"),
        (Some(team), Lang::En) => format!("History of {team}"),
    }
}

/// While the journal is read.
pub fn reading(lang: Lang) -> &'static str {
    lang.t("Lecture du journal…", "Reading the journal…")
}
