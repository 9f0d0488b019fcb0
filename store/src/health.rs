//! What `armswatch doctor` asks the database: its integrity, schema version and journal mode.

use crate::{Result, Store};

/// The database's health as SQLite reports it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Health {
    /// `PRAGMA quick_check`'s findings; `["ok"]` when the file is sound.
    pub integrity: Vec<String>,
    /// `PRAGMA user_version`: the schema version.
    pub schema_version: i64,
    /// `PRAGMA journal_mode` (armswatch sets `wal`).
    pub journal_mode: String,
}

impl Health {
    /// Whether the integrity check found nothing.
    pub fn sound(&self) -> bool {
        self.integrity.len() == 1 && self.integrity[0] == "ok"
    }
}

impl Store {
    /// Checks the file (`PRAGMA quick_check`, at most 20 findings) and reads its schema version
    /// and journal mode. Reads only.
    pub fn health(&self) -> Result<Health> {
        self.read(|c| {
            let q = self.q("check the database");
            let mut st = c.prepare("PRAGMA quick_check(20)").map_err(&q)?;
            let integrity = st
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            let schema_version = c
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .map_err(&q)?;
            let journal_mode = c
                .query_row("PRAGMA journal_mode", [], |r| r.get(0))
                .map_err(&q)?;
            Ok(Health {
                integrity,
                schema_version,
                journal_mode,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    // SQLite-only: what `doctor` reads of a SQLite file (integrity, schema version, WAL).
    #[test]
    fn a_fresh_database_is_sound_current_and_in_wal_mode() {
        // Guards what `doctor` reports for a good database.
        let dir = tempfile::tempdir().unwrap();
        let s = crate::Store::open(&dir.path().join("m.db")).unwrap();
        let h = s.health().unwrap();
        assert!(h.sound(), "{h:?}");
        assert_eq!(h.schema_version, crate::schema_version() as i64);
        assert_eq!(h.journal_mode, "wal");
    }
}
