//! Sealing the results: the two operations, their inverses, what they
//! refuse, the journal and the state file.

mod common;

use std::time::Duration;

use common::ops::*;
use common::*;
use podium::domain::{Change, Refusal, Session};
use podium::storage;

#[test]
fn seal_and_unseal_are_each_others_inverse() {
    let s = base();
    assert!(!s.is_sealed());
    let sealed = round_trip(&s, Change::Seal);
    assert!(sealed.is_sealed());
    let unsealed = round_trip(&sealed, Change::Unseal);
    assert!(!unsealed.is_sealed());
    assert_eq!(unsealed, s);
    assert_eq!(Change::Seal.inverse(), Some(Change::Unseal));
    assert_eq!(Change::Unseal.inverse(), Some(Change::Seal));
}

#[test]
fn sealing_twice_or_unsealing_what_is_not_sealed_is_refused() {
    let s = base();
    assert_eq!(refused(&s, Change::Unseal), Refusal::NotSealed);
    let sealed = with(&s, &[Change::Seal]);
    assert_eq!(refused(&sealed, Change::Seal), Refusal::AlreadySealed);
    assert_eq!(
        Refusal::AlreadySealed.message(podium::domain::Lang::Fr),
        "les résultats sont déjà scellés"
    );
    assert_eq!(Refusal::NotSealed.to_string(), "the results are not sealed");
}

#[test]
fn scores_are_still_entered_while_sealed() {
    let sealed = with(&base(), &[Change::Seal]);
    let scored = round_trip(&sealed, set_cell("T1", "J1", "c1", None, Some(dec("7"))));
    assert!(scored.is_sealed());
    assert_eq!(
        scored.value(&"T1".into(), &"J1".into(), &"c1".into()),
        Some(dec("7"))
    );
}

#[test]
fn a_state_file_without_the_seal_reads_unsealed_and_an_unsealed_one_writes_none() {
    let s = base();
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("sealed"), "an unsealed state writes no seal");
    let read: Session = serde_json::from_str(&json).unwrap();
    assert!(!read.is_sealed());

    let sealed = with(&s, &[Change::Seal]);
    let json = serde_json::to_string(&sealed).unwrap();
    assert!(json.contains(r#""sealed":true"#), "{json}");
    let read: Session = serde_json::from_str(&json).unwrap();
    assert!(read.is_sealed());
}

#[test]
fn the_seal_is_journaled_and_survives_reopening_and_a_checkpoint() {
    let (_dir, path) = folder();
    storage::create(&path, &session("s", 2, 1), "w", at(0)).unwrap();
    let wait = Duration::from_secs(1);
    storage::commit(&path, &op(Change::Seal), wait).unwrap();
    let lines = journal_lines(&path);
    assert!(
        lines
            .last()
            .unwrap()
            .contains(r#""change":{"kind":"seal"}"#),
        "{lines:?}"
    );
    assert!(storage::load(&path).unwrap().is_sealed());

    // Sealed again: refused, nothing written.
    let refused = storage::commit(&path, &op(Change::Seal), wait);
    assert!(refused.is_err());
    assert_eq!(journal_lines(&path).len(), lines.len());

    storage::checkpoint(&path, wait).unwrap();
    assert!(storage::load(&path).unwrap().is_sealed());
    storage::commit(&path, &op(Change::Unseal), wait).unwrap();
    assert!(!storage::load(&path).unwrap().is_sealed());
    storage::checkpoint(&path, wait).unwrap();
    assert!(!storage::load(&path).unwrap().is_sealed());
}
