use super::*;
use crate::app::fixture::{app, at, outcome};
use crate::app::{Action, Effect, Screen, update};
use crate::domain::setup::Field;
use crate::domain::{Refusal, Session};

/// Run an action and save what it sends on `disk` (as the loop would).
fn run(app: &mut App, disk: &mut Session, action: Action) {
    let mut effects = update(app, action, at(0));
    while let Some(effect) = effects.pop() {
        if let Some(fed) = outcome(disk, &effect) {
            effects.extend(update(app, fed, at(0)));
        }
    }
}

fn to_row(app: &App, wanted: &Row) -> usize {
    rows(&app.session)
        .iter()
        .position(|r| r == wanted)
        .expect("the row is shown")
}

fn type_text(app: &mut App, disk: &mut Session, text: &str) {
    for c in text.chars() {
        run(app, disk, Action::from(SetupKey::Char(c)));
    }
}

fn on_setup() -> (App, Session) {
    let mut app = app();
    app.screen = Screen::Setup;
    let disk = (*app.session).clone();
    (app, disk)
}

#[test]
fn a_name_typed_and_confirmed_is_one_change_undone_by_u() {
    let (mut app, mut disk) = on_setup();
    app.setup.row = to_row(
        &app,
        &Row::Field(Target::Team("T2".into()), Field::TeamName),
    );
    run(&mut app, &mut disk, Action::from(SetupKey::Edit));
    assert!(app.text_field_active());
    assert_eq!(app.setup.editing.as_ref().unwrap().text, "Guichet unique");
    // Every printable key is text, q and u included.
    for _ in 0.."unique".len() {
        run(&mut app, &mut disk, Action::from(SetupKey::Backspace));
    }
    type_text(&mut app, &mut disk, "quu");
    assert!(!app.leaving, "q typed, not quitting");
    run(
        &mut app,
        &mut disk,
        Action::from(SetupKey::Paste("plus\nvite".into())),
    );
    assert_eq!(
        app.setup.editing.as_ref().unwrap().text,
        "Guichet quuplus vite"
    );
    run(&mut app, &mut disk, Action::from(SetupKey::Confirm));
    assert!(!app.text_field_active());
    assert_eq!(
        disk.team(&"T2".into()).unwrap().name,
        "Guichet quuplus vite"
    );
    assert_eq!(
        app.session.team(&"T2".into()).unwrap().name,
        "Guichet quuplus vite"
    );
    run(&mut app, &mut disk, Action::Undo);
    assert_eq!(disk.team(&"T2".into()).unwrap().name, "Guichet unique");
    assert!(app.said().unwrap().text.contains("Guichet unique"));
}

#[test]
fn esc_cancels_and_an_unreadable_value_keeps_the_field_open() {
    let (mut app, mut disk) = on_setup();
    app.setup.row = to_row(&app, &Row::Field(Target::Settings, Field::Pitch));
    run(&mut app, &mut disk, Action::from(SetupKey::Edit));
    assert_eq!(app.setup.editing.as_ref().unwrap().text, "3:00");
    type_text(&mut app, &mut disk, "x");
    run(&mut app, &mut disk, Action::from(SetupKey::Confirm));
    assert!(app.text_field_active(), "still open");
    assert!(app.said().unwrap().error);
    run(&mut app, &mut disk, Action::from(SetupKey::Cancel));
    assert!(!app.text_field_active());
    assert_eq!(disk, *app.session, "nothing sent");
    // A readable one is saved.
    run(&mut app, &mut disk, Action::from(SetupKey::Edit));
    for _ in 0..4 {
        run(&mut app, &mut disk, Action::from(SetupKey::Backspace));
    }
    type_text(&mut app, &mut disk, "2m30s");
    run(&mut app, &mut disk, Action::from(SetupKey::Confirm));
    assert_eq!(disk.settings.pitch_secs, 150);
}

#[test]
fn a_field_the_other_terminal_changed_is_refused_with_both_values() {
    let (mut app, mut disk) = on_setup();
    app.setup.row = to_row(
        &app,
        &Row::Field(Target::Team("T2".into()), Field::TeamName),
    );
    run(&mut app, &mut disk, Action::from(SetupKey::Edit));
    type_text(&mut app, &mut disk, " bis");
    // Meanwhile, the other terminal renamed T2.
    crate::app::fixture::renamed_elsewhere(&mut disk, "T2", "Guichet social");
    run(&mut app, &mut disk, Action::from(SetupKey::Confirm));
    let said = app.said().unwrap();
    assert!(said.error);
    assert!(
        said.text.contains("vu « Guichet unique »")
            && said.text.contains("maintenant « Guichet social »"),
        "{}",
        said.text
    );
    assert!(matches!(
        app.status,
        Some(Notice::Refused(Refusal::StaleField { .. }))
    ));
    assert_eq!(disk.team(&"T2".into()).unwrap().name, "Guichet social");
}

#[test]
fn late_team_replacement_and_locks() {
    let (mut app, mut disk) = on_setup();
    run(&mut app, &mut disk, Action::from(SetupKey::LateTeam));
    type_text(&mut app, &mut disk, "Retardataires");
    run(&mut app, &mut disk, Action::from(SetupKey::Confirm));
    assert_eq!(disk.team(&"T7".into()).unwrap().name, "Retardataires");
    assert_eq!(
        disk.schedule
            .last()
            .and_then(|s| s.team())
            .map(|t| t.as_str()),
        Some("T7")
    );
    app.setup.row = to_row(
        &app,
        &Row::Field(Target::Juror("J3".into()), Field::JurorName),
    );
    run(&mut app, &mut disk, Action::from(SetupKey::Replace));
    type_text(&mut app, &mut disk, "Nadia Roux");
    run(&mut app, &mut disk, Action::from(SetupKey::Confirm));
    let newcomer = disk.juror(&"J6".into()).expect("the newcomer");
    assert_eq!(
        (newcomer.name.as_str(), newcomer.org.as_str()),
        ("Nadia Roux", "pdc")
    );
    assert_eq!(
        disk.sheet(&"T1".into(), &"J3".into()).and_then(|s| s.mark),
        Some(crate::domain::Mark::Absent),
        "nothing has passed: J3 is absent for every team"
    );
    // Scoring started: the method is locked, and says so.
    crate::domain::fixture::put(&mut disk, "T1", "J1", &[("impact", "3")]);
    app.session = std::sync::Arc::new(disk.clone());
    app.setup.row = to_row(&app, &Row::Field(Target::Settings, Field::Method));
    run(&mut app, &mut disk, Action::from(SetupKey::Edit));
    assert!(!app.text_field_active());
    assert_eq!(app.status, Some(Notice::SetupLocked));
    let effects = update(&mut app, Action::from(SetupKey::Withdraw), at(0));
    assert!(effects.iter().all(|e| !matches!(e, Effect::Save(_))));
    assert_eq!(app.status, Some(Notice::SelectTeam));
}

#[test]
fn a_pasted_escape_or_direction_override_never_reaches_the_field() {
    let (mut app, mut disk) = on_setup();
    app.setup.row = to_row(
        &app,
        &Row::Field(Target::Team("T2".into()), Field::TeamName),
    );
    run(&mut app, &mut disk, Action::from(SetupKey::Edit));
    let hostile = " \u{1b}]0;pwned\u{7}\u{202e}ok\tB\u{2066}";
    run(
        &mut app,
        &mut disk,
        Action::from(SetupKey::Paste(hostile.into())),
    );
    assert_eq!(
        app.setup.editing.as_ref().unwrap().text,
        "Guichet unique ]0;pwnedok B"
    );
    run(&mut app, &mut disk, Action::from(SetupKey::Confirm));
    assert_eq!(
        disk.team(&"T2".into()).unwrap().name,
        "Guichet unique ]0;pwnedok B"
    );
}

#[test]
fn a_megabyte_pasted_into_a_name_stops_at_its_limit_and_says_so() {
    use crate::domain::validate::{NAME_MAX, SUMMARY_MAX};
    let (mut app, mut disk) = on_setup();
    app.setup.row = to_row(
        &app,
        &Row::Field(Target::Team("T2".into()), Field::TeamName),
    );
    run(&mut app, &mut disk, Action::from(SetupKey::Edit));
    let page = "Guichet ".repeat(128 * 1024);
    run(&mut app, &mut disk, Action::from(SetupKey::Paste(page)));
    let typed = app.setup.editing.as_ref().unwrap().text.clone();
    assert_eq!(typed.chars().count(), NAME_MAX);
    assert!(typed.starts_with("Guichet uniqueGuichet "));
    let said = app.said().unwrap();
    assert!(said.error);
    assert!(
        said.text.contains("200 caractères au plus"),
        "{}",
        said.text
    );
    // A key more is refused the same way; Backspace makes room again.
    type_text(&mut app, &mut disk, "x");
    assert_eq!(app.status, Some(Notice::SetupTooLong { max: NAME_MAX }));
    run(&mut app, &mut disk, Action::from(SetupKey::Backspace));
    app.status = None;
    type_text(&mut app, &mut disk, "z");
    assert_eq!(app.status, None);
    run(&mut app, &mut disk, Action::from(SetupKey::Confirm));
    let name = &disk.team(&"T2".into()).unwrap().name;
    assert_eq!(name.chars().count(), NAME_MAX);
    assert!(name.ends_with('z'));
    // A summary takes more.
    app.setup.row = to_row(&app, &Row::Field(Target::Team("T2".into()), Field::Summary));
    run(&mut app, &mut disk, Action::from(SetupKey::Edit));
    let long = "é".repeat(SUMMARY_MAX * 2);
    run(&mut app, &mut disk, Action::from(SetupKey::Paste(long)));
    run(&mut app, &mut disk, Action::from(SetupKey::Confirm));
    assert_eq!(
        disk.team(&"T2".into()).unwrap().summary.chars().count(),
        SUMMARY_MAX
    );
    // A late team's name too.
    run(&mut app, &mut disk, Action::from(SetupKey::LateTeam));
    run(
        &mut app,
        &mut disk,
        Action::from(SetupKey::Paste("L".repeat(1 << 20))),
    );
    assert_eq!(
        app.setup.editing.as_ref().unwrap().text.chars().count(),
        NAME_MAX
    );
}

/// A member's name may hold a comma (as teams.csv allows): the members
/// field opens with its members apart by `|`, and confirming it as it is
/// keeps them; a list typed with `|` is one member per item.
#[test]
fn members_with_a_comma_in_a_name_survive_an_edit() {
    let mut app = crate::app::fixture::app();
    app.screen = Screen::Setup;
    let chef = "Karim Benali (chef de cuisine, collège)";
    app.session_mut().teams[1].members = vec![chef.into(), "Julie Vasseur".into()];
    let mut disk = (*app.session).clone();
    app.setup.row = to_row(&app, &Row::Field(Target::Team("T2".into()), Field::Members));
    run(&mut app, &mut disk, Action::from(SetupKey::Edit));
    let opened = app.setup.editing.as_ref().unwrap().text.clone();
    assert_eq!(opened, format!("{chef} | Julie Vasseur"));
    run(&mut app, &mut disk, Action::from(SetupKey::Confirm));
    assert_eq!(
        disk.team(&"T2".into()).unwrap().members,
        [chef, "Julie Vasseur"]
    );
    run(&mut app, &mut disk, Action::from(SetupKey::Edit));
    type_text(&mut app, &mut disk, " | Paul Devaux (diététicien)");
    run(&mut app, &mut disk, Action::from(SetupKey::Confirm));
    assert_eq!(
        disk.team(&"T2".into()).unwrap().members,
        [chef, "Julie Vasseur", "Paul Devaux (diététicien)"]
    );
}
