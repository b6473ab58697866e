//! Every sentence Podium says, in French and in English, in one place.
//!
//! The domain and the app state hold typed values (a refusal, a notice, with
//! their data); the UI, the reports and the command line turn them into
//! words here. Each area has its own submodule; one exhaustive `match` per
//! message keeps both languages complete.
//!
//! The domain's typed values get their sentences as methods written here
//! (`Refusal::message`, `Problem::message`, `Warning::describe`,
//! `DecisionProblem::describe`, `Method::name`), so every caller, the
//! storage's errors included, says them the same way. Numbers go through
//! [`number`]: the language's decimal separator and nouns that agree with
//! their count.

pub mod files;
pub mod minutes;
pub mod notice;
pub mod number;
pub mod output;
pub mod pair;
pub mod ranking;
pub mod refusal;
pub mod report;
pub mod session;
pub mod storage;
pub mod undo;
pub mod validate;
