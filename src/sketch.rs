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
    index: FxHashMap<Box<str>, u32>,
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
        let index = d.keys.iter().enumerate().map(|(i, k)| (k.clone(), i as u32)).collect();
        TopK {
            cap: d.cap,
            inherit: d.inherit,
            keys: d.keys,
            slots: d.slots,
            index,
            victims: Vec::new(),
            victim_bound: 0.0,
        }
    }
}

impl<S> From<TopK<S>> for TopKData<S> {
    fn from(t: TopK<S>) -> Self {
        TopKData { cap: t.cap, inherit: t.inherit, keys: t.keys, slots: t.slots }
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
        self.index.get(key).map(|&i| &self.slots[i as usize])
    }

    /// The slot for `key`, inserted (possibly evicting another key) if absent.
    pub fn entry(&mut self, key: &str) -> &mut S {
        if let Some(&i) = self.index.get(key) {
            return &mut self.slots[i as usize];
        }
        let i = if self.keys.len() < self.cap {
            self.keys.push(key.into());
            self.slots.push(S::default());
            self.keys.len() - 1
        } else {
            let i = self.pick_victim();
            let floor = self.slots[i].rank();
            let old = std::mem::replace(&mut self.keys[i], key.into());
            self.index.remove(&old);
            let mut slot = S::default();
            if self.inherit {
                slot.inherit(floor);
            }
            self.slots[i] = slot;
            i
        };
        self.index.insert(self.keys[i].clone(), i as u32);
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
    fn decay_halves_per_half_life() {
        let mut c = DecayClock::new(1000.0);
        c.rebase(10_000);
        let v = c.boost(10_000);
        assert!((v / c.boost(11_000) - 0.5).abs() < 1e-9);
    }
}
