//! A fresh, migrated database per test: a temporary SQLite file, or, when `PATHWAYS_TEST_POSTGRES_URL` is set,
//! a new PostgreSQL database that is dropped when the test ends.

use sea_orm::{ConnectionTrait, Database};

use crate::Store;

/// The variable that switches the test suite to PostgreSQL.
pub const POSTGRES_URL_VAR: &str = "PATHWAYS_TEST_POSTGRES_URL";

pub struct TestDb {
    pub store: Store,
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    pg_drop: Option<(String, String)>,
}

impl TestDb {
    pub async fn new() -> Self {
        match std::env::var(POSTGRES_URL_VAR).ok().filter(|u| !u.is_empty()) {
            Some(admin_url) => Self::postgres(admin_url).await,
            None => Self::sqlite().await,
        }
    }

    async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        // As the binary requires of a data folder (issue 23): only its owner may enter it.
        std::fs::set_permissions(dir.path(), std::os::unix::fs::PermissionsExt::from_mode(crate::files::DIR_MODE))
            .expect("chmod the temp dir");
        let url = format!("sqlite://{}/test.db", dir.path().display());
        let store = Store::connect(&url).await.expect("connect sqlite");
        store.migrate().await.expect("migrate sqlite");
        Self { store, url, _dir: Some(dir), pg_drop: None }
    }

    async fn postgres(admin_url: String) -> Self {
        let db = Self::postgres_unmigrated(admin_url).await;
        db.store.migrate().await.expect("migrate postgres");
        db
    }

    /// A new, empty PostgreSQL database (no migration applied), dropped when the test ends.
    pub async fn postgres_unmigrated(admin_url: String) -> Self {
        let name = format!("pathways_test_{}", uuid::Uuid::now_v7().simple());
        let admin = Database::connect(&admin_url).await.expect("connect to the PostgreSQL test server");
        admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create test database");
        admin.close().await.ok();
        let url = with_database(&admin_url, &name);
        let store = Store::connect(&url).await.expect("connect postgres");
        Self { store, url, _dir: None, pg_drop: Some((admin_url, name)) }
    }

    pub fn is_postgres(&self) -> bool {
        self.pg_drop.is_some()
    }
}

/// The same server URL pointing at another database.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let slash = base.rfind('/').filter(|&i| i > "postgres://".len()).unwrap_or(base.len());
    let mut out = format!("{}/{name}", &base[..slash]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.pg_drop.take() else { return };
        // Drop runs outside async; a short-lived runtime on its own thread does the cleanup.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
            rt.block_on(async move {
                if let Ok(admin) = Database::connect(&admin_url).await {
                    let _ = admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
                    let _ = admin.close().await;
                }
            });
        })
        .join();
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn database_name_is_swapped() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/test", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(with_database("postgres://h/test?sslmode=disable", "x"), "postgres://h/x?sslmode=disable");
        assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
    }
}
