//! Engine invariants over real comments: exactly-once delivery over retries, checkpoint/restore in
//! the middle of a stream, event rows never counted as comments, bounded state.

use danmu_radar::{Comment, Engine, Kind};
use proptest::prelude::*;

fn real_comments(n: usize) -> Vec<Comment> {
    std::fs::read_to_string("tests/data/live/livechat_douyin_dev.tsv")
        .unwrap()
        .lines()
        .skip(1)
        .take(n)
        .enumerate()
        .map(|(i, l)| {
            let mut f = l.split('\t');
            let user = f.next().unwrap().to_string();
            Comment::by(format!("{user}-{}", i % 37), f.next().unwrap(), 1_700_000_000_000 + i as i64 * 700)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A sender that retries batches (after a lost ack) never makes the engine count a row twice.
    #[test]
    fn retried_batches_count_once(sizes in prop::collection::vec(1usize..40, 1..20), retries in prop::collection::vec(any::<bool>(), 20)) {
        let rows = real_comments(400);
        let mut e = Engine::default();
        let (mut at, mut seq, mut sent) = (0, 0u64, 0);
        for (i, n) in sizes.iter().enumerate() {
            let end = (at + n).min(rows.len());
            seq += 1;
            prop_assert!(e.push_batch("tab", seq, &rows[at..end]));
            if retries[i % retries.len()] {
                prop_assert!(!e.push_batch("tab", seq, &rows[at..end]));
            }
            sent += end - at;
            at = end;
        }
        prop_assert_eq!(e.snapshot().totals.comments, sent as u64);
    }

    /// Checkpointing anywhere and restoring gives exactly the state of an uninterrupted engine.
    #[test]
    fn checkpoint_anywhere_restores_exactly(cut in 0usize..300) {
        let rows = real_comments(300);
        let mut whole = Engine::default();
        rows.iter().for_each(|r| { whole.push(r); });
        let mut first = Engine::default();
        rows[..cut].iter().for_each(|r| { first.push(r); });
        let mut second = Engine::restore(&first.checkpoint()).unwrap();
        rows[cut..].iter().for_each(|r| { second.push(r); });
        prop_assert_eq!(whole.snapshot(), second.snapshot());
    }
}

#[test]
fn event_rows_are_not_comments() {
    let mut e = Engine::default();
    for (kind, text) in
        [(Kind::Gift, "送出了 玫瑰"), (Kind::Like, "点赞了"), (Kind::Enter, "来了"), (Kind::Purchase, "正在去购买")]
    {
        e.push(&Comment { text: text.into(), kind, ts: Some(1000), ..Default::default() });
    }
    e.push(&Comment::by("a", "多少钱", 2000));
    let t = e.snapshot().totals;
    assert_eq!((t.comments, t.gifts, t.likes, t.entries, t.purchases), (1, 1, 1, 1, 1));
}

#[test]
fn a_viewer_repeating_counts_as_posts_not_as_askers() {
    let mut e = Engine::default();
    for i in 0..5 {
        e.push(&Comment::by("same-viewer", "链接呢", 1000 + i * 1000));
    }
    let q = &e.snapshot().hot_questions[0];
    assert_eq!((q.count, q.users), (5, 1));
    assert_eq!(e.snapshot().totals.comments, 5);
}

#[test]
fn a_flood_is_one_question_flagged_as_a_flood() {
    let mut e = Engine::default();
    for i in 0..30 {
        e.push(&Comment::by(format!("v{i}"), "有货吗", 1000 + i * 300));
    }
    let s = e.snapshot();
    assert_eq!(s.hot_questions.len(), 1);
    assert!(s.hot_questions[0].flood);
    assert_eq!(s.hot_questions[0].users, 30);
    assert_eq!(s.floods[0].text, "有货吗");
}

#[test]
fn state_stays_bounded_over_a_long_diverse_stream() {
    let rows = real_comments(4800);
    let mut e = Engine::default();
    // Forty passes of every real comment with distinct suffixes: ~190k unique texts over ~37 hours.
    for pass in 0..40 {
        for (i, r) in rows.iter().enumerate() {
            let mut c = r.clone();
            c.text = format!("{}{}", c.text, pass);
            c.ts = Some(1_700_000_000_000 + (pass * rows.len() + i) as i64 * 700);
            e.push(&c);
        }
    }
    let size = e.checkpoint().len();
    assert!(size < 4 * 1024 * 1024, "checkpoint {size} bytes");
    assert!(e.snapshot().hot_questions.len() <= 8);
}
