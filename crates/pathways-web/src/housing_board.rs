//! The public housing board's snapshot (issue 19): the residences with a valid certificate, read once and kept in
//! memory in the board's order without a place (a bed now, a report from this week, then by name), so a request
//! filters a few thousand small rows in memory and renders one page instead of reading every residence from the
//! database (`docs/BENCHMARKS.md`, "Recovery housing").
//!
//! Freshness is `crate::snapshot`'s: at most [`MAX_AGE`] old, rebuilt in the background, and a change made through
//! this instance (a report, an edit, a hold, an answer to a referral) calls [`BoardCache::changed`] after its
//! commit so the next board includes it. Time moves a residence's report from fresh to due and stale and its holds
//! to expired: those are counted at each build, so within [`MAX_AGE`] too.

use std::sync::Arc;

use chrono_tz::Tz;
use pathways_domain::housing::board::{Rank, order};
use pathways_store::housing::{self, ResidenceView};
use pathways_store::{Store, StoreError};

pub use crate::snapshot::MAX_AGE;
use crate::snapshot::{Held, Snapshots};

pub struct Snapshot {
    /// Valid certificates only, in the board's order when no place is asked for.
    pub residences: Vec<ResidenceView>,
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
    Ok(Snapshot { residences, regions })
}
