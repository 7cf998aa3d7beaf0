//! Building the index one listing at a time: each listing is reduced at once to what the index keeps, its words
//! to numbers (texts that repeat, such as category keywords and towns, are split once), and everything is
//! numbered and packed when the last one is in.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono_tz::Tz;

use super::clock::second_of_week;
use super::{
    APPROXIMATE, Cell, GeoPoint, IN_PERSON, Index, Listing, MEETING, MIN_PREFIX, ONLINE, PLACED, Packed, Rec, Span,
    TIERS, WEIGHT_CATEGORY, WEIGHT_NAME, WEIGHT_PLACE, WEIGHT_TEXT, cell_of, each_word, tier_of, unit_vector,
};
use crate::directory::geo::LatLon;
use crate::directory::schedule::WeeklySlot;

/// FxHash (the hash rustc uses for its own tables): a multiply per eight bytes, against SipHash's rounds. The
/// keys are the directory's own words and names, which only staff and operators' imports put there, and a
/// build is not a request: flooding the tables is no concern.
#[derive(Clone, Copy, Debug, Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let mut word = [0u8; 8];
        let tail = chunks.remainder();
        if let Some(w) = word.get_mut(..tail.len()) {
            w.copy_from_slice(tail);
        }
        self.add(u64::from_le_bytes(word) ^ (tail.len() as u64) << 56);
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// Collects listings for an [`Index`]; [`IndexBuilder::finish`] packs them.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    recs: Vec<Rec>,
    places: Vec<Option<LatLon>>,
    text: String,
    strings: Vec<Box<str>>,
    string_ids: FxMap<Box<str>, u32>,
    /// Word → number, in the order first seen.
    words: FxMap<Box<str>, u32>,
    /// Texts seen before → their word numbers.
    split: FxMap<Box<str>, Box<[u32]>>,
    /// Each listing's (word, weight), word numbers ascending.
    found: Packed<(u32, u8)>,
    facet_ids: FxMap<Box<str>, u32>,
    facet_names: Vec<Box<str>>,
    /// Each listing's facets, ascending.
    facets: Packed<u32>,
    categories: Packed<u32>,
    slots: Packed<WeeklySlot>,
    slot_zones: Vec<u16>,
    zones: Vec<Tz>,
    zone_ids: HashMap<Tz, u16>,
    scratch: Vec<(u32, u8)>,
    /// Per word: the last listing (plus one) it was found in, and its best weight there.
    seen_in: Vec<u32>,
    best: Vec<u8>,
    listing_facets: Vec<u32>,
    listing_categories: Vec<u32>,
    word: String,
    key: String,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Appends a list to packed lists (starting the first).
fn push_list<T: Copy>(p: &mut Packed<T>, items: &[T]) {
    if p.starts.is_empty() {
        p.starts.push(0);
    }
    p.items.extend_from_slice(items);
    p.starts.push(count(p.items.len()));
}

impl IndexBuilder {
    /// How many listings so far.
    pub fn len(&self) -> usize {
        self.recs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.recs.is_empty()
    }

    fn push_text(&mut self, s: &str) -> Span {
        let start = self.text.len();
        match (u32::try_from(start), u32::try_from(s.len())) {
            (Ok(start), Ok(len)) if u32::try_from(start as usize + s.len()).is_ok() => {
                self.text.push_str(s);
                Span { start, len }
            }
            // Past 4 GiB of text (never at any real scale) a text is left out rather than garbled.
            _ => Span::default(),
        }
    }

    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.string_ids.get(s) {
            return i;
        }
        let i = count(self.strings.len());
        self.strings.push(s.into());
        self.string_ids.insert(s.into(), i);
        i
    }

    fn facet(&mut self, kind: &str, code: &str) -> u32 {
        self.key.clear();
        self.key.push_str(kind);
        self.key.push_str(code);
        if let Some(&i) = self.facet_ids.get(self.key.as_str()) {
            return i;
        }
        let i = count(self.facet_names.len());
        self.facet_names.push(self.key.as_str().into());
        self.facet_ids.insert(self.key.as_str().into(), i);
        i
    }

    fn zone(&mut self, tz: Tz) -> u16 {
        if let Some(&z) = self.zone_ids.get(&tz) {
            return z;
        }
        let z = u16::try_from(self.zones.len()).unwrap_or(u16::MAX);
        self.zones.push(tz);
        self.zone_ids.insert(tz, z);
        z
    }

    /// Adds the words of `text` at `weight`; `repeats` for texts many listings share (split once, remembered).
    fn index_text(&mut self, text: &str, weight: u8, repeats: bool) {
        if text.is_empty() {
            return;
        }
        if repeats && let Some(ids) = self.split.get(text) {
            self.scratch.extend(ids.iter().map(|&w| (w, weight)));
            return;
        }
        let start = self.scratch.len();
        let Self { words, scratch, word, .. } = self;
        each_word(text, word, |w| {
            let next = count(words.len());
            let id = match words.get(w) {
                Some(&id) => id,
                None => {
                    words.insert(w.into(), next);
                    next
                }
            };
            scratch.push((id, weight));
        });
        if repeats {
            let ids: Box<[u32]> = self.scratch.get(start..).unwrap_or_default().iter().map(|&(w, _)| w).collect();
            self.split.insert(text.into(), ids);
        }
    }

    /// Adds a listing.
    pub fn add(&mut self, l: &Listing<'_>) {
        if self.recs.len() >= u32::MAX as usize - 1 {
            return;
        }
        self.scratch.clear();
        self.index_text(l.name, WEIGHT_NAME, false);
        self.index_text(l.organization, WEIGHT_TEXT, true);
        for k in &l.keywords {
            self.index_text(k, WEIGHT_CATEGORY, true);
        }
        for c in &l.categories {
            self.index_text(c, WEIGHT_CATEGORY, true);
        }
        self.index_text(l.city, WEIGHT_PLACE, true);
        self.index_text(l.postal_code, WEIGHT_PLACE, true);
        self.index_text(l.address, WEIGHT_TEXT, false);
        self.index_text(l.description, WEIGHT_TEXT, false);
        // Each word once, at its best weight.
        let stamp = count(self.recs.len()) + 1;
        let words = self.words.len();
        if self.seen_in.len() < words {
            self.seen_in.resize(words, 0);
            self.best.resize(words, 0);
        }
        if self.found.starts.is_empty() {
            self.found.starts.push(0);
        }
        let first = self.found.items.len();
        for &(w, weight) in &self.scratch {
            let (Some(seen), Some(best)) = (self.seen_in.get_mut(w as usize), self.best.get_mut(w as usize)) else {
                continue;
            };
            if *seen == stamp {
                *best = (*best).max(weight);
            } else {
                *seen = stamp;
                *best = weight;
                self.found.items.push((w, 0));
            }
        }
        for (w, weight) in self.found.items.get_mut(first..).unwrap_or_default() {
            *weight = self.best.get(*w as usize).copied().unwrap_or(0);
        }
        self.found.starts.push(count(self.found.items.len()));

        self.listing_categories.clear();
        self.listing_facets.clear();
        for c in &l.categories {
            let f = self.facet("c:", c);
            self.listing_categories.push(f);
        }
        for (kind, codes) in [("t:", &l.meeting_types), ("l:", &l.languages), ("a:", &l.attributes)] {
            for code in codes {
                let f = self.facet(kind, code);
                self.listing_facets.push(f);
            }
        }
        self.listing_facets.extend_from_slice(&self.listing_categories);
        self.listing_facets.sort_unstable();
        self.listing_facets.dedup();
        push_list(&mut self.facets, &self.listing_facets);
        push_list(&mut self.categories, &self.listing_categories);

        for s in &l.slots {
            let z = self.zone(s.tz);
            self.slot_zones.push(z);
        }
        push_list(&mut self.slots, &l.slots);

        let flag = |on: bool, f: u8| if on { f } else { 0 };
        #[expect(clippy::cast_possible_truncation, reason = "f32 keeps a coordinate to about a metre")]
        let (lat, lon) = l.place.map_or((0.0, 0.0), |p| (p.lat() as f32, p.lon() as f32));
        let rec = Rec {
            service_id: l.service_id,
            location_id: l.location_id,
            name: self.push_text(l.name),
            address: self.push_text(l.address),
            phone: self.push_text(l.phone.unwrap_or_default()),
            url: self.push_text(l.online_url.unwrap_or_default()),
            organization: self.intern(l.organization),
            city: self.intern(l.city),
            lat,
            lon,
            flags: flag(l.place.is_some(), PLACED)
                | flag(l.is_meeting, MEETING)
                | flag(l.online, ONLINE)
                | flag(l.in_person, IN_PERSON)
                | flag(l.approximate, APPROXIMATE),
        };
        self.recs.push(rec);
        self.places.push(l.place);
    }

    fn name(&self, i: usize) -> &str {
        let s = self.recs.get(i).map(|r| r.name).unwrap_or_default();
        self.text.get(s.start as usize..(s.start + s.len) as usize).unwrap_or_default()
    }

    /// Numbers the listings (placed first, each part by name) and packs everything.
    pub fn finish(self) -> Index {
        let n = self.recs.len();
        let mut by_name: Vec<u32> = (0..count(n)).collect();
        by_name.sort_by(|&a, &b| self.name(a as usize).cmp(self.name(b as usize)).then(a.cmp(&b)));
        let is_placed = |i: u32| self.places.get(i as usize).is_some_and(Option::is_some);
        // order[new] = old
        let order: Vec<u32> = by_name
            .iter()
            .copied()
            .filter(|&i| is_placed(i))
            .chain(by_name.iter().copied().filter(|&i| !is_placed(i)))
            .collect();
        let placed = count(order.iter().take_while(|&&i| is_placed(i)).count());
        let mut rank_of_old = vec![0u32; n];
        for (rank, &old) in by_name.iter().enumerate() {
            if let Some(r) = rank_of_old.get_mut(old as usize) {
                *r = count(rank);
            }
        }
        let name_rank: Vec<u32> =
            order.iter().map(|&old| rank_of_old.get(old as usize).copied().unwrap_or(0)).collect();

        // The vocabulary, sorted; word numbers renumbered to match.
        let mut vocabulary: Vec<(Box<str>, u32)> = self.words.into_iter().collect();
        vocabulary.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut renumber = vec![0u32; vocabulary.len()];
        let mut text = String::with_capacity(vocabulary.iter().map(|w| w.0.len()).sum());
        let mut word_ends = Vec::with_capacity(vocabulary.len());
        for (new, (w, old)) in vocabulary.iter().enumerate() {
            if let Some(r) = renumber.get_mut(*old as usize) {
                *r = count(new);
            }
            text.push_str(w);
            word_ends.push(count(text.len()));
        }
        // Each word's nearest prefix in the vocabulary (of at least MIN_PREFIX letters): a query word is the
        // range of the words it begins, so counting each listing once under every such prefix of its words gives
        // a whole word's match count, per part, without walking its lists.
        let mut parent = vec![u32::MAX; vocabulary.len()];
        let mut chain: Vec<usize> = Vec::new();
        for (k, (w, _)) in vocabulary.iter().enumerate() {
            while let Some(&top) = chain.last() {
                if vocabulary.get(top).is_some_and(|p| w.starts_with(&*p.0)) {
                    break;
                }
                chain.pop();
            }
            if let (Some(&top), Some(p)) = (chain.last(), parent.get_mut(k)) {
                *p = count(top);
            }
            if w.chars().count() >= MIN_PREFIX {
                chain.push(k);
            }
        }
        drop(vocabulary);
        let mut prefix_counts = [vec![0u32; renumber.len()], vec![0u32; renumber.len()]];
        let mut stamp = vec![0u32; renumber.len()];
        for old in 0..n {
            let part = usize::from(!is_placed(count(old)));
            let mark = count(old) + 1;
            for &(w, _) in self.found.get(old) {
                let mut at = renumber.get(w as usize).copied().unwrap_or(u32::MAX);
                while let Some(seen) = stamp.get_mut(at as usize) {
                    if *seen == mark {
                        break;
                    }
                    *seen = mark;
                    if let Some(c) = prefix_counts.get_mut(part).and_then(|p| p.get_mut(at as usize)) {
                        *c += 1;
                    }
                    at = parent.get(at as usize).copied().unwrap_or(u32::MAX);
                }
            }
        }
        drop((parent, stamp));

        // Each word's listings in four lists, one per weight (best first), each in listing order.
        let (postings, _) = invert(&self.found, &order, renumber.len() * TIERS, |&(w, weight)| {
            let word = renumber.get(w as usize).copied().unwrap_or(0);
            (word * count(TIERS) + u32::from(tier_of(weight)), 0)
        });
        let (facets, _) = invert(&self.facets, &order, self.facet_names.len(), |&f| (f, 0));

        let mut slots = Packed::default();
        let mut slot_zones = Vec::with_capacity(self.slot_zones.len());
        let mut categories = Packed::default();
        let mut recs = Vec::with_capacity(n);
        for &old in &order {
            let old = old as usize;
            push_list(&mut slots, self.slots.get(old));
            let start = self.slots.start(old);
            slot_zones
                .extend_from_slice(self.slot_zones.get(start..start + self.slots.get(old).len()).unwrap_or_default());
            push_list(&mut categories, self.categories.get(old));
            recs.push(self.recs.get(old).copied().unwrap_or_default());
        }

        // Placed listings by grid cell.
        let mut points: Vec<(i32, i32, GeoPoint)> = Vec::with_capacity(placed as usize);
        let mut xyz = Vec::with_capacity(placed as usize);
        for (new, &old) in order.iter().take(placed as usize).enumerate() {
            let Some(Some(p)) = self.places.get(old as usize) else { continue };
            let v = unit_vector(*p);
            xyz.push(v);
            points.push((cell_of(p.lat()), cell_of(p.lon()), GeoPoint { xyz: v, id: count(new) }));
        }
        points.sort_unstable_by_key(|&(la, lo, p)| (la, lo, p.id));
        let mut cells: Vec<Cell> = Vec::new();
        for (i, &(lat, lon, _)) in points.iter().enumerate() {
            if cells.last().is_none_or(|c| (c.lat, c.lon) != (lat, lon)) {
                cells.push(Cell { lat, lon, start: count(i) });
            }
        }
        let geo: Vec<GeoPoint> = points.into_iter().map(|(_, _, p)| p).collect();

        let unplaced_online: Vec<u32> =
            (placed..count(n)).filter(|&i| recs.get(i as usize).is_some_and(|r| r.flags & ONLINE != 0)).collect();

        // Per zone, the slots by second of the week.
        let mut timed: Vec<(u16, u32, u32)> = Vec::with_capacity(slots.items.len());
        let mut longest_slot = 0;
        for id in 0..n {
            let start = slots.start(id);
            for (k, s) in slots.get(id).iter().enumerate() {
                let z = slot_zones.get(start + k).copied().unwrap_or(0);
                timed.push((z, second_of_week(s), count(id)));
                longest_slot = longest_slot.max(s.length().num_seconds());
            }
        }
        timed.sort_unstable();
        let mut zone_slots = Packed { starts: vec![0], items: Vec::with_capacity(timed.len()) };
        let mut at = 0;
        for z in 0..self.zones.len() {
            while timed.get(at).is_some_and(|t| usize::from(t.0) == z) {
                if let Some(&(_, sow, id)) = timed.get(at) {
                    zone_slots.items.push((sow, id));
                }
                at += 1;
            }
            zone_slots.starts.push(count(zone_slots.items.len()));
        }

        let mut ix = Index {
            flags: recs.iter().map(|r| r.flags).collect(),
            recs,
            name_rank,
            text: self.text,
            strings: self.strings,
            xyz,
            placed,
            slots,
            slot_zones,
            categories,
            vocabulary: text,
            word_ends,
            postings,
            prefix_counts,
            facet_ids: self.facet_ids.into_iter().collect(),
            facet_names: self.facet_names,
            facets,
            geo,
            cells,
            unplaced_online,
            zones: self.zones,
            zone_slots,
            longest_slot,
            dense: super::dense::Dense::default(),
        };
        ix.dense = super::dense::Dense::build(&ix);
        ix
    }
}

/// Turns per-listing lists of keys into per-key lists of listings (in the new numbering, so each comes out
/// sorted), with a byte carried along (the weight).
fn invert<T>(
    per_listing: &Packed<T>,
    order: &[u32],
    keys: usize,
    key_of: impl Fn(&T) -> (u32, u8),
) -> (Packed<u32>, Vec<u8>) {
    let mut starts = vec![0u32; keys + 1];
    for item in &per_listing.items {
        let (k, _) = key_of(item);
        if let Some(c) = starts.get_mut(k as usize + 1) {
            *c += 1;
        }
    }
    for k in 0..keys {
        let before = starts.get(k).copied().unwrap_or(0);
        if let Some(c) = starts.get_mut(k + 1) {
            *c += before;
        }
    }
    let total = starts.last().copied().unwrap_or(0) as usize;
    let mut next = starts.clone();
    let mut items = vec![0u32; total];
    let mut bytes = vec![0u8; total];
    for (new, &old) in order.iter().enumerate() {
        for item in per_listing.get(old as usize) {
            let (k, b) = key_of(item);
            let Some(at) = next.get_mut(k as usize) else { continue };
            let i = *at as usize;
            if let (Some(slot), Some(byte)) = (items.get_mut(i), bytes.get_mut(i)) {
                *slot = count(new);
                *byte = b;
            }
            *at += 1;
        }
    }
    (Packed { starts, items }, bytes)
}
