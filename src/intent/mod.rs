//! What a question is about, so the host sees "3 people ask about size" and the LLM layer can ground
//! answers. Two stages: the commerce intents (price, link, size, stock, promo, after-sale, shipping,
//! usage) are decided by phrase rules in precedence order (`data/intent_rules.txt`) — they are
//! unambiguous and rare in the labelled chat rooms; a question no phrase settles goes to a small
//! learned model over all twelve intents (`data/intent.bin`, trained on the labelled Douyin dev
//! questions and on buyers' questions we wrote, `tests/data/commerce/intent_train.tsv`: a buyer's
//! 几个米能拿下, which no phrase names, is still a price), with the rules' phrases among its features.

use crate::sentiment::linear::{Hasher, MAX_OUTPUTS, Model, Ns, char_ngrams};
use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    Price,
    Link,
    SizeFit,
    Stock,
    Promo,
    Shipping,
    AfterSale,
    Usage,
    ProductInfo,
    Request,
    HostPersonal,
    Other,
}

impl Intent {
    /// What a viewer about to buy asks: price, link, size, stock, promotion, shipping, after-sale.
    /// The wider intents (usage, product, host, requests) are asked in any room.
    pub fn is_buying(self) -> bool {
        use Intent::*;
        matches!(self, Price | Link | SizeFit | Stock | Promo | Shipping | AfterSale)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Price => "price",
            Intent::Link => "link",
            Intent::SizeFit => "size_fit",
            Intent::Stock => "stock",
            Intent::Promo => "promo",
            Intent::Shipping => "shipping",
            Intent::AfterSale => "after_sale",
            Intent::Usage => "usage",
            Intent::ProductInfo => "product_info",
            Intent::Request => "request",
            Intent::HostPersonal => "host_personal",
            Intent::Other => "other",
        }
    }

    /// Short zh-CN label for the overlay and the local summary.
    pub fn label_zh(self) -> &'static str {
        match self {
            Intent::Price => "价格",
            Intent::Link => "链接",
            Intent::SizeFit => "尺码",
            Intent::Stock => "库存",
            Intent::Promo => "优惠",
            Intent::Shipping => "物流",
            Intent::AfterSale => "售后",
            Intent::Usage => "用法",
            Intent::ProductInfo => "商品",
            Intent::Request => "请求",
            Intent::HostPersonal => "主播",
            Intent::Other => "其他",
        }
    }
}

/// Every intent, in precedence order: the learned stage's output order too.
pub const ALL: [Intent; 12] = [
    Intent::Price,
    Intent::Link,
    Intent::SizeFit,
    Intent::Stock,
    Intent::Promo,
    Intent::Shipping,
    Intent::AfterSale,
    Intent::Usage,
    Intent::ProductInfo,
    Intent::Request,
    Intent::HostPersonal,
    Intent::Other,
];

fn intent_named(name: &str) -> Intent {
    ALL.into_iter().find(|i| i.as_str() == name).unwrap_or_else(|| panic!("intent_rules.txt: unknown intent {name}"))
}

struct Rules {
    /// All phrases in one automaton; pattern id → rule line (precedence order).
    ac: AhoCorasick,
    line_of: Vec<usize>,
    intents: Vec<Intent>,
    /// Whether a line's phrase settles its intent without the model: every commerce line, and the
    /// lines of learned intents marked `!` (材质 always asks about the product).
    settles: Vec<bool>,
}

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let (mut phrases, mut line_of, mut intents, mut settles) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let source = include_str!("../data/intent_rules.txt");
        for line in source.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (name, words) = line.split_once('\t').expect("intent<TAB>phrases");
            for w in words.split('|') {
                phrases.push(w);
                line_of.push(intents.len());
            }
            let (name, marked) = name.strip_suffix('!').map_or((name, false), |n| (n, true));
            let intent = intent_named(name);
            intents.push(intent);
            settles.push(marked || is_commerce(intent));
        }
        Rules { ac: AhoCorasick::new(phrases).expect("static patterns"), line_of, intents, settles }
    })
}

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| Model::parse("intent.bin", include_bytes!("../data/intent.bin")))
}

/// The intents a phrase settles by itself: a buyer's words for them are few and unambiguous.
fn is_commerce(i: Intent) -> bool {
    !matches!(i, Intent::ProductInfo | Intent::Request | Intent::HostPersonal | Intent::Other)
}

/// The learned stage's features: character n-grams and which rule phrases occur.
pub fn sparse(text: &str, emit: &mut impl FnMut(u32)) {
    char_ngrams(text, emit);
    rule_ids(text, emit);
}

fn rule_ids(text: &str, emit: &mut impl FnMut(u32)) {
    let r = rules();
    for m in r.ac.find_overlapping_iter(text) {
        emit(Hasher::new(Ns::Rule).feed(m.pattern().as_u64()).id());
        emit(Hasher::new(Ns::Rule).feed(1000 + r.line_of[m.pattern().as_usize()] as u64).id());
    }
}

/// The intent a phrase rule settles, if any (the first matching line in precedence order).
pub fn commerce(text: &str) -> Option<Intent> {
    let r = rules();
    let line =
        r.ac.find_overlapping_iter(text)
            .filter(|m| !reads_otherwise(text, m.start(), m.end()))
            .map(|m| r.line_of[m.pattern().as_usize()])
            .filter(|&l| r.settles[l])
            .min();
    match line.map(|l| r.intents[l]) {
        Some(Intent::Price) if names_shipping_fee(text) => Some(Intent::Shipping),
        Some(Intent::ProductInfo) if asks_after_a_fault(text) => Some(Intent::AfterSale),
        intent => intent,
    }
}

/// A phrase its neighbours give another sense. 几号 is a link number, but a ring or shoe size after
/// 穿/戴 or before 圈/码/鞋 (穿几号, 戒指有几号圈) and a date before a delivery verb (几号能寄出,
/// 几号发货); 还有几 asks the stock left, but before a unit of time it counts down to a giveaway
/// (福袋还有几分钟). The other words of the text then decide (圈号 a size, 寄 shipping, 福袋 a promo).
fn reads_otherwise(text: &str, start: usize, end: usize) -> bool {
    let (before, phrase, after) = (&text[..start], &text[start..end], &text[end..]);
    match phrase {
        "几号" => {
            before.ends_with(['穿', '戴'])
                || after.starts_with(['圈', '码', '鞋', '发', '寄', '到'])
                || ["能发", "能寄", "能到", "可以发", "可以寄", "可以到"].iter().any(|v| after.starts_with(v))
        }
        "还有几" => ["分钟", "秒", "天", "小时", "点", "轮"].iter().any(|u| after.starts_with(u)),
        _ => false,
    }
}

/// 质量有问题找谁, 坏了怎么办: a fault and what to do about it is an after-sale ask, whatever
/// product word (质量) it names first.
fn asks_after_a_fault(text: &str) -> bool {
    const FAULTS: &[&str] = &["有问题", "出问题", "有质量问题", "坏了", "破了", "漏了"];
    const REMEDIES: &[&str] = &["找谁", "怎么办", "咋办", "怎么处理", "管吗", "管不管", "能退", "能换", "包退", "包换"];
    FAULTS.iter().any(|f| text.contains(f)) && REMEDIES.iter().any(|r| text.contains(r))
}

/// 运费多少钱, 邮费几块, how much is shipping: the price asked is the shipping fee's, which the host
/// answers apart from the item's (包邮 / 运费 8 块); price comes first in the rules only because most
/// price words ask about the item. 运费险 is the return-shipping insurance, an after-sale ask.
pub(crate) fn names_shipping_fee(text: &str) -> bool {
    const FEES: &[&str] = &["邮费", "快递费", "配送费", "shipping", "delivery", "postage"];
    FEES.iter().any(|f| text.contains(f)) || text.match_indices("运费").any(|(i, _)| !text[i..].starts_with("运费险"))
}

/// The intent of a comment already known to be a question. `text` is cleaned and lower-cased.
pub fn classify(text: &str) -> Intent {
    let mut ngrams = Vec::new();
    char_ngrams(text, &mut |i| ngrams.push(i));
    classify_with(text, crate::question::ending::core(text), &ngrams)
}

/// `classify` with what the engine reads once per comment: `core` (`question::ending::core(text)`)
/// and the text's `char_ngrams`, already hashed (the `Common` ids).
pub fn classify_with(text: &str, core: &str, ngrams: &[u32]) -> Intent {
    if let Some(intent) = commerce(text) {
        return intent;
    }
    // 刚才那个呢, 黑色那件呢: the viewer points at an item and wants to hear about it; the chat rooms
    // the model learned from hold too few of these for it to know.
    if crate::question::overrule::asks_about_item(core) || crate::question::overrule::asks_difference(text) {
        return Intent::ProductInfo;
    }
    if crate::question::overrule::asks_what_item_is_for(core) {
        return Intent::Usage;
    }
    let m = model();
    let mut acc = [0i32; MAX_OUTPUTS];
    ngrams.iter().for_each(|&i| m.add(i, &mut acc));
    rule_ids(text, &mut |id| m.add(id, &mut acc));
    let z = m.logits(&acc, &[]);
    let best = (0..ALL.len()).fold(0, |b, k| if z[k] > z[b] { k } else { b });
    ALL[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commerce_rules_and_precedence() {
        assert_eq!(classify("3号链接多少钱"), Intent::Price);
        assert_eq!(classify("链接呢"), Intent::Link);
        assert_eq!(classify("有没有s码"), Intent::SizeFit);
        assert_eq!(classify("还有货吗"), Intent::Stock);
        assert_eq!(classify("能便宜点不"), Intent::Promo);
        assert_eq!(classify("发什么快递"), Intent::Shipping);
        assert_eq!(classify("有运费险吗"), Intent::AfterSale);
        assert_eq!(classify("敏感肌能用吗"), Intent::Usage);
        assert_eq!(classify("有多贵"), Intent::Price);
        assert_eq!(classify("偏远地区包邮吗"), Intent::Shipping);
        assert_eq!(classify("拍一发二吗"), Intent::Promo);
        assert_eq!(classify("这是干嘛用的"), Intent::Usage);
        assert_eq!(classify("这个多厚"), Intent::ProductInfo);
        assert_eq!(classify("刚才那个呢"), Intent::ProductInfo);
        assert_eq!(classify("黑色那件呢？"), Intent::ProductInfo);
    }

    #[test]
    fn fourth_round_of_buyers_words() {
        for (s, intent) in [
            ("手围多少能戴", Intent::SizeFit),
            ("又秒没了吗", Intent::Stock),
            ("能送到家吗", Intent::Shipping),
            ("这茶怎么冲泡", Intent::Usage),
            ("皮鞋咋保养", Intent::Usage),
            ("甲醛超标吗", Intent::ProductInfo),
            ("能再介绍一下吗", Intent::Request),
        ] {
            assert_eq!(classify(s), intent, "{s}");
        }
        // 送到 alone is a gift's level in game rooms (荧光棒送到粉色), not a delivery.
        assert_eq!(commerce("荧光棒送到粉色的有木有"), None);
    }

    #[test]
    fn fifth_round_of_buyers_words() {
        for (s, intent) in [
            ("茅台今天卖多少", Intent::Price),
            ("门票单人的咋卖", Intent::Price),
            ("买奶粉点哪个", Intent::Link),
            ("戒指有几号圈", Intent::SizeFit),
            ("穿几号", Intent::SizeFit),
            ("几号能寄出", Intent::Shipping),
            ("几号发货", Intent::Shipping),
            ("那个玩具车断货了没", Intent::Stock),
            ("福袋还有几分钟", Intent::Promo),
            ("大件家具送货上门不", Intent::Shipping),
            ("这狗粮幼犬能吃么", Intent::Usage),
            ("质量有问题找谁", Intent::AfterSale),
            ("这锅是不锈钢的吗", Intent::ProductInfo),
        ] {
            assert_eq!(classify(s), intent, "{s}");
        }
        // 几号 is still a link number where nothing says size or date.
        for s in ["几号链接", "黑色几号", "几号"] {
            assert_eq!(classify(s), Intent::Link, "{s}");
        }
        assert_eq!(classify("还有几件"), Intent::Stock);
    }

    #[test]
    fn the_model_reads_buying_asks_no_phrase_names() {
        // None of these is in intent_train.tsv, and no phrase of intent_rules.txt settles them.
        for (s, intent) in
            [("一共要多少", Intent::Price), ("卖光了吗", Intent::Stock), ("能转过来看看吗", Intent::Request)]
        {
            assert_eq!(commerce(s), None, "{s}");
            assert_eq!(classify(s), intent, "{s}");
        }
    }

    #[test]
    fn the_price_of_shipping_is_a_shipping_ask() {
        for s in ["运费多少钱", "邮费几块", "快递费多少钱啊", "运费险多少钱的运费", "how much is shipping"]
        {
            assert_eq!(classify(s), Intent::Shipping, "{s}");
        }
        for s in ["运费险多少钱", "多少钱", "how much is it"] {
            assert_ne!(classify(s), Intent::Shipping, "{s}");
        }
    }
}
