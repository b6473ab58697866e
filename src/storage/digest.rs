//! Digests for the journal's hash chain: each line's `prev` is the SHA-256,
//! in lowercase hex, of the previous line's bytes without its newline.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

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

/// How much of the journal is read at a time, from its end.
const CHUNK: u64 = 64 * 1024;

/// The digest of the journal's last whole line (the one the minutes and the
/// results page print), read backwards from the end of the file: the
/// history is never read. A torn last line (no newline yet) is not a whole
/// line and is skipped. `None` when the journal has no whole line or does
/// not exist. The line is found backwards a chunk at a time, then hashed
/// forwards a chunk at a time: an import's line (tens of MB) is never held.
pub fn last_digest(journal: &Path) -> io::Result<Option<String>> {
    let mut file = match File::open(journal) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let len = file.metadata()?.len();
    // The newline that ends the last whole line, then the one before it.
    let Some(end) = newline_before(&mut file, len)? else {
        return Ok(None);
    };
    let start = newline_before(&mut file, end)?.map_or(0, |n| n + 1);
    file.seek(SeekFrom::Start(start))?;
    let mut line = file.take(end - start);
    let mut hasher = Sha256::new();
    let mut chunk = vec![0; CHUNK as usize];
    loop {
        let n = line.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        hasher.update(&chunk[..n]);
    }
    Ok(Some(hex(&hasher.finalize())))
}

/// The offset of the last newline before `before`, read backwards a chunk
/// at a time; `None` when there is none.
fn newline_before(file: &mut File, before: u64) -> io::Result<Option<u64>> {
    let mut pos = before;
    let mut chunk = Vec::new();
    while pos > 0 {
        let from = pos.saturating_sub(CHUNK);
        chunk.resize(usize::try_from(pos - from).unwrap_or(0), 0);
        file.seek(SeekFrom::Start(from))?;
        file.read_exact(&mut chunk)?;
        if let Some(at) = chunk.iter().rposition(|&b| b == b'\n') {
            return Ok(Some(from + at as u64));
        }
        pos = from;
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::{CHUNK, last_digest, line_digest};

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

    fn digest_of(bytes: &[u8]) -> Option<String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.journal");
        std::fs::write(&path, bytes).unwrap();
        last_digest(&path).unwrap()
    }

    #[test]
    fn the_last_whole_line() {
        assert_eq!(digest_of(b"one\ntwo\n"), Some(line_digest(b"two")));
        assert_eq!(digest_of(b"only\n"), Some(line_digest(b"only")));
        assert_eq!(digest_of(b"\n"), Some(line_digest(b"")));
    }

    #[test]
    fn a_torn_last_line_is_skipped() {
        assert_eq!(digest_of(b"one\ntwo\n{\"torn"), Some(line_digest(b"two")));
        assert_eq!(digest_of(b"{\"torn"), None);
    }

    #[test]
    fn no_journal_or_an_empty_one_has_no_digest() {
        assert_eq!(digest_of(b""), None);
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(last_digest(&dir.path().join("missing")).unwrap(), None);
    }

    #[test]
    fn lines_longer_than_a_chunk_and_newlines_on_chunk_edges() {
        let size = usize::try_from(CHUNK).unwrap();
        let long = vec![b'x'; 3 * size + 17];
        for tail in [0, 1, size - 1, size, size + 1] {
            let mut bytes = b"first\n".to_vec();
            bytes.extend_from_slice(&long);
            bytes.push(b'\n');
            bytes.extend(std::iter::repeat_n(b'y', tail));
            assert_eq!(digest_of(&bytes), Some(line_digest(&long)), "tail {tail}");
            let mut alone = long.clone();
            alone.push(b'\n');
            assert_eq!(digest_of(&alone), Some(line_digest(&long)));
        }
        let mut edge = vec![b'a'; size - 1];
        edge.push(b'\n');
        edge.extend(vec![b'b'; size - 1]);
        edge.push(b'\n');
        assert_eq!(digest_of(&edge), Some(line_digest(&vec![b'b'; size - 1])));
    }
}
