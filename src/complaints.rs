//! Shop complaints: the phrases a commerce room uses when something went wrong with an order (还没收到,
//! 客服不理人, 收到的是坏的, 割韭菜, 链接打不开, 没声音), by what they are about (发货, 客服, 质量,
//! 下单, 直播…). They feed the complaint alert, under that topic, not the mood gauge.
//!
//! Why a list beside the sentiment models: the models learned "negative" from reviews and from labelled
//! live rooms that chat rather than sell, where complaints about orders barely occur; they read
//! 客服不理人 or 等了一周了还没到 as neutral chatter, so a wave of them never raised the alert. A
//! complaint the models call neutral counts as negative in the mood too (`analysis.rs`), and the alert
//! counts a comment as negative when the models say so or when it complains here.

use crate::phrases::{Pairs, Phrases};
use aho_corasick::MatchKind;
use std::sync::OnceLock;

/// What a complaint is about: the word the alert shows (a wave of 还没收到 / 怎么还不发货 / 等了一周还没到
/// reads 发货, not the tokens jieba cuts from them, 没收 "confiscate" among them).
pub const TOPIC_NAMES: [&str; 8] = ["真假", "发货", "质量", "客服", "价格", "售后", "下单", "直播"];

/// Complaints whatever the sentence form (怎么还不发货 complains as much as 还不发货), by topic.
const COMPLAINTS: [&[&str]; 8] = [
    &[
        "骗子",
        "骗人",
        "假货",
        "是假的",
        "高仿",
        "山寨货",
        "割韭菜",
        "智商税",
        "虚假宣传",
        "坑人",
        "坑钱",
        "黑心",
        "奸商",
        "忽悠人",
        "太坑了",
        "好坑",
        "真坑",
        "坑爹",
        "上当了",
        "被骗了",
    ],
    &[
        "不发货",
        "没发货",
        "还不发",
        "没收到货",
        "还没收到",
        "还没到货",
        "还没到",
        "物流太慢",
        "发货太慢",
        "发错了",
        "发错货",
        "少发",
        "漏发",
        "延迟发货",
        "破损",
        "收到的是坏的",
        "收到坏的",
        "收到是坏的",
    ],
    &[
        "就坏了",
        "就变形",
        "过期了",
        "质量差",
        "质量太差",
        "质量不好",
        "做工差",
        "货不对板",
        "和图片不一样",
        "跟图片不一样",
        "垃圾东西",
        "垃圾产品",
        "质量一般",
        "做工一般",
        "面料一般",
        "效果一般",
        "一般般",
        "质量不怎么样",
        "没有想象中",
    ],
    &["客服不理", "客服不回", "客服都不回", "不理人", "没人理", "不回消息"],
    &["买贵了", "买了就降价", "一买就降价", "比外面贵", "不值这个价", "赠品都没有", "赠品都没"],
    &["运费险都没有", "运费险都没", "差评", "维权", "12315", "别买", "不要买", "避雷", "踩雷"],
    // Viewers who cannot buy: the host should hear it at once (a broken link, a payment failing).
    &[
        "下单不了",
        "下不了单",
        "拍不了",
        "拍不下",
        "付不了",
        "支付不了",
        "付款失败",
        "支付失败",
        "提交不了",
        "链接打不开",
        "打不开链接",
        "链接点不开",
        "点不进去",
    ],
    // The stream itself: viewers hear or see nothing, and the host, who cannot, must know at once; or
    // their questions go unanswered (几号链接都不说, 问了半天都不回).
    &[
        "没声音",
        "听不清",
        "听不见",
        "黑屏",
        "都不说",
        "也不说",
        "都不回",
        "也不回",
        "不回我",
        "不理我",
        "都不理",
        "不回答",
        "问了好几遍",
        "问了好多遍",
        "问了几遍",
        "问了半天",
    ],
];

/// Topics a viewer complains about in a statement (掉色了, 要退款) but also asks about (会掉色吗,
/// 能退款吗): a complaint only when the comment is not a question. By topic, as above.
const ASKABLE: [&[&str]; 8] = [
    &[],
    &[],
    &["掉色", "褪色", "起球", "开线", "有异味", "缩水", "色差"],
    &["投诉"],
    &["涨价"],
    &["退款", "退货", "退钱"],
    &["链接都没有", "链接都没了"],
    // 是不是卡了 asks; 卡了 and 声音太小了 complain.
    &[
        "卡了",
        "好卡",
        "太卡",
        "很卡",
        "卡顿",
        "一直卡",
        "画面卡",
        "卡成",
        "声音小",
        "声音太小",
        "声音好小",
        "画面模糊",
        "看不清",
        "延迟",
    ],
];

/// Every phrase with its topic and whether it is askable, in pattern order.
fn all() -> impl Iterator<Item = (&'static str, usize, bool)> {
    let of = |lists: [&'static [&'static str]; 8], askable| {
        lists.into_iter().enumerate().flat_map(move |(topic, ps)| ps.iter().map(move |p| (*p, topic, askable)))
    };
    of(COMPLAINTS, false).chain(of(ASKABLE, true))
}

/// A negator just before a phrase turns it around: 没有掉色, 不是骗子, 不起球.
const NEGATORS: &[char] = &['不', '没', '无', '未', '别', '非'];

/// Every phrase behind its opening filter, and each pattern's (topic, askable).
fn phrases() -> &'static (Phrases, Vec<(usize, bool)>) {
    static P: OnceLock<(Phrases, Vec<(usize, bool)>)> = OnceLock::new();
    P.get_or_init(|| {
        let phrases = Phrases::new(&all().map(|p| p.0).collect::<Vec<_>>(), MatchKind::LeftmostLongest);
        (phrases, all().map(|(_, topic, askable)| (topic, askable)).collect())
    })
}

/// What a cleaned, lower-cased comment complains about (an index into `TOPIC_NAMES`), if it complains
/// about an order, the shop or the product.
/// `pairs`: those of the comment (`Common::pairs`).
pub fn complaint(text: &str, is_question: bool, pairs: &Pairs) -> Option<usize> {
    let (phrases, meta) = phrases();
    if !phrases.may_match_in(pairs) {
        return None;
    }
    phrases.automaton().find_iter(text).find_map(|m| {
        let (topic, askable) = meta[m.pattern().as_usize()];
        // The two characters before the phrase: 不是骗子, 没有掉色, 不起球. A mistaken belief (我以为卡了)
        // and a check-in (打卡了) complain of nothing.
        let before = &text[..m.start()];
        let negated = before.chars().rev().take(2).any(|c| NEGATORS.contains(&c));
        let check_in = before.ends_with('打') && text[m.start()..].starts_with('卡');
        let not_meant = before.ends_with("以为") || before.ends_with("以为我") || check_in;
        (!negated && !not_meant && (!askable || !is_question) && !counts_something(text, m.start(), m.end()))
            .then_some(topic)
    })
}

/// A phrase that is part of a number (12315 in 1651231561) or a threshold not reached yet (还没到6级)
/// names no complaint.
fn counts_something(text: &str, start: usize, end: usize) -> bool {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || crate::demand::cn_digit(c).is_some());
    let (phrase, before, after) = (&text[start..end], text[..start].chars().next_back(), text[end..].chars().next());
    let numeric = phrase.starts_with(|c: char| c.is_ascii_digit());
    (numeric && (digit(before) || digit(after))) || (phrase == "还没到" && digit(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_complaints() {
        for s in [
            "收到的是坏的",
            "客服不理人",
            "等了一周了还没到",
            "怎么还不发货",
            "割韭菜",
            "骗子吧",
            "别买",
            "掉色了",
            "我要退款",
        ] {
            assert!(complaint(s, false, &Pairs::of(s)).is_some(), "{s}");
        }
        assert_eq!(
            complaint("怎么还不发货", true, &Pairs::of("怎么还不发货")).map(|t| TOPIC_NAMES[t]),
            Some("发货"),
            "a complaint in question form"
        );
        assert_eq!(complaint("客服不理人", false, &Pairs::of("客服不理人")).map(|t| TOPIC_NAMES[t]), Some("客服"));
        assert_eq!(complaint("掉色了", false, &Pairs::of("掉色了")).map(|t| TOPIC_NAMES[t]), Some("质量"));
        for s in ["卡了", "声音太小了", "画面模糊", "几号链接都不说", "问了半天都不回", "主播都不理我"]
        {
            assert_eq!(complaint(s, false, &Pairs::of(s)).map(|t| TOPIC_NAMES[t]), Some("直播"), "{s}");
        }
        assert_eq!(complaint("怎么没声音了", true, &Pairs::of("怎么没声音了")).map(|t| TOPIC_NAMES[t]), Some("直播"));
        assert_eq!(complaint("我要打差评", false, &Pairs::of("我要打差评")).map(|t| TOPIC_NAMES[t]), Some("售后"));
        // A viewer who cannot pay complains whether or not it is phrased as a question.
        for s in ["链接打不开", "怎么付不了款"] {
            assert_eq!(complaint(s, true, &Pairs::of(s)).map(|t| TOPIC_NAMES[t]), Some("下单"), "{s}");
        }
        // "Not even" and "only so-so" complain; 链接都没有吗 asks.
        for (s, topic) in
            [("运费险都没有", "售后"), ("链接都没有", "下单"), ("质量一般", "质量"), ("做工一般般", "质量")]
        {
            assert_eq!(complaint(s, false, &Pairs::of(s)).map(|t| TOPIC_NAMES[t]), Some(topic), "{s}");
        }
        assert_eq!(complaint("链接都没有吗", true, &Pairs::of("链接都没有吗")), None);
    }

    #[test]
    fn every_phrase_passes_the_opening_filter() {
        for (p, _, _) in all() {
            assert!(phrases().0.may_match(&format!("我说{p}了")), "{p}");
        }
    }

    #[test]
    fn not_complaints() {
        for s in [
            "打卡了",
            "我还以为我卡了",
            "一点都不卡",
            "没有掉色",
            "不是骗子",
            "质量很好",
            "不起球",
            "3号链接",
            "主播好美",
            "1651231561",
            "还没到6级",
        ] {
            assert_eq!(complaint(s, false, &Pairs::of(s)), None, "{s}");
        }
        // Asking about a topic is an after-sale question, not a complaint.
        assert_eq!(complaint("会掉色吗", true, &Pairs::of("会掉色吗")), None);
        assert_eq!(complaint("能退款吗", true, &Pairs::of("能退款吗")), None);
    }
}
