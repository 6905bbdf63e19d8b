//! Tokenizing: jieba-rs with the live-commerce user dictionary, stickers kept whole.
//!
//! One `Jieba` is built per process (a wasm instance is one process) and shared read-only by every
//! engine; words a room invents are merged on top by `newwords`, never added to the shared
//! dictionary, so engines stay independent and a checkpoint never has to carry a dictionary.

use crate::clean::emoji_token_len;
use jieba_rs::Jieba;
use std::sync::OnceLock;

/// jieba's HMM guesses words the dictionary lacks; the engine has its own statistical discovery, but
/// the HMM still helps one-off names. Both `tokenize` (the baseline) and the engine use the same
/// setting so that the comparison in BENCHMARKS.md is fair.
pub const HMM: bool = true;

const USER_DICT: &str = include_str!("data/ecommerce_dict.txt");

/// A token as a byte range of the text it was cut from.
pub type Span = (u32, u32);

static JIEBA: OnceLock<Jieba> = OnceLock::new();

/// The shared tokenizer (built on first use: about 0.1 s natively, 0.3 s in wasm).
pub fn jieba() -> &'static Jieba {
    JIEBA.get_or_init(|| {
        let mut j = Jieba::new();
        for line in USER_DICT.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let word = parts.next().expect("non-empty line");
            let freq = parts.next().and_then(|f| f.parse().ok());
            j.add_word(word, freq, None);
        }
        j
    })
}

/// Appends the token spans of `text` to `out`: jieba words, stickers (`[比心]`) whole, no whitespace.
pub fn spans_into(text: &str, out: &mut Vec<Span>) {
    let j = jieba();
    let mut start = 0usize;
    let mut i = 0usize;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'[' {
            if let Some(len) = emoji_token_len(&text[i..]) {
                cut_piece(j, text, start, i, out);
                out.push((i as u32, (i + len) as u32));
                i += len;
                start = i;
                continue;
            }
        }
        i += 1;
    }
    cut_piece(j, text, start, text.len(), out);
}

fn cut_piece(j: &Jieba, text: &str, from: usize, to: usize, out: &mut Vec<Span>) {
    if from >= to {
        return;
    }
    for t in j.cut(&text[from..to], HMM) {
        if !t.word.chars().all(char::is_whitespace) {
            out.push(((from + t.byte_start) as u32, (from + t.byte_end) as u32));
        }
    }
}

/// Tokens of already-cleaned text, as slices of it.
pub fn cut(text: &str) -> Vec<&str> {
    let mut spans = Vec::with_capacity(text.len() / 3 + 1);
    spans_into(text, &mut spans);
    spans.iter().map(|&(a, b)| &text[a as usize..b as usize]).collect()
}

/// True for tokens that are only punctuation or symbols (not words, numbers or stickers).
pub fn is_punct(token: &str) -> bool {
    token.chars().all(|c| !is_alnum(c) && c != '[' && !is_emoji_char(c))
}

/// `char::is_alphanumeric`, without the table lookup for ASCII and the CJK Unified Ideographs
/// block (every character of which is alphabetic).
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { ('\u{4E00}'..='\u{9FFF}').contains(&c) || c.is_alphanumeric() }
}

/// A Han character (the CJK Unified Ideographs and their extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Whether a comment is English (TikTok LIVE, YouTube, Twitch rooms): ASCII letters in it and no Han
/// characters. The learned models read Chinese; English comments are read by form and lexicon.
pub fn is_english(text: &str) -> bool {
    // Most comments start with a Han character: one look settles them (this runs on every comment).
    match text.chars().next() {
        Some(c) if !is_han(c) => text.bytes().any(|b| b.is_ascii_alphabetic()) && !text.chars().any(is_han),
        _ => false,
    }
}

/// An English comment's whole words, apostrophes kept (can't, what's): what the English question rule
/// and the English grouping read.
pub fn english_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).collect()
}

/// Pictographic emoji (🍈, 😂): meaningful for mood even though they are not alphanumeric.
pub fn is_emoji_char(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x1F000..=0x1F2FF)
}

/// Where `token` is in `text`, at or after byte `from`. Tokens are slices of the text they were cut
/// from (the engine's and the tests' alike): their place is where they point, which spares a
/// substring search per token (it showed in the wasm profile); a copied token is searched for.
pub fn place(text: &str, from: usize, token: &str) -> Option<usize> {
    let at = (token.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    let inside = at >= from && token.len() <= text.len() && at <= text.len() - token.len();
    // Inside, the token *is* those bytes of the text: no comparison, only a check that its ends are
    // character boundaries of the text.
    if inside && text.get(at..at + token.len()).is_some() {
        Some(at)
    } else {
        text.get(from..)?.find(token).map(|p| from + p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_stickers_and_commerce_words_whole() {
        assert_eq!(cut("小黄车[比心]链接呢"), vec!["小黄车", "[比心]", "链接", "呢"]);
        assert_eq!(cut("有运费险吗"), vec!["有", "运费险", "吗"]);
        // jieba alone: 没收/到货 ("confiscate"), 真的假/的.
        assert_eq!(cut("还没收到货"), vec!["还", "没收到", "货"]);
        assert_eq!(cut("真的假的"), vec!["真的假的"]);
    }

    #[test]
    fn drops_whitespace_keeps_punctuation() {
        assert_eq!(cut("多少 钱?"), vec!["多少", "钱", "?"]);
        assert!(cut("").is_empty());
    }

    #[test]
    fn punct_and_emoji_classes() {
        assert!(is_punct("?"));
        assert!(is_punct("。"));
        assert!(!is_punct("[比心]"));
        assert!(!is_punct("🍈"));
        assert!(!is_punct("3"));
    }

    #[test]
    fn is_alnum_is_is_alphanumeric() {
        for c in ('\0'..='\u{2FFFF}').step_by(1) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
