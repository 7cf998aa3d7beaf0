//! Walking sorted lists of listing numbers forward.

/// A position in a sorted list that only moves forward: asked about ascending numbers, it finds each by
/// galloping (steps of 1, 2, 4 … then a binary search), so checking `m` numbers against a list of `n` costs about
/// `m · log(n / m)`, whichever of the two is longer.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cursor<'a> {
    list: &'a [u32],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(list: &'a [u32]) -> Self {
        Self { list, pos: 0 }
    }

    /// A cursor already moved to `pos`.
    pub(super) fn at(list: &'a [u32], pos: usize) -> Self {
        Self { list, pos }
    }

    /// Back to the start of the list.
    pub(super) fn rewind(&mut self) {
        self.pos = 0;
    }

    /// Moves to the next number of the list and returns it.
    pub(super) fn next_after(&mut self) -> Option<u32> {
        self.pos += 1;
        self.list.get(self.pos).copied()
    }

    pub(super) fn position(&self) -> usize {
        self.pos
    }

    /// Where `target` is in the list, if it is. Targets must come in ascending order.
    pub(super) fn seek(&mut self, target: u32) -> Option<usize> {
        let list = self.list;
        let first = *list.get(self.pos)?;
        if first >= target {
            return (first == target).then_some(self.pos);
        }
        // list[lo] < target; find hi with list[hi] >= target (or the end).
        let (mut lo, mut step) = (self.pos, 1);
        let mut hi = lo + step;
        while hi < list.len() && list.get(hi).is_some_and(|&x| x < target) {
            lo = hi;
            step *= 2;
            hi = lo + step;
        }
        let hi = hi.min(list.len());
        let within = list.get(lo + 1..hi).unwrap_or_default();
        self.pos = lo + 1 + within.partition_point(|&x| x < target);
        (list.get(self.pos) == Some(&target)).then_some(self.pos)
    }
}

/// The part of a sorted list within `lo..hi`.
pub(super) fn within(list: &[u32], lo: u32, hi: u32) -> &[u32] {
    let a = list.partition_point(|&x| x < lo);
    let b = list.partition_point(|&x| x < hi);
    list.get(a..b).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn a_cursor_finds_exactly_the_members(
            list in proptest::collection::btree_set(0u32..2000, 0..300),
            asked in proptest::collection::btree_set(0u32..2000, 0..300),
        ) {
            let list: Vec<u32> = list.into_iter().collect();
            let mut c = Cursor::new(&list);
            for t in asked {
                let found = c.seek(t);
                prop_assert_eq!(found.is_some(), list.contains(&t));
                if let Some(i) = found {
                    prop_assert_eq!(list[i], t);
                }
            }
        }
    }

    #[test]
    fn within_cuts_a_range() {
        assert_eq!(within(&[1, 3, 5, 7, 9], 3, 8), [3, 5, 7]);
        assert!(within(&[1, 3], 4, 9).is_empty());
    }
}
