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
    // Only tokens starting with one of these characters can be question words, or ending in 啥: jieba
    // keeps 发啥 (发啥快递) as one word.
    if !matches!(token.chars().next(), Some('多' | '什' | '啥' | '怎' | '咋' | '哪' | '谁' | '为' | '几' | '何' | '第'))
        && !token.ends_with('啥')
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
    // So do an ordinal's 几 (第几个链接, 排第几) and a verb's 啥 (发啥快递).
    let token = match token {
        t if t.starts_with("何时") => "几时",
        "为嘛" => "为啥",
        t if t.starts_with("第几") => &t["第".len()..],
        t if t.ends_with('啥') && !t.starts_with('为') => "啥",
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
        // 有木有 is how many viewers type 有没有.
        let not = neg(w[4]) || (w[4] == '木' && w[5] == '有');
        let a_not_a = not && w[3] == w[5] && !neg(w[5]) && !w[5].is_ascii() && w[2] != w[4];
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
    use super::{has_a_not_a, wh_word};

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
    fn question_words_inside_a_word() {
        let word = |t: &str| wh_word(t, None).map(|w| super::WH_WORDS[w]);
        assert_eq!(word("发啥"), Some("啥"));
        assert_eq!(word("第几"), Some("几"));
        assert_eq!(word("第几个"), Some("几个"));
        assert_eq!(word("为啥"), Some("为啥"));
        assert_eq!(word("啥"), Some("啥"));
        for t in ["第一", "第", "好几个"] {
            assert_eq!(word(t), None, "{t}");
        }
    }

    #[test]
    fn a_not_a_but_not_a_word_said_twice() {
        for s in [
            "好不好",
            "是不是真的",
            "有没有s码",
            "有木有s码",
            "链接有木有",
            "可以不可以",
            "喜欢不喜欢",
            "可不可以",
            "对不对不对",
            "错不错",
        ] {
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
            "木有了",
        ] {
            assert!(!has_a_not_a(s), "{s}");
        }
    }
}
