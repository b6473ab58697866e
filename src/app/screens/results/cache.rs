//! The results screen's figures, computed once per state of the session
//! and method shown, not on every frame: on a large forum a ranking under
//! every method takes a noticeable time, and arrows only move a selection.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use crate::domain::ranking::analysis::{self, MethodComparison};
use crate::domain::ranking::{self, Ranking};
use crate::domain::{Method, Session};

/// What the screen draws from.
#[derive(Debug)]
pub struct Computed {
    key: Key,
    /// The ranking under the method shown.
    pub ranking: Ranking,
    /// Every other method against the official one.
    pub comparisons: Vec<MethodComparison>,
}

/// What the figures depend on: the session as saved (its id and revision;
/// counts as a guard for sessions edited in tests) and the method shown.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Key {
    id: String,
    revision: u64,
    sheets: usize,
    decisions: usize,
    teams: usize,
    method: Method,
    official: Method,
}

impl Key {
    fn of(session: &Session, method: Method) -> Key {
        Key {
            id: session.id.clone(),
            revision: session.revision,
            sheets: session.sheets.len(),
            decisions: session.decisions.len(),
            teams: session.teams.len(),
            method,
            official: session.settings.method,
        }
    }
}

/// The last figures computed (drawing borrows the app immutably).
#[derive(Clone, Default)]
pub struct Cache(RefCell<Option<Rc<Computed>>>);

impl Cache {
    pub fn get(&self, session: &Session, method: Method) -> Rc<Computed> {
        let key = Key::of(session, method);
        if let Some(c) = self.0.borrow().as_ref()
            && c.key == key
        {
            return Rc::clone(c);
        }
        let computed = Rc::new(Computed {
            key,
            ranking: ranking::rank(session, method),
            comparisons: analysis::compare_methods(session),
        });
        *self.0.borrow_mut() = Some(Rc::clone(&computed));
        computed
    }
}

impl fmt::Debug for Cache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Cache")
    }
}

/// A cache never makes two states differ.
impl PartialEq for Cache {
    fn eq(&self, _: &Cache) -> bool {
        true
    }
}

impl Eq for Cache {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::results_fixture::forum;

    #[test]
    fn computed_once_per_state_and_method() {
        let cache = Cache::default();
        let mut s = forum();
        let a = cache.get(&s, Method::Mean);
        assert!(Rc::ptr_eq(&a, &cache.get(&s, Method::Mean)));
        let b = cache.get(&s, Method::Borda);
        assert!(!Rc::ptr_eq(&a, &b));
        assert_eq!(b.ranking.method, Method::Borda);
        s.revision += 1;
        let c = cache.get(&s, Method::Borda);
        assert!(!Rc::ptr_eq(&b, &c), "a new revision recomputes");
        assert_eq!(c.comparisons.len(), 4);
    }
}
