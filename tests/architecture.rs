//! The arrows of ARCHITECTURE.md, checked: which room may import which.
//! Test code (files named `*tests*.rs`, `fixture*.rs`, and every item under
//! a `#[cfg(test)]`) is left out: tests may reach anywhere.

use std::fs;
use std::path::{Path, PathBuf};

/// The crate's rooms a room must never name.
const FORBIDDEN: &[(&str, &[&str])] = &[
    (
        "domain",
        &["app", "ui", "words", "report", "storage", "tui", "commands"],
    ),
    (
        "app",
        &["ui", "words", "report", "storage", "tui", "commands"],
    ),
    ("ui", &["storage", "tui", "commands"]),
    ("words", &["ui", "storage", "tui", "commands"]),
    ("report", &["app", "ui", "storage", "tui", "commands"]),
    ("storage", &["app", "ui", "report", "tui", "commands"]),
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code outside its tests: every item under `#[cfg(test)]`
/// (a module declared or inline, a test-only function or `impl`) becomes
/// blank lines, and only it — the code after it is still checked, and the
/// line numbers stay true.
fn code(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    if name.contains("tests") || name.starts_with("fixture") {
        return None;
    }
    let text = fs::read_to_string(path).ok()?;
    let mut kept = Vec::new();
    // Inside a test item: its brace depth, once its body opened.
    let mut test_item: Option<Option<i32>> = None;
    for line in text.lines() {
        let Some(body) = test_item else {
            if line.trim_start().starts_with("#[cfg(test)]") {
                test_item = Some(None);
                kept.push("");
            } else {
                kept.push(line);
            }
            continue;
        };
        kept.push("");
        let bare = without_literals(line);
        if body.is_none() && line.trim_start().starts_with("#[") {
            continue; // another attribute of the item
        }
        let mut depth = body;
        for c in bare.chars() {
            match c {
                '{' => depth = Some(depth.unwrap_or(0) + 1),
                '}' => depth = depth.map(|d| d - 1),
                _ => {}
            }
        }
        test_item = match depth {
            Some(0) => None,
            None if bare.trim_end().ends_with(';') => None,
            open => Some(open),
        };
    }
    Some(kept.join("\n"))
}

/// A line without its comment and the insides of its string and character
/// literals (which may hold braces).
fn without_literals(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            // A character literal ('{', '"', '\''), not a lifetime.
            '\'' => {
                let ahead: Vec<char> = chars.clone().take(2).collect();
                if ahead.first() == Some(&'\\') {
                    chars.next();
                    chars.next();
                    chars.find(|d| *d == '\'');
                } else if ahead.get(1) == Some(&'\'') {
                    chars.next();
                    chars.next();
                }
            }
            '/' if chars.peek() == Some(&'/') => break,
            c => out.push(c),
        }
    }
    out
}

#[test]
fn only_test_items_are_left_out_of_the_checks() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // The code after a test-only module declaration is still checked.
    let domain = code(&src.join("domain/mod.rs")).expect("domain/mod.rs");
    assert!(!domain.contains("pub mod fixture;"));
    assert!(domain.contains("pub use apply::apply;"), "{domain}");
    // An inline test module is left out whole, and nothing else.
    let results = code(&src.join("app/screens/results/mod.rs")).expect("results");
    assert!(!results.contains("budget_tests") && !results.contains("search_budget(&forum())"));
    assert!(results.contains("pub fn bindings(app: &App)"));
    assert_eq!(
        without_literals(r#"let x = '{'; f("}}{", '\'', '"'); // {"#),
        "let x = ; f(, , ); "
    );
}

#[test]
fn each_room_imports_only_what_architecture_md_allows() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut broken = Vec::new();
    for (room, forbidden) in FORBIDDEN {
        let mut files = Vec::new();
        sources(&src.join(room), &mut files);
        assert!(!files.is_empty(), "no source in src/{room}");
        for file in files {
            let Some(code) = code(&file) else {
                continue;
            };
            for (n, line) in code.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for other in *forbidden {
                    if line.contains(&format!("crate::{other}::"))
                        || line.contains(&format!("crate::{other};"))
                        || line.contains(&format!("crate::{other}::{{"))
                    {
                        broken.push(format!("{}:{}: {room} → {other}", file.display(), n + 1));
                    }
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "arrows ARCHITECTURE.md forbids:\n{}",
        broken.join("\n")
    );
}

#[test]
fn only_tui_talks_to_the_terminals_events() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let readers: Vec<String> = files
        .iter()
        .filter(|f| !f.ends_with("tui.rs"))
        .filter_map(|f| Some((f, code(f)?)))
        .filter(|(_, code)| code.contains("event::read(") || code.contains("event::poll("))
        .map(|(f, _)| f.display().to_string())
        .collect();
    assert!(readers.is_empty(), "{readers:?}");
}

/// ARCHITECTURE.md's recipe for a new screen, proved with the Setup
/// screen: outside tests it is named in its four places — its room
/// (`app/screens/setup.rs`, its state a field of `App`), the screens'
/// exhaustive matches (`app/screens/mod.rs`), its drawing
/// (`ui/screens/setup.rs` and the `draw` match) and its words (its name in
/// `words/screens.rs`, its keys' help in `words/keys.rs`, its sentences in
/// `words/setup.rs`) — and in the two places a screen takes only if it
/// needs them: a kind of undo of its own (`app/undo.rs`) and notices of
/// its own (`app/notice.rs`), both worded in `words/notice.rs`. Nowhere
/// else.
#[test]
fn the_setup_screen_lives_in_the_four_places_of_the_recipe() {
    let names = [
        "Screen::Setup",
        "ScreenKey::Setup",
        "screens::setup",
        "SetupKey",
        "SetupState",
        "SetupScreen",
        "SetupHelp",
        // What it may add: its kind of undo, its notices.
        "UndoKind::Setup",
        "SetupLocked",
        "SetupUnreadable",
        "SetupNameEmpty",
    ];
    let required = [
        // 1. The room, and its state on `App`.
        "app/screens/setup.rs",
        "app/mod.rs",
        // 2. The screens' exhaustive matches.
        "app/screens/mod.rs",
        // 3. Its drawing.
        "ui/screens/setup.rs",
        "ui/screens/mod.rs",
        // 4. Its words.
        "words/screens.rs",
        "words/keys.rs",
        "words/setup.rs",
    ];
    // If it needs them: its kind of undo, its notices, and their words.
    let optional = ["app/undo.rs", "app/notice.rs", "words/notice.rs"];
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut named = Vec::new();
    for file in files {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.contains("tests") || name.starts_with("fixture") {
            continue;
        }
        // Up to its inline test module (test-only items elsewhere, such as
        // `#[cfg(test)] mod fixture;`, are one line).
        let text = fs::read_to_string(&file).unwrap_or_default();
        let code = &text[..text.find("#[cfg(test)]\nmod tests {").unwrap_or(text.len())];
        if names.iter().any(|n| code.contains(n)) {
            let rel = file.strip_prefix(&src).unwrap_or(&file);
            named.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    named.sort();
    let outside: Vec<&String> = named
        .iter()
        .filter(|f| !required.contains(&f.as_str()) && !optional.contains(&f.as_str()))
        .collect();
    assert!(
        outside.is_empty(),
        "the Setup screen is named outside its places (ARCHITECTURE.md, \"A new screen\"): {outside:?}"
    );
    let missing: Vec<&&str> = required
        .iter()
        .filter(|p| !named.iter().any(|f| f == *p))
        .collect();
    assert!(
        missing.is_empty(),
        "a place of the recipe lost the Setup screen: {missing:?}"
    );
}

/// What a French-and-English sentence written in place looks like: the
/// pair handed to `Lang::t`, or a match on the language.
const SENTENCE_MARKS: &[&str] = &[
    "lang.t(",
    "Lang::Fr =>",
    "Lang::En =>",
    "(Lang::Fr,",
    "(Lang::En,",
    "Lang::Fr)",
    "Lang::En)",
];

/// ARCHITECTURE.md: the sentences in French and English live in
/// `src/words`; the drawing, the app state, the commands, the storage and
/// the reports hold typed values and ask `words` for text. Test code may
/// assert the words the user sees.
#[test]
fn no_room_but_words_words_a_sentence() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut broken = Vec::new();
    for room in ["ui", "app", "commands", "storage", "report"] {
        let mut files = Vec::new();
        sources(&src.join(room), &mut files);
        for file in files {
            let rel = file.strip_prefix(&src).unwrap_or(&file);
            let rel = rel.to_string_lossy().replace('\\', "/");
            let Some(code) = code(&file) else {
                continue;
            };
            for (n, line) in code.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                if SENTENCE_MARKS.iter().any(|m| line.contains(m)) {
                    broken.push(format!("src/{rel}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "sentences worded outside src/words (move them to a words submodule):\n{}",
        broken.join("\n")
    );
}
