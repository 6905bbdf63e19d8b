//! Hot keywords: decayed counts over a bounded sketch, and "rising" against the room's own baseline.
//!
//! Two half-lives: a fast one (what the room says now) and a slow one (what it usually says). A word
//! is rising when its fast rate is well above its slow rate. A third, undecayed sketch keeps the
//! all-session counts the post-stream report needs.

use crate::sketch::{DecayClock, Slot, TopK, hash64};
use crate::tokenize::{is_alnum, is_emoji_char};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

pub const RECENT_CAP: usize = 512;
pub const SESSION_CAP: usize = 1024;
const FAST_HALF_LIFE_MS: f64 = 2.0 * 60_000.0;
const SLOW_HALF_LIFE_MS: f64 = 20.0 * 60_000.0;
/// Rising needs a baseline: nothing is "rising" in the first minutes of a session.
const WARMUP_MS: i64 = 3 * 60_000;
const RISING_RATIO: f64 = 1.8;
const RISING_MIN: f64 = 3.0;

static STOPWORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();

/// Stopwords for keywords only: question words are in these lists, so never apply them earlier.
pub fn is_stopword(token: &str) -> bool {
    STOPWORDS
        .get_or_init(|| {
            include_str!("data/stopwords_iso_zh.txt")
                .lines()
                .chain(include_str!("data/stopwords_live.txt").lines())
                .chain(include_str!("data/stopwords_en.txt").lines())
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect()
        })
        .contains(token)
}

/// Polar words of the lexicon (好看, great, broken) are mood, not topics: the mood gauge reads them,
/// and in the hot keywords they crowd out what the room talks about. A complaint's alert still names
/// them (`is_keyword`): there, "broken" says what went wrong.
pub fn is_mood_word(token: &str) -> bool {
    static MOOD: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    MOOD.get_or_init(crate::sentiment::lexicon::polar_words).contains(token)
}

/// Whether a token can be a keyword at all. Stickers and emoji are mood, not topics: the mood gauge
/// reads them; keywords are what the room talks about. Not punctuation, not a stopword, at least two
/// characters; bare numbers are noise, except the room's cheers (666, 888).
pub fn is_keyword(token: &str) -> bool {
    // Most tokens are one character (个, 了, 吗): settled before the per-character checks.
    let mut first_two = token.chars();
    if token.starts_with('[') || first_two.next().is_none() || first_two.next().is_none() {
        return false;
    }
    let (mut chars, mut word, mut digits) = (0, false, true);
    for c in token.chars() {
        if is_emoji_char(c) {
            return false;
        }
        chars += 1;
        // `is_punct` is "no character is alphanumeric or '['".
        word |= c == '[' || is_alnum(c);
        digits &= c.is_ascii_digit();
    }
    if chars < 2 || !word || is_stopword(token) {
        return false;
    }
    !digits || (token.len() >= 3 && token.bytes().all(|b| b == token.as_bytes()[0]))
}

#[derive(Default, Clone, Serialize, Deserialize)]
struct Recent {
    fast: f64,
    slow: f64,
}

impl Slot for Recent {
    fn rank(&self) -> f64 {
        self.slow
    }
}

#[derive(Default, Clone, Serialize, Deserialize)]
struct Total(f64);

impl Slot for Total {
    fn rank(&self) -> f64 {
        self.0
    }
    fn inherit(&mut self, floor: f64) {
        self.0 = floor;
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    pub word: String,
    /// Decayed count: about how many comments used it in the last few minutes.
    pub score: f64,
    /// All-session count (an upper bound once the sketch is full).
    pub count: u64,
    pub rising: bool,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct Keywords {
    fast: DecayClock,
    slow: DecayClock,
    started_ms: Option<i64>,
    recent: TopK<Recent>,
    session: TopK<Total>,
}

impl Default for Keywords {
    fn default() -> Self {
        Keywords {
            fast: DecayClock::new(FAST_HALF_LIFE_MS),
            slow: DecayClock::new(SLOW_HALF_LIFE_MS),
            started_ms: None,
            recent: TopK::new(RECENT_CAP, false),
            session: TopK::new(SESSION_CAP, true),
        }
    }
}

impl Keywords {
    /// Counts each keyword of one comment once.
    pub fn observe<'a>(&mut self, tokens: impl Iterator<Item = &'a str>, now_ms: i64) {
        self.observe_hashed(tokens.map(|t| (t, hash64(t))), now_ms);
    }

    /// `observe` for tokens the caller already hashed (`hash64`).
    pub fn observe_hashed<'a>(&mut self, tokens: impl Iterator<Item = (&'a str, u64)>, now_ms: i64) {
        self.started_ms.get_or_insert(now_ms);
        let (rebase, bf) = self.fast.advance(now_ms);
        if let Some(f) = rebase {
            self.recent.slots_mut().for_each(|r| r.fast /= f);
        }
        let (rebase, bs) = self.slow.advance(now_ms);
        if let Some(f) = rebase {
            self.recent.slots_mut().for_each(|r| r.slow /= f);
        }
        let mut seen: [(u64, &str); 16] = [(0, ""); 16];
        let mut n_seen = 0;
        for (t, h) in tokens {
            if !is_keyword(t) || is_mood_word(t) || seen[..n_seen].iter().any(|&(sh, st)| sh == h && st == t) {
                continue;
            }
            if n_seen < seen.len() {
                seen[n_seen] = (h, t);
                n_seen += 1;
            }
            let r = self.recent.entry_hashed(t, h);
            r.fast += bf;
            r.slow += bs;
            self.session.entry_hashed(t, h).0 += 1.0;
        }
    }

    /// Top `n` by recent use.
    pub fn top(&self, n: usize, now_ms: i64) -> Vec<Keyword> {
        let (bf, bs) = (self.fast.boost(now_ms), self.slow.boost(now_ms));
        let elapsed = self.started_ms.map_or(0, |s| now_ms - s);
        let warm = elapsed >= WARMUP_MS;
        self.recent
            .top_by(n, |r| r.fast)
            .into_iter()
            .map(|(word, r, _)| {
                let fast = r.fast / bf;
                let slow = r.slow / bs;
                let ratio = self.fast.rate(fast, elapsed) / self.slow.rate(slow, elapsed).max(1e-15);
                Keyword {
                    word: word.to_string(),
                    score: round1(fast),
                    count: self.session.get(word).map_or(0, |t| t.0 as u64),
                    rising: warm && fast >= RISING_MIN && ratio >= RISING_RATIO,
                }
            })
            .filter(|k| k.score >= 0.05)
            .collect()
    }

    /// Top `n` over the whole session (the report).
    pub fn session_top(&self, n: usize) -> Vec<Keyword> {
        self.session
            .top_by(n, |t| t.0)
            .into_iter()
            .map(|(word, t, _)| Keyword { word: word.to_string(), score: t.0, count: t.0 as u64, rising: false })
            .collect()
    }
}

pub(crate) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_noise() {
        assert!(is_keyword("尺码"));
        assert!(is_keyword("666"));
        assert!(!is_keyword("[比心]"));
        assert!(!is_keyword("🍈"));
        assert!(!is_keyword("的"));
        assert!(!is_keyword("什么"));
        assert!(!is_keyword("12"));
        assert!(!is_keyword("?"));
        // English rooms: function words and reactions are no topic.
        assert!(is_keyword("color"));
        for w in ["the", "is", "much", "lol"] {
            assert!(!is_keyword(w), "{w}");
        }
    }

    #[test]
    fn mood_words_are_no_topic() {
        let mut k = Keywords::default();
        for (i, text) in [["好看", "颜色"], ["great", "bag"], ["broken", "zipper"]].iter().enumerate() {
            k.observe(text.iter().copied(), 1_000 * i as i64);
        }
        let words: Vec<_> = k.top(10, 3_000).into_iter().map(|w| w.word).collect();
        assert_eq!(words.len(), 3, "{words:?}");
        assert!(words.iter().all(|w| ["颜色", "bag", "zipper"].contains(&w.as_str())), "{words:?}");
        // A complaint's alert still names what went wrong.
        assert!(is_keyword("broken") && is_mood_word("broken") && !is_mood_word("尺码"));
    }

    #[test]
    fn recent_words_rise_against_the_baseline() {
        let mut k = Keywords::default();
        let mut t = 1_000_000;
        for i in 0..600 {
            k.observe(["颜色", if i % 2 == 0 { "面料" } else { "款式" }].into_iter(), t);
            t += 1_000;
        }
        for _ in 0..60 {
            k.observe(["尺码", "偏大"].into_iter(), t);
            t += 1_000;
        }
        let top = k.top(10, t);
        let size = top.iter().find(|w| w.word == "尺码").expect("尺码 in top");
        assert!(size.rising, "{top:?}");
        assert!(!top.iter().find(|w| w.word == "颜色").unwrap().rising);
        assert_eq!(k.session_top(1)[0].word, "颜色");
    }
}
