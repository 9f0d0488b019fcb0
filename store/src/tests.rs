//! Unit tests of the SQLite store: opening, refusing and migrating databases, read-only copies.
//! SQLite-only by nature (files, WAL, migrations); the trait API is tested on both in store/tests/.

use super::*;
use armswatch_core::HasKind;

#[test]
fn migrations_are_valid() {
    // Guards: the embedded migration list is well-formed SQL that applies cleanly.
    migrations().validate().unwrap();
    assert_eq!(schema_version(), 9);
}

#[test]
fn in_memory_store_has_schema_and_is_empty() {
    // Guards: open_in_memory applies the migrations and starts with nothing stored.
    let s = Store::open_in_memory().unwrap();
    assert_eq!(s.path(), Path::new(":memory:"));
    assert_eq!(s.counts().unwrap(), StoreCounts::default());
}

#[test]
fn reopen_is_idempotent_and_keeps_data() {
    // Guards: opening an up-to-date file again neither re-migrates nor loses rows; WAL is on.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/armswatch.db");
    {
        let s = Store::open(&path).unwrap();
        s.upsert_market(&test_support::market(), Some("Demo"), None)
            .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.path(), path);
    assert_eq!(s.counts().unwrap().markets, 1);
    let (mode, fk, version): (String, i64, i64) = s
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT journal_mode FROM pragma_journal_mode),
                        (SELECT foreign_keys FROM pragma_foreign_keys),
                        (SELECT user_version FROM pragma_user_version)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap())
        })
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(fk, 1);
    assert_eq!(version, schema_version() as i64);
}

#[test]
fn version_1_frontier_migrates_and_resumes() {
    // Guards migration 0002: a crawl interrupted under schema 1 keeps its pending frontier, and
    // its entries count every link toward the depth limit, as they did when added.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let mut c = Connection::open(&path).unwrap();
        Migrations::from_slice(&MIGRATION_LIST[..1])
            .to_latest(&mut c)
            .unwrap();
        c.execute_batch(
            "INSERT INTO markets (id, created_at) VALUES ('demo', 0);
             INSERT INTO frontier (market_id, url, kind, depth, updated_at)
             VALUES ('demo', 'http://demo.onion/c?page=7', 'index', 7, 0);",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    let pending = s.frontier_pending(&test_support::market(), 10).unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(
        (pending[0].depth, pending[0].pagination_depth),
        (7, 0),
        "{pending:?}"
    );
    assert_eq!(pending[0].link_depth(), 7);
}

#[test]
fn too_new_database_is_refused_clearly() {
    // Guards: a database from a newer armswatch is not touched and the error says so.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(Store::open(&path).unwrap());
    let c = Connection::open(&path).unwrap();
    c.execute_batch("PRAGMA user_version = 99").unwrap();
    drop(c);
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { db_version: 99, .. }),
        "{err:?}"
    );
    assert_eq!(err.kind(), armswatch_core::ErrorKind::Input);
    let msg = err.to_string();
    assert!(msg.contains("new.db") && msg.contains("99"), "{msg}");
}

#[test]
fn garbage_file_is_refused_clearly() {
    // Guards: a file that is not SQLite gives a Corrupt error naming the file, kind Input.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbage.db");
    std::fs::write(&path, vec![0x5a_u8; 8192]).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert_eq!(err.kind(), armswatch_core::ErrorKind::Input);
    assert!(err.to_string().contains("garbage.db"), "{err}");
}

#[test]
fn foreign_database_is_refused() {
    // Guards: another program's SQLite file is not migrated into an armswatch database.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let c = Connection::open(&path).unwrap();
    c.execute_batch("CREATE TABLE notes (body TEXT)").unwrap();
    drop(c);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotArmswatch { .. }), "{err:?}");
    assert_eq!(err.kind(), armswatch_core::ErrorKind::Input);
}

fn sha256_of(path: &Path) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(std::fs::read(path).unwrap()))
}

/// An armswatch database with one market, in rollback-journal mode (as a copy made with the
/// `sqlite3` shell's `.backup` is), so that a WAL switch would show in its header.
fn rollback_mode_db(path: &Path) {
    let s = Store::open(path).unwrap();
    s.upsert_market(&test_support::market(), Some("Demo"), None)
        .unwrap();
    drop(s);
    let c = Connection::open(path).unwrap();
    let _: String = c
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .unwrap();
}

#[test]
fn refused_databases_are_left_byte_for_byte() {
    // Guards hole 6 (issue 13): opening another program's database, a newer armswatch's or a
    // garbage file, read-write or read-only, fails and changes not one byte (no WAL switch).
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("foreign.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');")
        .unwrap();
    let other_app = dir.path().join("other-app.db");
    Connection::open(&other_app)
        .unwrap()
        .execute_batch("PRAGMA application_id = 7; PRAGMA user_version = 3;")
        .unwrap();
    let too_new = dir.path().join("too-new.db");
    rollback_mode_db(&too_new);
    Connection::open(&too_new)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let garbage = dir.path().join("garbage.db");
    std::fs::write(&garbage, vec![0x5a_u8; 8192]).unwrap();
    for path in [&foreign, &other_app, &too_new, &garbage] {
        let before = sha256_of(path);
        let e1 = Store::open(path).unwrap_err();
        let e2 = Store::open_read_only(path).unwrap_err();
        assert_eq!(sha256_of(path), before, "{} changed", path.display());
        for e in [e1, e2] {
            assert_eq!(e.kind(), armswatch_core::ErrorKind::Input, "{e:?}");
        }
        let wal = PathBuf::from(format!("{}-wal", path.display()));
        assert!(!wal.exists(), "{} got a WAL", path.display());
    }
}

#[test]
fn read_only_open_reads_a_read_only_copy_without_writing() {
    // Guards hole 6: status/flagged open an evidence copy (0444 file in a 0555 directory)
    // read-only: it reads, refuses writes, and neither the file nor its journal mode changes.
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("evidence");
    std::fs::create_dir(&ro).unwrap();
    let path = ro.join("case.db");
    rollback_mode_db(&path);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = sha256_of(&path);
    {
        let s = Store::open_read_only(&path).unwrap();
        assert_eq!(s.counts().unwrap().markets, 1);
        assert_eq!(s.markets().unwrap()[0].id, test_support::market());
        assert!(s.flagged(&FlaggedQuery::default()).unwrap().is_empty());
        assert!(s
            .upsert_market(&test_support::market(), None, None)
            .is_err());
        let mode: String = s
            .read(|c| {
                Ok(c.query_row("PRAGMA journal_mode", [], |r| r.get(0))
                    .unwrap())
            })
            .unwrap();
        assert_eq!(mode, "delete");
    }
    assert_eq!(sha256_of(&path), before);
    let names: Vec<_> = std::fs::read_dir(&ro)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("case.db")]);
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn read_only_open_falls_back_to_immutable_where_nothing_can_be_created() {
    // Guards: a WAL-mode copy whose shared-memory file cannot be created (read-only media;
    // here its name is taken by a directory) still opens read-only, as immutable.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wal.db");
    {
        let s = Store::open(&path).unwrap();
        s.upsert_market(&test_support::market(), Some("Demo"), None)
            .unwrap();
    }
    std::fs::create_dir(dir.path().join("wal.db-shm")).unwrap();
    let before = sha256_of(&path);
    let s = Store::open_read_only(&path).unwrap();
    assert_eq!(s.counts().unwrap().markets, 1);
    drop(s);
    assert_eq!(sha256_of(&path), before);
}

#[test]
fn read_only_open_refuses_an_older_schema_clearly() {
    // Guards: a read-only open of an older schema says it needs a migration, and writes nothing.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let mut c = Connection::open(&path).unwrap();
        Migrations::from_slice(&MIGRATION_LIST[..1])
            .to_latest(&mut c)
            .unwrap();
    }
    let before = sha256_of(&path);
    let err = Store::open_read_only(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::TooOld { db_version: 1, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("migrate"), "{err}");
    assert_eq!(sha256_of(&path), before);
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(
        Store::open_read_only(&empty).unwrap_err(),
        StoreError::NotArmswatch { .. }
    ));
    assert!(Store::open_read_only(&dir.path().join("missing.db")).is_err());
    assert!(!dir.path().join("missing.db").exists());
}

#[test]
fn version_3_verdicts_migrate_to_the_latest_verdict_pointer() {
    // Guards migration 0004: listings get their newest verdict and flag score from existing
    // verdicts, so the flagged list and counts of an old database stay the same.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    {
        let mut c = Connection::open(&path).unwrap();
        Migrations::from_slice(&MIGRATION_LIST[..3])
            .to_latest(&mut c)
            .unwrap();
        c.execute_batch(
            "INSERT INTO markets (id, created_at) VALUES ('demo', 0);
             INSERT INTO listings (id, market_id, canonical_url, title, content_sha256,
                 first_seen, last_seen, version_first_seen)
             VALUES (1, 'demo', 'http://d/1', 'Glock', 'x', 0, 0, 0),
                    (2, 'demo', 'http://d/2', 'Socks', 'y', 0, 0, 0);
             INSERT INTO verdicts (id, listing_id, listing_version, model_id, model_version,
                 scores_json, labels_json, explain_json, max_score, flagged, created_at)
             VALUES (1, 1, 1, 'm', 'a', '{\"firearm\":0.4}', '[]', '{}', 0.4, 0, 0),
                    (2, 1, 1, 'm', 'b', '{\"firearm\":0.9}', '[\"firearm\"]', '{}', 0.9, 1, 0),
                    (3, 2, 1, 'm', 'a', '{\"firearm\":0.8}', '[\"firearm\"]', '{}', 0.8, 1, 0),
                    (4, 2, 1, 'm', 'b', '{\"firearm\":0.1}', '[]', '{}', 0.1, 0, 0);",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    let flagged = s.flagged(&FlaggedQuery::default()).unwrap();
    assert_eq!(flagged.len(), 1);
    assert_eq!((flagged[0].listing_id, flagged[0].verdict_id), (1, 2));
    assert_eq!(s.counts().unwrap().flagged, 1);
    assert_eq!(s.markets().unwrap()[0].flagged, 1);
}

#[test]
fn two_handles_share_one_file() {
    // Guards: a reader (e.g. `armswatch flagged`) sees a running crawl's commits through WAL.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let writer = Store::open(&path).unwrap();
    let reader = Store::open(&path).unwrap();
    let run = writer
        .start_run(&test_support::market(), "direct", "{}")
        .unwrap();
    assert_eq!(
        reader.unfinished_run(&test_support::market()).unwrap(),
        Some(run)
    );
    assert_eq!(reader.counts().unwrap().runs, 1);
}

#[test]
fn rfc3339_formats_utc() {
    // Guards: stored unix seconds read back as RFC 3339 UTC.
    assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
    assert_eq!(rfc3339(1_700_000_000), "2023-11-14T22:13:20Z");
}

#[test]
fn store_is_send_and_sync() {
    // Guards: the binary can share one Store across threads.
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Store>();
}
