//! The report for a terminal: what `make run` prints.

use super::Report;
use crate::summary::Lang;
use std::fmt::Write;

/// Time since the session start as h:mm:ss (logs without real times start at 0).
pub fn clock(ms: i64, started: Option<i64>) -> String {
    let t = (ms - started.unwrap_or(0)).max(0) / 1000;
    format!("{}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60)
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The stream's length, or "—" when the log gave no times (the assumed pace would make one up).
pub fn duration(r: &Report) -> String {
    if r.totals.times_known() { clock(r.ended_ms, r.started_ms) } else { "—".into() }
}

pub fn render(r: &Report, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut o = String::new();
    let t = &r.totals;
    let dur = duration(r);
    let _ = writeln!(o, "{}", if zh { "弹幕雷达 · 直播复盘" } else { "Danmu Radar · stream report" });
    let _ = writeln!(o, "{}", "=".repeat(40));
    let _ = writeln!(
        o,
        "{} {}  {} {}  {} {}  {} {}",
        if zh { "评论" } else { "comments" },
        t.comments,
        if zh { "提问" } else { "questions" },
        t.questions,
        if zh { "观众" } else { "viewers" },
        if t.viewers_known() { t.unique_users.to_string() } else { "—".to_string() },
        if zh { "时长" } else { "duration" },
        dur
    );
    let _ = writeln!(
        o,
        "{} {} {}  {} {}  {} {}",
        if zh { "情绪" } else { "mood" },
        if zh { "正面" } else { "pos" },
        pct(r.sentiment.pos),
        if zh { "中性" } else { "neu" },
        pct(r.sentiment.neu),
        if zh { "负面" } else { "neg" },
        pct(r.sentiment.neg)
    );
    let known = t.viewers_known();
    let head = match (zh, known) {
        (true, true) => "热门问题（人数 / 次数）",
        (true, false) => "热门问题（次数）",
        (false, true) => "Hot questions (viewers / times)",
        (false, false) => "Hot questions (times)",
    };
    let _ = writeln!(o, "\n{head}");
    for (i, q) in r.hot_questions.iter().take(10).enumerate() {
        let tag = if zh { q.intent.label_zh() } else { q.intent.as_str() };
        let n = if known { format!("{} / {}", q.users, q.count) } else { q.count.to_string() };
        let _ = writeln!(o, "{:>2}. {}  [{}]  {n}", i + 1, q.text, tag);
    }
    if r.hot_questions.is_empty() {
        let _ = writeln!(o, "  —");
    }
    let kw: Vec<String> = r.keywords.iter().take(15).map(|k| format!("{}({})", k.word, k.count)).collect();
    let _ = writeln!(
        o,
        "\n{}\n  {}",
        if zh { "热词" } else { "Keywords" },
        if kw.is_empty() { "—".into() } else { kw.join("  ") }
    );
    if !r.products.is_empty() {
        let _ = writeln!(
            o,
            "\n{}",
            if zh {
                "商品需求（提及 / 想要 / 提问）"
            } else {
                "Product demand (mentions / wants / questions)"
            }
        );
        for p in r.products.iter().take(8) {
            let _ = writeln!(o, "  {}  {} / {} / {}", p.name, p.mentions, p.wants, p.questions);
        }
    }
    if !r.totals.times_known() {
        let _ = writeln!(
            o,
            "\n{}",
            if zh {
                "高峰时刻：日志没有时间，算不出评论速度和高峰"
            } else {
                "Peak minutes: the log has no times, so there is no pace to read"
            }
        );
    } else if !r.peaks.is_empty() {
        let peaks: Vec<String> =
            r.peaks.iter().map(|p| format!("{} ({})", clock(p.start_ms, r.started_ms), p.comments)).collect();
        let _ = writeln!(
            o,
            "\n{}\n  {}",
            if zh { "高峰时刻（条/分钟）" } else { "Peak minutes (comments)" },
            peaks.join("  ")
        );
    }
    for a in &r.alerts {
        let _ = writeln!(
            o,
            "\n{} {}  {}  {}",
            if zh { "⚠ 负面突增" } else { "⚠ complaint spike" },
            clock(a.started_ms, r.started_ms),
            pct(a.share),
            a.words.join(if zh { "、" } else { ", " })
        );
    }
    if !r.new_words.is_empty() {
        let _ = writeln!(
            o,
            "\n{}\n  {}",
            if zh { "直播间新词" } else { "Room words found" },
            r.new_words.join(if zh { "、" } else { ", " })
        );
    }
    let _ = writeln!(o, "\n{}\n  {}", if zh { "小结" } else { "Summary" }, r.summary);
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Config, Engine};

    fn report_of(log: &str, format: &str) -> Report {
        let mut e = Engine::new(Config::default());
        e.push_log(log, format, 60.0).unwrap();
        Report::from_engine(&e)
    }

    #[test]
    fn a_log_without_times_shows_no_pace_duration_or_peaks() {
        let r = report_of(&"链接呢\n多少钱\n好看\n".repeat(100), "text");
        assert_eq!(r.totals.untimed, 300);
        assert!(!r.totals.times_known());
        let text = render(&r, Lang::Zh);
        assert!(text.contains("时长 —"), "{text}");
        assert!(text.contains("日志没有时间"), "{text}");
        assert!(!text.contains("高峰时刻（条/分钟）") && !r.summary.contains("每分钟"), "{text}");
        let html = super::super::html::render(&r, Lang::Zh);
        assert!(html.contains("report-untimed") && !html.contains("条/分钟（平均）"));
    }

    #[test]
    fn a_log_with_times_keeps_them() {
        let log: String =
            (0..300).map(|i| format!("{{\"text\":\"链接呢\",\"ts\":{}}}\n", 1_700_000_000_000i64 + i * 500)).collect();
        let r = report_of(&log, "jsonl");
        assert!(r.totals.times_known() && r.totals.untimed == 0);
        let text = render(&r, Lang::Zh);
        assert!(text.contains("时长 0:02:29") && text.contains("高峰时刻（条/分钟）"), "{text}");
        assert!(r.summary.contains("平均每分钟"), "{}", r.summary);
    }
}
