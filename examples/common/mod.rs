//! What both keystroke measurements share: percentiles of their timings,
//! and the program in a pseudo-terminal.

#[allow(dead_code)]
pub mod pty;

use std::time::Duration;

/// Print p50, p95, p99 and the maximum of `times`, in milliseconds.
pub fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let at = |p: f64| {
        let i = ((times.len() as f64 * p).ceil() as usize).clamp(1, times.len()) - 1;
        times[i].as_secs_f64() * 1000.0
    };
    println!(
        "{what}: n={} p50={:.2} ms p95={:.2} ms p99={:.2} ms max={:.2} ms",
        times.len(),
        at(0.50),
        at(0.95),
        at(0.99),
        at(1.0)
    );
}
