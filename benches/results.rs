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
use podium::domain::{Method, ranking};
use podium::storage;

#[path = "common/forum.rs"]
mod forum;

use forum::{CRITERIA, JURORS, forum};

/// Runs per (size, method); the median is reported.
const RUNS: usize = 5;

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
