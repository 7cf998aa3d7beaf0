//! Answering a query. The listings are searched in two parts, those with a place and those without (near a
//! place the first are limited by distance, the second to the online ones). In each part the search starts
//! from its smallest source of candidates and checks the rest of the query per candidate, in ascending order,
//! so every other list is walked forward once. Each result gets a rank key (score, distance, start, name); only
//! the best `offset + limit` keys are kept, the rest only counted.
//!
//! Ranked by score then name (no place, no time window), a search whose smallest source is a word does not score
//! every match: one word is walked one weight at a time, heaviest first, in name order across the words it begins
//! ([`Plan::walk_word`]); two or three words one combination of weights at a time, heaviest sum first
//! ([`Plan::walk_words`]); either stops ranking once no listing left can beat the page's worst — unless the broad
//! words' bitmaps already say few listings have every word, then those few are found in the bitmaps and scored
//! ([`Plan::rank_members`]). One to three broad words alone (each with bitmaps by weight, `dense.rs`) are ranked the
//! same way but 64 listings at a time, from ANDs of bitmaps ([`Plan::rank_broad`]). The count comes
//! from the lists' lengths or the build's prefix counts (one word), from the broad words' bitmaps (`dense.rs`), or
//! else goes on for at most [`COUNT_BUDGET`] more candidates: exact when the walk ends within it, otherwise a lower
//! bound ([`Page::at_least`]).

use std::collections::BinaryHeap;
use std::f64::consts::PI;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::clock::When;
use super::dense::{Tiers, Union, count_all, has, members};
use super::lists::{Cursor, within};
use super::{Hit, IN_PERSON, Index, MEETING, ONLINE, Page, Query, TIERS, weight_of, words};
use crate::directory::geo::{BoundingBox, EARTH_RADIUS_MILES, LatLon, haversine_miles};
use crate::directory::schedule::{first_in_window, next_occurrence};

/// A word whose prefix covers more words than this is checked against one merged list rather than one list per
/// word.
const MAX_WORD_CURSORS: usize = 16;

/// Once a word-driven search has its page, how many more candidates it checks to count the results; past them
/// `total` counts what was found and is flagged a lower bound.
pub const COUNT_BUDGET: usize = 2048;

/// Searches by at most this many words (each a word or a short prefix) are ranked by walking their listings by
/// the weights they have for each word, heaviest sum first ([`Plan::walk_words`]): 4 weights per word, so at most
/// 64 combinations.
const MAX_COMBO_WORDS: usize = 3;

/// Once a word without a bitmap has been walked for the count, the listings found are all scored when there are
/// at most this many per result asked for (each a few bit tests and seeks, fewer than a walk per combination).
const MEMBERS_PER_PAGE: usize = 64;

/// The most listings a query word without a bitmap may have for a count from the other words' bitmaps to walk it.
const SPARSE_WALK: usize = 8192;

/// A result's rank key (smaller first) and listing.
type Keyed = (u128, u32);

/// Score (higher first), distance (a chord, nearer first), start (sooner first), name.
fn key(score: u32, chord2: f32, start: u64, name_rank: u32) -> u128 {
    let score = u128::from(0xFFFF - score.min(0xFFFF));
    let start = u128::from(start.min((1 << 48) - 1));
    (score << 112) | (u128::from(chord2.to_bits()) << 80) | (start << 32) | u128::from(name_rank)
}

fn score_of(key: u128) -> u32 {
    let inverted = u32::try_from(key >> 112).unwrap_or(0xFFFF);
    0xFFFF - inverted
}

fn chord2(a: [f32; 3], b: [f32; 3]) -> f32 {
    let (dx, dy, dz) = (a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    dx * dx + dy * dy + dz * dz
}

/// The listings of a word without a bitmap (its `lists`) in every bitmap of `parts`, ascending and each once: each
/// list tested bit by bit, the few that pass sorted (cheaper than merging the lists in order first).
fn sparse_members(parts: &DenseParts<'_>, lists: &[&[u32]]) -> Vec<u32> {
    let mut ids: Vec<u32> = lists.iter().flat_map(|l| l.iter().copied()).filter(|&id| parts.has_all(id)).collect();
    if lists.len() > 1 {
        ids.sort_unstable();
        ids.dedup();
    }
    ids
}

/// Every combination of the weights the `n` query words are found at (`present(word, tier)`), each with its sum,
/// heaviest sum first.
fn combinations(n: usize, present: impl Fn(usize, usize) -> bool + Copy) -> Vec<(u32, Vec<usize>)> {
    let mut combos: Vec<(u32, Vec<usize>)> = vec![(0, Vec::new())];
    for k in 0..n {
        combos = combos
            .into_iter()
            .flat_map(|(sum, combo)| {
                (0..TIERS).filter(move |&t| present(k, t)).map(move |t| {
                    let mut combo = combo.clone();
                    combo.push(t);
                    (sum + u32::from(weight_of(t)), combo)
                })
            })
            .collect();
    }
    combos.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    combos
}

/// Whether listing `id` has a broad word at exactly weight `weight_of(t)` (and no heavier), by its bitmaps.
fn exactly(word: &Tiers<'_>, t: usize, id: u32) -> bool {
    word.at_least.get(t).is_some_and(|map| has(map, id))
        && t.checked_sub(1).and_then(|h| word.at_least.get(h)).is_none_or(|map| !has(map, id))
}

/// A search near a place.
struct Near {
    center: LatLon,
    xyz: [f32; 3],
    radius: f64,
    /// The squared chord of the radius: a point is within it when its squared chord to the centre is no more.
    chord2: f32,
}

impl Near {
    fn new(center: LatLon, radius: f64) -> Self {
        let angle = radius / EARTH_RADIUS_MILES;
        let chord = if angle >= PI { 2.0 } else { 2.0 * (angle / 2.0).sin() };
        #[expect(clippy::cast_possible_truncation, reason = "compared with f32 chords")]
        let chord2 = (chord * chord) as f32;
        Self { center, xyz: super::unit_vector(center), radius, chord2 }
    }
}

/// The best keys so far (a max-heap of at most `need`), and how many results in all.
struct Top {
    need: usize,
    total: usize,
    /// `total` is a lower bound: counting stopped before the end.
    at_least: bool,
    heap: BinaryHeap<Keyed>,
}

impl Top {
    fn new(need: usize) -> Self {
        Self { need, total: 0, at_least: false, heap: BinaryHeap::new() }
    }

    fn push(&mut self, k: Keyed) {
        if self.heap.len() < self.need {
            self.heap.push(k);
        } else if self.heap.peek().is_some_and(|worst| k < *worst) {
            self.heap.pop();
            self.heap.push(k);
        }
    }

    /// Once `need` keys are kept, the worst of them: a key past it can't be among the best.
    fn cutoff(&self) -> Option<u128> {
        (self.heap.len() >= self.need).then(|| self.heap.peek().map_or(0, |k| k.0))
    }

    fn finish(self) -> (usize, bool, Vec<Keyed>) {
        (self.total, self.at_least, self.heap.into_sorted_vec())
    }
}

/// Where a part's candidates come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    All,
    Online,
    Facet(usize),
    Word(usize),
    Geo,
    Time,
}

/// A candidate as it goes through the checks.
#[derive(Clone, Copy, Debug)]
struct Cand {
    id: u32,
    score: u32,
    chord2: f32,
    start: u64,
}

impl Cand {
    fn new(id: u32) -> Self {
        Self { id, score: 0, chord2: f32::INFINITY, start: 0 }
    }
}

/// A query word checked per candidate: one cursor per word of the vocabulary it covers (with where that word's
/// weights start), or one merged list.
enum WordCheck<'a> {
    Lists(Vec<(Cursor<'a>, u8)>),
    Merged(Vec<u32>, Vec<u8>, usize),
}

/// What a part leaves to check per candidate: the filters and the words that are not its source.
struct Checks<'a> {
    facets: Vec<Cursor<'a>>,
    words: Vec<WordCheck<'a>>,
}

impl Checks<'_> {
    /// Whether the candidate has every filter and word (candidates must come in ascending order), and the words'
    /// score.
    fn score(&mut self, id: u32) -> Option<u32> {
        if !self.facets.iter_mut().all(|f| f.seek(id).is_some()) {
            return None;
        }
        let mut score = 0;
        for check in &mut self.words {
            let best = match check {
                WordCheck::Lists(lists) => lists.iter_mut().filter_map(|(cursor, w)| cursor.seek(id).map(|_| *w)).max(),
                WordCheck::Merged(ids, weights, pos) => {
                    let mut cursor = Cursor::at(ids, *pos);
                    let found = cursor.seek(id);
                    *pos = cursor.position();
                    found.and_then(|i| weights.get(i).copied())
                }
            };
            score += u32::from(best?);
        }
        Some(score)
    }

    /// Back to the start, for another ascending walk.
    fn rewind(&mut self) {
        for f in &mut self.facets {
            f.rewind();
        }
        for check in &mut self.words {
            match check {
                WordCheck::Lists(lists) => lists.iter_mut().for_each(|(c, _)| c.rewind()),
                WordCheck::Merged(_, _, pos) => *pos = 0,
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.facets.is_empty() && self.words.is_empty()
    }
}

/// The bitmaps a search by words ANDs, and the lists of its one word without a bitmap, if any (walked, testing
/// the bitmaps).
struct DenseParts<'a> {
    maps: Vec<&'a [u64]>,
    sparse: Option<Vec<&'a [u32]>>,
}

impl DenseParts<'_> {
    fn has_all(&self, id: u32) -> bool {
        self.maps.iter().all(|m| has(m, id))
    }
}

struct Plan<'a> {
    ix: &'a Index,
    words: Vec<(usize, usize)>,
    /// Whether each query word is itself a word of the vocabulary (the first of its range).
    whole: Vec<bool>,
    /// Each query word's bitmap, when it is a whole word broad enough to have one (`dense.rs`).
    dense: Vec<Option<&'a [u64]>>,
    /// And its bitmaps by weight.
    dense_tiers: Vec<Option<Tiers<'a>>>,
    facets: Vec<u32>,
    flags: u8,
    near: Option<Near>,
    when: Option<When>,
    /// Listings with a slot the window can reach, by listing (filled when first needed).
    timed: Option<Vec<u32>>,
}

impl Index {
    /// Runs a search: every hit, best first.
    pub fn search(&self, q: &Query, now: DateTime<Utc>, viewer_tz: Tz) -> Vec<Hit> {
        self.search_page(q, now, viewer_tz, 0, usize::MAX).hits
    }

    /// Runs a search: the `limit` hits after the best `offset`, and how many there are in all. Only these hits
    /// get a distance and an occurrence worked out in full.
    pub fn search_page(&self, q: &Query, now: DateTime<Utc>, viewer_tz: Tz, offset: usize, limit: usize) -> Page {
        let Some(mut plan) = Plan::new(self, q, now, viewer_tz) else { return Page::default() };
        let mut top = Top::new(offset.saturating_add(limit));
        plan.run(true, &mut top);
        plan.run(false, &mut top);
        let (total, at_least, keyed) = top.finish();
        let hits =
            keyed.into_iter().skip(offset).filter_map(|(k, id)| self.hit(id, score_of(k), q, now, viewer_tz)).collect();
        Page { total, at_least, hits }
    }

    fn hit(&self, id: u32, score: u32, q: &Query, now: DateTime<Utc>, viewer_tz: Tz) -> Option<Hit> {
        let l = self.listing(id)?;
        let distance_mi = q.near.zip(l.place()).map(|(c, p)| haversine_miles(c, p));
        let next = match q.window {
            Some(w) => first_in_window(l.slots(), w, now, viewer_tz),
            None => next_occurrence(l.slots(), now),
        };
        Some(Hit { listing: id, score, distance_mi, next })
    }

    fn facet(&self, kind: &str, code: &str) -> Option<u32> {
        let mut key = String::with_capacity(kind.len() + code.len());
        key.push_str(kind);
        key.push_str(code);
        self.facet_ids.get(key.as_str()).copied()
    }

    /// The points of the grid's ranges `geo` within `near`'s radius, as they lie, each a candidate with its
    /// distance.
    fn in_radius<'s>(&'s self, near: &'s Near, geo: &'s [(usize, usize)]) -> impl Iterator<Item = Cand> + 's {
        geo.iter().flat_map(|&(a, b)| self.geo.get(a..b).unwrap_or_default()).filter_map(|p| {
            let d = chord2(p.xyz, near.xyz);
            (d <= near.chord2).then_some(Cand { chord2: d, ..Cand::new(p.id) })
        })
    }

    /// The ranges of `geo` within a radius's bounding box, row by row of the grid.
    fn geo_ranges(&self, near: &Near) -> Vec<(usize, usize)> {
        let b = BoundingBox::around(near.center, near.radius);
        let (lat0, lat1) = (super::cell_of(b.min_lat()), super::cell_of(b.max_lat()));
        let mut out = Vec::new();
        for (lo, hi) in b.lon_ranges() {
            let (lon0, lon1) = (super::cell_of(lo), super::cell_of(hi));
            for lat in lat0..=lat1 {
                let first = self.cells.partition_point(|c| (c.lat, c.lon) < (lat, lon0));
                let last = self.cells.partition_point(|c| (c.lat, c.lon) <= (lat, lon1));
                if first < last {
                    let start = |i: usize| self.cells.get(i).map_or(self.geo.len(), |c| c.start as usize);
                    out.push((start(first), start(last)));
                }
            }
        }
        out
    }
}

impl<'a> Plan<'a> {
    /// The query in the index's terms; `None` when a word or a filter matches nothing at all.
    fn new(ix: &'a Index, q: &Query, now: DateTime<Utc>, viewer_tz: Tz) -> Option<Self> {
        let (mut found, mut whole, mut dense, mut dense_tiers) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for w in words(&q.words) {
            let range = ix.word_range(&w);
            if range.0 == range.1 {
                return None;
            }
            found.push(range);
            let is_whole = ix.word(range.0) == w;
            whole.push(is_whole);
            dense.push(if is_whole { ix.dense.word(range.0) } else { None });
            dense_tiers.push(if is_whole { ix.dense.tiers(range.0) } else { None });
        }
        let mut facets = Vec::new();
        if let Some(c) = &q.category {
            facets.push(ix.facet("c:", c)?);
        }
        if let Some(l) = &q.language {
            facets.push(ix.facet("l:", l)?);
        }
        if let Some(t) = &q.meeting_type {
            facets.push(ix.facet("t:", t)?);
        }
        for a in &q.attributes {
            facets.push(ix.facet("a:", a)?);
        }
        let mut flags = 0;
        if q.meetings_only {
            flags |= MEETING;
        }
        match q.online {
            Some(true) => flags |= ONLINE,
            Some(false) => flags |= IN_PERSON,
            None => {}
        }
        let radius = if q.radius_mi > 0.0 { q.radius_mi } else { 25.0 };
        Some(Self {
            ix,
            words: found,
            whole,
            dense,
            dense_tiers,
            facets,
            flags,
            near: q.near.map(|c| Near::new(c, radius)),
            when: q.window.map(|w| When::new(w, now, viewer_tz, &ix.zones)),
            timed: None,
        })
    }

    /// The lists of a word's vocabulary range within `lo..hi` (one per word and weight, the empty ones left
    /// out), each with its weight.
    fn word_lists(&self, (first, last): (usize, usize), lo: u32, hi: u32) -> Vec<(&'a [u32], u8)> {
        let ix = self.ix;
        (first * TIERS..last * TIERS)
            .map(|k| (within(ix.postings.get(k), lo, hi), weight_of(k % TIERS)))
            .filter(|(part, _)| !part.is_empty())
            .collect()
    }

    /// A word's listings within `lo..hi` merged, each with its best weight: the longest list as it is, the others
    /// (usually a few listings) sorted together, then one merge of the two.
    fn merged(&self, range: (usize, usize), lo: u32, hi: u32) -> (Vec<u32>, Vec<u8>) {
        let mut lists = self.word_lists(range, lo, hi);
        let longest = lists.iter().enumerate().max_by_key(|(_, l)| l.0.len()).map_or(0, |(i, _)| i);
        let (big, big_weight) = if lists.is_empty() { (&[][..], 0) } else { lists.swap_remove(longest) };
        let mut rest: Vec<(u32, u8)> =
            lists.into_iter().flat_map(|(list, w)| list.iter().map(move |&id| (id, w))).collect();
        rest.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        rest.dedup_by_key(|e| e.0);
        let (mut ids, mut weights) =
            (Vec::with_capacity(big.len() + rest.len()), Vec::with_capacity(big.len() + rest.len()));
        let mut others = rest.into_iter().peekable();
        for &id in big {
            while let Some(&(o, w)) = others.peek().filter(|o| o.0 < id) {
                ids.push(o);
                weights.push(w);
                others.next();
            }
            let mut w = big_weight;
            if let Some(&(_, ow)) = others.peek().filter(|o| o.0 == id) {
                w = w.max(ow);
                others.next();
            }
            ids.push(id);
            weights.push(w);
        }
        for (o, w) in others {
            ids.push(o);
            weights.push(w);
        }
        (ids, weights)
    }

    /// How many listings a word has within `lo..hi` (an upper bound when its prefix covers many words).
    fn word_size(&self, (first, last): (usize, usize), lo: u32, hi: u32) -> usize {
        let ix = self.ix;
        if last - first > 4 * MAX_WORD_CURSORS {
            return ix.postings.start(last * TIERS) - ix.postings.start(first * TIERS);
        }
        (first * TIERS..last * TIERS).map(|k| within(ix.postings.get(k), lo, hi).len()).sum()
    }

    /// The listings with a slot the window can reach, by listing: a superset of those with an occurrence in it,
    /// which each candidate's own test (after the cheaper checks: flags, distance, filters) narrows.
    fn timed(&mut self) -> &[u32] {
        if self.timed.is_none() {
            let ix = self.ix;
            // Marked in a bitmap of every listing, then read back in order: sorted and each once, without sorting
            // the thousands of slots a national window holds (the sort was a tenth of such a search's time).
            let mut bits = vec![0u64; ix.recs.len().div_ceil(64)];
            if let Some(when) = &self.when {
                for z in 0..ix.zone_slots.lists() {
                    let entries = ix.zone_slots.get(z);
                    for (a, b) in when.week_ranges(z, ix.longest_slot) {
                        let from = entries.partition_point(|e| e.0 < a);
                        let to = entries.partition_point(|e| e.0 <= b);
                        for e in entries.get(from..to).unwrap_or_default() {
                            if let Some(word) = bits.get_mut(e.1 as usize / 64) {
                                *word |= 1 << (e.1 % 64);
                            }
                        }
                    }
                }
            }
            let mut ids = Vec::new();
            for (w, &word) in (0u32..).zip(&bits) {
                let mut rest = word;
                while rest != 0 {
                    ids.push(w * 64 + rest.trailing_zeros());
                    rest &= rest - 1;
                }
            }
            self.timed = Some(ids);
        }
        self.timed.as_deref().unwrap_or_default()
    }

    /// How many slots the window can reach (an upper bound of the timed listings).
    fn time_size(&self) -> usize {
        let (ix, Some(when)) = (self.ix, &self.when) else { return usize::MAX };
        if let Some(t) = &self.timed {
            return t.len();
        }
        (0..ix.zone_slots.lists())
            .map(|z| {
                let entries = ix.zone_slots.get(z);
                when.week_ranges(z, ix.longest_slot)
                    .into_iter()
                    .map(|(a, b)| entries.partition_point(|e| e.0 <= b) - entries.partition_point(|e| e.0 < a))
                    .sum::<usize>()
            })
            .sum()
    }

    /// Searches the placed listings (`placed`) or the unplaced ones.
    fn run(&mut self, placed: bool, top: &mut Top) {
        let ix = self.ix;
        let (lo, hi) =
            if placed { (0, ix.placed) } else { (ix.placed, u32::try_from(ix.recs.len()).unwrap_or(u32::MAX)) };
        if lo >= hi {
            return;
        }
        let mut flags = self.flags;
        if !placed && self.near.is_some() {
            // Near a place, a listing without one counts only when it is online.
            flags |= ONLINE;
        }
        let geo = if placed { self.near.as_ref().map(|n| ix.geo_ranges(n)) } else { None };

        // The smallest source.
        // (Every listing is a source only without words: a word's lists never hold more than every listing,
        // though a prefix's size, summed over its words, may say so.)
        let mut sources: Vec<(usize, Source)> = Vec::new();
        if !placed && flags & ONLINE != 0 {
            // The online ones are some of every listing, never more: when all of them are online (often so
            // without a place) every listing would tie, be walked and each tested for the flag.
            sources.push((ix.unplaced_online.len(), Source::Online));
        } else if self.words.is_empty() {
            sources.push(((hi - lo) as usize, Source::All));
        }
        for (i, &f) in self.facets.iter().enumerate() {
            sources.push((within(ix.facets.get(f as usize), lo, hi).len(), Source::Facet(i)));
        }
        for (i, &range) in self.words.iter().enumerate() {
            sources.push((self.word_size(range, lo, hi), Source::Word(i)));
        }
        if let Some(g) = &geo {
            sources.push((g.iter().map(|(a, b)| b - a).sum(), Source::Geo));
        }
        if self.when.is_some() {
            sources.push((self.time_size(), Source::Time));
        }
        let Some(&(size, source)) = sources.iter().min_by_key(|s| s.0) else { return };
        if size == 0 {
            return;
        }
        if source == Source::Online {
            flags &= !ONLINE;
        }

        let name_ranked = self.near.is_none() && self.when.is_none();
        if matches!(source, Source::Word(_)) && name_ranked && self.rank_broad((lo, hi, placed), flags, top) {
            return;
        }
        if let Source::Word(d) = source
            && name_ranked
            && self.words.get(d).is_some_and(|r| r.1 - r.0 <= MAX_WORD_CURSORS)
        {
            // A word covering many words ("for": "ford", "forest" …) is walked beside the others only when its
            // bitmap can turn away the listings without it before its many lists are sought.
            if (2..=MAX_COMBO_WORDS).contains(&self.words.len())
                && self.words.iter().zip(&self.dense).all(|(r, d)| r.1 - r.0 <= MAX_WORD_CURSORS || d.is_some())
            {
                self.walk_words((lo, hi), flags, top);
            } else {
                self.walk_word(d, (lo, hi, placed), flags, top);
            }
            return;
        }

        // What the source leaves to check.
        let mut checks = self.checks(source, lo, hi);
        let check_geo = placed && source != Source::Geo;
        let ranked_by_name = self.words.is_empty() && self.when.is_none() && !(placed && self.near.is_some());
        let nothing_to_check =
            flags == 0 && checks.is_empty() && (!check_geo || self.near.is_none()) && self.when.is_none();

        // Every candidate of a list that needs no check and is in name order: count it, rank only its head.
        if nothing_to_check && ranked_by_name {
            let list: Option<&[u32]> = match source {
                Source::Online => Some(&ix.unplaced_online),
                Source::Facet(i) => self.facets.get(i).map(|&f| within(ix.facets.get(f as usize), lo, hi)),
                _ => None,
            };
            let head: Vec<u32> = match (source, list) {
                (Source::All, _) => (lo..hi).take(top.need).collect(),
                (_, Some(list)) => list.iter().copied().take(top.need).collect(),
                _ => Vec::new(),
            };
            if source == Source::All || list.is_some() {
                top.total += size;
                for id in head {
                    top.push((key(0, f32::INFINITY, 0, ix.name_rank.get(id as usize).copied().unwrap_or(0)), id));
                }
                return;
            }
        }

        // Near a place and nothing else: the nearest, counting the rest.
        if nothing_to_check
            && source == Source::Geo
            && let (Some(n), Some(geo)) = (self.near.as_ref(), geo.as_deref())
        {
            self.nearest(n, geo, top);
            return;
        }

        // Candidates come in listing order only when a list is walked alongside them.
        let ordered = !checks.is_empty();
        if source == Source::Time {
            self.timed();
        }
        let near = if check_geo { self.near.as_ref() } else { None };
        let when = self.when.as_ref();
        let mut pushed = 0;
        let mut consider = |mut c: Cand| {
            let id = c.id as usize;
            if flags != 0 && ix.flags.get(id).is_none_or(|&f| f & flags != flags) {
                return;
            }
            if let Some(n) = near {
                let Some(&p) = ix.xyz.get(id) else { return };
                let d = chord2(p, n.xyz);
                if d > n.chord2 {
                    return;
                }
                c.chord2 = d;
            }
            let Some(score) = checks.score(c.id) else { return };
            c.score += score;
            if let Some(w) = when {
                let start = ix.slots.start(id);
                let slots = ix.slots.get(id);
                let zones = ix.slot_zones.get(start..start + slots.len()).unwrap_or_default();
                match w.first_fit(slots, zones) {
                    Some((s, _)) => c.start = w.start_key(s),
                    None => return,
                }
            }
            top.total += 1;
            if ranked_by_name && pushed >= top.need {
                return;
            }
            // Score, distance and start first: a candidate they already place after the page's worst needs no
            // name (a look-up in another array).
            if top.cutoff().is_some_and(|worst| key(c.score, c.chord2, c.start, 0) > worst) {
                return;
            }
            pushed += 1;
            let rank = ix.name_rank.get(id).copied().unwrap_or(0);
            top.push((key(c.score, c.chord2, c.start, rank), c.id));
        };
        if let (Source::Geo, false, Some(n), Some(geo)) = (source, ordered, self.near.as_ref(), geo.as_deref()) {
            // The grid's points as they lie, each tested against the radius: no list of candidates is made.
            ix.in_radius(n, geo).for_each(&mut consider);
            return;
        }
        for c in self.candidates(source, (lo, hi), geo.as_deref(), ordered) {
            consider(c);
        }
    }

    /// A part searched near a place and by nothing else: every point of the grid's cells `geo` within the radius
    /// counts, and only one nearer than the page's worst (or as near: then its name decides) is looked up by name
    /// and ranked. The points are read where they lie, one distance test each.
    fn nearest(&self, n: &Near, geo: &[(usize, usize)], top: &mut Top) {
        let ix = self.ix;
        // The worst distance a key of score 0 and no start may have to enter the page (every such key loses to
        // one with a score).
        let worst_of = |cutoff: Option<u128>| match cutoff {
            None => f32::INFINITY,
            Some(k) if k >> 112 == 0xFFFF => f32::from_bits(u32::try_from((k >> 80) & 0xFFFF_FFFF).unwrap_or(u32::MAX)),
            Some(_) => f32::NEG_INFINITY,
        };
        let mut worst = worst_of(top.cutoff());
        for c in ix.in_radius(n, geo) {
            top.total += 1;
            if c.chord2 > worst {
                continue;
            }
            let rank = ix.name_rank.get(c.id as usize).copied().unwrap_or(0);
            top.push((key(0, c.chord2, 0, rank), c.id));
            worst = worst_of(top.cutoff());
        }
    }

    /// The filters and words a part checks per candidate (all but its source).
    fn checks(&self, source: Source, lo: u32, hi: u32) -> Checks<'a> {
        let Checks { facets, .. } = self.facet_checks(source, lo, hi);
        let mut words = Vec::new();
        for (i, &range) in self.words.iter().enumerate() {
            if source == Source::Word(i) {
                continue;
            }
            if range.1 - range.0 > MAX_WORD_CURSORS {
                let (ids, weights) = self.merged(range, lo, hi);
                words.push(WordCheck::Merged(ids, weights, 0));
            } else {
                let lists = self.word_lists(range, lo, hi).into_iter().map(|(l, w)| (Cursor::new(l), w)).collect();
                words.push(WordCheck::Lists(lists));
            }
        }
        Checks { facets, words }
    }

    /// The filters a part checks per candidate (all but its source), and no word.
    fn facet_checks(&self, source: Source, lo: u32, hi: u32) -> Checks<'a> {
        let ix = self.ix;
        let facets = self
            .facets
            .iter()
            .enumerate()
            .filter(|&(i, _)| source != Source::Facet(i))
            .map(|(_, &f)| Cursor::new(within(ix.facets.get(f as usize), lo, hi)))
            .collect();
        Checks { facets, words: Vec::new() }
    }

    /// A word's lists within `lo..hi`, by tier (heaviest first): the lists of the words of its range that have
    /// it at that weight.
    fn tiers(&self, (first, last): (usize, usize), lo: u32, hi: u32) -> [Vec<&'a [u32]>; TIERS] {
        let ix = self.ix;
        let mut out: [Vec<&'a [u32]>; TIERS] = Default::default();
        for k in first * TIERS..last * TIERS {
            let list = within(ix.postings.get(k), lo, hi);
            if let (false, Some(tier)) = (list.is_empty(), out.get_mut(k % TIERS)) {
                tier.push(list);
            }
        }
        out
    }

    /// What the bitmaps can answer of a part searched by words (and the meeting, online and in-person flags)
    /// alone: every query word but at most one has a bitmap, and the one without (a rarer word, or a prefix that
    /// is no word of its own) has few enough listings ([`SPARSE_WALK`]) to walk, testing the others' bits. The
    /// bitmaps to AND, and that word's lists if there is one; `None` when a filter is asked for or two words
    /// have no bitmap.
    fn dense_parts(&self, lo: u32, hi: u32, flags: u8) -> Option<DenseParts<'a>> {
        if !self.facets.is_empty() || self.words.is_empty() || flags & !(MEETING | ONLINE | IN_PERSON) != 0 {
            return None;
        }
        let mut maps: Vec<&'a [u64]> = self.ix.dense.flags(flags).collect();
        let mut sparse = None;
        for (i, d) in self.dense.iter().enumerate() {
            match d {
                Some(map) => maps.push(map),
                None if sparse.is_none() => sparse = Some(i),
                None => return None,
            }
        }
        let Some(i) = sparse else { return Some(DenseParts { maps, sparse: None }) };
        let range = *self.words.get(i)?;
        if range.1 - range.0 > MAX_WORD_CURSORS || self.word_size(range, lo, hi) > SPARSE_WALK {
            return None;
        }
        let lists = self.word_lists(range, lo, hi).into_iter().map(|l| l.0).collect();
        Some(DenseParts { maps, sparse: Some(lists) })
    }

    /// The listings [`Plan::dense_known`] counts, ascending.
    fn dense_members(&self, lo: u32, hi: u32, flags: u8) -> Option<Vec<u32>> {
        let parts = self.dense_parts(lo, hi, flags)?;
        Some(match &parts.sparse {
            None => members(&parts.maps, lo, hi),
            Some(lists) => sparse_members(&parts, lists),
        })
    }

    /// The exact count of a part from the bitmaps ([`Plan::dense_parts`]), and when a word without a bitmap was
    /// walked for it, the listings counted (ascending).
    fn dense_known(&self, lo: u32, hi: u32, flags: u8) -> Option<(usize, Option<Vec<u32>>)> {
        let parts = self.dense_parts(lo, hi, flags)?;
        Some(match &parts.sparse {
            None => (count_all(&parts.maps, lo, hi), None),
            Some(lists) => {
                let ids = sparse_members(&parts, lists);
                (ids.len(), Some(ids))
            }
        })
    }

    /// Ranks `ids` (ascending, each with every query word) by score then name: a listing's score is the sum over
    /// the words of the heaviest tier that holds it.
    /// A word with bitmaps by weight in `bits` is read from them, the others from their `tiers`.
    fn rank_members(&self, ids: &[u32], tiers: &[[Vec<&'a [u32]>; TIERS]], bits: &[Option<Tiers<'a>>], top: &mut Top) {
        let ix = self.ix;
        let mut cursors: Vec<Vec<Vec<Cursor<'_>>>> = tiers
            .iter()
            .map(|word| word.iter().map(|lists| lists.iter().map(|l| Cursor::new(l)).collect()).collect())
            .collect();
        for &id in ids {
            let mut score = 0;
            for (word, by_weight) in cursors.iter_mut().zip(bits) {
                let tier = match by_weight {
                    Some(b) => b.at_least.iter().position(|map| has(map, id)),
                    None => word.iter_mut().position(|lists| lists.iter_mut().any(|c| c.seek(id).is_some())),
                };
                score += tier.map_or(0, |t| u32::from(weight_of(t)));
            }
            let rank = ix.name_rank.get(id as usize).copied().unwrap_or(0);
            top.push((key(score, f32::INFINITY, 0, rank), id));
        }
    }

    /// A part ranked by score then name, searched by two or three words (and filters): a listing's score is the
    /// sum of the weights it has for each word, so its listings are walked one combination of weights at a time,
    /// heaviest sum first — within one, every listing has the same score and comes in name order. Once the page
    /// is full, a combination whose sum can't beat its worst ends the ranking, and within a combination the first
    /// listing named after the page's worst ends that combination's. In each combination the word whose lists
    /// are shortest drives the walk; a listing counts in it when it has each word at exactly that weight (and no
    /// heavier). The count comes from the bitmaps when it can ([`Plan::dense_known`]), else from the walk, going
    /// on for at most [`COUNT_BUDGET`] candidates once ranking is done (then a lower bound).
    fn walk_words(&mut self, (lo, hi): (u32, u32), flags: u8, top: &mut Top) {
        let ix = self.ix;
        // A broad word beside one that is not is checked by its bitmaps by weight (a test of two bits), its lists
        // not even gathered (a word beginning hundreds of others has thousands); the walk is driven by a word
        // without them. Every word broad (here only with filters): all by their lists.
        let bits: Vec<Option<Tiers<'a>>> = if self.dense_tiers.iter().all(Option::is_some) {
            vec![None; self.words.len()]
        } else {
            self.dense_tiers.clone()
        };
        let tiers: Vec<[Vec<&'a [u32]>; TIERS]> = self
            .words
            .iter()
            .zip(&bits)
            .map(|(&r, b)| if b.is_some() { Default::default() } else { self.tiers(r, lo, hi) })
            .collect();
        let present = |k: usize, t: usize| match bits.get(k).copied().flatten() {
            Some(b) => b.present & (1 << t) != 0,
            None => tiers.get(k).and_then(|w| w.get(t)).is_some_and(|l| !l.is_empty()),
        };
        let combos = combinations(tiers.len(), present);
        let (known, walked) = self.dense_known(lo, hi, flags).map_or((None, None), |(c, ids)| (Some(c), ids));
        let counted = known.is_some();
        top.total += known.unwrap_or(0);
        // The listings with every word already found by walking the word without a bitmap, and not many: score
        // them all rather than walk its lists again for each combination of weights.
        if let (Some(ids), Some(c)) = (&walked, known)
            && c <= top.need.saturating_mul(MEMBERS_PER_PAGE)
        {
            self.rank_members(ids, &tiers, &bits, top);
            return;
        }
        // Few listings have every word (two broad words that rarely meet): score those few, found in the
        // bitmaps, rather than walk each combination of weights far for a page that will not fill.
        let smallest = tiers
            .iter()
            .zip(&bits)
            .filter(|(_, b)| b.is_none())
            .map(|(w, _)| w.iter().flatten().map(|l| l.len()).sum::<usize>())
            .min()
            .unwrap_or(0);
        if let Some(c) = known
            && c.saturating_mul(c) <= top.need.saturating_mul(smallest)
            && let Some(ids) = walked.or_else(|| self.dense_members(lo, hi, flags))
        {
            self.rank_members(&ids, &tiers, &bits, top);
            return;
        }
        let mut facets = self.facet_checks(Source::All, lo, hi);
        let rank_of = |id: u32| ix.name_rank.get(id as usize).copied().unwrap_or(0);
        let lists_at = |k: usize, t: usize| tiers.get(k).and_then(|w| w.get(t)).map(Vec::as_slice).unwrap_or_default();
        let mut ranking = true;
        let mut budget = COUNT_BUDGET;
        for (sum, combo) in combos {
            if ranking && top.cutoff().is_some_and(|c| key(sum, f32::INFINITY, 0, 0) > c) {
                ranking = false;
            }
            if !ranking && (counted || budget == 0) {
                return;
            }
            let tier = |k: usize| combo.get(k).copied().unwrap_or(0);
            let driver = (0..tiers.len())
                .filter(|&k| bits.get(k).is_none_or(Option::is_none))
                .min_by_key(|&k| lists_at(k, tier(k)).iter().map(|l| l.len()).sum::<usize>())
                .unwrap_or(0);
            let mut same: Vec<Vec<Cursor<'_>>> =
                (0..tiers.len()).map(|k| lists_at(k, tier(k)).iter().map(|l| Cursor::new(l)).collect()).collect();
            let mut heavier: Vec<Vec<Cursor<'_>>> = (0..tiers.len())
                .map(|k| (0..tier(k)).flat_map(|t| lists_at(k, t)).map(|l| Cursor::new(l)).collect())
                .collect();
            facets.rewind();
            let mut walking = ranking;
            for id in Union::new(lists_at(driver, tier(driver))) {
                if walking && top.cutoff().is_some_and(|c| key(sum, f32::INFINITY, 0, rank_of(id)) > c) {
                    walking = false;
                    if counted {
                        break;
                    }
                }
                if !walking {
                    if budget == 0 {
                        top.at_least = true;
                        break;
                    }
                    budget -= 1;
                }
                // Every word's bitmap first (a listing without one of the words is turned away in one test),
                // then each word at exactly this combination's weight: by its bitmaps by weight, or its lists.
                let exact = self.dense.iter().all(|d| d.is_none_or(|map| has(map, id)))
                    && same.iter_mut().zip(&bits).enumerate().all(|(k, (lists, by_weight))| match by_weight {
                        Some(b) => exactly(b, tier(k), id),
                        None => k == driver || lists.iter_mut().any(|c| c.seek(id).is_some()),
                    })
                    && heavier.iter_mut().all(|lists| !lists.iter_mut().any(|c| c.seek(id).is_some()));
                if !exact || (flags != 0 && ix.flags.get(id as usize).is_none_or(|&f| f & flags != flags)) {
                    continue;
                }
                if facets.score(id).is_none() {
                    continue;
                }
                if !counted {
                    top.total += 1;
                }
                if walking {
                    top.push((key(sum, f32::INFINITY, 0, rank_of(id)), id));
                }
            }
        }
    }

    /// A part ranked by score then name, searched by one to three broad words alone (each a whole word with
    /// bitmaps, however many words it begins) and at most the meeting, online and in-person flags: counted by the
    /// bitmaps (one word alone: by the build's prefix counts) and ranked 64 listings at a time
    /// ([`Plan::rank_blocks`]). `false` when the search is not of that kind.
    fn rank_broad(&self, (lo, hi, placed): (u32, u32, bool), flags: u8, top: &mut Top) -> bool {
        if !self.facets.is_empty()
            || !(1..=MAX_COMBO_WORDS).contains(&self.words.len())
            || flags & !(MEETING | ONLINE | IN_PERSON) != 0
        {
            return false;
        }
        let Some(words) = self.dense_tiers.iter().copied().collect::<Option<Vec<Tiers<'a>>>>() else { return false };
        let alone = match (self.words.as_slice(), flags) {
            ([range], 0) => self.ix.prefix_counts.get(usize::from(!placed)).and_then(|c| c.get(range.0)),
            _ => None,
        };
        let Some(count) = alone.map(|&c| c as usize).or_else(|| self.dense_known(lo, hi, flags).map(|k| k.0)) else {
            return false;
        };
        top.total += count;
        let combos = combinations(words.len(), |k, t| words.get(k).is_some_and(|w| w.present & (1 << t) != 0));
        self.rank_blocks(&words, &combos, (lo, hi), flags, top);
        true
    }

    /// Ranks a part searched by broad words alone ([`Plan::rank_broad`]), one combination of weights at a time,
    /// heaviest sum first, as [`Plan::walk_words`] does — but 64 listings at a time: the listings with each word
    /// at exactly its weight in the combination are an AND of bitmaps (at that weight or heavier, and not at the
    /// next heavier), in listing order, which is name order within a part; the summaries skip every 64 listings
    /// where one of those weights has nobody. A combination ends at its first listing named after the page's
    /// worst, and the ranking at the first combination whose sum can't beat it.
    fn rank_blocks(
        &self,
        words: &[Tiers<'a>],
        combos: &[(u32, Vec<usize>)],
        (lo, hi): (u32, u32),
        flags: u8,
        top: &mut Top,
    ) {
        let ix = self.ix;
        let flag_maps: Vec<&[u64]> = ix.dense.flags(flags).collect();
        let (first, last) = (lo as usize / 64, (hi as usize - 1) / 64);
        let mut maps: Vec<(&[u64], Option<&[u64]>)> = Vec::with_capacity(words.len());
        let mut summaries: Vec<&[u64]> = Vec::with_capacity(words.len());
        for (sum, combo) in combos {
            if top.cutoff().is_some_and(|c| key(*sum, f32::INFINITY, 0, 0) > c) {
                return;
            }
            maps.clear();
            summaries.clear();
            for (word, &t) in words.iter().zip(combo) {
                let at = |t: usize| word.at_least.get(t).copied().unwrap_or_default();
                maps.push((at(t), t.checked_sub(1).map(at)));
                summaries.push(word.blocks.get(t).copied().unwrap_or_default());
            }
            'combo: for s in first / 64..=last / 64 {
                let mut group = summaries.iter().fold(u64::MAX, |acc, m| acc & m.get(s).copied().unwrap_or(0));
                while group != 0 {
                    let block = s * 64 + group.trailing_zeros() as usize;
                    group &= group - 1;
                    if block < first || block > last {
                        continue;
                    }
                    let mut x = maps.iter().fold(u64::MAX, |acc, (at, heavier)| {
                        acc & at.get(block).copied().unwrap_or(0)
                            & !heavier.and_then(|h| h.get(block)).copied().unwrap_or(0)
                    });
                    x = flag_maps.iter().fold(x, |acc, m| acc & m.get(block).copied().unwrap_or(0));
                    if block == first {
                        x &= u64::MAX << (lo % 64);
                    }
                    if block == last {
                        x &= u64::MAX >> (63 - (hi - 1) % 64);
                    }
                    while x != 0 {
                        let Ok(id) = u32::try_from(block * 64 + x.trailing_zeros() as usize) else { break 'combo };
                        x &= x - 1;
                        let k = key(*sum, f32::INFINITY, 0, ix.name_rank.get(id as usize).copied().unwrap_or(0));
                        if top.cutoff().is_some_and(|c| k > c) {
                            break 'combo;
                        }
                        top.push((k, id));
                    }
                }
            }
        }
    }

    /// A part ranked by score then name whose smallest source is word `d`: its listings are walked one weight at a
    /// time, heaviest first, and within a weight in listing order (which is name order within a part) over all the
    /// lists of that weight (a prefix covers several words). A listing's score is at most that weight plus the
    /// other words' heaviest, and its name comes after those already walked at that weight, so once the page is
    /// full and that bound can't beat its worst, ranking stops; counting goes on for [`COUNT_BUDGET`] candidates.
    fn walk_word(&mut self, d: usize, (lo, hi, placed): (u32, u32, bool), flags: u8, top: &mut Top) {
        let ix = self.ix;
        let Some(&range) = self.words.get(d) else { return };
        let tiers = self.tiers(range, lo, hi);
        let others_best: u32 = self
            .words
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != d)
            .map(|(_, &r)| self.word_lists(r, lo, hi).iter().map(|l| u32::from(l.1)).max().unwrap_or(0))
            .sum();
        let mut checks = self.checks(Source::Word(d), lo, hi);
        // One query word and nothing else: the count is known without a walk when it is one word of the
        // vocabulary (its lists are disjoint) or a whole word beginning others (counted at build).
        let alone = self.words.len() == 1 && checks.is_empty() && flags == 0;
        let known = if !alone {
            self.dense_known(lo, hi, flags).map(|k| k.0)
        } else if range.1 - range.0 == 1 {
            Some(tiers.iter().flatten().map(|l| l.len()).sum::<usize>())
        } else if self.whole.first() == Some(&true) {
            let part = usize::from(!placed);
            ix.prefix_counts.get(part).and_then(|c| c.get(range.0)).map(|&c| c as usize)
        } else {
            None
        };
        let counted = known.is_some();
        top.total += known.unwrap_or(0);
        let rank_of = |id: u32| ix.name_rank.get(id as usize).copied().unwrap_or(0);
        let mut ranking = true;
        let mut budget = COUNT_BUDGET;
        for (t, lists) in tiers.iter().enumerate() {
            if lists.is_empty() {
                continue;
            }
            let weight = weight_of(t);
            let bound = u32::from(weight) + others_best;
            if ranking && top.cutoff().is_some_and(|c| key(bound, f32::INFINITY, 0, 0) > c) {
                ranking = false;
            }
            if !ranking && counted {
                return;
            }
            checks.rewind();
            // A listing under a heavier weight (of another word of the prefix) was taken there.
            let mut heavier: Vec<Cursor<'_>> =
                tiers.get(..t).unwrap_or_default().iter().flatten().map(|l| Cursor::new(l)).collect();
            for id in Union::new(lists) {
                if ranking && top.cutoff().is_some_and(|c| key(bound, f32::INFINITY, 0, rank_of(id)) > c) {
                    ranking = false;
                    if counted {
                        return;
                    }
                }
                if !ranking {
                    if budget == 0 {
                        top.at_least = true;
                        return;
                    }
                    budget -= 1;
                }
                if heavier.iter_mut().any(|c| c.seek(id).is_some()) {
                    continue;
                }
                if flags != 0 && ix.flags.get(id as usize).is_none_or(|&f| f & flags != flags) {
                    continue;
                }
                let Some(score) = checks.score(id) else { continue };
                if !counted {
                    top.total += 1;
                }
                if ranking {
                    top.push((key(u32::from(weight) + score, f32::INFINITY, 0, rank_of(id)), id));
                }
            }
        }
    }

    /// A part's candidates from its source, ascending (from the grid, only when `ordered`; from the times, once
    /// [`Plan::timed`] has filled them).
    fn candidates(
        &self,
        source: Source,
        (lo, hi): (u32, u32),
        geo: Option<&[(usize, usize)]>,
        ordered: bool,
    ) -> Vec<Cand> {
        let ix = self.ix;
        match source {
            Source::All => (lo..hi).map(Cand::new).collect(),
            Source::Online => ix.unplaced_online.iter().map(|&id| Cand::new(id)).collect(),
            Source::Facet(i) => self
                .facets
                .get(i)
                .map(|&f| within(ix.facets.get(f as usize), lo, hi).iter().map(|&id| Cand::new(id)).collect())
                .unwrap_or_default(),
            Source::Word(i) => {
                let Some(&range) = self.words.get(i) else { return Vec::new() };
                let lists = self.word_lists(range, lo, hi);
                let weighted = |(id, w): (u32, u8)| Cand { score: u32::from(w), ..Cand::new(id) };
                match lists.as_slice() {
                    [(list, w)] => list.iter().map(|&id| weighted((id, *w))).collect(),
                    _ => {
                        let (ids, weights) = self.merged(range, lo, hi);
                        ids.into_iter().zip(weights).map(weighted).collect()
                    }
                }
            }
            Source::Geo => {
                let (Some(n), Some(geo)) = (&self.near, geo) else { return Vec::new() };
                let mut out: Vec<Cand> = ix.in_radius(n, geo).collect();
                if ordered {
                    out.sort_unstable_by_key(|c| c.id);
                }
                out
            }
            // (Filled by `timed` before.)
            Source::Time => {
                within(self.timed.as_deref().unwrap_or_default(), lo, hi).iter().map(|&id| Cand::new(id)).collect()
            }
        }
    }
}
