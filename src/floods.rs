//! Floods (刷屏): the same text from many viewers in a short time — 扣1, 666, 来了. It is signal (the
//! room is excited, or a poll runs), so it is counted and shown, never mistaken for many topics.

use crate::sketch::{DecayClock, Slot, TopK};
use serde::{Deserialize, Serialize};

const CAP: usize = 256;
const HALF_LIFE_MS: f64 = 20_000.0;
/// Decayed copies needed to call a text a flood (about this many in the last ~20 s).
const FLOOD_AT: f64 = 5.0;

#[derive(Default, Clone, Serialize, Deserialize)]
struct Text {
    recent: f64,
    total: u64,
    last_ms: i64,
    flagged: bool,
}

impl Slot for Text {
    fn rank(&self) -> f64 {
        self.recent
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flood {
    pub text: String,
    /// Copies while tracked (the sketch forgets texts that go quiet).
    pub count: u64,
    pub recent: f64,
    pub last_ms: i64,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct Floods {
    clock: DecayClock,
    texts: TopK<Text>,
}

impl Default for Floods {
    fn default() -> Self {
        Floods { clock: DecayClock::new(HALF_LIFE_MS), texts: TopK::new(CAP, false) }
    }
}

impl Floods {
    /// Counts one comment; returns true when the text is (now) a flood.
    pub fn observe(&mut self, text: &str, now_ms: i64) -> bool {
        if text.is_empty() {
            return false;
        }
        let (rebase, boost) = self.clock.advance(now_ms);
        if let Some(f) = rebase {
            self.texts.slots_mut().for_each(|t| t.recent /= f);
        }
        let t = self.texts.entry(text);
        t.recent += boost;
        t.total += 1;
        t.last_ms = now_ms;
        if t.recent / boost >= FLOOD_AT {
            t.flagged = true;
        }
        t.flagged
    }

    /// Texts flagged as floods, most active first.
    pub fn top(&self, n: usize, now_ms: i64) -> Vec<Flood> {
        let boost = self.clock.boost(now_ms);
        self.texts
            .top_by(usize::MAX, |t| if t.flagged { t.recent } else { -1.0 })
            .into_iter()
            .filter(|(_, t, _)| t.flagged)
            .take(n)
            .map(|(text, t, _)| Flood {
                text: text.to_string(),
                count: t.total,
                recent: crate::keywords::round1(t.recent / boost),
                last_ms: t.last_ms,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_text_becomes_a_flood() {
        let mut f = Floods::default();
        let mut flagged = false;
        for i in 0..8 {
            flagged = f.observe("扣1", 1000 + i * 500);
            f.observe(&format!("评论{i}"), 1000 + i * 500);
        }
        assert!(flagged);
        let top = f.top(3, 5000);
        assert_eq!(top.len(), 1);
        assert_eq!((top[0].text.as_str(), top[0].count), ("扣1", 8));
    }
}
