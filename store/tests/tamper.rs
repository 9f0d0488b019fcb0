//! What someone with SQL access to a PostgreSQL case meets when tampering with the evidence: the
//! PostgreSQL half of the SQLite store's raw-SQL unit tests (`reviews.rs`, `pages.rs`), which need
//! a statement run outside the store, so they are not in `on_both_backends!`.

#[macro_use]
#[path = "../../tests/common/pg.rs"]
mod pg;
mod support;

use armswatch_core::{Decision, ErrorKind, HasKind};
use armswatch_store::{CaseStore, NewReview, PgStore, StoreError};
use support::*;

/// A fresh database on the test cluster and the store on it; `None` when PostgreSQL is missing.
fn store(test: &str) -> Option<(String, PgStore)> {
    let cluster = pg::PgCluster::get()?;
    let url = cluster.fresh_db(test);
    let s = PgStore::connect_with(&url, 2).unwrap();
    Some((url, s))
}

/// Runs `sql` on `url` outside the store; the server's error when it refuses.
fn try_sql(url: &str, sql: &str) -> Result<(), String> {
    let (url, sql) = (url.to_string(), sql.to_string());
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
                .await
                .unwrap();
            tokio::spawn(conn);
            client
                .batch_execute(&sql)
                .await
                .map_err(|e| format!("{e:?}"))
        })
    })
    .join()
    .unwrap()
}

/// Listing "Kush" with a verdict, and `who` deciding on it in turn; returns the review ids.
fn reviews(s: &dyn CaseStore, who: &[&str]) -> Vec<i64> {
    let id = stored(
        s,
        "http://demo.onion/c",
        b"x",
        &[listing("http://demo.onion/2", "Kush")],
    )[0];
    s.save_verdicts(&[(id, verdict("m1", &[0.1, 0.1, 0.1, 0.0]))])
        .unwrap();
    who.iter()
        .map(|who| {
            s.add_review(&NewReview {
                listing_id: id,
                decision: Decision::Reject,
                note: String::new(),
                reviewer: who.to_string(),
                verdict_id: None,
            })
            .unwrap()
            .id
        })
        .collect()
}

#[test]
fn reviews_cannot_be_updated_or_deleted_through_sql() {
    // Guards: the append-only trigger refuses UPDATE, DELETE and TRUNCATE on reviews.
    let Some((url, s)) = store("reviews_append_only") else {
        return;
    };
    reviews(&s, &["ana"]);
    for sql in [
        "UPDATE reviews SET note = 'x'",
        "DELETE FROM reviews",
        "TRUNCATE reviews",
    ] {
        let err = try_sql(&url, sql).unwrap_err();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    assert_eq!(s.verify_reviews().unwrap().reviews, 1);
}

#[test]
fn tampered_reviews_are_named() {
    // Guards: an edited row fails its hash, a removed middle row breaks the next row's link.
    let Some((url, s)) = store("tampered_reviews") else {
        return;
    };
    let ids = reviews(&s, &["a", "b", "c", "d"]);
    try_sql(
        &url,
        &format!(
            "ALTER TABLE reviews DISABLE TRIGGER reviews_no_update;
             UPDATE reviews SET reviewer = 'mallory' WHERE id = {};
             DELETE FROM reviews WHERE id = {};",
            ids[1], ids[2]
        ),
    )
    .unwrap();
    let report = s.verify_reviews().unwrap();
    let broken: Vec<i64> = report.broken.iter().map(|b| b.review_id).collect();
    assert_eq!(broken, vec![ids[1], ids[3]], "{report:?}");
    assert!(report.broken[0].problem.contains("edited"), "{report:?}");
    assert!(
        report.broken[1]
            .problem
            .contains(&format!("review {}", ids[1])),
        "{report:?}"
    );
}

#[test]
fn tampered_page_fails_integrity_check() {
    // Guards: a body that no longer matches its recorded SHA-256 is an error, not silent data.
    let Some((url, s)) = store("tampered_page") else {
        return;
    };
    let run = run(&s);
    let (id, _) = save(&s, run, &market(), "http://demo.onion/", b"original", &[]);
    let forged = zstd::bulk::compress(b"forged!!", 3).unwrap();
    try_sql(
        &url,
        &format!(
            "UPDATE pages SET body_zstd = '\\x{}'::bytea WHERE id = {id}",
            hex::encode(forged)
        ),
    )
    .unwrap();
    let err = s.page(id).unwrap_err();
    assert!(matches!(err, StoreError::PageIntegrity { .. }), "{err:?}");
    assert_eq!(err.kind(), ErrorKind::Input);
}
