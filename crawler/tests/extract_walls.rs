//! Wall detection on small hand-written fixture pages (crawler/tests/fixtures/walls/), and no false
//! alarm on the saved real market pages.

use armswatch_core::crawl::PageKind;
use armswatch_crawler::extract::{extract_page, WallKind};
use std::path::PathBuf;
use url::Url;

fn fixture(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/walls")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn wall_of(name: &str) -> Option<WallKind> {
    let url =
        Url::parse("http://ironworksironworksironworksironworksironworksironwork.onion/").unwrap();
    extract_page(&fixture(name), &url, PageKind::Start, None)
        .wall
        .map(|w| w.kind)
}

/// Each wall kind is recognised on its fixture.
#[test]
fn fixtures_give_their_wall() {
    assert_eq!(wall_of("login.html"), Some(WallKind::Login));
    assert_eq!(wall_of("captcha.html"), Some(WallKind::Captcha));
    assert_eq!(wall_of("queue.html"), Some(WallKind::Queue));
    assert_eq!(wall_of("endgame.html"), Some(WallKind::Queue));
    assert_eq!(wall_of("seized.html"), Some(WallKind::Down));
    assert_eq!(wall_of("maintenance.html"), Some(WallKind::Down));
}

/// A market page with a login-and-captcha sidebar, and "seized" in its text, is not a wall.
#[test]
fn market_page_with_login_sidebar_is_not_a_wall() {
    assert_eq!(wall_of("login_sidebar_market.html"), None);
}

/// The wall's evidence quotes the page.
#[test]
fn evidence_quotes_the_page() {
    let url = Url::parse("http://x.onion/").unwrap();
    let w = extract_page(&fixture("queue.html"), &url, PageKind::Start, None)
        .wall
        .unwrap();
    assert!(w.evidence.to_lowercase().contains("queue"), "{w:?}");
}

/// None of the saved real market pages is a wall (they were captured logged in).
#[test]
fn real_market_pages_are_not_walls() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/html");
    if !dir.is_dir() {
        if std::env::var_os("CI").is_some() {
            panic!(
                "CI is set but the saved pages are missing at {}",
                dir.display()
            );
        }
        // Past the harness's output capture: a skipped test says so although it passes.
        {
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED (the test passes without running): saved market pages not found at {}",
                dir.display()
            );
        }
        return;
    }
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "html") {
            let html = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            let url = Url::parse("http://market.onion/page").unwrap();
            for kind in [PageKind::Index, PageKind::Listing] {
                let wall = extract_page(&html, &url, kind, None).wall;
                assert!(wall.is_none(), "{}: {wall:?}", path.display());
            }
            checked += 1;
        }
    }
    assert!(checked >= 13, "only {checked} pages found");
}
