//! Digests for the journal's hash chain: each line's `prev` is the SHA-256,
//! in lowercase hex, of the previous line's bytes without its newline.

use sha2::{Digest, Sha256};

/// The SHA-256 of one journal line (without its newline), lowercase hex.
pub fn line_digest(line: &[u8]) -> String {
    hex(&Sha256::digest(line))
}

fn hex(hash: &[u8]) -> String {
    let mut hex = String::with_capacity(64);
    for &byte in hash {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    hex
}

/// A writer that hashes what goes through it: a journal line's digest
/// computed while the line is written, never held whole in memory.
pub struct LineHasher<W> {
    inner: W,
    hasher: Sha256,
    len: u64,
}

impl<W: std::io::Write> LineHasher<W> {
    pub fn new(inner: W) -> LineHasher<W> {
        LineHasher {
            inner,
            hasher: Sha256::new(),
            len: 0,
        }
    }

    /// The digest (lowercase hex) and length of what was written, and the
    /// writer back.
    pub fn finish(self) -> (String, u64, W) {
        (hex(&self.hasher.finalize()), self.len, self.inner)
    }
}

impl<W: std::io::Write> std::io::Write for LineHasher<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
mod tests {
    use super::line_digest;

    #[test]
    fn hashing_while_writing_gives_the_same_digest() {
        use std::io::Write;
        let mut out = super::LineHasher::new(Vec::new());
        out.write_all(b"ab").unwrap();
        out.write_all(b"c").unwrap();
        let (digest, len, bytes) = out.finish();
        assert_eq!((digest, len), (line_digest(b"abc"), 3));
        assert_eq!(bytes, b"abc");
    }

    #[test]
    fn known_vectors() {
        assert_eq!(
            line_digest(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            line_digest(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
