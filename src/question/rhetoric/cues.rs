//! The phrases that cue a form expecting no answer, what each says when found, and the words the
//! cues read around them. `mod.rs` decides with them.

use crate::phrases::Phrases;
use aho_corasick::MatchKind;
use std::sync::OnceLock;

/// What a phrase of `CUES` says when found.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Cue {
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
    /// 能不爱吗, 能不心动: "how could one not"; 可能不喜欢 says "may not".
    HowNot,
    /// 哪个女生不爱口红, 谁家狗子不爱吃肉: "which one does not love it" says every one does; 哪个颜色不显黑
    /// asks, as does 哪个不喜欢 with no one named. Found at the liking (不爱), which questions say far
    /// less often than 哪个.
    WhoDoesNot,
    /// 不知道我老公喜不喜欢, 不晓得我家猫吃不吃: whether someone of the viewer's own will like it, which
    /// no host can know; 不知道宝宝能不能吃 asks what the item allows, and is left to ask.
    Wondering,
    /// 这哪是卖货: "this is no …"; 哪是正品 with nothing pointed at asks which one is.
    NoSuch,
    /// 谁说的便宜没好货: a saying quoted to deny it; 谁说的 alone asks who said it.
    WhoSays,
    /// 谁让我是老粉呢, 谁叫你们家东西好, 谁让你嘴贱?: "because" (or "serves you right"); 谁让你拍的
    /// asks who.
    Because,
    /// 怎么这么好看, 咋恁好看嘞, 桔子为什么这么可爱: marvelling at a good quality; 怎么这么贵 complains
    /// and is left to the model, as is any with a mark.
    Admire,
    /// 已拍3号链接, 已下单: a report of what the viewer did, unless a particle or a mark asks on.
    Done,
    /// 你买几号我就买几号, 上啥我拍啥, 想要什么味就买什么味的: the same question word on both sides of a deed says
    /// "whichever"; 几号链接 我就拍 with one asks.
    Correlative,
    /// 谁的桃子能这么甜, 哪家能这么便宜: marvelling, when someone or some shop is asked for (谁, 哪家)
    /// before 能这么; with a mark too. `WhoseSo` reads 谁家 … 这么 without 能.
    NoneSo,
    /// 这价格老板不得哭死吗: "won't … surely"; 舍不得, 怪不得 and their kin hold 不得 by chance.
    Surely,
    /// 主播说谁要黑色扣1 1111: the host's question told, and the viewer's answer to it; 主播说的是几号 and
    /// 主播说一下… ask.
    HostSaid,
    /// 谁家大米这么香: whose could be so good, the answer being this one; with a mark it may ask.
    WhoseSo,
    /// 谁还起得来床: "who could still", a 得 a few characters on; 谁还有货 asks.
    WhoStill,
}

pub(super) const CUES: &[(&str, Cue)] = &[
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
    ("谁能忍", Cue::Idiom),
    ("有必要这么", Cue::Idiom),
    ("有必要那么", Cue::Idiom),
    ("多少年没", Cue::Idiom),
    ("能不爱", Cue::HowNot),
    ("能不喜欢", Cue::HowNot),
    ("能不心动", Cue::HowNot),
    ("能不冲", Cue::HowNot),
    ("能不入", Cue::HowNot),
    ("能不下单", Cue::HowNot),
    ("能不抢", Cue::HowNot),
    ("不爱", Cue::WhoDoesNot),
    ("不喜欢", Cue::WhoDoesNot),
    ("不想", Cue::WhoDoesNot),
    ("不心动", Cue::WhoDoesNot),
    ("不馋", Cue::WhoDoesNot),
    ("不知道", Cue::Wondering),
    ("不晓得", Cue::Wondering),
    ("有你这么", Cue::Idiom),
    ("有你们这么", Cue::Idiom),
    ("哪次不", Cue::Idiom),
    ("哪回不", Cue::Idiom),
    ("哪一次不", Cue::Idiom),
    ("要啥自行车", Cue::Idiom),
    ("要什么自行车", Cue::Idiom),
    ("什么宝藏", Cue::Idiom),
    ("有没有搞错", Cue::Idiom),
    ("有没有天理", Cue::Idiom),
    ("谁还不是", Cue::Idiom),
    ("为什么没早点", Cue::Idiom),
    ("怎么没早点", Cue::Idiom),
    ("咋没早点", Cue::Idiom),
    ("要啥有啥", Cue::Idiom),
    ("要什么有什么", Cue::Idiom),
    ("还等啥", Cue::Idiom),
    ("这能叫", Cue::Idiom),
    ("这也叫", Cue::Idiom),
    ("这也能叫", Cue::Idiom),
    ("这年头", Cue::Idiom),
    ("不香吗", Cue::Idiom),
    ("不香嘛", Cue::Idiom),
    ("几块钱的", Cue::Few),
    ("没多久", Cue::Few),
    ("没多少", Cue::Few),
    ("爸问", Cue::Asked),
    ("妈问", Cue::Asked),
    ("公问", Cue::Asked),
    ("婆问", Cue::Asked),
    ("友问", Cue::Asked),
    ("蜜问", Cue::Asked),
    ("我说", Cue::Unanswered),
    ("客服说", Cue::Unanswered),
    ("哪是", Cue::NoSuch),
    ("谁说", Cue::WhoSays),
    ("谁叫", Cue::Because),
    ("谁让", Cue::Because),
    ("怎么这么", Cue::Admire),
    ("怎么那么", Cue::Admire),
    ("咋这么", Cue::Admire),
    ("咋那么", Cue::Admire),
    ("咋恁", Cue::Admire),
    ("为什么这么", Cue::Admire),
    ("为啥这么", Cue::Admire),
    ("已拍", Cue::Done),
    ("已下单", Cue::Done),
    ("已买", Cue::Done),
    ("我就", Cue::Correlative),
    ("我拍", Cue::Correlative),
    ("我买", Cue::Correlative),
    ("就买", Cue::Correlative),
    ("就拍", Cue::Correlative),
    ("能这么", Cue::NoneSo),
    ("不得", Cue::Surely),
    ("何乐而不为", Cue::Idiom),
    ("多少沾点", Cue::Idiom),
    ("多少有点", Cue::Idiom),
    ("礼貌吗", Cue::Idiom),
    ("哪门子", Cue::Idiom),
    ("要得嘛", Cue::Idiom),
    ("不早点遇到", Cue::Idiom),
    ("不早点刷到", Cue::Idiom),
    ("不早点遇见", Cue::Idiom),
    ("没早点遇见", Cue::Idiom),
    ("没敢说", Cue::Unanswered),
    ("受伤的总是我", Cue::Idiom),
    ("谁家好人", Cue::Idiom),
    ("必须的", Cue::Idiom),
    ("一直问", Cue::Asked),
    ("老问", Cue::Asked),
    ("总问", Cue::Asked),
    ("咋个这么", Cue::Admire),
    ("干嘛这么", Cue::Admire),
    ("吃啥补啥", Cue::Idiom),
    ("想啥来啥", Cue::Idiom),
    ("不会吧不会吧", Cue::Idiom),
    ("谁能想到", Cue::Idiom),
    ("要不是", Cue::Idiom),
    ("留着过年", Cue::Idiom),
    ("可咋整", Cue::Idiom),
    ("哪里哪里", Cue::Idiom),
    ("还想咋样", Cue::Idiom),
    ("还想怎样", Cue::Idiom),
    ("还要怎样", Cue::Idiom),
    ("主播问", Cue::HostSaid),
    ("主播说", Cue::HostSaid),
    ("咋说呢", Cue::Filler),
    ("几靓", Cue::Idiom),
    ("从什么时候开始", Cue::Idiom),
    ("咋能少", Cue::Idiom),
    ("怎么能少", Cue::Idiom),
    ("哪能少", Cue::Idiom),
    ("多少次说", Cue::Idiom),
    ("谁家", Cue::WhoseSo),
    ("谁还", Cue::WhoStill),
];

/// The good qualities `Cue::Admire` marvels at.
pub(super) const ADMIRED: &[&str] = &[
    "好看", "可爱", "漂亮", "美", "好吃", "香", "帅", "便宜", "划算", "好用", "舒服", "甜", "会", "有才", "温柔",
    "好听", "实在", "良心", "靓", "俊",
];

/// Whose liking the viewer wonders about (`Cue::Wondering`): the viewer's own people and pets.
pub(super) const OWN: &[&str] = &[
    "我老公",
    "我老婆",
    "我妈",
    "我爸",
    "我家",
    "我男朋友",
    "我女朋友",
    "我对象",
    "我闺蜜",
    "我儿子",
    "我女儿",
    "我婆婆",
    "我朋友",
    "老公",
    "老婆",
    "宝宝",
    "孩子",
    "家里",
    "家人",
];

/// What they may not like (`Cue::Wondering`).
pub(super) const LIKING: &[&str] =
    &["喜不喜欢", "喜欢不", "爱不爱", "吃不吃", "穿不穿", "用不用", "适应", "习惯", "满意", "会喜欢"];

/// What a viewer settles on after 还是, 算了 or 干脆 (`decides` in mod.rs).
pub(super) const DECISIONS: &[&str] = &[
    "都拍了",
    "全拍了",
    "都买了",
    "全买了",
    "都要了",
    "拍呗",
    "买呗",
    "买吧",
    "拍吧",
    "入吧",
    "冲吧",
    "要吧",
    "下单吧",
    "买了吧",
    "拍了吧",
    "入了吧",
    "算了吧",
    "不买了吧",
    "不买了",
];

pub(super) const TO_DO: &[&str] =
    &["问", "说", "犹豫", "纠结", "想", "怕", "担心", "比", "解释", "吵", "争", "考虑", "等", "装"];

pub(super) fn cues() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| Phrases::new(&CUES.iter().map(|(p, _)| *p).collect::<Vec<_>>(), MatchKind::Standard))
}
