//! Per-minute buckets of the stream: comments, questions, sentiment and events. The live mood (last
//! five minutes), the 30-minute sparkline, comments per minute and the report's charts read them.
//! Bounded to `MAX_MINUTES` (24 h): a longer session keeps its latest day.

use crate::comment::Kind;
use crate::sentiment::Polarity;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

pub const MAX_MINUTES: usize = 24 * 60;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bucket {
    /// Unix time of the minute's start, in ms.
    pub start_ms: i64,
    pub comments: u32,
    pub questions: u32,
    pub pos: u32,
    pub neu: u32,
    pub neg: u32,
    /// Sum of sentiment scores (mean = score_sum / comments).
    pub score_sum: f32,
    pub gifts: u32,
    pub likes: u32,
    pub entries: u32,
    pub follows: u32,
    pub purchases: u32,
}

impl Bucket {
    pub fn mood(&self) -> f32 {
        if self.comments == 0 { 0.0 } else { (self.pos as f32 - self.neg as f32) / self.comments as f32 }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Shares {
    pub pos: f64,
    pub neu: f64,
    pub neg: f64,
    pub n: u64,
}

impl Shares {
    pub fn of(pos: u64, neu: u64, neg: u64) -> Shares {
        let n = pos + neu + neg;
        if n == 0 {
            return Shares::default();
        }
        let f = |x: u64| (x as f64 / n as f64 * 1000.0).round() / 1000.0;
        Shares { pos: f(pos), neu: f(neu), neg: f(neg), n }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Timeline {
    buckets: VecDeque<Bucket>,
}

fn minute(ts_ms: i64) -> i64 {
    ts_ms.div_euclid(60_000) * 60_000
}

impl Timeline {
    fn bucket(&mut self, ts_ms: i64) -> &mut Bucket {
        let m = minute(ts_ms);
        // Late rows (clock skew between tabs) land in their minute if it is still kept.
        if let Some(pos) = self.buckets.iter().rposition(|b| b.start_ms == m) {
            return &mut self.buckets[pos];
        }
        let last = self.buckets.back().map(|b| b.start_ms);
        if last.is_some_and(|l| m < l) {
            return self.buckets.back_mut().expect("non-empty");
        }
        // Fill silent minutes so charts show the silence (bounded by MAX_MINUTES).
        if let Some(l) = last {
            let gap = ((m - l) / 60_000 - 1).clamp(0, MAX_MINUTES as i64) as usize;
            let first_fill = m - gap as i64 * 60_000;
            for k in 0..gap {
                self.push(Bucket { start_ms: first_fill + k as i64 * 60_000, ..Default::default() });
            }
        }
        self.push(Bucket { start_ms: m, ..Default::default() });
        self.buckets.back_mut().expect("just pushed")
    }

    fn push(&mut self, b: Bucket) {
        if self.buckets.len() == MAX_MINUTES {
            self.buckets.pop_front();
        }
        self.buckets.push_back(b);
    }

    pub fn comment(&mut self, ts_ms: i64, question: bool, polarity: Polarity, score: f32) {
        let b = self.bucket(ts_ms);
        b.comments += 1;
        b.questions += question as u32;
        match polarity {
            Polarity::Pos => b.pos += 1,
            Polarity::Neu => b.neu += 1,
            Polarity::Neg => b.neg += 1,
        }
        b.score_sum += score;
    }

    pub fn event(&mut self, ts_ms: i64, kind: Kind) {
        let b = self.bucket(ts_ms);
        match kind {
            Kind::Gift => b.gifts += 1,
            Kind::Like => b.likes += 1,
            Kind::Enter => b.entries += 1,
            Kind::Follow => b.follows += 1,
            Kind::Purchase => b.purchases += 1,
            Kind::Comment | Kind::System => {}
        }
    }

    /// Buckets that started within `minutes` of `now` (the current minute included).
    pub fn last(&self, minutes: usize, now_ms: i64) -> impl Iterator<Item = &Bucket> {
        let from = minute(now_ms) - (minutes as i64 - 1) * 60_000;
        self.buckets.iter().filter(move |b| b.start_ms >= from && b.start_ms <= now_ms)
    }

    pub fn shares(&self, minutes: usize, now_ms: i64) -> Shares {
        let (mut p, mut u, mut n) = (0u64, 0u64, 0u64);
        for b in self.last(minutes, now_ms) {
            p += b.pos as u64;
            u += b.neu as u64;
            n += b.neg as u64;
        }
        Shares::of(p, u, n)
    }

    /// Comments in the 60 s before `now`, interpolating the previous minute's share.
    pub fn per_minute(&self, now_ms: i64) -> f64 {
        let m = minute(now_ms);
        let frac = (now_ms - m) as f64 / 60_000.0;
        let cur = self.buckets.iter().rev().find(|b| b.start_ms == m).map_or(0, |b| b.comments) as f64;
        let prev = self.buckets.iter().rev().find(|b| b.start_ms == m - 60_000).map_or(0, |b| b.comments) as f64;
        (cur + prev * (1.0 - frac)).round()
    }

    pub fn all(&self) -> &VecDeque<Bucket> {
        &self.buckets
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_fill_gaps_and_stay_bounded() {
        let mut t = Timeline::default();
        t.comment(0, false, Polarity::Pos, 0.5);
        t.comment(3 * 60_000 + 5, true, Polarity::Neg, -0.5);
        assert_eq!(t.all().len(), 4);
        assert_eq!(t.shares(1, 3 * 60_000 + 10).neg, 1.0);
        let mut long = Timeline::default();
        for m in 0..(MAX_MINUTES as i64 + 100) {
            long.comment(m * 60_000, false, Polarity::Neu, 0.0);
        }
        assert_eq!(long.all().len(), MAX_MINUTES);
    }
}
