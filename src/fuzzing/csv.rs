//! The spreadsheet readers: whatever the bytes, the entries read or every
//! problem, one line each naming the file; what is read is usable (ids
//! present and unique, criteria with a scale, an import that applies).

use std::collections::BTreeSet;

use crate::domain::{Dec, Lang, apply};
use crate::storage::csv::{Problems, roster, scores};

const FILE: &str = "fuzz.csv";

fn unique<'a>(ids: impl Iterator<Item = &'a str>) {
    let mut seen = BTreeSet::new();
    for id in ids {
        assert!(!id.is_empty(), "an entry read with an empty id");
        assert!(seen.insert(id), "id {id:?} read twice");
    }
}

fn problems_said(found: bool, problems: Problems) -> bool {
    let clean = found && problems.is_empty();
    let lines = problems.lines();
    assert!(found || !lines.is_empty(), "refused without a word");
    for line in &lines {
        assert!(
            line.starts_with(FILE),
            "a problem not naming the file: {line:?}"
        );
    }
    clean
}

/// `data`: a first byte choosing the reader (teams, jurors, criteria,
/// scores against the demo) and the language, then the file's bytes.
/// Returns whether it was read without a problem.
pub fn spreadsheets(data: &[u8]) -> bool {
    let Some((&which, bytes)) = data.split_first() else {
        return false;
    };
    let lang = if which & 1 == 0 { Lang::Fr } else { Lang::En };
    let mut problems = Problems::new(FILE, lang);
    match (which >> 1) % 4 {
        0 => {
            let teams = roster::teams(bytes, &mut problems);
            if let Some(teams) = &teams {
                unique(teams.iter().map(|t| t.id.as_str()));
            }
            problems_said(teams.is_some(), problems)
        }
        1 => {
            let jurors = roster::jurors(bytes, &mut problems);
            if let Some(jurors) = &jurors {
                unique(jurors.iter().map(|j| j.id.as_str()));
            }
            problems_said(jurors.is_some(), problems)
        }
        2 => {
            let criteria = roster::criteria(bytes, &mut problems);
            for c in criteria.iter().flatten() {
                assert!(c.weight > Dec::ZERO, "weight {:?} read", c.weight);
                assert!(c.step > Dec::ZERO, "step {:?} read", c.step);
                assert!(c.min < c.max, "scale {:?}..{:?} read", c.min, c.max);
            }
            if let Some(criteria) = &criteria {
                unique(criteria.iter().map(|c| c.id.as_str()));
            }
            problems_said(criteria.is_some(), problems)
        }
        _ => import(bytes, lang),
    }
}

fn import(bytes: &[u8], lang: Lang) -> bool {
    let demo = super::demo();
    match scores::import(demo, FILE, bytes, lang, &mut |_| {}) {
        Ok((Some(change), _)) => {
            let mut session = demo.clone();
            if let Err(refusal) = apply(&mut session, &change) {
                panic!("an import read without problem is refused: {refusal:?}");
            }
            true
        }
        Ok((None, _)) => true,
        Err(rejected) => {
            assert!(
                !rejected.lines.is_empty(),
                "an import refused without a word"
            );
            for line in &rejected.lines {
                assert!(
                    line.starts_with(FILE),
                    "a problem not naming the file: {line:?}"
                );
            }
            false
        }
    }
}
