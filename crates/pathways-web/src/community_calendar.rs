//! The public calendar's snapshot (issue 20): every recovery community center's upcoming occurrences, expanded
//! once over the next four weeks (from yesterday's local midnight, so a meeting under way is kept) and kept in
//! memory in order of start, so a calendar page filters them and renders one page instead of reading and expanding
//! every recurrence rule on each request (`docs/BENCHMARKS.md`, "Recovery community").
//!
//! Freshness is `crate::snapshot`'s: at most a second old, rebuilt in the background, and a save made through this
//! instance marks it changed after its commit. A rebuild first reads the centers and how many gatherings there are
//! with their latest change; when nothing changed and the day is the same it keeps the whole expansion. Otherwise
//! it reads the gatherings again and expands only those changed since (a gathering's occurrences are kept by its
//! id and its last change), so a save costs one gathering's expansion and a new day one expansion of all.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use pathways_domain::OrgId;
use pathways_domain::community::calendar::{Entry, Filter, HORIZON_DAYS};
use pathways_domain::community::in_finder::{self, Stretch};
use pathways_domain::community::recurrence::to_utc;
use pathways_store::community::{self, Center, Gathering};
use pathways_store::{Store, StoreError};
use uuid::Uuid;

use crate::snapshot::{Held, Snapshots};

/// The longest a gathering lasts (`community::DURATION_MINUTES`): how far before a window an occurrence may start
/// and still be under way in it.
const LONGEST: Duration = Duration::hours(12);

/// A gathering's starts over the snapshot's window, shared by the snapshots that keep them.
type Starts = Arc<[DateTime<Utc>]>;

/// A gathering in the snapshot, with its center and its expansion.
pub struct Listed {
    pub gathering: Gathering,
    /// Index into [`Calendar::centers`].
    pub center: usize,
    /// Its title, description and center's name, folded into words as the finder folds them (what the finder's
    /// words are matched against), made once per change.
    pub words: Arc<str>,
    changed: DateTime<Utc>,
    starts: Starts,
}

/// One occurrence: its start and end, its start on its own clock, and its gathering.
#[derive(Clone, Copy, Debug)]
pub struct Occ {
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
    pub local: NaiveTime,
    /// Index into [`Calendar::gatherings`].
    pub gathering: u32,
}

/// The expanded calendar.
pub struct Calendar {
    /// When the gatherings were read (the network feed's DTSTAMP).
    pub read_at: DateTime<Utc>,
    /// The local day the expansion was made for.
    day: NaiveDate,
    fingerprint: (u64, Option<DateTime<Utc>>),
    /// The centers, by name.
    pub centers: Vec<Center>,
    pub gatherings: Vec<Listed>,
    /// Every occurrence from yesterday's midnight to the horizon, by start then title.
    pub occurrences: Vec<Occ>,
    /// The regions centers are recorded in, sorted, each once (any case).
    pub regions: Vec<String>,
    /// The network's iCalendar feed, written at its first request in each language (its name is in words).
    pub network_feed: Mutex<Vec<(String, axum::body::Bytes)>>,
}

/// A page of occurrences: how many the filters admit in the window, and those of the page.
pub struct Found<'a> {
    pub total: usize,
    pub page: Vec<&'a Occ>,
}

impl Calendar {
    /// The occurrences under way or starting in `[from, to)` of one center (or all) that `filter` admits: how many,
    /// and `limit` of them from `offset`, in order of start.
    pub fn find(
        &self,
        center: Option<OrgId>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        filter: &Filter,
        offset: usize,
        limit: usize,
    ) -> Found<'_> {
        let stretch = (from, to, false);
        self.scan(stretch, filter, |_, c| center.is_none_or(|want| want == c.id), offset, limit)
    }

    /// The occurrences the finder shows (`pathways_domain::community::in_finder`): those in `stretch` that `filter`
    /// admits and whose gathering `wanted` accepts (given it and its words, folded), how many and the first `limit`.
    pub fn find_for_finder(
        &self,
        stretch: &Stretch,
        filter: &Filter,
        wanted: impl Fn(&Listed) -> bool,
        limit: usize,
    ) -> Found<'_> {
        self.scan((stretch.from, stretch.to, stretch.starts_only), filter, |l, _| wanted(l), 0, limit)
    }

    /// The walk both share: `(from, to, starts_only)` read as [`Stretch::holds`] reads it.
    fn scan(
        &self,
        (from, to, starts_only): (DateTime<Utc>, DateTime<Utc>, bool),
        filter: &Filter,
        wanted: impl Fn(&Listed, &Center) -> bool,
        offset: usize,
        limit: usize,
    ) -> Found<'_> {
        let back = if starts_only { Duration::zero() } else { LONGEST };
        let first = self.occurrences.partition_point(|o| o.starts < from - back);
        let mut total = 0;
        let mut page = Vec::new();
        for o in self.occurrences[first..].iter().take_while(|o| o.starts < to) {
            if o.ends <= from {
                continue;
            }
            let Some(l) = self.gatherings.get(o.gathering as usize) else { continue };
            let c = &self.centers[l.center];
            if !wanted(l, c) {
                continue;
            }
            let d = &l.gathering.details;
            let entry = Entry {
                region: c.region.as_deref(),
                kind: d.kind,
                language: d.language,
                audience: d.audience,
                in_person: d.place.is_some(),
                online: d.online_url.is_some(),
                starts_local: o.local,
            };
            if filter.admits(&entry) {
                if total >= offset && page.len() < limit {
                    page.push(o);
                }
                total += 1;
            }
        }
        Found { total, page }
    }

    pub fn center_of(&self, o: &Occ) -> Option<(&Gathering, &Center)> {
        let l = self.gatherings.get(o.gathering as usize)?;
        Some((&l.gathering, self.centers.get(l.center)?))
    }
}

/// The calendar's snapshots (`crate::snapshot::Snapshots`).
pub type CalendarCache = Snapshots<Arc<Calendar>>;

impl Default for CalendarCache {
    fn default() -> Self {
        Snapshots::new("the community calendar")
    }
}

impl CalendarCache {
    /// The snapshot to answer from (`Snapshots::get`), expanded in the deployment's zone's days.
    pub async fn calendar(self: &Arc<Self>, store: &Store, tz: Tz) -> Result<Arc<Held<Arc<Calendar>>>, StoreError> {
        let store = store.clone();
        self.get(move |previous, changed_here| async move {
            build(&store, tz, previous.map(|p| Arc::clone(&p.value)), changed_here).await
        })
        .await
    }
}

async fn build(
    store: &Store,
    tz: Tz,
    previous: Option<Arc<Calendar>>,
    changed_here: bool,
) -> Result<Arc<Calendar>, StoreError> {
    let db = store.reader();
    let now = pathways_store::now();
    let day = now.with_timezone(&tz).date_naive();
    let centers = community::centers(db).await?;
    let fingerprint = community::fingerprint(db).await?;
    if let Some(p) = &previous
        && !changed_here
        && p.day == day
        && p.fingerprint == fingerprint
        && p.centers == centers
    {
        return Ok(Arc::clone(p));
    }
    let from = to_utc(tz, (day - Duration::days(1)).and_time(NaiveTime::MIN));
    let to = to_utc(tz, (day + Duration::days(HORIZON_DAYS)).and_time(NaiveTime::MIN));
    let rows = community::upcoming(db, from).await?;
    // What the previous snapshot expanded for this day, by gathering.
    let kept: HashMap<Uuid, (DateTime<Utc>, Starts, Arc<str>)> = match &previous {
        Some(p) if p.day == day => p
            .gatherings
            .iter()
            .map(|l| (l.gathering.id, (l.changed, Arc::clone(&l.starts), Arc::clone(&l.words))))
            .collect(),
        _ => HashMap::new(),
    };
    // A center renamed changes its gatherings' words.
    let centers_same = previous.as_ref().is_some_and(|p| p.centers == centers);
    let index: HashMap<OrgId, usize> = centers.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let mut gatherings = Vec::with_capacity(rows.len());
    for (g, changed) in rows {
        let Some(&center) = index.get(&g.organization) else { continue };
        let (starts, words) = match kept.get(&g.id) {
            Some((c, s, w)) if *c == changed && centers_same => (Arc::clone(s), Arc::clone(w)),
            _ => {
                let d = &g.details;
                let texts = [d.title.as_str(), d.description.as_deref().unwrap_or(""), centers[center].name.as_str()];
                (g.details.schedule.occurrences(g.time_zone, from, to).into(), in_finder::fold(&texts).into())
            }
        };
        gatherings.push(Listed { gathering: g, center, words, changed, starts });
    }
    let mut occurrences = Vec::new();
    for (i, l) in gatherings.iter().enumerate() {
        let len = l.gathering.details.schedule.duration();
        let Ok(i) = u32::try_from(i) else { break };
        for s in l.starts.iter() {
            let local = s.with_timezone(&l.gathering.time_zone).time();
            occurrences.push(Occ { starts: *s, ends: *s + len, local, gathering: i });
        }
    }
    let title = |o: &Occ| gatherings.get(o.gathering as usize).map(|l| l.gathering.details.title.as_str());
    occurrences.sort_by(|a, b| a.starts.cmp(&b.starts).then_with(|| title(a).cmp(&title(b))));
    let mut regions: Vec<String> = centers.iter().filter_map(|c| c.region.clone()).collect();
    regions.sort_by_key(|r| r.to_lowercase());
    regions.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    Ok(Arc::new(Calendar {
        read_at: now,
        day,
        fingerprint,
        centers,
        gatherings,
        occurrences,
        regions,
        network_feed: Mutex::default(),
    }))
}
