//! The text of an input file, whatever its encoding: UTF-8 (with or
//! without a byte order mark); UTF-16 LE or BE with a byte order mark;
//! otherwise, when the bytes are not valid UTF-8, Windows-1252 — what
//! Excel's French "CSV (séparateur : point-virgule)" saves. A file with
//! NUL bytes and no UTF-16 mark is not text (an `.xlsx`, a picture).
//!
//! The file is read twice, a chunk at a time, never whole: once to choose
//! the encoding, once to decode it into UTF-8 as the rows are read.

use std::cell::Cell;
use std::io::{self, Read, Seek, SeekFrom};
use std::rc::Rc;

use encoding_rs::{Decoder, Encoding, UTF_8, WINDOWS_1252};

const CHUNK: usize = 64 * 1024;

/// What the first reading found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed {
    Text(&'static Encoding),
    /// NUL bytes outside UTF-16: a binary file.
    Binary,
}

/// The encoding of `input`, read from its start to its end (or to its
/// first byte that is not UTF-8), then rewound.
pub fn sniff<R: Read + Seek>(input: &mut R) -> io::Result<Sniffed> {
    input.seek(SeekFrom::Start(0))?;
    let mut chunk = vec![0u8; CHUNK];
    // Bytes of a character cut by the end of the previous chunk.
    let mut carry: Vec<u8> = Vec::with_capacity(4);
    let mut first = true;
    let mut utf8 = true;
    let found = loop {
        let n = read_some(input, &mut chunk)?;
        if first {
            first = false;
            if let Some((encoding, _)) = Encoding::for_bom(&chunk[..n]) {
                break Sniffed::Text(encoding);
            }
        }
        if n == 0 {
            let encoding = if utf8 && carry.is_empty() {
                UTF_8
            } else {
                WINDOWS_1252
            };
            break Sniffed::Text(encoding);
        }
        let bytes = &chunk[..n];
        if bytes.contains(&0) {
            break Sniffed::Binary;
        }
        if utf8 {
            carry.extend_from_slice(bytes);
            match std::str::from_utf8(&carry) {
                Ok(_) => carry.clear(),
                Err(e) if e.error_len().is_none() => {
                    let rest = carry.split_off(e.valid_up_to());
                    carry = rest;
                }
                Err(_) => {
                    utf8 = false;
                    carry.clear();
                }
            }
        }
    };
    input.seek(SeekFrom::Start(0))?;
    Ok(found)
}

/// Fill as much of `buf` as one or more reads give (0: the end).
fn read_some<R: Read>(input: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// `input` decoded into UTF-8 as it is read (its byte order mark left
/// out). Bytes that do not decode become U+FFFD. Counts the raw bytes
/// read, for a progress line.
pub struct Decoded<R> {
    input: R,
    decoder: Decoder,
    raw: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    done: bool,
    consumed: Rc<Cell<u64>>,
    /// Decoded bytes a too small buffer could not take.
    spill: [u8; 4],
    spill_len: usize,
}

impl<R: Read> Decoded<R> {
    /// `consumed` counts the bytes read from `input`.
    pub fn new(input: R, encoding: &'static Encoding, consumed: Rc<Cell<u64>>) -> Decoded<R> {
        Decoded {
            input,
            decoder: encoding.new_decoder_with_bom_removal(),
            raw: vec![0; CHUNK],
            start: 0,
            end: 0,
            eof: false,
            done: false,
            consumed,
            spill: [0; 4],
            spill_len: 0,
        }
    }
}

impl<R: Read> Read for Decoded<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.spill_len > 0 {
            let n = self.spill_len.min(out.len());
            out[..n].copy_from_slice(&self.spill[..n]);
            self.spill.copy_within(n..self.spill_len, 0);
            self.spill_len -= n;
            return Ok(n);
        }
        // Room for one character at least (the decoder writes whole
        // ones): a smaller buffer gets the start of one, the rest later.
        if out.len() < 4 {
            let mut small = [0u8; 4];
            let n = self.read(&mut small)?;
            let given = n.min(out.len());
            out[..given].copy_from_slice(&small[..given]);
            self.spill[..n - given].copy_from_slice(&small[given..n]);
            self.spill_len = n - given;
            return Ok(given);
        }
        loop {
            if self.done {
                return Ok(0);
            }
            if self.start == self.end && !self.eof {
                let n = loop {
                    match self.input.read(&mut self.raw) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(e),
                    }
                };
                self.consumed.set(self.consumed.get() + n as u64);
                self.start = 0;
                self.end = n;
                self.eof = n == 0;
            }
            let src = &self.raw[self.start..self.end];
            let (result, read, written, _) = self.decoder.decode_to_utf8(src, out, self.eof);
            self.start += read;
            if self.eof && result == encoding_rs::CoderResult::InputEmpty {
                self.done = true;
            }
            if written > 0 {
                return Ok(written);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{UTF_16BE, UTF_16LE};
    use std::io::Cursor;

    fn text(bytes: &[u8]) -> (Sniffed, String) {
        let mut input = Cursor::new(bytes.to_vec());
        let sniffed = sniff(&mut input).unwrap();
        let Sniffed::Text(encoding) = sniffed else {
            return (sniffed, String::new());
        };
        let mut out = String::new();
        Decoded::new(input, encoding, Rc::default())
            .read_to_string(&mut out)
            .unwrap();
        (sniffed, out)
    }

    #[test]
    fn utf8_with_and_without_a_mark() {
        assert_eq!(
            text("a;é\n".as_bytes()),
            (Sniffed::Text(UTF_8), "a;é\n".into())
        );
        assert_eq!(text(b"\xEF\xBB\xBFa;\xC3\xA9\n").1, "a;é\n");
        assert_eq!(text(b"").0, Sniffed::Text(UTF_8));
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        let (sniffed, out) = text(b"nom;note\nRen\xe9e;12,5\n\x80\n");
        assert_eq!(sniffed, Sniffed::Text(WINDOWS_1252));
        assert_eq!(out, "nom;note\nRenée;12,5\n€\n");
    }

    #[test]
    fn a_character_cut_by_a_chunk_boundary_is_still_utf8() {
        let mut bytes = vec![b'a'; CHUNK - 1];
        bytes.extend_from_slice("é€\n".as_bytes());
        let (sniffed, out) = text(&bytes);
        assert_eq!(sniffed, Sniffed::Text(UTF_8));
        assert!(out.ends_with("aé€\n"));
        // A lone lead byte at the very end is not UTF-8.
        assert_eq!(text(b"abc\xC3").0, Sniffed::Text(WINDOWS_1252));
    }

    #[test]
    fn utf16_with_a_mark_either_way() {
        let words = "équipe;juré\nT1;J1\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in words.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(text(&le), (Sniffed::Text(UTF_16LE), words.into()));
        assert_eq!(text(&be), (Sniffed::Text(UTF_16BE), words.into()));
    }

    #[test]
    fn nul_bytes_without_a_utf16_mark_are_not_text() {
        assert_eq!(text(b"PK\x03\x04\x00\x00").0, Sniffed::Binary);
    }
}
