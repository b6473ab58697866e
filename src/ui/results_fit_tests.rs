//! The results screen at 80×24: a long ranking readable and scrolled to
//! the selection, the demo with one team scored, what is missing listed as
//! far as it fits.

#![cfg(test)]

use super::results_tests::keys;
use super::snapshot_tests::{draw, text};
use crate::app::fixture::{at, options};
use crate::app::results_fixture::large;
use crate::app::screens::results::ResultsKey;
use crate::app::{App, Screen};
use crate::domain::{Dec, Lang, SheetKey};

#[test]
fn a_long_ranking_is_readable_at_80x24() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = App::new(large(24), options(lang), at(0));
        app.screen = Screen::Results;
        let t = draw(&app, at(5), (80, 24), false);
        let screen = text(&t);
        // The column heads whole, then as many rows as fit: every line
        // between the heads and the legend is a row (or the cut-off), the
        // panel below keeps three lines.
        let lines: Vec<&str> = screen.lines().collect();
        let find = |needle: &str| {
            lines
                .iter()
                .position(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("{needle:?} in\n{screen}"))
        };
        let head = lines[find(lang.t("Rang ", "Rank "))];
        for column in [
            lang.t("Éq.", "Team"),
            lang.t("Nom", "Name"),
            lang.t("Score", "Score"),
            lang.t("Feuil.", "Sheets"),
        ] {
            assert!(head.contains(column), "{column}: {head}");
        }
        assert!(head.ends_with("1/24"), "{head}");
        let (first, legend) = (
            find(lang.t("Rang ", "Rank ")) + 1,
            find("∅"), // only the legend
        );
        let rows = lines[first..legend]
            .iter()
            .filter(|l| l.contains('█'))
            .count();
        assert_eq!(rows + 1, legend - first, "{screen}");
        assert!(rows >= 12, "{screen}");
        assert_eq!(
            lines.len() - 2 - legend - 1,
            3,
            "a three-line panel:\n{screen}"
        );
        assert!(screen.contains(lang.t("limite des lauréats (8)", "laureate cut-off (8)")));
        insta::assert_snapshot!(format!("results_long_{}_80x24", lang.code()), t.backend());
    }
}

#[test]
fn a_long_ranking_scrolls_to_the_selection_at_80x24() {
    let mut app = App::new(large(24), options(Lang::Fr), at(0));
    app.screen = Screen::Results;
    let first = text(&draw(&app, at(5), (80, 24), false));
    assert!(first.contains("1/24"), "{first}");
    let ranking = app.results.ranking(&app.session);
    let top = &ranking.ranking[0].team;
    let bottom = &ranking.ranking[23].team;
    assert!(first.contains(&format!(" {top} ")));
    assert!(!first.contains(&format!(" {bottom} ")));
    keys(
        &mut app,
        &[
            ResultsKey::PageDown,
            ResultsKey::PageDown,
            ResultsKey::PageDown,
        ],
    );
    let last = text(&draw(&app, at(5), (80, 24), false));
    assert!(last.contains("24/24"), "{last}");
    assert!(last.contains(&format!(" {bottom} ")), "{last}");
    assert!(!last.contains(&format!(" {top} ")));
    // The cut-off line after place 8 is drawn where it falls.
    keys(&mut app, &[ResultsKey::PageUp, ResultsKey::PageUp]);
    let middle = text(&draw(&app, at(5), (80, 24), false));
    assert!(middle.contains("limite des lauréats (8)"), "{middle}");
    for size in [(120, 40), (200, 60)] {
        let t = draw(&app, at(5), size, false);
        let screen = text(&t);
        assert!(screen.contains(&format!(" {top} ")) && screen.contains(&format!(" {bottom} ")));
        if size == (200, 60) {
            // Every row, every neighbour pair and the warnings side by side.
            assert!(screen.contains("Ce qui sépare les voisins"));
            assert_eq!(
                screen.matches(" : score ").count()
                    + screen.matches(" : ex aequo").count()
                    + screen.matches(" : même score").count(),
                23,
                "{screen}"
            );
            insta::assert_snapshot!("results_large_fr_200x60", t.backend());
        }
    }
}

/// The demo forum with T01 scored by every juror but J05 (J01 and J02,
/// of T01's organisation, are recused): 14 teams have no sheet.
fn demo_one_team_scored(lang: Lang) -> App {
    let mut s: crate::domain::Session =
        serde_json::from_str(crate::commands::demo::STATE).expect("the demo session");
    for j in ["J03", "J04", "J06", "J07", "J08", "J09", "J10"] {
        let sheet = s
            .sheets
            .entry(SheetKey::new("T01".into(), j.into()))
            .or_default();
        for c in ["utilite", "faisabilite", "transfert", "cooperation"] {
            sheet.values.insert(c.into(), Dec::int(12));
        }
        sheet.values.insert("clarte".into(), Dec::int(4));
    }
    let mut app = App::new(s, options(lang), at(0));
    app.screen = Screen::Results;
    app
}

#[test]
fn with_one_team_scored_the_demo_results_fit_and_say_why_places_are_empty() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = demo_one_team_scored(lang);
        let screen = text(&draw(&app, at(5), (120, 40), false));
        let has = |fr: &str, en: &str| screen.contains(lang.t(fr, en));
        assert!(has("lauréats 1 / 8", "laureates 1 / 8"), "{screen}");
        // Not "every team is a laureate": 14 teams have no sheet yet.
        assert!(!has("toutes sont lauréates", "every team is a laureate"));
        assert!(has(
            "Seule 1 équipe a au moins 1 feuille",
            "Only 1 team has at least 1 sheet"
        ));
        assert!(has("14 autres ne", "other 14 cannot"), "{screen}");
        // Each missing sheet names its team and its juror, whole.
        assert!(
            has(
                "T01 · J05 Nadine Lecomte · manquante",
                "T01 · J05 Nadine Lecomte · missing"
            ),
            "{screen}"
        );
        assert!(screen.contains("T02 · J01 Martine Delcourt"), "{screen}");
        // The legend wraps instead of stopping at "∅".
        assert!(has("∅\u{a0}aucune", "∅\u{a0}none"), "{screen}");
        // At 80×24 the detail of T01 shows every juror, J09 and J10 too.
        keys(&mut app, &[ResultsKey::Detail]);
        let screen = text(&draw(&app, at(5), (80, 24), false));
        for name in [
            "Sylvie Descha",
            "Nadine Lecomte",
            "Corinne Lefort",
            "Djamel Saïdi",
        ] {
            assert!(screen.contains(name), "{name}:\n{screen}");
        }
        assert!(screen.contains(lang.t("manquante", "missing")), "{screen}");
    }
}

/// The forum with 5 more sheets missing: what is missing does not fit the
/// panel one per line; at 80×20 not even one line is left below its
/// heading, and the items go side by side after it.
#[test]
fn what_is_missing_lists_as_many_as_fit_then_how_many_more() {
    for lang in [Lang::Fr, Lang::En] {
        let mut s = crate::app::results_fixture::forum();
        let keys: Vec<SheetKey> = s.sheets.keys().take(5).cloned().collect();
        for k in &keys {
            s.sheets.remove(k);
        }
        let mut app = App::new(s, options(lang), at(0));
        app.screen = Screen::Results;
        for h in [20, 21, 22, 24] {
            let t = draw(&app, at(5), (80, h), false);
            let screen = text(&t);
            let start = screen
                .find(lang.t("Ce qui manque (", "What is missing ("))
                .unwrap_or_else(|| panic!("{screen}"));
            // Down to the status line.
            let block: Vec<&str> = screen[start..].lines().collect();
            let block = block[..block.len() - 2].join(" ");
            let total: usize = block
                .split(['(', ')'])
                .nth(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{block}"));
            // Each item names its team: `T1 · J1 …`, `T1/J1 …`.
            let listed = block
                .as_bytes()
                .windows(2)
                .filter(|w| w[0] == b'T' && w[1].is_ascii_digit())
                .count();
            assert!(listed >= 1, "at least one named at 80×{h}: {block}");
            let more: usize = block
                .rsplit(lang.t("… et ", "… and "))
                .next()
                .filter(|_| listed < total)
                .and_then(|t| t.split(' ').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            assert_eq!(listed + more, total, "80×{h}: {block}");
            if h == 20 {
                insta::assert_snapshot!(
                    format!("results_missing_{}_80x20", lang.code()),
                    t.backend()
                );
            }
        }
    }
}

/// The demo with one team scored, one sheet half done and one paper total
/// off: at 80 columns the heading's counts stay with their words (none
/// alone on a line), and the footer has sealing and the reveal.
#[test]
fn results_of_the_demo_at_80x24_and_200x60_keep_counts_with_their_words_and_seal_on_the_footer() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = demo_one_team_scored(lang);
        let s = app.session_mut();
        let key = SheetKey::new("T01".into(), "J05".into());
        s.sheets
            .entry(key)
            .or_default()
            .values
            .insert("utilite".into(), Dec::int(10));
        let key = SheetKey::new("T01".into(), "J04".into());
        s.sheets.entry(key).or_default().handwritten = Some(Dec::int(1));
        for (w, h) in [(80, 24), (200, 60)] {
            let t = draw(&app, at(5), (w, h), false);
            let screen = text(&t);
            let lines: Vec<&str> = screen.lines().collect();
            let heading = lang.t(
                "PROVISOIRE — 112 feuilles manquantes · 1 incomplète",
                "PROVISIONAL — 112 missing sheets · 1 partial",
            );
            let at = lines.iter().position(|l| l.contains(heading));
            let at = at.unwrap_or_else(|| panic!("{heading}:\n{screen}"));
            let mismatch = lang.t("1 total papier différent", "1 paper total mismatch");
            assert!(
                lines[at].contains(mismatch) || lines[at + 1].trim_start().starts_with(mismatch),
                "{screen}"
            );
            let footer = lines.last().unwrap_or(&"");
            for item in [
                lang.t(" S sceller ", " S seal "),
                lang.t(" v proclamer ", " v reveal "),
            ] {
                assert!(footer.contains(item), "{item} on {footer}");
            }
            let name = format!("results_demo_counts_{}_{w}x{h}", lang.code());
            insta::assert_snapshot!(name, t.backend());
        }
    }
}

/// A heading too long for its line breaks between its items, a count
/// never apart from its words; an item wider than the line breaks inside.
#[test]
fn a_heading_line_breaks_between_its_items() {
    use crate::ui::screens::results::heading_lines;
    let text =
        "PROVISOIRE — 1 234 feuilles manquantes · 56 incomplètes · 12 totaux papier différents";
    assert_eq!(
        heading_lines(text, 80),
        [
            "PROVISOIRE — 1 234 feuilles manquantes · 56 incomplètes",
            "    12 totaux papier différents"
        ]
    );
    assert_eq!(heading_lines(text, 100), [text]);
    let long = format!("{} · b", "a ".repeat(50));
    let lines = heading_lines(&long, 40);
    assert!(lines.iter().all(|l| l.chars().count() <= 40), "{lines:?}");
}
