//! Bounded counting structures: everything that grows with the stream goes through one of these, so
//! memory stays flat over a six-hour stream.

use rustc_hash::{FxHashMap, FxHasher};
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};

/// A stable 64-bit hash with well-mixed bits (FxHash alone is too regular for distinct counting).
pub fn hash64<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = FxHasher::default();
    value.hash(&mut h);
    mix64(h.finish())
}

/// splitmix64 finalizer.
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Exponential decay without touching every counter on every tick: a hit at time `t` adds
/// `2^((t - origin) / half_life)`, so older hits weigh exponentially less relative to newer ones.
/// Divide by `boost(now)` to read a value as "decayed count at `now`".
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
pub struct DecayClock {
    pub half_life_ms: f64,
    pub origin_ms: i64,
}

impl DecayClock {
    pub fn new(half_life_ms: f64) -> Self {
        DecayClock { half_life_ms, origin_ms: 0 }
    }

    pub fn boost(&self, now_ms: i64) -> f64 {
        ((now_ms - self.origin_ms) as f64 / self.half_life_ms).exp2()
    }

    /// The per-ms rate a decayed `value` stands for, given that counting began `elapsed_ms` ago (a
    /// young counter has not filled up yet, so dividing by the steady state alone would understate it).
    pub fn rate(&self, value: f64, elapsed_ms: i64) -> f64 {
        let fill = 1.0 - (-(elapsed_ms.max(1) as f64) / self.half_life_ms).exp2();
        value * std::f64::consts::LN_2 / (self.half_life_ms * fill)
    }

    /// Moves the origin to `now` when boosts grow too large for f64; returns the factor every stored
    /// value must be divided by, if a move happened.
    pub fn rebase(&mut self, now_ms: i64) -> Option<f64> {
        if self.origin_ms == 0 {
            self.origin_ms = now_ms;
            return None;
        }
        let b = self.boost(now_ms);
        (b > 1e60).then(|| {
            self.origin_ms = now_ms;
            b
        })
    }
}

/// What a `TopK` stores per key.
pub trait Slot: Default {
    /// Larger survives eviction.
    fn rank(&self) -> f64;
    /// Space-saving: a newcomer that replaces an evicted key starts from the evicted rank, so a key
    /// that keeps coming back is never undercounted by more than that floor.
    fn inherit(&mut self, _floor: f64) {}
}

/// A bounded map from string keys to slots that evicts the lowest-ranked key when full.
/// Eviction looks for victims in batches (the lowest eighth) instead of scanning on every insert.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(from = "TopKData<S>", into = "TopKData<S>")]
#[serde(bound(serialize = "S: Serialize + Clone", deserialize = "S: Deserialize<'de>"))]
pub struct TopK<S> {
    cap: usize,
    inherit: bool,
    keys: Vec<Box<str>>,
    slots: Vec<S>,
    /// hash64(key) → slot; keys are compared on lookup, so a hash collision probes the next value.
    index: FxHashMap<u64, u32>,
    victims: Vec<u32>,
    victim_bound: f64,
}

#[derive(Serialize, Deserialize, Clone)]
struct TopKData<S> {
    cap: usize,
    inherit: bool,
    keys: Vec<Box<str>>,
    slots: Vec<S>,
}

impl<S> From<TopKData<S>> for TopK<S> {
    fn from(d: TopKData<S>) -> Self {
        let mut t = TopK {
            cap: d.cap,
            inherit: d.inherit,
            keys: d.keys,
            slots: d.slots,
            index: FxHashMap::default(),
            victims: Vec::new(),
            victim_bound: 0.0,
        };
        for i in 0..t.keys.len() {
            let h = t.free_hash(&t.keys[i].clone());
            t.index.insert(h, i as u32);
        }
        t
    }
}

impl<S> From<TopK<S>> for TopKData<S> {
    fn from(t: TopK<S>) -> Self {
        TopKData { cap: t.cap, inherit: t.inherit, keys: t.keys, slots: t.slots }
    }
}

impl<S> TopK<S> {
    /// The slot index of `key`, following the probe sequence past hash collisions.
    fn find(&self, key: &str) -> Option<usize> {
        let mut h = hash64(key);
        loop {
            let &i = self.index.get(&h)?;
            if &*self.keys[i as usize] == key {
                return Some(i as usize);
            }
            h = h.wrapping_add(1);
        }
    }

    /// The first probe position of `key` not taken by another key.
    fn free_hash(&self, key: &str) -> u64 {
        let mut h = hash64(key);
        while self.index.contains_key(&h) {
            h = h.wrapping_add(1);
        }
        h
    }

    /// Removes `key` from the index. Later keys of the same probe chain move up one place so that
    /// lookups never stop at a hole.
    fn unindex(&mut self, key: &str) {
        let mut h = hash64(key);
        while self.index.get(&h).is_some_and(|&i| &*self.keys[i as usize] != key) {
            h = h.wrapping_add(1);
        }
        if self.index.remove(&h).is_none() {
            return;
        }
        let mut next = h.wrapping_add(1);
        while let Some(i) = self.index.remove(&next) {
            let k = self.keys[i as usize].clone();
            let at = self.free_hash(&k);
            self.index.insert(at, i);
            next = next.wrapping_add(1);
        }
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
            index: FxHashMap::default(),
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
        self.find(key).map(|i| &self.slots[i])
    }

    /// The slot for `key`, inserted (possibly evicting another key) if absent.
    pub fn entry(&mut self, key: &str) -> &mut S {
        if let Some(i) = self.find(key) {
            return &mut self.slots[i];
        }
        let i = if self.keys.len() < self.cap {
            self.keys.push(key.into());
            self.slots.push(S::default());
            self.keys.len() - 1
        } else {
            let i = self.pick_victim();
            let floor = self.slots[i].rank();
            let old = self.keys[i].clone();
            self.unindex(&old);
            self.keys[i] = key.into();
            let mut slot = S::default();
            if self.inherit {
                slot.inherit(floor);
            }
            self.slots[i] = slot;
            i
        };
        let h = self.free_hash(key);
        self.index.insert(h, i as u32);
        &mut self.slots[i]
    }

    fn pick_victim(&mut self) -> usize {
        while let Some(i) = self.victims.pop() {
            // A queued victim may have been hit since the scan; skip it if it climbed.
            if self.slots[i as usize].rank() <= self.victim_bound {
                return i as usize;
            }
        }
        let mut order: Vec<u32> = (0..self.slots.len() as u32).collect();
        let n = (self.cap / 8).max(1);
        order.select_nth_unstable_by(n - 1, |&a, &b| {
            self.slots[a as usize].rank().total_cmp(&self.slots[b as usize].rank())
        });
        order.truncate(n);
        self.victim_bound = order.iter().map(|&i| self.slots[i as usize].rank()).fold(f64::MIN, f64::max);
        // Pop the smallest first.
        order.sort_by(|&a, &b| self.slots[b as usize].rank().total_cmp(&self.slots[a as usize].rank()));
        self.victims = order;
        self.victims.pop().expect("cap > 0") as usize
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &S)> {
        self.keys.iter().map(|k| &**k).zip(self.slots.iter())
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

/// Approximate counts by key hash in fixed memory (count-min: the minimum over `DEPTH` rows, never
/// below the true count). For statistics over every token, where a keyed map would cost more than
/// the analysis it serves.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct CountMin {
    width_bits: u8,
    counts: Vec<u32>,
}

const DEPTH: usize = 2;

impl CountMin {
    pub fn new(width_bits: u8) -> Self {
        CountMin { width_bits, counts: vec![0; DEPTH << width_bits] }
    }

    fn cells(&self, hash: u64) -> [usize; DEPTH] {
        let mask = (1usize << self.width_bits) - 1;
        let w = 1usize << self.width_bits;
        [hash as usize & mask, w + ((hash >> 32) as usize & mask)]
    }

    /// Adds one and returns the new estimate.
    pub fn add(&mut self, hash: u64) -> u32 {
        let cells = self.cells(hash);
        let mut min = u32::MAX;
        for c in cells {
            self.counts[c] = self.counts[c].saturating_add(1);
            min = min.min(self.counts[c]);
        }
        min
    }

    pub fn get(&self, hash: u64) -> u32 {
        self.cells(hash).iter().map(|&c| self.counts[c]).min().unwrap_or(0)
    }
}

/// Distinct counting by k minimum values: exact below `k` distinct items, then an estimate with a
/// relative error of about `1/sqrt(k)`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Distinct {
    k: u16,
    mins: Vec<u64>,
}

impl Distinct {
    pub fn new(k: u16) -> Self {
        Distinct { k: k.max(2), mins: Vec::new() }
    }

    /// Returns true when the hash was not seen before (exactly while below `k`, else approximately).
    pub fn insert(&mut self, hash: u64) -> bool {
        match self.mins.binary_search(&hash) {
            Ok(_) => false,
            Err(pos) => {
                if self.mins.len() < self.k as usize {
                    self.mins.insert(pos, hash);
                    true
                } else if pos < self.mins.len() {
                    self.mins.insert(pos, hash);
                    self.mins.pop();
                    true
                } else {
                    false
                }
            }
        }
    }

    pub fn contains(&self, hash: u64) -> bool {
        self.mins.binary_search(&hash).is_ok()
    }

    pub fn count(&self) -> u64 {
        if self.mins.len() < self.k as usize {
            return self.mins.len() as u64;
        }
        let max = *self.mins.last().expect("k >= 2") as f64;
        ((self.k as f64 - 1.0) * (u64::MAX as f64) / max).round() as u64
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
    fn topk_keeps_heavy_hitters_under_churn() {
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
    fn topk_lookups_survive_probe_chains() {
        // Force collisions by filling, evicting and re-adding many keys; every live key stays findable.
        let mut t: TopK<Count> = TopK::new(50, false);
        for i in 0..5000u32 {
            t.entry(&format!("k{}", i % 173)).0 += 1.0;
            for (k, _) in t.iter() {
                assert!(t.find(k).is_some(), "{k}");
            }
        }
    }

    #[test]
    fn topk_roundtrips_through_serde() {
        let mut t: TopK<Count> = TopK::new(4, false);
        for k in ["a", "b", "a", "c"] {
            t.entry(k).0 += 1.0;
        }
        let bytes = postcard::to_allocvec(&t).unwrap();
        let back: TopK<Count> = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back.get("a").unwrap().0, 2.0);
        assert!(back.get("z").is_none());
    }

    #[test]
    fn distinct_is_exact_when_small_and_close_when_large() {
        let mut d = Distinct::new(256);
        for i in 0..100u64 {
            d.insert(mix64(i));
            d.insert(mix64(i));
        }
        assert_eq!(d.count(), 100);
        let mut big = Distinct::new(256);
        for i in 0..50_000u64 {
            big.insert(mix64(i));
        }
        let est = big.count() as f64;
        assert!((est - 50_000.0).abs() / 50_000.0 < 0.2, "{est}");
    }

    #[test]
    fn count_min_never_undercounts() {
        let mut cm = CountMin::new(8);
        for i in 0..5000u64 {
            cm.add(mix64(i % 700));
        }
        for k in 0..700u64 {
            let truth = 5000 / 700 + u32::from(k < 5000 % 700);
            assert!(cm.get(mix64(k)) >= truth);
        }
    }

    #[test]
    fn decay_halves_per_half_life() {
        let mut c = DecayClock::new(1000.0);
        c.rebase(10_000);
        let v = c.boost(10_000);
        assert!((v / c.boost(11_000) - 0.5).abs() < 1e-9);
    }
}
