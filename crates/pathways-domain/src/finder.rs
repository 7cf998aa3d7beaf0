//! The finder's search index: every listing (a service at a place, or an online service) in memory, with an
//! inverted index over its words, its places in grid order and its weekly times, so a search by words, place and
//! time is answered without the database. Pure: the web layer feeds it the directory's rows one at a time
//! ([`IndexBuilder`]) and rebuilds it when the directory's version moves.
//!
//! What a search means (the rules the tests hold):
//! - Words: each query word must match a word of the listing, exactly or as the start of one (three letters or
//!   more), accents and case ignored; a match in the name weighs more than one in the categories, and those more
//!   than one in the description. A listing's score is the sum, over the query words, of its best match.
//! - Near a place: listings within the radius, and listings without a place that are online.
//! - Results are ordered by score, then distance, then (for time searches) start, then name; `total` counts
//!   every result, however few are asked for.
//!
//! How it stays fast and small at national scale (160,000 listings):
//! - A listing keeps only what is shown and filtered by: its texts in one arena, organizations and towns
//!   interned, coordinates as `f32` (about a metre) and as a unit vector, weekly slots. Keywords and descriptions
//!   are only indexed.
//! - Listings are numbered by name (ties in the order they were added), those with a place first. Every list of
//!   listings is sorted by that number, so a page of "everything" needs no sorting, and a list splits into the
//!   placed and the unplaced with one binary search.
//! - Words are interned in a sorted vocabulary: a prefix is a range of it. Each word has a sorted posting list
//!   with the weight it was found at; filters (category, language, type, attribute) are posting lists too.
//! - A search starts from its smallest source (a word's postings, a filter's, the grid cells a radius covers,
//!   the weekly slots a time window can reach, or everything) and checks the rest per candidate, walking each
//!   other list forward by galloping. Only the page asked for is fully ranked; the rest is counted.
//! - Time windows are integer comparisons: per search, each time zone's wall clock around "now" (its offset, and
//!   the one change of offset the coming days may bring) is worked out once, and every slot is tested against
//!   it. This follows [`crate::directory::schedule`] exactly, daylight-saving gaps and overlaps included, with one
//!   assumption: a zone changes its offset at most once within fifteen days (true of every zone in the tz
//!   database today). The shown occurrence of each result on the page comes from the schedule module itself.

mod build;
mod clock;
mod dense;
mod lists;
mod search;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use chrono_tz::Tz;
use uuid::Uuid;

use crate::directory::geo::LatLon;
use crate::directory::schedule::{Occurrence, WeeklySlot, Window};

pub use build::IndexBuilder;
pub use search::COUNT_BUDGET;

/// How much a word found in each part of a listing counts.
pub const WEIGHT_NAME: u8 = 4;
pub const WEIGHT_CATEGORY: u8 = 3;
pub const WEIGHT_PLACE: u8 = 2;
pub const WEIGHT_TEXT: u8 = 1;
/// How many weights a word can have in a listing (each word's postings are split by it).
const TIERS: usize = 4;

/// The tier of a weight (0 for the heaviest).
fn tier_of(weight: u8) -> u8 {
    WEIGHT_NAME - weight.clamp(WEIGHT_TEXT, WEIGHT_NAME)
}

/// The weight of a tier.
fn weight_of(tier: usize) -> u8 {
    WEIGHT_NAME.saturating_sub(u8::try_from(tier).unwrap_or(WEIGHT_NAME))
}

/// Query words shorter than this match whole words only.
const MIN_PREFIX: usize = 3;
/// Grid cell size in degrees (about 7 miles north–south): a 10-mile radius covers a few cells.
const CELL_DEG: f64 = 0.1;

/// One listing as it is given to the index, borrowing its texts (the index keeps a compact copy of what it
/// shows and filters by).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing<'a> {
    pub service_id: Uuid,
    pub location_id: Option<Uuid>,
    pub name: &'a str,
    pub organization: &'a str,
    pub description: &'a str,
    /// Taxonomy term codes (with their parents), e.g. `mutual-help`, `smart-recovery`.
    pub categories: Vec<&'a str>,
    /// Meeting Guide type codes (`O`, `C`, `SP`…).
    pub meeting_types: Vec<&'a str>,
    /// Language codes (`en`, `es`).
    pub languages: Vec<&'a str>,
    /// Other attributes as `vocabulary:code` (`pathway:peer`, `population:veterans`, `cost:medicaid`).
    pub attributes: Vec<&'a str>,
    /// Extra words to find it by (category and type names in every language, keywords).
    pub keywords: Vec<&'a str>,
    pub place: Option<LatLon>,
    pub approximate: bool,
    pub address: &'a str,
    pub city: &'a str,
    pub postal_code: &'a str,
    pub phone: Option<&'a str>,
    pub online_url: Option<&'a str>,
    pub is_meeting: bool,
    pub online: bool,
    pub in_person: bool,
    pub slots: Vec<WeeklySlot>,
}

/// What a search asks for. Empty fields don't filter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub words: String,
    pub near: Option<LatLon>,
    pub radius_mi: f64,
    pub category: Option<String>,
    pub language: Option<String>,
    /// Each an `vocabulary:code` attribute the listing must have.
    pub attributes: Vec<String>,
    pub meeting_type: Option<String>,
    pub window: Option<Window>,
    /// `Some(true)`: online only; `Some(false)`: in person only.
    pub online: Option<bool>,
    pub meetings_only: bool,
}

/// One result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub listing: u32,
    pub score: u32,
    pub distance_mi: Option<f64>,
    pub next: Option<Occurrence>,
}

/// The results a page asked for, and how many there are in all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub total: usize,
    /// `total` is a lower bound ("more than"): a search ranked by words alone stops counting once counting
    /// would cost more than ranking (see `search`); otherwise it is exact.
    pub at_least: bool,
    pub hits: Vec<Hit>,
}

/// A stretch of the index's text arena.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Span {
    start: u32,
    len: u32,
}

const PLACED: u8 = 1;
const MEETING: u8 = 2;
const ONLINE: u8 = 4;
const IN_PERSON: u8 = 8;
const APPROXIMATE: u8 = 16;

/// What the index keeps of one listing.
#[derive(Clone, Copy, Debug, Default)]
struct Rec {
    service_id: Uuid,
    location_id: Option<Uuid>,
    name: Span,
    address: Span,
    phone: Span,
    url: Span,
    /// Interned strings.
    organization: u32,
    city: u32,
    lat: f32,
    lon: f32,
    flags: u8,
}

/// Many lists in one array: list `k` is `items[starts[k]..starts[k + 1]]`.
#[derive(Clone, Debug)]
struct Packed<T> {
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T> Default for Packed<T> {
    fn default() -> Self {
        Self { starts: Vec::new(), items: Vec::new() }
    }
}

impl<T> Packed<T> {
    fn get(&self, k: usize) -> &[T] {
        let at = |i: usize| self.starts.get(i).map_or(0, |&s| s as usize);
        self.items.get(at(k)..at(k + 1)).unwrap_or_default()
    }

    /// The first index of list `k` within `items`.
    fn start(&self, k: usize) -> usize {
        self.starts.get(k).map_or(0, |&s| s as usize)
    }

    fn lists(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }
}

/// A listing with a place, in grid order: where it is (as a unit vector, so a distance test is a dot product)
/// and which listing it is.
#[derive(Clone, Copy, Debug, Default)]
struct GeoPoint {
    xyz: [f32; 3],
    id: u32,
}

/// One grid cell: its key and where its points start in [`Index::geo`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Cell {
    lat: i32,
    lon: i32,
    start: u32,
}

/// The index.
#[derive(Debug, Default)]
pub struct Index {
    recs: Vec<Rec>,
    /// Each listing's flags again, packed densely for the checks a search makes per candidate.
    flags: Vec<u8>,
    /// Each listing's place in name order (listings are numbered by name within placed and unplaced).
    name_rank: Vec<u32>,
    text: String,
    /// Organizations and towns.
    strings: Vec<Box<str>>,
    /// The unit vector of each placed listing (those numbered below `placed`).
    xyz: Vec<[f32; 3]>,
    placed: u32,
    /// Each listing's weekly slots, and the zone (an index into `zones`) of each slot.
    slots: Packed<WeeklySlot>,
    slot_zones: Vec<u16>,
    /// Each listing's categories (facet ids), in the order given.
    categories: Packed<u32>,
    /// Every indexed word, sorted, in one string: word `k` is `vocabulary[word_ends[k - 1]..word_ends[k]]`.
    vocabulary: String,
    word_ends: Vec<u32>,
    /// Word → listings, split by the weight of the best field the word was found in: list `TIERS · word + tier`
    /// holds the listings where the word weighs [`weight_of`]`(tier)`, in listing order (tier 0 weighs most).
    postings: Packed<u32>,
    /// Per part (placed, unplaced) and word, how many listings have a word it begins (itself included): the
    /// count of a query word that is a whole word of the vocabulary.
    prefix_counts: [Vec<u32>; 2],
    /// Filters (`c:` category, `t:` meeting type, `l:` language, `a:` attribute) → listings.
    facet_ids: HashMap<Box<str>, u32>,
    facet_names: Vec<Box<str>>,
    facets: Packed<u32>,
    /// Placed listings by grid cell, and the cells in order.
    geo: Vec<GeoPoint>,
    cells: Vec<Cell>,
    /// Unplaced listings that are online (what a search near a place adds).
    unplaced_online: Vec<u32>,
    /// The time zones of the slots, and per zone its slots as (second of the week, listing), sorted.
    zones: Vec<Tz>,
    zone_slots: Packed<(u32, u32)>,
    /// The longest slot, in seconds (how far back a meeting in progress can have started).
    longest_slot: i64,
    /// Bitmaps of the broad words and of the flags (`dense.rs`): exact counts of searches by common words.
    dense: dense::Dense,
}

/// One listing of the index, as results show it.
#[derive(Clone, Copy, Debug)]
pub struct ListingView<'a> {
    index: &'a Index,
    id: u32,
    rec: &'a Rec,
}

impl<'a> ListingView<'a> {
    /// Its number in the index ([`Hit::listing`]).
    pub fn id(&self) -> u32 {
        self.id
    }

    pub fn service_id(&self) -> Uuid {
        self.rec.service_id
    }

    pub fn location_id(&self) -> Option<Uuid> {
        self.rec.location_id
    }

    pub fn name(&self) -> &'a str {
        self.index.span(self.rec.name)
    }

    pub fn organization(&self) -> &'a str {
        self.index.string(self.rec.organization)
    }

    pub fn address(&self) -> &'a str {
        self.index.span(self.rec.address)
    }

    pub fn city(&self) -> &'a str {
        self.index.string(self.rec.city)
    }

    pub fn phone(&self) -> Option<&'a str> {
        Some(self.index.span(self.rec.phone)).filter(|p| !p.is_empty())
    }

    pub fn online_url(&self) -> Option<&'a str> {
        Some(self.index.span(self.rec.url)).filter(|u| !u.is_empty())
    }

    /// Where it is, to about a metre.
    pub fn place(&self) -> Option<LatLon> {
        if self.rec.flags & PLACED == 0 {
            return None;
        }
        LatLon::new(f64::from(self.rec.lat), f64::from(self.rec.lon)).ok()
    }

    pub fn approximate(&self) -> bool {
        self.rec.flags & APPROXIMATE != 0
    }

    pub fn is_meeting(&self) -> bool {
        self.rec.flags & MEETING != 0
    }

    pub fn online(&self) -> bool {
        self.rec.flags & ONLINE != 0
    }

    pub fn in_person(&self) -> bool {
        self.rec.flags & IN_PERSON != 0
    }

    /// Taxonomy term codes, in the order given.
    pub fn categories(&self) -> impl Iterator<Item = &'a str> + 'a {
        let index = self.index;
        index
            .categories
            .get(self.id as usize)
            .iter()
            .filter_map(move |&f| index.facet_names.get(f as usize).and_then(|name| name.strip_prefix("c:")))
    }

    pub fn slots(&self) -> &'a [WeeklySlot] {
        self.index.slots.get(self.id as usize)
    }

    /// The zone of its schedule (of its first slot), if it has one.
    pub fn time_zone(&self) -> Option<Tz> {
        self.slots().first().map(|s| s.tz)
    }
}

/// Lower-case, accents folded, split on anything that is not a letter or digit.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| {
        let mut out = String::with_capacity(w.len());
        fold_into(w, &mut out);
        out
    })
}

/// Calls `f` with each word of `text`, folded, reusing `buf`: what [`words`] gives, without allocating.
fn each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    if !text.is_ascii() {
        for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            buf.clear();
            fold_into(w, buf);
            f(buf);
        }
        return;
    }
    for w in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        buf.clear();
        buf.push_str(w);
        buf.make_ascii_lowercase();
        f(buf);
    }
}

fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    out.extend(word.chars().flat_map(char::to_lowercase).map(|c| match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        c => c,
    }));
}

/// The unit vector of a point on the sphere.
fn unit_vector(p: LatLon) -> [f32; 3] {
    let (lat, lon) = (p.lat().to_radians(), p.lon().to_radians());
    #[expect(clippy::cast_possible_truncation, reason = "f32 holds a unit vector to about a metre")]
    [(lat.cos() * lon.cos()) as f32, (lat.cos() * lon.sin()) as f32, lat.sin() as f32]
}

fn cell_of(degrees: f64) -> i32 {
    #[expect(clippy::cast_possible_truncation, reason = "degrees / 0.1 is within ±1800")]
    let c = (degrees / CELL_DEG).floor() as i32;
    c
}

impl Index {
    /// Builds the index at once from listings (the web layer streams them through an [`IndexBuilder`]).
    pub fn build<'a>(listings: impl IntoIterator<Item = Listing<'a>>) -> Self {
        let mut b = IndexBuilder::default();
        for l in listings {
            b.add(&l);
        }
        b.finish()
    }

    pub fn len(&self) -> usize {
        self.recs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.recs.is_empty()
    }

    pub fn listing(&self, i: u32) -> Option<ListingView<'_>> {
        self.recs.get(i as usize).map(|rec| ListingView { index: self, id: i, rec })
    }

    /// The listings of one service.
    pub fn of_service(&self, id: Uuid) -> impl Iterator<Item = ListingView<'_>> {
        (0..self.recs.len()).filter_map(move |i| {
            let i = u32::try_from(i).ok()?;
            self.listing(i).filter(|l| l.service_id() == id)
        })
    }

    /// About how many bytes the index holds on the heap (what its lists reserve; for logs and benchmarks).
    pub fn heap_bytes(&self) -> usize {
        fn v<T>(x: &Vec<T>) -> usize {
            x.capacity() * std::mem::size_of::<T>()
        }
        fn p<T>(x: &Packed<T>) -> usize {
            v(&x.starts) + v(&x.items)
        }
        let strings: usize = self.strings.iter().map(|s| s.len()).sum::<usize>() + v(&self.strings);
        let facet_names: usize = self.facet_names.iter().map(|s| s.len()).sum::<usize>() + v(&self.facet_names);
        v(&self.recs)
            + v(&self.flags)
            + v(&self.name_rank)
            + self.text.capacity()
            + strings
            + v(&self.xyz)
            + p(&self.slots)
            + v(&self.slot_zones)
            + p(&self.categories)
            + self.vocabulary.capacity()
            + v(&self.word_ends)
            + p(&self.postings)
            + self.prefix_counts.iter().map(v).sum::<usize>()
            + self.dense.heap_bytes()
            + 2 * facet_names
            + p(&self.facets)
            + v(&self.geo)
            + v(&self.cells)
            + v(&self.unplaced_online)
            + v(&self.zones)
            + p(&self.zone_slots)
    }

    /// How many distinct words and postings the index holds (for logs).
    pub fn words_and_postings(&self) -> (usize, usize) {
        (self.word_ends.len(), self.postings.items.len())
    }

    fn span(&self, s: Span) -> &str {
        let start = s.start as usize;
        self.text.get(start..start + s.len as usize).unwrap_or_default()
    }

    fn string(&self, i: u32) -> &str {
        self.strings.get(i as usize).map_or("", |s| s)
    }

    /// Word `k` of the vocabulary.
    fn word(&self, k: usize) -> &str {
        let start = if k == 0 { 0 } else { self.word_ends.get(k - 1).map_or(0, |&e| e as usize) };
        let end = self.word_ends.get(k).map_or(start, |&e| e as usize);
        self.vocabulary.get(start..end).unwrap_or_default()
    }

    /// The words a query word matches, as a range of the vocabulary: itself only when short, else every word it
    /// begins.
    fn word_range(&self, w: &str) -> (usize, usize) {
        let n = self.word_ends.len();
        let lo = partition(n, |k| self.word(k) < w);
        if w.chars().count() < MIN_PREFIX {
            return if lo < n && self.word(lo) == w { (lo, lo + 1) } else { (lo, lo) };
        }
        // Words that start with `w` follow `w` directly in sorted order.
        let hi = lo + partition(n - lo, |k| self.word(lo + k).starts_with(w));
        (lo, hi)
    }
}

/// The first `k` in `0..n` for which `below(k)` is false (`below` must be true, then false).
fn partition(n: usize, below: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
