//! Quality regressions: hard cases the learned models must keep (negation, sarcasm, questions without
//! ？, jeers, link numbers, live slang). The models' own checks are in tests/models.rs.

use danmu_radar::analysis::analyze;
use danmu_radar::clean::clean;
use danmu_radar::{Comment, intent, similar, tokenize};

/// Polarity, question and intent of one comment, exactly as the engine computes them.
fn read(text: &str) -> (&'static str, bool, Option<&'static str>) {
    let a = analyze(&Comment::text(text));
    (a.polarity.as_str(), a.is_question, a.intent.map(|i| i.as_str()))
}

/// A text's signature as the grouping reads a question: with its intent.
fn sig(text: &str) -> similar::Signature {
    let t = clean(text).text.to_lowercase();
    similar::question_signature(&t, &tokenize::cut(&t), intent::classify(&t))
}

fn same(a: &str, b: &str) -> bool {
    let (a, b) = (sig(a), sig(b));
    similar::score(&a, &b) >= similar::threshold(&a, &b)
}

#[test]
fn unpunctuated_live_questions() {
    for s in [
        "主播多高",
        "链接呢",
        "有没有S码",
        "能便宜点不",
        "还有货吗",
        "几号链接",
        "多少钱",
        "发货了没有",
        "这个怎么用",
        "3号呢",
        "敏感肌能用吗",
        "什么时候发货",
        "啥价",
        "啥价格",
        "卖多少钱",
        // A choice put to the host (question::choice::alternative).
        "偏大还是偏小",
        "要黑色还是白色",
        "165穿m还是l",
    ] {
        assert!(read(s).1, "{s} should be a question");
    }
}

#[test]
fn reactions_and_jeers_are_not_questions() {
    for s in [
        "？？？",
        "?",
        "啊？",
        "你是不是傻",
        "什么鬼",
        "搞什么啊",
        "哈哈哈",
        "主播好",
        "666",
        "[比心]",
        "来了",
        "我还是喜欢你",
        "哪个都好看",
        "什么时候都行",
        "哭有什么用",
        "说这些有什么用",
        "真几把菜",
        "唱个几把 难听",
        "你们懂个几吧",
    ] {
        assert!(!read(s).1, "{s} should not be a question");
    }
}

fn score(text: &str) -> f32 {
    analyze(&Comment::text(text)).score
}

/// Negation read the way the binary protocol reads it: a neutral label counts as the side its score
/// leans to.
#[test]
fn negation_and_degree() {
    assert_eq!(read("好看").0, "pos");
    assert_eq!(read("骗子").0, "neg");
    assert_eq!(read("多少钱").0, "neu");
    assert_eq!(read("不好看").0, "neg");
    assert_eq!(read("质量不好，不推荐").0, "neg");
    for s in ["不是很好", "不是很好看", "不太满意", "一点都不好用"] {
        assert!(score(s) < 0.0 && read(s).0 != "pos", "{s}: {}", score(s));
    }
    for s in ["没有不满意", "不是不好"] {
        assert!(score(s) > 0.0 && read(s).0 != "neg", "{s}: {}", score(s));
    }
}

#[test]
fn live_slang_and_stickers() {
    // 牛逼 is one word (jieba alone cuts 牛 / 逼, and 逼 reads as an insult).
    for s in ["绝绝子", "yyds", "[比心][比心]", "太好看了吧", "爱了爱了", "太牛逼了"] {
        assert_eq!(read(s).0, "pos", "{s}");
    }
    // A viewer's own bad day counts as negative, as the labelled rooms have it.
    for s in ["踩雷了", "智商税", "又是套路，骗人的", "失恋了", "扎心了", "心态炸了", "买不起"]
    {
        assert_eq!(read(s).0, "neg", "{s}");
    }
    for s in ["来了", "3号", "主播晚上好", "刚来"] {
        assert_eq!(read(s).0, "neu", "{s}");
    }
}

/// Order complaints (src/complaints.rs) that the models, trained on reviews and chatting rooms, read as
/// neutral: the mood turns with them. Negated or asked, they are no complaint; mixed with praise in a
/// review, the models' praise stands.
#[test]
fn order_complaints_turn_the_mood() {
    for s in [
        "割韭菜",
        "骗子吧",
        "客服不理人",
        "等了一个星期还没到",
        "色差严重",
        "收到是坏的",
        "别买",
        "洗一次就变形了",
        "链接打不开",
        "下单不了",
        "声音太小了",
        "画面模糊",
        "再也不买了",
        "不会再买了",
        "质量一般",
        "效果一般般",
        "一般般吧",
        "不怎么样",
        "别割韭菜了",
        "不要骗人",
    ] {
        assert_eq!(read(s).0, "neg", "{s}");
        assert!(score(s) < 0.0, "{s}: {}", score(s));
    }
    for s in [
        "没有掉色",
        "不是骗子",
        "会掉色吗",
        "会起球吗",
        "6块钱你买不了吃亏买不了上当",
        "后面柜子变形了",
        "再也不买别家的了",
        "别难过",
    ] {
        assert_ne!(read(s).0, "neg", "{s}");
    }
    // An A-not-A question is no negation: 会不会掉色 worries, it does not praise.
    for s in ["会不会掉色", "会不会起球"] {
        assert_ne!(read(s).0, "pos", "{s}");
    }
    assert_eq!(read("物流太慢了，但是质量很好，喜欢").0, "pos");
}

/// Buying-room praise the models read backwards (src/praise.rs: 后悔 and 亏 are regret in reviews).
#[test]
fn buying_room_praise_is_positive() {
    for s in ["不买后悔", "不买亏了", "闭眼入", "太值了", "必须拿下", "已经第三次买了", "回购好几次了", "讲解很详细"]
    {
        assert_eq!(read(s).0, "pos", "{s}");
        assert!(score(s) > 0.0, "{s}: {}", score(s));
    }
    for s in ["买了后悔", "后悔买了", "太坑了", "上当了"] {
        assert_eq!(read(s).0, "neg", "{s}");
    }
}

/// Sarcastic jeers shaped like questions (src/jeers.rs): never a hot question, always the mood turning.
#[test]
fn sarcastic_jeers_are_negative_and_ask_nothing() {
    for s in ["这不是涨价?当我们傻?", "骗谁呢", "谁买谁傻", "就这？", "这也叫优惠？", "鬼才信"]
    {
        assert_eq!(read(s), ("neg", false, None), "{s}");
    }
    // Their look-alikes still ask.
    for s in ["就这个多少钱", "这个也叫福袋吗"] {
        assert!(read(s).1, "{s} should be a question");
    }
}

#[test]
fn sarcasm_markers_are_not_praise() {
    for s in ["呵呵，真是好质量", "好得很，穿一次就坏了"] {
        assert_ne!(read(s).0, "pos", "{s}");
    }
}

#[test]
fn intent_tags() {
    for (s, want) in [
        ("3号链接多少钱", "price"),
        ("链接呢", "link"),
        ("有没有s码", "size_fit"),
        ("还有货吗", "stock"),
        ("能便宜点不", "promo"),
        ("发什么快递", "shipping"),
        ("有运费险吗", "after_sale"),
        ("敏感肌能用吗", "usage"),
        ("什么材质", "product_info"),
        ("没收到货怎么办", "shipping"),
        ("少发了一个怎么办", "after_sale"),
        ("主播多高", "host_personal"),
        // Items compared, and what one is for (question::rules: compares_items, asks_what_item_is_for).
        ("这两个有什么区别", "product_info"),
        ("1号和2号有啥不同", "product_info"),
        ("这个有什么用", "usage"),
        ("这款精华有什么功效", "usage"),
        // The third round of intent phrases.
        ("今天有什么福利", "promo"),
        ("拍了怎么还没发", "shipping"),
        ("可以改地址吗", "after_sale"),
        ("这个套装包括什么", "product_info"),
        ("冰箱要放吗", "usage"),
        ("这个跟那个哪个好", "product_info"),
        // Live-commerce asks the labelled chat rooms lacked (intent_rules.txt, last lines).
        ("这个多少", "price"),
        ("3号多少", "price"),
        ("3号多少码", "size_fit"),
        ("我165穿多大", "size_fit"),
        ("还有l吗", "size_fit"),
        ("有没有黑色", "product_info"),
        ("这个质量怎么样", "product_info"),
        ("是正品吗", "product_info"),
        ("今天拍明天能到吗", "shipping"),
        ("一天吃几粒", "usage"),
        ("怎么下单", "link"),
        ("为什么付不了款", "link"),
        ("什么时候返场", "stock"),
        ("要黑色还是白色", "product_info"),
        ("要大的还是小的", "size_fit"),
        ("穿m码还是l码", "size_fit"),
        ("穿m还是l", "size_fit"),
        ("会不会起球", "product_info"),
        ("是正码吗", "size_fit"),
        ("能水洗吗", "usage"),
        ("新疆发吗", "shipping"),
        ("不合适能换吗", "after_sale"),
        ("满多少减", "promo"),
        ("蓝色什么时候补", "stock"),
        ("能看下细节吗", "request"),
        ("今天发还是明天发", "shipping"),
    ] {
        assert_eq!(read(s).2, Some(want), "{s}");
    }
}

#[test]
fn domain_paraphrases_are_the_same_question() {
    for (a, b) in [
        ("多少钱", "什么价格"),
        ("价格多少", "这个多少钱啊"),
        ("链接呢", "怎么买"),
        ("在哪拍", "链接在哪"),
        ("穿什么码", "多大码"),
        ("3号多少钱", "三号什么价"),
        ("多少钱", "卖多少钱"),
        ("多少钱", "啥价"),
        // A sticker or emoji says how, not what.
        ("多少钱", "价格多少 😂"),
        ("多少钱呀 😂", "这个多少钱[捂脸]"),
        // No content word: the form says the concept (这个多少 asks the price).
        ("这个多少", "多少钱"),
        ("3号多少", "三号什么价"),
        ("3号多少码", "3号穿什么码"),
        ("怎么下单", "怎么买"),
        // Fourth round of the concept lists (tests/data/commerce/README.md).
        ("这个多少钱", "这个卖多少"),
        ("这款什么价格", "价格是多少"),
        ("160穿什么码", "160的穿几码"),
        ("走什么快递", "用的什么快递"),
        ("小孩能吃吗", "孩子可以吃吗"),
        ("胖子能穿吗", "微胖可以穿吗"),
        ("能便宜点吗", "便宜点呗"),
    ] {
        assert!(same(a, b), "{a} ~ {b}");
    }
}

#[test]
fn different_numbers_and_topics_differ() {
    for (a, b) in [
        ("3号多少钱", "5号多少钱"),
        ("3号链接", "5号链接"),
        ("多少钱", "发什么快递"),
        ("主播多高", "主播多重"),
        ("有没有s码", "多少钱"),
        ("3号多少码", "3号多少钱"),
        ("这个多少", "有黑色吗"),
    ] {
        assert!(!same(a, b), "{a} ≁ {b}");
    }
}

/// English rooms (TikTok LIVE, YouTube, Twitch): questions by form, intents by phrase, mood by lexicon.
#[test]
fn english_comments_are_read() {
    for (s, intent) in [
        ("How much is this?", "price"),
        ("link please", "link"),
        ("do you ship to canada", "shipping"),
        ("is it true to size", "size_fit"),
        ("restock when", "stock"),
        ("what's your name", "host_personal"),
        ("is shipping free", "shipping"),
        ("show the back", "request"),
        ("will the color fade", "product_info"),
        ("is it ok for oily skin", "usage"),
        ("is this the last one", "stock"),
    ] {
        assert!(read(s).1, "{s}");
        assert_eq!(read(s).2, Some(intent), "{s}");
        assert_eq!(read(s).0, "neu", "{s}");
    }
    for s in ["love it", "what a beautiful dress", "What is love  +1", "hello from brazil", "lol"] {
        assert!(!read(s).1, "{s}");
    }
    for (s, mood) in
        [("love it", "pos"), ("so cute", "pos"), ("this is a scam", "neg"), ("not worth it", "neg"), ("not bad", "pos")]
    {
        assert_eq!(read(s).0, mood, "{s}");
    }
}

/// English selling rooms: what viewers ask and what they only say (tests/data/english, written by
/// us: checks, not evidence).
#[test]
fn english_live_shopping_questions() {
    for file in ["tests/data/english/dev.tsv", "tests/data/english/check.tsv"] {
        let text = std::fs::read_to_string(file).unwrap();
        let wrong: Vec<&str> = text
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .filter(|(t, q)| read(t).1 != (*q == "1"))
            .map(|(t, _)| t)
            .collect();
        assert!(wrong.is_empty(), "{file}: read wrongly: {wrong:?}");
    }
}

/// English selling rooms' mood, by the lexicon alone (tests/data/english, written by us). Accuracy
/// when written: 0.974 (dev) and 0.900 (check, untouched until then).
#[test]
fn english_live_shopping_mood() {
    for (file, floor) in [("tests/data/english/mood_dev.tsv", 0.95), ("tests/data/english/mood_check.tsv", 0.875)] {
        let text = std::fs::read_to_string(file).unwrap();
        let rows: Vec<(&str, &str)> = text.lines().skip(1).filter_map(|l| l.split_once('\t')).collect();
        let wrong: Vec<&str> = rows.iter().filter(|(t, m)| read(t).0 != *m).map(|(t, _)| *t).collect();
        let accuracy = 1.0 - wrong.len() as f64 / rows.len() as f64;
        assert!(accuracy >= floor, "{file}: accuracy {accuracy:.3} < {floor}: {wrong:?}");
    }
}

/// English selling rooms' paraphrases (tests/data/english, written by us): one line, one ask.
/// Found now: 0.933 (dev), 1.000 (check to check4), 0.900 (check5); none joined across lines.
/// Each check set was measured once untouched before its misses were read: see their README.
#[test]
fn english_paraphrases_group() {
    for set in ["dev", "check", "check2", "check3", "check4", "check5"] {
        let file = format!("tests/data/english/paraphrases_{set}.txt");
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<Vec<&str>> =
            text.lines().filter(|l| !l.trim().is_empty()).map(|l| l.trim().split('|').collect()).collect();
        let (mut pairs, mut found) = (0, 0);
        for (i, line) in lines.iter().enumerate() {
            for (j, a) in line.iter().enumerate() {
                for b in &line[j + 1..] {
                    pairs += 1;
                    found += same(a, b) as usize;
                }
                for other in &lines[i + 1..] {
                    for b in other {
                        assert!(!same(a, b), "{file}: {a} | {b} joined");
                    }
                }
            }
        }
        assert!(found as f64 >= 0.9 * pairs as f64, "{file}: {found} of {pairs} same-question pairs found");
    }
}
