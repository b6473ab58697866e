//! The terminal table lines its columns up in terminal cells: a decomposed
//! accent, a CJK name, an emoji or an escaped control never shift them.

use chrono::FixedOffset;

use crate::domain::fixture::{self, put3};
use crate::domain::ranking::rank;
use crate::domain::{Lang, Session};
use crate::report::Context;
use crate::words::width::width;

/// The fixture's four teams, each scored, named `names`.
fn named(names: [&str; 4]) -> Session {
    let mut s = fixture::session();
    for (i, name) in names.into_iter().enumerate() {
        s.teams[i].name = name.to_string();
    }
    for (team, v) in [("T01", "5"), ("T02", "4"), ("T03", "3"), ("T04", "2")] {
        for j in ["J1", "J2"] {
            put3(&mut s, team, j, v, v, v);
        }
    }
    s
}

fn table(s: &Session) -> String {
    let cx = Context {
        session: s,
        lang: Lang::Fr,
        offset: FixedOffset::east_opt(3600).unwrap(),
        digest: None,
    };
    super::render(&rank(s, s.settings.method), &cx)
}

/// The cell where the organisation's column starts on the header line and
/// on each team's line (the fixture's organisations are plain words).
fn org_columns(text: &str) -> Vec<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let header = lines.iter().position(|l| l.contains("Équipe")).unwrap();
    let at = |line: &str, word: &str| width(&line[..line.find(word).unwrap()]);
    let mut columns = vec![at(lines[header], "Org")];
    for line in &lines[header + 1..] {
        if let Some(org) = ["  somme", "  nord", "  oise"]
            .iter()
            .find(|o| line.contains(**o))
        {
            columns.push(at(line, org) + 2);
        }
    }
    columns
}

#[test]
fn wide_and_combining_names_keep_the_columns_in_line() {
    let mut shifted = Vec::new();
    for names in [
        ["Cafe\u{301} solidaire", "Guichet", "Chantiers", "PMI"],
        ["東京チーム", "Guichet", "Chantiers", "PMI"],
        ["Fusée 🚀🚀", "Guichet", "Chantiers", "PMI"],
        ["Can\u{1b}]0;x\u{7}tine", "Guichet", "Chantiers", "PMI"],
    ] {
        let text = table(&named(names));
        let columns = org_columns(&text);
        assert_eq!(columns.len(), 5, "{text}");
        if columns.iter().any(|c| *c != columns[0]) {
            shifted.push(format!("{:?} {columns:?}:\n{text}", names[0]));
        }
    }
    assert!(shifted.is_empty(), "{}", shifted.join("\n"));
}

#[test]
fn a_control_in_a_name_is_shown_escaped() {
    let text = table(&named(["Can\u{1b}]0;x\u{7}tine", "B", "C", "D"]));
    assert!(text.contains("Can\\u{1b}]0;x\\u{7}tine"), "{text}");
    assert!(
        !text
            .chars()
            .any(|c| c != '\n' && crate::domain::validate::is_unsafe_char(c))
    );
}

#[test]
fn a_huge_name_is_cut_and_the_lines_stay_short() {
    let huge = "W".repeat(100_000);
    let text = table(&named([
        &huge,
        "Guichet",
        "Chantiers",
        "東".repeat(40).as_str(),
    ]));
    // The table's lines (the warnings after it are sentences, wrapped by
    // the terminal).
    let rows = text
        .split("\n\n")
        .find(|part| part.contains("Rang"))
        .unwrap();
    let longest = rows.lines().map(width).max().unwrap();
    assert!(longest < 200, "a line of {longest} cells");
    let cut = format!("{}…", "W".repeat(super::TEXT_CELLS - 1));
    assert!(text.contains(&cut), "{text}");
    // A wide name is cut in cells, never half a character.
    let wide = format!("{}…", "東".repeat((super::TEXT_CELLS - 1) / 2));
    assert!(text.contains(&wide), "{text}");
    assert_eq!(
        org_columns(&text)
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        1
    );
}
