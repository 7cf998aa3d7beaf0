//! The finder's in-process search index, kept in step with the directory. Each instance builds its own
//! [`Index`] from the database at start and rebuilds it when the directory's version moves: a search looks at the
//! version at most once a second (one tiny query), and a rebuild runs in the background while searches keep using
//! the index they have (the search that noticed the change waits a moment for it, so a small directory is seen
//! changed at once). So several instances over one database agree within about a second of any change.
//!
//! A build reads the directory a page of services at a time and turns each service into listings at once, on a
//! blocking thread while the next page is read: only the columns the index needs are read, each document is
//! parsed into just the fields the index uses and dropped, so memory holds the finished index and a page or two.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use chrono_tz::Tz;
use pathways_domain::finder::{Index, IndexBuilder};
use pathways_store::Store;
use pathways_store::directory::{self, SnapshotService};

mod listings;
mod vocabulary;

#[cfg(test)]
mod tests;

pub use listings::{each_listing, index_of};
pub use pathways_store::import::hsds_lenient::slots;
pub use vocabulary::{meeting_types, taxonomy};

/// How often a search checks whether the directory changed.
const CHECK_EVERY: Duration = Duration::from_secs(1);
/// How long the search that noticed a change waits for the new index before answering from the old one.
const WAIT_FOR_REBUILD: Duration = Duration::from_millis(250);

pub struct Built {
    pub version: i64,
    pub index: Index,
}

pub struct Finder {
    current: RwLock<Arc<Built>>,
    checked: std::sync::Mutex<Instant>,
    rebuilding: tokio::sync::Mutex<()>,
    default_tz: Tz,
}

impl Finder {
    /// An empty finder; the services that name no time zone are in `default_tz` (the deployment's).
    pub fn new(default_tz: Tz) -> Self {
        Self {
            default_tz,
            current: RwLock::new(Arc::new(Built { version: -1, index: Index::default() })),
            checked: std::sync::Mutex::new(Instant::now().checked_sub(CHECK_EVERY * 2).unwrap_or_else(Instant::now)),
            rebuilding: tokio::sync::Mutex::new(()),
        }
    }

    /// Whether an index has been built, so a search answers without waiting for one (what `/readyz` tells).
    pub fn is_ready(&self) -> bool {
        self.current().version >= 0
    }

    pub fn current(&self) -> Arc<Built> {
        self.current.read().map(|g| Arc::clone(&g)).unwrap_or_else(|e| Arc::clone(&e.into_inner()))
    }

    /// The index to search. The first build is waited for. When the directory has moved on, a rebuild starts in
    /// the background; this search waits for it a moment ([`WAIT_FOR_REBUILD`]) and otherwise answers from the
    /// index it has, as every other search meanwhile does.
    pub async fn index(self: &Arc<Self>, store: &Store) -> Result<Arc<Built>, pathways_store::StoreError> {
        let due = {
            let mut last = self.checked.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if last.elapsed() >= CHECK_EVERY {
                *last = Instant::now();
                true
            } else {
                false
            }
        };
        let have = self.current();
        if !due && have.version >= 0 {
            return Ok(have);
        }
        let version = directory::version(store.reader()).await?;
        if version == have.version {
            return Ok(have);
        }
        if have.version < 0 {
            return self.rebuild(store).await;
        }
        let (finder, store) = (Arc::clone(self), store.clone());
        let mut task = tokio::spawn(async move {
            let built = finder.rebuild(&store).await;
            if let Err(e) = &built {
                tracing::error!(error = %e, "the finder's index could not be rebuilt");
            }
            built
        });
        match tokio::time::timeout(WAIT_FOR_REBUILD, &mut task).await {
            Ok(Ok(built)) => built,
            Ok(Err(e)) => Err(pathways_store::StoreError::Invalid(format!("index build: {e}"))),
            Err(_) => Ok(have),
        }
    }

    /// Rebuilds now (after a change made by this instance, and at start); searches meanwhile use the index they
    /// have, and the new one replaces it in one swap.
    pub async fn rebuild(&self, store: &Store) -> Result<Arc<Built>, pathways_store::StoreError> {
        let _one = self.rebuilding.lock().await;
        let db = store.reader();
        let mut snapshot = directory::snapshot(db).await?;
        let have = self.current();
        if have.version == snapshot.version && have.version >= 0 {
            return Ok(have);
        }
        let started = Instant::now();
        // Pages go to a blocking thread that parses and indexes them while the next page is read.
        let (pages, mut received) = tokio::sync::mpsc::channel::<Vec<SnapshotService>>(2);
        let default_tz = self.default_tz;
        let build = tokio::task::spawn_blocking(move || {
            let mut b = IndexBuilder::default();
            while let Some(page) = received.blocking_recv() {
                for s in &page {
                    listings::add_service(&mut b, s, default_tz);
                }
            }
            b.finish()
        });
        while let Some(page) = snapshot.next_page(db).await? {
            if pages.send(page).await.is_err() {
                break;
            }
        }
        drop(pages);
        let index = build.await.map_err(|e| pathways_store::StoreError::Invalid(format!("index build: {e}")))?;
        let (words, postings) = index.words_and_postings();
        tracing::info!(
            version = snapshot.version,
            listings = index.len(),
            words,
            postings,
            heap_mib = index.heap_bytes() / (1 << 20),
            duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            "finder index built"
        );
        let built = Arc::new(Built { version: snapshot.version, index });
        if let Ok(mut g) = self.current.write() {
            *g = Arc::clone(&built);
        }
        Ok(built)
    }
}
