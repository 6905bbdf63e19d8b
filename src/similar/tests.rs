//! The "same question" decision end to end: signatures, the rules above the model and the bar,
//! on the phrasings buyers use.

use super::*;
use crate::tokenize::cut;

fn sig(s: &str) -> Signature {
    let c = crate::clean::clean(s).text.to_lowercase();
    signature(&c, &cut(&c))
}

fn same(a: &str, b: &str) -> bool {
    score(&sig(a), &sig(b)) >= SAME
}

#[test]
fn signature_folds_concepts() {
    let s = sig("3号多少钱?");
    assert_eq!(s.numbers, vec!["3号"]);
    assert_eq!(s.chars, format!("3号{}", concept_char(0)));
    assert_eq!(sig("多少钱").chars, sig("什么价格").chars);
}

#[test]
fn domain_paraphrases_are_the_same_question() {
    assert!(same("多少钱", "什么价格"));
    assert!(same("价格多少", "这个多少钱啊"));
    assert!(same("链接呢", "怎么买"));
    assert!(same("在哪拍", "链接在哪"));
    assert!(same("穿什么码", "多大码"));
    assert!(same("3号多少钱", "三号什么价"));
}

fn same_question(a: &str, b: &str) -> bool {
    let q = |s: &str| {
        let c = crate::clean::clean(s).text.to_lowercase();
        question_signature(&c, &cut(&c), crate::intent::classify(&c))
    };
    let (a, b) = (q(a), q(b));
    score(&a, &b) >= threshold(&a, &b)
}

#[test]
fn a_commerce_intent_names_its_concept() {
    assert!(!same("这个多少", "多少钱"), "the words alone do not say price");
    assert!(same_question("这个多少", "多少钱"));
    assert!(same_question("3号多少", "3号多少钱"));
    assert!(same_question("3号多少码", "3号什么码"));
    assert!(!same_question("3号多少码", "3号多少钱"));
    assert!(!same_question("3号多少", "5号多少"));
    assert!(same_question("怎么下单", "怎么买"));
    // Bargaining at the end of an ask is a promo; 少点 with what to leave out is not.
    assert!(same_question("能少点吗", "能便宜点吗"));
    assert!(same_question("再少点呗", "有优惠吗"));
    assert!(!same_question("能少点糖吗", "能便宜点吗"));
    // The price of the shipping is a shipping ask, apart from the item's price.
    assert!(same_question("运费多少钱", "邮费多少"));
    assert!(same_question("运费多少钱", "快递费几块"));
    assert!(!same_question("运费多少钱", "多少钱"));
    assert!(!same_question("邮费多少钱", "这个多少"));
    // One height or weight in any spelling; different ones are different asks.
    assert!(same_question("我一米六穿多大", "160穿多大"));
    assert!(same_question("1米65穿什么码", "165cm穿什么码"));
    assert!(same_question("一百二十斤穿什么码", "120斤穿什么码"));
    assert!(!same_question("一米六穿什么码", "一米七穿什么码"));
    // Days and seasons differ as numbers do.
    assert!(!same_question("今天发货吗", "明天发货吗"));
    assert!(!same_question("夏天能穿吗", "冬天能穿吗"));
    assert!(same_question("夏天能穿吗", "夏季可以穿吗"));
    // Opposites, sizes in letters and waists in 尺 too; 偏大 and 偏小 ask one thing.
    assert!(!same_question("宽脚能穿吗", "窄脚能穿吗"));
    assert!(!same_question("大号多少钱", "小号多少钱"));
    assert!(same_question("偏大吗", "偏小吗"));
    assert!(!same_question("l码纸尿裤几斤穿", "xl码纸尿裤几斤穿"));
    assert!(!same_question("腰围二尺二穿啥码", "腰围二尺八穿啥码"));
}

#[test]
fn yes_no_is_one_kind() {
    assert!(ASKS[YES_NO].contains(&"吗") && ASKS[YES_NO].contains(&"是不是"));
}

#[test]
fn commerce_paraphrases_are_the_same_question() {
    for (a, b) in [
        ("会起球吗", "会不会起球"),
        ("包邮吗", "包不包邮"),
        ("好用吗", "好不好用"),
        ("是正码吗", "尺码正吗"),
        ("什么时候补货", "什么时候补"),
        ("满多少减", "有满减吗"),
        ("新疆发吗", "新疆能发货吗"),
        ("几号链接", "链接是几号"),
        ("发什么快递", "快递是哪家"),
        ("哪天发货", "什么时候发货"),
        ("几号发货", "什么时候发货"),
        ("几号能到", "什么时候到"),
        ("何时开播", "几点开播"),
        ("几天能收到", "多久到货"),
        ("保质期多久", "保质期多长时间"),
        ("孕妇能用吗", "孕妇可以用不"),
        ("是正品吗", "保真吗"),
        ("有赠品吗", "送什么"),
        ("防水吗", "是防水的吗"),
        ("有没有黑色", "黑色还有吗"),
        ("有木有s码", "有没有s码"),
        ("3号链接多少钱", "三号什么价"),
        ("会掉色吗", "褪色吗"),
        ("还能买吗", "还有货吗"),
        ("怀孕了能用吗", "孕妇能用吗"),
        // An open question is its content (一盒几片 = 一盒多少片), and the asks of 2026-12-02.
        ("一盒几片", "一盒多少片"),
        ("有什么颜色", "颜色有哪些"),
        ("偏大还是偏小", "尺码标准吗"),
        ("可以机洗吗", "能放洗衣机洗吗"),
        ("几天发货", "什么时候发货"),
        ("哪里产的", "产地是哪"),
        ("有小样吗", "有试用装吗"),
        ("很甜吗", "甜不甜"),
        ("这个重吗", "重吗"),
        ("有电池吗", "带电池吗"),
        ("有几种口味", "口味有哪些"),
        ("多长", "长度是多少"),
        ("怎么保存", "如何储存"),
        // The night of 2026-12-02: the item on screen, a concept's own verb, modals before the
        // content, a few characters of circumstance before it, "how" questions.
        ("这件多少钱", "多少钱"),
        ("福袋什么时候", "什么时候开福袋"),
        ("能开发票吗", "发票能开不"),
        ("需要干洗吗", "是不是要干洗"),
        ("是几层", "多少层"),
        ("一共几件", "总共几件"),
        ("掉色吗", "洗了会褪色吗"),
        ("会起球吗", "穿久了起球不"),
        ("会起球吗", "会不会起毛球"),
        ("怎么退货", "退货怎么操作"),
        ("如何退货", "怎么申请退货"),
        ("怎么用", "咋用啊"),
        ("能一起拍吗", "可以合并下单不"),
        ("有电池吗", "送电池吗"),
        ("再讲一下", "能再说一遍吗"),
        ("保修多久", "质保多久"),
        ("能用几次", "用多少次"),
        // Words a buyer swaps (`synonyms.rs`) and the room's address terms.
        ("小朋友能吃吗", "孩子能吃吗"),
        ("会脱妆吗", "会掉妆吗"),
        // Either end of one measure (`aspects.rs`): one answer (持妆一整天, 不脱妆) settles both, as
        // paraphrases_check9 files them.
        ("会持妆吗", "会脱妆吗"),
        ("老人能用吗", "老年人可以用吗"),
        ("宝宝们多少钱", "多少钱"),
        ("老铁们有链接吗", "链接呢"),
    ] {
        assert!(same_question(a, b), "{a} / {b}");
    }
    for (a, b) in [
        ("会起球吗", "会掉色吗"),
        ("什么快递", "几天到"),
        ("3号是正品吗", "5号是正品吗"),
        ("有黑色吗", "有白色吗"),
        ("防水吗", "防晒吗"),
        ("主播身高多少", "主播体重多少"),
        ("去哪里玩", "去玩什么"),
        ("尺码偏大吗", "穿什么码"),
        ("福袋什么时候发", "什么时候发货"),
        ("有优惠吗", "有福袋吗"),
        ("这个是什么天珠", "什么是天珠"),
        // What follows the content changes the ask, and so does a negation before it.
        ("有辐射吗", "辐射大吗"),
        ("能玩这个游戏吗", "能玩这个游戏烈焰吗"),
        ("会逾期吗", "不还会逾期吗"),
        ("重吗", "重要吗"),
        ("怎么退货", "怎么付款"),
        ("什么时候开福袋", "什么时候开播"),
    ] {
        assert!(!same_question(a, b), "{a} / {b}");
    }
}

#[test]
fn different_numbers_and_topics_differ() {
    assert!(!same("3号多少钱", "5号多少钱"));
    assert!(!same("多少钱", "发什么快递"));
    assert!(!same("主播多高", "主播多重"));
    assert!(!same("有没有s码", "多少钱"));
}

#[test]
fn one_aspect_in_other_words_is_one_question() {
    assert!(same("容易皱吗", "穿着会不会皱巴巴"));
    assert!(same("这个厚不厚", "料子薄吗"), "either end of a measure, the fabric named or not");
    assert!(same("有味道吗", "臭不臭"));
    assert!(same("声音大不大", "吵不吵啊"));
    assert!(same("会起球吗", "穿久了起毛球不"));
    // What else a question names stays: another thing, another value, another end of a "how to".
    assert!(!same("猫爱吃吗", "狗爱吃吗"));
    assert!(!same("能去黑头吗", "能去闭口吗"), "two values of one aspect are two asks");
    assert!(!same("含不含酒精", "含不含香精"));
    assert!(!same("声音小怎么办", "声音大怎么办"), "the ends of a measure are one ask in a yes-or-no only");
    assert!(!same("冬天穿冷不冷", "夏天穿冷不冷"));
    assert!(!same("会起球吗", "为什么会起球"));
    assert!(!same("链接呢", "信号呢"));
    // Two aspects are two asks, though one buying intent's lower bar would join them.
    assert!(!same_question("纸尿裤夜里会漏吗", "纸尿裤会勒腿吗"));
}
