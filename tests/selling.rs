//! In a selling room, a buyer saying how the goods were reads by its clear polarity: the live model,
//! which learned from rooms that chat, calls such comments neutral. A room that chats keeps the
//! model's reading, and so do questions.

use danmu_radar::sentiment::Polarity;
use danmu_radar::{Comment, Engine};

const T0: i64 = 1_700_000_000_000;

/// Real live comments of rooms that chat, one a second.
fn chat(n: usize) -> Vec<Comment> {
    std::fs::read_to_string("tests/data/live/livechat_douyin_dev.tsv")
        .unwrap()
        .lines()
        .skip(1)
        .take(n)
        .enumerate()
        .map(|(i, l)| Comment::by(format!("v{}", i % 40), l.split('\t').nth(1).unwrap(), T0 + i as i64 * 1000))
        .collect()
}

fn read_after(rows: &[Comment], text: &str) -> Polarity {
    let mut e = Engine::default();
    rows.iter().for_each(|c| {
        e.push(c);
    });
    e.push(&Comment::by("buyer", text, T0 + 10_000_000)).sentiment
}

#[test]
fn a_buyers_complaint_reads_negative_where_the_room_sells() {
    let complaint = "芒果到手一半是烂的";
    let asks = ["多少钱", "几号链接", "有s码吗", "包邮吗", "还有货吗", "3号多少钱"];
    let mut selling = chat(60);
    for (i, ask) in asks.iter().enumerate() {
        selling.insert(i * 10, Comment::by(format!("b{i}"), *ask, T0 + i as i64 * 10_000 + 1));
    }
    assert_eq!(read_after(&chat(300), complaint), Polarity::Neu, "the model's own reading, in a chat room");
    for complaint in [complaint, "线头好多 做工太粗糙", "这锅用两次就掉涂层了", "衣服比图片薄太多了"]
    {
        assert_eq!(read_after(&selling, complaint), Polarity::Neg, "{complaint}");
    }
    // A neutral question the review-trained polarity reads as negative stays the model's.
    assert_eq!(read_after(&selling, "这两个有什么区别"), Polarity::Neu);
}
