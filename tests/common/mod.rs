//! Helpers shared by the integration tests: the binary, fresh temp dirs, the ../shared check.
#![allow(dead_code)]

pub mod ops;
pub mod review;

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

/// A finished (or killed) armswatch run with its peak memory.
#[derive(Debug)]
pub struct Measured {
    pub status: std::process::ExitStatus,
    pub stdout: String,
    pub stderr: String,
    /// Peak resident set size in KiB: the kernel's high-water mark for the process (`ru_maxrss` of
    /// `wait4`, the same figure as `VmHWM` in `/proc/PID/status`).
    pub peak_kib: u64,
    pub elapsed: std::time::Duration,
    /// Whether it had to be killed at the time limit.
    pub timed_out: bool,
}

/// Runs armswatch like [`armswatch`], killing it after `limit`, and measures its peak memory.
pub fn armswatch_measured(data_dir: &Path, args: &[&str], limit: std::time::Duration) -> Measured {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    let started = std::time::Instant::now();
    // Reaped below with wait4 (which also gives its peak memory), not with `Child::wait`.
    #[allow(clippy::zombie_processes)]
    let mut child = Command::new(env!("CARGO_BIN_EXE_armswatch"))
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("RUST_LOG")
        .env_remove("ALL_PROXY")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("running the armswatch binary");
    let reader = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = r.read_to_string(&mut s);
            s
        })
    };
    let out = reader(Box::new(child.stdout.take().expect("stdout")));
    let err = reader(Box::new(child.stderr.take().expect("stderr")));
    let pid = child.id() as libc::pid_t;
    let mut timed_out = false;
    let (status, peak_kib) = loop {
        let mut status = 0;
        // SAFETY: plain syscall on our own child; `rusage` is a zeroed C struct it fills.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let flags = if timed_out { 0 } else { libc::WNOHANG };
        let r = unsafe { libc::wait4(pid, &mut status, flags, &mut usage) };
        assert!(r >= 0, "wait4 failed: {}", std::io::Error::last_os_error());
        if r == pid {
            break (status, usage.ru_maxrss as u64);
        }
        if started.elapsed() > limit {
            timed_out = true;
            // SAFETY: signalling our own child, not yet reaped.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            continue;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Measured {
        status: std::process::ExitStatus::from_raw(status),
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        peak_kib,
        elapsed: started.elapsed(),
        timed_out,
    }
}

/// The request head Tor Browser 15 sends for a page load of `path` on `host` (header names, values
/// and order), which every armswatch transport must send by default.
pub fn tor_browser_head(host: &str, path: &str) -> Vec<String> {
    [
        format!("GET {path} HTTP/1.1"),
        format!("Host: {host}"),
        "User-Agent: Mozilla/5.0 (Windows NT 10.0; rv:140.0) Gecko/20100101 Firefox/140.0".into(),
        "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8".into(),
        "Accept-Language: en-US,en;q=0.5".into(),
        "Accept-Encoding: gzip, deflate, br, zstd".into(),
        "Connection: keep-alive".into(),
        "Upgrade-Insecure-Requests: 1".into(),
        "Sec-Fetch-Dest: document".into(),
        "Sec-Fetch-Mode: navigate".into(),
        "Sec-Fetch-Site: none".into(),
        "Sec-Fetch-User: ?1".into(),
        "Priority: u=0, i".into(),
    ]
    .to_vec()
}

/// Asserts that every recorded request head is exactly Tor Browser's for its path and host, and
/// that nothing in it names armswatch.
pub fn assert_tor_browser_heads(heads: &[String], host: &str, what: &str) {
    assert!(!heads.is_empty(), "{what}: no request recorded");
    for head in heads {
        assert!(
            !head.to_ascii_lowercase().contains("armswatch"),
            "{what}: a request names armswatch:\n{head}"
        );
        let lines: Vec<String> = head.lines().map(str::to_string).collect();
        let path = lines[0]
            .split_whitespace()
            .nth(1)
            .unwrap_or("?")
            .to_string();
        assert_eq!(
            lines,
            tor_browser_head(host, &path),
            "{what}: request head differs from Tor Browser's"
        );
    }
}
