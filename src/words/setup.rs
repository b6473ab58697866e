//! The setup's words: field names, values as people read them, a field
//! changed by the other terminal, what undoing a setup change does.

use crate::app::screens::setup::Row;
use crate::domain::roster::Line;
use crate::domain::setup::Target;
use crate::domain::setup::{Field, Fields, Value};
use crate::domain::{BatchLabel, Change, Lang};

/// A field's name, as the Setup screen and the messages say it.
pub fn field_name(field: Field, lang: Lang) -> &'static str {
    match field {
        Field::Title => lang.t("titre", "title"),
        Field::Place => lang.t("lieu", "place"),
        Field::Date => lang.t("date", "date"),
        Field::Pitch => lang.t("durée du pitch", "pitch duration"),
        Field::Qa => lang.t("durée des questions", "questions duration"),
        Field::Changeover => lang.t("changement d'équipe", "changeover"),
        Field::Start => lang.t("heure de début", "start time"),
        Field::Warning => lang.t("seuil d'avertissement", "warning threshold"),
        Field::Alarm => lang.t("seuil d'alarme", "alarm threshold"),
        Field::Bell => lang.t("sonnerie", "bell"),
        Field::Laureates => lang.t("lauréats", "laureates"),
        Field::MinSheets => lang.t("feuilles minimum", "minimum sheets"),
        Field::TieBreak => lang.t("départage", "tie-break"),
        Field::Method => lang.t("méthode officielle", "official method"),
        Field::RecuseSameOrg => lang.t("récusation même organisation", "same-organisation recusal"),
        Field::Lang => lang.t("langue", "language"),
        Field::TeamName | Field::JurorName => lang.t("nom", "name"),
        Field::Project => lang.t("projet", "project"),
        Field::Summary => lang.t("résumé", "summary"),
        Field::Members => lang.t("membres", "members"),
        Field::TeamOrg | Field::JurorOrg => lang.t("organisation", "organisation"),
        Field::Role => lang.t("rôle", "role"),
    }
}

/// A value as people read it.
pub fn value(v: &Value, lang: Lang) -> String {
    let none = || lang.t("(aucune)", "(none)").to_string();
    match v {
        Value::Text(t) if t.is_empty() => lang.t("(vide)", "(empty)").to_string(),
        Value::Text(t) => t.clone(),
        Value::Secs(s) => crate::domain::stage::clock_text(i64::from(*s)),
        Value::Time(t) => t.map_or_else(none, super::stage::clock),
        Value::Date(d) => d.map_or_else(none, |d| d.format("%Y-%m-%d").to_string()),
        Value::Count(n) => n.to_string(),
        Value::Flag(true) => lang.t("oui", "on").to_string(),
        Value::Flag(false) => lang.t("non", "off").to_string(),
        Value::Method(m) => m.name(lang).to_string(),
        Value::List(items) if items.is_empty() => none(),
        Value::List(items) => items.join(", "),
        Value::Lang(l) => l.code().to_string(),
    }
}

/// A field the other terminal changed meanwhile: both values.
pub fn stale_field(
    lang: Lang,
    item: Option<&str>,
    field: Field,
    seen: &Value,
    current: &Value,
) -> String {
    let name = field_name(field, lang);
    let what = match item {
        Some(id) => format!("{id} : {name}"),
        None => name.to_string(),
    };
    let (seen, current) = (value(seen, lang), value(current, lang));
    match lang {
        Lang::Fr => format!(
            "{what} a été modifié par un autre poste : vu « {seen} », maintenant « {current} »"
        ),
        Lang::En => format!(
            "{} was changed by another terminal: seen \"{seen}\", now \"{current}\"",
            what.replace(" : ", ": ")
        ),
    }
}

/// The fields an edit changes, as "name: new → seen" (what undoing it puts back).
fn edited<T: Fields>(seen: &T, new: &T, lang: Lang) -> Option<String> {
    let field = T::FIELDS.iter().find(|f| seen.get(**f) != new.get(**f))?;
    Some(format!(
        "{} {} → {}",
        field_name(*field, lang),
        value(&new.get(*field), lang),
        value(&seen.get(*field), lang)
    ))
}

/// What an option should have looked like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Duration,
    Time,
    Date,
}

/// An option that cannot be read.
pub fn bad_option(flag: &str, text: &str, expected: Expected, lang: Lang) -> String {
    let example = match expected {
        Expected::Duration => lang.t(
            "durée illisible (exemples : 3m, 180s, 2m30s, 3:00)",
            "unreadable duration (examples: 3m, 180s, 2m30s, 3:00)",
        ),
        Expected::Time => lang.t(
            "heure illisible (exemples : 14:30, now)",
            "unreadable time (examples: 14:30, now)",
        ),
        Expected::Date => lang.t(
            "date illisible (exemple : 2026-12-10)",
            "unreadable date (example: 2026-12-10)",
        ),
    };
    match lang {
        Lang::Fr => format!("--{flag} {text} : {example}"),
        Lang::En => format!("--{flag} {text}: {example}"),
    }
}

pub fn method_locked(lang: Lang) -> String {
    lang.t(
        "--method : la méthode officielle ne peut plus changer, la notation a commencé",
        "--method: the official method cannot change, scoring has started",
    )
    .to_string()
}

pub fn pitch_zero(lang: Lang) -> String {
    lang.t(
        "--pitch : la durée doit être positive",
        "--pitch: the duration must be above zero",
    )
    .to_string()
}

/// `podium settings FILE`: the event and the settings, one per line.
pub fn settings_text(s: &crate::domain::Session, lang: Lang) -> String {
    let event = Field::ALL_EVENT.iter().map(|f| (*f, s.event.get(*f)));
    let settings = Field::ALL_SETTINGS.iter().map(|f| (*f, s.settings.get(*f)));
    let rows: Vec<(&str, String)> = event
        .chain(settings)
        .map(|(f, v)| (field_name(f, lang), value(&v, lang)))
        .collect();
    let width = rows
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(0);
    let sep = lang.t(" : ", ": ");
    rows.iter()
        .map(|(n, v)| {
            let pad = " ".repeat(width - n.chars().count());
            format!("{n}{pad}{sep}{v}\n")
        })
        .collect()
}

pub fn settings_saved(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{file} : réglages enregistrés"),
        Lang::En => format!("{file}: settings saved"),
    }
}

pub fn nothing_to_change(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{file} : rien à changer"),
        Lang::En => format!("{file}: nothing to change"),
    }
}

/// "pitch duration: 3:00 → 2:30".
pub fn changed_line(field: Field, before: &Value, now: &Value, lang: Lang) -> String {
    format!(
        "{}{}{} → {}",
        field_name(field, lang),
        lang.t(" : ", ": "),
        value(before, lang),
        value(now, lang)
    )
}

/// One line of `podium roster`.
pub fn roster_line(line: &Line, lang: Lang) -> String {
    let fields = |fields: &[Field]| {
        fields
            .iter()
            .map(|f| field_name(*f, lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (line, lang) {
        (Line::TeamUpdated { id, fields: f }, Lang::Fr) => {
            format!("équipe {id} modifiée : {}", fields(f))
        }
        (Line::TeamUpdated { id, fields: f }, Lang::En) => {
            format!("team {id} updated: {}", fields(f))
        }
        (Line::TeamAdded(id), Lang::Fr) => format!("équipe {id} ajoutée en fin de programme"),
        (Line::TeamAdded(id), Lang::En) => format!("team {id} added at the end of the schedule"),
        (Line::TeamMissing(id), Lang::Fr) => {
            format!(
                "équipe {id} absente du fichier : laissée en place (retrait sur l'écran Réglages ou Programme)"
            )
        }
        (Line::TeamMissing(id), Lang::En) => {
            format!(
                "team {id} not in the file: left in place (withdraw it on the Setup or Schedule screen)"
            )
        }
        (Line::JurorUpdated { id, fields: f }, Lang::Fr) => {
            format!("juré {id} modifié : {}", fields(f))
        }
        (Line::JurorUpdated { id, fields: f }, Lang::En) => {
            format!("juror {id} updated: {}", fields(f))
        }
        (Line::JurorAdded(id), Lang::Fr) => format!("juré {id} ajouté"),
        (Line::JurorAdded(id), Lang::En) => format!("juror {id} added"),
        (Line::JurorMissing(id), Lang::Fr) => {
            format!("juré {id} absent du fichier : laissé en place")
        }
        (Line::JurorMissing(id), Lang::En) => format!("juror {id} not in the file: left in place"),
        (Line::OrganisationAdded(id), Lang::Fr) => format!("organisation {id} ajoutée"),
        (Line::OrganisationAdded(id), Lang::En) => format!("organisation {id} added"),
        (Line::ValuesCleared { team, juror }, Lang::Fr) => format!(
            "{juror} devient récusé pour {team} (même organisation) : ses notes sont retirées (annuler les rétablit)"
        ),
        (Line::ValuesCleared { team, juror }, Lang::En) => format!(
            "{juror} becomes recused for {team} (same organisation): their values are cleared (undo restores them)"
        ),
    }
}

pub fn dry_run(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{file} : essai à blanc, rien n'est écrit"),
        Lang::En => format!("{file}: dry run, nothing written"),
    }
}

pub fn roster_saved(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{file} : listes enregistrées (une opération)"),
        Lang::En => format!("{file}: roster saved (one operation)"),
    }
}

/// The Setup screen's first line when no text field is open.
pub fn setup_hint(lang: Lang) -> String {
    lang.t(
        "Réglages de la session : Entrée modifie le champ choisi, chaque modification s'annule avec u.",
        "Session setup: Enter edits the selected field, u undoes each change.",
    )
    .to_string()
}

pub fn editing_hint(lang: Lang) -> String {
    lang.t(
        "Modification : Entrée valide, Échap abandonne.",
        "Editing: Enter confirms, Esc cancels.",
    )
    .to_string()
}

pub fn late_team_prompt(lang: Lang) -> String {
    lang.t(
        "Nom de l'équipe en retard (ajoutée en fin de programme) :",
        "Name of the late team (added at the end of the schedule):",
    )
    .to_string()
}

pub fn add_juror_prompt(lang: Lang) -> String {
    lang.t("Nom du nouveau juré :", "Name of the new juror:")
        .to_string()
}

pub fn replace_prompt(left: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => {
            format!("Remplaçant de {left} (note les équipes à venir ; {left} y est absent) :")
        }
        Lang::En => {
            format!("Replacing {left} (scores the teams to come; {left} is absent for them):")
        }
    }
}

pub fn withdrawn(lang: Lang) -> &'static str {
    lang.t("(retirée)", "(withdrawn)")
}

pub fn locked_why(lang: Lang) -> &'static str {
    lang.t(
        "verrouillé : la notation a commencé",
        "locked: scoring has started",
    )
}

/// A row's label: "Réglages · durée du pitch", "T01 · nom".
pub fn row_label(row: &Row, lang: Lang) -> String {
    match row {
        Row::Criteria => lang
            .t("Réglages · critères", "Settings · criteria")
            .to_string(),
        Row::Field(target, field) => {
            let who = match target {
                Target::Event => lang.t("Événement", "Event").to_string(),
                Target::Settings => lang.t("Réglages", "Settings").to_string(),
                Target::Team(id) => id.to_string(),
                Target::Juror(id) => id.to_string(),
            };
            format!("{who} · {}", field_name(*field, lang))
        }
    }
}

/// The tie-break list on one line, each criterion by its label (its id
/// when the session has no such criterion): what the field's ids mean.
pub fn tie_break_text(s: &crate::domain::Session, lang: Lang) -> String {
    if s.settings.tie_break.is_empty() {
        return lang.t("(aucune)", "(none)").to_string();
    }
    s.settings
        .tie_break
        .iter()
        .map(|id| match s.criterion(id) {
            Some(c) => super::for_terminal(&c.label).into_owned(),
            None => id.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The criteria on one line, by their labels: "Impact ×2 (0–5), Faisabilité
/// (0–5)".
pub fn criteria_text(s: &crate::domain::Session, lang: Lang) -> String {
    let d = |v| super::number::dec(v, lang);
    s.criteria
        .iter()
        .map(|c| {
            let weight = if c.weight == crate::domain::Dec::int(1) {
                String::new()
            } else {
                format!(" ×{}", d(c.weight))
            };
            let label = super::for_terminal(&c.label);
            format!("{label}{weight} ({}–{})", d(c.min), d(c.max))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What undoing a setup change does, if `done` is one.
pub fn undone(done: &Change, lang: Lang) -> Option<String> {
    Some(match done {
        Change::SetEvent { edit } => edited(&edit.seen, &edit.new, lang)?,
        Change::SetSettings { edit } => edited(&*edit.seen, &*edit.new, lang)?,
        Change::SetTeam { id, edit, .. } => match (&edit.seen, &edit.new) {
            (Some(seen), Some(new)) => format!("{id} {}", edited(&**seen, &**new, lang)?),
            (None, Some(_)) => match lang {
                Lang::Fr => format!("ajout de {id}"),
                Lang::En => format!("adding {id}"),
            },
            _ => return None,
        },
        Change::SetJuror { id, edit, .. } => match (&edit.seen, &edit.new) {
            (Some(seen), Some(new)) => format!("{id} {}", edited(seen, new, lang)?),
            (None, Some(_)) => match lang {
                Lang::Fr => format!("ajout de {id}"),
                Lang::En => format!("adding {id}"),
            },
            _ => return None,
        },
        Change::Batch { label, changes } => match label {
            BatchLabel::Edit { .. } => {
                let last = changes.last()?;
                let n = changes.len() - 1;
                match lang {
                    Lang::Fr => format!("{} (et {n} fiche(s) rétablie(s))", undone(last, lang)?),
                    Lang::En => format!("{} (and {n} sheet(s) restored)", undone(last, lang)?),
                }
            }
            BatchLabel::LateTeam { team } => match lang {
                Lang::Fr => format!("ajout tardif de {team}"),
                Lang::En => format!("late addition of {team}"),
            },
            BatchLabel::Replace { left, by } => match lang {
                Lang::Fr => format!("remplacement de {left} par {by}"),
                Lang::En => format!("replacement of {left} by {by}"),
            },
            BatchLabel::Roster => lang.t("relecture des listes", "roster update").to_string(),
            _ => return None,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::setup::{Target, set_field};

    #[test]
    fn both_values_of_a_stale_field_and_what_undo_puts_back() {
        let text = stale_field(
            Lang::Fr,
            Some("T01"),
            Field::TeamName,
            &Value::Text("Cantine".into()),
            &Value::Text("Cantine verte".into()),
        );
        assert_eq!(
            text,
            "T01 : nom a été modifié par un autre poste : vu « Cantine », maintenant « Cantine verte »"
        );
        let text = stale_field(
            Lang::En,
            None,
            Field::Pitch,
            &Value::Secs(180),
            &Value::Secs(150),
        );
        assert_eq!(
            text,
            "pitch duration was changed by another terminal: seen \"3:00\", now \"2:30\""
        );
        let s = crate::domain::fixture::session();
        let change = set_field(
            &s,
            &Target::Team("T01".into()),
            Field::TeamName,
            Value::Text("Cuisine".into()),
        )
        .expect("a change");
        assert_eq!(
            undone(&change, Lang::En).as_deref(),
            Some("T01 name Cuisine → Cantine verte")
        );
    }
}
