//! Forms that ask the same yes-or-no question: a tag (可以用不 = 可以用吗), an A-not-A (好不好用 =
//! 好用吗), and particles, copula and modals around the content (防水吗 = 是防水的吗).

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
/// "comes with" (有电池吗 = 带电池吗), deictics, particles, copula.
const YES_NO_WORDS: &[&str] = &[
    "可以", "容易", "很", "非常", "特别", "比较", "包含", "含有", "自带", "带", "这个", "那个", "这款", "那款", "这件",
    "那件", "这种",
];
const YES_NO_FILLER: &[char] = &['吗', '嘛', '么', '呢', '啊', '呀', '的', '了', '是', '会', '能', '还', '有'];

/// What a yes-or-no question asks about: its characters (`Signature::chars`) without those.
/// Lazy: grouping compares it against every candidate, mostly to tell at the first characters.
pub fn yes_no_content(chars: &str) -> impl Iterator<Item = char> + '_ {
    content(chars, YES_NO_WORDS, YES_NO_FILLER)
}

/// `chars` without `words` (tried first, at each position) and then without `filler` characters.
fn content<'a>(
    chars: &'a str,
    words: &'static [&'static str],
    filler: &'static [char],
) -> impl Iterator<Item = char> + 'a {
    let mut rest = chars;
    std::iter::from_fn(move || {
        while let Some(c) = rest.chars().next() {
            if let Some(w) = words.iter().find(|w| rest.starts_with(**w)) {
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

/// Words that ask "what" or "how many" without changing about what: 有几个颜色 = 有什么颜色,
/// 一盒几片 = 一盒多少片, 多大容量 = 容量多少. 哪里 (where) is not among them: 去哪里玩 ≠ 去玩什么.
const OPEN_WORDS: &[&str] = &[
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
];
const OPEN_FILLER: &[char] = &['呢', '啊', '呀', '的', '了', '有'];

/// What an open question asks about: its characters (`Signature::chars`) without its "what" and
/// "how many" words and particles, in order. Lazy, like `yes_no_content`.
pub fn open_content(chars: &str) -> impl Iterator<Item = char> + '_ {
    content(chars, OPEN_WORDS, OPEN_FILLER)
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
    }
}
