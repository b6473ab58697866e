//! The state machine of the live interface.

pub mod board;
pub mod grid;
