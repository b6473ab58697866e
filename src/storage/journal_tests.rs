use super::*;
use crate::domain::{BatchLabel, Change, Operation};
use chrono::{TimeZone, Utc};

/// Line `rev` of session "s": a batch labelled with `label_len` bytes.
pub(in crate::storage) fn line(rev: u64, label_len: usize) -> Line {
    let change = Change::Batch {
        label: BatchLabel::Other("x".repeat(label_len)),
        changes: vec![],
    };
    Line {
        session: "s".into(),
        rev,
        prev: None,
        op: Operation::new(change, "w", Utc.timestamp_opt(0, 0).unwrap()),
    }
}

fn journal(lines: &[Line], extra: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.journal");
    let mut bytes: Vec<u8> = lines.iter().flat_map(encode).collect();
    bytes.extend_from_slice(extra);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn revs(tail: &Tail) -> Vec<u64> {
    tail.lines.iter().map(|p| p.content.rev).collect()
}

#[test]
fn lines_longer_than_a_chunk() {
    let lines = [line(1, 10), line(2, 300_000), line(3, 70_000), line(4, 5)];
    let (_dir, path) = journal(&lines, b"");
    for after in 0..=4 {
        let tail = read_tail(&path, after, None, None).unwrap();
        assert_eq!(revs(&tail), ((after + 1)..=4).collect::<Vec<_>>());
        assert_eq!(tail.last, Some(("s".into(), 4)));
        assert_eq!(tail.torn, None);
    }
    let tail = read_tail(&path, 1, None, None).unwrap();
    assert_eq!(tail.lines[0].content, lines[1]);
    assert_eq!(tail.lines[0].offset, encode(&lines[0]).len() as u64);
}

#[test]
fn a_long_torn_line_is_kept_whole() {
    let half = encode(&line(3, 200_000));
    let cut = &half[..150_000];
    let (_dir, path) = journal(&[line(1, 1), line(2, 1)], cut);
    let tail = read_tail(&path, 1, None, None).unwrap();
    assert_eq!(revs(&tail), vec![2]);
    assert_eq!(tail.last, Some(("s".into(), 2)));
    let torn = tail.torn.unwrap();
    assert_eq!(torn.bytes, cut);
    assert_eq!(read_all(&path).unwrap().unwrap().torn.unwrap(), torn);
}

#[test]
fn fields_in_another_order_are_read() {
    let mut text = String::new();
    text.push_str(std::str::from_utf8(&encode(&line(1, 1))).unwrap());
    let value = serde_json::to_value(line(2, 1)).unwrap();
    let op = serde_json::to_string(&value["op"]).unwrap();
    text.push_str(&format!(
        "{{\"op\":{op},\"prev\":null,\"rev\":2,\"session\":\"s\"}}\n"
    ));
    let (_dir, path) = journal(&[], text.as_bytes());
    assert_eq!(revs(&read_tail(&path, 0, None, None).unwrap()), vec![1, 2]);
    assert_eq!(
        read_tail(&path, 2, None, None).unwrap().last,
        Some(("s".into(), 2))
    );
}

#[test]
fn a_line_chained_to_the_checkpoint_ends_the_reading() {
    // The checkpoint's line stands for a huge one: were it read, its
    // missing head would be an error.
    let checkpoint = b"not read: the chain vouches for it";
    let digest = line_digest(checkpoint);
    let mut next = line(2, 1);
    next.prev = Some(digest.clone());
    let mut last = line(3, 1);
    last.prev = Some(line_digest(&encode(&next)[..encode(&next).len() - 1]));
    let mut bytes = checkpoint.to_vec();
    bytes.push(b'\n');
    let (_dir, path) = journal(&[next.clone(), last], &[]);
    let journal_bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(&journal_bytes);
    std::fs::write(&path, bytes).unwrap();
    let tail = read_tail(&path, 1, Some(&digest), None).unwrap();
    assert_eq!(revs(&tail), vec![2, 3]);
    assert_eq!(tail.lines[0].content, next);
    assert_eq!(tail.start(), checkpoint.len() as u64 + 1);
    assert_eq!(tail.last, Some(("s".into(), 3)));
    // Another digest, or none: the line before is read (and refused).
    assert!(read_tail(&path, 1, Some(&"0".repeat(64)), None).is_err());
    assert!(read_tail(&path, 1, None, None).is_err());
}

#[test]
fn an_empty_or_missing_journal() {
    let (_dir, path) = journal(&[], b"");
    let tail = read_tail(&path, 0, None, None).unwrap();
    assert!(tail.lines.is_empty() && tail.last.is_none() && tail.torn.is_none());
    let missing = path.with_extension("nothing");
    assert!(read_tail(&missing, 0, None, None).unwrap().lines.is_empty());
    assert!(read_all(&missing).unwrap().is_none());
}

#[test]
fn line_numbers_count_newlines() {
    let lines = [line(1, 1), line(2, 100_000), line(3, 1)];
    let (_dir, path) = journal(&lines, b"");
    let offset = (encode(&lines[0]).len() + encode(&lines[1]).len()) as u64;
    assert_eq!(line_number(&path, 0).unwrap(), 1);
    assert_eq!(line_number(&path, offset).unwrap(), 3);
}
