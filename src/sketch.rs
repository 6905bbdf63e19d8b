//! Bounded counting structures: everything that grows with the stream goes through one of these, so
//! memory stays flat over a six-hour stream.

use rustc_hash::FxHasher;
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};

mod topk;
pub use topk::{Slot, TopK};

/// A stable 64-bit hash with well-mixed bits (FxHash alone is too regular for distinct counting).
pub fn hash64<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = FxHasher::default();
    value.hash(&mut h);
    mix64(h.finish())
}

/// `x`'s bits as an integer whose order is `f64::total_cmp`'s (the transformation it makes itself):
/// a selection over many ranks compares these at one instruction a comparison, with the outcomes
/// `total_cmp` would give, so it picks what it picked before.
pub fn total_order(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    bits ^ (((bits >> 63) as u64) >> 1) as i64
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
        libm::exp2((now_ms - self.origin_ms) as f64 / self.half_life_ms)
    }

    /// The per-ms rate a decayed `value` stands for, given that counting began `elapsed_ms` ago (a
    /// young counter has not filled up yet, so dividing by the steady state alone would understate it).
    pub fn rate(&self, value: f64, elapsed_ms: i64) -> f64 {
        let fill = 1.0 - libm::exp2(-(elapsed_ms.max(1) as f64) / self.half_life_ms);
        value * std::f64::consts::LN_2 / (self.half_life_ms * fill)
    }

    /// Moves the origin to `now` when boosts grow too large for f64; returns the factor every stored
    /// value must be divided by, if a move happened.
    pub fn rebase(&mut self, now_ms: i64) -> Option<f64> {
        self.advance(now_ms).0
    }

    /// `rebase` and then `boost(now)`, with one `exp2` instead of two.
    pub fn advance(&mut self, now_ms: i64) -> (Option<f64>, f64) {
        if self.origin_ms == 0 {
            self.origin_ms = now_ms;
            return (None, 1.0);
        }
        let b = self.boost(now_ms);
        if b > 1e60 {
            self.origin_ms = now_ms;
            return (Some(b), 1.0);
        }
        (None, b)
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

    /// The union with another sketch of the same `k`: the `k` smallest of both.
    pub fn merge(&mut self, other: &Distinct) {
        self.mins.extend_from_slice(&other.mins);
        self.mins.sort_unstable();
        self.mins.dedup();
        self.mins.truncate(self.k as usize);
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

    #[test]
    fn total_order_orders_as_total_cmp() {
        let xs = [f64::NEG_INFINITY, -1e300, -1.5, -0.0, 0.0, 1e-310, 0.5, 1.0, 3.25, 1e300, f64::INFINITY, f64::NAN];
        for a in xs {
            for b in xs {
                assert_eq!(total_order(a).cmp(&total_order(b)), a.total_cmp(&b), "{a} {b}");
            }
        }
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

    #[test]
    fn advance_is_rebase_then_boost() {
        let (mut a, mut b) = (DecayClock::new(1000.0), DecayClock::new(1000.0));
        for now in [0, 5, 10_000, 10_000, 12_345, 300_000, 400_000, 401_000] {
            let f = a.rebase(now);
            assert_eq!((f, a.boost(now)), b.advance(now), "{now}");
        }
    }
}
