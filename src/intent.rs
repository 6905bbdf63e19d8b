//! What a question is about, so the host sees "3 people ask about size" and the LLM layer can ground
//! answers. Rules over the cleaned text, checked in precedence order (the first match wins).

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

// After-sale comes before shipping here (unlike LABELLING.md's precedence) only because 运费险
// contains 运费; a comment about both is rare.
const RULES: &[(Intent, &[&str])] = &[
    (
        Intent::Price,
        &[
            "多少钱",
            "多钱",
            "价格",
            "价钱",
            "什么价",
            "啥价",
            "几块",
            "几元",
            "多少米",
            "怎么卖",
            "售价",
            "价位",
            "到手价",
            "多少一",
            "贵不贵",
            "多少rmb",
        ],
    ),
    (
        Intent::Link,
        &[
            "链接",
            "连接",
            "怎么买",
            "在哪买",
            "哪里买",
            "哪买",
            "在哪拍",
            "哪里拍",
            "怎么拍",
            "咋买",
            "小黄车",
            "购物车",
            "橱窗",
            "几号",
            "哪个号",
            "上车",
        ],
    ),
    (
        Intent::SizeFit,
        &[
            "尺码",
            "码数",
            "多大码",
            "什么码",
            "几码",
            "码子",
            "穿什么",
            "偏大",
            "偏小",
            "合身",
            "能穿",
            "穿得下",
            "尺寸",
            "s码",
            "m码",
            "l码",
            "xl",
            "斤穿",
            "斤能",
            "身高",
            "腰围",
            "胸围",
        ],
    ),
    (
        Intent::Stock,
        &[
            "有货",
            "还有吗",
            "还有没有",
            "没货",
            "库存",
            "补货",
            "现货",
            "断码",
            "卖完",
            "没了吗",
            "抢完",
            "还能买",
            "还有几",
        ],
    ),
    (
        Intent::Promo,
        &[
            "优惠",
            "便宜",
            "券",
            "折扣",
            "打折",
            "福袋",
            "秒杀",
            "满减",
            "活动",
            "赠品",
            "送什么",
            "买一送",
            "包邮吗",
            "红包",
            "抽奖",
        ],
    ),
    (
        Intent::AfterSale,
        &["退货", "退款", "售后", "换货", "运费险", "退换", "保修", "质保", "坏了", "能退", "七天无理由"],
    ),
    (Intent::Shipping, &["发货", "快递", "包邮", "运费", "几天到", "多久到", "物流", "顺丰", "邮费", "寄"]),
    (
        Intent::Usage,
        &[
            "怎么用",
            "用法",
            "怎么吃",
            "怎么穿",
            "能用吗",
            "可以用吗",
            "适合",
            "敏感肌",
            "孕妇",
            "油皮",
            "干皮",
            "怎么洗",
            "能吃吗",
            "可以吃吗",
            "小孩能",
        ],
    ),
    (
        Intent::ProductInfo,
        &[
            "材质",
            "面料",
            "成分",
            "什么牌子",
            "品牌",
            "颜色",
            "色号",
            "质量",
            "正品",
            "功效",
            "保质期",
            "产地",
            "多重",
            "容量",
            "是什么",
            "什么东西",
            "几个色",
            "什么料",
            "纯棉",
            "真皮",
        ],
    ),
    (
        Intent::Request,
        &[
            "试一下",
            "试试",
            "试穿",
            "看看",
            "唱",
            "讲讲",
            "讲一下",
            "展示",
            "近一点",
            "拿近",
            "转一圈",
            "再来",
            "上身",
            "放一下",
            "开一下",
            "来一首",
            "跳个",
            "跳舞",
        ],
    ),
    (
        Intent::HostPersonal,
        &[
            "主播多",
            "你多",
            "几岁",
            "多大了",
            "哪里人",
            "哪里的",
            "结婚",
            "男朋友",
            "女朋友",
            "吃饭",
            "身高",
            "体重",
            "叫什么",
            "名字",
            "年龄",
            "睡觉",
            "下播",
            "住哪",
            "老家",
            "单身",
            "你是",
            "主播是",
            "你在",
            "你们在",
            "你今天",
        ],
    ),
];

/// All rule phrases in one automaton; each pattern id maps back to its rule's precedence.
fn matcher() -> &'static (AhoCorasick, Vec<usize>) {
    static M: OnceLock<(AhoCorasick, Vec<usize>)> = OnceLock::new();
    M.get_or_init(|| {
        let (mut phrases, mut rule_of) = (Vec::new(), Vec::new());
        for (rule, (_, words)) in RULES.iter().enumerate() {
            phrases.extend_from_slice(words);
            rule_of.extend(std::iter::repeat_n(rule, words.len()));
        }
        (AhoCorasick::new(phrases).expect("static patterns"), rule_of)
    })
}

/// The intent of a comment already known to be a question. `text` is cleaned and lower-cased.
/// The first rule (in precedence order) with a phrase anywhere in the text wins.
pub fn classify(text: &str) -> Intent {
    let (ac, rule_of) = matcher();
    ac.find_overlapping_iter(text)
        .map(|m| rule_of[m.pattern().as_usize()])
        .min()
        .map_or(Intent::Other, |rule| RULES[rule].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_and_examples() {
        assert_eq!(classify("3号链接多少钱"), Intent::Price);
        assert_eq!(classify("链接呢"), Intent::Link);
        assert_eq!(classify("有没有s码"), Intent::SizeFit);
        assert_eq!(classify("还有货吗"), Intent::Stock);
        assert_eq!(classify("能便宜点不"), Intent::Promo);
        assert_eq!(classify("发什么快递"), Intent::Shipping);
        assert_eq!(classify("有运费险吗"), Intent::AfterSale);
        assert_eq!(classify("敏感肌能用吗"), Intent::Usage);
        assert_eq!(classify("什么材质"), Intent::ProductInfo);
        assert_eq!(classify("能试一下吗"), Intent::Request);
        assert_eq!(classify("主播多高"), Intent::HostPersonal);
        assert_eq!(classify("今天播多久"), Intent::Other);
    }
}
