//! `podium check FILE`: every problem of a session, one line each; never
//! writes (it reads as any reader does, without the lock).

use std::path::Path;

use crate::domain::ranking::{self, finality::Finality};
use crate::domain::{Dec, Lang, Session, recount, validate};
use crate::i18n;
use crate::storage::{self, Finding};
use crate::words::session as words;

use super::{Failure, Outcome};

pub fn run(flag: Option<Lang>, file: &Path, final_wanted: bool) -> Outcome {
    let report = storage::inspect(file);
    let lang = i18n::resolve(flag, report.session.as_ref().map(|s| s.settings.lang));
    let name = file.display().to_string();
    let mut lines: Vec<String> = report.findings.iter().map(|f| f.message(lang)).collect();
    let fatal = report
        .findings
        .iter()
        .any(|f| matches!(f, Finding::Fatal(_)));
    if let Some(session) = &report.session
        && !fatal
    {
        lines.extend(
            session_problems(session, lang)
                .into_iter()
                .map(|p| format!("{name}: {p}")),
        );
        lines.extend(
            recount::differences(session)
                .iter()
                .map(|d| format!("{name}: {}", d.message(lang))),
        );
    }
    let notes: Vec<String> = report.notes.iter().map(|n| n.message(lang)).collect();
    if !lines.is_empty() {
        lines.extend(notes);
        return Err(Failure::new(lang, lines));
    }
    for note in &notes {
        super::say(lang, note)?;
    }
    if let Some(s) = &report.session {
        super::say(lang, &summary(&name, s, lang))?;
        super::say(
            lang,
            &format!("{name}: {}", crate::words::recount::agrees(lang)),
        )?;
        let finality = Finality::of(&ranking::rank(s, s.settings.method));
        let said = format!("{name}: {}", words::finality(&finality, lang));
        if final_wanted && !finality.is_final() {
            return Err(Failure::new(lang, vec![said]));
        }
        super::say(lang, &said)?;
    }
    Ok(())
}

/// The session's own problems: references, values, settings.
pub fn session_problems(s: &Session, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = validate::problems(s)
        .iter()
        .map(|p| p.message(lang))
        .collect();
    for c in &s.criteria {
        // The top of the scale could never be given (`new` refuses this;
        // a session made before it did is reported here).
        if c.step > Dec::ZERO && c.min < c.max && !c.max.is_on_step(c.min, c.step) {
            let sep = crate::report::separator(lang);
            let (max, min, step) = (
                c.max.format_with(sep),
                c.min.format_with(sep),
                c.step.format_with(sep),
            );
            out.push(match lang {
                Lang::Fr => format!(
                    "critère {} : le maximum ({max}) n'est pas atteignable depuis le minimum \
                     ({min}) par pas de {step}",
                    c.id
                ),
                Lang::En => format!(
                    "criterion {}: the maximum ({max}) cannot be reached from the minimum \
                     ({min}) in steps of {step}",
                    c.id
                ),
            });
        }
    }
    if s.settings.pitch_secs == 0 {
        out.push(
            lang.t(
                "la durée du pitch doit être positive",
                "the pitch duration must be above zero",
            )
            .into(),
        );
    }
    out
}

fn summary(name: &str, s: &Session, lang: Lang) -> String {
    let (r, sizes, values) = (s.revision, words::sizes(s, lang), words::values(s, lang));
    match lang {
        Lang::Fr => format!("{name}: OK — révision {r}, {sizes}, {values}"),
        Lang::En => format!("{name}: OK — revision {r}, {sizes}, {values}"),
    }
}
