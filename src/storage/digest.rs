//! Digests for the journal's hash chain: each line's `prev` is the SHA-256,
//! in lowercase hex, of the previous line's bytes without its newline.

use sha2::{Digest, Sha256};

/// The SHA-256 of one journal line (without its newline), lowercase hex.
pub fn line_digest(line: &[u8]) -> String {
    let hash = Sha256::digest(line);
    let mut hex = String::with_capacity(64);
    for byte in hash {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    hex
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
mod tests {
    use super::line_digest;

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
