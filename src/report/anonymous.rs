//! `--anonymous`: jurors become J1, J2… in the session's juror order (a
//! stable order: the roster's), for publishing without personal data.
//! Their names, roles and ids are replaced everywhere a report reads them;
//! their organisations stay (the same-organisation recusal depends on them).

use std::collections::{BTreeMap, HashMap};

use crate::domain::{Session, SheetKey};

/// Each juror id with its label.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Aliases {
    labels: HashMap<String, String>,
    /// (name, label), longest names first, to replace names in free text.
    names: Vec<(String, String)>,
}

impl Aliases {
    pub fn of(session: &Session) -> Aliases {
        let mut labels = HashMap::new();
        let mut names = Vec::new();
        for (i, juror) in session.jurors.iter().enumerate() {
            let label = format!("J{}", i + 1);
            labels.insert(juror.id.to_string(), label.clone());
            if !juror.name.trim().is_empty() {
                names.push((juror.name.trim().to_string(), label));
            }
        }
        names.sort_by_key(|(name, _)| std::cmp::Reverse(name.chars().count()));
        Aliases { labels, names }
    }

    /// The label of a juror id (an unknown id is kept).
    pub fn juror(&self, id: &str) -> String {
        self.labels
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    /// Free text (who decided, why) with every juror's name replaced.
    pub fn text(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (name, label) in &self.names {
            out = out.replace(name.as_str(), label);
        }
        out
    }
}

/// The session with every juror anonymised.
pub fn session(session: &Session) -> Session {
    let aliases = Aliases::of(session);
    let mut out = session.clone();
    for juror in &mut out.jurors {
        let label = aliases.juror(&juror.id);
        juror.id = label.as_str().into();
        juror.name = label;
        juror.role = String::new();
    }
    out.sheets = session
        .sheets
        .iter()
        .map(|(key, sheet)| {
            (
                SheetKey::new(key.team.clone(), aliases.juror(&key.juror).into()),
                sheet.clone(),
            )
        })
        .collect::<BTreeMap<_, _>>();
    for jurors in out.second_entry.values_mut() {
        *jurors = std::mem::take(jurors)
            .into_iter()
            .map(|(juror, cells)| (aliases.juror(&juror).into(), cells))
            .collect();
    }
    for speaker in &mut out.queue {
        speaker.juror = aliases.juror(&speaker.juror).into();
    }
    for question in &mut out.questions {
        question.juror = aliases.juror(&question.juror).into();
    }
    for decision in &mut out.decisions {
        decision.by = aliases.text(&decision.by);
        decision.reason = aliases.text(&decision.reason);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::{self, put3};
    use crate::domain::ranking::rank;
    use crate::domain::{Decision, DecisionKind};

    #[test]
    fn jurors_become_numbers_and_nothing_else_changes() {
        let mut s = fixture::session();
        put3(&mut s, "T01", "J2", "4", "3", "2");
        put3(&mut s, "T02", "J5", "1", "3", "2");
        s.decisions.push(Decision {
            kind: DecisionKind::Order,
            teams: vec!["T01".into()],
            by: "Emma Petit, présidente".into(),
            reason: "voix de Bruno Caron".into(),
            at: chrono::DateTime::UNIX_EPOCH,
        });
        let a = session(&s);
        let ids: Vec<&str> = a.jurors.iter().map(|j| j.id.as_str()).collect();
        assert_eq!(ids, ["J1", "J2", "J3", "J4", "J5"]);
        assert!(a.jurors.iter().all(|j| j.name == j.id && j.role.is_empty()));
        assert_eq!(a.decisions[0].by, "J5, présidente");
        assert_eq!(a.decisions[0].reason, "voix de J2");
        let text = serde_json::to_string(&a).unwrap();
        for j in &s.jurors {
            assert!(!text.contains(&j.name), "{} left in", j.name);
        }
        let (before, after) = (rank(&s, s.settings.method), rank(&a, a.settings.method));
        assert_eq!(
            serde_json::to_value(&before).unwrap()["ranking"],
            serde_json::to_value(&after).unwrap()["ranking"]
        );
    }
}
