//! Podium: live pitch sessions and jury scoring in the terminal.
//!
//! `domain` is pure (no terminal, files or clock); `storage` is the only
//! code that touches files; `commands` are the command line's verbs.

pub mod app;
pub mod cli;
pub mod commands;
pub mod domain;
pub mod i18n;
pub mod report;
pub mod storage;
pub mod tui;
pub mod ui;
pub mod words;
