//! Buying-room praise that the models read backwards: 不买后悔 and 不买亏了 urge buying, but reviews
//! taught the models that 后悔 and 亏 are regret; 太值了 reads like 太贵了; 闭眼入 and 必须拿下 are
//! room slang no review uses. They count as positive whatever the models say (`analysis.rs`), the
//! mirror of the order complaints in `complaints.rs`.

use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

const PHRASES: &[&str] = &[
    "不买后悔",
    "不买就亏",
    "不买亏",
    "不入后悔",
    "闭眼入",
    "闭眼买",
    "必须拿下",
    "无限回购",
    "太值了",
    "真的值",
    "超值",
];

fn phrases() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| AhoCorasick::new(PHRASES).expect("static patterns"))
}

/// Whether a cleaned, lower-cased comment praises in one of these ways. Asked, it praises nothing
/// (闭眼入吗, 超值吗): the caller passes whether the comment is a question.
pub fn praises(text: &str, is_question: bool) -> bool {
    // Every phrase holds one of these characters; most comments hold none, and a character scan
    // costs a few instructions where the automaton costs hundreds.
    !is_question && text.contains(['买', '入', '拿', '购', '值']) && phrases().is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_passes_the_character_filter() {
        for p in PHRASES {
            assert!(p.contains(['买', '入', '拿', '购', '值']), "{p}");
        }
    }

    #[test]
    fn buying_room_praise() {
        for s in ["不买后悔", "不买亏了家人们", "闭眼入", "太值了吧", "必须拿下"] {
            assert!(praises(s, false), "{s}");
        }
        assert!(!praises("闭眼入吗", true));
        for s in ["买了后悔", "后悔买了", "亏大了", "不值"] {
            assert!(!praises(s, false), "{s}");
        }
    }
}
