//! Endings that ask whatever the question model says: a tag after a guess (黑粉是吧, 不会是23吧), an
//! A-not-A choice (你坐不坐), 吧 with a question mark (要3个月吧?), "where did … go" (去哪了), and the
//! regional particles of a yes-or-no ask (偏小伐, 还有货没嘞, 还有莫得). Each
//! reads the sentence's end (`ending::without_vocative` of the core) or the text; `mod.rs` applies them.

use super::rules::find;

/// Tags that ask the host to confirm a guess (LABELLING.md: "A-not-A and tag forms"): 黑粉是吧,
/// 小衣服是白色的对吧, 右手没事吧, 她不知道吧. Each needs a guess before it: alone, 是吧 and 对吧 answer
/// someone. 就是吧, 还是吧, 也是吧 and 不是吧 are a filler, a choice, a musing and "no way!"; in 没人反对吧
/// and 绝对吧, 对 ends a word.
const CONFIRM: &[&str] = &["是吧", "对吧", "没事吧", "还好吧", "没问题吧", "不知道吧"];

/// Whether `end` (`ending::without_vocative` of the core) ends in a tag that asks for a
/// confirmation (`CONFIRM`), or is a guess framed by 不会…吧 (阿龙不会是23吧, 该不会是东北的吧):
/// 不会吧 alone is an exclamation.
pub fn seeks_confirmation(end: &str) -> bool {
    let end = end.trim_end_matches(['啊', '呀', '哦', '，', ',']);
    let Some(guess) = end.strip_suffix('吧') else { return false };
    let guessed = |(tag, before): (&str, &str)| {
        let filler = before.ends_with(['就', '还', '也', '不', '算', '可', '总', '倒']);
        let in_a_word = tag == "对吧" && before.ends_with(['反', '绝', '相', '面', '针', '应', '核', '配', '敌', '作']);
        !before.is_empty() && !filler && !in_a_word
    };
    let tagged = CONFIRM.iter().find_map(|t| end.strip_suffix(t).map(|before| (*t, before))).is_some_and(guessed);
    tagged || guess.rfind("不会").is_some_and(|at| guess[at + "不会".len()..].chars().count() >= 2)
}

/// 伐, the 吗 of Shanghai and Zhejiang, ends a buyer's yes-or-no question (鞋子偏小伐, 明天能到伐);
/// the chat rooms the model learned from hold almost none. Not the end of a word (步伐, 砍伐), and
/// not after fewer than two characters.
pub fn ends_wu_particle(end: &str) -> bool {
    const WORDS: &[&str] = &["步伐", "砍伐", "征伐", "讨伐", "采伐", "杀伐", "北伐", "东征西伐"];
    end.strip_suffix('伐').is_some_and(|before| before.chars().count() >= 2) && !WORDS.iter().any(|w| end.ends_with(w))
}

/// 还有货没嘞, 能便宜不撒: a yes-or-no ending (没, 不) and then a southwestern particle (嘞, 撒, 噻, 咧)
/// asks as 没 and 不 alone do; 撒 after an order (上个链接撒) asks nothing. At least two characters
/// before the 没 or 不. So does 有…莫得 (还有莫得, 乐高还有没得).
pub fn ends_neg_with_dialect_particle(end: &str) -> bool {
    let after_neg = end
        .strip_suffix(['嘞', '撒', '噻', '咧'])
        .and_then(|e| e.strip_suffix(['没', '不']))
        .is_some_and(|before| before.chars().count() >= 2 && !before.ends_with(['不', '没', '都', '也', '还']));
    // 还有莫得, 有没得: the southwest's 有没有, split around what is asked for (这个米有莫得).
    after_neg || end.strip_suffix("莫得").or_else(|| end.strip_suffix("没得")).is_some_and(|b| b.contains('有'))
}

/// Whether `end` (`ending::without_vocative` of the core) ends in an A-not-A choice (玩不玩, 你坐不坐,
/// 喜不喜欢, 尴不尴尬): the host is asked to pick. Left to the model: 好不好, which mostly insists
/// (不要这样好不好), 是不是 and 有没有, which also jeer (你是不是傻) and call the roll (校友有没有). Not
/// one reported or conceded (问他走不走, 不管你开不开), nor a phrase said twice (不要不要的, 不洗了不洗了).
pub fn ends_a_not_a(end: &str) -> bool {
    // The last six characters before trailing particles, newest first; blanks past the start match
    // nothing below. Most comments are settled by the 2nd and 3rd of them.
    let mut chars = end.chars().rev().skip_while(|c| matches!(c, '啊' | '呀' | '呢' | '嘛'));
    let mut c = [' '; 6];
    chars.by_ref().zip(c.iter_mut()).take(3).for_each(|(ch, slot)| *slot = ch);
    let neg = |c: char| c == '不' || c == '没';
    if !neg(c[1]) && c[2] != '不' {
        return false;
    }
    chars.zip(c[3..].iter_mut()).for_each(|(ch, slot)| *slot = ch);
    let word = |c: char| !neg(c) && !c.is_ascii() && !"好是有了的呢吧啊呀嘛".contains(c);
    let a_not_a = neg(c[1]) && c[0] == c[2] && word(c[0]) && !neg(c[3]);
    let a_not_ab = c[2] == '不' && c[1] == c[3] && word(c[1]) && word(c[0]) && !neg(c[4]);
    let ab_not_ab = c[2] == '不' && c[0] == c[3] && c[1] == c[4] && word(c[1]) && word(c[0]) && !neg(c[5]);
    (a_not_a || a_not_ab || ab_not_ab) && !["问", "不管", "无论", "管他"].iter().any(|w| end.contains(w))
}

/// Whether a guess ends in 吧 and a question mark (16级要3个月吧?, 我帮你擦掉吧?): the mark turns the
/// guess or the offer into a question. `text` is cleaned (？ is ?). 太…了吧? exclaims (也太秀了吧?).
pub fn guess_with_mark(text: &str) -> bool {
    // Most comments hold no question mark: one byte scan settles them.
    text.as_bytes().contains(&b'?')
        && find(text, "吧?").is_some_and(|at| !(text[..at].ends_with('了') && text[..at].contains('太')))
}

/// "Where did … go": every labelled comment that ends so asks (去哪了, 55开去哪了, 谁知道马牛逼去哪了),
/// but a name before it can pull the model under its line (马牛逼 is a nickname, 牛逼 mostly a cheer).
const GONE: &[&str] = &["去哪了", "去哪儿了", "去哪里了", "哪去了", "哪儿去了", "跑哪了", "跑哪儿了"];

/// Whether `end` (`ending::without_vocative` of the core) asks where someone or something went.
pub fn asks_where_gone(end: &str) -> bool {
    let end = end.trim_end_matches(['啊', '呀', '呢', '嘛']);
    // Most comments do not end in 了: one comparison settles them.
    end.ends_with('了') && GONE.iter().any(|g| end.ends_with(g))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_yes_or_no_ending_before_a_southwestern_particle() {
        for s in ["还有货没嘞", "能便宜不撒", "发顺丰不噻", "嘞个米还有莫得", "乐高千年隼还有没得"]
        {
            assert!(ends_neg_with_dialect_particle(s), "{s}");
        }
        for s in ["上个链接撒", "没嘞", "好不撒", "我也不撒", "还没嘞", "舍不得", "莫得"] {
            assert!(!ends_neg_with_dialect_particle(s), "{s}");
        }
    }

    #[test]
    fn wu_particle_asks_but_not_inside_a_word() {
        for s in ["鞋子偏小伐", "今天下单明天能到伐", "好伐"] {
            assert_eq!(ends_wu_particle(s), s != "好伐", "{s}");
        }
        for s in ["摩擦摩擦似魔鬼的步伐", "树都被砍伐", "伐"] {
            assert!(!ends_wu_particle(s), "{s}");
        }
    }

    #[test]
    fn where_did_it_go() {
        for s in ["去哪了", "马牛逼去哪了", "主播跑哪儿了", "5号链接哪去了呢", "蛋总去哪里了啊"]
        {
            assert!(asks_where_gone(s), "{s}");
        }
        for s in ["去哪", "我去了", "哪去了解", "我们去哪玩"] {
            assert!(!asks_where_gone(s), "{s}");
        }
    }

    #[test]
    fn tags_that_ask_for_a_confirmation() {
        for s in [
            "黑粉是吧",
            "小衣服是白色的对吧",
            "右手没事吧",
            "光光颈椎还好吧",
            "她不知道吧",
            "阿龙不会是23吧，",
            "你该不会是东北的吧",
            "土豆没有权限是吧",
        ] {
            assert!(seeks_confirmation(s), "{s}");
        }
        for s in [
            "好吧",
            "是吧",
            "就是吧",
            "也是吧",
            "不是吧",
            "不会吧",
            "唱首歌吧",
            "随便吧",
            "知道吧",
            "几百吧",
            "还是吧",
            "没人反对吧",
        ] {
            assert!(!seeks_confirmation(s), "{s}");
        }
    }

    #[test]
    fn an_a_not_a_ending_asks_to_pick() {
        for s in ["玩不玩", "我有z4你坐不坐", "你去不去呀", "喜不喜欢", "唱的是大眠对不对", "又没车，尴不尴尬"]
        {
            assert!(ends_a_not_a(s), "{s}");
        }
        for s in [
            "不要这样好不好",
            "问他走不走",
            "不疼不疼",
            "能不能遇见小鬼",
            "不不不",
            "差不多",
            "你是不是傻",
            "校友有没有",
            "菜的不要不要的",
            "不洗了不洗了",
            "不管你开不开",
            "就知道骚不骚了",
        ] {
            assert!(!ends_a_not_a(s), "{s}");
        }
    }

    #[test]
    fn a_guess_with_a_mark() {
        for s in ["16级要3个月吧?", "我帮你擦掉吧?", "开玩笑呢吧?"] {
            assert!(guess_with_mark(s), "{s}");
        }
        for s in ["唱首歌吧", "几百吧", "这头像也太秀了吧??"] {
            assert!(!guess_with_mark(s), "{s}");
        }
    }
}
