//! How a comment ends, which is where Chinese puts its question: the core without stickers, emoji
//! and marks around it, and that core without an address term or laughter tacked on after the
//! question (有用吗姐姐). The detector's signals (`rules.rs`) read these.

use crate::tokenize::is_alnum;

/// Interjections that a lone "?" turns into a reaction, not a question (啊? 嗯?).
const INTERJECTIONS: &[char] = &['啊', '嗯', '哦', '额', '呃', '诶', '欸', '哈', '嘿', '咦', '噢', '喔'];

fn is_noise(c: char) -> bool {
    c == ' ' || !is_alnum(c) || crate::tokenize::is_emoji_char(c)
}

/// The text without leading/trailing stickers, emoji, punctuation and spaces: how the sentence ends.
pub fn core(text: &str) -> &str {
    let mut s = text;
    loop {
        if let Some(n) = crate::clean::emoji_token_len(s) {
            s = &s[n..];
        } else if let Some(c) = s.chars().next().filter(|&c| is_noise(c)) {
            s = &s[c.len_utf8()..];
        } else {
            break;
        }
    }
    loop {
        let sticker = s.ends_with(']').then(|| s.rfind('[')).flatten();
        if let Some(p) = sticker.filter(|&p| crate::clean::emoji_token_len(&s[p..]) == Some(s.len() - p)) {
            s = &s[..p];
        } else if let Some(c) = s.chars().next_back().filter(|&c| is_noise(c)) {
            s = &s[..s.len() - c.len_utf8()];
        } else {
            return s;
        }
    }
}

/// Address terms a viewer tacks on after the question (有用吗姐姐, 有链接不小姐姐).
const VOCATIVES: &[&str] = &[
    "小姐姐",
    "姐姐",
    "哥哥",
    "主播",
    "宝宝",
    "宝子",
    "美女",
    "帅哥",
    "老婆",
    "老公",
    "家人们",
    "妹妹",
    "妹子",
    "大哥",
    "老师",
    "亲亲",
    "亲",
    "姐妹们",
    "姐妹",
    "宝贝",
    "老板",
    "老铁",
    "姐",
    "哥",
    // Alone, 宝 also ends words (支付宝, 珠宝): only after a final particle (有货吗宝, 能退不宝).
    "宝",
];

/// A lone `宝` is an address term only after one of these.
const BEFORE_BAO: &[char] = &['吗', '不', '呢', '没', '嘛', '呀', '啊', '吧', '么', '哇'];

/// The last characters of `VOCATIVES` (a test keeps the two in step).
const VOCATIVE_ENDS: &[char] =
    &['姐', '哥', '播', '宝', '子', '女', '婆', '公', '们', '妹', '师', '亲', '贝', '板', '铁'];

/// The core without trailing laughter or a trailing address term, so the sentence-final particle is
/// found: 有用吗姐姐 → 有用吗, 有链接吗哈哈 → 有链接吗. Unchanged when nothing would be left.
pub fn without_vocative(core: &str) -> &str {
    // Laughter after the question (可以要链接吗哈哈哈) hides its final particle as an address term does.
    let laughed = core.trim_end_matches(['哈', '呵', '嘿', '嘻']);
    let core =
        if core.len() - laughed.len() >= "哈哈".len() && laughed.chars().count() >= 2 { laughed } else { core };
    // Most comments end in none of the address terms' last characters: one test spares the suffix
    // comparisons (they showed in the profile: ~18 per comment).
    if !core.ends_with(VOCATIVE_ENDS) {
        return core;
    }
    for v in VOCATIVES {
        if let Some(rest) = core.strip_suffix(v) {
            let rest = rest.trim_end_matches(|c: char| is_noise(c));
            if rest.chars().count() >= 2 && (*v != "宝" || rest.ends_with(BEFORE_BAO)) {
                return rest;
            }
        }
    }
    core
}

/// Traditional forms of the characters the rules read (嗎 → 吗): the cleaner keeps them as typed.
pub fn simplified(c: char) -> char {
    match c {
        '嗎' => '吗',
        '麼' | '麽' => '么',
        '甚' => '什',
        '誰' => '谁',
        '幾' => '几',
        '為' => '为',
        '裡' | '裏' => '里',
        _ => c,
    }
}

/// Only interjections (啊, 嗯嗯): with a "?" that is confusion, not a question.
pub fn only_interjections(core: &str) -> bool {
    core.chars().filter(|&c| is_alnum(c)).all(|c| INTERJECTIONS.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_terms_after_the_question_go() {
        for (core, end) in [
            ("有货吗宝", "有货吗"),
            ("能退不宝", "能退不"),
            ("是纯棉吗姐妹", "是纯棉吗"),
            ("能再少点不老板", "能再少点不"),
            ("有链接吗宝贝", "有链接吗"),
            ("能用支付宝", "能用支付宝"),
            ("这是什么珠宝", "这是什么珠宝"),
        ] {
            assert_eq!(without_vocative(core), end, "{core}");
        }
    }

    #[test]
    fn vocative_ends_cover_every_vocative() {
        for v in VOCATIVES {
            assert!(v.ends_with(VOCATIVE_ENDS), "{v}: add its last character to VOCATIVE_ENDS");
        }
    }
}
