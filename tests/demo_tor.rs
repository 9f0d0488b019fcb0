//! `armswatch demo --tor`: the newcomer's path over real Tor — the demo market as an onion service
//! on a private Tor network started by the binary itself, crawled through embedded arti. Skipped
//! (with a message) when Debian's `tor` is not installed, unless `CI` is set.

mod common;

use common::armswatch;
use rusqlite::Connection;

fn tor_installed() -> bool {
    std::process::Command::new("tor")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Guards `demo --tor`: every demo listing stored, every page fetched through arti from the onion
/// address, and no tor process left behind.
#[test]
fn demo_over_a_private_tor_network_through_arti() {
    if !tor_installed() {
        if std::env::var_os("CI").is_some() {
            panic!("tor is not installed: scripts/test.sh installs it (apt-get install tor)");
        }
        // Past the harness's output capture: a skipped test says so although it passes.
        {
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED (the test passes without running): Debian's tor is not installed"
            );
        }
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("demo.db");
    let out = armswatch(tmp.path(), &["demo", "--tor", "--db", db.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "demo --tor failed:\n{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("SCORE"));
    let c = Connection::open(&db).unwrap();
    let listings: i64 = c
        .query_row("SELECT count(*) FROM listings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(listings, 76);
    let mut s = c.prepare("SELECT final_url, transport FROM pages").unwrap();
    let pages: Vec<(String, String)> = s
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!pages.is_empty());
    for (url, transport) in &pages {
        assert_eq!(transport, "arti");
        let host = url::Url::parse(url)
            .unwrap()
            .host_str()
            .unwrap()
            .to_string();
        assert!(host.ends_with(".onion"), "{url}");
    }
    // The private network is torn down when the demo ends.
    let dir = tmp.path().join("privnet-demo");
    std::thread::sleep(std::time::Duration::from_secs(2));
    let ps = std::process::Command::new("pgrep")
        .args(["-f", &dir.to_string_lossy()])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&ps.stdout).trim().is_empty(),
        "tor processes of {} still running",
        dir.display()
    );
}
