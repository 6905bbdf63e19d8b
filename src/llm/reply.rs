//! A summary reply, split into what the host reads (小结 + 建议, streamed as it arrives) and what is
//! used elsewhere (回答 → the copy buttons, 同问 → hot questions the model reads as one ask, offered
//! to the host to merge, 画像 → the profile for the next prompt). Models vary the
//! heading style (`## 回答`, `**回答**`, `【回答】`), so headings are matched loosely.

use super::sanitize::{MAX_REPLY_CHARS, reply};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Shown,
    Answers,
    Same,
    Profile,
}

fn heading(line: &str) -> Option<Part> {
    let t = line.trim().trim_start_matches(['#', '*', '【', ' ']).trim_end_matches(['*', '】', ':', '：', ' ']);
    if t.chars().count() > 12 {
        return None;
    }
    let t = t.to_lowercase();
    match t.as_str() {
        "回答" | "建议回答" | "答疑" | "answers" | "suggested answers" => Some(Part::Answers),
        "同问" | "相同问题" | "同一问题" | "same" | "same questions" | "same question" => Some(Part::Same),
        "画像" | "观众画像" | "profile" | "audience profile" => Some(Part::Profile),
        _ => None,
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// 小结 + 建议, cleaned and capped.
    pub shown: String,
    /// The shown part was longer than the cap and was cut.
    pub cut: bool,
    /// (question number from `Q<n>:`, raw answer).
    pub answers: Vec<(usize, String)>,
    /// Question numbers that ask the same thing, one set per `Q2=Q5` line (at least two each).
    pub same: Vec<Vec<usize>>,
    pub profile: String,
}

pub fn parse(raw: &str) -> Parsed {
    let mut part = Part::Shown;
    let (mut shown, mut answers, mut profile) = (String::new(), Vec::new(), String::new());
    let mut same = Vec::new();
    for line in raw.lines() {
        if let Some(p) = heading(line) {
            part = p;
            continue;
        }
        match part {
            Part::Shown => {
                shown.push_str(line);
                shown.push('\n');
            }
            Part::Answers => {
                let l = line.trim().trim_start_matches(['-', '*', ' ']).trim_start_matches("**");
                let Some(rest) = l.strip_prefix(['Q', 'q']) else { continue };
                let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
                let after = rest[digits.len()..].trim_start_matches("**").trim_start();
                if let (Ok(n), Some(a)) = (digits.parse(), after.strip_prefix([':', '：', '.', '、'])) {
                    answers.push((n, a.trim().to_string()));
                }
            }
            Part::Same => {
                let set = question_numbers(line);
                if set.len() >= 2 {
                    same.push(set);
                }
            }
            Part::Profile => {
                profile.push_str(line);
                profile.push('\n');
            }
        }
    }
    let (shown, cut) = reply(&shown, MAX_REPLY_CHARS);
    Parsed { shown, cut, answers, same, profile }
}

/// The distinct `Q<n>` of a line, in order (`Q2=Q5`, `Q2 = Q5 = Q7`, `- Q3、Q4`).
fn question_numbers(line: &str) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(['Q', 'q']) {
        rest = &rest[at + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if let Ok(n) = rest[..digits].parse()
            && !out.contains(&n)
        {
            out.push(n);
        }
        rest = &rest[digits..];
    }
    out
}

/// What the overlay shows while the reply streams in.
pub fn visible(raw: &str) -> String {
    parse(raw).shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_sections() {
        let raw = "## 小结\n最多人问尺码。\n\n## 建议\n- 讲尺码表\n**回答**\nQ1: S到XL\n- **Q2**：请主播确认：库存\nQx: no\n【观众画像】\n- 宝妈多\n";
        let p = parse(raw);
        assert_eq!(p.shown, "## 小结\n最多人问尺码。\n\n## 建议\n- 讲尺码表");
        assert_eq!(p.answers, vec![(1, "S到XL".into()), (2, "请主播确认：库存".into())]);
        assert_eq!(p.profile.trim(), "- 宝妈多");
        assert_eq!(visible("## 小结\n正在"), "## 小结\n正在");
    }

    #[test]
    fn same_questions_are_sets_of_two_or_more() {
        let raw = "## 小结\n好。\n## 同问\nQ2=Q5\n- **Q1** = Q3 = q4\nQ6=Q6\n无\n## 画像\n- 学生\n";
        let p = parse(raw);
        assert_eq!(p.same, vec![vec![2, 5], vec![1, 3, 4]]);
        assert_eq!(p.shown, "## 小结\n好。");
        assert_eq!(p.profile.trim(), "- 学生");
        assert!(parse("## Same\nnone\n").same.is_empty());
    }
}
