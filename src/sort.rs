//! One stable sort for the crate, in little code. The standard library's stable sort is
//! fast but large: each call site with its own element type or key compiles its own copy of
//! driftsort, about 5 KB of wasm each (38 KB for seven call sites). Here the merging works on
//! element indices behind one `dyn` comparison, so it is compiled once; each call site adds
//! only its comparison and the final reordering.
//!
//! The result is the standard one: a stable sort has exactly one result for a given
//! comparison (equal elements keep their order), so replacing `sort_by_key` by
//! [`sort_by_key`] changes no output. Insertion sort of short runs, then bottom-up merging
//! (O(n log n) comparisons, near n for a list nearly in order), two index
//! buffers. Meant for the per-document lists of candidates and spans, not for hot loops.
use std::cmp::Ordering;

/// Sorts `v` stably by `key`: the same result as `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably by `cmp`: the same result as `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order = {
        let items: &[T] = v;
        permutation(
            items.len(),
            &mut |a, b| match (items.get(a), items.get(b)) {
                (Some(x), Some(y)) => cmp(x, y) == Ordering::Greater,
                _ => false,
            },
        )
    };
    // Position `k` takes the item at `order[k]` (none when `order` is empty: all are in place
    // already): the items are swapped into place one cycle of the permutation at a time, a
    // visited position marked `n`. Moving them out into a vector of `Option`s and back was
    // about 200 bytes of wasm more at each call site.
    let n = order.len();
    for i in 0..n {
        let mut cur = i;
        while let Some(&next) = order.get(cur) {
            if next >= n {
                break;
            }
            order[cur] = n;
            if next == i {
                break;
            }
            v.swap(cur, next);
            cur = next;
        }
    }
}

/// The stably sorted order of `0..n`, where `greater(a, b)` says that item `a` must come
/// after item `b`.
///
/// Runs of [`RUN`] items are first put in order by insertion, and two neighbouring runs
/// already in order (the last of the left one not after the first of the right one) are
/// kept as they are without merging: the lists sorted here come nearly in order (candidates
/// and spans found left to right), and then most of the work is one comparison per item.
///
/// Empty when the items are in order already (no item after the next one): most lists
/// sorted here are, and then one comparison per item is all the work, with no index vectors
/// and no pass over the permutation (round 27).
fn permutation(n: usize, greater: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    const RUN: usize = 8;
    if (1..n).all(|i| !greater(i - 1, i)) {
        return Vec::new();
    }
    let mut a: Vec<usize> = (0..n).collect();
    for run in a.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && greater(run[j - 1], run[j]) {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut b = vec![0; n];
    let mut width = RUN;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            let (Some(out), Some(run)) = (b.get_mut(start..end), a.get(start..end)) else {
                break;
            };
            let in_order = match (a.get(mid.wrapping_sub(1)), a.get(mid)) {
                (Some(&l), Some(&r)) if mid < end => !greater(l, r),
                _ => true,
            };
            if in_order {
                out.copy_from_slice(run);
                start = end;
                continue;
            }
            for slot in out {
                // The left run wins ties: that is what keeps the sort stable.
                let take_left = match (a.get(i), a.get(j)) {
                    (Some(&l), Some(&r)) if i < mid && j < end => !greater(l, r),
                    _ => i < mid,
                };
                if take_left {
                    *slot = a.get(i).copied().unwrap_or_default();
                    i += 1;
                } else {
                    *slot = a.get(j).copied().unwrap_or_default();
                    j += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut a, &mut b);
        width = width.saturating_mul(2);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Same result as the standard stable sort, ties included, on lists of every small
    /// length and some longer ones.
    #[test]
    fn matches_the_standard_stable_sort() {
        let mut seed = 12345u64;
        for n in (0..70).chain([127, 128, 129, 1000]) {
            // Random keys in a small or large range; 0 and 1: sorted already and reversed,
            // ties included.
            for range in [0u64, 1, 2, 5, 1000] {
                let v: Vec<(u64, usize)> = (0..n)
                    .map(|i| {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        match range {
                            0 => (i as u64 / 3, i),
                            1 => ((n - i) as u64 / 3, i),
                            _ => ((seed >> 33) % range, i),
                        }
                    })
                    .collect();
                let mut std_sorted = v.clone();
                std_sorted.sort_by_key(|p| p.0);
                let mut ours = v.clone();
                sort_by_key(&mut ours, |p| p.0);
                assert_eq!(ours, std_sorted, "n {n} range {range}");
                let mut rev = v.clone();
                sort_by(&mut rev, |a, b| b.0.cmp(&a.0));
                let mut std_rev = v;
                std_rev.sort_by_key(|p| std::cmp::Reverse(p.0));
                assert_eq!(rev, std_rev);
            }
        }
    }
}
