//! Investigator review from the outside: decisions on the CLI (append-only, hash-chained,
//! tampering named), evidence exports that verify (and a flipped byte that is named), the review
//! UI's token, headers and form checks over plain HTTP, and training with reviews.

mod common;

use common::review::{build, header, http, Serve};
use common::{armswatch, armswatch_ok, repo};

fn db_with_fixture() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    common::review::Fixture,
) {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("review.db");
    let f = build(&db, "http://127.0.0.1:9");
    (tmp, db, f)
}

/// Guards decisions: each is a new row (history kept, the newest counts) with reviewer, UTC time
/// and the verdict answered; they survive reopening; an edited row is named by `review verify`.
#[test]
fn decisions_are_kept_and_tampering_is_named() {
    let (tmp, db, f) = db_with_fixture();
    let d = db.to_str().unwrap();
    let a = f.plain[0].to_string();
    armswatch_ok(
        tmp.path(),
        &[
            "review",
            "decide",
            &a,
            "confirm",
            "--reviewer",
            "ana",
            "--db",
            d,
        ],
    );
    let out = armswatch_ok(
        tmp.path(),
        &[
            "review",
            "decide",
            &a,
            "relabel",
            "--labels",
            "part,firearm",
            "--note",
            "slide & frame",
            "--reviewer",
            "bo",
            "--db",
            d,
            "--json",
        ],
    );
    let r: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(r["labels"], serde_json::json!(["firearm", "part"]));
    assert_eq!(r["model_labels"], serde_json::json!(["firearm"]));
    assert!(r["decided_at"].as_str().unwrap().ends_with('Z'));
    let shown: serde_json::Value = serde_json::from_str(
        armswatch_ok(tmp.path(), &["review", "show", &a, "--db", d, "--json"]).trim(),
    )
    .unwrap();
    assert_eq!(shown["state"], "relabelled");
    assert_eq!(shown["reviews"].as_array().unwrap().len(), 2);
    assert_eq!(shown["reviews"][0]["reviewer"], "ana");
    assert_eq!(shown["history_intact"], true);
    let list = armswatch_ok(
        tmp.path(),
        &[
            "review",
            "list",
            "--db",
            d,
            "--state",
            "relabelled",
            "--json",
        ],
    );
    assert_eq!(list.lines().count(), 1, "{list}");
    let bad = armswatch(
        tmp.path(),
        &[
            "review",
            "decide",
            &a,
            "relabel",
            "--reviewer",
            "ana",
            "--db",
            d,
        ],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("at least one label"));

    // Tamper with the file the way someone with SQLite access would.
    let c = rusqlite::Connection::open(&db).unwrap();
    assert!(
        c.execute("UPDATE reviews SET reviewer = 'eve' WHERE id = 1", [])
            .is_err(),
        "append-only trigger"
    );
    c.execute_batch(
        "DROP TRIGGER reviews_no_update; UPDATE reviews SET reviewer = 'eve' WHERE id = 1;",
    )
    .unwrap();
    drop(c);
    let out = armswatch(tmp.path(), &["review", "verify", "--db", d]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let row = |t: &str| -> bool {
        t.lines().any(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            f.first() == Some(&"1") && f.get(1) == Some(&a.as_str()) && l.contains("edited")
        })
    };
    assert!(text.starts_with("REVIEW") && row(&text), "{text}");
    assert!(text.contains("reviews do not verify"), "{text}");
    let shown = armswatch_ok(tmp.path(), &["review", "show", &a, "--db", d]);
    assert!(shown.contains("TAMPERED") && row(&shown), "{shown}");
}

fn flip(path: &std::path::Path, at: usize) {
    let mut b = std::fs::read(path).unwrap();
    b[at] ^= 0x01;
    std::fs::write(path, b).unwrap();
}

/// Guards exports: WARC, CSV, JSON lines and MISP verify; one flipped byte in a captured page
/// inside the WARC is named (record number, type, URL); MISP carries the dark-web taxonomy tags.
#[test]
fn exports_verify_and_a_flipped_byte_is_named() {
    let (tmp, db, f) = db_with_fixture();
    let d = db.to_str().unwrap();
    for id in &f.plain {
        armswatch_ok(
            tmp.path(),
            &[
                "review",
                "decide",
                &id.to_string(),
                "confirm",
                "--reviewer",
                "ana",
                "--db",
                d,
            ],
        );
    }
    let warc = tmp.path().join("ev.warc");
    let w = warc.to_str().unwrap();
    let out = armswatch_ok(
        tmp.path(),
        &[
            "export",
            "--db",
            d,
            "--reviewed",
            "--state",
            "confirmed",
            "--format",
            "warc",
            "--out",
            w,
        ],
    );
    assert!(out.contains("3 listings"), "{out}");
    let ok = armswatch_ok(tmp.path(), &["verify", w]);
    assert!(ok.starts_with("ok:"), "{ok}");
    let bytes = std::fs::read(&warc).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    for needle in [
        "WARC-Type: request",
        "WARC-Type: response",
        "WARC-Type: metadata",
        "transport: arti",
        "WARC-Date: 2025-11-24T",
        "WARC-Payload-Digest: sha256:",
    ] {
        assert!(text.contains(needle), "{needle} missing");
    }
    // A byte of the captured page's text.
    let at = text.find("Ships worldwide").unwrap();
    flip(&warc, at);
    let out = armswatch(tmp.path(), &["verify", w]);
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    // A table: a header, the export's own hash (row without a record), one row per broken
    // record, the verdict.
    let lines: Vec<&str> = report.lines().collect();
    assert!(lines[0].trim_start().starts_with("RECORD"), "{report}");
    assert!(
        lines.last().unwrap().starts_with("FAILED: 2 problem"),
        "{report}"
    );
    let rows = &lines[1..lines.len() - 1];
    assert!(
        rows.iter()
            .any(|l| l.split_whitespace().take(2).eq(["-", "export"])
                && l.contains("the manifest says")),
        "{report}"
    );
    let broken: Vec<&str> = rows
        .iter()
        .copied()
        .filter(|l| !l.trim_start().starts_with('-'))
        .collect();
    assert_eq!(broken.len(), 1, "{report}");
    let cells: Vec<&str> = broken[0].split_whitespace().collect();
    assert_eq!(cells[1], "response", "{report}");
    assert!(cells[2].starts_with("<urn:uuid:"), "{report}");
    assert_eq!(cells[3], "http://hollowpine.onion/item/0", "{report}");
    assert!(broken[0].contains("WARC-Payload-Digest"), "{report}");
    let json = armswatch(tmp.path(), &["verify", w, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let problems = v["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2, "{v}");
    assert!(
        problems[0]["record"].is_null(),
        "the export's own hash: {v}"
    );
    assert_eq!(problems[1]["record"]["kind"], "response", "{v}");

    let ids: Vec<String> = f.hostile.iter().take(5).map(i64::to_string).collect();
    for format in ["csv", "jsonl", "misp"] {
        let out = tmp.path().join(format!("ev.{format}"));
        let o = out.to_str().unwrap();
        armswatch_ok(
            tmp.path(),
            &[
                "export",
                "--db",
                d,
                "--listing",
                &ids.join(","),
                "--format",
                format,
                "--out",
                o,
            ],
        );
        assert!(armswatch_ok(tmp.path(), &["verify", o]).starts_with("ok:"));
        let body = std::fs::read_to_string(&out).unwrap();
        match format {
            "csv" => {
                let rows = csv::Reader::from_reader(body.as_bytes()).records().count();
                assert_eq!(rows, 5);
                assert!(
                    !body.contains(",=") && !body.contains(",@"),
                    "formula cells are quoted"
                );
            }
            "jsonl" => assert_eq!(body.lines().count(), 5),
            _ => {
                let v: serde_json::Value = serde_json::from_str(&body).unwrap();
                let tags: Vec<&str> = v["Event"]["Tag"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t["name"].as_str().unwrap())
                    .collect();
                assert_eq!(
                    tags,
                    [
                        "dark-web:topic=\"weapons\"",
                        "dark-web:motivation=\"marketplace-for-sale\""
                    ]
                );
                let attrs = v["Event"]["Attribute"].as_array().unwrap();
                assert!(attrs.iter().any(|a| a["type"] == "sha256"));
                assert!(attrs.iter().any(|a| a["type"] == "url"));
            }
        }
    }
    let jl = tmp.path().join("ev.jsonl");
    let third = std::fs::read_to_string(&jl)
        .unwrap()
        .lines()
        .take(2)
        .map(|l| l.len() + 1)
        .sum::<usize>()
        + 10;
    flip(&jl, third);
    let out = armswatch(tmp.path(), &["verify", jl.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    let row: Vec<&str> = report
        .lines()
        .skip(1)
        .find(|l| !l.trim_start().starts_with('-'))
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(
        &row[..4],
        ["2", "listing", "listing", &f.hostile[2].to_string()],
        "{report}"
    );

    let out = armswatch(
        tmp.path(),
        &[
            "export",
            "--db",
            d,
            "--listing",
            "999999",
            "--format",
            "csv",
            "--out",
            "x.csv",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("no listing 999999"));
    let out = armswatch(
        tmp.path(),
        &[
            "export",
            "--db",
            d,
            "--flagged",
            "--format",
            "pdf",
            "--out",
            "x",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid value 'pdf'"));
}

/// Guards the UI's gate and headers: no token (or a wrong one) is refused with 401; the token
/// sets an HttpOnly SameSite cookie; pages carry CSP default-src 'none', X-Frame-Options and no
/// referrer; a captured page's copy is sandboxed; forms without the form token are refused.
#[test]
fn serve_refuses_requests_without_the_token() {
    let (_tmp, db, f) = db_with_fixture();
    let s = Serve::start(&db, &["--reviewer", "ana"]);
    let (st, h, body) = http(&s.base, "GET", "/", &[], "");
    assert_eq!(st, 401);
    assert!(body.contains("needs the access token"));
    assert!(header(&h, "content-security-policy")
        .unwrap()
        .starts_with("default-src 'none'"));
    assert_eq!(http(&s.base, "GET", "/?token=0000", &[], "").0, 401);
    assert_eq!(
        http(&s.base, "GET", &format!("/listing/{}", f.plain[0]), &[], "").0,
        401
    );
    assert_eq!(http(&s.base, "GET", "/static/app.js", &[], "").0, 401);
    let (st, h, _) = http(
        &s.base,
        "GET",
        &format!("/?token={}&sort=newest", s.token),
        &[],
        "",
    );
    assert_eq!(st, 303);
    assert_eq!(header(&h, "location"), Some("/?sort=newest"));
    let set = header(&h, "set-cookie").unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict"),
        "{set}"
    );
    let cookie = format!("{}={}", s.cookie(), s.token);
    let (st, h, body) = http(&s.base, "GET", "/", &[("Cookie", &cookie)], "");
    assert_eq!(st, 200);
    assert!(body.contains("Glock 19 Gen 5 pistol 9mm"));
    assert!(!body.contains("<script>alert"), "payloads are escaped");
    let csp = header(&h, "content-security-policy").unwrap();
    assert!(
        csp.contains("default-src 'none'")
            && csp.contains("script-src 'self'")
            && !csp.contains("unsafe"),
        "{csp}"
    );
    assert_eq!(header(&h, "x-frame-options"), Some("DENY"));
    assert_eq!(header(&h, "referrer-policy"), Some("no-referrer"));
    let (st, h, body) = http(
        &s.base,
        "GET",
        &format!("/page/{}/render", f.scripted_page),
        &[("Cookie", &cookie)],
        "",
    );
    assert_eq!(st, 200);
    assert!(header(&h, "content-security-policy")
        .unwrap()
        .starts_with("sandbox; default-src 'none'"));
    assert!(
        !body.contains("<script")
            && !body.contains("127.0.0.1:9")
            && body.contains("Glock 19 Gen 5"),
        "{body}"
    );
    let (_, h, _) = http(
        &s.base,
        "GET",
        &format!("/page/{}/raw", f.scripted_page),
        &[("Cookie", &cookie)],
        "",
    );
    assert!(header(&h, "content-disposition")
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(header(&h, "content-type"), Some("application/octet-stream"));
    let form = "csrf=wrong&decision=confirm";
    let ct = ("Content-Type", "application/x-www-form-urlencoded");
    let path = format!("/listing/{}/decide", f.plain[0]);
    assert_eq!(
        http(&s.base, "POST", &path, &[("Cookie", &cookie), ct], form).0,
        403
    );
    assert_eq!(http(&s.base, "POST", &path, &[ct], form).0, 401);
    let out = armswatch(
        _tmp.path(),
        &[
            "review",
            "show",
            &f.plain[0].to_string(),
            "--db",
            db.to_str().unwrap(),
            "--json",
        ],
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\"reviews\":[]"),
        "nothing was recorded"
    );
}

/// Guards the charts page (issue 15 in the UI): the chart of `stats --chart` is served as an SVG
/// image under its own no-script policy, parses as SVG with one line per label, and the hostile
/// currency in its captions is escaped (no markup, no raw control character); bad options are a
/// 400 and the page needs the token like every other.
#[test]
fn charts_page_serves_the_stats_chart_escaped() {
    let (_tmp, db, _) = db_with_fixture();
    let s = Serve::start(&db, &["--reviewer", "ana"]);
    assert_eq!(http(&s.base, "GET", "/charts", &[], "").0, 401);
    assert_eq!(http(&s.base, "GET", "/charts/chart.svg", &[], "").0, 401);
    let cookie = format!("{}={}", s.cookie(), s.token);
    let c = [("Cookie", cookie.as_str())];
    let (st, h, body) = http(&s.base, "GET", "/charts?by=month&label=", &c, "");
    assert_eq!(st, 200, "{body}");
    assert!(header(&h, "content-security-policy")
        .unwrap()
        .contains("img-src 'self'"));
    assert!(
        body.contains("<img id=\"chart\" src=\"/charts/chart.svg?by=month\""),
        "{body}"
    );
    assert!(!body.contains("<script>alert"), "the currency is escaped");
    assert!(
        body.contains("&#60;/text&#62;&#60;script&#62;alert")
            || body.contains("&lt;/text&gt;&lt;script&gt;alert"),
        "the currency is shown, escaped: {body}"
    );

    let (st, h, svg) = http(&s.base, "GET", "/charts/chart.svg?by=week", &c, "");
    assert_eq!(st, 200, "{svg}");
    assert_eq!(
        header(&h, "content-type"),
        Some("image/svg+xml; charset=utf-8")
    );
    let csp = header(&h, "content-security-policy").unwrap();
    assert!(
        csp.starts_with("default-src 'none'") && csp.contains("sandbox") && !csp.contains("script"),
        "{csp}"
    );
    assert_eq!(header(&h, "x-content-type-options"), Some("nosniff"));
    assert!(!svg.contains("<script") && !svg.contains('\u{1b}'), "{svg}");
    let doc = roxmltree::Document::parse(&svg).expect("the chart is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let strokes: std::collections::BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .filter_map(|n| n.attribute("stroke"))
        .filter(|s| *s != "#000000")
        .collect();
    assert_eq!(strokes.len(), 4, "one line per label: {strokes:?}");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("(\\x1b</text><script>al")),
        "the currency is shown as text, its escape character visible: {texts:?}"
    );
    let (_, h, _) = http(&s.base, "GET", "/charts/chart.svg?download=1", &c, "");
    assert!(header(&h, "content-disposition")
        .unwrap()
        .starts_with("attachment"));
    for bad in ["by=day", "label=drugs", "since=yesterday"] {
        let (st, _, body) = http(&s.base, "GET", &format!("/charts/chart.svg?{bad}"), &c, "");
        assert_eq!(st, 400, "{bad}: {body}");
    }
}

/// Guards --bind: an address other than loopback is served with a warning.
#[test]
fn bind_off_loopback_warns() {
    let (_tmp, db, _) = db_with_fixture();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_armswatch"))
        .args(["serve", "--db", db.to_str().unwrap(), "--bind", "0.0.0.0:0"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = String::new();
    use std::io::BufRead;
    std::io::BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut err)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(err.contains("not a loopback address"), "{err}");
}

/// Guards feedback: `train --with-reviews` adds the reviewed listings and the model card says how
/// many; `eval --reviews` scores a model against the reviews.
#[test]
fn reviews_feed_training_and_evaluation() {
    let (tmp, db, f) = db_with_fixture();
    let d = db.to_str().unwrap();
    armswatch_ok(
        tmp.path(),
        &[
            "review",
            "decide",
            &f.plain[0].to_string(),
            "confirm",
            "--reviewer",
            "ana",
            "--db",
            d,
        ],
    );
    armswatch_ok(
        tmp.path(),
        &[
            "review",
            "decide",
            &f.plain[1].to_string(),
            "relabel",
            "--labels",
            "part",
            "--reviewer",
            "ana",
            "--db",
            d,
        ],
    );
    armswatch_ok(
        tmp.path(),
        &[
            "review",
            "decide",
            &f.hostile[0].to_string(),
            "reject",
            "--reviewer",
            "ana",
            "--db",
            d,
        ],
    );
    let corpus = std::fs::read_to_string(repo().join("classifier/corpus/corpus.jsonl")).unwrap();
    let small: String = corpus
        .lines()
        .step_by(25)
        .map(|l| format!("{l}\n"))
        .collect();
    let data = tmp.path().join("small.jsonl");
    std::fs::write(&data, small).unwrap();
    let model = tmp.path().join("m.model");
    let out = armswatch_ok(
        tmp.path(),
        &[
            "train",
            "--data",
            data.to_str().unwrap(),
            "--out",
            model.to_str().unwrap(),
            "--with-reviews",
            "--db",
            d,
        ],
    );
    assert!(out.contains("3 reviewed listings"), "{out}");
    let card = std::fs::read_to_string(tmp.path().join("m.model.md")).unwrap();
    assert!(
        card.contains("**3 reviewed listings**")
            && card.contains("1 confirmed, 1 rejected, 1 relabelled"),
        "{card}"
    );
    let eval = armswatch_ok(
        tmp.path(),
        &[
            "--model",
            model.to_str().unwrap(),
            "eval",
            "--reviews",
            "--db",
            d,
            "--json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(eval.trim()).unwrap();
    assert_eq!(v["reviewed"]["confirmed"], 1);
    assert!(
        v["labels"]["firearm"]["support"].as_u64().unwrap() >= 1,
        "{v}"
    );
}
