//! The public housing board's snapshot (issue 19): the residences with a valid certificate, read once and kept in
//! memory in the board's order without a place (a bed now, a report from this week, then by name), so a request
//! filters a few thousand small rows in memory and renders one page instead of reading every residence from the
//! database (`docs/BENCHMARKS.md`, "Recovery housing").
//!
//! Freshness is `crate::snapshot`'s: at most [`MAX_AGE`] old, rebuilt in the background, and a change made through
//! this instance (a report, an edit, a hold, an answer to a referral) calls [`BoardCache::changed`] after its
//! commit so the next board includes it. Time moves a residence's report from fresh to due and stale and its holds
//! to expired: those are counted at each build, so within [`MAX_AGE`] too.
//!
//! What a page shows of a residence does not change within a snapshot: its card (in each language) and its public
//! JSON are made the first time a request shows it and kept with the snapshot ([`Listing`]), so a request joins
//! twenty made pieces instead of looking up some fifteen messages and serializing each residence again
//! (`docs/BENCHMARKS.md`, "Recovery housing"). Only the distance, which depends on the request, is added then.

use std::sync::{Arc, OnceLock};

use chrono_tz::Tz;
use pathways_domain::housing::board::{Entry, Facts, Rank, order};
use pathways_domain::locale::Locale;
use pathways_store::housing::{self, ResidenceView};
use pathways_store::{Store, StoreError};

pub use crate::snapshot::MAX_AGE;
use crate::snapshot::{Held, Snapshots};

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
    /// Valid certificates only, in the board's order when no place is asked for.
    pub residences: Vec<Arc<Listing>>,
    /// What the filters read of each residence but its names, side by side in the same order
    /// (`Query::admits_facts`).
    pub facts: Vec<Facts>,
    /// The regions residences name, sorted, each once (any case).
    pub regions: Vec<String>,
}

/// The board's snapshots (`crate::snapshot::Snapshots`).
pub type BoardCache = Snapshots<Snapshot>;

impl Default for BoardCache {
    fn default() -> Self {
        Snapshots::new("the housing board")
    }
}

impl BoardCache {
    /// The snapshot to answer from (`Snapshots::get`).
    pub async fn snapshot(self: &Arc<Self>, store: &Store, tz: Tz) -> Result<Arc<Held<Snapshot>>, StoreError> {
        let store = store.clone();
        self.get(move |_, _| async move { build(&store, tz).await }).await
    }
}

async fn build(store: &Store, tz: Tz) -> Result<Snapshot, StoreError> {
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
    Ok(Snapshot { residences, facts, regions })
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
