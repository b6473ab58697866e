use proptest::prelude::*;

use super::*;
use crate::domain::decimal::Dec;
use crate::domain::id::sharing;
use crate::domain::session::FORMAT;
use crate::domain::{CriterionId, Mark};
use crate::storage::StoreError;
use crate::storage::state;

/// The shipped demo session: a real state file with its `sheets` empty.
const DEMO: &str = include_str!("../../assets/demo/forum.json");

/// The demo state file with `list` as its sheets.
fn with_sheets(list: &str) -> String {
    assert!(DEMO.contains("\"sheets\": [],"));
    DEMO.replacen("\"sheets\": []", &format!("\"sheets\": {list}"), 1)
}

fn by_serde(doc: &[u8]) -> Result<Session, serde_json::Error> {
    sharing(|| serde_json::from_slice::<Session>(doc))
}

fn fast(doc: &[u8]) -> Option<Session> {
    sharing(|| decode(doc, FORMAT))
}

/// Buffers from one byte (every token cut, every row read again with
/// more) to a few rows.
const TINY: [Sizes; 4] = [
    Sizes { chunk: 1, ahead: 1 },
    Sizes { chunk: 3, ahead: 1 },
    Sizes { chunk: 7, ahead: 5 },
    Sizes {
        chunk: 64,
        ahead: 16,
    },
];

/// A new session's state file (small) with `list` as its sheets.
fn small_with(list: &str) -> String {
    use crate::domain::{Event, Settings};
    let session = Session::new("s", Event::default(), Settings::default());
    let doc = String::from_utf8(state::encode(&session, state::Marks::default())).unwrap();
    assert!(doc.contains("\"sheets\": [],"), "{doc}");
    doc.replacen("\"sheets\": []", &format!("\"sheets\": {list}"), 1)
}

/// Read through a buffer of `sizes`, in one piece.
fn sized(doc: &[u8], sizes: Sizes) -> Option<Fast> {
    cut_near(doc, sizes, None)
}

/// Read through a buffer of `sizes`, cut in two halves near `guess`.
fn cut_near(doc: &[u8], sizes: Sizes, guess: Option<u64>) -> Option<Fast> {
    sharing(|| read_with(doc, FORMAT, 300, sizes, |_| guess)).expect("bytes always read")
}

/// What the fast reader gives, if anything, is what serde gives; and the
/// state file reader gives serde's session or serde's refusal.
fn same_as_serde(doc: &[u8]) -> Result<Option<Session>, TestCaseError> {
    let serde = by_serde(doc);
    let quick = fast(doc);
    for sizes in [TINY[0], TINY[2]] {
        let small = sized(doc, sizes).map(|f| f.session);
        prop_assert_eq!(small.as_ref(), quick.as_ref(), "{:?}", sizes);
    }
    // Cut in two halves near a row (a comma before a `{`), and anywhere
    // in the list: the same as in one piece.
    let list = doc.windows(8).position(|w| w == b"\"sheets\"").unwrap_or(0);
    let rows: Vec<usize> = memchr::memchr_iter(b',', &doc[list..])
        .map(|c| list + c)
        .filter(|&c| doc[c + 1..].iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
        .collect();
    let some = |n: usize| doc.len().wrapping_mul(7919) % n.max(1);
    let guess = match rows.get(some(rows.len())) {
        Some(&row) if doc.len().is_multiple_of(2) => row,
        _ => list + some(doc.len() - list),
    };
    {
        let halves = cut_near(doc, SIZES, Some(guess as u64)).map(|f| f.session);
        prop_assert_eq!(halves.as_ref(), quick.as_ref(), "cut near {}", guess);
    }
    let read = state::decode(Path::new("forum.json"), doc);
    match &serde {
        Ok(session) => {
            if let Some(quick) = &quick {
                prop_assert_eq!(quick, session);
            }
            prop_assert_eq!(read.as_ref().ok(), Some(session));
        }
        Err(e) => {
            prop_assert!(
                quick.is_none(),
                "the fast reader accepted what serde refuses: {e}"
            );
            match read {
                Err(StoreError::BadState { line, column, .. }) => {
                    prop_assert_eq!((line, column), (e.line(), e.column()));
                }
                other => prop_assert!(false, "not serde's refusal {e}: {other:?}"),
            }
        }
    }
    Ok(quick)
}

use std::path::Path;

/// A JSON string: plain ids (often the same, so sheets meet twice), and
/// odd ones: escapes, unicode, quotes, control characters, raw `\u`.
fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec!["T1", "T2", "J1", "J2", "impact", "cost", ""])
            .prop_map(|s| format!("\"{s}\"")),
        1 => prop::sample::select(vec!["équipe ✓", "a\"b", "back\\slash", "line\nbreak", "\u{1b}[31m", "tab\there"])
            .prop_map(|s| serde_json::to_string(s).unwrap()),
        1 => Just("\"\\u0054\\u0031\"".to_string()),
        1 => "[ -~]{0,6}".prop_map(|s| serde_json::to_string(&s).unwrap()),
    ]
}

/// A JSON number (or not quite one): integers, decimals of any length,
/// negatives, huge ones, exponents, leading zeros, cut ones.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (-10_000_000_000_000_i64..10_000_000_000_000).prop_map(|n| n.to_string()),
        3 => (any::<bool>(), 0_u64..2_000_000_000, "[0-9]{1,8}")
            .prop_map(|(neg, int, frac)| format!("{}{int}.{frac}", if neg { "-" } else { "" })),
        2 => (0_u32..21).prop_map(|h| (Dec::from_raw(i64::from(h) * 500_000)).to_string()),
        1 => prop::sample::select(vec![
            "1e3", "2.5E-1", "05", "-", "1.", "-0", "-0.0", "0.000001", "1e-6",
            "123456789012345678901234", "999999999.999999", "9223372036854", "null", "\"7\"", "true",
        ]).prop_map(String::from),
    ]
}

fn mark() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["\"absent\"", "\"recused\"", "\"bogus\"", "null", "1"])
        .prop_map(String::from)
}

fn values() -> impl Strategy<Value = String> {
    prop::collection::vec((string(), number()), 0..4).prop_map(|pairs| {
        let pairs: Vec<String> = pairs.iter().map(|(c, v)| format!("{c}: {v}")).collect();
        format!("{{{}}}", pairs.join(", "))
    })
}

const SPACES: [&str; 5] = ["", " ", "\n      ", "\t", "\r\n"];

/// A row, most often in the shape Podium writes; sometimes with an
/// unknown key, a missing one, or its keys in another order.
fn row() -> impl Strategy<Value = String> {
    (
        (string(), string(), prop::option::of(mark())),
        (prop::option::of(values()), prop::option::of(number())),
        (0..8_usize, 0..SPACES.len(), any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |((team, juror, mark), (values, handwritten), (turn, space, odd, drop))| {
                let mut fields = vec![format!("\"team\": {team}"), format!("\"juror\": {juror}")];
                fields.extend(mark.map(|m| format!("\"mark\": {m}")));
                fields.extend(values.map(|v| format!("\"values\": {v}")));
                fields.extend(handwritten.map(|h| format!("\"handwritten\": {h}")));
                if odd {
                    match turn % 4 {
                        0 => fields.push("\"note\": 1".into()),
                        1 if drop => {
                            fields.remove(turn % 2);
                        }
                        _ => {
                            let by = turn % fields.len();
                            fields.rotate_left(by);
                        }
                    }
                }
                let space = SPACES[space];
                format!("{{{space}{}{space}}}", fields.join(&format!(",{space}")))
            },
        )
}

/// A sheets list, sometimes with a row written twice or cut short.
fn list() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(row(), 0..6),
        0..4_usize,
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut rows, odd, cut)| {
            if odd == 1 && !rows.is_empty() {
                rows.push(rows[0].clone());
            }
            let text = format!("[\n    {}\n  ]", rows.join(",\n    "));
            if odd == 2 {
                let at = cut.index(text.len() + 1);
                text.char_indices()
                    .map(|(i, _)| i)
                    .find(|&i| i >= at)
                    .map_or(text.clone(), |i| text[..i].to_string())
            } else {
                text
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_fast_reader_reads_as_serde_or_not_at_all(list in list()) {
        same_as_serde(with_sheets(&list).as_bytes())?;
    }

    /// Values to the hundredth: smaller ones are written with an exponent
    /// (`1e-5`), which only the general way reads.
    #[test]
    fn what_podium_writes_is_read_fast(
        cells in prop::collection::vec(
            (0..4_usize, 0..4_usize, prop::option::of(0..2_u8),
             prop::collection::vec((0..3_usize, -200_000_000_i64..200_000_000), 0..4),
             prop::option::of(-9_900_i64..9_900)),
            0..12),
    ) {
        let mut session = by_serde(DEMO.as_bytes()).unwrap();
        const STEP: i64 = 10_000;
        let ids = ["T1", "équipe ✓", "J-2", "x"];
        for (team, juror, mark, values, handwritten) in cells {
            let sheet = Sheet {
                mark: mark.map(|m| if m == 0 { Mark::Absent } else { Mark::Recused }),
                values: values
                    .into_iter()
                    .map(|(c, v)| (CriterionId::new(ids[c]), Dec::from_raw(v * STEP)))
                    .collect(),
                handwritten: handwritten.map(|h| Dec::from_raw(h * STEP)),
            };
            session.sheets.insert(SheetKey::new(ids[team].into(), ids[juror].into()), sheet);
        }
        let bytes = state::encode(&session, state::Marks::default());
        let quick = same_as_serde(&bytes)?;
        prop_assert_eq!(quick.as_ref(), Some(&session), "not read fast");
    }
}

#[test]
fn the_shipped_demo_reads_the_same() {
    let quick = fast(DEMO.as_bytes()).expect("read fast");
    assert_eq!(quick, by_serde(DEMO.as_bytes()).unwrap());
}

#[test]
fn ids_are_shared_with_the_roster() {
    let team = by_serde(DEMO.as_bytes()).unwrap().teams[0].id.clone();
    let juror = by_serde(DEMO.as_bytes()).unwrap().jurors[0].id.clone();
    let doc = with_sheets(&format!(
        r#"[{{"team": "{team}", "juror": "{juror}", "values": {{"c": 2.5}}}}]"#
    ));
    let session = fast(doc.as_bytes()).expect("read fast");
    let (key, sheet) = session.sheets.iter().next().unwrap();
    assert!(key.team.shares(&session.teams[0].id));
    assert!(key.juror.shares(&session.jurors[0].id));
    assert_eq!(sheet.values["c"], Dec::parse("2.5").unwrap());
}

#[test]
fn a_sheet_written_twice_is_refused_as_serde_refuses_it() {
    let row = r#"{"team": "T1", "juror": "J1", "values": {"c": 1}}"#;
    let doc = with_sheets(&format!("[{row}, {row}]"));
    assert!(fast(doc.as_bytes()).is_none());
    let err = state::decode(Path::new("forum.json"), doc.as_bytes()).unwrap_err();
    assert!(format!("{err:?}").contains("written twice"), "{err:?}");
}

#[test]
fn a_sheets_text_inside_a_string_or_deeper_is_not_the_list() {
    // The title holds the key's text; the real list comes later.
    let doc = DEMO.replacen(
        "\"title\": \"",
        "\"title\": \"\\\"sheets\\\": [{\\\"team\\\": \\\"T9\\\"}] ",
        1,
    );
    let doc = doc.replacen(
        "\"sheets\": []",
        r#""sheets": [{"team": "T1", "juror": "J1", "mark": "absent"}]"#,
        1,
    );
    let session = fast(doc.as_bytes()).expect("read fast");
    assert_eq!(session, by_serde(doc.as_bytes()).unwrap());
    assert_eq!(session.sheets.len(), 1);
}

#[test]
fn the_bytes_around_the_list_are_kept_whole() {
    let list = r#"[{"team": "T1", "juror": "J1", "mark": "absent"}]"#;
    let doc = with_sheets(list);
    for sizes in TINY.into_iter().chain([SIZES]) {
        let fast = sized(doc.as_bytes(), sizes).expect("read fast");
        assert_eq!(fast.cut, None);
        assert_eq!(fast.first, doc.as_bytes()[..300]);
        assert_eq!(fast.rest, DEMO.as_bytes(), "{sizes:?}");
        assert_eq!(fast.session.sheets.len(), 1);
    }
    // A file shorter than the bytes asked first: all of it.
    let fast = sharing(|| read_with(doc.as_bytes(), FORMAT, 1 << 20, SIZES, |_| None)).unwrap();
    assert_eq!(fast.unwrap().first, doc.as_bytes());
}

/// `teams` × `jurors` rows as Podium writes them: values, a mark, a paper
/// total, an empty sheet.
fn rows(teams: usize, jurors: usize) -> Vec<String> {
    let mut rows = Vec::new();
    for t in 0..teams {
        for j in 0..jurors {
            let head = format!("{{\n      \"team\": \"T{t:03}\",\n      \"juror\": \"J{j:02}\"");
            rows.push(match (t + j) % 5 {
                0 => format!("{head},\n      \"mark\": \"absent\"\n    }}"),
                1 => format!("{head}\n    }}"),
                2 => format!("{head},\n      \"values\": {{\n        \"clarte\": {t}.5\n      }},\n      \"handwritten\": 12\n    }}"),
                _ => format!(
                    "{head},\n      \"values\": {{\n        \"clarte\": {j},\n        \"faisabilite\": 2.25,\n        \"utilite\": 7\n      }}\n    }}"
                ),
            });
        }
    }
    rows
}

fn list_of(rows: &[String]) -> String {
    format!("[\n    {}\n  ]", rows.join(",\n    "))
}

#[test]
fn a_list_cut_at_any_row_reads_as_in_one_piece() {
    let rows = rows(3, 4);
    let doc = small_with(&list_of(&rows));
    let whole = fast(doc.as_bytes()).expect("read fast");
    assert_eq!(whole, by_serde(doc.as_bytes()).unwrap());
    assert_eq!(whole.sheets.len(), 12);
    // Where each row after the first starts: just past its comma.
    let start = doc.find("\"sheets\"").unwrap();
    let boundaries: Vec<u64> = rows[1..]
        .iter()
        .map(|row| (doc[start..].find(row.as_str()).unwrap() + start - 5) as u64)
        .collect();
    assert!(
        boundaries
            .iter()
            .all(|&b| doc.as_bytes()[b as usize - 1] == b',')
    );
    let mut cuts = std::collections::BTreeSet::new();
    for guess in start as u64 - 2..doc.len() as u64 + 2 {
        let tiny = guess.is_multiple_of(5).then_some(TINY[2]);
        for sizes in [SIZES].into_iter().chain(tiny) {
            let read = cut_near(doc.as_bytes(), sizes, Some(guess)).expect("read fast");
            assert_eq!(read.session, whole, "cut near {guess}, {sizes:?}");
            assert_eq!(read.rest, small_with("[]").as_bytes());
            cuts.extend(read.cut);
        }
    }
    assert_eq!(cuts.into_iter().collect::<Vec<_>>(), boundaries);
}

#[test]
fn a_sheet_written_in_both_halves_is_refused() {
    let mut rows = rows(3, 4);
    rows.push(rows[1].clone());
    let doc = small_with(&list_of(&rows));
    let start = doc.find("\"sheets\"").unwrap() as u64;
    for guess in (start..doc.len() as u64).step_by(3) {
        let read = sharing(|| read_with(doc.as_bytes(), FORMAT, 0, SIZES, |_| Some(guess)));
        assert!(read.unwrap().is_none(), "cut near {guess}");
    }
    let err = state::decode(Path::new("forum.json"), doc.as_bytes()).unwrap_err();
    assert!(
        format!("{err:?}").contains("T000 and juror J01 written twice"),
        "{err:?}"
    );
}

#[test]
fn a_big_list_is_read_in_halves_each_sharing_its_ids() {
    // Over a megabyte of sheets: `read` cuts it near the middle.
    let doc = with_sheets(&list_of(&rows(100, 100)));
    assert!(doc.len() as u64 > HALVES);
    let read = sharing(|| read(doc.as_bytes(), FORMAT, 0))
        .unwrap()
        .expect("read fast");
    let cut = read.cut.expect("read in halves") as usize;
    assert!(
        (doc.len() * 2 / 5..doc.len() * 3 / 5).contains(&cut),
        "{cut}"
    );
    let session = read.session;
    assert_eq!(session, by_serde(doc.as_bytes()).unwrap());
    // Each id's text has at most two strings (one a half); the first
    // half's are the roster's (its reader's table is the caller's).
    let mut strings: BTreeMap<String, Vec<*const u8>> = BTreeMap::new();
    let mut note = |text: &str| {
        let seen = strings.entry(text.to_string()).or_default();
        if !seen.contains(&text.as_ptr()) {
            seen.push(text.as_ptr());
        }
    };
    for (key, sheet) in &session.sheets {
        note(&key.team);
        note(&key.juror);
        sheet.values.keys().for_each(|c| note(c));
    }
    assert!(strings.values().all(|seen| seen.len() <= 2), "{strings:?}");
    let list = doc.find("\"sheets\"").unwrap();
    let before = doc[list..cut].matches("\"team\":").count();
    let j01 = &session.jurors.iter().find(|j| j.id == "J01").unwrap().id;
    let clarte = &session
        .criteria
        .iter()
        .find(|c| c.id == "clarte")
        .unwrap()
        .id;
    let (mut first, mut second) = (0, 0);
    for (i, (key, sheet)) in session.sheets.iter().enumerate() {
        let criterion = sheet.values.keys().find(|c| *c == "clarte");
        if i < before {
            first += 1;
            assert!(key.juror != "J01" || key.juror.shares(j01), "{key:?}");
            assert!(criterion.is_none_or(|c| c.shares(clarte)), "{key:?}");
        } else if key.juror == "J01" {
            second += 1;
            assert!(!key.juror.shares(j01), "{key:?}");
        }
    }
    assert!(first > 1000 && second > 10, "{first} {second}");
}
