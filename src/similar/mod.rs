//! "Do these two comments ask the same thing?" — the decision behind hot-question grouping.
//!
//! Each question is reduced to a signature: domain concepts (多少钱 / 什么价 / 价格 → price), the
//! remaining content words, the numbers it names (3号, 160), its characters with every concept folded
//! to one symbol, and the kinds of question word it uses. A pair is scored by a small logistic model
//! (`pair`, trained on LCQMC/AFQMC question pairs by `scripts/train/`) over overlaps and over *which*
//! words differ — 手机 vs 电脑 matters, 怎么 vs 如何 does not. Two questions naming different numbers are
//! never the same (3号 ≠ 5号).

mod english;
mod english_lists;
mod forms;
mod lists;
mod numbers;
pub mod pair;
mod score;
mod synonyms;
mod with_intent;

pub use pair::Shape;
pub use score::{SAME, SAME_WITHIN_INTENT, same_shaped, score, score_shaped, threshold};
pub use with_intent::question_signature;

use crate::intent::Intent;

use crate::tokenize::is_alnum;
use aho_corasick::{AhoCorasick, MatchKind};
use lists::{CONCEPTS, FILLER, IMPLIED};
use numbers::numbers_in;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const MAX_WORDS: usize = 12;
/// Characters kept in `Signature::chars`: questions are short, and this bounds the pair cost.
pub const MAX_CHARS: usize = 32;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    /// Indices into `CONCEPTS`, sorted.
    pub concepts: Vec<u8>,
    /// Content words, sorted: no concept phrase, filler, punctuation or number.
    pub words: Vec<String>,
    pub numbers: Vec<String>,
    /// Letters and digits in order, each concept phrase folded to one private-use character.
    pub chars: String,
    /// Bit k set when the question uses question-word kind k (`ASKS`).
    pub asks: u16,
    /// The buying intent of a short question (`question_signature`): two of the same intent join on
    /// less evidence (`threshold`).
    pub buying: Option<Intent>,
}

/// Kinds of question word; synonyms share a kind (啥 = 什么, 咋 = 如何 = 怎么).
const ASKS: &[&[&str]] = &[
    &["什么", "啥"],
    &["怎么", "咋", "如何", "怎样"],
    &["为什么", "为啥", "为何"],
    &["哪"],
    &["多少", "多大", "多久", "多长", "多高", "多重"],
    &["几"],
    &["谁"],
    // Yes-or-no, in every form (是正品吗 = 是不是正品 = 正品吗).
    &["吗", "嘛", "是不是", "是否", "有没有", "有无", "能不能", "可不可以", "能否", "可以吗", "能吗", "会不会"],
    &["区别", "不同", "差别"],
    &["好不好", "怎么样", "好吗", "好用吗"],
    &["呢"],
];

/// The kind of 吗 in `ASKS`.
const YES_NO: usize = 7;
/// The kind of 怎么 in `ASKS`.
const HOW: usize = 1;
/// The kinds of "what" (什么, with 哪 for 哪些/哪个), "how many" (多少, 几) and 呢 in `ASKS`.
const OPEN_ASKS: u16 = 1 << 0 | 1 << 3 | 1 << 4 | 1 << 5 | 1 << 10;

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

fn asks_matcher() -> &'static (AhoCorasick, Vec<u8>) {
    static M: OnceLock<(AhoCorasick, Vec<u8>)> = OnceLock::new();
    M.get_or_init(|| {
        let (mut words, mut kind) = (Vec::new(), Vec::new());
        for (k, ws) in ASKS.iter().enumerate() {
            words.extend_from_slice(ws);
            kind.extend(std::iter::repeat_n(k as u8, ws.len()));
        }
        (AhoCorasick::new(words).expect("static patterns"), kind)
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

/// The price concept's index, found once.
static PRICE: std::sync::LazyLock<u8> = std::sync::LazyLock::new(|| concept_id("@price"));

/// The index of a concept of `lists.rs` by its name.
fn concept_id(name: &str) -> u8 {
    CONCEPTS.iter().position(|(n, _)| *n == name).expect("a concept of lists.rs") as u8
}

/// The private-use character a concept folds to in `Signature::chars`.
pub fn concept_char(id: u8) -> char {
    char::from_u32(0xE000 + id as u32).expect("private-use range")
}

/// Builds the signature of a cleaned, lower-cased question and its tokens.
pub fn signature(text: &str, tokens: &[&str]) -> Signature {
    // 几号发货 asks what 什么时候发货 asks, not which number: 几号 alone is a filler, for 几号链接's sake.
    match forms::when_by_date(text) {
        Some(when) => signature_asking(&when, &crate::tokenize::cut(&when)),
        None => signature_asking(text, tokens),
    }
}

fn signature_asking(text: &str, tokens: &[&str]) -> Signature {
    let (ac, kind) = asks_matcher();
    let asks = ac.find_iter(text).fold(0u16, |bits, m| bits | 1 << kind[m.pattern().as_usize()]);
    // 好不好用 and 可以用不 ask what 好用吗 and 可以用吗 ask: the words and characters are those of the
    // plain question (jieba cuts 好不好 用 and 包不 包邮 otherwise), and it asks yes or no.
    match forms::plain(text) {
        Some(plain) => signature_of(&plain, &crate::tokenize::cut(&plain), asks | 1 << YES_NO),
        None => signature_of(text, tokens, asks),
    }
}

fn signature_of(text: &str, tokens: &[&str], asks: u16) -> Signature {
    let mut concepts: Vec<u8> = Vec::new();
    // Byte ranges covered by concept phrases, so their words are not counted twice.
    let mut covered: Vec<(usize, usize, u8)> = Vec::new();
    let (ac, concept_of) = concept_matcher();
    for m in ac.find_iter(text) {
        let c = concept_of[m.pattern().as_usize()];
        covered.push((m.start(), m.end(), c));
        if !concepts.contains(&c) {
            concepts.push(c);
        }
    }
    concepts.sort_unstable();
    // 运费多少钱 asks what 邮费多少 asks, not what 多少钱 asks: the price words price the shipping.
    if concepts.len() > 1 && concepts.contains(&*PRICE) && crate::intent::names_shipping_fee(text) {
        concepts.retain(|&c| c != *PRICE);
    }

    let mut chars = String::new();
    let (mut n, mut next) = (0, covered.iter().peekable());
    for (i, c) in text.char_indices() {
        if n == MAX_CHARS {
            break;
        }
        while next.peek().is_some_and(|&&(_, end, _)| end <= i) {
            next.next();
        }
        match next.peek() {
            // A concept stands for its whole span: one character at its start, nothing inside it.
            Some(&&(start, _, concept)) if start == i => {
                chars.push(concept_char(concept));
                n += 1;
            }
            Some(&&(start, _, _)) if start < i => {}
            _ if is_alnum(c) => {
                chars.push(c);
                n += 1;
            }
            _ => {}
        }
    }
    let numbers = numbers_in(text);
    let mut words: Vec<String> = Vec::new();
    let mut offset = 0usize;
    for t in tokens {
        let Some(a) = crate::tokenize::place(text, offset, t) else { continue };
        let b = a + t.len();
        offset = b;
        // Stickers and emoji ([比心], 😂) say how, not what: 价格多少 😂 asks what 多少钱 asks.
        let decoration = (t.starts_with('[') && t.ends_with(']')) || !t.chars().any(is_alnum);
        if covered.iter().any(|&(x, y, _)| a < y && x < b) || is_filler(t) || decoration || implied(&concepts, t) {
            continue;
        }
        let bare = t.trim_end_matches('号');
        if bare.is_empty() || bare.chars().all(|c| c.is_ascii_digit() || crate::demand::cn_digit(c).is_some()) {
            continue; // numbers are compared separately
        }
        // A doubled verb asks what the verb asks (看看细节 = 看下细节).
        let mut cs = t.chars();
        let t = match (cs.next(), cs.next(), cs.next()) {
            (Some(x), Some(y), None) if x == y && !x.is_ascii() => &t[..x.len_utf8()],
            _ => t,
        };
        if !words.iter().any(|w| w == t) {
            words.push(t.to_string());
        }
    }
    // A question is short; a long paste is compared on its first words only, which keeps grouping
    // cost bounded whatever arrives.
    words.truncate(MAX_WORDS);
    words.sort_unstable();
    // A link number names the item, so 链接 adds nothing to what is asked about it: 3号链接多少钱
    // asks what 3号多少钱 asks (3号链接在哪, whose only concept is 链接, keeps it).
    if concepts.len() > 1 && numbers.iter().any(|n| n.ends_with('号')) {
        let link = concept_id("@link");
        concepts.retain(|&c| c != link);
    }
    Signature { concepts, words, numbers, chars, asks, buying: None }
}

/// Whether `token` is a verb one of `concepts` implies (`IMPLIED`).
fn implied(concepts: &[u8], token: &str) -> bool {
    IMPLIED.iter().any(|(c, verbs)| verbs.contains(&token) && concepts.contains(&concept_id(c)))
}

fn is_filler(token: &str) -> bool {
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| FILLER.iter().copied().collect()).contains(token)
}

/// The name of a concept (`@price`), for indexing and debugging.
pub fn concept_name(id: u8) -> &'static str {
    CONCEPTS[id as usize].0
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
    fn signature_folds_concepts() {
        let s = sig("3号多少钱?");
        assert_eq!(s.numbers, vec!["3号"]);
        assert_eq!(s.chars, format!("3号{}", concept_char(0)));
        assert_eq!(sig("多少钱").chars, sig("什么价格").chars);
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

    fn same_question(a: &str, b: &str) -> bool {
        let q = |s: &str| {
            let c = crate::clean::clean(s).text.to_lowercase();
            question_signature(&c, &cut(&c), crate::intent::classify(&c))
        };
        let (a, b) = (q(a), q(b));
        score(&a, &b) >= threshold(&a, &b)
    }

    #[test]
    fn a_commerce_intent_names_its_concept() {
        assert!(!same("这个多少", "多少钱"), "the words alone do not say price");
        assert!(same_question("这个多少", "多少钱"));
        assert!(same_question("3号多少", "3号多少钱"));
        assert!(same_question("3号多少码", "3号什么码"));
        assert!(!same_question("3号多少码", "3号多少钱"));
        assert!(!same_question("3号多少", "5号多少"));
        assert!(same_question("怎么下单", "怎么买"));
        // The price of the shipping is a shipping ask, apart from the item's price.
        assert!(same_question("运费多少钱", "邮费多少"));
        assert!(same_question("运费多少钱", "快递费几块"));
        assert!(!same_question("运费多少钱", "多少钱"));
        assert!(!same_question("邮费多少钱", "这个多少"));
        // One height or weight in any spelling; different ones are different asks.
        assert!(same_question("我一米六穿多大", "160穿多大"));
        assert!(same_question("1米65穿什么码", "165cm穿什么码"));
        assert!(same_question("一百二十斤穿什么码", "120斤穿什么码"));
        assert!(!same_question("一米六穿什么码", "一米七穿什么码"));
        // Days and seasons differ as numbers do.
        assert!(!same_question("今天发货吗", "明天发货吗"));
        assert!(!same_question("夏天能穿吗", "冬天能穿吗"));
        assert!(same_question("夏天能穿吗", "夏季可以穿吗"));
        // Opposites, sizes in letters and waists in 尺 too; 偏大 and 偏小 ask one thing.
        assert!(!same_question("宽脚能穿吗", "窄脚能穿吗"));
        assert!(!same_question("大号多少钱", "小号多少钱"));
        assert!(same_question("偏大吗", "偏小吗"));
        assert!(!same_question("l码纸尿裤几斤穿", "xl码纸尿裤几斤穿"));
        assert!(!same_question("腰围二尺二穿啥码", "腰围二尺八穿啥码"));
    }

    #[test]
    fn yes_no_is_one_kind() {
        assert!(ASKS[YES_NO].contains(&"吗") && ASKS[YES_NO].contains(&"是不是"));
    }

    #[test]
    fn commerce_paraphrases_are_the_same_question() {
        for (a, b) in [
            ("会起球吗", "会不会起球"),
            ("包邮吗", "包不包邮"),
            ("好用吗", "好不好用"),
            ("是正码吗", "尺码正吗"),
            ("什么时候补货", "什么时候补"),
            ("满多少减", "有满减吗"),
            ("新疆发吗", "新疆能发货吗"),
            ("几号链接", "链接是几号"),
            ("发什么快递", "快递是哪家"),
            ("哪天发货", "什么时候发货"),
            ("几号发货", "什么时候发货"),
            ("几号能到", "什么时候到"),
            ("何时开播", "几点开播"),
            ("几天能收到", "多久到货"),
            ("保质期多久", "保质期多长时间"),
            ("孕妇能用吗", "孕妇可以用不"),
            ("是正品吗", "保真吗"),
            ("有赠品吗", "送什么"),
            ("防水吗", "是防水的吗"),
            ("有没有黑色", "黑色还有吗"),
            ("3号链接多少钱", "三号什么价"),
            ("会掉色吗", "褪色吗"),
            ("还能买吗", "还有货吗"),
            ("怀孕了能用吗", "孕妇能用吗"),
            // An open question is its content (一盒几片 = 一盒多少片), and the asks of 2026-12-02.
            ("一盒几片", "一盒多少片"),
            ("有什么颜色", "颜色有哪些"),
            ("偏大还是偏小", "尺码标准吗"),
            ("可以机洗吗", "能放洗衣机洗吗"),
            ("几天发货", "什么时候发货"),
            ("哪里产的", "产地是哪"),
            ("有小样吗", "有试用装吗"),
            ("很甜吗", "甜不甜"),
            ("这个重吗", "重吗"),
            ("有电池吗", "带电池吗"),
            ("有几种口味", "口味有哪些"),
            ("多长", "长度是多少"),
            ("怎么保存", "如何储存"),
            // The night of 2026-12-02: the item on screen, a concept's own verb, modals before the
            // content, a few characters of circumstance before it, "how" questions.
            ("这件多少钱", "多少钱"),
            ("福袋什么时候", "什么时候开福袋"),
            ("能开发票吗", "发票能开不"),
            ("需要干洗吗", "是不是要干洗"),
            ("是几层", "多少层"),
            ("一共几件", "总共几件"),
            ("掉色吗", "洗了会褪色吗"),
            ("会起球吗", "穿久了起球不"),
            ("会起球吗", "会不会起毛球"),
            ("怎么退货", "退货怎么操作"),
            ("如何退货", "怎么申请退货"),
            ("怎么用", "咋用啊"),
            ("能一起拍吗", "可以合并下单不"),
            ("有电池吗", "送电池吗"),
            ("再讲一下", "能再说一遍吗"),
            ("保修多久", "质保多久"),
            ("能用几次", "用多少次"),
            // Words a buyer swaps (`synonyms.rs`) and the room's address terms.
            ("小朋友能吃吗", "孩子能吃吗"),
            ("会脱妆吗", "会掉妆吗"),
            ("老人能用吗", "老年人可以用吗"),
            ("宝宝们多少钱", "多少钱"),
            ("老铁们有链接吗", "链接呢"),
        ] {
            assert!(same_question(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("会起球吗", "会掉色吗"),
            ("什么快递", "几天到"),
            ("3号是正品吗", "5号是正品吗"),
            ("有黑色吗", "有白色吗"),
            ("防水吗", "防晒吗"),
            ("主播身高多少", "主播体重多少"),
            ("去哪里玩", "去玩什么"),
            ("尺码偏大吗", "穿什么码"),
            ("福袋什么时候发", "什么时候发货"),
            ("有优惠吗", "有福袋吗"),
            ("这个是什么天珠", "什么是天珠"),
            // What follows the content changes the ask, and so does a negation before it.
            ("有辐射吗", "辐射大吗"),
            ("能玩这个游戏吗", "能玩这个游戏烈焰吗"),
            ("会逾期吗", "不还会逾期吗"),
            ("重吗", "重要吗"),
            ("怎么退货", "怎么付款"),
            ("什么时候开福袋", "什么时候开播"),
            ("会持妆吗", "会脱妆吗"),
        ] {
            assert!(!same_question(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn different_numbers_and_topics_differ() {
        assert!(!same("3号多少钱", "5号多少钱"));
        assert!(!same("多少钱", "发什么快递"));
        assert!(!same("主播多高", "主播多重"));
        assert!(!same("有没有s码", "多少钱"));
    }
}
