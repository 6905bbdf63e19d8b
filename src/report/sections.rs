//! The report's sections as HTML fragments (the page around them is `html.rs`). Every comment text
//! goes through `escape`; numbers and times are ours.

use super::html::{Labels, escape, figure, minute, moment, pct};
use super::text::duration;
use super::{Peak, Report, charts};
use std::fmt::Write;

pub fn peaks(t: &Labels, r: &Report, ps: &[Peak]) -> String {
    if ps.is_empty() {
        return String::new();
    }
    let mut o = format!(
        "<table><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t.s("高峰时刻", "peak minute"),
        t.s("评论", "comments"),
        t.s("提问", "questions"),
        t.s("情绪", "mood")
    );
    for (i, p) in ps.iter().enumerate() {
        let _ = write!(
            o,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:+.0}%</td></tr>",
            i + 1,
            minute(r, p.start_ms),
            p.comments,
            p.questions,
            p.mood * 100.0
        );
    }
    o + "</table>"
}

pub fn alerts(t: &Labels, r: &Report) -> String {
    let mut o = String::new();
    for a in &r.alerts {
        let _ = write!(
            o,
            "<div class=\"alert\" data-testid=\"report-alert\">⚠ <b>{} {}–{}</b> {} {} ({} {}){}{}",
            t.s("负面突增", "Complaint spike"),
            moment(r, a.started_ms),
            moment(r, a.last_ms),
            t.s("负面占比", "negative share"),
            pct(a.share),
            t.s("平时", "usually"),
            pct(a.baseline),
            t.s("：", ": "),
            escape(&a.words.join(if t.zh { "、" } else { ", " }))
        );
        if !a.examples.is_empty() {
            let ex: Vec<String> = a.examples.iter().take(3).map(|e| format!("“{}”", escape(e))).collect();
            let _ = write!(o, "<br><small>{}</small>", ex.join(" "));
        }
        o.push_str("</div>");
    }
    o
}

pub fn questions(t: &Labels, r: &Report) -> String {
    if r.hot_questions.is_empty() {
        return format!("<p class=\"empty\">{}</p>", t.s("没有集中的提问", "No recurring questions"));
    }
    let mut o = format!(
        "<table><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t.s("问题", "question"),
        t.s("人数", "viewers"),
        t.s("次数", "times"),
        t.s("首次 / 最后", "first / last")
    );
    for (i, q) in r.hot_questions.iter().enumerate() {
        let tag = if t.zh { q.intent.label_zh() } else { q.intent.as_str() };
        let mut flags = String::new();
        if q.answered {
            let _ = write!(flags, "<span class=\"flag\">✓ {}</span>", t.s("已回答", "answered"));
        }
        if q.flood {
            let _ = write!(flags, "<span class=\"flag\">{}</span>", t.s("刷屏", "flood"));
        }
        let examples: String = q.examples.iter().map(|e| format!("<li>{}</li>", escape(e))).collect();
        let answer = r
            .answers
            .get(&q.id)
            .map_or(String::new(), |a| format!("<b>{}</b> {}", t.s("建议回答", "Suggested answer"), escape(a)));
        let _ = write!(
            o,
            "<tr data-testid=\"report-question\"><td>{}</td><td><div class=\"q\">{} <span class=\"tag\">{}</span>{flags}</div>\
             <details><summary>{}</summary><ul>{examples}</ul></details><div class=\"answer\" data-slot=\"suggested-answer\">{answer}</div></td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{} / {}</td></tr>",
            i + 1,
            escape(&q.text),
            escape(tag),
            t.s("原话", "wordings"),
            if r.totals.viewers_known() { q.users.to_string() } else { "—".to_string() },
            q.count,
            moment(r, q.first_ms),
            moment(r, q.last_ms)
        );
    }
    o + "</table>"
}

pub fn keywords(t: &Labels, r: &Report) -> String {
    let mut o = String::from("<div class=\"chips\">");
    for k in &r.keywords {
        let _ = write!(o, "<span class=\"chip\">{}<small>{}</small></span>", escape(&k.word), k.count);
    }
    o.push_str("</div>");
    if !r.new_words.is_empty() {
        let _ = write!(
            o,
            "<p class=\"meta\">{}{}</p>",
            t.s("直播间新词：", "Words this room made up: "),
            escape(&r.new_words.join(if t.zh { "、" } else { ", " }))
        );
    }
    o
}

pub fn products(t: &Labels, r: &Report) -> String {
    if r.products.is_empty() {
        return format!("<p class=\"empty\">{}</p>", t.s("没有提到商品", "No product mentioned"));
    }
    let top = r.products.iter().map(|p| p.mentions).max().unwrap_or(1).max(1) as f64;
    let mut o = format!(
        "<table><tr><th>{}</th><th style=\"width:30%\"></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t.s("商品", "product"),
        t.s("提及", "mentions"),
        t.s("想要", "wants"),
        t.s("提问", "questions"),
        t.s("人数", "viewers")
    );
    for p in &r.products {
        let _ = write!(
            o,
            "<tr><td>{}</td><td><div class=\"bar\" style=\"width:{:.0}%\"></div></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&p.name),
            p.mentions as f64 / top * 100.0,
            p.mentions,
            p.wants,
            p.questions,
            p.users
        );
    }
    o + "</table>"
}

pub fn engagement(t: &Labels, r: &Report) -> String {
    let n = &r.totals;
    let items = [
        (n.gifts, "礼物", "gifts"),
        (n.likes, "点赞", "likes"),
        (n.entries, "进场", "joins"),
        (n.follows, "关注", "follows"),
        (n.purchases, "下单", "orders"),
    ];
    let mut o = String::from("<div class=\"cards\">");
    for (v, zh, en) in items {
        let _ = write!(o, "<div class=\"card\"><b>{v}</b><span>{}</span></div>", t.s(zh, en));
    }
    o.push_str("</div>");
    match charts::engagement(r) {
        Some(c) => o + &figure(t, &c),
        None => {
            o + &format!(
                "<p class=\"meta\">{}</p>",
                t.s("日志中没有礼物、点赞等事件。", "The log has no gift, like or join events.")
            )
        }
    }
}

pub fn polls_and_floods(t: &Labels, r: &Report) -> String {
    let mut o = String::new();
    for p in &r.polls {
        let opts: Vec<String> = p.options.iter().map(|(k, v)| format!("扣{} × {v}", escape(k))).collect();
        let (colon, comma) = if t.zh { ("：", "，") } else { (": ", ", ") };
        let _ = write!(o, "<p>{} {}{colon}{}</p>", t.s("扣数", "Poll"), moment(r, p.started_ms), opts.join(comma));
    }
    if !r.floods.is_empty() {
        let _ = write!(o, "<p class=\"meta\">{}</p><div class=\"chips\">", t.s("刷屏", "Floods"));
        for f in &r.floods {
            let _ = write!(o, "<span class=\"chip\">{}<small>×{}</small></span>", escape(&f.text), f.count);
        }
        o.push_str("</div>");
    }
    o
}

pub fn cards(t: &Labels, r: &Report) -> String {
    let n = &r.totals;
    let items = [
        (n.comments.to_string(), t.s("评论", "comments")),
        (n.questions.to_string(), t.s("提问", "questions")),
        if n.viewers_known() {
            (n.unique_users.to_string(), t.s("观众", "viewers"))
        } else {
            ("—".to_string(), t.s("观众（日志没有用户名）", "viewers (the log names none)"))
        },
        if n.times_known() {
            (format!("{}", n.per_minute.round()), t.s("条/分钟（平均）", "per minute (avg)"))
        } else {
            ("—".to_string(), t.s("条/分钟（日志没有时间）", "per minute (the log has no times)"))
        },
        (duration(r), t.s("时长", "duration")),
        (pct(r.sentiment.pos), t.s("正面", "positive")),
        (pct(r.sentiment.neg), t.s("负面", "negative")),
    ];
    let mut o = String::from("<div class=\"cards\">");
    for (v, k) in items {
        let _ = write!(o, "<div class=\"card\"><b>{}</b><span>{k}</span></div>", escape(&v));
    }
    o + "</div>"
}
