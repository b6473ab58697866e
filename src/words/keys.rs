//! The keys' words: how a key is written (`Entrée`, `Maj-↑`), what each
//! binding does (the `?` overlay) and its short wording (the footer), from
//! the typed [`Help`] ids of the app's tables; and the `?` overlay's lines.

use crossterm::event::KeyCode;

use crate::app::Action;
use crate::app::keymap::OverlayHelp;
use crate::app::keys::{Binding, CommonHelp, Key};
use crate::app::screens::completeness::BoardHelp;
use crate::app::screens::history::HistoryHelp;
use crate::app::screens::questions::{QuestionsHelp, QuestionsKey};
use crate::app::screens::results::ResultsHelp;
use crate::app::screens::schedule::ScheduleHelp;
use crate::app::screens::scores::blind::BlindHelp;
use crate::app::screens::scores::{AZERTY_ROW, GridHelp};
use crate::app::screens::setup::SetupHelp;
use crate::app::screens::stage::StageHelp;
use crate::app::screens::{GlobalHelp, Help, ScreenKey};
use crate::domain::Lang;

/// How a key is written in the footer and the help.
pub fn key(key: Key, lang: Lang) -> String {
    let code = |c: KeyCode| -> String {
        match c {
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => lang.t("Maj-Tab", "Shift-Tab").into(),
            KeyCode::Enter => lang.t("Entrée", "Enter").into(),
            KeyCode::Esc => lang.t("Échap", "Esc").into(),
            KeyCode::Delete => lang.t("Suppr", "Del").into(),
            KeyCode::Backspace => lang.t("Retour", "Backspace").into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => lang.t("PgPréc", "PgUp").into(),
            KeyCode::PageDown => lang.t("PgSuiv", "PgDn").into(),
            KeyCode::Home => lang.t("Début", "Home").into(),
            KeyCode::End => lang.t("Fin", "End").into(),
            other => format!("{other}"),
        }
    };
    match key {
        Key::Char(' ') => lang.t("Espace", "Space").into(),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Key::Code(c) => code(c),
        Key::Shift(c) => format!("{}{}", lang.t("Maj-", "Shift-"), code(c)),
        Key::Text => lang.t("texte", "text").into(),
        Key::Other => lang.t("autre touche", "any other key").into(),
    }
}

/// A binding's keys as the help writes them: "q / Ctrl-C".
pub fn keys<A>(b: &Binding<A>, lang: Lang) -> String {
    b.keys()
        .map(|k| key(k, lang))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// What a binding does, or its footer's short wording.
pub fn help(help: Help, lang: Lang) -> &'static str {
    match help {
        Help::Common(h) => common(h, lang),
        Help::Overlay(h) => overlay(h, lang),
        Help::Global(h) => global(h, lang),
        Help::Stage(h) => stage(h, lang),
        Help::Schedule(h) => schedule(h, lang),
        Help::Questions(h) => questions(h, lang),
        Help::Scores(h) => grid(h, lang),
        Help::Blind(h) => blind(h, lang),
        Help::History(h) => history(h, lang),
        Help::Completeness(h) => board(h, lang),
        Help::Results(h) => results(h, lang),
        Help::Reveal(h) => super::reveal::key_help(h, lang),
        Help::Setup(h) => setup(h, lang),
    }
}

/// The footer's wording of a binding, if it is shown there.
pub fn footer<A>(b: &Binding<A>, lang: Lang) -> Option<&'static str> {
    b.footer.map(|f| help(f, lang))
}

/// An overlay's keys on one line: "y / o : quitter · autre touche : rester".
pub fn overlay_line(table: &[Binding<Action>], lang: Lang) -> String {
    let colon = lang.t(" : ", ": ");
    table
        .iter()
        .map(|b| {
            format!(
                "{}{colon}{}",
                keys(b, lang),
                footer(b, lang).unwrap_or(help(b.help, lang))
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The `?` overlay's lines for a screen's bindings: keys doing the same
/// thing, or said the same way, share a line (single characters side by
/// side: "0123456789.,"); the juror hotkeys share one.
pub fn help_lines(bindings: &[Binding<Action>], lang: Lang) -> Vec<(String, String)> {
    let mut rows: Vec<(String, &str)> = Vec::new();
    let mut hotkeys = 0;
    for b in bindings {
        if matches!(
            b.action,
            Action::Key(ScreenKey::Questions(QuestionsKey::Ask(_)))
        ) {
            hotkeys += 1;
            continue;
        }
        let label = keys(b, lang);
        let said = help(b.help, lang);
        match rows.iter_mut().find(|r| r.1 == said) {
            Some(row) if is_char(&row.0, &label) => row.0.push_str(&label),
            // F1, F2… F7 make one range: "F1–F7".
            Some(row) if matches!(b.key, Key::Code(KeyCode::F(_))) => {
                let first = row.0.split('–').next().unwrap_or_default().to_string();
                row.0 = format!("{first}–{label}");
            }
            Some(row) => row.0 = format!("{} / {label}", row.0),
            None => rows.push((label, said)),
        }
    }
    let mut lines: Vec<(String, String)> = rows
        .into_iter()
        .map(|(keys, help)| (keys, help.to_string()))
        .collect();
    if hotkeys > 0 {
        let said = questions(QuestionsHelp::AskAny, lang);
        lines.push(("a, b, c…".to_string(), said.to_string()));
    }
    lines
}

/// Whether two key labels are runs of single characters (digits and the
/// like), written side by side in the help.
fn is_char(run: &str, label: &str) -> bool {
    let digit = |c: char| c.is_ascii_digit() || ".,".contains(c);
    let azerty = |c: char| AZERTY_ROW.contains(c);
    label.chars().count() == 1
        && (run.chars().all(digit) || run.chars().all(azerty) && label.chars().all(azerty))
}

fn common(help: CommonHelp, lang: Lang) -> &'static str {
    use CommonHelp as H;
    match help {
        H::PreviousRow => lang.t("ligne précédente", "previous row"),
        H::NextRow => lang.t("ligne suivante", "next row"),
        H::PreviousTeam => lang.t("équipe précédente", "previous team"),
        H::NextTeam => lang.t("équipe suivante", "next team"),
        H::PreviousPage => lang.t("page précédente", "previous page"),
        H::NextPage => lang.t("page suivante", "next page"),
        H::TypeText => lang.t("taper le texte", "type the text"),
        H::Confirm => lang.t("valider", "confirm"),
        H::Cancel => lang.t("abandonner", "cancel"),
        H::EraseCharacter => lang.t("effacer le dernier caractère", "erase the last character"),
        H::TypeValue => lang.t(
            "taper la note (chiffres, virgule ou point)",
            "type the value (digits, comma or point)",
        ),
        H::Azerty => lang.t(
            "chiffres sans Maj sur un clavier français",
            "digits without Shift on a French keyboard",
        ),
        H::LetterWhileTyping => lang.t(
            "une lettre en cours de saisie : Entrée ou Échap",
            "a letter while typing: Enter or Esc first",
        ),
        H::EraseDigit => lang.t(
            "effacer le dernier chiffre tapé",
            "erase the last digit typed",
        ),
        H::Commit => lang.t("valider", "commit"),
        H::Close => lang.t("fermer", "close"),
        H::Quit => lang.t("quitter", "quit"),
        H::Stay => lang.t("rester", "stay"),
    }
}

fn overlay(help: OverlayHelp, lang: Lang) -> &'static str {
    match help {
        OverlayHelp::EndQuestions => lang.t("terminer les questions", "end the questions"),
        OverlayHelp::Yes => lang.t("oui", "yes"),
        OverlayHelp::No => lang.t("non", "no"),
    }
}

fn global(help: GlobalHelp, lang: Lang) -> &'static str {
    use GlobalHelp as H;
    match help {
        H::Help => lang.t("aide", "help"),
        H::OtherScreen => lang.t("écran suivant / précédent", "next / previous screen"),
        // Short: the footer keeps `Tab` at 80 columns with the stage's keys.
        H::NextScreen => lang.t("écrans", "next screen"),
        H::Undo => lang.t("annuler ma dernière opération", "undo my last operation"),
        H::UndoShort => lang.t("annuler", "undo"),
        H::Projector => lang.t(
            "mode projecteur (masque les notes)",
            "projector mode (hides scores)",
        ),
        H::GoToScreen => lang.t(
            "aller directement à un écran (ordre des onglets)",
            "go straight to a screen (in tab order)",
        ),
    }
}

fn stage(help: StageHelp, lang: Lang) -> &'static str {
    use StageHelp as H;
    match help {
        H::TypeMessage => lang.t("taper le message", "type the message"),
        H::ShowMessage => lang.t("afficher", "show"),
        H::WriteMessage => lang.t(
            "message à l'orateur (taper)",
            "message to the speaker (type it)",
        ),
        H::Conclude => lang.t("message « Concluez »", "message \"Please conclude\""),
        H::ClearMessage => lang.t("effacer le message", "clear the message"),
        H::StartPause => lang.t("départ / pause / reprise", "start / pause / resume"),
        H::StartPauseShort => lang.t("départ/pause", "start/pause"),
        H::NextPhase => lang.t("phase suivante", "next phase"),
        H::PlusTen => lang.t("+10 s", "+10 s"),
        H::TenSeconds => lang.t("10 s", "10 s"),
        H::MinusTen => lang.t("−10 s", "−10 s"),
        H::PlusMinute => lang.t("+1 min", "+1 min"),
        H::MinusMinute => lang.t("−1 min", "−1 min"),
        H::RestartPhase => lang.t("relancer la phase", "restart the phase"),
    }
}

fn schedule(help: ScheduleHelp, lang: Lang) -> &'static str {
    use ScheduleHelp as H;
    match help {
        H::MoveUp => lang.t("monter l'équipe", "move the team up"),
        H::Row => lang.t("ligne", "row"),
        H::MoveShort => lang.t("déplacer", "move"),
        H::MoveDown => lang.t("descendre l'équipe", "move the team down"),
        H::ToggleWithdrawn => lang.t("retirer / rétablir l'équipe", "withdraw / restore the team"),
        H::ToggleWithdrawnShort => lang.t("retirer/rétablir", "withdraw/restore"),
        H::InsertBreak => lang.t("insérer une pause après", "insert a break after"),
        H::InsertBreakShort => lang.t("pause", "break"),
        H::LongerBreak => lang.t("pause +5 min", "break +5 min"),
        H::ShorterBreak => lang.t("pause −5 min", "break −5 min"),
        H::RemoveBreak => lang.t("supprimer la pause", "remove the break"),
        H::CallNow => lang.t(
            "appeler l'équipe sur scène maintenant",
            "call the team to the stage now",
        ),
        H::CallNowShort => lang.t("appeler", "call"),
        H::StartNow => lang.t("début prévu : maintenant", "planned start: now"),
    }
}

fn questions(help: QuestionsHelp, lang: Lang) -> &'static str {
    use QuestionsHelp as H;
    match help {
        H::Ask => lang.t(
            "file de questions : le juré marqué de cette touche",
            "question queue: the juror marked with this key",
        ),
        H::AskAny => lang.t(
            "mettre un juré dans la file (touche près du nom)",
            "queue a juror (the key beside their name)",
        ),
        H::QuestionDone => lang.t("question terminée, au suivant", "question done, next one"),
        H::QuestionDoneShort => lang.t("question terminée", "question done"),
        H::Previous => lang.t("juré précédent dans la file", "previous in the queue"),
        H::Next => lang.t("juré suivant dans la file", "next in the queue"),
        H::RemoveSpeaker => lang.t("retirer de la file", "remove from the queue"),
        H::RemoveSpeakerShort => lang.t("retirer", "remove"),
    }
}

fn grid(help: GridHelp, lang: Lang) -> &'static str {
    use GridHelp as H;
    match help {
        H::Commit => lang.t(
            "valider la note, case suivante (puis le juré suivant)",
            "commit the value, next cell (then the next juror)",
        ),
        H::Escape => lang.t(
            "abandonner la saisie ; non à une question",
            "discard the typed value; no to a question",
        ),
        H::Yes => lang.t("répondre oui à la question", "answer yes to the question"),
        H::Jurors => lang.t("changer de juré", "move between jurors"),
        H::Cells => lang.t(
            "changer de case ; Début, Fin : bouts de la ligne",
            "move between cells; Home, End: ends of the row",
        ),
        H::Absent => lang.t(
            "a absent, A pour la suite, R récusé ; encore : levé",
            "a absent, A for the rest, R recused; again: lifted",
        ),
        H::AbsentShort => lang.t("absent", "absent"),
        H::Delete => lang.t("effacer la case", "clear the cell"),
        H::DeleteShort => lang.t("effacer", "clear"),
        H::Verify => lang.t(
            "grille vérifiée : verrouiller (ou déverrouiller)",
            "grid verified: lock (or unlock)",
        ),
        H::VerifyShort => lang.t("vérifier", "verify"),
        H::Teams => lang.t(
            "équipe précédente / suivante ; s : celle sur scène",
            "previous / next team; s: the one on stage",
        ),
        H::NextTeamShort => lang.t("équipe suiv.", "next team"),
    }
}

fn blind(help: BlindHelp, lang: Lang) -> &'static str {
    use BlindHelp as H;
    match help {
        H::Commit => lang.t(
            "valider la 2e saisie, case suivante",
            "commit the second entry, next cell",
        ),
        H::Move => lang.t("changer de case", "move between cells"),
        H::Delete => lang.t(
            "effacer la case de la 2e saisie",
            "clear the second entry's cell",
        ),
        H::Compare => lang.t(
            "comparer les deux saisies, régler les écarts",
            "compare both entries, settle the differences",
        ),
        H::CompareShort => lang.t("comparer", "compare"),
        H::Escape => lang.t(
            "abandonner la saisie ; sinon quitter la double saisie",
            "discard the typed value; else leave the double entry",
        ),
        H::EscapeShort => lang.t("sortir", "leave"),
        H::Pick => lang.t("écart précédent / suivant", "previous / next difference"),
        H::KeepFirst => lang.t("garder la 1re saisie", "keep the first entry"),
        H::KeepFirstShort => lang.t("garder la 1re", "keep 1st"),
        H::KeepSecond => lang.t("garder la 2e saisie", "keep the second entry"),
        H::KeepSecondShort => lang.t("garder la 2e", "keep 2nd"),
        H::CommitThird => lang.t(
            "valider une 3e valeur tapée (dans les deux saisies)",
            "commit a third value typed (into both entries)",
        ),
        H::CommitThirdShort => lang.t("3e valeur", "3rd value"),
        H::EscapeSettling => lang.t(
            "abandonner la valeur ; sinon retour à la saisie",
            "discard the value; else back to typing",
        ),
        H::EscapeSettlingShort => lang.t("retour", "back"),
        H::StartHere => lang.t(
            "double saisie à l'aveugle de cette équipe",
            "blind double entry of this team",
        ),
        H::StartSelected => lang.t(
            "double saisie à l'aveugle de l'équipe choisie",
            "blind double entry of the selected team",
        ),
        H::StartNext => lang.t(
            "double saisie de la prochaine équipe près du seuil",
            "double entry of the next team near the cut-off",
        ),
    }
}

fn history(help: HistoryHelp, lang: Lang) -> &'static str {
    use HistoryHelp as H;
    match help {
        H::Open => lang.t(
            "historique : qui a changé quoi et quand",
            "history: who changed what and when",
        ),
        H::Scroll => lang.t("faire défiler", "scroll"),
        H::Oldest => lang.t("le plus ancien", "the oldest"),
        H::Newest => lang.t("le plus récent", "the newest"),
        H::Close => lang.t("fermer l'historique", "close the history"),
    }
}

fn board(help: BoardHelp, lang: Lang) -> &'static str {
    match help {
        BoardHelp::Open => lang.t(
            "ouvrir la grille de notes de l'équipe",
            "open the team's score grid",
        ),
        BoardHelp::OpenShort => lang.t("ouvrir la grille", "open the grid"),
    }
}

fn results(help: ResultsHelp, lang: Lang) -> &'static str {
    use ResultsHelp as H;
    match help {
        H::Abandon => lang.t("abandonner la décision", "abandon the decision"),
        H::AbandonShort => lang.t("abandonner", "abandon"),
        H::Order => lang.t("ordre décidé", "order decided"),
        H::OrderShort => lang.t("ordre", "order"),
        H::Admit => lang.t("tous admis", "all admitted"),
        H::AdmitShort => lang.t("tous admis", "admit all"),
        H::MoveUp => lang.t("monter l'équipe dans l'ordre", "move the team up the order"),
        H::MoveDown => lang.t(
            "descendre l'équipe dans l'ordre",
            "move the team down the order",
        ),
        H::Continue => lang.t(
            "continuer : qui a décidé, puis le motif",
            "go on: who decided, then the reason",
        ),
        H::ContinueShort => lang.t("continuer", "go on"),
        H::NextMethod => lang.t(
            "méthode suivante (comparaison, non officielle)",
            "next method (comparison, not official)",
        ),
        H::NextMethodShort => lang.t("méthode", "method"),
        H::Detail => lang.t(
            "détail de l'équipe (ouvrir / fermer)",
            "the team's detail (open / close)",
        ),
        H::DetailShort => lang.t("détail", "detail"),
        H::CloseDetail => lang.t("fermer le détail", "close the detail"),
        H::Seal => lang.t(
            "sceller les résultats (cachés partout jusqu'au descellement)",
            "seal the results (hidden everywhere until unsealed)",
        ),
        H::Unseal => lang.t(
            "desceller les résultats (demande confirmation)",
            "unseal the results (asks first)",
        ),
        H::UnsealShort => lang.t("desceller", "unseal"),
        H::SealShort => lang.t("sceller", "seal"),
        H::Sensitivity => lang.t(
            "plus petit changement d'une case qui modifie les lauréats",
            "smallest change to one cell that alters the laureates",
        ),
        H::Decide => lang.t(
            "décision du jury sur l'égalité à la limite",
            "the jury's decision on the tie at the cut-off",
        ),
        H::DecideShort => lang.t("décider", "decide"),
        H::ConfirmField => lang.t("valider le champ", "confirm the field"),
        H::EraseShort => lang.t("effacer", "erase"),
    }
}

fn setup(help: SetupHelp, lang: Lang) -> &'static str {
    use SetupHelp as H;
    match help {
        H::Edit => lang.t("modifier le champ", "edit the field"),
        H::EditShort => lang.t("modifier", "edit"),
        H::Withdraw => lang.t(
            "retirer ou rétablir l'équipe",
            "withdraw or restore the team",
        ),
        H::LateTeam => lang.t(
            "ajouter une équipe en retard (en fin de programme)",
            "add a late team (at the end of the schedule)",
        ),
        H::LateTeamShort => lang.t("équipe en retard", "late team"),
        H::AddJuror => lang.t("ajouter un juré", "add a juror"),
        H::Replace => lang.t(
            "remplacer le juré (le nouveau note les équipes à venir)",
            "replace the juror (the newcomer scores the teams to come)",
        ),
        H::ReplaceShort => lang.t("remplacer le juré", "replace juror"),
    }
}
