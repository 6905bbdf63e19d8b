//! "Do these two comments ask the same thing?" — the decision behind hot-question grouping.
//!
//! Each question is reduced to a signature: domain concepts (多少钱 / 什么价 / 价格 → price), the
//! remaining content words, the numbers it names (3号, 160), its characters with every concept folded
//! to one symbol, and the kinds of question word it uses. A pair is scored by a small logistic model
//! (`pair`, trained on LCQMC/AFQMC question pairs by `scripts/train/`) over overlaps and over *which*
//! words differ — 手机 vs 电脑 matters, 怎么 vs 如何 does not. Two questions naming different numbers are
//! never the same (3号 ≠ 5号).

mod aspects;
mod english;
mod english_lists;
mod filler;
mod forms;
mod lists;
mod numbers;
pub mod pair;
mod score;
mod synonyms;
mod with_intent;

pub use pair::Shape;
pub use score::{SAME, SAME_WITHIN_INTENT, same_shaped, score, score_shaped, threshold};
pub use with_intent::question_signature;

use crate::intent::Intent;

use crate::tokenize::is_alnum;
use aho_corasick::{AhoCorasick, MatchKind};
use filler::FILLER;
use lists::{CONCEPTS, IMPLIED};
use numbers::numbers_in;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const MAX_WORDS: usize = 12;
/// Characters kept in `Signature::chars`: questions are short, and this bounds the pair cost.
pub const MAX_CHARS: usize = 32;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    /// Indices into `CONCEPTS`, sorted.
    pub concepts: Vec<u8>,
    /// Content words, sorted: no concept phrase, filler, punctuation or number.
    pub words: Vec<String>,
    pub numbers: Vec<String>,
    /// Letters and digits in order, each concept phrase folded to one private-use character.
    pub chars: String,
    /// Bit k set when the question uses question-word kind k (`ASKS`).
    pub asks: u16,
    /// The buying intent of a short question (`question_signature`): two of the same intent join on
    /// less evidence (`threshold`).
    pub buying: Option<Intent>,
    /// The one aspect of the goods it asks about (`aspects.rs`), if it names one.
    pub aspect: Option<u8>,
}

/// Kinds of question word; synonyms share a kind (啥 = 什么, 咋 = 如何 = 怎么).
const ASKS: &[&[&str]] = &[
    &["什么", "啥"],
    &["怎么", "咋", "如何", "怎样"],
    &["为什么", "为啥", "为何"],
    &["哪"],
    &["多少", "多大", "多久", "多长", "多高", "多重"],
    &["几"],
    &["谁"],
    // Yes-or-no, in every form (是正品吗 = 是不是正品 = 正品吗).
    &["吗", "嘛", "是不是", "是否", "有没有", "有无", "能不能", "可不可以", "能否", "可以吗", "能吗", "会不会"],
    &["区别", "不同", "差别"],
    &["好不好", "怎么样", "好吗", "好用吗"],
    &["呢"],
];

/// The kind of 吗 in `ASKS`.
const YES_NO: usize = 7;
/// The kind of 怎么 in `ASKS`.
const HOW: usize = 1;
/// The kinds of "what" (什么, with 哪 for 哪些/哪个), "how many" (多少, 几) and 呢 in `ASKS`.
const OPEN_ASKS: u16 = 1 << 0 | 1 << 3 | 1 << 4 | 1 << 5 | 1 << 10;

/// Every concept phrase in one automaton, longest match first at each position.
fn concept_matcher() -> &'static (AhoCorasick, Vec<u8>) {
    static M: OnceLock<(AhoCorasick, Vec<u8>)> = OnceLock::new();
    M.get_or_init(|| {
        let (mut phrases, mut concept_of) = (Vec::new(), Vec::new());
        for (id, (_, ps)) in CONCEPTS.iter().enumerate() {
            phrases.extend_from_slice(ps);
            concept_of.extend(std::iter::repeat_n(id as u8, ps.len()));
        }
        let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(phrases).expect("static patterns");
        (ac, concept_of)
    })
}

fn asks_matcher() -> &'static (AhoCorasick, Vec<u8>) {
    static M: OnceLock<(AhoCorasick, Vec<u8>)> = OnceLock::new();
    M.get_or_init(|| {
        let (mut words, mut kind) = (Vec::new(), Vec::new());
        for (k, ws) in ASKS.iter().enumerate() {
            words.extend_from_slice(ws);
            kind.extend(std::iter::repeat_n(k as u8, ws.len()));
        }
        (AhoCorasick::new(words).expect("static patterns"), kind)
    })
}

impl Signature {
    /// What grouping indexes a question by: two questions that share no feature are never compared.
    pub fn features(&self) -> impl Iterator<Item = &str> {
        self.concepts
            .iter()
            .map(|&c| concept_name(c))
            .chain(self.words.iter().map(String::as_str))
            .chain(self.numbers.iter().map(String::as_str))
            .chain(self.aspect.map(aspects::name))
    }
}

/// The price concept's index, found once.
static PRICE: std::sync::LazyLock<u8> = std::sync::LazyLock::new(|| concept_id("@price"));

/// The index of a concept of `lists.rs` by its name.
fn concept_id(name: &str) -> u8 {
    CONCEPTS.iter().position(|(n, _)| *n == name).expect("a concept of lists.rs") as u8
}

/// The private-use character a concept folds to in `Signature::chars`.
pub fn concept_char(id: u8) -> char {
    char::from_u32(0xE000 + id as u32).expect("private-use range")
}

/// Builds the signature of a cleaned, lower-cased question and its tokens.
pub fn signature(text: &str, tokens: &[&str]) -> Signature {
    // 几号发货 asks what 什么时候发货 asks, not which number: 几号 alone is a filler, for 几号链接's sake.
    match forms::when_by_date(text) {
        Some(when) => signature_asking(&when, &crate::tokenize::cut(&when)),
        None => signature_asking(text, tokens),
    }
}

fn signature_asking(text: &str, tokens: &[&str]) -> Signature {
    let (ac, kind) = asks_matcher();
    let asks = ac.find_iter(text).fold(0u16, |bits, m| bits | 1 << kind[m.pattern().as_usize()]);
    // 好不好用 and 可以用不 ask what 好用吗 and 可以用吗 ask: the words and characters are those of the
    // plain question (jieba cuts 好不好 用 and 包不 包邮 otherwise), and it asks yes or no.
    match forms::plain(text) {
        Some(plain) => signature_of(&plain, &crate::tokenize::cut(&plain), asks | 1 << YES_NO),
        None => signature_of(text, tokens, asks),
    }
}

fn signature_of(text: &str, tokens: &[&str], asks: u16) -> Signature {
    let mut concepts: Vec<u8> = Vec::new();
    // Byte ranges covered by concept phrases, so their words are not counted twice.
    let mut covered: Vec<(usize, usize, u8)> = Vec::new();
    let (ac, concept_of) = concept_matcher();
    for m in ac.find_iter(text) {
        let c = concept_of[m.pattern().as_usize()];
        covered.push((m.start(), m.end(), c));
        if !concepts.contains(&c) {
            concepts.push(c);
        }
    }
    concepts.sort_unstable();
    // 运费多少钱 asks what 邮费多少 asks, not what 多少钱 asks: the price words price the shipping.
    if concepts.len() > 1 && concepts.contains(&*PRICE) && crate::intent::names_shipping_fee(text) {
        concepts.retain(|&c| c != *PRICE);
    }

    let mut chars = String::new();
    let (mut n, mut next) = (0, covered.iter().peekable());
    for (i, c) in text.char_indices() {
        if n == MAX_CHARS {
            break;
        }
        while next.peek().is_some_and(|&&(_, end, _)| end <= i) {
            next.next();
        }
        match next.peek() {
            // A concept stands for its whole span: one character at its start, nothing inside it.
            Some(&&(start, _, concept)) if start == i => {
                chars.push(concept_char(concept));
                n += 1;
            }
            Some(&&(start, _, _)) if start < i => {}
            _ if is_alnum(c) => {
                chars.push(c);
                n += 1;
            }
            _ => {}
        }
    }
    let numbers = numbers_in(text);
    let mut words: Vec<String> = Vec::new();
    let mut offset = 0usize;
    for t in tokens {
        let Some(a) = crate::tokenize::place(text, offset, t) else { continue };
        let b = a + t.len();
        offset = b;
        // Stickers and emoji ([比心], 😂) say how, not what: 价格多少 😂 asks what 多少钱 asks.
        let decoration = (t.starts_with('[') && t.ends_with(']')) || !t.chars().any(is_alnum);
        if covered.iter().any(|&(x, y, _)| a < y && x < b) || is_filler(t) || decoration || implied(&concepts, t) {
            continue;
        }
        let bare = t.trim_end_matches('号');
        if bare.is_empty() || bare.chars().all(|c| c.is_ascii_digit() || crate::demand::cn_digit(c).is_some()) {
            continue; // numbers are compared separately
        }
        // A doubled verb asks what the verb asks (看看细节 = 看下细节).
        let mut cs = t.chars();
        let t = match (cs.next(), cs.next(), cs.next()) {
            (Some(x), Some(y), None) if x == y && !x.is_ascii() => &t[..x.len_utf8()],
            _ => t,
        };
        if !words.iter().any(|w| w == t) {
            words.push(t.to_string());
        }
    }
    // A question is short; a long paste is compared on its first words only, which keeps grouping
    // cost bounded whatever arrives.
    words.truncate(MAX_WORDS);
    words.sort_unstable();
    // A link number names the item, so 链接 adds nothing to what is asked about it: 3号链接多少钱
    // asks what 3号多少钱 asks (3号链接在哪, whose only concept is 链接, keeps it).
    if concepts.len() > 1 && numbers.iter().any(|n| n.ends_with('号')) {
        let link = concept_id("@link");
        concepts.retain(|&c| c != link);
    }
    let aspect = aspects::aspect_of(&chars);
    Signature { concepts, words, numbers, chars, asks, buying: None, aspect }
}

/// Whether `token` is a verb one of `concepts` implies (`IMPLIED`).
fn implied(concepts: &[u8], token: &str) -> bool {
    IMPLIED.iter().any(|(c, verbs)| verbs.contains(&token) && concepts.contains(&concept_id(c)))
}

fn is_filler(token: &str) -> bool {
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| FILLER.iter().copied().collect()).contains(token)
}

/// The name of a concept (`@price`), for indexing and debugging.
pub fn concept_name(id: u8) -> &'static str {
    CONCEPTS[id as usize].0
}

#[cfg(test)]
mod tests;
