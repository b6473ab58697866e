//! The chain walk on journals built line by line (the command line's
//! cases are in `tests/cli_tamper.rs`).

use serde_json::json;

use super::{Seen, Tamper, first_difference, walk, whole_lines};
use crate::storage::digest::line_digest;

/// A chained journal of `n` lines (revisions 1..=n), as bytes.
fn chain(n: u64) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for rev in 1..=n {
        let prev = out.last().map(|l| line_digest(l.as_bytes()));
        out.push(line(rev, prev.as_deref(), &format!("v{rev}")));
    }
    out
}

/// A line in the journal's shape (the walk reads `rev` and `prev`; the
/// operation only needs to parse).
fn line(rev: u64, prev: Option<&str>, writer: &str) -> String {
    json!({
        "session": "s",
        "rev": rev,
        "prev": prev,
        "op": {"at": "2027-01-15T08:00:00Z", "writer": writer,
               "change": {"kind": "set_handwritten", "team": "T1", "juror": "J1",
                          "seen": null, "new": null}}
    })
    .to_string()
}

fn seen(lines: &[String]) -> Vec<Seen> {
    let mut bytes = lines.join("\n").into_bytes();
    bytes.push(b'\n');
    whole_lines(&bytes[..]).unwrap()
}

fn found(lines: &[String]) -> Vec<Tamper> {
    walk(&seen(lines))
}

#[test]
fn the_test_lines_parse_as_journal_lines() {
    assert!(seen(&chain(3)).iter().all(|s| s.line.is_some()));
}

#[test]
fn an_intact_chain_and_a_torn_last_line() {
    assert_eq!(found(&chain(8)), []);
    let mut bytes = chain(3).join("\n").into_bytes();
    bytes.extend_from_slice(b"\n{\"session\":\"s\",\"rev\":4");
    let lines = whole_lines(&bytes[..]).unwrap();
    assert_eq!(lines.len(), 3);
    assert_eq!(walk(&lines), []);
}

#[test]
fn a_journal_older_than_the_chain_is_not_called_tampered() {
    let old: Vec<String> = (1..=5).map(|r| line(r, None, "w")).collect();
    assert_eq!(found(&old), []);
    // Chained from line 4 on (migrated): the lines before carry no prev.
    let mut mixed = old[..3].to_vec();
    let d3 = line_digest(mixed[2].as_bytes());
    mixed.push(line(4, Some(&d3), "w"));
    let d4 = line_digest(mixed[3].as_bytes());
    mixed.push(line(5, Some(&d4), "w"));
    assert_eq!(found(&mixed), []);
    // Once chained, a line without prev breaks it.
    mixed.push(line(6, None, "w"));
    assert_eq!(found(&mixed), [Tamper::Altered { line: 5 }]);
}

#[test]
fn a_restarted_journal_chains_its_first_line_to_the_old_one() {
    // `repair` starts a journal at revision 40, chained to a digest this
    // journal does not hold: not a break.
    let mut lines = vec![line(40, Some(&"ab".repeat(32)), "repair")];
    let d = line_digest(lines[0].as_bytes());
    lines.push(line(41, Some(&d), "w"));
    assert_eq!(found(&lines), []);
}

#[test]
fn each_kind_of_change_is_named_at_its_line() {
    let lines = chain(10);
    let mut altered = lines.clone();
    altered[3] = altered[3].replace("v4", "v9");
    assert_eq!(found(&altered), [Tamper::Altered { line: 4 }]);
    let mut removed = lines.clone();
    removed.remove(3);
    assert_eq!(
        found(&removed),
        [Tamper::Removed {
            line: 4,
            from: 4,
            to: 4
        }]
    );
    let mut inserted = lines.clone();
    inserted.insert(3, lines[2].clone());
    assert_eq!(found(&inserted), [Tamper::Inserted { line: 4 }]);
    let mut swapped = lines.clone();
    swapped.swap(3, 4);
    assert_eq!(found(&swapped), [Tamper::Reordered { line: 4, after: 5 }]);
    // The last line moved up to line 3: it follows line 9, now line 10.
    let mut moved = lines.clone();
    let last = moved.pop().unwrap();
    moved.insert(2, last);
    assert_eq!(found(&moved), [Tamper::Reordered { line: 3, after: 10 }]);
}

#[test]
fn a_changed_rev_is_the_line_altered_and_the_walk_goes_on() {
    let mut lines = chain(10);
    lines[5] = lines[5].replace("\"rev\":6", "\"rev\":60");
    // Line 6's own rev is off (its link is whole), then line 7 no longer
    // chains to it: one finding, not two.
    assert_eq!(found(&lines), [Tamper::Altered { line: 6 }]);
    // Two separate alterations are both named.
    let mut two = chain(10);
    two[1] = two[1].replace("v2", "x2");
    two[7] = two[7].replace("v8", "x8");
    assert_eq!(
        found(&two),
        [Tamper::Altered { line: 2 }, Tamper::Altered { line: 8 }]
    );
}

#[test]
fn the_first_field_that_differs() {
    let a = json!({"event": {"title": "A"}, "teams": [{"id": "T1", "name": "x"}, {"id": "T2", "name": "y"}]});
    let mut b = a.clone();
    assert_eq!(first_difference(&a, &b, String::new()), None);
    b["teams"][1]["name"] = "z".into();
    assert_eq!(
        first_difference(&a, &b, String::new()).as_deref(),
        Some("teams.T2.name")
    );
    b["event"]["title"] = "B".into();
    assert_eq!(
        first_difference(&a, &b, String::new()).as_deref(),
        Some("event.title")
    );
    let c = json!({"event": {"title": "A"}, "teams": [{"id": "T1", "name": "x"}]});
    assert_eq!(
        first_difference(&a, &c, String::new()).as_deref(),
        Some("teams")
    );
}
