//! The results screen drawn: snapshots (text only, colour off) at 80×24 and
//! 120×40 in French and English, each asserting key content; projector mode
//! hiding everything; the laureates' colour.

use ratatui::style::Color;

use super::snapshot_tests::{draw, drive, line_with, text};
use crate::app::fixture::{at, options};
use crate::app::results_fixture::{forum, large};
use crate::app::screens::results::ResultsKey;
use crate::app::{Action, App, Effect, Screen, update};
use crate::domain::{Dec, Lang, SheetKey};

fn app(lang: Lang) -> App {
    let mut app = App::new(forum(), options(lang), at(0));
    app.screen = Screen::Results;
    app
}

fn keys(app: &mut App, keys: &[ResultsKey]) {
    let actions: Vec<(Action, i64)> = keys.iter().map(|k| (Action::from(*k), 5)).collect();
    drive(app, &actions);
}

fn typed(app: &mut App, text: &str) {
    let k: Vec<ResultsKey> = text.chars().map(ResultsKey::Char).collect();
    keys(app, &k);
}

/// The decision form: the order changed (T2 down), "Présidente" typed as
/// who decided.
fn order_then_by(app: &mut App) {
    let order = [
        ResultsKey::Decide,
        ResultsKey::MoveDown,
        ResultsKey::Confirm,
    ];
    keys(app, &order);
    typed(app, "Présidente");
}

/// The forum after the jury ordered the tie T3, T2, T4.
fn decided(lang: Lang) -> App {
    let mut app = app(lang);
    order_then_by(&mut app);
    keys(&mut app, &[ResultsKey::Confirm]);
    typed(&mut app, "vote");
    keys(&mut app, &[ResultsKey::Confirm]);
    assert_eq!(app.session.decisions.len(), 1);
    app
}

#[test]
fn results_snapshots_with_a_tie_at_the_cut_off() {
    for lang in [Lang::Fr, Lang::En] {
        let app = app(lang);
        for size in [(80, 24), (120, 40)] {
            let t = draw(&app, at(5), size, false);
            let screen = text(&t);
            let has = |fr: &str, en: &str| screen.contains(lang.t(fr, en));
            assert!(has(
                "Classement officiel — moyenne",
                "Official ranking — mean"
            ));
            assert!(has("PROVISOIRE", "PROVISIONAL"), "{screen}");
            assert!(has("feuilles manquantes 1", "sheets missing 1"));
            assert!(has(
                "ÉGALITÉ À LA LIMITE : T2, T3, T4",
                "TIE AT THE CUT-OFF: T2, T3, T4"
            ));
            assert!(has("limite des lauréats (3)", "laureate cut-off (3)"));
            assert!(has("Val-d'Oise", "Val-d'Oise"));
            // Scores with two decimals, a comma in French.
            assert!(has("9,00", "9.00") && has("7,60", "7.60") && has("4,67", "4.67"));
            assert!(screen.contains("  2= ?   T2"), "{screen}");
            assert!(screen.contains("   6 ▽   T6"));
            assert!(screen.contains("█"), "bars");
            // The cut-off line lies between places 3 and 4: after T3's row.
            let lines: Vec<&str> = screen.lines().collect();
            let t3 = lines.iter().position(|l| l.contains(" T3 ")).unwrap();
            assert!(lines[t3 + 1].contains("┄┄"), "{screen}");
            assert!(lines[t3 + 2].contains(" T4 "));
            assert!(has(
                "Écart places 3/4 (T3 / T4) : 0,00",
                "Margin places 3/4 (T3 / T4): 0.00"
            ));
            if size.1 < 30 {
                // A short panel: the other methods on one line.
                assert!(
                    has(
                        "Lauréats sous les autres méthodes : normalisée +T4 +T3 · tronquée = (égalité)",
                        "Laureates under other methods: normalized +T4 +T3 · trimmed = (tie)"
                    ),
                    "{screen}"
                );
                assert!(screen.contains("Borda"));
            } else {
                assert!(has("Borda : +T4 +T3", "Borda: +T4 +T3"));
            }
            assert!(
                screen.contains("Garnier (J5)") || screen.contains("T5 · J5 Inès Garnier"),
                "{screen}"
            );
            assert!(has("d décider", "d decide"), "the footer");
            insta::assert_snapshot!(
                format!("results_{}_{}x{}", lang.code(), size.0, size.1),
                t.backend()
            );
        }
    }
}

#[test]
fn the_large_screen_explains_every_neighbour_pair() {
    let app = app(Lang::Fr);
    for size in [(120, 40), (200, 60)] {
        let screen = text(&draw(&app, at(5), size, false));
        assert!(screen.contains("Ce qui sépare les voisins"));
        assert!(screen.contains("T1 > T2 : score 9,00 contre 7,60"));
        assert!(screen.contains("T2 = T3 : ex aequo"));
        assert!(screen.contains("T5 > T6 : trop peu de feuilles"));
        assert!(screen.contains("Claire Dumont (J1)"), "{screen}");
    }
}

#[test]
fn results_after_the_jurys_decision() {
    for lang in [Lang::Fr, Lang::En] {
        let app = decided(lang);
        let t = draw(&app, at(6), (80, 24), false);
        let screen = text(&t);
        let has = |fr: &str, en: &str| screen.contains(lang.t(fr, en));
        assert!(
            has(
                "départagée par le jury : ordre T3, T2, T4 — Présidente,",
                "settled by the jury: order T3, T2, T4 — Présidente, \"vote\""
            ),
            "{screen}"
        );
        assert!(screen.contains("vote"));
        assert!(!has("ÉGALITÉ À LA LIMITE", "TIE AT THE CUT-OFF"));
        assert!(has("lauréats 3 / 3", "laureates 3 / 3"));
        assert!(screen.contains("   2 ★!  T3"), "{screen}");
        assert!(screen.contains("   3 ★!  T2"));
        assert!(screen.contains("   4 !   T4"));
        insta::assert_snapshot!(
            format!("results_decided_{}_80x24", lang.code()),
            t.backend()
        );
    }
}

#[test]
fn the_decision_form_over_the_screen() {
    let mut app = app(Lang::Fr);
    order_then_by(&mut app);
    let t = draw(&app, at(5), (80, 24), false);
    let screen = text(&t);
    assert!(screen.contains("Décision du jury — égalité à la limite"));
    assert!(screen.contains("[x] o : ordre décidé"));
    assert!(screen.contains("  2. T3 Chantiers ouverts"));
    assert!(screen.contains("  3. T2 Guichet unique"));
    assert!(screen.contains("Par : Présidente▏"));
    assert!(screen.contains("Qui a décidé ?"));
    // The results are provisional: the form says so, whole.
    assert!(
        screen.contains("│Résultats PROVISOIRES (3 feuilles à compléter) : une note à venir peut")
            && screen.contains("│    rendre cette décision caduque."),
        "{screen}"
    );
    // The footer says what the text field's keys do.
    let footer = screen.lines().last().unwrap();
    assert!(footer.contains("Entrée valider"), "{footer}");
    assert!(!footer.contains("ordre") && !footer.contains("quitter"));
    insta::assert_snapshot!("results_form_fr_80x24", t.backend());
}

#[test]
fn a_teams_detail() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app(lang);
        // T6: a partial sheet and a wrong handwritten total.
        keys(&mut app, &[ResultsKey::PageDown, ResultsKey::Detail]);
        let t = draw(&app, at(5), (120, 40), false);
        let screen = text(&t);
        let has = |fr: &str, en: &str| screen.contains(lang.t(fr, en));
        assert!(screen.contains("T6 Routes partagées — Somme"), "{screen}");
        assert!(has(
            "rang 6 · score 4,67 · 3 feuilles",
            "rank 6 · score 4.67 · 3 sheets"
        ));
        assert!(has("Moyenne par critère", "Mean per criterion"));
        assert!(has("incomplète", "partial"));
        assert!(
            // Compared with the plain sum, never the weighted total.
            has("Σ 6 ≠ 5 manuscrit", "Σ 6 ≠ 5 handwritten"),
            "{screen}"
        );
        assert!(has(
            "T5 > T6 : trop peu de feuilles",
            "T5 > T6: too few sheets"
        ));
        insta::assert_snapshot!(
            format!("results_detail_{}_120x40", lang.code()),
            t.backend()
        );
        // At 80×24 the table makes room: every juror's total is shown.
        let t = draw(&app, at(5), (80, 24), false);
        let screen = text(&t);
        assert!(screen.contains(" T6 "), "the selected row stays in view");
        for name in [
            "Claire Dumont",
            "Karim Benali",
            "Sophie Martin",
            "Luc Moreau",
            "Inès Garnier",
        ] {
            assert!(screen.contains(name), "{name}:\n{screen}");
        }
        // Each mean beside its criterion (one per line when there is room),
        // over the 3 sheets that count (not Karim Benali's, whose
        // handwritten total differs).
        assert!(
            line_with(&screen, "Impact").contains(lang.t("2,33", "2.33")),
            "{screen}"
        );
        insta::assert_snapshot!(format!("results_detail_{}_80x24", lang.code()), t.backend());
    }
}

#[test]
fn another_method_is_marked_as_a_comparison() {
    let mut app = app(Lang::En);
    keys(&mut app, &[ResultsKey::NextMethod]);
    let t = draw(&app, at(5), (80, 24), false);
    let screen = text(&t);
    assert!(screen.contains("COMPARISON — normalized (z-scores): NOT the official"));
    assert!(!screen.contains("Official ranking"));
    assert!(
        screen.contains("Against the official one (mean): +T4 +T3"),
        "{screen}"
    );
    insta::assert_snapshot!("results_normalized_en_80x24", t.backend());
    // Trimmed mean: a tie at the cut-off too, but nothing to decide there.
    keys(&mut app, &[ResultsKey::NextMethod]);
    let screen = text(&draw(&app, at(5), (80, 24), false));
    assert!(screen.contains("COMPARISON — trimmed mean"));
    assert!(
        screen.contains("Tie at the cut-off under this method: T2, T3, T4"),
        "{screen}"
    );
    assert!(!screen.contains("d to record"));
}

#[test]
fn projector_mode_hides_every_score_and_result() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = decided(lang);
        drive(&mut app, &[(Action::ToggleProjector, 6)]);
        for size in [(80, 24), (120, 40), (200, 60)] {
            let t = draw(&app, at(5), size, false);
            let screen = text(&t);
            assert!(
                screen.contains(lang.t("masqués (mode projecteur)", "hidden (projector mode)")),
                "{screen}"
            );
            for hidden in [
                "7,60", "7.60", "9,00", "9.00", "★", "█", "T3", "Guichet", "┄",
            ] {
                assert!(!screen.contains(hidden), "{hidden} shown:\n{screen}");
            }
            if size == (80, 24) {
                insta::assert_snapshot!(
                    format!("results_projector_{}_80x24", lang.code()),
                    t.backend()
                );
            }
        }
    }
}

#[test]
fn laureates_are_green_with_colour_and_bold_without() {
    let app = decided(Lang::Fr);
    for colour in [true, false] {
        let t = draw(&app, at(5), (80, 24), colour);
        let buf = t.backend().buffer();
        let screen = text(&t);
        let lines: Vec<&str> = screen.lines().collect();
        let y = |team: &str| lines.iter().position(|l| l.contains(team)).unwrap() as u16;
        // Column 5 holds the marks; T1 is selected (reversed), so look at T3.
        let star = &buf[(5, y(" T3 "))];
        assert_eq!(star.symbol(), "★");
        let plain = &buf[(10, y(" T5 "))];
        if colour {
            assert_eq!(star.fg, Color::Green);
            assert_ne!(plain.fg, Color::Green);
        } else {
            assert_eq!(star.fg, Color::Reset);
            assert!(star.modifier.contains(ratatui::style::Modifier::BOLD));
        }
    }
}

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

#[test]
fn a_large_tie_and_a_long_text_fit_the_form_at_80x24() {
    // Every sheet the same: twenty teams tied across the cut-off at 8.
    let mut s = large(20);
    for sheet in s.sheets.values_mut() {
        for v in sheet.values.values_mut() {
            *v = crate::domain::Dec::int(3);
        }
    }
    let mut app = App::new(s, options(Lang::Fr), at(0));
    app.screen = Screen::Results;
    keys(&mut app, &[ResultsKey::Decide]);
    assert_eq!(app.results.form.as_ref().unwrap().teams.len(), 20);
    keys(&mut app, &[ResultsKey::Down; 19]);
    let screen = text(&draw(&app, at(5), (80, 24), false));
    assert!(screen.contains(" 20. T20 Équipe 20"), "{screen}");
    assert!(!screen.contains("  1. T01"));
    assert!(screen.contains("Par : ") && screen.contains("Motif : "));
    keys(&mut app, &[ResultsKey::Confirm]);
    typed(&mut app, &"abcdefghij".repeat(10));
    typed(&mut app, "FIN");
    let screen = text(&draw(&app, at(5), (80, 24), false));
    assert!(screen.contains("FIN▏"), "{screen}");
    assert!(screen.contains("Par : …"));
}

/// The right-hand panel at 120×40 (from column 80), its wrapped lines
/// joined by single spaces.
fn panel(screen: &str) -> String {
    let parts: Vec<String> = screen
        .lines()
        .map(|l| l.chars().skip(80).collect::<String>().trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    parts.join(" ")
}

#[test]
fn s_finds_the_smallest_change_that_alters_the_laureates() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app(lang);
        let before = text(&draw(&app, at(5), (120, 40), false));
        assert!(before.contains(lang.t("s : plus petit changement", "s: smallest change")));
        // The search runs off the key handler: the panel says so meanwhile.
        let mut searching = app.clone();
        let effects = update(&mut searching, Action::from(ResultsKey::Sensitivity), at(5));
        assert!(
            matches!(effects.as_slice(), [Effect::Run(_)]),
            "{effects:?}"
        );
        let screen = panel(&text(&draw(&searching, at(5), (120, 40), false)));
        assert!(
            screen.contains(lang.t(
                "recherche du plus petit changement",
                "looking for the smallest change"
            )),
            "{screen}"
        );
        keys(&mut app, &[ResultsKey::Sensitivity]);
        let screen = panel(&text(&draw(&app, at(5), (120, 40), false)));
        // One step down on T2 breaks the tie: T3 and T4 become laureates.
        assert!(
            screen.contains(lang.t(
                "Plus petit changement qui modifie les lauréats : T2 · Claire",
                "Smallest change that alters the laureates: T2 · Claire"
            )),
            "{screen}"
        );
        assert!(screen.contains(lang.t("Impact 4 → 3 (-1 pas)", "Impact 4 → 3 (-1 step)")));
        // A new state of the session: the search is no longer shown.
        let app = decided(lang);
        let screen = panel(&text(&draw(&app, at(5), (120, 40), false)));
        assert!(!screen.contains("T2 · Claire"));
    }
}

#[test]
fn every_state_of_the_screen_draws_at_any_size() {
    let mut empty = App::new(crate::app::fixture::session(), options(Lang::En), at(0));
    empty.session.teams.clear();
    empty.session.schedule.clear();
    empty.screen = Screen::Results;
    let mut detail = app(Lang::Fr);
    keys(&mut detail, &[ResultsKey::Down, ResultsKey::Detail]);
    let mut form = app(Lang::Fr);
    keys(&mut form, &[ResultsKey::Decide, ResultsKey::Confirm]);
    typed(&mut form, "Jury");
    let sizes = (5..=25u16)
        .flat_map(|w| (2..=8u16).map(move |h| (w * 8, h * 5)))
        .chain([(50, 15), (79, 23), (300, 100)]);
    for size in sizes {
        for app in [&empty, &detail, &form] {
            let screen = text(&draw(app, at(5), size, true));
            if size.0 >= super::MIN_WIDTH && size.1 >= super::MIN_HEIGHT {
                assert!(
                    screen.contains("Résultats") || screen.contains("Results"),
                    "{size:?}"
                );
            }
        }
    }
    let screen = text(&draw(&empty, at(5), (80, 24), false));
    assert!(screen.contains("No team to rank."), "{screen}");
}

#[test]
fn a_tie_break_step_is_named_between_neighbours() {
    // T4's J1 sheet gives 5 + 3 instead of 4 + 4: the same total, a
    // higher impact mean, and impact is the first tie-break criterion.
    let mut s = forum();
    s.settings.tie_break = vec!["impact".into()];
    let sheet = s
        .sheets
        .get_mut(&crate::domain::SheetKey::new("T4".into(), "J1".into()))
        .unwrap();
    sheet
        .values
        .insert("impact".into(), crate::domain::Dec::int(5));
    sheet
        .values
        .insert("faisabilite".into(), crate::domain::Dec::int(3));
    let mut app = App::new(s, options(Lang::Fr), at(0));
    app.screen = Screen::Results;
    let screen = panel(&text(&draw(&app, at(5), (120, 40), false)));
    assert!(
        screen.contains("T1 > T4 : score 9,00 contre 7,60"),
        "{screen}"
    );
    assert!(
        screen.contains("T4 > T2 : même score, départage par le critère « Impact »"),
        "{screen}"
    );
    assert!(screen.contains("T2 = T3 : ex aequo"));
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

#[test]
fn a_stale_decision_is_announced_in_the_heading_naming_all_its_teams() {
    use crate::domain::{Decision, DecisionKind};
    for lang in [Lang::Fr, Lang::En] {
        let mut session = forum();
        // The jury ordered the tie T2, T3, T4; then a score of T2 changed.
        session.decisions.push(Decision {
            kind: DecisionKind::Order,
            teams: vec!["T3".into(), "T2".into(), "T4".into()],
            by: "Présidente".into(),
            reason: "vote".into(),
            at: at(1),
        });
        let sheet = session
            .sheets
            .get_mut(&SheetKey::new("T2".into(), "J1".into()))
            .expect("T2's sheet");
        sheet.values.insert("impact".into(), Dec::int(5));
        let mut app = App::new(session, options(lang), at(0));
        app.screen = Screen::Results;
        for size in [(80, 24), (120, 40), (200, 60)] {
            let screen = text(&draw(&app, at(5), size, false));
            let heading = line_with(&screen, lang.t("décision caduque sur", "stale decision on"));
            assert!(heading.contains("T3, T2, T4"), "{size:?}: {heading}");
            assert!(
                heading.contains(lang.t("PROVISOIRE", "PROVISIONAL")),
                "{heading}"
            );
            insta::assert_snapshot!(
                format!(
                    "results_stale_decision_{}_{}x{}",
                    lang.code(),
                    size.0,
                    size.1
                ),
                screen
            );
        }
    }
}
