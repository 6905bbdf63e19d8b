//! The hand-written reading of a comment's form: its final particle, question words, A-not-A,
//! jeers (where the sentence really ends is `ending.rs`). These signals are features of the learned detector (`mod.rs`);
//! `rule_marked` is the former rule-only detector, kept as one more feature.

use super::ending::{only_interjections, simplified};
use super::named::{Found, Named};
use crate::phrases::{Pairs, Phrases};
use crate::tokenize::is_alnum;
use aho_corasick::MatchKind;
use std::sync::OnceLock;

/// Jeers, exclamations and phatic checks that look like questions but expect no answer.
pub const NOT_ASKING: &[&str] = &[
    "什么鬼",
    "搞什么",
    "凭什么",
    "怎么可能",
    "什么玩意",
    "是不是傻",
    "是不是有病",
    "有病吧",
    "你懂什么",
    "关你什么事",
    "关你啥事",
    "谁懂",
    "还用问",
    "什么情况",
    "怎么这么",
    "怎么那么",
    "怎么可以这么",
    "怎么回事啊",
    "难道",
    "有人吗",
    "有没有人",
    "在吗",
    "干嘛呢你",
    "搞啥",
    "啥玩意",
    "什么东西啊",
    "我说什么",
    "你说呢",
    "有什么用",
    "算什么",
    "什么都",
    "没什么",
    "不怎么",
    "怎么都",
    "谁都",
    "哪都",
    "多少有点",
    "为什么不早说",
];

/// `hay.find(needle)` for the short texts here: a byte-window scan beats building a two-way searcher
/// per call (it showed in the wasm profile; `contains` of a non-ASCII char builds one too). Exact: a
/// UTF-8 needle only matches whole characters. The window's last byte is tried first: in Chinese text
/// nearly every window starts with one of a few lead bytes (0xE4–0xE9), while a character's last byte
/// takes one of 64 values.
pub(super) fn find(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    let k = n.len() - 1;
    hay.as_bytes().windows(n.len()).position(|w| w[k] == n[k] && w == n)
}

pub fn not_asking() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| Phrases::new(NOT_ASKING, MatchKind::Standard))
}

/// Question words, longest first where one is a prefix of another.
pub const WH_WORDS: &[&str] = &[
    "多少",
    "什么",
    "啥",
    "怎么",
    "怎样",
    "咋",
    "哪",
    "谁",
    "为何",
    "为什么",
    "为啥",
    "多久",
    "多高",
    "多重",
    "多大",
    "多长",
    "多宽",
    "多远",
    "多胖",
    "几号",
    "几点",
    "几岁",
    "几个",
    "几天",
    "几块",
    "几码",
    "几斤",
    "几件",
    "几元",
    "几钱",
    "几月",
    "几时",
    "几折",
    "几期",
    "几",
];

/// The question word a token starts with, if any (index into `WH_WORDS`); `next` is the token after it.
pub fn wh_word(token: &str, next: Option<&str>) -> Option<usize> {
    // Only tokens starting with one of these characters can be question words.
    if !matches!(token.chars().next(), Some('多' | '什' | '啥' | '怎' | '咋' | '哪' | '谁' | '为' | '几' | '何'))
    {
        return None;
    }
    // 几把 / 几吧 in chat is the vulgar intensifier (真几把菜, 唱个几把) or "a few rounds" (多打几把),
    // almost never "how many": read as a question word it made every such jeer a question.
    if matches!(token, "几把" | "几吧" | "几巴") || (token == "几" && matches!(next, Some("把" | "吧" | "巴")))
    {
        return None;
    }
    // Written forms and dialect the list leaves out read as the word they mean (何时 = 几时, 为嘛 =
    // 为啥), so the model, which learned the list's words, weighs them the same.
    let token = match token {
        t if t.starts_with("何时") => "几时",
        "为嘛" => "为啥",
        t => t,
    };
    WH_WORDS.iter().position(|w| token.starts_with(w) && (!w.starts_with('为') || token == *w))
}

/// Question words of two or more characters, found in the text itself: jieba sometimes cuts them apart
/// (你多大了 → 你/多/大/了). Single characters (几, 哪, 谁, 啥) are only trusted as tokens (几百, 哪怕).
const WH_PHRASES: &[&str] = &[
    "多少",
    "什么",
    "怎么",
    "为什么",
    "为啥",
    "多大",
    "多久",
    "多高",
    "多重",
    "多长",
    "多远",
    "多钱",
    "何时",
    "为嘛",
    // How big, thick, heavy… of goods (多贵, 有多厚); not 多好/多美, which exclaim.
    "多贵",
    "多宽",
    "多厚",
    "多深",
    "多粗",
    "多沉",
    "多窄",
    "多薄",
    "多细",
    // What an item is for (干嘛用的, 这是干嘛的): 干嘛 alone is mostly "why are you…".
    "干嘛用",
    "干嘛的",
    "咋样",
    "怎样",
    "啥样",
    "如何",
    "是否",
    "几点",
    "几号",
    "几岁",
    "几个",
    "哪里",
    "哪个",
    "哪儿",
];

fn wh_phrases() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| Phrases::new(WH_PHRASES, MatchKind::Standard))
}

/// A-not-A forms: 有没有, 是不是, 能不能, 可不可以, 贵不贵, 可以不可以, 喜欢不喜欢…; not a word said
/// twice (不错不错, 没有没有, 不洗了不洗了) nor a negator said thrice (没没没).
pub fn has_a_not_a(core: &str) -> bool {
    let neg = |c: char| c == '不' || c == '没';
    // The last six characters, the newest at w[5]; the blanks before the first never match.
    let mut w = [' '; 6];
    for c in core.chars() {
        w.rotate_left(1);
        w[5] = c;
        let a_not_a = neg(w[4]) && w[3] == w[5] && !neg(w[5]) && !w[5].is_ascii() && w[2] != w[4];
        let ab_not_ab = w[3] == '不' && w[1] == w[4] && w[2] == w[5] && !neg(w[1]) && !neg(w[2]) && w[0] != '不';
        if a_not_a || ab_not_ab {
            return true;
        }
    }
    false
}

/// What `rule_marked` and `signals` read of a text, found once per text (the detector asks for both, of
/// the core and of the core without its vocative, and the automata are the costly part).
#[derive(Clone, Copy)]
pub struct Marks {
    pub not_asking: bool,
    /// A question word: a token (`wh_token`, from the caller's pass over them) or a phrase.
    pub wh: bool,
    pub a_not_a: bool,
}

impl Marks {
    pub fn of(s: &str, wh_token: bool) -> Marks {
        let pairs = Pairs::of(s);
        Marks::found(s, wh_token, not_asking().is_match_in(s, &pairs), &pairs)
    }

    /// `of` when the caller already scanned `s` for `NOT_ASKING`.
    /// `pairs`: those of `s` or of a text `s` is part of.
    pub fn found(s: &str, wh_token: bool, not_asking: bool, pairs: &Pairs) -> Marks {
        Marks { not_asking, wh: wh_token || wh_phrases().is_match_in(s, pairs), a_not_a: has_a_not_a(s) }
    }
}

/// The former rule-only detector, from `core`'s marks; `core` is `ending::core(text)` or a prefix of
/// it (`found` is of `ending::core(text)`), non-empty.
pub fn rule_marked(text: &str, core: &str, marks: Marks, found: &Found) -> bool {
    let has_mark = text.contains('?');
    let content = core.chars().filter(|&c| is_alnum(c)).count();
    if marks.not_asking || only_interjections(core) {
        return false;
    }
    let last = simplified(core.chars().next_back().expect("core is not empty"));
    if found.within(Named::QingWen, core.len()) {
        return true;
    }
    // Sentence-final particles: 吗 嘛 呢, and 么 when it is not part of 什么/怎么/这么/那么/多么.
    if matches!(last, '吗' | '嘛' | '呢')
        || (last == '么' && !["什么", "怎么", "这么", "那么", "多么", "要么"].iter().any(|w| core.ends_with(w)))
    {
        return content >= 2 || has_mark;
    }
    // 能便宜点不, 发货了没, 到了没有
    if content >= 3 && (matches!(last, '不' | '没') || core.ends_with("没有")) && !core.ends_with("不不") {
        return true;
    }
    if marks.a_not_a || (core.ends_with("链接") && !asks_for_link(core)) {
        return true;
    }
    if marks.wh {
        return true;
    }
    // Anything else with a question mark and real content (尺码?, 3号?)
    has_mark && content >= 2 && last != '吧'
}

/// 求链接, 快上链接, 主播发个链接: a request for the link, not a question (衣服链接 asks where to buy).
fn asks_for_link(core: &str) -> bool {
    let before = core.strip_suffix("链接").unwrap_or(core);
    let before = ["一个", "一下", "个", "下"].iter().find_map(|m| before.strip_suffix(m)).unwrap_or(before);
    before.ends_with(['求', '上', '发', '挂', '放', '给', '来', '要', '甩', '丢', '贴'])
}

/// 刚才那个呢, 黑色那件呢, 上一款呢: an item pointed at (那/这, 上/下 and a measure word) and then 呢
/// asks about that item — its link, its price — as 3号呢 does. Buying rooms say it when the host has
/// moved on; the chat rooms the model learned from hardly ever do. Only a time, a place or a colour
/// may come before the item: after a verb, 呢 says something is going on (我在吃这个呢).
pub fn asks_about_item(core: &str) -> bool {
    const MEASURES: &[char] =
        &['个', '件', '款', '条', '双', '套', '只', '支', '瓶', '盒', '袋', '色', '种', '组', '顶', '副', '把', '块'];
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
    let mut chars = item.chars().peekable();
    match chars.next() {
        Some('这' | '那') => {
            const MEASURES: &str = "个件款条双套只支瓶盒袋种组顶副块";
            match chars.next() {
                Some('俩') => true,
                Some('一' | '两' | '几') => chars.next().is_some_and(|m| MEASURES.contains(m)),
                m => m.is_some_and(|m| MEASURES.contains(m)),
            }
        }
        Some(c) if c.is_ascii_digit() || "一二三四五六七八九十".contains(c) => {
            chars.find(|c| !c.is_ascii_digit() && !"一二三四五六七八九十".contains(*c)) == Some('号')
        }
        _ => false,
    }
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

/// Number of bits `signals` sets.
pub const SIGNALS: usize = 20;

/// Coarse yes/no signals of a comment's form, one bit each; the detector pairs them up. `end` is the
/// core without a trailing address term, `end_marks` its marks; `wh` and `found` are the core's.
pub fn signals(
    text: &str,
    end: &str,
    tokens: &[&str],
    wh: bool,
    content: usize,
    end_marks: Marks,
    found: &Found,
) -> u32 {
    let last = end.chars().next_back().map(simplified).unwrap_or(' ');
    let body = &end[..end.len() - end.chars().next_back().map_or(0, char::len_utf8)];
    let first = tokens.iter().find(|t| t.chars().any(is_alnum)).copied().unwrap_or("");
    let sticker = text.contains('[') || text.chars().any(crate::tokenize::is_emoji_char);
    [
        text.contains('?'),
        matches!(last, '吗' | '嘛') || last == '么' && !end.ends_with("什么") && !end.ends_with("怎么"),
        last == '呢',
        last == '吧',
        matches!(last, '啊' | '呀' | '哦' | '哈' | '啦'),
        matches!(last, '不' | '没') || end.ends_with("没有"),
        found.within(Named::Bu, body.len()) || found.within(Named::Mei, body.len()),
        found.within(Named::BuShi, end.len()),
        found.within(Named::Ni, end.len()) || found.within(Named::ZhuBo, end.len()),
        wh,
        [Named::ZheMe, Named::NaMe, Named::DuoMe].into_iter().any(|n| found.within(n, end.len())),
        end_marks.a_not_a,
        found.within(Named::HaiShi, end.len()),
        first == "我",
        content <= 4,
        content >= 12,
        end_marks.not_asking,
        sticker,
        ["唱", "来", "听", "玩", "去", "给", "快", "等", "让", "别", "走", "加"].contains(&first),
        last == '了',
    ]
    .iter()
    .enumerate()
    .fold(0, |bits, (i, &on)| bits | (on as u32) << i)
}

#[cfg(test)]
mod tests {
    use super::{Pairs, asks_about_item, asks_what_item_is_for, compares_items, has_a_not_a, says_any, wh_word};

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
    fn ji_ba_in_chat_is_no_question_word() {
        for (t, next) in [("几把", None), ("几吧", None), ("几", Some("吧")), ("几", Some("把"))] {
            assert_eq!(wh_word(t, next), None, "{t} {next:?}");
        }
        for (t, next) in [("几", None), ("几号", None), ("几个", Some("吧")), ("几", Some("块"))] {
            assert!(wh_word(t, next).is_some(), "{t} {next:?}");
        }
    }

    #[test]
    fn a_not_a_but_not_a_word_said_twice() {
        for s in ["好不好", "是不是真的", "有没有s码", "可以不可以", "喜欢不喜欢", "可不可以", "对不对不对", "错不错"]
        {
            assert!(has_a_not_a(s), "{s}");
        }
        for s in [
            "不错不错",
            "没有没有",
            "不好不好",
            "好好好",
            "不不不",
            "没没没",
            "不洗了不洗了",
            "不出不出就不出",
            "肛,不肛不肛",
        ] {
            assert!(!has_a_not_a(s), "{s}");
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
