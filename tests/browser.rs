//! The review UI in a real headless Chromium (Debian's `chromium` and `chromium-driver`, driven over
//! WebDriver with fantoccini). An alert/console hook is put into every document before its own
//! scripts (Chrome DevTools `Page.addScriptToEvaluateOnNewDocument`), so a payload that runs is
//! recorded even when it runs at load time. Fails without Chromium (scripts/test.sh installs it).

mod common;
#[path = "common/pg.rs"]
mod pg;

use common::review::{build, xss_payloads, Fixture, Serve};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Records alerts, prompts and console output in `window.__hits`, in every document.
const HOOK: &str = "window.__hits = []; \
    for (const k of ['alert', 'confirm', 'prompt']) { window[k] = function (m) { window.__hits.push(k + ':' + m); }; } \
    for (const k of ['log', 'info', 'warn', 'error']) { const f = console[k]; console[k] = function (...a) { window.__hits.push('console.' + k + ':' + a.join(' ')); f.apply(console, a); }; }";

/// A Chrome DevTools command through chromedriver.
#[derive(Debug)]
struct Cdp(Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
    }
}

fn find_exe(candidates: &[&str]) -> Option<PathBuf> {
    candidates.iter().map(PathBuf::from).find(|p| p.exists())
}

/// Chromium and chromedriver; their absence fails the test (scripts/test.sh installs them), so a
/// browser test never reports ok without having run.
fn chromium() -> (PathBuf, PathBuf) {
    let browser = find_exe(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]);
    let driver = find_exe(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]);
    match (browser, driver) {
        (Some(b), Some(d)) => (b, d),
        _ => panic!("chromium and chromedriver are missing: scripts/test.sh installs them (apt-get install chromium chromium-driver)"),
    }
}

/// A headless Chromium session with a fresh profile; the driver is stopped on drop.
struct Browser {
    client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn browser() -> Browser {
    let (chrome, chromedriver) = chromium();
    let port = free_port();
    let driver = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting chromedriver");
    let profile = tempfile::tempdir().unwrap();
    let caps = json!({
        "browserName": "chrome",
        "unhandledPromptBehavior": "ignore",
        "goog:chromeOptions": {
            "binary": chrome,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--no-proxy-server", "--window-size=1280,900",
                format!("--user-data-dir={}", profile.path().display()),
            ],
        },
    });
    let url = format!("http://127.0.0.1:{port}");
    let mut last = None;
    for _ in 0..100 {
        // Plain HTTP to chromedriver on loopback: no TLS stack needed.
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.as_object().unwrap().clone())
            .connect(&url)
            .await
        {
            Ok(client) => {
                client
                    .issue_cmd(Cdp(json!({"cmd": "Page.addScriptToEvaluateOnNewDocument", "params": {"source": HOOK}})))
                    .await
                    .expect("installing the alert/console hook");
                return Browser {
                    client,
                    driver,
                    _profile: profile,
                };
            }
            Err(e) => {
                last = Some(e);
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
    panic!("cannot start a WebDriver session: {last:?}");
}

/// Asserts that no script of the page ran: no alert open, the hook recorded nothing, the document
/// is not marked. The hook is then shown to work with a control alert.
async fn assert_no_script_ran(c: &Client, at: &str) {
    if let Ok(text) = c.get_alert_text().await {
        panic!("{at}: a script ran and opened an alert: {text:?}");
    }
    let v = c
        .execute(
            "return [window.__hits, document.documentElement.dataset.pwned || null];",
            vec![],
        )
        .await
        .unwrap();
    assert!(v[0].is_array(), "{at}: the hook is not installed: {v}");
    assert_eq!(v[0], json!([]), "{at}: a script ran: {v}");
    assert_eq!(v[1], Value::Null, "{at}: a script marked the document: {v}");
    let control = c
        .execute("alert('control'); return window.__hits;", vec![])
        .await
        .unwrap();
    assert_eq!(
        control,
        json!(["alert:control"]),
        "{at}: the hook does not record"
    );
}

async fn press(c: &Client, keys: &str) {
    for k in keys.chars() {
        let a = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: k })
            .then(KeyAction::Up { value: k });
        c.perform_actions(a).await.unwrap();
    }
}

async fn wait_path(c: &Client, prefix: &str) -> url::Url {
    for _ in 0..100 {
        let u = c.current_url().await.unwrap();
        let there = if prefix == "/" {
            u.path() == "/"
        } else {
            u.path().starts_with(prefix)
        };
        if there {
            tokio::time::sleep(Duration::from_millis(100)).await;
            return c.current_url().await.unwrap();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "never reached {prefix}: at {}",
        c.current_url().await.unwrap()
    );
}

async fn text(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .text()
        .await
        .unwrap()
}

fn fixture(beacon: &str) -> (tempfile::TempDir, PathBuf, Fixture) {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("review.db");
    let f = build(&db, beacon);
    (tmp, db, f)
}

/// Guards escaping: 30 XSS payloads (script tags, event handlers, javascript: URLs, SVG onload,
/// CSS injection, mXSS, template syntax) in title, description, vendor, price, category, explanation
/// terms, the search box and the reviewer's name run no script on any page (the charts page with
/// its chart image included); a request without the token is refused.
#[tokio::test(flavor = "multi_thread")]
async fn xss_payloads_run_no_script_and_no_token_is_refused() {
    let b = browser().await;
    let c = &b.client;
    let (_tmp, db, f) = fixture("http://127.0.0.1:9");
    let s = Serve::start(
        &db,
        &["--reviewer", "<img src=x onerror=\"alert('reviewer')\">"],
    );

    for path in [
        "/",
        &format!("/listing/{}", f.plain[0]),
        "/?token=not-the-token",
    ] {
        c.goto(&format!("{}{path}", s.base)).await.unwrap();
        let body = text(c, "body").await;
        assert!(body.contains("needs the access token"), "{path}: {body}");
        assert!(
            !body.contains("Glock"),
            "{path}: content leaked without the token"
        );
    }

    c.goto(&s.url).await.unwrap();
    wait_path(c, "/").await;
    assert_eq!(
        c.current_url().await.unwrap().query(),
        None,
        "the token leaves the address bar"
    );
    assert_no_script_ran(c, "queue").await;
    c.goto(&format!("{}/?n=500&all=1", s.base)).await.unwrap();
    assert_no_script_ran(c, "queue, all rows").await;
    let rows = c.find_all(Locator::Css("tr.row")).await.unwrap();
    assert_eq!(rows.len(), 3 + xss_payloads().len());
    let who = text(c, "header .who").await;
    assert!(
        who.contains("<img src=x onerror="),
        "the name is shown as text: {who}"
    );
    let q: String = url::form_urlencoded::byte_serialize(xss_payloads()[4].as_bytes()).collect();
    c.goto(&format!("{}/?q={q}", s.base)).await.unwrap();
    assert_no_script_ran(c, "search").await;
    let search = c
        .find(Locator::Id("search"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(search.as_deref(), Some(xss_payloads()[4].as_str()));

    // The charts page: the chart image (its captions carry the hostile currency) loads under
    // the page's policy and nothing runs.
    c.find(Locator::Id("nav-charts"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_path(c, "/charts").await;
    let mut width = json!(0);
    for _ in 0..100 {
        width = c
            .execute(
                "var i = document.getElementById('chart'); return i.complete ? i.naturalWidth : 0;",
                vec![],
            )
            .await
            .unwrap();
        if width != json!(0) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(width, json!(960), "the chart image loads");
    assert_no_script_ran(c, "charts").await;
    assert!(text(c, "#stats").await.contains("firearm"));

    for (i, id) in f.hostile.iter().enumerate() {
        c.goto(&format!("{}/listing/{id}", s.base)).await.unwrap();
        assert_no_script_ran(c, &format!("listing with payload {i}")).await;
        let title = text(c, "#title").await;
        assert!(
            title.contains(
                xss_payloads()[i]
                    .trim_matches(|ch: char| ch.is_control() || ch == '\u{2028}')
                    .split('\u{1b}')
                    .next()
                    .unwrap()
                    .trim()
            ),
            "payload {i} is shown as text: {title}"
        );
        if i % 10 == 0 {
            let page_link = c
                .find(Locator::Css("a.view-page"))
                .await
                .unwrap()
                .attr("href")
                .await
                .unwrap()
                .unwrap();
            c.goto(&format!("{}{page_link}", s.base)).await.unwrap();
            tokio::time::sleep(Duration::from_millis(300)).await;
            assert_no_script_ran(c, &format!("captured page with payload {i}")).await;
        }
    }
    c.clone().close().await.unwrap();
}

/// Guards keyboard triage end to end (name asked once; queue → j → open → c confirms and moves on
/// → 3/2 toggle labels → l relabels → k back → / search → r rejects from the queue), that the
/// history survives a restart of the server, and that a tampered decision row is flagged in the UI.
#[tokio::test(flavor = "multi_thread")]
async fn keyboard_triage_end_to_end_and_history_survives_restart() {
    let b = browser().await;
    let (tmp, db, f) = fixture("http://127.0.0.1:9");
    let tamper = || {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(TAMPER).unwrap();
    };
    triage(&b.client, tmp.path(), db.to_str().unwrap(), &f, tamper).await;
}

/// Guards issue 16's "the same review UI on either backend": the keyboard triage above on a case
/// copied to PostgreSQL (`--db postgres://`), its decisions read back by the CLI, kept across a
/// restart, and a decision row altered in the database named in the UI.
#[tokio::test(flavor = "multi_thread")]
async fn keyboard_triage_on_postgres() {
    let Some(cluster) = pg::PgCluster::get() else {
        return;
    };
    let b = browser().await;
    let (tmp, db, f) = fixture("http://127.0.0.1:9");
    let url = cluster.fresh_db("browser_triage");
    common::armswatch_ok(
        tmp.path(),
        &["migrate", "--from", db.to_str().unwrap(), "--to", &url],
    );
    let target = url.clone();
    let tamper = move || {
        pg::sql(&target, TAMPER_PG);
    };
    triage(&b.client, tmp.path(), &url, &f, tamper).await;
}

/// Alters decision 2's labels behind the append-only trigger's back (SQLite's `DROP TRIGGER`
/// takes no table; PostgreSQL's needs one).
const TAMPER: &str = "DROP TRIGGER reviews_no_update; \
                      UPDATE reviews SET labels_json = '[\"design\"]' WHERE id = 2;";
const TAMPER_PG: &str = "DROP TRIGGER reviews_no_update ON reviews; \
                         UPDATE reviews SET labels_json = '[\"design\"]' WHERE id = 2;";

/// The keyboard triage on the case at `d` (a SQLite path or a PostgreSQL URL); `tamper` alters a
/// decision row in it.
async fn triage(c: &Client, tmp: &Path, d: &str, f: &Fixture, tamper: impl FnOnce()) {
    let s = Serve::start(Path::new(d), &[]);
    c.goto(&s.url).await.unwrap();
    wait_path(c, "/reviewer").await;
    c.find(Locator::Id("reviewer-name"))
        .await
        .unwrap()
        .send_keys("Ana Investigator")
        .await
        .unwrap();
    c.find(Locator::Id("reviewer-save"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_path(c, "/").await;
    assert!(text(c, "header .who").await.contains("Ana Investigator"));
    let selected = c
        .find(Locator::Css("tr.row.selected"))
        .await
        .unwrap()
        .attr("data-id")
        .await
        .unwrap();
    assert_eq!(
        selected,
        Some(f.plain[0].to_string()),
        "the top row starts selected"
    );

    press(c, "j").await;
    let selected = c
        .find(Locator::Css("tr.row.selected"))
        .await
        .unwrap()
        .attr("data-id")
        .await
        .unwrap();
    assert_eq!(selected, Some(f.plain[1].to_string()));
    press(c, "\u{E007}").await; // Enter
    wait_path(c, &format!("/listing/{}", f.plain[1])).await;
    press(c, "c").await;
    wait_path(c, &format!("/listing/{}", f.plain[2])).await;
    let notice = text(c, "#notice").await;
    assert!(
        notice.contains(&format!(
            "listing {} confirmed by Ana Investigator",
            f.plain[1]
        )),
        "{notice}"
    );
    // plain[2] is ammunition by the model: relabel it to part.
    assert!(c
        .find(Locator::Id("label-ammunition"))
        .await
        .unwrap()
        .is_selected()
        .await
        .unwrap());
    press(c, "32").await;
    assert!(!c
        .find(Locator::Id("label-ammunition"))
        .await
        .unwrap()
        .is_selected()
        .await
        .unwrap());
    assert!(c
        .find(Locator::Id("label-part"))
        .await
        .unwrap()
        .is_selected()
        .await
        .unwrap());
    press(c, "l").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let notice = text(c, "#notice").await;
    assert!(
        notice.contains(&format!(
            "listing {} relabelled by Ana Investigator (part)",
            f.plain[2]
        )),
        "{notice}"
    );
    press(c, "k").await;
    wait_path(c, &format!("/listing/{}", f.plain[2])).await;
    assert_eq!(text(c, "#state").await, "relabelled");
    press(c, "/").await;
    let active = c.active_element().await.unwrap().attr("id").await.unwrap();
    assert_eq!(active.as_deref(), Some("search"));
    c.active_element()
        .await
        .unwrap()
        .send_keys("glock\u{E007}")
        .await
        .unwrap();
    wait_path(c, "/").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let first = c
        .find(Locator::Css("tr.row.selected"))
        .await
        .unwrap()
        .attr("data-id")
        .await
        .unwrap();
    assert_eq!(first, Some(f.plain[0].to_string()));
    press(c, "r").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(text(c, "#notice")
        .await
        .contains(&format!("listing {} rejected", f.plain[0])));
    assert_no_script_ran(c, "after triage").await;

    let show = |id: i64| -> Value {
        let out = common::armswatch_ok(
            tmp,
            &["review", "show", &id.to_string(), "--db", d, "--json"],
        );
        serde_json::from_str(out.trim()).unwrap()
    };
    assert_eq!(show(f.plain[1])["reviews"][0]["state"], "confirmed");
    assert_eq!(
        show(f.plain[1])["reviews"][0]["reviewer"],
        "Ana Investigator"
    );
    assert_eq!(show(f.plain[2])["reviews"][0]["labels"], json!(["part"]));
    assert_eq!(show(f.plain[0])["state"], "rejected");

    // Restart the server: the history is still there, the reviewer is still known.
    drop(s);
    let s = Serve::start(Path::new(d), &[]);
    c.goto(&s.url).await.unwrap();
    wait_path(c, "/").await;
    c.goto(&format!("{}/listing/{}", s.base, f.plain[1]))
        .await
        .unwrap();
    let history = text(c, "#history").await;
    assert!(
        history.contains("Ana Investigator") && history.contains("confirmed"),
        "{history}"
    );
    assert!(c.find(Locator::Id("chain-broken")).await.is_err());

    // Tamper with a decision row in the database: the UI says so and names it.
    tamper();
    c.refresh().await.unwrap();
    let banner = text(c, "#chain-broken").await;
    assert!(
        banner.contains("tampered") && banner.contains("review(s) 2"),
        "{banner}"
    );
    c.clone().close().await.unwrap();
}

/// Guards captured pages: a page with scripts, a meta refresh, remote images, styles, frames and
/// links is shown (copy in a sandboxed iframe, source as text) without running a script or making
/// a single request to the addresses it names, also when its copy is opened directly.
#[tokio::test(flavor = "multi_thread")]
async fn captured_page_scripts_never_run() {
    let b = browser().await;
    let c = &b.client;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let beacon = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let h = hits.clone();
    listener.set_nonblocking(true).unwrap();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let st = stop.clone();
    let watcher = std::thread::spawn(move || {
        while !st.load(Ordering::SeqCst) {
            if listener.accept().is_ok() {
                h.fetch_add(1, Ordering::SeqCst);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    });
    let (_tmp, db, f) = fixture(&beacon);
    let s = Serve::start(&db, &["--reviewer", "ana"]);
    c.goto(&s.url).await.unwrap();
    wait_path(c, "/").await;
    c.goto(&format!("{}/page/{}", s.base, f.scripted_page))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await; // past the page's 1 s meta refresh
    assert_eq!(
        c.current_url().await.unwrap().path(),
        format!("/page/{}", f.scripted_page)
    );
    assert_no_script_ran(c, "captured page view").await;
    let source = text(c, "#source").await;
    assert!(
        source.contains("<script>alert('page-script')"),
        "the source is shown as text"
    );
    assert_eq!(
        text(c, "#sha256")
            .await
            .split_whitespace()
            .next()
            .unwrap()
            .len(),
        64
    );
    let sandbox = c
        .find(Locator::Id("capture"))
        .await
        .unwrap()
        .attr("sandbox")
        .await
        .unwrap();
    assert_eq!(
        sandbox.as_deref(),
        Some(""),
        "scripts, forms and top navigation are off"
    );
    c.enter_frame(0).await.unwrap();
    assert!(text(c, "h1").await.contains("Glock 19 Gen 5"));
    assert!(
        c.find(Locator::Id("buy")).await.is_err() || c.find(Locator::Css("a[href]")).await.is_err(),
        "links are gone"
    );
    c.enter_parent_frame().await.unwrap();

    // Opened on its own, the copy is still sandboxed by its CSP.
    c.goto(&format!("{}/page/{}/render", s.base, f.scripted_page))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(c.get_alert_text().await.is_err());
    assert_eq!(
        hits.load(Ordering::SeqCst),
        0,
        "the captured page made the browser contact {beacon}"
    );
    stop.store(true, Ordering::SeqCst);
    watcher.join().unwrap();
    c.clone().close().await.unwrap();
}
