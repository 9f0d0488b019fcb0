//! The CLI on PostgreSQL (a throwaway cluster on loopback, `tests/common/pg.rs`): a fixture market
//! crawled into PostgreSQL and into SQLite finds the same listings; a SQLite case with reviews is
//! copied by `migrate --from --to`, verified, and read back through `--db postgres://` and
//! `ARMSWATCH_DB`; the copied review chain goes on growing; a non-empty target is refused; a page
//! altered on the target is named by the check.

mod common;
#[path = "common/pg.rs"]
mod pg;

use armswatch_crawler::serve::StaticSite;
use common::{armswatch, armswatch_ok, repo};
use std::path::Path;
use std::process::Command;

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out.lines().last().unwrap()).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn crawl(data: &Path, db: &str, base: &str) -> serde_json::Value {
    let profile = repo().join("demo/profile.toml");
    json(&armswatch_ok(
        data,
        &[
            "crawl",
            "--profile",
            profile.to_str().unwrap(),
            "--base-url",
            base,
            "--db",
            db,
            "--tor",
            "direct",
            "--json",
        ],
    ))
}

/// The status rows as (market, pages, listings, flagged).
fn status(data: &Path, args: &[&str], env: Option<&str>) -> Vec<(String, u64, u64, u64)> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_armswatch"));
    cmd.arg("status")
        .args(args)
        .args(["--json", "--data-dir"])
        .arg(data);
    match env {
        Some(v) => cmd.env("ARMSWATCH_DB", v),
        None => cmd.env_remove("ARMSWATCH_DB"),
    };
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["market"].as_str().unwrap().to_string(),
                v["pages"].as_u64().unwrap(),
                v["listings"].as_u64().unwrap(),
                v["flagged"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Guards issue 16's "the same CLI on either backend" and the case migration: crawl, status and
/// review work with `--db postgres://`; a copied case verifies (counts, table hashes, page bodies,
/// review chain) and reads back the same; mismatches and non-empty targets are refused.
#[test]
fn a_case_crawled_reviewed_and_migrated_reads_the_same_on_postgres() {
    let Some(cluster) = pg::PgCluster::get() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt
        .block_on(StaticSite::start(repo().join("demo/site"), 0))
        .unwrap();
    let base = site.base_url();

    // The same market crawled into SQLite and straight into PostgreSQL.
    let case = data.join("case.db");
    let sqlite = format!("sqlite:{}", case.display());
    let direct = cluster.fresh_db("direct");
    let a = crawl(data, &sqlite, &base);
    let b = crawl(data, &direct, &base);
    assert_eq!(a["pages_fetched"], b["pages_fetched"], "{a}\n{b}");
    let on_sqlite = status(data, &["--db", &sqlite], None);
    let on_pg = status(data, &["--db", &direct], None);
    assert!(on_sqlite[0].2 > 0, "{on_sqlite:?}");
    assert_eq!(on_sqlite, on_pg);

    // Review on SQLite, then copy the case.
    let list = armswatch_ok(data, &["review", "list", "--db", &sqlite, "--json"]);
    let ids: Vec<String> = list
        .lines()
        .map(|l| json(l)["listing_id"].to_string())
        .collect();
    assert!(ids.len() >= 2, "{list}");
    for (id, d) in [(&ids[0], "confirm"), (&ids[1], "reject")] {
        armswatch_ok(
            data,
            &[
                "review",
                "decide",
                id,
                d,
                "--reviewer",
                "ana",
                "--db",
                &sqlite,
            ],
        );
    }
    let target = cluster.fresh_db("target");
    let out = armswatch_ok(
        data,
        &["migrate", "--from", &sqlite, "--to", &target, "--json"],
    );
    let m = json(&out);
    assert_eq!(m["ok"], true, "{out}");
    let copied = m["copied"]["tables"].as_array().unwrap();
    assert!(
        copied
            .iter()
            .any(|t| t[0] == "pages" && t[1].as_u64() > Some(0)),
        "{out}"
    );
    assert!(m["check"]["pages_checked"].as_u64() > Some(0), "{out}");
    assert_eq!(m["check"]["target_reviews"]["reviews"], 2, "{out}");

    // Read back through the CLI: the same status, queue, decisions and chain head.
    assert_eq!(status(data, &[], Some(&target)), on_sqlite);
    let list_pg = armswatch_ok(data, &["review", "list", "--db", &target, "--json"]);
    let list_sqlite = armswatch_ok(data, &["review", "list", "--db", &sqlite, "--json"]);
    assert_eq!(list_pg, list_sqlite);
    let show = json(&armswatch_ok(
        data,
        &["review", "show", &ids[0], "--db", &target, "--json"],
    ));
    assert_eq!(show["state"], "confirmed", "{show}");
    assert_eq!(show["history_intact"], true, "{show}");
    let head = |db: &str| {
        json(&armswatch_ok(
            data,
            &["review", "verify", "--db", db, "--json"],
        ))
    };
    assert_eq!(head(&target)["head_hash"], head(&sqlite)["head_hash"]);
    // The chain goes on growing on PostgreSQL and still verifies.
    armswatch_ok(
        data,
        &[
            "review",
            "decide",
            &ids[0],
            "relabel",
            "--labels",
            "part",
            "--reviewer",
            "bo",
            "--db",
            &target,
        ],
    );
    let v = head(&target);
    assert_eq!(
        (v["reviews"].as_u64(), v["intact"].as_bool()),
        (Some(3), Some(true))
    );
    let relabelled = armswatch_ok(
        data,
        &[
            "review",
            "list",
            "--db",
            &target,
            "--state",
            "relabelled",
            "--json",
        ],
    );
    assert_eq!(relabelled.lines().count(), 1, "{relabelled}");

    // A second copy into the same database is refused; an altered page is named.
    let again = armswatch(data, &["migrate", "--from", &sqlite, "--to", &target]);
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already holds a case"),
        "{again:?}"
    );
    let fresh = cluster.fresh_db("tampered");
    armswatch_ok(data, &["migrate", "--from", &sqlite, "--to", &fresh]);
    pg::sql(
        &fresh,
        "UPDATE pages SET body_zstd = body_zstd || '\\x00'::bytea WHERE id = 1",
    );
    let check = armswatch(
        data,
        &[
            "migrate",
            "--from",
            &sqlite,
            "--to",
            &fresh,
            "--verify-only",
        ],
    );
    assert_eq!(check.status.code(), Some(1), "{check:?}");
    let text = String::from_utf8_lossy(&check.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("pages") && l.contains("MISMATCH")),
        "{text}"
    );
    assert!(text.contains("1 do not match (page ids 1)"), "{text}");
}

/// Guards issue 16's "the same review UI and CLI work on either backend" for the reading
/// commands: a case crawled and reviewed in SQLite, then copied to PostgreSQL, prints the same
/// `flagged`, `stats`, `vendors`, `listings`, `markets candidates`, evidence and research exports
/// from either; `market session` writes to either.
#[test]
fn the_reading_commands_print_the_same_on_postgres() {
    let Some(cluster) = pg::PgCluster::get() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt
        .block_on(StaticSite::start(repo().join("demo/site"), 0))
        .unwrap();
    let case = data.join("case.db");
    let sqlite = format!("sqlite:{}", case.display());
    crawl(data, &sqlite, &site.base_url());
    let list = armswatch_ok(data, &["review", "list", "--db", &sqlite, "--json"]);
    let id = json(list.lines().next().unwrap())["listing_id"].to_string();
    armswatch_ok(
        data,
        &[
            "review",
            "decide",
            &id,
            "confirm",
            "--reviewer",
            "ana",
            "--db",
            &sqlite,
        ],
    );
    let target = cluster.fresh_db("reads");
    armswatch_ok(data, &["migrate", "--from", &sqlite, "--to", &target]);

    let vendors = armswatch_ok(data, &["vendors", "list", "--db", &sqlite, "--json"]);
    let vendor = json(vendors.lines().next().expect("the demo market has vendors"))["name"]
        .as_str()
        .unwrap()
        .to_string();
    let commands: Vec<Vec<&str>> = vec![
        vec!["flagged", "--json"],
        vec![
            "flagged",
            "--label",
            "firearm",
            "--min-score",
            "0.6",
            "--format",
            "csv",
        ],
        vec!["stats", "--json"],
        vec!["stats", "--by", "market", "--by", "label", "--json"],
        vec!["stats", "--by", "vendor", "--by", "week", "--format", "csv"],
        vec!["vendors", "list", "--json"],
        vec!["vendors", "show", &vendor, "--json"],
        vec!["vendors", "links", "--json"],
        vec!["vendors", "renames", "--json"],
        vec!["listings", "history", &id, "--json"],
        vec!["listings", "vanished", "--json"],
        vec!["markets", "candidates", "--json"],
    ];
    for args in &commands {
        let on = |db: &str| {
            let mut a = args.clone();
            a.extend(["--db", db]);
            armswatch_ok(data, &a)
        };
        let (lite, pg) = (on(&sqlite), on(&target));
        // The demo market has no cross-market links, renames, vanished listings or candidates.
        let may_be_empty = ["links", "renames", "vanished", "candidates"];
        assert!(
            !lite.trim().is_empty() || args.iter().any(|a| may_be_empty.contains(a)),
            "{args:?} printed nothing"
        );
        assert_eq!(lite, pg, "{args:?}");
    }

    // Evidence exports: the same listings, pages and hashes; the WARC verifies.
    for (format, selection) in [
        ("jsonl", "--flagged"),
        ("csv", "--reviewed"),
        ("warc", "--flagged"),
    ] {
        let export = |db: &str, name: &str| {
            let out = data.join(format!("{name}.{format}"));
            armswatch_ok(
                data,
                &[
                    "export",
                    selection,
                    "--format",
                    format,
                    "--db",
                    db,
                    "--out",
                    out.to_str().unwrap(),
                ],
            );
            out
        };
        let (lite, pg) = (export(&sqlite, "lite"), export(&target, "pg"));
        if format == "warc" {
            armswatch_ok(data, &["verify", pg.to_str().unwrap()]);
            let digests = |p: &Path| -> Vec<String> {
                std::fs::read_to_string(p)
                    .unwrap()
                    .lines()
                    .filter(|l| {
                        l.starts_with("WARC-Payload-Digest") || l.starts_with("WARC-Target-URI")
                    })
                    .map(str::to_string)
                    .collect()
            };
            assert!(!digests(&pg).is_empty());
            assert_eq!(digests(&lite), digests(&pg));
        } else {
            let (a, b) = (
                std::fs::read_to_string(&lite).unwrap(),
                std::fs::read_to_string(&pg).unwrap(),
            );
            assert!(!a.is_empty());
            assert_eq!(a, b, "{format} export");
        }
    }
    // `eval --reviews` (and `train --with-reviews`, which reads the same reviewed listings) learns
    // from the decisions of either backend alike.
    let eval = |db: &str| {
        json(&armswatch_ok(
            data,
            &["eval", "--reviews", "--db", db, "--json"],
        ))
    };
    let (lite, pg) = (eval(&sqlite), eval(&target));
    assert_eq!(lite["reviewed"]["confirmed"], 1, "{lite}");
    assert_eq!(lite, pg);
    let research =
        |db: &str| armswatch_ok(data, &["export", "--research", "--salt", "s3", "--db", db]);
    assert_eq!(research(&sqlite), research(&target));

    // `market session` writes the cookie into PostgreSQL as into SQLite.
    let market = json(&armswatch_ok(data, &["flagged", "--json", "--db", &target]))["market"]
        .as_str()
        .unwrap()
        .to_string();
    let out = armswatch_ok(
        data,
        &[
            "market", "session", &market, "--cookie", "sid=1", "--db", &target,
        ],
    );
    assert!(out.contains("saved"), "{out}");
    let nope = armswatch(
        data,
        &[
            "market", "session", "nosuch", "--cookie", "sid=1", "--db", &target,
        ],
    );
    assert!(!nope.status.success());
}

/// Guards issue 16's "the same review UI on either backend": `armswatch serve` on a case copied to
/// PostgreSQL serves the queue, a listing with its pages and versions, a captured page's
/// sanitised copy and raw bytes, and the charts as it does from the SQLite file (the same HTML,
/// the tokens aside); a decision made in the UI lands in PostgreSQL's review chain.
#[test]
fn the_review_ui_serves_a_postgres_case_as_a_sqlite_one() {
    use common::review::{build, header, http, Serve};
    let Some(cluster) = pg::PgCluster::get() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let db = data.join("review.db");
    let f = build(&db, "http://127.0.0.1:9");
    let target = cluster.fresh_db("serve");
    armswatch_ok(
        data,
        &["migrate", "--from", db.to_str().unwrap(), "--to", &target],
    );
    let lite = Serve::start(&db, &["--reviewer", "ana"]);
    let pg = Serve::start(Path::new(&target), &["--reviewer", "ana"]);
    let get = |s: &Serve, path: &str| {
        let cookie = format!("{}={}", s.cookie(), s.token);
        let (st, h, body) = http(&s.base, "GET", path, &[("Cookie", &cookie)], "");
        assert_eq!(st, 200, "{path}: {body}");
        // The per-server tokens and ports are the only differences.
        let body = body
            .replace(&s.token, "TOKEN")
            .replace(&s.base, "BASE")
            .lines()
            .map(|l| match l.find("name=\"csrf\" value=\"") {
                Some(i) => l[..i].to_string(),
                None => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        (h, body)
    };
    let listing = f.plain[0];
    for path in [
        "/".to_string(),
        "/?sort=newest&label=firearm".to_string(),
        "/?q=glock".to_string(),
        format!("/listing/{listing}"),
        format!("/page/{}/render", f.scripted_page),
        format!("/page/{}/raw", f.scripted_page),
        "/charts".to_string(),
    ] {
        let (h, on_pg) = get(&pg, &path);
        let (_, on_lite) = get(&lite, &path);
        assert!(!on_pg.is_empty(), "{path}");
        assert_eq!(on_lite, on_pg, "{path}");
        if path.ends_with("/render") {
            assert!(header(&h, "content-security-policy")
                .unwrap()
                .starts_with("sandbox; default-src 'none'"));
        }
    }
    let (_, queue) = get(&pg, "/");
    assert!(queue.contains("Glock 19 Gen 5 pistol 9mm"));
    assert!(!queue.contains("<script>alert"), "payloads are escaped");

    // A decision through the UI's form is written to PostgreSQL.
    let cookie = format!("{}={}", pg.cookie(), pg.token);
    let (_, _, page) = http(
        &pg.base,
        "GET",
        &format!("/listing/{listing}"),
        &[("Cookie", &cookie)],
        "",
    );
    let at = page.find("name=\"csrf\" value=\"").unwrap() + "name=\"csrf\" value=\"".len();
    let csrf = &page[at..at + page[at..].find('"').unwrap()];
    let (st, _, body) = http(
        &pg.base,
        "POST",
        &format!("/listing/{listing}/decide"),
        &[
            ("Cookie", &cookie),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        &format!("csrf={csrf}&decision=confirm&note=seen+in+the+UI"),
    );
    assert_eq!(st, 303, "{body}");
    let show = json(&armswatch_ok(
        data,
        &[
            "review",
            "show",
            &listing.to_string(),
            "--db",
            &target,
            "--json",
        ],
    ));
    assert_eq!(show["state"], "confirmed", "{show}");
    assert_eq!(show["history_intact"], true, "{show}");
}
