use ratatui::Terminal;
use ratatui::backend::TestBackend;

use ratatui::style::Color;

use super::*;
use crate::app::screens::scores::grid::GridKey;
use crate::domain::fixture::{d, mark, put, put3, session};
use crate::domain::{Mark, SheetKey};
use crate::ui::snapshot_tests::{line_with, text};

fn draw(
    s: &Session,
    g: &Grid,
    lang: Lang,
    w: u16,
    h: u16,
    projector: bool,
) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| {
        f.render_widget(
            GridView {
                session: s,
                grid: g,
                lang,
                projector,
                saves: true,
                color: false,
            },
            f.area(),
        )
    })
    .unwrap();
    t
}

fn keys(g: &mut Grid, s: &mut Session, text: &str, save: bool) {
    for c in text.chars() {
        let key = if c == '\n' {
            GridKey::Enter
        } else {
            GridKey::Char(c)
        };
        if let Some(change) = g.handle(s, key)
            && save
        {
            let outcome = crate::app::fixture::commit(s, &change);
            g.on_outcome(&change, &outcome);
        }
    }
}

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [Lang; 2] = [Lang::Fr, Lang::En];

fn snap(name: &str, s: &Session, g: &Grid, check: impl Fn(&str, Lang, u16)) {
    snap_at(&SIZES, name, s, g, check);
}

fn snap_at(
    sizes: &[(u16, u16)],
    name: &str,
    s: &Session,
    g: &Grid,
    check: impl Fn(&str, Lang, u16),
) {
    for &(w, h) in sizes {
        for lang in LANGS {
            let t = draw(s, g, lang, w, h, false);
            let screen = text(&t);
            check(&screen, lang, w);
            insta::assert_snapshot!(format!("grid_{name}_{w}x{h}_{}", lang.code()), t.backend());
        }
    }
}

#[test]
fn empty_grid() {
    let s = session();
    let mut g = Grid::default();
    g.open(&s);
    snap("empty", &s, &g, |screen, lang, _| {
        assert!(screen.contains("T01 · Cantine verte — Menus locaux (Somme)"));
        for j in ["J1 Anne Leroy", "J5 Emma Petit"] {
            assert!(screen.contains(j));
        }
        let j1 = line_with(screen, "J1 Anne");
        assert!(
            j1.starts_with('›') && j1.contains(" [") && j1.contains("·]"),
            "cursor on J1's first cell: {j1}"
        );
        assert!(screen.contains(lang.t("0 fiche sur 5 compte", "0 of 5 sheets count")));
        assert!(screen.contains(lang.t(
            "coefficient 2 · de 0 à 5, pas de 1",
            "weight 2 · from 0 to 5, step 1"
        )));
    });
}

#[test]
fn half_filled_grid_with_a_half_typed_and_a_pending_value() {
    let mut s = session();
    put3(&mut s, "T01", "J1", "4", "3.5", "2");
    let mut g = Grid::default();
    g.open(&s);
    g.row = 1;
    keys(&mut g, &mut s, "3\n", true);
    keys(&mut g, &mut s, "2,5\n", false); // sent, not yet saved
    keys(&mut g, &mut s, "1", false); // half-typed
    snap("half_filled", &s, &g, |screen, lang, _| {
        let j1 = line_with(screen, "J1 Anne");
        // Σ is the plain sum 9,5 (the weighted total 13,5 is not shown).
        assert!(
            j1.contains(" 4 ")
                && j1.contains("3,5") == (lang == Lang::Fr)
                && j1.contains(lang.t(" 9,5 ", " 9.5 "))
                && !j1.contains("13"),
            "{j1}"
        );
        assert!(j1.contains("✓"));
        let j2 = line_with(screen, "J2 Bruno");
        assert!(
            j2.contains(if lang == Lang::Fr { "2,5…" } else { "2.5…" }),
            "pending: {j2}"
        );
        assert!(j2.contains(" 1_]"), "half-typed at the cursor: {j2}");
        assert!(
            j2.contains(lang.t(" 5,5 ", " 5.5 ")),
            "live plain sum 3 + 2.5: {j2}"
        );
        assert!(screen.contains(lang.t("… enregistrement (1)", "… saving (1)")));
    });
}

#[test]
fn grid_with_a_refused_value() {
    let mut s = session();
    let mut g = Grid::default();
    g.open(&s);
    keys(&mut g, &mut s, "4\n7\n", true);
    assert_eq!(
        s.value(&"T01".into(), &"J1".into(), &"faisabilite".into()),
        None
    );
    snap("refused", &s, &g, |screen, lang, _| {
        assert!(line_with(screen, "J1 Anne").contains(" 7!]"));
        let status = line_with(screen, lang.t("Refusé :", "Refused:"));
        assert!(status.contains(lang.t(
            "hors limites pour Faisabilité (de 0 à 5)",
            "out of range for Faisabilité (0 to 5)"
        )));
    });
}

#[test]
fn grid_with_recused_and_absent_jurors() {
    let mut s = session();
    s.settings.recuse_same_org = true; // J1 (Somme) does not score T01
    mark(&mut s, "T01", "J3", Mark::Absent);
    mark(&mut s, "T01", "J4", Mark::Recused);
    put3(&mut s, "T01", "J2", "5", "5", "5");
    let mut g = Grid::default();
    g.open(&s);
    snap("recused_absent", &s, &g, |screen, lang, _| {
        let j1 = line_with(screen, "J1 Anne");
        assert!(j1.contains("—") && j1.contains(lang.t("récusé", "recused")));
        assert!(line_with(screen, "J3 Chloé").contains("absent"));
        assert!(line_with(screen, "J4 David").contains(lang.t("récusé", "recused")));
        assert!(
            line_with(screen, "J2 Bruno").starts_with('›'),
            "cursor on the first juror who scores"
        );
        assert!(screen.contains(lang.t(
            "1 fiche sur 2 compte · 1 absent · 2 récusés",
            "1 of 2 sheets counts · 1 absent · 2 recused"
        )));
    });
}

#[test]
fn grid_with_a_checksum_mismatch_and_a_disagreement() {
    let mut s = session();
    put3(&mut s, "T01", "J2", "3", "3", "3"); // 12
    put3(&mut s, "T01", "J3", "3", "3", "2"); // 11
    put3(&mut s, "T01", "J4", "0", "0", "0"); // 0, far from the others
    let mut g = Grid::default();
    g.open(&s);
    keys(&mut g, &mut s, "4\n3,5\n2\n9\n", true);
    s.verified.insert("T02".into());
    let sizes = [(80, 24), (120, 40), (200, 60)];
    snap_at(&sizes, "mismatch", &s, &g, |screen, lang, _| {
        let j1 = line_with(screen, "J1 Anne");
        assert!(
            j1.contains(lang.t("≠ papier", "≠ paper")) && j1.contains(" 9 "),
            "{j1}"
        );
        assert!(line_with(screen, "J4 David").contains(lang.t("divergent", "far off")));
        let status = line_with(screen, lang.t("total papier 9", "paper total 9"));
        assert!(status.contains(lang.t(
            "somme simple des notes Σ 9,5",
            "plain sum of the values Σ 9.5"
        )));
        // The handwritten 9 stands right beside the plain sum 9,5.
        let (sum, paper) = (j1.find(lang.t(" 9,5 ", " 9.5 ")), j1.find(" 9 "));
        assert!(sum.is_some() && sum < paper, "Σ then paper: {j1}");
    });
}

#[test]
fn a_long_juror_name_loses_its_first_name_before_its_surname() {
    let mut s = session();
    s.jurors[4].name = "Marie-Christine Delcourt".into();
    let mut g = Grid::default();
    g.open(&s);
    for (w, h, row) in [
        (80, 24, "J5 M.-C. Delcourt"),
        (120, 40, "J5 Marie-Christine Delcourt"),
    ] {
        let screen = text(&draw(&s, &g, Lang::Fr, w, h, false));
        let line = line_with(&screen, "J5 ");
        assert!(line.contains(row), "{w}: {line}");
    }
}

#[test]
fn a_weighted_total_says_the_paper_total_is_checked_against_the_plain_sum() {
    let mut s = session(); // impact weighs 2
    let mut g = Grid::default();
    g.open(&s);
    // 2×4 + 3,5 + 2 = 13,5 weighted; the juror wrote 13,5, the plain sum is 9,5.
    keys(&mut g, &mut s, "4\n3,5\n2\n13,5\n", true);
    g.handle(&s, GridKey::Up); // back on J1's row, the message gone
    g.handle(&s, GridKey::RowStart);
    for (w, h) in SIZES {
        for lang in LANGS {
            let screen = text(&draw(&s, &g, lang, w, h, false));
            let j1 = line_with(&screen, "J1 Anne");
            // Σ shows the plain sum, right beside the paper total it is
            // compared with (never the weighted 13,5).
            let (sum, paper) = (lang.t(" 9,5 ", " 9.5 "), lang.t(" 13,5 ", " 13.5 "));
            let (at_sum, at_paper) = (j1.find(sum), j1.find(paper));
            assert!(at_sum.is_some() && at_sum < at_paper, "Σ then paper: {j1}");
            assert_eq!(j1.matches(paper).count(), 1, "no weighted total: {j1}");
            assert!(j1.contains(lang.t("≠ papier", "≠ paper")), "{j1}");
            let head = line_with(&screen, lang.t("Juré", "Juror"));
            assert!(head.contains('Σ') && !head.contains("Total"), "{head}");
            assert!(
                screen.contains(lang.t(
                    "total papier 13,5 ≠ somme simple des notes Σ 9,5",
                    "paper total 13.5 ≠ plain sum of the values Σ 9.5"
                )),
                "{screen}"
            );
            if w >= 120 {
                assert!(
                    screen.contains(lang.t(
                        "papier = somme simple des notes",
                        "paper = plain sum of the values"
                    )),
                    "{screen}"
                );
            }
        }
    }
}

#[test]
fn the_stage_moving_on_is_noticed_and_verification_shown() {
    let mut s = session();
    s.stage.team = Some("T01".into());
    let mut g = Grid::default();
    g.open(&s);
    s.stage.team = Some("T02".into());
    s.verified.insert("T01".into());
    let t = draw(&s, &g, Lang::Fr, 80, 24, false);
    let screen = text(&t);
    assert!(screen.contains(
        "▶ Sur scène : T02 Guichet unique — cette grille reste sur T01 (s : aller à T02)"
    ));
    assert!(line_with(&screen, "T01 · Cantine").contains("VÉRIFIÉE"));
    let t = draw(&s, &g, Lang::En, 120, 40, false);
    assert!(
        text(&t).contains("▶ On stage: T02 Guichet unique — this grid stays on T01 (s: go to T02)")
    );
}

#[test]
fn projector_mode_hides_every_score() {
    let mut s = session();
    put3(&mut s, "T01", "J1", "4", "3.5", "2");
    s.sheets
        .get_mut(&SheetKey::new("T01".into(), "J1".into()))
        .unwrap()
        .handwritten = Some(d("9"));
    let mut g = Grid::default();
    g.open(&s);
    g.input = "3".into();
    for lang in LANGS {
        let t = draw(&s, &g, lang, 80, 24, true);
        let screen = text(&t);
        assert!(screen.contains(lang.t("Mode projecteur", "Projector mode")));
        for hidden in ["3,5", "3.5", "13", " 9 ", "Anne", "4 "] {
            assert!(
                !screen.contains(hidden),
                "{hidden:?} shown in projector mode:\n{screen}"
            );
        }
    }
}

#[test]
fn many_criteria_scroll_with_the_cursor_and_tiny_areas_do_not_panic() {
    let mut s = session();
    for i in 0..9 {
        let mut c = s.criteria[0].clone();
        c.id = format!("c{i}").into();
        c.label = format!("Critère {i}");
        s.criteria.push(c);
    }
    put(&mut s, "T01", "J1", &[("c8", "5")]);
    let mut g = Grid::default();
    g.open(&s);
    let screen = text(&draw(&s, &g, Lang::Fr, 80, 24, false));
    assert!(screen.contains("Impact") && !screen.contains("Critère 8"));
    // Labels too long for the columns: the ids tell them apart.
    let head = line_with(&screen, "Juré");
    assert!(!head.contains("Crit…"), "{head}");
    for id in ["c0", "c1"] {
        assert!(head.contains(&format!(" {id} ")), "{head}");
    }
    assert!(
        line_with(&screen, "Juré").contains("›"),
        "more columns to the right"
    );
    g.col = 11;
    let screen = text(&draw(&s, &g, Lang::Fr, 80, 24, false));
    assert!(!screen.contains("Impact"));
    assert!(line_with(&screen, "J1 Anne").contains(" 5]"));
    for (w, h) in [(10, 3), (40, 6), (45, 8), (1, 1)] {
        draw(&s, &g, Lang::Fr, w, h, false);
    }
}

#[test]
fn colour_marks_refused_and_pending_cells() {
    let mut s = session();
    let mut g = Grid::default();
    g.open(&s);
    keys(&mut g, &mut s, "4\n7", false);
    keys(&mut g, &mut s, "\n", false);
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| {
        f.render_widget(
            GridView {
                session: &s,
                grid: &g,
                lang: Lang::Fr,
                projector: false,
                saves: true,
                color: true,
            },
            f.area(),
        )
    })
    .unwrap();
    let screen = text(&t);
    let y = screen.lines().position(|l| l.contains("J1 Anne")).unwrap() as u16;
    let line = line_with(&screen, "J1 Anne");
    let col = |needle: &str| {
        line.chars()
            .take(
                line.find(needle)
                    .map(|b| line[..b].chars().count())
                    .unwrap(),
            )
            .count() as u16
    };
    let buf = t.backend().buffer();
    assert_eq!(buf[(col("4…"), y)].fg, Color::Yellow, "pending");
    assert_eq!(buf[(col("7!"), y)].fg, Color::Red, "refused");
}

#[test]
fn empty_sessions_draw_without_panicking() {
    let mut s = session();
    s.criteria.clear();
    let mut g = Grid::default();
    g.open(&s);
    g.handle(&s, GridKey::Char('3'));
    g.handle(&s, GridKey::Enter);
    let screen = text(&draw(&s, &g, Lang::Fr, 80, 24, false));
    assert!(screen.contains("J1 Anne"));
    s.jurors.clear();
    g.handle(&s, GridKey::Down);
    text(&draw(&s, &g, Lang::En, 80, 24, false));
    s.teams.clear();
    s.schedule.clear();
    let g = Grid::default();
    let screen = text(&draw(&s, &g, Lang::En, 80, 24, false));
    assert!(screen.contains("No team to score."));
}

#[test]
fn a_cell_changed_by_the_other_terminal_shows_while_typing_then_both_values() {
    let mut s = session();
    let mut g = Grid::default();
    keys(&mut g, &mut s, "4", false);
    put(&mut s, "T01", "J1", &[("impact", "1")]);
    let screen = text(&draw(&s, &g, Lang::Fr, 120, 24, false));
    assert!(
        screen.contains("J1 impact : l'autre terminal y a mis 1 pendant votre saisie « 4 »"),
        "{screen}"
    );
    g.handle(&s, GridKey::Enter);
    let screen = text(&draw(&s, &g, Lang::En, 120, 24, false));
    let line = line_with(&screen, "Refused:");
    assert!(
        line.contains("J1 impact changed on the other terminal (empty → 1). Enter: replace with 4 · Esc: keep 1"),
        "{line}"
    );
}

#[test]
fn absent_for_the_rest_names_the_teams_it_leaves_out() {
    let mut s = session();
    s.stage.team = Some("T02".into());
    s.verified.insert("T03".into());
    put3(&mut s, "T04", "J3", "1", "1", "1");
    let mut g = Grid::default();
    g.open(&s);
    g.row = 2;
    g.handle(&s, GridKey::AbsentForRest);
    let screen = text(&draw(&s, &g, Lang::Fr, 200, 24, false));
    let line = line_with(&screen, "absent pour");
    assert!(
        line.contains(
            "1 équipe, de T02 à T02 (T03 verrouillée non comprise ; T04 déjà notée non comprise) ?"
        ),
        "{line}"
    );
    let screen = text(&draw(&s, &g, Lang::En, 200, 24, false));
    let line = line_with(&screen, "absent for");
    assert!(
        line.contains("T02 to T02 (T03 locked, left out; T04 already scored, left out)?"),
        "{line}"
    );
}

#[test]
fn the_disagreement_question_is_shown_whole_at_80_and_120_columns() {
    let mut s = session();
    put3(&mut s, "T01", "J2", "2", "2", "2");
    put3(&mut s, "T01", "J3", "3", "2", "2");
    let mut g = Grid::default();
    keys(&mut g, &mut s, "5\n5\n", true);
    keys(&mut g, &mut s, "5\n", false);
    assert!(g.is_asking());
    let team = s.team(&"T01".into()).unwrap().clone();
    for lang in [Lang::Fr, Lang::En] {
        let (question, _) = status_text(&s, &g, &team, lang);
        for (w, h) in [(80, 24), (120, 40)] {
            let screen = text(&draw(&s, &g, lang, w, h, false));
            let lines: Vec<&str> = screen.lines().map(str::trim_end).collect();
            let n = lines.len();
            let shown = if lines[n - 1].contains(&question) {
                lines[n - 1].to_string()
            } else {
                format!("{} {}", lines[n - 2], lines[n - 1])
            };
            assert_eq!(shown.trim(), question, "{w}×{h}\n{screen}");
            assert!(question.contains(lang.t("autre touche : non", "other key: no")));
        }
    }
}

#[test]
fn locking_an_incomplete_grid_asks_saying_how_many_sheets_do_not_count() {
    let mut s = session();
    put3(&mut s, "T01", "J1", "1", "1", "1");
    let mut g = Grid::default();
    g.open(&s);
    g.handle(&s, GridKey::Verify);
    let screen = text(&draw(&s, &g, Lang::Fr, 120, 24, false));
    assert!(
        screen.contains("4 fiches attendues ne comptent pas encore : verrouiller T01 quand même ?"),
        "{screen}"
    );
    let screen = text(&draw(&s, &g, Lang::En, 120, 24, false));
    assert!(
        screen.contains("4 expected sheets do not count yet: lock T01 anyway?"),
        "{screen}"
    );
}

#[test]
fn headers_show_the_labels_or_their_longest_prefix_that_fits() {
    let mut s = session();
    let base = s.criteria[0].clone();
    s.criteria = [
        ("utilite", "Utilité pour les usagers"),
        ("faisabilite", "Faisabilité en trois mois"),
        ("transfert", "Transférabilité aux autres Départements"),
        ("cooperation", "Coopération entre métiers"),
        ("clarte", "Clarté du pitch"),
    ]
    .into_iter()
    .map(|(id, label)| crate::domain::Criterion {
        id: id.into(),
        label: label.into(),
        ..base.clone()
    })
    .collect();
    let mut g = Grid::default();
    g.open(&s);
    for (w, h, heads) in [
        (
            120,
            40,
            [
                "Utilité pou…",
                "Faisabilité…",
                "Transférabi…",
                "Coopération…",
            ],
        ),
        (80, 24, ["Util…", "Fais…", "Tran…", "Coop…"]),
    ] {
        let screen = text(&draw(&s, &g, Lang::Fr, w, h, false));
        let head = line_with(&screen, "Juré");
        for label in heads {
            assert!(head.contains(label), "{label} at {w}: {head}");
        }
        for id in ["utilite", "faisabilite", "transfert"] {
            assert!(!head.contains(id), "{id} at {w}: {head}");
        }
    }
    // Two labels alike in the room there is: the ids tell them apart.
    s.criteria[1].label = "Utilité pour les agents".into();
    let screen = text(&draw(&s, &g, Lang::Fr, 80, 24, false));
    let head = line_with(&screen, "Juré");
    assert!(head.contains("util…") && head.contains("fais…"), "{head}");
}

#[test]
fn sheet_counts_agree_in_number() {
    use crate::words::grid::sheets_count;
    assert_eq!(sheets_count(0, 5, Lang::Fr), "0 fiche sur 5 compte");
    assert_eq!(sheets_count(1, 5, Lang::Fr), "1 fiche sur 5 compte");
    assert_eq!(sheets_count(3, 5, Lang::Fr), "3 fiches sur 5 comptent");
    assert_eq!(sheets_count(1, 1, Lang::En), "1 of 1 sheet counts");
    assert_eq!(sheets_count(1, 5, Lang::En), "1 of 5 sheets counts");
    assert_eq!(sheets_count(3, 5, Lang::En), "3 of 5 sheets count");
}
