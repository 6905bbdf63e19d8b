//! Buying-room praise that the models read backwards: 不买后悔 and 不买亏了 urge buying, but reviews
//! taught the models that 后悔 and 亏 are regret; 太值了 reads like 太贵了; 闭眼入 and 必须拿下 are
//! room slang no review uses. They count as positive whatever the models say (`analysis.rs`), the
//! mirror of the order complaints in `complaints.rs`.

use crate::phrases::{Pairs, Phrases};
use aho_corasick::MatchKind;
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
    // Repeat buyers and thanks for the explanation: what a buying room says when it goes well.
    "回购了",
    "又回购",
    "已回购",
    "回购好几",
    "第二次买",
    "第三次买",
    "买了好几次",
    "一直在买",
    "买的很好",
    "买得很好",
    "讲解很详细",
    "讲得很详细",
    "讲的很详细",
    "好评",
];

fn phrases() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| Phrases::new(PHRASES, MatchKind::Standard))
}

/// Whether a cleaned, lower-cased comment praises in one of these ways. Asked, it praises nothing
/// (闭眼入吗, 超值吗): the caller passes whether the comment is a question.
pub fn praises(text: &str, is_question: bool, pairs: &Pairs) -> bool {
    !is_question && phrases().is_match_in(text, pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buying_room_praise() {
        for s in ["不买后悔", "不买亏了家人们", "闭眼入", "太值了吧", "必须拿下"] {
            assert!(praises(s, false, &Pairs::of(s)), "{s}");
        }
        assert!(!praises("闭眼入吗", true, &Pairs::of("闭眼入吗")));
        for s in ["买了后悔", "后悔买了", "亏大了", "不值"] {
            assert!(!praises(s, false, &Pairs::of(s)), "{s}");
        }
    }
}
