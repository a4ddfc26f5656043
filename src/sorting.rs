//! One stable sort for the cold paths (diffs, warnings, checker errors, policy-set versions,
//! pauses). Every `sort_by` on a new element type carries its own copy of the standard sort
//! (quicksort, driftsort, small-sorts: 3–5 KB of wasm each); these call sites share a single
//! copy instead, sorting indices through a dynamic comparator. Same result as `slice::sort_by`
//! (stable), O(n log n).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `v` stably by `cmp`, exactly as `v.sort_by(cmp)` would.
pub(crate) fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    {
        let items: &[T] = v;
        sort_indices(&mut order, &mut |a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        });
    }
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `v` stably by the key `f` gives, exactly as `v.sort_by_key(f)` would.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// `iter.collect::<BTreeSet<_>>()` by insertion: `collect` sorts its input first, with one
/// more copy of the standard sort per element type.
pub(crate) fn set_of<T: Ord>(iter: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(iter);
    set
}

/// `iter.collect::<BTreeMap<_, _>>()` by insertion (a later entry for a key wins, as there).
pub(crate) fn map_of<K: Ord, V>(iter: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(iter);
    map
}

#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_the_standard_stable_sort() {
        let mut seed = 0x1a7a6e_u64;
        for len in [0usize, 1, 2, 3, 7, 20, 100, 1000] {
            let mut v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            sort_by_key(&mut v, |p| p.0);
            assert_eq!(v, want);
        }
    }

    #[test]
    fn sets_and_maps_as_collect_makes_them() {
        let pairs = [(3, "a"), (1, "b"), (3, "c"), (2, "d"), (1, "e")];
        let want: BTreeMap<i32, &str> = pairs.iter().copied().collect();
        assert_eq!(map_of(pairs), want);
        let want: BTreeSet<i32> = pairs.iter().map(|p| p.0).collect();
        assert_eq!(set_of(pairs.iter().map(|p| p.0)), want);
    }
}
