//! Printable score sheets (`podium sheets`): one A4 page per juror, teams
//! in pitch order, a box per criterion with its scale and step, a box for
//! the juror's own total; teams the juror does not score are struck
//! through with the reason.

use crate::domain::{Criterion, Juror, Lang, PairState, Session, Team};
use crate::words::report::{self as words, Column, Text};

use super::html::{document, element, esc};
use super::separator;

/// What the sheets add to the shared stylesheet: a page per juror, tall
/// boxes to write in.
const STYLE: &str = "\
.sheet h1{font-size:1.3rem;margin-top:0}
.sheet table{table-layout:fixed}
.sheet th.teamcol{width:27%}
.sheet thead th{overflow-wrap:anywhere;hyphens:auto}
.sheet th.total,.sheet td.total{border-left:3px solid var(--ink)}
.sheet td.box{height:2.6rem}
.sheet th[scope=row]{font-weight:600;background:#fff}
.sheet tr.off td,.sheet tr.off th{color:#555;background:#f0f0f0}
.sheet tr.off .team{text-decoration:line-through}
.sheet .scale{display:block;font-weight:400;font-size:.8rem;color:#444}
.sheet .project{display:block;font-weight:400;font-size:.8rem;color:#444}
.sheet .sign{margin-top:1rem}
@media print{.sheet{break-after:page;page-break-after:always}.sheet:last-child{break-after:auto;page-break-after:auto}
body{font-size:9pt}.sheet thead th{font-size:8pt}.sheet h1{font-size:13pt}.sheet p{margin:1mm 0}.sheet td.box{height:8mm}.sheet td,.sheet th{padding:.8mm 1.5mm}}
";

/// Why a juror does not score a team, if so.
fn reason(session: &Session, team: &Team, juror: &Juror) -> Option<Text> {
    session.excuse(team, juror).map(|excuse| match excuse {
        PairState::AutoRecused => Text::SameOrg,
        PairState::Recused => Text::Recused,
        PairState::Absent => Text::AbsentMark,
        _ => Text::Withdrawn,
    })
}

fn criterion_head(c: &Criterion, lang: Lang) -> String {
    let sep = separator(lang);
    let scale = words::scale(
        &c.min.format_with(sep),
        &c.max.format_with(sep),
        &c.step.format_with(sep),
        lang,
    );
    let weight = format!("×{}", c.weight.format_with(sep));
    element(
        "th",
        &[("scope", "col")],
        &format!(
            "{}{}",
            esc(&c.label),
            element(
                "span",
                &[("class", "scale")],
                &esc(&format!("{scale} · {weight}"))
            )
        ),
    )
}

fn team_cell(team: &Team) -> String {
    let mut inner = element(
        "span",
        &[("class", "team")],
        &esc(&format!("{} {}", team.id, team.name)),
    );
    if !team.project.trim().is_empty() {
        inner.push_str(&element(
            "span",
            &[("class", "project")],
            &esc(&team.project),
        ));
    }
    element("th", &[("scope", "row")], &inner)
}

/// One juror's page.
fn sheet(session: &Session, juror: &Juror, lang: Lang) -> String {
    let mut out = String::from("<section class=\"sheet\">\n");
    let who = if juror.name.trim().is_empty() {
        juror.id.to_string()
    } else {
        format!("{} ({})", juror.name, juror.id)
    };
    out.push_str(&element(
        "h1",
        &[],
        &esc(&format!("{} — {who}", Text::SheetsTitle.get(lang))),
    ));
    let event = &session.event;
    let when = words::where_and_when(&event.place, event.date, lang);
    let line = [event.title.as_str(), when.as_str(), juror.role.as_str()]
        .iter()
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    out.push_str(&element("p", &[("class", "meta")], &esc(&line)));
    out.push_str(&element("p", &[], &esc(Text::SheetsHelp.get(lang))));
    let mut head = element(
        "th",
        &[("scope", "col"), ("class", "teamcol")],
        &esc(Column::Team.label(lang)),
    );
    head.extend(session.criteria.iter().map(|c| criterion_head(c, lang)));
    head.push_str(&element(
        "th",
        &[("scope", "col"), ("class", "total")],
        &esc(Text::JurorTotal.get(lang)),
    ));
    out.push_str(&format!("<table><thead><tr>{head}</tr></thead><tbody>\n"));
    let boxes = session.criteria.len() + 1;
    let empty = format!(
        "{}<td class=\"box total\"></td>",
        "<td class=\"box\"></td>".repeat(boxes - 1)
    );
    for team in session.teams_in_order() {
        match reason(session, team, juror) {
            None => {
                out.push_str(&format!("<tr>{}{empty}</tr>\n", team_cell(team)));
            }
            Some(why) => out.push_str(&format!(
                "<tr class=\"off\">{}{}</tr>\n",
                team_cell(team),
                element(
                    "td",
                    &[("colspan", &boxes.to_string())],
                    &esc(why.get(lang))
                )
            )),
        }
    }
    out.push_str("</tbody></table>\n");
    out.push_str(&element(
        "p",
        &[("class", "sign")],
        &esc(&format!(
            "{} ......................",
            words::colon(Text::Signature.get(lang), lang)
        )),
    ));
    out.push_str("</section>\n");
    out
}

/// Every juror's sheet, one printed page each.
pub fn render(session: &Session, lang: Lang) -> String {
    let body: String = session
        .jurors
        .iter()
        .map(|j| sheet(session, j, lang))
        .collect();
    let title = match session.event.title.trim() {
        "" => Text::SheetsTitle.get(lang).to_string(),
        t => format!("{} — {t}", Text::SheetsTitle.get(lang)),
    };
    document(lang, &title, STYLE, &body)
}
