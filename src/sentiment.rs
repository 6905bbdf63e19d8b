//! Sentiment per comment: a score in [-1, 1] and pos / neu / neg.
//!
//! This is the lexicon baseline: live-room words with polarity, flipped by a negator within two
//! tokens (不是很好, 没有不满意) and scaled by degree adverbs (太, 超, 有点).

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Pos,
    Neu,
    Neg,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Pos => "pos",
            Polarity::Neu => "neu",
            Polarity::Neg => "neg",
        }
    }
}

const POSITIVE: &[&str] = &[
    "好看",
    "喜欢",
    "爱了",
    "爱你",
    "漂亮",
    "好美",
    "美美",
    "可爱",
    "棒",
    "好棒",
    "厉害",
    "牛",
    "牛逼",
    "牛批",
    "666",
    "yyds",
    "绝绝子",
    "好用",
    "划算",
    "值",
    "值得",
    "推荐",
    "支持",
    "加油",
    "谢谢",
    "感谢",
    "开心",
    "哈哈",
    "哈哈哈",
    "笑死",
    "好听",
    "帅",
    "酷",
    "舒服",
    "满意",
    "惊喜",
    "期待",
    "优秀",
    "赞",
    "好吃",
    "真香",
    "好评",
    "实惠",
    "nice",
    "太好了",
    "精彩",
    "完美",
    "喜欢你",
    "爱",
    "美",
    "好看死了",
    "种草",
    "回购",
    "冲",
    "冲冲冲",
    "买买买",
    "安排",
    "[比心]",
    "[赞]",
    "[爱心]",
    "[玫瑰]",
    "[鼓掌]",
    "[666]",
    "[送心]",
    "[心]",
    "[色]",
    "[呲牙]",
    "[偷笑]",
    "[可爱]",
    "[玫瑰花]",
    "[强]",
    "❤",
    "👍",
    "😍",
    "🥰",
    "😄",
    "😁",
    "🌹",
    "给力",
    "温柔",
    "好甜",
    "甜",
    "有趣",
    "好玩",
    "感动",
    "幸福",
    "太美",
    "超美",
    "仙",
    "绝了",
    "稳",
    "靠谱",
    "良心",
    "便宜",
];

const NEGATIVE: &[&str] = &[
    "骗子",
    "假货",
    "退款",
    "质量差",
    "差",
    "垃圾",
    "难看",
    "丑",
    "贵",
    "太贵",
    "坑",
    "坑人",
    "踩雷",
    "智商税",
    "割韭菜",
    "失望",
    "无聊",
    "烦",
    "讨厌",
    "恶心",
    "气死",
    "生气",
    "难过",
    "伤心",
    "哭",
    "唉",
    "哎",
    "惨",
    "辣鸡",
    "投诉",
    "差评",
    "骗人",
    "忽悠",
    "虚假",
    "掉色",
    "起球",
    "坏了",
    "拉黑",
    "滚",
    "傻",
    "傻逼",
    "sb",
    "有病",
    "脑残",
    "[流泪]",
    "[大哭]",
    "[生气]",
    "[发怒]",
    "[泣不成声]",
    "[委屈]",
    "[难过]",
    "[晕]",
    "呕",
    "卡了",
    "听不见",
    "不满意",
    "后悔",
    "吐了",
    "无语",
    "太差",
    "好差",
    "不好",
    "不行",
    "累",
    "困",
    "心疼",
    "可怜",
    "害怕",
    "怕",
    "郁闷",
    "糟糕",
    "过分",
    "离谱",
    "敷衍",
    "假",
    "烂",
    "臭",
    "拖",
    "不发货",
    "慢死",
    "😭",
    "😡",
    "😤",
    "💔",
    "🙄",
    "👎",
    "急死",
    "搞笑",
    "呵呵",
    "破",
    "渣",
    "黑心",
    "套路",
    "翻车",
];

const NEGATORS: &[&str] = &["不", "没", "没有", "别", "不是", "并不", "从不", "未", "无", "不太", "不怎么"];

const DEGREE: &[(&str, f64)] = &[
    ("太", 1.5),
    ("超", 1.5),
    ("超级", 1.6),
    ("非常", 1.5),
    ("特别", 1.4),
    ("真", 1.3),
    ("好", 1.3),
    ("巨", 1.6),
    ("贼", 1.5),
    ("最", 1.6),
    ("很", 1.3),
    ("挺", 1.1),
    ("有点", 0.7),
    ("有些", 0.7),
    ("稍微", 0.6),
    ("比较", 0.9),
    ("十分", 1.5),
    ("极", 1.7),
    ("好好", 1.4),
];

/// Token → polarity (+1/−1), degree weight, or negator, in one lookup.
#[derive(Clone, Copy)]
enum Entry {
    Polar(f64),
    Degree(f64),
    Negator,
}

fn lexicon() -> &'static FxHashMap<&'static str, Entry> {
    static LEXICON: OnceLock<FxHashMap<&'static str, Entry>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut m = FxHashMap::default();
        m.extend(DEGREE.iter().map(|&(w, d)| (w, Entry::Degree(d))));
        m.extend(NEGATORS.iter().map(|&w| (w, Entry::Negator)));
        m.extend(POSITIVE.iter().map(|&w| (w, Entry::Polar(1.0))));
        m.extend(NEGATIVE.iter().map(|&w| (w, Entry::Polar(-1.0))));
        m
    })
}

fn polarity_of(token: &str) -> f64 {
    match lexicon().get(token) {
        Some(Entry::Polar(p)) => *p,
        _ => 0.0,
    }
}

/// Scores a cleaned, lower-cased comment from its text and tokens.
pub fn score(_text: &str, tokens: &[&str]) -> (Polarity, f32) {
    let mut sum = 0.0;
    for (i, t) in tokens.iter().enumerate() {
        let p = polarity_of(t);
        if p == 0.0 {
            continue;
        }
        let mut weight = 1.0;
        let mut negated = false;
        for back in 1..=2 {
            let Some(prev) = i.checked_sub(back).map(|j| tokens[j]) else { break };
            match lexicon().get(prev) {
                Some(Entry::Degree(w)) => weight *= w,
                Some(Entry::Negator) => negated = !negated,
                _ => {}
            }
        }
        sum += if negated { -0.8 * p * weight } else { p * weight };
    }
    let s = (sum / 1.5).tanh();
    let label = if s >= 0.3 {
        Polarity::Pos
    } else if s <= -0.3 {
        Polarity::Neg
    } else {
        Polarity::Neu
    };
    (label, s as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::cut;

    fn label(s: &str) -> Polarity {
        let c = crate::clean::clean(s).text.to_lowercase();
        score(&c, &cut(&c)).0
    }

    #[test]
    fn basics_and_negation() {
        assert_eq!(label("好看"), Polarity::Pos);
        assert_eq!(label("骗子"), Polarity::Neg);
        assert_eq!(label("多少钱"), Polarity::Neu);
        assert_eq!(label("不是很好看"), Polarity::Neg);
        assert_eq!(label("没有不满意"), Polarity::Pos);
        assert_eq!(label("[比心][比心]"), Polarity::Pos);
    }
}
