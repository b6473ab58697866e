//! The write lock: an exclusive lock on `FILE.lock`, waited for a bounded time.
//!
//! `FILE.lock` is created when missing and never renamed, truncated or
//! deleted, so every writer always locks the same file. The lock is the
//! operating system's (std `File::lock`), released when the file is closed
//! or the process dies.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use super::error::{Action, StoreError};

/// A held lock; dropping it unlocks.
#[derive(Debug)]
pub struct Lock {
    file: File,
}

impl Lock {
    /// Take the lock on `path`, waiting at most `wait`.
    pub fn acquire(path: &Path, wait: Duration) -> Result<Lock, StoreError> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| StoreError::io(path, Action::Lock, e))?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Lock { file }),
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => return Err(StoreError::io(path, Action::Lock, e)),
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(StoreError::Busy {
                    path: path.to_path_buf(),
                });
            }
            thread::sleep((deadline - now).min(Duration::from_millis(5)));
        }
    }

    /// Unlock now (dropping the lock does the same).
    pub fn release(self) {
        let _ = self.file.unlock();
    }
}
