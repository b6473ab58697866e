//! The session's look-up of its teams, jurors and criteria by id: where
//! each stands in its list, built on first use instead of a scan of the
//! list per look-up (the schedule's plan looks up every team each second).
//!
//! It is never serialised, and a copy of the session builds its own (a
//! copy is equal whatever its look-up holds). Every change of the roster
//! made by an operation drops it (`Session::roster_changed`); a hit is
//! checked against the list all the same, and a miss or a stale place
//! falls back to the scan, so a list changed by hand (a fixture, a test)
//! is still looked up right, only slower. Ids are unique in a valid
//! session; where a list holds one twice the first wins, as with a scan.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::session::{Criterion, CriterionId, Juror, JurorId, Session, Team, TeamId};

/// The places by id, built on first use.
#[derive(Default)]
pub struct Lookup(OnceLock<Places>);

struct Places {
    teams: HashMap<TeamId, usize>,
    jurors: HashMap<JurorId, usize>,
    criteria: HashMap<CriterionId, usize>,
}

/// Each item's place by its id, the first of two equal ids winning.
fn places<K: Clone + Eq + std::hash::Hash, T>(
    items: &[T],
    id: impl Fn(&T) -> &K,
) -> HashMap<K, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        map.entry(id(item).clone()).or_insert(i);
    }
    map
}

/// The item at `place` if it has `id`, else the first with `id` in a scan.
fn checked<'a, T>(
    items: &'a [T],
    place: Option<usize>,
    id: &str,
    id_of: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    match place.and_then(|i| items.get(i)) {
        Some(item) if id_of(item) == id => Some(item),
        _ => items.iter().find(|item| id_of(item) == id),
    }
}

impl Lookup {
    fn places(&self, s: &Session) -> &Places {
        self.0.get_or_init(|| Places {
            teams: places(&s.teams, |t: &Team| &t.id),
            jurors: places(&s.jurors, |j: &Juror| &j.id),
            criteria: places(&s.criteria, |c: &Criterion| &c.id),
        })
    }

    pub(super) fn team<'a>(&self, s: &'a Session, id: &TeamId) -> Option<&'a Team> {
        let place = self.places(s).teams.get(id).copied();
        checked(&s.teams, place, id, |t| t.id.as_str())
    }

    pub(super) fn juror<'a>(&self, s: &'a Session, id: &JurorId) -> Option<&'a Juror> {
        let place = self.places(s).jurors.get(id).copied();
        checked(&s.jurors, place, id, |j| j.id.as_str())
    }

    pub(super) fn criterion<'a>(&self, s: &'a Session, id: &CriterionId) -> Option<&'a Criterion> {
        let place = self.places(s).criteria.get(id).copied();
        checked(&s.criteria, place, id, |c| c.id.as_str())
    }

    /// Forget the places: the next look-up builds them again.
    pub(super) fn clear(&mut self) {
        self.0 = OnceLock::new();
    }

    /// Whether the places are built (tests).
    #[cfg(test)]
    fn is_built(&self) -> bool {
        self.0.get().is_some()
    }
}

/// A copy builds its own look-up on first use.
impl Clone for Lookup {
    fn clone(&self) -> Lookup {
        Lookup::default()
    }
}

/// A look-up is a cache: two sessions are equal whatever theirs hold.
impl PartialEq for Lookup {
    fn eq(&self, _: &Lookup) -> bool {
        true
    }
}

impl std::fmt::Debug for Lookup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lookup")
    }
}

#[cfg(test)]
mod tests {
    use super::super::apply::apply;
    use super::super::fixture::{session, team};
    use super::super::operation::{Change, Edit};
    use super::super::session::{CriterionId, Juror, JurorId, Session, Slot, TeamId};

    /// Every id of the lists, and ids of none, found as a scan finds them.
    fn agrees(s: &Session, more: &[&str]) {
        let ids = s.teams.iter().map(|t| t.id.to_string());
        let ids = ids.chain(s.jurors.iter().map(|j| j.id.to_string()));
        let ids = ids.chain(s.criteria.iter().map(|c| c.id.to_string()));
        let ids: Vec<String> = ids.chain(more.iter().map(|m| m.to_string())).collect();
        for id in &ids {
            let (team, juror, criterion) = (id.into(), id.into(), id.into());
            assert_eq!(s.team(&team), s.teams.iter().find(|t| t.id == *id), "{id}");
            assert_eq!(
                s.juror(&juror),
                s.jurors.iter().find(|j| j.id == *id),
                "{id}"
            );
            let c = s.criteria.iter().find(|c| c.id == *id);
            assert_eq!(s.criterion(&criterion), c, "{id}");
        }
    }

    fn set_team(s: &mut Session, seen: Option<&str>, new: Option<super::Team>, id: &str) {
        let seen = seen
            .and_then(|id| s.team(&id.into()))
            .cloned()
            .map(Box::new);
        let edit = Edit::new(seen, new.map(Box::new));
        let change = Change::SetTeam {
            id: id.into(),
            position: None,
            edit,
        };
        apply(s, &change).unwrap();
    }

    #[test]
    fn teams_added_renamed_and_removed_are_found_as_a_scan_finds_them() {
        let mut s = session();
        agrees(&s, &["T99", "nobody"]);
        assert!(s.lookup.is_built());
        // Added (late, at the end of the list and of the schedule).
        s.schedule.push(Slot::Team { team: "T99".into() });
        set_team(&mut s, None, Some(team("T99", "Late", "", "somme")), "T99");
        assert!(!s.lookup.is_built(), "a change of the roster drops it");
        agrees(&s, &["T99"]);
        assert_eq!(s.team(&"T99".into()).map(|t| t.name.as_str()), Some("Late"));
        // Renamed.
        let mut renamed = s.team(&"T01".into()).cloned().unwrap();
        renamed.name = "Renamed".into();
        set_team(&mut s, Some("T01"), Some(renamed), "T01");
        assert_eq!(
            s.team(&"T01".into()).map(|t| t.name.as_str()),
            Some("Renamed")
        );
        agrees(&s, &[]);
        // Removed: out of the schedule first, then from the list.
        s.schedule
            .retain(|slot| slot.team().is_none_or(|t| *t != "T02"));
        set_team(&mut s, Some("T02"), None, "T02");
        assert_eq!(s.team(&"T02".into()), None);
        assert!(s.team(&"T03".into()).is_some());
        agrees(&s, &["T02"]);
    }

    #[test]
    fn a_list_changed_by_hand_is_still_looked_up_right() {
        let mut s = session();
        agrees(&s, &[]);
        // Without `roster_changed`: places moved, ids gone and new.
        s.teams.remove(0);
        s.teams.push(team("T77", "Hand", "", "nord"));
        s.jurors.reverse();
        s.jurors[0].id = "J-new".into();
        agrees(&s, &["T01", "J-old"]);
        assert!(s.team(&"T77".into()).is_some() && s.team(&"T01".into()).is_none());
        assert!(s.juror(&"J-new".into()).is_some());
        s.roster_changed();
        agrees(&s, &["T01"]);
    }

    #[test]
    fn each_kind_of_id_finds_its_own_kind() {
        let s = session();
        let (team, juror) = (TeamId::from("T01"), JurorId::from("J1"));
        let criterion = CriterionId::from("impact");
        assert_eq!(s.team(&team).map(|t| &t.id), Some(&team));
        assert_eq!(s.juror(&juror).map(|j| &j.id), Some(&juror));
        assert_eq!(s.criterion(&criterion).map(|c| &c.id), Some(&criterion));
        let org = s.team(&team).map(|t| t.org.clone()).unwrap();
        assert_eq!(s.organisation(&org).map(|o| &o.id), Some(&org));
        // A text is looked up as the kind its caller names: a juror's text
        // made a team's id finds no team.
        assert_eq!(s.team(&TeamId::from(juror.as_str())), None);
        assert_eq!(s.juror(&JurorId::from(team.as_str())), None);
    }

    #[test]
    fn the_first_of_two_equal_ids_wins_as_with_a_scan() {
        let mut s = session();
        let mut twin = s.jurors[0].clone();
        twin.name = "Twin".into();
        s.jurors.push(twin);
        let first: &Juror = &s.jurors[0];
        assert!(std::ptr::eq(s.juror(&first.id).unwrap(), first));
    }

    #[test]
    fn never_written_copied_fresh_and_equal_whatever_it_holds() {
        let s = session();
        let before = serde_json::to_string(&s).unwrap();
        agrees(&s, &[]);
        assert!(s.lookup.is_built());
        assert_eq!(serde_json::to_string(&s).unwrap(), before);
        assert!(!before.contains("lookup"));
        let copy = s.clone();
        assert!(!copy.lookup.is_built());
        assert_eq!(copy, s);
        let read: Session = serde_json::from_str(&before).unwrap();
        assert_eq!(read, s);
        agrees(&read, &["T99"]);
    }
}
