//! Sarcastic jeers: comments shaped like questions that mock the room or the host (当我们傻?, 骗谁呢,
//! 谁买谁傻, 就这?). They expect no answer, so they must never reach the hot questions, and they are
//! the mood turning, so they count as negative whatever the models read. The labelled chat rooms hold
//! almost none of them (a commerce room under a price rise does), so no model learned them: they are
//! written here, from LABELLING.md's rule for rhetorical jeers.

use crate::phrases::{Pairs, Phrases};
use aho_corasick::MatchKind;
use std::sync::OnceLock;

/// Anywhere in a comment, these mock.
const PHRASES: &[&str] = &[
    "当我们傻",
    "当我傻",
    "当我们是傻子",
    "当我是傻子",
    "把我们当傻子",
    "拿我们当傻子",
    "骗谁呢",
    "骗谁啊",
    "骗鬼呢",
    "骗鬼啊",
    "谁买谁傻",
    "谁买谁是傻子",
    "谁信啊",
    "谁信呢",
    "鬼才信",
    "信你个鬼",
    "什么垃圾",
    "啥垃圾",
    "什么破东西",
    "什么破玩意",
    "啥破玩意",
    "什么破质量",
    "什么烂东西",
    "什么态度",
    "啥态度",
];

/// A comment made only of these (and marks) mocks: 就这? — but 就这个 asks.
const WHOLE: &[&str] = &["就这", "就这样", "就这啊", "就这呀"];

/// At the start, these mock what follows: 这也叫优惠?, 这也叫便宜?
const PREFIXES: &[&str] = &["这也叫", "这也配叫", "这也算"];

fn phrases() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| Phrases::new(PHRASES, MatchKind::Standard))
}

/// `core`: the comment cleaned and lower-cased, stickers and marks at its ends removed
/// (`question::ending::core`).
/// `pairs`: those of the comment (`Common::pairs`).
pub fn is_jeer(core: &str, pairs: &Pairs) -> bool {
    WHOLE.contains(&core) || PREFIXES.iter().any(|p| core.starts_with(p)) || phrases().is_match_in(core, pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jeers_and_their_look_alikes() {
        for s in [
            "这不是涨价?当我们傻",
            "骗谁呢",
            "谁买谁傻",
            "就这",
            "这也叫优惠",
            "鬼才信",
            "这是什么垃圾",
            "什么破东西",
            "你们什么态度",
        ] {
            assert!(is_jeer(s, &Pairs::of(s)), "{s}");
        }
        for s in ["就这个", "就这个多少钱", "这个也叫", "谁买了", "骗子", "当我们收到货"] {
            assert!(!is_jeer(s, &Pairs::of(s)), "{s}");
        }
    }
}
