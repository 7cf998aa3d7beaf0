//! Dense bitmaps for the broad words, and for the flags a words-only search may filter by.
//!
//! A word that at least one listing in [`DENSE_SHARE`] has (a whole word, counted with the words it begins, as a
//! query word matches them) gets one bit per listing: smaller than its posting lists from that share on, and it
//! makes the count of a search by broad words an AND and a population count over the listings' range instead of
//! a walk over every match. So "recovery meeting" is counted exactly in microseconds.
//!
//! Each such word also has, per weight heavier than the lightest, the listings that have it at that weight or a
//! heavier one ([`Tiers`]), and every bitmap a summary with a bit per 64 listings (set when any of them is in
//! it). One to three broad words are then ranked 64 listings at a time: the listings with each word at exactly
//! a given weight are one AND of bitmaps, and the summaries skip the stretches where a heavy weight has nobody
//! (`search.rs`, `Plan::rank_broad`).

use super::lists::Cursor;
use super::{IN_PERSON, Index, MEETING, ONLINE, TIERS};

/// A broad word's bitmaps by weight: `at_least[t]` holds the listings with the word at `weight_of(t)` or heavier
/// (the last is the word's bitmap), `blocks[t]` its summary (a bit per 64 listings).
#[derive(Clone, Copy, Debug)]
pub(super) struct Tiers<'a> {
    pub(super) at_least: [&'a [u64]; TIERS],
    pub(super) blocks: [&'a [u64]; TIERS],
    /// Bit `t` set: some listing has the word at exactly `weight_of(t)` (its heaviest).
    pub(super) present: u8,
}

/// A word gets a bitmap when at least one listing in this many has it (where a bitmap becomes the smaller).
pub(super) const DENSE_SHARE: usize = 32;
/// At most this many bitmaps (the broadest words first): 20 KiB each at 160,000 listings.
const MAX_BITMAPS: usize = 1024;

/// The bitmaps: for word `words[i]` of the vocabulary, bitmap `i`.
#[derive(Debug, Default)]
pub(super) struct Dense {
    /// `u64`s per bitmap.
    stride: usize,
    /// The vocabulary numbers that have a bitmap, ascending.
    words: Vec<u32>,
    bits: Vec<u64>,
    /// For bitmap `i`, the bitmaps of its heavier weights (`TIERS - 1` numbers into `pool`; 0 is all clear, for
    /// a weight nobody has the word at).
    heavier: Vec<u32>,
    /// For bitmap `i`, which weights somebody has the word at ([`Tiers::present`]).
    present: Vec<u8>,
    /// The heavier weights' bitmaps, `stride` each, the first all clear.
    pool: Vec<u64>,
    /// The summaries (`summary_stride` each): one per word's bitmap, in `words`' order, then one per bitmap of
    /// `pool`.
    summaries: Vec<u64>,
    summary_stride: usize,
    /// The listings with each flag: meeting, online, in person.
    flags: Vec<u64>,
}

impl Dense {
    /// Builds the bitmaps of `ix` (its posting lists and prefix counts already made).
    pub(super) fn build(ix: &Index) -> Self {
        let n = ix.recs.len();
        let stride = n.div_ceil(64);
        let at_least = (n / DENSE_SHARE).max(1);
        let [placed, unplaced] = &ix.prefix_counts;
        let mut broad: Vec<(u32, usize)> = placed
            .iter()
            .zip(unplaced)
            .enumerate()
            .map(|(k, (a, b))| (u32::try_from(k).unwrap_or(u32::MAX), (*a + *b) as usize))
            .filter(|&(_, c)| c >= at_least)
            .collect();
        broad.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        broad.truncate(MAX_BITMAPS);
        let mut words: Vec<u32> = broad.into_iter().map(|(k, _)| k).collect();
        words.sort_unstable();
        let mut bits = vec![0u64; stride * words.len()];
        let mut heavier = Vec::with_capacity(words.len() * (TIERS - 1));
        let mut present = Vec::with_capacity(words.len());
        let mut pool = vec![0u64; stride];
        for (slot, &k) in words.iter().enumerate() {
            let (first, last) = ix.word_range(ix.word(k as usize));
            // Cumulative by weight, heaviest first: the bitmap grows tier by tier, and each heavier tier that
            // has anybody keeps a copy of it as it stands.
            let mut map = vec![0u64; stride];
            let mut has = 0u8;
            for tier in 0..TIERS {
                let before = map.iter().map(|w| w.count_ones()).sum::<u32>();
                for word in first..last {
                    for &id in ix.postings.get(word * TIERS + tier) {
                        set(&mut map, id);
                    }
                }
                let now = map.iter().map(|w| w.count_ones()).sum::<u32>();
                if now > before {
                    has |= 1 << tier;
                }
                if tier + 1 < TIERS {
                    if now == 0 {
                        heavier.push(0);
                    } else if now == before
                        && let Some(&previous) = heavier.last().filter(|_| tier > 0)
                    {
                        heavier.push(previous);
                    } else {
                        heavier.push(u32::try_from(pool.len() / stride.max(1)).unwrap_or(0));
                        pool.extend_from_slice(&map);
                    }
                }
            }
            present.push(has);
            if let Some(out) = bits.get_mut(slot * stride..(slot + 1) * stride) {
                out.copy_from_slice(&map);
            }
        }
        let summary_stride = stride.div_ceil(64);
        let mut summaries = vec![0u64; summary_stride * (words.len() + pool.len() / stride.max(1))];
        for (map, summary) in bits
            .chunks(stride.max(1))
            .chain(pool.chunks(stride.max(1)))
            .zip(summaries.chunks_mut(summary_stride.max(1)))
        {
            for (block, &w) in map.iter().enumerate() {
                if w != 0 {
                    set(summary, u32::try_from(block).unwrap_or(u32::MAX));
                }
            }
        }
        let mut flags = vec![0u64; stride * 3];
        for (i, flag) in [MEETING, ONLINE, IN_PERSON].into_iter().enumerate() {
            let Some(map) = flags.get_mut(i * stride..(i + 1) * stride) else { continue };
            for (id, f) in ix.flags.iter().enumerate() {
                if f & flag != 0 {
                    set(map, u32::try_from(id).unwrap_or(u32::MAX));
                }
            }
        }
        Self { stride, words, bits, heavier, present, pool, summaries, summary_stride, flags }
    }

    /// The bitmap of vocabulary word `k` (with the words it begins), if it is broad enough to have one.
    pub(super) fn word(&self, k: usize) -> Option<&[u64]> {
        let slot = self.words.binary_search(&u32::try_from(k).ok()?).ok()?;
        self.bits.get(slot * self.stride..(slot + 1) * self.stride)
    }

    /// Vocabulary word `k`'s bitmaps by weight, if it is broad enough to have a bitmap.
    pub(super) fn tiers(&self, k: usize) -> Option<Tiers<'_>> {
        let slot = self.words.binary_search(&u32::try_from(k).ok()?).ok()?;
        let (stride, summary) = (self.stride, self.summary_stride);
        let heavier = self.heavier.get(slot * (TIERS - 1)..(slot + 1) * (TIERS - 1))?;
        let pooled = |i: usize| self.pool.get(i * stride..(i + 1) * stride).unwrap_or_default();
        let summarised = |i: usize| self.summaries.get(i * summary..(i + 1) * summary).unwrap_or_default();
        let mut at_least = [self.bits.get(slot * stride..(slot + 1) * stride)?; TIERS];
        let mut blocks = [summarised(slot); TIERS];
        for (t, &p) in heavier.iter().enumerate() {
            if let (Some(a), Some(b)) = (at_least.get_mut(t), blocks.get_mut(t)) {
                *a = pooled(p as usize);
                *b = summarised(self.words.len() + p as usize);
            }
        }
        Some(Tiers { at_least, blocks, present: self.present.get(slot).copied().unwrap_or(0) })
    }

    /// The bitmaps of the flags set in `flags` (meeting, online, in person).
    pub(super) fn flags(&self, flags: u8) -> impl Iterator<Item = &[u64]> {
        [MEETING, ONLINE, IN_PERSON]
            .into_iter()
            .enumerate()
            .filter(move |&(_, f)| flags & f != 0)
            .filter_map(|(i, _)| self.flags.get(i * self.stride..(i + 1) * self.stride))
    }

    pub(super) fn heap_bytes(&self) -> usize {
        (self.bits.capacity() + self.pool.capacity() + self.summaries.capacity() + self.flags.capacity()) * 8
            + (self.words.capacity() + self.heavier.capacity()) * 4
            + self.present.capacity()
    }
}

fn set(map: &mut [u64], id: u32) {
    if let Some(w) = map.get_mut(id as usize / 64) {
        *w |= 1 << (id % 64);
    }
}

/// Whether `id` is in `map`.
pub(super) fn has(map: &[u64], id: u32) -> bool {
    map.get(id as usize / 64).is_some_and(|w| w & (1 << (id % 64)) != 0)
}

/// How many listings in `lo..hi` are in every one of `maps` (at least one map). The words between the first and
/// the last are counted over whole slices, so the loop of one to three maps (a search's words and a flag) has no
/// bounds test or edge mask inside and the compiler can unroll and vectorise it.
pub(super) fn count_all(maps: &[&[u64]], lo: u32, hi: u32) -> usize {
    if lo >= hi || maps.is_empty() {
        return 0;
    }
    let (first, last) = (lo as usize / 64, (hi as usize - 1) / 64);
    let word = |w: usize| maps.iter().fold(u64::MAX, |acc, m| acc & m.get(w).copied().unwrap_or(0));
    let (head, tail) = (u64::MAX << (lo % 64), u64::MAX >> (63 - (hi - 1) % 64));
    if first == last {
        return (word(first) & head & tail).count_ones() as usize;
    }
    let ends = (word(first) & head).count_ones() + (word(last) & tail).count_ones();
    let mid = first + 1..last;
    let slices: Option<Vec<&[u64]>> = maps.iter().map(|m| m.get(mid.clone())).collect();
    let middle: u32 = match slices.as_deref() {
        Some([a]) => a.iter().map(|x| x.count_ones()).sum(),
        Some([a, b]) => a.iter().zip(*b).map(|(x, y)| (x & y).count_ones()).sum(),
        Some([a, b, c]) => a.iter().zip(*b).zip(*c).map(|((x, y), z)| (x & y & z).count_ones()).sum(),
        _ => mid.map(|w| word(w).count_ones()).sum(),
    };
    (ends + middle) as usize
}

/// The listings in `lo..hi` that are in every one of `maps` (at least one map), ascending.
pub(super) fn members(maps: &[&[u64]], lo: u32, hi: u32) -> Vec<u32> {
    let mut out = Vec::new();
    if lo >= hi || maps.is_empty() {
        return out;
    }
    let (first, last) = (lo as usize / 64, (hi as usize - 1) / 64);
    for w in first..=last {
        let mut x = maps.iter().fold(u64::MAX, |acc, m| acc & m.get(w).copied().unwrap_or(0));
        if w == first {
            x &= u64::MAX << (lo % 64);
        }
        if w == last {
            x &= u64::MAX >> (63 - (hi - 1) % 64);
        }
        while x != 0 {
            let bit = x.trailing_zeros();
            out.extend(u32::try_from(w * 64).ok().map(|base| base + bit));
            x &= x - 1;
        }
    }
    out
}

/// The distinct numbers of several sorted lists, ascending (a k-way merge, as far as it is read; one list, the
/// usual case for a word at one weight, is read as it is).
pub(super) struct Union<'a> {
    one: Option<std::slice::Iter<'a, u32>>,
    lists: Vec<Cursor<'a>>,
    heap: std::collections::BinaryHeap<std::cmp::Reverse<(u32, usize)>>,
    last: Option<u32>,
}

impl<'a> Union<'a> {
    pub(super) fn new(lists: &[&'a [u32]]) -> Self {
        let mut nonempty = lists.iter().filter(|l| !l.is_empty());
        if let (Some(only), None) = (nonempty.next(), nonempty.next()) {
            return Self {
                one: Some(only.iter()),
                lists: Vec::new(),
                heap: std::collections::BinaryHeap::new(),
                last: None,
            };
        }
        let mut heap = std::collections::BinaryHeap::with_capacity(lists.len());
        for (i, l) in lists.iter().enumerate() {
            if let Some(&first) = l.first() {
                heap.push(std::cmp::Reverse((first, i)));
            }
        }
        Self { one: None, lists: lists.iter().map(|l| Cursor::new(l)).collect(), heap, last: None }
    }
}

impl Iterator for Union<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if let Some(one) = &mut self.one {
            return one.next().copied();
        }
        loop {
            let std::cmp::Reverse((id, i)) = self.heap.pop()?;
            if let Some(c) = self.lists.get_mut(i)
                && let Some(next) = c.next_after()
            {
                self.heap.push(std::cmp::Reverse((next, i)));
            }
            if self.last != Some(id) {
                self.last = Some(id);
                return Some(id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn counting_in_a_range_agrees_with_testing_each_bit(
            a in proptest::collection::btree_set(0u32..300, 0..200),
            b in proptest::collection::btree_set(0u32..300, 0..200),
            (lo, hi) in (0u32..300, 0u32..301),
        ) {
            let mut ma = vec![0u64; 5];
            let mut mb = vec![0u64; 5];
            a.iter().for_each(|&i| set(&mut ma, i));
            b.iter().for_each(|&i| set(&mut mb, i));
            let expected = (lo..hi).filter(|i| a.contains(i) && b.contains(i)).count();
            prop_assert_eq!(count_all(&[&ma, &mb], lo, hi), expected);
            prop_assert_eq!(count_all(&[&ma], lo, hi), (lo..hi).filter(|i| a.contains(i)).count());
            // Three maps and four (the unrolled loop and the general one).
            prop_assert_eq!(count_all(&[&ma, &mb, &ma], lo, hi), expected);
            prop_assert_eq!(count_all(&[&mb, &ma, &mb, &ma], lo, hi), expected);
            let both: Vec<u32> = (lo..hi).filter(|i| a.contains(i) && b.contains(i)).collect();
            prop_assert_eq!(members(&[&ma, &mb], lo, hi), both);
            for i in 0..300 {
                prop_assert_eq!(has(&ma, i), a.contains(&i));
            }
        }

        #[test]
        fn a_union_gives_each_number_once_in_order(
            lists in proptest::collection::vec(proptest::collection::btree_set(0u32..500, 0..60), 0..6),
        ) {
            let owned: Vec<Vec<u32>> = lists.iter().map(|s| s.iter().copied().collect()).collect();
            let borrowed: Vec<&[u32]> = owned.iter().map(Vec::as_slice).collect();
            let got: Vec<u32> = Union::new(&borrowed).collect();
            let expected: Vec<u32> = lists.iter().flatten().copied().collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            prop_assert_eq!(got, expected);
        }
    }
}
