//! The binary's memory allocator: the system's, switched to mimalloc by
//! `podium results` (see `main.rs`).
//!
//! Reading and ranking a big session is a few hundred thousand small
//! allocations in fresh memory. mimalloc serves them from large segments it
//! asks the kernel to back with transparent huge pages: `podium results` at
//! 2,000 teams takes about 0.065 s with it against 0.10 s with the system's
//! allocator (README, "Performance"). Elsewhere it does not pay: a huge
//! page is resident 2 MB at a time (the screens left open all day would
//! hold 12 MB instead of 5 during a countdown, over the 10 MB budget), and
//! `check` and `scores import`, which free and take memory again, were
//! measured slower and larger with it (`check` at 2,000 teams: 6.0 s and
//! 890 MB against 4.4 s and 640 MB). So every other command keeps the
//! system's allocator, and mimalloc is never touched in its process.
//!
//! Memory allocated before the switch (the command line, the runtime's own)
//! is the system's: a block is always freed or grown by the allocator that
//! gave it, asked of mimalloc's map of its own memory.
//! (This file is the binary's, not the library's: `src/main.rs` declares it.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, Ordering};

use mimalloc::MiMalloc;

/// The system's allocator until [`Switch::to_mimalloc`], mimalloc after.
pub struct Switch {
    mimalloc: AtomicBool,
}

impl Switch {
    pub const fn new() -> Switch {
        Switch {
            mimalloc: AtomicBool::new(false),
        }
    }

    /// From now on, new blocks come from mimalloc (never switched back).
    pub fn to_mimalloc(&self) {
        self.mimalloc.store(true, Ordering::Relaxed);
    }

    fn new_blocks_from_mimalloc(&self) -> bool {
        self.mimalloc.load(Ordering::Relaxed)
    }

    /// Whether mimalloc gave the block at `ptr` (before the switch,
    /// nothing was asked of it).
    fn mimalloc_gave(&self, ptr: *mut u8) -> bool {
        // SAFETY: only reads mimalloc's map of the memory it manages; any
        // address may be asked.
        self.new_blocks_from_mimalloc()
            && unsafe { libmimalloc_sys::mi_is_in_heap_region(ptr.cast()) }
    }
}

// SAFETY: every block is allocated by one of two sound allocators and
// freed or grown by the same one (see `mimalloc_gave`).
unsafe impl GlobalAlloc for Switch {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        unsafe {
            if self.new_blocks_from_mimalloc() {
                MiMalloc.alloc(layout)
            } else {
                System.alloc(layout)
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        unsafe {
            if self.new_blocks_from_mimalloc() {
                MiMalloc.alloc_zeroed(layout)
            } else {
                System.alloc_zeroed(layout)
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on to the block's allocator.
        unsafe {
            if self.mimalloc_gave(ptr) {
                MiMalloc.dealloc(ptr, layout);
            } else {
                System.dealloc(ptr, layout);
            }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on to the block's allocator
        // (a block stays with the allocator that gave it).
        unsafe {
            if self.mimalloc_gave(ptr) {
                MiMalloc.realloc(ptr, layout, new_size)
            } else {
                System.realloc(ptr, layout, new_size)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of many sizes and alignments from `switch`, filled, grown,
    /// checked and freed.
    fn blocks(switch: &Switch) -> Vec<(*mut u8, Layout)> {
        [
            (1, 1),
            (8, 8),
            (24, 8),
            (100, 16),
            (4096, 64),
            (70_000, 4096),
            (3 << 20, 8),
        ]
        .iter()
        .map(|&(size, align)| {
            let layout = Layout::from_size_align(size, align).expect("a layout");
            // SAFETY: a layout of non-zero size.
            let ptr = unsafe { switch.alloc(layout) };
            assert!(!ptr.is_null());
            assert_eq!(ptr as usize % align, 0, "aligned to {align}");
            // SAFETY: `size` bytes were just allocated at `ptr`.
            unsafe { ptr.write_bytes(0xA5, size) };
            (ptr, layout)
        })
        .collect()
    }

    fn grow_and_free(switch: &Switch, blocks: Vec<(*mut u8, Layout)>) {
        for (ptr, layout) in blocks {
            let size = layout.size();
            // SAFETY: `ptr` was given by `switch` with `layout`.
            let grown = unsafe { switch.realloc(ptr, layout, size * 2 + 1) };
            assert!(!grown.is_null());
            // SAFETY: the first `size` bytes were kept by the reallocation.
            let kept = unsafe { std::slice::from_raw_parts(grown, size) };
            assert!(kept.iter().all(|&b| b == 0xA5), "contents kept");
            let new = Layout::from_size_align(size * 2 + 1, layout.align()).expect("a layout");
            // SAFETY: `grown` was given by `switch` with `new`.
            unsafe { switch.dealloc(grown, new) };
        }
    }

    #[test]
    fn blocks_from_before_the_switch_stay_with_the_system_allocator() {
        let switch = Switch::new();
        let before = blocks(&switch);
        assert!(before.iter().all(|&(p, _)| !switch.mimalloc_gave(p)));
        switch.to_mimalloc();
        let after = blocks(&switch);
        assert!(
            after.iter().all(|&(p, _)| switch.mimalloc_gave(p)),
            "new blocks come from mimalloc"
        );
        assert!(
            before.iter().all(|&(p, _)| !switch.mimalloc_gave(p)),
            "the system's blocks are still the system's"
        );
        // Freed and grown by the allocator that gave each (a mix-up would
        // abort the test process).
        grow_and_free(&switch, before);
        grow_and_free(&switch, after);
    }

    #[test]
    fn zeroed_blocks_are_zero_from_both_allocators() {
        let switch = Switch::new();
        for _ in 0..2 {
            let layout = Layout::from_size_align(10_000, 32).expect("a layout");
            // SAFETY: a layout of non-zero size.
            let ptr = unsafe { switch.alloc_zeroed(layout) };
            assert!(!ptr.is_null());
            // SAFETY: 10,000 bytes were allocated at `ptr`.
            assert!(
                unsafe { std::slice::from_raw_parts(ptr, 10_000) }
                    .iter()
                    .all(|&b| b == 0)
            );
            // SAFETY: `ptr` was given by `switch` with `layout`.
            unsafe { switch.dealloc(ptr, layout) };
            switch.to_mimalloc();
        }
    }
}
