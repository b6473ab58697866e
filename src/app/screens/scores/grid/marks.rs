//! Whole-sheet and whole-grid actions: absences and verification.

use super::super::NotSent;
use super::{Ask, Grid, Status, scheduled};
use crate::domain::scoring;
use crate::domain::{BatchLabel, Change, Edit, Mark, PairState, Session, Sheet, TeamId};

impl Grid {
    /// `a`: the juror is absent for this team, or present again.
    pub(super) fn absent(&mut self, session: &Session) -> Option<Change> {
        self.toggle_mark(session, Mark::Absent)
    }

    /// `R`: an explicit recusal of the juror for this team, or its lifting.
    /// The automatic (same organisation) recusal is derived, not a mark.
    pub(super) fn recuse(&mut self, session: &Session) -> Option<Change> {
        self.toggle_mark(session, Mark::Recused)
    }

    /// Set `mark` on the juror's sheet for this team, or lift it when it is
    /// already there. Recording a mark clears the values, so it asks first
    /// when there are any.
    fn toggle_mark(&mut self, session: &Session, mark: Mark) -> Option<Change> {
        let team = self.team.clone()?;
        let t = session.team(&team)?;
        let juror = session.jurors.get(self.row)?;
        if session.verified.contains(&team) {
            self.status = Some(Status::Locked);
            return None;
        }
        let seen = self.sheet(session, &team, &juror.id);
        let new = match (session.excuse(t, juror), mark) {
            (Some(PairState::Absent), Mark::Absent) | (Some(PairState::Recused), Mark::Recused) => {
                Sheet::default()
            }
            (None, _) | (Some(PairState::Absent), Mark::Recused) => Sheet {
                mark: Some(mark),
                ..Sheet::default()
            },
            (Some(status), _) => {
                self.status = Some(Status::NotSent(NotSent::NotScored {
                    juror: juror.id.clone(),
                    status,
                }));
                return None;
            }
        };
        let change = Change::SetSheet {
            team,
            juror: juror.id.clone(),
            edit: Edit::new(seen.clone(), new),
        };
        if seen.mark.is_none() && !seen.is_empty() {
            let juror = juror.id.clone();
            self.status = Some(Status::Ask(match mark {
                Mark::Absent => Ask::Absent { juror, change },
                Mark::Recused => Ask::Recuse { juror, change },
            }));
            return None;
        }
        self.drop_input();
        self.status = None;
        Some(change)
    }

    pub(super) fn absent_for_rest(&mut self, session: &Session) -> Option<Change> {
        let team = self.team.clone()?;
        let juror = session.jurors.get(self.row)?.clone();
        let order: Vec<&TeamId> = scheduled(session).collect();
        let start = order.iter().position(|t| **t == team).unwrap_or(0);
        let mut teams = Vec::new();
        let mut changes = Vec::new();
        let (mut locked, mut scored) = (Vec::new(), Vec::new());
        for (i, id) in order.iter().enumerate().skip(start) {
            let Some(t) = session.team(id) else { continue };
            if !session.expects(t, &juror) {
                continue;
            }
            // Verified teams are locked: left alone, and the question says so.
            if session.verified.contains(*id) {
                locked.push((*id).clone());
                continue;
            }
            let seen = self.sheet(session, id, &juror.id);
            // Later teams already scored by this juror are left alone.
            if i > start && !seen.is_empty() {
                scored.push((*id).clone());
                continue;
            }
            teams.push((*id).clone());
            changes.push(Change::SetSheet {
                team: (*id).clone(),
                juror: juror.id.clone(),
                edit: Edit::new(
                    seen,
                    Sheet {
                        mark: Some(Mark::Absent),
                        ..Sheet::default()
                    },
                ),
            });
        }
        if changes.is_empty() {
            self.status = Some(Status::NothingToMark { locked });
            return None;
        }
        let change = Change::Batch {
            label: BatchLabel::AbsentFromRest {
                juror: juror.id.clone(),
                from: team.clone(),
            },
            changes,
        };
        self.status = Some(Status::Ask(Ask::AbsentForRest {
            juror: juror.id,
            teams,
            locked,
            scored,
            change,
        }));
        None
    }

    pub(super) fn verify(&mut self, session: &Session) -> Option<Change> {
        let team = self.team.clone()?;
        if session.verified.contains(&team) {
            self.status = Some(Status::Ask(Ask::Unverify {
                change: Change::SetVerified {
                    team,
                    edit: Edit::new(true, false),
                },
            }));
            return None;
        }
        if self.half_typed() {
            // Verify what is entered, not what is still being typed.
            self.status = Some(Status::FinishEntry);
            return None;
        }
        let not_counting = session
            .team(&team)
            .map(|t| {
                session
                    .jurors
                    .iter()
                    .filter(|j| {
                        session.expects(t, j)
                            && !scoring::summarize(&session.criteria, session.sheet(&team, &j.id))
                                .counts()
                    })
                    .count()
            })
            .unwrap_or(0);
        let change = Change::SetVerified {
            team,
            edit: Edit::new(false, true),
        };
        if not_counting > 0 {
            // Some expected sheets do not count yet: ask first.
            self.status = Some(Status::Ask(Ask::VerifyIncomplete {
                not_counting,
                change,
            }));
            return None;
        }
        self.status = Some(Status::Verified { not_counting });
        Some(change)
    }
}
