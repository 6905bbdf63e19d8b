//! `TopK`: a bounded map from string keys to slots that evicts the lowest-ranked key when full.

use super::{hash64, total_order};
use serde::{Deserialize, Serialize};

/// What a `TopK` stores per key.
pub trait Slot: Default {
    /// Larger survives eviction.
    fn rank(&self) -> f64;
    /// Space-saving: a newcomer that replaces an evicted key starts from the evicted rank, so a key
    /// that keeps coming back is never undercounted by more than that floor.
    fn inherit(&mut self, _floor: f64) {}
}

const EMPTY: u32 = u32::MAX;

/// A bounded map from string keys to slots that evicts the lowest-ranked key when full.
/// Eviction looks for victims in batches (the lowest eighth) instead of scanning on every insert.
/// Keys are found through an open-addressing table of slot indices (linear probing, at most half
/// full, deletion by backward shift) keyed by `hash64(key)`; callers that already hashed a key pass
/// the hash (`*_hashed`). The table and the hashes are rebuilt on deserialization.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(from = "TopKData<S>", into = "TopKData<S>")]
#[serde(bound(serialize = "S: Serialize + Clone", deserialize = "S: Deserialize<'de>"))]
pub struct TopK<S> {
    cap: usize,
    inherit: bool,
    keys: Vec<String>,
    slots: Vec<S>,
    hashes: Vec<u64>,
    table: Vec<u32>,
    victims: Vec<u32>,
    victim_bound: f64,
}

#[derive(Serialize, Deserialize, Clone)]
struct TopKData<S> {
    cap: usize,
    inherit: bool,
    keys: Vec<String>,
    slots: Vec<S>,
}

impl<S> From<TopKData<S>> for TopK<S> {
    fn from(d: TopKData<S>) -> Self {
        let mut t = TopK {
            cap: d.cap,
            inherit: d.inherit,
            hashes: d.keys.iter().map(|k| hash64(k.as_str())).collect(),
            keys: d.keys,
            slots: d.slots,
            table: vec![EMPTY; table_len(d.cap)],
            victims: Vec::new(),
            victim_bound: 0.0,
        };
        for i in 0..t.keys.len() {
            t.place(i);
        }
        t
    }
}

impl<S> From<TopK<S>> for TopKData<S> {
    fn from(t: TopK<S>) -> Self {
        TopKData { cap: t.cap, inherit: t.inherit, keys: t.keys, slots: t.slots }
    }
}

fn table_len(cap: usize) -> usize {
    (cap.max(1) * 2).next_power_of_two()
}

impl<S> TopK<S> {
    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// The slot index of `key` (whose hash is `h`).
    fn find(&self, key: &str, h: u64) -> Option<usize> {
        let mask = self.mask();
        let mut p = h as usize & mask;
        loop {
            let i = self.table[p];
            if i == EMPTY {
                return None;
            }
            let i = i as usize;
            if self.hashes[i] == h && self.keys[i] == key {
                return Some(i);
            }
            p = (p + 1) & mask;
        }
    }

    /// Puts slot `i` (its hash already in `hashes`) into the table.
    fn place(&mut self, i: usize) {
        let mask = self.mask();
        let mut p = self.hashes[i] as usize & mask;
        while self.table[p] != EMPTY {
            p = (p + 1) & mask;
        }
        self.table[p] = i as u32;
    }

    /// Takes slot `i` out of the table, shifting later entries of its probe run back so that
    /// lookups never stop at a hole (Knuth's algorithm R).
    fn unplace(&mut self, i: usize) {
        let mask = self.mask();
        let mut hole = self.hashes[i] as usize & mask;
        while self.table[hole] != i as u32 {
            hole = (hole + 1) & mask;
        }
        let mut q = hole;
        loop {
            q = (q + 1) & mask;
            let j = self.table[q];
            if j == EMPTY {
                break;
            }
            let home = self.hashes[j as usize] as usize & mask;
            // `j` may move back into the hole unless its home lies cyclically in (hole, q].
            let stays = if hole <= q { hole < home && home <= q } else { hole < home || home <= q };
            if !stays {
                self.table[hole] = j;
                hole = q;
            }
        }
        self.table[hole] = EMPTY;
    }
}

impl<S: Slot> TopK<S> {
    /// `inherit`: classic space-saving (for all-time counts); without it, a decayed LFU.
    pub fn new(cap: usize, inherit: bool) -> Self {
        assert!(cap > 0);
        TopK {
            cap,
            inherit,
            keys: Vec::with_capacity(cap),
            slots: Vec::with_capacity(cap),
            hashes: Vec::with_capacity(cap),
            table: vec![EMPTY; table_len(cap)],
            victims: Vec::new(),
            victim_bound: 0.0,
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn capacity(&self) -> usize {
        self.cap
    }

    pub fn get(&self, key: &str) -> Option<&S> {
        self.find(key, hash64(key)).map(|i| &self.slots[i])
    }

    /// The slot for `key`, inserted (possibly evicting another key) if absent.
    pub fn entry(&mut self, key: &str) -> &mut S {
        self.entry_hashed(key, hash64(key))
    }

    /// `entry` for a key whose `hash64` the caller already has.
    pub fn entry_hashed(&mut self, key: &str, h: u64) -> &mut S {
        debug_assert_eq!(h, hash64(key));
        if let Some(i) = self.find(key, h) {
            return &mut self.slots[i];
        }
        let i = if self.keys.len() < self.cap {
            self.keys.push(key.to_string());
            self.slots.push(S::default());
            self.hashes.push(h);
            self.keys.len() - 1
        } else {
            let i = self.pick_victim();
            let floor = self.slots[i].rank();
            self.unplace(i);
            // The evicted key's buffer is reused.
            self.keys[i].clear();
            self.keys[i].push_str(key);
            self.hashes[i] = h;
            let mut slot = S::default();
            if self.inherit {
                slot.inherit(floor);
            }
            self.slots[i] = slot;
            i
        };
        self.place(i);
        &mut self.slots[i]
    }

    fn pick_victim(&mut self) -> usize {
        while let Some(i) = self.victims.pop() {
            // A queued victim may have been hit since the scan; skip it if it climbed.
            if self.slots[i as usize].rank() <= self.victim_bound {
                return i as usize;
            }
        }
        // Ranks are read once, as integers that compare exactly as `f64::total_cmp` compares the
        // ranks (the selection and the sort see the same outcomes, so they pick and order the same
        // victims), at one instruction a comparison instead of five.
        let mut order: Vec<(i64, u32)> =
            self.slots.iter().enumerate().map(|(i, s)| (total_order(s.rank()), i as u32)).collect();
        let n = (self.cap / 8).max(1);
        order.select_nth_unstable_by_key(n - 1, |v| v.0);
        order.truncate(n);
        self.victim_bound = order.iter().map(|v| self.slots[v.1 as usize].rank()).fold(f64::MIN, f64::max);
        // Pop the smallest first.
        order.sort_by_key(|v| std::cmp::Reverse(v.0));
        self.victims.clear();
        self.victims.extend(order.iter().map(|v| v.1));
        self.victims.pop().expect("cap > 0") as usize
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &S)> {
        self.keys.iter().map(String::as_str).zip(self.slots.iter())
    }

    /// The `n` keys with the largest `score`, ties broken by key so output is deterministic.
    pub fn top_by(&self, n: usize, score: impl Fn(&S) -> f64) -> Vec<(&str, &S, f64)> {
        let mut all: Vec<(&str, &S, f64)> = self.iter().map(|(k, s)| (k, s, score(s))).collect();
        all.sort_by(|a, b| b.2.total_cmp(&a.2).then_with(|| a.0.cmp(b.0)));
        all.truncate(n);
        all
    }

    /// Every slot, for bulk updates such as a `DecayClock::rebase`.
    pub fn slots_mut(&mut self) -> impl Iterator<Item = &mut S> {
        self.victims.clear();
        self.slots.iter_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default, Clone, Serialize, Deserialize)]
    struct Count(f64);
    impl Slot for Count {
        fn rank(&self) -> f64 {
            self.0
        }
        fn inherit(&mut self, floor: f64) {
            self.0 = floor;
        }
    }

    #[test]
    fn keeps_heavy_hitters_under_churn() {
        let mut t: TopK<Count> = TopK::new(64, true);
        for i in 0..100_000u32 {
            let key = if i % 10 == 0 { format!("hot{}", i % 30) } else { format!("noise{i}") };
            t.entry(&key).0 += 1.0;
        }
        assert_eq!(t.len(), 64);
        let top: Vec<&str> = t.top_by(3, |s| s.0).iter().map(|e| e.0).collect();
        assert!(top.iter().all(|k| k.starts_with("hot")), "{top:?}");
    }

    #[test]
    fn lookups_survive_eviction_and_probe_runs() {
        // Fill, evict and re-add many keys: every live key stays findable, no dead key is found.
        let mut t: TopK<Count> = TopK::new(50, false);
        for i in 0..5000u32 {
            t.entry(&format!("k{}", i % 173)).0 += 1.0;
            for (k, _) in t.iter() {
                assert!(t.get(k).is_some(), "{k}");
            }
            assert_eq!(t.table.iter().filter(|&&x| x != EMPTY).count(), t.len());
        }
        let live: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
        for i in 0..173 {
            let k = format!("k{i}");
            assert_eq!(t.get(&k).is_some(), live.contains(&k));
        }
    }

    #[test]
    fn roundtrips_through_serde() {
        let mut t: TopK<Count> = TopK::new(4, false);
        for k in ["a", "b", "a", "c"] {
            t.entry(k).0 += 1.0;
        }
        let bytes = postcard::to_allocvec(&t).unwrap();
        let back: TopK<Count> = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back.get("a").unwrap().0, 2.0);
        assert!(back.get("z").is_none());
    }
}
