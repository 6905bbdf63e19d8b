//! Forms that ask the same question: a tag (可以用不 = 可以用吗), an A-not-A (好不好用 = 好用吗), and
//! what a yes-or-no, an open or a "how" question asks about once its particles, copula, modals and
//! question words are left out (防水吗 = 是防水的吗, 是几层 = 多少层, 怎么退货 = 退货怎么操作).

use super::{HOW, MAX_CHARS, OPEN_ASKS, YES_NO};
use crate::tokenize::is_alnum;
use std::borrow::Cow;

/// The plain question behind a tag or an A-not-A form: 可以用不 → 可以用, 好不好用 → 好用,
/// 包不包邮吗 → 包邮吗; `None` when it has neither (most questions).
pub fn plain(text: &str) -> Option<Cow<'_, str>> {
    let untagged = without_tag(text);
    match fold_a_not_a(untagged.unwrap_or(text)) {
        Some(folded) => Some(Cow::Owned(folded)),
        None => untagged.map(Cow::Borrowed),
    }
}

/// 几号 before a verb of time (发货, 到, 能到, 开播, 补货) asks when: the text with 什么时候 in its
/// place, `None` when it has no such 几号 (几号链接 names a link).
pub fn when_by_date(text: &str) -> Option<String> {
    const VERBS: [&str; 5] = ["发", "到", "能到", "开播", "补"];
    let at = text.find("几号")?;
    let rest = &text[at + "几号".len()..];
    VERBS.iter().any(|v| rest.starts_with(v)).then(|| format!("{}什么时候{rest}", &text[..at]))
}

/// A question without its tag 不 or 没 (可以用不, 能便宜点不, 发货了没), `None` when it has none.
fn without_tag(text: &str) -> Option<&str> {
    let t = text.trim_end_matches(|c: char| !is_alnum(c));
    let body = t.strip_suffix(['不', '没'])?;
    body.ends_with(|c: char| is_alnum(c) && c != '不' && c != '没').then_some(body)
}

/// `X不X` and `X没X` (one or two characters each side) folded to `X`: 好不好用 → 好用, 包不包邮 → 包邮,
/// 合适不合适 → 合适; `None` when the text holds none, which is most questions.
fn fold_a_not_a(text: &str) -> Option<String> {
    if !text.contains(['不', '没']) {
        return None;
    }
    let c: Vec<char> = text.chars().collect();
    let word = |s: &[char]| s.iter().all(|&x| !x.is_ascii() && x != '不' && x != '没' && is_alnum(x));
    let (mut out, mut i, mut folded) = (String::with_capacity(text.len()), 0, false);
    while i < c.len() {
        let k = (1..=2).rev().find(|&k| {
            c.get(i + k).is_some_and(|&n| n == '不' || n == '没')
                && c.len() > i + 2 * k
                && c[i..i + k] == c[i + k + 1..i + 2 * k + 1]
                && word(&c[i..i + k])
        });
        match k {
            Some(k) => {
                i += k + 1; // drop "X不"; the second X is copied next
                folded = true;
            }
            None => {
                out.push(c[i]);
                i += 1;
            }
        }
    }
    folded.then_some(out)
}

/// Words, then characters, that do not change what a yes-or-no question asks: modals, degree,
/// "comes with" (有电池吗 = 带电池吗 = 送电池吗), deictics, "try" (试穿一下 = 试穿看看), particles, copula.
const YES_NO_WORDS: Words = Words::new(&[
    "可以", "容易", "很", "非常", "特别", "比较", "包含", "含有", "自带", "带", "这个", "那个", "这款", "那款", "这件",
    "那件", "这种", "需要", "只能", "必须", "一下", "看看", "送", "给",
]);
const YES_NO_FILLER: &[char] = &['吗', '嘛', '么', '呢', '啊', '呀', '的', '了', '是', '会', '能', '还', '有'];
/// Modals that say nothing before the content, and only there (要干洗吗 = 干洗吗, but 重要吗 ≠ 重吗).
const LEADING_MODALS: Words = Words::new(&["需要", "可以", "只能", "必须", "应该", "要", "能", "会", "得", "该"]);

/// What a yes-or-no question asks about: its characters (`Signature::chars`) without those.
fn yes_no_content(chars: &str) -> impl Iterator<Item = char> + '_ {
    content(chars, LEADING_MODALS, YES_NO_WORDS, YES_NO_FILLER)
}

/// At most this many characters of circumstance before the same yes-or-no content.
const CONTEXT_CHARS: usize = 2;

/// One yes-or-no question's content after a few characters of circumstance in the other's: 掉色吗 /
/// 洗了会褪色吗, 起球吗 / 穿久了起球不. Only before it: what follows changes the ask (有辐射吗 /
/// 辐射大吗, 能玩游戏吗 / 能玩游戏烈焰吗), and so does a negation (逾期吗 / 不用会逾期吗). The shared
/// content must be two characters or a concept: 甜吗 inside 不太甜吗 is not enough.
pub fn in_context(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let concept = short.iter().any(|c| ('\u{E000}'..='\u{F8FF}').contains(c));
    let context = &long[..long.len() - short.len()];
    (short.len() >= 2 || concept)
        && context.len() <= CONTEXT_CHARS
        && long.ends_with(short)
        && !context.iter().any(|&c| c == '不' || c == '没')
}

/// The content a question's form asks about (`Signature::chars` and `asks`): a yes-or-no question's,
/// an open question's (only "what" and "how many" words), a "how" question's, or none. Read once
/// per signature into `Shape`: grouping compares a seed with every candidate question.
pub fn content_into(chars: &str, asks: u16, out: &mut [char; MAX_CHARS]) -> usize {
    let content: &mut dyn Iterator<Item = char> = if asks == 1 << YES_NO {
        &mut yes_no_content(chars)
    } else if asks != 0 && asks & !OPEN_ASKS == 0 {
        &mut open_content(chars)
    } else if asks == 1 << HOW {
        &mut how_content(chars)
    } else {
        return 0;
    };
    content.zip(out.iter_mut()).fold(0, |n, (c, slot)| {
        *slot = c;
        n + 1
    })
}

/// `chars` without `lead` words at its start (什么是 keeps its 是), without `words` (tried first, at
/// each position) and then without `filler` characters.
fn content<'a>(chars: &'a str, lead: Words, words: Words, filler: &'static [char]) -> impl Iterator<Item = char> + 'a {
    let mut rest = chars;
    loop {
        if let Some(w) = lead.at(rest) {
            rest = &rest[w.len()..];
        } else if let Some(c) = rest.chars().next().filter(|c| filler.contains(c)) {
            rest = &rest[c.len_utf8()..]; // 是要干洗 = 要干洗
        } else {
            break;
        }
    }
    std::iter::from_fn(move || {
        while let Some(c) = rest.chars().next() {
            if let Some(w) = words.at(rest) {
                rest = &rest[w.len()..];
                continue;
            }
            rest = &rest[c.len_utf8()..];
            if !filler.contains(&c) {
                return Some(c);
            }
        }
        None
    })
}

/// A word list with a 64-bit filter of its words' first bytes: every question's content is read
/// against these lists at each character, and most characters start no word.
#[derive(Clone, Copy)]
struct Words {
    list: &'static [&'static str],
    starts: u64,
}

impl Words {
    const fn new(list: &'static [&'static str]) -> Words {
        let (mut starts, mut i) = (0u64, 0);
        while i < list.len() {
            starts |= 1 << Words::key(list[i].as_bytes());
            i += 1;
        }
        Words { list, starts }
    }

    /// Which of 64 bits a text starting with these bytes sets: its first three bytes (a CJK
    /// character's whole UTF-8), folded.
    const fn key(b: &[u8]) -> u32 {
        const fn at(b: &[u8], i: usize) -> u32 {
            if i < b.len() { b[i] as u32 } else { 0 }
        }
        (at(b, 0) ^ (at(b, 1) * 7) ^ (at(b, 2) * 31)) % 64
    }

    /// The first word of the list that `text` starts with.
    fn at(self, text: &str) -> Option<&'static str> {
        if self.starts & 1 << Words::key(text.as_bytes()) == 0 {
            return None;
        }
        self.list.iter().copied().find(|w| text.starts_with(w))
    }
}

/// Words that ask "what" or "how many" without changing about what: 有几个颜色 = 有什么颜色,
/// 一盒几片 = 一盒多少片, 多大容量 = 容量多少. 哪里 (where) is not among them: 去哪里玩 ≠ 去玩什么.
const OPEN_WORDS: Words = Words::new(&[
    "多少种",
    "多少款",
    "多少",
    "多大",
    "哪几种",
    "哪几个",
    "几种",
    "几款",
    "几个",
    "几",
    "什么",
    "啥",
    "哪些",
    "哪个",
    "哪款",
    "哪种",
    // "In all" does not change how many: 一共几件 = 总共几件 = 几件.
    "一共",
    "总共",
]);
const OPEN_FILLER: &[char] = &['呢', '啊', '呀', '的', '了', '有'];
/// Before the content of an open question, the copula too (是几层 = 几层的 = 多少层); only there, since
/// 微笑是什么 does not ask what 什么的微笑 asks.
const OPEN_LEAD: Words = Words::new(&["需要", "可以", "只能", "应该", "要", "能", "会", "是", "该"]);

/// What an open question asks about: its characters (`Signature::chars`) without its "what" and
/// "how many" words and particles, in order.
fn open_content(chars: &str) -> impl Iterator<Item = char> + '_ {
    content(chars, OPEN_LEAD, OPEN_WORDS, OPEN_FILLER)
}

/// Words of a "how" question that do not change how to do what: 怎么退货 = 退货怎么操作 = 怎么申请退货.
const HOW_WORDS: Words =
    Words::new(&["怎么", "如何", "怎样", "咋", "操作", "办理", "申请", "弄", "这个", "那个", "一下", "才能", "才可以"]);
const HOW_FILLER: &[char] = &['呢', '啊', '呀', '的', '了', '吗', '嘛'];

/// What a "how" question asks how to do: its characters without the how-words, the modals before
/// them and particles.
fn how_content(chars: &str) -> impl Iterator<Item = char> + '_ {
    content(chars, LEADING_MODALS, HOW_WORDS, HOW_FILLER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_come_off() {
        assert_eq!(without_tag("可以用不?"), Some("可以用"));
        assert_eq!(without_tag("发货了没"), Some("发货了"));
        assert_eq!(without_tag("不"), None);
        assert_eq!(without_tag("可以用吗"), None);
    }

    #[test]
    fn a_not_a_folds() {
        for (text, folded) in [
            ("好不好用", Some("好用")),
            ("包不包邮", Some("包邮")),
            ("合适不合适", Some("合适")),
            ("会不会起球", Some("会起球")),
            ("有没有货", Some("有货")),
            ("不好用", None),
            ("好用吗", None),
            ("不不不", None),
        ] {
            assert_eq!(fold_a_not_a(text).as_deref(), folded, "{text}");
        }
    }

    #[test]
    fn content_leaves_out_particles_and_modals() {
        let content = |s: &str| yes_no_content(s).collect::<String>();
        assert_eq!(content("是防水的吗"), "防水");
        assert_eq!(content("容易缩水吗"), content("会缩水吗"));
        assert_eq!(content("是的吗"), "");
        assert_eq!(content("可以水洗吗"), "水洗");
        assert_eq!(content("可爱吗"), "可爱", "可 alone is a word's character, not a modal");
        assert_eq!(content("要干洗吗"), content("需要干洗吗"));
        assert_eq!(content("只能干洗吗"), "干洗");
        assert_eq!(content("是要干洗"), "干洗");
        assert_eq!(content("送电池吗"), content("有电池吗"));
        assert_ne!(content("重要吗"), content("重吗"), "a modal is dropped before the content only");
        let open = |s: &str| open_content(s).collect::<String>();
        assert_eq!(open("是几层"), open("多少层"));
        assert_eq!(open("能用多少次"), open("用几次"));
        assert_ne!(open("微笑是什么"), open("什么的微笑"));
        assert_ne!(open("什么是鸡汤"), open("有啥鸡汤"), "only a leading 是 goes");
        let how = |s: &str| how_content(s).collect::<String>();
        assert_eq!(how("怎么申请退款"), how("退款怎么操作"));
        assert_ne!(how("怎么退款"), how("怎么付款"));
    }
}
