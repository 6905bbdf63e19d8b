//! Question forms that expect no answer, written from what buyers type in selling rooms (the
//! labelled chat rooms hold too few of them for the model to learn): rhetorical questions (至于吗,
//! 有啥好问的, 不就是个杯子吗), "whatever" clauses (不管几号 全拍了, 多少钱都买), a question reported
//! inside a complaint (我问客服几天发货 客服不回), an order to put a link up, a question the viewer
//! answers or settles (贵吗?不贵, 要不要再拍一单呢 算了拍吧) and praise shaped as a question (咋恁好看,
//! 哪个女生不爱口红). A host who answered them would be answering nobody, and in the hot-question list
//! they push out the asks that count.
//!
//! Runs for every comment the detector calls a question, so its phrases are found in one pass of
//! one automaton, after the table of their openings has ruled most comments out (`Phrases`).

mod cues;

use super::rules::find;
use crate::phrases::Pairs;
use crate::tokenize::is_alnum;
use cues::{ADMIRED, CUES, Cue, DECISIONS, LIKING, OWN, TO_DO, cues};

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
                Cue::HowNot => !before.ends_with(['可', '只']),
                Cue::WhoDoesNot => who_does_not(before),
                Cue::Wondering => {
                    !asks_anyway
                        && OWN.iter().any(|o| after.starts_with(o))
                        && LIKING.iter().any(|l| find(after, l).is_some())
                }
                Cue::NoSuch => before.ends_with(['这', '那', '个']),
                Cue::WhoSays => before.is_empty() && after.trim_start_matches('的').chars().count() >= 3 && !particle,
                Cue::Because => !core.ends_with('的'),
                Cue::Admire => !marked && ADMIRED.iter().any(|a| after.starts_with(a)),
                Cue::Done => {
                    before.is_empty()
                        && !asks_anyway
                        && !["什么", "怎么", "咋", "几", "多少", "哪", "啥", "呢"]
                            .iter()
                            .any(|w| find(after, w).is_some())
                }
                Cue::Correlative => ["什么时候", "什么", "啥", "几号", "几个", "哪个", "哪款", "多少"]
                    .iter()
                    .any(|w| find(before, w).is_some() && find(after, w).is_some()),
                Cue::NoneSo => {
                    (find(before, "谁").is_some() || find(before, "哪家").is_some())
                        && ADMIRED.iter().any(|a| after.starts_with(a))
                }
                Cue::HostSaid => !asks_anyway && !after.starts_with(['的', '了', '一', '下']),
                Cue::WhoseSo => {
                    !marked
                        && find(after, "这么")
                            .is_some_and(|at| ADMIRED.iter().any(|a| after[at + "这么".len()..].starts_with(a)))
                }
                Cue::WhoStill => !marked && after.chars().take(4).any(|c| c == '得'),
                Cue::Surely => {
                    core.ends_with(['吗', '嘛'])
                        && !before.is_empty()
                        && !before
                            .ends_with(['舍', '怪', '恨', '巴', '免', '顾', '记', '晓', '由', '值', '了', '使', '要'])
                }
            };
            if says || (asked && unanswered) {
                return true;
            }
        }
    }
    // 要是天天这么便宜就好了: a wish, unless it asks whether that would do (换一个就好了吗).
    core.ends_with("就好了")
        || (!asks_anyway && says_whatever(core))
        || orders_a_link(marked, core)
        || answers_itself(core)
        || agrees(core)
        || decides(marked, core)
}

/// A last clause that settles what the first one asked: a decision or the bare deed (不知道穿多大码
/// 按平时的拍了, 我还能咋办 拍呗; 什么时候发货 我拍了 still asks), or the viewer's own answer (为什么便宜？
/// 因为厂家直销, 好吃吗？好吃, 贵吗？不贵, 什么叫物美价廉 这就是).
fn answers_itself(core: &str) -> bool {
    const DONE: &[&str] = &[
        "拍了",
        "买了",
        "下单了",
        "拍吧",
        "买吧",
        "拍呗",
        "买呗",
        "冲了",
        "入了",
        "不买",
        "不买了",
        "不拍了",
        "不囤了",
    ];
    const DECIDING: &[&str] = &["算了", "干脆", "那就", "还是", "直接", "按", "先", "反正"];
    const SEP: [char; 4] = [' ', '，', ',', '?'];
    let Some(at) = core.rfind(SEP) else { return false };
    let (head, last) = (core[..at].trim_end_matches(SEP), core[at..].trim_start_matches(SEP));
    if head.is_empty() || last.is_empty() {
        return false;
    }
    let settled = DONE.iter().any(|d| last.ends_with(d))
        && (DONE.contains(&last) || DECIDING.iter().any(|d| last.starts_with(d)));
    let answered = ["因为", "这就是", "就是这"].iter().any(|b| last.starts_with(b))
        || head
            .strip_suffix(['吗', '嘛'])
            .is_some_and(|p| !p.is_empty() && (last == p || last.strip_prefix('不') == Some(p)));
    settled || answered
}

/// Before a liking (不爱): 哪个 or 谁家, then someone named (女生, 狗子), nothing more.
fn who_does_not(before: &str) -> bool {
    ["哪个", "谁家"]
        .iter()
        .any(|w| find(before, w).is_some_and(|at| (1..=4).contains(&before[at + w.len()..].chars().count())))
}

/// 你说气人不气人, 你说划不划算啊: an A-not-A of one short word put to the listener for agreement, and
/// nothing else in its clause; 你说哪个好 asks.
fn agrees(core: &str) -> bool {
    let Some(after) = core.strip_prefix("你说") else { return false };
    let clause = after.split([' ', '，', ',']).next().unwrap_or(after);
    let body = clause.trim_end_matches(['啊', '呀', '呢', '吧', '?', '!']);
    let Some((a, b)) = body.split_once('不') else { return false };
    (1..=2).contains(&a.chars().count()) && b.starts_with(a) && b.chars().count() <= 2
}

/// 想了半天还是买吧, 还是算了吧, 算了拍吧, 干脆都拍了: the viewer decides. Only without a mark.
fn decides(marked: bool, core: &str) -> bool {
    !marked
        && core.ends_with(['吧', '了', '呗'])
        && DECISIONS
            .iter()
            .any(|d| core.strip_suffix(d).is_some_and(|b| ["还是", "算了", "干脆"].iter().any(|w| b.ends_with(w))))
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
            let mut gap = rest[w.len()..].chars().take(5).take_while(|&c| is_alnum(c));
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
            "哪个女生不爱口红",
            "谁家狗子不爱吃肉呀",
            "谁能忍住不下单啊",
            "有必要这么好看吗",
            "你说气人不气人",
            "能不爱吗",
            "不知道我老公喜不喜欢",
            "不晓得我家猫吃不吃",
            "想了半天还是买吧",
            "多少年没见过这么便宜的了",
            "几号链接我都拍了",
            "几点开播我都在",
            "有你们这么发货的吗",
            "哪次不是秒没",
            "这价格还要啥自行车",
            "这是什么宝藏直播间啊",
            "几块钱的东西还包邮 良心",
            "要不要再拍一单呢 算了拍吧",
            "不知道哪个适合我 干脆都拍了",
            "不知道穿多大码 按平时的拍了",
            "我还能咋办 拍呗",
            "谁说的便宜没好货",
            "有没有搞错 一个快递走半个月",
            "谁还不是个小公主呢",
            "这哪是卖货 这是送钱吧",
            "为什么没早点刷到这个直播间 哭",
            "要啥有啥",
            "还等啥呢姐妹们",
            "我爸问这茶多少钱 我说不贵",
            "用了没多久就黑屏了",
            "这能叫新鲜？一半都是烂的",
            "这个价它不香吗",
            "谁让我是老粉呢",
            "咋恁好看嘞",
            "桔子为什么这么可爱啊",
            "已拍3号链接",
            "为什么便宜?因为厂家直销",
            "好吃吗?好吃",
            "贵吗?不贵",
            "知道我为什么回购吗 因为真好用",
            "什么叫物美价廉 这就是",
            "婆婆问这茶多少钱 我没敢说",
            "你说气人不气人 快递又丢了",
            "谁家的桃子能这么甜啊",
            "这么便宜 何乐而不为呢",
            "这价格多少沾点离谱了",
            "刚买就降价 你礼貌吗",
            "楼上的 你买几号我就买几号",
            "上啥我拍啥",
            "想要什么味就买什么味的唇膏",
            "这价格老板不得哭死吗",
            "这是哪门子的正品 掉色掉成这样",
            "要得嘛",
            "为什么不早点遇到你家",
            "家里还剩几罐 先不囤了",
            "买不买呢 算了先不买",
            "谁家好人半夜三点看琥珀啊",
            "婆婆一直问奶粉多少钱 我没敢说",
            "咋个这么便宜哦",
            "吃啥补啥 我多吃点海参",
            "要不是为了孩子 谁熬夜抢奶粉啊",
            "不买还留着过年吗",
            "几十块钱 还想咋样",
            "主播问有没有姐妹要 我要我要",
            "主播说谁要黑色扣1 1111",
            "咋说呢 就是好用",
            "呢条裙几靓啊",
            "谁家大米这么香 原来是咱县的",
            "不知道从什么时候开始 天天蹲你家直播间",
            "露营咋能少了这个灯",
            "多少次说不买了 还是没忍住",
            "睡了你家被子 谁还起得来床啊",
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
            "哪个颜色不显黑",
            "哪个不喜欢",
            "有必要买吗",
            "你说哪个好看",
            "我可能不喜欢吗",
            "不知道宝宝能不能吃",
            "还是买l码吧?",
            "什么时候发货 我拍了",
            "谁说的",
            "谁让你拍的",
            "怎么这么贵",
            "哪是正品",
            "为什么这么好看?",
            "已拍 什么时候发货",
            "已拍了吗",
            "几号链接 我就拍",
            "有货吗? 有货吗",
            "舍不得吗",
            "能这么便宜吗",
            "这个好吃吗?",
            "主播说的是几号",
            "主播说一下马牛逼去哪了啊",
            "谁还有货",
            "一天用多少次",
            "谁家的快递这么慢?",
        ] {
            assert!(!no_answer(s), "{s}");
        }
    }
}
