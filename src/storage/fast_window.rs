//! The bytes of a state file as `fast_sheets` reads them: through a small
//! buffer reused as the reader moves on, from any offset (two readers
//! read the two halves of a big list at once), and where its `sheets`
//! list starts.

use std::io;

use super::fast_rows::Cursor;
use super::fast_sheets::{At, Sizes};

/// The bytes of a source from an offset on, through a buffer.
pub(super) struct Window<'s, S: At + ?Sized> {
    pub source: &'s S,
    buf: Vec<u8>,
    /// The bytes of `buf` read.
    pub len: usize,
    /// The source's offset of `buf[0]`.
    pub offset: u64,
    /// Whether the source's end was reached.
    pub end: bool,
    pub sizes: Sizes,
}

impl<'s, S: At + ?Sized> Window<'s, S> {
    /// A window on `source` from `offset`, nothing read yet.
    pub fn new(source: &'s S, offset: u64, sizes: Sizes) -> Self {
        Window {
            source,
            buf: Vec::new(),
            len: 0,
            offset,
            end: false,
            sizes,
        }
    }

    pub fn held(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// Drop the bytes before `from`, then read until the buffer is full
    /// (at least `want` bytes from `from` on) or the source ends.
    pub fn keep_from(&mut self, from: usize, want: usize) -> io::Result<()> {
        self.buf.copy_within(from..self.len, 0);
        self.len -= from;
        self.offset += from as u64;
        let size = want.max(self.sizes.chunk);
        if self.buf.len() < size {
            self.buf.resize(size, 0);
        }
        while !self.end && self.len < self.buf.len() {
            let offset = self.offset + self.len as u64;
            match self.source.read_at(&mut self.buf[self.len..], offset) {
                Ok(0) => self.end = true,
                Ok(read) => self.len += read,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// The index of the `[` opening the `sheets` list, everything before
    /// it held.
    pub fn head(&mut self) -> io::Result<Option<usize>> {
        let mut scan = Scan::default();
        loop {
            match find_sheets(self.held(), &mut scan, self.end) {
                Found::At(start) => return Ok(Some(start)),
                Found::Not => return Ok(None),
                Found::More => self.keep_from(0, self.len * 2)?,
            }
        }
    }

    /// The bytes before `at`, taken out; the buffer holds the rest.
    pub fn detach(&mut self, at: usize) -> Vec<u8> {
        let mut head = std::mem::take(&mut self.buf);
        let held = self.len - at;
        self.buf = vec![0; held.max(self.sizes.chunk)];
        self.buf[..held].copy_from_slice(&head[at..self.len]);
        self.len = held;
        self.offset += at as u64;
        head.truncate(at);
        head
    }

    /// What `parse` reads from `at` (then moved past it), with at least
    /// `ahead` bytes held, more if it needs them; `None` when it fails
    /// with all the source's bytes held.
    pub fn unit<T>(
        &mut self,
        at: &mut usize,
        mut parse: impl FnMut(&mut Cursor<'_>) -> Option<T>,
    ) -> io::Result<Option<T>> {
        if self.len - *at < self.sizes.ahead && !self.end {
            self.keep_from(*at, self.sizes.ahead)?;
            *at = 0;
        }
        loop {
            let mut cursor = Cursor {
                bytes: self.held(),
                at: *at,
            };
            if let Some(found) = parse(&mut cursor) {
                *at = cursor.at;
                return Ok(Some(found));
            }
            if self.end {
                return Ok(None);
            }
            let held = self.len - *at;
            self.keep_from(*at, (held * 2).max(self.sizes.ahead))?;
            *at = 0;
        }
    }

    /// The bytes from `at` to the source's end, added to `out`.
    pub fn rest_into(&mut self, at: usize, out: &mut Vec<u8>) -> io::Result<()> {
        out.extend_from_slice(&self.held()[at..]);
        while !self.end {
            self.keep_from(self.len, 0)?;
            out.extend_from_slice(self.held());
        }
        Ok(())
    }
}

/// Bytes looked at from a guessed offset for a row boundary.
const LOOK: usize = 64 << 10;

/// A row boundary at or after `guess`: the offset just past a `,` that a
/// row's `{"team"` follows, as in a list Podium writes; `None` when the
/// bytes read there hold none. Only a guess (it may lie in a string, or
/// out of the list): a reader of the list confirms it by reaching it
/// exactly, just past a row's `,`.
pub(super) fn boundary<S: At + ?Sized>(source: &S, guess: u64) -> io::Result<Option<u64>> {
    let mut window = Window::new(
        source,
        guess,
        Sizes {
            chunk: LOOK,
            ahead: 0,
        },
    );
    window.keep_from(0, LOOK)?;
    let bytes = window.held();
    let mut from = 0;
    while let Some(found) = memchr::memchr(b',', &bytes[from..]) {
        let comma = from + found;
        let mut cursor = Cursor {
            bytes,
            at: comma + 1,
        };
        if cursor.next() == Some(b'{') && cursor.took(b"\"team\"") {
            return Ok(Some(guess + comma as u64 + 1));
        }
        from = comma + 1;
    }
    Ok(None)
}

/// Where [`find_sheets`] is: the next byte to look at, the nesting depth.
#[derive(Default)]
struct Scan {
    at: usize,
    depth: usize,
}

enum Found {
    /// The index of the `[` opening the value of the top-level `sheets`.
    At(usize),
    /// Not in the bytes held, which may go on.
    More,
    /// Not there.
    Not,
}

/// The `[` opening the value of the `sheets` key of the top-level object:
/// a string-aware scan keeping the nesting depth, resumed where `scan`
/// stopped; `whole` when no bytes follow.
fn find_sheets(bytes: &[u8], scan: &mut Scan, whole: bool) -> Found {
    let more = if whole { Found::Not } else { Found::More };
    while scan.at < bytes.len() {
        match bytes[scan.at] {
            b'{' | b'[' => scan.depth += 1,
            b'}' | b']' => match scan.depth.checked_sub(1) {
                Some(depth) => scan.depth = depth,
                None => return Found::Not,
            },
            b'"' => {
                let Some(end) = string_end(bytes, scan.at + 1) else {
                    return more;
                };
                if scan.depth == 1 && &bytes[scan.at + 1..end] == b"sheets" {
                    let mut cursor = Cursor { bytes, at: end + 1 };
                    match cursor.next() {
                        Some(b':') => {
                            cursor.skip_space();
                            return match cursor.peek() {
                                Some(b'[') => Found::At(cursor.at),
                                Some(_) => Found::Not,
                                None => more,
                            };
                        }
                        None => return more,
                        Some(_) => {}
                    }
                }
                scan.at = end;
            }
            _ => {}
        }
        scan.at += 1;
    }
    more
}

/// The index of the quote closing the string whose text starts at `from`.
fn string_end(bytes: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let quote = from + memchr::memchr(b'"', &bytes[from..])?;
        let backslashes = bytes[from..quote]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if backslashes % 2 == 0 {
            return Some(quote);
        }
        from = quote + 1;
    }
}
