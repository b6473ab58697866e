//! The results screen inside the app: which method is shown, the selected
//! row, the team detail, and the form that records the jury's decision on
//! a tie at the laureate cut-off (saved as `Change::AddDecision`).

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;

use super::Reply;
use crate::app::App;
use crate::app::action::Job;
use crate::app::keys::{Binding, CommonHelp, Key, Rank, bind};
use crate::app::notice::Notice;
use crate::domain::ranking::decisions::{DecisionProblem, problems};
use crate::domain::ranking::robustness::Search;
use crate::domain::ranking::{self, Ranking};
use crate::domain::validate::is_unsafe_char;
use crate::domain::{Change, Decision, DecisionKind, Method, Session, TeamId};

mod seal;
pub mod view;

pub use seal::seal_key;

/// A key of the results screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultsKey {
    /// Show the next method (the official one, then the others).
    NextMethod,
    Up,
    Down,
    PageUp,
    PageDown,
    /// Open or close the selected team's detail.
    Detail,
    /// Record a decision on the tie at the cut-off.
    Decide,
    /// Look for the smallest change to one cell that alters the laureates.
    Sensitivity,
    // In the decision form.
    /// The jury fixes an order.
    Order,
    /// The jury admits every tied team.
    Admit,
    /// Move the selected team up (or down) in the decided order.
    MoveUp,
    MoveDown,
    /// Enter: next field, or record.
    Confirm,
    /// Esc: close the detail, or abandon the decision.
    Cancel,
    /// A character typed in a text field.
    Char(char),
    Backspace,
    /// Ask before sealing (or unsealing) the results.
    Seal,
    /// The question answered yes: seal or unseal.
    SealConfirmed,
}

impl ResultsKey {
    /// Whether the key only looks around (nothing to save).
    pub fn only_looks(self) -> bool {
        matches!(
            self,
            ResultsKey::NextMethod
                | ResultsKey::Up
                | ResultsKey::Down
                | ResultsKey::PageUp
                | ResultsKey::PageDown
                | ResultsKey::Detail
                | ResultsKey::Sensitivity
                | ResultsKey::Cancel
        )
    }

    /// A text field's binding with the character typed.
    pub fn typed(self, c: char) -> ResultsKey {
        match self {
            ResultsKey::Char(_) => ResultsKey::Char(c),
            other => other,
        }
    }
}

impl From<ResultsKey> for crate::app::Action {
    fn from(key: ResultsKey) -> crate::app::Action {
        crate::app::Action::Key(super::ScreenKey::Results(key))
    }
}

/// Where the decision form is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Order or admit; the order itself.
    Choice,
    /// Typing who decided (a text field).
    By,
    /// Typing the reason (a text field).
    Reason,
}

/// The decision being written for the group straddling the cut-off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionForm {
    /// The group's teams; for an order, in the order decided so far.
    pub teams: Vec<TeamId>,
    pub kind: DecisionKind,
    pub step: Step,
    /// The selected team in the order.
    pub cursor: usize,
    pub by: String,
    pub reason: String,
    /// Why the last attempt was refused.
    pub problems: Vec<DecisionProblem>,
}

/// The results screen's state (not saved).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// A method shown for comparison; `None`: the official one.
    pub method: Option<Method>,
    /// Selected row of the ranking.
    pub row: usize,
    /// The selected team's detail is open.
    pub detail: bool,
    pub form: Option<DecisionForm>,
    /// The last search for the smallest change that alters the laureates.
    pub sensitivity: Option<Sensitivity>,
    /// The figures drawn, kept fresh by `update` (see [`refresh`]).
    pub view: view::View,
}

/// The search for the smallest change that alters the laureates, on the
/// session's state it was started on (its id and revision). It runs off
/// the key handler, on the loop's worker (`Effect::Run`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sensitivity {
    pub session: String,
    pub revision: u64,
    /// How many rankings it may try.
    pub budget: usize,
    /// `None` while it runs.
    pub found: Option<Search>,
}

impl Results {
    /// The method shown.
    pub fn method(&self, session: &Session) -> Method {
        self.method.unwrap_or(session.settings.method)
    }

    /// Whether a text field has the keyboard.
    pub fn typing(&self) -> bool {
        self.form
            .as_ref()
            .is_some_and(|f| matches!(f.step, Step::By | Step::Reason))
    }

    /// The ranking shown.
    pub fn ranking(&self, session: &Session) -> Ranking {
        ranking::rank(session, self.method(session))
    }

    /// The ranking shown and the other methods' laureates (what the
    /// screen draws from), as `update` last computed them.
    pub fn computed(&self, session: &Session) -> std::rc::Rc<view::Computed> {
        self.view.get(session, self.method(session))
    }

    /// The search for the smallest change, if started on this very state.
    pub fn sensitivity(&self, session: &Session) -> Option<&Sensitivity> {
        self.sensitivity
            .as_ref()
            .filter(|s| s.session == session.id && s.revision == session.revision)
    }

    /// The selected team, if any.
    pub fn selected(&self, ranking: &Ranking) -> Option<TeamId> {
        let last = ranking.ranking.len().checked_sub(1)?;
        Some(ranking.ranking[self.row.min(last)].team.clone())
    }
}

/// How many rankings `s` may try: a ranking's cost grows with the number
/// of possible cells, so the budget shrinks as the forum grows (between 20
/// and 20,000 rankings) and the search stays short; it says when it stopped.
fn search_budget(session: &Session) -> usize {
    let cells = (session.teams.len() * session.jurors.len() * session.criteria.len()).max(1);
    (25_000_000 / cells).clamp(20, 20_000)
}

/// Rows moved by PgUp / PgDn.
const PAGE: usize = 10;

/// The screen's keys in its state now: the ranking's, the decision
/// form's, or a text field's; while the results are sealed, the one that
/// unseals.
pub fn bindings(app: &App) -> Vec<Binding<ResultsKey>> {
    if app.text_field_active() {
        text_bindings()
    } else if app.session.is_sealed() {
        vec![seal_key(true)]
    } else {
        let form = app.results.form.is_some();
        let mut all = table(form);
        if !form {
            all.push(seal_key(false));
        }
        all
    }
}

/// The words of the results' own keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultsHelp {
    Abandon,
    AbandonShort,
    Order,
    OrderShort,
    Admit,
    AdmitShort,
    MoveUp,
    MoveDown,
    Continue,
    ContinueShort,
    NextMethod,
    NextMethodShort,
    Detail,
    DetailShort,
    CloseDetail,
    Sensitivity,
    Decide,
    DecideShort,
    ConfirmField,
    EraseShort,
    Seal,
    SealShort,
    Unseal,
    UnsealShort,
}

/// ↑ and ↓: the previous and next team (of the ranking, or of the order
/// being decided).
fn arrows() -> [Binding<ResultsKey>; 2] {
    [
        bind(
            Key::Code(KeyCode::Up),
            ResultsKey::Up,
            CommonHelp::PreviousTeam,
        ),
        bind(
            Key::Code(KeyCode::Down),
            ResultsKey::Down,
            CommonHelp::NextTeam,
        ),
    ]
}

/// Esc while deciding: nothing is saved.
fn abandon() -> Binding<ResultsKey> {
    bind(
        Key::Code(KeyCode::Esc),
        ResultsKey::Cancel,
        ResultsHelp::Abandon,
    )
    .foot(ResultsHelp::AbandonShort)
}

/// The ranking's keys, or the form's when it is open on its first step.
fn table(form_open: bool) -> Vec<Binding<ResultsKey>> {
    use ResultsHelp as H;
    use ResultsKey as R;
    let (up, down) = (Key::Shift(KeyCode::Up), Key::Shift(KeyCode::Down));
    if form_open {
        let mut all = vec![
            bind(Key::Char('o'), R::Order, H::Order).foot(H::OrderShort),
            bind(Key::Char('a'), R::Admit, H::Admit).foot(H::AdmitShort),
        ];
        all.extend(arrows());
        all.extend([
            bind(Key::Char('K'), R::MoveUp, H::MoveUp).or(up),
            bind(Key::Char('J'), R::MoveDown, H::MoveDown).or(down),
            bind(Key::Code(KeyCode::Enter), R::Confirm, H::Continue).foot(H::ContinueShort),
            abandon(),
        ]);
        return all;
    }
    let mut all = vec![bind(Key::Char('m'), R::NextMethod, H::NextMethod).foot(H::NextMethodShort)];
    all.extend(arrows());
    all.extend([
        bind(
            Key::Code(KeyCode::PageUp),
            R::PageUp,
            CommonHelp::PreviousPage,
        ),
        bind(
            Key::Code(KeyCode::PageDown),
            R::PageDown,
            CommonHelp::NextPage,
        ),
        // At 80 columns the detail gives way to deciding, sealing and
        // the reveal (the `?` list keeps it).
        bind(Key::Code(KeyCode::Enter), R::Detail, H::Detail)
            .foot(H::DetailShort)
            .rank(Rank::Extra),
        bind(Key::Code(KeyCode::Esc), R::Cancel, H::CloseDetail),
        bind(Key::Char('s'), R::Sensitivity, H::Sensitivity),
        bind(Key::Char('d'), R::Decide, H::Decide).foot(H::DecideShort),
    ]);
    all
}

/// The keys of a text field: every printable key is text.
fn text_bindings() -> Vec<Binding<ResultsKey>> {
    use ResultsKey as R;
    vec![
        bind(Key::Text, R::Char(' '), CommonHelp::TypeText),
        bind(
            Key::Code(KeyCode::Enter),
            R::Confirm,
            ResultsHelp::ConfirmField,
        )
        .foot(CommonHelp::Confirm),
        abandon(),
        bind(
            Key::Code(KeyCode::Backspace),
            R::Backspace,
            CommonHelp::EraseCharacter,
        )
        .foot(ResultsHelp::EraseShort),
    ]
}

pub fn handle(app: &mut App, key: ResultsKey, now: DateTime<Utc>) -> Reply {
    match key {
        ResultsKey::Seal => return seal::ask(app),
        ResultsKey::SealConfirmed => return seal::seal(app),
        // Sealed: nothing of the ranking is looked at or decided.
        _ if app.session.is_sealed() => return Reply::none(),
        _ => {}
    }
    if app.results.form.is_some() && app.projector {
        // Never type into a form nobody can see.
        app.results.form = None;
        return Reply::say(Notice::ProjectorDecisionAbandoned);
    }
    if app.results.form.is_some() {
        return handle_form(app, key, now);
    }
    let mut reply = Reply::none();
    match key {
        ResultsKey::NextMethod => {
            let official = app.session.settings.method;
            let shown = app.results.method(&app.session);
            let i = Method::ALL.iter().position(|m| *m == shown).unwrap_or(0);
            let next = Method::ALL[(i + 1) % Method::ALL.len()];
            // The selection stays on its team, wherever the method puts it.
            let team = app
                .results
                .selected(&app.results.computed(&app.session).ranking);
            app.results.method = (next != official).then_some(next);
            refresh(app);
            let computed = app.results.computed(&app.session);
            if let Some(row) =
                team.and_then(|t| computed.ranking.ranking.iter().position(|r| r.team == t))
            {
                app.results.row = row;
            }
        }
        ResultsKey::Up => app.results.row = app.results.row.saturating_sub(1),
        ResultsKey::Down => app.results.row += 1,
        ResultsKey::PageUp => app.results.row = app.results.row.saturating_sub(PAGE),
        ResultsKey::PageDown => app.results.row += PAGE,
        ResultsKey::Detail => app.results.detail = !app.results.detail,
        ResultsKey::Cancel => app.results.detail = false,
        ResultsKey::Decide => reply = decide(app),
        ResultsKey::Sensitivity if !app.projector => {
            let s = &app.session;
            if app.results.sensitivity(s).is_none() {
                let budget = search_budget(s);
                app.results.sensitivity = Some(Sensitivity {
                    session: s.id.clone(),
                    revision: s.revision,
                    budget,
                    found: None,
                });
                reply.job = Some(Job::Sensitivity {
                    session: Box::new(Session::clone(s)),
                    budget,
                });
            }
        }
        _ => {}
    }
    clamp(app);
    reply
}

/// A search for the smallest change came back: kept if it was made on
/// the state it was started on.
pub fn searched(app: &mut App, session: &str, revision: u64, found: Search) {
    if let Some(s) = app.results.sensitivity.as_mut()
        && s.session == session
        && s.revision == revision
    {
        s.found = Some(found);
    }
}

/// Keep the view model fresh (after every update on this screen): the
/// figures are computed here, never while drawing.
pub fn refresh(app: &mut App) {
    let method = app.results.method(&app.session);
    app.results.view.refresh(&app.session, method);
}

/// Keep the selection on a row.
pub fn clamp(app: &mut App) {
    let rows = app
        .session
        .teams
        .iter()
        .filter(|t| t.status == crate::domain::TeamStatus::Scheduled)
        .count();
    app.results.row = app.results.row.min(rows.saturating_sub(1));
}

/// `d`: a form for the group straddling the cut-off under the official
/// method, or why there is none to decide.
/// `d`: the decision form on the tie at the cut-off; with no tie left,
/// the stale decisions withdrawn (the results heading says which).
fn decide(app: &mut App) -> Reply {
    if app.projector {
        return Reply::say(Notice::ProjectorResultsHidden);
    }
    if app.results.method.is_some() {
        return Reply::say(Notice::DecisionOfficialOnly);
    }
    let basis = app.basis();
    let official = ranking::rank(&basis, basis.settings.method);
    if let Some(group) = official.cutoff_groups().into_iter().next() {
        open_form(app, &group);
        return Reply::none();
    }
    let stale = official.stale_decisions(&basis.decisions);
    if stale.is_empty() {
        return Reply::say(Notice::NoTieAtCutoff);
    }
    Reply {
        notice: Some(Notice::StaleDecisionWithdrawn(
            stale.iter().map(|d| d.teams.clone()).collect(),
        )),
        changes: stale
            .into_iter()
            .map(|d| Change::RemoveDecision {
                decision: d.clone(),
            })
            .collect(),
        job: None,
    }
}

fn open_form(app: &mut App, group: &[&str]) {
    app.results.detail = false;
    app.results.form = Some(DecisionForm {
        teams: group.iter().map(|t| TeamId::from(*t)).collect(),
        kind: DecisionKind::Order,
        step: Step::Choice,
        cursor: 0,
        by: String::new(),
        reason: String::new(),
        problems: Vec::new(),
    });
}

fn handle_form(app: &mut App, key: ResultsKey, now: DateTime<Utc>) -> Reply {
    let Some(form) = app.results.form.as_mut() else {
        return Reply::none();
    };
    if key == ResultsKey::Cancel {
        app.results.form = None;
        return Reply::say(Notice::DecisionAbandoned);
    }
    match (form.step, key) {
        (Step::Choice, ResultsKey::Order) => form.kind = DecisionKind::Order,
        (Step::Choice, ResultsKey::Admit) => form.kind = DecisionKind::Admit,
        (Step::Choice, ResultsKey::Up) => form.cursor = form.cursor.saturating_sub(1),
        (Step::Choice, ResultsKey::Down) => {
            form.cursor = (form.cursor + 1).min(form.teams.len().saturating_sub(1))
        }
        (Step::Choice, ResultsKey::MoveUp) if form.cursor > 0 => {
            form.teams.swap(form.cursor, form.cursor - 1);
            form.cursor -= 1;
            form.kind = DecisionKind::Order;
        }
        (Step::Choice, ResultsKey::MoveDown) if form.cursor + 1 < form.teams.len() => {
            form.teams.swap(form.cursor, form.cursor + 1);
            form.cursor += 1;
            form.kind = DecisionKind::Order;
        }
        (Step::Choice, ResultsKey::Confirm) => form.step = Step::By,
        (Step::By | Step::Reason, ResultsKey::Char(c)) => {
            // Never a control or direction character (they would reach the
            // minutes and the terminal), never an endless field.
            let field = field(form);
            if !is_unsafe_char(c) && field.chars().count() < FIELD_MAX {
                field.push(c);
            }
        }
        (Step::By | Step::Reason, ResultsKey::Backspace) => {
            field(form).pop();
        }
        (Step::By, ResultsKey::Confirm) => {
            if form.by.trim().is_empty() {
                form.problems = vec![DecisionProblem::NoBy];
            } else {
                form.problems.clear();
                form.step = Step::Reason;
            }
        }
        (Step::Reason, ResultsKey::Confirm) => return record(app, now),
        _ => {}
    }
    Reply::none()
}

/// The longest "by" or "reason" typed in the decision form, in characters.
pub(crate) const FIELD_MAX: usize = crate::domain::ranking::decisions::DECISION_TEXT_MAX;

fn field(form: &mut DecisionForm) -> &mut String {
    match form.step {
        Step::Reason => &mut form.reason,
        _ => &mut form.by,
    }
}

/// Enter on the reason: the same check as `podium decide`, then the
/// decision is sent to be saved.
fn record(app: &mut App, now: DateTime<Utc>) -> Reply {
    let Some(form) = app.results.form.as_ref() else {
        return Reply::none();
    };
    let decision = Decision {
        kind: form.kind,
        teams: form.teams.clone(),
        by: form.by.trim().to_string(),
        reason: form.reason.trim().to_string(),
        at: now,
    };
    let basis = app.basis();
    let found = problems(&basis, &decision);
    if !found.is_empty() {
        if let Some(form) = app.results.form.as_mut() {
            form.problems = found.clone();
            if found.contains(&DecisionProblem::NoBy) {
                form.step = Step::By;
            }
        }
        return Reply::say(Notice::DecisionRefused(found));
    }
    app.results.form = None;
    let notice = Notice::DecisionSent {
        kind: decision.kind,
        teams: decision.teams.clone(),
    };
    Reply {
        changes: vec![Change::AddDecision { decision }],
        notice: Some(notice),
        job: None,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod budget_tests {
    use super::search_budget;
    use crate::app::results_fixture::{forum, large};

    #[test]
    fn the_search_budget_shrinks_with_the_forum() {
        assert_eq!(search_budget(&forum()), 20_000);
        let mut big = large(2000);
        big.jurors = (0..60).map(|_| big.jurors[0].clone()).collect();
        big.criteria = (0..6).map(|_| big.criteria[0].clone()).collect();
        // 2,000 teams × 60 jurors × 6 criteria: a few dozen rankings.
        assert_eq!(search_budget(&big), 34);
    }
}
