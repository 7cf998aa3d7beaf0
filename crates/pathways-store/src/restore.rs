//! What `pathways restore` checks before a restored database replaces the live one (issue 23), and the
//! fingerprint of every table that shows a backup and its restore hold the same rows.

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::MigratorTrait;
use sha2::{Digest, Sha256};

use crate::{Result, Store, StoreError, migration::Migrator};

/// SQLite's own check of every page, index and constraint (`PRAGMA integrity_check`): `Ok` when it answers
/// `ok`, else the problems it lists (the first ten). PostgreSQL has no equivalent; `pg_restore` refusing a damaged
/// archive is its check, and this answers `Ok`.
pub async fn integrity_check(store: &Store) -> Result<std::result::Result<(), String>> {
    if store.backend() != DbBackend::Sqlite {
        return Ok(Ok(()));
    }
    let rows =
        store.writer().query_all_raw(Statement::from_string(DbBackend::Sqlite, "PRAGMA integrity_check(10)")).await?;
    let said: Vec<String> = rows.iter().map(|r| r.try_get_by_index::<String>(0)).collect::<Result<_, _>>()?;
    Ok(if said == ["ok"] { Ok(()) } else { Err(said.join("; ")) })
}

/// Which migrations a database has, against the ones this build knows.
#[derive(Debug, PartialEq, Eq)]
pub struct MigrationState {
    pub applied: usize,
    /// Known to this build, not yet applied: the database is from an older version (they run at the next start).
    pub pending: Vec<String>,
    /// Applied, but unknown to this build: the database is from a newer version, which this one must not run.
    pub unknown: Vec<String>,
}

/// The database's applied migrations (`seaql_migrations`) compared with this build's.
pub async fn migration_state(store: &Store) -> Result<MigrationState> {
    let known: Vec<String> = Migrator::migrations().iter().map(|m| m.name().to_owned()).collect();
    let rows = store
        .writer()
        .query_all_raw(Statement::from_string(store.backend(), "SELECT version FROM seaql_migrations ORDER BY version"))
        .await
        .map_err(|e| StoreError::Invalid(format!("the database has no migration table: {e}")))?;
    let applied: Vec<String> = rows.iter().map(|r| r.try_get_by_index::<String>(0)).collect::<Result<_, _>>()?;
    Ok(MigrationState {
        applied: applied.len(),
        pending: known.iter().filter(|k| !applied.contains(k)).cloned().collect(),
        unknown: applied.iter().filter(|a| !known.contains(a)).cloned().collect(),
    })
}

/// One table's row count and a SHA-256 over its rows' text forms, sorted (so the order rows come back in doesn't
/// matter, and any changed value does).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableFingerprint {
    pub table: String,
    pub rows: u64,
    pub sha256: String,
}

/// Every table's fingerprint, by name. Reads whole tables: for checking a restore and for tests, not for a
/// request.
pub async fn fingerprint(db: &impl ConnectionTrait) -> Result<Vec<TableFingerprint>> {
    let backend = db.get_database_backend();
    let list = match backend {
        DbBackend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        _ => {
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = \
             'BASE TABLE' ORDER BY 1"
        }
    };
    let tables: Vec<String> = db
        .query_all_raw(Statement::from_string(backend, list))
        .await?
        .iter()
        .map(|r| r.try_get_by_index::<String>(0))
        .collect::<Result<_, _>>()?;
    let mut out = Vec::with_capacity(tables.len());
    for table in tables {
        // Table names come from the catalogue; quoted anyway.
        let quoted = format!("\"{}\"", table.replace('"', "\"\""));
        let sql = match backend {
            DbBackend::Sqlite => {
                let columns: Vec<String> = db
                    .query_all_raw(Statement::from_string(
                        backend,
                        format!("SELECT name FROM pragma_table_info('{}') ORDER BY cid", table.replace('\'', "''")),
                    ))
                    .await?
                    .iter()
                    .map(|r| r.try_get_by_index::<String>(0))
                    .collect::<Result<_, _>>()?;
                let parts: Vec<String> =
                    columns.iter().map(|c| format!("quote(\"{}\")", c.replace('"', "\"\""))).collect();
                format!("SELECT {} FROM {quoted}", parts.join(" || '|' || "))
            }
            _ => format!("SELECT t::text FROM {quoted} t"),
        };
        let mut rows: Vec<String> = db
            .query_all_raw(Statement::from_string(backend, sql))
            .await?
            .iter()
            .map(|r| r.try_get_by_index::<String>(0))
            .collect::<Result<_, _>>()?;
        rows.sort_unstable();
        let mut h = Sha256::new();
        for r in &rows {
            h.update((r.len() as u64).to_le_bytes());
            h.update(r.as_bytes());
        }
        out.push(TableFingerprint { table, rows: rows.len() as u64, sha256: hex::encode(h.finalize()) });
    }
    Ok(out)
}
