//! The "same question" decision: rules above the pair model (same concepts and words, the same
//! content of a yes-or-no, an open or a "how" question, a yes-or-no content after a few characters
//! of circumstance), the model's probability otherwise, and the bar a pair must reach.

use super::{HOW, OPEN_ASKS, Shape, Signature, YES_NO, forms, pair};

/// Similarity in [0, 1]: the pair model's probability that both ask the same thing.
pub fn score(a: &Signature, b: &Signature) -> f64 {
    score_shaped((a, &Shape::of(a)), (b, &Shape::of(b)))
}

/// Days and seasons: one of a kind in each question, and different, make different asks as numbers
/// do (今天发货吗 / 明天发货吗, 夏天能穿吗 / 冬天能穿吗), though the rest is the same words; so do
/// opposites (`pair::one_opposite_apart`). Synonyms share a value (夏天 = 夏季).
pub(super) const CONTRASTS: [&[(&str, u8)]; 2] = [
    &[("今天", 0), ("今日", 0), ("明天", 1), ("明日", 1), ("后天", 2), ("昨天", 3), ("大后天", 4)],
    &[
        ("春天", 0),
        ("春季", 0),
        ("夏天", 1),
        ("夏季", 1),
        ("秋天", 2),
        ("秋季", 2),
        ("冬天", 3),
        ("冬季", 3),
        ("春秋", 4),
    ],
];

/// The value of each kind of `CONTRASTS` that `words` name, if any.
pub(super) fn contrasts(words: &[String]) -> [Option<u8>; CONTRASTS.len()] {
    // Every listed word starts with one of these: most words are passed over on their first character.
    const FIRST: [char; 9] = ['今', '明', '后', '昨', '大', '春', '夏', '秋', '冬'];
    let mut found = [None; CONTRASTS.len()];
    for w in words.iter().filter(|w| w.starts_with(FIRST)) {
        for (value, kind) in found.iter_mut().zip(CONTRASTS) {
            *value = value.or_else(|| kind.iter().find(|(c, _)| c == w).map(|&(_, v)| v));
        }
    }
    found
}

fn contrasted(a: &Shape, b: &Shape) -> bool {
    a.contrast.iter().zip(&b.contrast).any(|pair| matches!(pair, (Some(x), Some(y)) if x != y))
        || pair::one_opposite_apart(a, b)
}

/// Two aspects of the goods are two asks, however alike the rest (纸尿裤会漏吗 / 纸尿裤会勒腿吗, which
/// one buying intent's lower bar would join).
fn other_aspects(a: &Signature, b: &Signature) -> bool {
    matches!((a.aspect, b.aspect), (Some(x), Some(y)) if x != y)
}

/// `score` with each signature's `Shape` already prepared (grouping keeps its seeds' shapes).
pub fn score_shaped((a, sha): (&Signature, &Shape), (b, shb): (&Signature, &Shape)) -> f64 {
    // One aspect of the goods, in any words, and nothing else said but the scene: 会起球吗 / 穿久了起毛球不,
    // and a yes-or-no about either end of its measure (厚吗 / 薄吗), which opposites elsewhere are not.
    if a.aspect.is_some() && a.aspect == b.aspect && a.numbers == b.numbers && sha.rest() == shb.rest() {
        return 1.0;
    }
    if !a.numbers.is_empty() && !b.numbers.is_empty() && a.numbers != b.numbers
        || contrasted(sha, shb)
        || other_aspects(a, b)
    {
        return 0.0;
    }
    if a.chars == b.chars && a.numbers == b.numbers {
        return 1.0; // the same words (punctuation and particles aside)
    }
    if !a.concepts.is_empty() && a.concepts == b.concepts && a.words == b.words && a.numbers == b.numbers {
        // The same domain asks about the same things, only worded differently (链接呢 / 怎么买). The
        // pair model learned from open-domain pairs, where these synonyms are rare; the lists are ours.
        return 1.0;
    }
    if a.words.is_empty()
        && b.words.is_empty()
        && !a.concepts.is_empty()
        && !b.concepts.is_empty()
        && !a.concepts.iter().any(|c| b.concepts.contains(c))
    {
        return 0.0; // nothing but what they ask about, and that differs: 主播身高多少 / 主播体重多少
    }
    // A question is its content, whatever the form around it (`forms::content_into`, read into the
    // shapes): a yes-or-no question (透吗 / 会不会透, 真皮吗 / 是真皮的吗, 防水吗 / 能防水吗), an open
    // one (一盒几片 / 一盒多少片, 有哪些颜色 / 有什么颜色: the pair model learned from open-domain pairs
    // that a different question word is a different ask) and a "how" one (怎么退货 / 退货怎么操作).
    let (ca, cb) = (sha.content(), shb.content());
    let yes_no = a.asks == 1 << YES_NO && b.asks == a.asks;
    let open = a.asks & !OPEN_ASKS == 0 && b.asks & !OPEN_ASKS == 0 && a.asks != 0 && b.asks != 0;
    let how = a.asks == 1 << HOW && b.asks == a.asks;
    if a.numbers == b.numbers
        && !ca.is_empty()
        && (yes_no || ((open || how) && a.concepts == b.concepts))
        && (ca == cb || (yes_no && a.concepts == b.concepts && forms::in_context(ca, cb)))
    {
        return 1.0;
    }
    let p = 1.0 / (1.0 + libm::exp(-pair::logit_shaped((a, sha), (b, shb)) as f64));
    if a.numbers.len() != b.numbers.len() {
        return p * 0.7; // "多少钱" vs "3号多少钱": related, but not the same ask
    }
    p
}

/// The threshold the grouping uses (the model's decision boundary).
pub const SAME: f64 = 0.5;
/// The threshold between two short questions of one buying intent. The pair model learned from
/// open-domain pairs, where a different word is usually a different ask; within 几天能到 / 多久能收到 /
/// 发什么快递 the intent already says most of it. 0.3 is the lowest that joins none of the different
/// questions of our commerce paraphrase sets (dev, check–check4: 0.25 joined 18 of 19,217 pairs); on
/// LCQMC and AFQMC dev it turns 20 of 13,118 decisions, 5 of them right (open-domain asks that
/// the intent rules call shipping or after-sale: 韵达快递怎么这么慢 / 韵达快递怎么样).
pub const SAME_WITHIN_INTENT: f64 = 0.3;

/// The score from which `a` and `b` are the same question.
pub fn threshold(a: &Signature, b: &Signature) -> f64 {
    if a.buying.is_some() && a.buying == b.buying { SAME_WITHIN_INTENT } else { SAME }
}

/// The score of two prepared questions when they are the same question (it reaches `threshold`).
pub fn same_shaped(a: (&Signature, &Shape), b: (&Signature, &Shape)) -> Option<f64> {
    let s = score_shaped(a, b);
    (s >= threshold(a.0, b.0)).then_some(s)
}
