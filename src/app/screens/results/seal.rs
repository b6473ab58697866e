//! Sealing from the results screen: `S` asks (the `ConfirmSeal` overlay),
//! and the answer yes seals, or unseals when the results are sealed.

use super::{Reply, ResultsHelp, ResultsKey};
use crate::app::App;
use crate::app::keys::{Binding, Key, bind};
use crate::app::notice::Notice;
use crate::domain::Change;

/// `S`: seal the results, or unseal them when `sealed` (it asks first).
/// Sealing is rare and deliberate: in the `?` list, not on the full
/// footer; unsealing is the sealed screen's one key, on its footer.
pub fn seal_key(sealed: bool) -> Binding<ResultsKey> {
    let key = Key::Char('S');
    match sealed {
        false => bind(key, ResultsKey::Seal, ResultsHelp::Seal),
        true => bind(key, ResultsKey::Seal, ResultsHelp::Unseal).foot(ResultsHelp::UnsealShort),
    }
}

/// `S`: the question first; an open detail or decision form closes.
pub(super) fn ask(app: &mut App) -> Reply {
    app.results.form = None;
    app.results.detail = false;
    app.overlay = Some(crate::app::Overlay::ConfirmSeal);
    Reply::none()
}

/// The question answered yes: the results sealed, or unsealed when they
/// are (as this terminal sees them; the other terminal's seal meanwhile is
/// refused as the domain refuses it).
pub(super) fn seal(app: &mut App) -> Reply {
    app.overlay = None;
    let sealed = !app.session.is_sealed();
    Reply {
        changes: vec![if sealed { Change::Seal } else { Change::Unseal }],
        notice: Some(Notice::SealSent { sealed }),
        job: None,
    }
}
