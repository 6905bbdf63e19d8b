//! The stateless half of the engine: everything about one row that does not depend on the room —
//! cleaning, tokens, question, intent, sentiment, the question's signature, a vote, link numbers.
//! `Engine::apply` does the rest. Being pure, `analyze` can run on another thread (the CLI
//! overlaps it with `apply`) and is the unit the quality models are measured on.

use crate::clean::clean;
use crate::comment::{Comment, Kind};
use crate::complaints;
use crate::demand::link_numbers;
use crate::intent::{self, Intent};
use crate::jeers;
use crate::poll;
use crate::praise;
use crate::question;
use crate::sentiment::linear::Common;
use crate::sentiment::{self, Polarity};
use crate::similar::{self, Signature};
use crate::sketch::hash64;
use crate::tokenize::{self, Span};
use rustc_hash::FxHashMap;
use std::sync::{Arc, OnceLock};

/// One row, analysed: the row's own facts, and what its text says (shared between every row with
/// the same cleaned text, so a repeated comment costs a reference count, not a copy).
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub kind: Kind,
    pub ts: Option<i64>,
    /// The viewer, hashed; `None` when the source does not say.
    pub user: Option<u64>,
    pub truncated: bool,
    reading: Arc<TextAnalysis>,
}

/// Everything `analyze` finds that depends on the cleaned text alone.
#[derive(Debug, PartialEq)]
pub struct TextAnalysis {
    /// Cleaned text, as shown to the host.
    pub text: String,
    /// `text` with ASCII lower-cased, when that differs (S码 → s码): what matching reads.
    lower: Option<String>,
    /// jieba tokens of `norm()`, as byte ranges.
    pub spans: Vec<Span>,
    pub is_question: bool,
    pub intent: Option<Intent>,
    pub polarity: Polarity,
    pub score: f32,
    pub signature: Option<Signature>,
    /// The option this comment votes for in a 扣N poll.
    pub vote: Option<String>,
    /// Link numbers it names (3号, 三号链接).
    pub links: Vec<u32>,
    /// What it complains about, if it complains about an order, the shop or the product (an index
    /// into `complaints::TOPIC_NAMES`): the alert counts it, under that word.
    pub complaint: Option<u8>,
}

impl std::ops::Deref for Analysis {
    type Target = TextAnalysis;

    fn deref(&self) -> &TextAnalysis {
        &self.reading
    }
}

impl TextAnalysis {
    /// The text matching reads: cleaned and ASCII lower-cased.
    pub fn norm(&self) -> &str {
        self.lower.as_deref().unwrap_or(&self.text)
    }

    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        let norm = self.norm();
        self.spans.iter().map(move |&(a, b)| &norm[a as usize..b as usize])
    }
}

/// What an event row (gift, like…) reads as: nothing. One shared value.
fn no_text() -> Arc<TextAnalysis> {
    static NONE: OnceLock<Arc<TextAnalysis>> = OnceLock::new();
    NONE.get_or_init(|| {
        Arc::new(TextAnalysis {
            text: String::new(),
            lower: None,
            spans: Vec::new(),
            is_question: false,
            intent: None,
            polarity: Polarity::Neu,
            score: 0.0,
            signature: None,
            vote: None,
            links: Vec::new(),
            complaint: None,
        })
    })
    .clone()
}

/// Analyses one row on its own.
pub fn analyze(c: &Comment) -> Analysis {
    let user = c.user.as_deref().filter(|u| !u.is_empty()).map(hash64);
    if c.kind != Kind::Comment {
        return Analysis { kind: c.kind, ts: c.ts, user, truncated: false, reading: no_text() };
    }
    let cleaned = clean(&c.text);
    let truncated = cleaned.truncated;
    Analysis { kind: Kind::Comment, ts: c.ts, user, truncated, reading: Arc::new(analyze_text(cleaned.text)) }
}

/// The text half of `analyze`: everything but the row's time, viewer and truncation depends on the
/// cleaned text alone (which is what lets `Analyzer` reuse it).
fn analyze_text(text: String) -> TextAnalysis {
    let lower = text.bytes().any(|b| b.is_ascii_uppercase()).then(|| text.to_ascii_lowercase());
    let norm = lower.as_deref().unwrap_or(&text);
    let mut spans = Vec::with_capacity(norm.len() / 3 + 1);
    tokenize::spans_into(norm, &mut spans);
    let tokens: Vec<&str> = spans.iter().map(|&(a, b)| &norm[a as usize..b as usize]).collect();

    let common = Common::of(norm, &tokens);
    let vote = poll::vote(norm);
    // A jeer (当我们傻?, 骗谁呢) asks nothing and turns the mood, whatever the models learned from
    // chat rooms that hold almost none.
    let core = question::ending::core(norm);
    let jeer = jeers::is_jeer(core, common.pairs());
    let is_question = vote.is_none() && !jeer && question::is_question_with(norm, core, &tokens, &common);
    let intent = is_question.then(|| intent::classify_with(norm, core, common.ngrams()));
    let signature = intent.map(|i| similar::question_signature(norm, &tokens, i));
    let (mut polarity, mut score) = sentiment::score_with(norm, &tokens, &common);
    let complaint = complaints::complaint(norm, is_question, common.pairs()).map(|t| t as u8);
    // An order complaint the models call neutral (割韭菜, 客服不理人, 色差严重: they learned from
    // reviews and chatting rooms, which hold almost none) is the mood turning too. One they call
    // praise stays praise: reviews mix the two (发货慢，但是质量很好).
    if jeer || (complaint.is_some() && polarity == Polarity::Neu) {
        (polarity, score) = (Polarity::Neg, -score.abs());
    } else if complaint.is_none() && praise::praises(norm, is_question, common.pairs()) {
        (polarity, score) = (Polarity::Pos, score.abs());
    }
    let links = link_numbers(norm);
    drop(tokens);
    TextAnalysis { text, lower, spans, is_question, intent, polarity, score, signature, vote, links, complaint }
}

/// `analyze` with a memory: live rooms repeat themselves (扣1, 666, 来了, 哈哈哈 from many viewers
/// within seconds), and a text seen recently is not cut and scored again. Exact: a hit gives what
/// `analyze` gives, since that depends on the cleaned text alone (plus the row's time, viewer and
/// truncation, which are taken from the row). Bounded: `CACHE` texts unless told otherwise, evicted
/// by CLOCK (a text used since the hand last passed gets a second chance).
#[derive(Clone)]
pub struct Analyzer {
    index: FxHashMap<u64, u32>,
    slots: Vec<Memo>,
    hand: usize,
    cap: usize,
}

impl Default for Analyzer {
    fn default() -> Analyzer {
        Analyzer::remembering(CACHE)
    }
}

#[derive(Clone)]
struct Memo {
    hash: u64,
    used: bool,
    reading: Arc<TextAnalysis>,
}

/// Texts an `Analyzer` remembers (about 1.5 MB at most). On the bench's real comments 4,096 recent
/// texts catch 31% of rows against 27% for 1,024 (an LRU simulation); a hit is a reference count.
pub const CACHE: usize = 4096;

impl Analyzer {
    /// An analyzer that remembers up to `texts` texts (at least one).
    pub fn remembering(texts: usize) -> Analyzer {
        Analyzer { index: FxHashMap::default(), slots: Vec::new(), hand: 0, cap: texts.max(1) }
    }

    pub fn analyze(&mut self, c: &Comment) -> Analysis {
        if c.kind != Kind::Comment {
            return analyze(c);
        }
        let user = c.user.as_deref().filter(|u| !u.is_empty()).map(hash64);
        let row = |reading, truncated| Analysis { kind: Kind::Comment, ts: c.ts, user, truncated, reading };
        // Most rows arrive clean already: a raw text equal to a remembered cleaned text is its own
        // cleaning (`clean` keeps its own output whole), so a repeat is found before cleaning it.
        let raw_hash = hash64(c.text.as_str());
        if let Some(reading) = self.recall(raw_hash, &c.text) {
            return row(reading, false);
        }
        let cleaned = clean(&c.text);
        let already_clean = cleaned.text == c.text;
        let hash = if already_clean { raw_hash } else { hash64(cleaned.text.as_str()) };
        if !already_clean && let Some(reading) = self.recall(hash, &cleaned.text) {
            return row(reading, cleaned.truncated);
        }
        let truncated = cleaned.truncated;
        let reading = Arc::new(analyze_text(cleaned.text));
        self.remember(hash, &reading);
        row(reading, truncated)
    }

    /// The remembered reading of the cleaned text `text` (whose `hash64` is `hash`).
    fn recall(&mut self, hash: u64, text: &str) -> Option<Arc<TextAnalysis>> {
        let memo = &mut self.slots[*self.index.get(&hash)? as usize];
        (memo.reading.text == text).then(|| {
            memo.used = true;
            memo.reading.clone()
        })
    }

    fn remember(&mut self, hash: u64, reading: &Arc<TextAnalysis>) {
        let memo = Memo { hash, used: false, reading: reading.clone() };
        let i = if self.slots.len() < self.cap {
            self.slots.push(memo);
            self.slots.len() - 1
        } else {
            while std::mem::take(&mut self.slots[self.hand].used) {
                self.hand = (self.hand + 1) % self.cap;
            }
            let i = self.hand;
            self.hand = (self.hand + 1) % self.cap;
            let old = self.slots[i].hash;
            if self.index.get(&old) == Some(&(i as u32)) {
                self.index.remove(&old);
            }
            self.slots[i] = memo;
            i
        };
        self.index.insert(hash, i as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memory_gives_what_analyze_gives() {
        let mut memo = Analyzer::default();
        let texts = [
            "666666",
            "666",
            "多少钱",
            "多少钱？",
            " 多少钱 ",
            "3号链接多少钱",
            "扣1",
            "哈哈哈哈哈",
            "ＸＬ码有吗",
            "XL码有吗",
        ];
        for round in 0..3 * CACHE {
            let text =
                if round % 7 == 0 { format!("独一无二{round}") } else { texts[round % texts.len()].to_string() };
            let c = Comment { user: Some(format!("u{}", round % 5)), ts: Some(round as i64), ..Comment::text(text) };
            assert_eq!(memo.analyze(&c), analyze(&c));
        }
        assert!(memo.slots.len() <= CACHE && memo.index.len() <= CACHE);
        let long = Comment::text("哈".repeat(500) + &"看".repeat(300));
        assert_eq!(memo.analyze(&long), analyze(&long));
        assert_eq!(memo.analyze(&long), analyze(&long));
        let event = Comment { kind: Kind::Gift, ..Comment::text("礼物") };
        assert_eq!(memo.analyze(&event), analyze(&event));
    }
}
