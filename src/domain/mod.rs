//! The pure domain: no terminal, no files, no clock reads, no sentences
//! (those are in `crate::words`).

pub mod apply;
pub mod decimal;
pub mod double_entry;
pub mod fault;
pub mod history;
pub mod id;
pub mod lookup;
pub mod operation;
pub mod pair;
pub mod questions;
pub mod ranking;
pub mod recount;
pub mod refusal;
pub mod reveal;
pub mod roster;
pub mod schedule;
pub mod scoring;
pub mod session;
pub mod setup;
pub mod sheet;
pub mod stage;
pub mod validate;

#[cfg(test)]
pub mod fixture;

pub use apply::apply;
pub use decimal::Dec;
pub use id::WriterId;
pub use operation::{BatchLabel, Change, Edit, Entries, Operation};
pub use pair::PairState;
pub use refusal::{Refusal, Subject};
pub use session::*;
