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
    })
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
        ] {
            assert!(!alternative(s), "{s}");
        }
    }
}
