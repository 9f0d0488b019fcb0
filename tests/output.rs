//! The read commands against hostile data (issue 13): `flagged`, `status` and `extract` print
//! titles, vendors, prices and wall reasons with every control character escaped, in every format
//! (hole 5), and read a read-only evidence copy without changing it (hole 6).

mod common;

use armswatch_core::crawl::{FetchedPage, MarketState, PageKind};
use armswatch_core::{Label, Listing, MarketId, Verdict};
use armswatch_store::Store;
use common::armswatch_ok;
use std::path::Path;

/// Text that retitles the window, clears the screen, colours through a C1 CSI, reverses the line
/// with a bidi override, hides a character and fakes a new table line.
const HOSTILE: &str =
    "Glock 19\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}gpj.exe\u{2066}\u{200b}\u{7f}\nFAKE LINE";

/// Whether `c` must never reach a terminal from market text.
fn unsafe_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{9}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}')
}

fn assert_safe(what: &str, out: &str) {
    if let Some(c) = out.chars().find(|c| unsafe_char(*c)) {
        panic!("{what}: {c:?} reached the terminal:\n{out:?}");
    }
    assert!(
        !out.contains("\nFAKE LINE"),
        "{what}: a forged line:\n{out}"
    );
}

/// A database with one blocked market whose flagged listing is all hostile text.
fn hostile_db(path: &Path) {
    let s = Store::open(path).unwrap();
    let m = MarketId::slug("evil");
    s.upsert_market(&m, Some(HOSTILE), Some("http://evil.onion/"))
        .unwrap();
    let run = s.start_run(&m, "direct", "{}").unwrap();
    let page = FetchedPage {
        requested_url: "http://evil.onion/item/1".into(),
        final_url: "http://evil.onion/item/1".into(),
        fetched_at: 1_700_000_000,
        http_status: 200,
        content_type: Some("text/html".into()),
        body: HOSTILE.as_bytes().to_vec(),
        transport: "direct".into(),
        kind: PageKind::Listing,
        served_by: "http://demo.onion".into(),
    };
    let page_id = s.save_page(run, &m, &page).unwrap();
    s.set_market_state(&m, MarketState::Blocked, HOSTILE, Some(page_id))
        .unwrap();
    let mut l = Listing {
        url: page.final_url.clone(),
        title: HOSTILE.into(),
        vendor: Some(HOSTILE.into()),
        ..Listing::default()
    };
    l.set_price(&format!("USD 650 {HOSTILE}"));
    let w = s.save_listings(&m, page_id, 1_700_000_000, &[l]).unwrap();
    let v = Verdict {
        model_id: "m".into(),
        model_version: "v".into(),
        scores: [(Label::Firearm, 0.97)].into_iter().collect(),
        labels: vec![Label::Firearm],
        explain: [(
            Label::Firearm,
            vec![armswatch_core::TermWeight {
                term: HOSTILE.into(),
                weight: 1.0,
            }],
        )]
        .into_iter()
        .collect(),
    };
    s.save_verdicts(&[(w.to_classify[0], v)]).unwrap();
}

#[test]
fn flagged_and_status_escape_market_text_in_every_format() {
    // Guards hole 5: no control, bidi or invisible character from the market reaches the terminal
    // in the table, CSV or JSON, and JSON still carries the exact text.
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("evil.db");
    hostile_db(&db);
    let db = db.to_str().unwrap();
    for cmd in ["flagged", "status"] {
        for format in ["table", "csv", "json"] {
            let out = armswatch_ok(tmp.path(), &[cmd, "--db", db, "--format", format]);
            assert_safe(&format!("{cmd} --format {format}"), &out);
            assert!(out.contains("Glock 19"), "{cmd} {format}: {out}");
        }
    }
    let table = armswatch_ok(tmp.path(), &["flagged", "--db", db]);
    assert!(table.contains(r"Glock 19\x1b]0;pwned"), "{table}");
    let json = armswatch_ok(tmp.path(), &["flagged", "--db", db, "--json"]);
    let v: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(v["title"].as_str(), Some(HOSTILE));
    assert_eq!(v["vendor"].as_str(), Some(HOSTILE));
    let status = armswatch_ok(tmp.path(), &["status", "--db", db, "--json"]);
    let v: serde_json::Value = serde_json::from_str(status.trim()).unwrap();
    assert_eq!(v["state_reason"].as_str(), Some(HOSTILE));
}

#[test]
fn extract_escapes_market_text_in_every_format() {
    // Guards hole 5 for `extract`: entities that decode to escape sequences stay escaped.
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("evil.html");
    let card = |i: usize| {
        format!(
            "<div class=\"listing\"><a href=\"/listing/{i}\"><h3>Glock {i}&#27;]0;pwned&#7;&#x9b;31m\
             &#x202e;gpj.exe</h3></a><span class=\"price\">$ 650&#27;[2J</span>\
             <span class=\"vendor\">acme&#127;</span></div>"
        )
    };
    let html = format!(
        "<html><body>{}</body></html>",
        (1..=4).map(card).collect::<String>()
    );
    std::fs::write(&page, html).unwrap();
    let file = page.to_str().unwrap();
    for format in ["table", "csv", "json"] {
        let out = armswatch_ok(
            tmp.path(),
            &[
                "extract",
                file,
                "--kind",
                "index",
                "--url",
                "http://evil.onion/",
                "--format",
                format,
            ],
        );
        assert_safe(&format!("extract --format {format}"), &out);
        assert!(out.contains("Glock 2"), "{format}: {out}");
    }
}

fn sha256_of(path: &Path) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(std::fs::read(path).unwrap()))
}

#[test]
fn read_commands_work_on_a_read_only_evidence_copy_and_change_nothing() {
    // Guards hole 6 (issue 13): `status` and `flagged` read a 0444 copy in a 0555 directory without
    // changing a byte, and refuse another program's database unchanged.
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("evil.db");
    hostile_db(&src);
    let evidence = tmp.path().join("evidence");
    std::fs::create_dir(&evidence).unwrap();
    let copy = evidence.join("case.db");
    // A copy as `sqlite3 .backup` makes it: one file, rollback journal.
    rusqlite::Connection::open(&src)
        .unwrap()
        .execute_batch(&format!("VACUUM INTO '{}'", copy.display()))
        .unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&evidence, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = sha256_of(&copy);
    let db = copy.to_str().unwrap();
    let status = armswatch_ok(tmp.path(), &["status", "--db", db]);
    assert!(status.contains("blocked"), "{status}");
    let flagged = armswatch_ok(tmp.path(), &["flagged", "--db", db, "--format", "csv"]);
    assert_eq!(flagged.lines().count(), 2, "{flagged}");
    assert_eq!(sha256_of(&copy), before);
    std::fs::set_permissions(&evidence, std::fs::Permissions::from_mode(0o755)).unwrap();

    let other = tmp.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT)")
        .unwrap();
    let before = sha256_of(&other);
    for cmd in ["status", "flagged", "migrate"] {
        let out = common::armswatch(tmp.path(), &[cmd, "--db", other.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not an armswatch"), "{cmd}: {err}");
    }
    assert_eq!(sha256_of(&other), before);
}
