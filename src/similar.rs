//! "Do these two comments ask the same thing?" — the decision behind hot-question grouping.
//!
//! Each question is reduced to a signature: domain concepts (多少钱 / 什么价 / 价格 → price), the
//! remaining content words, and the numbers it names (3号, 160). Two signatures are the same question
//! when their weighted overlap is high and they name no different numbers (3号 ≠ 5号).

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Phrases that mean one thing in a live room, longest first within a concept.
const CONCEPTS: &[(&str, &[&str])] = &[
    (
        "@price",
        &[
            "多少钱",
            "什么价格",
            "什么价",
            "啥价",
            "价格",
            "价钱",
            "价位",
            "几块钱",
            "几块",
            "多钱",
            "多少米",
            "怎么卖",
            "售价",
            "到手价",
            "贵不贵",
            "多少一",
        ],
    ),
    (
        "@link",
        &[
            "几号链接",
            "链接",
            "连接",
            "怎么买",
            "在哪买",
            "哪里买",
            "哪儿买",
            "在哪拍",
            "哪里拍",
            "怎么拍",
            "咋买",
            "小黄车",
            "购物车",
            "在哪里买",
            "去哪买",
        ],
    ),
    ("@size", &["穿什么码", "多大码", "什么码", "几码", "尺码", "码数", "码子", "尺寸", "什么尺码"]),
    ("@stock", &["还有货", "有货", "有没有货", "库存", "补货", "现货", "没货", "卖完", "断货"]),
    ("@ship", &["发货", "快递", "物流", "几天到", "多久到", "运费", "邮费"]),
    ("@free_ship", &["包邮"]),
    ("@promo", &["优惠券", "优惠", "便宜点", "便宜", "打折", "折扣", "券", "满减", "福袋", "秒杀"]),
    ("@return", &["退货", "退款", "售后", "换货", "运费险", "退换", "七天无理由"]),
    ("@usage", &["怎么用", "用法", "怎么使用", "如何使用"]),
    ("@material", &["材质", "面料", "什么料", "成分"]),
    ("@brand", &["什么牌子", "哪个牌子", "品牌", "啥牌子"]),
    ("@color", &["颜色", "色号", "几个色", "什么色"]),
    ("@height", &["多高", "身高", "多少厘米", "多少cm"]),
    ("@weight", &["多重", "体重", "多少斤", "几斤"]),
    ("@age", &["几岁", "多大了", "年龄", "多少岁"]),
    ("@when", &["什么时候", "几点", "啥时候", "多久"]),
];

/// Words that carry no meaning for "same question": particles, address terms, deictics, fillers.
const FILLER: &[&str] = &[
    "吗",
    "呢",
    "啊",
    "呀",
    "吧",
    "嘛",
    "么",
    "哦",
    "哈",
    "啦",
    "的",
    "了",
    "是",
    "请问",
    "主播",
    "姐姐",
    "宝宝",
    "老师",
    "小姐姐",
    "家人们",
    "亲",
    "这个",
    "那个",
    "这款",
    "那款",
    "这",
    "那",
    "个",
    "一下",
    "我",
    "想",
    "问",
    "问下",
    "问一下",
    "有",
    "没有",
    "有没有",
    "还",
    "可以",
    "能",
    "吗?",
    "?",
    "!",
    ",",
    ".",
    "。",
    "就",
    "都",
    "也",
    "你",
    "你们",
    "我们",
    "下",
    "在",
    "一个",
    "现在",
    "请",
    "呐",
    "诶",
    "嗯",
    // Question words: they make a comment a question, but do not say which one.
    "多少",
    "什么",
    "啥",
    "怎么",
    "怎样",
    "如何",
    "哪",
    "哪里",
    "哪儿",
    "哪个",
    "几",
    "多",
];

const MAX_WORDS: usize = 12;
const MAX_BIGRAMS: usize = 32;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    /// Indices into `CONCEPTS`.
    pub concepts: Vec<u8>,
    pub words: Vec<String>,
    pub numbers: Vec<String>,
    /// Character bigrams of the content, for paraphrases the word lists miss.
    pub bigrams: Vec<(char, char)>,
}

/// Every concept phrase in one automaton, longest match first at each position.
fn concept_matcher() -> &'static (AhoCorasick, Vec<u8>) {
    static M: OnceLock<(AhoCorasick, Vec<u8>)> = OnceLock::new();
    M.get_or_init(|| {
        let (mut phrases, mut concept_of) = (Vec::new(), Vec::new());
        for (id, (_, ps)) in CONCEPTS.iter().enumerate() {
            phrases.extend_from_slice(ps);
            concept_of.extend(std::iter::repeat_n(id as u8, ps.len()));
        }
        let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(phrases).expect("static patterns");
        (ac, concept_of)
    })
}

impl Signature {
    /// What grouping indexes a question by: two questions that share no feature are never compared.
    pub fn features(&self) -> impl Iterator<Item = &str> {
        self.concepts
            .iter()
            .map(|&c| concept_name(c))
            .chain(self.words.iter().map(String::as_str))
            .chain(self.numbers.iter().map(String::as_str))
    }
}

/// Builds the signature of a cleaned, lower-cased question and its tokens.
pub fn signature(text: &str, tokens: &[&str]) -> Signature {
    let mut concepts: Vec<u8> = Vec::new();
    // Byte ranges covered by concept phrases, so their words are not counted twice.
    let mut covered: Vec<(usize, usize)> = Vec::new();
    let (ac, concept_of) = concept_matcher();
    for m in ac.find_iter(text) {
        covered.push((m.start(), m.end()));
        let c = concept_of[m.pattern().as_usize()];
        if !concepts.contains(&c) {
            concepts.push(c);
        }
    }
    concepts.sort_unstable();

    let numbers = numbers_in(text);
    let mut words: Vec<String> = Vec::new();
    let mut offset = 0usize;
    for t in tokens {
        let Some(pos) = text[offset..].find(t) else { continue };
        let (a, b) = (offset + pos, offset + pos + t.len());
        offset = b;
        if covered.iter().any(|&(x, y)| a < y && x < b) || FILLER.contains(t) || crate::tokenize::is_punct(t) {
            continue;
        }
        let bare = t.trim_end_matches('号');
        if bare.is_empty() || bare.chars().all(|c| c.is_ascii_digit() || crate::demand::cn_digit(c).is_some()) {
            continue; // numbers are compared separately
        }
        if !words.iter().any(|w| w == t) {
            words.push(t.to_string());
        }
    }
    // A question is short; a long paste is compared on its first words only, which keeps grouping
    // cost bounded whatever arrives.
    words.truncate(MAX_WORDS);
    words.sort_unstable();
    let content: Vec<char> = words.iter().flat_map(|w| w.chars()).collect();
    let mut bigrams: Vec<(char, char)> = content.windows(2).map(|w| (w[0], w[1])).collect();
    bigrams.sort_unstable();
    bigrams.dedup();
    bigrams.truncate(MAX_BIGRAMS);
    Signature { concepts, words, numbers, bigrams }
}

/// Numbers with their unit or role (3号, 160, s码): two questions naming different ones differ.
fn numbers_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() || crate::demand::cn_digit(chars[i]).is_some() && next_is_hao(&chars, i) {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || crate::demand::cn_digit(chars[i]).is_some()) {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            let value = crate::demand::parse_number(&digits).map_or(digits, |n| n.to_string());
            let unit =
                chars.get(i).filter(|c| matches!(c, '号' | '斤' | '码' | '岁' | '元' | '块' | 'g' | 'k' | 'c' | 'm'));
            out.push(match unit {
                Some(u) => format!("{value}{u}"),
                None => value,
            });
        } else {
            i += 1;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn next_is_hao(chars: &[char], i: usize) -> bool {
    let mut j = i;
    while j < chars.len() && crate::demand::cn_digit(chars[j]).is_some() {
        j += 1;
    }
    j > i && chars.get(j) == Some(&'号')
}

fn word_weight(w: &str) -> f64 {
    1.0 + 0.5 * (w.chars().count().min(4) as f64 - 1.0)
}

/// Similarity in [0, 1].
pub fn score(a: &Signature, b: &Signature) -> f64 {
    if !a.numbers.is_empty() && !b.numbers.is_empty() && a.numbers != b.numbers {
        return 0.0;
    }
    let mut inter = 0.0;
    let mut union = 0.0;
    for c in union_iter(&a.concepts, &b.concepts) {
        let w = 2.5;
        union += w;
        if a.concepts.contains(c) && b.concepts.contains(c) {
            inter += w;
        }
    }
    // Both word lists are sorted: walk them together.
    let (mut i, mut j) = (0, 0);
    while i < a.words.len() || j < b.words.len() {
        let ord = match (a.words.get(i), b.words.get(j)) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        let w = match ord {
            std::cmp::Ordering::Equal => {
                inter += word_weight(&a.words[i]);
                j += 1;
                &a.words[i]
            }
            std::cmp::Ordering::Less => &a.words[i],
            std::cmp::Ordering::Greater => {
                j += 1;
                union += word_weight(&b.words[j - 1]);
                continue;
            }
        };
        union += word_weight(w);
        i += 1;
    }
    if union == 0.0 {
        // Two questions with nothing but fillers (在吗 / 有吗): same only if the texts were.
        return if a.bigrams == b.bigrams { 1.0 } else { 0.0 };
    }
    let jaccard = inter / union;
    let bigram = if a.bigrams.is_empty() && b.bigrams.is_empty() {
        jaccard
    } else {
        let common = a.bigrams.iter().filter(|x| b.bigrams.binary_search(x).is_ok()).count() as f64;
        2.0 * common / (a.bigrams.len() + b.bigrams.len()) as f64
    };
    let mut s = 0.75 * jaccard + 0.25 * bigram;
    if a.numbers.len() != b.numbers.len() {
        s *= 0.7; // "多少钱" vs "3号多少钱": related, but not the same ask
    }
    s.clamp(0.0, 1.0)
}

/// The threshold the grouping uses.
pub const SAME: f64 = 0.55;

/// The name of a concept (`@price`), for indexing and debugging.
pub fn concept_name(id: u8) -> &'static str {
    CONCEPTS[id as usize].0
}

fn union_iter<'a>(a: &'a [u8], b: &'a [u8]) -> impl Iterator<Item = &'a u8> {
    a.iter().chain(b.iter().filter(|c| !a.contains(c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::cut;

    fn sig(s: &str) -> Signature {
        let c = crate::clean::clean(s).text.to_lowercase();
        signature(&c, &cut(&c))
    }

    fn same(a: &str, b: &str) -> bool {
        score(&sig(a), &sig(b)) >= SAME
    }

    #[test]
    fn domain_paraphrases_are_the_same_question() {
        assert!(same("多少钱", "什么价格"));
        assert!(same("价格多少", "这个多少钱啊"));
        assert!(same("链接呢", "怎么买"));
        assert!(same("在哪拍", "链接在哪"));
        assert!(same("穿什么码", "多大码"));
        assert!(same("3号多少钱", "三号什么价"));
    }

    #[test]
    fn different_numbers_and_topics_differ() {
        assert!(!same("3号多少钱", "5号多少钱"));
        assert!(!same("多少钱", "发什么快递"));
        assert!(!same("主播多高", "主播多重"));
        assert!(!same("有没有s码", "多少钱"));
    }
}
