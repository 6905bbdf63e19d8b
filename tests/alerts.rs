//! The complaint alert on a real room: a wave of order complaints (still, mostly, "neutral" to the
//! mood models) raises it with the words they share; the same room without the wave does not.

use danmu_radar::{Comment, Engine};

const T0: i64 = 1_700_000_000_000;

/// Real live comments, one every 700 ms from 40 viewers, as the room's normal chatter.
fn room(n: usize) -> Vec<Comment> {
    std::fs::read_to_string("tests/data/live/livechat_douyin_dev.tsv")
        .unwrap()
        .lines()
        .skip(1)
        .take(n)
        .enumerate()
        .map(|(i, l)| Comment::by(format!("v{}", i % 40), l.split('\t').nth(1).unwrap(), T0 + i as i64 * 700))
        .collect()
}

fn alert_after(rows: &[Comment]) -> Option<danmu_radar::alerts::Alert> {
    let mut e = Engine::default();
    for c in rows {
        e.push(c);
    }
    e.snapshot().mood.alert
}

#[test]
fn a_wave_of_order_complaints_raises_the_alert() {
    let mut rows = room(600);
    assert!(alert_after(&rows).is_none(), "the room's own chatter raised an alert");
    let wave = ["客服不理人", "等了一周了还没到", "收到的是坏的", "怎么还不发货", "还没收到货", "客服呢不理人"];
    let end = rows.last().unwrap().ts.unwrap();
    for i in 0..30 {
        rows.push(Comment::by(format!("buyer{i}"), wave[i % wave.len()], end + 1_000 * (i as i64 + 1)));
    }
    let alert = alert_after(&rows).expect("30 complaints in 30 s raise the alert");
    assert!(alert.negatives >= 20, "{alert:?}");
    assert!(["发货", "客服"].iter().all(|t| alert.words.iter().any(|w| w == t)), "{:?}", alert.words);
}

#[test]
fn an_english_report_lists_the_alert_words_the_english_way() {
    use danmu_radar::report::{Report, html, text};
    use danmu_radar::summary::Lang;
    let mut rows = room(600);
    let end = rows.last().unwrap().ts.unwrap();
    let wave = ["客服不理人", "等了一周了还没到", "怎么还不发货", "还没收到货"];
    for i in 0..30 {
        rows.push(Comment::by(format!("buyer{i}"), wave[i % wave.len()], end + 1_000 * (i as i64 + 1)));
    }
    let report = |lang| {
        let mut e = Engine::new(danmu_radar::Config { lang, ..Default::default() });
        rows.iter().for_each(|c| {
            e.push(c);
        });
        Report::from_engine(&e)
    };
    let r = report(Lang::En);
    assert!(!r.alerts.is_empty() && r.alerts[0].words.len() > 1, "{:?}", r.alerts);
    let words = r.alerts[0].words.join(", ");
    let (en, page) = (text::render(&r, Lang::En), html::render(&r, Lang::En));
    assert!(en.contains(&words) && !en.contains('、'), "{en}");
    assert!(page.contains(&format!(": {words}")), "{page}");
    assert!(text::render(&report(Lang::Zh), Lang::Zh).contains(&r.alerts[0].words.join("、")));
}
