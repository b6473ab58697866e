//! CSV: `;` and a decimal comma in French (as French spreadsheets expect),
//! `,` and `.` in English. Figures rounded to two decimals. The last
//! column says on every row whether the results are provisional or final
//! (a column, not a comment line: the file stays one header and rows, and
//! a filtered or sorted sheet keeps it).

use crate::domain::ranking::Ranking;
use crate::domain::ranking::finality::Finality;
use crate::words::for_spreadsheet;
use crate::words::report::{Column, Text};

use super::{Context, HUMAN_COLUMNS, figure};

/// The columns of the CSV after the human reports' first six (rank to
/// sheets), before the criteria.
const FLAGS: [Column; 5] = [
    Column::Laureate,
    Column::Tied,
    Column::AtCutoff,
    Column::TooFewSheets,
    Column::Spread,
];

/// The byte order mark a French CSV starts with ([`crate::domain::Lang::csv_bom`]), so
/// that Excel reads UTF-8.
pub const BOM: &str = "\u{feff}";

/// The CSV text; French starts with [`BOM`].
pub fn render(ranking: &Ranking, cx: &Context) -> String {
    let (session, lang) = (cx.session, cx.lang);
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(lang.csv_delimiter())
        .from_writer(Vec::new());
    let yes_no = |b: bool| if b { Text::Yes } else { Text::No }.get(lang);
    let mut header: Vec<String> = HUMAN_COLUMNS[..6]
        .iter()
        .chain(&FLAGS)
        .map(|c| c.key(lang))
        .collect();
    header.extend(
        session
            .criteria
            .iter()
            .map(|c| for_spreadsheet(&c.id).into_owned()),
    );
    header.push(Column::Results.key(lang));
    let _ = writer.write_record(&header);
    let standing = if Finality::of(ranking).is_final() {
        Text::FinalCell
    } else {
        Text::ProvisionalCell
    }
    .get(lang);
    for row in &ranking.ranking {
        let mut record = vec![
            row.rank.to_string(),
            for_spreadsheet(&row.team).into_owned(),
            for_spreadsheet(&row.name).into_owned(),
            for_spreadsheet(&row.org).into_owned(),
            figure(row.score.as_ref(), lang, ""),
            row.sheets.to_string(),
            yes_no(row.laureate).to_string(),
            yes_no(row.tied).to_string(),
            yes_no(row.at_cutoff).to_string(),
            yes_no(row.too_few_sheets).to_string(),
            figure(row.spread.as_ref(), lang, ""),
        ];
        record.extend(
            session
                .criteria
                .iter()
                .map(|c| figure(row.criteria.get(&c.id), lang, "")),
        );
        record.push(standing.to_string());
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    if lang.csv_bom() {
        format!("{BOM}{text}")
    } else {
        text
    }
}
