//! The teams nearest the laureate cut-off, first to re-type blind: the
//! official ranking, computed once per state of the session (by `update`,
//! never while drawing).

use std::rc::Rc;

use crate::domain::double_entry;
use crate::domain::{Session, TeamId};

/// The order and the state it was computed for.
#[derive(Clone, Debug, Default)]
pub struct Cutoff(Option<Rc<(Key, Vec<TeamId>)>>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Key {
    id: String,
    revision: u64,
    sheets: usize,
    teams: usize,
}

impl Key {
    fn of(session: &Session) -> Key {
        Key {
            id: session.id.clone(),
            revision: session.revision,
            sheets: session.sheets.len(),
            teams: session.teams.len(),
        }
    }
}

impl Cutoff {
    pub fn refresh(&mut self, session: &Session) {
        let key = Key::of(session);
        if self.0.as_ref().is_none_or(|c| c.0 != key) {
            self.0 = Some(Rc::new((key, super::cutoff_order(session))));
        }
    }

    /// The teams nearest the cut-off first (computed now for a state no
    /// update has seen, as in a test drawing a session built by hand).
    pub fn order(&self, session: &Session) -> Vec<TeamId> {
        match &self.0 {
            Some(c) if c.0 == Key::of(session) => c.1.clone(),
            _ => super::cutoff_order(session),
        }
    }

    /// The team nearest the cut-off not yet verified twice.
    pub fn next_to_check(&self, session: &Session) -> Option<TeamId> {
        self.order(session)
            .into_iter()
            .find(|t| !double_entry::verified_twice(session, t))
    }
}

/// Derived figures never make two states differ.
impl PartialEq for Cutoff {
    fn eq(&self, _: &Cutoff) -> bool {
        true
    }
}
