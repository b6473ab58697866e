//! Drawing only: one file per screen.

pub mod board;
pub mod grid;
mod grid_text;
