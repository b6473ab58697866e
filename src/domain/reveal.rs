//! The reveal of the laureates on the stage display: once the results are
//! final, the moderator shows them one place at a time, from place N down
//! to 1, then the whole list.
//!
//! The laureates are fixed when the reveal begins ([`begin`]): what the
//! audience is shown is what the official ranking said then, recorded in
//! the journal (`Change::SetReveal`), and each step is a cheap count
//! (`Change::SetRevealed`). A place holds every team of a shared rank, so
//! teams tied in place are revealed together.

use serde::{Deserialize, Serialize};

use super::ranking::finality::Finality;
use super::ranking::{self, Ranking};
use super::session::{Session, TeamId};

/// A reveal under way (`Session::reveal`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reveal {
    /// The laureates as the reveal began, best first: one place per rank.
    pub places: Vec<Place>,
    /// How far it has gone: 0, nothing yet (the opening card); `k` up to
    /// the number of places, the `k` last places shown (the `k`-th from the
    /// end in large type); one more, the whole list.
    pub shown: usize,
}

/// One place of the laureates: its rank and its teams (several when they
/// share the rank).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub rank: usize,
    pub teams: Vec<TeamId>,
}

impl Place {
    /// Teams share this place.
    pub fn tied(&self) -> bool {
        self.teams.len() > 1
    }
}

/// What a step of the reveal shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Showing<'a> {
    /// Nothing revealed yet.
    Opening,
    /// One place in large type, with the places revealed before it (from
    /// the one just before, upwards in number).
    Place {
        place: &'a Place,
        before: &'a [Place],
    },
    /// Every laureate, best first.
    List(&'a [Place]),
}

impl Reveal {
    /// A reveal of `places` (best first) with nothing shown yet.
    pub fn new(places: Vec<Place>) -> Reveal {
        Reveal { places, shown: 0 }
    }

    /// The step that shows the whole list: the last one.
    pub fn last_step(&self) -> usize {
        self.places.len() + 1
    }

    /// What step `step` shows (past the last, the whole list).
    pub fn at(&self, step: usize) -> Showing<'_> {
        let n = self.places.len();
        match step {
            0 => Showing::Opening,
            k if k <= n => Showing::Place {
                place: &self.places[n - k],
                before: &self.places[n - k + 1..],
            },
            _ => Showing::List(&self.places),
        }
    }

    /// What the audience sees now.
    pub fn showing(&self) -> Showing<'_> {
        self.at(self.shown)
    }

    /// The step after this one, if the whole list is not shown yet.
    pub fn next_step(&self) -> Option<usize> {
        (self.shown < self.last_step()).then_some(self.shown + 1)
    }

    /// What the next step shows, if any.
    pub fn upcoming(&self) -> Option<Showing<'_>> {
        self.next_step().map(|step| self.at(step))
    }

    /// How many teams are laureates.
    pub fn teams(&self) -> usize {
        self.places.iter().map(|p| p.teams.len()).sum()
    }
}

/// Why a reveal cannot begin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevealProblem {
    /// The results are sealed.
    Sealed,
    /// A reveal is already under way.
    AlreadyRevealing,
    /// Teams are tied at the cut-off and the jury has not decided.
    TieWaiting,
    /// A decision of the jury no longer fits the scores.
    StaleDecision,
    /// Expected sheets do not count yet: the laureates may still change.
    Provisional(Finality),
    /// No team has a sheet that counts.
    NoLaureate,
}

/// The places of the laureates of a ranking, best first.
pub fn places(ranking: &Ranking) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    for row in ranking.ranking.iter().filter(|r| r.laureate) {
        match out.last_mut() {
            Some(place) if place.rank == row.rank => place.teams.push(row.team.clone()),
            _ => out.push(Place {
                rank: row.rank,
                teams: vec![row.team.clone()],
            }),
        }
    }
    out
}

/// The reveal of `session`'s laureates under the official method, or why
/// it cannot begin: while the results are sealed, while one is under way, or while the
/// laureates are not known for sure (a tie waiting for the jury, a stale
/// decision, sheets that do not count yet).
pub fn begin(session: &Session) -> Result<Reveal, RevealProblem> {
    if session.is_sealed() {
        return Err(RevealProblem::Sealed);
    }
    if session.reveal.is_some() {
        return Err(RevealProblem::AlreadyRevealing);
    }
    let ranking = ranking::rank(session, session.settings.method);
    let finality = Finality::of(&ranking);
    if finality.ties_waiting > 0 {
        return Err(RevealProblem::TieWaiting);
    }
    if finality.stale_decisions > 0 {
        return Err(RevealProblem::StaleDecision);
    }
    if !finality.is_final() {
        return Err(RevealProblem::Provisional(finality));
    }
    let places = places(&ranking);
    if places.is_empty() {
        return Err(RevealProblem::NoLaureate);
    }
    Ok(Reveal::new(places))
}

#[cfg(test)]
mod tests;
