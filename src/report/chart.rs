//! The bar chart of the results page: inline SVG, one bar per ranked team
//! with a score, with its text equivalent (a `<desc>` listing every bar,
//! and the ranking table the caption points to).

use crate::domain::Lang;
use crate::domain::ranking::Ranking;
use crate::words::report::{self as words, Text};
use crate::words::width::cut;

use super::doc::isolated;
use super::figure;
use super::html::{element, esc};

const WIDTH: f64 = 800.0;
const LABEL: f64 = 300.0;
const BAR: f64 = 22.0;
const GAP: f64 = 8.0;

/// The chart as a `<figure>`; empty when no team has a score.
pub fn render(ranking: &Ranking, lang: Lang) -> String {
    let bars: Vec<_> = ranking
        .ranking
        .iter()
        .filter_map(|row| row.score.as_ref().map(|s| (row, s.to_f64())))
        .filter(|(_, v)| v.is_finite())
        .collect();
    if bars.is_empty() {
        return String::new();
    }
    let lo = bars.iter().map(|b| b.1).fold(0.0_f64, f64::min);
    let hi = bars.iter().map(|b| b.1).fold(0.0_f64, f64::max);
    let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
    let plot = WIDTH - LABEL - 70.0;
    let x = |v: f64| LABEL + (v - lo) / span * plot;
    let height = bars.len() as f64 * (BAR + GAP) + GAP;
    let mut svg = String::new();
    let mut desc = Vec::new();
    for (i, (row, value)) in bars.iter().enumerate() {
        let y = GAP + i as f64 * (BAR + GAP);
        let (from, to) = (x(value.min(0.0)), x(value.max(0.0)));
        let shown = figure(row.score.as_ref(), lang, "—");
        let star = if row.laureate { "★ " } else { "" };
        let label = cut(
            &format!("{star}{}. {} {}", row.rank, row.team, isolated(&row.name)),
            40,
        );
        let fill = if row.laureate { "#0b4f8a" } else { "#9bb3c9" };
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"13\">{}</text>\
             <rect x=\"{from:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{BAR}\" fill=\"{fill}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\">{}</text>\n",
            LABEL - 8.0,
            y + BAR * 0.72,
            esc(&label),
            (to - from).max(1.0),
            to + 6.0,
            y + BAR * 0.72,
            esc(&shown),
        ));
        desc.push(format!(
            "{} {shown}",
            words::colon(&format!("{star}{} {}", row.team, isolated(&row.name)), lang)
        ));
    }
    let title = Text::Chart.get(lang);
    let inner = format!(
        "<svg viewBox=\"0 0 {WIDTH} {height:.0}\" width=\"100%\" role=\"img\" \
         aria-labelledby=\"chart-title chart-desc\">\
         <title id=\"chart-title\">{}</title><desc id=\"chart-desc\">{}</desc>\n\
         <line x1=\"{:.1}\" y1=\"0\" x2=\"{:.1}\" y2=\"{height:.0}\" stroke=\"#555\"/>\n{svg}</svg>\
         <figcaption>{}</figcaption>",
        esc(title),
        esc(&desc.join(" · ")),
        x(0.0),
        x(0.0),
        esc(Text::ChartCaption.get(lang)),
    );
    element("figure", &[("class", "chart")], &inner)
}
