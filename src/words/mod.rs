//! Every sentence Podium says, in French and in English, in one place.
//!
//! The domain and the app state hold typed values (a refusal, a notice, with
//! their data); the UI, the reports and the command line turn them into
//! words here. Each area has its own submodule; one exhaustive `match` per
//! message keeps both languages complete.

pub mod files;
pub mod notice;
pub mod storage;
pub mod undo;
