//! `podium check FILE`: every problem of a session, one line each; never
//! writes (it reads as any reader does, without the lock).

use std::path::Path;

use crate::domain::ranking::{self, finality::Finality};
use crate::domain::recount::Difference;
use crate::domain::{Dec, Lang, Session, recount, validate};
use crate::i18n;
use crate::storage::{self, Finding, LineProblem, verify};
use crate::words::session::SettingProblem;
use crate::words::{seal, session as words};

use super::{Failure, Outcome};

pub fn run(flag: Option<Lang>, file: &Path, final_wanted: bool) -> Outcome {
    let report = storage::inspect(file);
    let lang = i18n::resolve(flag, report.session.as_ref().map(|s| s.settings.lang));
    let name = file.display().to_string();
    let verified = verify::verify_with(file, !report.state_agrees);
    let mut lines = file_problems(&report, verified.as_ref(), lang);
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
        let differences = recount::differences(session);
        if let Err(differences) = recount_said(&name, &differences, session.is_sealed(), lang) {
            lines.extend(differences);
        }
    }
    let notes: Vec<String> = report.notes.iter().map(|n| n.message(lang)).collect();
    let digest = verified.as_ref().ok().and_then(|v| v.digest_line(lang));
    if !lines.is_empty() {
        lines.extend(notes);
        return Err(Failure::new(lang, lines));
    }
    for note in &notes {
        super::say(lang, note)?;
    }
    if let Some(s) = &report.session {
        // Counts only (sheets missing, ties waiting): no rank, sealed or not.
        let finality = Finality::of(&ranking::rank(s, s.settings.method));
        let summary = words::check_summary(s, &finality, lang);
        super::say(lang, &format!("{name}: {summary}"))?;
        if let Some(digest) = &digest {
            super::say(lang, digest)?;
        }
        // Reached only when the recount agrees (a difference is a problem).
        if let Ok(agrees) = recount_said(&name, &[], s.is_sealed(), lang) {
            super::say(lang, &agrees)?;
        }
        if s.is_sealed() {
            super::say(lang, &seal::check_line(&name, lang))?;
        }
        let said = format!("{name}: {}", words::finality(&finality, lang));
        if final_wanted && !finality.is_final() {
            return Err(Failure::new(lang, vec![said]));
        }
        super::say(lang, &said)?;
    }
    Ok(())
}

/// What is wrong with the files: the tampering the verification names
/// first (the first line altered, removed, inserted or reordered, a
/// hand-edited state), then what the reader found that does not merely
/// follow from it (a broken link, a gap, a replay refused, the state
/// differing from the replay are the same tampering in vaguer words).
fn file_problems(
    report: &storage::Report,
    verified: Result<&verify::Verified, &storage::StoreError>,
    lang: Lang,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut tampered = false;
    match verified {
        Ok(v) if !v.intact() => {
            lines.extend(v.messages(lang));
            tampered = true;
        }
        Ok(_) => {}
        Err(e) if report.findings.is_empty() => lines.push(e.message(lang)),
        Err(_) => {}
    }
    let follows = |f: &Finding| match f {
        Finding::Line { problem, .. } => matches!(
            problem,
            LineProblem::Chain { .. }
                | LineProblem::Gap { .. }
                | LineProblem::Refused(_)
                | LineProblem::Create { .. }
        ),
        Finding::StateDiffers { .. } => true,
        _ => false,
    };
    lines.extend(
        report
            .findings
            .iter()
            .filter(|f| !(tampered && follows(f)))
            .map(|f| f.message(lang)),
    );
    lines
}

/// What the independent recount says: it agrees, or every difference
/// from the engine (each a problem: `check` exits 1, `--final` too); while
/// `sealed`, how many differences in one line (each would name a rank).
fn recount_said(
    name: &str,
    differences: &[Difference],
    sealed: bool,
    lang: Lang,
) -> Result<String, Vec<String>> {
    if differences.is_empty() {
        return Ok(format!("{name}: {}", crate::words::recount::agrees(lang)));
    }
    if sealed {
        return Err(vec![seal::recount_differs(name, differences.len(), lang)]);
    }
    Err(differences
        .iter()
        .map(|d| format!("{name}: {}", d.message(lang)))
        .collect())
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
            out.push(SettingProblem::MaxUnreachable(c).message(lang));
        }
    }
    if s.settings.pitch_secs == 0 {
        out.push(SettingProblem::NoPitch.message(lang));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::recount_said;
    use crate::app::results_fixture::forum;
    use crate::domain::{Lang, Method, ranking, recount};

    #[test]
    fn a_corrupted_engine_result_is_reported_line_by_line() {
        let session = forum();
        let honest = ranking::rank(&session, Method::Mean);
        let agreed = recount::compare(&honest, &recount::recount(&session, Method::Mean));
        assert_eq!(
            recount_said("f.json", &agreed, false, Lang::En),
            Ok("f.json: recounted independently: agrees".to_string())
        );
        // The engine's result tampered with: T6's score raised, T1 no
        // longer a laureate.
        let mut wrong = honest.clone();
        let t6 = wrong.ranking.iter().position(|r| r.team == "T6").unwrap();
        wrong.ranking[t6].score = honest.ranking[0].score.clone();
        wrong.ranking[0].laureate = false;
        let found = recount::compare(&wrong, &recount::recount(&session, Method::Mean));
        let said = recount_said("f.json", &found, false, Lang::Fr).unwrap_err();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(
            said.iter().any(|l| l
                .starts_with("f.json: recomptage (moyenne) : T6 a le score 9 dans le classement")),
            "{said:?}"
        );
        assert!(
            said.iter().any(|l| l
                == "f.json: recomptage (moyenne) : T1 est lauréate au recomptage, pas dans le classement"),
            "{said:?}"
        );
        // Sealed: counted in one line, no rank, no team.
        let sealed = recount_said("f.json", &found, true, Lang::En).unwrap_err();
        assert_eq!(
            sealed,
            [
                "f.json: the independent recount differs (2 differences, not shown while the \
              results are sealed) — do not publish"
            ]
        );
    }
}
