//! A small document model (headings, paragraphs, lists, tables) that the
//! minutes and the results page are written in, rendered to Markdown or to
//! HTML. Texts are plain (escaped here for either format); only
//! [`Block::Raw`] carries HTML, built by Podium itself (the chart).

use super::html::{element, esc};

/// A table: a caption, column headings, rows of cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    /// Which columns hold numbers (right-aligned).
    pub numeric: Vec<bool>,
    /// Columns a phone's narrow screen leaves out (HTML only).
    pub optional: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    /// Rows shown highlighted (laureates), by index; also bold in Markdown.
    pub highlighted: Vec<bool>,
}

impl Table {
    pub fn new(caption: impl Into<String>, head: Vec<String>, numeric: Vec<bool>) -> Table {
        Table {
            caption: caption.into(),
            head,
            numeric,
            ..Table::default()
        }
    }

    pub fn push(&mut self, row: Vec<String>, highlighted: bool) {
        self.rows.push(row);
        self.highlighted.push(highlighted);
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Level 1 to 3.
    Heading(u8, String),
    Paragraph(String),
    /// A warning the reader must not miss (provisional results).
    Banner(String),
    /// A short fixed-width text (the journal digest).
    Code(String),
    List(Vec<String>),
    /// A list with given numbers (ranks, which ex aequo share).
    Numbered(Vec<(usize, String)>),
    Table(Table),
    /// Boxes to sign in, one per title.
    Signatures(Vec<String>),
    /// HTML made by Podium (the chart); left out of Markdown.
    Raw(String),
}

/// A user's text (a name, a project) set apart from the sentence around
/// it when it holds right-to-left letters or direction marks: between
/// U+2068 and U+2069 (first strong isolate, pop directional isolate), so
/// a Hebrew or Arabic name does not swap places with its neighbours (`T2
/// name — project (org)` read in the wrong order) and a direction override
/// in a hand-edited name stops at its end. Browsers honour the marks; the
/// Markdown leaves them out.
pub fn isolated(text: &str) -> String {
    let rtl = |c: char| {
        matches!(c as u32,
            0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF
            | 0x1E800..=0x1EFFF | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
    };
    if text.chars().any(rtl) {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text.to_string()
    }
}

/// Escape what Markdown would read as markup in running text.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            '\u{2068}' | '\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

fn md_table(t: &Table, heading: &str) -> String {
    let mut out = String::new();
    // A caption that repeats the heading just above is said once.
    if !t.caption.is_empty() && t.caption != heading {
        out.push_str(&format!("*{}*\n\n", md(&t.caption)));
    }
    let head: Vec<String> = t.head.iter().map(|h| md(h)).collect();
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    let aligns: Vec<&str> = (0..t.head.len())
        .map(|i| {
            if t.numeric.get(i).copied().unwrap_or(false) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    out.push_str(&format!("| {} |\n", aligns.join(" | ")));
    for (i, row) in t.rows.iter().enumerate() {
        let strong = t.highlighted.get(i).copied().unwrap_or(false);
        let cells: Vec<String> = row
            .iter()
            .map(|c| match (strong, c.is_empty()) {
                (true, false) => format!("**{}**", md(c)),
                _ => md(c),
            })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// The document as Markdown.
pub fn markdown(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut heading = "";
    for block in blocks {
        let text = match block {
            Block::Heading(level, text) => {
                heading = text;
                format!("{} {}\n", "#".repeat(usize::from(*level)), md(text))
            }
            Block::Paragraph(text) => format!("{}\n", md(text)),
            Block::Banner(text) => format!("> **{}**\n", md(text)),
            Block::Code(text) => format!("`{}`\n", text.replace('`', "")),
            Block::List(items) if items.is_empty() => continue,
            Block::List(items) => items.iter().map(|i| format!("- {}\n", md(i))).collect(),
            Block::Numbered(items) if items.is_empty() => continue,
            Block::Numbered(items) => items
                .iter()
                .map(|(n, i)| format!("{n}. {}\n", md(i)))
                .collect(),
            Block::Table(t) => md_table(t, heading),
            Block::Signatures(titles) => titles
                .iter()
                .map(|t| format!("{}\n\n\n..............................\n", md(t)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Raw(_) => continue,
        };
        parts.push(text);
    }
    parts.join("\n")
}

fn html_table(t: &Table, heading: &str) -> String {
    let class = |i: usize| {
        let numeric = t.numeric.get(i).copied().unwrap_or(false);
        let optional = t.optional.get(i).copied().unwrap_or(false);
        match (numeric, optional) {
            (true, true) => vec![("class", "num opt")],
            (true, false) => vec![("class", "num")],
            (false, true) => vec![("class", "opt")],
            (false, false) => vec![],
        }
    };
    let mut out = String::from("<div class=\"scroll\"><table>");
    if t.caption == heading {
        // Said by the heading just above: kept for screen readers only.
        out.push_str(&element(
            "caption",
            &[("class", "visually-hidden")],
            &esc(&t.caption),
        ));
    } else if !t.caption.is_empty() {
        out.push_str(&element("caption", &[], &esc(&t.caption)));
    }
    let head: String = t
        .head
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let mut attrs = class(i);
            attrs.push(("scope", "col"));
            element("th", &attrs, &esc(h))
        })
        .collect();
    out.push_str(&format!("<thead><tr>{head}</tr></thead><tbody>\n"));
    for (r, row) in t.rows.iter().enumerate() {
        let strong = t.highlighted.get(r).copied().unwrap_or(false);
        out.push_str(if strong {
            "<tr class=\"laureate\">"
        } else {
            "<tr>"
        });
        for (i, cell) in row.iter().enumerate() {
            out.push_str(&element("td", &class(i), &esc(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
    out
}

/// The document as the inside of an HTML `<body>`.
pub fn html(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut heading = "";
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                heading = text;
                let tag = format!("h{}", level.clamp(&1, &3));
                out.push_str(&element(&tag, &[], &esc(text)));
            }
            Block::Paragraph(text) => out.push_str(&element("p", &[], &esc(text))),
            Block::Banner(text) => out.push_str(&element(
                "p",
                &[("class", "banner"), ("role", "note")],
                &esc(text),
            )),
            Block::Code(text) => out.push_str(&element("p", &[("class", "digest")], &esc(text))),
            Block::List(items) if items.is_empty() => continue,
            Block::List(items) => {
                let inner: String = items.iter().map(|i| element("li", &[], &esc(i))).collect();
                out.push_str(&element("ul", &[], &inner));
            }
            Block::Numbered(items) if items.is_empty() => continue,
            Block::Numbered(items) => {
                let inner: String = items
                    .iter()
                    .map(|(n, i)| element("li", &[("value", &n.to_string())], &esc(i)))
                    .collect();
                out.push_str(&element("ol", &[], &inner));
            }
            Block::Table(t) => out.push_str(&html_table(t, heading)),
            Block::Signatures(titles) => {
                let inner: String = titles
                    .iter()
                    .map(|t| element("div", &[("class", "signature")], &esc(t)))
                    .collect();
                out.push_str(&element("div", &[("class", "signatures")], &inner));
            }
            Block::Raw(html) => out.push_str(html),
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Block> {
        let mut t = Table::new(
            "Rows",
            vec!["Name".into(), "Score".into()],
            vec![false, true],
        );
        t.push(vec!["<b>A|B</b>".into(), "1,50".into()], true);
        t.push(vec!["C & D".into(), String::new()], false);
        vec![
            Block::Heading(1, "Title *x*".into()),
            Block::Banner("Careful".into()),
            Block::Table(t),
            Block::List(vec!["one".into()]),
            Block::Raw("<svg></svg>".into()),
        ]
    }

    #[test]
    fn markdown_escapes_markup_and_bolds_highlighted_rows() {
        let text = markdown(&sample());
        assert!(text.starts_with("# Title \\*x\\*\n"));
        assert!(text.contains("| **\\<b\\>A\\|B\\</b\\>** | **1,50** |"));
        assert!(text.contains("| Name | Score |\n| --- | ---: |"));
        assert!(text.contains("> **Careful**"));
        assert!(!text.contains("svg"));
    }

    #[test]
    fn right_to_left_names_are_isolated_in_html_not_in_markdown() {
        assert_eq!(isolated("Cantine"), "Cantine");
        let name = isolated("שלום עולם");
        assert_eq!(name, "\u{2068}שלום עולם\u{2069}");
        let item = format!("T2 {name} — {} (Nord)", isolated("مرحبا"));
        let blocks = vec![Block::Numbered(vec![(1, item.clone())])];
        assert!(html(&blocks).contains(&format!("<li value=\"1\">{item}</li>")));
        assert_eq!(markdown(&blocks), "1. T2 שלום עולם — مرحبا (Nord)\n");
    }

    #[test]
    fn html_escapes_text_and_keeps_raw_blocks() {
        let text = html(&sample());
        assert!(text.contains("<h1>Title *x*</h1>"));
        assert!(text.contains("<tr class=\"laureate\"><td>&lt;b&gt;A|B&lt;/b&gt;</td>"));
        assert!(text.contains("<th class=\"num\" scope=\"col\">Score</th>"));
        assert!(text.contains("<td>C &amp; D</td>"));
        assert!(text.contains("<svg></svg>"));
    }
}
