//! Is a comment a question? Live questions are short and mostly unpunctuated (主播多高, 链接呢,
//! 有没有S码, 能便宜点不), while many comments with ? or 什么 are reactions (？？？, 什么鬼).
//!
//! A logistic model (`data/question.bin`, trained by `scripts/train/` on the labelled Douyin dev
//! streamers) weighs the hand-written signals of `rules` together with character n-grams and tokens:
//! the signals say what a question looks like, the n-grams learn the exceptions (你是学生啊 asks,
//! 怎么可以这么美 does not). Two cases never reach the model because LABELLING.md fixes them: nothing
//! but marks/stickers (？？？) and a lone interjection with a mark (啊?).
//! The detector reads the cleaned text and its tokens; it never sees stopword-filtered text.

pub mod choice;
pub mod ending;
mod english;
mod named;
pub mod overrule;
mod rhetoric;
pub mod rules;
mod tags;

use crate::sentiment::linear::{Common, Hasher, MAX_OUTPUTS, Model, Ns, char_ngrams, id};
use crate::tokenize::is_alnum;
use named::{Found, Named};
use std::sync::OnceLock;

pub(crate) fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| Model::parse("question.bin", include_bytes!("../data/question.bin")))
}

/// Final particles and tags whose position in the sentence says a lot (吗 at the end asks; 吗 before a
/// vocative — 有用吗姜姜 — asks too).
const PARTICLES: &[char] = &['吗', '嘛', '呢', '么', '吧', '啊', '呀', '哦', '不', '没', '伐', '莫', '哈', '啦'];

fn rule_id(code: u64) -> u32 {
    Hasher::new(Ns::Rule).feed(code).id()
}

/// Emits the question model's features. `core` is `ending::core(text)`, non-empty.
pub fn sparse(text: &str, core: &str, tokens: &[&str], emit: &mut impl FnMut(u32)) {
    sparse_with(text, core, ending::without_vocative(core), tokens, &Common::of(text, tokens), true, emit);
}

/// `sparse` from the comment's `Common` ids (the text's n-grams serve when the core is the text);
/// returns whether the former rule-only detector (`rules::rule_marked`) calls the core, or the core
/// without a trailing address term or laughter, a question (it reads both on the way), and the named
/// phrases of the core.
/// Without `shared`, the `Common` ids among them are left out (the engine has their weights summed
/// already, `Common::sums`).
fn sparse_with(
    text: &str,
    core: &str,
    end: &str,
    tokens: &[&str],
    common: &Common,
    shared: bool,
    emit: &mut impl FnMut(u32),
) -> (bool, Found) {
    if core.len() != text.len() {
        char_ngrams(core, emit);
    } else if shared {
        common.ngrams().iter().for_each(|&i| emit(i));
    }
    if shared {
        common.tokens().iter().for_each(|&i| emit(i));
    }
    let mut wh_at = None;
    for (i, &t) in tokens.iter().enumerate() {
        if let Some(w) = rules::wh_word(t, tokens.get(i + 1).copied()) {
            emit(Hasher::new(Ns::Rule).feed(5000 + w as u64).id());
            wh_at.get_or_insert(i);
        }
    }
    if let Some(first) = tokens.first() {
        emit(id(Ns::First, first));
    }
    // The last real token (not punctuation or a sticker) and the last characters of the core.
    if let Some(last) = tokens.iter().rev().find(|t| core.ends_with(**t)) {
        emit(id(Ns::Last, last));
    }
    if end.len() != core.len() {
        emit(rule_id(60));
    }
    let mut rev = end.chars().rev().map(ending::simplified);
    let (last, before) = (rev.next().unwrap_or(' '), rev.next().unwrap_or(' '));
    emit(Hasher::new(Ns::Last).feed(last as u64).id());
    emit(Hasher::new(Ns::Last).feed(before as u64).feed(last as u64).id());

    let content = core.chars().filter(|&c| is_alnum(c)).count();
    let has_mark = text.contains('?');
    emit(rule_id(1 + has_mark as u64));
    emit(rule_id(10 + content.min(12) as u64));
    // Which jeers the core holds, found once: the ids, and `Marks::not_asking` from the same scan.
    let mut not_asking = false;
    let jeers = rules::not_asking();
    if jeers.may_match_in(common.pairs()) {
        for m in jeers.automaton().find_iter(core) {
            emit(rule_id(100 + m.pattern().as_u64()));
            not_asking = true;
        }
    }
    let core_marks = rules::Marks::found(core, wh_at.is_some(), not_asking, common.pairs());
    let end_marks = if end.len() == core.len() { core_marks } else { rules::Marks::of(end, wh_at.is_some()) };
    let found = named::Found::of(core);
    let core_rule = rules::rule_marked(text, core, core_marks, &found);
    let end_rule = if end.len() == core.len() { core_rule } else { rules::rule_marked(text, end, end_marks, &found) };
    emit(rule_id(30 + core_rule as u64));
    emit(rule_id(32 + end_rule as u64));
    emit(rule_id(40 + core_marks.a_not_a as u64));
    if let Some(i) = wh_at {
        // A question word first, last or in the middle (谁叫你 / 你爱我像谁 / 你多大了).
        emit(rule_id(50 + (i == 0) as u64 + 2 * (i + 1 == tokens.len()) as u64));
    }
    // A particle near the end with only a few characters after it: 有用吗姜姜, 刚播吗姐.
    if let Some((k, c)) =
        core.chars().rev().take(5).map(ending::simplified).enumerate().find(|(_, c)| PARTICLES.contains(c))
    {
        emit(Hasher::new(Ns::Rule).feed(200 + k as u64).feed(c as u64).id());
    }
    use named::Named::*;
    for (code, phrase) in [(300, HaiShi), (301, QingWen), (302, ZheMe), (303, NaMe), (304, Ni), (305, ZhuBo)] {
        if found.within(phrase, core.len()) {
            emit(rule_id(code));
        }
    }
    // Pairs of coarse signals: a linear model cannot see that 不…吗 is rhetorical while 吗 alone asks,
    // or that 吧 after a suggestion (唱首歌吧) differs from 吧 after a guess about you (你是广西的吧).
    let bits = rules::signals(text, end, tokens, core_marks.wh, content, end_marks, &found);
    let set = |from: usize| (from..rules::SIGNALS).filter(move |&k| bits >> k & 1 == 1);
    for i in set(0) {
        for j in set(i + 1) {
            emit(rule_id(1000 + (i * rules::SIGNALS + j) as u64));
        }
    }
    (core_rule || end_rule, found)
}

/// The detector. `text` is cleaned and lower-cased (see `clean`), `tokens` its tokens.
pub fn is_question(text: &str, tokens: &[&str]) -> bool {
    is_question_with(text, ending::core(text), tokens, &Common::of(text, tokens))
}

/// `is_question` from what the engine reads once per comment for every reader: `core`
/// (`ending::core(text)`) and the `Common` ids.
pub fn is_question_with(text: &str, core: &str, tokens: &[&str], common: &Common) -> bool {
    // The model learned from Chinese rooms; English asks by its form (`english.rs`).
    if english::is_english(text) {
        return english::asks(text);
    }
    let end = ending::without_vocative(core);
    let Some((l, rule, found)) = logit_with(text, core, end, tokens, common) else { return false };
    // A shopping ask in question form (啥价, 链接呢, 有货吗, 有链接不小姐姐) is a question even where the
    // model, which learned mostly from chat, hesitates: these are the questions a seller's room is for;
    // so is a choice put to the host (偏大还是偏小), which the chat rooms hold too few of to learn, and
    // an ask about an item pointed at (刚才那个呢), what it is for (这个有什么用) or how two differ
    // (这两个有什么区别), and "where did … go" (马牛逼去哪了). A question word that says "any" (哪个都好看)
    // asks nothing, whatever the model learned from the few the chat rooms hold; nor does a "not even"
    // ending (运费险都没有), whatever shopping word it names. Nor does a question passed on to someone
    // else (问他走不走), or a number alone (1717171717: a vote or a flood).
    if overrule::says_not_even(text, core) || overrule::just_a_number(text, core) {
        return false;
    }
    let asks = (l > 0.0 && !overrule::says_any(text, core, common.pairs()) && !overrule::relays_a_question(text, core))
        || (rule && (crate::intent::commerce(text).is_some() || overrule::asks_about_item(core)))
        || choice::alternative(text)
        || overrule::asks_what_item_is_for(core)
        || found.within(Named::YouJi, core.len()) && overrule::asks_how_many_kinds(core)
        || found.within(Named::YouWu, core.len()) && overrule::asks_with_you_wu(core)
        || overrule::compares_items(core, common.pairs())
        || tags::seeks_confirmation(end)
        || tags::asks_where_gone(end)
        || tags::ends_a_not_a(end)
        || tags::ends_wu_particle(end)
        || tags::ends_neg_with_dialect_particle(end)
        || tags::guess_with_mark(text);
    // Whatever made it look like one, a rhetorical question, a "whatever" clause or a reported ask
    // expects no answer (至于吗, 多少钱都买, 我问客服几天发货 客服不回).
    asks && !rhetoric::expects_no_answer(text, core, common.pairs())
}

/// The model's log-odds that the comment asks something; `None` when the rules settle it (no words,
/// or a bare interjection).
pub fn logit(text: &str, tokens: &[&str]) -> Option<f32> {
    let core = ending::core(text);
    logit_with(text, core, ending::without_vocative(core), tokens, &Common::of(text, tokens)).map(|(l, ..)| l)
}

/// `logit`, whether the rule-only detector calls it a question, and the named phrases of the core;
/// `core` is `ending::core(text)`.
fn logit_with(text: &str, core: &str, end: &str, tokens: &[&str], common: &Common) -> Option<(f32, bool, Found)> {
    if !core.chars().any(is_alnum) || ending::only_interjections(core) {
        return None;
    }
    let m = model();
    let mut acc = [0i32; MAX_OUTPUTS];
    let sums = common.sums();
    acc[0] = sums.question_tokens + if core.len() == text.len() { sums.question_ngrams } else { 0 };
    let (rule, found) = sparse_with(text, core, end, tokens, common, false, &mut |i| m.add(i, &mut acc));
    Some((m.logits(&acc, &[])[0], rule, found))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::cut;

    fn q(s: &str) -> bool {
        let c = crate::clean::clean(s).text.to_lowercase();
        is_question(&c, &cut(&c))
    }

    #[test]
    fn core_strips_stickers_marks_and_emoji() {
        assert_eq!(ending::core("[比心]链接呢?[比心]"), "链接呢");
        assert_eq!(ending::core("??"), "");
        assert_eq!(ending::core("好看😍!"), "好看");
        assert_eq!(ending::without_vocative("有用吗姐姐"), "有用吗");
        assert_eq!(ending::without_vocative("姐姐"), "姐姐");
        assert_eq!(ending::without_vocative("有链接吗哈哈哈"), "有链接吗");
        assert_eq!(ending::without_vocative("哈哈哈"), "哈哈哈");
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
            "衣服链接",
            "这个怎么用",
            // A shopping ask with an address term or laughter after it.
            "有链接不小姐姐",
            "还有货吗哈哈哈",
            // How expensive or thick, what it is for, and choices: forms the chat rooms rarely hold.
            "多贵",
            "这个有多厚",
            "这是干嘛用的",
            "好用还是不好用",
            "是纯棉还是化纤",
            // Question words in written or dialect form.
            "何时发货",
            "为嘛不理我",
            // An item pointed at, then 呢.
            "刚才那个呢",
            "之前那个呢",
            "黑色那件呢",
            "上一款呢",
            // A guess put to the host to confirm, an A-not-A ending, a mark after 吧.
            "这个不会掉色吧",
            "包邮对吧",
            "你坐不坐",
            "能用多久吧?",
        ] {
            assert!(q(s), "{s} should be a question");
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
            "哈哈哈",
            "主播好",
            "666",
            "[比心]",
            "来了",
            "她多美",
            "多好",
            // Asking for the link is a request (衣服链接 asks where to buy).
            "求链接",
            "快上链接",
            "主播发个链接",
        ] {
            assert!(!q(s), "{s} should not be a question");
        }
    }
}
