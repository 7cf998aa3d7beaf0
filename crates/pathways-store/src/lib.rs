//! Pathways storage: SeaORM entities, migrations, and the queries the web layer may run.
//!
//! One code base over SQLite (the default, embedded) and PostgreSQL (for scale). On SQLite the store keeps
//! two pools: one connection that writes (SQLite allows one writer; queuing in our pool beats spinning on
//! `SQLITE_BUSY`) and a few read-only connections. On PostgreSQL both are the same pool.
//!
//! Every query over a person's data takes a [`pathways_domain::access::PersonScope`]; there is no finder by
//! id alone. Every change and every read of a person's record is audited through [`audit::append`] inside the
//! same transaction.

pub mod access_calls;
pub mod accounts;
pub mod audit;
pub mod bulk;
pub mod capacity;
pub mod caseload;
pub mod checkups;
pub mod community;
pub mod consents;
pub mod directory;
pub mod directory_edit;
pub mod education;
pub mod holds;
pub mod housing;
pub mod kiosk_known;
// The tables. Public only with the `raw` feature (the binary's demo data, tests); the web crate sees `model`.
#[cfg(feature = "raw")]
pub mod entities;
#[cfg(not(feature = "raw"))]
mod entities;
pub mod export;
pub mod files;
pub mod financing;
pub mod follow_up_kept;
pub mod import;
pub mod interviews;
pub mod invites;
pub mod jobs;
pub mod locators;
pub mod migration;
pub mod model;
pub mod naloxone;
pub mod network;
pub mod orgs;
pub mod outcome_change_kept;
pub mod outcome_pairs;
pub mod outcomes;
pub mod outreach;
pub mod perception;
pub mod persons;
pub mod plans;
pub mod records;
pub mod referrals;
pub mod resets;
pub mod restore;
pub mod retention;
pub mod retention_kept;
pub mod served;
pub mod served_demographic;
pub mod sessions;
pub mod summary;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod tokens;
pub mod two_factor;
pub mod volunteers;
// Recovery Friendly designations as programs (issue 20, m0039).
pub mod designation_programs;
// The kept counts' time zone and a proxy's sections of an outcome interview (issue 17, m0047).
pub mod interview_proxy;
mod kept_rows;
pub mod kept_zone;

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, Database, DbBackend, SqlErr, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use sea_orm_migration::MigratorTrait;

/// SeaORM itself, for the binary's demo data and for tests (`raw` feature).
#[cfg(feature = "raw")]
pub use sea_orm;
/// The connection types the store's functions take: a transaction from [`Store::begin`] or the reading pool
/// from [`Store::reader`].
pub use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr};

/// Errors from the store. Unique-constraint violations are told apart so the web layer can answer 409/422
/// naming the field.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    #[error("a record with this {0} already exists")]
    Duplicate(&'static str),
    #[error("{0}")]
    Invalid(String),
}

impl StoreError {
    /// Maps a unique violation on `column` to [`StoreError::Duplicate`] naming `field`.
    pub(crate) fn from_insert(err: DbErr, column: &str, field: &'static str) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(msg)) if msg.contains(column) => StoreError::Duplicate(field),
            _ => StoreError::Db(err),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The current time at the precision both backends store (microseconds), so that what is written and what is
/// read back compare equal, and the audit hash survives the round trip.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// The PostgreSQL advisory lock key `migrate` holds: one process migrates at a time ("pathways" in ASCII).
const MIGRATION_LOCK: i64 = 0x7061_7468_7761_7973;

/// A handle on the database. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    write: DatabaseConnection,
    read: DatabaseConnection,
}

impl Store {
    /// Connects to `url` (`sqlite://path` or `postgres://…`). A SQLite file and its folder are created when
    /// missing.
    pub async fn connect(url: &str) -> Result<Self> {
        if url.starts_with("sqlite:") {
            Self::connect_sqlite(url).await
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let mut opts = ConnectOptions::new(url);
            opts.max_connections(16)
                .min_connections(1)
                .acquire_timeout(Duration::from_secs(10))
                .sqlx_logging(false)
                // A ping on every checkout was a second round trip for every query; only a connection idle
                // long enough to have been dropped (a restart, a proxy, a firewall) is tested first.
                .test_before_acquire_if_idle_for(Duration::from_secs(30))
                .set_application_name("pathways");
            let db = Database::connect(opts).await?;
            Ok(Self { write: db.clone(), read: db })
        } else {
            Err(StoreError::Invalid("the database URL must start with sqlite:// or postgres://".into()))
        }
    }

    async fn connect_sqlite(url: &str) -> Result<Self> {
        let file = files::sqlite_file(url);
        if let Some(dir) = file.as_deref().and_then(Path::parent).filter(|d| !d.as_os_str().is_empty()) {
            files::create_private_dir(dir).map_err(|e| {
                StoreError::Invalid(format!("cannot create the database folder {}: {e}", dir.display()))
            })?;
        }
        let tune = |read_only: bool| {
            move |o: SqliteConnectOptions| {
                o.create_if_missing(!read_only)
                    .read_only(read_only)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10))
            }
        };
        let mut w = ConnectOptions::new(url);
        // A SQLite connection is a file handle: nothing can drop it, so checkouts skip sqlx's ping (a round trip to
        // the connection's worker thread per query).
        w.max_connections(1)
            .min_connections(1)
            .sqlx_logging(false)
            .test_before_acquire(false)
            .map_sqlx_sqlite_opts(tune(false));
        let write = Database::connect(w).await?;
        let mut r = ConnectOptions::new(url);
        r.max_connections(4)
            .min_connections(1)
            .sqlx_logging(false)
            .test_before_acquire(false)
            .map_sqlx_sqlite_opts(tune(true));
        let read = Database::connect(r).await?;
        // Files made before the umask was set (or by another tool) are narrowed to the owner; SQLite gives a new
        // WAL and index the database file's mode.
        for f in file.iter().flat_map(|f| files::sqlite_files(f)) {
            files::make_private(&f)
                .map_err(|e| StoreError::Invalid(format!("cannot make {} private: {e}", f.display())))?;
        }
        Ok(Self { write, read })
    }

    pub fn backend(&self) -> DbBackend {
        self.write.get_database_backend()
    }

    /// Applies pending migrations.
    pub async fn migrate(&self) -> Result<()> {
        if self.backend() != DbBackend::Postgres {
            // SQLite: one server process per database file (docs/OPERATIONS.md, "Upgrades"), so no lock is taken.
            migration::Migrator::up(&self.write, None).await?;
            return Ok(());
        }
        // PostgreSQL: after an upgrade several app servers may start at once. One applies the migrations while
        // the others wait on this lock (held by an open transaction on its own connection, released at its
        // end, even if the process dies), then find nothing left to apply.
        let lock = self.write.begin().await?;
        lock.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")).await?;
        let applied = migration::Migrator::up(&self.write, None).await;
        lock.commit().await?;
        applied?;
        Ok(())
    }

    /// A transaction on the writing connection: every change, and every audited read, goes through one.
    /// On SQLite it starts `IMMEDIATE`, taking the write lock at once: a deferred transaction that reads and
    /// then writes can fail with `SQLITE_BUSY` when another process wrote in between (no waiting helps).
    pub async fn begin(&self) -> Result<DatabaseTransaction> {
        let options = match self.backend() {
            DbBackend::Sqlite => TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            },
            _ => TransactionOptions::default(),
        };
        Ok(self.write.begin_with_options(options).await?)
    }

    /// For reads that touch no person's record (readiness, counts, sign-in lookups).
    pub fn reader(&self) -> &DatabaseConnection {
        &self.read
    }

    /// For maintenance commands.
    pub fn writer(&self) -> &DatabaseConnection {
        &self.write
    }

    /// Closes every connection (a restore renames the database next; PostgreSQL refuses while any is open).
    pub async fn close(&self) -> Result<()> {
        self.read.close_by_ref().await?;
        self.write.close_by_ref().await?;
        Ok(())
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<()> {
        self.read.execute_unprepared("SELECT 1").await?;
        Ok(())
    }

    /// An online, consistent copy of a SQLite database into `to` (which must not exist).
    pub async fn backup_sqlite(&self, to: &Path) -> Result<()> {
        if self.backend() != DbBackend::Sqlite {
            return Err(StoreError::Invalid(
                "backup copies SQLite databases; for PostgreSQL use pg_dump (for example: pg_dump --format=custom --file=pathways.dump \"$PATHWAYS_DATABASE_URL\")".into(),
            ));
        }
        if to.exists() {
            return Err(StoreError::Invalid(format!("{} already exists; choose a new file", to.display())));
        }
        let target = to.to_str().ok_or_else(|| StoreError::Invalid("the backup path must be valid UTF-8".into()))?;
        let stmt = sea_orm::Statement::from_sql_and_values(DbBackend::Sqlite, "VACUUM INTO ?", [target.into()]);
        self.write.execute_raw(stmt).await?;
        Ok(())
    }
}

/// A row count or offset the database can take: SQL's are signed 64-bit, so a larger one (a client's
/// `offset=9223372036854775808`) is capped — past the last row either way — instead of failing to bind.
pub fn rows(n: u64) -> u64 {
    n.min(i64::MAX.unsigned_abs())
}
