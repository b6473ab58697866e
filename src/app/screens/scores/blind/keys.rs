//! The blind mode's tables of keys: typing, settling, and the keys that
//! start it from the grid and the Completeness board.

use crossterm::event::KeyCode;

use super::super::AZERTY_ROW;
use super::BlindKey;
use crate::app::App;
use crate::app::keys::{Binding, Key, bind};

/// The keys of the blind mode, typing or settling.
pub fn bindings(app: &App) -> Vec<Binding<BlindKey>> {
    use BlindKey as B;
    const TYPE: (&str, &str) = (
        "taper la note (chiffres, virgule ou point)",
        "type the value (digits, comma or point)",
    );
    const MOVE: (&str, &str) = ("changer de case", "move between cells");
    const AZERTY: (&str, &str) = (
        "chiffres sans Maj sur un clavier français",
        "digits without Shift on a French keyboard",
    );
    let b = |key, action, help: (&'static str, &'static str)| bind(key, action, help.0, help.1);
    let mut all: Vec<Binding<BlindKey>> = ('0'..='9')
        .chain(['.', ','])
        .map(|c| b(Key::Char(c), B::Char(c), TYPE))
        .collect();
    all.extend(
        AZERTY_ROW
            .chars()
            .zip("1234567890".chars())
            .map(|(k, d)| b(Key::Char(k), B::Char(d), AZERTY)),
    );
    if app.blind.half_typed() {
        all.push(b(
            Key::Text,
            B::Letter,
            (
                "une lettre en cours de saisie : Entrée ou Échap",
                "a letter while typing: Enter or Esc first",
            ),
        ));
    }
    all.push(b(
        Key::Code(KeyCode::Backspace),
        B::Backspace,
        (
            "effacer le dernier chiffre tapé",
            "erase the last digit typed",
        ),
    ));
    if app.blind.settling {
        all.extend(settling_bindings());
        return all;
    }
    all.extend([
        b(
            Key::Code(KeyCode::Enter),
            B::Enter,
            (
                "valider la 2e saisie, case suivante",
                "commit the second entry, next cell",
            ),
        )
        .foot("valider", "commit"),
        b(Key::Code(KeyCode::Up), B::Up, MOVE),
        b(Key::Code(KeyCode::Down), B::Down, MOVE),
        b(Key::Code(KeyCode::Left), B::Left, MOVE),
        b(Key::Code(KeyCode::Right), B::Right, MOVE),
        b(
            Key::Code(KeyCode::Delete),
            B::Delete,
            (
                "effacer la case de la 2e saisie",
                "clear the second entry's cell",
            ),
        ),
        b(
            Key::Char('c'),
            B::Compare,
            (
                "comparer les deux saisies, régler les écarts",
                "compare both entries, settle the differences",
            ),
        )
        .foot("comparer", "compare"),
        b(
            Key::Code(KeyCode::Esc),
            B::Escape,
            (
                "abandonner la saisie ; sinon quitter la double saisie",
                "discard the typed value; else leave the double entry",
            ),
        )
        .foot("sortir", "leave"),
    ]);
    all
}

fn settling_bindings() -> Vec<Binding<BlindKey>> {
    use BlindKey as B;
    const PICK: (&str, &str) = ("écart précédent / suivant", "previous / next difference");
    let b = |key, action, help: (&'static str, &'static str)| bind(key, action, help.0, help.1);
    vec![
        b(Key::Code(KeyCode::Up), B::Up, PICK),
        b(Key::Code(KeyCode::Down), B::Down, PICK),
        b(
            Key::Code(KeyCode::Left),
            B::KeepFirst,
            ("garder la 1re saisie", "keep the first entry"),
        )
        .foot("garder la 1re", "keep 1st"),
        b(
            Key::Code(KeyCode::Right),
            B::KeepSecond,
            ("garder la 2e saisie", "keep the second entry"),
        )
        .foot("garder la 2e", "keep 2nd"),
        b(
            Key::Code(KeyCode::Enter),
            B::Enter,
            (
                "valider une 3e valeur tapée (dans les deux saisies)",
                "commit a third value typed (into both entries)",
            ),
        )
        .foot("3e valeur", "3rd value"),
        b(
            Key::Code(KeyCode::Esc),
            B::Escape,
            (
                "abandonner la valeur ; sinon retour à la saisie",
                "discard the value; else back to typing",
            ),
        )
        .foot("retour", "back"),
    ]
}

/// The key that starts the mode from the grid.
pub fn grid_bindings(app: &App) -> Vec<Binding<BlindKey>> {
    if app.grid.half_typed() {
        return Vec::new();
    }
    vec![bind(
        Key::Char('b'),
        BlindKey::StartHere,
        "double saisie à l'aveugle de cette équipe",
        "blind double entry of this team",
    )]
}

/// The keys that start the mode from the Completeness board.
pub fn board_bindings(_app: &App) -> Vec<Binding<BlindKey>> {
    vec![
        bind(
            Key::Char('b'),
            BlindKey::StartSelected,
            "double saisie à l'aveugle de l'équipe choisie",
            "blind double entry of the selected team",
        ),
        bind(
            Key::Char('B'),
            BlindKey::StartNext,
            "double saisie de la prochaine équipe près du seuil",
            "double entry of the next team near the cut-off",
        ),
    ]
}
