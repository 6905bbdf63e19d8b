//! The report as one self-contained HTML page (复盘): inline CSS, charts as inline SVG, no script, no
//! external request (its Content-Security-Policy forbids any), printable. zh-CN with English
//! subtitles, or English only. The whole `Report` rides along as JSON in
//! `<script type="application/json" id="report-data">`, so a page is also a data file.
//!
//! Comment text is only ever HTML-escaped text here, and `<` in the JSON is written `\u003c`, so no
//! comment can close the data block or open a tag.

use super::Report;
use super::charts::{self, Chart};
use super::sections::{alerts, cards, engagement, keywords, peaks, polls_and_floods, products, questions};
use super::text::{clock, duration};
use crate::summary::Lang;
use std::fmt::Write;

const CSS: &str = include_str!("report.css");
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// Text as HTML text or attribute value.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

/// The report as JSON that is safe inside a `<script>` block: `<` never appears literally.
pub fn data_json(r: &Report) -> String {
    serde_json::to_string(r).expect("report serializes").replace('<', "\\u003c")
}

/// A label: Chinese with its English as a quieter subtitle, or English alone.
pub struct Labels {
    pub zh: bool,
}

impl Labels {
    pub fn l(&self, zh: &str, en: &str) -> String {
        if self.zh { format!("{}<span class=\"en\">{}</span>", escape(zh), escape(en)) } else { escape(en) }
    }
    /// Short labels (table headers, cards): one language.
    pub fn s(&self, zh: &str, en: &str) -> String {
        escape(if self.zh { zh } else { en })
    }
}

pub fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// A Unix time in ms as ("YYYY-MM-DD", "HH:MM:SS") in China time (UTC+8), the sellers' clock. Days
/// from the epoch to a civil date: Howard Hinnant's algorithm.
fn china_time(ms: i64) -> (String, String) {
    let secs = ms.div_euclid(1000) + 8 * 3600;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + (m <= 2) as i64;
    (format!("{y:04}-{m:02}-{d:02}"), format!("{:02}:{:02}:{:02}", rest / 3600, rest / 60 % 60, rest % 60))
}

/// Logs without real times start at 0: only a real date (after 2000) is worth printing.
fn has_dates(r: &Report) -> bool {
    r.started_ms.is_some_and(|s| s > 946_684_800_000)
}

/// A moment of the stream as the seller would look it up: the wall clock (China time) when the log
/// has real times, else the time since the start.
pub fn moment(r: &Report, ms: i64) -> String {
    if has_dates(r) { china_time(ms).1 } else { clock(ms, r.started_ms) }
}

/// A minute bucket's start as "HH:MM" (wall clock) or "h:mm" since the first minute.
pub fn minute(r: &Report, ms: i64) -> String {
    if has_dates(r) {
        china_time(ms).1[..5].to_string()
    } else {
        let c = clock(ms, r.timeline.first().map(|b| b.start_ms).or(r.started_ms));
        c[..c.len() - 3].to_string()
    }
}

fn section(o: &mut String, id: &str, title: &str, body: &str) {
    let _ = write!(o, "<section id=\"{id}\"><h2>{title}</h2>{body}</section>");
}

pub fn figure(t: &Labels, c: &Chart) -> String {
    let mut o = format!("<figure>{}<ul class=\"legend\">", c.svg);
    for (zh, en, color) in &c.legend {
        let _ = write!(o, "<li><i style=\"background:{color}\"></i>{}</li>", t.s(zh, en));
    }
    o + "</ul></figure>"
}

pub fn render(r: &Report, lang: Lang) -> String {
    let t = Labels { zh: lang == Lang::Zh };
    let mut o = String::with_capacity(64 * 1024);
    let _ = write!(
        o,
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\"><title>{}</title><style>{CSS}</style></head><body><main>",
        if t.zh { "zh-CN" } else { "en" },
        t.s("弹幕雷达 · 直播复盘", "Danmu Radar · stream report")
    );
    let when = match r.started_ms {
        Some(s) if has_dates(r) => {
            let (date, time) = china_time(s);
            format!("{date} {} (UTC+8) · ", &time[..5])
        }
        _ => String::new(),
    };
    let _ = write!(
        o,
        "<header><h1>{}</h1><p class=\"meta\">{when}{} {}</p></header>",
        t.l("弹幕雷达 · 直播复盘", "Danmu Radar · stream report"),
        t.s("时长", "duration"),
        duration(r)
    );
    let summary = format!("<p class=\"summary\" data-testid=\"report-summary\">{}</p>", escape(&r.summary));
    section(&mut o, "summary", &t.l("小结", "Summary"), &(summary + &cards(&t, r)));
    // A log without times was paced at an assumed rate: its per-minute counts would only draw that
    // rate back, and its minutes are the log's order, not the clock.
    let untimed = !r.totals.times_known();
    let cpm = if untimed {
        format!(
            "<p class=\"meta\" data-testid=\"report-untimed\">{}</p>",
            t.s("日志没有时间，算不出评论速度和高峰。", "The log has no times, so there is no pace or peak to read.")
        )
    } else {
        figure(&t, &charts::comments_per_minute(r)) + &peaks(&t, r, &r.peaks)
    };
    section(&mut o, "comments", &t.l("每分钟评论与高峰", "Comments per minute and peaks"), &cpm);
    let mut mood = format!(
        "<p class=\"meta\">{} {} · {} {} · {} {}</p>",
        t.s("正面", "positive"),
        pct(r.sentiment.pos),
        t.s("中性", "neutral"),
        pct(r.sentiment.neu),
        t.s("负面", "negative"),
        pct(r.sentiment.neg)
    ) + &figure(&t, &charts::sentiment_timeline(r));
    if untimed {
        let _ = write!(
            mood,
            "<p class=\"meta\">{}</p>",
            t.s("横轴是评论在日志里的先后，不是真实时间。", "Across: the comments' order in the log, not the clock.")
        );
    }
    mood += &alerts(&t, r);
    section(&mut o, "sentiment", &t.l("情绪时间线", "Sentiment timeline"), &mood);
    section(&mut o, "questions", &t.l("热门问题", "Hot questions"), &questions(&t, r));
    section(&mut o, "keywords", &t.l("热词", "Keywords"), &keywords(&t, r));
    section(&mut o, "products", &t.l("商品需求", "Product demand"), &products(&t, r));
    section(&mut o, "engagement", &t.l("互动", "Engagement"), &engagement(&t, r));
    let extra = polls_and_floods(&t, r);
    if !extra.is_empty() {
        section(&mut o, "polls", &t.l("扣数与刷屏", "Polls and floods"), &extra);
    }
    let skipped = if r.skipped > 0 {
        format!(" {} {}.", r.skipped, t.s("行无法读取，已跳过", "unreadable rows were skipped"))
    } else {
        String::new()
    };
    let _ = writeln!(
        o,
        "<footer>{}{skipped}</footer></main><script type=\"application/json\" id=\"report-data\">{}</script></body></html>",
        t.s(
            "由弹幕雷达在本机生成：评论没有离开这台电脑。本页不加载任何外部资源，可离线打开和打印。",
            "Made by Danmu Radar on this computer: no comment left it. This page loads nothing from outside and prints as is."
        ),
        data_json(r)
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Comment, Config, Engine};

    #[test]
    fn comment_text_cannot_escape_text_or_the_data_block() {
        let mut e = Engine::new(Config::default());
        for i in 0..30 {
            e.push(&Comment::by(format!("u{i}"), "</script><img src=x onerror=alert(1)>多少钱？", i * 1_000));
        }
        let r = Report::from_engine(&e);
        let html = render(&r, Lang::Zh);
        assert_eq!(html.matches("</script>").count(), 1);
        assert!(!html.contains("<img"));
        let start = html.find("id=\"report-data\">").unwrap() + "id=\"report-data\">".len();
        let json = &html[start..html.rfind("</script>").unwrap()];
        let back: Report = serde_json::from_str(json).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn dates_are_china_time() {
        assert_eq!(china_time(0), ("1970-01-01".into(), "08:00:00".into()));
        assert_eq!(china_time(1_780_000_000_000), ("2026-05-29".into(), "04:26:40".into()));
    }
}
