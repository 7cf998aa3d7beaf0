//! The public housing board's snapshot (issue 19): the residences with a valid certificate, read once and kept in
//! memory in the board's order without a place (a bed now, a report from this week, then by name), so a request
//! filters a few thousand small rows in memory and renders one page instead of reading every residence from the
//! database (`docs/BENCHMARKS.md`, "Recovery housing").
//!
//! Freshness: a snapshot serves for at most [`MAX_AGE`]; after that the first request to notice rebuilds it in the
//! background while requests keep answering from the one they have. A change made through this instance (a report,
//! an edit, a hold, an answer to a referral) calls [`BoardCache::changed`] after its commit, and the next board
//! waits for a snapshot that includes it. So this instance shows its own changes at once, and several instances
//! over one database agree within about a second, as the finder's index does. Time moves a residence's report from
//! fresh to due and stale and its holds to expired: those are counted at each build, so within [`MAX_AGE`] too.
//!
//! What a page shows of a residence does not change within a snapshot: its card (in each language) and its public
//! JSON are made the first time a request shows it and kept with the snapshot ([`Listing`]), so a request joins
//! twenty made pieces instead of looking up some fifteen messages and serializing each residence again
//! (`docs/BENCHMARKS.md`, "Recovery housing"). Only the distance, which depends on the request, is added then.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, RwLock};
use std::time::{Duration, Instant};

use chrono_tz::Tz;
use pathways_domain::housing::board::{Entry, Facts, Rank, order};
use pathways_domain::locale::Locale;
use pathways_store::housing::{self, ResidenceView};
use pathways_store::{Store, StoreError};

/// How long a snapshot serves before it is read again.
pub const MAX_AGE: Duration = Duration::from_secs(1);

/// A residence on the board, with the pieces of a page made from it (once each, when first shown).
pub struct Listing {
    pub residence: ResidenceView,
    json: OnceLock<String>,
    cards: [OnceLock<Card>; Locale::ALL.len()],
}

/// A residence's card on the board, in one language, around the distance from the place asked about (which
/// depends on the request): `top`, then ` · 3.2 miles` when there is one, then `bottom`.
pub struct Card {
    pub top: String,
    pub bottom: String,
}

impl Listing {
    pub fn new(residence: ResidenceView) -> Self {
        Self { residence, json: OnceLock::new(), cards: Default::default() }
    }

    /// The residence's public JSON as `make` writes it, made once per snapshot.
    pub fn json(&self, make: impl FnOnce(&ResidenceView) -> String) -> &str {
        self.json.get_or_init(|| make(&self.residence))
    }

    /// The residence's card in `locale` as `make` renders it, made once per snapshot and language.
    pub fn card(&self, locale: Locale, make: impl FnOnce(&ResidenceView) -> Card) -> &Card {
        let slot = match locale {
            Locale::En => &self.cards[0],
            Locale::Es => &self.cards[1],
        };
        slot.get_or_init(|| make(&self.residence))
    }
}

pub struct Snapshot {
    made: Instant,
    generation: u64,
    /// Valid certificates only, in the board's order when no place is asked for.
    pub residences: Vec<Arc<Listing>>,
    /// What the filters read of each residence but its names, side by side in the same order
    /// (`Query::admits_facts`).
    pub facts: Vec<Facts>,
    /// The regions residences name, sorted, each once (any case).
    pub regions: Vec<String>,
}

#[derive(Default)]
pub struct BoardCache {
    current: RwLock<Option<Arc<Snapshot>>>,
    /// Bumped by every change made through this instance.
    generation: AtomicU64,
    rebuilding: Arc<tokio::sync::Mutex<()>>,
}

impl BoardCache {
    /// A residence changed through this instance (called after the change's commit).
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    fn current(&self) -> Option<Arc<Snapshot>> {
        self.current.read().map(|g| g.clone()).unwrap_or_else(|e| e.into_inner().clone())
    }

    /// The snapshot to answer from: the one held while it is young enough and nothing changed here; a change made
    /// here (or no snapshot yet) is waited for; an old one is answered from while one request rebuilds it.
    pub async fn snapshot(self: &Arc<Self>, store: &Store, tz: Tz) -> Result<Arc<Snapshot>, StoreError> {
        let generation = self.generation.load(Ordering::SeqCst);
        if let Some(have) = self.current()
            && have.generation == generation
        {
            if have.made.elapsed() < MAX_AGE {
                return Ok(have);
            }
            if let Ok(guard) = Arc::clone(&self.rebuilding).try_lock_owned() {
                let (cache, store) = (Arc::clone(self), store.clone());
                tokio::spawn(async move {
                    if let Err(e) = cache.build(&store, tz).await {
                        tracing::error!(error = %e, "the housing board could not be read");
                    }
                    drop(guard);
                });
            }
            return Ok(have);
        }
        let _one = self.rebuilding.lock().await;
        if let Some(have) = self.current()
            && have.generation == generation
            && have.made.elapsed() < MAX_AGE
        {
            return Ok(have);
        }
        self.build(store, tz).await
    }

    async fn build(&self, store: &Store, tz: Tz) -> Result<Arc<Snapshot>, StoreError> {
        // The generation before the read: a change committed during it makes the next request read again.
        let generation = self.generation.load(Ordering::SeqCst);
        let now = pathways_store::now();
        let today = now.with_timezone(&tz).date_naive();
        let mut residences = housing::listed(store.reader(), now, today).await?;
        // The store reads valid certificates only; kept so here too, so that a board without filters is the
        // snapshot as it stands.
        residences.retain(|r| r.certification_status.listed());
        let rank = |r: &ResidenceView| Rank {
            has_bed: r.available > 0,
            within_week: r.report_status.within_week(),
            distance_mi: None,
            name: "",
        };
        residences.sort_by(|a, b| order(&Rank { name: &a.name, ..rank(a) }, &Rank { name: &b.name, ..rank(b) }));
        let mut regions: Vec<String> = residences.iter().filter_map(|r| r.region.clone()).collect();
        regions.sort_by_key(|r| r.to_lowercase());
        regions.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let facts = residences.iter().map(|r| Facts::of(&entry(r))).collect();
        let residences = residences.into_iter().map(|r| Arc::new(Listing::new(r))).collect();
        let built = Arc::new(Snapshot { made: Instant::now(), generation, residences, facts, regions });
        match self.current.write() {
            Ok(mut g) => *g = Some(Arc::clone(&built)),
            Err(e) => *e.into_inner() = Some(Arc::clone(&built)),
        }
        Ok(built)
    }
}

/// What the board's filters read of a residence.
pub fn entry(r: &ResidenceView) -> Entry<'_> {
    Entry {
        name: &r.name,
        town: &r.town,
        region: r.region.as_deref(),
        place: r.place,
        level: r.level,
        populations: &r.populations,
        accepts_moud: r.accepts_moud,
        cost_per_week: r.cost_per_week,
        available: r.available,
        certification: r.certification_status,
        report: r.report_status,
    }
}
