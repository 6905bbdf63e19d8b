//! The local summary: a short paragraph from the snapshot, shown whenever no LLM is configured
//! (and while one is thinking). zh-CN first, English second.

use crate::snapshot::Snapshot;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN", alias = "zh")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// A UI language tag ("zh-CN", "en-US", …): English for `en*`, Chinese otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.starts_with("en") { Lang::En } else { Lang::Zh }
    }
}

fn pct(x: f64) -> u32 {
    (x * 100.0).round() as u32
}

/// What the summary speaks of: the live moment (overlay) or the whole session (report).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Live,
    Session,
}

/// Hot questions more than one viewer asked, hottest first. "最多人问" counts people: one viewer
/// repeating a question (要不要我给你点 ×2, 1人) is not what a room keeps asking.
fn recurring(s: &Snapshot) -> impl Iterator<Item = &crate::groups::HotQuestion> {
    s.hot_questions.iter().filter(|q| q.users >= 2)
}

pub fn local_summary(s: &Snapshot, lang: Lang, scope: Scope) -> String {
    match lang {
        Lang::Zh => zh(s, scope),
        Lang::En => en(s, scope),
    }
}

fn zh(s: &Snapshot, scope: Scope) -> String {
    if s.totals.comments == 0 {
        return "还没有评论。评论出现后，这里会显示观众最关心的问题和情绪。".into();
    }
    let live = scope == Scope::Live;
    // A log without times has only an assumed pace: say nothing of it.
    let mut out = if !s.totals.times_known() {
        format!("整场共 {} 条评论。", s.totals.comments)
    } else if live {
        format!("共 {} 条评论（近1分钟 {} 条）。", s.totals.comments, s.totals.per_minute)
    } else {
        format!("整场共 {} 条评论，平均每分钟 {} 条。", s.totals.comments, s.totals.per_minute)
    };
    // Only a question more than one viewer asked is worth the host's attention as "most asked"; a
    // room of one-off questions gets said so, not its first one-off question.
    let qs: Vec<&_> = recurring(s).take(2).collect();
    // A log without user names cannot say how many people asked, only how many times.
    let (lead, unit) = if s.totals.viewers_known() { ("最多人问", "人") } else { ("问得最多的是", "次") };
    match qs.as_slice() {
        [] if s.totals.questions > 0 => {
            out.push_str(&format!("共 {} 条提问，还没有被多人问到的问题。", s.totals.questions))
        }
        [] => out.push_str("暂时没有集中的提问。"),
        [a] => out.push_str(&format!("{lead}「{}」（{}{unit}）。", a.text, a.users)),
        [a, b, ..] => out.push_str(&format!(
            "{lead}「{}」（{}{unit}），其次是「{}」（{}{unit}）。",
            a.text, a.users, b.text, b.users
        )),
    }
    let m = &s.mood.recent;
    if m.n > 0 {
        let tone = if m.neg >= 0.3 {
            "偏负面"
        } else if m.pos >= m.neg + 0.2 {
            "偏正面"
        } else {
            "以中性为主"
        };
        let when = if live { "近5分钟" } else { "整场" };
        out.push_str(&format!("{when}情绪{tone}（正面{}%，负面{}%）。", pct(m.pos), pct(m.neg)));
    }
    match &s.mood.alert {
        Some(a) if live => out.push_str(&format!("注意：负面评论突增（{}），请及时回应。", a.words.join("、"))),
        Some(a) => out.push_str(&format!("期间出现过负面评论突增（{}），值得复盘。", a.words.join("、"))),
        None => {}
    }
    if let Some(p) = s.products.first() {
        out.push_str(&format!("需求最高的是{}（{}次提及）。", p.name, p.mentions));
    }
    if let Some(p) = s.poll.as_ref().filter(|p| p.active) {
        let opts: Vec<String> = p.options.iter().map(|(k, v)| format!("扣{k}×{v}")).collect();
        out.push_str(&format!("正在扣数：{}。", opts.join("，")));
    }
    let kw: Vec<&str> = s.keywords.iter().take(3).map(|k| k.word.as_str()).collect();
    if !kw.is_empty() {
        out.push_str(&format!("热词：{}。", kw.join("、")));
    }
    if let Some(q) = recurring(s).next().filter(|_| live) {
        match q.intent {
            crate::intent::Intent::Other => out.push_str(&format!("建议：先回应「{}」。", q.text)),
            i => out.push_str(&format!("建议：先回答{}问题「{}」。", i.label_zh(), q.text)),
        }
    }
    out
}

fn en(s: &Snapshot, scope: Scope) -> String {
    if s.totals.comments == 0 {
        return "No comments yet. The audience's top questions and mood will show here.".into();
    }
    let live = scope == Scope::Live;
    let mut out = if !s.totals.times_known() {
        format!("{} comments. ", s.totals.comments)
    } else if live {
        format!("{} comments ({} in the last minute). ", s.totals.comments, s.totals.per_minute)
    } else {
        format!("{} comments, {} per minute on average. ", s.totals.comments, s.totals.per_minute)
    };
    match recurring(s).next() {
        Some(q) => {
            let unit = if s.totals.viewers_known() { "viewers" } else { "times" };
            out.push_str(&format!("Most asked: \"{}\" ({} {unit}). ", q.text, q.users))
        }
        None if s.totals.questions > 0 => {
            out.push_str(&format!("{} questions, none asked by two viewers yet. ", s.totals.questions))
        }
        None => out.push_str("No recurring questions yet. "),
    }
    let m = &s.mood.recent;
    if m.n > 0 {
        let when = if live { "Mood (5 min)" } else { "Mood (whole stream)" };
        out.push_str(&format!("{when}: {}% positive, {}% negative. ", pct(m.pos), pct(m.neg)));
    }
    match &s.mood.alert {
        Some(a) if live => out.push_str(&format!("Alert: complaints are spiking ({}). ", a.words.join(", "))),
        Some(a) => out.push_str(&format!("Complaints spiked during the stream ({}). ", a.words.join(", "))),
        None => {}
    }
    if let Some(p) = s.products.first() {
        out.push_str(&format!("Most wanted: {} ({} mentions). ", p.name, p.mentions));
    }
    let kw: Vec<&str> = s.keywords.iter().take(3).map(|k| k.word.as_str()).collect();
    if !kw.is_empty() {
        out.push_str(&format!("Hot words: {}.", kw.join(", ")));
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Comment;
    use crate::engine::{Config, Engine};

    fn summary_after(rows: &[(&str, &str)]) -> String {
        let mut e = Engine::new(Config::default());
        for (user, text) in rows {
            e.push(&Comment { user: Some(user.to_string()), ..Comment::text(*text) });
        }
        local_summary(&e.snapshot(), Lang::Zh, Scope::Session)
    }

    #[test]
    fn most_asked_means_asked_more_than_once() {
        let s = summary_after(&[("a", "多少钱"), ("b", "几点下播"), ("c", "什么价格")]);
        assert!(s.contains("最多人问「"), "{s}");
        let s = summary_after(&[("a", "几点下播"), ("b", "主播多高")]);
        assert!(s.contains("共 2 条提问，还没有被多人问到的问题"), "{s}");
        // One viewer asking twice is not "most asked".
        let s = summary_after(&[("a", "要不要我给你点"), ("a", "要不要我给你点"), ("b", "几点下播")]);
        assert!(!s.contains("最多人问"), "{s}");
        assert!(!s.contains("最多人问"), "{s}");
    }

    #[test]
    fn without_user_names_counts_are_times_not_people() {
        let mut e = Engine::new(Config::default());
        for text in ["多少钱", "什么价格", "多少钱", "几点下播"] {
            e.push(&Comment::text(text));
        }
        let s = local_summary(&e.snapshot(), Lang::Zh, Scope::Session);
        assert!(s.contains("问得最多的是「多少钱」（3次）"), "{s}");
        assert!(!e.snapshot().totals.viewers_known());
    }

    #[test]
    fn a_session_with_a_complaint_spike_says_so() {
        let mut e = Engine::new(Config::default());
        let mut t = 0;
        for i in 0..200 {
            e.push(&Comment::by(format!("v{}", i % 30), ["来了", "3号", "好看", "主播好"][i % 4], t));
            t += 1_000;
        }
        for i in 0..20 {
            e.push(&Comment::by(format!("buyer{i}"), ["客服不理人", "还没收到货"][i % 2], t));
            t += 1_000;
        }
        let report = crate::Report::from_engine(&e);
        assert_eq!(report.alerts.len(), 1);
        assert!(report.summary.contains("期间出现过负面评论突增（"), "{}", report.summary);
    }
}
