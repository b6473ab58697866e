//! Consistency of a whole session: what `check` reports and what every
//! structural operation must keep true. Each problem is a typed value; the
//! sentences are in `crate::words::validate` (`Problem::message`).

use std::collections::BTreeSet;

use super::decimal::Dec;
use super::session::{CriterionId, JurorId, Mark, OrgId, Session, Slot, TeamId};

/// One thing wrong with a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    DuplicateId {
        kind: Kind,
        id: String,
    },
    EmptyId {
        kind: Kind,
    },
    UnknownOrganisation {
        kind: Kind,
        id: String,
        org: OrgId,
    },
    NotScheduled {
        team: TeamId,
    },
    ScheduledTwice {
        team: TeamId,
    },
    ScheduleUnknownTeam {
        team: TeamId,
    },
    WeightNotPositive {
        criterion: CriterionId,
    },
    MinNotBelowMax {
        criterion: CriterionId,
    },
    StepNotPositive {
        criterion: CriterionId,
    },
    SheetUnknownTeam {
        team: TeamId,
        juror: JurorId,
    },
    SheetUnknownJuror {
        team: TeamId,
        juror: JurorId,
    },
    SheetUnknownCriterion {
        team: TeamId,
        juror: JurorId,
        criterion: CriterionId,
    },
    ValueRejected {
        team: TeamId,
        juror: JurorId,
        criterion: CriterionId,
        value: Dec,
    },
    MarkedSheetHasValues {
        team: TeamId,
        juror: JurorId,
    },
    RecusedPairHasValues {
        team: TeamId,
        juror: JurorId,
    },
    VerifiedUnknownTeam {
        team: TeamId,
    },
    DecisionUnknownTeam {
        team: TeamId,
    },
    TieBreakUnknownCriterion {
        criterion: CriterionId,
    },
    LaureatesZero,
    MinSheetsZero,
    AlarmAfterWarning,
    StageUnknownTeam {
        team: TeamId,
    },
    QuestionUnknown {
        team: TeamId,
        juror: JurorId,
    },
    /// An id or a name holds a control character (ESC, BEL, CR…) or a
    /// bidirectional override: it could drive a terminal or disguise itself.
    UnsafeText {
        kind: Kind,
        id: String,
    },
    /// A text longer than its limit ([`Text::max`]): a paste of a whole
    /// page, or a name hand-edited into the file.
    TooLong {
        kind: Kind,
        id: String,
        text: Text,
        max: usize,
    },
}

/// The longest id, name, title, label or role, in characters.
pub const NAME_MAX: usize = 200;
/// The longest one-line summary of a team's project, in characters.
pub const SUMMARY_MAX: usize = 500;

/// Which text of an item (for [`Problem::TooLong`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Id,
    Name,
    Title,
    Place,
    Project,
    Summary,
    Member,
    Role,
    Label,
}

impl Text {
    /// The most characters the text may hold.
    pub fn max(self) -> usize {
        match self {
            Text::Summary => SUMMARY_MAX,
            _ => NAME_MAX,
        }
    }
}

/// Whether a text holds more characters than `max` (counting stops there).
pub fn is_too_long(text: &str, max: usize) -> bool {
    text.chars().nth(max).is_some()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Organisation,
    Team,
    Juror,
    Criterion,
    Break,
    /// The message to the speaker.
    Message,
    /// The event (its title, its place).
    Event,
}

fn unique<'a>(
    kind: Kind,
    ids: impl Iterator<Item = &'a str>,
    problems: &mut Vec<Problem>,
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.trim().is_empty() {
            problems.push(Problem::EmptyId { kind });
        } else if !seen.insert(id) {
            problems.push(Problem::DuplicateId {
                kind,
                id: id.to_string(),
            });
        }
    }
    seen
}

/// The ids of each list, once each, as found.
struct Ids<'a> {
    orgs: BTreeSet<&'a str>,
    teams: BTreeSet<&'a str>,
    jurors: BTreeSet<&'a str>,
    criteria: BTreeSet<&'a str>,
}

/// Every consistency problem of the session, in a stable order.
pub fn problems(s: &Session) -> Vec<Problem> {
    let mut out = Vec::new();
    let ids = ids(s, &mut out);
    organisations(s, &ids, &mut out);
    schedule(s, &ids, &mut out);
    criteria(s, &mut out);
    sheets(s, &mut out);
    references(s, &ids, &mut out);
    settings(s, &mut out);
    live(s, &ids, &mut out);
    texts(s, &mut out);
    lengths(s, &mut out);
    out
}

/// The problems of `after` (a session once changed) that `before` did not
/// already have: a name too long since an older version is left for `check`
/// to report, and a change that does not touch it is not refused for it.
pub fn introduced(before: &Session, after: Vec<Problem>) -> Vec<Problem> {
    if !after.iter().any(|p| matches!(p, Problem::TooLong { .. })) {
        return after;
    }
    let mut old = Vec::new();
    lengths(before, &mut old);
    after.into_iter().filter(|p| !old.contains(p)).collect()
}

/// Texts within their limits ([`Text::max`]), one problem per text too
/// long (naming its item by its id).
fn lengths(s: &Session, out: &mut Vec<Problem>) {
    use Text::*;
    let mut check = |kind: Kind, id: &str, texts: &[(Text, &str)]| {
        for &(text, value) in texts {
            if is_too_long(value, text.max()) {
                out.push(Problem::TooLong {
                    kind,
                    id: id.to_string(),
                    text,
                    max: text.max(),
                });
            }
        }
    };
    let event = &s.event;
    check(
        Kind::Event,
        "",
        &[(Title, &event.title), (Place, &event.place)],
    );
    for o in &s.organisations {
        check(Kind::Organisation, &o.id, &[(Id, &o.id), (Name, &o.name)]);
    }
    for t in &s.teams {
        let texts = [(Id, &*t.id), (Name, &t.name), (Project, &t.project)];
        check(Kind::Team, &t.id, &texts);
        check(Kind::Team, &t.id, &[(Summary, &t.summary)]);
        let members: Vec<(Text, &str)> = t.members.iter().map(|m| (Member, &**m)).collect();
        check(Kind::Team, &t.id, &members);
    }
    for j in &s.jurors {
        let texts = [(Id, &*j.id), (Name, &j.name), (Role, &j.role)];
        check(Kind::Juror, &j.id, &texts);
    }
    for c in &s.criteria {
        check(Kind::Criterion, &c.id, &[(Id, &c.id), (Label, &c.label)]);
    }
    for slot in &s.schedule {
        if let Slot::Break { id, label, .. } = slot {
            check(Kind::Break, id, &[(Id, id), (Label, label)]);
        }
    }
    if let Some(super::session::Message::Text(t)) = &s.message {
        check(Kind::Message, "", &[(Label, t)]);
    }
}

/// A character no id or name may hold: a control character (C0, DEL, C1:
/// ESC, BEL, CR, tab, newline…) or a bidirectional embedding, override or
/// isolate (U+202A–U+202E, U+2066–U+2069). The one rule both the refusal of
/// names and the terminal's escaping (`words::for_terminal`) follow.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a text holds a character of [`is_unsafe_char`].
pub fn is_unsafe_text(text: &str) -> bool {
    text.chars().any(is_unsafe_char)
}

/// Ids and names free of [`is_unsafe_char`], item by item (one problem per
/// item, naming it by its id).
fn texts(s: &Session, out: &mut Vec<Problem>) {
    let orgs = s.organisations.iter().map(|o| {
        let texts = vec![o.id.as_str(), &o.name];
        (Kind::Organisation, o.id.as_str(), texts)
    });
    let teams = s.teams.iter().map(|t| {
        let texts = vec![t.id.as_str(), &t.name, &t.project, &t.summary, &t.org];
        (Kind::Team, t.id.as_str(), texts)
    });
    let jurors = s.jurors.iter().map(|j| {
        let texts = vec![j.id.as_str(), &j.name, &j.role, &j.org];
        (Kind::Juror, j.id.as_str(), texts)
    });
    let criteria = s.criteria.iter().map(|c| {
        let texts = vec![c.id.as_str(), &c.label];
        (Kind::Criterion, c.id.as_str(), texts)
    });
    let breaks = s.schedule.iter().filter_map(|slot| match slot {
        Slot::Break { id, label, .. } => Some((Kind::Break, id.as_str(), vec![id.as_str(), label])),
        Slot::Team { .. } => None,
    });
    let message = s.message.iter().filter_map(|m| match m {
        super::session::Message::Text(t) => Some((Kind::Message, t.as_str(), vec![t.as_str()])),
        super::session::Message::Conclude => None,
    });
    for (kind, id, texts) in orgs
        .chain(teams)
        .chain(jurors)
        .chain(criteria)
        .chain(breaks)
        .chain(message)
    {
        if texts.iter().any(|t| is_unsafe_text(t)) {
            out.push(Problem::UnsafeText {
                kind,
                id: id.to_string(),
            });
        }
    }
}

/// Ids empty or defined twice, list by list.
fn ids<'a>(s: &'a Session, out: &mut Vec<Problem>) -> Ids<'a> {
    let orgs = unique(
        Kind::Organisation,
        s.organisations.iter().map(|o| o.id.as_str()),
        out,
    );
    let teams = unique(Kind::Team, s.teams.iter().map(|t| t.id.as_str()), out);
    let jurors = unique(Kind::Juror, s.jurors.iter().map(|j| j.id.as_str()), out);
    let criteria = unique(
        Kind::Criterion,
        s.criteria.iter().map(|c| c.id.as_str()),
        out,
    );
    unique(
        Kind::Break,
        s.schedule.iter().filter_map(|slot| match slot {
            Slot::Break { id, .. } => Some(id.as_str()),
            Slot::Team { .. } => None,
        }),
        out,
    );
    Ids {
        orgs,
        teams,
        jurors,
        criteria,
    }
}

/// Every team and juror belongs to a known organisation.
fn organisations(s: &Session, ids: &Ids, out: &mut Vec<Problem>) {
    let teams = s.teams.iter().map(|t| (Kind::Team, t.id.as_str(), &t.org));
    let jurors = s
        .jurors
        .iter()
        .map(|j| (Kind::Juror, j.id.as_str(), &j.org));
    for (kind, id, org) in teams.chain(jurors) {
        if !ids.orgs.contains(org.as_str()) {
            out.push(Problem::UnknownOrganisation {
                kind,
                id: id.to_string(),
                org: org.clone(),
            });
        }
    }
}

/// Every team is in the schedule once, and only known teams are.
fn schedule(s: &Session, ids: &Ids, out: &mut Vec<Problem>) {
    let mut scheduled = BTreeSet::new();
    for team in s.schedule.iter().filter_map(Slot::team) {
        if !ids.teams.contains(team.as_str()) {
            out.push(Problem::ScheduleUnknownTeam { team: team.clone() });
        } else if !scheduled.insert(team.as_str()) {
            out.push(Problem::ScheduledTwice { team: team.clone() });
        }
    }
    for t in &s.teams {
        if !scheduled.contains(t.id.as_str()) {
            out.push(Problem::NotScheduled { team: t.id.clone() });
        }
    }
}

/// Every criterion has a positive weight and step, and a minimum below its
/// maximum.
fn criteria(s: &Session, out: &mut Vec<Problem>) {
    for c in &s.criteria {
        let criterion = || c.id.clone();
        if c.weight <= Dec::ZERO {
            out.push(Problem::WeightNotPositive {
                criterion: criterion(),
            });
        }
        if c.min >= c.max {
            out.push(Problem::MinNotBelowMax {
                criterion: criterion(),
            });
        }
        if c.step <= Dec::ZERO {
            out.push(Problem::StepNotPositive {
                criterion: criterion(),
            });
        }
    }
}

/// Every sheet is of a known pair, with accepted values, and none where no
/// sheet is expected.
fn sheets(s: &Session, out: &mut Vec<Problem>) {
    for (key, sheet) in &s.sheets {
        let (team, juror) = (key.team.clone(), key.juror.clone());
        let known_team = s.team(&key.team);
        let known_juror = s.juror(&key.juror);
        if known_team.is_none() {
            out.push(Problem::SheetUnknownTeam {
                team: team.clone(),
                juror: juror.clone(),
            });
        }
        if known_juror.is_none() {
            out.push(Problem::SheetUnknownJuror {
                team: team.clone(),
                juror: juror.clone(),
            });
        }
        for (criterion, value) in &sheet.values {
            match s.criterion(criterion) {
                None => out.push(Problem::SheetUnknownCriterion {
                    team: team.clone(),
                    juror: juror.clone(),
                    criterion: criterion.clone(),
                }),
                Some(c) if !c.accepts(*value) => out.push(Problem::ValueRejected {
                    team: team.clone(),
                    juror: juror.clone(),
                    criterion: criterion.clone(),
                    value: *value,
                }),
                Some(_) => {}
            }
        }
        let has_values = !sheet.values.is_empty() || sheet.handwritten.is_some();
        if has_values && matches!(sheet.mark, Some(Mark::Absent | Mark::Recused)) {
            out.push(Problem::MarkedSheetHasValues { team, juror });
        } else if let (Some(t), Some(j)) = (known_team, known_juror)
            && has_values
            && s.auto_recused(t, j)
        {
            out.push(Problem::RecusedPairHasValues { team, juror });
        }
    }
}

/// The verified teams, the decisions and the tie-break name known items.
fn references(s: &Session, ids: &Ids, out: &mut Vec<Problem>) {
    for team in &s.verified {
        if !ids.teams.contains(team.as_str()) {
            out.push(Problem::VerifiedUnknownTeam { team: team.clone() });
        }
    }
    for team in s.decisions.iter().flat_map(|d| &d.teams) {
        if !ids.teams.contains(team.as_str()) {
            out.push(Problem::DecisionUnknownTeam { team: team.clone() });
        }
    }
    for c in &s.settings.tie_break {
        if !ids.criteria.contains(c.as_str()) {
            out.push(Problem::TieBreakUnknownCriterion {
                criterion: c.clone(),
            });
        }
    }
}

/// The settings' numbers make sense.
fn settings(s: &Session, out: &mut Vec<Problem>) {
    if s.settings.laureates == 0 {
        out.push(Problem::LaureatesZero);
    }
    if s.settings.min_sheets == 0 {
        out.push(Problem::MinSheetsZero);
    }
    if s.settings.alarm_secs > s.settings.warning_secs {
        out.push(Problem::AlarmAfterWarning);
    }
}

/// The stage, the question queue and the questions name known teams and
/// jurors.
fn live(s: &Session, ids: &Ids, out: &mut Vec<Problem>) {
    if let Some(team) = &s.stage.team
        && !ids.teams.contains(team.as_str())
    {
        out.push(Problem::StageUnknownTeam { team: team.clone() });
    }
    for q in s
        .queue
        .iter()
        .map(|q| (&q.team, &q.juror))
        .chain(s.questions.iter().map(|q| (&q.team, &q.juror)))
    {
        if !ids.teams.contains(q.0.as_str()) || !ids.jurors.contains(q.1.as_str()) {
            out.push(Problem::QuestionUnknown {
                team: q.0.clone(),
                juror: q.1.clone(),
            });
        }
    }
}
