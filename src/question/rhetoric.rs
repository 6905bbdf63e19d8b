//! Question forms that expect no answer, written from what buyers type in selling rooms (the
//! labelled chat rooms hold too few of them for the model to learn): rhetorical questions (至于吗,
//! 有啥好问的, 不就是个杯子吗), "whatever" clauses (不管几号 全拍了, 多少钱都买), and a question
//! reported inside a complaint (我问客服几天发货 客服不回). A host who answered them would be
//! answering nobody, and in the hot-question list they push out the asks that count.

use super::rules::find;

/// Whether a comment that reads as a question expects no answer. `core` is `ending::core(text)`.
pub fn expects_no_answer(text: &str, core: &str) -> bool {
    rhetorical(text, core) || whatever(text, core) || reports_an_unanswered_ask(core) || orders_a_link(text, core)
}

/// 上一下零食那个链接, 发个刚才那件的链接: an order to put a link up, not an ask where to buy (衣服链接
/// asks; LABELLING.md: 求链接 is a request). Only when nothing else asks (no mark, no 吗).
fn orders_a_link(text: &str, core: &str) -> bool {
    let Some(rest) = core.strip_prefix(['上', '发', '挂', '求', '甩', '丢', '放']) else { return false };
    // After the verb, what marks it one (上一下, 发个, 求那个): 上衣链接 and 发夹链接 name goods, and
    // 上个链接 is as often "the last link".
    core.ends_with("链接")
        && ["一下", "下", "个", "那", "这", "刚才"].iter().any(|m| rest.starts_with(m))
        && !core.starts_with("上个")
        && !text.contains('?')
}

/// Idioms that ask only for effect, with or without 吗 and a mark: 这还用说吗, 至于吗, 有啥好问的,
/// 哪有那么好, 凭啥这么贵, 不就是个杯子吗, and 怎么说呢 as a filler before what the viewer says.
fn rhetorical(text: &str, core: &str) -> bool {
    const IDIOMS: &[&str] = &[
        "还用说",
        "还用问",
        "至于吗",
        "至于嘛",
        "哪有这么",
        "哪有那么",
        "哪找这么",
        "哪里找这么",
        "上哪找",
        "凭啥",
        "谁顶得住",
        "谁扛得住",
        "谁忍得住",
        "谁能顶住",
        "什么神仙",
        "说了多少遍",
        "说了几遍",
        "说多少遍",
    ];
    if IDIOMS.iter().any(|i| find(core, i).is_some()) {
        return true;
    }
    // 怎么能这么美, 怎么会有这么好吃的: "how can it be so" marvels, unless a mark makes it puzzled
    // (射速怎么会那么快?). 人气怎么这么低了, without the modal, is left to the model: the chat rooms
    // ask it as often as they exclaim it.
    for modal in ["怎么能", "怎么会", "怎么可以"].into_iter().filter(|_| !text.contains('?')) {
        if let Some(at) = find(core, modal) {
            let rest: String = core[at + modal.len()..].chars().take(4).collect();
            if find(&rest, "这么").is_some() || find(&rest, "那么").is_some() {
                return true;
            }
        }
    }
    // 要是天天这么便宜就好了: a wish, unless it asks whether that would do (换一个就好了吗).
    if core.ends_with("就好了") {
        return true;
    }
    // 有什么好犹豫的, 有啥好问的: "what is there to (do)" says there is nothing to it; with an
    // adjective it asks (有什么好吃的, 有啥好用的推荐), so only these verbs.
    const TO_DO: &[&str] =
        &["问", "说", "犹豫", "纠结", "想", "怕", "担心", "比", "解释", "吵", "争", "考虑", "等", "装"];
    for opening in ["有什么好", "有啥好"] {
        if let Some(at) = find(core, opening) {
            let rest = &core[at + opening.len()..];
            if TO_DO.iter().any(|v| rest.strip_prefix(v).is_some_and(|r| r.starts_with('的'))) {
                return true;
            }
        }
    }
    // 不就是个杯子吗, 这不就是普通的吗: the answer is given in the asking. After a subject
    // (多多不就是西安的吗) it asks to confirm a guess.
    if let Some(at) = find(core, "不就是") {
        if ["", "这", "那", "它", "这个", "那个"].contains(&&core[..at]) && core.ends_with(['吗', '嘛']) {
            return true;
        }
    }
    find(core, "怎么说呢").is_some_and(|at| core.len() > at + "怎么说呢".len())
}

/// Question words that mean "whatever" or "any": after 不管/无论 (不管几号 全拍了, 管他多少钱 先拍了),
/// or with 都/也 a few characters on (多少钱都买, 怎么拍都好看, 什么颜色都好看). Only when nothing else
/// asks: no mark, no 吗 at the end. 为什么 (why) is never "any": 为什么他们都走了 asks.
fn whatever(text: &str, core: &str) -> bool {
    if text.contains('?') || core.ends_with(['吗', '么', '嘛']) {
        return false;
    }
    const NO_MATTER: &[&str] = &["不管", "无论", "不论", "管他", "管它", "甭管"];
    if NO_MATTER.iter().any(|w| find(core, w).is_some()) {
        return true;
    }
    const WH: &[&str] = &["多少", "什么", "啥", "哪", "怎么", "谁", "几"];
    let chars: Vec<(usize, char)> = core.char_indices().collect();
    chars.iter().enumerate().any(|(i, &(at, _))| {
        let Some(w) = WH.iter().find(|w| core[at..].starts_with(**w)) else { return false };
        if core[..at].ends_with('为') || core[..at].ends_with('干') {
            return false; // 为什么, 为啥, 干什么
        }
        let from = i + w.chars().count();
        chars
            .iter()
            .skip(from)
            .take(4)
            .take_while(|(_, c)| crate::tokenize::is_alnum(*c))
            .any(|&(_, c)| c == '都' || c == '也')
    })
}

/// 我问客服几天发货 客服不回, 那么多人问多少钱 主播都说了好几遍了: the ask is told, not put, and the
/// comment is about the answer that did not come (or came many times).
fn reports_an_unanswered_ask(core: &str) -> bool {
    const ASKED: &[&str] = &["我问", "人问", "都问", "在问", "问了", "问客服", "问主播", "问过"];
    const UNANSWERED: &[&str] =
        &["不回", "没回", "没人回", "没人理", "不理", "没人管", "都说了", "说了好几遍", "说过了"];
    ASKED.iter().any(|a| find(core, a).is_some()) && UNANSWERED.iter().any(|u| find(core, u).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_for_effect_or_whatever_expect_no_answer() {
        for s in [
            "这还用说吗",
            "至于吗",
            "有啥好问的 直接拍",
            "有什么好犹豫的",
            "哪有那么好",
            "凭啥这么贵",
            "不就是个杯子吗",
            "怎么说呢 还行吧",
            "要是什么时候都这么便宜就好了",
            "不管几号 全拍了",
            "管他多少钱 先拍了",
            "多少钱都买",
            "怎么拍都好看",
            "什么颜色都好看",
            "我问客服几天发货 客服不回",
            "那么多人问多少钱 主播都说了好几遍了",
            "怎么能这么美啊",
            "怎么会有这么好吃的零食",
            "这价格谁顶得住",
            "什么神仙价格",
            "哪里找这么便宜的去",
            "说了多少遍了要上链接",
            "上一下零食那个链接",
            "发个刚才那件的链接",
        ] {
            assert!(expects_no_answer(s, s), "{s}");
        }
    }

    #[test]
    fn real_asks_still_ask() {
        for s in [
            "多少钱",
            "怎么说",
            "这个怎么说呢",
            "为什么他们都走了",
            "什么颜色都有吗",
            "几天都没发货吗",
            "哪个颜色好看",
            "有什么好吃的",
            "换一个就好了吗",
            "问一下多少钱",
            "我想问多少钱",
            "不就是这个吗 多少钱",
            "多多不就是西安的吗",
            "有啥好用的推荐",
            "人气怎么这么低了",
            "上次那个链接",
            "上个链接",
            "上衣链接",
            "发夹链接",
        ] {
            assert!(!expects_no_answer(s, s), "{s}");
        }
    }
}
