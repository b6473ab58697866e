//! The figures of the README's performance table (issue 13): the release
//! binary on generated forums of T teams × 60 jurors × 6 criteria, each
//! figure taken from the real program, loading included.
//!
//! Run: `scripts/measure-session.sh` (writes the table into the README),
//! or `cargo bench --bench session -- 200 2000` for chosen team counts
//! (default 200, 2,000 and 20,000). The table is printed in Markdown on
//! standard output; progress on standard error.
//!
//! For each size: an empty forum is created (`storage::create`), then
//! every value is imported with `podium scores import` from a CSV file
//! (the journal then holds the creation and that one import line, as in
//! the issue's setup); team 1's cells are left out of the file so the
//! grid can be typed into. Peak memory is the maximum resident set size
//! reported by GNU time (`/usr/bin/time -f %M`).

#[path = "common/forum.rs"]
mod forum;
#[path = "../examples/common/pty.rs"]
#[allow(dead_code)]
mod pty;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use podium::domain::Session;
use podium::storage;

use forum::{CRITERIA, JURORS, forum};
use pty::Term;

const PODIUM: &str = env!("CARGO_BIN_EXE_podium");
/// Runs of each command; the median time and the largest memory are kept.
const RUNS: usize = 3;
/// Values typed in `podium run` per size.
const KEYSTROKES: usize = 30;

/// One measured figure: wall seconds, processor seconds (user + system,
/// what the machine's load does not inflate) and peak memory in MB.
#[derive(Clone, Copy, Debug, Default)]
struct Figure {
    secs: f64,
    cpu: Option<f64>,
    mb: Option<f64>,
}

/// Everything measured on one size.
#[derive(Debug, Default)]
struct Row {
    teams: usize,
    values: usize,
    state_mb: f64,
    journal_mb: f64,
    keystroke_p95_ms: f64,
    keystroke_p50_ms: f64,
    /// Seconds from Tab on the Stage to the Schedule drawn (it ranks the
    /// session); `None` when it did not come within the limit.
    tab_schedule: Option<f64>,
    /// What stopped `podium run` before the keystrokes, if anything.
    live_failed: Option<String>,
    first_frame: Figure,
    import_one: Figure,
    import_all: Figure,
    results: Figure,
    check: Figure,
    polars: Option<f64>,
    /// The import of every value was stopped after the time limit: nothing
    /// else was measured at this size.
    unfinished: bool,
}

/// How long the import of every value may take (wall seconds,
/// `PODIUM_BENCH_LIMIT`, default 300) before it is stopped and the size
/// reported as not finished.
fn limit() -> Duration {
    let secs = std::env::var("PODIUM_BENCH_LIMIT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    Duration::from_secs(secs)
}

/// `timed`, but the program is stopped once it has run `limit`: then
/// `false` and its figure so far (processor time and peak memory from /proc).
fn timed_within(dir: &Path, args: &[&str], limit: Duration) -> (bool, Figure) {
    let rss = dir.join("rss.txt");
    let start = Instant::now();
    let mut child = Command::new("/usr/bin/time")
        .args(["-f", "%M %U %S", "-o"])
        .arg(&rss)
        .arg(PODIUM)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("/usr/bin/time runs podium");
    loop {
        if let Some(status) = child.try_wait().expect("waiting for podium") {
            assert!(status.success(), "podium {args:?} failed");
            let (mb, cpu) = peak_mb_cpu(&rss);
            let secs = start.elapsed().as_secs_f64();
            return (true, Figure { secs, cpu, mb });
        }
        if start.elapsed() >= limit {
            let podium = child_of(child.id());
            let cpu = podium.and_then(cpu_of);
            let mb = podium.and_then(peak_mb_of);
            if let Some(pid) = podium {
                let _ = Command::new("kill").arg(pid.to_string()).status();
            }
            let _ = child.wait();
            let secs = start.elapsed().as_secs_f64();
            return (false, Figure { secs, cpu, mb });
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The peak resident memory (VmHWM) of a running process, in MB.
fn peak_mb_of(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let i = ((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1;
    v[i]
}

/// `/usr/bin/time -f %M -o RSS podium ARGS…`: wall time and peak memory.
fn timed(dir: &Path, args: &[&str]) -> Figure {
    let rss = dir.join("rss.txt");
    let start = Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M %U %S", "-o"])
        .arg(&rss)
        .arg(PODIUM)
        .args(args)
        .output()
        .expect("/usr/bin/time runs podium");
    let secs = start.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "podium {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (mb, cpu) = peak_mb_cpu(&rss);
    Figure { secs, cpu, mb }
}

/// GNU time's last line `KB USER SYSTEM`: peak memory in MB and processor
/// seconds.
fn peak_mb_cpu(rss: &Path) -> (Option<f64>, Option<f64>) {
    let Ok(text) = std::fs::read_to_string(rss) else {
        return (None, None);
    };
    let fields: Vec<f64> = text
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    let mb = fields.first().map(|kb| kb / 1024.0);
    let cpu = (fields.len() == 3).then(|| fields[1] + fields[2]);
    (mb, cpu)
}

/// The processor seconds (user + system) a process used so far, from
/// /proc (Linux; `None` elsewhere).
fn cpu_of(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces): state is 3rd.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// The first child of process `pid` (the program GNU time runs).
fn child_of(pid: u32) -> Option<u32> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// The median time and the largest memory of `RUNS` runs.
fn runs(dir: &Path, mut args: impl FnMut(usize) -> Vec<String>) -> Figure {
    let figures: Vec<Figure> = (0..RUNS)
        .map(|i| {
            let a = args(i);
            timed(dir, &a.iter().map(String::as_str).collect::<Vec<_>>())
        })
        .collect();
    let cpus: Vec<f64> = figures.iter().filter_map(|f| f.cpu).collect();
    Figure {
        secs: median(figures.iter().map(|f| f.secs).collect()),
        cpu: (!cpus.is_empty()).then(|| median(cpus)),
        mb: figures.iter().filter_map(|f| f.mb).reduce(f64::max),
    }
}

/// Every value of `session` as scores.csv rows, team 1's left out.
fn scores_csv(session: &Session, path: &Path) -> usize {
    let mut text = String::from("team,juror,criterion,value\n");
    let first = &session.teams[0].id;
    let mut values = 0;
    for (key, sheet) in &session.sheets {
        if key.team == *first {
            continue;
        }
        if sheet.mark.is_some() {
            let _ = writeln!(text, "{},{},,absent", key.team, key.juror);
        }
        for (criterion, value) in &sheet.values {
            let _ = writeln!(text, "{},{},{criterion},{value}", key.team, key.juror);
            values += 1;
        }
    }
    std::fs::write(path, text).expect("scores.csv written");
    values
}

/// polars reading the CSV and ranking by mean (in-process time, the
/// interpreter's start-up left out), with the Python in `PODIUM_PYTHON`
/// (default `python3`); `None` when polars is not installed.
fn polars(csv: &Path) -> Option<f64> {
    let python = std::env::var("PODIUM_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/polars-mean.py");
    let weights: Vec<String> = CRITERIA.iter().map(|(c, w)| format!("{c}={w}")).collect();
    let times: Vec<f64> = (0..RUNS)
        .filter_map(|_| {
            let out = Command::new(&python)
                .arg(&script)
                .arg(csv)
                .args(&weights)
                .output()
                .ok()?;
            if !out.status.success() {
                return None;
            }
            String::from_utf8_lossy(&out.stdout).trim().parse().ok()
        })
        .collect();
    (!times.is_empty()).then(|| median(times))
}

/// `podium run`: the first frame (time, peak memory of the whole run), then
/// values typed into team 1's grid, each timed from Enter until the screen
/// shows it saved. Returns (first frame, the Tab to the Schedule in
/// seconds, every keystroke in ms, what stopped it early).
fn live(dir: &Path, file: &Path) -> (Figure, Option<f64>, Vec<f64>, Option<String>) {
    let rss = dir.join("rss-run.txt");
    let args = [
        "-f".as_ref(),
        "%M %U %S".as_ref(),
        "-o".as_ref(),
        rss.as_os_str(),
        PODIUM.as_ref(),
        "run".as_ref(),
        file.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
    ];
    let start = Instant::now();
    let mut term = Term::spawn("/usr/bin/time".as_ref(), &args);
    term.until_within("the stage", Duration::from_secs(120), |s| {
        s.contains("[Stage]")
    });
    let first = start.elapsed().as_secs_f64();
    let first_cpu = term.child.process_id().and_then(child_of).and_then(cpu_of);
    let mut tab = None;
    let mut saved = Vec::new();
    // A screen that never comes (a timeout panics) stops this size's
    // run, not the whole table: the rows measured so far are kept.
    let typed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        for name in ["[Schedule]", "[Questions]", "[Scores]"] {
            let sent = Instant::now();
            term.send("\t");
            term.until_within(name, LIVE_LIMIT, |s| s.contains(name));
            if name == "[Schedule]" {
                tab = Some(sent.elapsed().as_secs_f64());
            }
        }
        let journal = PathBuf::from(format!("{}.journal", file.display()));
        let mut len = std::fs::metadata(&journal).map_or(0, |m| m.len());
        while saved.len() < KEYSTROKES {
            for _ in 0..CRITERIA.len() {
                let (save, _, now) = term.type_value("4", &journal, len);
                len = now;
                saved.push(save.as_secs_f64() * 1000.0);
            }
            term.send("\r"); // past the paper total, to the next juror
            std::thread::sleep(Duration::from_millis(20));
        }
    }));
    let failed = typed.err().map(|_| {
        format!(
            "stopped: a screen did not come within {} s",
            LIVE_LIMIT.as_secs()
        )
    });
    if failed.is_some() {
        let _ = term.child.kill();
    } else {
        term.send("q");
    }
    let _ = term.child.wait();
    let figure = Figure {
        secs: first,
        cpu: first_cpu,
        mb: peak_mb_cpu(&rss).0,
    };
    (figure, tab, saved, failed)
}

/// How long `podium run` may take to show a screen after Tab.
const LIVE_LIMIT: Duration = Duration::from_secs(60);

fn size_mb(path: &Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6)
}

/// Generates the forum of `teams`, creates its session empty and imports
/// every value with `podium scores import`. Returns the session file, the
/// CSV, the number of values, the import's figure and a cell to import
/// alone (team, juror).
type Setup = (PathBuf, PathBuf, usize, (bool, Figure), (String, String));

fn setup(dir: &Path, teams: usize) -> Setup {
    eprintln!("{teams} teams: generating");
    let session = forum(teams);
    let file = dir.join(format!("forum-{teams}.json"));
    let csv = dir.join(format!("scores-{teams}.csv"));
    let values = scores_csv(&session, &csv);
    // A cell of the file to import alone (a juror present for the team).
    let (team, juror) = session
        .sheets
        .iter()
        .find(|(k, sheet)| k.team != session.teams[0].id && sheet.mark.is_none())
        .map(|(k, _)| (k.team.to_string(), k.juror.to_string()))
        .expect("a scored sheet");
    let mut empty = session;
    empty.sheets.clear();
    let at = Utc.with_ymd_and_hms(2026, 5, 12, 9, 0, 0).unwrap();
    storage::create(&file, &empty, "bench", at).expect("session written");
    drop(empty);
    let f = file.to_str().expect("a UTF-8 path").to_string();
    eprintln!("{teams} teams: scores import of {values} values");
    let import_all = timed_within(
        dir,
        &["scores", "import", &f, csv.to_str().unwrap()],
        limit(),
    );
    (file, csv, values, import_all, (team, juror))
}

fn measure(dir: &Path, teams: usize) -> Row {
    let (file, csv, values, (finished, import_all), (team, juror)) = setup(dir, teams);
    let f = file.to_str().expect("a UTF-8 path").to_string();
    if !finished {
        eprintln!(
            "{teams} teams: the import was stopped after {:.0} s",
            import_all.secs
        );
        return Row {
            teams,
            values,
            import_all,
            unfinished: true,
            ..Row::default()
        };
    }
    let (state_mb, journal_mb) = (
        size_mb(&file),
        size_mb(&PathBuf::from(format!("{f}.journal"))),
    );
    eprintln!("{teams} teams: scores import of one cell");
    let one = dir.join("one.csv");
    let import_one = runs(dir, |i| {
        let row = format!(
            "team,juror,criterion,value\n{team},{juror},impact,{}\n",
            i + 1
        );
        std::fs::write(&one, row).expect("one.csv");
        vec![
            "scores".into(),
            "import".into(),
            f.clone(),
            one.to_str().unwrap().into(),
        ]
    });
    eprintln!("{teams} teams: results");
    let results = runs(dir, |_| {
        let out = dir.join("results.json").to_str().unwrap().to_string();
        [
            "results", &f, "--format", "json", "--method", "mean", "-o", &out,
        ]
        .map(String::from)
        .to_vec()
    });
    eprintln!("{teams} teams: check");
    let check = timed(dir, &["check", &f, "--lang", "en"]);
    eprintln!("{teams} teams: polars");
    let polars = polars(&csv);
    eprintln!("{teams} teams: podium run");
    let (first_frame, tab_schedule, keys, live_failed) = live(dir, &file);
    Row {
        teams,
        values,
        state_mb,
        journal_mb,
        keystroke_p95_ms: percentile(keys.clone(), 0.95),
        keystroke_p50_ms: percentile(keys, 0.5),
        tab_schedule,
        live_failed,
        first_frame,
        import_one,
        import_all,
        results,
        check,
        polars,
        unfinished: false,
    }
}

fn secs_mb(f: &Figure) -> String {
    let cpu = f.cpu.map_or(String::new(), |c| format!(" (CPU {c:.2} s)"));
    match f.mb {
        Some(mb) => format!("{:.2} s{cpu}, {mb:.0} MB", f.secs),
        None => format!("{:.2} s{cpu}", f.secs),
    }
}

/// One row of the table: `cell` of each size ("not measured" where the
/// import of every value did not finish).
fn line(out: &mut String, rows: &[Row], what: &str, budget: &str, cell: &dyn Fn(&Row) -> String) {
    let cells: Vec<String> = rows
        .iter()
        .map(|r| {
            if r.unfinished {
                "not measured".to_string()
            } else {
                cell(r)
            }
        })
        .collect();
    let _ = writeln!(out, "| {what} | {budget} | {} |", cells.join(" | "));
}

/// The table: the issue's rows, the budget, then one column per size.
fn table(rows: &[Row]) -> String {
    let mut out = String::new();
    let head: Vec<String> = rows
        .iter()
        .map(|r| format!("{} teams ({} values)", r.teams, r.values))
        .collect();
    let _ = writeln!(out, "| what | budget | {} |", head.join(" | "));
    let _ = writeln!(out, "|---|---|{}", "---|".repeat(rows.len()));
    line(
        &mut out,
        rows,
        "a grid keystroke saved and shown (`podium run`)",
        "under 10 ms p95, at any size",
        &|r| match &r.live_failed {
            Some(why) => format!("**not measured** ({why})"),
            None => format!(
                "p95 {:.1} ms (p50 {:.1})",
                r.keystroke_p95_ms, r.keystroke_p50_ms
            ),
        },
    );
    line(
        &mut out,
        rows,
        "Tab from the Stage to the Schedule (ranks the session once)",
        "—",
        &|r| {
            r.tab_schedule.map_or_else(
                || format!("over {} s", LIVE_LIMIT.as_secs()),
                |t| format!("{t:.2} s"),
            )
        },
    );
    line(
        &mut out,
        rows,
        "opening it in `podium run` (first frame)",
        "under 0.5 s, under 300 MB",
        &|r| secs_mb(&r.first_frame),
    );
    line(
        &mut out,
        rows,
        "`scores import` of one cell",
        "under 0.25 s, under 300 MB",
        &|r| secs_mb(&r.import_one),
    );
    let import_all: Vec<String> = rows
        .iter()
        .map(|r| {
            if r.unfinished {
                format!(
                    "**not finished**: stopped after {} (nothing else measured)",
                    secs_mb(&r.import_all)
                )
            } else {
                secs_mb(&r.import_all)
            }
        })
        .collect();
    let _ = writeln!(
        out,
        "| `scores import` of all the values | under 2 s, under 400 MB | {} |",
        import_all.join(" | ")
    );
    line(
        &mut out,
        rows,
        "`results` (mean, JSON)",
        "half polars' time or better",
        &|r| match r.polars {
            Some(p) => format!("{} (polars {p:.2} s)", secs_mb(&r.results)),
            None => format!("{} (polars not installed)", secs_mb(&r.results)),
        },
    );
    line(
        &mut out,
        rows,
        "`podium check` (verify the chain, replay, recount 5 methods)",
        "under 10 s",
        &|r| secs_mb(&r.check),
    );
    line(
        &mut out,
        rows,
        "state file / journal after the import",
        "—",
        &|r| format!("{:.1} MB / {:.1} MB", r.state_mb, r.journal_mb),
    );
    out
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![200, 2_000, 20_000]
    } else {
        sizes
    };
    // The sessions are big (a 269 MB state file at 20,000 teams): they go
    // to the system's temporary folder and are removed at the end, unless
    // PODIUM_BENCH_DIR names a folder to keep them in. `--setup` only
    // creates them there (to profile a command by hand).
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = std::env::var_os("PODIUM_BENCH_DIR").map_or(temp.path().to_path_buf(), Into::into);
    if std::env::args().any(|a| a == "--setup") {
        for &t in &sizes {
            let (file, ..) = setup(&dir, t);
            eprintln!("{teams} teams: {}", file.display(), teams = t);
        }
        return;
    }
    let mut rows: Vec<Row> = Vec::new();
    for &t in &sizes {
        rows.push(measure(&dir, t));
        // The table so far, on standard error (a long run can be followed).
        eprint!("{}", table(&rows));
        // Each size's files are removed once measured (20,000 teams: about
        // 1 GB), unless they were asked for in PODIUM_BENCH_DIR.
        if std::env::var_os("PODIUM_BENCH_DIR").is_none() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    print!("{}", table(&rows));
    let _ = JURORS;
}
