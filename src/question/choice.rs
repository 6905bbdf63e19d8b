//! Choice questions put to the host. Not a signal of the learned detector (`rules.rs`): the
//! detector's answer is overruled when a comment offers a choice, which the labelled chat rooms hold
//! too few of for the model to learn.

use super::rules::find;

/// Alternative questions, X还是Y with X and Y parallel (偏大还是偏小, 黑色还是白色, 要大的还是小的,
/// 进口的还是国产的): they ask the host to pick one, and the labelled chat rooms hold too few for the
/// model to learn them. Between parts that are not parallel, 还是 means "still" or "had better"
/// (我还是喜欢你, 今天还是很开心, 还是算了) and asks nothing. Parallel: for some k ≥ 2, the last k
/// characters before 还是 and the first k after it start or end alike without being the same; or
/// both parts are sizes or numbers in Latin letters and digits (穿m还是l, 1还是2).
/// Two forms are alternatives whatever the parts: A还是不A (好用还是不好用, 去还是没去), and 是X还是Y
/// (是真皮还是人造革, 这是道歉还是骂人), the textbook alternative question, unless Y opens with a word
/// that makes 还是 "still" (我是真的还是很喜欢你) or 是 belongs to a conjunction or adverb (就是,
/// 但是, 还是, 总是…).
pub fn alternative(text: &str) -> bool {
    // Runs for every comment that is not already a question: `find`, not `str::find`.
    let Some(i) = find(text, "还是") else { return false };
    let x: Vec<char> = text[..i].chars().collect();
    let y: Vec<char> = text[i + "还是".len()..].chars().take(6).collect();
    let latin = |run: &mut dyn Iterator<Item = &char>| run.take_while(|c| c.is_ascii_alphanumeric()).count();
    let (a, b) = (latin(&mut x.iter().rev()), latin(&mut y.iter()));
    if (1..=4).contains(&a) && (1..=4).contains(&b) && x[x.len() - a..] != y[..b] {
        return true;
    }
    (2..=x.len().min(y.len()).min(4)).any(|k| {
        let (a, b) = (&x[x.len() - k..], &y[..k]);
        a != b && (a[0] == b[0] || a[k - 1] == b[k - 1])
    }) || a_or_not_a(&x, &y)
        || is_x_or_y(&x, &y)
}

/// 好用还是不好用: Y is 不 or 没 and then X's last characters.
fn a_or_not_a(x: &[char], y: &[char]) -> bool {
    matches!(y.first(), Some('不' | '没'))
        && (1..=x.len().min(y.len() - 1).min(4)).any(|k| x[x.len() - k..] == y[1..=k])
}

/// Words before 是 that make it part of a conjunction or an adverb, not the verb "to be".
const NOT_THE_VERB: &[char] = &[
    '就', '但', '可', '真', '总', '只', '还', '要', '于', '倒', '老', '都', '像', '算', '硬', '正', '不', '也', '凡',
    '若', '或', '而', '特', '尤', '自', '实',
];
/// Openings of Y after which 还是 means "still": 我是真的还是很喜欢你, 他是好人还是那么帅.
const STILL: &[char] = &[
    '很', '挺', '那', '这', '蛮', '太', '最', '比', '也', '都', '一', '会', '要', '得', '想', '在', '有', '算', '喜',
    '觉', '爱', '不', '没', '让', '被', '把', '能', '可', '像', '和', '跟', '好',
];

/// 是X还是Y: the verb 是 with one to eight characters of X after it, and a Y that does not open as
/// "still" does.
fn is_x_or_y(x: &[char], y: &[char]) -> bool {
    let Some(&first) = y.first() else { return false };
    if STILL.contains(&first) || !crate::tokenize::is_alnum(first) {
        return false;
    }
    let n = x.len();
    (n.saturating_sub(9)..n.saturating_sub(1)).any(|i| x[i] == '是' && (i == 0 || !NOT_THE_VERB.contains(&x[i - 1])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternatives_ask_and_still_does_not() {
        for s in [
            "偏大还是偏小",
            "黑色还是白色好看",
            "要大的还是小的",
            "你这个牙套是进口的还是国产的",
            "今天发还是明天发",
            "穿m还是l",
            "165穿m还是l",
            "1还是2",
            "好用还是不好用",
            "老还是不老",
            "去还是没去",
            "是真皮还是人造革",
            "是纯棉还是化纤的",
            "这是道歉还是骂人",
            "对面是真人还是虚拟的呀",
        ] {
            assert!(alternative(s), "{s}");
        }
        for s in [
            "我还是喜欢你",
            "今天还是很开心",
            "还是算了",
            "主播还是那么美",
            "你还是你",
            "我们还是我们",
            "还是",
            "666还是666",
            "pk还是输了",
            "b站还是不错",
            "我还是不去了",
            "我是真的还是很喜欢你",
            "就是还是想买",
            "但是还是买了",
            "不是我还是觉得贵",
            "是我还是算了",
            "他是好人还是那么帅",
        ] {
            assert!(!alternative(s), "{s}");
        }
    }
}
