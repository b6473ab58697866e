//! What can go wrong with a session's files: [`StoreError`] is a typed
//! value of the domain (`domain::fault`), so it reaches the screen without
//! a sentence; `words::storage` words it. Storage only builds it.

use std::io;
use std::path::Path;

pub use crate::domain::fault::{FileAction as Action, IoCause, LineProblem, StoreError};

impl StoreError {
    pub(crate) fn io(path: &Path, action: Action, source: io::Error) -> StoreError {
        StoreError::Io {
            // A folder named by its real path, never `.`.
            path: super::regular::shown(path),
            action,
            cause: IoCause::of(&source),
        }
    }
}

/// The error for a failed write to `path`.
pub(crate) fn writing(path: &Path) -> impl Fn(io::Error) -> StoreError + '_ {
    move |e| StoreError::io(path, Action::Write, e)
}
