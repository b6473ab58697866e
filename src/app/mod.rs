//! The state machine of the live interface.

pub mod grid;
