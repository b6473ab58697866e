//! Running the real binary from the command line, and what tests check on
//! its output and on the files it leaves.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

/// `podium ARGS` run in `dir`, with nothing else set: callers add their
/// environment.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_podium"));
    cmd.args(args).current_dir(dir);
    cmd
}

/// `podium ARGS` run in `dir`, its data folder `dir/data`.
pub fn podium(dir: &Path, args: &[&str]) -> Output {
    output(command(dir, args).env("PODIUM_DATA_DIR", dir.join("data")))
}

/// Run a command built with `command`.
pub fn output(cmd: &mut Command) -> Output {
    cmd.output().expect("podium runs")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// No panic text or backtrace ever reaches a user.
pub fn no_panic(out: &Output) {
    let all = format!("{}{}", stdout(out), stderr(out));
    for word in [
        "panicked",
        "backtrace",
        "RUST_BACKTRACE",
        "internal error",
        "unwrap",
    ] {
        assert!(!all.contains(word), "{word} in: {all}");
    }
}

/// Every file (not folder) in `dir` and its bytes, to prove nothing was
/// written.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let e = e.unwrap();
            e.file_type().unwrap().is_file().then(|| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
        })
        .collect()
}

/// A file's bytes.
pub fn bytes(path: impl AsRef<Path>) -> Vec<u8> {
    std::fs::read(path).expect("readable")
}

/// The command succeeded; otherwise fail showing its standard error.
#[track_caller]
pub fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
