//! Which groups a question is scored against: the groups reached through the feature index (a
//! seed's or an alias's concepts, words and numbers), and of those the few that share the most.

use super::{Group, Groups};
use crate::sketch::hash64;

impl Groups {
    /// The hashed features of a group's seed and aliases, each once.
    fn features(g: &Group) -> Vec<u64> {
        let mut fs: Vec<u64> =
            std::iter::once(&g.seed).chain(&g.aliases).flat_map(|s| s.features()).map(hash64).collect();
        if !g.aliases.is_empty() {
            fs.sort_unstable();
            fs.dedup();
        }
        fs
    }

    pub(super) fn index_group(&mut self, i: usize) {
        for f in Self::features(&self.groups[i]) {
            self.index.entry(f).or_default().push(i as u32);
        }
    }

    pub(super) fn unindex_group(&mut self, i: usize) {
        for f in Self::features(&self.groups[i]) {
            if let Some(v) = self.index.get_mut(&f) {
                v.retain(|&x| x != i as u32);
            }
        }
    }
}

/// Keeps the `n` best of `(shared, index)` pairs listed by index: most shared features first, then
/// the lowest index. Shared counts are small (a question has a dozen features), so the threshold
/// count is found by walking a histogram down: a general selection cost ~2,500 instructions a
/// question, a tenth of the grouping.
pub(super) fn keep_best(candidates: &mut Vec<(u8, usize)>, n: usize) {
    let mut at = [0usize; 256];
    candidates.iter().for_each(|&(c, _)| at[c as usize] += 1);
    let (mut above, mut t) = (0, 255);
    while above + at[t] < n {
        above += at[t];
        t -= 1;
    }
    let mut room_at_t = n - above;
    candidates.retain(|&(c, _)| {
        (c as usize) > t
            || (c as usize == t && room_at_t > 0 && {
                room_at_t -= 1;
                true
            })
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_best_is_the_first_n_by_shared_then_index() {
        let mut rng = 7u64;
        for len in [13usize, 20, 40, 128] {
            for _ in 0..50 {
                let mut c: Vec<(u8, usize)> = (0..len)
                    .map(|i| {
                        rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        (1 + (rng >> 60) as u8 % 4, i)
                    })
                    .collect();
                let mut want = c.clone();
                want.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                want.truncate(12);
                want.sort_by_key(|x| x.1);
                keep_best(&mut c, 12);
                assert_eq!(c, want);
            }
        }
    }
}
