//! A summary reply, split into what the host reads (小结 + 建议, streamed as it arrives) and what is
//! used elsewhere (回答 → the copy buttons, 画像 → the profile for the next prompt). Models vary the
//! heading style (`## 回答`, `**回答**`, `【回答】`), so headings are matched loosely.

use super::sanitize::{MAX_REPLY_CHARS, reply};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Shown,
    Answers,
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
    pub profile: String,
}

pub fn parse(raw: &str) -> Parsed {
    let mut part = Part::Shown;
    let (mut shown, mut answers, mut profile) = (String::new(), Vec::new(), String::new());
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
            Part::Profile => {
                profile.push_str(line);
                profile.push('\n');
            }
        }
    }
    let (shown, cut) = reply(&shown, MAX_REPLY_CHARS);
    Parsed { shown, cut, answers, profile }
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
}
