//! The page and the minutes on a forum with a cut-off tie settled by a
//! decision: content assertions, snapshots of the Markdown minutes in both
//! languages, no external resource, escaping, `--anonymous`.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};

use crate::domain::fixture::{self, d, put3};
use crate::domain::operation::Edit;
use crate::domain::ranking::{Ranking, rank};
use crate::domain::stage::{Phase, PhaseRecord};
use crate::domain::{Change, Decision, DecisionKind, Lang, Mark, Operation, Question, Session};

use super::anonymous::{self, Aliases};
use super::html::external_references;
use super::minutes::{self, Minutes};
use super::{Context, page};

const DIGEST: &str = "5e2b7c1d9a0f4e3b8c6d2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d";

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 10, h, m, 0).unwrap()
}

fn paris() -> FixedOffset {
    FixedOffset::east_opt(3600).unwrap()
}

/// 4 teams, 5 jurors, 2 laureates: T01 first; T02 and T03 equal across the
/// cut-off, settled by an order decision (T03 before T02); J5 absent for
/// T04, J3 recused for T02, J1 from the same organisation as T01 and T04
/// (no automatic recusal here); two questions; T01 has pitched.
fn forum() -> Session {
    let mut s = fixture::session();
    s.event.title = "Forum test <Amiens> & co".into();
    s.event.date = NaiveDate::from_ymd_opt(2026, 12, 10);
    s.settings.laureates = 2;
    s.settings.start_time = NaiveTime::from_hms_opt(14, 0, 0);
    s.jurors[0].role = "Présidente du jury".into();
    for j in ["J1", "J2", "J3", "J4", "J5"] {
        put3(&mut s, "T01", j, "5", "4", "4");
        put3(&mut s, "T03", j, "3", "3", "3");
    }
    for j in ["J1", "J2", "J4", "J5"] {
        put3(&mut s, "T02", j, "3", "3", "3");
    }
    fixture::mark(&mut s, "T02", "J3", Mark::Recused);
    for j in ["J1", "J2", "J3", "J4"] {
        put3(&mut s, "T04", j, "1", "2.5", "2");
    }
    fixture::mark(&mut s, "T04", "J5", Mark::Absent);
    s.decisions.push(decision());
    for (juror, minute) in [("J2", 8), ("J4", 9)] {
        s.questions.push(Question {
            team: "T01".into(),
            juror: juror.into(),
            start: at(13, minute),
            end: at(13, minute + 1),
        });
    }
    for (phase, start, used, planned) in [
        (Phase::Pitch, 0, 200_000, 180_000),
        (Phase::Questions, 4, 110_000, 120_000),
    ] {
        s.stage.log.push(PhaseRecord {
            team: "T01".into(),
            phase,
            start: at(13, start),
            end: at(13, start + 4),
            used_ms: used,
            planned_ms: planned,
        });
    }
    s.revision = 9;
    s
}

fn decision() -> Decision {
    Decision {
        kind: DecisionKind::Order,
        teams: vec!["T03".into(), "T02".into()],
        by: "Anne Leroy, présidente".into(),
        reason: "voix prépondérante".into(),
        at: at(16, 42),
    }
}

/// The journal: the first score, a correction, another first entry, an
/// absence, the decision.
fn history() -> Vec<Operation> {
    let writer = "a1b2c3d4e5f6a7b8";
    let cell = |seen: Option<&str>, new: &str| Change::SetCell {
        team: "T01".into(),
        juror: "J2".into(),
        criterion: "impact".into(),
        edit: Edit::new(seen.map(d), Some(d(new))),
    };
    vec![
        Operation::new(cell(None, "4"), writer, at(13, 15)),
        Operation::new(cell(Some("4"), "5"), writer, at(13, 20)),
        Operation::new(
            Change::SetCell {
                team: "T03".into(),
                juror: "J1".into(),
                criterion: "impact".into(),
                edit: Edit::new(None, Some(d("3"))),
            },
            writer,
            at(13, 25),
        ),
        Operation::new(
            crate::domain::fixture::absent("T04", "J5"),
            "f0e1d2c3b4a59687",
            at(14, 5),
        ),
        Operation::new(
            Change::AddDecision {
                decision: decision(),
            },
            writer,
            at(16, 42),
        ),
    ]
}

fn context(session: &Session, lang: Lang) -> Context<'_> {
    Context {
        session,
        lang,
        offset: paris(),
        digest: Some(DIGEST),
    }
}

fn official(s: &Session) -> Ranking {
    rank(s, s.settings.method)
}

fn minutes_md(s: &Session, lang: Lang, aliases: Option<&Aliases>) -> String {
    let ranking = official(s);
    let history = history();
    let m = Minutes {
        ranking: &ranking,
        history: &history,
        aliases,
        now: at(18, 0),
    };
    minutes::markdown(&context(s, lang), &m)
}

#[test]
fn the_tie_is_settled_by_the_decision() {
    let r = official(&forum());
    assert!(!r.cutoff_tie);
    assert_eq!(r.laureate_ids(), ["T01", "T03"]);
    assert!(r.row("T02").unwrap().at_cutoff);
}

#[test]
fn markdown_minutes_in_french() {
    insta::assert_snapshot!("minutes_fr", minutes_md(&forum(), Lang::Fr, None));
}

#[test]
fn markdown_minutes_in_english() {
    insta::assert_snapshot!("minutes_en", minutes_md(&forum(), Lang::En, None));
}

#[test]
fn the_minutes_say_everything_the_jury_signs() {
    let text = minutes_md(&forum(), Lang::Fr, None);
    for expected in [
        "Procès-verbal de délibération du jury",
        "Amiens, 10 décembre 2026",
        "| J1 | Anne Leroy | Présidente du jury | Somme | présent | 0 |",
        "| J5 | Emma Petit |  | Oise | absent à partir de T04 | 0 |",
        "| J2 | Bruno Caron |  | Nord | présent | 1 |",
        "J3 Chloé Dumas : T02 (récusation)",
        "| impact | Impact | 2 | 0 à 5, pas de 1 |",
        "Méthode officielle : moyenne",
        "Départage : aucun critère",
        // 13:00 UTC is 14:00 in Paris; 200 s of pitch and 110 s of questions.
        "| T01 Cantine verte | 14:00 | 14:00 | 5:10 | +0:10 | 2 |",
        "| T02 Guichet unique | 14:06 | pas encore passée |",
        "ordre T03, T02 — par Anne Leroy, présidente (voix prépondérante) le 2026-12-10 17:42",
        "Heures locales (UTC+01:00).",
        "| 2026-12-10 14:20:00 | poste a1b2c3d4 | T01 · J2 · impact : 4 → 5 |",
        "| 2026-12-10 15:05:00 | poste f0e1d2c3 | J5 absent pour T04 |",
        "décision : ordre T03, T02 — par Anne Leroy, présidente (voix prépondérante)",
        "1 opération : premières saisies de notes, non détaillées.",
        DIGEST,
        "Session à la révision 9.",
        "La présidence du jury",
        "Le secrétariat du jury",
        "Fait à Amiens, le",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    let laureates = text.split("### Lauréats").nth(1).unwrap();
    assert!(laureates.starts_with("\n\n1. T01 Cantine verte — Menus locaux (somme)\n2. T03"));
}

#[test]
fn a_juror_who_left_and_the_one_who_replaced_them() {
    let mut s = forum();
    for team in ["T03", "T04"] {
        fixture::mark(&mut s, team, "J4", Mark::Absent);
    }
    for team in ["T01", "T02", "T03"] {
        fixture::mark(&mut s, team, "J5", Mark::Absent);
    }
    s.sheets
        .remove(&crate::domain::SheetKey::new("T04".into(), "J5".into()));
    put3(&mut s, "T04", "J5", "1", "2.5", "2");
    fixture::mark(&mut s, "T02", "J2", Mark::Absent);
    fixture::mark(&mut s, "T04", "J2", Mark::Absent);
    let text = minutes_md(&s, Lang::Fr, None);
    assert!(text.contains("| J4 | David Morel |  | Nord | absent à partir de T03 | 1 |"));
    assert!(text.contains("| J5 | Emma Petit |  | Oise | présent à partir de T04 | 0 |"));
    assert!(text.contains("| J2 | Bruno Caron |  | Nord | absent pour T02, T04 | 1 |"));
    let en = minutes_md(&s, Lang::En, None);
    assert!(en.contains("absent from T03 on") && en.contains("present from T04 on"));
}

#[test]
fn the_page_says_what_the_issue_lists() {
    let s = forum();
    let r = official(&s);
    let html = page::render(&r, &context(&s, Lang::Fr));
    for expected in [
        "<!DOCTYPE html>",
        "<html lang=\"fr\">",
        "<title>Forum test &lt;Amiens&gt; &amp; co</title>",
        "<h1>Forum test &lt;Amiens&gt; &amp; co</h1>",
        "Amiens, 10 décembre 2026",
        "la moyenne des totaux de ses feuilles",
        "<h2>Lauréats</h2>",
        "<li value=\"1\">T01 Cantine verte",
        "<th class=\"num\" scope=\"col\">Rang</th>",
        "<td>lauréat, ordre décidé</td>",
        "<td>ordre décidé</td>",
        "role=\"img\" aria-labelledby=\"chart-title chart-desc\"",
        "<desc id=\"chart-desc\">★ T01 Cantine verte : 18,00",
        "Moyennes par critère",
        "ordre T03, T02 — par Anne Leroy",
        "le 2026-12-10 17:42",
        DIGEST,
        "@media print",
        "@page{size:A4",
        "width=device-width",
    ] {
        assert!(html.contains(expected), "missing {expected:?}");
    }
    assert_eq!(html.matches("<tr class=\"laureate\">").count(), 2 * 2);
    assert!(!html.contains("RÉSULTATS PROVISOIRES"), "no sheet missing");
    let en = page::render(&r, &context(&s, Lang::En));
    assert!(en.contains("<html lang=\"en\">") && en.contains("Official method: mean"));
}

#[test]
fn a_provisional_page_says_so_first() {
    let mut s = forum();
    fixture::put(&mut s, "T04", "J5", &[("impact", "3")]);
    s.sheets
        .get_mut(&crate::domain::SheetKey::new("T04".into(), "J5".into()))
        .unwrap()
        .mark = None;
    let html = page::render(&official(&s), &context(&s, Lang::Fr));
    let banner = html.find("class=\"banner\"").expect("a banner");
    assert!(
        banner < html.find("<h2>").unwrap(),
        "before the first section"
    );
    assert!(html.contains("RÉSULTATS PROVISOIRES"));
}

#[test]
fn nothing_is_fetched_and_names_are_escaped() {
    let mut s = forum();
    s.teams[1].name = "<img src=x onerror=alert(1)> \"Guichet\" \u{1b}[31m".into();
    s.jurors[1].name = "<script>x</script>".into();
    let r = official(&s);
    let page = page::render(&r, &context(&s, Lang::Fr));
    let history = history();
    let m = Minutes {
        ranking: &r,
        history: &history,
        aliases: None,
        now: at(18, 0),
    };
    let minutes = minutes::html(&context(&s, Lang::Fr), &m);
    let sheets = super::sheets::render(&s, Lang::Fr);
    for html in [&page, &minutes, &sheets] {
        assert_eq!(external_references(html), Vec::<String>::new());
        assert!(!html.contains("<img") && !html.contains("<script"));
        assert!(!html.contains('\u{1b}'));
    }
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt; &quot;Guichet&quot; [31m"));
    assert!(minutes.contains("&lt;script&gt;x&lt;/script&gt;"));
}

#[test]
fn anonymous_minutes_and_page_name_no_juror() {
    let s = forum();
    let aliases = Aliases::of(&s);
    let anon = anonymous::session(&s);
    let md = minutes_md(&anon, Lang::Fr, Some(&aliases));
    let page = page::render(&official(&anon), &context(&anon, Lang::Fr));
    for juror in &s.jurors {
        assert!(!md.contains(&juror.name), "{} in the minutes", juror.name);
        assert!(!page.contains(&juror.name), "{} in the page", juror.name);
    }
    assert!(md.contains("| J1 | J1 |  | Somme | présent | 0 |"));
    assert!(md.contains("ordre T03, T02 — par J1, présidente"));
    assert!(!md.contains("Présidente du jury"), "roles are left out");
}

#[test]
fn an_anonymous_juror_is_named_once_in_a_warning() {
    let mut s = forum();
    s.sheets
        .remove(&crate::domain::SheetKey::new("T01".into(), "J2".into()));
    let anon = anonymous::session(&s);
    let table = super::table(&official(&anon), &context(&anon, Lang::Fr));
    assert!(
        table.contains("T01 Cantine verte : feuille manquante du juré J2\n"),
        "{table}"
    );
    let named = super::table(&official(&s), &context(&s, Lang::Fr));
    assert!(named.contains("feuille manquante du juré Bruno Caron (J2)"));
}

#[test]
fn sheets_have_a_page_per_juror_and_strike_what_is_not_scored() {
    let s = forum();
    let html = super::sheets::render(&s, Lang::Fr);
    assert_eq!(html.matches("<section class=\"sheet\">").count(), 5);
    assert!(html.contains("Feuille de notation — Chloé Dumas (J3)"));
    assert!(html.contains("<tr class=\"off\">"));
    assert!(html.contains("récusation</td>") && html.contains("absence</td>"));
    assert!(html.contains("0 à 5, pas de 0,5 · ×1"));
    assert!(html.contains("break-after:page"));
}

#[test]
fn a_right_to_left_name_keeps_its_place_in_the_page_lines() {
    let mut s = forum();
    s.teams[0].name = "שלום עולם".into();
    s.teams[0].project = "مرحبا".into();
    let html = page::render(&official(&s), &context(&s, Lang::Fr));
    // Without the isolates, a browser reads `name — project` as one
    // right-to-left run and shows the project first.
    let line = "<li value=\"1\">T01 \u{2068}שלום עולם\u{2069} — \u{2068}مرحبا\u{2069} (";
    assert!(html.contains(line), "{html}");
    assert!(
        html.contains("<td>T01 \u{2068}שלום עולם\u{2069}</td>"),
        "{html}"
    );
    assert!(
        html.contains("★ T01 \u{2068}שלום עולם\u{2069} : "),
        "{html}"
    );
    let md = minutes_md(&s, Lang::Fr, None);
    assert!(md.contains("T01 שלום עולם — مرحبا ("), "{md}");
    assert!(!md.contains('\u{2068}'), "{md}");
}
