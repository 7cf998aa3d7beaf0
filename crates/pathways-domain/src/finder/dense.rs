//! Dense bitmaps for the broad words, and for the flags a words-only search may filter by.
//!
//! A word that at least one listing in [`DENSE_SHARE`] has (a whole word, counted with the words it begins, as a
//! query word matches them) gets one bit per listing: smaller than its posting lists from that share on, and it
//! makes the count of a search by broad words an AND and a population count over the listings' range instead of
//! a walk over every match. So "recovery meeting" is counted exactly in microseconds. The posting lists stay
//! what a search ranks by (a bitmap has no weights).

use super::lists::Cursor;
use super::{IN_PERSON, Index, MEETING, ONLINE, TIERS};

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
        for (slot, &k) in words.iter().enumerate() {
            let Some(map) = bits.get_mut(slot * stride..(slot + 1) * stride) else { continue };
            let (first, last) = ix.word_range(ix.word(k as usize));
            for list in first * TIERS..last * TIERS {
                for &id in ix.postings.get(list) {
                    set(map, id);
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
        Self { stride, words, bits, flags }
    }

    /// The bitmap of vocabulary word `k` (with the words it begins), if it is broad enough to have one.
    pub(super) fn word(&self, k: usize) -> Option<&[u64]> {
        let slot = self.words.binary_search(&u32::try_from(k).ok()?).ok()?;
        self.bits.get(slot * self.stride..(slot + 1) * self.stride)
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
        (self.bits.capacity() + self.flags.capacity()) * 8 + self.words.capacity() * 4
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

/// How many listings in `lo..hi` are in every one of `maps` (at least one map).
pub(super) fn count_all(maps: &[&[u64]], lo: u32, hi: u32) -> usize {
    if lo >= hi || maps.is_empty() {
        return 0;
    }
    let (first, last) = (lo as usize / 64, (hi as usize - 1) / 64);
    let mut total = 0;
    for w in first..=last {
        let mut x = maps.iter().fold(u64::MAX, |acc, m| acc & m.get(w).copied().unwrap_or(0));
        if w == first {
            x &= u64::MAX << (lo % 64);
        }
        if w == last {
            let end = (hi - 1) % 64;
            x &= u64::MAX >> (63 - end);
        }
        total += x.count_ones() as usize;
    }
    total
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

/// The distinct numbers of several sorted lists, ascending (a k-way merge, as far as it is read).
pub(super) struct Union<'a> {
    lists: Vec<Cursor<'a>>,
    heap: std::collections::BinaryHeap<std::cmp::Reverse<(u32, usize)>>,
    last: Option<u32>,
}

impl<'a> Union<'a> {
    pub(super) fn new(lists: &[&'a [u32]]) -> Self {
        let mut heap = std::collections::BinaryHeap::with_capacity(lists.len());
        for (i, l) in lists.iter().enumerate() {
            if let Some(&first) = l.first() {
                heap.push(std::cmp::Reverse((first, i)));
            }
        }
        Self { lists: lists.iter().map(|l| Cursor::new(l)).collect(), heap, last: None }
    }
}

impl Iterator for Union<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
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
