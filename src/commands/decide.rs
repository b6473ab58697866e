//! `podium decide FILE (--order T3,T7 | --admit T3,T7) --by "..." --reason "..."`:
//! record the jury's decision on teams tied at the laureate cut-off, as one
//! operation. Allowed only when the teams are exactly a group of equal teams
//! straddling the cut-off under the official method.

use chrono::Utc;

use crate::cli::DecideArgs;
use crate::domain::ranking::{self, decisions::names_cutoff_group};
use crate::domain::{Change, Decision, DecisionKind, Lang, Operation, Session};
use crate::storage::{self, StoreError};

use super::{Failure, Outcome};

pub fn run(flag: Option<Lang>, args: &DecideArgs) -> Outcome {
    let file = args.file.display().to_string();
    // The whole journal is checked first: a damaged one is never written to.
    let (session, lang) = super::open_writer(flag, &args.file)?;
    let (kind, teams) = if args.admit.is_empty() {
        (DecisionKind::Order, args.order.clone())
    } else {
        (DecisionKind::Admit, args.admit.clone())
    };
    let teams: Vec<String> = teams.iter().map(|t| t.trim().to_string()).collect();
    let decision = Decision {
        kind,
        teams,
        by: args.by.trim().to_string(),
        reason: args.reason.trim().to_string(),
        at: Utc::now(),
    };
    check(&session, &decision, lang).map_err(|lines| {
        Failure::new(
            lang,
            lines.into_iter().map(|l| format!("{file}: {l}")).collect(),
        )
    })?;
    let op = Operation::new(
        Change::AddDecision {
            decision: decision.clone(),
        },
        storage::new_id(),
        decision.at,
    );
    let committed = storage::commit(&args.file, &op, storage::CLI_WAIT).map_err(|e| {
        let line = match &e {
            StoreError::Refused(_) => format!("{file}: {}", e.message(lang)),
            _ => e.message(lang),
        };
        Failure::one(lang, line)
    })?;
    // The laureates as saved.
    let after = ranking::rank(&committed.session, committed.session.settings.method);
    let teams = decision.teams.join(", ");
    println!(
        "{}",
        match (kind, lang) {
            (DecisionKind::Order, Lang::Fr) => format!(
                "{file}: décision enregistrée — ordre {teams} (par {}, {})",
                decision.by, decision.reason
            ),
            (DecisionKind::Order, Lang::En) => format!(
                "{file}: decision saved — order {teams} (by {}, {})",
                decision.by, decision.reason
            ),
            (DecisionKind::Admit, Lang::Fr) => format!(
                "{file}: décision enregistrée — {teams} admises (par {}, {})",
                decision.by, decision.reason
            ),
            (DecisionKind::Admit, Lang::En) => format!(
                "{file}: decision saved — {teams} admitted (by {}, {})",
                decision.by, decision.reason
            ),
        }
    );
    let laureates = after.laureate_ids().join(", ");
    println!(
        "{}",
        match lang {
            Lang::Fr => format!("lauréats : {laureates}"),
            Lang::En => format!("laureates: {laureates}"),
        }
    );
    Ok(())
}

/// Every reason to refuse the decision, one line each.
pub fn check(session: &Session, decision: &Decision, lang: Lang) -> Result<(), Vec<String>> {
    let mut lines = Vec::new();
    if decision.by.is_empty() {
        lines.push(
            lang.t(
                "--by est vide : qui a décidé ?",
                "--by is empty: who decided?",
            )
            .to_string(),
        );
    }
    if decision.reason.is_empty() {
        lines.push(
            lang.t("--reason est vide : pourquoi ?", "--reason is empty: why?")
                .to_string(),
        );
    }
    for team in &decision.teams {
        if session.team(team).is_none() {
            lines.push(match lang {
                Lang::Fr => format!("équipe inconnue {team}"),
                Lang::En => format!("unknown team {team}"),
            });
        }
    }
    let official = ranking::rank(session, session.settings.method);
    if lines.is_empty() && !names_cutoff_group(&official, &decision.teams) {
        let groups: Vec<String> = official
            .cutoff_groups()
            .iter()
            .map(|g| g.join(", "))
            .collect();
        let listed = decision.teams.join(", ");
        let method = session.settings.method.id();
        lines.push(match (lang, groups.is_empty()) {
            (Lang::Fr, true) => format!(
                "refusé : {listed} n'est pas un groupe d'ex aequo à la limite des lauréats (méthode officielle {method}) ; il n'y en a aucun"
            ),
            (Lang::En, true) => format!(
                "refused: {listed} is not a group of teams tied at the laureate cut-off (official method {method}); there is none"
            ),
            (Lang::Fr, false) => format!(
                "refusé : {listed} n'est pas exactement un groupe d'ex aequo à la limite des lauréats (méthode officielle {method}) ; groupe(s) à la limite : {}",
                groups.join(" ; ")
            ),
            (Lang::En, false) => format!(
                "refused: {listed} is not exactly a group of teams tied at the laureate cut-off (official method {method}); group(s) at the cut-off: {}",
                groups.join("; ")
            ),
        });
    }
    if lines.is_empty() { Ok(()) } else { Err(lines) }
}
