//! The report as CSV: one table per section, separated by a blank line, each under a title row, so a
//! seller can open it in a spreadsheet.

use super::Report;
use crate::report::text::clock;

pub fn render(r: &Report) -> String {
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    let mut row = |fields: &[String]| w.write_record(fields).expect("writing to a Vec");
    let s = |x: &str| x.to_string();
    row(&[s("# 热门问题 hot questions")]);
    row(&[
        s("rank"),
        s("question"),
        s("count"),
        s("users"),
        s("intent"),
        s("first_seen"),
        s("last_seen"),
        s("examples"),
    ]);
    for (i, q) in r.hot_questions.iter().enumerate() {
        row(&[
            (i + 1).to_string(),
            q.text.clone(),
            q.count.to_string(),
            q.users.to_string(),
            q.intent.as_str().into(),
            clock(q.first_ms, r.started_ms),
            clock(q.last_ms, r.started_ms),
            q.examples.join(" | "),
        ]);
    }
    row(&[]);
    row(&[s("# 关键词 keywords")]);
    row(&[s("word"), s("count")]);
    for k in &r.keywords {
        row(&[k.word.clone(), k.count.to_string()]);
    }
    row(&[]);
    row(&[s("# 商品需求 products")]);
    row(&[s("product"), s("link"), s("mentions"), s("wants"), s("questions"), s("users")]);
    for p in &r.products {
        row(&[
            p.name.clone(),
            p.link.map(|l| l.to_string()).unwrap_or_default(),
            p.mentions.to_string(),
            p.wants.to_string(),
            p.questions.to_string(),
            p.users.to_string(),
        ]);
    }
    row(&[]);
    row(&[s("# 时间线 timeline (per minute)")]);
    row(&[
        s("minute"),
        s("comments"),
        s("questions"),
        s("pos"),
        s("neu"),
        s("neg"),
        s("gifts"),
        s("likes"),
        s("entries"),
        s("purchases"),
    ]);
    for b in &r.timeline {
        row(&[
            clock(b.start_ms, r.started_ms),
            b.comments.to_string(),
            b.questions.to_string(),
            b.pos.to_string(),
            b.neu.to_string(),
            b.neg.to_string(),
            b.gifts.to_string(),
            b.likes.to_string(),
            b.entries.to_string(),
            b.purchases.to_string(),
        ]);
    }
    String::from_utf8(w.into_inner().expect("flush to a Vec")).expect("csv of UTF-8 strings is UTF-8")
}
