//! A phrase list searched the cheap way first. Nearly every comment holds none of a list's phrases,
//! yet an Aho-Corasick scan costs ~300-800 instructions per comment whatever it finds; a table of
//! the phrases' first two characters (64 Kibit, indexed by a hash of the pair) rules most comments
//! out. The comment's character pairs are hashed once (`Pairs`, kept in `Common`) and every list
//! checks them, a few instructions a pair. Exact: a comment the table rules out holds no phrase.

use aho_corasick::{AhoCorasick, MatchKind};

pub struct Phrases {
    ac: AhoCorasick,
    openings: Box<[u64; 1024]>,
}

impl Phrases {
    /// Every phrase must have at least two characters (the table is of pairs).
    pub fn new(phrases: &[&str], kind: MatchKind) -> Phrases {
        let mut openings = Box::new([0u64; 1024]);
        for p in phrases {
            let mut c = p.chars();
            let (Some(a), Some(b)) = (c.next(), c.next()) else { panic!("{p:?}: a phrase needs two characters") };
            let h = pair_hash(a, b) as usize;
            openings[h >> 6] |= 1 << (h & 63);
        }
        let ac = AhoCorasick::builder().match_kind(kind).build(phrases).expect("static patterns");
        Phrases { ac, openings }
    }

    /// False when `text` holds none of the phrases; true when it may.
    pub fn may_match(&self, text: &str) -> bool {
        self.may_match_in(&Pairs::of(text))
    }

    /// `may_match` of a text whose pairs are these (or of any part of it).
    pub fn may_match_in(&self, pairs: &Pairs) -> bool {
        pairs.0.iter().any(|&h| self.openings[h as usize >> 6] >> (h & 63) & 1 == 1)
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.may_match(text) && self.ac.is_match(text)
    }

    /// `is_match` of a part of a text whose pairs are given (the pairs are read once per comment
    /// for every list: decoding the characters again for each list cost as much as the automaton).
    pub fn is_match_in(&self, part: &str, pairs: &Pairs) -> bool {
        self.may_match_in(pairs) && self.ac.is_match(part)
    }

    /// The automaton itself, for callers that want the matches (after `may_match`).
    pub fn automaton(&self) -> &AhoCorasick {
        &self.ac
    }
}

/// The hashes of a text's neighbouring characters, spaces left out.
pub struct Pairs(Vec<u16>);

impl Pairs {
    pub fn of(text: &str) -> Pairs {
        let mut out = Vec::with_capacity(text.len() / 3 + 1);
        let mut chars = text.chars().filter(|&c| c != ' ');
        if let Some(mut prev) = chars.next() {
            for c in chars {
                out.push(pair_hash(prev, c));
                prev = c;
            }
        }
        Pairs(out)
    }
}

#[inline]
fn pair_hash(a: char, b: char) -> u16 {
    ((u32::from(a).wrapping_mul(0x9e37_79b1) ^ u32::from(b)).wrapping_mul(0x85eb_ca6b) >> 16) as u16
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LIST: &[&str] = &["骗谁呢", "当我们傻", "ab", "谁信啊"];

    #[test]
    fn a_phrase_anywhere_passes_the_table() {
        let p = Phrases::new(LIST, MatchKind::Standard);
        for s in ["骗谁呢", "你骗谁呢？", "xxab", "这不是涨价?当我们傻"] {
            assert!(p.may_match(s) && p.is_match(s), "{s}");
        }
        assert!(!p.is_match("主播好美"));
        assert!(!p.may_match("") && !p.may_match("骗"));
    }

    proptest! {
        #[test]
        fn the_table_never_rules_out_a_match(s in "[骗谁呢当我们傻信啊ab你好]{0,12}") {
            let p = Phrases::new(LIST, MatchKind::Standard);
            prop_assert_eq!(p.is_match(&s), AhoCorasick::new(LIST).unwrap().is_match(&s));
        }
    }
}
