//! Hand-written HTML: every user-supplied string goes through [`esc`], the
//! page is one self-contained file (its stylesheet inline, nothing fetched).

use crate::domain::Lang;

/// Text made safe for an HTML element or a quoted attribute: `&`, `<`, `>`,
/// both quotes escaped; control characters (a pasted name may carry
/// terminal escapes) dropped, a tab or a line break becoming a space.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `<tag attrs>inner</tag>`, `inner` already HTML; attribute values escaped.
pub fn element(tag: &str, attrs: &[(&str, &str)], inner: &str) -> String {
    let mut out = format!("<{tag}");
    for (name, value) in attrs {
        out.push_str(&format!(" {name}=\"{}\"", esc(value)));
    }
    out.push('>');
    out.push_str(inner);
    out.push_str(&format!("</{tag}>"));
    out
}

/// The stylesheet shared by the page, the minutes and the sheets: readable
/// on a phone (fluid, tables scroll sideways), printed on A4 with no row
/// cut across pages, colours never the only sign of anything.
pub const STYLE: &str = "\
:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--line:#bbb;--accent:#0b4f8a;--laureate:#e6f0fa}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;color:var(--ink);background:#fff;margin:0 auto;padding:1rem;max-width:60rem;line-height:1.45;font-size:1rem}
h1{font-size:1.6rem;margin:.2rem 0 .4rem}
h2{font-size:1.25rem;margin:1.6rem 0 .5rem;border-bottom:2px solid var(--accent);padding-bottom:.15rem}
p,ul,ol{margin:.4rem 0}
.meta{color:var(--muted)}
.banner{border:3px solid #a00000;background:#fff0f0;color:#700;padding:.6rem .8rem;font-weight:700}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;margin:.4rem 0;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}
td.num,th.num{text-align:right}
td.num{white-space:nowrap}
tr.laureate td{background:var(--laureate);font-weight:600}
.digest{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere;font-size:.9rem}
figure{margin:.6rem 0}
figcaption{color:var(--muted);font-size:.9rem}
svg text{font-family:inherit}
.signatures{display:flex;flex-wrap:wrap;gap:2rem;margin-top:1.5rem}
.signature{flex:1 1 14rem;border:1px solid var(--line);min-height:7rem;padding:.5rem}
@media (max-width:40rem){.opt{display:none}body{padding:.6rem;font-size:.95rem}h1{font-size:1.3rem}table{font-size:.88rem}th,td{padding:.2rem .25rem}}
@media print{
@page{size:A4;margin:14mm 12mm}
body{max-width:none;padding:0;font-size:10.5pt}
.scroll{overflow:visible}
tr,li,figure,.signature,.banner{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
h2{break-after:avoid;page-break-after:avoid}
a{color:inherit;text-decoration:none}
tr.laureate td{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
";

/// A whole document: `<!DOCTYPE html>`, the language, the title, the
/// stylesheet (`extra` appended), `body` as it is.
pub fn document(lang: Lang, title: &str, extra_style: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}{extra_style}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        lang.code(),
        esc(title)
    )
}

/// Every reference a document makes to something outside itself: a tag
/// that loads something (script, link, img, iframe, object, embed…), an
/// attribute naming a resource (`src`, `href`, `srcset`, …), a stylesheet's
/// `url(` or `@import`. Podium's pages must have none (tests check it).
/// User text is escaped, so only real tags are looked at.
pub fn external_references(html: &str) -> Vec<String> {
    const TAGS: [&str; 9] = [
        "script", "link", "img", "iframe", "object", "embed", "audio", "video", "source",
    ];
    const ATTRS: [&str; 7] = [
        "src",
        "href",
        "xlink:href",
        "srcset",
        "poster",
        "data",
        "action",
    ];
    let mut found = Vec::new();
    for piece in html.split('<').skip(1) {
        let Some(end) = piece.find('>') else {
            continue;
        };
        let tag = &piece[..end];
        let name = tag
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if TAGS.contains(&name.as_str()) {
            found.push(format!("<{tag}>"));
        }
        for attr in tag.split_whitespace().skip(1) {
            let key = attr.split('=').next().unwrap_or("").to_ascii_lowercase();
            if ATTRS.contains(&key.as_str()) {
                found.push(format!("<{tag}>"));
            }
        }
    }
    let lower = html.to_ascii_lowercase();
    for needle in ["url(", "@import"] {
        if lower.contains(needle) {
            found.push(needle.to_string());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_special_character_is_escaped_and_controls_dropped() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(esc("a\u{1b}[31mb\u{7}\tc\nd\u{9b}e"), "a[31mb c de");
        assert_eq!(esc("Chloé — Val-d'Oise"), "Chloé — Val-d&#39;Oise");
    }

    #[test]
    fn external_references_are_found_in_tags_not_in_escaped_text() {
        assert!(external_references(&document(Lang::Fr, "t", "", &esc("<img src=x>"))).is_empty());
        for bad in [
            "<img src=\"x.png\">",
            "<link rel=\"stylesheet\" href=\"s.css\">",
            "<script>1</script>",
            "<style>body{background:url(x.png)}</style>",
            "<a href=\"https://example.org\">x</a>",
        ] {
            assert!(!external_references(bad).is_empty(), "{bad}");
        }
    }

    #[test]
    fn attributes_are_escaped() {
        assert_eq!(
            element("td", &[("title", "a\"b<")], "x"),
            "<td title=\"a&quot;b&lt;\">x</td>"
        );
    }
}
