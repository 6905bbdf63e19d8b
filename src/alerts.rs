//! Complaint spikes: the negative share of the last minute or two jumps against the room's own
//! baseline (骗子, 假货, 退款, 质量差 arriving together). The host sees a banner with the words.

use crate::sketch::{DecayClock, Slot, TopK};
use serde::{Deserialize, Serialize};

const WINDOW_MS: i64 = 60_000;
const MIN_NEGATIVE: usize = 5;
const MAX_HISTORY: usize = 50;
/// How long an alert stays up without new negatives.
const HOLD_MS: i64 = 120_000;

#[derive(Default, Clone, Serialize, Deserialize)]
struct Weight(f64);
impl Slot for Weight {
    fn rank(&self) -> f64 {
        self.0
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    pub started_ms: i64,
    pub last_ms: i64,
    /// Negative share in the window when it fired, and the baseline it was compared with.
    pub share: f64,
    pub baseline: f64,
    pub negatives: u64,
    pub words: Vec<String>,
    pub examples: Vec<String>,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct Alerts {
    /// Recent comments as (ts, negative) — bounded by the window.
    window: std::collections::VecDeque<(i64, bool)>,
    negatives_in_window: usize,
    /// Exponentially weighted negative share of comments that left the window.
    baseline: f64,
    baseline_n: f64,
    words_clock: DecayClock,
    words: TopK<Weight>,
    examples: std::collections::VecDeque<String>,
    current: Option<Alert>,
    history: Vec<Alert>,
}

impl Default for Alerts {
    fn default() -> Self {
        Alerts {
            window: Default::default(),
            negatives_in_window: 0,
            baseline: 0.1,
            baseline_n: 0.0,
            words_clock: DecayClock::new(WINDOW_MS as f64),
            words: TopK::new(128, false),
            examples: Default::default(),
            current: None,
            history: Vec::new(),
        }
    }
}

impl Alerts {
    pub fn observe<'a>(&mut self, negative: bool, text: &str, keywords: impl Iterator<Item = &'a str>, now_ms: i64) {
        while let Some(&(t, neg)) = self.window.front() {
            if now_ms - t <= WINDOW_MS {
                break;
            }
            self.window.pop_front();
            self.negatives_in_window -= neg as usize;
            // A slow EWMA over ~2,000 comments: the room's normal level of grumbling.
            let alpha = (1.0 / (self.baseline_n + 1.0)).max(1.0 / 2000.0);
            self.baseline += alpha * ((neg as u8 as f64) - self.baseline);
            self.baseline_n += 1.0;
        }
        self.window.push_back((now_ms, negative));
        self.negatives_in_window += negative as usize;
        if self.window.len() > 20_000 {
            // A flood bigger than any real room; keep memory bounded.
            let (_, neg) = self.window.pop_front().expect("non-empty");
            self.negatives_in_window -= neg as usize;
        }
        if negative {
            if let Some(f) = self.words_clock.rebase(now_ms) {
                self.words.slots_mut().for_each(|w| w.0 /= f);
            }
            let b = self.words_clock.boost(now_ms);
            for k in keywords {
                self.words.entry(k).0 += b;
            }
            // Five different complaints say more than one said five times (a flood of 退款 or 骗子).
            if let Some(i) = self.examples.iter().position(|e| e == text) {
                self.examples.remove(i);
            } else if self.examples.len() == 5 {
                self.examples.pop_front();
            }
            self.examples.push_back(text.to_string());
        }
        self.evaluate(now_ms);
    }

    fn evaluate(&mut self, now_ms: i64) {
        let n = self.window.len();
        let neg = self.negatives_in_window;
        let share = if n == 0 { 0.0 } else { neg as f64 / n as f64 };
        let base = self.baseline.max(0.05);
        let firing = self.baseline_n >= 50.0 && neg >= MIN_NEGATIVE && share >= (2.0 * base).max(base + 0.15);
        if firing {
            let words: Vec<String> = self.words.top_by(3, |w| w.0).into_iter().map(|(k, _, _)| k.to_string()).collect();
            let examples: Vec<String> = self.examples.iter().cloned().collect();
            match self.current.as_mut() {
                Some(a) => {
                    a.last_ms = now_ms;
                    a.share = a.share.max(share);
                    a.negatives = a.negatives.max(neg as u64);
                    a.words = words;
                    a.examples = examples;
                }
                None => {
                    self.current = Some(Alert {
                        started_ms: now_ms,
                        last_ms: now_ms,
                        share,
                        baseline: base,
                        negatives: neg as u64,
                        words,
                        examples,
                    })
                }
            }
        } else {
            self.expire(now_ms);
        }
    }

    pub fn expire(&mut self, now_ms: i64) {
        if self.current.as_ref().is_some_and(|a| now_ms - a.last_ms > HOLD_MS) {
            let done = self.current.take().expect("checked");
            if self.history.len() == MAX_HISTORY {
                self.history.remove(0);
            }
            self.history.push(done);
        }
    }

    pub fn current(&self) -> Option<&Alert> {
        self.current.as_ref()
    }

    /// Every alert of the session, the running one last.
    pub fn all(&self) -> Vec<Alert> {
        self.history.iter().chain(self.current.iter()).cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_on_a_spike_not_on_steady_grumbling() {
        let mut a = Alerts::default();
        let mut t = 0;
        for i in 0..600 {
            a.observe(i % 10 == 0, "还行", std::iter::empty(), t);
            t += 500;
        }
        assert!(a.current().is_none(), "10% negative is this room's normal");
        for _ in 0..30 {
            a.observe(true, "假货退款", ["假货", "退款"].into_iter(), t);
            a.observe(false, "嗯", std::iter::empty(), t);
            t += 500;
        }
        let alert = a.current().expect("spike");
        assert!(alert.words.contains(&"假货".to_string()));
        assert_eq!(alert.examples, ["还行", "假货退款"], "a complaint repeated is one example");
        t += 10 * 60_000;
        a.observe(false, "好看", std::iter::empty(), t);
        assert!(a.current().is_none());
        assert_eq!(a.all().len(), 1);
    }
}
