//! A read-mostly snapshot of public data kept in memory: the housing board's residences (issue 19) and the
//! calendar's upcoming occurrences (issue 20) are each read (and ordered, expanded) once, then filtered per request
//! instead of read from the database on every request (`docs/BENCHMARKS.md`).
//!
//! Freshness: a snapshot serves for at most [`MAX_AGE`]; after that the first request to notice rebuilds it in the
//! background while requests keep answering from the one they have. A change made through this instance calls
//! [`Snapshots::changed`] after its commit, and the next request waits for a snapshot that includes it. So this
//! instance shows its own changes at once, and several instances over one database agree within about a second, as
//! the finder's index does. A build is handed the snapshot it replaces, so it may keep what has not changed (the
//! calendar keeps each gathering's expansion).

use std::future::Future;
use std::ops::Deref;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use pathways_store::StoreError;

/// How long a snapshot serves before it is read again.
pub const MAX_AGE: Duration = Duration::from_secs(1);

/// One snapshot, with when it was made and the generation of changes it includes.
pub struct Held<T> {
    made: Instant,
    generation: u64,
    pub value: T,
}

impl<T> Deref for Held<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

/// The snapshot of one kind of data, and the count of changes made through this instance.
pub struct Snapshots<T> {
    current: RwLock<Option<Arc<Held<T>>>>,
    /// Bumped by every change made through this instance.
    generation: AtomicU64,
    rebuilding: Arc<tokio::sync::Mutex<()>>,
    /// What the log calls it when a background build fails.
    what: &'static str,
}

impl<T> Snapshots<T> {
    pub fn new(what: &'static str) -> Self {
        Self { current: RwLock::new(None), generation: AtomicU64::new(0), rebuilding: Arc::default(), what }
    }

    /// The data changed through this instance (called after the change's commit).
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// Whether a snapshot has been made, so a request waits for no first build (what `/readyz` tells).
    pub fn is_built(&self) -> bool {
        self.current().is_some()
    }

    fn current(&self) -> Option<Arc<Held<T>>> {
        self.current.read().map(|g| g.clone()).unwrap_or_else(|e| e.into_inner().clone())
    }
}

impl<T: Send + Sync + 'static> Snapshots<T> {
    /// The snapshot to answer from: the one held while it is young enough and nothing changed here; a change made
    /// here (or no snapshot yet) is waited for; an old one is answered from while one request rebuilds it with
    /// `build`, given the snapshot it replaces and whether a change made here is what it is built for (then it may
    /// not conclude from the database alone that nothing changed).
    pub async fn get<F, Fut>(self: &Arc<Self>, build: F) -> Result<Arc<Held<T>>, StoreError>
    where
        F: FnOnce(Option<Arc<Held<T>>>, bool) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, StoreError>> + Send + 'static,
    {
        let generation = self.generation.load(Ordering::SeqCst);
        if let Some(have) = self.current()
            && have.generation == generation
        {
            if have.made.elapsed() < MAX_AGE {
                return Ok(have);
            }
            if let Ok(guard) = Arc::clone(&self.rebuilding).try_lock_owned() {
                let cache = Arc::clone(self);
                let previous = Some(Arc::clone(&have));
                tokio::spawn(async move {
                    if let Err(e) = cache.build(previous, false, build).await {
                        tracing::error!(error = %e, what = cache.what, "a snapshot could not be read");
                    }
                    drop(guard);
                });
            }
            return Ok(have);
        }
        let _one = self.rebuilding.lock().await;
        let previous = self.current();
        if let Some(have) = &previous
            && have.generation == generation
            && have.made.elapsed() < MAX_AGE
        {
            return Ok(Arc::clone(have));
        }
        let changed_here = previous.as_ref().is_some_and(|p| p.generation != generation);
        self.build(previous, changed_here, build).await
    }

    async fn build<F, Fut>(
        &self,
        previous: Option<Arc<Held<T>>>,
        changed_here: bool,
        build: F,
    ) -> Result<Arc<Held<T>>, StoreError>
    where
        F: FnOnce(Option<Arc<Held<T>>>, bool) -> Fut,
        Fut: Future<Output = Result<T, StoreError>>,
    {
        // The generation before the read: a change committed during it makes the next request read again.
        let generation = self.generation.load(Ordering::SeqCst);
        let value = build(previous, changed_here).await?;
        let built = Arc::new(Held { made: Instant::now(), generation, value });
        match self.current.write() {
            Ok(mut g) => *g = Some(Arc::clone(&built)),
            Err(e) => *e.into_inner() = Some(Arc::clone(&built)),
        }
        Ok(built)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use super::*;

    /// A snapshot of a counter: how many builds have run.
    async fn read(cache: &Arc<Snapshots<usize>>, builds: &Arc<AtomicUsize>) -> usize {
        let b = Arc::clone(builds);
        cache
            .get(move |_, _| async move { Ok(b.fetch_add(1, Ordering::SeqCst) + 1) })
            .await
            .map(|h| h.value)
            .unwrap_or(0)
    }

    #[tokio::test]
    async fn a_young_snapshot_serves_and_a_change_here_is_waited_for() {
        let cache = Arc::new(Snapshots::new("test"));
        let builds = Arc::new(AtomicUsize::new(0));
        assert_eq!(read(&cache, &builds).await, 1, "the first request builds");
        assert_eq!(read(&cache, &builds).await, 1, "a young snapshot serves");
        cache.changed();
        assert_eq!(read(&cache, &builds).await, 2, "a change made here is in the next answer");
        assert_eq!(builds.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn an_old_snapshot_answers_while_it_is_rebuilt_and_the_build_sees_it() {
        let cache: Arc<Snapshots<usize>> = Arc::new(Snapshots::new("test"));
        let first = cache.get(|prev, _| async move { Ok(usize::from(prev.is_some())) }).await.map(|h| h.value);
        assert_eq!(first.ok(), Some(0));
        tokio::time::sleep(MAX_AGE + Duration::from_millis(50)).await;
        let (tx, rx) = tokio::sync::oneshot::channel();
        let answered = cache
            .get(move |prev, changed_here| async move {
                assert!(!changed_here, "nothing changed here");
                let _ = tx.send(prev.map(|p| p.value));
                Ok(7)
            })
            .await
            .map(|h| h.value);
        assert_eq!(answered.ok(), Some(0), "the old one answers at once");
        assert_eq!(rx.await.ok(), Some(Some(0)), "the build is handed the snapshot it replaces");
        for _ in 0..50 {
            if cache.current().map(|h| h.value) == Some(7) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("the background build did not replace the snapshot");
    }
}
