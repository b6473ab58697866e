//! CSV: `;` and a decimal comma in French (as French spreadsheets expect),
//! `,` and `.` in English. Figures rounded to two decimals.

use crate::domain::ranking::Ranking;
use crate::domain::{Lang, Session};

use super::figure;

pub fn render(ranking: &Ranking, session: &Session, lang: Lang) -> String {
    let delimiter = match lang {
        Lang::Fr => b';',
        Lang::En => b',',
    };
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let yes_no = |b: bool| lang.t(if b { "oui" } else { "non" }, if b { "yes" } else { "no" });
    let mut header: Vec<String> = [
        lang.t("rang", "rank"),
        lang.t("equipe", "team"),
        lang.t("nom", "name"),
        lang.t("org", "org"),
        lang.t("score", "score"),
        lang.t("feuilles", "sheets"),
        lang.t("laureat", "laureate"),
        lang.t("ex_aequo", "tied"),
        lang.t("a_la_limite", "at_cutoff"),
        lang.t("trop_peu_de_feuilles", "too_few_sheets"),
        lang.t("ecart", "spread"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(session.criteria.iter().map(|c| c.id.to_string()));
    let _ = writer.write_record(&header);
    for row in &ranking.ranking {
        let mut record = vec![
            row.rank.to_string(),
            row.team.to_string(),
            row.name.clone(),
            row.org.to_string(),
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
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
