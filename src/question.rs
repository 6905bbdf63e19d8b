//! Is a comment a question? Live questions are short and mostly unpunctuated (主播多高, 链接呢,
//! 有没有S码, 能便宜点不), while many comments with ? or 什么 are reactions (？？？, 什么鬼).
//! The detector reads the cleaned text and its tokens; it never sees stopword-filtered text.

use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// Jeers, exclamations and phatic checks that look like questions but expect no answer.
const NOT_ASKING: &[&str] = &[
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

fn not_asking() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| AhoCorasick::new(NOT_ASKING).expect("static patterns"))
}

/// Interjections that a lone "?" turns into a reaction, not a question (啊? 嗯?).
const INTERJECTIONS: &[char] = &['啊', '嗯', '哦', '额', '呃', '诶', '欸', '哈', '嘿', '咦', '噢', '喔'];

/// Words that ask: any of these makes a comment a question unless it is a jeer or phatic.
const WH_WORDS: &[&str] = &[
    "多少", "什么", "啥", "怎么", "怎样", "咋", "哪", "谁", "为何", "多久", "多高", "多重", "多大", "多长", "多宽",
    "多远", "多胖", "几号", "几点", "几岁", "几个", "几天", "几块", "几码", "几斤", "几件", "几元", "几钱", "几月",
    "几时", "几折", "几期", "几",
];

/// A-not-A forms: 有没有, 是不是, 能不能, 可不可以, 贵不贵…
fn has_a_not_a(chars: &[char]) -> bool {
    chars.windows(3).any(|w| (w[1] == '不' || w[1] == '没') && w[0] == w[2] && w[0] != '不' && !w[0].is_ascii())
        || chars.windows(4).any(|w| w[2] == '不' && w[0] == w[3] && w[1] != '不') // 可以不可以
}

fn is_trailing_noise(c: char) -> bool {
    !c.is_alphanumeric() || crate::tokenize::is_emoji_char(c)
}

/// The detector. `text` is cleaned (see `clean`), `tokens` its tokens.
pub fn is_question(text: &str, tokens: &[&str]) -> bool {
    let has_mark = text.contains('?');
    // Strip stickers and trailing punctuation/emoji to find how the sentence really ends.
    let mut core: Vec<char> = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(n) = crate::clean::emoji_token_len(rest) {
            rest = &rest[n..];
            continue;
        }
        if c != ' ' {
            core.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    while core.last().is_some_and(|&c| is_trailing_noise(c)) {
        core.pop();
    }
    let content: Vec<char> = core.iter().copied().filter(|c| c.is_alphanumeric()).collect();
    if content.is_empty() {
        return false; // ？？？, stickers only
    }
    let core_str: String = core.iter().collect();
    if not_asking().is_match(&core_str) {
        return false;
    }
    if content.iter().all(|c| INTERJECTIONS.contains(c)) {
        return false;
    }
    let last = *core.last().expect("content is not empty");
    let ends_with = |s: &str| core_str.ends_with(s);

    if core_str.contains("请问") {
        return true;
    }
    // Sentence-final particles: 吗 嘛 呢, and 么 when it is not part of 什么/怎么/这么/那么/多么.
    if matches!(last, '吗' | '嘛' | '呢')
        || (last == '么' && !["什么", "怎么", "这么", "那么", "多么", "要么"].iter().any(|w| ends_with(w)))
    {
        return content.len() >= 2 || has_mark;
    }
    // 能便宜点不, 发货了没, 到了没有
    if content.len() >= 3 && (matches!(last, '不' | '没') || ends_with("没有")) && !ends_with("不不") {
        return true;
    }
    if has_a_not_a(&core) {
        return true;
    }
    // 衣服链接, 求链接: a bare link mention asks where to buy.
    if ends_with("链接") || ends_with("链接呢") {
        return true;
    }
    let asks = |t: &&str| {
        // Only tokens starting with one of these characters can be question words.
        matches!(t.chars().next(), Some('多' | '什' | '啥' | '怎' | '咋' | '哪' | '谁' | '为' | '几'))
            && (WH_WORDS.iter().any(|w| t.starts_with(w)) || *t == "为什么" || *t == "为啥")
    };
    if tokens.iter().any(asks) {
        return true;
    }
    // Anything else with a question mark and real content (尺码?, 3号?)
    has_mark && content.len() >= 2 && last != '吧'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::cut;

    fn q(s: &str) -> bool {
        let c = crate::clean::clean(s).text;
        is_question(&c, &cut(&c))
    }

    #[test]
    fn unpunctuated_live_questions() {
        for s in [
            "主播多高",
            "链接呢",
            "有没有S码",
            "能便宜点不",
            "还有货吗",
            "几号链接",
            "多少钱",
            "衣服链接",
            "发货了没有",
            "这个怎么用",
            "3号呢",
        ] {
            assert!(q(s), "{s} should be a question");
        }
    }

    #[test]
    fn reactions_and_jeers_are_not_questions() {
        for s in [
            "？？？",
            "?",
            "啊？",
            "你是不是傻",
            "什么鬼",
            "搞什么啊",
            "哈哈哈",
            "主播好",
            "666",
            "有人吗",
            "[比心]",
            "怎么这么好看",
            "来了",
        ] {
            assert!(!q(s), "{s} should not be a question");
        }
    }
}
