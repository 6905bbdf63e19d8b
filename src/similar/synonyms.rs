//! Words a buyer swaps without changing the ask (小孩 / 孩子 / 小朋友, 保修 / 质保), from
//! `data/commerce_synonyms.txt`: a short question is read with each one in its group's first form,
//! so 小朋友能吃吗 and 孩子能吃吗 have one signature.

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

const LIST: &str = include_str!("../data/commerce_synonyms.txt");

/// Every listed word but a group's first, and the first word of its group.
fn matcher() -> &'static (AhoCorasick, Vec<&'static str>) {
    static M: OnceLock<(AhoCorasick, Vec<&'static str>)> = OnceLock::new();
    M.get_or_init(|| {
        let (mut words, mut canonical) = (Vec::new(), Vec::new());
        for line in LIST.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let mut group = line.split_whitespace();
            let first = group.next().expect("a non-empty line");
            for w in group {
                words.push(w);
                canonical.push(first);
            }
        }
        let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&words).expect("static patterns");
        (ac, canonical)
    })
}

/// `text` with every listed word in its group's first form; `None` when it holds none.
pub fn canonical(text: &str) -> Option<String> {
    let (ac, canonical) = matcher();
    ac.find(text)?;
    Some(ac.replace_all(text, canonical))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for line in LIST.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let group: Vec<&str> = line.split_whitespace().collect();
            assert!(group.len() >= 2, "a group of one: {line}");
            for w in group {
                assert!(seen.insert(w), "{w} is in two groups");
                assert!(!w.chars().any(|c| c.is_ascii_digit()), "a digit in {w}");
            }
        }
    }

    #[test]
    fn words_take_their_first_form() {
        assert_eq!(canonical("多少钱"), None);
    }
}
