//! New-word discovery: terms a room keeps using that jieba splits (product nicknames, room slang,
//! a host's catchphrase) are found from how often their parts occur together, then merged back
//! into one token for the rest of the session.
//!
//! A candidate is two adjacent tokens whose joined form (2–6 characters, Han or letters) recurs at
//! least `MIN_COUNT` times, whose parts mostly occur together (each part is followed or preceded by
//! the other in at least `MIN_COHESION` of its uses) and more often than chance (pointwise mutual
//! information ≥ `MIN_PMI`). Counts live in bounded sketches; at most `MAX_WORDS` are kept.

use crate::sketch::{Slot, TopK};
use crate::tokenize::Span;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

pub const MAX_WORDS: usize = 200;
const MIN_COUNT: f64 = 8.0;
const MIN_PMI: f64 = 1.0;
const MIN_COHESION: f64 = 0.6;
const PAIR_CAP: usize = 2048;
const UNIGRAM_CAP: usize = 4096;

/// Particles and function words that never start or end a new word.
const GLUE: &[&str] = &[
    "的", "了", "吗", "呢", "啊", "吧", "呀", "哦", "嘛", "么", "是", "我", "你", "他", "她", "在", "有", "也", "都",
    "就", "和", "还", "很", "不", "没", "要", "这", "那", "个", "哈", "嗯", "啦",
];

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

#[derive(Clone, Serialize, Deserialize)]
pub struct NewWords {
    unigrams: TopK<Count>,
    pairs: TopK<Count>,
    total: f64,
    words: Vec<String>,
    #[serde(skip)]
    lookup: FxHashSet<String>,
    #[serde(skip)]
    scratch: String,
}

impl Default for NewWords {
    fn default() -> Self {
        NewWords {
            unigrams: TopK::new(UNIGRAM_CAP, true),
            pairs: TopK::new(PAIR_CAP, true),
            total: 0.0,
            words: Vec::new(),
            lookup: FxHashSet::default(),
            scratch: String::new(),
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
    }

    /// Merges adjacent spans that form a known new word (longest first, up to three parts).
    pub fn merge(&self, text: &str, spans: &mut Vec<Span>) {
        if self.lookup.is_empty() || spans.len() < 2 {
            return;
        }
        let mut out = Vec::with_capacity(spans.len());
        let mut i = 0;
        while i < spans.len() {
            let mut taken = 1;
            for parts in (2..=3).rev() {
                if i + parts > spans.len() {
                    continue;
                }
                let (a, b) = (spans[i].0, spans[i + parts - 1].1);
                if contiguous(&spans[i..i + parts]) && self.lookup.contains(&text[a as usize..b as usize]) {
                    out.push((a, b));
                    taken = parts;
                    break;
                }
            }
            if taken == 1 {
                out.push(spans[i]);
            }
            i += taken;
        }
        *spans = out;
    }

    /// Counts one comment's tokens; returns a word when this comment made it cross the bar.
    pub fn observe(&mut self, text: &str, spans: &[Span], known: impl Fn(&str) -> bool) -> Option<String> {
        let mut found = None;
        for &(a, b) in spans {
            let t = &text[a as usize..b as usize];
            if is_candidate_part(t) {
                self.unigrams.entry(t).0 += 1.0;
                self.total += 1.0;
            }
        }
        if self.words.len() >= MAX_WORDS {
            return None;
        }
        for w in spans.windows(2) {
            if !contiguous(w) {
                continue;
            }
            let (l, r) = (&text[w[0].0 as usize..w[0].1 as usize], &text[w[1].0 as usize..w[1].1 as usize]);
            if !is_candidate_part(l) || !is_candidate_part(r) {
                continue;
            }
            let chars = l.chars().count() + r.chars().count();
            if !(2..=6).contains(&chars) {
                continue;
            }
            self.scratch.clear();
            self.scratch.push_str(l);
            self.scratch.push_str(r);
            let n = {
                let slot = self.pairs.entry(&self.scratch);
                slot.0 += 1.0;
                slot.0
            };
            if n < MIN_COUNT || self.lookup.contains(&self.scratch) || known(&self.scratch) {
                continue;
            }
            let cl = self.unigrams.get(l).map_or(1.0, |c| c.0);
            let cr = self.unigrams.get(r).map_or(1.0, |c| c.0);
            let pmi = (n * self.total / (cl * cr)).ln();
            if pmi >= MIN_PMI && n / cl.max(cr) >= MIN_COHESION {
                let word = self.scratch.clone();
                self.lookup.insert(word.clone());
                self.words.push(word.clone());
                found = Some(word);
                if self.words.len() >= MAX_WORDS {
                    break;
                }
            }
        }
        found
    }
}

fn contiguous(spans: &[Span]) -> bool {
    spans.windows(2).all(|w| w[0].1 == w[1].0)
}

fn is_candidate_part(t: &str) -> bool {
    let n = t.chars().count();
    (1..=4).contains(&n)
        && !GLUE.contains(&t)
        && t.chars().all(|c| c.is_alphabetic() && (c >= '\u{4E00}' || c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::{jieba, spans_into};

    fn spans(text: &str) -> Vec<Span> {
        let mut v = Vec::new();
        spans_into(text, &mut v);
        v
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
                if let Some(w) = nw.observe(t, &s, |w| jieba().has_word(w)) {
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
                nw.observe(t, &s, |w| jieba().has_word(w));
            }
        }
        assert!(!nw.words().iter().any(|w| w == "主播好"), "{:?}", nw.words());
    }
}
