//! Sealing from the results screen: `S` asks (the `ConfirmSeal` overlay)
//! to seal, or to unseal when the results are sealed, and the answer yes
//! does what was asked.

use super::{Reply, ResultsHelp, ResultsKey};
use crate::app::App;
use crate::app::keys::{Binding, Key, bind};
use crate::app::notice::Notice;
use crate::domain::Change;

/// `S`: seal the results, or unseal them when `sealed` (it asks first).
/// On the footer either way: sealing before the ceremony is what the
/// organisers come to this screen for (it asks before doing anything);
/// unsealing is the sealed screen's one key.
pub fn seal_key(sealed: bool) -> Binding<ResultsKey> {
    let key = Key::Char('S');
    match sealed {
        false => bind(key, ResultsKey::Seal, ResultsHelp::Seal).foot(ResultsHelp::SealShort),
        true => bind(key, ResultsKey::Seal, ResultsHelp::Unseal).foot(ResultsHelp::UnsealShort),
    }
}

/// `S`: the question first; an open detail or decision form closes.
pub(super) fn ask(app: &mut App) -> Reply {
    app.results.form = None;
    app.results.detail = false;
    let seal = !app.session.is_sealed();
    app.overlay = Some(crate::app::Overlay::ConfirmSeal { seal });
    Reply::none()
}

/// The question answered yes: what was asked is sent. If the other
/// terminal did it meanwhile, the domain refuses it (already sealed, or
/// not sealed), never turning a "seal" into an unseal.
pub(super) fn seal(app: &mut App) -> Reply {
    let Some(crate::app::Overlay::ConfirmSeal { seal: sealed }) = app.overlay.take() else {
        return Reply::none();
    };
    Reply {
        changes: vec![if sealed { Change::Seal } else { Change::Unseal }],
        notice: Some(Notice::SealSent { sealed }),
        job: None,
    }
}
