//! Writing scores.csv: every value, absence, explicit recusal and
//! handwritten total, in schedule, juror and criterion order. French uses
//! `;` and a decimal comma, as French spreadsheets expect; English `,` and `.`.
//! Ids that start like a formula get a leading `'` (`words::for_spreadsheet`),
//! which the readers take off again; values are figures, written as they are.

use crate::domain::{Lang, Mark, Session, TeamId};
use crate::words::for_spreadsheet;

/// The separator and decimal mark of a language.
pub fn style(lang: Lang) -> (u8, char) {
    (lang.csv_delimiter(), lang.decimal_separator())
}

/// The scores of a session as CSV text.
pub fn scores(session: &Session, lang: Lang) -> String {
    let (delimiter, decimal) = style(lang);
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut rows: Vec<[String; 4]> = vec![[
        "team".into(),
        "juror".into(),
        "criterion".into(),
        "value".into(),
    ]];
    // Teams in schedule order, then any team missing from the schedule.
    let mut teams: Vec<&TeamId> = session.teams_in_order().map(|t| &t.id).collect();
    for team in &session.teams {
        if !teams.contains(&&team.id) {
            teams.push(&team.id);
        }
    }
    for team in teams {
        for juror in &session.jurors {
            let Some(sheet) = session.sheet(team, &juror.id) else {
                continue;
            };
            let pair = |criterion: &str, value: String| {
                [
                    for_spreadsheet(team).into_owned(),
                    for_spreadsheet(&juror.id).into_owned(),
                    for_spreadsheet(criterion).into_owned(),
                    value,
                ]
            };
            match sheet.mark {
                Some(Mark::Absent) => rows.push(pair("", "absent".into())),
                Some(Mark::Recused) => rows.push(pair("", "recused".into())),
                None => {}
            }
            for criterion in &session.criteria {
                if let Some(v) = sheet.values.get(&criterion.id) {
                    rows.push(pair(&criterion.id, v.format_with(decimal)));
                }
            }
            if let Some(total) = sheet.handwritten {
                rows.push(pair("", total.format_with(decimal)));
            }
        }
    }
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
