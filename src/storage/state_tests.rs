//! Tests of the state file: formats and migrations, round trips, serde's reading and errors, shared ids.

use super::*;
use crate::domain::{Event, Lang, Settings};

fn session() -> Session {
    Session::new("s", Event::default(), Settings::default())
}

fn with_format(format: serde_json::Value) -> Vec<u8> {
    let mut value = serde_json::to_value(session()).unwrap();
    value["format"] = format;
    serde_json::to_vec(&value).unwrap()
}

#[test]
fn the_current_format_reads_back() {
    let s = session();
    let none = Marks::default();
    assert_eq!(decode(Path::new("f.json"), &encode(&s, none)).unwrap(), s);
    let digest = "ab".repeat(32);
    let bytes = encode(&s, Marks::new(&digest, None));
    assert_eq!(decode(Path::new("f.json"), &bytes).unwrap(), s);
    assert_eq!(marks_of(&bytes), (Some(digest.clone()), None));
    // Another writer's field order: still found.
    let mut value = serde_json::to_value(&s).unwrap();
    value["journal_digest"] = digest.clone().into();
    assert_eq!(
        marks_of(&serde_json::to_vec(&value).unwrap()),
        (Some(digest.clone()), None)
    );
    assert_eq!(marks_of(&encode(&s, none)), (None, None));
    // Where the line lies, beside the digest.
    let line = Span {
        start: 12,
        end: 66_034_539,
    };
    let bytes = encode(&s, Marks::new(&digest, Some(line)));
    assert_eq!(decode(Path::new("f.json"), &bytes).unwrap(), s);
    assert_eq!(marks_of(&bytes), (Some(digest.clone()), Some(line)));
    let text = String::from_utf8_lossy(&bytes);
    let top = format!(
        "{{\n  \"journal_digest\": \"{digest}\",\n  \"journal_line\": {{\n    \"start\": 12,\n    \"end\": 66034539\n  }},\n  \"format\": 1,"
    );
    assert!(text.starts_with(&top), "{text}");
    value["journal_line"] = serde_json::json!({"end": 9, "start": 3});
    assert_eq!(
        marks_of(&serde_json::to_vec(&value).unwrap()),
        (Some(digest.clone()), Some(Span { start: 3, end: 9 }))
    );
    for junk in [
        serde_json::json!("3-9"),
        serde_json::json!({"start": -1, "end": 9}),
    ] {
        value["journal_line"] = junk;
        let bytes = serde_json::to_vec(&value).unwrap();
        assert_eq!(marks_of(&bytes), (Some(digest.clone()), None));
    }
    // A revision still read from the first bytes.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.json");
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(revision_of(&path), Some(s.revision));
    let read = read(&path).unwrap().unwrap();
    assert_eq!((read.digest, read.line), (Some(digest), Some(line)));
}

#[test]
fn a_newer_format_is_refused_even_when_it_parses() {
    for bytes in [
        with_format(99.into()),
        br#"{"format": 2, "new": true}"#.to_vec(),
    ] {
        let err = decode(Path::new("f.json"), &bytes).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::NewerFormat {
                    supported: FORMAT,
                    ..
                }
            ),
            "{err:?}"
        );
    }
}

#[test]
fn an_unknown_older_format_says_so() {
    let err = decode(Path::new("f.json"), &with_format(0.into())).unwrap_err();
    assert!(err.message(Lang::En).contains("unknown format 0"), "{err}");
}

#[test]
fn not_a_session_names_the_position() {
    let err = decode(Path::new("f.json"), b"{\n  \"format\": 1,\n  \"id\": 3\n}").unwrap_err();
    match err {
        StoreError::BadState { line, .. } => assert_eq!(line, 3),
        other => panic!("{other:?}"),
    }
    let err = decode(Path::new("f.json"), b"[1, 2").unwrap_err();
    assert!(err.message(Lang::Fr).starts_with("f.json:1:"), "{err}");
}

#[test]
fn migrations_run_in_order_up_to_the_current_format() {
    let value = serde_json::to_value(session()).unwrap();
    assert_eq!(migrate(value.clone(), FORMAT).unwrap(), value);
    assert!(migrate(value, 0).is_err());
}

/// The fixture forum with values, a mark and a paper total.
fn scored() -> Session {
    use crate::domain::fixture::{mark, put, put3};
    let mut s = crate::domain::fixture::session();
    put3(&mut s, "T02", "J1", "4", "2.5", "3");
    put3(&mut s, "T01", "J2", "1", "0", "5");
    put(&mut s, "T03", "J1", &[("impact", "2")]);
    mark(&mut s, "T04", "J3", crate::domain::Mark::Absent);
    let paper = s.sheets.values_mut().next().unwrap();
    paper.handwritten = Some(crate::domain::Dec::int(12));
    s
}

#[test]
fn a_state_file_reads_back_and_writes_the_same_bytes() {
    let shipped = crate::commands::demo::STATE.as_bytes();
    let session = decode(Path::new("f.json"), shipped).unwrap();
    let (digest, line) = marks_of(shipped);
    let marks = Marks {
        digest: digest.as_deref(),
        line,
    };
    assert_eq!(encode(&session, marks), shipped);
    // Values, marks and paper totals.
    let scored = scored();
    let bytes = encode(&scored, marks);
    let text = String::from_utf8_lossy(&bytes);
    let sheet = "\"team\": \"T02\",\n      \"juror\": \"J1\",\n      \"values\": {\n        \"equipe\": 3,\n        \"faisabilite\": 2.5,\n        \"impact\": 4\n      }\n";
    assert!(text.contains(sheet), "{text}");
    let back = decode(Path::new("f.json"), &bytes).unwrap();
    assert_eq!(back, scored);
    assert_eq!(encode(&back, marks), bytes);
}

#[test]
fn a_state_file_gives_serde_s_session_or_serde_s_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("forum.json");
    assert!(read(&path).unwrap().is_none());
    let digest = "cd".repeat(32);
    let line = Span { start: 7, end: 99 };
    let good = encode(&scored(), Marks::new(&digest, Some(line)));
    fs::write(&path, &good).unwrap();
    let checkpoint = read(&path).unwrap().unwrap();
    assert_eq!(checkpoint.session, scored());
    assert_eq!(
        (checkpoint.digest, checkpoint.line),
        (Some(digest), Some(line))
    );
    // A value spoilt in the sheets: serde's refusal, at its place.
    let text = String::from_utf8(good).unwrap();
    let bad = text.replacen("\"equipe\": 3", "\"equipe\": 3x", 1);
    assert_ne!(bad, text);
    fs::write(&path, &bad).unwrap();
    let serde = serde_json::from_str::<Session>(&bad).unwrap_err();
    match read(&path) {
        Err(StoreError::BadState { line, column, .. }) => {
            assert_eq!((line, column), (serde.line(), serde.column()));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn ids_read_from_a_state_file_share_one_string_each() {
    let session = decode(Path::new("f.json"), &encode(&scored(), Marks::default())).unwrap();
    let team = |id: &str| &session.teams.iter().find(|t| t.id == id).unwrap().id;
    let juror = |id: &str| &session.jurors.iter().find(|j| j.id == id).unwrap().id;
    let criterion = |id: &str| &session.criteria.iter().find(|c| c.id == id).unwrap().id;
    let mut values = 0;
    for (key, sheet) in &session.sheets {
        assert!(key.team.shares(team(&key.team)), "{key:?}");
        assert!(key.juror.shares(juror(&key.juror)), "{key:?}");
        for (c, _) in &sheet.values {
            assert!(c.shares(criterion(c)), "{c}");
            values += 1;
        }
    }
    assert!(values > 0);
    for slot in &session.schedule {
        if let Some(id) = slot.team() {
            assert!(id.shares(team(id)));
        }
    }
}
