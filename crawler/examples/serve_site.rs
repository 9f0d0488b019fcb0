//! Serves a directory of HTML pages on 127.0.0.1 with [`StaticSite`] (`/x/y` is `DIR/x/y.html`,
//! see `crawler/src/serve.rs`), prints the base URL on stdout, and runs until interrupted or
//! killed. The crawl benchmark (`bench/crawl/run.sh`) points armswatch and Scrapy at it.
//!
//! Run: `cargo run --release -p armswatch-crawler --example serve_site -- DIR [PORT [LATENCY_MS
//! JITTER_MS]]` (PORT 0 or absent: any free port; with a latency every answer waits
//! LATENCY_MS ± JITTER_MS, uniformly: Tor-like round trips for the latency benchmark).

use armswatch_crawler::serve::{Latency, StaticSite};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: serve_site DIR [PORT [LATENCY_MS JITTER_MS]]");
        return ExitCode::from(2);
    };
    let port = match args.next().map(|p| p.parse::<u16>()) {
        None => 0,
        Some(Ok(p)) => p,
        Some(Err(e)) => {
            eprintln!("serve_site: invalid port: {e}");
            return ExitCode::from(2);
        }
    };
    let ms: Vec<u64> = match args.map(|a| a.parse::<u64>()).collect::<Result<_, _>>() {
        Ok(ms) => ms,
        Err(e) => {
            eprintln!("serve_site: invalid latency: {e}");
            return ExitCode::from(2);
        }
    };
    let latency = match ms[..] {
        [] => None,
        [mean, jitter] => Some(Latency {
            mean: std::time::Duration::from_millis(mean),
            jitter: std::time::Duration::from_millis(jitter),
        }),
        _ => {
            eprintln!("serve_site: give both LATENCY_MS and JITTER_MS");
            return ExitCode::from(2);
        }
    };
    let rt = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("serve_site: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    rt.block_on(async {
        let site = match StaticSite::start_with_latency(dir, port, latency).await {
            Ok(site) => site,
            Err(e) => {
                eprintln!("serve_site: {e}");
                return ExitCode::from(2);
            }
        };
        let mut out = std::io::stdout().lock();
        // The caller reads this line to learn the port; flush so it is not stuck in a buffer.
        if writeln!(out, "{}", site.base_url())
            .and_then(|()| out.flush())
            .is_err()
        {
            return ExitCode::from(2);
        }
        drop(out);
        if let Err(e) = tokio::signal::ctrl_c().await {
            eprintln!("serve_site: waiting for Ctrl-C: {e}");
            return ExitCode::from(2);
        }
        drop(site);
        ExitCode::SUCCESS
    })
}
