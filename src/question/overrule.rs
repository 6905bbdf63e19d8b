//! Forms that settle a comment whatever the question model says: buying-room asks the chat rooms it
//! learned from hold too few of (刚才那个呢, 这个有什么用, 这两个有什么区别), question words that ask
//! nothing (哪个都好看) and questions passed on to someone else (问他走不走). `mod.rs` applies them;
//! `intent` reads the first three for their intent.

use super::rules::{find, has_a_not_a};
use crate::phrases::{Pairs, Phrases};
use aho_corasick::MatchKind;
use std::sync::OnceLock;

/// Measure words that follow 这/那 when a viewer points at an item (这个, 那件, 上一款).
const MEASURES: &[char] =
    &['个', '件', '款', '条', '双', '套', '只', '支', '瓶', '盒', '袋', '色', '种', '组', '顶', '副', '把', '块'];

/// 刚才那个呢, 黑色那件呢, 上一款呢: an item pointed at (那/这, 上/下 and a measure word) and then 呢
/// asks about that item — its link, its price — as 3号呢 does. Buying rooms say it when the host has
/// moved on; the chat rooms the model learned from hardly ever do. Only a time, a place or a colour
/// may come before the item: after a verb, 呢 says something is going on (我在吃这个呢).
pub fn asks_about_item(core: &str) -> bool {
    const BEFORE: &[&str] = &["", "刚才", "刚刚", "之前", "以前", "前面", "后面", "左边", "右边", "中间", "还有"];
    let Some(before) = core.strip_suffix('呢') else { return false };
    let Some(m) = before.chars().next_back().filter(|m| MEASURES.contains(m)) else { return false };
    let before = &before[..before.len() - m.len_utf8()];
    let before = before.strip_suffix('一').unwrap_or(before); // 上一个, 那一件
    let Some(d) = before.chars().next_back().filter(|d| matches!(d, '那' | '这' | '上' | '下')) else {
        return false;
    };
    let rest = &before[..before.len() - d.len_utf8()];
    BEFORE.contains(&rest) || rest.ends_with(['的', '色'])
}

/// 这个有什么用, 这款精华有啥功效, 3号有什么用: what an item pointed at is for. 有什么用 is a jeer after a
/// deed (哭有什么用, 说这些有什么用, 留着有什么用) and a jeer feature of the model, so only an item
/// pointed at before it makes it a question: a demonstrative with a measure word (这个, 那款, 这两瓶) or
/// a link number (3号, 三号链接).
pub fn asks_what_item_is_for(core: &str) -> bool {
    const FOR: &[&str] = &["有什么用", "有啥用", "有什么作用", "有什么功效", "有啥功效", "有什么好处"];
    let body = core.trim_end_matches(['啊', '呀', '呢', '吗', '嘛', '哇']);
    let Some(item) = FOR.iter().find_map(|f| body.strip_suffix(f)) else { return false };
    let mut chars = item.chars();
    match chars.next() {
        Some('这' | '那') => match chars.next() {
            Some('俩') => true,
            Some('一' | '两' | '几') => chars.next().is_some_and(|m| MEASURES.contains(&m)),
            m => m.is_some_and(|m| MEASURES.contains(&m)),
        },
        Some(c) if c.is_ascii_digit() || "一二三四五六七八九十".contains(c) => {
            chars.find(|c| !c.is_ascii_digit() && !"一二三四五六七八九十".contains(*c)) == Some('号')
        }
        _ => false,
    }
}

/// 饼干有几个口味, 这款有几种颜色, 还有几件: how many kinds or pieces an item comes in, a count at the
/// end of the comment. The chat rooms say 有几个 mostly of their own (我有几个朋友, 只有几个人, 我们有几个),
/// so not after 我, 们, 只, 就, 才, 没, 好 or 都, and not with more after the thing counted (有几个人在看).
pub fn asks_how_many_kinds(core: &str) -> bool {
    const COUNTED: &[char] = &['个', '种', '款', '样', '色', '类', '件', '套', '瓶', '盒', '只', '支', '双', '条'];
    let body = core.trim_end_matches(['啊', '呀']);
    let Some(at) = find(body, "有几") else { return false };
    let before = &body[..at];
    let mut rest = body[at + "有几".len()..].chars();
    !before.ends_with(['我', '们', '只', '就', '才', '没', '好', '都'])
        && rest.next().is_some_and(|m| COUNTED.contains(&m))
        && rest.clone().count() <= 3
        && rest.all(|c| !c.is_ascii() && !"了的呢吧人".contains(c))
}

/// 有无运费险, 这款有无香味: 有无 is the written 有没有. Not 有无数 (countless), 有无限 or 有无比.
pub fn asks_with_you_wu(core: &str) -> bool {
    let Some(at) = find(core, "有无") else { return false };
    core[at + "有无".len()..].chars().next().is_some_and(|c| !"数限比穷".contains(c))
}

/// A question word followed by 都/也 quantifies over all answers instead of asking for one:
/// 什么时候都行, 哪个都好看, 多少都买, 啥也不是.
const UNIVERSAL: &[&str] = &[
    "什么时候都",
    "什么时候也",
    "啥时候都",
    "哪个都",
    "哪个也",
    "哪款都",
    "哪件都",
    "哪天都",
    "哪里都",
    "哪里也",
    "哪儿都",
    "哪都",
    "哪也",
    "多少都",
    "几点都",
    "怎么都",
    "怎么也",
    "怎样都",
    "什么都",
    "什么也",
    "啥都",
    "啥也",
    "谁都",
    "谁也",
];

fn universal() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| Phrases::new(UNIVERSAL, MatchKind::LeftmostFirst))
}

/// Whether the comment says "any/every" with a question word (什么时候都行, 哪个都好看) and asks
/// nothing besides: no A-not-A, no 吗 at the end, no question mark. `pairs` as in `compares_items`.
pub fn says_any(text: &str, core: &str, pairs: &Pairs) -> bool {
    universal().is_match_in(core, pairs)
        && !text.contains('?')
        && !core.ends_with(['吗', '么', '嘛'])
        && !has_a_not_a(core)
}

/// 问他走不走, 你问他要不要换个特效, 问她闺蜜想要什么礼物: a question passed on to someone else, for the
/// host to put to them or as told, is not put to the host: no answer is expected from the room. Only
/// when nothing else asks (no 吗 at the end, no question mark): 能问他多少钱吗 asks the host a favour.
pub fn relays_a_question(text: &str, core: &str) -> bool {
    let Some(at) = core.find('问') else { return false };
    let after = core[at + '问'.len_utf8()..].trim_start_matches(['问', '一', '下']);
    after.starts_with(['他', '她'])
        && !core[..at].ends_with(['请', '想', '要'])
        && !text.contains('?')
        && !core.ends_with(['吗', '么', '嘛'])
}

/// 666, 1717171717, 2333: a number alone is a cheer, a vote or a flood, never an ask, unless a mark
/// makes it one (55？, 0002? asks who that is).
pub fn just_a_number(text: &str, core: &str) -> bool {
    !core.is_empty() && core.bytes().all(|b| b.is_ascii_digit()) && !text.contains('?')
}

/// Endings that say "not even": 运费险都没有, 链接都没了, 几号链接都不说. A complaint, not a tag
/// question (有货没有), though the shopping word in it would make it one.
const NOT_EVEN: &[&str] = &[
    "都没有",
    "也没有",
    "都没",
    "也没",
    "都没了",
    "都没有了",
    "也没有了",
    "也没了",
    "都不说",
    "也不说",
    "都不回",
    "也不回",
    "都不回复",
    "都不理",
    "也不理",
];

/// Whether the comment ends in a "not even" (`NOT_EVEN`) and asks nothing besides: no why or how, no
/// A-not-A, no 吗 at the end, no question mark (为什么都不回, 链接都没有吗 and 是不是都没有 still ask).
pub fn says_not_even(text: &str, core: &str) -> bool {
    let core = core.trim_end_matches(['啊', '呀', '啦', '的']);
    // The last character first: most comments end in none of these, and that is one comparison.
    matches!(core.chars().next_back(), Some('有' | '没' | '了' | '说' | '回' | '复' | '理'))
        && NOT_EVEN.iter().any(|e| core.ends_with(e))
        && !text.contains('?')
        && !["为什么", "为啥", "怎么", "咋", "干嘛", "凭什么", "凭啥"].iter().any(|w| core.contains(w))
        && !core.ends_with(['吗', '么', '嘛'])
        && !has_a_not_a(core)
}

/// Ways to ask how items differ.
const DIFFERENCE: &[&str] =
    &["有什么区别", "有啥区别", "什么区别", "区别是什么", "区别在哪", "区别大吗", "有什么不同", "有啥不同"];

fn difference() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| Phrases::new(DIFFERENCE, MatchKind::LeftmostFirst))
}

/// Whether a question asks how things differ (有什么区别, 有啥不同).
pub fn asks_difference(text: &str) -> bool {
    difference().is_match(text)
}

/// 这两个有什么区别, 1号和2号有啥不同, 黑色跟白色区别大吗: two items set side by side, then how they
/// differ. Without two items named (近远有啥区别吗，反正…) it is as often a shrug. `pairs` are the
/// character pairs of a text holding `core`.
pub fn compares_items(core: &str, pairs: &Pairs) -> bool {
    let d = difference();
    if !d.may_match_in(pairs) {
        return false;
    }
    let Some(at) = d.automaton().find(core).map(|m| m.start()) else { return false };
    let before = &core[..at];
    ["和", "跟", "与", "还是", "两个", "两款", "两件", "两种", "两瓶", "两条", "两双", "俩"]
        .iter()
        .any(|w| find(before, w).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_and_every_ask_nothing() {
        for s in ["什么时候都行", "哪个都好看", "多少都买", "啥也不是", "谁也不服"] {
            assert!(says_any(s, s, &Pairs::of(s)), "{s}");
        }
        for s in ["什么都可以吗", "啥都行?", "干啥都行，这是不是偏爱", "什么时候发货", "都多少钱"]
        {
            assert!(!says_any(s, s, &Pairs::of(s)), "{s}");
        }
    }

    #[test]
    fn how_many_kinds_at_the_end() {
        for s in ["饼干有几个口味", "这款有几种颜色", "还有几件", "一共有几个色啊", "有几款"]
        {
            assert!(asks_how_many_kinds(s), "{s}");
        }
        for s in ["我有几个朋友", "只有几个人", "有几个人在看直播", "我们有几个", "没有几个", "有几个了", "有好几个"]
        {
            assert!(!asks_how_many_kinds(s), "{s}");
        }
    }

    #[test]
    fn you_wu_is_you_mei_you() {
        for s in ["有无运费险", "这款有无香味", "有无赠品啊"] {
            assert!(asks_with_you_wu(s), "{s}");
        }
        for s in ["有无数人买过", "有无限可能", "有无比好的效果", "有无"] {
            assert!(!asks_with_you_wu(s), "{s}");
        }
    }

    #[test]
    fn a_number_alone_asks_nothing() {
        for s in ["666", "17171717171717171717171717171717171717171711717171", "1"] {
            assert!(just_a_number(s, s), "{s}");
        }
        for (text, core) in [("55?", "55"), ("3号", "3号"), ("1717啊", "1717啊")] {
            assert!(!just_a_number(text, core), "{text}");
        }
    }

    #[test]
    fn not_even_complains() {
        for s in ["运费险都没有", "赠品都没有啊", "链接都没了", "几号链接都不说", "马甲线都没"]
        {
            assert!(says_not_even(s, s), "{s}");
        }
        for s in ["链接都没有吗", "是不是都没有", "都没有?", "为什么都不回", "怎么还没有", "有货没有", "都没有货吗"]
        {
            assert!(!says_not_even(s, s), "{s}");
        }
    }

    #[test]
    fn a_question_passed_on() {
        for s in ["问他走不走", "你问他要不要换个特效", "问她闺蜜想要什么礼物 她说要卡地亚", "问问他几点下播"]
        {
            assert!(relays_a_question(s, s), "{s}");
        }
        for s in ["能问他多少钱吗", "问你个事", "请问他多高", "我想问他多大", "问题是什么", "问他几岁?"]
        {
            assert!(!relays_a_question(s, s), "{s}");
        }
    }

    #[test]
    fn two_items_compared() {
        for s in
            ["这两个有什么区别", "1号和2号有啥不同", "黑色跟白色区别大吗", "这俩有什么区别啊", "s码还是m码什么区别"]
        {
            assert!(compares_items(s, &Pairs::of(s)), "{s}");
        }
        for s in ["近远有啥区别吗，反正都是一年回一次", "有什么区别", "这个和那个", "和你有什么关系"]
        {
            assert!(!compares_items(s, &Pairs::of(s)), "{s}");
        }
    }

    #[test]
    fn what_an_item_pointed_at_is_for() {
        for s in [
            "这个有什么用",
            "这款精华有什么功效啊",
            "这两瓶有啥用",
            "3号有什么用",
            "三号链接有什么作用",
            "这俩有什么用",
        ] {
            assert!(asks_what_item_is_for(s), "{s}");
        }
        for s in ["哭有什么用", "说这些有什么用", "留着有什么用", "这样有什么用", "这有什么用", "有什么用", "这个好看"]
        {
            assert!(!asks_what_item_is_for(s), "{s}");
        }
    }

    #[test]
    fn an_item_pointed_at_then_ne() {
        for s in ["刚才那个呢", "这件呢", "上一个呢", "下一款呢", "黑色那双呢", "红的那个呢", "还有那一件呢"]
        {
            assert!(asks_about_item(s), "{s}");
        }
        for s in ["那个", "你呢", "一个呢", "我呢", "那个人呢", "链接呢", "呢", "我在吃这个呢", "正在穿这件呢"]
        {
            assert!(!asks_about_item(s), "{s}");
        }
    }
}
