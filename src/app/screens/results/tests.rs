//! The results screen's transitions: cycling methods, selecting a team,
//! recording a decision (keys through the keymap, saving as the loop
//! would), abandoning it, and refusals; sealing and unsealing with `S`.

use chrono::{DateTime, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{ResultsKey, Step};
use crate::app::fixture::{self, at, options};
use crate::app::keymap::bindings;
use crate::app::keys::Key;
use crate::app::results_fixture::forum;
use crate::app::{Action, App, Effect, Overlay, Screen, action_for, update};
use crate::domain::{Change, DecisionKind, Lang, Method, Session};

struct Sim {
    app: App,
    disk: Session,
    saved: Vec<Change>,
}

impl Sim {
    fn new(session: Session) -> Sim {
        let mut app = App::new(session.clone(), options(Lang::Fr), at(0));
        app.screen = Screen::Results;
        Sim {
            app,
            disk: session,
            saved: Vec::new(),
        }
    }

    fn run(&mut self, action: Action, now: DateTime<Utc>) {
        let mut effects = update(&mut self.app, action, now);
        while let Some(effect) = effects.pop() {
            let revision = self.disk.revision;
            if let Some(fed) = fixture::outcome(&mut self.disk, &effect) {
                if let Effect::Save(op) = &effect
                    && self.disk.revision > revision
                {
                    self.saved.push(op.change.clone());
                }
                effects.extend(update(&mut self.app, fed, now));
            }
        }
    }

    fn key(&mut self, code: KeyCode) {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        if let Some(action) = action_for(&event, &self.app) {
            self.run(action, at(10));
        }
    }

    fn keys(&mut self, text: &str) {
        for c in text.chars() {
            self.key(match c {
                '\n' => KeyCode::Enter,
                c => KeyCode::Char(c),
            });
        }
    }

    fn laureates(&self) -> Vec<String> {
        let r = self.app.results.ranking(&self.app.session);
        r.laureate_ids().iter().map(|t| t.to_string()).collect()
    }

    fn status(&self) -> String {
        self.app
            .said()
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }
}

#[test]
fn the_fixture_ties_three_teams_across_the_cut_off() {
    let sim = Sim::new(forum());
    let r = sim.app.results.ranking(&sim.app.session);
    assert!(r.official && r.cutoff_tie && r.provisional);
    assert_eq!(r.cutoff_groups(), vec![vec!["T2", "T3", "T4"]]);
    assert_eq!(sim.laureates(), vec!["T1"]);
    assert!(r.row("T6").unwrap().too_few_sheets);
}

#[test]
fn m_cycles_through_every_method_and_back_to_the_official_one() {
    let mut sim = Sim::new(forum());
    let mut seen = vec![sim.app.results.method(&sim.app.session)];
    for _ in 0..4 {
        sim.keys("m");
        let shown = sim.app.results.method(&sim.app.session);
        assert!(sim.app.results.method.is_some(), "a comparison");
        assert!(!sim.app.results.ranking(&sim.app.session).official);
        seen.push(shown);
    }
    seen.sort_by_key(|m| m.id());
    let mut all = Method::ALL.to_vec();
    all.sort_by_key(|m| m.id());
    assert_eq!(seen, all);
    sim.keys("m");
    assert_eq!(sim.app.results.method, None);
    assert!(sim.app.results.ranking(&sim.app.session).official);
    // The selection follows its team: T2 is second under the mean, fourth
    // under the normalized scores.
    sim.key(KeyCode::Down);
    sim.keys("m");
    let r = sim.app.results.ranking(&sim.app.session);
    assert_eq!(sim.app.results.selected(&r).as_deref(), Some("T2"));
    assert_eq!(sim.app.results.row, 3);
}

#[test]
fn arrows_select_a_row_and_enter_opens_its_detail() {
    let mut sim = Sim::new(forum());
    sim.key(KeyCode::Down);
    sim.key(KeyCode::Down);
    let r = sim.app.results.ranking(&sim.app.session);
    assert_eq!(sim.app.results.selected(&r).as_deref(), Some("T3"));
    sim.key(KeyCode::Up);
    assert_eq!(sim.app.results.row, 1);
    sim.key(KeyCode::PageDown);
    assert_eq!(sim.app.results.row, 5, "clamped to the last row");
    assert_eq!(sim.app.results.selected(&r).as_deref(), Some("T6"));
    sim.key(KeyCode::PageUp);
    assert_eq!(sim.app.results.row, 0);
    sim.key(KeyCode::Enter);
    assert!(sim.app.results.detail);
    sim.key(KeyCode::Esc);
    assert!(!sim.app.results.detail);
    // Arrows never leave the screen or touch the session.
    assert_eq!(sim.app.screen, Screen::Results);
    assert!(sim.saved.is_empty());
}

#[test]
fn keys_that_change_nothing_reuse_the_figures_and_a_saved_change_computes_them_again() {
    use std::rc::Rc;
    let mut sim = Sim::new(forum());
    sim.key(KeyCode::Down);
    let first = sim.app.results.computed(&sim.app.session);
    for code in [
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::PageDown,
        KeyCode::Enter,
        KeyCode::Esc,
    ] {
        sim.key(code);
        let now = sim.app.results.computed(&sim.app.session);
        assert!(Rc::ptr_eq(&first, &now), "{code:?} ranked again");
    }
    assert!(first.ranking.cutoff_tie);
    // A decision saved: a new state of the session, new figures.
    sim.keys("d");
    sim.key(KeyCode::Enter);
    sim.keys("Présidente\nvote\n");
    assert_eq!(sim.saved.len(), 1);
    let after = sim.app.results.computed(&sim.app.session);
    assert!(!Rc::ptr_eq(&first, &after));
    assert!(!after.ranking.cutoff_tie);
    let official = sim.app.session.settings.method;
    let fresh = crate::domain::ranking::rank(&sim.app.session, official);
    assert_eq!(after.ranking.laureate_ids(), fresh.laureate_ids());
    sim.key(KeyCode::Down);
    assert!(Rc::ptr_eq(
        &after,
        &sim.app.results.computed(&sim.app.session)
    ));
}

#[test]
fn a_decision_typed_on_the_screen_is_saved_and_settles_the_tie() {
    let mut sim = Sim::new(forum());
    sim.keys("d");
    let form = sim.app.results.form.clone().expect("the form opens");
    assert_eq!(form.teams, vec!["T2", "T3", "T4"]);
    assert_eq!(form.step, Step::Choice);
    // T2 down one place: T3, T2, T4.
    sim.keys("J");
    sim.key(KeyCode::Enter);
    assert!(sim.app.text_field_active());
    // Inside a text field every printable key is text, q, u, m and ? too.
    sim.keys("Présidente q?um\n");
    assert!(!sim.app.leaving && sim.app.overlay.is_none());
    assert_eq!(sim.app.results.form.as_ref().unwrap().step, Step::Reason);
    sim.key(KeyCode::Backspace);
    sim.keys("vote à main levée\n");
    assert!(sim.app.results.form.is_none());
    assert!(!sim.app.text_field_active());
    let [Change::AddDecision { decision }] = sim.saved.as_slice() else {
        panic!("one decision saved: {:?}", sim.saved);
    };
    assert_eq!(decision.kind, DecisionKind::Order);
    assert_eq!(decision.teams, vec!["T3", "T2", "T4"]);
    assert_eq!(decision.by, "Présidente q?um");
    assert_eq!(decision.reason, "vote à main levée");
    assert_eq!(decision.at, at(10));
    let r = sim.app.results.ranking(&sim.app.session);
    assert!(!r.cutoff_tie);
    assert_eq!(sim.laureates(), vec!["T1", "T3", "T2"]);
    assert!(sim.status().contains("T3, T2, T4"), "{}", sim.status());
    // `u` undoes it like any other operation.
    sim.keys("u");
    assert!(sim.app.session.decisions.is_empty());
}

#[test]
fn admitting_the_whole_group_makes_more_laureates() {
    let mut sim = Sim::new(forum());
    sim.keys("da\nJury\nunanimité\n");
    let [Change::AddDecision { decision }] = sim.saved.as_slice() else {
        panic!("one decision saved");
    };
    assert_eq!(decision.kind, DecisionKind::Admit);
    assert_eq!(sim.laureates(), vec!["T1", "T2", "T3", "T4"]);
}

#[test]
fn esc_abandons_the_decision_from_any_step() {
    for keys in ["d", "d\n", "d\nJean", "d\nJean\nparce que"] {
        let mut sim = Sim::new(forum());
        sim.keys(keys);
        assert!(sim.app.results.form.is_some());
        sim.key(KeyCode::Esc);
        assert!(sim.app.results.form.is_none(), "{keys}");
        assert!(sim.saved.is_empty());
        assert!(sim.status().contains("abandonnée"));
        // Keys are keys again: q quits.
        sim.keys("q");
        assert!(sim.app.leaving, "{keys}");
    }
}

#[test]
fn an_empty_by_stays_on_the_field() {
    let mut sim = Sim::new(forum());
    sim.keys("d\n   \n");
    let form = sim.app.results.form.as_ref().unwrap();
    assert_eq!(form.step, Step::By);
    assert!(
        form.problems[0]
            .describe(crate::domain::Lang::Fr)
            .contains("par"),
        "{:?}",
        form.problems
    );
    assert!(sim.saved.is_empty());
}

#[test]
fn no_decision_without_a_tie_or_under_another_method() {
    let mut s = forum();
    s.settings.laureates = 1;
    let mut sim = Sim::new(s);
    sim.keys("d");
    assert!(sim.app.results.form.is_none());
    assert!(sim.status().contains("Aucune égalité"), "{}", sim.status());
    let mut sim = Sim::new(forum());
    sim.keys("md");
    assert!(sim.app.results.form.is_none());
    assert!(
        sim.status().contains("méthode officielle"),
        "{}",
        sim.status()
    );
    let mut sim = Sim::new(forum());
    sim.app.projector = true;
    sim.keys("d");
    assert!(sim.app.results.form.is_none());
}

#[test]
fn a_decision_on_a_group_that_no_longer_straddles_is_refused() {
    let mut sim = Sim::new(forum());
    sim.keys("d\nJury\nvote");
    // Meanwhile the other terminal raises a score of T4: no tie any more.
    let mut fresh = (*sim.app.session).clone();
    fresh
        .sheets
        .get_mut(&crate::domain::SheetKey::new("T4".into(), "J3".into()))
        .unwrap()
        .values
        .insert("impact".into(), crate::domain::Dec::int(5));
    fresh.revision += 1;
    sim.disk = fresh.clone();
    sim.run(Action::Reloaded(Box::new(fresh)), at(9));
    sim.keys("\n");
    assert!(sim.saved.is_empty(), "refused, nothing saved");
    let form = sim.app.results.form.as_ref().expect("the form stays");
    assert!(
        form.problems[0]
            .describe(crate::domain::Lang::Fr)
            .starts_with("refusé"),
        "{:?}",
        form.problems
    );
    assert!(sim.status().contains("refusé"));
    assert!(sim.app.said().as_ref().unwrap().error);
}

#[test]
fn the_form_keys_never_clash_and_text_fields_take_every_key() {
    let mut sim = Sim::new(forum());
    for open in [false, true] {
        if open {
            sim.keys("d");
        }
        let all = bindings(&sim.app);
        for (i, a) in all.iter().enumerate() {
            assert!(
                all[i + 1..].iter().all(|b| b.key != a.key),
                "{:?} bound twice",
                a.key
            );
        }
        assert!(all.iter().any(|b| b.key == Key::Char('?')));
    }
    sim.keys("\n");
    let tab = Event::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    assert_eq!(action_for(&tab, &sim.app), None);
    let p = Event::Key(KeyEvent::new(KeyCode::Char('p'), KeyModifiers::NONE));
    assert_eq!(
        action_for(&p, &sim.app),
        Some(Action::from(ResultsKey::Char('p')))
    );
}

#[test]
fn s_searches_once_for_this_state_of_the_session() {
    let mut sim = Sim::new(forum());
    sim.app.projector = true;
    sim.keys("s");
    assert!(
        sim.app.results.sensitivity.is_none(),
        "hidden in projector mode"
    );
    sim.app.projector = false;
    sim.keys("s");
    let found = sim.app.results.sensitivity(&sim.app.session).cloned();
    let Some(crate::domain::ranking::robustness::Search::Found(change)) =
        found.as_ref().and_then(|s| s.found.clone())
    else {
        panic!("found: {found:?}");
    };
    assert_eq!((change.team.as_str(), change.juror.as_str()), ("T2", "J1"));
    assert!(sim.saved.is_empty(), "a search changes nothing");
    // A decision saved: a new revision, the old search is not shown.
    sim.keys("da\nJury\nunanimité\n");
    assert!(sim.app.results.sensitivity(&sim.app.session).is_none());
}

#[test]
fn projector_mode_closes_a_form_nobody_can_see() {
    let mut sim = Sim::new(forum());
    sim.keys("d");
    // `p` on the form's first step: projector mode on.
    sim.keys("p");
    assert!(sim.app.projector);
    // The next key closes the hidden form; nothing is typed or saved.
    sim.key(KeyCode::Enter);
    assert!(sim.app.results.form.is_none());
    assert!(!sim.app.text_field_active());
    assert!(sim.status().contains("rien n'a été enregistré"));
    sim.keys("p");
    assert!(!sim.app.projector, "p works again");
    assert!(sim.saved.is_empty());
}

// Sealing: `S` asks, `y` seals (one operation, saved as the loop would),
// the screen's keys shrink to the one that unseals, `u` never undoes a
// seal, and entry goes on while sealed.

#[test]
fn s_asks_then_y_seals_with_one_operation() {
    let mut sim = Sim::new(forum());
    sim.keys("S");
    assert_eq!(sim.app.overlay, Some(Overlay::ConfirmSeal { seal: true }));
    assert!(sim.saved.is_empty(), "nothing saved before the answer");
    sim.keys("y");
    assert_eq!(sim.app.overlay, None);
    assert_eq!(sim.saved, [Change::Seal]);
    assert!(sim.app.session.is_sealed());
    assert_eq!(
        sim.status(),
        "Résultats scellés : le classement est caché partout."
    );
}

#[test]
fn any_other_answer_leaves_the_results_as_they_are() {
    let mut sim = Sim::new(forum());
    sim.keys("Sn");
    assert_eq!(sim.app.overlay, None);
    assert!(sim.saved.is_empty());
    assert!(!sim.app.session.is_sealed());
}

#[test]
fn sealed_the_screen_answers_only_to_the_key_that_unseals() {
    let mut sim = Sim::new(forum());
    sim.keys("Sy");
    let own: Vec<Key> = super::bindings(&sim.app).iter().map(|b| b.key).collect();
    assert_eq!(own, [Key::Char('S')]);
    // The ranking's keys do nothing: no method, detail, decision or search.
    for key in [
        ResultsKey::NextMethod,
        ResultsKey::Detail,
        ResultsKey::Decide,
        ResultsKey::Sensitivity,
    ] {
        sim.run(Action::from(key), at(20));
    }
    assert_eq!(sim.app.results.method, None);
    assert!(!sim.app.results.detail);
    assert!(sim.app.results.form.is_none());
    assert!(sim.app.results.sensitivity.is_none());
    let listed: Vec<Key> = bindings(&sim.app).iter().map(|b| b.key).collect();
    assert!(listed.contains(&Key::Char('S')));
}

#[test]
fn unsealing_asks_too_and_u_never_undoes_a_seal() {
    let mut sim = Sim::new(forum());
    sim.keys("Sy");
    // `u` on the results screen: the seal is not the last decision.
    sim.keys("u");
    assert!(sim.app.session.is_sealed());
    assert_eq!(sim.saved, [Change::Seal]);
    sim.keys("S");
    assert_eq!(sim.app.overlay, Some(Overlay::ConfirmSeal { seal: false }));
    sim.keys("o");
    assert!(!sim.app.session.is_sealed());
    assert_eq!(sim.saved, [Change::Seal, Change::Unseal]);
    assert_eq!(
        sim.status(),
        "Résultats descellés : le classement est de nouveau visible."
    );
    sim.keys("u");
    assert_eq!(sim.saved.len(), 2, "`u` does not seal again either");
}

#[test]
fn entry_goes_on_while_sealed() {
    let mut sim = Sim::new(forum());
    sim.keys("Sy");
    while sim.app.screen != Screen::Scores {
        sim.key(KeyCode::Tab);
    }
    // The grid's first cell (T1, J1, impact: 5) typed again as 4.
    sim.keys("4\n");
    assert_eq!(sim.saved.len(), 2, "{:?}", sim.saved);
    assert!(
        matches!(&sim.saved[1], Change::SetCell { edit, .. } if edit.new == Some(crate::domain::Dec::int(4))),
        "{:?}",
        sim.saved
    );
    assert!(sim.app.session.is_sealed());
}

#[test]
fn sealed_the_blind_board_lists_teams_in_schedule_order() {
    let mut sealed = forum();
    crate::domain::apply(&mut sealed, &Change::Seal).unwrap();
    let mut sim = Sim::new(sealed);
    sim.app.show(Screen::Completeness);
    let order = sim.app.blind.cutoff.order(&sim.app.session);
    let schedule: Vec<_> = sim
        .app
        .session
        .teams_in_order()
        .map(|t| t.id.clone())
        .collect();
    assert_eq!(order, schedule);
}

#[test]
fn a_seal_asked_for_never_turns_into_an_unseal() {
    let mut sim = Sim::new(forum());
    sim.keys("S");
    // The other terminal seals while the question is open.
    for s in [&mut sim.app.session_mut(), &mut sim.disk] {
        crate::domain::apply(s, &Change::Seal).unwrap();
        s.revision += 1;
    }
    // Drawn, the question is still the one asked.
    assert_eq!(sim.app.overlay, Some(Overlay::ConfirmSeal { seal: true }));
    sim.keys("y");
    assert!(sim.saved.is_empty(), "{:?}", sim.saved);
    assert!(sim.disk.is_sealed() && sim.app.session.is_sealed());
    assert!(
        sim.status().contains("les résultats sont déjà scellés"),
        "{}",
        sim.status()
    );
}

#[test]
fn the_decision_fields_drop_control_and_direction_characters_and_stop_at_their_length() {
    let mut sim = Sim::new(forum());
    sim.keys("d\n");
    sim.keys("Jury\u{202E}\u{7}\u{1b} A\n");
    sim.keys(&"x".repeat(super::FIELD_MAX + 10));
    sim.keys("\n");
    let [Change::AddDecision { decision }] = sim.saved.as_slice() else {
        panic!("one decision saved: {:?}", sim.saved);
    };
    assert_eq!(decision.by, "Jury A");
    assert_eq!(decision.reason.chars().count(), super::FIELD_MAX);
}
