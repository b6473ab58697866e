//! Podium: live pitch sessions and jury scoring in the terminal.
//!
//! `domain` is pure (no terminal, files or clock); `app` is the live
//! session's state machine, one room per screen in `app::screens`; `ui`
//! only draws; `words` holds the sentences; `storage` is the only code that
//! touches files; `commands` are the command line's verbs. ARCHITECTURE.md
//! at the root is the map.

pub mod app;
pub mod cli;
pub mod commands;
pub mod domain;
pub mod fuzzing;
pub mod i18n;
pub mod report;
pub mod storage;
pub mod tui;
pub mod ui;
pub mod words;
