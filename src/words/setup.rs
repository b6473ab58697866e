//! The setup's words: field names, values as people read them, a field
//! changed by the other terminal, what undoing a setup change does.

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

/// `m:ss`.
pub fn duration(secs: u32) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// A value as people read it.
pub fn value(v: &Value, lang: Lang) -> String {
    let none = || lang.t("(aucune)", "(none)").to_string();
    match v {
        Value::Text(t) if t.is_empty() => lang.t("(vide)", "(empty)").to_string(),
        Value::Text(t) => t.clone(),
        Value::Secs(s) => duration(*s),
        Value::Time(t) => t.map_or_else(none, |t| t.format("%H:%M").to_string()),
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
