use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

use super::*;
use crate::domain::fixture::{d, mark, put, put3, session};
use crate::domain::{Juror, Mark, SheetKey, Slot, Team, TeamStatus};
use crate::ui::snapshot_tests::{line_with, text};

/// The fixture grown to 15 teams and 10 jurors, with every state present.
fn forum() -> Session {
    let mut s = session();
    s.settings.recuse_same_org = true;
    for i in 5..=15 {
        let org = ["nord", "oise", "somme"][i % 3];
        s.teams.push(Team {
            id: format!("T{i:02}").into(),
            name: format!("Projet {i}"),
            project: String::new(),
            summary: String::new(),
            org: org.into(),
            members: Vec::new(),
            status: TeamStatus::Scheduled,
        });
        s.schedule.push(Slot::Team {
            team: format!("T{i:02}").into(),
        });
    }
    for i in 6..=10 {
        s.jurors.push(Juror {
            id: format!("J{i}").into(),
            name: format!("Juré {i}"),
            role: String::new(),
            org: "partenaire".into(),
        });
    }
    // T01: done by everyone who scores it, and verified.
    for j in ["J2", "J3", "J4", "J5", "J6", "J7", "J8", "J9", "J10"] {
        put3(&mut s, "T01", j, "3", "3", "3");
    }
    s.verified.insert("T01".into());
    // T02: some entered, one partial, one mismatch, one absent.
    for j in ["J1", "J3", "J5"] {
        put3(&mut s, "T02", j, "2", "2", "2");
    }
    put(&mut s, "T02", "J6", &[("impact", "4")]);
    put3(&mut s, "T02", "J7", "1", "1", "1");
    s.sheets
        .get_mut(&SheetKey::new("T02".into(), "J7".into()))
        .unwrap()
        .handwritten = Some(d("4"));
    mark(&mut s, "T02", "J8", Mark::Absent);
    mark(&mut s, "T03", "J9", Mark::Recused);
    s.teams[3].status = TeamStatus::Withdrawn;
    s
}

fn draw(s: &Session, b: &Board, lang: Lang, w: u16, h: u16, color: bool) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| {
        f.render_widget(
            BoardView {
                blind: &Default::default(),
                session: s,
                board: b,
                lang,
                color,
            },
            f.area(),
        )
    })
    .unwrap();
    t
}

/// The marks of a team's row, in juror order.
fn marks(line: &str) -> String {
    line.chars().filter(|c| "·½✓≠VAR-".contains(*c)).collect()
}

#[test]
fn board_snapshots_with_counts() {
    let s = forum();
    let mut b = Board::default();
    b.select(&s, "T02");
    for (w, h) in [(80, 24), (120, 40)] {
        for lang in [Lang::Fr, Lang::En] {
            let t = draw(&s, &b, lang, w, h, false);
            let screen = text(&t);
            // 15 teams × 10 jurors: 150 pairs, 7 recused by organisation
            // (J1 Somme: T01 T04 T05 T08 T11 T14; J9 explicitly on T03 ...).
            let board = scoring::board(&s);
            let title = lang.t("12 fiches sur ", "12 of ");
            assert!(line_with(&screen, lang.t("Complétude", "Completeness")).contains(title));
            assert_eq!(board.total.done(), 9 + 3);
            let t01 = line_with(&screen, "T01 Cantine");
            assert_eq!(marks(t01), "RVVVVVVVVV", "J1 recused, 9 verified");
            // Verified, the Missing column still gives the count.
            assert!(t01.trim_end().ends_with("9/9       0"), "{t01}");
            let t02 = line_with(&screen, "T02 Guichet");
            assert!(t02.starts_with('›'), "selected: {t02}");
            assert_eq!(marks(t02), "✓R✓R✓½≠A··");
            // J2 and J4 are from the Nord like T02, J8 is absent: 7 expected.
            assert!(
                t02.contains("3/7") && t02.trim_end().ends_with('4'),
                "{t02}"
            );
            let t04 = line_with(&screen, "T04 PMI");
            assert!(t04.contains(lang.t("retirée", "withdrawn")));
            assert!(line_with(&screen, "T03 Chantiers").contains('R'));
            // The legend carries the counts of the whole board.
            assert!(screen.contains(lang.t("½ en cours 1", "½ partial 1")));
            assert!(screen.contains(lang.t("≠ écart papier 1", "≠ paper mismatch 1")));
            assert!(screen.contains(lang.t("V vérifiée 9", "V verified 9")));
            assert!(screen.contains(lang.t("A absent 1", "A absent 1")));
            let per_juror = line_with(&screen, lang.t("Manque par juré", "Missing by juror"));
            assert!(per_juror.contains(&format!(
                "{}/{}",
                board.total.done(),
                board.total.expected()
            )));
            assert!(screen.contains("T15 Projet 15"), "every team fits");
            insta::assert_snapshot!(format!("board_{w}x{h}_{}", lang.code()), t.backend());
        }
    }
}

#[test]
fn the_selected_team_stays_in_view_and_many_jurors_are_counted() {
    let mut s = forum();
    for i in 11..=40 {
        s.jurors.push(Juror {
            id: format!("J{i}").into(),
            name: format!("Juré {i}"),
            role: String::new(),
            org: "partenaire".into(),
        });
    }
    let mut b = Board::default();
    b.select(&s, "T15");
    let screen = text(&draw(&s, &b, Lang::Fr, 80, 16, false));
    assert!(line_with(&screen, "T15 Projet").starts_with('›'));
    assert!(
        !screen.contains("T01 Cantine"),
        "scrolled past the first teams"
    );
    let header = line_with(&screen, "Équipe");
    assert!(header.contains("+"), "hidden jurors are counted: {header}");
    for (w, h) in [(40, 8), (39, 30), (200, 7), (1, 1)] {
        draw(&s, &b, Lang::En, w, h, false);
    }
}

#[test]
fn colours_tell_states_apart() {
    let s = forum();
    let b = Board::default();
    let t = draw(&s, &b, Lang::Fr, 120, 40, true);
    let screen = text(&t);
    let y = screen
        .lines()
        .position(|l| l.contains("T02 Guichet"))
        .unwrap() as u16;
    let buf = t.backend().buffer();
    let colour_of = |sym: &str| {
        (0..120)
            .find(|&x| buf[(x, y)].symbol() == sym)
            .map(|x| buf[(x, y)].fg)
            .unwrap()
    };
    assert_eq!(colour_of("≠"), Color::Red);
    assert_eq!(colour_of("✓"), Color::Green);
    assert_eq!(colour_of("½"), Color::Yellow);
}
