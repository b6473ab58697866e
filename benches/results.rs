//! Benchmark of `podium results` (the release binary, loading included) on
//! generated forums of T teams × 60 jurors × 6 criteria, every method.
//!
//! Run: `cargo bench --bench results` (200, 2,000 and 20,000 teams), or
//! `cargo bench --bench results -- 2000` for chosen team counts. The
//! sessions are generated in a temporary folder (never committed) with
//! the library (`storage::create`), as after a `scores import`; set
//! `PODIUM_BENCH_DIR` to keep them in a folder of your choice.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use podium::domain::ranking;
use podium::domain::session::{Sheet, SheetKey};
use podium::domain::{
    Criterion, Dec, Event, Juror, Method, Organisation, Session, Settings, Slot, Team,
};
use podium::storage;

const JURORS: usize = 60;
const CRITERIA: [(&str, &str); 6] = [
    ("impact", "2"),
    ("feasibility", "1.5"),
    ("innovation", "1"),
    ("transfer", "1"),
    ("cost", "0.5"),
    ("pitch", "1"),
];
/// Runs per (size, method); the median is reported.
const RUNS: usize = 5;

/// A deterministic forum: values 0–10 step 0.5 from a xorshift generator;
/// about 1 juror in 40 is absent for a team.
fn forum(teams: usize) -> Session {
    let mut s = Session::new(
        "bench",
        Event {
            title: format!("Bench {teams}"),
            ..Event::default()
        },
        Settings::default(),
    );
    let orgs = ["somme", "nord", "pas-de-calais", "oise", "val-d-oise"];
    s.organisations = orgs
        .iter()
        .map(|o| Organisation {
            id: (*o).into(),
            name: o.to_string(),
        })
        .collect();
    s.teams = (0..teams)
        .map(|i| Team {
            id: format!("T{i:05}").into(),
            name: format!("Team {i}"),
            project: String::new(),
            summary: String::new(),
            org: orgs[i % orgs.len()].into(),
            members: vec![],
            status: Default::default(),
        })
        .collect();
    s.schedule = s
        .teams
        .iter()
        .map(|t| Slot::Team { team: t.id.clone() })
        .collect();
    s.jurors = (0..JURORS)
        .map(|j| Juror {
            id: format!("J{j:02}").into(),
            name: format!("Juror {j}"),
            role: String::new(),
            org: orgs[j % orgs.len()].into(),
        })
        .collect();
    s.criteria = CRITERIA
        .iter()
        .map(|(id, weight)| Criterion {
            id: (*id).into(),
            label: id.to_string(),
            weight: weight.parse().unwrap(),
            min: Dec::ZERO,
            max: Dec::int(10),
            step: "0.5".parse().unwrap(),
        })
        .collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for t in &s.teams {
        for j in &s.jurors {
            let key = SheetKey::new(t.id.clone(), j.id.clone());
            if next() % 40 == 0 {
                let sheet = Sheet {
                    mark: Some(podium::domain::Mark::Absent),
                    ..Sheet::default()
                };
                s.sheets.insert(key, sheet);
                continue;
            }
            let mut sheet = Sheet::default();
            for (id, _) in CRITERIA {
                let half_steps = (next() % 21) as i64;
                sheet
                    .values
                    .insert((*id).into(), Dec::from_raw(half_steps * 500_000));
            }
            s.sheets.insert(key, sheet);
        }
    }
    s
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time_results(file: &Path, method: Method) -> Duration {
    let runs = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let out = Command::new(env!("CARGO_BIN_EXE_podium"))
                .args(["results", file.to_str().unwrap(), "--format", "json"])
                .args(["--method", method.id(), "-o"])
                .arg(file.with_extension("out.json"))
                .output()
                .expect("podium runs");
            let elapsed = start.elapsed();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            elapsed
        })
        .collect();
    median(runs)
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
    // PODIUM_BENCH_DIR keeps the generated sessions there (to time by hand).
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = std::env::var_os("PODIUM_BENCH_DIR").map_or(temp.path().to_path_buf(), Into::into);
    println!(
        "podium results --format json (release binary, loading included), \
         {JURORS} jurors × {} criteria, median of {RUNS} runs",
        CRITERIA.len()
    );
    println!(
        "{:>7} {:>10} {:>10} {:>10}  method timings (s)",
        "teams", "values", "file MB", "generate"
    );
    for teams in sizes {
        let start = Instant::now();
        let session = forum(teams);
        let values: usize = session.sheets.values().map(|s| s.values.len()).sum();
        let file = dir.join(format!("bench-{teams}.json"));
        for suffix in ["", ".journal", ".lock"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
        let at = Utc.with_ymd_and_hms(2026, 5, 12, 9, 0, 0).unwrap();
        storage::create(&file, &session, "bench", at).expect("session written");
        drop(session);
        let generated = start.elapsed();
        let mb = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
        let timings: Vec<String> = Method::ALL
            .iter()
            .map(|&m| format!("{} {:.3}", m.id(), time_results(&file, m).as_secs_f64()))
            .collect();
        println!(
            "{teams:>7} {values:>10} {mb:>10.1} {:>9.1}s  {}",
            generated.as_secs_f64(),
            timings.join("  ")
        );
        // The same work in process, split: loading, then each method.
        let mut loads = Vec::new();
        let mut kept = None;
        for _ in 0..RUNS {
            let start = Instant::now();
            let session = storage::load(&file).expect("session loads");
            loads.push(start.elapsed());
            // Keep one session for ranking; drop the others (memory).
            kept.get_or_insert(session);
        }
        let load = median(loads);
        let session = kept.as_ref().expect("loaded at least once");
        let ranks: Vec<String> = Method::ALL
            .iter()
            .map(|&m| {
                let runs = (0..RUNS)
                    .map(|_| {
                        let start = Instant::now();
                        let ranking = ranking::rank(session, m);
                        let elapsed = start.elapsed();
                        assert_eq!(ranking.ranking.len(), teams);
                        elapsed
                    })
                    .collect();
                format!("{} {:.3}", m.id(), median(runs).as_secs_f64())
            })
            .collect();
        println!(
            "{:>7}   in process: load {:.3}  rank: {}",
            "",
            load.as_secs_f64(),
            ranks.join("  ")
        );
    }
}
