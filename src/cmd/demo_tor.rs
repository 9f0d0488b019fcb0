//! `armswatch demo --tor`: the demo market as an onion service on a private Tor network on
//! loopback (3 directory authorities, 3 relays, an onion service, all Debian `tor` processes on
//! 127.0.0.1), crawled through embedded arti configured for that network.

use crate::pipeline::{self, CrawlPlan, CrawlReport, PlanOptions};
use anyhow::{bail, Context, Result};
use armswatch_classifier::Classifier;
use armswatch_crawler::profile::Profile;
use armswatch_crawler::serve::StaticSite;
use armswatch_crawler::transport::socks::SocksTransport;
use armswatch_crawler::transport::{FetchRequest, Transport};
use armswatch_store::Store;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The private-network harness, built into the binary.
const PRIVNET_SH: &str = include_str!("../../scripts/privnet.sh");

/// Stops the private network when dropped (the harness's watchdog also stops it if we die).
struct Privnet {
    script: PathBuf,
    dir: PathBuf,
}

impl Drop for Privnet {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(&self.script)
            .arg("down")
            .arg(&self.dir)
            .output();
    }
}

fn on_path(cmd: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(cmd).is_file()))
}

/// A base port with the next 300 ports free enough to try (the harness uses BASE..BASE+299).
fn free_base_port() -> Result<u16> {
    for _ in 0..50 {
        let base = 20_000 + (std::process::id() as u16 % 200) * 100 + rand_offset();
        let free = (0..40)
            .step_by(3)
            .all(|i| std::net::TcpListener::bind(("127.0.0.1", base + i)).is_ok());
        if free {
            return Ok(base);
        }
    }
    bail!("no free port range on 127.0.0.1 for the private Tor network")
}

fn rand_offset() -> u16 {
    (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0)
        % 20_000) as u16
}

fn env_value(env: &str, key: &str) -> Option<String> {
    env.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}=")))
        .map(|v| v.trim_matches('"').to_string())
}

/// Starts the private network in front of `target_port`; returns it with the onion address and
/// the client's SOCKS port.
fn start_privnet(data: &Path, target_port: u16) -> Result<(Privnet, String, u16)> {
    for cmd in ["tor", "tor-gencert"] {
        if !on_path(cmd) {
            bail!("`armswatch demo --tor` needs Debian's tor package ({cmd} is not on PATH): sudo apt-get install tor");
        }
    }
    let script = data.join("privnet.sh");
    std::fs::write(&script, PRIVNET_SH).with_context(|| format!("writing {}", script.display()))?;
    let dir = data.join("privnet-demo");
    if dir.exists() {
        let _ = Command::new("bash")
            .arg(&script)
            .arg("down")
            .arg(&dir)
            .output();
        std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir)?;
    let base = free_base_port()?;
    eprintln!(
        "starting a private Tor network on 127.0.0.1 (about a minute) in {}",
        dir.display()
    );
    let out = Command::new("bash")
        .arg(&script)
        .args([
            "up",
            &dir.to_string_lossy(),
            &target_port.to_string(),
            &base.to_string(),
        ])
        .env("PRIVNET_OWNER_PID", std::process::id().to_string())
        .output()
        .context("running the private Tor network harness")?;
    let net = Privnet {
        script: script.clone(),
        dir: dir.clone(),
    };
    if !out.status.success() {
        bail!(
            "the private Tor network did not start: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let env = std::fs::read_to_string(dir.join("env")).context("reading the network's env file")?;
    let onion = env_value(&env, "ONION").context("no ONION in the network's env file")?;
    let socks: u16 = env_value(&env, "SOCKS_PORT")
        .and_then(|p| p.parse().ok())
        .context("no SOCKS_PORT in the network's env file")?;
    Ok((net, onion, socks))
}

/// Waits until the onion service answers through the network's SOCKS port.
async fn wait_for_onion(onion: &str, socks: u16) -> Result<()> {
    let transport = SocksTransport::new(&format!("socks5h://127.0.0.1:{socks}"), true)?;
    let req = FetchRequest {
        url: format!("http://{onion}/").parse()?,
        headers: Vec::new(),
        isolation: "demo-wait".into(),
        timeout_secs: 20,
        max_page_bytes: 1 << 20,
    };
    let started = Instant::now();
    let mut last_note = Instant::now();
    loop {
        match transport.fetch(&req).await {
            Ok(r) if r.status < 500 => break,
            Ok(_) | Err(_) if started.elapsed() > Duration::from_secs(400) => {
                bail!("the onion service did not answer within 400 s")
            }
            _ => {}
        }
        if last_note.elapsed() > Duration::from_secs(15) {
            eprintln!(
                "waiting for the onion service to be published ({} s)",
                started.elapsed().as_secs()
            );
            last_note = Instant::now();
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    eprintln!(
        "onion service {onion} reachable after {} s",
        started.elapsed().as_secs()
    );
    Ok(())
}

/// Serves the demo site, puts it behind an onion service and crawls it through embedded arti.
pub async fn crawl_over_tor(
    data: &Path,
    site_dir: PathBuf,
    profile: Arc<Profile>,
    store: Arc<Store>,
    model: &Classifier,
) -> Result<CrawlReport> {
    let site = StaticSite::start(site_dir, 0).await?;
    let data_owned = data.to_path_buf();
    let port = site.addr().port();
    let (net, onion, socks) =
        tokio::task::spawn_blocking(move || start_privnet(&data_owned, port)).await??;
    wait_for_onion(&onion, socks).await?;
    let base = format!("http://{onion}");
    let options = PlanOptions::with_tor("arti");
    let plan = CrawlPlan::new(Some(profile), Some(&base), &[], &options)?;
    let transport = pipeline::build_transport(
        &plan.transport,
        net.dir.join("arti-state"),
        Some(net.dir.join("arti.toml")),
        true,
        true,
        None,
    )
    .await?;
    eprintln!("crawling {base} through embedded arti");
    let report = pipeline::crawl_market(store, transport, &plan, model).await;
    drop(net);
    drop(site);
    report
}
