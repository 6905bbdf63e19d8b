//! New-word discovery: terms a room keeps using that jieba splits (product nicknames, room slang,
//! a host's catchphrase) are found from how often their parts occur together, then merged back
//! into one token for the rest of the session.
//!
//! A candidate is two adjacent tokens whose joined form (2–6 characters, Han or letters) recurs at
//! least `MIN_COUNT` times, whose parts mostly occur together (each part is followed or preceded by
//! the other in at least `MIN_COHESION` of its uses) and more often than chance (pointwise mutual
//! information ≥ `MIN_PMI`). Counts live in bounded sketches; at most `MAX_WORDS` are kept.

use crate::sketch::{CountMin, mix64};
use crate::tokenize::Span;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

pub const MAX_WORDS: usize = 200;
const MIN_COUNT: f64 = 8.0;
const MIN_PMI: f64 = 1.0;
const MIN_COHESION: f64 = 0.6;
/// Count-min widths (2^bits counters per row, two rows): 32 KiB and 64 KiB.
const UNIGRAM_BITS: u8 = 12;
const PAIR_BITS: u8 = 13;

/// Particles and function words that never start or end a new word.
const GLUE: &[char] = &[
    '的', '了', '吗', '呢', '啊', '吧', '呀', '哦', '嘛', '么', '是', '我', '你', '他', '她', '在', '有', '也', '都',
    '就', '和', '还', '很', '不', '没', '要', '这', '那', '个', '哈', '嗯', '啦',
];

#[derive(Clone, Serialize, Deserialize)]
pub struct NewWords {
    unigrams: CountMin,
    pairs: CountMin,
    total: u64,
    words: Vec<String>,
    #[serde(skip)]
    lookup: FxHashSet<String>,
    /// A bit per hashed first character of the words in `lookup`: most spans start no word, and
    /// this tells so without hashing the candidate text.
    #[serde(skip)]
    firsts: [u64; 32],
}

impl Default for NewWords {
    fn default() -> Self {
        NewWords {
            unigrams: CountMin::new(UNIGRAM_BITS),
            pairs: CountMin::new(PAIR_BITS),
            total: 0,
            words: Vec::new(),
            lookup: FxHashSet::default(),
            firsts: [0; 32],
        }
    }
}

impl NewWords {
    /// Words found so far, in the order they were found.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Rebuilds the lookup set after a checkpoint restore.
    pub fn after_restore(&mut self) {
        self.lookup = self.words.iter().cloned().collect();
        self.firsts = [0; 32];
        for w in &self.words {
            set_bit(&mut self.firsts, w);
        }
    }

    fn may_start_a_word(&self, text: &str) -> bool {
        text.chars().next().is_some_and(|c| {
            let b = first_bit(c);
            self.firsts[b / 64] >> (b % 64) & 1 == 1
        })
    }

    /// Merges adjacent spans that form a known new word (longest first, up to three parts), in place.
    pub fn merge(&self, text: &str, spans: &mut Vec<Span>) {
        if self.lookup.is_empty() || spans.len() < 2 {
            return;
        }
        // Writes trail reads (w <= i), so the spans still to read are never overwritten.
        let (mut w, mut i) = (0, 0);
        while i < spans.len() {
            let mut taken = 1;
            let mut merged = spans[i];
            let starts = self.may_start_a_word(&text[spans[i].0 as usize..]);
            for parts in (2..=3).rev() {
                if !starts || i + parts > spans.len() {
                    continue;
                }
                let (a, b) = (spans[i].0, spans[i + parts - 1].1);
                if contiguous(&spans[i..i + parts]) && self.lookup.contains(&text[a as usize..b as usize]) {
                    merged = (a, b);
                    taken = parts;
                    break;
                }
            }
            spans[w] = merged;
            w += 1;
            i += taken;
        }
        spans.truncate(w);
    }

    /// Counts one comment's tokens (`token_hashes[i]` is `hash64` of span `i`); returns a word when
    /// this comment made it cross the bar.
    pub fn observe(
        &mut self,
        text: &str,
        spans: &[Span],
        token_hashes: &[u64],
        known: impl Fn(&str) -> bool,
    ) -> Option<String> {
        let mut found = None;
        let mut hashes = [0u64; 64];
        for (i, (&(a, b), &h)) in spans.iter().zip(token_hashes).enumerate().take(hashes.len()) {
            if is_candidate_part(&text[a as usize..b as usize]) {
                hashes[i] = h;
                self.unigrams.add(h);
                self.total += 1;
            }
        }
        if self.words.len() >= MAX_WORDS {
            return None;
        }
        for (i, w) in spans.windows(2).enumerate().take(hashes.len() - 1) {
            let (hl, hr) = (hashes[i], hashes[i + 1]);
            if hl == 0 || hr == 0 || !contiguous(w) {
                continue;
            }
            let chars = (w[1].1 - w[0].0) as usize / 3; // candidate parts are 3-byte Han or 1-byte ASCII
            if chars > 6 {
                continue;
            }
            let n = self.pairs.add(mix64(hl ^ hr.rotate_left(23))) as f64;
            // Check at the threshold and now and then after it (the dictionary lookup is not free).
            if n < MIN_COUNT || (n - MIN_COUNT) as u32 % 4 != 0 {
                continue;
            }
            let word = &text[w[0].0 as usize..w[1].1 as usize];
            if !(2..=6).contains(&word.chars().count()) || self.lookup.contains(word) || known(word) {
                continue;
            }
            let (cl, cr) = (self.unigrams.get(hl) as f64, self.unigrams.get(hr) as f64);
            let pmi = libm::log(n * self.total as f64 / (cl * cr).max(1.0));
            if pmi >= MIN_PMI && n / cl.max(cr).max(1.0) >= MIN_COHESION {
                self.lookup.insert(word.to_string());
                set_bit(&mut self.firsts, word);
                self.words.push(word.to_string());
                found = Some(word.to_string());
                if self.words.len() >= MAX_WORDS {
                    break;
                }
            }
        }
        found
    }
}

fn first_bit(c: char) -> usize {
    ((c as u32).wrapping_mul(0x9E37_79B1) >> 21) as usize
}

fn set_bit(bits: &mut [u64; 32], word: &str) {
    if let Some(c) = word.chars().next() {
        let b = first_bit(c);
        bits[b / 64] |= 1 << (b % 64);
    }
}

fn contiguous(spans: &[Span]) -> bool {
    spans.windows(2).all(|w| w[0].1 == w[1].0)
}

fn is_candidate_part(t: &str) -> bool {
    let mut n = 0;
    let mut last = ' ';
    for c in t.chars() {
        n += 1;
        let han = ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c);
        if n > 4 || !(han || c.is_ascii_alphabetic()) {
            return false;
        }
        last = c;
    }
    // A one-character token: is that character glue (a char search, not a substring search)?
    n > 1 || (n == 1 && !GLUE.contains(&last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sketch::hash64;
    use crate::tokenize::{jieba, spans_into};

    fn spans(text: &str) -> Vec<Span> {
        let mut v = Vec::new();
        spans_into(text, &mut v);
        v
    }

    fn observe(nw: &mut NewWords, text: &str, spans: &[Span]) -> Option<String> {
        let hashes: Vec<u64> = spans.iter().map(|&(a, b)| hash64(&text[a as usize..b as usize])).collect();
        nw.observe(text, spans, &hashes, |w| jieba().has_word(w))
    }

    #[test]
    fn discovers_a_product_nickname_and_merges_it() {
        let mut nw = NewWords::default();
        let filler = ["今天天气不错", "主播好漂亮", "晚上好", "来了来了", "衣服好看", "想要", "这个颜色好看"];
        let room = ["蛋蛋裙还有吗", "蛋蛋裙多少钱", "我要蛋蛋裙", "蛋蛋裙好看", "蛋蛋裙什么码"];
        let mut found = Vec::new();
        for round in 0..12 {
            for t in filler.iter().chain(room.iter().take(1 + round % 5)) {
                let s = spans(t);
                if let Some(w) = observe(&mut nw, t, &s) {
                    found.push(w);
                }
            }
        }
        assert!(found.contains(&"蛋蛋裙".to_string()), "{found:?}");
        let text = "蛋蛋裙还有吗";
        let mut s = spans(text);
        nw.merge(text, &mut s);
        assert_eq!(&text[s[0].0 as usize..s[0].1 as usize], "蛋蛋裙");
    }

    #[test]
    fn common_phrases_of_frequent_words_are_not_words() {
        let mut nw = NewWords::default();
        let lines = ["主播好", "主播加油", "好看", "好喜欢", "主播唱歌", "加油加油", "喜欢主播"];
        for _ in 0..40 {
            for t in lines {
                let s = spans(t);
                observe(&mut nw, t, &s);
            }
        }
        assert!(!nw.words().iter().any(|w| w == "主播好"), "{:?}", nw.words());
    }
}
