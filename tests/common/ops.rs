//! Helpers for the operation tests: apply, refuse, round trip.
#![allow(dead_code)]

use podium::domain::{Change, Edit, Mark, Refusal, Session, Sheet, apply};

use super::{dec, session, set_cell};

/// T1, T3 (somme), T2 (nord); J1, J2 (somme); c1 0–10 step 1, c2 0–20 step 0.5.
pub fn base() -> Session {
    let mut s = session("ops", 3, 2);
    s.revision = 7;
    s
}

/// The change is refused, the session left exactly as it was.
pub fn refused(s: &Session, change: Change) -> Refusal {
    let mut copy = s.clone();
    let refusal = apply(&mut copy, &change).expect_err("should be refused");
    assert_eq!(&copy, s, "a refused change altered the session");
    refusal
}

/// The change applies and changes the session; its inverse gives the
/// session back; the inverse of the inverse is the change. Returns the
/// session with the change applied.
pub fn round_trip(s: &Session, change: Change) -> Session {
    let mut after = s.clone();
    apply(&mut after, &change).unwrap_or_else(|r| panic!("{change:?}: {r:?}"));
    assert_ne!(&after, s, "{change:?} changed nothing");
    let inverse = change
        .inverse()
        .expect("every change but the creation has an inverse");
    assert_eq!(inverse.inverse().as_ref(), Some(&change));
    let mut back = after.clone();
    apply(&mut back, &inverse).unwrap_or_else(|r| panic!("inverse of {change:?}: {r:?}"));
    assert_eq!(
        &back, s,
        "the inverse of {change:?} did not give the session back"
    );
    after
}

pub fn with(s: &Session, changes: &[Change]) -> Session {
    let mut s = s.clone();
    for c in changes {
        apply(&mut s, c).unwrap_or_else(|r| panic!("{c:?}: {r:?}"));
    }
    s
}

pub fn sheet(mark: Option<Mark>, values: &[(&str, &str)], handwritten: Option<&str>) -> Sheet {
    Sheet {
        mark,
        values: values.iter().map(|(c, v)| ((*c).into(), dec(v))).collect(),
        handwritten: handwritten.map(dec),
    }
}

pub fn set_sheet(team: &str, juror: &str, seen: Sheet, new: Sheet) -> Change {
    Change::SetSheet {
        team: team.into(),
        juror: juror.into(),
        edit: Edit::new(seen, new),
    }
}

pub fn handwritten(seen: Option<&str>, new: Option<&str>) -> Change {
    Change::SetHandwritten {
        team: "T1".into(),
        juror: "J1".into(),
        edit: Edit::new(seen.map(dec), new.map(dec)),
    }
}

pub fn scored(s: &Session) -> Session {
    with(s, &[set_cell("T1", "J1", "c1", None, Some(dec("5")))])
}
