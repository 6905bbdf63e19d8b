//! Question forms that expect no answer, written from what buyers type in selling rooms (the
//! labelled chat rooms hold too few of them for the model to learn): rhetorical questions (至于吗,
//! 有啥好问的, 不就是个杯子吗), "whatever" clauses (不管几号 全拍了, 多少钱都买), a question reported
//! inside a complaint (我问客服几天发货 客服不回) and an order to put a link up. A host who answered
//! them would be answering nobody, and in the hot-question list they push out the asks that count.
//!
//! Runs for every comment the detector calls a question, so its phrases are found in one pass of
//! one automaton, after the table of their openings has ruled most comments out (`Phrases`).

use super::rules::find;
use crate::phrases::{Pairs, Phrases};
use crate::tokenize::is_alnum;
use aho_corasick::MatchKind;
use std::sync::OnceLock;

/// What a phrase of `CUES` says when found.
#[derive(Clone, Copy, PartialEq)]
enum Cue {
    /// Asks only for effect, with or without 吗 and a mark: 这还用说吗, 至于吗, 哪有那么好, 凭啥这么贵,
    /// 谁顶得住, 什么神仙价格, 说了多少遍.
    Idiom,
    /// 有什么好犹豫的, 有啥好问的: "what is there to (do)" says there is nothing to it; with an
    /// adjective it asks (有什么好吃的, 有啥好用的推荐), so only the verbs of `TO_DO`.
    WhatIsThereTo,
    /// 不就是个杯子吗, 这不就是普通的吗: the answer is given in the asking. After a subject
    /// (多多不就是西安的吗) it asks to confirm a guess.
    IsntItJust,
    /// 怎么说呢 as a filler before what the viewer says (怎么说呢 还行吧).
    Filler,
    /// 怎么能这么美, 怎么会有这么好吃的: "how can it be so" marvels, unless a mark makes it puzzled
    /// (射速怎么会那么快?). 人气怎么这么低了, without the modal, is left to the model: the chat rooms
    /// ask it as often as they exclaim it.
    Marvel,
    /// 不管几号 全拍了, 管他多少钱 先拍了: whatever the answer, the viewer has decided.
    NoMatter,
    /// 我问客服几天发货, 那么多人问多少钱: a question told, not put…
    Asked,
    /// …that got no answer, or many (客服不回, 主播都说了好几遍了).
    Unanswered,
    /// 闺蜜问我在哪买的, 不要问我为什么: someone asked the viewer, who tells it.
    AskedMe,
    /// 我在纠结买不买, 犹豫要不要换, 还没想好要哪个色: the viewer thinks aloud; the question inside
    /// is the viewer's own. Not 不知道, which in a selling room often asks for help (不知道怎么用).
    Pondering,
    /// 没用几次就坏了, 没穿几天: 几 after 没 is "only a few", not "how many".
    Few,
    /// 这不香吗, 这不挺好的吗: the answer is in the asking; 这不是四倍吗 asks to confirm a guess.
    IsntThis,
    /// 这还能不买: "could one not"; 还能不能买 asks whether one still can.
    CouldOneNot,
}

const CUES: &[(&str, Cue)] = &[
    ("还用说", Cue::Idiom),
    ("还用问", Cue::Idiom),
    ("至于吗", Cue::Idiom),
    ("至于嘛", Cue::Idiom),
    ("哪有这么", Cue::Idiom),
    ("哪有那么", Cue::Idiom),
    ("哪找这么", Cue::Idiom),
    ("哪里找这么", Cue::Idiom),
    ("上哪找", Cue::Idiom),
    ("凭啥", Cue::Idiom),
    ("谁顶得住", Cue::Idiom),
    ("谁扛得住", Cue::Idiom),
    ("谁忍得住", Cue::Idiom),
    ("谁能顶住", Cue::Idiom),
    ("什么神仙", Cue::Idiom),
    ("说了多少遍", Cue::Idiom),
    ("说了几遍", Cue::Idiom),
    ("说多少遍", Cue::Idiom),
    ("谁能拒绝", Cue::Idiom),
    ("谁不喜欢", Cue::Idiom),
    ("谁不爱", Cue::Idiom),
    ("谁不想", Cue::Idiom),
    ("何必", Cue::Idiom),
    ("还犹豫", Cue::Idiom),
    ("还等什么", Cue::Idiom),
    ("还在等什么", Cue::Idiom),
    ("还能不", Cue::CouldOneNot),
    ("能不买", Cue::Idiom),
    ("什么人间", Cue::Idiom),
    ("怎么才刷到", Cue::Idiom),
    ("怎么才看到", Cue::Idiom),
    ("怎么才发现", Cue::Idiom),
    ("怎么现在才", Cue::Idiom),
    ("有什么好", Cue::WhatIsThereTo),
    ("有啥好", Cue::WhatIsThereTo),
    ("不就是", Cue::IsntItJust),
    ("怎么说呢", Cue::Filler),
    ("怎么能", Cue::Marvel),
    ("怎么会", Cue::Marvel),
    ("怎么可以", Cue::Marvel),
    ("不管", Cue::NoMatter),
    ("无论", Cue::NoMatter),
    ("不论", Cue::NoMatter),
    ("管他", Cue::NoMatter),
    ("管它", Cue::NoMatter),
    ("甭管", Cue::NoMatter),
    ("我问", Cue::Asked),
    ("人问", Cue::Asked),
    ("都问", Cue::Asked),
    ("在问", Cue::Asked),
    ("问了", Cue::Asked),
    ("问客服", Cue::Asked),
    ("问主播", Cue::Asked),
    ("问过", Cue::Asked),
    ("不回", Cue::Unanswered),
    ("没回", Cue::Unanswered),
    ("没人回", Cue::Unanswered),
    ("没人理", Cue::Unanswered),
    ("不理", Cue::Unanswered),
    ("没人管", Cue::Unanswered),
    ("都说了", Cue::Unanswered),
    ("说了好几遍", Cue::Unanswered),
    ("说过了", Cue::Unanswered),
    ("问我", Cue::AskedMe),
    ("纠结", Cue::Pondering),
    ("犹豫", Cue::Pondering),
    ("在考虑", Cue::Pondering),
    ("考虑要不要", Cue::Pondering),
    ("没想好", Cue::Pondering),
    ("不确定", Cue::Pondering),
    ("搞不懂", Cue::Pondering),
    ("在想", Cue::Pondering),
    ("在算", Cue::Pondering),
    ("没用几", Cue::Few),
    ("没穿几", Cue::Few),
    ("没戴几", Cue::Few),
    ("没吃几", Cue::Few),
    ("没洗几", Cue::Few),
    ("没玩几", Cue::Few),
    ("没过几", Cue::Few),
    ("没几", Cue::Few),
    ("这不", Cue::IsntThis),
];

const TO_DO: &[&str] = &["问", "说", "犹豫", "纠结", "想", "怕", "担心", "比", "解释", "吵", "争", "考虑", "等", "装"];

fn cues() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| Phrases::new(&CUES.iter().map(|(p, _)| *p).collect::<Vec<_>>(), MatchKind::Standard))
}

/// Whether a comment that reads as a question expects no answer. `core` is `ending::core(text)`,
/// `pairs` the text's (`Common::pairs`).
pub fn expects_no_answer(text: &str, core: &str, pairs: &Pairs) -> bool {
    let marked = text.contains('?');
    // A 吗 at the end, or a mark, makes "whatever" and the filler ask after all (什么颜色都有吗).
    let particle = core.ends_with(['吗', '嘛'])
        || core.ends_with('么') && !["什么", "怎么", "这么", "那么", "多么"].iter().any(|w| core.ends_with(w));
    let asks_anyway = marked || particle;
    if cues().may_match_in(pairs) {
        let (mut asked, mut unanswered) = (false, false);
        for m in cues().automaton().find_overlapping_iter(core) {
            let (before, after) = (&core[..m.start()], &core[m.end()..]);
            let says = match CUES[m.pattern().as_usize()].1 {
                Cue::Idiom => true,
                Cue::WhatIsThereTo => TO_DO.iter().any(|v| after.strip_prefix(v).is_some_and(|r| r.starts_with('的'))),
                Cue::IsntItJust => {
                    ["", "这", "那", "它", "这个", "那个"].contains(&before) && core.ends_with(['吗', '嘛'])
                }
                Cue::Filler => !after.is_empty(),
                Cue::Marvel => {
                    let next = &after[..after.char_indices().nth(4).map_or(after.len(), |(i, _)| i)];
                    !marked && (find(next, "这么").is_some() || find(next, "那么").is_some())
                }
                Cue::NoMatter => !asks_anyway,
                Cue::Asked => {
                    asked = true;
                    false
                }
                Cue::Unanswered => {
                    unanswered = true;
                    false
                }
                // 问我们 is often a question to the room (为什么没人问我们).
                Cue::AskedMe => !asks_anyway && !before.ends_with(['你', '请', '想']) && !after.starts_with('们'),
                Cue::CouldOneNot => !after.starts_with('能'),
                // 纠结吧 and 犹豫吧 tag a guess (tags.rs); 犹豫什么 is an idiom above.
                // 现在想知道 and 实在想 hold 在想 by chance.
                Cue::Pondering | Cue::Few => {
                    !asks_anyway && !core.ends_with('吧') && !before.ends_with(['现', '实', '自', '存'])
                }
                Cue::IsntThis => !after.starts_with('是') && core.ends_with(['吗', '嘛']) && after.chars().count() <= 5,
            };
            if says || (asked && unanswered) {
                return true;
            }
        }
    }
    // 要是天天这么便宜就好了: a wish, unless it asks whether that would do (换一个就好了吗).
    core.ends_with("就好了") || (!asks_anyway && says_whatever(core)) || orders_a_link(marked, core)
}

/// A question word with 都 or 也 a few characters on: "any", not "which" (多少钱都买, 怎么拍都好看,
/// 什么颜色都好看). 为什么 (why) is never "any": 为什么他们都走了 asks.
fn says_whatever(core: &str) -> bool {
    const WH: &[&str] = &["多少", "什么", "啥", "哪", "怎么", "谁", "几"];
    if find(core, "都").is_none() && find(core, "也").is_none() {
        return false;
    }
    let mut prev = ' ';
    for (at, c) in core.char_indices() {
        let rest = &core[at..];
        if let Some(w) = WH.iter().find(|w| rest.starts_with(**w)).filter(|_| prev != '为' && prev != '干') {
            let mut gap = rest[w.len()..].chars().take(4).take_while(|&c| is_alnum(c));
            if gap.any(|c| c == '都' || c == '也') {
                return true;
            }
        }
        prev = c;
    }
    false
}

/// 上一下零食那个链接, 发个刚才那件的链接: an order to put a link up, not an ask where to buy (衣服链接
/// asks; LABELLING.md: 求链接 is a request). Only without a mark.
fn orders_a_link(marked: bool, core: &str) -> bool {
    let Some(rest) = core.strip_prefix(['上', '发', '挂', '求', '甩', '丢', '放']) else { return false };
    // After the verb, what marks it one (上一下, 发个, 求那个): 上衣链接 and 发夹链接 name goods, and
    // 上个链接 is as often "the last link".
    let numbered = rest.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        && find(core, "号").is_some();
    core.ends_with("链接")
        && (numbered || ["一下", "下", "个", "那", "这", "刚才"].iter().any(|m| rest.starts_with(m)))
        && !core.starts_with("上个")
        && !marked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_answer(s: &str) -> bool {
        expects_no_answer(s, s, &Pairs::of(s))
    }

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
            "上三号链接",
            "上3号链接",
            "充电宝没用几次就坏了",
            "这还能不买",
            "这还犹豫什么",
            "谁能拒绝小蛋糕呢",
            "这不香吗",
            "何必犹豫呢",
            "什么人间仙女",
            "我怎么才刷到这个直播间",
            "我在纠结买不买",
            "犹豫要不要换新手机",
            "还没想好要哪个色",
            "闺蜜问我在哪买的",
            "不要问我为什么",
        ] {
            assert!(no_answer(s), "{s}");
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
            "这不是四倍吗",
            "怎么才能放大",
            "不知道怎么用",
            "你问我干嘛",
            "你是不是在犹豫吧",
            "没几号链接吗",
            "还能不能买",
            "我现在想知道晚上会怎么样",
            "为什么没人问我们",
        ] {
            assert!(!no_answer(s), "{s}");
        }
    }
}
