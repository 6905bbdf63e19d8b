//! `analyze --format html` on real comments: one valid, self-contained page whose data section is the
//! very report `--format json` writes, and whose text cannot break out of its place.

use danmu_radar::Report;
use std::process::Command;

const LIVE: &str = "tests/data/live/livechat_douyin_dev.tsv";

fn analyze(args: &[&str]) -> String {
    let out =
        Command::new(env!("CARGO_BIN_EXE_danmu-radar")).arg("analyze").args(args).output().expect("the binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The JSON inside `<script type="application/json" id="report-data">`.
fn data_section(html: &str) -> &str {
    let open = "<script type=\"application/json\" id=\"report-data\">";
    let start = html.find(open).expect("a data section") + open.len();
    let end = start + html[start..].find("</script>").expect("closed");
    &html[start..end]
}

#[test]
fn html_report_of_real_comments_is_self_contained_and_carries_the_json_report() {
    let html = analyze(&[LIVE, "--format", "html"]);
    assert!(html.starts_with("<!doctype html><html lang=\"zh-CN\">"));
    assert!(html.trim_end().ends_with("</html>"));
    // Self-contained: no script to run, nothing fetched (the CSP forbids it anyway).
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    assert_eq!(html.matches("<script").count(), 1, "only the JSON data block");
    for external in ["src=", "href=", "url(", "@import"] {
        assert!(!html.contains(external), "no external reference: {external}");
    }
    let without_xmlns = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(!without_xmlns.contains("http://") && !without_xmlns.contains("https://"));
    for id in ["summary", "comments", "sentiment", "questions", "keywords", "products", "engagement"] {
        assert!(html.contains(&format!("<section id=\"{id}\">")), "section {id}");
    }
    // This log has no times: its pace would be the assumed rate, so only the sentiment chart shows.
    assert_eq!(html.matches("<svg").count(), 1, "the sentiment chart, and no comments-per-minute chart");
    assert!(html.contains("data-testid=\"report-untimed\""));

    let data: Report = serde_json::from_str(data_section(&html)).expect("the data section is a Report");
    let json: Report = serde_json::from_str(&analyze(&[LIVE, "--format", "json"])).unwrap();
    assert_eq!(data, json, "the HTML carries the same report as --format json");
    assert_eq!(data.comments, 4835);
    assert!(!data.hot_questions.is_empty() && !data.keywords.is_empty());
    for q in data.hot_questions.iter().take(5) {
        let shown = q.text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        assert!(html.contains(&shown), "hot question shown: {}", q.text);
    }
    insta::assert_json_snapshot!("livechat_douyin_dev_digest", digest(&data));
}

/// What a reader of the report sees first; the full data is compared with --format json above.
fn digest(r: &Report) -> serde_json::Value {
    serde_json::json!({
        "comments": r.comments,
        "questions": r.totals.questions,
        "viewers": r.totals.unique_users,
        "minutes": r.timeline.len(),
        "sentiment": r.sentiment,
        "hot_questions": r.hot_questions.iter().take(5).map(|q| (&q.text, q.count, q.users)).collect::<Vec<_>>(),
        "keywords": r.keywords.iter().take(10).map(|k| (&k.word, k.count)).collect::<Vec<_>>(),
        "peaks": r.peaks.iter().map(|p| (p.start_ms, p.comments)).collect::<Vec<_>>(),
        "alerts": r.alerts.len(),
        "summary": r.summary,
    })
}

#[test]
fn comment_text_is_escaped_in_the_page_and_in_the_data_section() {
    let log = std::env::temp_dir().join(format!("dr-html-{}.jsonl", std::process::id()));
    let evil = "</script><script>alert(1)</script><img src=x onerror=alert(2)> 多少钱？";
    let rows: String =
        (0..12).map(|i| format!("{{\"text\":{:?},\"user\":\"u{i}\",\"ts\":{}}}\n", evil, i * 1000)).collect();
    std::fs::write(&log, rows).unwrap();
    let html = analyze(&[log.to_str().unwrap(), "--format", "html", "--lang", "en"]);
    std::fs::remove_file(&log).ok();
    assert!(html.starts_with("<!doctype html><html lang=\"en\">"));
    assert_eq!(html.matches("<script").count(), 1);
    assert_eq!(html.matches("<svg").count(), 2, "a log with times: comments per minute and sentiment charts");
    assert_eq!(html.matches("</script>").count(), 1);
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)"));
    let data: Report = serde_json::from_str(data_section(&html)).unwrap();
    assert!(data.hot_questions.iter().any(|q| q.text.contains("</script>")), "the data keeps the real text");
}

#[test]
fn suggested_answers_join_their_questions_as_text() {
    use danmu_radar::{Comment, Config, Engine, report::html, summary::Lang};
    let mut e = Engine::new(Config::default());
    for (i, t) in ["多少钱", "什么价格", "几点下播"].iter().enumerate() {
        e.push(&Comment { user: Some(format!("u{i}")), ts: Some(i as i64 * 1000), ..Comment::text(*t) });
    }
    let plain = Report::from_engine(&e);
    let price = plain.hot_questions.iter().find(|q| q.text.contains("钱") || q.text.contains("价")).unwrap().id;
    let answers =
        format!("{{\"{price}\":\"<b>59元</b>，在3号链接\",\"9999\":\"not a question here\",\"x\":\"bad id\"}}");
    let with = Report::from_engine(&e).with_answers_json(&answers).unwrap();
    assert_eq!(with.answers.len(), 1, "only answers to listed questions");
    let page = html::render(&with, Lang::Zh);
    assert!(page.contains("<b>建议回答</b> &lt;b&gt;59元&lt;/b&gt;，在3号链接"));
    // Without answers the JSON is unchanged (no empty field), so every path still gives the same bytes.
    assert!(!plain.to_json().contains("\"answers\""));
    assert!(with.to_json().contains("\"answers\""));
    assert!(Report::from_engine(&e).with_answers_json("[1]").is_err());
}
