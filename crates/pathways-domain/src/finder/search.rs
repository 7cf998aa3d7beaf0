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
//! ([`Plan::rank_members`]). The count comes
//! from the lists' lengths or the build's prefix counts (one word), from the broad words' bitmaps (`dense.rs`), or
//! else goes on for at most [`COUNT_BUDGET`] more candidates: exact when the walk ends within it, otherwise a lower
//! bound ([`Page::at_least`]).

use std::collections::BinaryHeap;
use std::f64::consts::PI;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::clock::When;
use super::dense::{Union, count_all, has, members};
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
        let (mut found, mut whole, mut dense) = (Vec::new(), Vec::new(), Vec::new());
        for w in words(&q.words) {
            let range = ix.word_range(&w);
            if range.0 == range.1 {
                return None;
            }
            found.push(range);
            let is_whole = ix.word(range.0) == w;
            whole.push(is_whole);
            dense.push(if is_whole { ix.dense.word(range.0) } else { None });
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

    /// The exact count of a part from the bitmaps ([`Plan::dense_parts`]).
    fn dense_count(&self, lo: u32, hi: u32, flags: u8) -> Option<usize> {
        let parts = self.dense_parts(lo, hi, flags)?;
        Some(match &parts.sparse {
            None => count_all(&parts.maps, lo, hi),
            Some(lists) => Union::new(lists).filter(|&id| parts.has_all(id)).count(),
        })
    }

    /// The listings [`Plan::dense_count`] counts, ascending.
    fn dense_members(&self, lo: u32, hi: u32, flags: u8) -> Option<Vec<u32>> {
        let parts = self.dense_parts(lo, hi, flags)?;
        Some(match &parts.sparse {
            None => members(&parts.maps, lo, hi),
            Some(lists) => Union::new(lists).filter(|&id| parts.has_all(id)).collect(),
        })
    }

    /// Ranks `ids` (ascending, each with every query word) by score then name: a listing's score is the sum over
    /// the words of the heaviest tier that holds it.
    fn rank_members(&self, ids: &[u32], tiers: &[[Vec<&'a [u32]>; TIERS]], top: &mut Top) {
        let ix = self.ix;
        let mut cursors: Vec<Vec<Vec<Cursor<'_>>>> = tiers
            .iter()
            .map(|word| word.iter().map(|lists| lists.iter().map(|l| Cursor::new(l)).collect()).collect())
            .collect();
        for &id in ids {
            let mut score = 0;
            for word in &mut cursors {
                let tier = word.iter_mut().position(|lists| lists.iter_mut().any(|c| c.seek(id).is_some()));
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
    /// heavier). The count comes from the bitmaps when it can ([`Plan::dense_count`]), else from the walk, going
    /// on for at most [`COUNT_BUDGET`] candidates once ranking is done (then a lower bound).
    fn walk_words(&mut self, (lo, hi): (u32, u32), flags: u8, top: &mut Top) {
        let ix = self.ix;
        let tiers: Vec<[Vec<&'a [u32]>; TIERS]> = self.words.iter().map(|&r| self.tiers(r, lo, hi)).collect();
        let mut combos: Vec<(u32, Vec<usize>)> = vec![(0, Vec::new())];
        for word in &tiers {
            combos = combos
                .into_iter()
                .flat_map(|(sum, combo)| {
                    (0..TIERS).filter(|&t| word.get(t).is_some_and(|l| !l.is_empty())).map(move |t| {
                        let mut combo = combo.clone();
                        combo.push(t);
                        (sum + u32::from(weight_of(t)), combo)
                    })
                })
                .collect();
        }
        combos.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let known = self.dense_count(lo, hi, flags);
        let counted = known.is_some();
        top.total += known.unwrap_or(0);
        // Few listings have every word (two broad words that rarely meet): score those few, found in the
        // bitmaps, rather than walk each combination of weights far for a page that will not fill.
        let smallest = tiers.iter().map(|w| w.iter().flatten().map(|l| l.len()).sum::<usize>()).min().unwrap_or(0);
        if let Some(c) = known
            && c.saturating_mul(c) <= top.need.saturating_mul(smallest)
            && let Some(ids) = self.dense_members(lo, hi, flags)
        {
            self.rank_members(&ids, &tiers, top);
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
                // then each word at exactly this combination's weight.
                let exact = self.dense.iter().all(|d| d.is_none_or(|map| has(map, id)))
                    && same
                        .iter_mut()
                        .enumerate()
                        .all(|(k, lists)| k == driver || lists.iter_mut().any(|c| c.seek(id).is_some()))
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
            self.dense_count(lo, hi, flags)
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
