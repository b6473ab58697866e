//! Which words the grid shows and how they stand out: the status line and
//! each sheet's state. The words themselves are `words::grid`'s.

use crate::app::screens::scores::NotSent;
use crate::app::screens::scores::grid::{Grid, Status};
use crate::domain::scoring::{self, Fill, SheetSummary};
use crate::domain::{Dec, Lang, PairState, Session, Team};

use crate::ui::text::Tone;
use crate::words::grid::{self as words, SheetWord};

/// The word in the grid's last column, and how it stands out.
pub fn state_word(
    excuse: Option<PairState>,
    summary: &SheetSummary,
    disagrees: bool,
    lang: Lang,
) -> (&'static str, Tone) {
    let (word, tone) = match excuse {
        Some(PairState::AutoRecused | PairState::Recused) => (SheetWord::Recused, Tone::Dim),
        Some(PairState::Absent) => (SheetWord::Absent, Tone::Dim),
        Some(_) => (SheetWord::Withdrawn, Tone::Dim),
        None if summary.mismatch => (SheetWord::PaperMismatch, Tone::Bad),
        None if disagrees => (SheetWord::FarOff, Tone::Warn),
        None => match summary.fill {
            Fill::Complete => (SheetWord::Complete, Tone::Good),
            Fill::Partial => (SheetWord::Partial, Tone::Dim),
            Fill::Empty => (SheetWord::Empty, Tone::Plain),
        },
    };
    (words::sheet_word(word, lang), tone)
}

/// The status line with nothing just said: a value the other terminal
/// changed while typing, the paper total under the cursor that disagrees,
/// else how many sheets of the team count.
fn idle_text(session: &Session, grid: &Grid, team: &Team, lang: Lang) -> (String, Tone) {
    if let Some((key, _, now)) = grid.changed_meanwhile(session) {
        let text = words::set_while_typing(key, now, &grid.input, lang);
        return (text, Tone::Warn);
    }
    // The cursor on a sheet whose paper total disagrees: say with what.
    if let Some(juror) = session.jurors.get(grid.row)
        && session.expects(team, juror)
    {
        let sheet = grid.sheet(session, &team.id, &juror.id);
        let summary = scoring::summarize(&session.criteria, Some(&sheet));
        if let (true, Some(paper), Some(sum)) =
            (summary.mismatch, sheet.handwritten, summary.plain_sum)
        {
            let text = words::mismatch(session, &juror.id, paper, sum, lang);
            return (text, Tone::Bad);
        }
    }
    let counts = scoring::team_counts(session, team);
    (words::counts(&counts, lang), Tone::Dim)
}

/// How a status stands out.
fn tone(status: &Status) -> Tone {
    match status {
        Status::NotSent(NotSent::Refused { .. } | NotSent::NotANumber { .. })
        | Status::ChangedMeanwhile { .. }
        | Status::SaveRefused(_)
        | Status::Mismatch { .. } => Tone::Bad,
        Status::NotSent(NotSent::NotScored { .. })
        | Status::Locked
        | Status::Unverified
        | Status::FinishEntry
        | Status::PasteRefused
        | Status::Ask(_) => Tone::Warn,
        Status::Verified { .. } => Tone::Good,
        Status::NothingToMark { .. } => Tone::Dim,
    }
}

/// The status line: what just happened, the question asked, or how many
/// sheets of the team count.
pub fn status_text(session: &Session, grid: &Grid, team: &Team, lang: Lang) -> (String, Tone) {
    let Some(status) = &grid.status else {
        return idle_text(session, grid, team, lang);
    };
    let typed_over = grid.typed_over.as_ref().map(|(key, _)| key);
    let text = words::status(status, (session, team), typed_over, lang);
    (text, tone(status))
}

/// Whether the sheet total differs from the plain sum of the values (some
/// criterion weighs other than 1).
pub fn weighted(session: &Session) -> bool {
    session.criteria.iter().any(|c| c.weight != Dec::int(1))
}
