//! The team's live-room lexicon (`data/sentiment_lexicon.txt`): polar words, negators, degree adverbs.
//! In a Chinese comment it decides nothing on its own: its reading (with negation and degree) is a
//! handful of features of the learned model, which is how slang the training reviews never saw
//! (绝绝子, 踩雷, [比心]) still counts. An English comment's mood is its reading alone, with the
//! English-only words of `data/sentiment_en.txt` added (the models learned Chinese).

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Entry {
    Polar(f32),
    Degree(f32),
    Negator,
}

const SOURCE: &str = include_str!("../data/sentiment_lexicon.txt");
/// Words read in English comments only, whose mood the lexicon alone decides (the models learned
/// Chinese): love, lol or boring there would be song titles, games or a retrain in a Chinese room.
const ENGLISH: &str = include_str!("../data/sentiment_en.txt");

/// A lexicon ready to read: its entries, every string as it reads it, and its longest entry.
struct Table {
    entries: FxHashMap<&'static str, Entry>,
    words: FxHashMap<&'static str, Word>,
    /// Bytes of the longest entry: a longer run of tokens is not looked up at all.
    longest: usize,
}

impl Table {
    fn of(sources: &[&'static str]) -> Table {
        let mut entries = FxHashMap::default();
        for line in sources.iter().flat_map(|s| s.lines()).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (word, kind) = (f.next().expect("word"), f.next().expect("kind"));
            let entry = match kind {
                "pos" => Entry::Polar(1.0),
                "neg" => Entry::Polar(-1.0),
                // A phrase that holds a polar word but says nothing (good morning, no thanks).
                "neu" => Entry::Polar(0.0),
                "not" => Entry::Negator,
                "deg" => Entry::Degree(f.next().and_then(|v| v.parse().ok()).expect("degree weight")),
                _ => panic!("sentiment lexicon: unknown kind {kind:?} in {line:?}"),
            };
            entries.insert(word, entry);
        }
        // Every proper prefix of an entry marked: one lookup per token tells both what the token is
        // and whether a run of tokens starting with it can be an entry (most cannot, which spares the
        // two longer lookups).
        let mut words: FxHashMap<&'static str, Word> = FxHashMap::default();
        for (&w, &e) in &entries {
            words.entry(w).or_default().entry = Some(e);
            for (i, _) in w.char_indices().skip(1) {
                words.entry(&w[..i]).or_default().starts_longer = true;
            }
        }
        let longest = entries.keys().map(|w| w.len()).max().unwrap_or(0);
        Table { entries, words, longest }
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::of(&[SOURCE]))
}

fn english_table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::of(&[SOURCE, ENGLISH]))
}

pub fn lexicon() -> &'static FxHashMap<&'static str, Entry> {
    &table().entries
}

/// Every single word, Chinese or English, that the lexicon reads as positive or negative.
pub fn polar_words() -> FxHashSet<&'static str> {
    let polar = |e: &Entry| matches!(e, Entry::Polar(w) if *w != 0.0);
    english_table().entries.iter().filter(|(w, e)| polar(e) && !w.contains(' ')).map(|(w, _)| *w).collect()
}

/// A string as the lexicon sees it: its entry, if any, and whether a longer entry starts with it.
#[derive(Clone, Copy, Default)]
struct Word {
    entry: Option<Entry>,
    starts_longer: bool,
}

/// Longest phrases matched, in tokens: 割/韭菜 and 一点/都/不 are entries jieba cuts apart.
const MAX_SPAN: usize = 3;

/// What the lexicon says of a comment.
#[derive(Debug, PartialEq)]
pub struct Reading {
    /// Sum of signed, degree-scaled hits, counted after negation.
    pub sum: f32,
    /// Positive and negative hits.
    pub pos: u32,
    pub neg: u32,
    /// Hits a negator flipped.
    pub flipped: u32,
    /// Bit i: token i is a negator, for the first `read` tokens (the features ask it of every token,
    /// and a second lookup per token showed in the profile).
    negators: u64,
    read: usize,
}

impl Reading {
    /// Whether token `i`, `t`, is a negator.
    pub fn is_negator(&self, i: usize, t: &str) -> bool {
        if i < self.read { self.negators >> i & 1 == 1 } else { matches!(lexicon().get(t), Some(Entry::Negator)) }
    }
}

/// What the lexicon alone says. Entries match whole tokens or runs of up to three adjacent tokens
/// (longest first), never parts of a token — 怕 is not found in 恐怕, nor 假 in 放假.
pub fn read(text: &str, tokens: &[&str]) -> Reading {
    read_in(table(), text, tokens)
}

/// `read` for an English comment, with the English-only words too.
pub fn read_english(text: &str, tokens: &[&str]) -> Reading {
    read_in(english_table(), text, tokens)
}

fn read_in(table: &Table, text: &str, tokens: &[&str]) -> Reading {
    let lex = &table.entries;
    // Byte spans of the tokens in `text` (tokens are cut from it, in order; spaces are skipped).
    let mut spans = [(0usize, 0usize); 64];
    let (mut n, mut offset) = (0, 0);
    for t in tokens.iter().take(spans.len()) {
        let Some(at) = crate::tokenize::place(text, offset, t) else { break };
        spans[n] = (at, at + t.len());
        offset = spans[n].1;
        n += 1;
    }
    let (mut sum, mut pos, mut neg, mut flipped) = (0.0, 0, 0, 0);
    let longest = table.longest;
    // The last two modifiers seen (degree weight or negator), with the unit index they ended at.
    let (mut weight, mut flip, mut last_modifier) = (1.0f32, false, usize::MAX);
    // Whether the last negator urged (别, 不要): 别骗人了 accuses, so the deed it names counts as
    // negative, not flipped to praise; 别难过 comforts, and flips as 不难过 does.
    let mut urged = false;
    let (mut i, mut unit) = (0, 0);
    let words = &table.words;
    let word = |i: usize| words.get(&text[spans[i].0..spans[i].1]).copied().unwrap_or_default();
    let mut negators = 0u64;
    while i < n {
        let first = word(i);
        let longer = || {
            (2..=MAX_SPAN.min(n - i))
                .rev()
                .filter(|&k| spans[i + k - 1].1 - spans[i].0 <= longest)
                .find_map(|k| lex.get(&text[spans[i].0..spans[i + k - 1].1]).map(|e| (k, *e)))
        };
        let found = if first.starts_longer { longer() } else { None };
        let (k, entry) = found.or(first.entry.map(|e| (1, e))).unwrap_or((1, Entry::Polar(0.0)));
        for j in i..i + k {
            let e = if j == i { first.entry } else { word(j).entry };
            negators |= (matches!(e, Some(Entry::Negator)) as u64) << j;
        }
        // Modifiers reach the next two units only (不是很好看: 不是 → 很 → 好看).
        if last_modifier == usize::MAX || unit > last_modifier + 2 {
            (weight, flip, urged) = (1.0, false, false);
        }
        match entry {
            Entry::Degree(w) => (weight, last_modifier) = (weight * w, unit),
            // 会/不会/掉色 asks whether it fades: the 不 of an A-not-A question negates nothing.
            Entry::Negator
                if k == 1
                    && i > 0
                    && spans[i - 1].1 == spans[i].0
                    && a_not_a(&text[spans[i - 1].0..spans[i - 1].1], &text[spans[i].0..spans[i].1]) => {}
            Entry::Negator => {
                (flip, last_modifier) = (!flip, unit);
                urged = k == 1 && matches!(&text[spans[i].0..spans[i].1], "别" | "不要");
            }
            Entry::Polar(p) if p != 0.0 => {
                // 别骗人了 urges a stop to a bad deed: an accusation, as negative as the deed.
                let accuses = flip && urged && p < 0.0 && !is_feeling(&text[spans[i].0..spans[i + k - 1].1]);
                let turned = flip && !accuses;
                let v = if turned { -0.8 * p * weight } else { p * weight };
                sum += v;
                flipped += turned as u32;
                if v > 0.0 {
                    pos += 1;
                } else {
                    neg += 1;
                }
                (weight, flip, urged, last_modifier) = (1.0, false, false, usize::MAX);
            }
            Entry::Polar(_) => {}
        }
        i += k;
        unit += 1;
    }
    Reading { sum, pos, neg, flipped, negators, read: n }
}

/// Feelings a viewer is urged out of (别难过, 别委屈啦): comfort, which LABELLING.md counts positive.
fn is_feeling(word: &str) -> bool {
    const FEELINGS: &[&str] = &[
        "委屈", "难过", "伤心", "哭", "哭了", "生气", "害怕", "怕", "焦虑", "失望", "累", "emo", "心疼", "难受", "烦",
        "郁闷",
    ];
    FEELINGS.contains(&word)
}

/// `a` then `not_a` read as one A-not-A question (会 不会, 能 不能, 要 不要), jieba having cut it in two.
fn a_not_a(a: &str, not_a: &str) -> bool {
    !a.is_empty() && not_a.strip_prefix('不').or_else(|| not_a.strip_prefix('没')) == Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_flips_and_degree_scales() {
        assert!(read("不是很好看", &["不是", "很", "好看"]).sum < 0.0);
        assert!(read("没有不满意", &["没有", "不满意"]).sum > 0.0);
        assert!(read("太好看", &["太", "好看"]).sum > read("好看", &["好看"]).sum);
        let r = read("割韭菜", &["割", "韭菜"]);
        assert_eq!((r.sum, r.pos, r.neg, r.flipped), (-1.0, 0, 1, 0));
        let r = read("恐怕", &["恐怕"]);
        assert_eq!((r.sum, r.pos, r.neg, r.flipped), (0.0, 0, 0, 0));
        assert_eq!(lexicon().get("不"), Some(&Entry::Negator));
    }

    #[test]
    fn the_not_of_an_a_not_a_question_negates_nothing() {
        assert!(read("会不会掉色", &["会", "不会", "掉色"]).sum < 0.0);
        assert!(read("不会掉色", &["不会", "掉色"]).sum > 0.0);
        assert!(read("能不能便宜点", &["能", "不能", "便宜", "点"]).sum > 0.0);
        assert!(read("不能便宜点", &["不能", "便宜", "点"]).sum < 0.0);
    }

    #[test]
    fn urging_to_stop_something_bad_accuses() {
        for (text, tokens) in [("别骗人了", &["别", "骗人", "了"][..]), ("不要骗人", &["不要", "骗人"])]
        {
            let r = read(text, tokens);
            assert_eq!((r.sum, r.pos, r.neg, r.flipped), (-1.0, 0, 1, 0), "{text}");
        }
        assert!(read("别难过", &["别", "难过"]).sum > 0.0, "comfort");
        assert!(read("不难过", &["不", "难过"]).sum > 0.0);
    }

    #[test]
    fn negators_are_read_once_for_every_token() {
        let tokens = ["我", "一点", "都", "不", "喜欢", "没有", "不是", "不好"];
        let text: String = tokens.concat();
        let spans: Vec<&str> = {
            let mut at = 0;
            tokens
                .iter()
                .map(|t| {
                    at += t.len();
                    &text[at - t.len()..at]
                })
                .collect()
        };
        let r = read(&text, &spans);
        for (i, t) in spans.iter().enumerate() {
            assert_eq!(r.is_negator(i, t), matches!(lexicon().get(t), Some(Entry::Negator)), "{t}");
        }
    }
}
