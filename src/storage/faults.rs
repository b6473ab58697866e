//! Test-only switches: crash a commit at a chosen step, hold the lock.
//!
//! These exist so tests can prove what survives a crash. They are not for
//! users and change nothing unless set:
//!
//! - `PODIUM_TEST_CRASH_AFTER=<step>`: a commit or a checkpoint ends the
//!   process abruptly (`std::process::abort`, no cleanup, no unlock, no
//!   destructors) right after that step. A commit's steps, in order:
//!   `locked`, `read`, `checked`, `appended` (journal line written, not
//!   synced), `journal-synced` (the change is saved), `unlocked`; the extra
//!   step `torn` writes only the first half of the journal line, then
//!   aborts. A checkpoint's: `checkpoint-locked`, `checkpoint-read`,
//!   `temp-written`, `temp-synced`, `renamed`, `folder-synced`,
//!   `checkpoint-unlocked` (a commit that checkpoints passes the four
//!   middle ones before `unlocked`).
//! - `PODIUM_TEST_HOLD_LOCK_MS=<n>`: a commit holds the lock `n`
//!   milliseconds after taking it, before reading the state.
//!
//! In-process tests use [`crash_at`] instead: the commit stops at the step
//! and returns [`StoreError::Crashed`], dropping its lock (as a dying
//! process's lock is dropped) and leaving every file as it is at that step.

use std::cell::Cell;
use std::sync::OnceLock;
use std::time::Duration;

use super::error::StoreError;

pub use crate::domain::fault::Step;

/// `PODIUM_TEST_CRASH_AFTER`, read once per process.
fn env_crash() -> Option<Step> {
    static CRASH: OnceLock<Option<Step>> = OnceLock::new();
    *CRASH.get_or_init(|| {
        std::env::var("PODIUM_TEST_CRASH_AFTER")
            .ok()
            .and_then(|v| Step::parse(&v))
    })
}

/// `PODIUM_TEST_HOLD_LOCK_MS`, read once per process.
pub(crate) fn hold_lock() -> Option<Duration> {
    static HOLD: OnceLock<Option<Duration>> = OnceLock::new();
    *HOLD.get_or_init(|| {
        std::env::var("PODIUM_TEST_HOLD_LOCK_MS")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_millis)
    })
}

thread_local! {
    static CRASH_AT: Cell<Option<Step>> = const { Cell::new(None) };
}

/// Test only: make this thread's next commits stop right after `step`
/// (`None` turns it off).
pub fn crash_at(step: Option<Step>) {
    CRASH_AT.with(|c| c.set(step));
}

/// Whether a commit must stop right after `step` (the torn step is asked
/// before the line is written).
pub(crate) fn wants(step: Step) -> bool {
    env_crash() == Some(step) || CRASH_AT.with(|c| c.get()) == Some(step)
}

/// Called right after each step: aborts the process, or stops the commit,
/// if a switch asks for it.
pub(crate) fn reached(step: Step) -> Result<(), StoreError> {
    if env_crash() == Some(step) {
        std::process::abort();
    }
    if CRASH_AT.with(|c| c.get()) == Some(step) {
        return Err(StoreError::Crashed { step });
    }
    Ok(())
}
