//! The ranking serialises to exactly the JSON of design.md.

use serde_json::json;

use super::support::*;
use crate::domain::ranking::rank;
use crate::domain::session::{DecisionKind, Mark, Method};

#[test]
fn every_field_as_design_md_writes_it() {
    let mut s = session(
        &["T01", "T02", "T03", "T04"],
        &["J1", "J2"],
        &[("impact", "2"), ("feasibility", "1")],
    );
    s.settings.laureates = 1;
    put(&mut s, "T01", "J1", &["4", "3"]); // 11
    put(&mut s, "T01", "J2", &["3.5", "2"]); // 9
    put(&mut s, "T02", "J1", &["4", "3"]);
    put(&mut s, "T02", "J2", &["3.5", "2"]);
    put(&mut s, "T03", "J1", &["1", "1"]); // 3
    mark(&mut s, "T03", "J2", Mark::Recused);
    put(&mut s, "T04", "J1", &["5"]); // partial
    decide(&mut s, DecisionKind::Admit, &["T03", "T04"]);
    let r = rank(&s, Method::Mean);
    let got = serde_json::to_value(&r).unwrap();
    let expected = json!({
        "method": "mean", "official": true, "laureates": 1, "min_sheets": 1,
        "provisional": true, "cutoff_tie": true,
        "warnings": [
            { "code": "stale_decision", "team": "T03", "juror": null },
            { "code": "partial_sheet", "team": "T04", "juror": "J1" },
            { "code": "missing_sheet", "team": "T04", "juror": "J2" },
            { "code": "too_few_sheets", "team": "T04", "juror": null },
        ],
        "decisions": [
            { "kind": "admit", "teams": ["T03", "T04"], "by": "jury",
              "reason": "vote", "at": "2026-05-12T18:00:00Z" }
        ],
        "ranking": [
            { "rank": 1, "team": "T01", "name": "Team T01", "org": "org",
              "score": 10.0, "sheets": 2, "too_few_sheets": false,
              "laureate": false, "tied": true, "at_cutoff": true, "spread": 1.0,
              "criteria": { "impact": 3.75, "feasibility": 2.5 } },
            { "rank": 1, "team": "T02", "name": "Team T02", "org": "org",
              "score": 10.0, "sheets": 2, "too_few_sheets": false,
              "laureate": false, "tied": true, "at_cutoff": true, "spread": 1.0,
              "criteria": { "impact": 3.75, "feasibility": 2.5 } },
            { "rank": 3, "team": "T03", "name": "Team T03", "org": "org",
              "score": 3.0, "sheets": 1, "too_few_sheets": false,
              "laureate": false, "tied": false, "at_cutoff": false, "spread": 0.0,
              "criteria": { "impact": 1.0, "feasibility": 1.0 } },
            { "rank": 4, "team": "T04", "name": "Team T04", "org": "org",
              "score": null, "sheets": 0, "too_few_sheets": true,
              "laureate": false, "tied": false, "at_cutoff": false, "spread": null,
              "criteria": {} }
        ]
    });
    assert_eq!(got, expected);
    // Criteria keep the session's order in the text.
    let text = serde_json::to_string(&r).unwrap();
    assert!(text.contains(r#""criteria":{"impact":3.75,"feasibility":2.5}"#));
}
