//! Helpers shared by the integration tests: the binary, fresh temp dirs, the ../shared check.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the armswatch binary with `args`, a private data dir, and no proxy from the environment.
pub fn armswatch(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_armswatch"))
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("RUST_LOG")
        .env_remove("ALL_PROXY")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .output()
        .expect("running the armswatch binary")
}

/// Like [`armswatch`], asserting success; returns stdout.
pub fn armswatch_ok(data_dir: &Path, args: &[&str]) -> String {
    let out = armswatch(data_dir, args);
    assert!(
        out.status.success(),
        "armswatch {args:?} failed ({}):\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

/// A file under ../shared, or `None` (with a message) when it is missing outside CI. In CI a
/// missing file fails the test.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = repo().join("..").join("shared").join(rel);
    if p.exists() {
        return Some(p);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "{} is missing: CI must run with ../shared beside the checkout",
            p.display()
        );
    }
    // Past the harness's output capture: a skipped test says so although it passes.
    {
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "SKIPPED (the test passes without running): {} is missing (../shared is not beside this checkout)",
        p.display());
    }
    None
}
